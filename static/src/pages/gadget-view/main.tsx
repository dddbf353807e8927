import { createRoot } from 'react-dom/client';
import { GadgetView } from '../../components/GadgetView';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <GadgetView />
  </PageShell>,
);
