/**
 * The one catalogue of the hygiene rules as people read them: each rule's name, its one-line fix
 * and the action a surface offers with it, in English and Russian. The settings page, the gadgets,
 * the project page and the Hygiene panel all name a rule from here, and the rules' `fix` is this
 * catalogue's (so a rule is called the same everywhere).
 *
 * Type-only imports: the Custom UI bundles this module, and it must carry no backend code.
 */
import type { HygieneRuleId, LocalizedText } from '../config';

/** A field of the issue a person changes to fix a rule, on Jira's edit screen. */
export type HygieneEditField = 'assignee' | 'estimate' | 'description' | 'acceptanceCriteria' | 'dueDate' | 'labels' | 'sprint';

/**
 * What the Hygiene panel offers next to a fix.
 *
 * - `write`: the app can make the change itself, as the viewer, when Jira says they may edit the
 *   issue (checked on the server): add one of the product's labels or components (`no-product`),
 *   set the estimate (`missing-estimate`). Otherwise the `fallback` field is offered to edit.
 * - `edit`: a link to the edit screen, for the field named.
 * - `subtasks`: links to the open sub-tasks.
 * - `status`: the fix is a status change (a transition), made with the status button.
 */
export type HygieneFixAction =
  | { kind: 'write'; write: 'addProductValue' | 'setEstimate'; fallback: HygieneEditField }
  | { kind: 'edit'; field: HygieneEditField }
  | { kind: 'subtasks' }
  | { kind: 'status' };

export interface HygieneRuleEntry {
  name: LocalizedText;
  fix: LocalizedText;
  action: HygieneFixAction;
}

export const HYGIENE_CATALOGUE: Readonly<Record<HygieneRuleId, HygieneRuleEntry>> = {
  'unassigned-in-progress': {
    name: { en: 'In progress without an assignee', ru: 'В работе без исполнителя' },
    fix: {
      en: 'Assign the issue to the person working on it, or move it back to To Do.',
      ru: 'Назначьте исполнителя, который над ней работает, или верните задачу в «К выполнению».',
    },
    action: { kind: 'edit', field: 'assignee' },
  },
  'missing-estimate': {
    name: { en: 'No estimate in a planned sprint', ru: 'Нет оценки в запланированном спринте' },
    fix: {
      en: "Estimate the issue in the board's estimation field before the sprint runs.",
      ru: 'Оцените задачу в поле оценки доски до начала спринта.',
    },
    action: { kind: 'write', write: 'setEstimate', fallback: 'estimate' },
  },
  'missing-description': {
    name: { en: 'No description', ru: 'Нет описания' },
    fix: {
      en: 'Write a description: the problem, its context and the expected result.',
      ru: 'Добавьте описание: проблема, контекст и ожидаемый результат.',
    },
    action: { kind: 'edit', field: 'description' },
  },
  'missing-acceptance-criteria': {
    name: { en: 'No acceptance criteria', ru: 'Нет критериев приёмки' },
    fix: {
      en: 'Add acceptance criteria: a line starting with "Acceptance criteria", or fill in the acceptance criteria field.',
      ru: 'Добавьте критерии приёмки: строку, начинающуюся с «Критерии приёмки», или заполните поле критериев приёмки.',
    },
    action: { kind: 'edit', field: 'acceptanceCriteria' },
  },
  'stale-in-progress': {
    name: { en: 'In progress, not updated for long', ru: 'В работе и давно не обновлялась' },
    fix: {
      en: 'Bring the issue up to date: record progress, move it to its real status, or flag what blocks it.',
      ru: 'Актуализируйте задачу: отметьте прогресс, переведите в реальный статус или укажите, что её блокирует.',
    },
    action: { kind: 'status' },
  },
  'done-without-resolution': {
    name: { en: 'Done without a resolution', ru: 'Выполнена без резолюции' },
    fix: {
      en: "Set a resolution: make the workflow's transition to done set it, then reopen and close the issue.",
      ru: 'Установите резолюцию: пусть переход в «Готово» в workflow её ставит, затем переоткройте и закройте задачу.',
    },
    action: { kind: 'status' },
  },
  'resolution-not-done': {
    name: { en: 'Resolution set but not done', ru: 'Есть резолюция, но не выполнена' },
    fix: {
      en: 'Clear the resolution when the issue is reopened (a post function on the reopen transition), or move it to done.',
      ru: 'Очищайте резолюцию при переоткрытии (post function в переходе) или переведите задачу в «Готово».',
    },
    action: { kind: 'status' },
  },
  overdue: {
    name: { en: 'Past its due date', ru: 'Срок прошёл' },
    fix: {
      en: 'Move the due date to a date the team commits to, or finish the issue.',
      ru: 'Перенесите срок на дату, за которую команда ручается, или завершите задачу.',
    },
    action: { kind: 'edit', field: 'dueDate' },
  },
  'no-product': {
    name: { en: 'Maps to no product', ru: 'Не относится ни к одному продукту' },
    fix: {
      en: "Map the issue to a product: add the product's component or label.",
      ru: 'Привяжите задачу к продукту: добавьте компонент или метку продукта.',
    },
    action: { kind: 'write', write: 'addProductValue', fallback: 'labels' },
  },
  'chronic-carryover': {
    name: { en: 'Carried over sprint after sprint', ru: 'Переносится из спринта в спринт' },
    fix: {
      en: 'Split the issue into parts that fit a sprint, or take it out of sprints until it can be finished.',
      ru: 'Разбейте задачу на части, которые помещаются в спринт, или уберите её из спринтов, пока её нельзя завершить.',
    },
    action: { kind: 'edit', field: 'sprint' },
  },
  'open-subtasks-under-done-parent': {
    name: { en: 'Done with open sub-tasks', ru: 'Выполнена с открытыми подзадачами' },
    fix: {
      en: 'Close the open sub-tasks, or reopen the parent until they are done.',
      ru: 'Закройте открытые подзадачи или переоткройте родительскую задачу, пока они не выполнены.',
    },
    action: { kind: 'subtasks' },
  },
};

/** A rule's name in a language. */
export const hygieneRuleName = (id: HygieneRuleId, lang: keyof LocalizedText): string => HYGIENE_CATALOGUE[id].name[lang];
