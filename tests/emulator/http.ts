/** Raw HTTP against the emulator, as any Jira client would speak to it. */
import { USERS, type SiteUserName } from './fixture';

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export function basic(user: SiteUserName): string {
  const u = USERS[user];
  return `Basic ${Buffer.from(`${u.emailAddress}:${u.apiToken}`).toString('base64')}`;
}

export async function call(base: string, method: string, path: string, opts: { user?: SiteUserName | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const user = opts.user === undefined ? 'admin' : opts.user;
  if (user) headers.Authorization = basic(user);
  const init: RequestInit = { method, headers };
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
