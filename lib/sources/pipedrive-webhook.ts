import { z } from 'zod';
import { isoTime, parseWith, text } from './payload';

/**
 * Pipedrive person webhooks, v1 and v2, read into one internal shape (`PipedrivePerson`) so that
 * the mapping to CrmContact is written once.
 * https://pipedrive.readme.io/docs/guide-for-webhooks-v2
 * https://pipedrive.readme.io/docs/webhooks-v2-migration-guide
 */

// Captured v2 samples disagree: ids arrive as strings in some, numbers in others.
const PipedriveId = z.union([z.number().int(), z.string().min(1)]);
const maybeText = z.string().nullish();
const PipedriveItem = z.object({
  value: z.union([z.string(), z.number()]).nullish(),
  label: maybeText,
  primary: z.boolean().nullish(),
});
export type PipedriveItem = z.infer<typeof PipedriveItem>;
const items = z.array(PipedriveItem).nullish();
// The record itself is read only once the envelope says it is a person worth reading.
const record = z.record(z.string(), z.unknown()).nullable();

/** The geocoded parts of a postal address (API v2 object keys; v1 flattens them with a prefix). */
const PipedriveAddress = z.object({
  value: maybeText,
  street_number: maybeText,
  route: maybeText,
  subpremise: maybeText,
  sublocality: maybeText,
  locality: maybeText,
  admin_area_level_1: maybeText,
  postal_code: maybeText,
  country: maybeText,
});
export type PipedriveAddress = z.infer<typeof PipedriveAddress>;

export const PipedriveV1Webhook = z.object({
  v: z.literal(1),
  meta: z.object({
    action: z.string(),
    object: z.string(),
    timestamp: z.union([z.number(), z.string()]).nullish(),
  }),
  current: record,
});

export const PipedriveV1Person = z.object({
  id: PipedriveId,
  name: maybeText,
  email: items,
  phone: items,
  im: items,
  postal_address: maybeText,
  postal_address_street_number: maybeText,
  postal_address_route: maybeText,
  postal_address_subpremise: maybeText,
  postal_address_sublocality: maybeText,
  postal_address_locality: maybeText,
  postal_address_admin_area_level_1: maybeText,
  postal_address_postal_code: maybeText,
  postal_address_country: maybeText,
});

export const PipedriveV2Webhook = z.object({
  meta: z.object({
    action: z.string(),
    entity: z.string(),
    id: PipedriveId.nullish(),
    version: z.string(),
    // ISO 8601 in most samples, epoch seconds in others.
    timestamp: z.union([z.string(), z.number()]).nullish(),
  }),
  data: record,
});

// v2 webhooks may omit `ims` and `postal_address` (unverified); they are read when present.
export const PipedriveV2Person = z.object({
  id: PipedriveId,
  name: maybeText,
  emails: items,
  phones: items,
  ims: items,
  postal_address: PipedriveAddress.nullish(),
});

export interface PipedrivePerson {
  readonly id: string | number;
  readonly name?: string;
  readonly emails: readonly PipedriveItem[];
  readonly phones: readonly PipedriveItem[];
  readonly ims: readonly PipedriveItem[];
  readonly address: PipedriveAddress;
  readonly eventId?: string;
  readonly occurredAt?: string;
}

/**
 * v1 envelopes carry a top-level `v: 1`; v2 dropped that key and versions itself in
 * `meta.version`. So `v` alone decides, before anything else in the body is trusted.
 */
export function isPipedriveV1(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { v?: unknown }).v === 1;
}

/** The person a v1 webhook carries; null for deletions and other objects (nothing to add). */
export function fromV1(body: unknown): PipedrivePerson | null {
  const { meta, current } = parseWith(PipedriveV1Webhook, body, 'Pipedrive v1 webhook');
  if (meta.object !== 'person' || meta.action === 'deleted' || current === null) return null;
  const person = parseWith(PipedriveV1Person, current, 'Pipedrive v1 person', ['current']);
  return {
    id: person.id,
    name: text(person.name),
    emails: person.email ?? [],
    phones: person.phone ?? [],
    ims: person.im ?? [],
    address: {
      value: person.postal_address,
      street_number: person.postal_address_street_number,
      route: person.postal_address_route,
      subpremise: person.postal_address_subpremise,
      sublocality: person.postal_address_sublocality,
      locality: person.postal_address_locality,
      admin_area_level_1: person.postal_address_admin_area_level_1,
      postal_code: person.postal_address_postal_code,
      country: person.postal_address_country,
    },
    occurredAt: isoTime(meta.timestamp),
  };
}

/** The person a v2 webhook carries; null for deletions and other entities (nothing to add). */
export function fromV2(body: unknown): PipedrivePerson | null {
  const { meta, data } = parseWith(PipedriveV2Webhook, body, 'Pipedrive v2 webhook');
  if (meta.entity !== 'person' || meta.action === 'delete' || data === null) return null;
  const person = parseWith(PipedriveV2Person, data, 'Pipedrive v2 person', ['data']);
  return {
    id: person.id,
    name: text(person.name),
    emails: person.emails ?? [],
    phones: person.phones ?? [],
    ims: person.ims ?? [],
    address: person.postal_address ?? {},
    eventId: meta.id === null || meta.id === undefined ? undefined : String(meta.id),
    occurredAt: isoTime(meta.timestamp),
  };
}
