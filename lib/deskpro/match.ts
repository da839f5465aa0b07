import { collectionItems, isRecord } from './collections';

/**
 * Every address a legacy person carries in `primary_email` and `emails`. Each may be a string, an
 * object with `email`, or a collection (keyed by id or an array) of those. The client matches them
 * exactly, because the legacy search matches substrings (deskpro-api.md §2.1 "GET /api/people",
 * §3.2): `bob@example.com` also finds `jimbob@example.com`.
 */
export function personEmails(person: Record<string, unknown>): string[] {
  return [...emailsIn(person.primary_email, 0), ...emailsIn(person.emails, 0)];
}

function emailsIn(value: unknown, depth: number): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 2) return [];
  if (isRecord(value) && typeof value.email === 'string') return [value.email];
  return (collectionItems(value) ?? []).flatMap((item) => emailsIn(item, depth + 1));
}
