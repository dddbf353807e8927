import type { ErrorCode } from '../../src/shared/protocol';
import { toEnvelope } from '../../src/forge/envelope';
import { ERROR_MESSAGES, errorText } from '../../static/src/i18n-errors';

const CODES: ErrorCode[] = ['BAD_REQUEST', 'NOT_CONFIGURED', 'CONFIG_INVALID', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'JIRA_UNAVAILABLE', 'UNLICENSED', 'INTERNAL'];

describe('server errors in words', () => {
  it('says every code in English and in Russian, never the server’s technical message', () => {
    for (const code of CODES) {
      const en = errorText({ code }, 'en');
      const ru = errorText({ code }, 'ru');
      expect(en).not.toBe('');
      expect(ru).toMatch(/[а-яё]/i);
      expect(ru).not.toBe(en);
    }
    const failed = toEnvelope(new Error('socket hang up at kvs.get'));
    if (failed.ok) throw new Error('expected a failure');
    expect(errorText(failed.error, 'en')).toBe(ERROR_MESSAGES.en.codes.INTERNAL);
    expect(errorText(failed.error, 'en')).not.toContain('socket');
  });

  it('reads a code it does not know as an internal error', () => {
    expect(errorText({ code: 'SOMETHING_NEW' as ErrorCode }, 'ru')).toBe(ERROR_MESSAGES.ru.codes.INTERNAL);
  });

  it('offers the details toggle in both languages', () => {
    expect(ERROR_MESSAGES.en.showDetails).toBe('Show details');
    expect(ERROR_MESSAGES.ru.showDetails).toBe('Показать подробности');
  });
});
