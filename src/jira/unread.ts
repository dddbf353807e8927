/**
 * A JSON answer's text without the members of one name, cut before the text is parsed: for an
 * answer whose schema strips that member wherever it occurs (every object of the schema strips
 * unknown keys and does not declare it), the parsed and validated value is the same with or
 * without it, and what is never read is never parsed. Bulk changelog pages are the case: each
 * history's `author` (a user with four avatar URLs) is about three quarters of the page's bytes,
 * and the replay reads no author.
 *
 * The cut is exact for well-formed JSON: a match of `"name":` whose first quote is not escaped
 * can only be an object's key (inside a string a quote is escaped, and after a closing quote a
 * bare name is not JSON), and its value is skipped whole, strings with their escapes included.
 * Anything it does not expect (no comma or brace around the member, a value it cannot skip) leaves
 * the text as it is, to be parsed in full.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Whether the character at `at` is preceded by an odd run of backslashes (escaped). */
function escaped(text: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) n++;
  return n % 2 === 1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index after the string opening at `i` (a quote), or -1. */
function afterString(text: string, i: number): number {
  let k = text.indexOf('"', i + 1);
  while (k >= 0 && escaped(text, k)) k = text.indexOf('"', k + 1);
  return k < 0 ? -1 : k + 1;
}

/**
 * The index after the object or array opening at `i`, or -1. Only its own kind of bracket counts
 * (in well-formed JSON the other kind is balanced inside it); it jumps from quote to bracket with
 * `indexOf`, each position found once, and skips strings whole.
 */
function afterContainer(text: string, i: number, open: string, close: string): number {
  let depth = 1;
  let j = i + 1;
  let quote = text.indexOf('"', j);
  let opening = text.indexOf(open, j);
  let closing = text.indexOf(close, j);
  for (;;) {
    if (closing < 0) return -1;
    if (quote >= 0 && quote < closing && (opening < 0 || quote < opening)) {
      j = afterString(text, quote);
      if (j < 0) return -1;
      quote = text.indexOf('"', j);
      if (opening >= 0 && opening < j) opening = text.indexOf(open, j);
      if (closing < j) closing = text.indexOf(close, j);
    } else if (opening >= 0 && opening < closing) {
      depth++;
      opening = text.indexOf(open, opening + 1);
    } else {
      if (--depth === 0) return closing + 1;
      closing = text.indexOf(close, closing + 1);
    }
  }
}

/** The index after the JSON value starting at `i`, or -1 if there is none to skip. */
function afterValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return afterString(text, i);
  if (c === OPEN_BRACE) return afterContainer(text, i, '{', '}');
  if (c === OPEN_BRACKET) return afterContainer(text, i, '[', ']');
  // A literal or a number: up to the next separator.
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
    j++;
  }
  return j > i ? j : -1;
}

/** `text` without every `"name": value` member (and the comma that joined it). */
export function withoutMember(text: string, name: string): string {
  const needle = `"${name}":`;
  let at = text.indexOf(needle);
  if (at < 0) return text;
  const parts: string[] = [];
  let from = 0;
  while (at >= 0) {
    if (escaped(text, at)) {
      at = text.indexOf(needle, at + 1);
      continue;
    }
    const end = afterValue(text, skipSpace(text, at + needle.length));
    if (end < 0) return text;
    let cutFrom = at;
    let cutTo = skipSpace(text, end);
    const next = text.charCodeAt(cutTo);
    if (next === COMMA) cutTo++;
    else if (next === CLOSE_BRACE) {
      // The object's last member: the comma before it goes instead (none if it is the only one).
      let before = at - 1;
      while (before >= from && isSpace(text.charCodeAt(before))) before--;
      // Right after an earlier cut (two such members in a row): the comma to take went with it.
      if (before < from) return text;
      const b = text.charCodeAt(before);
      if (b === COMMA) cutFrom = before;
      else if (b !== OPEN_BRACE) return text;
    } else return text;
    parts.push(text.slice(from, cutFrom));
    from = cutTo;
    at = text.indexOf(needle, from);
  }
  parts.push(text.slice(from));
  return parts.join('');
}
