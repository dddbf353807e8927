/**
 * What a resolver's error code means to the person looking at the page, in English and Russian.
 * The server's own message is technical (an endpoint, an HTTP status, a board id): the UI shows
 * it only behind "Show details" (`ErrorNotice`), for whoever has to report the problem.
 */
import type { ErrorCode, ResolverError } from '../../src/shared/protocol';
import type { Lang } from './i18n';

const en = {
  codes: {
    BAD_REQUEST: 'The page sent a request the app could not read. Reload the page and try again.',
    NOT_CONFIGURED: 'This is not set up yet: choose its settings first.',
    CONFIG_INVALID: 'The governance settings are not valid, so nothing can be worked out from them. A Jira administrator can fix them on the Governance settings page.',
    NOT_FOUND: 'It does not exist, or you may not see it: a board, project or issue it needs is missing or hidden from you.',
    FORBIDDEN: 'You do not have permission for this. Ask a Jira administrator if you need it.',
    CONFLICT: 'Someone else changed this meanwhile. Reload to see their change, then try again.',
    JIRA_UNAVAILABLE: 'Jira did not answer as expected. Try again in a minute.',
    UNLICENSED: 'The app’s license is not active, so nothing was done. A Jira administrator can renew it.',
    INTERNAL: 'Something went wrong in the app. Try again; if it keeps happening, give the details below to your Jira administrator.',
  } satisfies Record<ErrorCode, string>,
  showDetails: 'Show details',
  hideDetails: 'Hide details',
  code: 'Error code',
};

export type ErrorMessages = typeof en;

const ru: ErrorMessages = {
  codes: {
    BAD_REQUEST: 'Страница отправила запрос, который приложение не смогло прочитать. Обновите страницу и повторите.',
    NOT_CONFIGURED: 'Это ещё не настроено: сначала выберите настройки.',
    CONFIG_INVALID: 'Настройки governance неверны, и по ним ничего нельзя посчитать. Администратор Jira может исправить их на странице настроек Governance.',
    NOT_FOUND: 'Этого нет, или у вас нет доступа: нужная доска, проект или задача отсутствует или скрыта от вас.',
    FORBIDDEN: 'У вас нет прав на это. Если они нужны, обратитесь к администратору Jira.',
    CONFLICT: 'Кто-то изменил это одновременно с вами. Обновите, чтобы увидеть его изменения, и повторите.',
    JIRA_UNAVAILABLE: 'Jira ответила не так, как ожидалось. Повторите через минуту.',
    UNLICENSED: 'Лицензия приложения не активна, поэтому ничего не сделано. Администратор Jira может её продлить.',
    INTERNAL: 'В приложении что-то пошло не так. Повторите; если ошибка не исчезает, передайте подробности ниже администратору Jira.',
  },
  showDetails: 'Показать подробности',
  hideDetails: 'Скрыть подробности',
  code: 'Код ошибки',
};

export const ERROR_MESSAGES: Record<Lang, ErrorMessages> = { en, ru };
export const errorMessages = (lang: Lang): ErrorMessages => ERROR_MESSAGES[lang];

/** A resolver error in the viewer's words: by its code (an unknown code reads as INTERNAL). */
export function errorText(error: Pick<ResolverError, 'code'>, lang: Lang): string {
  const codes: Record<string, string> = ERROR_MESSAGES[lang].codes;
  return codes[error.code] ?? ERROR_MESSAGES[lang].codes.INTERNAL;
}
