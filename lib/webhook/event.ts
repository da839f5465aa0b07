import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PayloadTooLargeError } from '../sources/errors';
import type { WebhookRequest } from '../sources/request';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * API Gateway HTTP API (payload v2) → the raw request every source verifies. The body is
 * decoded from base64 when the gateway encoded it (form posts, missing content type) so that
 * signatures are checked on the bytes the CRM signed, never on re-serialized JSON.
 */
export function toWebhookRequest(event: APIGatewayProxyEventV2, limitBytes = BODY_LIMIT_BYTES): WebhookRequest {
  const raw = event.body ?? '';
  // Cheap guard before decoding: base64 is 4/3 the size of what it encodes.
  const encodedLimit = event.isBase64Encoded ? Math.ceil(limitBytes / 3) * 4 : limitBytes * 4;
  if (raw.length > encodedLimit) throw new PayloadTooLargeError(limitBytes);
  const body = Buffer.from(raw, event.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length > limitBytes) throw new PayloadTooLargeError(limitBytes);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return { method: event.requestContext.http.method, path: event.rawPath, rawQuery: event.rawQueryString ?? '', headers, body };
}
