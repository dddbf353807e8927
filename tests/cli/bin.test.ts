/**
 * The `governance` binary: package.json's `bin` names the file `npm run build` writes (an install of
 * the package, `npm link` or `npx` run it from there), and the repository's own launcher
 * (`scripts/link-bin.mjs`, run after `npm ci`) runs that same file, without changing in place a
 * node_modules shared by hard links with another checkout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; version: string };
const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { compilerOptions: { outDir: string; rootDir: string } };

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Builds the command once (what `npm run build` does) unless it is built already. */
function built(): string {
  const bin = join(ROOT, pkg.bin.governance ?? '');
  if (!existsSync(bin)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
  return bin;
}

describe('the governance binary', () => {
  it('is the file the build writes for src/cli/main.ts', () => {
    const { outDir, rootDir } = build.compilerOptions;
    const emitted = join(outDir, relative(join(ROOT, rootDir), join(ROOT, 'src/cli/main.ts'))).replace(/\.ts$/, '.js');
    expect(pkg.bin).toEqual({ governance: emitted });
  });

  it('runs from there after a build, as node runs a package bin', () => {
    const bin = built();
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`governance ${pkg.version}\n`);
  });

  it('is what the repository launcher runs, and the launcher replaces a shared file instead of writing into it', () => {
    built();
    const tmp = mkdtempSync(join(tmpdir(), 'gov-bin-'));
    dirs.push(tmp);
    mkdirSync(join(tmp, 'scripts'));
    mkdirSync(join(tmp, 'node_modules', '.bin'), { recursive: true });
    copyFileSync(join(ROOT, 'scripts/link-bin.mjs'), join(tmp, 'scripts/link-bin.mjs'));
    copyFileSync(join(ROOT, 'package.json'), join(tmp, 'package.json'));
    symlinkSync(join(ROOT, 'dist'), join(tmp, 'dist'));
    // An older launcher that is a hard link to another checkout's file.
    const other = join(tmp, 'other-checkout-launcher');
    writeFileSync(other, '#!/bin/sh\necho old\n');
    linkSync(other, join(tmp, 'node_modules/.bin/governance'));

    execFileSync(process.execPath, [join(tmp, 'scripts/link-bin.mjs')]);
    expect(readFileSync(other, 'utf8')).toBe('#!/bin/sh\necho old\n');
    const launcher = join(tmp, 'node_modules/.bin/governance');
    expect(readFileSync(launcher, 'utf8')).toContain(`/../../${pkg.bin.governance}"`);
    const r = spawnSync(launcher, ['--version'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`governance ${pkg.version}\n`);
  });
});
