import type { ContactRecord } from '../contact-data/record';

/** Ordered form fields; the legacy API reads PHP bracket notation from form bodies only (§2.1). */
export type FormFields = Array<[name: string, value: string]>;

/**
 * One record as legacy form fields (deskpro-api.md §1.2, §5): `type`, `comment` and `data[<k>]`,
 * or, under a prefix such as `contact_data[0]`, `contact_data[0][type]` … `contact_data[0][data][<k>]`.
 * The comment is always sent (even empty): Deskpro overwrites any `data[comment]` with it anyway.
 */
export function recordFields(record: ContactRecord, prefix?: string): FormFields {
  const key = (name: string): string => (prefix === undefined ? name : `${prefix}[${name}]`);
  const fields: FormFields = [
    [key('type'), record.type],
    [key('comment'), record.comment],
  ];
  for (const [name, value] of Object.entries(record.data)) fields.push([`${key('data')}[${name}]`, value]);
  return fields;
}

/** Body of `POST …/contact-details` (§2.1). */
export function contactDataForm(record: ContactRecord): URLSearchParams {
  return new URLSearchParams(recordFields(record));
}

/** Body of `POST /api/people`: `name`, `email`, then `contact_data[<n>][…]` per record (§2.1, §5). */
export function newPersonForm(person: { email: string; name: string }, records: readonly ContactRecord[]): URLSearchParams {
  const fields: FormFields = [
    ['name', person.name],
    ['email', person.email],
  ];
  records.forEach((record, index) => fields.push(...recordFields(record, `contact_data[${index}]`)));
  return new URLSearchParams(fields);
}
