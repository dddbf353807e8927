import { createRoot } from 'react-dom/client';
import { GovGadgetEdit } from '../../components/governance/GovGadgetEdit';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <GovGadgetEdit />
  </PageShell>,
);
