/**
 * One checklist item: a checkbox for items ticked by hand, the check's evidence for auto items,
 * "not applicable" with a reason, and who set it and when. Everything works from the keyboard:
 * Space ticks, the reason field saves with Enter and cancels with Escape, and focus comes back to
 * the button that opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Avatar from '@atlaskit/avatar';
import Button from '@atlaskit/button/default/button';
import Checkbox from '@atlaskit/checkbox';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { ChecklistItemView, ChecklistKind, ItemState, ReadinessPerson } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import type { ReadinessMessages } from '../../i18n-readiness';
import { useShell } from '../../shell';

export const REASON_MAX = 500;

export interface ItemChangeRequest {
  list: ChecklistKind;
  item: string;
  state: ItemState;
  reason?: string;
}

interface Props {
  list: ChecklistKind;
  item: ChecklistItemView;
  people: Record<string, ReadinessPerson>;
  canEdit: boolean;
  saving: boolean;
  t: ReadinessMessages;
  onChange(change: ItemChangeRequest): void;
}

const subtle = token('color.text.subtle', '#44546F');

export function Who({ accountId, at, people, t }: { accountId: string | null; at: string; people: Record<string, ReadinessPerson>; t: ReadinessMessages }) {
  const { fmt } = useShell();
  const person = accountId ? people[accountId] : undefined;
  const name = accountId === null ? t.theApp : (person?.displayName ?? t.unknownUser);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050', '4px'), color: subtle, fontSize: '12px' }}>
      {accountId !== null && <Avatar size="xsmall" name={name} {...(person?.avatarUrl ? { src: person.avatarUrl } : {})} />}
      <span>
        {name} · <time dateTime={at} title={fmt.dateTime(at)}>{fmt.relative(at)}</time>
      </span>
    </span>
  );
}

/** An item's state where it is not a control (an auto item, a read-only or not-applicable one), read out like one. */
function AutoMark({ state, text, t, testId, struck = false }: { state: ItemState; text: string; t: ReadinessMessages; testId: string; struck?: boolean }) {
  const done = state === 'done';
  return (
    <span data-testid={testId} style={{ display: 'inline-flex', alignItems: 'flex-start', gap: token('space.100', '8px'), padding: '2px 0' }}>
      <span
        role="img"
        aria-label={t.stateOf[state]}
        style={{
          flex: 'none',
          width: '14px',
          height: '14px',
          marginTop: '3px',
          borderRadius: '50%',
          boxSizing: 'border-box',
          border: `2px solid ${done ? token('color.icon.success', '#22A06B') : token('color.border.bold', '#758195')}`,
          background: done ? token('color.icon.success', '#22A06B') : 'transparent',
          color: token('color.text.inverse', '#FFFFFF'),
          fontSize: '9px',
          lineHeight: '10px',
          textAlign: 'center',
          fontWeight: 700,
        }}
      >
        {done ? '✓' : ''}
      </span>
      <span style={{ overflowWrap: 'anywhere', textDecoration: struck ? 'line-through' : undefined }}>{text}</span>
    </span>
  );
}

/** A tick imported from an earlier version, not verified: who it claims, and (for a reason) a way to confirm it. */
function ImportedClaim({ testId, item, text, people, canEdit, t, onConfirm }: { testId: string; item: ChecklistItemView; text: string; people: Record<string, ReadinessPerson>; canEdit: boolean; t: ReadinessMessages; onConfirm(reason: string): void }) {
  const { fmt } = useShell();
  const claim = item.imported;
  if (!claim) return null;
  const who = people[claim.by]?.displayName ?? t.unknownUser;
  return (
    <span data-testid={`${testId}-imported`} title={t.importedHint} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.050', '4px'), fontSize: '12px', color: token('color.text.warning', '#A54800') }}>
      <span style={{ overflowWrap: 'anywhere' }}>
        {t.importedClaim(who, claim.state, claim.reason)} · <time dateTime={claim.at} title={fmt.dateTime(claim.at)}>{fmt.relative(claim.at)}</time>
      </span>
      {canEdit && claim.state === 'notApplicable' && claim.reason && item.allowNotApplicable && (
        <Button spacing="compact" appearance="subtle" aria-label={t.confirmNotApplicableLabel(text)} testId={`${testId}-confirm-na`} onClick={() => onConfirm(claim.reason as string)}>
          {t.confirmNotApplicable}
        </Button>
      )}
    </span>
  );
}

export function ChecklistItemRow({ list, item, people, canEdit, saving, t, onChange }: Props) {
  const { lang } = useShell();
  const text = localized(item.text, lang);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const naButton = useRef<HTMLButtonElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const returnFocus = useRef(false);
  const reasonId = useId();
  const problemId = useId();

  useEffect(() => {
    if (editing) reasonField.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      naButton.current?.focus();
    }
  }, [editing]);
  // After a save, "Not applicable" becomes "Applies again" (or back): keep the keyboard focus on it.
  const hadFocus = useRef(false);
  useEffect(() => {
    if (hadFocus.current && document.activeElement !== naButton.current) naButton.current?.focus();
  }, [item.state]);

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
    setProblem(null);
  };
  const submitReason = () => {
    const r = reason.trim();
    if (r === '') return setProblem(t.reasonRequired);
    if (r.length > REASON_MAX) return setProblem(t.reasonTooLong(REASON_MAX));
    onChange({ list, item: item.id, state: 'notApplicable', reason: r });
    close();
  };

  const na = item.state === 'notApplicable';
  const testId = `item-${list}-${item.id}`;
  // Controls stay enabled while a save runs (changes are queued), so the keyboard focus stays put.
  const evidence = item.autoResult ? t.autoDetail(item.autoResult.detail, item.autoResult.passed) : null;

  const naToggle = canEdit && item.allowNotApplicable && !editing && (
    <Button
      ref={naButton}
      spacing="compact"
      appearance="subtle"
      onFocus={() => (hadFocus.current = true)}
      onBlur={() => (hadFocus.current = false)}
      aria-label={na ? t.applicableAgainLabel(text) : t.markNotApplicableLabel(text)}
      testId={`${testId}-${na ? 'applicable' : 'na'}`}
      onClick={() => {
        if (na) onChange({ list, item: item.id, state: 'open' });
        else {
          setReason('');
          setEditing(true);
        }
      }}
    >
      {na ? t.applicableAgain : t.markNotApplicable}
    </Button>
  );

  return (
    <li
      data-testid={testId}
      data-state={item.state}
      style={{ listStyle: 'none', padding: `${token('space.075', '6px')} 0`, borderTop: `1px solid ${token('color.border', '#DCDFE4')}`, display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}
    >
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: token('space.050', '4px'), flexWrap: 'wrap' }}>
        <div style={{ flex: '1 1 12rem', minWidth: 0, color: na ? subtle : undefined }}>
          {item.auto !== null && !na ? (
            <AutoMark state={item.state} text={text} t={t} testId={`${testId}-auto-mark`} />
          ) : !canEdit || na ? (
            // Read-only or not applicable: a mark, not a disabled checkbox (whose greyed label fails contrast).
            <AutoMark state={item.state} text={text} t={t} testId={`${testId}-mark`} struck={na} />
          ) : (
            <Checkbox
              label={<span style={{ textDecoration: na ? 'line-through' : undefined, overflowWrap: 'anywhere' }}>{text}</span>}
              isChecked={item.state === 'done'}
              onChange={(e) => onChange({ list, item: item.id, state: e.currentTarget.checked ? 'done' : 'open' })}
              testId={`${testId}-checkbox`}
            />
          )}
        </div>
        <div style={{ display: 'flex', gap: token('space.050', '4px'), alignItems: 'center', flexWrap: 'wrap', marginLeft: 'auto' }}>
          {saving && <Spinner size="small" label={t.saving} />}
          {item.auto !== null && (
            <span title={t.autoHint}>
              <Lozenge appearance="new">{t.auto}</Lozenge>
            </span>
          )}
          {!item.required && <Lozenge>{t.optional}</Lozenge>}
          {naToggle}
        </div>
      </div>

      <div style={{ paddingLeft: token('space.300', '24px'), display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}>
        {evidence && (
          <span data-testid={`${testId}-evidence`} style={{ fontSize: '12px', color: item.autoResult?.passed ? token('color.text.success', '#216E4E') : subtle }}>
            {evidence}
          </span>
        )}
        {na && item.reason && (
          <span data-testid={`${testId}-reason`} style={{ fontSize: '12px', overflowWrap: 'anywhere' }}>
            <strong>{t.notApplicable}:</strong> {item.reason}
          </span>
        )}
        {item.by !== null && item.at !== null && <Who accountId={item.by} at={item.at} people={people} t={t} />}
        {item.imported && <ImportedClaim testId={testId} item={item} text={text} people={people} canEdit={canEdit} t={t} onConfirm={(reason) => onChange({ list, item: item.id, state: 'notApplicable', reason })} />}
        {editing && (
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}>
            <label htmlFor={reasonId} style={{ fontSize: '12px', fontWeight: 600 }}>
              {t.reasonLabel}
            </label>
            <TextArea
              id={reasonId}
              ref={reasonField}
              value={reason}
              resize="vertical"
              minimumRows={2}
              maxHeight="8rem"
              placeholder={t.reasonPlaceholder}
              isInvalid={problem !== null}
              aria-describedby={problem ? problemId : undefined}
              testId={`${testId}-reason-input`}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setProblem(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  close();
                } else if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  submitReason();
                }
              }}
            />
            {problem && (
              <span id={problemId} role="alert" style={{ fontSize: '12px', color: token('color.text.danger', '#AE2E24') }}>
                {problem}
              </span>
            )}
            <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
              <Button appearance="primary" spacing="compact" onClick={submitReason} testId={`${testId}-reason-save`}>
                {t.save}
              </Button>
              <Button appearance="subtle" spacing="compact" onClick={close}>
                {t.cancel}
              </Button>
            </div>
          </div>
        )}
      </div>
    </li>
  );
}
