/**
 * `npm start`: starts the local preview and prints where to open it. PORT picks the port
 * (default 3000, or a free one when 3000 is taken; 0: always a free one); PREVIEW_STATE_DIR moves
 * the local state (default `.preview-state/`).
 */
import { startPreview } from './server';

async function main(): Promise<void> {
  const wanted = Number(process.env.PORT ?? 3000);
  const stateDir = process.env.PREVIEW_STATE_DIR ? { stateDir: process.env.PREVIEW_STATE_DIR } : {};
  let server;
  try {
    server = await startPreview({ port: wanted, ...stateDir });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || process.env.PORT) throw err;
    server = await startPreview({ port: 0, ...stateDir });
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
