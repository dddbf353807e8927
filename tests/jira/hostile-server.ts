/**
 * Tiny `node:http` servers that misbehave the way a hostile or broken Jira might (endless bodies,
 * endless cursors, huge Content-Length, Retry-After of an hour), a proxy that forwards to the
 * emulator except where a test takes over, and a port where nothing listens.
 */
import http from 'node:http';
import net from 'node:net';

export interface Received {
  method: string;
  path: string;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface HostileServer {
  url: string;
  /** `127.0.0.1:<port>`, as a URL's `host`. */
  host: string;
  requests: Received[];
  /** Connections the server saw closed by the client before the answer ended. */
  aborted: number;
  close(): Promise<void>;
}

export type Handler = (req: Received, res: http.ServerResponse) => void | Promise<void>;

export async function hostileServer(handler: Handler): Promise<HostileServer> {
  const requests: Received[] = [];
  const state = { aborted: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received: Received = { method: req.method ?? 'GET', path: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
      requests.push(received);
      res.on('close', () => {
        if (!res.writableFinished) state.aborted++;
      });
      Promise.resolve(handler(received, res)).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(599);
        res.end(String(e));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    get aborted() {
      return state.aborted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Writes `{"values":[` then filler forever, until the client goes away. */
export function endlessBody(res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"values":["');
  const chunk = 'x'.repeat(64 * 1024);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

/**
 * Forwards every request to `target` (the emulator), unless `intercept` answers it. `forward` lets
 * an interceptor call the target itself and rewrite the answer.
 */
export async function proxy(
  target: string,
  intercept: (req: Received, res: http.ServerResponse, forward: (req: Received) => Promise<{ status: number; text: string; headers: Headers }>) => Promise<boolean> | boolean,
): Promise<HostileServer> {
  const forward = async (req: Received) => {
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept']) {
      const v = req.headers[name];
      if (typeof v === 'string') headers[name] = v;
    }
    const init: RequestInit = { method: req.method, headers };
    if (req.method !== 'GET' && req.body !== '') init.body = req.body;
    const answer = await fetch(`${target}${req.path}`, init);
    return { status: answer.status, text: await answer.text(), headers: answer.headers };
  };
  return hostileServer(async (req, res) => {
    if (await intercept(req, res, forward)) return;
    const answer = await forward(req);
    const headers: Record<string, string> = { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' };
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter !== null) headers['Retry-After'] = retryAfter;
    res.writeHead(answer.status, headers);
    res.end(answer.text);
  });
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago): connections are refused. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
