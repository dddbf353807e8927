/**
 * Hygiene of the team's boards: the score against the previous week, the rules by count with their
 * fixes, and the offending issues grouped by rule or by assignee, filterable and exportable as CSV.
 */
import { useMemo, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { HygieneData, HygieneIssueRow, HygieneRuleId } from '../../../../src/shared/protocol';
import { toCsv, downloadCsv } from './csv';
import { Figure, Figures, IssueLink, Section, SeverityLozenge, subtle, subtlest, useGov, border } from './common';

type Group = 'rule' | 'assignee';

export function ScoreFigures({ data }: { data: HygieneData }) {
  const { g, lang, fmt } = useGov();
  const { score } = data;
  const delta = score.score !== null && score.before !== null ? score.score - score.before : null;
  const deltaText = delta === null ? null : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${fmt.decimal(Math.abs(delta) * 100)} ${lang === 'ru' ? 'п. п.' : 'pp'}`;
  const colour = delta === null || Math.abs(delta) < 0.0005 ? subtle : delta > 0 ? token('color.text.success', '#216E4E') : token('color.text.danger', '#AE2E24');
  return (
    <Figures>
      <Figure testId="hygiene-score" label={g.score} value={fmt.percent(score.score) ?? '—'} note={g.scanned(score.scanned, score.violating)}>
        {deltaText && (
          <div data-testid="hygiene-delta" style={{ fontSize: '12px', fontWeight: 600, color: colour, marginTop: token('space.050', '4px') }}>
            {g.change(deltaText)}
          </div>
        )}
      </Figure>
      <Figure testId="hygiene-before" label={g.previousWeek} value={fmt.percent(score.before) ?? '—'} note={g.scanned(score.scannedBefore, score.violatingBefore)} colour={subtle} />
    </Figures>
  );
}

export function RulesTable({ data, onSelect, compact = false }: { data: HygieneData; onSelect?: (id: HygieneRuleId) => void; compact?: boolean }) {
  const { g, lang } = useGov();
  const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${border}`, textAlign: 'left' as const, verticalAlign: 'top' as const };
  const head = { ...cell, fontWeight: 600, color: subtle, fontSize: '12px' };
  const rules = compact ? data.rules.filter((r) => r.count > 0).slice(0, 5) : data.rules;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="rules-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px' }}>
        <thead>
          <tr>
            <th style={head}>{g.ruleColumn}</th>
            <th style={head}>{g.severityColumn}</th>
            <th style={{ ...head, textAlign: 'right' }}>{g.countColumn}</th>
            {!compact && <th style={head}>{g.fixColumn}</th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-testid="rule-row" data-rule={r.id} data-count={r.count}>
              <td style={{ ...cell, fontWeight: 600, color: token('color.text', '#172B4D') }}>{g.rule[r.id]}</td>
              <td style={cell}>
                <SeverityLozenge severity={r.severity} />
              </td>
              <td style={{ ...cell, textAlign: 'right' }}>
                {r.count > 0 && onSelect ? (
                  <button type="button" aria-label={g.showIssues(g.rule[r.id], r.count)} onClick={() => onSelect(r.id)} style={{ background: 'none', border: 'none', padding: 0, cursor: 'pointer', color: token('color.link', '#0C66E4'), font: 'inherit', textDecoration: 'underline' }}>
                    {r.count}
                  </button>
                ) : (
                  <span style={{ color: r.count === 0 ? subtlest : undefined }}>{r.count}</span>
                )}
              </td>
              {!compact && <td style={{ ...cell, color: subtle, fontSize: '13px' }}>{r.fix[lang]}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function matches(issue: HygieneIssueRow, text: string): boolean {
  if (text === '') return true;
  const q = text.toLowerCase();
  return issue.key.toLowerCase().includes(q) || (issue.summary ?? '').toLowerCase().includes(q) || (issue.assigneeName ?? '').toLowerCase().includes(q);
}

function OffendingIssues({ data, rule, setRule }: { data: HygieneData; rule: HygieneRuleId | null; setRule: (r: HygieneRuleId | null) => void }) {
  const { g } = useGov();
  const [group, setGroup] = useState<Group>('rule');
  const [text, setText] = useState('');
  const filtered = useMemo(() => data.issues.filter((i) => matches(i, text.trim()) && (rule === null || i.rules.includes(rule))), [data.issues, text, rule]);
  const groups = useMemo(() => {
    const out = new Map<string, { title: string; issues: HygieneIssueRow[] }>();
    if (group === 'rule') {
      for (const r of data.rules) {
        if (rule !== null && r.id !== rule) continue;
        const issues = filtered.filter((i) => i.rules.includes(r.id));
        if (issues.length > 0) out.set(r.id, { title: g.rule[r.id], issues });
      }
    } else {
      for (const i of filtered) {
        const k = i.assignee ?? '';
        const entry = out.get(k) ?? { title: i.assigneeName ?? (i.assignee ? i.assignee : g.unassigned), issues: [] };
        entry.issues.push(i);
        out.set(k, entry);
      }
    }
    return [...out.entries()].sort((a, b) => (group === 'assignee' ? b[1].issues.length - a[1].issues.length || a[1].title.localeCompare(b[1].title) : 0));
  }, [filtered, group, data.rules, rule, g]);

  const exportCsv = () => {
    const header = [g.issueColumn, g.summaryColumn, g.assigneeColumn, g.rulesColumn, 'URL'];
    const lines = filtered.map((i) => [i.key, i.summary, i.assigneeName ?? (i.assignee ? i.assignee : g.unassigned), i.rules.map((r) => g.rule[r]).join('; '), `/browse/${i.key}`]);
    downloadCsv('hygiene.csv', toCsv([header, ...lines]));
  };

  const ruleOptions = [{ label: g.ruleFilterAll, value: '' }, ...data.rules.filter((r) => r.count > 0).map((r) => ({ label: `${g.rule[r.id]} (${r.count})`, value: r.id }))];
  const head = {
    cells: [
      { key: 'key', content: g.issueColumn, width: 12 },
      { key: 'summary', content: g.summaryColumn, width: 44 },
      { key: 'assignee', content: g.assigneeColumn, width: 16 },
      { key: 'rules', content: g.rulesColumn, width: 28 },
    ],
  };
  return (
    <Section
      title={g.offending}
      testId="offending"
      actions={
        <Button onClick={exportCsv} testId="export-csv" isDisabled={filtered.length === 0}>
          {g.exportCsv}
        </Button>
      }
    >
      <div style={{ display: 'flex', gap: token('space.100', '8px'), flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <div style={{ flex: '1 1 220px' }}>
          <label htmlFor="hygiene-filter" style={{ fontSize: '12px', color: subtle, fontWeight: 600 }}>
            {g.filterLabel}
          </label>
          <Textfield id="hygiene-filter" value={text} placeholder={g.filterPlaceholder} onChange={(e) => setText(e.currentTarget.value)} testId="hygiene-filter" />
        </div>
        <div style={{ flex: '1 1 220px' }}>
          <label htmlFor="hygiene-rule" style={{ fontSize: '12px', color: subtle, fontWeight: 600 }}>
            {g.ruleColumn}
          </label>
          <Select
            inputId="hygiene-rule"
            options={ruleOptions}
            value={ruleOptions.find((o) => o.value === (rule ?? '')) ?? ruleOptions[0]}
            onChange={(o) => setRule(o && o.value !== '' ? (o.value as HygieneRuleId) : null)}
            testId="hygiene-rule"
          />
        </div>
        <div role="group" aria-label={g.groupBy} style={{ display: 'flex', gap: token('space.050', '4px'), alignItems: 'center' }}>
          <span style={{ fontSize: '12px', color: subtle, fontWeight: 600 }}>{g.groupBy}:</span>
          <Button isSelected={group === 'rule'} onClick={() => setGroup('rule')} testId="group-rule">
            {g.groupByRule}
          </Button>
          <Button isSelected={group === 'assignee'} onClick={() => setGroup('assignee')} testId="group-assignee">
            {g.groupByAssignee}
          </Button>
        </div>
      </div>
      {data.issues.length === 0 ? (
        <p data-testid="no-offending">{g.noOffending}</p>
      ) : filtered.length === 0 ? (
        <p>{g.noMatch}</p>
      ) : (
        groups.map(([k, grp]) => (
          <div key={k} data-testid="issue-group" data-group={k}>
            <h4 style={{ margin: `${token('space.150', '12px')} 0 ${token('space.050', '4px')}`, fontSize: '14px', color: token('color.text', '#172B4D') }}>
              {grp.title} <Lozenge>{grp.issues.length}</Lozenge>
            </h4>
            <DynamicTable
              head={head}
              rowsPerPage={10}
              defaultPage={1}
              rows={grp.issues.map((i) => ({
                key: `${k}-${i.key}`,
                cells: [
                  { key: 'key', content: <IssueLink issueKey={i.key} /> },
                  { key: 'summary', content: i.summary ?? '' },
                  { key: 'assignee', content: i.assigneeName ?? <span style={{ color: subtlest }}>{g.unassigned}</span> },
                  { key: 'rules', content: i.rules.map((r) => g.rule[r]).join(', ') },
                ],
              }))}
            />
          </div>
        ))
      )}
      {data.issuesTotal > data.issues.length && <p style={{ fontSize: '12px', color: subtlest }}>{g.shownOf(data.issues.length, data.issuesTotal)}</p>}
    </Section>
  );
}

export function HygieneTab({ data }: { data: HygieneData }) {
  const { g } = useGov();
  const [rule, setRule] = useState<HygieneRuleId | null>(null);
  return (
    <div data-testid="hygiene-tab" style={{ display: 'flex', flexDirection: 'column', gap: token('space.300', '24px') }}>
      <ScoreFigures data={data} />
      <Section title={g.rulesByCount} testId="rules-by-count">
        <RulesTable data={data} onSelect={setRule} />
      </Section>
      <OffendingIssues data={data} rule={rule} setRule={setRule} />
    </div>
  );
}
