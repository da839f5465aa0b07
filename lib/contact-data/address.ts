import { countryCode, countryName } from './country';
import { foldText } from './fold';
import { ok, skip, type Normalized } from './outcome';
import type { RecordOf } from './record';

export type AddressData = RecordOf<'address'>['data'];

export interface AddressParts {
  readonly street?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  readonly country?: string;
}

/**
 * An address with every part trimmed and every data key present (Deskpro reads them all).
 * The street keeps its lines, minus blank ones. The zip is text: `00501` keeps its zeros.
 * A known country is written as its English name, as the agent UI offers them; an unknown one
 * is kept as typed rather than lost. An address with no part at all is no address.
 */
export function normalizeAddress(parts: AddressParts): Normalized<AddressData> {
  const street = (parts.street ?? '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
  const country = (parts.country ?? '').trim();
  const code = country ? countryCode(country) : undefined;
  const data: AddressData = {
    address: street,
    city: (parts.city ?? '').trim(),
    state: (parts.state ?? '').trim(),
    zip: (parts.zip ?? '').trim(),
    country: (code && countryName(code)) || country,
  };
  return Object.values(data).some(Boolean) ? ok(data) : skip('empty');
}

/**
 * Folded parts, the country as its ISO code so "US" and "United States" meet, the zip without
 * spaces or dashes so "12345-6789" and "12345 6789" meet.
 */
export function addressKey(data: AddressData): string {
  const country = countryCode(data.country) ?? foldText(data.country);
  const zip = foldText(data.zip).replace(/ /g, '');
  return `address:${[foldText(data.address), foldText(data.city), foldText(data.state), zip, country].join('|')}`;
}
