/** A Jira user: avatar, name and a link to their profile; or why there is nobody to show. */
import Avatar from '@atlaskit/avatar';
import { token } from '@atlaskit/tokens';
import type { PersonView } from '../../../../src/shared/protocol';
import { openProfile } from '../../bridge';
import { ownershipMessages } from '../../i18n-ownership';
import { useShell } from '../../shell';
import { httpUrl, siteBase } from '../../../../src/shared/safe-url';

export function profilePath(accountId: string): string {
  return `/jira/people/${encodeURIComponent(accountId)}`;
}

export function Person({ person, size = 'medium', testId }: { person: PersonView | null; size?: 'small' | 'medium'; testId?: string }) {
  const { lang, context } = useShell();
  const m = ownershipMessages(lang);
  if (!person) {
    return (
      <span data-testid={testId} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100', '8px'), color: token('color.text.warning', '#A54800') }}>
        <Avatar size={size} appearance="circle" />
        <span style={{ fontStyle: 'italic' }}>{m.notAssigned}</span>
      </span>
    );
  }
  const name = person.displayName ?? m.unknownUser;
  const href = `${siteBase(context.siteUrl)}${profilePath(person.accountId)}`;
  const avatar = httpUrl(person.avatarUrl);
  return (
    <span data-testid={testId} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100', '8px'), minWidth: 0 }}>
      <Avatar size={size} appearance="circle" name={name} {...(avatar ? { src: avatar } : {})} />
      <a
        href={href}
        title={m.openProfile(name)}
        onClick={(e) => {
          e.preventDefault();
          openProfile(person.accountId);
        }}
        style={{ color: token('color.link', '#0C66E4'), fontWeight: 500, overflowWrap: 'anywhere' }}
      >
        {name}
      </a>
      {person.active === false && <span style={{ color: token('color.text.subtlest', '#626F86'), font: token('font.body.small', '11px') }}>({m.deactivated})</span>}
    </span>
  );
}
