/**
 * Jira keeps an issue property to 32,768 characters of JSON. The audit trail is what grows, so it
 * gives way first; the checklists themselves are never cut.
 */
import { HISTORY_MAX, PROPERTY_MAX_CHARS, type ReadinessDocument } from './document';

export class ReadinessTooLargeError extends Error {
  constructor(readonly chars: number) {
    super(
      `The checklists of this issue would take ${chars.toLocaleString('en-US')} characters, more than the ${PROPERTY_MAX_CHARS.toLocaleString('en-US')} Jira allows in an issue property, even without their history. Shorten the not-applicable reasons, or ask an administrator to shorten the checklist template.`,
    );
    this.name = 'ReadinessTooLargeError';
  }
}

/**
 * Keeps a document within Jira's limit: at most HISTORY_MAX history entries, then the oldest
 * entries dropped one by one while the JSON is too long. Throws ReadinessTooLargeError when the
 * document is too long with no history at all.
 */
export function fitToLimit(doc: ReadinessDocument, limit: number = PROPERTY_MAX_CHARS): ReadinessDocument {
  let history = doc.history.length > HISTORY_MAX ? doc.history.slice(doc.history.length - HISTORY_MAX) : doc.history;
  let fitted: ReadinessDocument = { ...doc, history };
  let size = JSON.stringify(fitted).length;
  if (size <= limit) return fitted;
  // Each entry's share of the JSON is its own length plus a comma: drop exactly as many as needed.
  let excess = size - limit;
  let drop = 0;
  while (excess > 0 && drop < history.length) {
    excess -= JSON.stringify(history[drop]).length + 1;
    drop++;
  }
  history = history.slice(drop);
  fitted = { ...doc, history };
  size = JSON.stringify(fitted).length;
  if (size > limit) throw new ReadinessTooLargeError(size);
  return fitted;
}
