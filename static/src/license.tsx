/**
 * What a surface shows while the app's license is not active. The server decides
 * (src/forge/license.ts): a call it refuses answers UNLICENSED, and `api.ts` reports that here;
 * the page shell then shows the notice in place of the surface. The settings page asks
 * `license/status` itself and keeps its (read-only) content under the notice. Nothing here reads
 * the license from the UI's own context, which a page could alter.
 */
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { LICENSE_INACTIVE } from '../../src/shared/license-protocol';
import type { Lang } from './i18n';

type Listener = () => void;
const listeners = new Set<Listener>();
let refused = false;

/** A call was refused for the license (api.ts). */
export function reportUnlicensed(): void {
  if (refused) return;
  refused = true;
  for (const l of listeners) l();
}

/** Whether a call of this page was refused for the license; `onChange` hears the first refusal. */
export function unlicensedNow(): boolean {
  return refused;
}

export function onUnlicensed(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The notice; `admin` adds what the settings page still offers. */
export function LicenseNotice({ lang, admin = false }: { lang: Lang; admin?: boolean }) {
  const m = LICENSE_INACTIVE[lang];
  return (
    <div style={{ padding: token('space.100', '8px') }} data-testid="license-inactive">
      <SectionMessage appearance="warning" title={m.title}>
        <p>{m.body}</p>
        {admin && <p>{m.admin}</p>}
      </SectionMessage>
    </div>
  );
}
