import { createRoot } from 'react-dom/client';
import { IssueSummary } from '../../components/issue/IssueSummary';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <IssueSummary />
  </PageShell>,
);
