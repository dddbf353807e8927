/**
 * Every string of the "Data sync" tab of the governance settings, in English and Russian: the
 * health of the app's copy of each board, and what the administrator's actions do and cost.
 */
import type { SyncErrorKind, SyncPhase } from '../../src/shared/protocol';
import { catalogueNumber } from './format';
import { localeTag, type Lang, type Plural } from './i18n';

/** A count in the language's plural form, the number written as the language writes numbers. */
function count(lang: Lang, n: number, forms: Plural): string {
  const rule = new Intl.PluralRules(localeTag(lang)).select(n) as keyof Plural;
  return (forms[rule] ?? forms.other).replace('{n}', catalogueNumber(n, lang, 0));
}

const en = {
  tab: 'Data sync',
  title: 'The app’s copy of each board',
  intro:
    'Governance for Jira reads each board once per change, as the app, into its own store (its issues with their histories, and its figures); Jira’s events and a schedule every five minutes keep it current, and every gadget and page answers from it. Only Jira administrators see this tab.',
  settingsNote:
    'Saving or importing settings derives every board’s figures again from the stored issues, without reading them from Jira again (one small search per board for what changed since its last sync). Settings that read an issue field the stored issues were not read with (a custom field in a product, channel or segment rule, or the acceptance-criteria field) make those boards read their issues from Jira again.',
  loading: 'Reading the state of the sync…',
  loadError: 'The state of the sync could not be read',
  tryAgain: 'Try again',
  reload: 'Reload',
  empty: 'No board is synced yet. A board is registered when a gadget or project page first shows it, or here with “Add boards”.',
  caption: 'Boards in the app’s store',
  totals: {
    boards: (lang: Lang, n: number, hidden: number) =>
      count(lang, n, { one: '{n} board', few: '{n} boards', many: '{n} boards', other: '{n} boards' }) + (hidden > 0 ? ` (${count(lang, hidden, { one: '{n} you may not see', few: '{n} you may not see', many: '{n} you may not see', other: '{n} you may not see' })})` : ''),
    issues: (lang: Lang, n: number) => count(lang, n, { one: '{n} issue stored', few: '{n} issues stored', many: '{n} issues stored', other: '{n} issues stored' }),
    behind: (lang: Lang, n: number) => (n === 0 ? 'none behind' : count(lang, n, { one: '{n} behind', few: '{n} behind', many: '{n} behind', other: '{n} behind' })),
    failed: (lang: Lang, n: number) => count(lang, n, { one: '{n} failed', few: '{n} failed', many: '{n} failed', other: '{n} failed' }),
    size: (used: string, limit: string) => `Store: ${used} MiB of the ${limit} MiB Forge SQL gives one installation`,
    sizeLabel: 'Store size',
  },
  col: {
    board: 'Board',
    project: 'Project',
    issues: 'Issues stored',
    asOf: 'Figures as of',
    status: 'Status',
    lastSuccess: 'Last success',
    lastError: 'Last error',
    lastRun: 'Last run',
    actions: 'Actions',
  },
  hiddenBoard: (id: number) => `A board you may not see (#${id})`,
  openBoard: (name: string) => `Open ${name} in Jira`,
  never: 'never',
  notYet: 'not yet',
  none: 'none',
  behind: 'behind',
  ago: (minutes: number) => (minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h ago` : `${Math.round(minutes / 1440)} days ago`),
  phase: { new: 'waiting for its first sync', backfill: 'reading all its issues', catchup: 'reading what changed', idle: 'up to date', failed: 'failed' } satisfies Record<SyncPhase, string>,
  running: 'running now',
  settings: {
    rederive: 'figures to be derived again with the saved settings',
    reread: 'issues to be read again: the saved settings use a field they were not read with',
  },
  error: {
    gone: 'Jira says this board no longer exists, or the app may not see it. If it was deleted, stop syncing it.',
    denied: 'Jira refused the app access to the board, its filter or its project. Check that the project lets the app browse it, then re-sync.',
    rateLimited: 'Jira limited the app’s requests for longer than a run waits. It is retried automatically.',
    unavailable: 'Jira could not be reached or failed. It is retried automatically.',
    refused: 'Jira refused a request, most often because the board’s filter is no longer valid (a field or project it names was removed). Fix the filter in Jira, then re-sync.',
    unreadable: 'Jira answered something the app could not read. Re-sync; if it fails again, report the message below.',
    other: 'The sync failed. Re-sync; if it fails again, report the message below.',
  } satisfies Record<SyncErrorKind, string>,
  errorAt: (time: string) => `at ${time}`,
  jiraSaid: 'What Jira said',
  run: (lang: Lang, runs: number) => `#${catalogueNumber(runs, lang, 0)}`,
  cost: (lang: Lang, requests: number, objects: number) =>
    `${count(lang, requests, { one: '{n} request', few: '{n} requests', many: '{n} requests', other: '{n} requests' })} · ${count(lang, objects, { one: '{n} object', few: '{n} objects', many: '{n} objects', other: '{n} objects' })}`,
  costHelp: 'Requests sent to Jira, and issues and histories Jira returned, by the last successful run.',
  resync: 'Re-sync',
  resyncHelp: 'Re-sync checks the board’s whole scope against the store (one request per 5,000 issues), reads what changed and derives its figures again. Once a minute per board.',
  resyncQueued: (board: string) => `A re-sync of ${board} is queued.`,
  forget: 'Stop syncing',
  actionsLabel: (board: string) => `Actions for ${board}`,
  forgetTitle: (board: string) => `Stop syncing ${board}?`,
  forgetBody:
    'Its stored issues and figures are deleted from the app’s store and the schedule stops reading it. A gadget or page that still shows it registers it again on its next view, and it is then read from Jira anew (its viewers see “reading for the first time” meanwhile).',
  forgetConfirm: 'Stop syncing',
  cancel: 'Cancel',
  forgotten: (board: string) => `${board} is no longer synced. A gadget or page that still shows it registers it again on its next view.`,
  syncNow: 'Sync now',
  syncNowHelp: (lang: Lang, n: number) =>
    n === 0
      ? 'No board is behind: the schedule keeps every board within 15 minutes of Jira.'
      : `${count(lang, n, { one: '{n} board is behind', few: '{n} boards are behind', many: '{n} boards are behind', other: '{n} boards are behind' })} (not synced for 15 minutes, failed, never synced, or with figures of older settings). Sync now reads what changed on each: about one search per board. Once a minute.`,
  syncNowDone: (lang: Lang, queued: number, throttled: number) =>
    queued === 0 && throttled === 0
      ? 'No board was behind.'
      : `${count(lang, queued, { one: '{n} board queued', few: '{n} boards queued', many: '{n} boards queued', other: '{n} boards queued' })}${throttled > 0 ? `; ${count(lang, throttled, { one: '{n} was asked for within the minute and is left to the schedule', few: '{n} were asked for within the minute and are left to the schedule', many: '{n} were asked for within the minute and are left to the schedule', other: '{n} were asked for within the minute and are left to the schedule' })}` : ''}.`,
  throttled: (seconds: number) => `Asked for less than a minute ago: try again in ${seconds} s.`,
  addTitle: 'Add boards',
  addHelp: 'Registers the boards and starts their first sync now, so the first dashboard or page that shows them opens at once. Reading a board the first time costs about one request per 100 issues, and their histories.',
  add: 'Add',
  adding: 'Adding…',
  added: (lang: Lang, added: number, already: number) =>
    `${count(lang, added, { one: '{n} board added: its first sync is queued', few: '{n} boards added: their first sync is queued', many: '{n} boards added: their first sync is queued', other: '{n} boards added: their first sync is queued' })}${already > 0 ? `; ${count(lang, already, { one: '{n} was already synced', few: '{n} were already synced', many: '{n} were already synced', other: '{n} were already synced' })}` : ''}.`,
  updating: 'Updating while boards sync…',
};

export type SyncHealthMessages = typeof en;

const ru: SyncHealthMessages = {
  tab: 'Синхронизация',
  title: 'Копия досок в приложении',
  intro:
    'Governance for Jira читает каждую доску один раз на изменение, от имени приложения, в своё хранилище (задачи с историей и показатели); события Jira и расписание раз в пять минут поддерживают его актуальным, и все гаджеты и страницы отвечают из него. Эту вкладку видят только администраторы Jira.',
  settingsNote:
    'Сохранение или импорт настроек пересчитывает показатели каждой доски из сохранённых задач, не читая их из Jira заново (один небольшой поиск на доску — изменения с последней синхронизации). Если настройки читают поле задачи, которое не читалось (пользовательское поле в правиле продукта, канала или сегмента или поле критериев приёмки), такие доски читают свои задачи из Jira заново.',
  loading: 'Читаем состояние синхронизации…',
  loadError: 'Не удалось прочитать состояние синхронизации',
  tryAgain: 'Повторить',
  reload: 'Обновить',
  empty: 'Ни одна доска ещё не синхронизируется. Доска регистрируется, когда её впервые показывает гаджет или страница проекта, или здесь — кнопкой «Добавить доски».',
  caption: 'Доски в хранилище приложения',
  totals: {
    boards: (lang: Lang, n: number, hidden: number) =>
      count(lang, n, { one: '{n} доска', few: '{n} доски', many: '{n} досок', other: '{n} доски' }) + (hidden > 0 ? ` (${count(lang, hidden, { one: '{n} вам не видна', few: '{n} вам не видны', many: '{n} вам не видны', other: '{n} вам не видны' })})` : ''),
    issues: (lang: Lang, n: number) => count(lang, n, { one: '{n} задача в хранилище', few: '{n} задачи в хранилище', many: '{n} задач в хранилище', other: '{n} задачи в хранилище' }),
    behind: (lang: Lang, n: number) => (n === 0 ? 'отстающих нет' : count(lang, n, { one: '{n} отстаёт', few: '{n} отстают', many: '{n} отстают', other: '{n} отстают' })),
    failed: (lang: Lang, n: number) => count(lang, n, { one: '{n} с ошибкой', few: '{n} с ошибкой', many: '{n} с ошибкой', other: '{n} с ошибкой' }),
    size: (used: string, limit: string) => `Хранилище: ${used} МиБ из ${limit} МиБ, которые Forge SQL даёт одной установке`,
    sizeLabel: 'Объём хранилища',
  },
  col: {
    board: 'Доска',
    project: 'Проект',
    issues: 'Задач в хранилище',
    asOf: 'Показатели на',
    status: 'Состояние',
    lastSuccess: 'Последний успех',
    lastError: 'Последняя ошибка',
    lastRun: 'Последний запуск',
    actions: 'Действия',
  },
  hiddenBoard: (id: number) => `Доска, которая вам не видна (№${id})`,
  openBoard: (name: string) => `Открыть ${name} в Jira`,
  never: 'никогда',
  notYet: 'ещё нет',
  none: 'нет',
  behind: 'отстаёт',
  ago: (minutes: number) => (minutes < 1 ? 'только что' : minutes < 60 ? `${minutes} мин назад` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} ч назад` : `${Math.round(minutes / 1440)} дн. назад`),
  phase: { new: 'ждёт первой синхронизации', backfill: 'читает все задачи', catchup: 'читает изменения', idle: 'актуальна', failed: 'ошибка' },
  running: 'идёт сейчас',
  settings: {
    rederive: 'показатели будут пересчитаны по сохранённым настройкам',
    reread: 'задачи будут прочитаны заново: настройки используют поле, которое не читалось',
  },
  error: {
    gone: 'Jira сообщает, что доски больше нет или приложению она не видна. Если её удалили, остановите её синхронизацию.',
    denied: 'Jira отказала приложению в доступе к доске, её фильтру или проекту. Проверьте, что проект разрешает приложению просмотр, затем синхронизируйте заново.',
    rateLimited: 'Jira ограничила запросы приложения дольше, чем ждёт запуск. Повторим автоматически.',
    unavailable: 'Jira недоступна или ответила ошибкой. Повторим автоматически.',
    refused: 'Jira отклонила запрос — чаще всего потому, что фильтр доски больше недействителен (удалено поле или проект, которые он называет). Исправьте фильтр в Jira, затем синхронизируйте заново.',
    unreadable: 'Jira ответила так, что приложение не смогло прочитать ответ. Синхронизируйте заново; если ошибка повторится, сообщите текст ниже.',
    other: 'Синхронизация не удалась. Синхронизируйте заново; если ошибка повторится, сообщите текст ниже.',
  },
  errorAt: (time: string) => `в ${time}`,
  jiraSaid: 'Ответ Jira',
  run: (lang: Lang, runs: number) => `№${catalogueNumber(runs, lang, 0)}`,
  cost: (lang: Lang, requests: number, objects: number) =>
    `${count(lang, requests, { one: '{n} запрос', few: '{n} запроса', many: '{n} запросов', other: '{n} запроса' })} · ${count(lang, objects, { one: '{n} объект', few: '{n} объекта', many: '{n} объектов', other: '{n} объекта' })}`,
  costHelp: 'Запросы к Jira и задачи и записи истории, которые вернула Jira, за последний успешный запуск.',
  resync: 'Синхронизировать заново',
  resyncHelp: 'Повторная синхронизация сверяет всю область доски с хранилищем (один запрос на 5 000 задач), читает изменения и пересчитывает показатели. Не чаще раза в минуту на доску.',
  resyncQueued: (board: string) => `Повторная синхронизация ${board} поставлена в очередь.`,
  forget: 'Остановить синхронизацию',
  actionsLabel: (board: string) => `Действия: ${board}`,
  forgetTitle: (board: string) => `Остановить синхронизацию ${board}?`,
  forgetBody:
    'Её задачи и показатели удаляются из хранилища приложения, и расписание перестаёт её читать. Гаджет или страница, которые её ещё показывают, зарегистрируют её снова при следующем просмотре, и она будет прочитана из Jira заново (пока зрители увидят «доска читается впервые»).',
  forgetConfirm: 'Остановить',
  cancel: 'Отмена',
  forgotten: (board: string) => `${board} больше не синхронизируется. Гаджет или страница, которые её ещё показывают, зарегистрируют её снова при следующем просмотре.`,
  syncNow: 'Синхронизировать сейчас',
  syncNowHelp: (lang: Lang, n: number) =>
    n === 0
      ? 'Отстающих досок нет: расписание держит каждую доску не дальше 15 минут от Jira.'
      : `${count(lang, n, { one: '{n} доска отстаёт', few: '{n} доски отстают', many: '{n} досок отстают', other: '{n} доски отстают' })} (не синхронизировались 15 минут, ошибка, ещё не синхронизировались или показатели по старым настройкам). «Синхронизировать сейчас» читает изменения каждой — примерно один поиск на доску. Не чаще раза в минуту.`,
  syncNowDone: (lang: Lang, queued: number, throttled: number) =>
    queued === 0 && throttled === 0
      ? 'Отстающих досок не было.'
      : `${count(lang, queued, { one: 'В очереди {n} доска', few: 'В очереди {n} доски', many: 'В очереди {n} досок', other: 'В очереди {n} доски' })}${throttled > 0 ? `; ${count(lang, throttled, { one: '{n} уже запрошена в эту минуту — её возьмёт расписание', few: '{n} уже запрошены в эту минуту — их возьмёт расписание', many: '{n} уже запрошены в эту минуту — их возьмёт расписание', other: '{n} уже запрошены в эту минуту — их возьмёт расписание' })}` : ''}.`,
  throttled: (seconds: number) => `Запрошено меньше минуты назад: повторите через ${seconds} с.`,
  addTitle: 'Добавить доски',
  addHelp: 'Регистрирует доски и сразу запускает их первую синхронизацию, чтобы первая панель или страница, которая их покажет, открылась сразу. Первое чтение доски стоит примерно один запрос на 100 задач плюс их историю.',
  add: 'Добавить',
  adding: 'Добавляем…',
  added: (lang: Lang, added: number, already: number) =>
    `${count(lang, added, { one: 'Добавлена {n} доска: первая синхронизация в очереди', few: 'Добавлено {n} доски: первая синхронизация в очереди', many: 'Добавлено {n} досок: первая синхронизация в очереди', other: 'Добавлено {n} доски: первая синхронизация в очереди' })}${already > 0 ? `; ${count(lang, already, { one: '{n} уже синхронизировалась', few: '{n} уже синхронизировались', many: '{n} уже синхронизировались', other: '{n} уже синхронизировались' })}` : ''}.`,
  updating: 'Обновляем, пока доски синхронизируются…',
};

export const syncHealthMessages = (lang: Lang): SyncHealthMessages => (lang === 'ru' ? ru : en);
