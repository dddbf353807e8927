/**
 * The Jira expressions of the two workflow validators (manifest.yml, `jira:workflowValidator`).
 * They read the issue property the panel writes and call no function, so a transition is checked
 * in Jira's own expression engine without invoking the app. manifest.yml holds the same strings;
 * a test checks that they agree and evaluates them against sample issues.
 *
 * A transition passes only when the property says the checklist is ready. An issue whose
 * property was never written (nobody opened its Readiness panel since the app was installed) does
 * not pass, and the message says how to fix that. The message is in English and Russian at once:
 * a validator has one message for everyone, and the count in it comes from the issue.
 */
import type { ChecklistKind } from '../config';
import { READINESS_PROPERTY_KEY } from './document';

const PROPERTY = `issue.properties['${READINESS_PROPERTY_KEY}']`;

const WORDING: Record<ChecklistKind, { en: string; short: string }> = {
  dor: { en: 'Definition of Ready', short: 'DoR' },
  dod: { en: 'Definition of Done', short: 'DoD' },
};

/** True when the checklist of `kind` is ready (or none applies to the issue). */
export function validatorExpression(kind: ChecklistKind): string {
  return `${PROPERTY}?.${kind}?.ready == "true"`;
}

/** The message of a refused transition: what is missing, how many required items are open. */
export function validatorMessageExpression(kind: ChecklistKind): string {
  const w = WORDING[kind];
  const count = `${PROPERTY}.${kind}.openRequired`;
  const never = `"The ${w.en} of this issue has not been checked yet: open its Readiness panel. / ${w.short} задачи ещё не проверялся: откройте панель «Готовность»."`;
  const open =
    `"The ${w.en} is not met: " + ${count} + (${count} == 1 ? " required item is open." : " required items are open.") + ` +
    `" Tick them or mark them not applicable in the issue's Readiness panel. / ${w.short} не выполнен, открытых обязательных пунктов: " + ${count} + ". Отметьте их на панели «Готовность»."`;
  return `${PROPERTY}?.${kind} == null ? ${never} : ${open}`;
}
