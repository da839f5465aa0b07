import { DeskproClient, DeskproDeadlineError, DeskproUnavailableError } from '../../lib/deskpro';
import { startStub, type StubServer } from './stub-server';

// The worker gives each invocation's client the invocation's end as a deadline: a slow Deskpro
// must make a call fail in time, never run the Lambda past its timeout.
let stub: StubServer;
afterEach(() => stub.close());

const target = { kind: 'person' as const, id: 7 };

describe('DeskproClient deadline', () => {
  it('cuts a slow answer off at the deadline instead of the 10 s timeout', async () => {
    stub = await startStub(() => ({ status: 200, body: { details: [] }, delayMs: 5_000 }));
    const client = new DeskproClient({ baseUrl: stub.url, apiKey: '1:abc', deadline: Date.now() + 1_500, getRetries: 2 });

    const started = Date.now();
    const error = await client.listContactData(target).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DeskproUnavailableError);
    expect(String((error as Error).message)).toMatch(/^GET \/api\/people\/7\/contact-details timed out after \d+ ms$/);
    expect(Date.now() - started).toBeLessThan(2_500);
    // Not retried: no time was left for another attempt.
    expect(stub.seen).toHaveLength(1);
  });

  it('does not send a call when less than a second is left', async () => {
    stub = await startStub(() => ({ status: 201, body: { id: 1 } }));
    const client = new DeskproClient({ baseUrl: stub.url, apiKey: '1:abc', deadline: Date.now() + 500 });

    const error = await client.addContactData(target, { type: 'skype', comment: '', data: { username: 'ada' } }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DeskproDeadlineError);
    expect((error as Error).message).toBe('POST /api/people/7/contact-details not sent: no time left in this invocation');
    expect(stub.seen).toHaveLength(0);
  });
});

describe('writes whose outcome is unknown', () => {
  it('marks a gateway 504 to a POST (no Deskpro error body) as possibly applied, but not Deskpro\'s own 500', async () => {
    stub = await startStub((_request, index) => (index === 0 ? { status: 504, body: '<html>Gateway Timeout</html>' } : { status: 500, body: { error_code: 'http_error.500', error_message: 'x' } }));
    const client = new DeskproClient({ baseUrl: stub.url, apiKey: '1:abc' });
    const record = { type: 'skype' as const, comment: '', data: { username: 'ada' } };

    const gateway = await client.addContactData(target, record).catch((caught: unknown) => caught);
    const deskpro = await client.addContactData(target, record).catch((caught: unknown) => caught);

    expect(gateway).toMatchObject({ name: 'DeskproUnavailableError', status: 504, outcomeUnknown: true });
    expect(deskpro).toMatchObject({ name: 'DeskproUnavailableError', status: 500, outcomeUnknown: false });
  });
});
