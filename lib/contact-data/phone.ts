import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import { foldText } from './fold';
import { ok, skip, type Normalized } from './outcome';
import type { RecordOf } from './record';

export type PhoneData = RecordOf<'phone'>['data'];
export type PhoneKind = PhoneData['type'];

/**
 * What a number written without `+` belongs to: the region it was dialled in, or the calling
 * code Deskpro holds beside it (which wins, being the number's own).
 */
export interface PhoneContext {
  readonly region?: CountryCode;
  readonly callingCode?: string;
}

/**
 * A phone number split as Deskpro's agent UI keeps it: calling code apart, national significant
 * number as digits without trunk prefix, an extension as ` ext. N`. A number that does not parse
 * is kept as given with an empty calling code: a person can still read it, and nothing is invented.
 */
export function normalizePhone(raw: string, kind: PhoneKind, context: PhoneContext): Normalized<PhoneData> {
  const text = raw.trim();
  if (!text) return skip('empty');
  const parsed = parsePhone(text, context);
  if (!parsed) return ok({ number: text, country_calling_code: '', type: kind });
  const ext = parsed.ext ? ` ext. ${parsed.ext}` : '';
  return ok({ number: `${parsed.nationalNumber}${ext}`, country_calling_code: parsed.countryCallingCode, type: kind });
}

/**
 * E.164 (with `;ext=N`) for a parsed number. An unparsed one falls back to its digits, or, when
 * it has none, to its folded text so that two different notes never share a key.
 */
export function phoneKey(data: PhoneData): string {
  const split = /^(\d+)(?: ext\. (\d+))?$/.exec(data.number);
  if (data.country_calling_code && split) {
    return `phone:+${data.country_calling_code}${split[1]}${split[2] ? `;ext=${split[2]}` : ''}`;
  }
  return `phone:${data.number.replace(/\D/g, '') || foldText(data.number)}`;
}

/**
 * Accepts what libphonenumber calls *possible* (right length for the country), not only *valid*:
 * real CRMs hold fictional 555-01xx numbers and new ranges the metadata does not know yet.
 */
function parsePhone(text: string, context: PhoneContext): PhoneNumber | undefined {
  const callingCode = context.callingCode?.replace(/\D/g, '');
  const options = callingCode ? { defaultCallingCode: callingCode } : context.region ? { defaultCountry: context.region } : {};
  const possible = (candidate: string) => {
    try {
      const parsed = parsePhoneNumberFromString(candidate, options);
      return parsed?.isPossible() ? parsed : undefined;
    } catch {
      // Thrown for a calling code no country uses (a stored row may hold any text there).
      return undefined;
    }
  };
  // libphonenumber reads `tel:` URIs (with `;ext=`), but only with the scheme in lower case.
  const number = text.replace(/^tel:/i, 'tel:');
  // `00` is the international prefix nearly everywhere, but not where the default region dials
  // another one (the US dials 011), so it is tried as `+` when the region's own reading fails.
  return possible(number) ?? (number.startsWith('00') ? possible(`+${number.slice(2)}`) : undefined);
}
