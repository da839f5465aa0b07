import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readBody } from './read-body';

export type HttpApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

// API Gateway's own payload cap; the webhook handler enforces its smaller limit itself.
const GATEWAY_LIMIT_BYTES = 10 * 1024 * 1024;
const WEBHOOK_ROUTE = /^\/webhooks\/([^/]+)$/;

/**
 * The HTTP API in front of the webhook function, played on this machine: `POST /webhooks/{source}`
 * becomes a payload-v2 event, bodies base64-encoded where API Gateway does it, and `GET /health`.
 */
export function createGatewayServer(webhook: HttpApiHandler): Server {
  return createServer((req, res) => {
    route(req, res, webhook).catch((error: unknown) => {
      console.error('local gateway failed', error);
      send(res, { statusCode: 500, body: JSON.stringify({ error: 'internal_error', details: 'unexpected error' }) });
    });
  });
}

async function route(req: IncomingMessage, res: ServerResponse, webhook: HttpApiHandler): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health' && req.method === 'GET') return send(res, { statusCode: 200, body: JSON.stringify({ status: 'ok' }) });
  const match = WEBHOOK_ROUTE.exec(url.pathname);
  if (!match || req.method !== 'POST') return send(res, { statusCode: 404, body: JSON.stringify({ message: 'Not Found' }) });

  const body = await readBody(req, GATEWAY_LIMIT_BYTES);
  if (body === undefined) return send(res, { statusCode: 413, body: JSON.stringify({ message: 'Request Entity Too Large' }) });
  send(res, await webhook(toEvent(req, url, decodeSegment(match[1]!), body)));
}

/** A path segment as API Gateway hands it over: decoded, or as sent when it is not valid %-encoding. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** HTTP API passes these as text and base64-encodes the rest, a missing content type included. */
export function isTextContentType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return false;
  return type.startsWith('text/') || ['application/json', 'application/xml', 'application/javascript'].includes(type);
}

function toEvent(req: IncomingMessage, url: URL, source: string, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const text = isTextContentType(headers['content-type']);
  const now = Date.now();
  const rawQueryString = url.search.replace(/^\?/, '');
  return {
    version: '2.0',
    routeKey: 'POST /webhooks/{source}',
    rawPath: url.pathname,
    rawQueryString,
    headers,
    queryStringParameters: rawQueryString ? Object.fromEntries(url.searchParams) : undefined,
    pathParameters: { source },
    isBase64Encoded: !text && body.length > 0,
    body: body.length === 0 ? undefined : text ? body.toString('utf8') : body.toString('base64'),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method: req.method ?? 'POST', path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: 'POST /webhooks/{source}',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
  };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  res.writeHead(result.statusCode ?? 200, { 'content-type': 'application/json', ...(result.headers as Record<string, string> | undefined) });
  res.end(result.body ?? '');
}
