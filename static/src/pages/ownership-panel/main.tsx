import { createRoot } from 'react-dom/client';
import { OwnershipPanel } from '../../components/ownership/OwnershipPanel';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <OwnershipPanel />
  </PageShell>,
);
