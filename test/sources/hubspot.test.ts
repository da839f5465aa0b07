import { createHmac } from 'node:crypto';
import type { CrmContact } from '../../lib/contact-data/contact';
import { PayloadError, SignatureError } from '../../lib/sources/errors';
import { hubspot, hubspotSignedUri, HubspotWorkflowContact, signHubspot, toCrmContact } from '../../lib/sources/hubspot';
import type { WebhookRequest } from '../../lib/sources/request';
import { fixture, HUBSPOT_SECRET, jsonRequest, NOW, seconds, settings, signedFixture, thrownBy, withHeaders } from './support';

const CONTACT = 'hubspot/workflow-contact.json';
const UNICODE = 'hubspot/workflow-unicode-escapes.json';

/** HubSpot's v3 rule written out independently of lib/: base64 HMAC-SHA256 of method + uri + body + timestamp. */
function hubspotV3(uri: string, body: Buffer, timestamp: string, secret = HUBSPOT_SECRET): string {
  return createHmac('sha256', secret).update(Buffer.concat([Buffer.from(`POST${uri}`), body, Buffer.from(timestamp)])).digest('base64');
}

const verify = (request: WebhookRequest, at: Date = NOW) => () => hubspot.verify(request, settings, at);

describe('hubspot.verify (signature v3)', () => {
  it('accepts the signature HubSpot computes over method, URL with query, raw body and timestamp', () => {
    // Prepare
    const body = Buffer.from(JSON.stringify(fixture(CONTACT).body));
    const request: WebhookRequest = {
      method: 'POST',
      path: '/webhooks/hubspot',
      rawQuery: 'workflow=deskpro-sync',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': '1767225600000',
        'x-hubspot-signature-v3': hubspotV3('https://hooks.example.com/webhooks/hubspot?workflow=deskpro-sync', body, '1767225600000'),
      },
      body,
    };

    // Act / Assess
    expect(verify(request)).not.toThrow();
    expect(signedFixture(CONTACT).headers).toEqual(request.headers);
  });

  it('decodes the percent-encodings HubSpot decodes before signing, and no others', () => {
    // Prepare
    const rawQuery = 'email=ada%40example.com&next=%2Fhome%3Fa%3Db&list=%28a%2Cb%29&name=Ada%20Example';
    const unsigned: WebhookRequest = { ...signedFixture(CONTACT), rawQuery };
    const signedUri = 'https://hooks.example.com/webhooks/hubspot?email=ada@example.com&next=/home?a%3Db&list=(a,b)&name=Ada%20Example';
    const request = withHeaders(unsigned, {
      'x-hubspot-signature-v3': hubspotV3(signedUri, unsigned.body, '1767225600000'),
    });

    // Act / Assess
    expect(hubspotSignedUri(settings.publicUrl!, request)).toBe(signedUri);
    expect(verify(request)).not.toThrow();
  });

  it('builds the signed URL from the configured public URL, ignoring a trailing slash', () => {
    // Prepare
    const request = jsonRequest('{}');

    // Act
    const uri = hubspotSignedUri('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/', { ...request, path: '/webhooks/hubspot' });

    // Assess
    expect(uri).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/webhooks/hubspot');
  });

  it('rejects a signature made with another secret (for example a private-app token)', () => {
    // Prepare
    const request = signedFixture(CONTACT, NOW, { ...settings, hubspotClientSecret: 'pat-na1-00000000-0000-0000-0000-000000000000' });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('no signature matches'));
  });

  it.each([
    ['x-hubspot-signature-v3', 'x-hubspot-signature-v3 header is missing'],
    ['x-hubspot-request-timestamp', 'x-hubspot-request-timestamp header is missing'],
  ])('rejects a request without %s', (name, message) => {
    // Prepare
    const request = withHeaders(signedFixture(CONTACT), { [name]: undefined });

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError(message));
  });

  it.each([
    ['a truncated signature', { 'x-hubspot-signature-v3': 'c2lnbmF0dXJl' }, 'x-hubspot-signature-v3 header is malformed'],
    ['a hex signature (v1/v2 style)', { 'x-hubspot-signature-v3': 'ab'.repeat(32) }, 'x-hubspot-signature-v3 header is malformed'],
    ['a timestamp in seconds with a fraction', { 'x-hubspot-request-timestamp': '1767225600.000' }, 'timestamp header is malformed'],
  ])('rejects %s', (_case, patch, message) => {
    // Prepare
    const request = withHeaders(signedFixture(CONTACT), patch);

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError(message));
  });

  it('compares the signature exactly as sent: a "+" turned into a space fails', () => {
    // Prepare: find a signing time whose signature contains "+" (deterministic for the fixed inputs).
    const at = [...Array(200).keys()].map((ms) => new Date(NOW.getTime() + ms))
      .find((time) => signedFixture(CONTACT, time).headers['x-hubspot-signature-v3']?.includes('+'));
    const request = signedFixture(CONTACT, at);
    const spaced = withHeaders(request, { 'x-hubspot-signature-v3': request.headers['x-hubspot-signature-v3']?.replaceAll('+', ' ') });

    // Act / Assess
    expect(at).toBeDefined();
    expect(verify(request, at)).not.toThrow();
    expect(verify(spaced, at)).toThrow(SignatureError);
  });

  it.each([
    ['accepts', 300, undefined],
    ['rejects', 301, 'timestamp is too old'],
    ['accepts', -300, undefined],
    ['rejects', -301, 'timestamp is too far in the future'],
  ])('%s a timestamp %i s from now (milliseconds header)', (_verb, offset, message) => {
    // Prepare
    const request = signedFixture(CONTACT);

    // Act
    const act = verify(request, seconds(offset));

    // Assess
    if (message === undefined) expect(act).not.toThrow();
    else expect(act).toThrow(new SignatureError(message));
  });

  it('rejects a tampered body', () => {
    // Prepare
    const request = signedFixture(CONTACT);
    const tampered = { ...request, body: Buffer.from(request.body.toString('utf8').replace('Grace', 'Grece')) };

    // Act / Assess
    expect(verify(tampered)).toThrow(new SignatureError('no signature matches'));
  });

  it.each([
    ['query was changed', { rawQuery: 'workflow=other' }],
    ['query was removed', { rawQuery: '' }],
    ['path was changed', { path: '/webhooks/generic' }],
    ['method was changed', { method: 'PUT' }],
  ])('rejects a request whose %s', (_case, patch) => {
    // Prepare
    const request = { ...signedFixture(CONTACT), ...patch };

    // Act / Assess
    expect(verify(request)).toThrow(new SignatureError('no signature matches'));
  });

  it('rejects a request HubSpot sent to another public URL (scheme rewritten by a proxy)', () => {
    // Prepare
    const request = signedFixture(CONTACT);

    // Act / Assess
    expect(() => hubspot.verify(request, { ...settings, publicUrl: 'http://hooks.example.com' }, NOW)).toThrow(SignatureError);
  });

  it('verifies a body API Gateway delivered base64-encoded once it is decoded, and not before', () => {
    // Prepare
    const request = signedFixture(CONTACT);
    const encoded = Buffer.from(request.body.toString('base64'), 'utf8');

    // Act / Assess
    expect(verify({ ...request, body: Buffer.from(encoded.toString('utf8'), 'base64') })).not.toThrow();
    expect(verify({ ...request, body: encoded })).toThrow(new SignatureError('no signature matches'));
  });

  it('verifies the raw bytes of a body with \\u00e4 escapes; re-serialized JSON would not match', () => {
    // Prepare
    const request = signedFixture(UNICODE);
    const raw = request.body.toString('utf8');
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(raw)), 'utf8');

    // Act / Assess
    expect(raw).toContain('Ex\\u00e4mple');
    expect(verify(request)).not.toThrow();
    expect(verify({ ...request, body: reserialized })).toThrow(new SignatureError('no signature matches'));
  });

  it('signs with the configured client secret', () => {
    // Prepare
    const request = { ...jsonRequest('{}'), path: '/webhooks/hubspot' };

    // Act
    const headers = signHubspot(request, settings, NOW);

    // Assess
    expect(headers).toEqual({
      'x-hubspot-request-timestamp': '1767225600000',
      'x-hubspot-signature-v3': hubspotV3('https://hooks.example.com/webhooks/hubspot', Buffer.from('{}'), '1767225600000'),
    });
  });
});

describe('hubspot.parse', () => {
  const grace: CrmContact = {
    kind: 'person',
    email: 'grace.sample@example.com',
    name: 'Grace Sample',
    crm: { source: 'hubspot', objectId: '5550201', occurredAt: '2025-12-31T23:59:59.000Z' },
    phones: [
      { number: '+1 202-555-0142 ext. 12', kind: 'phone' },
      { number: '(202) 555-0143', kind: 'mobile' },
      { number: '202.555.0144', kind: 'fax' },
    ],
    addresses: [{ street: '1 Example Way\nSuite 5', city: 'Washington', state: 'DC', zip: '20001', country: 'United States' }],
    websites: [{ url: 'https://www.example.com/grace?utm_source=hubspot' }],
    twitter: [{ handle: '@grace_sample' }],
    linkedin: [{ url: 'https://www.linkedin.com/in/grace-sample/' }],
    facebook: [],
    skype: [{ username: 'live:grace.sample' }],
    instant_messages: [],
  };

  it('reads the workflow contact record, with the configured custom property', () => {
    // Act
    const contacts = hubspot.parse(signedFixture(CONTACT), settings);

    // Assess
    expect(contacts).toStrictEqual([grace]);
  });

  it('leaves custom properties out when no property map names them', () => {
    // Act
    const contacts = hubspot.parse(signedFixture(CONTACT), { ...settings, hubspotPropertyMap: {} });

    // Assess
    expect(contacts).toStrictEqual([{ ...grace, skype: [] }]);
  });

  it('reads \\u00e4 escapes as text and ignores blank properties', () => {
    // Act
    const contacts = hubspot.parse(signedFixture(UNICODE), settings);

    // Assess
    expect(contacts).toStrictEqual([
      {
        kind: 'person',
        email: 'lena.exaemple@example.com',
        name: 'Lena Exämple',
        crm: { source: 'hubspot', objectId: '5550202', occurredAt: '2026-01-01T00:00:00.000Z' },
        phones: [{ number: '+44 20 7946 0958', kind: 'phone' }],
        addresses: [{ street: 'Flat 3, 14 Exämple Gardens', city: 'London', zip: 'NW1 6XE', country: 'United Kingdom' }],
        websites: [],
        twitter: [],
        linkedin: [{ url: 'https://www.linkedin.com/in/lena-exaemple' }],
        facebook: [],
        skype: [],
        instant_messages: [],
      },
    ]);
  });

  it('maps every kind of custom property target, and lets the map override a built-in one', () => {
    // Prepare
    const raw = HubspotWorkflowContact.parse({
      vid: '77',
      properties: {
        email: { value: 'x@example.com' },
        phone: { value: '555-0100' },
        fb: { value: 'https://www.facebook.com/x' },
        wa: { value: '+1 202 555 0177' },
        chat: { value: 'x-chat' },
        other_phone: { value: '555-0178' },
        other_site: { value: 'example.com/x' },
        x_handle: { value: 'x_example' },
        li: { value: 'linkedin.com/in/x' },
        other_fax: { value: '555-0179' },
      },
    });

    // Act
    const contact = toCrmContact(raw, {
      phone: 'mobile',
      fb: 'facebook',
      wa: 'im:whatsapp',
      chat: 'im:',
      other_phone: 'phone',
      other_site: 'website',
      x_handle: 'twitter',
      li: 'linkedin',
      other_fax: 'fax',
    });

    // Assess
    expect(contact).toStrictEqual({
      kind: 'person',
      email: 'x@example.com',
      crm: { source: 'hubspot', objectId: '77' },
      phones: [
        { number: '555-0100', kind: 'mobile' },
        { number: '555-0178', kind: 'phone' },
        { number: '555-0179', kind: 'fax' },
      ],
      addresses: [],
      websites: [{ url: 'example.com/x' }],
      twitter: [{ handle: 'x_example' }],
      linkedin: [{ url: 'linkedin.com/in/x' }],
      facebook: [{ url: 'https://www.facebook.com/x' }],
      skype: [],
      instant_messages: [
        { service: 'whatsapp', username: '+1 202 555 0177' },
        { service: 'other', username: 'x-chat' },
      ],
    });
  });

  it('takes the email from the primary EMAIL identity when the property is blank', () => {
    // Prepare
    const raw = HubspotWorkflowContact.parse({
      vid: 78,
      properties: { email: { value: ' ' }, firstname: { value: 'Ada' } },
      'identity-profiles': [
        {
          identities: [
            { type: 'LEAD_GUID', value: 'abc' },
            { type: 'EMAIL', value: 'old@example.com' },
            { type: 'EMAIL', value: 'ada@example.com', 'is-primary': true },
          ],
        },
      ],
    });

    // Act
    const contact = toCrmContact(raw);

    // Assess
    expect(contact).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
  });

  it('returns a contact with no email as it is, for the webhook step to report as skipped', () => {
    // Prepare
    const raw = HubspotWorkflowContact.parse({ vid: 79, properties: { lastname: { value: 'Nomail' }, phone: { value: '555-0101' } } });

    // Act
    const contact = toCrmContact(raw);

    // Assess
    expect(contact).toStrictEqual({
      kind: 'person',
      name: 'Nomail',
      crm: { source: 'hubspot', objectId: '79' },
      phones: [{ number: '555-0101', kind: 'phone' }],
      addresses: [],
      websites: [],
      twitter: [],
      linkedin: [],
      facebook: [],
      skype: [],
      instant_messages: [],
    });
  });

  it('adds nothing for a record that is not a contact', () => {
    // Prepare
    const request = jsonRequest(JSON.stringify({ vid: 80, 'is-contact': false, properties: { email: { value: 'a@example.com' } } }));

    // Act / Assess
    expect(hubspot.parse(request, settings)).toEqual([]);
  });

  it('refuses a webhooks-API batch (a JSON array of id-only events) as not supported yet', () => {
    // Prepare
    const request = jsonRequest(
      JSON.stringify([{ eventId: 4100000001, subscriptionType: 'contact.creation', objectId: 5550101, occurredAt: 1767225599000 }]),
    );

    // Act
    const error = thrownBy(() => hubspot.parse(request, settings));

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect((error as PayloadError).message).toMatch(/^HubSpot webhooks-API batches .* are not supported yet/);
    expect((error as PayloadError).details).toEqual([{ path: '', message: 'expected one workflow contact object, got an array' }]);
  });

  it('refuses malformed JSON with a PayloadError', () => {
    // Act
    const error = thrownBy(() => hubspot.parse(jsonRequest('{"vid": 1, "properties": {'), settings));

    // Assess
    expect(error).toEqual(new PayloadError('body is not valid JSON', [{ path: '', message: 'not valid JSON' }]));
    expect((error as PayloadError).details).toEqual([{ path: '', message: 'not valid JSON' }]);
  });

  it('refuses a body that is not a workflow contact, naming each bad path', () => {
    // Prepare
    const request = jsonRequest(JSON.stringify({ vid: 'secret-value-1', properties: { email: 'ada@example.com' }, 'identity-profiles': 'x' }));

    // Act
    const error = thrownBy(() => hubspot.parse(request, settings)) as PayloadError;

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.message).toBe('HubSpot workflow payload does not match the expected shape');
    expect(error.details.map((detail) => detail.path)).toEqual(['properties.email', 'identity-profiles']);
    expect(JSON.stringify(error.details)).not.toContain('ada@example.com');
  });
});
