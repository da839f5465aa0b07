import type { CountryCode } from 'libphonenumber-js';
import { addressKey, normalizeAddress } from './address';
import { facebookKey, normalizeFacebook } from './facebook';
import { foldText } from './fold';
import { linkedInKey, normalizeLinkedIn } from './linkedin';
import { instantMessageKey, normalizeInstantMessage, normalizeSkype, skypeKey } from './messaging';
import { asRecord, type Normalized } from './outcome';
import { normalizePhone, phoneKey, type PhoneKind } from './phone';
import type { ContactRecord, ContactType } from './record';
import { normalizeTwitter, twitterKey } from './twitter';
import { normalizeWebsite, websiteKey } from './website';

/** A contact-data row as Deskpro holds it: the type as stored (any case, legacy names) and its fields. */
export interface StoredRecord {
  readonly type: string;
  readonly data: Readonly<Record<string, string>>;
}

/**
 * Comparable keys: the same value in another spelling gets the same key, so a record Deskpro
 * already holds counts as present (Deskpro itself never deduplicates). A key starts with the
 * type it compares within (`phone:`, `website:`…), except that IM/skype and skype share `skype:`.
 *
 * Both functions below pass the data through the very normalizers that built our records, then
 * key the result: one way to read each value, whoever wrote it.
 */

type WireData = Readonly<Record<string, string | undefined>>;

/** The key of one of our records. `defaultRegion` reads a phone that has no calling code. */
export function comparableKey(record: ContactRecord, defaultRegion?: CountryCode): string {
  const again = normalizeWire(record.type, record.data, defaultRegion);
  // Our own records always normalize again; the fallback only keeps this total for hand-made ones.
  return again.ok ? keyOf(again.data) : `${record.type}:${Object.values(record.data).map(foldText).join('|')}`;
}

/**
 * The key of a row Deskpro already holds, or undefined when it cannot match anything of ours
 * (an unknown type, an empty value, a URL that is not one). Deskpro stores the type as sent, so
 * it may be in any case, the legacy `mobile`/`fax` phone types, or `linkedin`.
 */
export function keyOfStored(stored: StoredRecord, defaultRegion?: CountryCode): string | undefined {
  const type = storedType(stored.type);
  if (!type) return undefined;
  // A legacy `mobile`/`fax` row says its kind in its type, not in its data.
  const data: WireData = type === 'phone' ? { ...stored.data, type: stored.data.type ?? stored.type } : stored.data;
  const record = normalizeWire(type, data, defaultRegion);
  return record.ok ? keyOf(record.data) : undefined;
}

function keyOf(record: ContactRecord): string {
  switch (record.type) {
    case 'address': return addressKey(record.data);
    case 'phone': return phoneKey(record.data);
    case 'website': return websiteKey(record.data);
    case 'twitter': return twitterKey(record.data);
    case 'linked_in': return linkedInKey(record.data);
    case 'facebook': return facebookKey(record.data);
    case 'skype': return skypeKey(record.data);
    case 'instant_message': return instantMessageKey(record.data);
  }
}

/** Reads Deskpro wire data (our records' or a stored row's) back through the normalizers. */
function normalizeWire(type: ContactType, data: WireData, defaultRegion?: CountryCode): Normalized<ContactRecord> {
  const text = (key: string) => data[key] ?? '';
  switch (type) {
    case 'address':
      return asRecord(type, '', normalizeAddress({ street: data.address, city: data.city, state: data.state, zip: data.zip, country: data.country }));
    case 'phone': {
      // Deskpro holds the calling code apart and may hold the number in national format.
      const context = text('country_calling_code').trim() ? { callingCode: text('country_calling_code') } : { region: defaultRegion };
      return asRecord(type, '', normalizePhone(text('number'), phoneKind(text('type')), context));
    }
    case 'website': return asRecord(type, '', normalizeWebsite(text('url')));
    case 'twitter': return asRecord(type, '', normalizeTwitter(text('username')));
    case 'linked_in': return asRecord(type, '', normalizeLinkedIn(text('profile_url')));
    case 'facebook': return asRecord(type, '', normalizeFacebook(text('profile_url')));
    case 'skype': return asRecord(type, '', normalizeSkype(text('username')));
    case 'instant_message': return asRecord(type, '', normalizeInstantMessage(text('service'), text('username')));
  }
}

// Deskpro resolves a type by lower-casing it and dropping `_`/`-` into a class name, so
// `Linked_In`, `linkedin` and `linked-in` all reach one handler; `mobile` and `fax` are phones.
const STORED_TYPES = new Map<string, ContactType>([
  ['address', 'address'], ['phone', 'phone'], ['mobile', 'phone'], ['fax', 'phone'], ['website', 'website'],
  ['twitter', 'twitter'], ['linkedin', 'linked_in'], ['facebook', 'facebook'], ['skype', 'skype'],
  ['instantmessage', 'instant_message'],
]);

function storedType(type: string): ContactType | undefined {
  return STORED_TYPES.get(type.trim().toLowerCase().replace(/[-_]/g, ''));
}

function phoneKind(kind: string): PhoneKind {
  const folded = kind.trim().toLowerCase();
  return folded === 'mobile' || folded === 'fax' ? folded : 'phone';
}
