/**
 * Reading text out of issue descriptions and rich-text fields.
 *
 * Jira's REST API v3 returns rich text as Atlassian Document Format (ADF, a JSON tree); API v2,
 * plain text fields and older sites return a string (wiki markup or plain text). Both are read here
 * as *lines*, the unit docs/metrics.md ("Jira hygiene") speaks of: each heading, paragraph and list item is a line, a
 * hard break inside a paragraph starts a new line, a code block gives one line per line of code, and
 * each table cell is read as the paragraphs inside it. Lines that are blank are dropped: no rule
 * ever asks about an empty line, and a document of blank paragraphs has "no text".
 */
import type { JiraIssue } from './jira';

interface AdfNode {
  readonly type: string;
  readonly text?: unknown;
  readonly attrs?: unknown;
  readonly content?: unknown;
  readonly marks?: unknown;
}

function isNode(v: unknown): v is AdfNode {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}

function attr(node: AdfNode, name: string): unknown {
  const a = node.attrs;
  return typeof a === 'object' && a !== null ? (a as Record<string, unknown>)[name] : undefined;
}

function attrString(node: AdfNode, name: string): string | null {
  const v = attr(node, name);
  return typeof v === 'string' && v !== '' ? v : null;
}

function children(node: AdfNode): readonly unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

/** A card's URL: `attrs.url`, or `attrs.data.url` when the card carries JSON-LD instead. */
function cardUrl(node: AdfNode): string | null {
  const url = attrString(node, 'url');
  if (url) return url;
  const data = attr(node, 'data');
  const u = typeof data === 'object' && data !== null ? (data as { url?: unknown }).url : undefined;
  return typeof u === 'string' && u !== '' ? u : null;
}

/**
 * The visible text of an inline node, or null for a node that is not inline. A `placeholder` is
 * editor hint text that Jira does not render in a saved issue, so it gives the empty string; a
 * `date` shows as its calendar day (UTC, as Jira stores the timestamp of a day's midnight UTC).
 */
function inlineText(node: AdfNode): string | null {
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'mention':
      return attrString(node, 'text') ?? '';
    case 'emoji':
      return attrString(node, 'text') ?? attrString(node, 'shortName') ?? '';
    case 'inlineCard':
      return cardUrl(node) ?? '';
    case 'status':
      return attrString(node, 'text') ?? '';
    case 'date': {
      const ts = Number(attrString(node, 'timestamp') ?? Number.NaN);
      return Number.isFinite(ts) ? new Date(ts).toISOString().slice(0, 10) : '';
    }
    case 'placeholder':
    case 'mediaInline':
    case 'inlineExtension':
      return '';
    default:
      return null;
  }
}

/** Collects lines: inline text accumulates, a block boundary or a line break ends the line. */
class LineCollector {
  readonly lines: string[] = [];
  private current = '';

  append(text: string): void {
    // Most text holds no line break: skip the split (and its array) for it.
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      this.current += text;
      return;
    }
    const parts = text.split(/\r\n|\r|\n/);
    this.current += parts[0] as string;
    for (let i = 1; i < parts.length; i++) {
      this.endLine();
      this.current = parts[i] as string;
    }
  }

  endLine(): void {
    if (this.current.trim() !== '') this.lines.push(this.current);
    this.current = '';
  }
}

function walk(node: unknown, out: LineCollector): void {
  if (!isNode(node)) return;
  if (node.type === 'hardBreak') {
    out.endLine();
    return;
  }
  const inline = inlineText(node);
  if (inline !== null) {
    out.append(inline);
    return;
  }
  // Every other node is a block: it starts and ends a line of its own.
  out.endLine();
  if (node.type === 'blockCard' || node.type === 'embedCard') out.append(cardUrl(node) ?? '');
  for (const child of children(node)) walk(child, out);
  out.endLine();
}

/** The non-blank text lines of an ADF document or a plain string; anything else has none. */
export function adfLines(description: unknown): string[] {
  const out = new LineCollector();
  if (typeof description === 'string') out.append(description);
  else walk(description, out);
  out.endLine();
  return out.lines;
}

/**
 * The lines of the last description read by `hasText` or `hasAcceptanceCriteria`. Hygiene asks
 * both of one issue's description in a row; remembering the last one walks it once. The lines are
 * only read here (never handed out), and a description is not changed once fetched.
 */
let lastLines: { description: unknown; lines: readonly string[] } | null = null;
function linesOf(description: unknown): readonly string[] {
  if (lastLines !== null && lastLines.description === description) return lastLines.lines;
  const lines = adfLines(description);
  lastLines = { description, lines };
  return lines;
}

/** Whether a description (ADF or string) has any visible text. A doc holding only an image has none. */
export function hasText(description: unknown): boolean {
  return linesOf(description).length > 0;
}

/**
 * Whether a field value counts as filled in: text or ADF with text, a number, an option with a
 * value, or a non-empty list of such. Checklist and rich-text custom fields take these shapes.
 */
export function hasFieldValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' || isNode(value)) return hasText(value);
  if (Array.isArray(value)) return value.some(hasFieldValue);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return hasFieldValue(v.value ?? v.name ?? v.text ?? null);
  }
  return false;
}

const AC_HEADINGS = ['acceptance criteria', 'критерии приемки'];

/**
 * Strips what marks a line as a heading, list item, quote or emphasis in a plain-text (wiki or
 * markdown) description, so that `h2. Acceptance criteria`, `## Acceptance criteria`,
 * `* *Критерии приёмки:*` and `1. Acceptance criteria` read as the line they render to. In ADF the
 * structure is in the nodes, so the text itself rarely carries such marks; stripping is harmless.
 */
function stripLineMarks(line: string): string {
  let s = line.trimStart();
  for (;;) {
    const next = s
      .replace(/^h[1-6]\.\s*/i, '')
      .replace(/^(?:#{1,6}|[-*+•>]+|\d{1,3}[.)])\s+/, '')
      .replace(/^[*_]+/, '')
      .trimStart();
    if (next === s) return s;
    s = next;
  }
}

/**
 * Whether a line opens the acceptance criteria (docs/metrics.md, "Jira hygiene"): after its marks, it starts with
 * "Acceptance criteria", "Критерии приемки" or "Критерии приёмки", case-insensitively. "ё" is
 * compared as "е", as Russian writers use both.
 */
export function isAcceptanceCriteriaLine(line: string): boolean {
  const s = stripLineMarks(line).toLowerCase().replace(/ё/g, 'е');
  return AC_HEADINGS.some((h) => s.startsWith(h));
}

/**
 * Whether an issue has acceptance criteria: the configured AC field (`acField`, a custom field id)
 * is filled in, or a line of the description opens the acceptance criteria.
 */
export function hasAcceptanceCriteria(issue: JiraIssue, acField: string | null): boolean {
  if (acField !== null && hasFieldValue((issue.fields as Record<string, unknown>)[acField])) return true;
  return linesOf(issue.fields.description).some(isAcceptanceCriteriaLine);
}

/**
 * What the rules ask of a description, as the smallest description that answers the same: a line
 * opening the acceptance criteria, some other text, or none. `hasText` and `hasAcceptanceCriteria`
 * give the same answers for it as for the description it stands for.
 */
export function compactDescription(description: unknown): string | null {
  const lines = adfLines(description);
  if (lines.some(isAcceptanceCriteriaLine)) return 'Acceptance criteria';
  return lines.length > 0 ? '…' : null;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`|[\]{}]+/gi;

/** A URL found in running text, without the punctuation that ends the sentence around it. */
function trimUrl(raw: string): string {
  let u = raw.replace(/[.,;:!?]+$/, '');
  // "(see https://x/y)" — the bracket belongs to the sentence unless the URL opened one itself.
  while (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1).replace(/[.,;:!?]+$/, '');
  return u;
}

function urlsInText(text: string, into: string[]): void {
  for (const m of text.matchAll(URL_IN_TEXT)) into.push(trimUrl(m[0]));
}

function collectLinks(node: unknown, into: string[]): void {
  if (!isNode(node)) return;
  if (Array.isArray(node.marks)) {
    for (const mark of node.marks) {
      if (isNode(mark) && mark.type === 'link') {
        const href = attrString(mark, 'href');
        if (href) into.push(href);
      }
    }
  }
  if (node.type === 'inlineCard' || node.type === 'blockCard' || node.type === 'embedCard') {
    const url = cardUrl(node);
    if (url) into.push(url);
  }
  if (node.type === 'text' && typeof node.text === 'string') urlsInText(node.text, into);
  for (const child of children(node)) collectLinks(child, into);
}

/**
 * The URLs in a description, each once, in document order: link marks, smart-link cards
 * (inline, block, embed) and plain http(s) URLs written in the text.
 */
export function links(description: unknown): string[] {
  const found: string[] = [];
  if (typeof description === 'string') urlsInText(description, found);
  else collectLinks(description, found);
  return [...new Set(found)];
}

/** Hosts of the design tools whose links count as "design mock-ups ready". */
export const DESIGN_HOSTS: readonly string[] = [
  'figma.com',
  'sketch.com',
  'sketch.cloud',
  'invisionapp.com',
  'zeplin.io',
  'miro.com',
  'xd.adobe.com',
  'framer.com',
  'penpot.app',
];

/**
 * Whether a URL points to a design tool (the host or any sub-domain of one of `hosts`) over http(s):
 * `javascript://figma.com/…` names a design host but is no link to a design.
 */
export function isDesignLink(url: string, hosts: readonly string[] = DESIGN_HOSTS): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    host = parsed.hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}
