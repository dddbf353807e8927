/**
 * Stands in for the root of `@atlaskit/primitives` in the Custom UI bundles (aliased in
 * static/vite.config.mjs). Its only importer here, Atlaskit's Heading, takes one constant from it,
 * but the root also brings the Emotion-styled primitives and Emotion itself (~12 kB gzip); the
 * compiled primitives, which the components use, come from `@atlaskit/primitives/compiled`.
 * Anything else imported from the root fails the build ("is not exported"), so nothing is lost
 * unseen.
 */
export { inverseColorMap as UNSAFE_inverseColorMap } from '@atlaskit/primitives/dist/esm/xcss/inverse-color.js';
