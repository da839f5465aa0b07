import { ok, skip, type Normalized } from './outcome';
import type { RecordOf } from './record';
import { readWebUrl } from './website';

export type FacebookData = RecordOf<'facebook'>['data'];

const HOST = /^(?:(?:www|m|web|mobile|mbasic|touch)\.)?(?:facebook|fb)\.com$/;
// Text that starts with a Facebook host is a URL even without a scheme or a path.
const STARTS_WITH_HOST = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)?(?:facebook|fb)\.com(?:[/?#:]|$)/i;
// Facebook usernames: letters, digits and periods (older page names also carry `-`), starting
// with a letter or digit (a path of `.` or `..` is no name: URLs resolve it away).
const NAME = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;
// Facebook refuses usernames with a domain ending, so "example.com" is a website, not a name.
const DOMAIN_ENDING = /\.(?:com|net|org|info|biz|io|co)$/i;
const PROFILE_PHP = 'https://www.facebook.com/profile.php?id=';

// First path segments that are site pages, not profiles.
const RESERVED = new Set([
  'pages', 'groups', 'events', 'watch', 'marketplace', 'gaming', 'sharer', 'sharer.php', 'share',
  'dialog', 'login', 'login.php', 'home.php', 'photo.php', 'permalink.php', 'story.php', 'hashtag',
  'help', 'policies', 'privacy', 'settings', 'search', 'reel', 'reels', 'stories', 'notifications',
  'messages', 'friends', 'bookmarks', 'plugins', 'profile.php', 'l.php', 'public',
]);

/**
 * A Facebook profile as `https://www.facebook.com/<name>` from any facebook.com / fb.com URL
 * or a bare name; numeric profiles stay `profile.php?id=<digits>` (also read from `/people/<name>/<id>`).
 */
export function normalizeFacebook(raw: string): Normalized<FacebookData> {
  const text = raw.trim();
  if (!text) return skip('empty');
  const url = STARTS_WITH_HOST.test(text) ? profileInUrl(text) : profileOfName(text.replace(/^@/, ''));
  return url ? ok({ profile_url: url }) : skip('not a Facebook profile');
}

/** Facebook names are case-insensitive. */
export function facebookKey(data: FacebookData): string {
  return `facebook:${data.profile_url.toLowerCase()}`;
}

function profileInUrl(text: string): string | undefined {
  const read = readWebUrl(text);
  if (!read.ok || !HOST.test(read.data.hostname)) return undefined;
  const segments = read.data.pathname.split('/').filter(Boolean);
  const id = segments[0] === 'profile.php' ? read.data.searchParams.get('id') : segments[0] === 'people' ? segments[2] : undefined;
  if (id !== undefined) return id !== null && /^\d+$/.test(id) ? PROFILE_PHP + id : undefined;
  return segments[0] === undefined ? undefined : profileOfName(segments[0]);
}

function profileOfName(name: string): string | undefined {
  const valid = NAME.test(name) && !DOMAIN_ENDING.test(name) && !RESERVED.has(name.toLowerCase());
  return valid ? `https://www.facebook.com/${name}` : undefined;
}
