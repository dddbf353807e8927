/**
 * Stands in for `@atlaskit/button/standard-button` (Atlaskit's older Button) in the Custom UI
 * bundles (aliased in static/vite.config.mjs): Atlaskit's SectionMessageAction draws it for an
 * action with `onClick`, and with it Emotion (~12 kB gzip). The app's own buttons are the newer
 * `@atlaskit/button/default/button`.
 */
import { lazyForward } from './lazy-forward';

// By its file, which the alias does not match.
export default lazyForward(() => import('@atlaskit/button/dist/esm/old-button/button.js'), 'Button');
