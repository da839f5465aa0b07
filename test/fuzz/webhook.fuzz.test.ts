import type { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { loadConfig } from '../../lib/config';
import { LOCAL_DEFAULTS } from '../../lib/local/defaults';
import { signEvent } from '../../lib/local/sign-event';
import type { WebhookRequest } from '../../lib/sources/request';
import { makeWebhookHandler } from '../../lib/webhook/handle';

// Property: whatever arrives, the answer is a deliberate 2xx/4xx (never a 5xx), and nothing
// reaches the queue unless the call was verified and its records normalized.
const config = loadConfig({ ...LOCAL_DEFAULTS, PUBLIC_URL: 'https://hooks.example.com' });
const now = new Date('2026-12-03T12:00:00Z');
let sent: Array<{ Entries?: unknown[] }> = [];
const sqs = { send: async (command: { input: { Entries?: unknown[] } }) => { sent.push(command.input); return { Successful: [], Failed: [] }; } } as unknown as SQSClient;
const handle = makeWebhookHandler({ config, sqs, queueUrl: 'http://127.0.0.1:9/000000000000/records.fifo', clock: () => now });
beforeEach(() => { sent = []; });

function toEvent(source: string, request: Pick<WebhookRequest, 'headers' | 'body' | 'rawQuery'>, base64: boolean): APIGatewayProxyEventV2 {
  return {
    version: '2.0', routeKey: 'POST /webhooks/{source}', rawPath: `/webhooks/${source}`, rawQueryString: request.rawQuery,
    headers: { ...request.headers }, pathParameters: { source },
    body: base64 ? request.body.toString('base64') : request.body.toString('utf8'), isBase64Encoded: base64,
    requestContext: { http: { method: 'POST', path: `/webhooks/${source}` } } as APIGatewayProxyEventV2['requestContext'],
  };
}

const headerName = fc.constantFrom('content-type', 'authorization', 'webhook-id', 'webhook-timestamp', 'webhook-signature', 'x-hubspot-signature-v3', 'x-hubspot-request-timestamp');
const headerValue = fc.oneof(fc.string(), fc.constantFrom('application/json', 'Basic ZGVtbzpkZW1vLXBhc3N3b3Jk', 'v1,AAAA', '1796299200', '1796299200000'));
const body = fc.oneof(fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), fc.json().map((text) => Buffer.from(text)));
const source = fc.oneof(fc.constantFrom('hubspot', 'pipedrive', 'generic', '__proto__', 'constructor'), fc.string({ maxLength: 12 }));

describe('webhook fuzzing', () => {
  it('never answers 5xx and queues nothing for unverified calls', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(source, fc.dictionary(headerName, headerValue), body, fc.string({ maxLength: 20 }), fc.boolean(), async (name, headers, bytes, rawQuery, base64) => {
        sent = [];
        const result = await handle(toEvent(name, { headers, body: bytes, rawQuery }, base64));
        expect([400, 401, 404, 413, 415]).toContain(result.statusCode);
        seen.add(result.statusCode!);
        expect(sent).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(seen.has(401) && seen.has(404) && seen.has(415)).toBe(true);
  });

  it('answers 202 or 400 for any correctly signed body, and queues only on 202', async () => {
    const json = fc.oneof(
      fc.jsonValue(),
      fc.record({ contacts: fc.array(fc.record({ kind: fc.constantFrom('person', 'organization'), email: fc.oneof(fc.emailAddress(), fc.string()), name: fc.string(), crm: fc.record({ source: fc.string() }), phones: fc.array(fc.record({ number: fc.string() })), websites: fc.array(fc.record({ url: fc.oneof(fc.webUrl(), fc.string()) })), twitter: fc.array(fc.record({ handle: fc.string() })) }, { requiredKeys: ['kind', 'crm'] }), { maxLength: 5 }) }),
      fc.record({ vid: fc.integer(), properties: fc.dictionary(fc.constantFrom('email', 'phone', 'website', 'zip', 'country', 'twitterhandle'), fc.record({ value: fc.oneof(fc.string(), fc.emailAddress()) })) }),
      fc.record({ meta: fc.record({ action: fc.constantFrom('create', 'change', 'delete'), entity: fc.constantFrom('person', 'deal') }), data: fc.record({ emails: fc.array(fc.record({ value: fc.string(), primary: fc.boolean() })), phones: fc.array(fc.record({ value: fc.string(), label: fc.string() })) }) }),
    );
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('hubspot', 'pipedrive', 'generic'), json, fc.boolean(), async (name, value, base64) => {
        sent = [];
        const request = signEvent({ source: name, description: '', method: 'POST', query: '', headers: { 'content-type': 'application/json' }, body: value as never }, config.sources, now);
        const result = await handle(toEvent(name, request, base64));
        expect([202, 400]).toContain(result.statusCode);
        seen.add(result.statusCode!);
        const queued = sent.flatMap((input) => input.Entries ?? []);
        expect(queued).toHaveLength(result.statusCode === 202 ? JSON.parse(result.body!).records : 0);
      }),
      { numRuns: 400 },
    );
    // The generators must reach both answers, or the property proves little.
    expect([...seen].sort()).toEqual([202, 400]);
  });
});
