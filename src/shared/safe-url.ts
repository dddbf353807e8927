/**
 * URLs that come from Jira data (remote links, avatars, the site's address) reach an `href` or a
 * `src` only when they are http(s): a `javascript:`, `data:` or `vbscript:` URL someone put in an
 * issue's links would otherwise run in the app's page when clicked. Shared by the Custom UI and the
 * local preview's pages.
 */

/** The URL, normalised, when it is an absolute http: or https: URL; otherwise null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The site's address without a trailing slash for links relative to it, or '' (relative links) when it is not http(s). */
export function siteBase(siteUrl: string | null | undefined): string {
  const url = httpUrl(siteUrl);
  return url ? url.replace(/\/+$/, '') : '';
}
