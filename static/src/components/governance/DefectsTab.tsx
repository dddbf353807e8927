/**
 * Defect SLA of the team's boards (docs/metrics.md, "Defects and SLA"): compliance by priority, open breaches and
 * defects at risk sorted by time left, median and 85th-percentile time to close, and open bugs per
 * team against the fewer-than-one target.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { DefectData } from '../../../../src/shared/protocol';
import { reconcileOpen } from './defect-totals';
import { border, duration, Figure, Figures, IssueLink, Section, subtle, subtlest, useGov } from './common';

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${border}`, textAlign: 'right' as const };
const head = { ...cell, fontWeight: 600, color: subtle, fontSize: '12px', verticalAlign: 'bottom' as const };
const left = { textAlign: 'left' as const };

export function complianceColour(c: number | null): string {
  if (c === null) return subtle;
  return c >= 0.95 ? token('color.text.success', '#216E4E') : c >= 0.8 ? token('color.text.warning', '#A54800') : token('color.text.danger', '#AE2E24');
}

export function DefectFigures({ data }: { data: DefectData }) {
  const { g, fmt } = useGov();
  const h = (x: number | null) => (x === null ? '—' : duration(x, g, fmt));
  return (
    <Figures>
      <Figure testId="defect-compliance" label={g.compliance} value={fmt.percent(data.total.compliance) ?? '—'} note={g.complianceHelp(data.total.resolved)} colour={complianceColour(data.total.compliance)} />
      <Figure testId="defect-open-breached" label={g.openBreached} value={String(data.total.openBreached)} colour={data.total.openBreached > 0 ? token('color.text.danger', '#AE2E24') : undefined} note={`${g.open}: ${data.total.open}`} />
      <Figure testId="defect-at-risk" label={g.atRisk} value={String(data.total.atRisk)} colour={data.total.atRisk > 0 ? token('color.text.warning', '#A54800') : undefined} />
      <Figure testId="defect-median" label={g.median} value={h(data.total.medianHours)} note={`${g.p85}: ${h(data.total.p85Hours)}`} />
    </Figures>
  );
}

export function PriorityTable({ data }: { data: DefectData }) {
  const { g, fmt } = useGov();
  const { defaultTarget } = reconcileOpen(data);
  const h = (x: number | null) => (x === null ? '—' : duration(x, g, fmt));
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="priority-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px' }}>
        <thead>
          <tr>
            <th style={{ ...head, ...left }}>{g.priority}</th>
            <th style={head}>{g.target}</th>
            <th style={head}>{g.resolved}</th>
            <th style={head}>{g.compliance}</th>
            <th style={head}>{g.median}</th>
            <th style={head}>{g.p85}</th>
            <th style={head}>{g.open}</th>
            <th style={head}>{g.openBreached}</th>
            <th style={head}>{g.atRisk}</th>
          </tr>
        </thead>
        <tbody>
          {data.byPriority.map((p) => (
            <tr key={p.priority} data-testid="priority-row" data-priority={p.priority}>
              <td style={{ ...cell, ...left, fontWeight: 600 }}>{p.priority}</td>
              <td style={cell}>{duration(p.targetHours, g, fmt)}</td>
              <td style={cell}>{p.resolved}</td>
              <td style={{ ...cell, color: complianceColour(p.compliance), fontWeight: 600 }}>{fmt.percent(p.compliance) ?? '—'}</td>
              <td style={cell}>{h(p.medianHours)}</td>
              <td style={cell}>{h(p.p85Hours)}</td>
              <td style={cell}>{p.open}</td>
              <td style={{ ...cell, color: p.openBreached > 0 ? token('color.text.danger', '#AE2E24') : undefined }}>{p.openBreached}</td>
              <td style={{ ...cell, color: p.atRisk > 0 ? token('color.text.warning', '#A54800') : undefined }}>{p.atRisk}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.noSla > 0 && <p style={{ fontSize: '12px', color: subtlest }}>{g.noSla(data.noSla)}</p>}
      {defaultTarget > 0 && (
        <p data-testid="priority-default-open" style={{ fontSize: '12px', color: subtlest }}>
          {g.defaultRowsOpen(defaultTarget)}
        </p>
      )}
    </div>
  );
}

export function AttentionList({ data, limit }: { data: DefectData; limit?: number }) {
  const { g, fmt } = useGov();
  const rows = limit ? data.attention.slice(0, limit) : data.attention;
  if (rows.length === 0) return <p data-testid="attention-empty">{g.attentionEmpty}</p>;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="attention-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px' }}>
        <thead>
          <tr>
            <th style={{ ...head, ...left }}>{g.issueColumn}</th>
            <th style={{ ...head, ...left }}>{g.summaryColumn}</th>
            <th style={{ ...head, ...left }}>{g.priority}</th>
            <th style={head}>{g.timeLeft}</th>
            <th style={head}>{g.elapsed}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.key} data-testid="attention-row" data-outcome={d.outcome} data-hours-left={d.hoursLeft}>
              <td style={{ ...cell, ...left }}>
                <IssueLink issueKey={d.key} />
              </td>
              <td style={{ ...cell, ...left }}>{d.summary ?? ''}</td>
              <td style={{ ...cell, ...left }}>{d.priority ?? '—'}</td>
              <td style={cell}>
                <Lozenge appearance={d.outcome === 'breached' ? 'removed' : 'moved'}>{d.hoursLeft < 0 ? g.overdueBy(duration(d.hoursLeft, g, fmt)) : g.left(duration(d.hoursLeft, g, fmt))}</Lozenge>
              </td>
              <td style={{ ...cell, color: subtle }}>
                {duration(d.elapsedHours, g, fmt)} / {d.targetHours === null ? '—' : duration(d.targetHours, g, fmt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {limit && data.attention.length > limit && <p style={{ fontSize: '12px', color: subtlest }}>{g.shownOf(limit, data.attention.length)}</p>}
    </div>
  );
}

export function PerTeam({ data }: { data: DefectData }) {
  const { g, fmt } = useGov();
  const target = data.openPerBoard[0]?.target ?? 1;
  const r = reconcileOpen(data);
  return (
    <div>
      <p style={{ margin: 0, fontSize: '12px', color: subtle }}>{g.perTeamTarget(fmt.decimal(target))}</p>
      <p style={{ margin: 0, fontSize: '12px', color: subtle }}>{g.perTeamCounts}</p>
      <p data-testid="per-team-reconcile" data-adds-up={r.rows === r.total} style={{ margin: 0, fontSize: '12px', color: subtle }}>
        {r.rows === r.total ? g.rowsAddUp(r.total) : g.rowsDiffer(r.rows, r.total, r.noTarget, r.repeated)}
      </p>
      <table data-testid="per-team-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px' }}>
        <thead>
          <tr>
            <th style={{ ...head, ...left }}>{g.board}</th>
            <th style={head}>{g.open}</th>
            <th style={head}>{g.againstTarget}</th>
          </tr>
        </thead>
        <tbody>
          {data.openPerBoard.map((b) => (
            <tr key={b.boardId} data-testid="per-team-row" data-open={b.open}>
              <td style={{ ...cell, ...left }}>{b.name}</td>
              <td style={{ ...cell, fontWeight: 600 }}>
                {b.open}
                {b.openNoSla > 0 && (
                  <div style={{ fontSize: '12px', fontWeight: 400, color: subtle }} data-testid="open-no-sla">
                    {g.openNoSla(b.openNoSla)}
                  </div>
                )}
              </td>
              <td style={cell}>
                <Lozenge appearance={b.withinTarget ? 'success' : 'removed'}>{b.withinTarget ? g.withinTarget : g.overTarget}</Lozenge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DefectsTab({ data }: { data: DefectData }) {
  const { g } = useGov();
  return (
    <div data-testid="defects-tab" style={{ display: 'flex', flexDirection: 'column', gap: token('space.300', '24px') }}>
      <DefectFigures data={data} />
      <Section title={g.byPriority} testId="by-priority">
        <PriorityTable data={data} />
      </Section>
      <Section title={g.attention} testId="attention">
        <AttentionList data={data} />
      </Section>
      <Section title={g.perTeam} testId="per-team">
        <PerTeam data={data} />
      </Section>
    </div>
  );
}
