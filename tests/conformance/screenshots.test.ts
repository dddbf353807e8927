/**
 * `npm run screenshots` without running it (it takes minutes): its list of shots
 * (scripts/screenshots.json) shows every module of the manifest that has a page and none that the
 * manifest does not have; every image it makes is in the repository and nothing else is in its
 * folders; the listing's text in English and Russian keeps to the Marketplace's limits and shows
 * every listing screenshot with its caption.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PREVIEW_MODULES } from '../../src/preview/modules';

const ROOT = path.resolve(__dirname, '../..');

type Step = [module: string, testIds: string];
interface Shot {
  name: string;
  path: string;
  modules: string[];
  actions?: Step[];
  ready: Step[];
  caption?: Record<string, string>;
  alt?: string;
  language?: string;
  theme?: string;
}
interface Plan {
  viewport: { width: number; height: number };
  gadgets: Record<string, Record<string, unknown>>;
  listing: { languages: string[]; shots: Shot[] };
  docs: Shot[];
}

const plan = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/screenshots.json'), 'utf8')) as Plan;
const manifestText = fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8');

/** The manifest's modules that have a page (a `resource`): key → type. */
function modulesWithAPage(text: string): Map<string, string> {
  const section = /^modules:\n([\s\S]*?)^\S/m.exec(text)?.[1] ?? '';
  const found = new Map<string, string>();
  let type = '';
  let key = '';
  for (const line of section.split('\n')) {
    const t = /^ {2}([\w:]+):\s*$/.exec(line);
    if (t) type = t[1] as string;
    const k = /^ {4}- key: (\S+)/.exec(line);
    if (k) key = k[1] as string;
    if (/^ {6}resource: \S+/.test(line) && key) found.set(key, type);
  }
  return found;
}

const shots = (): Shot[] => [...plan.listing.shots, ...plan.docs];

/** What is wrong with the plan against the manifest. */
function planProblems(p: Plan, manifest: string): string[] {
  const pages = modulesWithAPage(manifest);
  const problems: string[] = [];
  const all = [...p.listing.shots, ...p.docs];
  for (const s of all) for (const m of [...s.modules, ...s.ready.map((r) => r[0]), ...(s.actions ?? []).map((a) => a[0])]) if (!pages.has(m)) problems.push(`${s.name}: ${m} is not a module with a page in manifest.yml`);
  const listed = new Set(p.listing.shots.flatMap((s) => s.modules));
  for (const key of pages.keys()) if (!listed.has(key)) problems.push(`no listing screenshot shows ${key}`);
  return problems;
}

describe('the screenshot list', () => {
  it('shows every module of the manifest that has a page, in the listing, and none that the manifest does not have', () => {
    expect(modulesWithAPage(manifestText).size).toBe(9);
    expect(planProblems(plan, manifestText)).toEqual([]);
  });

  it('would notice a module gone from the manifest, or a new page no screenshot shows', () => {
    const gone = manifestText.replace(/ {4}- key: ownership-panel\n[\s\S]*?(?= {4}- key: |^ {2}\S)/m, '');
    expect(planProblems(plan, gone)).toEqual(expect.arrayContaining([expect.stringMatching(/ownership-panel is not a module with a page/)]));
    const added = manifestText.replace(/^ {2}jira:adminPage:\n/m, '  jira:adminPage:\n    - key: second-admin-page\n      resource: admin-settings\n');
    expect(planProblems(plan, added)).toEqual(['no listing screenshot shows second-admin-page']);
  });

  it('opens pages the preview serves, where the preview shows each module', () => {
    const hosts: Record<string, RegExp> = { '/dashboards/overview': /^(backlog-convergence|defect-sla|jira-hygiene)$/ };
    for (const s of shots())
      for (const m of s.modules) {
        const page = PREVIEW_MODULES.find((x) => x.key === m)?.page;
        expect({ shot: s.name, module: m, served: (page !== undefined && s.path.startsWith(page)) || (hosts[s.path]?.test(m) ?? false) }).toEqual({ shot: s.name, module: m, served: true });
      }
  });

  it('names its files once, and has a caption in every listing language', () => {
    for (const list of [plan.listing.shots, plan.docs]) expect(new Set(list.map((s) => s.name)).size).toBe(list.length);
    for (const s of plan.listing.shots) for (const lang of plan.listing.languages) expect(s.caption?.[lang]?.length ?? 0).toBeGreaterThan(10);
  });
});

describe('the images', () => {
  const pngSize = (file: string) => {
    const b = fs.readFileSync(file);
    expect(b.subarray(1, 4).toString()).toBe('PNG');
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  };

  it('are all here: the listing in each language at the viewport size, the docs whole pages; and nothing the script does not make', () => {
    for (const lang of plan.listing.languages) {
      const dir = path.join(ROOT, 'docs/marketplace', lang);
      expect(fs.readdirSync(dir).sort()).toEqual(plan.listing.shots.map((s) => `${s.name}.png`).sort());
      for (const s of plan.listing.shots) expect(pngSize(path.join(dir, `${s.name}.png`))).toEqual(plan.viewport);
    }
    const docs = path.join(ROOT, 'docs/screenshots');
    expect(fs.readdirSync(docs).sort()).toEqual(plan.docs.map((s) => `${s.name}.png`).sort());
    for (const s of plan.docs) expect(pngSize(path.join(docs, `${s.name}.png`)).width).toBe(1280);
  });

  it('are made by a script that uses Debian’s Chromium with the agreed flags, run by npm run screenshots', () => {
    const script = fs.readFileSync(path.join(ROOT, 'scripts/screenshots.mjs'), 'utf8');
    expect(script).toContain("'/usr/bin/chromium'");
    for (const flag of ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']) expect(script).toContain(`'${flag}'`);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.screenshots).toBe('node scripts/screenshots.mjs');
  });

  it('include the README’s hero, with the words the README gives it', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const s of plan.docs.filter((d) => readme.includes(`docs/screenshots/${d.name}.png`))) expect(readme).toContain(`![${s.alt}](docs/screenshots/${s.name}.png)`);
    expect(readme).toContain('![The Backlog convergence gadget on the demo site](docs/screenshots/convergence-gadget.png)');
  });
});

describe('the listing text', () => {
  /** The listing's fields: `## Field` and the paragraph under it. */
  function fields(md: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const part of md.split(/^## /m).slice(1)) {
      const [name, ...body] = part.split('\n');
      out[(name ?? '').trim()] = body.join('\n').trim();
    }
    return out;
  }

  for (const lang of ['en', 'ru']) {
    describe(lang, () => {
      const md = fs.readFileSync(path.join(ROOT, `docs/marketplace/listing.${lang}.md`), 'utf8');
      const f = fields(md);

      it('has every field, within the Marketplace limits (name 60, tagline 130, summary 250 characters)', () => {
        expect(Object.keys(f)).toEqual(['Name', 'Tagline', 'Summary', 'Highlights', 'Description', 'Screenshots']);
        expect(f.Name).toBe('Governance for Jira');
        expect([...(f.Tagline ?? '')].length).toBeLessThanOrEqual(130);
        expect([...(f.Summary ?? '')].length).toBeLessThanOrEqual(250);
        expect([...(f.Summary ?? '')].length).toBeGreaterThan(100);
        expect(f.Tagline).not.toContain('\n');
        // Three highlights, each a title, a paragraph and a screenshot.
        expect((f.Highlights ?? '').match(/^### /gm)).toHaveLength(3);
        expect((f.Highlights ?? '').match(/^!\[/gm)).toHaveLength(3);
      });

      it('shows every listing screenshot of its language, with its caption', () => {
        for (const s of plan.listing.shots) expect(f.Screenshots).toContain(`![${s.caption?.[lang]}](${lang}/${s.name}.png)`);
        for (const m of (f.Highlights ?? '').matchAll(/!\[([^\]]+)\]\(([^)]+)\)/g)) {
          const shot = plan.listing.shots.find((s) => `${lang}/${s.name}.png` === m[2]);
          expect(shot?.caption?.[lang]).toBe(m[1]);
        }
      });
    });
  }

  it('is in Russian in the Russian listing', () => {
    const ru = fields(fs.readFileSync(path.join(ROOT, 'docs/marketplace/listing.ru.md'), 'utf8'));
    for (const field of ['Tagline', 'Summary', 'Description']) expect((ru[field] ?? '').match(/[а-яё]/gi)?.length ?? 0).toBeGreaterThan(((ru[field] ?? '').length * 0.5) | 0);
  });
});
