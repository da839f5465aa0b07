import { ok, skip, type Normalized } from './outcome';
import type { RecordOf } from './record';

export type WebsiteData = RecordOf<'website'>['data'];

/**
 * Query parameters that only tell an analytics tool where a click came from. They make the same
 * site look like a new value on every campaign, so they are dropped (matched case-insensitively).
 */
const TRACKING = new Set([
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'mc_cid', 'mc_eid', '_hsenc',
  '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'igshid', 'yclid', 'twclid', 'li_fat_id',
  'ttclid', 'epik', 'srsltid', '_ga', '_gl', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  'vero_conv', 'wickedid', 'rb_clickid', 's_cid', 'ef_id', '_openstat',
]);

// "example.com:8080/x" is a host and port, not a scheme called "example.com".
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i;
// A public website has a dotted host name (or an IPv6 literal); "intranet" or "asdf" is not one.
const WEB_HOST = /^(?:[^.]+(?:\.[^.]+)+\.?|\[[0-9a-f:.]+\])$/i;

/**
 * Reads a URL the way people type one: no scheme means https. Anything but http(s) is refused,
 * so `javascript:`, `mailto:` or `ftp:` never reach an agent as a clickable link. Shared with the
 * social networks so that every URL in this folder is read one way.
 */
export function readWebUrl(raw: string): Normalized<URL> {
  const text = raw.trim();
  if (!text) return skip('empty');
  const absolute = HAS_SCHEME.test(text) ? text : `https:${text.startsWith('//') ? '' : '//'}${text}`;
  let url: URL;
  try {
    url = new URL(absolute);
  } catch {
    return skip('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return skip('not an http(s) URL');
  if (!WEB_HOST.test(url.hostname)) return skip('not a valid URL');
  if (url.username || url.password) return skip('URL carries credentials');
  return ok(url);
}

/** A website as Deskpro should store it: https added, host lower-cased, tracking and a lone trailing `/` dropped. */
export function normalizeWebsite(raw: string): Normalized<WebsiteData> {
  const read = readWebUrl(raw);
  if (!read.ok) return read;
  const url = read.data;
  const search = withoutTracking(url.search);
  const path = url.pathname === '/' && !search && !url.hash ? '' : url.pathname;
  return ok({ url: `${url.protocol}//${url.host}${path}${search}${url.hash}` });
}

/**
 * Same site, same key: scheme-less (Deskpro prepends `http://` to what it stores), `www.` and a
 * trailing `/` ignored. Path and query keep their case: servers may tell them apart.
 */
export function websiteKey(data: WebsiteData): string {
  const url = new URL(data.url);
  const host = url.host.replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `website:${host}${path}${withoutTracking(url.search)}${url.hash}`;
}

// Works on the raw query text rather than URLSearchParams, which would re-encode the parameters kept.
function withoutTracking(search: string): string {
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(pair.split('=')[0]!));
  return kept.length ? `?${kept.join('&')}` : '';
}

function isTracking(encodedName: string): boolean {
  let name = encodedName;
  try {
    name = decodeURIComponent(encodedName.replace(/\+/g, ' '));
  } catch {
    // A malformed escape is not one of ours: keep the parameter.
  }
  name = name.toLowerCase();
  return name.startsWith('utm_') || TRACKING.has(name);
}
