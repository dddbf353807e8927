/**
 * The UI's only way to the backend: one typed function per resolver. `invoke` answers either the
 * resolver's value or `{body, metadata}`, and may reject; every outcome becomes an envelope here,
 * so components only ever branch on `ok`.
 */
import { invoke } from '@forge/bridge';
import type { Envelope, HygieneFixPayload, ReadinessUpdatePayload, ResolverTypes } from '../../src/shared/protocol';
import { reportUnlicensed } from './license';

type Key = keyof ResolverTypes;

function isEnvelope(x: unknown): x is Envelope<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  const v = x as { ok: unknown; data?: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/** `invoke` resolves to `T` or, when metadata was asked for, to `{body: T, metadata}`. */
function unwrap(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && 'body' in raw && 'metadata' in raw) return (raw as { body: unknown }).body;
  return raw;
}

async function call<K extends Key>(key: K, payload: ResolverTypes[K]['payload']): Promise<Envelope<ResolverTypes[K]['data']>> {
  let raw: unknown;
  try {
    raw = await invoke(key, payload as Record<string, unknown>);
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
  }
  const body = unwrap(raw);
  if (!isEnvelope(body)) return { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from ${key}.` } };
  // The server refused for the license: the page shell shows why, whatever the surface does with the error.
  if (!body.ok && body.error.code === 'UNLICENSED') reportUnlicensed();
  return body as Envelope<ResolverTypes[K]['data']>;
}

export const api = {
  gadgetContext: () => call('gadget/context', {}),
  boards: (query: string, include: number[] = []) => call('boards/list', { query, include }),
  convergence: (refresh = false) => call('convergence/report', { refresh }),
  issueSummaries: (keys: string[]) => call('issues/summaries', { keys }),
  // Ownership panel, ownership matrix and governance settings
  ownership: () => call('ownership/issue', {}),
  ownershipMatrix: (refresh = false) => call('ownership/matrix', { refresh }),
  settings: () => call('settings/load', {}),
  validateSettings: (config: unknown) => call('settings/validate', { config }),
  saveSettings: (config: unknown, expectedVersion: number | null) => call('settings/save', { config, expectedVersion }),
  importSettings: (json: string, expectedVersion: number | null) => call('settings/import', { json, expectedVersion }),
  exportSettings: () => call('settings/export', {}),
  siteValues: () => call('settings/site-values', {}),
  fieldValues: (fieldId: string) => call('settings/field-values', { fieldId }),
  matchCounts: (config: unknown, refresh = false) => call('settings/match-counts', { config, refresh }),
  searchPeople: (query: string) => call('settings/users', { query }),
  people: (accountIds: string[]) => call('settings/people', { accountIds }),
  readiness: () => call('readiness/get', {}),
  updateReadiness: (payload: ReadinessUpdatePayload) => call('readiness/update', payload),
  // Hygiene panel, Governance project page, Defect SLA and Jira hygiene gadgets
  issueHygiene: () => call('hygiene/issue', {}),
  hygieneFix: (payload: HygieneFixPayload) => call('hygiene/fix', payload),
  // The issue's context summary
  issueContext: () => call('issue/context', {}),
  governanceContext: () => call('governance/context', {}),
  governanceReport: (payload: { periodDays?: number; refresh?: boolean } = {}) => call('governance/report', payload),
  projectReadiness: () => call('project/readiness', {}),
  projectConvergence: (refresh = false) => call('project/convergence', { refresh }),
  // The Data sync tab of the governance settings (Jira administrators)
  syncHealth: () => call('sync/health', {}),
  resyncBoard: (boardId: number) => call('sync/resync', { boardId }),
  syncBehind: () => call('sync/behind', {}),
  addBoards: (boardIds: number[]) => call('sync/add', { boardIds }),
  forgetBoard: (boardId: number) => call('sync/forget', { boardId }),
  // Whether the install's license is active (the settings page's notice)
  licenseStatus: () => call('license/status', {}),
};
