/** The chart's sprint labels: the shared part of a board's sprint names said once, the number never cut. */
import { shortLabels } from '../../static/src/components/sprints';

describe('shortLabels', () => {
  it('keeps the number of each sprint and says the common prefix once', () => {
    expect(shortLabels(['PAY Sprint 43', 'PAY Sprint 44', 'PAY Sprint 49'])).toEqual({ prefix: 'PAY Sprint ', labels: ['43', '44', '49'] });
  });

  it('gives a name that does not share the prefix (another board’s shared sprint) its whole name', () => {
    expect(shortLabels(['PAY Sprint 9', 'PAYM Sprint 44', 'PAY Sprint 10', 'PAY Sprint 11'])).toEqual({ prefix: 'PAY Sprint ', labels: ['9', 'PAYM Sprint 44', '10', '11'] });
  });

  it('never shortens names that share nothing, or do not end in a number', () => {
    expect(shortLabels(['Alpha', 'Beta'])).toEqual({ prefix: '', labels: ['Alpha', 'Beta'] });
    expect(shortLabels(['Team A 1', 'Team B 2'])).toEqual({ prefix: '', labels: ['Team A 1', 'Team B 2'] });
    expect(shortLabels(['PAY Sprint 43'])).toEqual({ prefix: '', labels: ['PAY Sprint 43'] });
    expect(shortLabels(['42', '43'])).toEqual({ prefix: '', labels: ['42', '43'] });
  });

  it('takes the whole final number, however many digits', () => {
    expect(shortLabels(['Sprint 99', 'Sprint 100', 'Sprint 101'])).toEqual({ prefix: 'Sprint ', labels: ['99', '100', '101'] });
  });
});
