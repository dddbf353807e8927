import { createRoot } from 'react-dom/client';
import { DrillModalView } from '../../components/DrillModal';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell>
    <DrillModalView />
  </PageShell>,
);
