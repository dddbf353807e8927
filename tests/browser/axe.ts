/**
 * axe-core in a page's frame: WCAG 2.0/2.1 A and AA, plus heading order, empty headings and empty
 * table headers. The browser tests of every page run it at the widths Jira gives the module.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { ROOT } from './preview';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The violations axe-core finds in the frame, one line each (empty when it is clean). */
export async function axeViolations(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ content: AXE });
  return frame.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ passes: { id: string }[]; violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run;
    const r = await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'heading-order': { enabled: true }, 'empty-table-header': { enabled: true }, 'empty-heading': { enabled: true } },
    });
    // The rules really ran over some text (its contrast was checked): a page with nothing on it would pass too.
    if (!r.passes.some((p) => p.id === 'color-contrast')) return [`axe checked no text's contrast (${r.passes.length} rules passed): the page was empty`];
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')})`);
  });
}
