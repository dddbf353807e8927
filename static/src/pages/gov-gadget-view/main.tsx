import { createRoot } from 'react-dom/client';
import { GovGadgetView } from '../../components/governance/GovGadgetView';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <GovGadgetView />
  </PageShell>,
);
