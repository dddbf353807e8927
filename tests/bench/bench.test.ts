/**
 * `npm run bench --quick` runs end to end: the engine part, the memory part in a child process fed
 * over a pipe, and the REST part over HTTP. Timings are not asserted here (performance is what the
 * bench itself prints, never a timed test); what is asserted is that every part ran and reported
 * figures that make sense, that the quick run gives no verdict its size cannot judge (the engine
 * ratio and the peak memory), and that the verdict it can give (the REST quota, exact at any size)
 * is PASS: a FAIL fails this test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const script = join(root, 'dist/bench/run.js');

describe('npm run bench (quick)', () => {
  it('prints the three parts with their figures', () => {
    if (!existsSync(script)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
    const r = spawnSync(process.execPath, ['--expose-gc', script, '--quick'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/1\. Engine: 4,000 issues × 20 changelog entries, 40 sprints on 4 boards/);
    expect(out).not.toMatch(/FAIL/);
    expect(out).toMatch(/ratio metrics \/ parse = \d+\.\d{3}   \(quick run: too small to judge\)/);
    expect(out).toMatch(/JSON\.parse of the cut pages\s+\d+\.\d\d s\s+ratio metrics \/ parse = \d+\.\d{3}/);
    // The memory part's child read every page from the pipe and computed the board.
    expect(out).toMatch(/2\. Memory: one board of 2,000 issues × 20 entries, pages received one at a time over a pipe/);
    const peak = /peak (\d+) MB \(goal < 256 MB\)   \(quick run: too small to judge\)/.exec(out);
    expect(peak).not.toBeNull();
    expect(Number(peak?.[1])).toBeGreaterThan(0);
    // The REST part spends exactly the least the page sizes allow.
    const rows = [...out.matchAll(/^\s+(\d+)\s+(\d+) \((\d+)\)\s+(\d+) \((\d+)\).*\s(PASS|FAIL)$/gm)];
    expect(rows.map((m) => Number(m[1]))).toEqual([100, 1000]);
    for (const m of rows) {
      expect(m[2]).toBe(m[3]);
      expect(m[4]).toBe(m[5]);
      expect(m[6]).toBe('PASS');
    }
  }, 150_000);
});
