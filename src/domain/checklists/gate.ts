/**
 * The verdict of the two workflow validators ("Definition of Ready is met", "Definition of Done is
 * met"): Forge function validators that judge the app's own state, never the issue property. A
 * transition passes when no checklist of the kind applies, or when no required item is open;
 * unverified ticks imported from an earlier version count as open. The message is in English and
 * Russian at once: a validator has one message for everyone.
 */
import type { ChecklistKind } from '../config';
import type { ChecklistView } from './evaluate';

export interface GateVerdict {
  result: boolean;
  /** Shown by Jira when `result` is false. */
  errorMessage?: string;
}

const WORDING: Record<ChecklistKind, { en: string; short: string }> = {
  dor: { en: 'Definition of Ready', short: 'DoR' },
  dod: { en: 'Definition of Done', short: 'DoD' },
};

/**
 * `list`: the issue's checklist of the kind (null when none applies); `checked`: whether the app
 * holds a state for the issue (someone opened its panel, or the app saw it change).
 */
export function gateVerdict(kind: ChecklistKind, list: ChecklistView | null, checked: boolean): GateVerdict {
  if (!list || list.ready) return { result: true };
  const w = WORDING[kind];
  if (!checked)
    return {
      result: false,
      errorMessage: `The ${w.en} of this issue has not been checked yet: open its Readiness panel. / ${w.short} задачи ещё не проверялся: откройте панель «Готовность».`,
    };
  const n = list.openRequired;
  const unverified = list.items.filter((i) => i.required && i.state === 'open' && i.imported !== null).length;
  const toConfirm =
    unverified > 0
      ? ` ${unverified === 1 ? 'One of them was' : `${unverified} of them were`} imported from an earlier version of the app and await${unverified === 1 ? 's' : ''} confirmation.`
      : '';
  const toConfirmRu = unverified > 0 ? ` Из них ждут подтверждения (импортированы из прежней версии): ${unverified}.` : '';
  return {
    result: false,
    errorMessage:
      `The ${w.en} is not met: ${n} required item${n === 1 ? ' is' : 's are'} open.${toConfirm} Tick them or mark them not applicable in the issue's Readiness panel. / ` +
      `${w.short} не выполнен, открытых обязательных пунктов: ${n}.${toConfirmRu} Отметьте их на панели «Готовность».`,
  };
}

/** The verdict when the state cannot be read (Jira or the storage failed): the gate stays closed. */
export function gateUnavailable(kind: ChecklistKind, why: string): GateVerdict {
  const w = WORDING[kind];
  return {
    result: false,
    errorMessage: `The ${w.en} could not be checked (${why}): try again in a minute. / ${w.short} не удалось проверить: попробуйте ещё раз через минуту.`,
  };
}
