/**
 * What the surfaces say about how current their figures are: the app keeps its own copy of each
 * board (synced with Jira as the app, kept current by Jira's events and a five-minute schedule),
 * and every figure is "as of" the moment that copy was last brought up to date.
 */
import { plural, type Lang } from './i18n';

const en = {
  asOf: (time: string) => `Figures as of ${time}`,
  ago: (minutes: number) => (minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h ago` : `${Math.round(minutes / 1440)} days ago`),
  behind: 'Behind Jira: the last update of these boards did not finish. The figures shown are the last ones known.',
  syncing: 'Updating from Jira…',
  refreshHint: 'Asks for these boards to be brought up to date now (at most once a minute per board).',
  firstSyncTitle: 'Reading these boards for the first time',
  firstSyncBody:
    'Governance for Jira keeps its own copy of each board’s figures and keeps it current from Jira’s changes, so every viewer gets them at once. The first read of a board takes from seconds to several minutes for boards with tens of thousands of issues. This page updates itself; you can also leave and come back.',
  boardPhase: { new: 'waiting for its turn', backfill: 'reading', catchup: 'updating', idle: 'ready', failed: 'failed' } as Record<string, string>,
  issuesRead: (n: string) => `${n} issues read`,
  failed: (board: string, message: string) => `The last update of ${board} failed: ${message}. It is retried automatically.`,
  boardsPending: (n: number) => plural('en', n, { one: '{n} board is still being read; its figures are not included yet.', few: '', many: '', other: '{n} boards are still being read; their figures are not included yet.' }),
};

export type SyncMessages = typeof en;

const ru: SyncMessages = {
  asOf: (time: string) => `Данные на ${time}`,
  ago: (minutes: number) => (minutes < 1 ? 'только что' : minutes < 60 ? `${minutes} мин назад` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} ч назад` : `${Math.round(minutes / 1440)} дн. назад`),
  behind: 'Отстаёт от Jira: последнее обновление этих досок не завершилось. Показаны последние известные данные.',
  syncing: 'Обновляем из Jira…',
  refreshHint: 'Обновить эти доски сейчас (не чаще раза в минуту на доску).',
  firstSyncTitle: 'Доски читаются впервые',
  firstSyncBody:
    'Governance for Jira хранит свою копию показателей каждой доски и обновляет её по изменениям в Jira, поэтому все видят их сразу. Первое чтение доски занимает от секунд до нескольких минут для досок с десятками тысяч задач. Страница обновится сама; можно уйти и вернуться позже.',
  boardPhase: { new: 'ждёт очереди', backfill: 'читается', catchup: 'обновляется', idle: 'готова', failed: 'ошибка' },
  issuesRead: (n: string) => `прочитано задач: ${n}`,
  failed: (board: string, message: string) => `Последнее обновление доски ${board} не удалось: ${message}. Повторим автоматически.`,
  boardsPending: (n: number) =>
    plural('ru', n, {
      one: '{n} доска ещё читается; её данные пока не учтены.',
      few: '{n} доски ещё читаются; их данные пока не учтены.',
      many: '{n} досок ещё читаются; их данные пока не учтены.',
      other: '{n} доски ещё читаются; их данные пока не учтены.',
    }),
};

export const syncMessages = (lang: Lang): SyncMessages => (lang === 'ru' ? ru : en);
