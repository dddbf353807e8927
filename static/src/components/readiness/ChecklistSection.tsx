/**
 * One checklist (DoR or DoD): its name, what it says given where the work is (naming the required
 * items still open), progress and items. A list that does not decide anything now — the DoD before
 * work starts, either list once the issue is done — shows its headline and progress on one line,
 * with its items a click away.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { checklistVerdict, expandedAtFirst } from '../../../../src/domain/checklists/verdict';
import type { ChecklistView, ReadinessPerson, WorkStage } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import { issueMessages } from '../../i18n-issue';
import type { ReadinessMessages } from '../../i18n-readiness';
import { useShell } from '../../shell';
import { verdictColor } from '../issue/IssueSummary';
import { ChecklistItemRow, type ItemChangeRequest } from './ChecklistItemRow';

interface Props {
  list: ChecklistView;
  stage: WorkStage;
  people: Record<string, ReadinessPerson>;
  canEdit: boolean;
  pending: ReadonlySet<string>;
  t: ReadinessMessages;
  onChange(change: ItemChangeRequest): void;
}

export function ChecklistSection({ list, stage, people, canEdit, pending, t, onChange }: Props) {
  const { lang } = useShell();
  const m = issueMessages(lang);
  const name = localized(list.name, lang);
  const headingId = `readiness-${list.kind}-heading`;
  const itemsId = useId();
  const verdict = checklistVerdict(list.kind, stage, list);
  const [open, setOpen] = useState(expandedAtFirst(verdict));
  return (
    <section aria-labelledby={headingId} data-testid={`checklist-${list.kind}`} data-expanded={open ? 'true' : 'false'} style={{ display: 'flex', flexDirection: 'column', gap: token('space.075', '6px') }}>
      <Heading size="xsmall" as="h2" id={headingId}>
        {name}
      </Heading>
      <div
        data-testid={`${list.kind}-status`}
        data-ready={list.ready ? 'true' : 'false'}
        data-open-required={list.openRequired}
        data-verdict={verdict.verdict}
        style={{ fontWeight: 600, color: verdictColor(verdict), overflowWrap: 'anywhere' }}
      >
        {m.verdict(verdict, list.complete, list.total)}
      </div>
      {verdict.verdict === 'doneLeftOpen' && (
        <div data-testid={`${list.kind}-left-open`} style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F'), overflowWrap: 'anywhere' }}>
          {m.leftOpen(verdict)}
        </div>
      )}
      <ProgressBar
        value={list.total === 0 ? 1 : list.complete / list.total}
        appearance={list.complete === list.total ? 'success' : 'default'}
        ariaLabel={t.progressLabel(name, list.complete, list.total)}
        testId={`${list.kind}-progress`}
      />
      <span style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F') }} data-testid={`${list.kind}-progress-text`}>
        {t.progress(list.complete, list.total)}
      </span>
      {!expandedAtFirst(verdict) && (
        <div>
          <Button spacing="compact" appearance="subtle" aria-expanded={open} aria-controls={itemsId} testId={`${list.kind}-toggle`} onClick={() => setOpen((o) => !o)}>
            {open ? m.hideItems : m.showItems(list.total)}
          </Button>
        </div>
      )}
      {open && (
        <ul id={itemsId} style={{ margin: 0, padding: 0 }}>
          {list.items.map((item) => (
            <ChecklistItemRow key={item.id} list={list.kind} item={item} people={people} canEdit={canEdit} saving={pending.has(`${list.kind}:${item.id}`)} t={t} onChange={onChange} />
          ))}
        </ul>
      )}
    </section>
  );
}
