/**
 * The documentation stands on its own: every relative link of README.md and docs/ (pages, images,
 * anchors) leads to something in this repository; nothing names a document that lives outside it
 * (the drafts the project started from); and docs/forge.md names every module of manifest.yml, with
 * its type, and no module that is not there.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const rel = (f: string) => path.relative(ROOT, f);

function markdownFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(ROOT, 'docs'), { recursive: true })
    .map((f) => path.join(ROOT, 'docs', String(f)))
    .filter((f) => f.endsWith('.md'));
  return [path.join(ROOT, 'README.md'), ...docs].sort();
}

/** The text a reader sees: fenced code blocks and inline code left out. */
const prose = (md: string) => md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor of a heading: the rendered text, lower-cased, punctuation dropped, spaces to dashes. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const text = fs.readFileSync(file, 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1] as string);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Link {
  file: string;
  target: string;
}

function linksOf(file: string): Link[] {
  const text = prose(fs.readFileSync(file, 'utf8'));
  const links: Link[] = [];
  for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ file, target: m[1] as string });
  for (const m of text.matchAll(/<img\s[^>]*src="([^"]+)"/g)) links.push({ file, target: m[1] as string });
  return links;
}

/** What is wrong with a relative link, or null when it leads to an existing file (and heading). */
function brokenLink({ file, target }: Link): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // https:, mailto: …
  const [pathPart, anchor] = target.split('#') as [string, string | undefined];
  const resolved = pathPart === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(pathPart));
  if (!resolved.startsWith(ROOT + path.sep) && resolved !== ROOT) return `${rel(file)}: ${target} leads outside the repository`;
  if (!fs.existsSync(resolved)) return `${rel(file)}: ${target} does not exist`;
  if (anchor !== undefined) {
    if (!resolved.endsWith('.md')) return `${rel(file)}: ${target} has an anchor into a file that is not Markdown`;
    if (!anchorsOf(resolved).has(decodeURIComponent(anchor))) return `${rel(file)}: ${target} names no heading of ${rel(resolved)}`;
  }
  return null;
}

describe('links', () => {
  const files = markdownFiles();

  it('finds the README and the docs, and links in them', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['README.md', 'docs/forge.md', 'docs/metrics.md']));
    expect(files.flatMap(linksOf).length).toBeGreaterThan(20);
  });

  it('leads every relative link and image of README.md and docs/ to a file of the repository, and every anchor to a heading', () => {
    expect(files.flatMap(linksOf).map(brokenLink).filter(Boolean)).toEqual([]);
  });

  it('catches a missing file, a missing heading and a link out of the repository', () => {
    const readme = path.join(ROOT, 'README.md');
    expect(brokenLink({ file: readme, target: 'docs/nowhere.md' })).toMatch(/does not exist/);
    expect(brokenLink({ file: readme, target: 'docs/metrics.md#no-such-heading' })).toMatch(/names no heading/);
    expect(brokenLink({ file: readme, target: '../shared/METRICS.md' })).toMatch(/outside the repository/);
    expect(brokenLink({ file: readme, target: 'docs/metrics.md#defects-and-sla-дефекты-и-sla-по-закрытию' })).toBeNull();
    expect(brokenLink({ file: path.join(ROOT, 'docs/ownership.md'), target: '../README.md#what-it-is' })).toBeNull();
  });

  it('makes anchors as GitHub does', () => {
    expect(slug('The Hygiene panel (`jira:issuePanel` `hygiene-panel`)')).toBe('the-hygiene-panel-jiraissuepanel-hygiene-panel');
    expect(slug('Jira hygiene (чистота ведения JIRA)')).toBe('jira-hygiene-чистота-ведения-jira');
    expect(slug('The `governance` command')).toBe('the-governance-command');
  });
});

describe('no document outside the repository', () => {
  /** Names of the drafts the project started from, which a reader of this repository does not have. */
  const OUTSIDE = [/\b(?:METRICS|DOMAIN|CONTRACT)\.md\b/, /\b(?:METRICS|DOMAIN|CONTRACT) §/, /\.\.\/shared\/[A-Z]\w*\.md/, /\bseed(?:'s)? (?:deck|issues)\b/i, /\bthe seed\b/i];
  const sources = ['src', 'static/src', 'tests', 'bench', 'scripts']
    .flatMap((d) => fs.readdirSync(path.join(ROOT, d), { recursive: true }).map((f) => path.join(ROOT, d, String(f))))
    .filter((f) => /\.(ts|tsx|mjs|js|md)$/.test(f) && fs.statSync(f).isFile() && f !== __filename);
  const files = [...markdownFiles(), ...sources, path.join(ROOT, 'manifest.yml')];

  it('is named in the README, the docs, the manifest or any comment of the code', () => {
    const found = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (OUTSIDE.some((re) => re.test(line)) ? [`${rel(f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('would be caught', () => {
    for (const line of ['(METRICS.md §3)', 'see CONTRACT.md', 'the governance model (DOMAIN §2)', '../shared/METRICS.md', "holds the seed's 200,000 issues"]) expect(OUTSIDE.some((re) => re.test(line))).toBe(true);
    // An RNG seed and the demo's seeding are not documents.
    for (const line of ['rng(seedOf(team.key))', 'the demo is seeded once', 'a seed for the generator']) expect(OUTSIDE.some((re) => re.test(line))).toBe(false);
  });
});

describe('docs/forge.md', () => {
  /** Every module of manifest.yml: its type and key (`modules:` down to the next top-level key). */
  function manifestModules(text: string): Map<string, string> {
    const section = /^modules:\n([\s\S]*?)^\S/m.exec(text)?.[1] ?? '';
    const modules = new Map<string, string>();
    let type = '';
    for (const line of section.split('\n')) {
      const t = /^ {2}([\w:]+):\s*$/.exec(line);
      if (t) type = t[1] as string;
      const k = /^ {4}- key: (\S+)/.exec(line);
      if (k && type) modules.set(k[1] as string, type);
    }
    return modules;
  }

  /** The Modules table: each key it names (in backticks, outside parentheses) with the type of its row. */
  function documentedModules(md: string): Map<string, string> {
    const table = /^## Modules\n([\s\S]*?)^## /m.exec(md)?.[1] ?? '';
    const documented = new Map<string, string>();
    for (const row of table.split('\n').filter((l) => /^\|\s*`/.test(l))) {
      const [, typeCell, keyCell] = row.split('|');
      const type = /`([^`]+)`/.exec(typeCell ?? '')?.[1] ?? '';
      for (const m of (keyCell ?? '').replace(/\([^)]*\)/g, '').matchAll(/`([^`]+)`/g)) documented.set(m[1] as string, type);
    }
    return documented;
  }

  const manifestText = fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8');
  const forgeMd = fs.readFileSync(path.join(ROOT, 'docs/forge.md'), 'utf8');

  it('names every module of the manifest with its type, and none that the manifest does not have', () => {
    const modules = manifestModules(manifestText);
    expect(modules.size).toBeGreaterThan(20);
    expect(Object.fromEntries(documentedModules(forgeMd))).toEqual(Object.fromEntries(modules));
  });

  it('would notice a module added to the manifest, or one left in the docs after it is removed', () => {
    const added = manifestText.replace(/^ {2}consumer:\n/m, '  consumer:\n    - key: new-consumer\n      queue: q\n      function: f\n');
    expect(documentedModules(forgeMd).has('new-consumer')).toBe(false);
    expect(manifestModules(added).get('new-consumer')).toBe('consumer');
    const stale = forgeMd.replace('| `sql` | `main` |', '| `sql` | `main`, `old-store` |');
    expect(documentedModules(stale).get('old-store')).toBe('sql');
    expect(manifestModules(manifestText).has('old-store')).toBe(false);
  });
});
