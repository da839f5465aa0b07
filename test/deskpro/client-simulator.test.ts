import { DeskproClient } from '../../lib/deskpro/client';
import { DeskproAuthError, DeskproRateLimitedError, DeskproRejectedError, DeskproUnavailableError } from '../../lib/deskpro/errors';
import { RateGate } from '../../lib/deskpro/rate-gate';
import { startDeskproSimulator, type DeskproSimulator } from '../../lib/local/deskpro-simulator';
import { API_KEY, RECORDS } from './fixtures';

/** The client end to end against the legacy-API simulator (real HTTP on 127.0.0.1). */
describe('DeskproClient against the simulator', () => {
  let sim: DeskproSimulator;
  let client: DeskproClient;
  const sleeps: number[] = [];

  beforeAll(async () => {
    sim = await startDeskproSimulator({ apiKey: API_KEY });
  });
  afterAll(async () => {
    await sim.stop();
  });
  beforeEach(() => {
    sleeps.length = 0;
    sim.clearFaults();
    client = new DeskproClient({
      baseUrl: sim.url,
      apiKey: API_KEY,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0,
    });
  });

  it('finds an organization stored with odd spacing, and not one that merely contains the name', async () => {
    // Prepare
    sim.addOrganization({ name: 'Zeta Instruments Holdings' });
    const spaced = sim.addOrganization({ name: 'Zeta  Instruments' });
    const nbsp = sim.addOrganization({ name: 'Example\u00A0Corp' });

    // Act / Assess
    expect(await client.findOrganizationByName('zeta instruments')).toEqual({ kind: 'organization', id: spaced });
    expect(await client.findOrganizationByName('Example Corp')).toEqual({ kind: 'organization', id: nbsp });
    expect(await client.findOrganizationByName('Instruments Holdings Group')).toBeUndefined();
  });

  it('finds the exact person among substring matches, whatever the case', async () => {
    // Prepare
    sim.addPerson({ name: 'Jim Jo', email: 'jimjo@example.com' });
    const jo = sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });
    sim.addPerson({ name: 'Jo Australia', email: 'jo@example.com.au' });

    // Act
    const found = await client.findPersonByEmail('JO@example.com');
    const missing = await client.findPersonByEmail('o@example.com');

    // Assess
    expect(found).toEqual({ kind: 'person', id: jo });
    expect(missing).toBeUndefined();
  });

  it('creates a person with all eight record types and reads them back as Deskpro stored them', async () => {
    // Act
    const target = await client.createPerson({ email: 'eight@example.com', name: 'Eight Types' }, Object.values(RECORDS));
    const rows = await client.listContactData(target);

    // Assess
    expect(rows.map(({ type, comment, data }) => ({ type, comment, data }))).toEqual([
      {
        type: 'address',
        comment: 'Work',
        data: { address: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701', country: 'United States' },
      },
      { type: 'phone', comment: 'Mobile', data: { country_calling_code: '1', number: '555-0100', type: 'mobile' } },
      { type: 'website', comment: '', data: { url: 'https://www.example.com' } },
      { type: 'twitter', comment: '', data: { username: 'jo_example' } },
      { type: 'linked_in', comment: '', data: { profile_url: 'https://www.linkedin.com/in/jo-example', display: 'jo-example' } },
      { type: 'facebook', comment: 'Home', data: { profile_url: 'https://www.facebook.com/jo.example', display: 'jo.example' } },
      { type: 'skype', comment: '', data: { username: 'live:jo.example' } },
      { type: 'instant_message', comment: '', data: { username: '+1 555 0100', service: 'whatsapp' } },
    ]);
  });

  it('adds contact data to a person and to an organization it found by name', async () => {
    // Prepare
    sim.addOrganization({ name: 'Acme Widgets Ltd' });
    const acme = sim.addOrganization({ name: ' ACME Widgets ' });

    // Act
    const target = await client.findOrganizationByName('Acme   widgets');
    const id = await client.addContactData(target!, RECORDS.phone);

    // Assess
    expect(target).toEqual({ kind: 'organization', id: acme });
    expect(sim.contactData('organization', acme)).toMatchObject([{ id, contact_type: 'phone', number: '555-0100' }]);
  });

  it('surfaces a lost POST response as Unavailable while the record is stored: the caller must re-read', async () => {
    // Prepare
    const jo = sim.addPerson({ name: 'Lost Answer', email: 'lost@example.com' });
    sim.failNext({ method: 'POST', path: /\/contact-details$/, status: 504, phase: 'after' });

    // Act
    const error = await client.addContactData({ kind: 'person', id: jo }, RECORDS.skype).catch((e: unknown) => e);
    const rows = await client.listContactData({ kind: 'person', id: jo });

    // Assess
    expect(error).toBeInstanceOf(DeskproUnavailableError);
    expect(rows.map((row) => row.data)).toEqual([{ username: 'live:jo.example' }]);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path === `/api/people/${jo}/contact-details`)).toHaveLength(1);
  });

  it('retries GETs through faults before the request', async () => {
    // Prepare
    const jo = sim.addPerson({ name: 'Flaky Read', email: 'flaky@example.com' });
    sim.failNext({ method: 'GET', path: /\/contact-details$/, status: 502, phase: 'before', times: 2 });

    // Act
    const rows = await client.listContactData({ kind: 'person', id: jo });

    // Assess
    expect(rows).toEqual([]);
    expect(sleeps).toEqual([50, 100]);
  });

  it('times out on a slow answer', async () => {
    // Prepare
    const jo = sim.addPerson({ name: 'Slow Write', email: 'slow@example.com' });
    sim.failNext({ method: 'POST', path: /\/contact-details$/, phase: 'after', delayMs: 500 });
    const impatient = new DeskproClient({ baseUrl: sim.url, apiKey: API_KEY, timeoutMs: 50 });

    // Act
    const result = impatient.addContactData({ kind: 'person', id: jo }, RECORDS.website);

    // Assess
    await expect(result).rejects.toThrow(new DeskproUnavailableError('POST /api/people/' + jo + '/contact-details timed out after 50 ms'));
  });

  it('turns the legacy 400s into DeskproRejectedError (a used email into a retry) and a 404 into DeskproNotFoundError', async () => {
    // Prepare
    const jo = sim.addPerson({ name: 'Taken', email: 'taken@example.com' });

    // Act
    const duplicate = await client.createPerson({ email: 'TAKEN@example.com', name: 'Taken Again' }, []).catch((e: unknown) => e);
    const missing = await client.addContactData({ kind: 'person', id: 9999 }, RECORDS.phone).catch((e: unknown) => e);
    const empty = await client
      .addContactData({ kind: 'person', id: jo }, { type: 'skype', comment: '', data: { username: '' } })
      .catch((e: unknown) => e);

    // Assess
    // A used email is retried (it is most likely our own lost create), not dead-lettered.
    expect(duplicate).toBeInstanceOf(DeskproUnavailableError);
    expect(duplicate).toMatchObject({ status: 400, message: 'POST /api/people answered 400: the email already exists' });
    expect(missing).toMatchObject({ name: 'DeskproNotFoundError', message: 'POST /api/people/9999/contact-details answered 404 http_error.404', status: 404 });
    expect(empty).toBeInstanceOf(DeskproRejectedError);
    expect(empty).toMatchObject({ errorCode: 'invalid_argument.data', status: 400 });
  });

  it('turns a refused key into DeskproAuthError', async () => {
    // Prepare
    const wrong = new DeskproClient({ baseUrl: sim.url, apiKey: '7:not-the-right-code' });

    // Act
    const error = await wrong.findPersonByEmail('jo@example.com').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeskproAuthError);
    expect(error).toMatchObject({ errorCode: 'invalid_auth', status: 401 });
  });
});

describe('DeskproClient against a rate-limited simulator', () => {
  const T0 = Date.parse('2025-03-01T12:00:00Z');
  let sim: DeskproSimulator;

  beforeAll(async () => {
    sim = await startDeskproSimulator({ apiKey: API_KEY, rateLimit: { limit: 2 }, clock: () => new Date(T0) });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('stops sending once the window is spent and reports the simulator reset', async () => {
    // Prepare
    const jo = sim.addPerson({ name: 'Jo Example', email: 'jo@example.com' });
    const clock = () => new Date(T0);
    const gate = new RateGate({ clock });
    const client = new DeskproClient({ baseUrl: sim.url, apiKey: API_KEY, gate, clock });
    await client.findPersonByEmail('jo@example.com');
    await client.addContactData({ kind: 'person', id: jo }, RECORDS.phone);

    // Act
    const error = await client.listContactData({ kind: 'person', id: jo }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(DeskproRateLimitedError);
    expect(error).toMatchObject({ resetAt: new Date(T0 + 3_600_000) });
    expect(gate.openAt()).toEqual(new Date(T0 + 3_600_000));
    expect(sim.requests.map((r) => r.status)).toEqual([200, 201]);
  });

  it('after a 429 from another process, closes the gate until X-RateLimit-Reset', async () => {
    // Prepare: a fresh client whose gate knows nothing yet; the window is already spent.
    const clock = () => new Date(T0);
    const gate = new RateGate({ clock });
    const client = new DeskproClient({ baseUrl: sim.url, apiKey: API_KEY, gate, clock });

    // Act
    const first = await client.findPersonByEmail('jo@example.com').catch((e: unknown) => e);
    const second = await client.findPersonByEmail('jo@example.com').catch((e: unknown) => e);

    // Assess
    expect(first).toMatchObject({ name: 'DeskproRateLimitedError', status: 429, resetAt: new Date(T0 + 3_600_000) });
    expect(second).toMatchObject({ name: 'DeskproRateLimitedError', resetAt: new Date(T0 + 3_600_000) });
    expect(sim.requests.map((r) => r.status)).toEqual([200, 201, 429]);
  });
});
