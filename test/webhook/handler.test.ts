import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { loadConfig } from '../../lib/config';
import { LOCAL_DEFAULTS } from '../../lib/local/defaults';
import type { EmbeddedSqs } from '../../lib/local/embedded-sqs';
import { loadEvents, signEvent } from '../../lib/local/sign-event';
import type { WebhookRequest } from '../../lib/sources/request';
import { makeWebhookHandler } from '../../lib/webhook/handle';
import { takeAll, smallQueues, testQueues } from '../helpers/sqs';

const config = loadConfig({ ...LOCAL_DEFAULTS, PUBLIC_URL: 'https://hooks.example.com' });
const now = new Date('2026-12-03T12:00:00Z');
let sqs: EmbeddedSqs;
let handle: ReturnType<typeof makeWebhookHandler>;

beforeEach(async () => {
  sqs = await testQueues(smallQueues(30, 5));
  handle = makeWebhookHandler({ config, sqs: sqs.client, queueUrl: sqs.recordsUrl, clock: () => now });
});
afterEach(() => sqs.client.destroy());

/** The API Gateway HTTP API (payload v2) event for a request, as the gateway would build it. */
function toEvent(request: WebhookRequest, source = request.path.split('/').pop()!, base64 = false): APIGatewayProxyEventV2 {
  return {
    version: '2.0', routeKey: 'POST /webhooks/{source}', rawPath: request.path, rawQueryString: request.rawQuery,
    headers: { ...request.headers }, pathParameters: { source },
    body: base64 ? request.body.toString('base64') : request.body.toString('utf8'), isBase64Encoded: base64,
    requestContext: { http: { method: request.method, path: request.path } } as APIGatewayProxyEventV2['requestContext'],
  };
}

const event = (file: string) => loadEvents().find((loaded) => loaded.file === file)!.event;
const signed = (file: string) => signEvent(event(file), config.sources, now);
const bodyOf = (result: Awaited<ReturnType<typeof handle>>) => JSON.parse(result.body!);
const queued = async () => (await takeAll(sqs.client, sqs.recordsUrl)).length;

describe('POST /webhooks/{source}', () => {
  it('answers 202 with counts and queues one message per record, grouped by target', async () => {
    const result = await handle(toEvent(signed('hubspot/workflow-contact.json')));

    expect(result.statusCode).toBe(202);
    expect(bodyOf(result)).toEqual({ accepted: 1, records: 8, skipped: [] });
    const messages = await takeAll(sqs.client, sqs.recordsUrl);
    expect(messages).toHaveLength(8);
    expect(new Set(messages.map((message) => message.Attributes!.MessageGroupId))).toEqual(new Set(['person:grace.sample@example.com']));
    const skype = messages.map((message) => JSON.parse(message.Body!)).find((body) => body.record.type === 'skype');
    expect(skype).toEqual({
      v: 1,
      target: { kind: 'person', email: 'grace.sample@example.com', name: 'Grace Sample' },
      record: { type: 'skype', comment: '', data: { username: 'live:grace.sample' } },
      crm: { source: 'hubspot', objectId: '5550201', occurredAt: '2025-12-31T23:59:59.000Z' }, // lastmodifieddate 1767225599000
      receivedAt: '2026-12-03T12:00:00.000Z',
    });
  });

  it('verifies a body API Gateway delivered base64-encoded', async () => {
    const result = await handle(toEvent(signed('pipedrive/person-v2-change.json'), 'pipedrive', true));
    expect(result.statusCode).toBe(202);
    expect(bodyOf(result)).toEqual({ accepted: 1, records: 2, skipped: [] });
  });

  it('queues nothing new when the same webhook is sent twice (deduplication ids)', async () => {
    await handle(toEvent(signed('generic/contacts.json')));
    await handle(toEvent(signed('generic/contacts.json')));
    expect(await queued()).toBe(14);
  });

  it('answers 401 for a wrong signature and queues nothing', async () => {
    const request = signed('generic/contacts.json');
    const result = await handle(toEvent({ ...request, headers: { ...request.headers, 'webhook-signature': 'v1,AAAA' } }));
    expect(result.statusCode).toBe(401);
    expect(bodyOf(result).error).toBe('invalid_signature');
    expect(await queued()).toBe(0);
  });

  it('answers 401 for missing Basic credentials', async () => {
    const request = signed('pipedrive/person-v1-added.json');
    const { authorization: _dropped, ...headers } = request.headers;
    const result = await handle(toEvent({ ...request, headers }));
    expect(result.statusCode).toBe(401);
  });

  it('answers 400 with details for a signed body that is not JSON', async () => {
    const request = signEvent({ ...event('generic/contacts.json'), body: undefined, bodyText: '{"contacts": [' }, config.sources, now);
    const result = await handle(toEvent(request));
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).error).toBe('invalid_payload');
    expect(await queued()).toBe(0);
  });

  it('answers 400 naming the field for a signed body that breaks the schema', async () => {
    const request = signEvent({ ...event('generic/contacts.json'), body: { contacts: [{ kind: 'person', crm: { source: 'x' } }] } }, config.sources, now);
    const result = await handle(toEvent(request));
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toEqual({
      error: 'invalid_payload',
      details: { message: 'generic webhook body does not match the expected shape', issues: [{ path: 'contacts.0.email', message: 'a person needs an email: Deskpro people are matched by email' }] },
    });
    expect(await queued()).toBe(0);
  });

  it('answers 404 for an unknown source and for a source whose secret is not set', async () => {
    const unknown = await handle(toEvent(signed('generic/contacts.json'), 'salesforce'));
    expect(unknown.statusCode).toBe(404);
    expect(bodyOf(unknown)).toEqual({ error: 'unknown_source', details: 'no webhook source named "salesforce"' });

    const unconfigured = makeWebhookHandler({ config: loadConfig({ PORT: '3000' }), sqs: sqs.client, queueUrl: sqs.recordsUrl });
    const result = await unconfigured(toEvent(signed('generic/contacts.json')));
    expect(result.statusCode).toBe(404);
    expect(bodyOf(result)).toEqual({ error: 'source_not_configured', details: 'source "generic" is not configured' });
  });

  it('answers 413 over 1 MiB before verifying anything', async () => {
    const request = signed('generic/contacts.json');
    const result = await handle(toEvent({ ...request, body: Buffer.alloc(1024 * 1024 + 1, 0x20) }));
    expect(result.statusCode).toBe(413);
    expect(bodyOf(result).error).toBe('payload_too_large');
  });

  it('answers 413 when one call would queue more than 5000 records, and queues none of them', async () => {
    const contacts = Array.from({ length: 51 }, (_, n) => ({
      kind: 'person', email: `p${n}@example.com`, crm: { source: 'x' },
      phones: Array.from({ length: 100 }, (__, m) => ({ number: `+1 202 555 ${String(n * 100 + m).padStart(4, '0')}` })),
    }));
    const result = await handle(toEvent(signEvent({ ...event('generic/contacts.json'), body: { contacts } }, config.sources, now)));
    expect(result.statusCode).toBe(413);
    expect(bodyOf(result)).toEqual({ error: 'too_many_records', details: 'the payload holds 5100 records; send at most 5000 per call' });
    expect(await queued()).toBe(0);
  });

  it('lists at most 100 skipped values and 100 issues, with the totals, so an answer stays small', async () => {
    const bad = (n: number) => ({ kind: 'person', email: `p${n}@example.com`, crm: { source: 'x' }, websites: Array.from({ length: 75 }, () => ({ url: 'javascript:alert(1)' })) });
    const skipping = await handle(toEvent(signEvent({ ...event('generic/contacts.json'), body: { contacts: [bad(1), bad(2)] } }, config.sources, now)));
    expect(skipping.statusCode).toBe(202);
    expect(bodyOf(skipping).skipped).toHaveLength(100);
    expect(bodyOf(skipping).skippedTotal).toBe(150);

    const invalid = Array.from({ length: 120 }, () => ({ kind: 'person', crm: { source: 'x' } }));
    const refusing = await handle(toEvent(signEvent({ ...event('generic/contacts.json'), body: { contacts: invalid } }, config.sources, now)));
    expect(refusing.statusCode).toBe(400);
    expect(bodyOf(refusing).details.issues).toHaveLength(100);
    expect(bodyOf(refusing).details.issuesTotal).toBe(120);
  });

  it('answers 415 for a content type the source does not send', async () => {
    const request = signed('generic/contacts.json');
    const result = await handle(toEvent({ ...request, headers: { ...request.headers, 'content-type': 'text/plain' } }));
    expect(result.statusCode).toBe(415);
    expect(bodyOf(result).error).toBe('unsupported_media_type');
  });

  it('answers 202 and explains, by position and reason, a contact that cannot be matched', async () => {
    const body = { ...(event('hubspot/workflow-contact.json').body as Record<string, unknown>), properties: { firstname: { value: 'No' }, phone: { value: '+1 202 555 0100' } }, 'identity-profiles': [] };
    const result = await handle(toEvent(signEvent({ ...event('hubspot/workflow-contact.json'), body: body as never }, config.sources, now)));
    expect(result.statusCode).toBe(202);
    expect(bodyOf(result)).toEqual({ accepted: 0, records: 0, skipped: [{ contact: 0, field: 'email', reason: 'a person needs an email: Deskpro people are matched by email' }] });
    expect(await queued()).toBe(0);
  });

  it('answers 503 only when SQS cannot be reached, so the CRM retries', async () => {
    const down = new SQSClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const unreachable = makeWebhookHandler({ config, sqs: down, queueUrl: sqs.recordsUrl, clock: () => now });
    const result = await unreachable(toEvent(signed('generic/contacts.json')));
    expect(result.statusCode).toBe(503);
    expect(bodyOf(result)).toEqual({ error: 'queue_unavailable', details: 'records could not be queued; retry later' });
    down.destroy();
  });
});
