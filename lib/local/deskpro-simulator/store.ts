import type { TargetKind } from '../../deskpro/types';
import type { Columns, ContactRow } from './contact-types';

export interface SimulatedPerson {
  readonly id: number;
  readonly name: string;
  /** The first is the primary email. */
  readonly emails: string[];
  readonly contactData: ContactRow[];
}

export interface SimulatedOrganization {
  readonly id: number;
  readonly name: string;
  readonly contactData: ContactRow[];
}

export type Owner = SimulatedPerson | SimulatedOrganization;

/** Everything the simulated helpdesk holds. Ids count from 1 per table, as MySQL would. */
export class SimulatorStore {
  readonly people = new Map<number, SimulatedPerson>();
  readonly organizations = new Map<number, SimulatedOrganization>();
  private readonly sequences = { person: 0, organization: 0, personContact: 0, organizationContact: 0, resultCache: 0 };
  private readonly resultCaches = new Map<number, { kind: TargetKind; ids: number[] }>();

  addPerson(name: string, emails: readonly string[]): SimulatedPerson {
    const person: SimulatedPerson = { id: ++this.sequences.person, name, emails: [...emails], contactData: [] };
    this.people.set(person.id, person);
    return person;
  }

  addOrganization(name: string): SimulatedOrganization {
    const organization: SimulatedOrganization = { id: ++this.sequences.organization, name, contactData: [] };
    this.organizations.set(organization.id, organization);
    return organization;
  }

  owner(kind: TargetKind, id: number): Owner | undefined {
    return kind === 'person' ? this.people.get(id) : this.organizations.get(id);
  }

  /** Deskpro never deduplicates (§3.2): every call adds a row. */
  addContactRow(kind: TargetKind, owner: Owner, contactType: string, comment: string, columns: Columns): ContactRow {
    const id = kind === 'person' ? ++this.sequences.personContact : ++this.sequences.organizationContact;
    const row: ContactRow = { id, contactType, comment, columns };
    owner.contactData.push(row);
    return row;
  }

  /** `PersonRepository::findOneByEmail`: exact, case-insensitive (MySQL collation). */
  emailInUse(email: string): boolean {
    const wanted = email.toLowerCase();
    return [...this.people.values()].some((person) => person.emails.some((e) => e.toLowerCase() === wanted));
  }

  /**
   * A search stored as a result set (`ResultCache`): `contains` on every term, case-insensitive,
   * any term may match, ordered by id. A known `cache_id` of the same kind replays its stored ids.
   */
  search(kind: TargetKind, terms: readonly string[], cacheId: number): { cacheId: number; ids: number[] } {
    const cached = this.resultCaches.get(cacheId);
    if (cached && cached.kind === kind) return { cacheId, ids: cached.ids };
    const needles = terms.map((term) => term.toLowerCase());
    const haystacks: Array<[number, string[]]> =
      kind === 'person'
        ? [...this.people.values()].map((p) => [p.id, p.emails])
        : [...this.organizations.values()].map((o) => [o.id, [o.name]]);
    const ids = haystacks
      .filter(([, values]) => needles.length === 0 || values.some((v) => needles.some((n) => v.toLowerCase().includes(n))))
      .map(([id]) => id)
      .sort((a, b) => a - b);
    const id = ++this.sequences.resultCache;
    this.resultCaches.set(id, { kind, ids });
    return { cacheId: id, ids };
  }
}
