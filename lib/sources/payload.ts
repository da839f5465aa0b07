import type { z } from 'zod';
import type { CrmContact } from '../contact-data/contact';
import { PayloadError } from './errors';
import type { WebhookRequest } from './request';

/**
 * Reading a CRM body: bytes → JSON → a provider schema, every failure a PayloadError (400) with
 * dotted paths. Messages never quote the input: a webhook body is personal data, and these
 * messages travel back to the caller and into logs.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readJson(request: WebhookRequest): unknown {
  let text: string;
  try {
    text = utf8.decode(request.body);
  } catch {
    throw new PayloadError('body is not valid UTF-8', [{ path: '', message: 'not valid UTF-8' }]);
  }
  if (text.trim() === '') throw new PayloadError('body is empty', [{ path: '', message: 'expected a JSON body' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // V8's SyntaxError message quotes the body, so it is neither passed on nor kept as the cause.
    throw new PayloadError('body is not valid JSON', [{ path: '', message: 'not valid JSON' }]);
  }
}

/** `schema.parse` with zod issues turned into PayloadError details; `at` prefixes nested parses. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  at: ReadonlyArray<PropertyKey> = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [...at, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
  throw new PayloadError(`${what} does not match the expected shape`, details);
}

type ContactLists = Pick<
  CrmContact,
  'phones' | 'addresses' | 'websites' | 'twitter' | 'linkedin' | 'facebook' | 'skype' | 'instant_messages'
>;

/** The eight contact-data lists, empty, for a mapper to fill. */
export function emptyLists(): ContactLists {
  return { phones: [], addresses: [], websites: [], twitter: [], linkedin: [], facebook: [], skype: [], instant_messages: [] };
}

/** `{ [key]: value }` when the value is set, `{}` otherwise: mapped contacts omit, never blank, a field. */
export function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
}

/** A CRM value as text: trimmed, with blank (`""`, whitespace, null) meaning "not set". */
export function text(value: string | number | boolean | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A CRM timestamp (ISO 8601 with a zone, or epoch seconds / milliseconds as number or digits) as
 * ISO 8601; undefined otherwise. Zone-less strings are refused: `new Date` would read them in the
 * server's local time. Epochs below 1e11 are seconds (as milliseconds they would be in 1973).
 */
export function isoTime(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  let date: Date;
  if (typeof value === 'number' || /^\d+$/.test(value)) {
    const epoch = Number(value);
    date = new Date(epoch < 1e11 ? epoch * 1000 : epoch);
  } else if (ISO_WITH_ZONE.test(value)) {
    date = new Date(value);
  } else {
    return undefined;
  }
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
