import { createRoot } from 'react-dom/client';
import { ProjectGovernance } from '../../components/governance/ProjectGovernance';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <ProjectGovernance />
  </PageShell>,
);
