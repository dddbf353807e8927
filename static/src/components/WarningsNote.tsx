/**
 * What the figures could not read as Jira meant (a negative estimate, a status the site no longer
 * has, a priority without an SLA target…), said under the figures instead of guessed silently.
 * Each line opens the issues it is about.
 */
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ReportWarnings } from '../../../src/shared/protocol';
import { useShell } from '../shell';
import type { DrillTarget } from './DrillDown';

type IssueWarning = 'invalidEstimates' | 'deletedStatuses' | 'unknownPriorities' | 'unmappedStatuses';
const ISSUE_WARNINGS: readonly IssueWarning[] = ['invalidEstimates', 'deletedStatuses', 'unknownPriorities', 'unmappedStatuses'];

export function hasWarnings(w: ReportWarnings | null | undefined): w is ReportWarnings {
  return !!w && (ISSUE_WARNINGS.some((k) => w[k].count > 0) || w.unresolvedConfigNames.count > 0);
}

export function WarningsNote({ warnings, onOpen }: { warnings: ReportWarnings | null | undefined; onOpen: (target: DrillTarget, from: HTMLElement) => void }) {
  const { t } = useShell();
  if (!hasWarnings(warnings)) return null;
  const lines = ISSUE_WARNINGS.filter((k) => warnings[k].count > 0);
  return (
    <div style={{ padding: `${token('space.100', '8px')} 0` }} data-testid="report-warnings">
      <SectionMessage appearance="warning" title={t.warningsTitle}>
        <ul style={{ margin: 0, paddingLeft: token('space.250', '20px') }}>
          {lines.map((k) => (
            <li key={k} data-warning={k}>
              {t.warnings[k](warnings[k].count)}{' '}
              <button type="button" className="gv-link" onClick={(e) => onOpen({ title: t.warnings[k](warnings[k].count), keys: warnings[k].issues }, e.currentTarget)} style={{ padding: 0 }}>
                {t.warningsShow}
              </button>
            </li>
          ))}
          {warnings.unresolvedConfigNames.count > 0 && <li data-warning="unresolvedConfigNames">{t.warnings.unresolvedConfigNames(warnings.unresolvedConfigNames.count)}</li>}
        </ul>
      </SectionMessage>
    </div>
  );
}
