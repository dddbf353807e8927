/**
 * Parts of a page that are not on its first screen (other tabs, pickers), loaded when they are
 * first drawn, so a frame's first paint stays within the bundle budget (README, "Bundle budget").
 * Each part is its own chunk inside the page's resource folder; Forge serves that folder as it is.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type Select from '@atlaskit/select';
import type { AsyncSelect, CreatableSelect } from '@atlaskit/select';
import { useShell } from './shell';

const LOADING = { en: 'Loading…', ru: 'Загрузка…' } as const;

/** While a part loads: a spinner, and the words for a screen reader. */
export function PartLoading() {
  const { lang } = useShell();
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), padding: token('space.200', '16px') }}>
      <Spinner size="medium" label={LOADING[lang]} />
    </div>
  );
}

/** `load()`'s component, drawn once its chunk has loaded; `fallback` until then. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = <PartLoading />): ComponentType<P> {
  // Typed loosely inside: the part's own props type is checked at every use of the result.
  const Lazy = lazy(async () => ({ default: (await load()) as ComponentType<object> }));
  function LazyPart(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}

/** Where a picker will be: an empty field of Atlaskit Select's height, so nothing moves when it comes. */
function PickerPlaceholder() {
  return <div aria-busy="true" style={{ minHeight: 40, boxSizing: 'border-box', border: `2px solid ${token('color.border.input', '#8590A2')}`, borderRadius: 3, background: token('color.background.input', '#FFFFFF') }} />;
}

const selects = () => import('@atlaskit/select');

/**
 * Starts loading the pickers now, for a page whose first screen (once its data has come) has one:
 * they then load while the data is read, not after it.
 */
export function preloadSelect(): void {
  void selects().catch(() => undefined);
}

/** Atlaskit's Select (~50 kB gzip with react-select), loaded when a picker is first drawn. */
export const LazySelect = lazyPart(() => selects().then((m) => m.default as ComponentType<object>), <PickerPlaceholder />) as unknown as typeof Select;
export const LazyAsyncSelect = lazyPart(() => selects().then((m) => m.AsyncSelect as ComponentType<object>), <PickerPlaceholder />) as unknown as typeof AsyncSelect;
export const LazyCreatableSelect = lazyPart(() => selects().then((m) => m.CreatableSelect as ComponentType<object>), <PickerPlaceholder />) as unknown as typeof CreatableSelect;
