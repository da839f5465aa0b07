import type { ContactType, RecordOf } from './record';

/**
 * Why a value was left out. A closed list of fixed phrases on purpose: reasons reach logs and
 * webhook answers, and a phrase from this list can never carry a phone, handle, URL or street.
 */
export type SkipReason =
  | 'empty'
  | 'duplicate'
  | 'too long'
  | 'not a valid URL'
  | 'not an http(s) URL'
  | 'URL carries credentials'
  | 'not a twitter handle'
  | 'not a LinkedIn profile'
  | 'not a Facebook profile';

/** What a normalizer makes of one value: the record data, or why there is none. */
export type Normalized<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly reason: SkipReason };

export const ok = <T>(data: T): Normalized<T> => ({ ok: true, data });
export const skip = <T = never>(reason: SkipReason): Normalized<T> => ({ ok: false, reason });

/** Wraps normalized data as a record of its type; the one place type and data are paired. */
export function asRecord<T extends ContactType>(
  type: T,
  comment: string,
  result: Normalized<RecordOf<T>['data']>,
): Normalized<RecordOf<T>> {
  return result.ok ? ok({ type, comment, data: result.data } as RecordOf<T>) : result;
}
