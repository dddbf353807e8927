import { createRoot } from 'react-dom/client';
import { GadgetEdit } from '../../components/GadgetEdit';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <GadgetEdit />
  </PageShell>,
);
