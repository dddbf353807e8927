/**
 * Strings of the issue view: what a checklist says given where the work is (the Readiness panel's
 * headlines and the context summary read the same verdicts), the context summary, and the Hygiene
 * panel's fix actions, in English and Russian. Checklist and item names come from the
 * configuration, rule names and fixes from the shared hygiene catalogue.
 */
import type { ChecklistVerdict, HygieneEditField, LocalizedText, WorkStage } from '../../src/shared/protocol';
import { plural, type Lang } from './i18n';

const names = (items: readonly { text: LocalizedText }[], lang: Lang) => items.map((i) => i.text[lang]).join(lang === 'ru' ? '; ' : ', ');
const ruForms = (n: number, one: string, few: string, many: string) => plural('ru', n, { one, few, many, other: many });

const en = {
  /** A list's headline: the verdict, with what is missing by name. */
  verdict: (v: ChecklistVerdict, complete: number, total: number): string => {
    switch (v.verdict) {
      case 'ready':
        return 'Ready';
      case 'notReady':
        return `Not ready: ${names(v.missing, 'en')}`;
      case 'notStarted':
        return `Applies once work starts · ${complete} of ${total} done`;
      case 'done':
        return 'Done';
      case 'doneLeftOpen':
        return plural('en', v.missing.length, {
          one: 'Done — {n} required item was left open',
          few: 'Done — {n} required items were left open',
          many: 'Done — {n} required items were left open',
          other: 'Done — {n} required items were left open',
        });
    }
  },
  leftOpen: (v: Extract<ChecklistVerdict, { verdict: 'doneLeftOpen' }>) => `Left open: ${names(v.missing, 'en')}`,
  stage: { toDo: 'Not started', inProgress: 'In progress', done: 'Done' } satisfies Record<WorkStage, string>,
  showItems: (n: number) => plural('en', n, { one: 'Show the item', few: 'Show the {n} items', many: 'Show the {n} items', other: 'Show the {n} items' }),
  hideItems: 'Hide the items',
  // Context summary
  summaryTitle: 'Sprint readiness',
  summaryLoading: 'Reading the issue…',
  summaryError: 'The summary could not be shown',
  tryAgain: 'Try again',
  dor: 'Definition of Ready',
  dod: 'Definition of Done',
  dorShort: 'DoR',
  dodShort: 'DoD',
  counts: (complete: number, total: number) => `${complete}/${total}`,
  countsLabel: (complete: number, total: number) => `${complete} of ${total} items done or not applicable`,
  noDor: 'No DoR applies to this type of issue',
  hygiene: 'Hygiene',
  hygieneClean: 'No rule broken',
  hygieneBroken: (n: number) => plural('en', n, { one: '{n} rule broken', few: '{n} rules broken', many: '{n} rules broken', other: '{n} rules broken' }),
  product: 'Product',
  noProduct: 'Maps to no product',
  noProducts: 'No products are configured',
  bpo: 'Business PO',
  dpo: 'Digital PO',
  bpoShort: 'BPO',
  dpoShort: 'DPO',
  nobody: 'nobody',
  unknownPerson: 'unknown user',
  // Hygiene actions
  editField: {
    assignee: 'Edit the assignee',
    estimate: 'Edit the estimate',
    description: 'Edit the description',
    acceptanceCriteria: 'Edit the acceptance criteria',
    dueDate: 'Edit the due date',
    labels: 'Edit the labels and components',
    sprint: 'Edit the sprint',
  } satisfies Record<HygieneEditField, string>,
  editFieldHint: 'Opens the issue’s edit screen',
  addValue: (type: 'label' | 'component', value: string) => (type === 'label' ? `Add the label “${value}”` : `Add the component “${value}”`),
  addValueFor: (type: 'label' | 'component', value: string, product: string) => `${type === 'label' ? 'Add the label' : 'Add the component'} “${value}” (${product})`,
  estimateLabel: 'Estimate (story points)',
  setEstimate: 'Set the estimate',
  estimateInvalid: (max: number) => `Enter a number from 0 to ${max}.`,
  openSubtask: (key: string) => `Open ${key}`,
  statusHint: 'Change the status with the status button at the top of the issue.',
  readOnlyHint: 'You may not edit this issue: ask someone who may.',
  applying: 'Changing the issue…',
  applied: 'Done: the issue was changed.',
  fixFailed: (message: string) => `The issue was not changed. ${message}`,
};

export type IssueMessages = typeof en;

const ru: IssueMessages = {
  verdict: (v, complete, total) => {
    switch (v.verdict) {
      case 'ready':
        return 'Готово';
      case 'notReady':
        return `Не готово: ${names(v.missing, 'ru')}`;
      case 'notStarted':
        return `Применяется, когда работа начнётся · выполнено ${complete} из ${total}`;
      case 'done':
        return 'Выполнено';
      case 'doneLeftOpen':
        return ruForms(v.missing.length, 'Выполнено — {n} обязательный пункт остался открытым', 'Выполнено — {n} обязательных пункта остались открытыми', 'Выполнено — {n} обязательных пунктов остались открытыми');
    }
  },
  leftOpen: (v) => `Остались открытыми: ${names(v.missing, 'ru')}`,
  stage: { toDo: 'Не начата', inProgress: 'В работе', done: 'Выполнена' },
  showItems: (n) => `Показать пункты (${n})`,
  hideItems: 'Скрыть пункты',
  summaryTitle: 'Готовность к спринту',
  summaryLoading: 'Читаем задачу…',
  summaryError: 'Не удалось показать сводку',
  tryAgain: 'Повторить',
  dor: 'Готовность к разработке (DoR)',
  dod: 'Готовность к выпуску (DoD)',
  dorShort: 'DoR',
  dodShort: 'DoD',
  counts: (complete, total) => `${complete}/${total}`,
  countsLabel: (complete, total) => `${complete} из ${total} пунктов выполнено или неприменимо`,
  noDor: 'DoR не применяется к задачам этого типа',
  hygiene: 'Чистота',
  hygieneClean: 'Правила не нарушены',
  hygieneBroken: (n) => ruForms(n, 'Нарушено {n} правило', 'Нарушено {n} правила', 'Нарушено {n} правил'),
  product: 'Продукт',
  noProduct: 'Не относится ни к одному продукту',
  noProducts: 'Продукты не настроены',
  bpo: 'Бизнес-владелец',
  dpo: 'Цифровой владелец',
  bpoShort: 'BPO',
  dpoShort: 'DPO',
  nobody: 'не назначен',
  unknownPerson: 'неизвестный пользователь',
  editField: {
    assignee: 'Изменить исполнителя',
    estimate: 'Изменить оценку',
    description: 'Изменить описание',
    acceptanceCriteria: 'Изменить критерии приёмки',
    dueDate: 'Изменить срок',
    labels: 'Изменить метки и компоненты',
    sprint: 'Изменить спринт',
  },
  editFieldHint: 'Открывает экран редактирования задачи',
  addValue: (type, value) => (type === 'label' ? `Добавить метку «${value}»` : `Добавить компонент «${value}»`),
  addValueFor: (type, value, product) => `${type === 'label' ? 'Добавить метку' : 'Добавить компонент'} «${value}» (${product})`,
  estimateLabel: 'Оценка (стори-поинты)',
  setEstimate: 'Поставить оценку',
  estimateInvalid: (max) => `Введите число от 0 до ${max}.`,
  openSubtask: (key) => `Открыть ${key}`,
  statusHint: 'Смените статус кнопкой статуса вверху задачи.',
  readOnlyHint: 'У вас нет прав на изменение задачи: попросите того, у кого они есть.',
  applying: 'Меняем задачу…',
  applied: 'Готово: задача изменена.',
  fixFailed: (message) => `Задача не изменена. ${message}`,
};

export const ISSUE_MESSAGES: Record<Lang, IssueMessages> = { en, ru };
export const issueMessages = (lang: Lang): IssueMessages => ISSUE_MESSAGES[lang];
