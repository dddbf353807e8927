/**
 * Sizes, in UTF-8 bytes. Forge's key-value store keeps a value of at most 240 KiB, and Jira an issue
 * property of at most 32,768 characters; a Cyrillic letter takes two bytes, so counting characters
 * would let a Russian reason through that the store then refuses. The audit trail is what grows:
 * when the state would outgrow the store, its oldest entries move to an archived part (nothing is
 * dropped); the checklists themselves are never cut, so a state too large even without its history
 * is refused with a message naming the limit.
 */
import { bytesText, type HistoryEntry, PROPERTY_MAX_BYTES, type ReadinessMirror, type ReadinessState, STORE_VALUE_MAX_BYTES, utf8Bytes } from './document';

/** Room kept for what the storage adds around a value (its version, the key) and for the archive's key. */
export const STORE_ENVELOPE_BYTES = 1024;

export class ReadinessTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
    readonly where: 'store' | 'property',
  ) {
    super(
      where === 'store'
        ? `The checklists of this issue would take ${bytesText(bytes)}, more than the ${bytesText(limit)} the app's storage keeps for one issue, even with their history archived. Shorten the not-applicable reasons, or ask an administrator to shorten the checklist template.`
        : `The readiness summary of this issue would take ${bytesText(bytes)}, more than the ${bytesText(limit)} Jira keeps in an issue property.`,
    );
    this.name = 'ReadinessTooLargeError';
  }
}

/**
 * Fits a state into the store: when its JSON (plus the storage's envelope) is larger than `limit`
 * bytes, the oldest history entries are split off to be archived: at least the older half, so that
 * archiving happens seldom and each archived part is large, and more when needed. Throws
 * ReadinessTooLargeError when the state does not fit even with no history left.
 */
export function fitState(state: ReadinessState, limit: number = STORE_VALUE_MAX_BYTES): { state: ReadinessState; archived: HistoryEntry[] } {
  const budget = limit - STORE_ENVELOPE_BYTES;
  let size = utf8Bytes(state);
  if (size <= budget) return { state, archived: [] };
  // Each entry's share of the JSON is its own size plus a comma: split off exactly as many as needed.
  let excess = size - budget;
  let split = 0;
  const half = Math.ceil(state.history.length / 2);
  while ((excess > 0 || split < half) && split < state.history.length) {
    excess -= utf8Bytes(state.history[split]) + 1;
    split++;
  }
  const fitted = { ...state, history: state.history.slice(split) };
  size = utf8Bytes(fitted);
  if (size > budget) throw new ReadinessTooLargeError(size + STORE_ENVELOPE_BYTES, limit, 'store');
  return { state: fitted, archived: state.history.slice(0, split) };
}

/** Refuses a mirror Jira would not keep (it never comes near: summaries only). */
export function checkMirrorSize(mirror: ReadinessMirror, limit: number = PROPERTY_MAX_BYTES): void {
  const size = utf8Bytes(mirror);
  if (size > limit) throw new ReadinessTooLargeError(size, limit, 'property');
}
