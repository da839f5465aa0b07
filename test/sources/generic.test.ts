import type { CrmContact } from '../../lib/contact-data/contact';
import { PayloadError, SignatureError } from '../../lib/sources/errors';
import { generic, signGeneric } from '../../lib/sources/generic';
import type { WebhookRequest } from '../../lib/sources/request';
import type { SourceSettings } from '../../lib/sources/source';
import { jsonRequest, NOW, seconds, settings, signedFixture, thrownBy, withHeaders } from './support';

const CONTACTS = 'generic/contacts.json';
const verify = (request: WebhookRequest, at: Date = NOW, with_: SourceSettings = settings) => () => generic.verify(request, with_, at);
const parse = (body: unknown) => generic.parse(jsonRequest(JSON.stringify(body)), settings);
const person = { kind: 'person', email: 'ada@example.com', crm: { source: 'example-crm' } };

// The reference vector published with the Standard Webhooks spec.
const VECTOR_SETTINGS: SourceSettings = { ...settings, genericWebhookSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
const VECTOR_TIME = new Date(1614265330 * 1000);
const vectorRequest = (signature: string): WebhookRequest =>
  jsonRequest('{"test": 2432232314}', {
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': '1614265330',
    'webhook-signature': signature,
  });
const VECTOR_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('generic.verify (Standard Webhooks)', () => {
  it('accepts the Standard Webhooks reference vector', () => {
    // Act / Assess
    expect(verify(vectorRequest(VECTOR_SIGNATURE), VECTOR_TIME, VECTOR_SETTINGS)).not.toThrow();
  });

  it('signs the reference vector the same way', () => {
    // Prepare
    const unsigned = vectorRequest('');

    // Act
    const headers = signGeneric(unsigned, VECTOR_SETTINGS, VECTOR_TIME);

    // Assess
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR_SIGNATURE,
    });
  });

  it('accepts the secret without its whsec_ prefix, as the reference library does', () => {
    // Act / Assess
    expect(verify(vectorRequest(VECTOR_SIGNATURE), VECTOR_TIME, { ...settings, genericWebhookSecret: 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })).not.toThrow();
  });

  it('accepts the fixture signed with the demo secret', () => {
    // Act / Assess
    expect(verify(signedFixture(CONTACTS))).not.toThrow();
  });

  it.each([
    ['a bad signature before the good one', (good: string) => `v1,Zm9v ${good}`],
    ['an unknown version before the good one', (good: string) => `v1a,${good.slice(3)} ${good}`],
  ])('accepts any one matching signature: %s', (_case, header) => {
    // Prepare
    const request = signedFixture(CONTACTS);
    const rotated = withHeaders(request, { 'webhook-signature': header(request.headers['webhook-signature'] ?? '') });

    // Act / Assess
    expect(verify(rotated)).not.toThrow();
  });

  it('rejects a signature made with another secret', () => {
    // Prepare
    const request = signedFixture(CONTACTS, NOW, { ...settings, genericWebhookSecret: `whsec_${Buffer.alloc(32, 8).toString('base64')}` });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('no signature matches'));
  });

  it.each([
    ['webhook-id', 'webhook-id header is missing'],
    ['webhook-timestamp', 'webhook-timestamp header is missing'],
    ['webhook-signature', 'webhook-signature header is missing'],
  ])('rejects a request without %s', (name, message) => {
    // Prepare
    const request = withHeaders(signedFixture(CONTACTS), { [name]: undefined });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError(message));
  });

  it.each([
    ['a signature without its version', (good: string) => good.slice(3), 'webhook-signature header is malformed'],
    ['only another version', (good: string) => `v2,${good.slice(3)}`, 'webhook-signature header is malformed'],
    ['an empty v1 entry', () => 'v1,', 'webhook-signature header is malformed'],
  ])('rejects %s', (_case, header, message) => {
    // Prepare
    const request = signedFixture(CONTACTS);
    const broken = withHeaders(request, { 'webhook-signature': header(request.headers['webhook-signature'] ?? '') });

    // Act / Assess
    expect(verify(broken)).toThrow(new SignatureError(message));
  });

  it('rejects a timestamp in milliseconds as far in the future', () => {
    // Prepare
    const request = withHeaders(signedFixture(CONTACTS), { 'webhook-timestamp': String(NOW.getTime()) });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('timestamp is too far in the future'));
  });

  it.each([
    ['accepts', 300, undefined],
    ['rejects', 301, 'timestamp is too old'],
    ['accepts', -300, undefined],
    ['rejects', -301, 'timestamp is too far in the future'],
  ])('%s a timestamp %i s from now (seconds header)', (_verb, offset, message) => {
    // Prepare
    const request = signedFixture(CONTACTS);

    // Act
    const act = verify(request, seconds(offset));

    // Assess
    if (message === undefined) expect(act).not.toThrow();
    else expect(act).toThrow(new SignatureError(message));
  });

  it.each([
    ['body', (request: WebhookRequest) => ({ ...request, body: Buffer.from(request.body.toString().replace('Ada', 'Eve')) })],
    ['webhook-id', (request: WebhookRequest) => withHeaders(request, { 'webhook-id': 'msg_replayed' })],
    ['webhook-timestamp', (request: WebhookRequest) => withHeaders(request, { 'webhook-timestamp': '1767225601' })],
  ])('rejects a tampered %s', (_case, tamper) => {
    // Prepare
    const request = tamper(signedFixture(CONTACTS));

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('no signature matches'));
  });

  it('verifies a body API Gateway delivered base64-encoded once it is decoded, and not before', () => {
    // Prepare
    const request = signedFixture(CONTACTS);
    const encoded = Buffer.from(request.body.toString('base64'), 'utf8');

    // Act / Assess
    expect(verify({ ...request, body: Buffer.from(encoded.toString('utf8'), 'base64') })).not.toThrow();
    expect(verify({ ...request, body: encoded })).toThrow(new SignatureError('no signature matches'));
  });

  it('verifies raw bytes with \\u escapes without re-serializing them', () => {
    // Prepare
    const raw = '{"contacts":[{"kind":"person","email":"lena@example.com","name":"Lena Ex\\u00e4mple","crm":{"source":"x"}}]}';
    const unsigned = jsonRequest(raw, { 'webhook-id': 'msg_unicode' });
    const request = withHeaders(unsigned, signGeneric(unsigned, settings, NOW));

    // Act / Assess
    expect(verify(request)).not.toThrow();
    expect(generic.parse(request, settings)[0]?.name).toBe('Lena Exämple');
  });

  it('derives a stable webhook-id from the body when the request has none', () => {
    // Prepare
    const unsigned = jsonRequest('{"contacts":[]}');

    // Act
    const first = signGeneric(unsigned, settings, NOW);
    const second = signGeneric(unsigned, settings, seconds(60));

    // Assess
    expect(first['webhook-id']).toMatch(/^msg_[0-9a-f]{24}$/);
    expect(second['webhook-id']).toBe(first['webhook-id']);
  });

  it.each(['whsec_', 'whsec_not base64!', 'whsec_%%%'])('treats the secret %j as misconfiguration, not a bad request', (secret) => {
    // Act
    const error = thrownBy(() => generic.verify(signedFixture(CONTACTS), { ...settings, genericWebhookSecret: secret }, NOW));

    // Assess
    expect(error).not.toBeInstanceOf(SignatureError);
    expect(error).toEqual(new Error('GENERIC_WEBHOOK_SECRET is not a whsec_<base64> secret'));
  });
});

describe('generic.parse', () => {
  const lists = { phones: [], addresses: [], websites: [], twitter: [], linkedin: [], facebook: [], skype: [], instant_messages: [] };

  it('reads the canonical contacts as sent', () => {
    // Act
    const contacts = generic.parse(signedFixture(CONTACTS), settings);

    // Assess
    expect(contacts).toStrictEqual<CrmContact[]>([
      {
        ...lists,
        kind: 'person',
        email: 'ada@example.com',
        name: 'Ada Example',
        crm: { source: 'example-crm', objectId: 'C-1001', eventId: 'evt_0001', occurredAt: '2026-01-01T00:00:00Z' },
        phones: [{ number: '(202) 555-0101', kind: 'phone', label: 'Work' }],
        twitter: [{ handle: '@ada_example' }],
        linkedin: [{ url: 'linkedin.com/in/ada-example' }],
        instant_messages: [{ service: 'whatsapp', username: '+1 202 555 0102', label: 'Personal' }],
      },
      {
        ...lists,
        kind: 'person',
        email: 'margaret.placeholder@example.com',
        name: 'Margaret Placeholder',
        crm: { source: 'example-crm', objectId: 'C-1002', eventId: 'evt_0002', occurredAt: '2026-01-01T00:00:00Z' },
        phones: [{ number: '+44 20 7946 0018', kind: 'mobile', label: 'Mobile' }],
        addresses: [{ street: '221 Example Road\nFlat 2', city: 'London', zip: 'NW1 6XE', country: 'GB', label: 'Home' }],
        facebook: [{ url: 'https://www.facebook.com/margaret.placeholder' }],
        skype: [{ username: 'live:margaret.placeholder' }],
      },
      {
        ...lists,
        kind: 'organization',
        name: 'Example Widgets Ltd',
        crm: { source: 'example-crm', objectId: 'A-2001', eventId: 'evt_0003', occurredAt: '2026-01-01T00:00:00Z' },
        phones: [
          { number: '+1 202 555 0150', kind: 'phone', label: 'Main' },
          { number: '+1 202 555 0151', kind: 'fax', label: 'Fax' },
        ],
        addresses: [{ street: '1 Example Way\nSuite 5', city: 'Springfield', state: 'IL', zip: '62701', country: 'US', label: 'Head office' }],
        websites: [{ url: 'https://www.example.com/?utm_source=crm', label: 'Website' }],
        twitter: [{ handle: 'https://x.com/examplewidgets' }],
        linkedin: [{ url: 'https://www.linkedin.com/company/example-widgets' }],
      },
    ]);
  });

  it('refuses malformed JSON with a PayloadError', () => {
    // Act
    const error = thrownBy(() => generic.parse(jsonRequest('{"contacts": [}'), settings)) as PayloadError;

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.details).toEqual([{ path: '', message: 'not valid JSON' }]);
  });

  it('names each invalid field by its dotted path, without echoing the values', () => {
    // Prepare
    const body = {
      contacts: [
        { ...person, email: 'ada-at-example.com' },
        { kind: 'person', name: 'Nobody', crm: { source: 'example-crm' } },
        { kind: 'organization', name: 'Example Widgets Ltd', crm: { source: 'example-crm' }, phones: [{ number: '555-0100', kind: 'pager' }] },
        { kind: 'organization', crm: { source: 'example-crm' } },
      ],
    };

    // Act
    const error = thrownBy(() => parse(body)) as PayloadError;

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.message).toBe('generic webhook body does not match the expected shape');
    expect(error.details).toEqual([
      { path: 'contacts.0.email', message: 'Invalid email address' },
      { path: 'contacts.1.email', message: 'a person needs an email: Deskpro people are matched by email' },
      { path: 'contacts.2.phones.0.kind', message: 'Invalid option: expected one of "phone"|"mobile"|"fax"' },
      { path: 'contacts.3.name', message: 'an organization needs a name: Deskpro organizations are matched by name' },
    ]);
    expect(JSON.stringify(error.details)).not.toMatch(/ada-at-example|pager|555-0100/);
  });

  it.each([
    ['no contacts', { contacts: [] }],
    ['more than 1000 contacts', { contacts: Array.from({ length: 1001 }, () => person) }],
    ['contacts that are not a list', { contacts: person }],
  ])('refuses %s', (_case, body) => {
    // Act
    const error = thrownBy(() => parse(body)) as PayloadError;

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.details.map((detail) => detail.path)).toEqual(['contacts']);
  });

  it('accepts exactly 1000 contacts', () => {
    // Act / Assess
    expect(parse({ contacts: Array.from({ length: 1000 }, () => person) })).toHaveLength(1000);
  });
});
