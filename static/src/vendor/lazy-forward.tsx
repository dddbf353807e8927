/**
 * An Atlaskit component that the app's pages import only through another Atlaskit component, for
 * a case the app never draws (a dismiss button, an interactive lozenge, a message's action button),
 * loaded when one is first drawn instead of on every page's first paint. Its props and ref pass
 * through unchanged; nothing shows in its place while its chunk loads.
 */
import { forwardRef, lazy, Suspense, type ComponentType, type Ref } from 'react';

export function lazyForward<C>(load: () => Promise<{ default: C }>, name: string): C {
  const Lazy = lazy(load as unknown as () => Promise<{ default: ComponentType<{ ref?: Ref<unknown> }> }>);
  const Forward = forwardRef<unknown, object>(function LazyForward(props, ref) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} ref={ref} />
      </Suspense>
    );
  });
  Forward.displayName = `Lazy(${name})`;
  return Forward as unknown as C;
}
