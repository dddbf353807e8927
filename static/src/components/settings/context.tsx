/** What every part of the settings page shares: the draft, its problems, and what the site offers. */
import { createContext, useContext } from 'react';
import type { ConfigProblem, FieldValuesData, Freshness, GovernanceConfig, HygieneRuleId, MatchCountsData, PersonView, ResolverError, Severity, SiteValues } from '../../../../src/shared/protocol';
import type { Lang } from '../../i18n';
import type { OwnershipMessages } from '../../i18n-ownership';
import type { Path } from './draft';

export type CountsState =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'loading' }
  | { kind: 'ready'; data: Extract<MatchCountsData, { status: 'ok' }> }
  /** No board has had its first sync yet: the counts come after it. */
  | { kind: 'pending'; freshness: Freshness }
  | { kind: 'error'; error: ResolverError };

export interface SettingsCtx {
  lang: Lang;
  m: OwnershipMessages;
  draft: GovernanceConfig;
  /** Writes a value at a path of the draft (validated as you type). */
  set(path: Path, value: unknown): void;
  update(change: (draft: GovernanceConfig) => GovernanceConfig): void;
  problems: ConfigProblem[];
  /** The site's projects, components, labels… for the pickers; null while loading. */
  site: SiteValues | null;
  /** People known by account id (owners already chosen, search results). */
  people: ReadonlyMap<string, PersonView>;
  rememberPeople(people: readonly PersonView[]): void;
  /** Values of a custom field on recent issues, loaded on first use. */
  fieldValues(fieldId: string): FieldValuesData | null;
  counts: CountsState;
  /** Counts the draft again without hiding the counts shown; with `refresh`, also asks for a sync of the boards. */
  recount(refresh: boolean): void;
  /** The saved configuration (what "unsaved" compares with; saved keys never follow a renamed name). */
  baseline: GovernanceConfig;
  defaults: GovernanceConfig;
  /** The governance model's bank example, as the server gave it ("Load the bank example"). */
  example: GovernanceConfig;
  hygieneRules: readonly { id: HygieneRuleId; severity: Severity }[];
}

export const SettingsContext = createContext<SettingsCtx | null>(null);

export function useSettings(): SettingsCtx {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings outside the settings page');
  return s;
}
