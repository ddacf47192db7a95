// Site patterns for "switched off on these sites": an exact host (`news.example.com`, `[::1]`,
// `my_host.lan`) or a host and all its subdomains (`*.example.com`). A host is whatever a
// browser's URL parser accepts as one (IPv6 literals and underscores occur on real sites), kept in
// the parser's own form (lower case, punycode, compressed IPv6) so that it compares equal to
// `location.hostname`. Checked when the reader adds one, so a pattern that can never match is
// refused with a reason instead of silently doing nothing.

/** Every site Hashiya reads (the host permissions); the reader can withhold this in Firefox. */
export const ALL_SITES = { origins: ['http://*/*', 'https://*/*'] };

/** Most site patterns kept: each is stored in storage.sync, whose items hold 8 KB at most. */
export const MAX_SITE_PATTERNS = 500;
/** Longest host a browser accepts (DNS: 253 characters; an IPv6 literal is much shorter). */
const MAX_HOST_LENGTH = 253;

/** `host` as a browser's URL parser writes it, or null when the parser refuses it as a host. */
function canonicalHost(host: string): string | null {
  // Only what the parser would read as the whole host: no user, port, path, query or fragment.
  if (host.startsWith('[') ? !/^\[[0-9a-f:.]+\]$/.test(host) : /[/\\?#@:\s]/.test(host)) return null;
  try {
    const parsed = new URL(`http://${host}/`).hostname.replace(/\.$/, '');
    return parsed === '' || parsed.length > MAX_HOST_LENGTH ? null : parsed;
  } catch {
    return null;
  }
}

/** Trims and lower-cases a pattern the way it is stored and compared (its host in the URL parser's form). */
export function normaliseSitePattern(pattern: string): string {
  const p = pattern.trim().toLowerCase().replace(/\.$/, '');
  const wild = p.startsWith('*.');
  const host = canonicalHost(wild ? p.slice(2) : p);
  return host === null ? p : wild ? `*.${host}` : host;
}

/** Why `pattern` is not a valid site pattern, or null when it is. */
export function sitePatternProblem(pattern: string): SitePatternProblem | null {
  const p = pattern.trim().toLowerCase().replace(/\.$/, '');
  if (p === '') return 'empty';
  const wild = p.startsWith('*.');
  const host = wild ? p.slice(2) : p;
  if (!host.startsWith('[') && /[/?#@:\s]/.test(host)) return 'not-a-host';
  if (host.includes('*') || (wild && host.startsWith('['))) return 'wildcard-position';
  return canonicalHost(host) === null ? 'bad-label' : null;
}

/** The kinds of problem a site pattern can have (each has an options message). */
export type SitePatternProblem = 'empty' | 'not-a-host' | 'wildcard-position' | 'bad-label';

/** True when `host` is matched by `pattern` (`*.example.com` matches example.com and its subdomains). */
export function siteMatches(pattern: string, host: string): boolean {
  const p = normaliseSitePattern(pattern);
  const h = host.toLowerCase();
  return p.startsWith('*.') ? h === p.slice(2) || h.endsWith(p.slice(1)) : h === p;
}
