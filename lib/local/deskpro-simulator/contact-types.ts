import { phpString, phpTruthy, type PhpArray } from './php-form';

/**
 * The legacy contact-data handlers (deskpro-api.md §1.1–1.3, from `ContactData/*.php`): how the
 * `data[…]` input fills the columns `field_1`…`field_10`, and which keys the API echoes back.
 */
export type Columns = Array<string | null>; // index 0 is field_1

interface Handler {
  readonly apply: (input: PhpArray) => Columns;
  readonly echo: (columns: Columns) => Record<string, string>;
}

const col = (columns: Columns, n: number): string => columns[n - 1] ?? '';
const columns = (...values: Array<string | null>): Columns => [...values, ...Array<null>(10 - values.length).fill(null)];
/** `isset($input[k]) ? $input[k] : ''` and the bare `$input[k]` of "must be sent" keys read the same here. */
const read = (input: PhpArray, key: string): string => phpString(input.get(key));

const phone: Handler = {
  apply: (input) => {
    const code = read(input, 'country_calling_code');
    const number = read(input, 'number');
    const type = input.has('type') ? read(input, 'type') : 'phone';
    const searchable = `${code}${number}`.replace(/[^0-9a-zA-Z]/g, '');
    return [code, number, type, null, null, null, null, null, null, searchable];
  },
  echo: (c) => ({ country_calling_code: col(c, 1), number: col(c, 2), type: col(c, 3) }),
};

const profile = (display: (url: string) => string): Handler => ({
  apply: (input) => columns(read(input, 'profile_url'), display(read(input, 'profile_url'))),
  echo: (c) => ({ profile_url: col(c, 1), display: col(c, 2) || col(c, 1) }),
});

const HANDLERS: Readonly<Record<string, Handler>> = {
  Address: {
    apply: (input) => columns(...['address', 'city', 'state', 'zip', 'country'].map((key) => read(input, key))),
    echo: (c) => ({ address: col(c, 1), city: col(c, 2), state: col(c, 3), zip: col(c, 4), country: col(c, 5) }),
  },
  Phone: phone,
  Fax: phone,
  Mobile: phone,
  Website: {
    apply: (input) => {
      const url = read(input, 'url');
      return columns(/^(.*?):\/\//.test(url) ? url : `http://${url}`);
    },
    echo: (c) => ({ url: col(c, 1) }),
  },
  // display_feed is stored (field_2) but not echoed; field_3 is the Twitter user id, '0' when unknown.
  Twitter: {
    apply: (input) => columns(read(input, 'username'), phpTruthy(read(input, 'display_feed')) ? '1' : '0', '0'),
    echo: (c) => ({ username: col(c, 1) }),
  },
  LinkedIn: profile((url) => /\/in\/(.*?)$/.exec(url)?.[1] ?? ''),
  Facebook: profile(
    (url) =>
      /\/profile\.php?id=([0-9]+)/.exec(url)?.[1] ??
      /facebook\.com\/([a-zA-Z0-9.\-_]+)/.exec(url)?.[1] ??
      /(facebook\.com.*?)$/.exec(url)?.[1] ??
      '',
  ),
  Skype: {
    apply: (input) => columns(read(input, 'username')),
    echo: (c) => ({ username: col(c, 1) }),
  },
  InstantMessage: {
    apply: (input) => columns(read(input, 'username'), read(input, 'service')),
    echo: (c) => ({ username: col(c, 1), service: col(c, 2) }),
  },
};

/**
 * `ContactData::getHandler`: lower-case, `_`/`-` to camel case, upper-case the first letter, then
 * the class must exist. So `PHONE` and `instant-message` resolve; `im` and `linkedin` do not.
 */
function handlerFor(type: string): Handler | undefined {
  const className = type
    .toLowerCase()
    .split(/[_-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return Object.hasOwn(HANDLERS, className) ? HANDLERS[className] : undefined;
}

export type Applied = { ok: true; columns: Columns } | { ok: false; error: 'invalid_argument.type' | 'invalid_argument.data' };

/** Runs the handler, then the empty-record check: at least one column must be PHP-truthy. */
export function applyContactData(type: string, input: PhpArray): Applied {
  const handler = handlerFor(type);
  if (!handler) return { ok: false, error: 'invalid_argument.type' };
  const applied = handler.apply(input);
  return applied.some(phpTruthy) ? { ok: true, columns: applied } : { ok: false, error: 'invalid_argument.data' };
}

export interface ContactRow {
  readonly id: number;
  /** As sent, e.g. `PHONE` stays `PHONE`. */
  readonly contactType: string;
  readonly comment: string;
  readonly columns: Columns;
}

/** A row as the API lists it (§1.3): id, contact_type, comment, field_1…field_10, then the type's keys. */
export type ContactDetailView = { readonly id: number; readonly contact_type: string; readonly comment: string } & Readonly<
  Record<string, string | number | null>
>;

export function contactDetailView(row: ContactRow): ContactDetailView {
  const view: Record<string, string | number | null> = { id: row.id, contact_type: row.contactType, comment: row.comment };
  row.columns.forEach((value, index) => (view[`field_${index + 1}`] = value));
  Object.assign(view, handlerFor(row.contactType)?.echo(row.columns));
  return view as ContactDetailView;
}
