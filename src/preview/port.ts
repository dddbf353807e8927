/**
 * The preview's port: PORT when set (a whole number from 0 to 65535; 0 for any free port), else
 * 3000, or the next free port after it when 3000 is taken. A PORT that is not a port, or is taken,
 * is the user's to fix: one line saying so (exit status 2), never a stack trace.
 */
import net from 'node:net';

export const DEFAULT_PORT = 3000;
export const MAX_PORT = 65535;
/** How many ports after the default are tried before any free one is taken. */
const SEARCH = 100;

export type PortChoice = { ok: true; port: number; note: string | null } | { ok: false; message: string };

/** PORT as given (undefined or empty: not set), or why it is not a port. */
export function parsePort(raw: string | undefined): { ok: true; port: number | null } | { ok: false; message: string } {
  if (raw === undefined || raw.trim() === '') return { ok: true, port: null };
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) > MAX_PORT)
    return { ok: false, message: `PORT must be a whole number from 0 to ${MAX_PORT} (0: any free port); got "${raw}"` };
  return { ok: true, port: Number(text) };
}

/** Whether 127.0.0.1:`port` can be listened on now (`EADDRINUSE`: no; another error: that error). */
export function portFree(port: number, host = '127.0.0.1'): Promise<true | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function refusal(port: number, err: NodeJS.ErrnoException): string {
  if (err.code === 'EADDRINUSE') return `port ${port} is busy (PORT=${port}); stop what uses it, or choose another PORT from 0 to ${MAX_PORT} (0: any free port)`;
  if (err.code === 'EACCES') return `port ${port} may not be used by this user (PORT=${port}); choose a PORT from 1024 to ${MAX_PORT} (0: any free port)`;
  return `port ${port} cannot be used (PORT=${port}): ${err.code ?? err.message}`;
}

/** The port to listen on, with a line to print when it is not the one asked for. */
export async function choosePort(rawPort: string | undefined): Promise<PortChoice> {
  const parsed = parsePort(rawPort);
  if (!parsed.ok) return parsed;
  if (parsed.port !== null) {
    if (parsed.port === 0) return { ok: true, port: 0, note: null };
    const free = await portFree(parsed.port);
    return free === true ? { ok: true, port: parsed.port, note: null } : { ok: false, message: refusal(parsed.port, free) };
  }
  for (let port = DEFAULT_PORT; port < DEFAULT_PORT + SEARCH; port++) {
    if ((await portFree(port)) === true) return { ok: true, port, note: port === DEFAULT_PORT ? null : `port ${DEFAULT_PORT} is busy; using ${port}` };
  }
  return { ok: true, port: 0, note: `ports ${DEFAULT_PORT} to ${DEFAULT_PORT + SEARCH - 1} are busy; using a free one` };
}
