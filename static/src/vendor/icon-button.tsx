/**
 * Stands in for `@atlaskit/button/icon/button` in the Custom UI bundles (aliased in
 * static/vite.config.mjs): the real IconButton, loaded when one is first drawn. Atlaskit's
 * SectionMessage imports it for its dismiss button, which the app never shows, and with it the
 * tooltip and its positioning (~55 kB gzip) would be on every page's first paint.
 */
import { forwardRef, lazy, Suspense, type ComponentProps, type ElementRef } from 'react';
// By its file, which the alias does not match.
import type RealIconButton from '@atlaskit/button/dist/esm/new-button/variants/icon/button.js';

const Lazy = lazy(() => import('@atlaskit/button/dist/esm/new-button/variants/icon/button.js'));

const IconButton = forwardRef<ElementRef<typeof RealIconButton>, ComponentProps<typeof RealIconButton>>(function IconButton(props, ref) {
  return (
    <Suspense fallback={null}>
      <Lazy {...props} ref={ref} />
    </Suspense>
  );
});

export default IconButton;
