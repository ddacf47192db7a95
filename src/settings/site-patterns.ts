// Site patterns for "switched off on these sites": an exact host (`news.example.com`) or a host
// and all its subdomains (`*.example.com`). Checked when the reader adds one, so a pattern that
// can never match is refused with a reason instead of silently doing nothing.

/** Every site Hashiya reads (the host permissions); the reader can withhold this in Firefox. */
export const ALL_SITES = { origins: ['http://*/*', 'https://*/*'] };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Trims and lower-cases a pattern the way it is stored and compared. */
export function normaliseSitePattern(pattern: string): string {
  return pattern.trim().toLowerCase().replace(/\.$/, '');
}

/** Why `pattern` is not a valid site pattern (a sentence in English for logs), or null when it is. */
export function sitePatternProblem(pattern: string): SitePatternProblem | null {
  const p = normaliseSitePattern(pattern);
  if (p === '') return 'empty';
  if (/[/:?#@\s]/.test(p)) return 'not-a-host';
  const host = p.startsWith('*.') ? p.slice(2) : p;
  if (host.includes('*')) return 'wildcard-position';
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return 'bad-label';
  return null;
}

/** The kinds of problem a site pattern can have (each has an options message). */
export type SitePatternProblem = 'empty' | 'not-a-host' | 'wildcard-position' | 'bad-label';

/** True when `host` is matched by `pattern` (`*.example.com` matches example.com and its subdomains). */
export function siteMatches(pattern: string, host: string): boolean {
  const p = normaliseSitePattern(pattern);
  const h = host.toLowerCase();
  return p.startsWith('*.') ? h === p.slice(2) || h.endsWith(p.slice(1)) : h === p;
}
