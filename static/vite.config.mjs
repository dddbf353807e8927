/**
 * One Vite build per Custom UI page: Forge serves each resource folder on its own, so a page must
 * not share chunks with another. `scripts/build-ui.mjs` builds every page with this config.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The pages, each a `static/src/pages/<name>` folder built to `static/dist/<name>` (manifest resources). */
export const PAGES = ['gadget-view', 'gadget-edit', 'project-governance', 'gov-gadget-view', 'gov-gadget-edit', 'hygiene-panel', 'ownership-panel', 'readiness-panel', 'admin-settings', 'issue-summary'];

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
        // Atlaskit's feature-flag client (Statsig): never initialised in a Forge iframe, where every
        // gate is off; src/vendor/feature-gates.ts answers the same without ~55 kB gzip of JS.
        { find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: path.join(here, 'src/vendor/feature-gates.ts') },
        // Atlaskit's IconButton (its tooltip and positioning, ~55 kB gzip), imported by SectionMessage
        // for a dismiss button the app never shows: loaded when one is first drawn.
        { find: /^@atlaskit\/button\/icon\/button$/, replacement: path.join(here, 'src/vendor/icon-button.tsx') },
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
