import type { ContactRecord } from '../contact-data/record';
import { unexpectedBody } from './classify';
import { collectionItems, isRecord, toId } from './collections';
import { DeskproRejectedError, DeskproUnavailableError } from './errors';
import { contactDataForm, newPersonForm } from './form';
import { foldEmail, foldName } from '../contact-data/identity';
import { personEmails } from './match';
import { DeskproTransport, type DeskproClientOptions } from './transport';
import type { DeskproApi, DeskproTarget, StoredContactData, TargetKind } from './types';

export type { DeskproClientOptions } from './transport';

const PER_PAGE = 250;
const MAX_SEARCH_PAGES = 20;
/** Columns every legacy contact-data row carries besides its type-specific keys (§1.3). */
const ROW_COLUMNS = new Set(['id', 'contact_type', 'comment', ...Array.from({ length: 10 }, (_, i) => `field_${i + 1}`)]);
const COLLECTION_PATH: Record<TargetKind, string> = { person: '/api/people', organization: '/api/organizations' };

function longestWord(name: string): string {
  return name.trim().split(/\s+/).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/** The legacy Deskpro API (`/api/…`, form-encoded), as the worker needs it. */
export class DeskproClient implements DeskproApi {
  private readonly transport: DeskproTransport;

  constructor(options: DeskproClientOptions) {
    this.transport = new DeskproTransport(options);
  }

  async findPersonByEmail(email: string): Promise<DeskproTarget | undefined> {
    const wanted = foldEmail(email);
    if (wanted === '') return undefined;
    // deskpro-api.md §2.1 "GET /api/people" (email[] is a substring filter) and §3.2 (exact match on our side).
    const id = await this.search('person', 'email[]', email.trim(), (person) =>
      personEmails(person).some((candidate) => foldEmail(candidate) === wanted),
    );
    return id === undefined ? undefined : { kind: 'person', id };
  }

  async findOrganizationByName(name: string): Promise<DeskproTarget | undefined> {
    const wanted = foldName(name);
    if (wanted === '') return undefined;
    // deskpro-api.md §2.1 "GET /api/organizations" (name[] is a substring filter). Searching for the
    // longest word, not the whole name, also finds "Acme  Widgets" (two spaces, a no-break space)
    // for "Acme Widgets"; the exact comparison on folded names happens here.
    const id = await this.search('organization', 'name[]', longestWord(name), (organization) =>
      typeof organization.name === 'string' && foldName(organization.name) === wanted,
    );
    return id === undefined ? undefined : { kind: 'organization', id };
  }

  async listContactData(target: DeskproTarget): Promise<StoredContactData[]> {
    const path = `${targetPath(target)}/contact-details`;
    // deskpro-api.md §2.1 "GET /api/people/{id}/contact-details" → `details` keyed by id or `[]`; rows per §1.3.
    const { status, body } = await this.transport.get(path);
    const rows = collectionItems(isRecord(body) ? body.details : undefined);
    if (!rows) throw unexpectedBody(`GET ${path}`, status);
    return rows.map((row) => {
      const stored = toStoredContactData(row);
      if (!stored) throw unexpectedBody(`GET ${path}`, status);
      return stored;
    });
  }

  async addContactData(target: DeskproTarget, record: ContactRecord): Promise<number> {
    const path = `${targetPath(target)}/contact-details`;
    // deskpro-api.md §2.1 "POST /api/people/{id}/contact-details" → 201 {"id"}; fields per §1.2 and §5.
    const { status, body } = await this.transport.post(path, contactDataForm(record));
    const id = toId(isRecord(body) ? body.id : undefined);
    if (id === undefined) throw unexpectedBody(`POST ${path}`, status);
    return id;
  }

  async createPerson(person: { email: string; name: string }, records: readonly ContactRecord[]): Promise<DeskproTarget> {
    // deskpro-api.md §2.1 "POST /api/people" with contact_data[<n>][…] (§5) → 201 {"id"}.
    const { status, body } = await this.transport.post('/api/people', newPersonForm(person, records)).catch((error: unknown) => {
      // "Email already exists": most likely our own earlier create whose answer was lost and which
      // the search does not show yet. Not a refusal of the record: retry, and find the person then.
      if (error instanceof DeskproRejectedError && error.fields.email === 'invalid_argument.email') {
        throw new DeskproUnavailableError('POST /api/people answered 400: the email already exists', 400);
      }
      throw error;
    });
    const id = toId(isRecord(body) ? body.id : undefined);
    if (id === undefined) throw unexpectedBody('POST /api/people', status);
    return { kind: 'person', id };
  }

  /**
   * Walks the substring search page by page (reusing Deskpro's `cache_id` result set) and returns
   * the lowest id that `matches`, or undefined once every page has been read.
   */
  private async search(
    kind: TargetKind,
    filter: string,
    value: string,
    matches: (item: Record<string, unknown>) => boolean,
  ): Promise<number | undefined> {
    const path = COLLECTION_PATH[kind];
    const collection = kind === 'person' ? 'people' : 'organizations';
    let cacheId: string | undefined;
    for (let page = 1; page <= MAX_SEARCH_PAGES; page++) {
      const query = new URLSearchParams([[filter, value], ['per_page', String(PER_PAGE)], ['page', String(page)]]);
      if (cacheId !== undefined) query.set('cache_id', cacheId);
      const { status, body } = await this.transport.get(path, query);
      const items = isRecord(body) ? collectionItems(body[collection]) : undefined;
      if (!isRecord(body) || !items) throw unexpectedBody(`GET ${path}`, status);

      const ids = items.filter(isRecord).filter(matches).map((item) => toId(item.id));
      const found = ids.filter((id): id is number => id !== undefined);
      if (found.length > 0) return Math.min(...found);

      const total = toId(body.total) ?? 0;
      const perPage = toId(body.per_page) ?? PER_PAGE;
      if (items.length === 0 || page * perPage >= total) return undefined;
      cacheId = toId(body.cache_id)?.toString() ?? cacheId;
    }
    // Not "no match": the answer is unknown, so neither skip the record nor create a duplicate person.
    throw new DeskproRejectedError(
      'search_truncated',
      `GET ${path} matched more than ${MAX_SEARCH_PAGES * PER_PAGE} ${collection} without an exact match`,
      200,
    );
  }
}

function targetPath(target: DeskproTarget): string {
  if (!Number.isSafeInteger(target.id) || target.id <= 0) throw new RangeError(`invalid Deskpro ${target.kind} id`);
  return `${COLLECTION_PATH[target.kind]}/${target.id}`;
}

function toStoredContactData(row: unknown): StoredContactData | undefined {
  if (!isRecord(row)) return undefined;
  const id = toId(row.id);
  if (id === undefined || typeof row.contact_type !== 'string') return undefined;
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) {
    if (!ROW_COLUMNS.has(key)) data[key] = stringify(value);
  }
  return { id, type: row.contact_type, comment: typeof row.comment === 'string' ? row.comment : '', data };
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
