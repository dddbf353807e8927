/**
 * Stands in for `@forge/bridge` in the Custom UI bundles (aliased in static/vite.config.mjs): the
 * parts the app uses, by their own modules. The package's root is CommonJS that brings every part
 * of the bridge (object store, permissions, feature flags, rovo, modal, fetch…, ~10 kB gzip) to
 * every page. Anything else imported from `@forge/bridge` fails the build ("is not exported").
 */
export { events } from '@forge/bridge/out/events';
export { invoke } from '@forge/bridge/out/invoke';
export { Modal } from '@forge/bridge/out/modal';
export { router } from '@forge/bridge/out/router';
export { view } from '@forge/bridge/out/view';
