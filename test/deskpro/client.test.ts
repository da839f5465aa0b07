import { DeskproClient, type DeskproClientOptions } from '../../lib/deskpro/client';
import {
  DeskproAuthError,
  DeskproRateLimitedError,
  DeskproRejectedError,
  DeskproUnavailableError,
} from '../../lib/deskpro/errors';
import { RateGate } from '../../lib/deskpro/rate-gate';
import { API_KEY, fakeTime, RECORDS, T0, unixSeconds } from './fixtures';
import { startStub, type SeenRequest, type StubReply, type StubServer } from './stub-server';

const JO = { kind: 'person', id: 7 } as const;


let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientFor(
  reply: (request: SeenRequest, index: number) => StubReply,
  options: Partial<DeskproClientOptions> = {},
): Promise<{ client: DeskproClient; seen: SeenRequest[]; time: ReturnType<typeof fakeTime> }> {
  stub = await startStub(reply);
  const time = fakeTime();
  const client = new DeskproClient({ baseUrl: stub.url, apiKey: API_KEY, ...time, ...options });
  return { client, seen: stub.seen, time };
}

const person = (id: number, email: string) => ({ id, name: `Person ${id}`, primary_email: email, emails: [email] });

describe('DeskproClient requests', () => {
  it('sends the API key, the agent id and Accept, and a GET has no body', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 200, body: { details: [] } }), { agentId: 3 });

    // Act
    await client.listContactData(JO);

    // Assess
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/people/7/contact-details', body: '' });
    expect(seen[0]!.query.toString()).toBe('');
    expect(seen[0]!.headers['x-deskpro-api-key']).toBe(API_KEY);
    expect(seen[0]!.headers['x-deskpro-agent-id']).toBe('3');
    expect(seen[0]!.headers.accept).toBe('application/json');
  });

  it('sends no X-DeskPRO-Agent-ID without an agentId, and POSTs form-encoded bodies only', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 201, body: { id: 41 } }));

    // Act
    await client.addContactData(JO, RECORDS.website);

    // Assess
    expect(seen[0]!.headers['x-deskpro-agent-id']).toBeUndefined();
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.body).toBe('type=website&comment=&data%5Burl%5D=https%3A%2F%2Fwww.example.com');
  });

  it('keeps a path prefix in the base URL and drops its trailing slash', async () => {
    // Prepare
    stub = await startStub(() => ({ status: 200, body: { details: [] } }));
    const client = new DeskproClient({ baseUrl: `${stub.url}/helpdesk/`, apiKey: API_KEY });

    // Act
    await client.listContactData({ kind: 'organization', id: 12 });

    // Assess
    expect(stub.seen[0]!.path).toBe('/helpdesk/api/organizations/12/contact-details');
  });

  it('refuses a malformed API key or base URL at construction, without echoing the key', () => {
    expect(() => new DeskproClient({ baseUrl: 'https://support.example.com', apiKey: 'secret-code-only' })).toThrow(
      'Deskpro apiKey must be "<keyId>:<code>"',
    );
    expect(() => new DeskproClient({ baseUrl: 'support.example.com', apiKey: API_KEY })).toThrow(
      'Deskpro baseUrl must be an absolute http(s) URL',
    );
  });

  it('refuses a target id that is not a positive integer before sending anything', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 200, body: { details: [] } }));

    // Act
    const result = client.listContactData({ kind: 'person', id: 0 });

    // Assess
    await expect(result).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});

describe('DeskproClient.addContactData', () => {
  // Expected fields written by hand from deskpro-api.md §1.2 (legacy data fields) and §5.
  const expected: Record<keyof typeof RECORDS, Array<[string, string]>> = {
    address: [
      ['type', 'address'],
      ['comment', 'Work'],
      ['data[address]', '1 Main St'],
      ['data[city]', 'Springfield'],
      ['data[state]', 'IL'],
      ['data[zip]', '62701'],
      ['data[country]', 'United States'],
    ],
    phone: [
      ['type', 'phone'],
      ['comment', 'Mobile'],
      ['data[number]', '555-0100'],
      ['data[country_calling_code]', '1'],
      ['data[type]', 'mobile'],
    ],
    website: [
      ['type', 'website'],
      ['comment', ''],
      ['data[url]', 'https://www.example.com'],
    ],
    twitter: [
      ['type', 'twitter'],
      ['comment', ''],
      ['data[username]', 'jo_example'],
      ['data[display_feed]', '1'],
    ],
    linked_in: [
      ['type', 'linked_in'],
      ['comment', ''],
      ['data[profile_url]', 'https://www.linkedin.com/in/jo-example'],
    ],
    facebook: [
      ['type', 'facebook'],
      ['comment', 'Home'],
      ['data[profile_url]', 'https://www.facebook.com/jo.example'],
    ],
    skype: [
      ['type', 'skype'],
      ['comment', ''],
      ['data[username]', 'live:jo.example'],
    ],
    instant_message: [
      ['type', 'instant_message'],
      ['comment', ''],
      ['data[service]', 'whatsapp'],
      ['data[username]', '+1 555 0100'],
    ],
  };

  it.each(Object.keys(RECORDS) as Array<keyof typeof RECORDS>)('POSTs exactly the legacy form fields of a %s record', async (type) => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 201, body: { id: 41 }, headers: { Location: 'http://x/api/people/7/contact-details/41' } }));

    // Act
    const id = await client.addContactData(JO, RECORDS[type]);

    // Assess
    expect(id).toBe(41);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.path).toBe('/api/people/7/contact-details');
    expect([...seen[0]!.form]).toEqual(expected[type]);
  });

  it('POSTs to the organization path for an organization', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 201, body: { id: 5 } }));

    // Act
    const id = await client.addContactData({ kind: 'organization', id: 12 }, RECORDS.phone);

    // Assess
    expect(id).toBe(5);
    expect(seen[0]!.path).toBe('/api/organizations/12/contact-details');
  });

  it('treats a 201 without an id as Unavailable, so the caller re-reads before retrying', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 201, body: { success: true } }));

    // Act
    const result = client.addContactData(JO, RECORDS.phone);

    // Assess
    await expect(result).rejects.toThrow(new DeskproUnavailableError('POST /api/people/7/contact-details answered 201 with an unexpected body'));
    expect(seen).toHaveLength(1);
  });
});

describe('DeskproClient.createPerson', () => {
  it('POSTs name, email and contact_data[<n>] and resolves to the new person', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 201, body: { id: 88 } }));

    // Act
    const target = await client.createPerson({ email: 'jo@example.com', name: 'Jo Example' }, [RECORDS.website, RECORDS.twitter]);

    // Assess
    expect(target).toEqual({ kind: 'person', id: 88 });
    expect(seen[0]!.path).toBe('/api/people');
    expect([...seen[0]!.form]).toEqual([
      ['name', 'Jo Example'],
      ['email', 'jo@example.com'],
      ['contact_data[0][type]', 'website'],
      ['contact_data[0][comment]', ''],
      ['contact_data[0][data][url]', 'https://www.example.com'],
      ['contact_data[1][type]', 'twitter'],
      ['contact_data[1][comment]', ''],
      ['contact_data[1][data][username]', 'jo_example'],
      ['contact_data[1][data][display_feed]', '1'],
    ]);
  });
});

describe('DeskproClient.findPersonByEmail', () => {
  it('keeps only the exact match among the substring results', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({
      status: 200,
      body: {
        page: 1,
        per_page: 250,
        total: 3,
        cache_id: 31,
        people: { '3': person(3, 'jimjo@example.com'), '5': person(5, 'jo@example.com.au'), '9': person(9, 'jo@example.com') },
      },
    }));

    // Act
    const target = await client.findPersonByEmail('jo@example.com');

    // Assess
    expect(target).toEqual({ kind: 'person', id: 9 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe('/api/people');
    expect([...seen[0]!.query]).toEqual([
      ['email[]', 'jo@example.com'],
      ['per_page', '250'],
      ['page', '1'],
    ]);
  });

  it('matches case-insensitively, on a secondary email, with emails as a keyed collection of objects', async () => {
    // Prepare
    const { client } = await clientFor(() => ({
      status: 200,
      body: {
        page: 1,
        per_page: 250,
        total: 1,
        cache_id: 31,
        people: {
          '4': {
            id: 4,
            primary_email: { id: 10, email: 'jo.home@example.com' },
            emails: { '10': { id: 10, email: 'jo.home@example.com' }, '11': { id: 11, email: 'Jo@Example.COM' } },
          },
        },
      },
    }));

    // Act
    const target = await client.findPersonByEmail(' jo@example.com ');

    // Assess
    expect(target).toEqual({ kind: 'person', id: 4 });
  });

  it('reads further pages, reusing cache_id, until the exact match turns up', async () => {
    // Prepare
    const pages = [
      { page: 1, per_page: 2, total: 3, cache_id: 77, people: { '1': person(1, 'ajo@example.com'), '2': person(2, 'bjo@example.com') } },
      { page: 2, per_page: 2, total: 3, cache_id: 77, people: { '6': person(6, 'jo@example.com') } },
    ];
    const { client, seen } = await clientFor((_request, index) => ({ status: 200, body: pages[index] }));

    // Act
    const target = await client.findPersonByEmail('jo@example.com');

    // Assess
    expect(target).toEqual({ kind: 'person', id: 6 });
    expect(seen.map((request) => request.query.toString())).toEqual([
      'email%5B%5D=jo%40example.com&per_page=250&page=1',
      'email%5B%5D=jo%40example.com&per_page=250&page=2&cache_id=77',
    ]);
  });

  it('resolves undefined once every page has been read without an exact match', async () => {
    // Prepare
    const pages = [
      { page: 1, per_page: 1, total: 2, cache_id: 5, people: { '1': person(1, 'ajo@example.com') } },
      { page: 2, per_page: 1, total: 2, cache_id: 5, people: { '2': person(2, 'bjo@example.com') } },
    ];
    const { client, seen } = await clientFor((_request, index) => ({ status: 200, body: pages[index] }));

    // Act
    const target = await client.findPersonByEmail('jo@example.com');

    // Assess
    expect(target).toBeUndefined();
    expect(seen).toHaveLength(2);
  });

  it('reads the [] Deskpro sends for no results', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 200, body: { page: 1, per_page: 250, total: 0, cache_id: 2, people: [] } }));

    // Act
    const target = await client.findPersonByEmail('jo@example.com');

    // Assess
    expect(target).toBeUndefined();
    expect(seen).toHaveLength(1);
  });

  it('stops at 20 pages and refuses to guess rather than report no match', async () => {
    // Prepare
    const { client, seen } = await clientFor((_request, index) => ({
      status: 200,
      body: { page: index + 1, per_page: 250, total: 100_000, cache_id: 9, people: { [index + 1]: person(index + 1, `x${index}jo@example.com`) } },
    }));

    // Act
    const result = client.findPersonByEmail('jo@example.com');

    // Assess
    await expect(result).rejects.toMatchObject({ name: 'DeskproRejectedError', errorCode: 'search_truncated' });
    expect(seen).toHaveLength(20);
  });

  it('sends nothing for an empty email', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 500 }));

    // Act
    const target = await client.findPersonByEmail('  ');

    // Assess
    expect(target).toBeUndefined();
    expect(seen).toHaveLength(0);
  });
});

describe('DeskproClient.findOrganizationByName', () => {
  it('matches the folded name exactly among the substring results', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({
      status: 200,
      body: {
        page: 1,
        per_page: 250,
        total: 2,
        cache_id: 4,
        organizations: { '2': { id: 2, name: 'Acme Widgets Ltd' }, '8': { id: 8, name: 'ACME  widgets' } },
      },
    }));

    // Act
    const target = await client.findOrganizationByName('  Acme   Widgets ');

    // Assess
    expect(target).toEqual({ kind: 'organization', id: 8 });
    expect(seen[0]!.path).toBe('/api/organizations');
    expect([...seen[0]!.query]).toEqual([
      ['name[]', 'Widgets'],
      ['per_page', '250'],
      ['page', '1'],
    ]);
  });
});

describe('DeskproClient.listContactData', () => {
  it('reads details keyed by id into type, comment and the type-specific keys as strings', async () => {
    // Prepare
    const row = (id: number, extra: Record<string, unknown>) => ({
      id,
      contact_type: extra.contact_type,
      comment: extra.comment,
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`field_${i + 1}`, i === 0 ? 'raw' : null])),
      ...extra,
    });
    const { client } = await clientFor(() => ({
      status: 200,
      body: {
        details: {
          '3': row(3, { contact_type: 'phone', comment: 'Mobile', country_calling_code: '1', number: '555-0100', type: 'mobile' }),
          '4': row(4, { contact_type: 'linked_in', comment: '', profile_url: 'https://www.linkedin.com/in/jo-example', display: 'jo-example' }),
          '6': row(6, { contact_type: 'twitter', comment: null, username: 'jo_example', verified: 0 }),
        },
      },
    }));

    // Act
    const rows = await client.listContactData(JO);

    // Assess
    expect(rows).toEqual([
      { id: 3, type: 'phone', comment: 'Mobile', data: { country_calling_code: '1', number: '555-0100', type: 'mobile' } },
      { id: 4, type: 'linked_in', comment: '', data: { profile_url: 'https://www.linkedin.com/in/jo-example', display: 'jo-example' } },
      { id: 6, type: 'twitter', comment: '', data: { username: 'jo_example', verified: '0' } },
    ]);
  });

  it('reads the [] Deskpro sends when there is no contact data', async () => {
    // Prepare
    const { client } = await clientFor(() => ({ status: 200, body: { details: [] } }));

    // Act / Assess
    await expect(client.listContactData(JO)).resolves.toEqual([]);
  });

  it('treats a body without details as Unavailable (after its GET retries)', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 200, body: { person: {} } }), { getRetries: 0 });

    // Act
    const result = client.listContactData(JO);

    // Assess
    await expect(result).rejects.toThrow(new DeskproUnavailableError('GET /api/people/7/contact-details answered 200 with an unexpected body'));
    expect(seen).toHaveLength(1);
  });
});

describe('DeskproClient error classification', () => {
  it('turns a 400 into DeskproRejectedError with its error_code', async () => {
    // Prepare
    const { client } = await clientFor(() => ({
      status: 400,
      body: { error_code: 'invalid_argument.data', error_message: 'data contains invalid data' },
    }));

    // Act
    const result = client.addContactData(JO, RECORDS.address);

    // Assess
    await expect(result).rejects.toThrow(DeskproRejectedError);
    await expect(client.addContactData(JO, RECORDS.address)).rejects.toMatchObject({
      errorCode: 'invalid_argument.data',
      status: 400,
      message: 'POST /api/people/7/contact-details was rejected: 400 invalid_argument.data',
    });
  });

  it('keeps the field codes of a 400 multiple, and never the values that were sent', async () => {
    // Prepare
    const { client } = await clientFor(() => ({
      status: 400,
      body: { error_code: 'multiple', errors: { name: ['required_field.name', 'name is required'] } },
    }));

    // Act
    const error = await client.createPerson({ email: 'jo@example.com', name: '' }, []).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeskproRejectedError);
    expect(error).toMatchObject({
      errorCode: 'multiple',
      status: 400,
      fields: { name: 'required_field.name' },
      message: 'POST /api/people was rejected: 400 multiple (name=required_field.name)',
    });
  });

  it('retries a create refused because the email exists: most likely our own earlier create whose answer was lost', async () => {
    // Prepare
    const { client } = await clientFor(() => ({
      status: 400,
      body: { error_code: 'multiple', errors: { email: ['invalid_argument.email', 'email already exists'] } },
    }));

    // Act
    const error = await client.createPerson({ email: 'jo@example.com', name: 'Jo Example' }, []).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeskproUnavailableError);
    expect(error).toMatchObject({ status: 400, outcomeUnknown: false, message: 'POST /api/people answered 400: the email already exists' });
  });

  it('turns a 404 into DeskproNotFoundError, to be retried rather than dead-lettered', async () => {
    // Prepare
    const { client } = await clientFor(() => ({
      status: 404,
      body: { error_code: 'http_error.404', error_message: 'There is no person with ID 7' },
    }));

    // Act / Assess
    await expect(client.addContactData(JO, RECORDS.phone)).rejects.toMatchObject({
      name: 'DeskproNotFoundError',
      message: 'POST /api/people/7/contact-details answered 404 http_error.404',
      status: 404,
    });
  });

  it.each([
    [401, 'invalid_auth'],
    [403, 'invalid_person'],
  ])('turns a %i into DeskproAuthError(%s)', async (status, code) => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status, body: { error_code: code, error_message: 'Please provide a valid API key or token' } }));

    // Act
    const error = await client.listContactData(JO).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeskproAuthError);
    expect(error).toMatchObject({ errorCode: code, status });
    expect(seen).toHaveLength(1);
  });

  it('retries a GET that answers 500, with jittered exponential backoff, until it succeeds', async () => {
    // Prepare
    const { client, seen, time } = await clientFor((_request, index) =>
      index < 2 ? { status: 500, body: { error_code: 'http_error.500', error_message: '' } } : { status: 200, body: { details: [] } },
    );

    // Act
    const rows = await client.listContactData(JO);

    // Assess
    expect(rows).toEqual([]);
    expect(seen).toHaveLength(3);
    expect(time.state.sleeps).toEqual([75, 150]);
  });

  it('gives up on a GET after getRetries retries', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 503 }));

    // Act
    const error = await client.listContactData(JO).catch((e: unknown) => e);

    // Assess
    expect(error).toEqual(new DeskproUnavailableError('GET /api/people/7/contact-details answered 503'));
    expect(error).toMatchObject({ status: 503 });
    expect(seen).toHaveLength(3);
  });

  it('never retries a POST that answers 500', async () => {
    // Prepare
    const { client, seen, time } = await clientFor(() => ({ status: 500 }));

    // Act
    const result = client.addContactData(JO, RECORDS.phone);

    // Assess
    await expect(result).rejects.toThrow(DeskproUnavailableError);
    expect(seen).toHaveLength(1);
    expect(time.state.sleeps).toEqual([]);
  });

  it('turns a timeout into DeskproUnavailableError', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 201, body: { id: 1 }, delayMs: 1000 }), { timeoutMs: 50 });

    // Act
    const result = client.addContactData(JO, RECORDS.phone);

    // Assess
    await expect(result).rejects.toThrow(new DeskproUnavailableError('POST /api/people/7/contact-details timed out after 50 ms'));
    expect(seen).toHaveLength(1);
  });

  it('turns a refused connection into DeskproUnavailableError, without the URL or its query', async () => {
    // Prepare
    stub = await startStub(() => ({ status: 200 }));
    const { url } = stub;
    await stub.close();
    stub = undefined;
    const client = new DeskproClient({ baseUrl: url, apiKey: API_KEY, getRetries: 0 });

    // Act
    const error = await client.findPersonByEmail('jo@example.com').catch((e: unknown) => e);

    // Assess
    expect(error).toEqual(new DeskproUnavailableError('GET /api/people failed: network error (ECONNREFUSED)'));
  });

  it('does not follow a redirect', async () => {
    // Prepare
    const { client, seen } = await clientFor(() => ({ status: 301, headers: { Location: 'https://support.example.com/api/people/7/contact-details' } }));

    // Act
    const result = client.addContactData(JO, RECORDS.phone);

    // Assess
    await expect(result).rejects.toThrow(
      new DeskproUnavailableError('POST /api/people/7/contact-details answered 301; check the Deskpro base URL'),
    );
    expect(seen).toHaveLength(1);
  });
});

describe('DeskproClient rate limiting', () => {
  it('turns a 429 into DeskproRateLimitedError at X-RateLimit-Reset, closes the gate, and sends nothing more', async () => {
    // Prepare
    const reset = T0 + 1_800_000;
    const gate = new RateGate({ clock: () => new Date(T0) });
    const { client, seen } = await clientFor(
      () => ({
        status: 429,
        body: { error_code: 'rate_limit_exceeded', error_message: 'Rate Limit Exceeded' },
        headers: { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': unixSeconds(reset) },
      }),
      { gate },
    );

    // Act
    const first = await client.addContactData(JO, RECORDS.phone).catch((e: unknown) => e);
    const second = await client.listContactData(JO).catch((e: unknown) => e);

    // Assess
    expect(first).toBeInstanceOf(DeskproRateLimitedError);
    expect(first).toMatchObject({ resetAt: new Date(reset), status: 429 });
    expect(gate.openAt()).toEqual(new Date(reset));
    expect(second).toBeInstanceOf(DeskproRateLimitedError);
    expect(second).toMatchObject({ resetAt: new Date(reset) });
    expect(seen).toHaveLength(1);
  });

  it('reads Retry-After when a 429 has no X-RateLimit-Reset', async () => {
    // Prepare
    const { client } = await clientFor(() => ({ status: 429, headers: { 'Retry-After': '120' } }));

    // Act / Assess
    await expect(client.listContactData(JO)).rejects.toMatchObject({ resetAt: new Date(T0 + 120_000) });
  });

  it('waits one minute after a 429 with neither header', async () => {
    // Prepare
    const { client } = await clientFor(() => ({ status: 429 }));

    // Act / Assess
    await expect(client.listContactData(JO)).rejects.toMatchObject({ resetAt: new Date(T0 + 60_000) });
  });

  it('after X-RateLimit-Remaining: 0, waits inline for a reset within maxInlineWaitMs, then sends', async () => {
    // Prepare
    const { client, seen, time } = await clientFor(() => ({
      status: 200,
      body: { details: [] },
      headers: { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': unixSeconds(T0 + 3000) },
    }));
    await client.listContactData(JO);

    // Act
    await client.listContactData(JO);

    // Assess
    expect(time.state.sleeps).toEqual([3000]);
    expect(seen).toHaveLength(2);
  });

  it('after X-RateLimit-Remaining: 0, throws DeskproRateLimitedError without sending when the reset is beyond maxInlineWaitMs', async () => {
    // Prepare
    const reset = T0 + 3_600_000;
    const { client, seen, time } = await clientFor(() => ({
      status: 201,
      body: { id: 41 },
      headers: { 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': unixSeconds(reset) },
    }));
    await client.addContactData(JO, RECORDS.phone);

    // Act
    const error = await client.addContactData(JO, RECORDS.phone).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeskproRateLimitedError);
    expect(error).toMatchObject({ resetAt: new Date(reset) });
    expect(seen).toHaveLength(1);
    expect(time.state.sleeps).toEqual([]);
  });

  it('shares one gate between clients', async () => {
    // Prepare
    const gate = new RateGate({ clock: () => new Date(T0) });
    const { client, seen } = await clientFor(
      () => ({ status: 429, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': unixSeconds(T0 + 600_000) } }),
      { gate },
    );
    const other = new DeskproClient({ baseUrl: stub!.url, apiKey: API_KEY, gate, clock: () => new Date(T0) });
    await client.listContactData(JO).catch(() => undefined);

    // Act
    const result = other.findPersonByEmail('jo@example.com');

    // Assess
    await expect(result).rejects.toMatchObject({ name: 'DeskproRateLimitedError', resetAt: new Date(T0 + 600_000) });
    expect(seen).toHaveLength(1);
  });
});
