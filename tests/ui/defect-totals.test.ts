import type { DefectData, DefectPriorityRow } from '../../src/shared/protocol';
import { reconcileOpen } from '../../static/src/components/governance/defect-totals';
import { governanceMessages } from '../../static/src/i18n-governance';

const board = (boardId: number, open: number, openNoSla: number) => ({ boardId, name: `Board ${boardId}`, open, openNoSla, target: 1, withinTarget: open < 1 });
const priority = (open: number) => ({ open }) as DefectPriorityRow;

function data(totalOpen: number, noSlaOpen: number, boards: ReturnType<typeof board>[], priorities: number[]): Pick<DefectData, 'total' | 'noSlaOpen' | 'openPerBoard' | 'byPriority'> {
  return { total: { open: totalOpen } as DefectData['total'], noSlaOpen, openPerBoard: boards, byPriority: priorities.map(priority) };
}

describe('open defect totals on one screen', () => {
  it('says the rows add up when they do', () => {
    const r = reconcileOpen(data(3, 0, [board(1, 2, 0), board(2, 1, 0)], [2, 1]));
    expect(r).toMatchObject({ rows: 3, total: 3, noTarget: 0, repeated: 0, defaultTarget: 0 });
    expect(governanceMessages('en').rowsAddUp(3)).toBe('The rows add up to the 3 open defects above.');
  });

  it('says why they do not: defects without a target, and a defect on two boards', () => {
    // 4 open with a target, 2 without; one defect of each kind sits on both boards.
    const r = reconcileOpen(data(4, 2, [board(1, 5, 2), board(2, 3, 1)], [4]));
    expect(r).toMatchObject({ rows: 8, total: 4, noTarget: 2, repeated: 2 });
    expect(r.rows).toBe(r.total + r.noTarget + r.repeated);
    expect(governanceMessages('en').rowsDiffer(r.rows, r.total, r.noTarget, r.repeated)).toBe(
      'The rows add up to 8 open defects, the total above says 4: 2 defects without an SLA target count here only; 2 more because defects on several boards count on each.',
    );
    expect(governanceMessages('ru').rowsDiffer(r.rows, r.total, r.noTarget, r.repeated)).toBe(
      'Строки в сумме дают 8, а в итоге выше открытых дефектов 4: 2 дефекта без цели SLA учтены только здесь; ещё 2 — дефекты на нескольких досках учитываются на каждой.',
    );
  });

  it('says which open defects are in the total but in no priority row', () => {
    const r = reconcileOpen(data(5, 0, [board(1, 5, 0)], [2, 1]));
    expect(r.defaultTarget).toBe(2);
    expect(governanceMessages('en').defaultRowsOpen(2)).toMatch(/^2 open defects have the default target/);
  });
});
