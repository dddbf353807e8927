/**
 * `npm run bench -- --quick` and `npm run bench -- --site --quick` run end to end. Timings are not
 * asserted here (performance is what the bench itself prints, never a timed test); what is asserted
 * is that every part ran, reported figures that make sense, judged only what a smoke run's size can
 * judge (a healthy smoke run prints no FAIL), and that the site benchmark's figures read from the
 * store are the direct computation's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const script = join(root, 'dist/bench/run.js');

function run(args: readonly string[], timeout: number): string {
  if (!existsSync(script)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
  const r = spawnSync(process.execPath, ['--expose-gc', script, ...args], { cwd: root, encoding: 'utf8', timeout });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('npm run bench -- --quick', () => {
  it('prints the three parts with their figures, and no FAIL', () => {
    const out = run(['--quick'], 120_000);
    expect(out).toMatch(/1\. Engine: 4,000 issues × 20 changelog entries, 40 sprints on 4 boards/);
    expect(out).toMatch(/ratio metrics \/ parse = \d\.\d{3}\s+\(quick run: too small to judge\)/);
    expect(out).toMatch(/JSON\.parse of the cut pages\s+\d+\.\d\d s\s+ratio metrics \/ parse = \d+\.\d{3}/);
    // The real loader read every recorded answer of a 2,000-issue board, replayed in-process.
    expect(out).toMatch(/2\. Loader: loadBoards on one board of 2,000 issues × 20 entries, its \d+ answers replayed in-process/);
    const loader = /^loader: rss_mb=(\d+) cpu_over_parse=(\d+\.\d\d)$/m.exec(out);
    expect(loader).not.toBeNull();
    expect(Number(loader?.[1])).toBeGreaterThan(0);
    expect(Number(loader?.[2])).toBeGreaterThan(0);
    // The floor under the loader's CPU goal: the same bodies cut, parsed and validated by the
    // client's schemas, nothing prepared, each step measured.
    const floor = /floor: the same bodies read the required way \(cut, JSON\.parse, zod\), nothing prepared: (\d+\.\d\d) s \+ (\d+\.\d\d) s \+ (\d+\.\d\d) s = (\d+\.\d\d) s, floor_over_parse=(\d+\.\d\d)$/m.exec(out);
    expect(floor).not.toBeNull();
    const [cut, parse, zod, sum, ratio] = (floor ?? []).slice(1, 6).map(Number) as number[];
    for (const n of [cut, parse, zod, ratio]) expect(n).toBeGreaterThan(0);
    expect(Math.abs((cut as number) + (parse as number) + (zod as number) - (sum as number))).toBeLessThanOrEqual(0.02);
    // The same replay again, in a process with the heap AWS Lambda gives a 512 MB function.
    const lambda = /with the heap of a 512 MB Lambda function \(--max-semi-space-size=25 --max-old-space-size=461\): peak RSS (\d+) MB .*; CPU (\d+\.\d\d) s against JSON\.parse (\d+\.\d\d) s: (\d+\.\d\d) × parse$/m.exec(out);
    expect(lambda).not.toBeNull();
    for (const n of (lambda ?? []).slice(1, 5).map(Number)) expect(n).toBeGreaterThan(0);
    // The REST part spends exactly the least the page sizes allow.
    const rows = [...out.matchAll(/^\s+(\d+)\s+(\d+) \((\d+)\)\s+(\d+) \((\d+)\)/gm)];
    expect(rows.map((m) => Number(m[1]))).toEqual([100, 1000]);
    for (const m of rows) {
      expect(m[2]).toBe(m[3]);
      expect(m[4]).toBe(m[5]);
    }
    expect(out).not.toMatch(/\bFAIL\b/);
  }, 150_000);
});

describe('npm run bench -- --site --quick', () => {
  it('syncs the small site, and every figure read from the store is the direct one', () => {
    const out = run(['--site', '--quick'], 240_000);
    const lines = out.trimEnd().split('\n');
    const last = lines[lines.length - 1] ?? '';
    const m =
      /^site-bench: boards=(\d+) issues=(\d+) backfill_requests=(\d+) floor=(\d+) day_cost=(\d+) day_floor=(\d+) read_p95_ms=(\d+) direct_ms=(\d+) store_mib=(\d+(?:\.\d+)?) equal=(yes|no)$/.exec(last);
    expect(m).not.toBeNull();
    const [boards, issues, requests, floor, cost, dayFloor, p95, direct, mib] = (m ?? []).slice(1, 10).map(Number) as number[];
    expect(m?.[10]).toBe('yes');
    expect(boards).toBe(20);
    expect(issues).toBe(20_000);
    // At least the floor, and every figure positive.
    expect(requests).toBeGreaterThanOrEqual(floor as number);
    expect(cost).toBeGreaterThanOrEqual(dayFloor as number);
    for (const n of [floor, dayFloor, p95, direct, mib]) expect(n).toBeGreaterThan(0);
    // Viewers read no issue; a smoke run judges only what its size can judge.
    expect(out).toMatch(/0 issue reads; 0 syncs asked\s+PASS/);
    expect(out).not.toMatch(/\bFAIL\b/);
  }, 300_000);
});
