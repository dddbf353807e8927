/**
 * One Vite build per Custom UI page: Forge serves each resource folder on its own, so a page must
 * not share chunks with another. `scripts/build-ui.mjs` builds every page with this config.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
/** @forge/bridge's own modules (its package exports name only its root). */
const forgeBridgeOut = path.dirname(createRequire(import.meta.url).resolve('@forge/bridge'));

/**
 * The pages, each a `static/src/pages/<name>` folder built to `static/dist/<name>` (manifest resources).
 * `issue-view` serves the three issue panels and the issue context (one resource, so the frames of
 * an issue share its chunks); each of its frames loads its own part by module key.
 */
export const PAGES = ['gadget-view', 'gadget-edit', 'project-governance', 'gov-gadget-view', 'gov-gadget-edit', 'issue-view', 'admin-settings', 'drill-modal'];

export function pageConfig(page) {
  return {
    configFile: false,
    root: path.join(here, 'src/pages', page),
    // Forge serves a resource under its own path: every asset URL must be relative.
    base: './',
    publicDir: path.join(here, 'src/public'),
    plugins: [react()],
    resolve: {
      alias: [
        // Atlaskit's platform feature flags: all off in a Forge iframe (src/vendor/feature-flags.ts
        // says why); a constant lets the bundler drop their client (Statsig) and the code behind them.
        { find: /^@atlaskit\/platform-feature-flags(\/fg|\/getBooleanFF|\/setBooleanFeatureFlagResolver)?$/, replacement: path.join(here, 'src/vendor/feature-flags.ts') },
        // Atlaskit components the app's pages reach only through other Atlaskit components, for cases
        // the app never draws, each loaded when first drawn (src/vendor/<name>.tsx says which case):
        // IconButton with its tooltip, the Emotion-styled Pressable, and the older Button with Emotion.
        { find: /^@atlaskit\/button\/icon\/button$/, replacement: path.join(here, 'src/vendor/icon-button.tsx') },
        { find: /^@atlaskit\/primitives\/pressable$/, replacement: path.join(here, 'src/vendor/pressable.tsx') },
        { find: /^@atlaskit\/button\/standard-button$/, replacement: path.join(here, 'src/vendor/standard-button.tsx') },
        // @forge/bridge: the parts the app uses (src/vendor/forge-bridge.ts), not all of it.
        { find: /^@forge\/bridge$/, replacement: path.join(here, 'src/vendor/forge-bridge.ts') },
        { find: /^@forge\/bridge\/out\//, replacement: `${forgeBridgeOut}/` },
        // The root of @atlaskit/primitives: Heading takes one constant from it, and would bring Emotion.
        { find: /^@atlaskit\/primitives$/, replacement: path.join(here, 'src/vendor/primitives-root.ts') },
      ],
    },
    logLevel: 'warn',
    build: {
      outDir: path.join(here, 'dist', page),
      emptyOutDir: true,
      target: 'es2020',
      chunkSizeWarningLimit: 1200,
      reportCompressedSize: false,
    },
  };
}
