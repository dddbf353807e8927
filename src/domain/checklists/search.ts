/**
 * The JQL names of the indexed readiness values (manifest.yml, `jira:entityProperty`
 * `readiness-index`): each alias and the path inside the `governance-readiness` property it reads.
 * A test keeps this table and the manifest equal.
 */
export const READINESS_SEARCH_ALIASES = {
  dorReady: { path: 'dor.ready', type: 'string' },
  dorProgress: { path: 'dor.progress', type: 'number' },
  dorOpenRequired: { path: 'dor.openRequired', type: 'number' },
  dodReady: { path: 'dod.ready', type: 'string' },
  dodProgress: { path: 'dod.progress', type: 'number' },
  dodOpenRequired: { path: 'dod.openRequired', type: 'number' },
  readinessUpdated: { path: 'updatedAt', type: 'date' },
} as const;

export type ReadinessSearchAlias = keyof typeof READINESS_SEARCH_ALIASES;
