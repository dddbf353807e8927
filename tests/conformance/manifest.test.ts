/**
 * What `forge deploy` would check, offline: the manifest passes @forge/manifest's FULL validation,
 * every function handler is exported from its file, every `invoke` key in the UI has a resolver
 * definition, and every scope is used by the code (none is asked for "just in case").
 */
import { memoryGovernanceStore } from '../../src/store/memory';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { buildResolver } from '../../src/forge/resolver';
import { memoryStore } from '../../src/forge/store';
import type { JiraClient } from '../../src/jira/types';
import { RESOLVER } from '../../src/shared/protocol';

const ROOT = path.resolve(__dirname, '../..');

interface Module {
  key: string;
  handler?: string;
  resource?: string;
  resolver?: { function: string };
  edit?: { resource: string };
  function?: string;
  expression?: string;
  projectTypes?: string[];
  displayConditions?: Record<string, unknown>;
  filter?: { ignoreSelf?: boolean; expression?: string };
  events?: string[];
  interval?: string;
  timeoutSeconds?: number;
  thumbnail?: string;
  layout?: string;
}

interface Manifest {
  app: { licensing?: { enabled?: boolean } };
  modules: Record<string, Module[]>;
  resources: { key: string; path: string }[];
  permissions: { scopes: string[] };
}

/**
 * FULL validation needs the resource folders, which the UI build creates (the browser tests build
 * and check them). To validate without a build, the manifest is checked in a copy of the app where
 * each resource folder exists: the real build output if present, else an empty page.
 */
function appCopy(manifestText: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-manifest-'));
  fs.writeFileSync(path.join(dir, 'manifest.yml'), manifestText);
  fs.symlinkSync(path.join(ROOT, 'src'), path.join(dir, 'src'));
  fs.cpSync(path.join(ROOT, 'locales'), path.join(dir, 'locales'), { recursive: true });
  for (const m of manifestText.matchAll(/^\s+path: (static\/dist\/[\w-]+)$/gm)) {
    const target = path.join(dir, m[1] as string);
    fs.mkdirSync(target, { recursive: true });
    const built = path.join(ROOT, m[1] as string);
    if (fs.existsSync(path.join(built, 'index.html'))) fs.cpSync(built, target, { recursive: true });
    else fs.writeFileSync(path.join(target, 'index.html'), '<!doctype html><title>not built</title>');
  }
  return dir;
}

async function validateText(manifestText: string) {
  const dir = appCopy(manifestText);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await validate(false, 'manifest.yml');
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const manifestText = fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8');
let manifest: Manifest;

beforeAll(async () => {
  const r = await validateText(manifestText);
  expect(r.errors).toEqual([]);
  expect(r.success).toBe(true);
  manifest = (r.manifestObject as { typedContent: Manifest }).typedContent;
});

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => ext.test(f) && fs.statSync(f).isFile());
}

describe('manifest', () => {
  it('passes full validation and runs on the nodejs22.x runtime', () => {
    expect(manifestText).toMatch(/name: nodejs22\.x/);
  });

  it('is rejected when a handler points to a missing file (full validation is really on)', async () => {
    const r = await validateText(manifestText.replace('handler: forge/index.handler', 'handler: forge/nowhere.handler'));
    expect(r.success).toBe(false);
  });

  it('exports every function handler from its file', () => {
    for (const fn of manifest.modules.function ?? []) {
      const [file, exported] = (fn.handler as string).split('.') as [string, string];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(ROOT, 'src', file)) as Record<string, unknown>;
      expect(typeof mod[exported]).toBe('function');
    }
  });

  it('names a resource for every view and edit view, and every resource is used', () => {
    const used = new Set<string>();
    for (const list of Object.values(manifest.modules))
      for (const m of list) {
        if (m.resource) used.add(m.resource);
        if (m.edit?.resource) used.add(m.edit.resource);
      }
    // Resources the UI opens in a modal (the bridge's Modal), named by a `…_RESOURCE` constant.
    for (const f of filesUnder(path.join(ROOT, 'static/src'), /\.(ts|tsx)$/))
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/export const \w+_RESOURCE = '([\w-]+)'/g)) used.add(m[1] as string);
    expect(used.has('drill-modal')).toBe(true);
    expect(new Set(manifest.resources.map((r) => r.key))).toEqual(used);
  });
});

describe('UI and resolvers', () => {
  const uiSources = filesUnder(path.join(ROOT, 'static/src'), /\.(ts|tsx)$/);
  const invoked = new Set<string>();
  for (const f of uiSources) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\b(?:invoke|call)\(\s*'([^']+)'/g)) invoked.add(m[1] as string);
  }

  it('calls resolvers only through the typed client module', () => {
    const direct = uiSources.filter((f) => /\binvoke\(/.test(fs.readFileSync(f, 'utf8')) && !f.endsWith(path.join('static', 'src', 'api.ts')));
    expect(direct).toEqual([]);
    expect(invoked.size).toBeGreaterThan(0);
  });

  it('has a resolver definition for every key the UI invokes', async () => {
    const unused = null as unknown as JiraClient;
    const definitions = buildResolver({ jiraForUser: () => unused, jiraAsApp: () => unused, store: memoryStore(), now: () => 0, governance: memoryGovernanceStore(), syncQueue: { push: async () => undefined } }).getDefinitions();
    const known = new Set<string>(Object.values(RESOLVER));
    for (const key of invoked) {
      expect(known).toContain(key);
      // An unknown key makes getDefinitions reject; a known one answers an envelope.
      const r = (await definitions({ call: { functionKey: key, payload: { nonsense: true } }, context: {} }, {})) as { ok: boolean };
      expect(typeof r.ok).toBe('boolean');
    }
  });

  it('imports @forge/* only from src/forge (backend) and @forge/bridge only in the UI', () => {
    const offenders = filesUnder(path.join(ROOT, 'src'), /\.ts$/).filter(
      (f) => /from '@forge\//.test(fs.readFileSync(f, 'utf8')) && !f.includes(`${path.sep}src${path.sep}forge${path.sep}`),
    );
    expect(offenders).toEqual([]);
    const uiForge = uiSources.filter((f) => /from '@forge\/(?!bridge')/.test(fs.readFileSync(f, 'utf8')));
    // The bundles' stand-in for @forge/bridge takes the bridge's parts by their modules (static/vite.config.mjs).
    expect(uiForge).toEqual([path.join(ROOT, 'static/src/vendor/forge-bridge.ts')]);
    expect(fs.readFileSync(path.join(ROOT, 'static/src/vendor/forge-bridge.ts'), 'utf8')).not.toMatch(/from '@forge\/(?!bridge\/out\/)/);
  });
});

describe('personal data', () => {
  it('reports the stored accounts from a scheduled trigger, daily, with the time a cycle needs', () => {
    const triggers = (manifest.modules.scheduledTrigger ?? []) as unknown as { key: string; function: string; interval: string }[];
    expect(triggers.filter((t) => t.function === 'privacy-report')).toEqual([{ key: 'privacy-report-daily', function: 'privacy-report', interval: 'day' }]);
    const fn = (manifest.modules.function ?? []).find((f) => f.key === 'privacy-report') as { handler?: string; timeoutSeconds?: number } | undefined;
    expect(fn).toMatchObject({ handler: 'forge/privacy.handler', timeoutSeconds: 900 });
    expect(manifest.permissions.scopes).toContain('report:personal-data');
  });
});

describe('scopes', () => {
  /** What in the code needs each scope: an endpoint the Jira client calls, or a platform API. */
  const EVIDENCE: Record<string, { file: string; pattern: RegExp }[]> = {
    'read:jira-work': [{ file: 'src/jira/client.ts', pattern: /'\/rest\/api\/3\/search\/jql'/ }],
    'read:project:jira': [{ file: 'src/jira/client.ts', pattern: /'\/rest\/agile\/1\.0\/board'/ }],
    'read:board-scope:jira-software': [{ file: 'src/jira/client.ts', pattern: /'\/rest\/agile\/1\.0\/board\/\{id\}'/ }],
    'read:board-scope.admin:jira-software': [{ file: 'src/jira/client.ts', pattern: /'\/rest\/agile\/1\.0\/board\/\{id\}\/configuration'/ }],
    'read:sprint:jira-software': [{ file: 'src/jira/client.ts', pattern: /'\/rest\/agile\/1\.0\/board\/\{id\}\/sprint'/ }],
    'storage:app': [{ file: 'src/forge/kvs-store.ts', pattern: /from '@forge\/kvs'/ }],
    // The readiness mirror, an issue property (JQL reads it), written as the app.
    'write:issue.property:jira': [{ file: 'src/jira/client.ts', pattern: /method: 'PUT',\s*template: '\/rest\/api\/3\/issue\/\{key\}\/properties\/\{property\}'/ }],
    // A hygiene fix the viewer asks for in the Hygiene panel (a product's label or component, the
    // estimate), written as them: Edit issue, whose only granular scope this is.
    'write:issue:jira': [{ file: 'src/jira/client.ts', pattern: /method: 'PUT',\s*template: '\/rest\/api\/3\/issue\/\{key\}',/ }],
    'read:jira-user': [{ file: 'src/jira/client.ts', pattern: /template: '\/rest\/api\/3\/user'/ }],
    // The personal-data reporting cycle (docs/privacy.md).
    'report:personal-data': [{ file: 'src/forge/privacy.ts', pattern: /privacy\.reportPersonalData/ }],
  };

  it('asks only for scopes the code uses', () => {
    for (const scope of manifest.permissions.scopes) {
      expect(Object.keys(EVIDENCE)).toContain(scope);
      const found = (EVIDENCE[scope] ?? []).some((e) => e.pattern.test(fs.readFileSync(path.join(ROOT, e.file), 'utf8')));
      expect({ scope, used: found }).toEqual({ scope, used: true });
    }
  });

  it('asks for every scope the code needs', () => {
    for (const [scope, evidence] of Object.entries(EVIDENCE)) {
      const needed = evidence.some((e) => e.pattern.test(fs.readFileSync(path.join(ROOT, e.file), 'utf8')));
      if (needed) expect(manifest.permissions.scopes).toContain(scope);
    }
  });

  it('writes Jira only with write:issue.property:jira (the readiness mirror) and write:issue:jira (hygiene fixes, as the viewer), and manages nothing', () => {
    expect(manifest.permissions.scopes.filter((s) => s.startsWith('write:') || s.startsWith('manage:'))).toEqual(['write:issue.property:jira', 'write:issue:jira']);
    // Not the classic write:jira-work, which would also let the app comment, attach, link and transition.
    expect(manifest.permissions.scopes).not.toContain('write:jira-work');
  });

  it('sends no request that writes anything but an issue property or an issue edit', () => {
    // Every PUT, POST or DELETE the Jira client makes: the property PUT, the edit PUT, and POSTs that only read.
    const READING_POSTS = ['/rest/api/3/search/jql', '/rest/api/3/search/approximate-count', 'BULK', /* reads which issues a viewer may browse */ '/rest/api/3/permissions/check'];
    for (const file of filesUnder(path.join(ROOT, 'src/jira'), /\.ts$/)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/method: '(PUT|POST|DELETE)',\s*template: ('[^']+'|[A-Za-z_]+)/g)) {
        const template = (m[2] as string).replace(/'/g, '');
        if (m[1] === 'PUT') expect(['/rest/api/3/issue/{key}/properties/{property}', '/rest/api/3/issue/{key}']).toContain(template);
        else if (m[1] === 'POST') expect(READING_POSTS).toContain(template);
        else throw new Error(`${path.relative(ROOT, file)} deletes ${template}`);
      }
    }
  });
});

describe('readiness modules', () => {
  it('has function validators for DoR and DoD, judged by the app, in company- and team-managed projects', () => {
    const validators = manifest.modules['jira:workflowValidator'] ?? [];
    expect(validators.map((v) => v.key).sort()).toEqual(['dod-ready-validator', 'dor-ready-validator']);
    const functions = new Map((manifest.modules.function ?? []).map((f) => [f.key, f.handler]));
    for (const v of validators) {
      expect(v.expression).toBeUndefined();
      expect(v.projectTypes?.sort()).toEqual(['company-managed', 'team-managed']);
      expect(functions.get(v.function as string)).toBe(`forge/readiness-validator.${v.key.slice(0, 3)}`);
    }
  });

  it('shows the issue panels and the project page in software projects only', () => {
    for (const key of ['readiness-panel', 'hygiene-panel', 'ownership-panel']) expect(manifest.modules['jira:issuePanel']?.find((m) => m.key === key)?.displayConditions).toEqual({ projectType: 'software' });
    expect(manifest.modules['jira:projectPage']?.find((m) => m.key === 'governance-page')?.displayConditions).toEqual({ projectType: 'software' });
  });

  it('puts the context summary on every issue of a software project, with no one adding it, through the one resolver', () => {
    const [summary, ...others] = manifest.modules['jira:issueContext'] ?? [];
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ key: 'issue-summary', resource: 'issue-view', resolver: { function: 'resolver' }, displayConditions: { projectType: 'software' } });
    for (const lang of ['en-US', 'ru-RU']) {
      const t = JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', `${lang}.json`), 'utf8')) as { context: { summary: { title: string; label: string } } };
      // Jira shows the label on the collapsed panel: short, and in both languages.
      expect(t.context.summary.label.length).toBeGreaterThan(0);
      expect(t.context.summary.label.length).toBeLessThanOrEqual(40);
    }
  });

  it('is rejected when the context summary lacks the label Jira shows on it (issueContext is validated)', async () => {
    const r = await validateText(manifestText.replace(/\n      label:\n        i18n: context\.summary\.label/, ''));
    expect(r.success).toBe(false);
  });

  it('is rejected with an unknown display condition (the conditions are validated)', async () => {
    const r = await validateText(manifestText.replace(/projectType: software/, 'projectKind: software'));
    expect(r.success).toBe(false);
  });

  it("does not wake the readiness trigger for the app's own writes", () => {
    const trigger = manifest.modules.trigger?.find((t) => t.key === 'readiness-on-issue-change');
    expect(trigger?.filter).toEqual({ ignoreSelf: true, appIsLicensed: true });
  });

  it('imports the properties of earlier versions once, in a scheduled job with time to do it', () => {
    const job = manifest.modules.scheduledTrigger?.find((t) => t.key === 'readiness-migration-job');
    expect(job).toMatchObject({ function: 'readiness-migration', interval: 'hour' });
    expect(manifest.modules.function?.find((f) => f.key === 'readiness-migration')).toMatchObject({ handler: 'forge/readiness-migration.handler', timeoutSeconds: 900 });
  });
});

/**
 * What a dashboard gadget's thumbnail must be, per the Forge manifest reference for
 * `jira:dashboardGadget`: "the absolute URL of the icon that's displayed next to the gadget's name
 * and description in the list of gadgets". Ours are the listing's assets
 * (docs/marketplace/thumbnails/<gadget key>.svg, published under LISTING_ASSETS_URL).
 */
function thumbnailProblems(m: Manifest): string[] {
  const problems: string[] = [];
  for (const g of m.modules['jira:dashboardGadget'] ?? []) {
    let url: URL | null = null;
    try {
      url = new URL(g.thumbnail ?? '');
    } catch {
      url = null;
    }
    // `resource:key;file` parses as a URL of scheme "resource": absolute means https with a host.
    if (!url || url.protocol !== 'https:' || !url.host) {
      problems.push(`${g.key}: "${g.thumbnail}" is not an absolute https URL`);
      continue;
    }
    const file = url.pathname.split('/').pop() ?? '';
    if (file !== `${g.key}.svg`) problems.push(`${g.key}: ${url.href} does not name ${g.key}.svg`);
    else if (!fs.existsSync(path.join(ROOT, 'docs/marketplace/thumbnails', file))) problems.push(`${g.key}: docs/marketplace/thumbnails/${file} is missing`);
  }
  return problems;
}

describe('marketplace readiness', () => {
  it('is a paid app: licensing is enabled, so production installs carry a license the resolvers check', () => {
    expect(manifest.app.licensing).toEqual({ enabled: true });
  });

  it("gives every gadget an absolute https thumbnail, the listing asset named after the gadget, and the asset is an SVG", () => {
    expect(thumbnailProblems(manifest)).toEqual([]);
    for (const g of manifest.modules['jira:dashboardGadget'] ?? []) {
      const svg = fs.readFileSync(path.join(ROOT, 'docs/marketplace/thumbnails', `${g.key}.svg`), 'utf8');
      expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });

  it('refuses a thumbnail in the resource form Jira does not show, or on plain http', async () => {
    const asResource = await validateText(manifestText.replace('${LISTING_ASSETS_URL}/thumbnails/backlog-convergence.svg', 'resource:gadget-view;thumbnail.svg'));
    expect(thumbnailProblems((asResource.manifestObject as { typedContent: Manifest }).typedContent)).toEqual(['backlog-convergence: "resource:gadget-view;thumbnail.svg" is not an absolute https URL']);
    const overHttp = await validateText(manifestText.replace(/default: https:\/\/(\S+)/, 'default: http://$1'));
    expect(thumbnailProblems((overHttp.manifestObject as { typedContent: Manifest }).typedContent)).toHaveLength(3);
  });

  it('takes the listing assets URL from the deploy (LISTING_ASSETS_URL), with a default so development deploys need nothing', () => {
    expect(manifestText).toMatch(/environment:\n  variables:\n    - key: LISTING_ASSETS_URL\n      default: https:\/\//);
    for (const g of manifest.modules['jira:dashboardGadget'] ?? []) expect(g.thumbnail).toMatch(/^https:\/\/[^$]+\/thumbnails\//);
  });

  it('uses no deprecated layout for the Custom UI project page (basic is deprecated; native is Jira\'s own chrome)', () => {
    const page = manifest.modules['jira:projectPage']?.find((m) => m.key === 'governance-page');
    expect(page?.layout).toBe('native');
  });

  it("skips the sync's and readiness' triggers on an unlicensed site, but never the personal-data reporting nor the store's migration", () => {
    const filterOf = (list: string, key: string) => manifest.modules[list]?.find((m) => m.key === key)?.filter as { appIsLicensed?: boolean } | undefined;
    for (const [list, key] of [
      ['trigger', 'sync-on-jira-change'],
      ['trigger', 'readiness-on-issue-change'],
      ['scheduledTrigger', 'sync-every-five-minutes'],
      ['scheduledTrigger', 'readiness-migration-job'],
    ] as const)
      expect({ key, licensed: filterOf(list, key)?.appIsLicensed }).toEqual({ key, licensed: true });
    // Atlassian's personal-data cycle must go on whatever the license; a reinstall needs its tables.
    expect(filterOf('scheduledTrigger', 'privacy-report-daily')?.appIsLicensed).toBeUndefined();
    expect(filterOf('trigger', 'sql-migrate-on-deploy')?.appIsLicensed).toBeUndefined();
  });
});
