/**
 * Every string of the Ownership panel, the governance settings page and the ownership matrix, in
 * English and Russian. The language follows the viewer's Jira locale, as everywhere (`langOf`).
 */
import type { AutoCheck, ConfigProblem, OwnerRole, Severity, UnresolvedKind, UnresolvedName } from '../../src/shared/protocol';
import { catalogueList, catalogueNumber } from './format';
import { plural, type Lang } from './i18n';

const list = (items: readonly string[], lang: Lang): string =>
  catalogueList(items, lang, 'disjunction');
const quoted = (items: readonly string[], lang: Lang) => list(items.map((i) => (lang === 'ru' ? `«${i}»` : `“${i}”`)), lang);

const en = {
  // The panel
  panelTitle: 'Ownership',
  panelLoading: 'Reading who owns this issue…',
  panelErrorTitle: 'The ownership could not be shown',
  tryAgain: 'Try again',
  product: 'Product',
  channels: 'Channels',
  segments: 'Segments',
  none: 'None',
  noChannel: 'No channel matches this issue.',
  noSegment: 'No segment matches this issue.',
  role: { business: 'Business PO', digital: 'Digital PO' } satisfies Record<OwnerRole, string>,
  roleLong: { business: 'Business product owner', digital: 'Digital product owner' } satisfies Record<OwnerRole, string>,
  askAbout: 'Ask about',
  leader: 'Channel leader',
  notAssigned: 'Not assigned',
  unknownUser: 'Unknown user',
  deactivated: 'deactivated',
  openProfile: (name: string) => `Open the profile of ${name}`,
  usingDefaults: 'The default governance model applies: no owners are set yet.',
  noProductTitle: 'This issue belongs to no product',
  noProductBody: 'Nobody owns it: there is no Business or Digital PO to ask, and it counts as a hygiene violation (no product).',
  suggestion: (product: string, components: string[], labels: string[]) => {
    const ways = [
      ...(components.length ? [`the component ${quoted(components, 'en')}`] : []),
      ...(labels.length ? [`the label ${quoted(labels, 'en')}`] : []),
    ];
    return `To put it under ${product}, add ${ways.join(' or ')}.`;
  },
  suggestionMappingOnly: (product: string) => `${product} is matched by project or custom field only: its mapping decides.`,
  noOwnerTitle: (product: string, roles: string[]) => `${product} has no ${roles.join(' and no ')}`,
  noOwnerBody: 'Until one is set, the questions in their area have nobody to go to.',
  severalTitle: 'This issue maps to several products',
  severalBody: (products: string) => `It matches ${products}. Check its components and labels, so that one product owns it.`,
  noLeaderTitle: (channel: string) => `The ${channel} channel has no leader`,
  fixInSettings: 'Open the governance settings',
  fixAskAdmin: 'A Jira administrator sets products, owners and mapping rules in the governance settings.',

  // The settings page
  settingsTitle: 'Governance settings',
  settingsIntro:
    'One configuration for every part of Governance for Jira: the products, channels and segments and who owns them, SLA targets, hygiene rules, the convergence target and the DoR/DoD checklists.',
  settingsLoading: 'Loading the settings…',
  forbiddenTitle: 'Only Jira administrators can see these settings',
  loadErrorTitle: 'The settings could not be loaded',
  tabs: {
    structure: 'Structure',
    general: 'Owners’ areas',
    defects: 'Defects & SLA',
    hygiene: 'Hygiene',
    convergence: 'Convergence',
    checklists: 'Checklists',
    transfer: 'Import & export',
    matrix: 'Ownership matrix',
    sync: 'Data sync',
  },
  save: 'Save',
  saving: 'Saving…',
  discard: 'Discard changes',
  unsaved: 'Unsaved changes',
  allSaved: 'All changes saved',
  version: (n: number) => `Version ${n}`,
  neverSaved: 'Defaults, never saved',
  checking: 'Checking…',
  problems: (n: number) => plural('en', n, { one: '{n} problem to fix before saving', few: '{n} problems to fix before saving', many: '{n} problems to fix before saving', other: '{n} problems to fix before saving' }),
  problemsTitle: 'Fix these problems to save',
  savedFlag: (n: number) => `Settings saved (version ${n})`,
  saveFailedTitle: 'The settings were not saved',
  conflictTitle: 'Someone else saved the settings meanwhile',
  conflictBody: (v: number | null) =>
    `${v === null ? 'The stored settings were removed' : `Version ${v} is stored now`}. Your changes were not saved, and nothing was overwritten. Reload to work on the stored settings (your changes here will be lost), or keep editing to copy what you need first.`,
  reload: 'Reload the stored settings',
  keepEditing: 'Keep my changes for now',
  storedProblemsTitle: 'The stored settings are not valid',
  storedProblemsBody: 'They are not used: the defaults apply and are shown here. Review them and save to replace the stored ones.',

  // Settings of the older format (schema version 1: names instead of ids)
  migrationTitle: 'These settings are in an older format: review them, then save',
  migrationBody:
    'They name issue types, priorities and statuses by name. Jira shows these names in each user’s language, and administrators rename them, so the settings now keep their ids instead. Each name was looked up among this site’s names, as you read them. Nothing is stored until you save: saving keeps the settings in the new format. Until then, reports go on using the stored settings.',
  migrationResolved: 'Every name was found on this site.',
  unresolvedTitle: (n: number) =>
    plural('en', n, { one: '{n} name was not found on this site', few: '{n} names were not found on this site', many: '{n} names were not found on this site', other: '{n} names were not found on this site' }),
  unresolvedKinds: { issueType: 'Issue type', priority: 'Priority', status: 'Status' } satisfies Record<UnresolvedKind, string>,
  unresolvedItem: (kind: string, name: string, where: string) => `${kind} “${name}” in ${where}`,
  unresolvedOutcomes: {
    'kept as an untranslated name': (name: string) => `kept as “${name} (any language)”: it applies to issues of the type Jira calls “${name}” in English, if the site has one.`,
    'left out': (_name: string) => 'left out: choose it again if it is needed.',
  } satisfies Record<UnresolvedName['outcome'], (name: string) => string>,
  templateTypes: (n: number, name: string) => `the issue types of checklist template ${n}${name ? ` (${name})` : ''}`,
  importedMigrated: 'The file was in the older format (names instead of ids). It was saved in the new format, each name looked up among this site’s names.',

  // The bank example
  exampleTitle: 'Bank example',
  exampleHelp:
    'The governance model’s bank: four products (payments, loans, savings and deposits, foreign trade), three channels (web, mobile, API) and three segments (MSB, MB, CIB), mapped by components and labels, on top of the defaults. Owners are left empty: choose them from this site’s people.',
  loadExample: 'Load the bank example',
  exampleConfirmTitle: 'Replace the settings on this page with the bank example?',
  exampleConfirmBody: 'Everything on this page is replaced, unsaved changes included. Nothing is stored until you save; “Discard changes” brings back the saved settings.',
  exampleReplace: 'Replace with the bank example',
  cancel: 'Cancel',
  exampleLoaded: 'The bank example is on this page, not saved yet. Review it, choose the owners, and save to keep it.',
  structureEmpty: 'No products, channels or segments yet: add your own below, or start from the bank example.',

  // Issue types, priorities and statuses, picked by id
  anyLanguage: (name: string) => `${name} (any language)`,
  anyLanguageHelp: 'A type marked “any language” is the one Jira calls so in English, whatever language each reader uses; a type chosen from the list is kept by its id.',
  notOnSite: 'not on this site',
  notOnSiteHelp: (labels: string[]) =>
    `Not on this site (marked ⚠): ${labels.map((l) => `“${l}”`).join(', ')}. This site no longer has ${labels.length === 1 ? 'it' : 'them'}: remove ${labels.length === 1 ? 'it' : 'them'}, or choose what ${labels.length === 1 ? 'it' : 'they'} became.`,

  // Structure
  sections: { products: 'Products', channels: 'Channels', segments: 'Segments' },
  sectionHelp: {
    products: 'Every product has two owners: the Business PO (the business result) and the Digital PO (the digital client experience). An issue belongs to every product whose rule matches it.',
    channels: 'Channel leaders own the standards, quality and stability of their channel.',
    segments: 'The business segments the work serves.',
  },
  add: { products: 'Add a product', channels: 'Add a channel', segments: 'Add a segment' },
  untitled: 'New entry',
  edit: 'Edit',
  fold: 'Done',
  remove: 'Remove',
  moveUp: 'Move up',
  moveDown: 'Move down',
  rowActions: (name: string) => `Actions for ${name}`,
  itemUp: (n: number, text: string) => `Move item ${n}${text ? ` “${text}”` : ''} up`,
  itemDown: (n: number, text: string) => `Move item ${n}${text ? ` “${text}”` : ''} down`,
  itemLabel: (n: number) => `Item ${n}`,
  key: 'Key',
  keyHelp: 'Lower-case letters, digits and dashes. Reports and gadgets refer to it: change it with care.',
  nameEn: 'Name in English',
  nameRu: 'Name in Russian',
  ruleTitle: 'Mapping rule: an issue matches when any of these matches',
  components: 'Components',
  labels: 'Labels',
  projects: 'Projects',
  field: 'Custom field',
  fieldNone: 'No custom field',
  fieldValues: 'Values of the field',
  ruleEmpty: 'This rule lists nothing, so it matches no issue.',
  owners: 'Owners',
  leaderLabel: 'Channel leader',
  searchPeople: 'Search people by name…',
  nobody: 'Nobody yet',
  chooseOrType: 'Choose or type…',
  choose: 'Choose…',
  create: (v: string) => `Add “${v}”`,
  nothingFound: 'Nothing found',
  typeToSearch: 'Type a name to search',
  componentIn: (projects: string[]) => `in ${projects.join(', ')}`,
  matches: (n: number) => plural('en', n, { one: 'matches {n} issue', few: 'matches {n} issues', many: 'matches {n} issues', other: 'matches {n} issues' }),
  countsNote: (total: number, boards: number, days: number) =>
    `Counted over all ${total} issues of the ${boards} synced ${boards === 1 ? 'board' : 'boards'} that you may browse (not done, or updated in the last ${days} days), for the rules as they are on this page (saved or not).`,
  withoutProduct: (n: number, total: number) => `${n} of ${total} issues map to no product.`,
  withoutProductUnread: 'Issues without a product are counted once the fields the product rules map on are read.',
  fieldUnread: (field: string, saved: boolean) => (saved ? `${field}: being read by the sync; counted once it is done` : `${field}: read from the next sync after you save`),
  countsPending: 'The counts come after the first sync of the boards: the app reads each board once, then keeps it current. This page asks again by itself.',
  countsWaiting: 'Counts are shown once the settings have no problems.',
  counting: 'Counting…',
  countsFailed: (m: string) => `The issues could not be counted: ${m}`,

  // General
  timeZone: 'Time zone',
  timeZoneHelp: 'Calendar dates (due dates, “today”) are read in this zone.',
  responsibilitiesTitle: 'Whom to ask about what',
  responsibilitiesHelp: 'Shown next to each owner on every issue’s Ownership panel.',
  responsibilityEn: 'In English',
  responsibilityRu: 'In Russian',
  addResponsibility: 'Add an area',

  // Defects
  defectTypes: 'Defect issue types',
  defectTypesHelp: 'Issues of these types are defects.',
  targetsTitle: 'SLA target per priority, in hours',
  targetsHelp: 'Reports list the priorities in this order. Each priority has one target, kept by its id: renaming a priority in Jira changes nothing here. A defect of another priority takes the default target, or has no SLA.',
  priority: 'Priority',
  hours: 'Hours',
  addPriority: 'Add a priority',
  allPrioritiesSet: 'Every priority of this site has a target.',
  noTargets: 'No priority has a target: only the default target applies.',
  targetLabel: (n: number) => `Target ${n}`,
  duplicatePriority: 'This priority already has a target above: choose another one.',
  defaultTarget: 'Default target, hours',
  defaultTargetHelp: 'Leave empty: defects of other priorities have no SLA.',
  atRisk: 'At risk from, % of the target',
  pauseStatuses: 'Pause statuses',
  pauseHelp: 'The SLA clock stops while a defect is in one of these statuses.',
  calendarTitle: 'Business calendar',
  calendarToggle: 'Count working time only',
  calendarOff: 'The SLA clock runs around the clock, every day.',
  workingDays: 'Working days',
  days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  dayStart: 'Working day starts',
  dayEnd: 'Working day ends',
  holidays: 'Holidays',
  holidaysHelp: 'Dates as YYYY-MM-DD.',
  openPerTeam: 'Open defects per team must stay below',

  // Hygiene
  staleDays: 'In progress without an update for more than, days',
  carryover: 'Carried over at least, sprints',
  acTypes: 'Issue types that need acceptance criteria',
  acField: 'Acceptance criteria field',
  acFieldNone: 'None: the description only',
  rulesTitle: 'Rules',
  ruleOn: 'On',
  ruleEnabled: (name: string) => `Rule “${name}” is on`,
  severity: 'Severity',
  severityDefault: (s: string) => `Default (${s})`,
  severities: { high: 'high', medium: 'medium', low: 'low' } satisfies Record<Severity, string>,

  // Convergence
  convTarget: 'Target, %',
  convTargetHelp: 'The share of committed work a sprint should complete (95% in the governance model).',
  nearBand: 'Near the target within, percentage points',
  basis: 'Judged on',
  basisIssues: 'Issues',
  basisPoints: 'Story points',
  sprintsShown: 'Closed sprints per board',

  // Checklists
  templatesTitle: 'DoR and DoD templates',
  templatesHelp: 'A template applies to the projects and issue types it lists; an empty list means all of them.',
  kind: 'Checklist',
  kinds: { dor: 'Definition of Ready (DoR)', dod: 'Definition of Done (DoD)' },
  templateId: 'Template id',
  issueTypes: 'Issue types',
  allProjects: 'All projects',
  allTypes: 'All issue types',
  items: 'Items',
  itemId: 'Id',
  itemText: 'Item',
  required: 'Required',
  allowNa: 'May be not applicable',
  auto: 'Checked from',
  autoNone: 'Ticked by hand',
  autos: {
    estimate: 'an estimate',
    acceptanceCriteria: 'acceptance criteria',
    designLink: 'a design link',
    subtasksDone: 'done sub-tasks',
    description: 'a description',
    assignee: 'an assignee',
  } satisfies Record<AutoCheck, string>,
  addItem: 'Add an item',
  addTemplate: 'Add a template',
  removeTemplate: 'Remove the template',

  // Import and export
  exportTitle: 'Export',
  exportHelp: (v: number | null) =>
    `${v === null ? 'The default settings (never saved)' : `The saved settings (version ${v})`} as JSON: keep a copy, move them to another site, or edit them and import them back.`,
  exportUnsaved: 'Your unsaved changes are not in the export.',
  download: 'Download JSON',
  copy: 'Copy',
  copied: 'Copied',
  importTitle: 'Import',
  importHelp: 'Paste an exported configuration or choose a file. It is checked like any save and replaces the whole configuration.',
  importLabel: 'Configuration JSON',
  chooseFile: 'Choose a file…',
  importButton: 'Import and save',
  importing: 'Importing…',
  importReplacesUnsaved: 'Importing discards your unsaved changes on this page.',
  importedFlag: (v: number) => `Configuration imported (version ${v})`,
  malformedTitle: 'This is not valid JSON: nothing was changed',
  importInvalidTitle: 'The configuration has problems: nothing was changed',

  // Matrix
  matrixTitle: 'Ownership matrix',
  matrixHelp: 'Products by channels, for one segment or all of them, with the owners, and in each cell the open issues, open defects and hygiene violations.',
  matrixLoading: 'Counting the issues of every product, channel and segment…',
  segment: 'Segment',
  allSegments: 'All segments',
  noSegmentSlot: 'No segment',
  noProductSlot: 'No product',
  noChannelSlot: 'No channel',
  allChannels: 'All channels',
  allProducts: 'All products',
  open: 'open',
  defects: 'defects',
  violations: 'violations',
  cellLabel: (product: string, channel: string, open: number, defects: number, violations: number) =>
    `${product}, ${channel}: ${open} open, ${defects} open defects, ${violations} hygiene violations`,
  legend: 'In each cell: open issues · open defects · hygiene violations.',
  matrixScope: (issues: number, boards: number) =>
    `Counted over all ${issues} issues of the ${boards} synced ${boards === 1 ? 'board' : 'boards'} that are not done or were updated in the last 30 days, as you may browse them.`,
  matrixOutdated: 'The settings were saved after these figures: the matrix follows them after the next sync, within minutes.',
  unsavedMatrix: 'The matrix follows the saved settings; save to see your changes here.',
};

export type OwnershipMessages = typeof en;

const ru: OwnershipMessages = {
  panelTitle: 'Владельцы',
  panelLoading: 'Определяем владельцев задачи…',
  panelErrorTitle: 'Не удалось показать владельцев',
  tryAgain: 'Повторить',
  product: 'Продукт',
  channels: 'Каналы',
  segments: 'Сегменты',
  none: 'Нет',
  noChannel: 'Задача не относится ни к одному каналу.',
  noSegment: 'Задача не относится ни к одному сегменту.',
  role: { business: 'Бизнес-владелец (BPO)', digital: 'Цифровой владелец (DPO)' },
  roleLong: { business: 'Бизнес-владелец продукта', digital: 'Цифровой владелец продукта' },
  askAbout: 'К нему — с вопросами',
  leader: 'Лидер канала',
  notAssigned: 'Не назначен',
  unknownUser: 'Неизвестный пользователь',
  deactivated: 'деактивирован',
  openProfile: (name: string) => `Открыть профиль: ${name}`,
  usingDefaults: 'Действует модель governance по умолчанию: владельцы ещё не назначены.',
  noProductTitle: 'Задача не относится ни к одному продукту',
  noProductBody: 'У неё нет владельца: некому задать вопрос ни по бизнесу, ни по цифровым каналам, и это нарушение чистоты Jira («нет продукта»).',
  suggestion: (product: string, components: string[], labels: string[]) => {
    const ways = [
      ...(components.length ? [`компонент ${quoted(components, 'ru')}`] : []),
      ...(labels.length ? [`метку ${quoted(labels, 'ru')}`] : []),
    ];
    return `Чтобы отнести её к продукту «${product}», добавьте ${ways.join(' или ')}.`;
  },
  suggestionMappingOnly: (product: string) => `Продукт «${product}» определяется только по проекту или настраиваемому полю: решает его правило сопоставления.`,
  noOwnerTitle: (product: string, roles: string[]) => `У продукта «${product}» не назначен ${roles.join(' и не назначен ')}`,
  noOwnerBody: 'Пока он не назначен, с вопросами из его зоны ответственности обратиться не к кому.',
  severalTitle: 'Задача относится к нескольким продуктам',
  severalBody: (products: string) => `Она подходит продуктам: ${products}. Проверьте её компоненты и метки, чтобы у неё был один продукт.`,
  noLeaderTitle: (channel: string) => `У канала «${channel}» нет лидера`,
  fixInSettings: 'Открыть настройки governance',
  fixAskAdmin: 'Продукты, владельцев и правила сопоставления задаёт администратор Jira в настройках governance.',

  settingsTitle: 'Настройки governance',
  settingsIntro:
    'Единая конфигурация для всех частей Governance for Jira: продукты, каналы и сегменты и их владельцы, SLA, правила чистоты Jira, цель по сходимости и чек-листы DoR/DoD.',
  settingsLoading: 'Загружаем настройки…',
  forbiddenTitle: 'Эти настройки доступны только администраторам Jira',
  loadErrorTitle: 'Не удалось загрузить настройки',
  tabs: {
    structure: 'Структура',
    general: 'Зоны владельцев',
    defects: 'Дефекты и SLA',
    hygiene: 'Чистота Jira',
    convergence: 'Сходимость',
    checklists: 'Чек-листы',
    transfer: 'Импорт и экспорт',
    matrix: 'Матрица владения',
    sync: 'Синхронизация',
  },
  save: 'Сохранить',
  saving: 'Сохраняем…',
  discard: 'Отменить изменения',
  unsaved: 'Есть несохранённые изменения',
  allSaved: 'Все изменения сохранены',
  version: (n: number) => `Версия ${n}`,
  neverSaved: 'По умолчанию, не сохранялись',
  checking: 'Проверяем…',
  problems: (n: number) =>
    plural('ru', n, { one: '{n} ошибка — исправьте перед сохранением', few: '{n} ошибки — исправьте перед сохранением', many: '{n} ошибок — исправьте перед сохранением', other: '{n} ошибки — исправьте перед сохранением' }),
  problemsTitle: 'Исправьте ошибки, чтобы сохранить',
  savedFlag: (n: number) => `Настройки сохранены (версия ${n})`,
  saveFailedTitle: 'Настройки не сохранены',
  conflictTitle: 'Пока вы редактировали, настройки сохранил кто-то другой',
  conflictBody: (v: number | null) =>
    `${v === null ? 'Сохранённые настройки удалены' : `Сейчас сохранена версия ${v}`}. Ваши изменения не сохранены, и ничего не перезаписано. Загрузите сохранённые настройки (изменения на этой странице пропадут) или продолжите редактирование, чтобы сначала скопировать нужное.`,
  reload: 'Загрузить сохранённые настройки',
  keepEditing: 'Пока оставить мои изменения',
  storedProblemsTitle: 'Сохранённые настройки некорректны',
  storedProblemsBody: 'Они не используются: действуют и показаны значения по умолчанию. Проверьте их и сохраните, чтобы заменить сохранённые.',

  migrationTitle: 'Настройки в прежнем формате: проверьте их и сохраните',
  migrationBody:
    'В них типы задач, приоритеты и статусы указаны по названиям. Jira показывает эти названия на языке каждого пользователя, а администраторы их переименовывают, поэтому теперь в настройках хранятся их id. Каждое название найдено среди названий этого сайта в том виде, в каком их видите вы. Пока вы не сохраните, ничего не меняется: при сохранении настройки будут записаны в новом формате. До тех пор отчёты используют сохранённые настройки.',
  migrationResolved: 'Все названия найдены на этом сайте.',
  unresolvedTitle: (n: number) =>
    plural('ru', n, { one: '{n} название не найдено на этом сайте', few: '{n} названия не найдены на этом сайте', many: '{n} названий не найдено на этом сайте', other: '{n} названия не найдены на этом сайте' }),
  unresolvedKinds: { issueType: 'Тип задачи', priority: 'Приоритет', status: 'Статус' },
  unresolvedItem: (kind: string, name: string, where: string) => `${kind} «${name}» — ${where}`,
  unresolvedOutcomes: {
    'kept as an untranslated name': (name: string) => `оставлен как «${name} (на любом языке)»: относится к задачам типа, который Jira по-английски называет «${name}», если такой тип на сайте есть.`,
    'left out': (_name: string) => 'не перенесён: выберите его заново, если он нужен.',
  },
  templateTypes: (n: number, name: string) => `типы задач шаблона чек-листа ${n}${name ? ` («${name}»)` : ''}`,
  importedMigrated: 'Файл был в прежнем формате (названия вместо id). Он сохранён в новом формате: каждое название найдено среди названий этого сайта.',

  exampleTitle: 'Пример банка',
  exampleHelp:
    'Банк из модели governance: четыре продукта (платежи, кредиты, накопления и депозиты, ВЭД), три канала (веб, мобильный, API) и три сегмента (ММБ, СБ, КИБ), сопоставленные по компонентам и меткам, поверх значений по умолчанию. Владельцы не назначены: выберите их среди людей этого сайта.',
  loadExample: 'Загрузить пример банка',
  exampleConfirmTitle: 'Заменить настройки на этой странице примером банка?',
  exampleConfirmBody: 'Всё на этой странице будет заменено, включая несохранённые изменения. Ничего не сохраняется, пока вы не нажмёте «Сохранить»; «Отменить изменения» вернёт сохранённые настройки.',
  exampleReplace: 'Заменить примером банка',
  cancel: 'Отмена',
  exampleLoaded: 'Пример банка загружен на эту страницу, но ещё не сохранён. Проверьте его, назначьте владельцев и сохраните.',
  structureEmpty: 'Продуктов, каналов и сегментов пока нет: добавьте свои ниже или начните с примера банка.',

  anyLanguage: (name: string) => `${name} (на любом языке)`,
  anyLanguageHelp: 'Тип с пометкой «на любом языке» — тот, который Jira по-английски называет так, на каком бы языке ни читал пользователь; тип, выбранный из списка, хранится по id.',
  notOnSite: 'нет на этом сайте',
  notOnSiteHelp: (labels: string[]) =>
    `Нет на этом сайте (отмечено ⚠): ${labels.map((l) => `«${l}»`).join(', ')}. ${labels.length === 1 ? 'Удалите это значение' : 'Удалите эти значения'} или выберите то, чем ${labels.length === 1 ? 'оно стало' : 'они стали'}.`,

  sections: { products: 'Продукты', channels: 'Каналы', segments: 'Сегменты' },
  sectionHelp: {
    products: 'У каждого продукта два владельца: бизнес-владелец (BPO) отвечает за бизнес-результат, цифровой владелец (DPO) — за клиентский опыт в цифровых каналах. Задача относится ко всем продуктам, чьё правило ей подходит.',
    channels: 'Лидеры каналов отвечают за стандарты, качество и стабильность своего канала.',
    segments: 'Бизнес-сегменты, для которых ведётся работа.',
  },
  add: { products: 'Добавить продукт', channels: 'Добавить канал', segments: 'Добавить сегмент' },
  untitled: 'Новая запись',
  edit: 'Изменить',
  fold: 'Готово',
  remove: 'Удалить',
  moveUp: 'Выше',
  moveDown: 'Ниже',
  rowActions: (name: string) => `Действия: ${name}`,
  itemUp: (n: number, text: string) => `Поднять пункт ${n}${text ? ` «${text}»` : ''} выше`,
  itemDown: (n: number, text: string) => `Опустить пункт ${n}${text ? ` «${text}»` : ''} ниже`,
  itemLabel: (n: number) => `Пункт ${n}`,
  key: 'Ключ',
  keyHelp: 'Строчные латинские буквы, цифры и дефисы. На ключ ссылаются отчёты и гаджеты: меняйте его осторожно.',
  nameEn: 'Название по-английски',
  nameRu: 'Название по-русски',
  ruleTitle: 'Правило сопоставления: задача подходит, если подходит любое из условий',
  components: 'Компоненты',
  labels: 'Метки',
  projects: 'Проекты',
  field: 'Настраиваемое поле',
  fieldNone: 'Без настраиваемого поля',
  fieldValues: 'Значения поля',
  ruleEmpty: 'В правиле нет ни одного условия, поэтому ему не подходит ни одна задача.',
  owners: 'Владельцы',
  leaderLabel: 'Лидер канала',
  searchPeople: 'Найдите человека по имени…',
  nobody: 'Пока никто',
  chooseOrType: 'Выберите или введите…',
  choose: 'Выберите…',
  create: (v: string) => `Добавить «${v}»`,
  nothingFound: 'Ничего не найдено',
  typeToSearch: 'Начните вводить имя',
  componentIn: (projects: string[]) => `в ${projects.join(', ')}`,
  matches: (n: number) => plural('ru', n, { one: 'подходит {n} задача', few: 'подходят {n} задачи', many: 'подходят {n} задач', other: 'подходят {n} задачи' }),
  countsNote: (total: number, boards: number, days: number) =>
    `Посчитано по всем ${total} задачам синхронизированных досок (${boards}), которые вам доступны (не выполнены или обновлялись за последние ${days} дней), для правил в том виде, в каком они на этой странице (сохранены или нет).`,
  withoutProduct: (n: number, total: number) => `${n} из ${total} задач не относятся ни к одному продукту.`,
  withoutProductUnread: 'Задачи без продукта будут посчитаны, когда прочитаются поля, по которым сопоставляются продукты.',
  fieldUnread: (field: string, saved: boolean) =>
    saved ? `${field}: поле читается синхронизацией; посчитаем, когда она закончится` : `${field}: будет прочитано при следующей синхронизации после сохранения`,
  countsPending: 'Счётчики появятся после первой синхронизации досок: приложение читает каждую доску один раз и дальше поддерживает её актуальной. Страница обновится сама.',
  countsWaiting: 'Счётчики появятся, когда в настройках не останется ошибок.',
  counting: 'Считаем…',
  countsFailed: (m: string) => `Не удалось посчитать задачи: ${m}`,

  timeZone: 'Часовой пояс',
  timeZoneHelp: 'Календарные даты (сроки, «сегодня») читаются в этом часовом поясе.',
  responsibilitiesTitle: 'К кому с какими вопросами',
  responsibilitiesHelp: 'Показывается рядом с каждым владельцем на панели «Владельцы» каждой задачи.',
  responsibilityEn: 'По-английски',
  responsibilityRu: 'По-русски',
  addResponsibility: 'Добавить зону',

  defectTypes: 'Типы задач — дефекты',
  defectTypesHelp: 'Задачи этих типов считаются дефектами.',
  targetsTitle: 'SLA по приоритетам, в часах',
  targetsHelp: 'В отчётах приоритеты идут в этом порядке. У каждого приоритета одно значение SLA, и хранится он по id: переименование приоритета в Jira здесь ничего не меняет. Дефект другого приоритета получает SLA по умолчанию или остаётся без SLA.',
  priority: 'Приоритет',
  hours: 'Часы',
  addPriority: 'Добавить приоритет',
  allPrioritiesSet: 'SLA задан для всех приоритетов этого сайта.',
  noTargets: 'Ни для одного приоритета SLA не задан: действует только SLA по умолчанию.',
  targetLabel: (n: number) => `SLA ${n}`,
  duplicatePriority: 'Для этого приоритета SLA уже задан выше: выберите другой.',
  defaultTarget: 'SLA по умолчанию, часы',
  defaultTargetHelp: 'Оставьте пустым: у дефектов других приоритетов не будет SLA.',
  atRisk: 'Под угрозой с, % от SLA',
  pauseStatuses: 'Статусы паузы',
  pauseHelp: 'Пока дефект в одном из этих статусов, часы SLA стоят.',
  calendarTitle: 'Рабочий календарь',
  calendarToggle: 'Считать только рабочее время',
  calendarOff: 'Часы SLA идут круглосуточно, без выходных.',
  workingDays: 'Рабочие дни',
  days: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
  dayStart: 'Начало рабочего дня',
  dayEnd: 'Конец рабочего дня',
  holidays: 'Праздники',
  holidaysHelp: 'Даты в виде ГГГГ-ММ-ДД.',
  openPerTeam: 'Открытых дефектов на команду — меньше',

  staleDays: 'В работе без обновлений дольше, дней',
  carryover: 'Перенесена не менее, спринтов',
  acTypes: 'Типы задач, которым нужны критерии приёмки',
  acField: 'Поле критериев приёмки',
  acFieldNone: 'Нет: только описание',
  rulesTitle: 'Правила',
  ruleOn: 'Вкл.',
  ruleEnabled: (name: string) => `Правило «${name}» включено`,
  severity: 'Важность',
  severityDefault: (s: string) => `По умолчанию (${s})`,
  severities: { high: 'высокая', medium: 'средняя', low: 'низкая' },

  convTarget: 'Цель, %',
  convTargetHelp: 'Доля взятой в спринт работы, которую спринт должен выполнить (95% в модели governance).',
  nearBand: 'Близко к цели в пределах, процентных пунктов',
  basis: 'Считать по',
  basisIssues: 'Задачам',
  basisPoints: 'Стори поинтам',
  sprintsShown: 'Закрытых спринтов на доску',

  templatesTitle: 'Шаблоны DoR и DoD',
  templatesHelp: 'Шаблон применяется к указанным в нём проектам и типам задач; пустой список — ко всем.',
  kind: 'Чек-лист',
  kinds: { dor: 'Готовность к разработке (DoR)', dod: 'Готовность к rollout (DoD)' },
  templateId: 'Id шаблона',
  issueTypes: 'Типы задач',
  allProjects: 'Все проекты',
  allTypes: 'Все типы задач',
  items: 'Пункты',
  itemId: 'Id',
  itemText: 'Пункт',
  required: 'Обязательный',
  allowNa: 'Может быть неприменим',
  auto: 'Проверяется по',
  autoNone: 'Отмечается вручную',
  autos: {
    estimate: 'оценке',
    acceptanceCriteria: 'критериям приёмки',
    designLink: 'ссылке на дизайн',
    subtasksDone: 'выполненным подзадачам',
    description: 'описанию',
    assignee: 'исполнителю',
  },
  addItem: 'Добавить пункт',
  addTemplate: 'Добавить шаблон',
  removeTemplate: 'Удалить шаблон',

  exportTitle: 'Экспорт',
  exportHelp: (v: number | null) =>
    `${v === null ? 'Настройки по умолчанию (не сохранялись)' : `Сохранённые настройки (версия ${v})`} в формате JSON: сохраните копию, перенесите на другой сайт или отредактируйте и импортируйте обратно.`,
  exportUnsaved: 'Несохранённых изменений в экспорте нет.',
  download: 'Скачать JSON',
  copy: 'Копировать',
  copied: 'Скопировано',
  importTitle: 'Импорт',
  importHelp: 'Вставьте экспортированную конфигурацию или выберите файл. Она проверяется так же, как при сохранении, и заменяет конфигурацию целиком.',
  importLabel: 'JSON конфигурации',
  chooseFile: 'Выбрать файл…',
  importButton: 'Импортировать и сохранить',
  importing: 'Импортируем…',
  importReplacesUnsaved: 'Импорт отменит несохранённые изменения на этой странице.',
  importedFlag: (v: number) => `Конфигурация импортирована (версия ${v})`,
  malformedTitle: 'Это некорректный JSON: ничего не изменено',
  importInvalidTitle: 'В конфигурации есть ошибки: ничего не изменено',

  matrixTitle: 'Матрица владения',
  matrixHelp: 'Продукты по каналам, для одного сегмента или всех, с владельцами; в каждой клетке — открытые задачи, открытые дефекты и нарушения чистоты Jira.',
  matrixLoading: 'Считаем задачи каждого продукта, канала и сегмента…',
  segment: 'Сегмент',
  allSegments: 'Все сегменты',
  noSegmentSlot: 'Без сегмента',
  noProductSlot: 'Без продукта',
  noChannelSlot: 'Без канала',
  allChannels: 'Все каналы',
  allProducts: 'Все продукты',
  open: 'открыто',
  defects: 'дефектов',
  violations: 'нарушений',
  cellLabel: (product: string, channel: string, open: number, defects: number, violations: number) =>
    `${product}, ${channel}: открыто ${open}, открытых дефектов ${defects}, нарушений чистоты ${violations}`,
  legend: 'В каждой клетке: открытые задачи · открытые дефекты · нарушения чистоты Jira.',
  matrixScope: (issues: number, boards: number) =>
    `Посчитано по всем ${issues} задачам синхронизированных досок (${boards}), которые не выполнены или обновлялись за последние 30 дней и вам доступны.`,
  matrixOutdated: 'Настройки сохранены после расчёта этих данных: матрица учтёт их после следующей синхронизации, в течение нескольких минут.',
  unsavedMatrix: 'Матрица строится по сохранённым настройкам: сохраните, чтобы увидеть здесь свои изменения.',
};

export const OWNERSHIP_MESSAGES: Record<Lang, OwnershipMessages> = { en, ru };
export const ownershipMessages = (lang: Lang): OwnershipMessages => OWNERSHIP_MESSAGES[lang];
export { list as orList };

/** The configuration's own messages (src/domain/config.ts), in Russian. */
const CUSTOM_RU: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must be 1–40 lower-case letters, digits or dashes/, () => 'от 1 до 40 строчных латинских букв, цифр или дефисов, первой — буква или цифра'],
  [/^must be a custom field id/, () => 'нужен id настраиваемого поля, например customfield_10050'],
  [/^must be a time HH:MM$/, () => 'нужно время ЧЧ:ММ'],
  [/^must be a date YYYY-MM-DD$/, () => 'нужна дата ГГГГ-ММ-ДД'],
  [/^is not an IANA time zone/, () => 'это не часовой пояс IANA (например, Europe/Moscow)'],
  [/^workingHours\.start must be before workingHours\.end$/, () => 'рабочий день должен начинаться раньше, чем заканчивается'],
  [/^key "(.*)" is used twice$/, (m) => `ключ «${m[1] ?? ''}» используется дважды`],
  [/^template id "(.*)" is used twice$/, (m) => `id шаблона «${m[1] ?? ''}» используется дважды`],
  [/^item id "(.*)" is used twice$/, (m) => `id пункта «${m[1] ?? ''}» используется дважды`],
  [/^must be a Jira id/, () => 'нужен id из Jira (только цифры), например 10004'],
  [/^name an issue type by its id or by its untranslatedName/, () => 'укажите тип задачи либо по id, либо по английскому названию (untranslatedName), но не то и другое сразу'],
  [/^a type named by untranslatedName needs no display name$/, () => 'типу, указанному по английскому названию, отдельное название не нужно'],
  [/^priority (.*) has two targets$/, (m) => `для приоритета ${m[1] ?? ''} SLA задан дважды`],
];

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  en: { number: 'a number', int: 'a whole number', string: 'text', array: 'a list', object: 'a group of settings', boolean: 'on or off' },
  ru: { number: 'число', int: 'целое число', string: 'текст', array: 'список', object: 'группа настроек', boolean: 'вкл. или выкл.' },
};

/**
 * A configuration problem in the viewer's language. The server's English message is kept for what
 * this catalogue does not know; zod's own kinds (too small, wrong type…) are said plainly, with
 * limits in the unit the field shows (`scale` 100 for a share shown in percent).
 */
export function describeProblem(p: ConfigProblem, lang: Lang, scale = 1): string {
  const d = p.detail;
  const custom = !d || d.code === 'custom' || (d.code === 'invalid_format' && !/^Invalid/.test(p.message));
  if (custom) {
    if (lang === 'en') return p.message;
    for (const [re, say] of CUSTOM_RU) {
      const m = re.exec(p.message);
      if (m) return say(m);
    }
    return p.message;
  }
  const ru = lang === 'ru';
  const n = (limit: number) => catalogueNumber(limit * (d.code === 'too_small' || d.code === 'too_big' ? (d.origin === 'number' ? scale : 1) : 1), lang, 2);
  switch (d.code) {
    case 'too_small':
      if (d.origin === 'string') return d.limit <= 1 ? (ru ? 'не может быть пустым' : 'must not be empty') : ru ? `не короче ${n(d.limit)} символов` : `must be at least ${n(d.limit)} characters`;
      if (d.origin === 'array') return d.limit <= 1 ? (ru ? 'выберите хотя бы одно значение' : 'choose at least one') : ru ? `нужно не меньше ${n(d.limit)}` : `needs at least ${n(d.limit)}`;
      return d.inclusive ? (ru ? `должно быть не меньше ${n(d.limit)}` : `must be at least ${n(d.limit)}`) : ru ? `должно быть больше ${n(d.limit)}` : `must be more than ${n(d.limit)}`;
    case 'too_big':
      if (d.origin === 'string') return ru ? `не длиннее ${n(d.limit)} символов` : `must be at most ${n(d.limit)} characters`;
      if (d.origin === 'array') return ru ? `не больше ${n(d.limit)}` : `at most ${n(d.limit)}`;
      return d.inclusive ? (ru ? `должно быть не больше ${n(d.limit)}` : `must be at most ${n(d.limit)}`) : ru ? `должно быть меньше ${n(d.limit)}` : `must be less than ${n(d.limit)}`;
    case 'invalid_type': {
      const what = TYPE_NAMES[lang][d.expected] ?? d.expected;
      return ru ? `здесь нужно ${what}` : `must be ${what}`;
    }
    case 'invalid_value':
      return ru ? `допустимые значения: ${d.values.join(', ')}` : `must be one of ${d.values.join(', ')}`;
    case 'unrecognized_keys':
      return ru ? `неизвестные настройки: ${d.keys.join(', ')}` : `unknown settings: ${d.keys.join(', ')}`;
    case 'invalid_format':
      return ru ? 'неверный формат' : 'has the wrong format';
  }
}
