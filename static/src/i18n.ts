/**
 * Every string the Custom UI shows, in English and Russian. The language follows the viewer's
 * Jira locale (`context.locale`); anything that is not Russian falls back to English.
 */
import type { LocalizedText } from '../../src/shared/protocol';

export type Lang = 'en' | 'ru';

export function langOf(locale: string | null | undefined): Lang {
  return /^ru([-_]|$)/i.test(locale ?? '') ? 'ru' : 'en';
}

export const localeTag = (lang: Lang): string => (lang === 'ru' ? 'ru-RU' : 'en-GB');

/** A name from the configuration, in the viewer's language. */
export const localized = (text: LocalizedText, lang: Lang): string => text[lang];

export type Plural = { one: string; few: string; many: string; other: string };
export function plural(lang: Lang, n: number, forms: Plural): string {
  const rule = new Intl.PluralRules(localeTag(lang)).select(n) as keyof Plural;
  return (forms[rule] ?? forms.other).replace('{n}', String(n));
}

const en = {
  title: 'Backlog convergence',
  loading: 'Computing convergence…',
  loadingSettings: 'Loading the gadget…',
  notConfiguredTitle: 'Choose boards to see convergence',
  notConfiguredBody: 'Edit this gadget (the ••• menu of the gadget, then Edit) and choose one or more boards.',
  emptyTitle: 'No sprints to show yet',
  emptyBody: 'The chosen boards have no active or closed sprints. Start a sprint in Jira, or edit the gadget to choose other boards.',
  errorTitle: 'Convergence could not be loaded',
  tryAgain: 'Try again',
  refresh: 'Refresh',
  asOf: (time: string) => `Figures as of ${time}`,
  fromCache: 'from the cache',
  boards: 'Boards',
  rollup: { product: 'Product', channel: 'Channel', segment: 'Segment' },
  currentSprint: 'Current sprint',
  lastSprint: 'Last sprint',
  overall: 'Closed sprints overall',
  target: 'Target',
  targetValue: (pct: string) => `Target ${pct}`,
  basis: { issues: 'by issues', points: 'by story points' },
  status: { met: 'Target met', near: 'Near target', missed: 'Target missed', none: 'Nothing committed' },
  provisional: 'provisional',
  provisionalHint: 'The sprint is still running: these figures are as of now and will change.',
  chartLabel: (target: string) => `Convergence per sprint, oldest to newest, against the target of ${target}`,
  chartLegendTarget: 'target',
  noValue: '—',
  table: {
    sprint: 'Sprint',
    convergence: 'Convergence',
    committed: 'Committed',
    completedCommitted: 'Completed of committed',
    added: 'Added',
    removed: 'Removed',
    notCompleted: 'Carried over',
  },
  points: (n: string) => `${n} pts`,
  openList: (set: string, sprint: string, count: number) => `${set} in ${sprint}: ${count} — show the issues`,
  drillTitle: (set: string, sprint: string) => `${set} — ${sprint}`,
  drillEmpty: 'No issues in this set.',
  drillLoading: 'Loading the issues…',
  drillSummaryUnavailable: 'Summary not available',
  close: 'Close',
  issues: (n: number) => plural('en', n, { one: '{n} issue', few: '{n} issues', many: '{n} issues', other: '{n} issues' }),
  // Edit mode
  editTitle: 'Backlog convergence settings',
  boardsLabel: 'Boards',
  boardsHelp: 'Search by board name or project key. Figures add up over every chosen board.',
  boardsPlaceholder: 'Search boards…',
  boardsNone: 'No boards match',
  boardsLoading: 'Loading boards…',
  boardsRequired: 'Choose at least one board.',
  boardsMore: (shown: number, total: number) => `Showing ${shown} of ${total} boards: type to narrow the list.`,
  restrictLabel: 'Issues counted',
  restrictWhole: 'Every issue of the boards',
  restrictBy: { product: 'One product', channel: 'One channel', segment: 'One segment' },
  restrictKeyLabel: { product: 'Product', channel: 'Channel', segment: 'Segment' },
  restrictKeyRequired: 'Choose one.',
  restrictNone: 'None is configured. A Jira administrator adds them in the governance settings.',
  sprintsLabel: 'Closed sprints per board',
  sprintsHelp: 'The newest closed sprints of each board, plus its active sprint.',
  sprintsInvalid: 'Enter a whole number from 1 to 20.',
  basisLabel: 'Count by',
  basisIssues: 'Issues',
  basisPoints: 'Story points',
  targetLabel: 'Target, %',
  targetHelp: (pct: string) => `The governance configuration's target is ${pct}.`,
  targetInvalid: 'Enter a percentage above 0 and at most 100.',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  saveFailed: 'The settings could not be saved. Try again.',
  settingsProblem: (problem: string) => `The saved settings could not be read (${problem}); they were reset to the defaults.`,
};

export type Messages = typeof en;

const ru: Messages = {
  title: 'Сходимость бэклога',
  loading: 'Считаем сходимость…',
  loadingSettings: 'Загружаем гаджет…',
  notConfiguredTitle: 'Выберите доски, чтобы увидеть сходимость',
  notConfiguredBody: 'Откройте настройки гаджета (меню ••• гаджета, затем «Изменить») и выберите одну или несколько досок.',
  emptyTitle: 'Пока нет спринтов',
  emptyBody: 'На выбранных досках нет активных или закрытых спринтов. Начните спринт в Jira или выберите другие доски в настройках гаджета.',
  errorTitle: 'Не удалось загрузить сходимость',
  tryAgain: 'Повторить',
  refresh: 'Обновить',
  asOf: (time: string) => `Данные на ${time}`,
  fromCache: 'из кэша',
  boards: 'Доски',
  rollup: { product: 'Продукт', channel: 'Канал', segment: 'Сегмент' },
  currentSprint: 'Текущий спринт',
  lastSprint: 'Последний спринт',
  overall: 'Закрытые спринты в целом',
  target: 'Цель',
  targetValue: (pct: string) => `Цель ${pct}`,
  basis: { issues: 'по задачам', points: 'по стори поинтам' },
  status: { met: 'Цель достигнута', near: 'Близко к цели', missed: 'Цель не достигнута', none: 'Нет взятых задач' },
  provisional: 'предварительно',
  provisionalHint: 'Спринт ещё идёт: данные на текущий момент и будут меняться.',
  chartLabel: (target: string) => `Сходимость по спринтам, от старых к новым, относительно цели ${target}`,
  chartLegendTarget: 'цель',
  noValue: '—',
  table: {
    sprint: 'Спринт',
    convergence: 'Сходимость',
    committed: 'Взято в спринт',
    completedCommitted: 'Выполнено из взятых',
    added: 'Добавлено',
    removed: 'Удалено',
    notCompleted: 'Перенесено',
  },
  points: (n: string) => `${n} SP`,
  openList: (set: string, sprint: string, count: number) => `${set} в спринте ${sprint}: ${count} — показать задачи`,
  drillTitle: (set: string, sprint: string) => `${set} — ${sprint}`,
  drillEmpty: 'В этом наборе нет задач.',
  drillLoading: 'Загружаем задачи…',
  drillSummaryUnavailable: 'Название недоступно',
  close: 'Закрыть',
  issues: (n: number) => plural('ru', n, { one: '{n} задача', few: '{n} задачи', many: '{n} задач', other: '{n} задачи' }),
  editTitle: 'Настройки сходимости бэклога',
  boardsLabel: 'Доски',
  boardsHelp: 'Ищите по названию доски или ключу проекта. Показатели суммируются по всем выбранным доскам.',
  boardsPlaceholder: 'Найти доску…',
  boardsNone: 'Подходящих досок нет',
  boardsLoading: 'Загружаем доски…',
  boardsRequired: 'Выберите хотя бы одну доску.',
  boardsMore: (shown: number, total: number) => `Показано ${shown} из ${total} досок: уточните поиск.`,
  restrictLabel: 'Какие задачи учитывать',
  restrictWhole: 'Все задачи досок',
  restrictBy: { product: 'Один продукт', channel: 'Один канал', segment: 'Один сегмент' },
  restrictKeyLabel: { product: 'Продукт', channel: 'Канал', segment: 'Сегмент' },
  restrictKeyRequired: 'Выберите значение.',
  restrictNone: 'Ни одного не настроено. Их добавляет администратор Jira в настройках governance.',
  sprintsLabel: 'Закрытых спринтов на доску',
  sprintsHelp: 'Последние закрытые спринты каждой доски и её активный спринт.',
  sprintsInvalid: 'Введите целое число от 1 до 20.',
  basisLabel: 'Считать по',
  basisIssues: 'Задачам',
  basisPoints: 'Стори поинтам',
  targetLabel: 'Цель, %',
  targetHelp: (pct: string) => `Цель в конфигурации governance: ${pct}.`,
  targetInvalid: 'Введите процент больше 0 и не больше 100.',
  save: 'Сохранить',
  cancel: 'Отмена',
  saving: 'Сохраняем…',
  saveFailed: 'Не удалось сохранить настройки. Попробуйте ещё раз.',
  settingsProblem: (problem: string) => `Сохранённые настройки не читаются (${problem}); восстановлены значения по умолчанию.`,
};

export const MESSAGES: Record<Lang, Messages> = { en, ru };
export const messages = (lang: Lang): Messages => MESSAGES[lang];
