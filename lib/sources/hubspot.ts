import { z } from 'zod';
import type { CrmContact } from '../contact-data/contact';
import { PayloadError } from './errors';
import { emptyLists, isoTime, optional, parseWith, readJson, text } from './payload';
import type { WebhookRequest } from './request';
import { signHmac, verifyHmac, type HmacScheme } from './signature';
import type { HubspotPropertyTarget, Source, SourceSettings } from './source';

/**
 * HubSpot workflow "Send a webhook" action: one contact record per call, in the legacy contacts
 * API shape, signed with request signature v3.
 * https://knowledge.hubspot.com/workflows/how-do-i-use-webhooks-with-hubspot-workflows
 * https://developers.hubspot.com/docs/api/webhooks/validating-requests
 */

const HubspotId = z.union([z.number().int(), z.string().min(1)]);
// Legacy property values are strings, but a number or boolean must not fail the whole record.
const HubspotProperty = z.object({ value: z.union([z.string(), z.number(), z.boolean()]).nullish() });
const HubspotIdentity = z.object({ type: z.string(), value: z.string(), 'is-primary': z.boolean().optional() });

export const HubspotWorkflowContact = z.object({
  vid: HubspotId,
  'portal-id': HubspotId.optional(),
  'is-contact': z.boolean().optional(),
  properties: z.record(z.string(), HubspotProperty),
  'identity-profiles': z.array(z.object({ identities: z.array(HubspotIdentity).default([]) })).default([]),
});
export type HubspotWorkflowContact = z.infer<typeof HubspotWorkflowContact>;

/** Built-in properties that become contact data; `settings.hubspotPropertyMap` adds to (or overrides) these. */
const DEFAULT_PROPERTY_MAP: Readonly<Record<string, HubspotPropertyTarget>> = {
  phone: 'phone',
  mobilephone: 'mobile',
  fax: 'fax',
  website: 'website',
  twitterhandle: 'twitter',
  hs_linkedin_url: 'linkedin',
};

/**
 * Null when the record is not a contact (nothing to add). A contact without any email is still
 * returned: the webhook step then reports it as skipped ("a person needs an email") by position.
 */
export function toCrmContact(
  raw: HubspotWorkflowContact,
  propertyMap: Readonly<Record<string, HubspotPropertyTarget>> = {},
): CrmContact | null {
  if (raw['is-contact'] === false) return null;
  const property = (name: string) => (Object.hasOwn(raw.properties, name) ? text(raw.properties[name]?.value) : undefined);

  const name = [property('firstname'), property('lastname')].filter(Boolean).join(' ');
  const occurredAt = isoTime(property('lastmodifieddate'));
  const address = {
    ...optional('street', property('address')),
    ...optional('city', property('city')),
    ...optional('state', property('state')),
    ...optional('zip', property('zip')),
    ...optional('country', property('country')),
  };
  const contact: CrmContact = {
    kind: 'person',
    ...optional('email', property('email') ?? primaryEmail(raw)),
    ...optional('name', name || undefined),
    crm: { source: 'hubspot', objectId: String(raw.vid), ...optional('occurredAt', occurredAt) },
    ...emptyLists(),
    addresses: Object.keys(address).length > 0 ? [address] : [],
  };
  for (const [propertyName, target] of Object.entries({ ...DEFAULT_PROPERTY_MAP, ...propertyMap })) {
    const value = property(propertyName);
    if (value !== undefined) addValue(contact, target, value);
  }
  return contact;
}

function addValue(contact: CrmContact, target: HubspotPropertyTarget, value: string): void {
  switch (target) {
    case 'phone':
    case 'mobile':
    case 'fax':
      return void contact.phones.push({ number: value, kind: target });
    case 'website':
      return void contact.websites.push({ url: value });
    case 'twitter':
      return void contact.twitter.push({ handle: value });
    case 'linkedin':
      return void contact.linkedin.push({ url: value });
    case 'facebook':
      return void contact.facebook.push({ url: value });
    case 'skype':
      return void contact.skype.push({ username: value });
    default:
      // `im:<service>`; the service name is mapped to Deskpro's list when the record is normalized.
      if (target.startsWith('im:')) contact.instant_messages.push({ service: target.slice(3) || 'other', username: value });
  }
}

/** The `email` property can be blank on older records; the identity profile still holds it. */
function primaryEmail(raw: HubspotWorkflowContact): string | undefined {
  const emails = raw['identity-profiles'].flatMap((profile) => profile.identities).filter((id) => id.type === 'EMAIL');
  const primary = emails.find((id) => id['is-primary'] === true) ?? emails[0];
  return text(primary?.value);
}

// HubSpot decodes these before signing (validating-requests page), so we must decode them too.
const SIGNED_URI_DECODING = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/** The URL HubSpot called, as it signs it: public base URL + routed path + raw query. */
export function hubspotSignedUri(publicUrl: string, request: WebhookRequest): string {
  const query = request.rawQuery === '' ? '' : `?${request.rawQuery}`;
  return `${publicUrl.replace(/\/+$/, '')}${request.path}${query}`.replace(SIGNED_URI_DECODING, (encoded) =>
    String.fromCharCode(parseInt(encoded.slice(1), 16)),
  );
}

const signatureV3 = (publicUrl: string): HmacScheme => ({
  signatureHeader: 'x-hubspot-signature-v3',
  timestampHeader: 'x-hubspot-request-timestamp',
  timestampUnit: 'ms',
  encoding: 'base64',
  signedContent: (request, timestamp) => [request.method, hubspotSignedUri(publicUrl, request), request.body, timestamp],
  // Compared exactly as sent: a `+` that a proxy turned into a space is a bad signature, not ours to repair.
  readSignatures: (value) => (/^[A-Za-z0-9+/]{43}=$/.test(value) ? [value] : []),
  writeSignature: (signature) => signature,
});

function clientSecret(settings: SourceSettings): string {
  if (!settings.hubspotClientSecret) throw new Error('HUBSPOT_CLIENT_SECRET is not configured');
  return settings.hubspotClientSecret;
}

function publicUrl(settings: SourceSettings): string {
  if (!settings.publicUrl) throw new Error('PUBLIC_URL is not configured');
  return settings.publicUrl;
}

export function signHubspot(request: WebhookRequest, settings: SourceSettings, now: Date): Record<string, string> {
  return signHmac(signatureV3(publicUrl(settings)), request, clientSecret(settings), now);
}

export const hubspot: Source = {
  name: 'hubspot',
  contentTypes: ['application/json'],
  // HubSpot signs the URL it called, so without PUBLIC_URL no call could ever verify.
  isConfigured: (settings) => Boolean(settings.hubspotClientSecret && settings.publicUrl),
  verify: (request, settings, now) => verifyHmac(signatureV3(publicUrl(settings)), request, clientSecret(settings), now),
  parse(request, settings) {
    const body = readJson(request);
    if (Array.isArray(body)) {
      throw new PayloadError(
        'HubSpot webhooks-API batches (a JSON array of events carrying only ids) are not supported yet; ' +
          'send the contact with a workflow "Send a webhook" action instead',
        [{ path: '', message: 'expected one workflow contact object, got an array' }],
      );
    }
    const contact = toCrmContact(parseWith(HubspotWorkflowContact, body, 'HubSpot workflow payload'), settings.hubspotPropertyMap);
    return contact ? [contact] : [];
  },
};
