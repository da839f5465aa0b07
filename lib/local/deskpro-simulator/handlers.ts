import type { TargetKind } from '../../deskpro/types';
import { applyContactData, contactDetailView, type Columns, type ContactRow } from './contact-types';
import { phpArray, phpString, phpStrings, phpTruthy, phpUint, type PhpArray } from './php-form';
import type { Owner, SimulatedOrganization, SimulatedPerson, SimulatorStore } from './store';

/**
 * One function per legacy action (deskpro-api.md §2.1: `PersonController`, `OrganizationController`,
 * `MiscController`), each a pure function of the store and `$_REQUEST`.
 */
export interface SimResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteContext {
  readonly store: SimulatorStore;
  /** `$_REQUEST`: the query, overridden by the form body. */
  readonly params: PhpArray;
  /** For absolute `Location` headers. */
  readonly baseUrl: string;
  readonly rateLimit: () => { limit: number; remaining: number; reset_stamp: number } | undefined;
}

export type Handler = (context: RouteContext, ids: readonly number[]) => SimResponse;

export const apiError = (code: string, message: string, status = 400): SimResponse => ({
  status,
  body: { error_code: code, error_message: message },
});

export const SEGMENT: Record<TargetKind, string> = { person: 'people', organization: 'organizations' };

function ownerOr404(context: RouteContext, kind: TargetKind, id: number): Owner | SimResponse {
  return context.store.owner(kind, id) ?? apiError('http_error.404', `There is no ${kind} with ID ${id}`, 404);
}
const isResponse = (value: Owner | SimResponse): value is SimResponse => 'status' in value;

/** `{<id>: item}`, or `[]` when empty, as PHP's json_encode renders an id-indexed array. */
function keyed<T extends { id: number }>(items: readonly T[]): Record<string, T> | [] {
  return items.length === 0 ? [] : Object.fromEntries(items.map((item) => [String(item.id), item]));
}

const contactData = (owner: Owner) => keyed(owner.contactData.map(contactDetailView));
const personView = (person: SimulatedPerson) => ({
  id: person.id,
  name: person.name,
  primary_email: person.emails[0] ?? null,
  emails: [...person.emails],
  contact_data: contactData(person),
});
const organizationView = (organization: SimulatedOrganization) => ({
  id: organization.id,
  name: organization.name,
  contact_data: contactData(organization),
});

export function search(kind: TargetKind): Handler {
  return ({ store, params }) => {
    const terms = phpStrings(params.get(kind === 'person' ? 'email' : 'name'));
    const { cacheId, ids } = store.search(kind, terms, phpUint(params.get('cache_id')));
    const page = phpUint(params.get('page')) || 1;
    const perPage = Math.min(250, Math.max(1, phpUint(params.get('per_page')) || 25));
    const pageIds = ids.slice((page - 1) * perPage, page * perPage);
    const views =
      kind === 'person'
        ? pageIds.map((id) => personView(store.people.get(id)!))
        : pageIds.map((id) => organizationView(store.organizations.get(id)!));
    return {
      status: 200,
      body: { page, per_page: perPage, total: ids.length, cache_id: cacheId, [SEGMENT[kind]]: keyed(views) },
    };
  };
}

/** `contact_data[<n>][type|comment|data]` on create: invalid or empty records are silently skipped. */
function contactDataFromInput(params: PhpArray): Array<{ type: string; comment: string; columns: Columns }> {
  const records: Array<{ type: string; comment: string; columns: Columns }> = [];
  for (const contact of phpArray(params.get('contact_data')).values()) {
    if (!(contact instanceof Map)) continue;
    const type = phpString(contact.get('type'));
    const data = phpArray(contact.get('data'));
    if (!phpTruthy(type) || data.size === 0) continue;
    const applied = applyContactData(type, data);
    if (applied.ok) records.push({ type, comment: phpString(contact.get('comment')), columns: applied.columns });
  }
  return records;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function created(context: RouteContext, path: string, id: number): SimResponse {
  return { status: 201, body: { id }, headers: { Location: `${context.baseUrl}${path}` } };
}

export const createPerson: Handler = (context) => {
  const { store, params } = context;
  const errors: Record<string, [string, string]> = {};
  const name = phpString(params.get('name'));
  if (!phpTruthy(name)) errors.name = ['required_field.name', 'name is empty or missing'];
  const records = contactDataFromInput(params);
  const email = phpString(params.get('email'));
  if (!email || !EMAIL.test(email)) errors.email = ['required_field.email', 'email is empty or invalid'];
  else if (store.emailInUse(email)) errors.email = ['invalid_argument.email', 'email already exists'];
  if (Object.keys(errors).length > 0) return { status: 400, body: { error_code: 'multiple', errors } };

  const person = store.addPerson(name, [email]);
  for (const record of records) store.addContactRow('person', person, record.type, record.comment, record.columns);
  return created(context, `/api/people/${person.id}`, person.id);
};

export const createOrganization: Handler = (context) => {
  const name = phpString(context.params.get('name'));
  if (!phpTruthy(name)) {
    return { status: 400, body: { error_code: 'multiple', errors: { name: ['required_field.name', 'name is empty or missing'] } } };
  }
  const organization = context.store.addOrganization(name);
  for (const record of contactDataFromInput(context.params)) {
    context.store.addContactRow('organization', organization, record.type, record.comment, record.columns);
  }
  return created(context, `/api/organizations/${organization.id}`, organization.id);
};

export function getOne(kind: TargetKind): Handler {
  return (context, [id]) => {
    const owner = ownerOr404(context, kind, id!);
    if (isResponse(owner)) return owner;
    const view = kind === 'person' ? personView(owner as SimulatedPerson) : organizationView(owner);
    return { status: 200, body: { [kind]: view } };
  };
}

export function listDetails(kind: TargetKind): Handler {
  return (context, [id]) => {
    const owner = ownerOr404(context, kind, id!);
    return isResponse(owner) ? owner : { status: 200, body: { details: contactData(owner) } };
  };
}

/** `post…ContactDetailsAction`: the checks run in this order, and nothing is deduplicated. */
export function addDetail(kind: TargetKind): Handler {
  return (context, [id]) => {
    const owner = ownerOr404(context, kind, id!);
    if (isResponse(owner)) return owner;
    const type = phpString(context.params.get('type'));
    const data = phpArray(context.params.get('data'));
    if (!phpTruthy(type)) return apiError('required_field.type', 'type is empty or missing');
    if (data.size === 0) return apiError('required_field.data', 'data is empty or missing');
    const applied = applyContactData(type, data);
    if (!applied.ok) {
      return apiError(applied.error, applied.error === 'invalid_argument.type' ? 'type is invalid' : 'data contains invalid data');
    }
    const row = context.store.addContactRow(kind, owner, type, phpString(context.params.get('comment')), applied.columns);
    return created(context, `/api/${SEGMENT[kind]}/${owner.id}/contact-details/${row.id}`, row.id);
  };
}

const findRow = (owner: Owner, rowId: number): ContactRow | undefined => owner.contactData.find((row) => row.id === rowId);

export function detailExists(kind: TargetKind): Handler {
  return (context, [id, rowId]) => {
    const owner = ownerOr404(context, kind, id!);
    return isResponse(owner) ? owner : { status: 200, body: { exists: findRow(owner, rowId!) !== undefined } };
  };
}

/** 2013 build: 200 even when the row is not this owner's. */
export function deleteDetail(kind: TargetKind): Handler {
  return (context, [id, rowId]) => {
    const owner = ownerOr404(context, kind, id!);
    if (isResponse(owner)) return owner;
    const row = findRow(owner, rowId!);
    if (row) owner.contactData.splice(owner.contactData.indexOf(row), 1);
    return { status: 200, body: { success: true } };
  };
}

export const rateLimitStatus: Handler = (context) => {
  const status = context.rateLimit();
  if (!status) return { status: 200, body: { limit: 0 } };
  const resetDate = new Date(status.reset_stamp * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return { status: 200, body: { ...status, reset_date: resetDate } };
};

