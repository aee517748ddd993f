/**
 * Hostname rules for the auto-open list. A listed hostname covers its subdomains
 * ("voanews.com" covers "www.voanews.com"); we store the name without a leading "www."
 * because that is how people name a site.
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Turns what a person typed or a page's URL into a listable hostname, or null when it is none. */
export function normalizeHost(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let s = input.trim().toLowerCase();
  if (!s || s.length > 253) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      const u = new URL(s);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
      s = u.hostname;
    } catch {
      return null;
    }
  } else {
    s = s.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  }
  s = s.replace(/\.$/, '').replace(/^www\./, '');
  if (IPV4.test(s)) return s.split('.').every((n) => Number(n) <= 255) ? s : null;
  const labels = s.split('.');
  if (s !== 'localhost' && labels.length < 2) return null;
  return labels.every((l) => LABEL.test(l)) ? s : null;
}

/** Does `host` fall under one of the listed hostnames? */
export function hostIsListed(host: string, list: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return list.some((entry) => h === entry || h.endsWith(`.${entry}`));
}

function hasSubdomains(host: string): boolean {
  return host !== 'localhost' && !IPV4.test(host);
}

export type Scheme = 'http' | 'https';
const BOTH: readonly Scheme[] = ['http', 'https'];

/**
 * The schemes a person meant: the one they typed (or the page they were on), else both.
 * Asking for exactly that keeps the permission prompt as small as it can be.
 */
export function schemesOf(input: unknown): readonly Scheme[] {
  const m = typeof input === 'string' ? /^\s*(https?):\/\//i.exec(input) : null;
  return m ? [m[1].toLowerCase() as Scheme] : BOTH;
}

/** Match patterns (for permissions and content-script registration) covering a listed host. */
export function originPatterns(host: string, schemes: readonly Scheme[] = BOTH): string[] {
  const exact = schemes.map((s) => `${s}://${host}/*`);
  return hasSubdomains(host) ? [...exact, ...schemes.map((s) => `${s}://*.${host}/*`)] : exact;
}

/** Cleans a stored list: valid, unique hostnames only, order kept. */
export function normalizeHostList(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const item of raw) {
    const h = normalizeHost(item);
    if (h && !out.includes(h)) out.push(h);
  }
  return out;
}
