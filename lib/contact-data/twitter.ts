import { ok, skip, type Normalized } from './outcome';
import type { RecordOf } from './record';
import { readWebUrl } from './website';

export type TwitterData = RecordOf<'twitter'>['data'];

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const HOST = /^(?:(?:www|mobile|m)\.)?(?:twitter|x)\.com$/;

// First path segments that are site pages, not accounts (twitter.com/home, x.com/i/…, /intent/…).
const RESERVED = new Set([
  'home', 'intent', 'share', 'i', 'search', 'hashtag', 'explore', 'notifications', 'messages',
  'settings', 'login', 'logout', 'signup', 'tos', 'privacy', 'about', 'account', 'compose',
  'who_to_follow', 'lists', 'download', 'jobs', 'help', 'following', 'followers', 'status',
  'statuses', 'oauth', 'widgets', 'communities', 'bookmarks', 'topics', 'moments', 'rules',
]);

/**
 * A twitter handle from `@name`, `name`, or a twitter.com / x.com profile URL (old `#!/name`
 * links included). Stored without `@`, in the case given; the feed is not shown by default.
 */
export function normalizeTwitter(raw: string): Normalized<TwitterData> {
  const text = raw.trim();
  if (!text) return skip('empty');
  // A handle cannot hold `.`, `/` or `:`, so any of them means a URL.
  const handle = /[./:]/.test(text) ? handleInUrl(text) : text.replace(/^@/, '');
  if (handle === undefined || !HANDLE.test(handle) || RESERVED.has(handle.toLowerCase())) {
    return skip('not a twitter handle');
  }
  return ok({ username: handle, display_feed: '0' });
}

/** Handles are case-insensitive on twitter. */
export function twitterKey(data: TwitterData): string {
  return `twitter:${data.username.toLowerCase()}`;
}

function handleInUrl(text: string): string | undefined {
  const read = readWebUrl(text);
  if (!read.ok || !HOST.test(read.data.hostname)) return undefined;
  const { pathname, hash } = read.data;
  const path = hash.startsWith('#!/') ? hash.slice(2) : pathname;
  return path.split('/').find(Boolean)?.replace(/^@/, '');
}
