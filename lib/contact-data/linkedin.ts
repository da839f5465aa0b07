import { ok, skip, type Normalized } from './outcome';
import type { RecordOf } from './record';
import { readWebUrl } from './website';

export type LinkedInData = RecordOf<'linked_in'>['data'];

// www., country (uk., de.) and mobile hosts all serve the same profiles.
const HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com$/;
// LinkedIn slugs are letters (any script), digits, `-` and `_`; `%`-escapes are decoded first.
const SLUG = /^[\p{L}\p{M}\p{N}_-]+$/u;

/**
 * A LinkedIn profile as `https://www.linkedin.com/in/<slug>` or `/company/<slug>`, from any
 * linkedin.com URL (query, trailing path and host variant dropped) or a bare slug, which means
 * a person (`/in/`). Slugs are lower-cased: LinkedIn resolves them case-insensitively.
 */
export function normalizeLinkedIn(raw: string): Normalized<LinkedInData> {
  const text = raw.trim();
  if (!text) return skip('empty');
  const profile = /[./:]/.test(text) ? profileInUrl(text) : { kind: 'in', slug: text };
  const slug = profile && decodeSlug(profile.slug);
  if (!profile || slug === undefined || !SLUG.test(slug)) return skip('not a LinkedIn profile');
  return ok({ profile_url: `https://www.linkedin.com/${profile.kind}/${encodeURIComponent(slug.toLowerCase())}` });
}

export function linkedInKey(data: LinkedInData): string {
  return `linked_in:${data.profile_url.toLowerCase()}`;
}

function profileInUrl(text: string): { kind: string; slug: string } | undefined {
  const read = readWebUrl(text);
  if (!read.ok || !HOST.test(read.data.hostname)) return undefined;
  const [kind, slug] = read.data.pathname.split('/').filter(Boolean);
  return (kind === 'in' || kind === 'company') && slug ? { kind, slug } : undefined;
}

function decodeSlug(slug: string): string | undefined {
  try {
    return decodeURIComponent(slug);
  } catch {
    return undefined;
  }
}
