import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { normalizeAddress } from './address';
import type { CrmContact } from './contact';
import { countryCode } from './country';
import { normalizeFacebook } from './facebook';
import { comparableKey } from './key';
import { normalizeLinkedIn } from './linkedin';
import { normalizeInstantMessage, normalizeSkype } from './messaging';
import { asRecord, type Normalized, type SkipReason } from './outcome';
import { normalizePhone } from './phone';
import { ContactRecord, type ContactType, type RecordOf } from './record';
import { normalizeTwitter } from './twitter';
import { normalizeWebsite } from './website';

export interface NormalizeOptions {
  /** Region for numbers written without `+` when the contact's own address names no country. */
  readonly defaultRegion?: CountryCode;
}

/** A CRM value that became no record. The reason is a fixed phrase, never the value itself. */
export interface SkippedValue {
  /** Where it was in the contact, e.g. `phones[1]`. */
  readonly field: string;
  readonly type: ContactType;
  readonly reason: SkipReason;
}

export interface NormalizeResult {
  readonly records: ContactRecord[];
  readonly skipped: SkippedValue[];
  /** Phones kept as given because they did not parse (stored with an empty calling code). */
  readonly unparsedPhones: number;
}

interface Draft {
  readonly field: string;
  readonly type: ContactType;
  readonly result: Normalized<ContactRecord>;
}

/**
 * One contact's details as Deskpro contact-data records, in the contact's order, each value
 * once (a value repeated in another spelling keeps its first occurrence), with the CRM label
 * as the comment. Values that cannot become a record are reported, not thrown: the rest of the
 * contact still goes through.
 */
export function normalizeContact(contact: CrmContact, options: NormalizeOptions): NormalizeResult {
  const region = contactRegion(contact) ?? options.defaultRegion;
  const drafts: Draft[] = [
    ...draftsOf('phones', contact.phones, 'phone', (phone) => normalizePhone(phone.number, phone.kind ?? 'phone', { region })),
    ...draftsOf('addresses', contact.addresses, 'address', normalizeAddress),
    ...draftsOf('websites', contact.websites, 'website', (site) => normalizeWebsite(site.url)),
    ...draftsOf('twitter', contact.twitter, 'twitter', (account) => normalizeTwitter(account.handle)),
    ...draftsOf('linkedin', contact.linkedin, 'linked_in', (profile) => normalizeLinkedIn(profile.url)),
    ...draftsOf('facebook', contact.facebook, 'facebook', (profile) => normalizeFacebook(profile.url)),
    ...draftsOf('skype', contact.skype, 'skype', (account) => normalizeSkype(account.username)),
    ...draftsOf('instant_messages', contact.instant_messages, 'instant_message', (account) =>
      normalizeInstantMessage(account.service, account.username)),
  ];

  const records: ContactRecord[] = [];
  const skipped: SkippedValue[] = [];
  const seen = new Set<string>();
  for (const { field, type, result } of drafts) {
    if (!result.ok) {
      skipped.push({ field, type, reason: result.reason });
      continue;
    }
    // The schema's limits (2048 per value) are the only thing normalizing can newly break.
    const checked = ContactRecord.safeParse(result.data);
    if (!checked.success) {
      skipped.push({ field, type, reason: 'too long' });
      continue;
    }
    const key = comparableKey(checked.data, options.defaultRegion);
    if (seen.has(key)) {
      skipped.push({ field, type, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    records.push(checked.data);
  }
  const unparsedPhones = records.filter((r) => r.type === 'phone' && r.data.country_calling_code === '').length;
  return { records, skipped, unparsedPhones };
}

/** Normalizes one list of the contact; `field` names each item by its place in that list. */
function draftsOf<T extends { readonly label?: string }, K extends ContactType>(
  list: string,
  items: readonly T[],
  type: K,
  normalize: (item: T) => Normalized<RecordOf<K>['data']>,
): Draft[] {
  return items.map((item, i) => ({ field: `${list}[${i}]`, type, result: asRecord(type, comment(item.label), normalize(item)) }));
}

/** A national number is read in the contact's own country: the first address that names a known one. */
function contactRegion(contact: CrmContact): CountryCode | undefined {
  for (const address of contact.addresses) {
    const code = address.country ? countryCode(address.country) : undefined;
    if (code && isSupportedCountry(code)) return code;
  }
  return undefined;
}

function comment(label: string | undefined): string {
  return label?.trim() ?? '';
}
