/**
 * Stands in for `@atlaskit/feature-gate-js-client` in the Custom UI bundles (aliased in
 * static/vite.config.mjs). Atlaskit components ask it whether a platform feature flag is on; in a
 * Forge iframe nothing initialises its Statsig client, so the real one answers `false` to every
 * gate (after a console warning) and the default to every experiment, at a cost of ~300 kB of JS
 * (~55 kB gzip) on every page. This answers the same without the client.
 */
const FeatureGates = {
  checkGate(_gateName: string, _options?: unknown): boolean {
    return false;
  },
  getExperimentValue<T>(_experimentName: string, _parameterName: string, defaultValue: T, _options?: unknown): T {
    return defaultValue;
  },
  initializeCompleted(): boolean {
    return false;
  },
};

export default FeatureGates;
