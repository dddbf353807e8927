import { createRoot } from 'react-dom/client';
import { ReadinessPanel } from '../../components/readiness/ReadinessPanel';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <ReadinessPanel />
  </PageShell>,
);
