import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createGatewayServer } from '../../lib/local/api-gateway';

let server: Server;
let base: string;
const events: APIGatewayProxyEventV2[] = [];

beforeAll(async () => {
  server = createGatewayServer(async (event) => {
    events.push(event);
    return { statusCode: 202, headers: { 'content-type': 'application/json' }, body: '{"accepted":0}' };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => events.splice(0));

describe('local HTTP API gateway', () => {
  it('passes a JSON body as text and routes the source path parameter', async () => {
    const response = await fetch(`${base}/webhooks/hubspot?tenant=acme&x=%40`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-HubSpot-Signature-v3': 'abc+/=' }, body: '{"vid":1}',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 0 });
    const [event] = events;
    expect(event!.pathParameters).toEqual({ source: 'hubspot' });
    expect(event!.rawPath).toBe('/webhooks/hubspot');
    expect(event!.rawQueryString).toBe('tenant=acme&x=%40');
    expect(event!.isBase64Encoded).toBe(false);
    expect(event!.body).toBe('{"vid":1}');
    expect(event!.headers['x-hubspot-signature-v3']).toBe('abc+/=');
    expect(event!.requestContext.http.method).toBe('POST');
  });

  it('base64-encodes form bodies and bodies without a content type, as API Gateway does', async () => {
    await fetch(`${base}/webhooks/generic`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=%C3%A4' });
    await fetch(`${base}/webhooks/generic`, { method: 'POST', body: new Uint8Array([0xff, 0x00, 0x41]) });
    expect(events[0]!.isBase64Encoded).toBe(true);
    expect(Buffer.from(events[0]!.body!, 'base64').toString('utf8')).toBe('a=1&b=%C3%A4');
    expect(events[1]!.isBase64Encoded).toBe(true);
    expect([...Buffer.from(events[1]!.body!, 'base64')]).toEqual([0xff, 0x00, 0x41]);
  });

  it('passes a malformed %-encoded source through rather than failing', async () => {
    const response = await fetch(`${base}/webhooks/%E0%A4%A`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(202);
    expect(events[0]!.pathParameters).toEqual({ source: '%E0%A4%A' });
  });

  it('answers GET /health and 404 elsewhere without invoking the function', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/webhooks/hubspot`)).status).toBe(404);
    expect((await fetch(`${base}/other`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(events).toHaveLength(0);
  });

  it('refuses a body over API Gateway’s 10 MB payload limit with 413', async () => {
    const response = await fetch(`${base}/webhooks/generic`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(events).toHaveLength(0);
  });
});
