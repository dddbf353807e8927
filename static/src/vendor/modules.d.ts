// The real IconButton by its file (static/src/vendor/icon-button.tsx loads it lazily).
declare module '@atlaskit/button/dist/esm/new-button/variants/icon/button.js' {
  export { default } from '@atlaskit/button/dist/types/new-button/variants/icon/button';
}
