/**
 * The Jira client's transport on Forge: `requestJira` as the viewer (`asUser()`: Jira applies the
 * viewer's own permissions) or as the app (`asApp()`: only for work with no viewer, such as
 * triggers, and only after an explicit permission check).
 */
import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraRequest, JiraResponse, Transport } from '../jira/types';

export type Principal = 'user' | 'app';

/**
 * The client builds every path from a template and encodes each value it puts in (`route` would
 * reject a whole path with its query string), so the path is trusted here after a sanity check.
 */
function trustedPath(path: string): string {
  if (!path.startsWith('/rest/') || path.includes('..') || path.includes('#')) throw new Error(`refusing Jira path ${path}`);
  return path;
}

export function forgeTransport(principal: Principal): Transport {
  const requester = principal === 'user' ? api.asUser() : api.asApp();
  return async (request: JiraRequest): Promise<JiraResponse> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['Content-Type'] = 'application/json';
    }
    const init = body === undefined ? { method: request.method, headers } : { method: request.method, headers, body };
    const response = await requester.requestJira(assumeTrustedRoute(trustedPath(request.path)), init);
    return { status: response.status, headers: { get: (name: string) => response.headers.get(name) }, text: () => response.text() };
  };
}
