import { startDeskproSimulator, type DeskproSimulator } from '../../lib/local/deskpro-simulator';

const API_KEY = '7:abcdefghijklmnopqrstuvwxy';
const T0 = Date.parse('2025-03-01T12:00:00Z');
const T0_SECONDS = T0 / 1000;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One raw HTTP call: form bodies are encoded exactly as given, JSON bodies as JSON. */
async function call(
  sim: DeskproSimulator,
  method: string,
  path: string,
  options: { form?: string | Array<[string, string]>; json?: unknown; key?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.key !== null) headers['X-DeskPRO-API-Key'] = options.key ?? API_KEY;
  let body: string | undefined;
  if (options.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = typeof options.form === 'string' ? options.form : new URLSearchParams(options.form).toString();
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${sim.url}${path}`, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const nulls = (from: number) => Object.fromEntries(Array.from({ length: 10 - from + 1 }, (_, i) => [`field_${from + i}`, null]));

describe('Deskpro simulator', () => {
  let sim: DeskproSimulator;
  let now = T0;

  beforeEach(async () => {
    now = T0;
    sim = await startDeskproSimulator({ apiKey: API_KEY, clock: () => new Date(now) });
  });
  afterEach(async () => {
    await sim.stop();
  });

  describe('authentication and routing', () => {
    it('answers 401 invalid_auth with WWW-Authenticate without a key or with a wrong one', async () => {
      // Act
      const missing = await call(sim, 'GET', '/api/people', { key: null });
      const wrong = await call(sim, 'GET', '/api/people', { key: '7:wrong' });

      // Assess
      for (const answer of [missing, wrong]) {
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual({ error_code: 'invalid_auth', error_message: 'Please provide a valid API key or token' });
        expect(answer.headers.get('www-authenticate')).toBe('Basic realm="API"');
      }
    });

    it('answers a routing 404 for an id that is not digits', async () => {
      // Act
      const answer = await call(sim, 'GET', '/api/people/jo/contact-details');

      // Assess
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error_code: 'http_error.404', error_message: 'No route found for "GET /api/people/jo/contact-details"' });
    });

    it('answers 404 for a person that does not exist', async () => {
      // Act
      const answer = await call(sim, 'GET', '/api/people/7');

      // Assess
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error_code: 'http_error.404', error_message: 'There is no person with ID 7' });
    });

    it('answers 405 with Allow for a method the route does not take', async () => {
      // Act
      const answer = await call(sim, 'PUT', '/api/people/1/contact-details');

      // Assess
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, POST');
      expect(answer.body).toMatchObject({ error_code: 'http_error.405' });
    });
  });

  describe('people search', () => {
    beforeEach(() => {
      sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });
      sim.addPerson({ name: 'Jim Jo', email: 'jimjo@example.com', emails: ['jim@example.com'] });
      sim.addPerson({ name: 'Ann Other', email: 'ann@example.com' });
    });

    it('matches email[] as a substring, case-insensitively, keyed by id', async () => {
      // Act
      const answer = await call(sim, 'GET', '/api/people?email%5B%5D=JO%40example.com&per_page=250');

      // Assess
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        page: 1,
        per_page: 250,
        total: 2,
        cache_id: 1,
        people: {
          '1': { id: 1, name: 'Jo Example', primary_email: 'jo@example.com', emails: ['jo@example.com'], contact_data: [] },
          '2': {
            id: 2,
            name: 'Jim Jo',
            primary_email: 'jimjo@example.com',
            emails: ['jimjo@example.com', 'jim@example.com'],
            contact_data: [],
          },
        },
      });
    });

    it('takes a plain email= too, and answers people: [] when nothing matches', async () => {
      // Act
      const found = await call(sim, 'GET', '/api/people?email=ann%40example.com');
      const none = await call(sim, 'GET', '/api/people?email[]=nobody%40example.com');

      // Assess
      expect(found.body).toMatchObject({ total: 1, per_page: 25, people: { '3': { id: 3 } } });
      expect(none.body).toEqual({ page: 1, per_page: 25, total: 0, cache_id: 2, people: [] });
    });

    it('pages the results and replays a stored result set by cache_id', async () => {
      // Prepare
      const first = await call(sim, 'GET', '/api/people?email[]=example.com&per_page=2&page=1');
      sim.addPerson({ name: 'Late Jo', email: 'late@example.com' });

      // Act
      const second = await call(sim, 'GET', '/api/people?email[]=example.com&per_page=2&page=2&cache_id=1');

      // Assess
      expect(first.body).toMatchObject({ page: 1, per_page: 2, total: 3, cache_id: 1 });
      expect(Object.keys((first.body as { people: object }).people)).toEqual(['1', '2']);
      expect(second.body).toMatchObject({ page: 2, per_page: 2, total: 3, cache_id: 1 });
      expect(Object.keys((second.body as { people: object }).people)).toEqual(['3']);
    });

    it('matches organizations by name[] as a substring', async () => {
      // Prepare
      sim.addOrganization({ name: 'Acme Widgets' });
      sim.addOrganization({ name: 'Acme Widgets Ltd' });
      sim.addOrganization({ name: 'Globex' });

      // Act
      const answer = await call(sim, 'GET', '/api/organizations?name%5B%5D=acme+widgets');

      // Assess
      expect(answer.body).toEqual({
        page: 1,
        per_page: 25,
        total: 2,
        cache_id: 1,
        organizations: {
          '1': { id: 1, name: 'Acme Widgets', contact_data: [] },
          '2': { id: 2, name: 'Acme Widgets Ltd', contact_data: [] },
        },
      });
    });
  });

  describe('POST /api/people', () => {
    it('creates the person and its valid records, skipping invalid and empty ones, with an absolute Location', async () => {
      // Act
      const answer = await call(sim, 'POST', '/api/people', {
        form: [
          ['name', 'Jo Example'],
          ['email', 'jo@example.com'],
          ['contact_data[0][type]', 'phone'],
          ['contact_data[0][comment]', 'Mobile'],
          ['contact_data[0][data][number]', '555-0100'],
          ['contact_data[1][type]', 'im'],
          ['contact_data[1][data][username]', 'jo'],
          ['contact_data[2][type]', 'skype'],
          ['contact_data[2][data][username]', ''],
          ['contact_data[3][type]', 'website'],
          ['contact_data[3][data][url]', 'www.example.com'],
        ],
      });

      // Assess
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ id: 1 });
      expect(answer.headers.get('location')).toBe(`${sim.url}/api/people/1`);
      expect(sim.people()).toEqual([{ id: 1, name: 'Jo Example', emails: ['jo@example.com'] }]);
      expect(sim.contactData('person', 1).map((row) => [row.contact_type, row.comment])).toEqual([
        ['phone', 'Mobile'],
        ['website', ''],
      ]);
    });

    it('answers 400 multiple when name and email are missing', async () => {
      // Act
      const answer = await call(sim, 'POST', '/api/people', { form: [['summary', 'x']] });

      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error_code: 'multiple',
        errors: {
          name: ['required_field.name', 'name is empty or missing'],
          email: ['required_field.email', 'email is empty or invalid'],
        },
      });
    });

    it('answers 400 multiple invalid_argument.email for an email already in use, in any case', async () => {
      // Prepare
      sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });

      // Act
      const answer = await call(sim, 'POST', '/api/people', { form: [['name', 'Jo Again'], ['email', 'JO@example.com']] });

      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error_code: 'multiple', errors: { email: ['invalid_argument.email', 'email already exists'] } });
      expect(sim.people()).toHaveLength(1);
    });

    it('does not parse a JSON body: its fields are missing', async () => {
      // Act
      const answer = await call(sim, 'POST', '/api/people', { json: { name: 'Jo Example', email: 'jo@example.com' } });

      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error_code: 'multiple', errors: { name: ['required_field.name', 'name is empty or missing'] } });
      expect(sim.people()).toEqual([]);
    });
  });

  describe('POST …/contact-details', () => {
    let jo: number;
    beforeEach(() => {
      jo = sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });
    });
    const add = (form: string | Array<[string, string]>) => call(sim, 'POST', `/api/people/${jo}/contact-details`, { form });

    it('stores a record and answers 201 {"id"} with an absolute Location', async () => {
      // Act
      const answer = await add('type=phone&comment=Mobile&data%5Bnumber%5D=555-0100&data%5Bcountry_calling_code%5D=1&data%5Btype%5D=mobile');

      // Assess
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ id: 1 });
      expect(answer.headers.get('location')).toBe(`${sim.url}/api/people/1/contact-details/1`);
      expect(sim.contactData('person', jo)).toEqual([
        {
          id: 1,
          contact_type: 'phone',
          comment: 'Mobile',
          field_1: '1',
          field_2: '555-0100',
          field_3: 'mobile',
          ...nulls(4),
          field_10: '15550100',
          country_calling_code: '1',
          number: '555-0100',
          type: 'mobile',
        },
      ]);
    });

    it.each<[string, Array<[string, string]>, string, string]>([
      ['no type', [['data[number]', '555-0100']], 'required_field.type', 'type is empty or missing'],
      ['no data', [['type', 'phone']], 'required_field.data', 'data is empty or missing'],
      ['data that is not an array', [['type', 'phone'], ['data', '555-0100']], 'required_field.data', 'data is empty or missing'],
      ['type im', [['type', 'im'], ['data[username]', 'jo']], 'invalid_argument.type', 'type is invalid'],
      ['type linkedin', [['type', 'linkedin'], ['data[profile_url]', 'https://www.linkedin.com/in/jo']], 'invalid_argument.type', 'type is invalid'],
      ['every field empty', [['type', 'address'], ['data[city]', ''], ['data[zip]', '0']], 'invalid_argument.data', 'data contains invalid data'],
      ['a must-send key missing', [['type', 'skype'], ['data[name]', 'jo']], 'invalid_argument.data', 'data contains invalid data'],
    ])('answers 400 for %s', async (_case, form, code, message) => {
      // Act
      const answer = await add(form);

      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error_code: code, error_message: message });
      expect(sim.contactData('person', jo)).toEqual([]);
    });

    it('does not parse a JSON body: answers required_field.type', async () => {
      // Act
      const answer = await call(sim, 'POST', `/api/people/${jo}/contact-details`, {
        json: { type: 'phone', data: { number: '555-0100' } },
      });

      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error_code: 'required_field.type', error_message: 'type is empty or missing' });
    });

    it('resolves the type as Deskpro does but stores it as sent', async () => {
      // Act
      const upper = await add([['type', 'PHONE'], ['data[number]', '555-0101']]);
      const dashed = await add([['type', 'instant-message'], ['data[service]', 'skype'], ['data[username]', 'jo.example']]);

      // Assess
      expect([upper.status, dashed.status]).toEqual([201, 201]);
      expect(sim.contactData('person', jo).map((row) => row.contact_type)).toEqual(['PHONE', 'instant-message']);
      expect(sim.contactData('person', jo)[1]).toMatchObject({ username: 'jo.example', service: 'skype' });
    });

    it('prepends http:// to a website without a scheme', async () => {
      // Act
      await add([['type', 'website'], ['data[url]', 'www.example.com']]);
      await add([['type', 'website'], ['data[url]', 'https://example.com/jo']]);

      // Assess
      expect(sim.contactData('person', jo).map((row) => row.url)).toEqual(['http://www.example.com', 'https://example.com/jo']);
    });

    it('stores twitter display_feed without echoing it', async () => {
      // Act
      await add([['type', 'twitter'], ['data[username]', 'jo_example'], ['data[display_feed]', '1']]);

      // Assess
      expect(sim.contactData('person', jo)).toEqual([
        { id: 1, contact_type: 'twitter', comment: '', field_1: 'jo_example', field_2: '1', field_3: '0', ...nulls(4), username: 'jo_example' },
      ]);
    });

    it('echoes a display for facebook and linked_in profiles', async () => {
      // Act
      await add([['type', 'facebook'], ['data[profile_url]', 'https://www.facebook.com/jo.example']]);
      await add([['type', 'linked_in'], ['data[profile_url]', 'https://www.linkedin.com/in/jo-example']]);

      // Assess
      expect(sim.contactData('person', jo).map(({ profile_url, display }) => ({ profile_url, display }))).toEqual([
        { profile_url: 'https://www.facebook.com/jo.example', display: 'jo.example' },
        { profile_url: 'https://www.linkedin.com/in/jo-example', display: 'jo-example' },
      ]);
    });

    it('overwrites data[comment] with the top-level comment', async () => {
      // Act
      await add([['type', 'skype'], ['data[username]', 'jo'], ['data[comment]', 'Inner']]);

      // Assess
      expect(sim.contactData('person', jo)[0]).toMatchObject({ comment: '' });
    });

    it('never deduplicates: the same record twice is two rows', async () => {
      // Act
      await add('type=skype&comment=&data%5Busername%5D=jo.example');
      await add('type=skype&comment=&data%5Busername%5D=jo.example');

      // Assess
      expect(sim.contactData('person', jo).map((row) => [row.id, row.username])).toEqual([
        [1, 'jo.example'],
        [2, 'jo.example'],
      ]);
    });

    it('answers 404 for a person that does not exist', async () => {
      // Act
      const answer = await call(sim, 'POST', '/api/people/99/contact-details', { form: 'type=skype&data%5Busername%5D=jo' });

      // Assess
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error_code: 'http_error.404', error_message: 'There is no person with ID 99' });
    });
  });

  describe('GET and DELETE contact details', () => {
    it('lists details keyed by id, and [] when there are none', async () => {
      // Prepare
      const jo = sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });
      const empty = await call(sim, 'GET', `/api/people/${jo}/contact-details`);
      sim.addContactData('person', jo, { type: 'skype', comment: 'Work', data: { username: 'live:jo.example' } });

      // Act
      const listed = await call(sim, 'GET', `/api/people/${jo}/contact-details`);

      // Assess
      expect(empty.body).toEqual({ details: [] });
      expect(listed.body).toEqual({
        details: { '1': { id: 1, contact_type: 'skype', comment: 'Work', field_1: 'live:jo.example', ...nulls(2), username: 'live:jo.example' } },
      });
    });

    it('checks existence of one record and deletes it', async () => {
      // Prepare
      const jo = sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });
      const row = sim.addContactData('person', jo, { type: 'skype', data: { username: 'jo' } });

      // Act
      const before = await call(sim, 'GET', `/api/people/${jo}/contact-details/${row}`);
      const deleted = await call(sim, 'DELETE', `/api/people/${jo}/contact-details/${row}`);
      const after = await call(sim, 'GET', `/api/people/${jo}/contact-details/${row}`);
      const again = await call(sim, 'DELETE', `/api/people/${jo}/contact-details/${row}`);

      // Assess
      expect([before.body, deleted.body, after.body, again.body]).toEqual([
        { exists: true },
        { success: true },
        { exists: false },
        { success: true },
      ]);
      expect(sim.contactData('person', jo)).toEqual([]);
    });

    it('serves organizations the same way', async () => {
      // Prepare
      const acme = sim.addOrganization({ name: 'Acme Widgets' });

      // Act
      const created = await call(sim, 'POST', `/api/organizations/${acme}/contact-details`, {
        form: [['type', 'website'], ['comment', 'Main'], ['data[url]', 'https://www.example.com']],
      });
      const fetched = await call(sim, 'GET', `/api/organizations/${acme}`);

      // Assess
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`${sim.url}/api/organizations/1/contact-details/1`);
      expect(fetched.body).toEqual({
        organization: {
          id: 1,
          name: 'Acme Widgets',
          contact_data: {
            '1': { id: 1, contact_type: 'website', comment: 'Main', field_1: 'https://www.example.com', ...nulls(2), url: 'https://www.example.com' },
          },
        },
      });
    });

    it('returns a person with primary_email, emails and contact_data', async () => {
      // Prepare
      const jo = sim.addPerson({ name: 'Jo Example', email: 'jo@example.com', emails: ['jo.work@example.com'] });

      // Act
      const answer = await call(sim, 'GET', `/api/people/${jo}`);

      // Assess
      expect(answer.body).toEqual({
        person: { id: 1, name: 'Jo Example', primary_email: 'jo@example.com', emails: ['jo@example.com', 'jo.work@example.com'], contact_data: [] },
      });
    });
  });

  describe('body size cap', () => {
    it('answers 413 for a body over the cap and stores nothing', async () => {
      // Prepare
      const small = await startDeskproSimulator({ apiKey: API_KEY, maxBodyBytes: 64 });
      const jo = small.addPerson({ name: 'Jo Example', email: 'jo@example.com' });

      // Act
      const answer = await call(small, 'POST', `/api/people/${jo}/contact-details`, {
        form: [['type', 'address'], ['data[address]', 'x'.repeat(100)]],
      });
      await small.stop();

      // Assess
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ error_code: 'http_error.413' });
      expect(small.contactData('person', jo)).toEqual([]);
    });
  });

  describe('fault injection', () => {
    let jo: number;
    beforeEach(() => {
      jo = sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });
    });
    const add = () => call(sim, 'POST', `/api/people/${jo}/contact-details`, { form: 'type=skype&data%5Busername%5D=jo' });

    it('phase before: answers the status without applying the request', async () => {
      // Prepare
      sim.failNext({ method: 'POST', path: /\/contact-details$/, status: 503, phase: 'before' });

      // Act
      const failed = await add();
      const next = await add();

      // Assess
      expect(failed.status).toBe(503);
      expect(failed.body).toEqual({ error_code: 'http_error.503', error_message: 'Simulated fault' });
      expect(next.status).toBe(201);
      expect(sim.contactData('person', jo).map((row) => row.id)).toEqual([1]);
    });

    it('phase after: applies the write, then answers the status (a lost response)', async () => {
      // Prepare
      sim.failNext({ method: 'POST', path: /\/contact-details$/, status: 502, phase: 'after', times: 2 });

      // Act
      const statuses = [(await add()).status, (await add()).status, (await add()).status];

      // Assess
      expect(statuses).toEqual([502, 502, 201]);
      expect(sim.contactData('person', jo).map((row) => row.id)).toEqual([1, 2, 3]);
    });

    it('failEvery: every n-th matching request fails', async () => {
      // Prepare
      sim.failEvery({ method: 'GET', path: /^\/api\/people\/\d+$/, every: 3, status: 500, phase: 'before' });

      // Act
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await call(sim, 'GET', `/api/people/${jo}`)).status);

      // Assess
      expect(statuses).toEqual([200, 200, 500, 200, 200, 500]);
    });

    it('delayMs: holds the answer back, and without a status sends the real answer late', async () => {
      // Prepare
      sim.failNext({ method: 'POST', path: /\/contact-details$/, phase: 'after', delayMs: 150 });
      const started = Date.now();

      // Act
      const answer = await add();

      // Assess
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(answer.status).toBe(201);
      expect(sim.contactData('person', jo)).toHaveLength(1);
    });

    it('logs every request with method, path, query and status', async () => {
      // Prepare
      sim.failNext({ method: 'GET', path: /^\/api\/people$/, status: 500, phase: 'before' });

      // Act
      await call(sim, 'GET', '/api/people?email[]=jo%40example.com');
      await add();

      // Assess
      expect(sim.requests.map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
        { method: 'GET', path: '/api/people', query: 'email[]=jo%40example.com', status: 500 },
        { method: 'POST', path: '/api/people/1/contact-details', query: '', status: 201 },
      ]);
    });
  });
});

describe('Deskpro simulator rate limiting', () => {
  let sim: DeskproSimulator;
  let now = T0;

  beforeEach(async () => {
    now = T0;
    sim = await startDeskproSimulator({ apiKey: API_KEY, rateLimit: { limit: 2 }, clock: () => new Date(now) });
  });
  afterEach(async () => {
    await sim.stop();
  });

  const limits = (answer: Answer) => [
    answer.headers.get('x-ratelimit-limit'),
    answer.headers.get('x-ratelimit-remaining'),
    answer.headers.get('x-ratelimit-reset'),
  ];

  it('sends X-RateLimit-* on every answer and 429 once the fixed window is spent, without Retry-After', async () => {
    // Prepare
    const first = await call(sim, 'GET', '/api/people');
    now += 10_000;
    const second = await call(sim, 'GET', '/api/people/9');

    // Act
    const third = await call(sim, 'GET', '/api/people');

    // Assess
    const reset = String(T0_SECONDS + 3600);
    expect([first.status, second.status, third.status]).toEqual([200, 404, 429]);
    expect(limits(first)).toEqual(['2', '1', reset]);
    expect(limits(second)).toEqual(['2', '0', reset]);
    expect(limits(third)).toEqual(['2', '0', reset]);
    expect(third.body).toEqual({ error_code: 'rate_limit_exceeded', error_message: 'Rate Limit Exceeded' });
    expect(third.headers.get('retry-after')).toBeNull();
  });

  it('opens a new window at the reset, from the next counted request', async () => {
    // Prepare
    await call(sim, 'GET', '/api/people');
    await call(sim, 'GET', '/api/people');
    now = T0 + 3_600_000 + 5000;

    // Act
    const answer = await call(sim, 'GET', '/api/people');

    // Assess
    expect(answer.status).toBe(200);
    expect(limits(answer)).toEqual(['2', '1', String(T0_SECONDS + 3600 + 5 + 3600)]);
  });

  it('counts neither refused keys nor GET /api/misc/rate-limit, which reports the window', async () => {
    // Prepare
    await call(sim, 'GET', '/api/people', { key: '7:wrong' });
    await call(sim, 'GET', '/api/people');

    // Act
    const status = await call(sim, 'GET', '/api/misc/rate-limit');

    // Assess
    expect(status.body).toEqual({ limit: 2, remaining: 1, reset_stamp: T0_SECONDS + 3600, reset_date: '2025-03-01T13:00:00+00:00' });
  });

  it('reports {"limit":0} and sends no rate-limit headers when limiting is off', async () => {
    // Prepare
    const open = await startDeskproSimulator({ apiKey: API_KEY });

    // Act
    const status = await call(open, 'GET', '/api/misc/rate-limit');
    await open.stop();

    // Assess
    expect(status.body).toEqual({ limit: 0 });
    expect(status.headers.get('x-ratelimit-limit')).toBeNull();
  });
});
