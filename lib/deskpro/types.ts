import type { ContactRecord } from '../contact-data/record';

export type TargetKind = 'person' | 'organization';

/** A Deskpro person or organization, found by its id. */
export interface DeskproTarget {
  readonly kind: TargetKind;
  readonly id: number;
}

/** One contact-data row as Deskpro holds it: type as stored, data as echoed back (all strings). */
export interface StoredContactData {
  readonly id: number;
  readonly type: string;
  readonly comment: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface DeskproApi {
  /** Exact, case-insensitive email match (the legacy search is a substring match). */
  findPersonByEmail(email: string): Promise<DeskproTarget | undefined>;
  /** Exact match on the folded name (trimmed, whitespace collapsed, case-insensitive). */
  findOrganizationByName(name: string): Promise<DeskproTarget | undefined>;
  listContactData(target: DeskproTarget): Promise<StoredContactData[]>;
  /** POST …/contact-details, form-encoded; resolves to the new record id. */
  addContactData(target: DeskproTarget, record: ContactRecord): Promise<number>;
  /** POST /api/people, optionally with records in the same call (the worker creates bare); resolves to the new person. */
  createPerson(person: { email: string; name: string }, records: readonly ContactRecord[]): Promise<DeskproTarget>;
}
