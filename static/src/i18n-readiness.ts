/**
 * Every string of the Readiness panel, in English and Russian. The language follows the viewer's
 * Jira locale, as everywhere (`langOf`); checklist and item names come from the configuration in
 * both languages.
 */
import type { AutoDetail, ItemState, ReadinessIncident } from '../../src/shared/protocol';
import { catalogueNumber } from './format';
import { plural, type Lang } from './i18n';

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};
const hours = (seconds: number, lang: Lang) => catalogueNumber(seconds / 3600, lang);

const en = {
  title: 'Readiness',
  loading: 'Reading the checklists…',
  errorTitle: 'The checklists could not be shown',
  tryAgain: 'Try again',
  noChecklists: 'No Definition of Ready or Definition of Done applies to this type of issue.',
  noList: (name: string) => `No ${name} applies to this type of issue.`,
  ready: 'Ready',
  notReady: (n: number) => plural('en', n, { one: 'Not ready: {n} required item open', few: 'Not ready: {n} required items open', many: 'Not ready: {n} required items open', other: 'Not ready: {n} required items open' }),
  progress: (complete: number, total: number) => `${complete} of ${total} done or not applicable`,
  progressLabel: (list: string, complete: number, total: number) => `${list}: ${complete} of ${total} items done or not applicable`,
  optional: 'Optional',
  auto: 'Auto',
  autoHint: 'Checked automatically from the issue: update the issue to change it.',
  autoDetail: (d: AutoDetail, passed: boolean): string => {
    switch (d.check) {
      case 'estimate':
        if (d.storyPoints !== null) return plural('en', d.storyPoints, { one: '{n} story point', few: '{n} story points', many: '{n} story points', other: '{n} story points' });
        if (d.originalEstimateSeconds !== null) return `Original estimate: ${hours(d.originalEstimateSeconds, 'en')} h`;
        return 'No story points and no original estimate on the issue';
      case 'acceptanceCriteria':
        return d.source === 'field' ? 'Written in the Acceptance criteria field' : d.source === 'description' ? 'Found under a heading in the description' : 'No "Acceptance criteria" field or heading in the description';
      case 'designLink':
        return d.url ? `Design link: ${hostOf(d.url)}${d.source === 'remoteLink' ? ' (in the issue links)' : ' (in the description)'}` : 'No link to Figma, Sketch, Miro or another design tool in the description or the links';
      case 'subtasksDone':
        return d.total === 0 ? 'The issue has no sub-tasks' : `${d.done} of ${d.total} sub-tasks done`;
      case 'description':
        return passed ? 'The issue has a description' : 'The description is empty';
      case 'assignee':
        return passed ? 'Someone is assigned' : 'Nobody is assigned';
    }
  },
  markNotApplicable: 'Not applicable',
  markNotApplicableLabel: (item: string) => `Not applicable: mark “${item}”`,
  reasonLabel: 'Why does it not apply?',
  reasonPlaceholder: 'For example: no user interface changes in this story',
  reasonRequired: 'Give a reason: others will read it.',
  reasonTooLong: (max: number) => `At most ${max} characters.`,
  save: 'Save',
  cancel: 'Cancel',
  notApplicable: 'Not applicable',
  applicableAgain: 'Applies again',
  // Accessible names start with the button's visible text (WCAG 2.5.3, label in name).
  applicableAgainLabel: (item: string) => `Applies again: “${item}”`,
  byWhen: (name: string, when: string) => `${name} · ${when}`,
  unknownUser: 'Unknown user',
  history: 'History',
  showHistory: (n: number) => `Show history (${n})`,
  hideHistory: 'Hide history',
  noHistory: 'No changes yet.',
  historyState: (who: string, item: string, to: ItemState, reason: string | null) =>
    to === 'done' ? `${who} marked “${item}” done` : to === 'open' ? `${who} reopened “${item}”` : `${who} marked “${item}” not applicable: ${reason ?? ''}`,
  historyRemoved: (item: string, last: ItemState) => `“${item}” left the template (it was ${last === 'done' ? 'done' : last === 'notApplicable' ? 'not applicable' : 'open'})`,
  theApp: 'The app',
  readOnly: 'You may not edit this issue, so its checklists are read-only here.',
  saving: 'Saving…',
  conflictMerged: 'Someone else changed these checklists at the same time: your change was saved on top of theirs.',
  conflictSuperseded: 'Someone else changed this item at the same time: the panel shows their change.',
  saveFailed: (message: string) => `Your change was not saved. ${message}`,
  dismiss: 'Dismiss',
  requiredMark: 'required',
  stateOf: { open: 'open', done: 'done', notApplicable: 'not applicable' } satisfies Record<ItemState, string>,
  importedClaim: (who: string, to: ItemState, reason: string | null) =>
    to === 'done' ? `Imported, not verified: ${who} marked it done` : `Imported, not verified: ${who} marked it not applicable: ${reason ?? ''}`,
  importedHint: 'Found in the issue property written by an earlier version of the app, where anyone who may edit the issue could have written it. It counts as open until someone confirms it.',
  confirmNotApplicable: 'Confirm not applicable',
  confirmNotApplicableLabel: (item: string) => `Confirm not applicable: “${item}”, with the imported reason`,
  importedTitle: 'Ticks to confirm',
  importedBody: (n: number) =>
    plural('en', n, {
      one: '{n} tick was imported from an earlier version of the app without proof of who made it. It counts as open until someone who may edit the issue confirms it.',
      few: '{n} ticks were imported from an earlier version of the app without proof of who made them. They count as open until someone who may edit the issue confirms them.',
      many: '{n} ticks were imported from an earlier version of the app without proof of who made them. They count as open until someone who may edit the issue confirms them.',
      other: '{n} ticks were imported from an earlier version of the app without proof of who made them. They count as open until someone who may edit the issue confirms them.',
    }),
  integrityTitle: 'The issue property was changed outside the app',
  integrityBody: 'The readiness property JQL searches was written by someone other than the app (anyone who may edit an issue can write its properties through Jira’s REST API). The checklists and the workflow validators never read it; the app rewrote it from its own state. Only Jira administrators see this.',
  incident: (i: ReadinessIncident, when: string) =>
    `${when}, found by ${i.detectedBy === 'panel' ? 'this panel' : i.detectedBy === 'trigger' ? 'the issue-change trigger' : i.detectedBy === 'validator' ? 'a workflow validator' : 'the migration'}: ${i.kind === 'deleted' ? 'the property was deleted' : i.found}${i.repaired ? ' — repaired.' : ' — not repaired yet.'}`,
  archived: (n: number) => plural('en', n, { one: 'Older entries are archived ({n} part).', few: 'Older entries are archived ({n} parts).', many: 'Older entries are archived ({n} parts).', other: 'Older entries are archived ({n} parts).' }),
};

export type ReadinessMessages = typeof en;

const ruItems = (n: number, forms: { one: string; few: string; many: string }) => plural('ru', n, { ...forms, other: forms.many });

const ru: ReadinessMessages = {
  title: 'Готовность',
  loading: 'Читаем чек-листы…',
  errorTitle: 'Не удалось показать чек-листы',
  tryAgain: 'Повторить',
  noChecklists: 'К задачам этого типа не применяются ни DoR, ни DoD.',
  noList: (name: string) => `«${name}» не применяется к задачам этого типа.`,
  ready: 'Готово',
  notReady: (n: number) =>
    ruItems(n, { one: 'Не готово: открыт {n} обязательный пункт', few: 'Не готово: открыто {n} обязательных пункта', many: 'Не готово: открыто {n} обязательных пунктов' }),
  progress: (complete: number, total: number) => `${complete} из ${total} выполнено или неприменимо`,
  progressLabel: (list: string, complete: number, total: number) => `${list}: ${complete} из ${total} пунктов выполнено или неприменимо`,
  optional: 'Необязательный',
  auto: 'Авто',
  autoHint: 'Проверяется автоматически по задаче: чтобы изменить, измените задачу.',
  autoDetail: (d: AutoDetail, passed: boolean): string => {
    switch (d.check) {
      case 'estimate':
        if (d.storyPoints !== null) return ruItems(d.storyPoints, { one: '{n} стори-поинт', few: '{n} стори-поинта', many: '{n} стори-поинтов' });
        if (d.originalEstimateSeconds !== null) return `Исходная оценка: ${hours(d.originalEstimateSeconds, 'ru')} ч`;
        return 'В задаче нет ни стори-поинтов, ни исходной оценки';
      case 'acceptanceCriteria':
        return d.source === 'field' ? 'Заполнено поле «Критерии приёмки»' : d.source === 'description' ? 'Найдены под заголовком в описании' : 'Нет ни поля «Критерии приёмки», ни такого заголовка в описании';
      case 'designLink':
        return d.url ? `Ссылка на дизайн: ${hostOf(d.url)}${d.source === 'remoteLink' ? ' (в ссылках задачи)' : ' (в описании)'}` : 'Нет ссылки на Figma, Sketch, Miro или другой инструмент дизайна ни в описании, ни в ссылках';
      case 'subtasksDone':
        return d.total === 0 ? 'У задачи нет подзадач' : `Выполнено подзадач: ${d.done} из ${d.total}`;
      case 'description':
        return passed ? 'У задачи есть описание' : 'Описание пустое';
      case 'assignee':
        return passed ? 'Исполнитель назначен' : 'Исполнитель не назначен';
    }
  },
  markNotApplicable: 'Неприменимо',
  markNotApplicableLabel: (item: string) => `Неприменимо: отметить «${item}»`,
  reasonLabel: 'Почему пункт неприменим?',
  reasonPlaceholder: 'Например: в этой истории нет изменений интерфейса',
  reasonRequired: 'Укажите причину: её прочитают коллеги.',
  reasonTooLong: (max: number) => `Не больше ${max} символов.`,
  save: 'Сохранить',
  cancel: 'Отмена',
  notApplicable: 'Неприменимо',
  applicableAgain: 'Снова применимо',
  applicableAgainLabel: (item: string) => `Снова применимо: «${item}»`,
  byWhen: (name: string, when: string) => `${name} · ${when}`,
  unknownUser: 'Неизвестный пользователь',
  history: 'История',
  showHistory: (n: number) => `Показать историю (${n})`,
  hideHistory: 'Скрыть историю',
  noHistory: 'Изменений пока нет.',
  historyState: (who: string, item: string, to: ItemState, reason: string | null) =>
    to === 'done' ? `${who}: «${item}» — выполнено` : to === 'open' ? `${who}: «${item}» — снова открыт` : `${who}: «${item}» — неприменимо: ${reason ?? ''}`,
  historyRemoved: (item: string, last: ItemState) => `«${item}» убран из шаблона (был ${last === 'done' ? 'выполнен' : last === 'notApplicable' ? 'неприменим' : 'открыт'})`,
  theApp: 'Приложение',
  readOnly: 'У вас нет прав на изменение задачи, поэтому чек-листы доступны только для чтения.',
  saving: 'Сохраняем…',
  conflictMerged: 'Кто-то изменил эти чек-листы одновременно с вами: ваше изменение сохранено поверх.',
  conflictSuperseded: 'Кто-то одновременно изменил этот пункт: на панели его изменение.',
  saveFailed: (message: string) => `Изменение не сохранено. ${message}`,
  dismiss: 'Скрыть',
  requiredMark: 'обязательный',
  stateOf: { open: 'открыт', done: 'выполнен', notApplicable: 'неприменим' },
  importedClaim: (who: string, to: ItemState, reason: string | null) =>
    to === 'done' ? `Импортировано, не подтверждено: ${who} отметил(а) выполненным` : `Импортировано, не подтверждено: ${who} отметил(а) неприменимым: ${reason ?? ''}`,
  importedHint: 'Найдено в свойстве задачи, которое писала прежняя версия приложения и которое мог записать любой, кто может редактировать задачу. Считается открытым, пока его не подтвердят.',
  confirmNotApplicable: 'Подтвердить неприменимость',
  confirmNotApplicableLabel: (item: string) => `Подтвердить неприменимость: «${item}», с импортированной причиной`,
  importedTitle: 'Отметки ждут подтверждения',
  importedBody: (n: number) =>
    ruItems(n, {
      one: '{n} отметка импортирована из прежней версии приложения без подтверждения автора. Она считается открытой, пока её не подтвердит тот, кто может редактировать задачу.',
      few: '{n} отметки импортированы из прежней версии приложения без подтверждения авторов. Они считаются открытыми, пока их не подтвердит тот, кто может редактировать задачу.',
      many: '{n} отметок импортированы из прежней версии приложения без подтверждения авторов. Они считаются открытыми, пока их не подтвердит тот, кто может редактировать задачу.',
    }),
  integrityTitle: 'Свойство задачи изменено в обход приложения',
  integrityBody: 'Свойство готовности, по которому ищет JQL, записало не приложение (свойства задачи может записать через REST API Jira любой, кто может её редактировать). Чек-листы и валидаторы переходов его не читают; приложение восстановило его по своим данным. Это видят только администраторы Jira.',
  incident: (i: ReadinessIncident, when: string) =>
    `${when}, обнаружено ${i.detectedBy === 'panel' ? 'этой панелью' : i.detectedBy === 'trigger' ? 'триггером изменения задачи' : i.detectedBy === 'validator' ? 'валидатором перехода' : 'миграцией'}: ${i.kind === 'deleted' ? 'свойство удалено' : i.found}${i.repaired ? ' — восстановлено.' : ' — ещё не восстановлено.'}`,
  archived: (n: number) => ruItems(n, { one: 'Более ранние записи в архиве ({n} часть).', few: 'Более ранние записи в архиве ({n} части).', many: 'Более ранние записи в архиве ({n} частей).' }),
};

export const READINESS_MESSAGES: Record<Lang, ReadinessMessages> = { en, ru };
export const readinessMessages = (lang: Lang): ReadinessMessages => READINESS_MESSAGES[lang];
