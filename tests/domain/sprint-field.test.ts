import { prepareIssue } from '../../src/domain/issue';
import { valueAt } from '../../src/domain/history';
import { at, generateHistory, generateIssue, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID } from '../../src/domain/testing/generate';
import { fieldRef } from '../../src/domain/history';

const fields = { sprint: fieldRef(SPRINT_FIELD_ID, 'Sprint'), estimation: fieldRef(STORY_POINTS_FIELD_ID, 'Story point estimate') };

describe('the Sprint field is replayed from sprint ids only', () => {
  it('ignores the display names, which may contain commas and digits', () => {
    const issue = generateIssue({
      created: '2026-03-01T00:00:00Z',
      sprints: [7],
      histories: [
        // A real item carries ids in from/to; this broken one carries only names ("Sprint 5, 6").
        generateHistory([{ at: '2026-03-02T00:00:00Z', field: 'sprint', from: null, fromString: '', to: null, toString: 'Sprint 5, 6' }]),
        generateHistory([{ at: '2026-03-03T00:00:00Z', field: 'sprint', from: null, fromString: 'Sprint 5, 6', to: '7', toString: 'Sprint 7' }]),
      ],
    });
    const p = prepareIssue(issue, fields);
    expect(valueAt(p.sprints, at('2026-03-02T12:00:00Z'))).toEqual([]);
    expect(p.everSprints.includes(5)).toBe(false);
    expect(p.everSprints.includes(6)).toBe(false);
    expect(valueAt(p.sprints, at('2026-03-04T00:00:00Z'))).toEqual([7]);
  });
});
