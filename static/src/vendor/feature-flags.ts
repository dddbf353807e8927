/**
 * Stands in for `@atlaskit/platform-feature-flags` in the Custom UI bundles (aliased in
 * static/vite.config.mjs). Atlaskit components ask it whether a platform feature flag is on: the
 * real one asks a resolver that only Jira's, Confluence's and Bitbucket's own pages install, then
 * Atlaskit's Statsig client, which nothing initialises in a Forge iframe, so every flag is off
 * there. This says so without the client (~55 kB gzip), and as a constant the bundler can see,
 * so the code behind flags (the top-layer popovers of Select and Tooltip, ~40 kB gzip) is dropped.
 */
export function fg(_name: string): boolean {
  return false;
}

/** @deprecated in Atlaskit as well; answers as `fg`. */
export function getBooleanFF(_name: string): boolean {
  return false;
}

/** Kept for the API: the flags stay off in a Forge iframe. */
export function setBooleanFeatureFlagResolver(_resolver: (flagKey: string) => boolean): void {}
