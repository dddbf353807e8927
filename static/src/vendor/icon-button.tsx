/**
 * Stands in for `@atlaskit/button/icon/button` in the Custom UI bundles (aliased in
 * static/vite.config.mjs): Atlaskit's SectionMessage imports it for a dismiss button the app never
 * shows, and with it the tooltip and its positioning (~55 kB gzip).
 */
import { lazyForward } from './lazy-forward';

// By its file, which the alias does not match.
export default lazyForward(() => import('@atlaskit/button/dist/esm/new-button/variants/icon/button.js'), 'IconButton');
