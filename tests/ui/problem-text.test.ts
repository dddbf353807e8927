import type { ConfigProblem } from '../../src/shared/protocol';
import { validateConfig } from '../../src/services/config';
import { bankExampleConfig } from '../../src/domain/bank-example';
import { ownershipMessages } from '../../static/src/i18n-ownership';
import { problemLine, problemMessage, problemPlace } from '../../static/src/components/settings/problem-text';

function draftWith(change: (draft: Record<string, unknown>) => void): { draft: Record<string, unknown>; problems: ConfigProblem[] } {
  const draft = structuredClone(bankExampleConfig()) as unknown as Record<string, unknown>;
  change(draft);
  const r = validateConfig(draft);
  if (r.ok) throw new Error('expected problems');
  return { draft, problems: r.problems };
}

describe('settings problems in words', () => {
  it('the summary and the field say the same limit, in percent, in English and Russian', () => {
    const { draft, problems } = draftWith((d) => ((d.convergence as Record<string, unknown>).target = 1.5));
    const [p] = problems;
    for (const lang of ['en', 'ru'] as const) {
      const field = problemMessage(p!, lang);
      const line = problemLine(p!, draft, ownershipMessages(lang), lang);
      expect(field).toMatch(/100/);
      expect(line.endsWith(`: ${field}`)).toBe(true);
      expect(line).not.toContain('convergence.target');
    }
    expect(problemLine(p!, draft, ownershipMessages('en'), 'en')).toBe('Convergence › Target, %: must be at most 100');
    expect(problemLine(p!, draft, ownershipMessages('ru'), 'ru')).toBe(`${ownershipMessages('ru').tabs.convergence} › ${ownershipMessages('ru').convTarget}: должно быть не больше 100`);
  });

  it('names an entry by its name, never by an internal path', () => {
    const { draft, problems } = draftWith((d) => ((d.products as { name: { en: string; ru: string } }[])[0]!.name.ru = ''));
    const [p] = problems;
    const products = draft.products as { name: { en: string } }[];
    const place = problemPlace(p!.path, draft, ownershipMessages('en'), 'en');
    expect(place).toBe(`Products › “${products[0]!.name.en}” › Name in Russian`);
    expect(place).not.toMatch(/\[\d+\]|\./);
  });

  it('counts entries without a name from 1', () => {
    const m = ownershipMessages('en');
    expect(problemPlace('checklists.templates[1].items[0].text.en', { checklists: { templates: [{}, { items: [{}] }] } }, m, 'en')).toBe(
      'Checklists › template 2 › item 1 › Item › In English',
    );
    expect(problemPlace('defects.targets[2].hours', null, m, 'en')).toBe('Defects & SLA › Target 3 › Hours');
    expect(problemPlace('(root)', null, m, 'en')).toBe(m.settingsTitle);
  });
});
