import { createRoot } from 'react-dom/client';
import { SettingsPage } from '../../components/settings/SettingsPage';
import { PageShell } from '../../shell';

createRoot(document.getElementById('root') as HTMLElement).render(
  <PageShell license="banner">
    <SettingsPage />
  </PageShell>,
);
