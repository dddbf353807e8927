/**
 * Stands in for `@atlaskit/primitives/pressable` in the Custom UI bundles (aliased in
 * static/vite.config.mjs): Atlaskit's Lozenge imports it for interactive lozenges, which the app
 * never draws, and with it Emotion and its style maps (~15 kB gzip).
 */
import { lazyForward } from './lazy-forward';

// By its file, which the alias does not match.
export default lazyForward(() => import('@atlaskit/primitives/dist/esm/components/pressable.js'), 'Pressable');
