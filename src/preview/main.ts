/**
 * `npm start`: starts the local preview and prints where to open it. PORT picks the port (a whole
 * number from 0 to 65535; 0: any free port); unset, 3000 or the next free port after it (and a
 * line saying so). PREVIEW_STATE_DIR moves the local state (default `.preview-state/`). A PORT that
 * is not a port or is taken ends the start with one line and exit status 2.
 */
import { choosePort } from './port';
import { startPreview, type PreviewServer } from './server';

async function main(): Promise<void> {
  const choice = await choosePort(process.env.PORT);
  if (!choice.ok) {
    console.error(`preview: ${choice.message}`);
    process.exit(2);
  }
  if (choice.note) console.log(`preview: ${choice.note}`);
  const stateDir = process.env.PREVIEW_STATE_DIR ? { stateDir: process.env.PREVIEW_STATE_DIR } : {};
  let server: PreviewServer;
  try {
    server = await startPreview({ port: choice.port, ...stateDir });
  } catch (err) {
    // Taken between the check and the start: the same one line as a busy PORT.
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`preview: port ${choice.port} is busy; start again${process.env.PORT ? ' or choose another PORT' : ''}`);
      process.exit(2);
    }
    throw err;
  }
  const site = server.backend.mode === 'demo' ? 'the demo site' : server.backend.siteName;
  console.log(`Governance for Jira preview (${site}): ${server.url}/dashboard`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`preview: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
