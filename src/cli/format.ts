/**
 * The three output formats of `governance report`. JSON is the contract; the table is for a person
 * at a terminal (aligned, target status at a glance); CSV is for spreadsheets.
 */
import type { TargetStatus } from '../domain/config';
import type { GovernanceReport, IssueSet } from '../domain/report';
import { csvText, escapeJsonControls, sanitizeStrings } from './sanitize';

export function formatJson(report: GovernanceReport): string {
  return `${escapeJsonControls(JSON.stringify(report, null, 2))}\n`;
}

const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const num = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const hours = (h: number | null): string => (h === null ? '—' : h.toFixed(1));

interface Style {
  status(s: TargetStatus | null): string;
  bold(s: string): string;
  dim(s: string): string;
  bad(s: string): string;
  good(s: string): string;
}

const STATUS_WORD: Record<TargetStatus, string> = { met: 'MET', near: 'NEAR', missed: 'MISSED' };

function style(color: boolean): Style {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const green = wrap('32');
  const yellow = wrap('33');
  const red = wrap('31');
  return {
    status: (s) => (s === null ? '—' : s === 'met' ? green('✔ MET') : s === 'near' ? yellow('~ NEAR') : red('✘ MISSED')),
    bold: wrap('1'),
    dim: wrap('2'),
    bad: red,
    good: green,
  };
}

/** Display width, ignoring ANSI colour codes. */
const width = (s: string): number => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;

function table(head: string[], rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(c));
        return rightAligned.has(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

const setCell = (s: IssueSet, points: boolean) => (points ? `${s.count} (${num(s.points)} pt)` : String(s.count));

export function formatTable(fromJira: GovernanceReport, options: { color: boolean }): string {
  const report = sanitizeStrings(fromJira); // no control character from Jira reaches the terminal
  const st = style(options.color);
  const out: string[] = [];
  const c = report.convergence;
  out.push(st.bold(`Governance report · now ${report.now} · board${report.boards.length > 1 ? 's' : ''} ${report.boards.join(', ')}`));
  out.push('');
  out.push(st.bold(`BACKLOG CONVERGENCE · target ${pct(c.target)}`));
  if (c.sprints.length === 0) out.push('  No closed or active sprints on these boards.');
  else {
    const rows = c.sprints.map((s) => [
      String(s.boardId),
      s.name + (s.shared ? ' ⇄' : '') + (s.provisional ? ' *' : ''),
      `${s.start.slice(0, 10)} → ${s.end.slice(0, 10)}`,
      setCell(s.committed, true),
      setCell(s.completedCommitted, true),
      String(s.added.count),
      String(s.removed.count),
      s.movedToNextSprint.count > 0 ? `${s.notCompleted.count} (${s.movedToNextSprint.count} to next)` : String(s.notCompleted.count),
      pct(s.scopeChange),
      pct(s.convergence.issues),
      pct(s.convergence.points),
      st.status(s.status),
    ]);
    out.push(
      ...table(
        ['Board', 'Sprint', 'Dates', 'Committed', 'Done of committed', 'Added', 'Removed', 'Not completed', 'Scope Δ', 'Conv.', 'Conv. (pt)', 'Status'],
        rows,
        new Set([3, 4, 5, 6, 7, 8, 9, 10]),
      ).map((l) => `  ${l}`),
    );
    if (c.sprints.some((s) => s.provisional)) out.push(st.dim('  * active sprint: provisional, measured up to now'));
    if (c.sprints.some((s) => s.shared)) out.push(st.dim("  ⇄ shared sprint: another board's sprint that this board's issues were in"));
    out.push(st.dim('  Not completed: in the sprint at its end and not done (back to the backlog or "to next": moved to the next sprint)'));
    out.push(st.dim('  Scope Δ: (added + removed) ÷ committed'));
  }
  const o = c.overall;
  out.push(
    `  Overall (closed sprints): ${o.completedCommitted.count} of ${o.committed.count} committed issues = ${pct(o.convergence.issues)}` +
      ` · ${num(o.completedCommitted.points)} of ${num(o.committed.points)} points = ${pct(o.convergence.points)}  ${st.status(o.status)}`,
  );
  out.push('');

  const d = report.defects;
  out.push(st.bold(`DEFECT SLA · resolved ${d.from.slice(0, 10)} → ${d.to.slice(0, 10)}`));
  const defectRow = (label: string, target: string, f: typeof d.total) => [
    label,
    target,
    String(f.resolved),
    String(f.met),
    f.breached ? st.bad(String(f.breached)) : '0',
    pct(f.compliance),
    hours(f.medianHours),
    hours(f.p85Hours),
    String(f.open),
    f.openBreached ? st.bad(String(f.openBreached)) : '0',
    String(f.atRisk),
  ];
  out.push(
    ...table(
      ['Priority', 'Target h', 'Resolved', 'Met', 'Breached', 'Compliance', 'Median h', 'p85 h', 'Open', 'Open breached', 'At risk'],
      [...d.byPriority.map((r) => defectRow(r.priority, num(r.targetHours), r)), defectRow('Total', '', d.total)],
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ).map((l) => `  ${l}`),
  );
  if (d.noSla) out.push(`  Without an SLA target (their priority has no target): ${d.noSla}, of them ${d.noSlaOpen} open`);
  out.push(
    `  Open defects per board (target < 1): ` +
      d.openPerBoard.map((b) => `${b.boardId}: ${b.open < 1 ? st.good(String(b.open)) : st.bad(String(b.open))}`).join(' · '),
  );
  const boardsOpen = d.openPerBoard.reduce((n, b) => n + b.open, 0);
  if (boardsOpen !== d.total.open)
    out.push(
      st.dim(
        `  The boards' ${boardsOpen} open defects count every open defect${d.noSlaOpen ? `: ${d.total.open} with an SLA target (Total) and ${d.noSlaOpen} without one` : ''}` +
          `${boardsOpen !== d.total.open + d.noSlaOpen ? '; a defect on two boards counts on each' : ''}.`,
      ),
    );
  out.push('');

  const h = report.hygiene;
  out.push(st.bold('JIRA HYGIENE'));
  out.push(`  Score ${pct(h.score)} · ${h.violating} of ${h.scanned} scanned issues break at least one rule`);
  const rules = h.rules.filter((r) => r.count > 0);
  if (rules.length)
    out.push(
      ...table(
        ['Rule', 'Severity', 'Issues', 'Examples'],
        rules.map((r) => [r.id, r.severity, String(r.count), r.issues.slice(0, 6).join(' ') + (r.issues.length > 6 ? ' …' : '')]),
        new Set([2]),
      ).map((l) => `  ${l}`),
    );
  else out.push('  No rule is broken.');
  const warnings = warningLines(report);
  if (warnings.length) out.push('', st.bold('WARNINGS · what the report could not classify'), ...warnings.map((w) => `  ${w}`));
  return `${out.join('\n')}\n`;
}

const examples = (keys: readonly string[]) => (keys.length === 0 ? '' : `: ${keys.slice(0, 6).join(' ')}${keys.length > 6 ? ' …' : ''}`);

/** One line per warning that occurred, in words. */
function warningLines(report: GovernanceReport): string[] {
  const w = report.warnings;
  const out: string[] = [];
  if (w.invalidEstimates.count)
    out.push(`${w.invalidEstimates.count} issue(s) with a negative or non-numeric estimate, counted as unestimated${examples(w.invalidEstimates.issues)}`);
  if (w.deletedStatuses.count)
    out.push(
      `${w.deletedStatuses.count} issue(s) whose history passes through a status the site no longer has (${w.deletedStatuses.statusIds.join(', ')}), counted as not done there${examples(w.deletedStatuses.issues)}`,
    );
  if (w.unknownPriorities.count)
    out.push(
      `${w.unknownPriorities.count} defect(s) of a priority with no SLA target (${w.unknownPriorities.priorityIds.join(', ')}), counted without SLA${examples(w.unknownPriorities.issues)}`,
    );
  if (w.unmappedStatuses.count)
    out.push(
      `${w.unmappedStatuses.count} issue(s) in a status that no column of the board shows (${w.unmappedStatuses.statusIds.join(', ')}) at a sprint's end${examples(w.unmappedStatuses.issues)}`,
    );
  if (w.unresolvedConfigNames.count) out.push(`${w.unresolvedConfigNames.count} name(s) of the configuration match nothing on the site: ${w.unresolvedConfigNames.names.join('; ')}`);
  return out;
}

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? csvText(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells: (string | number | boolean | null)[]) => cells.map(csvCell).join(',');

/**
 * CSV: blocks (convergence per sprint, defects per priority, defect issues, open defects per board,
 * hygiene per rule), each with its own header and a `section` first column, separated by a blank
 * line, so a spreadsheet opens each as a block and a script can filter on `section`. Unrounded.
 */
export function formatCsv(report: GovernanceReport): string {
  const lines: string[] = [];
  lines.push(
    csvLine([
      'section', 'boardId', 'sprintId', 'sprint', 'state', 'shared', 'provisional', 'start', 'end',
      'committed', 'committedPoints', 'completedCommitted', 'completedCommittedPoints', 'added', 'addedPoints',
      'removed', 'removedPoints', 'completed', 'completedPoints', 'notCompleted', 'notCompletedPoints',
      'movedToNextSprint', 'movedToNextSprintPoints', 'convergenceIssues', 'convergencePoints', 'scopeChange', 'status',
    ]),
  );
  for (const s of report.convergence.sprints)
    lines.push(
      csvLine([
        'convergence', s.boardId, s.sprintId, s.name, s.state, s.shared, s.provisional, s.start, s.end,
        s.committed.count, s.committed.points, s.completedCommitted.count, s.completedCommitted.points,
        s.added.count, s.added.points, s.removed.count, s.removed.points, s.completed.count, s.completed.points,
        s.notCompleted.count, s.notCompleted.points, s.movedToNextSprint.count, s.movedToNextSprint.points,
        s.convergence.issues, s.convergence.points, s.scopeChange, s.status,
      ]),
    );
  const o = report.convergence.overall;
  lines.push(
    csvLine([
      'convergence-overall', null, null, null, null, null, null, null, null,
      o.committed.count, o.committed.points, o.completedCommitted.count, o.completedCommitted.points,
      null, null, null, null, null, null, null, null, null, null, o.convergence.issues, o.convergence.points, null, o.status,
    ]),
  );
  lines.push('');
  lines.push(
    csvLine(['section', 'priority', 'priorityId', 'targetHours', 'resolved', 'met', 'breached', 'compliance', 'medianHours', 'p85Hours', 'open', 'openBreached', 'atRisk']),
  );
  const d = report.defects;
  for (const r of d.byPriority)
    lines.push(csvLine(['defects', r.priority, r.priorityId, r.targetHours, r.resolved, r.met, r.breached, r.compliance, r.medianHours, r.p85Hours, r.open, r.openBreached, r.atRisk]));
  const t = d.total;
  lines.push(csvLine(['defects-total', null, null, null, t.resolved, t.met, t.breached, t.compliance, t.medianHours, t.p85Hours, t.open, t.openBreached, t.atRisk]));
  lines.push('');
  lines.push(csvLine(['section', 'key', 'priority', 'priorityId', 'elapsedHours', 'targetHours', 'outcome']));
  for (const i of d.issues) lines.push(csvLine(['defect', i.key, i.priority, i.priorityId, i.elapsedHours, i.targetHours, i.outcome]));
  lines.push('');
  lines.push(csvLine(['section', 'boardId', 'openDefects', 'openNoSla', 'noSla']));
  for (const b of d.openPerBoard) lines.push(csvLine(['open-defects', b.boardId, b.open, b.openNoSla, null]));
  lines.push(csvLine(['no-sla', null, null, d.noSlaOpen, d.noSla]));
  lines.push('');
  const h = report.hygiene;
  lines.push(csvLine(['section', 'rule', 'severity', 'count', 'issues', 'scanned', 'violating', 'score']));
  for (const r of h.rules) lines.push(csvLine(['hygiene', r.id, r.severity, r.count, r.issues.join(' '), null, null, null]));
  lines.push(csvLine(['hygiene-total', null, null, null, null, h.scanned, h.violating, h.score]));
  lines.push('');
  const w = report.warnings;
  lines.push(csvLine(['section', 'warning', 'count', 'ids', 'issues']));
  lines.push(csvLine(['warning', 'invalidEstimates', w.invalidEstimates.count, null, w.invalidEstimates.issues.join(' ')]));
  lines.push(csvLine(['warning', 'deletedStatuses', w.deletedStatuses.count, w.deletedStatuses.statusIds.join(' '), w.deletedStatuses.issues.join(' ')]));
  lines.push(csvLine(['warning', 'unknownPriorities', w.unknownPriorities.count, w.unknownPriorities.priorityIds.join(' '), w.unknownPriorities.issues.join(' ')]));
  lines.push(csvLine(['warning', 'unmappedStatuses', w.unmappedStatuses.count, w.unmappedStatuses.statusIds.join(' '), w.unmappedStatuses.issues.join(' ')]));
  lines.push(csvLine(['warning', 'unresolvedConfigNames', w.unresolvedConfigNames.count, null, w.unresolvedConfigNames.names.join('; ')]));
  return `${lines.join('\n')}\n`;
}
