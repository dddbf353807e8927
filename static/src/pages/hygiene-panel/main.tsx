import { createRoot } from 'react-dom/client';
import { HygienePanel } from '../../components/governance/HygienePanel';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <HygienePanel />
  </PageShell>,
);
