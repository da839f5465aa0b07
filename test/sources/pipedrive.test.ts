import type { CrmContact } from '../../lib/contact-data/contact';
import { PayloadError, SignatureError } from '../../lib/sources/errors';
import { pipedrive, signPipedrive } from '../../lib/sources/pipedrive';
import { isPipedriveV1 } from '../../lib/sources/pipedrive-webhook';
import type { WebhookRequest } from '../../lib/sources/request';
import { fixture, jsonRequest, NOW, PIPEDRIVE_AUTH, settings, signedFixture, thrownBy, withHeaders } from './support';

const V1 = 'pipedrive/person-v1-added.json';
const V2 = 'pipedrive/person-v2-change.json';
const basic = (credentials: string) => `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
const verify = (request: WebhookRequest) => () => pipedrive.verify(request, settings, NOW);
const parse = (body: unknown) => pipedrive.parse(jsonRequest(JSON.stringify(body)), settings);
const v1Body = () => structuredClone(fixture(V1).body) as Record<string, any>;
const v2Body = () => structuredClone(fixture(V2).body) as Record<string, any>;

const emptyLists = { websites: [], twitter: [], linkedin: [], facebook: [], skype: [], instant_messages: [] };

describe('pipedrive.verify (HTTP Basic)', () => {
  it('accepts the configured credentials', () => {
    // Prepare
    const request = signedFixture(V1);

    // Act / Assess
    expect(request.headers.authorization).toBe(basic(PIPEDRIVE_AUTH));
    expect(verify(request)).not.toThrow();
  });

  it('accepts the scheme name in any case (RFC 7617)', () => {
    // Prepare
    const request = withHeaders(signedFixture(V1), { authorization: basic(PIPEDRIVE_AUTH).replace('Basic', 'basic') });

    // Act / Assess
    expect(verify(request)).not.toThrow();
  });

  it.each([
    ['a wrong password', basic('pipedrive-hook:wrong')],
    ['a wrong user', basic('someone:correct horse battery staple')],
    ['the password alone', basic('correct horse battery staple')],
    ['the credentials with a trailing newline', basic(`${PIPEDRIVE_AUTH}\n`)],
  ])('rejects %s', (_case, authorization) => {
    // Prepare
    const request = withHeaders(signedFixture(V1), { authorization });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('credentials do not match'));
  });

  it('rejects a request without an authorization header', () => {
    // Prepare
    const request = withHeaders(signedFixture(V1), { authorization: undefined });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('authorization header is missing'));
  });

  it.each([
    ['a bearer token', 'Bearer abc.def.ghi'],
    ['credentials not base64-encoded', `Basic ${PIPEDRIVE_AUTH}`],
    ['a scheme with no credentials', 'Basic'],
  ])('rejects %s as malformed', (_case, authorization) => {
    // Prepare
    const request = withHeaders(signedFixture(V1), { authorization });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('authorization header is malformed'));
  });

  it('builds the header Pipedrive sends', () => {
    // Act / Assess
    expect(signPipedrive(jsonRequest('{}'), settings)).toEqual({
      authorization: 'Basic cGlwZWRyaXZlLWhvb2s6Y29ycmVjdCBob3JzZSBiYXR0ZXJ5IHN0YXBsZQ==',
    });
  });

  it('reads a body API Gateway delivered base64-encoded once it is decoded, and not before', () => {
    // Prepare
    const request = signedFixture(V2);
    const encoded = Buffer.from(request.body.toString('base64'), 'utf8');

    // Act
    const decoded = pipedrive.parse({ ...request, body: Buffer.from(encoded.toString('utf8'), 'base64') }, settings);
    const error = thrownBy(() => pipedrive.parse({ ...request, body: encoded }, settings));

    // Assess
    expect(verify({ ...request, body: encoded })).not.toThrow(); // Basic auth does not cover the body
    expect(decoded).toHaveLength(1);
    expect(error).toBeInstanceOf(PayloadError);
  });
});

describe('isPipedriveV1', () => {
  it.each([
    ['a v1 envelope', { v: 1, meta: {} }, true],
    ['a v2 envelope', { meta: { version: '2.0' } }, false],
    ['a v2 envelope that also says version 1 inside meta', { meta: { v: 1, version: '2.0' } }, false],
    ['null', null, false],
    ['an array', [{ v: 1 }], false],
  ])('tells %s', (_case, body, expected) => {
    // Act / Assess
    expect(isPipedriveV1(body)).toBe(expected);
  });
});

describe('pipedrive.parse', () => {
  it('reads a v1 added.person webhook', () => {
    // Act
    const contacts = pipedrive.parse(signedFixture(V1), settings);

    // Assess
    expect(contacts).toStrictEqual<CrmContact[]>([
      {
        kind: 'person',
        email: 'ada@example.com',
        name: 'Ada Example',
        crm: { source: 'pipedrive', objectId: '801', occurredAt: '2026-01-01T00:00:00.000Z' },
        phones: [
          { number: '+1 202 555 0101', kind: 'phone', label: 'work' },
          { number: '(202) 555-0102', kind: 'mobile', label: 'mobile' },
        ],
        addresses: [
          { street: '42 Example Street, Suite 5', city: 'Washington', state: 'District of Columbia', zip: '20001', country: 'United States' },
        ],
        ...emptyLists,
        skype: [{ username: 'live:ada.example' }],
        instant_messages: [{ service: 'google', username: 'ada.example@example.com' }],
      },
    ]);
  });

  it('reads a v2 person change webhook, primary email first', () => {
    // Act
    const contacts = pipedrive.parse(signedFixture(V2), settings);

    // Assess
    expect(contacts).toStrictEqual<CrmContact[]>([
      {
        kind: 'person',
        email: 'alan.specimen@example.com',
        name: 'Alan Specimen',
        crm: {
          source: 'pipedrive',
          objectId: '802',
          eventId: '3f0a7c52-0000-4000-8000-000000000802',
          occurredAt: '2026-01-01T00:00:00.000Z',
        },
        phones: [
          { number: '+44 20 7946 0112', kind: 'phone', label: 'work' },
          { number: '020 7946 0113', kind: 'mobile', label: 'mobile' },
        ],
        addresses: [],
        ...emptyLists,
      },
    ]);
  });

  it('reads v2 numeric ids, an epoch-seconds timestamp, ims and a structured postal address', () => {
    // Prepare
    const body = v2Body();
    body.meta.id = 9001;
    body.meta.timestamp = 1767225600;
    body.data.ims = [{ value: 'alan.s', label: 'Skype', primary: true }, { value: '@alan', label: 'telegram', primary: false }];
    body.data.postal_address = { value: '7 Example Lane, London N1 9XX', route: 'Example Lane', street_number: '7', locality: 'London', postal_code: 'N1 9XX', country: 'United Kingdom' };

    // Act
    const [contact] = parse(body);

    // Assess
    expect(contact?.crm).toStrictEqual({ source: 'pipedrive', objectId: '802', eventId: '9001', occurredAt: '2026-01-01T00:00:00.000Z' });
    expect(contact?.skype).toStrictEqual([{ username: 'alan.s' }]);
    expect(contact?.instant_messages).toStrictEqual([{ service: 'telegram', username: '@alan' }]);
    expect(contact?.addresses).toStrictEqual([{ street: '7 Example Lane', city: 'London', zip: 'N1 9XX', country: 'United Kingdom' }]);
  });

  it('keeps an address Pipedrive could not geocode as typed, as the street', () => {
    // Prepare
    const body = v1Body();
    for (const key of Object.keys(body.current)) if (key.startsWith('postal_address_')) body.current[key] = null;
    body.current.postal_address = 'Unit 4, Example Yard';

    // Act
    const [contact] = parse(body);

    // Assess
    expect(contact?.addresses).toStrictEqual([{ street: 'Unit 4, Example Yard' }]);
  });

  it('returns a person with no email as it is, for the webhook step to report as skipped', () => {
    // Prepare
    const body = v2Body();
    body.data.emails = [{ value: '', label: 'work', primary: true }];

    // Act
    const [contact] = parse(body);

    // Assess
    expect(contact).not.toHaveProperty('email');
    expect(contact?.name).toBe('Alan Specimen');
  });

  it.each([
    ['a v1 deletion', () => ({ ...v1Body(), meta: { ...v1Body().meta, action: 'deleted' }, current: null, previous: v1Body().current, event: 'deleted.person' })],
    ['a v1 organization', () => ({ ...v1Body(), meta: { ...v1Body().meta, object: 'organization' }, current: { id: 55, name: 'Example Widgets Ltd' } })],
    ['a v2 deletion', () => ({ ...v2Body(), meta: { ...v2Body().meta, action: 'delete' }, data: null })],
    ['a v2 deal', () => ({ ...v2Body(), meta: { ...v2Body().meta, entity: 'deal' }, data: { id: 1, title: 'Deal' } })],
  ])('adds nothing for %s', (_case, body) => {
    // Act / Assess
    expect(parse(body())).toEqual([]);
  });

  it('refuses malformed JSON with a PayloadError', () => {
    // Act
    const error = thrownBy(() => pipedrive.parse(jsonRequest('{"v":1,"meta":'), settings)) as PayloadError;

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.details).toEqual([{ path: '', message: 'not valid JSON' }]);
  });

  it('refuses a v1 person of the wrong shape, with paths from the envelope root', () => {
    // Prepare
    const body = v1Body();
    body.current.phone = '+1 202 555 0101';
    body.current.email = [{ value: { address: 'ada@example.com' }, primary: true }];

    // Act
    const error = thrownBy(() => parse(body)) as PayloadError;

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.message).toBe('Pipedrive v1 person does not match the expected shape');
    expect(error.details.map((detail) => detail.path)).toEqual(['current.email.0.value', 'current.phone']);
    expect(JSON.stringify(error.details)).not.toContain('555');
  });

  it('refuses a body that is neither envelope', () => {
    // Act
    const error = thrownBy(() => parse({ event: 'added.person', current: { id: 1 } })) as PayloadError;

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.message).toBe('Pipedrive v2 webhook does not match the expected shape');
    expect(error.details.map((detail) => detail.path)).toEqual(['meta', 'data']);
  });
});
