import type { ConfigProblem } from '../../src/shared/protocol';
import { validateConfig } from '../../src/services/config';
import { bankExampleConfig } from '../../src/domain/bank-example';
import { describeProblem } from '../../static/src/i18n-ownership';

/** The problems the server reports for a draft, as the settings page receives them. */
function problemsOf(change: (draft: Record<string, unknown>) => void): ConfigProblem[] {
  const draft = structuredClone(bankExampleConfig()) as unknown as Record<string, unknown>;
  change(draft);
  const r = validateConfig(draft);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('describeProblem', () => {
  it('says zod’s kinds of problem plainly, in English and Russian', () => {
    const [empty] = problemsOf((d) => ((d.products as { name: { en: string } }[])[0]!.name.en = ''));
    expect(describeProblem(empty!, 'en')).toBe('must not be empty');
    expect(describeProblem(empty!, 'ru')).toBe('не может быть пустым');
    const [text] = problemsOf((d) => ((d.hygiene as Record<string, unknown>).staleDays = 'two weeks'));
    expect(describeProblem(text!, 'en')).toBe('must be a number');
    expect(describeProblem(text!, 'ru')).toBe('здесь нужно число');
  });

  it('gives limits in the unit the field shows', () => {
    const [tooHigh] = problemsOf((d) => ((d.convergence as Record<string, unknown>).target = 1.5));
    expect(describeProblem(tooHigh!, 'en', 100)).toBe('must be at most 100');
    expect(describeProblem(tooHigh!, 'ru', 100)).toBe('должно быть не больше 100');
    expect(describeProblem(tooHigh!, 'en')).toBe('must be at most 1');
  });

  it('translates the configuration’s own messages, and keeps unknown ones as the server wrote them', () => {
    const [key] = problemsOf((d) => ((d.products as { key: string }[])[0]!.key = 'Bad Key'));
    expect(describeProblem(key!, 'en')).toMatch(/^must be 1–40 lower-case letters/);
    expect(describeProblem(key!, 'ru')).toMatch(/^от 1 до 40 строчных латинских букв/);
    const [twice] = problemsOf((d) => ((d.channels as { key: string }[])[1]!.key = 'web'));
    expect(describeProblem(twice!, 'ru')).toBe('ключ «web» используется дважды');
    expect(describeProblem({ path: 'x', message: 'something new', detail: { code: 'custom' } }, 'ru')).toBe('something new');
  });
});

describe('describeProblem: references by id', () => {
  it('says the configuration’s messages about ids in Russian', () => {
    const [notId] = problemsOf((d) => ((d.defects as { pauseStatuses: unknown[] }).pauseStatuses = [{ id: 'Waiting' }]));
    expect(notId!.path).toBe('defects.pauseStatuses[0].id');
    expect(describeProblem(notId!, 'en')).toMatch(/^must be a Jira id/);
    expect(describeProblem(notId!, 'ru')).toBe('нужен id из Jira (только цифры), например 10004');
    const [both] = problemsOf((d) => ((d.defects as { issueTypes: unknown[] }).issueTypes = [{ id: '10004', untranslatedName: 'Bug' }]));
    expect(describeProblem(both!, 'ru')).toMatch(/^укажите тип задачи либо по id/);
    const [twice] = problemsOf((d) => {
      const defects = d.defects as { targets: unknown[] };
      defects.targets = [...defects.targets, { priority: { id: '1' }, hours: 1 }];
    });
    expect(twice!.path).toBe('defects.targets');
    expect(describeProblem(twice!, 'ru')).toBe('для приоритета 1 SLA задан дважды');
  });
});
