import type { CrmAddress, CrmContact, CrmPhone } from '../contact-data/contact';
import { SignatureError } from './errors';
import { emptyLists, optional, readJson, text } from './payload';
import { fromV1, fromV2, isPipedriveV1, type PipedriveAddress, type PipedriveItem, type PipedrivePerson } from './pipedrive-webhook';
import type { WebhookRequest } from './request';
import { requireHeader, safeEqual } from './signature';
import type { Source, SourceSettings } from './source';

/**
 * Pipedrive person webhooks (v1 and v2). Pipedrive signs nothing: the only proof of origin is the
 * HTTP Basic credentials set on the webhook (`http_auth_user` / `http_auth_password`).
 * https://pipedrive.readme.io/docs/guide-for-webhooks
 */

export function toCrmContact(person: PipedrivePerson): CrmContact {
  const contact: CrmContact = {
    kind: 'person',
    ...optional('email', primaryFirst(person.emails).map((item) => text(item.value)).find(Boolean)),
    ...optional('name', person.name),
    crm: {
      source: 'pipedrive',
      objectId: String(person.id),
      ...optional('eventId', person.eventId),
      ...optional('occurredAt', person.occurredAt),
    },
    ...emptyLists(),
    phones: person.phones.flatMap(toPhone),
    addresses: toAddresses(person.address),
  };
  // An IM's label names its messenger (skype, google, aim, ...; read from the UI, not a documented
  // list). Skype is a Deskpro type of its own; any other label is the instant_message service.
  for (const item of person.ims) {
    const username = text(item.value);
    const service = text(item.label)?.toLowerCase() ?? 'other';
    if (username === undefined) continue;
    if (service === 'skype') contact.skype.push({ username });
    else contact.instant_messages.push({ service, username });
  }
  return contact;
}

function toPhone(item: PipedriveItem): CrmPhone[] {
  const number = text(item.value);
  if (number === undefined) return [];
  const label = text(item.label);
  const lower = label?.toLowerCase();
  const kind = lower === 'mobile' ? 'mobile' : lower === 'fax' ? 'fax' : 'phone';
  return [{ number, kind, ...optional('label', label) }];
}

/**
 * The geocoded parts when Pipedrive has them (street as "number route", then the unit), else the
 * address as typed, whole, as the street. Never both: that would add the same address twice.
 */
function toAddresses(parts: PipedriveAddress): CrmAddress[] {
  const streetLine = [text(parts.street_number), text(parts.route)].filter(Boolean).join(' ');
  const street = [streetLine, text(parts.subpremise)].filter(Boolean).join(', ');
  const structured: CrmAddress = {
    ...optional('street', street || undefined),
    ...optional('city', text(parts.locality) ?? text(parts.sublocality)),
    ...optional('state', text(parts.admin_area_level_1)),
    ...optional('zip', text(parts.postal_code)),
    ...optional('country', text(parts.country)),
  };
  if (Object.keys(structured).length > 0) return [structured];
  const typed = text(parts.value);
  return typed === undefined ? [] : [{ street: typed }];
}

function primaryFirst(list: readonly PipedriveItem[]): PipedriveItem[] {
  return [...list].sort((a, b) => Number(b.primary === true) - Number(a.primary === true));
}

/** RFC 7617 Basic credentials, compared in constant time with `user:password` from settings. */
function verifyBasicAuth(request: WebhookRequest, expected: string): void {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2})$/i.exec(requireHeader(request, 'authorization').trim());
  if (!match?.[1]) throw new SignatureError('authorization header is malformed');
  if (!safeEqual(Buffer.from(match[1], 'base64').toString('utf8'), expected)) {
    throw new SignatureError('credentials do not match');
  }
}

function credentials(settings: SourceSettings): string {
  if (!settings.pipedriveBasicAuth) throw new Error('PIPEDRIVE_BASIC_AUTH is not configured');
  return settings.pipedriveBasicAuth;
}

/** The header Pipedrive sends for the configured credentials (used by fixtures and demos). */
export function signPipedrive(_request: WebhookRequest, settings: SourceSettings): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(credentials(settings), 'utf8').toString('base64')}` };
}

export const pipedrive: Source = {
  name: 'pipedrive',
  contentTypes: ['application/json'],
  isConfigured: (settings) => Boolean(settings.pipedriveBasicAuth),
  verify: (request, settings) => verifyBasicAuth(request, credentials(settings)),
  parse(request) {
    const body = readJson(request);
    const person = isPipedriveV1(body) ? fromV1(body) : fromV2(body);
    return person ? [toCrmContact(person)] : [];
  },
};
