/**
 * What a Custom UI frame loads before its first paint, measured on the built files: the module
 * script and modulepreload links of its index.html, everything those chunks import statically
 * (`import … from`, `export … from`; never `import()`), and, for a resource that serves several
 * modules (the issue view), the chunk of the frame's own module (`assets/<module key>-<hash>.js`,
 * loaded as soon as the frame knows its module key) with its static imports.
 * Sizes are gzip at level 9 (zlib.gzipSync), about what a CDN serving gzip sends; brotli is smaller.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseAst } from 'rollup/dist/parseAst';

export const BUDGET_GZIP = 150 * 1024;

export interface FrameLoad {
  /** The JS files loaded at first paint, relative to the resource folder. */
  files: string[];
  bytes: number;
  gzip: number;
}

/** The local module URLs an HTML page loads at once: module scripts and modulepreload links. */
export function htmlEntries(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[0]);
    if (src?.[1]) out.push(src[1]);
  }
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href?.[1]) out.push(href[1]);
  }
  return out.filter((u) => !/^[a-z]+:|^\/\//i.test(u));
}

/** The relative specifiers a chunk imports statically (top-level import and export-from declarations). */
export function staticImports(code: string): string[] {
  const ast = parseAst(code) as unknown as { body: { type: string; source?: { value?: unknown } | null }[] };
  const out: string[] = [];
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' && node.type !== 'ExportNamedDeclaration' && node.type !== 'ExportAllDeclaration') continue;
    const spec = node.source?.value;
    if (typeof spec === 'string' && (spec.startsWith('./') || spec.startsWith('../'))) out.push(spec);
  }
  return out;
}

/** `starts` (relative to `dir`) and every chunk they import statically, each once. */
export function closure(dir: string, starts: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = starts.map((s) => path.normalize(s));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    const abs = path.join(dir, file);
    if (!fs.existsSync(abs)) throw new Error(`${path.basename(dir)}: ${file} is loaded but not in the build`);
    seen.add(file);
    for (const spec of staticImports(fs.readFileSync(abs, 'utf8'))) queue.push(path.normalize(path.join(path.dirname(file), spec)));
  }
  return [...seen].sort();
}

/** The chunk of `moduleKey`'s own part in a resource shared by several modules, if there is one. */
export function moduleChunk(dir: string, moduleKey: string): string | null {
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) return null;
  const name = fs.readdirSync(assets).find((f) => f.startsWith(`${moduleKey}-`) && f.endsWith('.js') && /^[\w-]+$/.test(f.slice(moduleKey.length + 1, -3)));
  return name ? path.join('assets', name) : null;
}

/** What the frame of `moduleKey` served from the resource folder `dir` loads before its first paint. */
export function frameLoad(dir: string, moduleKey: string | null): FrameLoad {
  const starts = htmlEntries(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
  const own = moduleKey ? moduleChunk(dir, moduleKey) : null;
  const files = closure(dir, own ? [...starts, own] : starts);
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dir, f));
    bytes += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { files, bytes, gzip };
}

/** React DOM's production build, recognised by its error decoder URL: the chunk that is the frame's vendor code. */
export function reactDomChunks(dir: string, files: readonly string[]): string[] {
  return files.filter((f) => /reactjs\.org\/docs\/error-decoder\.html|react\.dev\/errors\//.test(fs.readFileSync(path.join(dir, f), 'utf8')));
}
