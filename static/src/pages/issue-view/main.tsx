/**
 * The issue view's frames: the three issue panels and the issue context are one resource, so the
 * four frames Jira opens on an issue load React, Atlaskit and the shell from the same URLs (fetched
 * once, then from the browser's cache) rather than four copies. Each frame reads its module key
 * from the Forge context and loads only its own part, a chunk named after the module
 * (`assets/<module key>-<hash>.js`); the load starts as soon as the context is known.
 */
import { createRoot } from 'react-dom/client';
import { lazy, Suspense, type ComponentType } from 'react';
import { loadContext } from '../../bridge';
import { PartLoading } from '../../lazy';
import { PageShell, useShell } from '../../shell';

type Loader = () => Promise<{ default: ComponentType }>;

const PARTS: Readonly<Record<string, Loader>> = {
  'readiness-panel': () => import('./readiness-panel'),
  'hygiene-panel': () => import('./hygiene-panel'),
  'ownership-panel': () => import('./ownership-panel'),
  'issue-summary': () => import('./issue-summary'),
};

const loaded = new Map<string, ComponentType>();

function partOf(moduleKey: string | null | undefined): ComponentType | null {
  const load = moduleKey ? PARTS[moduleKey] : undefined;
  if (!moduleKey || !load) return null;
  let part = loaded.get(moduleKey);
  if (!part) {
    part = lazy(load);
    loaded.set(moduleKey, part);
  }
  return part;
}

// Starts the frame's part loading while the shell still waits for its theme.
void loadContext()
  .then((c) => {
    const load = c.moduleKey ? PARTS[c.moduleKey] : undefined;
    if (load) void load().catch(() => undefined);
  })
  .catch(() => undefined);

function IssueViewPart() {
  const { context } = useShell();
  const Part = partOf(context.moduleKey);
  if (!Part) return <p role="alert">Unknown module: {context.moduleKey ?? '(none)'}</p>;
  return (
    <Suspense fallback={<PartLoading />}>
      <Part />
    </Suspense>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <IssueViewPart />
  </PageShell>,
);
