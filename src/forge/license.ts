/**
 * The app's Marketplace license, judged on the server from what Forge itself puts in the
 * invocation (`context.license` for a resolver, `getAppContext().license` for a function): never
 * from a payload or anything the UI says. A resolver's `context.license` is the platform's:
 * @forge/resolver sets it from the invocation's runtime payload, over whatever context the UI sent.
 *
 * Forge sends a license only for production installs of a paid app (`app.licensing.enabled`);
 * free apps and development or staging installs get none, unless installed with
 * `forge install --license active|inactive` (docs/forge.md, "Licensing"). So:
 * - no license: the app works in full (a development, staging or free install);
 * - a license that says it is active: in full;
 * - any other license (inactive, or one that does not say it is active): not active. Then every
 *   resolver answers UNLICENSED and does nothing, except those that let a Jira administrator reach
 *   the settings and take the configuration away (`READABLE_WHEN_UNLICENSED`), each still behind
 *   its own administrator check.
 */
import { LICENSE_INACTIVE_MESSAGE, type LicenseState } from '../shared/license-protocol';
import { LICENSE_RESOLVER } from '../shared/license-protocol';
import { OWNERSHIP_RESOLVER } from '../shared/ownership-protocol';
import { SYNC_HEALTH_RESOLVER } from '../shared/sync-health-protocol';
import { AppError } from './envelope';

/**
 * The license object as Forge sends it. Resolvers receive `isActive`; the runtime's type also
 * names `active` (what the UI's context carries): either one may say it. A field present and not
 * `true` wins over the other, so a license never counts as active on the word of one field while
 * the other says it is not.
 */
export function licenseState(license: unknown): LicenseState {
  if (license === undefined || license === null) return 'none';
  if (typeof license !== 'object') return 'inactive';
  const { isActive, active } = license as { isActive?: unknown; active?: unknown };
  if (isActive === undefined && active === undefined) return 'inactive';
  const says = [isActive, active].filter((v) => v !== undefined);
  return says.every((v) => v === true) ? 'active' : 'inactive';
}

/**
 * What an install without an active license may still call: whether it is licensed, and the
 * administrator's reading of the settings (load, check a draft, the pickers' values, export) and of
 * the Data sync tab. None of them writes the configuration, a checklist, an issue or the store's
 * figures, and none asks for a sync.
 */
export const READABLE_WHEN_UNLICENSED: ReadonlySet<string> = new Set<string>([
  LICENSE_RESOLVER.licenseStatus,
  OWNERSHIP_RESOLVER.settingsLoad,
  OWNERSHIP_RESOLVER.settingsValidate,
  OWNERSHIP_RESOLVER.settingsExport,
  OWNERSHIP_RESOLVER.settingsSiteValues,
  OWNERSHIP_RESOLVER.settingsFieldValues,
  OWNERSHIP_RESOLVER.settingsUsers,
  OWNERSHIP_RESOLVER.settingsPeople,
  SYNC_HEALTH_RESOLVER.syncHealth,
]);

/** Raises UNLICENSED, before anything is read or written, when this call needs an active license. */
export function requireLicense(functionKey: string, license: unknown): void {
  if (licenseState(license) === 'inactive' && !READABLE_WHEN_UNLICENSED.has(functionKey)) throw new AppError('UNLICENSED', LICENSE_INACTIVE_MESSAGE);
}
