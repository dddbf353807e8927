// Atlaskit modules the stand-ins in this folder load by their files (static/vite.config.mjs says why).
declare module '@atlaskit/button/dist/esm/new-button/variants/icon/button.js' {
  export { default } from '@atlaskit/button/dist/types/new-button/variants/icon/button';
}
declare module '@atlaskit/button/dist/esm/old-button/button.js' {
  export { default } from '@atlaskit/button/dist/types/old-button/button';
}
declare module '@atlaskit/primitives/dist/esm/components/pressable.js' {
  export { default } from '@atlaskit/primitives/dist/types/components/pressable';
}
declare module '@atlaskit/primitives/dist/esm/xcss/inverse-color.js' {
  export const inverseColorMap: Record<string, string>;
}
