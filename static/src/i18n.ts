/**
 * Every string the Custom UI shows, in English and Russian. The language follows the viewer's
 * Jira locale (`context.locale`); anything that is not Russian falls back to English.
 */
import type { LocalizedText } from '../../src/shared/protocol';
import { langTag } from './format';

export type Lang = 'en' | 'ru';

export function langOf(locale: string | null | undefined): Lang {
  return /^ru([-_]|$)/i.test(locale ?? '') ? 'ru' : 'en';
}

/** The language tag of a page language (plural rules, numbers in the catalogues): see format.ts for dates. */
export const localeTag = langTag;

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
  boards: 'Boards',
  rollup: { product: 'Product', channel: 'Channel', segment: 'Segment' },
  target: 'Target',
  targetValue: (pct: string) => `Target ${pct}`,
  basis: { issues: 'by issues', points: 'by story points' },
  status: { met: 'Target met', near: 'Near target', missed: 'Target missed', none: 'Nothing committed' },
  provisionalHint: 'The sprint is still running: these figures are as of now and will change.',
  noValue: '—',
  table: {
    sprint: 'Sprint',
    convergence: 'Convergence',
    committed: 'Committed',
    completedCommitted: 'Completed of committed',
    added: 'Added',
    removed: 'Removed',
    notCompleted: 'Not completed',
  },
  movedToNext: (n: number) => `${n} to next sprint`,
  shared: 'shared',
  sharedHint: "Another board's sprint that this board's issues were in: only this board's issues count here.",
  warningsTitle: 'Some issues could not be read as Jira meant',
  warnings: {
    invalidEstimates: (n: number) => `${plural('en', n, { one: '{n} issue has', few: '{n} issues have', many: '{n} issues have', other: '{n} issues have' })} a negative or non-numeric estimate, counted as unestimated.`,
    deletedStatuses: (n: number) => `${plural('en', n, { one: "{n} issue's history passes", few: "{n} issues' histories pass", many: "{n} issues' histories pass", other: "{n} issues' histories pass" })} through a status the site no longer has; it counts as not done.`,
    unknownPriorities: (n: number) => `${plural('en', n, { one: '{n} defect has', few: '{n} defects have', many: '{n} defects have', other: '{n} defects have' })} a priority with no SLA target and ${n === 1 ? 'is' : 'are'} counted without SLA.`,
    unmappedStatuses: (n: number) => `${plural('en', n, { one: '{n} issue was', few: '{n} issues were', many: '{n} issues were', other: '{n} issues were' })} in a status that no column of the board shows at a sprint's end.`,
    unresolvedConfigNames: (n: number) => `${plural('en', n, { one: '{n} name', few: '{n} names', many: '{n} names', other: '{n} names' })} of the governance configuration match nothing on this site: ask a Jira administrator to review the settings.`,
  },
  warningsShow: 'Show the issues',
  points: (n: string) => `${n} pts`,
  openList: (set: string, sprint: string, count: number) => `${set} in ${sprint}: ${count} — show the issues`,
  drillTitle: (set: string, sprint: string) => `${set} — ${sprint}`,
  drillEmpty: 'No issues in this set.',
  drillLoading: 'Loading the issues…',
  drillSummaryUnavailable: 'Summary not available',
  close: 'Close',
  issues: (n: number) => plural('en', n, { one: '{n} issue', few: '{n} issues', many: '{n} issues', other: '{n} issues' }),
  conv: {
    headlineLabel: 'Backlog convergence',
    meaning: (basis: 'issues' | 'points', perBoard: number, boards: number, total: number) => {
      const what = basis === 'points' ? 'committed story points' : 'committed issues';
      if (total === 0) return `Share of ${what} completed in closed sprints: no closed sprint is shown yet.`;
      const last = plural('en', perBoard, { one: 'the last closed sprint', few: 'the last {n} closed sprints', many: 'the last {n} closed sprints', other: 'the last {n} closed sprints' });
      if (boards <= 1) return `Share of ${what} completed in ${last}.`;
      if (perBoard * boards === total) return `Share of ${what} completed in ${last} of each of the ${boards} boards.`;
      return `Share of ${what} completed in the ${total} closed sprints shown (${boards} boards, up to ${perBoard} each).`;
    },
    targetLine: (target: string, basis: string) => `Target ${target}, ${basis}`,
    howCalculated: 'How is this calculated?',
    explain: (target: string, band: string, basis: 'issues' | 'points') => [
      'Convergence = completed of committed ÷ committed. Committed: in the sprint at its start and not done then. Completed of committed: of those, done at the sprint’s end. “Done” is the board’s last column; sub-tasks are left out.',
      `Counted by ${basis === 'points' ? 'story points (as estimated at the sprint’s start)' : 'issues'}. Over several sprints or boards the counts are added up first and then divided, never an average of percentages.`,
      `Target ${target}: met at or above it, near within ${band} points below it, missed below that.`,
      'A running sprint is in progress: it shows the share done so far and the days left, and is judged against the target only once it closes.',
      'A shared sprint is another board’s sprint that this board’s issues were in: only this board’s issues count in it.',
    ],
    byBoard: 'By board',
    now: 'Now',
    last: 'Last closed',
    noRunning: 'no sprint running',
    noLast: 'no closed sprint yet',
    inProgress: 'In progress',
    soFar: (pct: string) => `${pct} so far`,
    doneSoFar: (pct: string) => `${pct} done so far`,
    daysLeft: (n: number) => (n <= 0 ? 'past its planned end' : plural('en', n, { one: '{n} day left', few: '{n} days left', many: '{n} days left', other: '{n} days left' })),
    ofCommitted: (done: number, committed: number) => `${done} of ${committed} committed completed`,
    closedOverall: (n: number) => plural('en', n, { one: 'last closed sprint', few: 'last {n} closed sprints', many: 'last {n} closed sprints', other: 'last {n} closed sprints' }),
    closedColumn: (n: number) => plural('en', n, { one: 'Last closed sprint', few: 'Last {n} closed sprints', many: 'Last {n} closed sprints', other: 'Last {n} closed sprints' }),
    sparkLabel: (board: string, values: string) => `${board}, convergence per sprint, oldest first: ${values}`,
    chartHeading: 'Convergence per sprint',
    chartGroup: (board: string, target: string) => `${board}: convergence per sprint, oldest to newest, against the target of ${target}`,
    chartKeys: 'Arrow keys move between sprints.',
    namesStartWith: (prefix: string) => `Sprint names start with “${prefix.trim()}”`,
    legend: { met: 'Target met', near: 'Near target', missed: 'Target missed', running: 'In progress (so far)', none: 'Nothing committed', target: (pct: string) => `Target ${pct}` },
    sharedMark: 'shared',
    details: 'Details',
    sprintsHeading: 'Sprints',
    about: (what: string) => `About “${what}”`,
    tips: {
      sprint: 'The sprint, its board and its dates (in Jira’s time zone). Newest first.',
      convergence: 'Completed of committed ÷ committed. For a running sprint, the share done so far.',
      committed: 'In the sprint at its start, and not done then.',
      completedCommitted: 'Committed, and done at the sprint’s end.',
      added: 'Joined the sprint after its start.',
      removed: 'Left the sprint before its end (committed or added).',
      notCompleted: 'In the sprint at its end and not done: returned to the backlog, or moved to the next sprint (shown below the count).',
    },
    countsHeading: 'What the counts mean',
    drillFailed: 'The list of issues could not be opened.',
    drillBadContext: 'This window was opened without a list of issues.',
  },
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
  boards: 'Доски',
  rollup: { product: 'Продукт', channel: 'Канал', segment: 'Сегмент' },
  target: 'Цель',
  targetValue: (pct: string) => `Цель ${pct}`,
  basis: { issues: 'по задачам', points: 'по стори поинтам' },
  status: { met: 'Цель достигнута', near: 'Близко к цели', missed: 'Цель не достигнута', none: 'Нет взятых задач' },
  provisionalHint: 'Спринт ещё идёт: данные на текущий момент и будут меняться.',
  noValue: '—',
  table: {
    sprint: 'Спринт',
    convergence: 'Сходимость',
    committed: 'Взято в спринт',
    completedCommitted: 'Выполнено из взятых',
    added: 'Добавлено',
    removed: 'Удалено',
    notCompleted: 'Не выполнено',
  },
  movedToNext: (n: number) => `${n} в следующий спринт`,
  shared: 'общий',
  sharedHint: 'Спринт другой доски, в котором были задачи этой доски: здесь учитываются только задачи этой доски.',
  warningsTitle: 'Часть задач не удалось прочитать так, как их понимает Jira',
  warnings: {
    invalidEstimates: (n: number) => `${plural('ru', n, { one: 'У {n} задачи', few: 'У {n} задач', many: 'У {n} задач', other: 'У {n} задачи' })} отрицательная или нечисловая оценка: считаются без оценки.`,
    deletedStatuses: (n: number) => `${plural('ru', n, { one: 'История {n} задачи проходит', few: 'История {n} задач проходит', many: 'История {n} задач проходит', other: 'История {n} задачи проходит' })} через статус, которого на сайте больше нет: он считается невыполненным.`,
    unknownPriorities: (n: number) => `${plural('ru', n, { one: 'У {n} дефекта', few: 'У {n} дефектов', many: 'У {n} дефектов', other: 'У {n} дефекта' })} приоритет без цели SLA: учитываются без SLA.`,
    unmappedStatuses: (n: number) => `${plural('ru', n, { one: '{n} задача была', few: '{n} задачи были', many: '{n} задач были', other: '{n} задачи были' })} на момент закрытия спринта в статусе, которого нет ни в одной колонке доски.`,
    unresolvedConfigNames: (n: number) => `${plural('ru', n, { one: '{n} название', few: '{n} названия', many: '{n} названий', other: '{n} названия' })} в конфигурации governance не найдено на этом сайте: попросите администратора Jira проверить настройки.`,
  },
  warningsShow: 'Показать задачи',
  points: (n: string) => `${n} SP`,
  openList: (set: string, sprint: string, count: number) => `${set} в спринте ${sprint}: ${count} — показать задачи`,
  drillTitle: (set: string, sprint: string) => `${set} — ${sprint}`,
  drillEmpty: 'В этом наборе нет задач.',
  drillLoading: 'Загружаем задачи…',
  drillSummaryUnavailable: 'Название недоступно',
  close: 'Закрыть',
  issues: (n: number) => plural('ru', n, { one: '{n} задача', few: '{n} задачи', many: '{n} задач', other: '{n} задачи' }),
  conv: {
    headlineLabel: 'Сходимость бэклога',
    meaning: (basis: 'issues' | 'points', perBoard: number, boards: number, total: number) => {
      const what = basis === 'points' ? 'стори поинтов' : 'задач';
      if (total === 0) return `Доля выполненных из взятых в спринт ${what}: закрытых спринтов пока нет.`;
      const last = plural('ru', perBoard, { one: 'последний {n} закрытый спринт', few: 'последние {n} закрытых спринта', many: 'последние {n} закрытых спринтов', other: 'последние {n} закрытого спринта' });
      if (boards <= 1) return `Доля выполненных из взятых в спринт ${what} за ${last}.`;
      const ofBoards = plural('ru', boards, { one: '{n} доски', few: '{n} досок', many: '{n} досок', other: '{n} доски' });
      if (perBoard * boards === total) return `Доля выполненных из взятых в спринт ${what} за ${last} каждой из ${ofBoards}.`;
      return `Доля выполненных из взятых в спринт ${what} за показанные закрытые спринты: ${total} (досок: ${boards}, не больше ${perBoard} на доску).`;
    },
    targetLine: (target: string, basis: string) => `Цель ${target}, ${basis}`,
    howCalculated: 'Как это считается?',
    explain: (target: string, band: string, basis: 'issues' | 'points') => [
      'Сходимость = выполнено из взятых ÷ взято в спринт. Взято в спринт: в спринте на момент старта и не выполнено тогда. Выполнено из взятых: из них выполнено к закрытию спринта. «Выполнено» — последняя колонка доски; подзадачи не учитываются.',
      `Считается ${basis === 'points' ? 'по стори поинтам (по оценке на старте спринта)' : 'по задачам'}. По нескольким спринтам или доскам сначала складываются количества, затем делятся; проценты не усредняются.`,
      `Цель ${target}: достигнута, если не ниже цели; близко — до ${band} п. п. ниже; не достигнута — ещё ниже.`,
      'Идущий спринт показан как «идёт»: доля выполненного на сейчас и сколько дней осталось. С целью он сравнивается только после закрытия.',
      'Общий спринт — спринт другой доски, в котором были задачи этой доски: в нём учитываются только задачи этой доски.',
    ],
    byBoard: 'По доскам',
    now: 'Сейчас',
    last: 'Последний закрытый',
    noRunning: 'нет идущего спринта',
    noLast: 'закрытых спринтов пока нет',
    inProgress: 'Идёт',
    soFar: (pct: string) => `${pct} на сейчас`,
    doneSoFar: (pct: string) => `выполнено ${pct} на сейчас`,
    daysLeft: (n: number) => (n <= 0 ? 'плановая дата окончания прошла' : plural('ru', n, { one: 'остался {n} день', few: 'осталось {n} дня', many: 'осталось {n} дней', other: 'осталось {n} дня' })),
    ofCommitted: (done: number, committed: number) => `выполнено ${done} из ${committed} взятых`,
    closedOverall: (n: number) => plural('ru', n, { one: 'последний {n} закрытый спринт', few: 'последние {n} закрытых спринта', many: 'последние {n} закрытых спринтов', other: 'последние {n} закрытого спринта' }),
    closedColumn: (n: number) => plural('ru', n, { one: 'Последний закрытый спринт', few: 'Последние {n} закрытых спринта', many: 'Последние {n} закрытых спринтов', other: 'Последние {n} закрытого спринта' }),
    sparkLabel: (board: string, values: string) => `${board}, сходимость по спринтам, от старых к новым: ${values}`,
    chartHeading: 'Сходимость по спринтам',
    chartGroup: (board: string, target: string) => `${board}: сходимость по спринтам, от старых к новым, относительно цели ${target}`,
    chartKeys: 'Стрелки переходят между спринтами.',
    namesStartWith: (prefix: string) => `Названия спринтов начинаются с «${prefix.trim()}»`,
    legend: { met: 'Цель достигнута', near: 'Близко к цели', missed: 'Цель не достигнута', running: 'Идёт (на сейчас)', none: 'Нет взятых задач', target: (pct: string) => `Цель ${pct}` },
    sharedMark: 'общий',
    details: 'Подробности',
    sprintsHeading: 'Спринты',
    about: (what: string) => `Что такое «${what}»`,
    tips: {
      sprint: 'Спринт, его доска и даты (в часовом поясе Jira). Сначала новые.',
      convergence: 'Выполнено из взятых ÷ взято в спринт. Для идущего спринта — доля выполненного на сейчас.',
      committed: 'В спринте на момент старта и не выполнено тогда.',
      completedCommitted: 'Взято в спринт и выполнено к его закрытию.',
      added: 'Добавлено в спринт после старта.',
      removed: 'Убрано из спринта до закрытия (взятое или добавленное).',
      notCompleted: 'В спринте на момент закрытия и не выполнено: возвращено в бэклог или перенесено в следующий спринт (показано под числом).',
    },
    countsHeading: 'Что означают числа',
    drillFailed: 'Не удалось открыть список задач.',
    drillBadContext: 'Окно открыто без списка задач.',
  },
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
