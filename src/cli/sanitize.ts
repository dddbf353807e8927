/**
 * Text from Jira (sprint, board and priority names, issue keys, Jira's error texts) is written to a
 * terminal: a control character in it could move the cursor, retitle the window, hide text or worse.
 * Everything Jira sends passes through here before it reaches stdout (table, CSV) or stderr (error
 * and progress lines). JSON escapes such characters instead (`escapeJsonControls`), so values stay
 * intact for scripts.
 */

/**
 * C0 controls (U+0000–U+001F), DEL, C1 controls (U+0080–U+009F, U+009B being a one-character
 * CSI), the line and paragraph separators, and the bidirectional embedding, override and isolate
 * characters that can make a terminal show text in another order than it is.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Of those, the ones that only break a line or space it: they become a space. */
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029]/;
const REPLACEMENT = '\ufffd';

/** Control characters replaced: spacing ones by a space, the others by U+FFFD (visible, inert). */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, (c) => (SPACING.test(c) ? ' ' : REPLACEMENT));
}

/** One line for stderr: sanitised, runs of spaces collapsed, at most `max` characters. */
export function oneLine(text: string, max = 500): string {
  const line = sanitizeText(text).replace(/ {2,}/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

/** A copy of a JSON-like value (a report) with every string sanitised, keys included. */
export function sanitizeStrings<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[sanitizeText(k)] = clean(v);
    return out;
  }
  return value;
}

/** All of UNSAFE but C0, which JSON.stringify escapes itself (and which includes its own line breaks). */
const UNSAFE_BEYOND_C0 = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify escapes C0 controls but writes DEL, C1 controls and the separators as they are;
 * this escapes those too (`\u009b`). They can only occur inside JSON strings, so the document
 * parses to the same value.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(UNSAFE_BEYOND_C0, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV text cell: one a spreadsheet would run as a formula is prefixed with a single quote (so
 * `=1+1` shows as text); then sanitised. Numbers are not text cells: never pass them here.
 */
export function csvText(text: string): string {
  return sanitizeText(FORMULA_START.test(text) ? `'${text}` : text);
}
