/** One checklist (DoR or DoD): its name, ready state, progress and items. */
import Heading from '@atlaskit/heading';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { ChecklistView, ReadinessPerson } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import type { ReadinessMessages } from '../../i18n-readiness';
import { useShell } from '../../shell';
import { ChecklistItemRow, type ItemChangeRequest } from './ChecklistItemRow';

interface Props {
  list: ChecklistView;
  people: Record<string, ReadinessPerson>;
  canEdit: boolean;
  pending: ReadonlySet<string>;
  t: ReadinessMessages;
  onChange(change: ItemChangeRequest): void;
}

export function ChecklistSection({ list, people, canEdit, pending, t, onChange }: Props) {
  const { lang } = useShell();
  const name = localized(list.name, lang);
  const headingId = `readiness-${list.kind}-heading`;
  return (
    <section aria-labelledby={headingId} data-testid={`checklist-${list.kind}`} style={{ display: 'flex', flexDirection: 'column', gap: token('space.075', '6px') }}>
      <Heading size="xsmall" as="h2" id={headingId}>
        {name}
      </Heading>
      <div
        data-testid={`${list.kind}-status`}
        data-ready={list.ready ? 'true' : 'false'}
        data-open-required={list.openRequired}
        style={{ fontWeight: 600, color: list.ready ? token('color.text.success', '#216E4E') : token('color.text.warning', '#A54800') }}
      >
        {list.ready ? t.ready : t.notReady(list.openRequired)}
      </div>
      <ProgressBar
        value={list.total === 0 ? 1 : list.complete / list.total}
        appearance={list.complete === list.total ? 'success' : 'default'}
        ariaLabel={t.progressLabel(name, list.complete, list.total)}
        testId={`${list.kind}-progress`}
      />
      <span style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F') }} data-testid={`${list.kind}-progress-text`}>
        {t.progress(list.complete, list.total)}
      </span>
      <ul style={{ margin: 0, padding: 0 }}>
        {list.items.map((item) => (
          <ChecklistItemRow key={item.id} list={list.kind} item={item} people={people} canEdit={canEdit} saving={pending.has(`${list.kind}:${item.id}`)} t={t} onChange={onChange} />
        ))}
      </ul>
    </section>
  );
}
