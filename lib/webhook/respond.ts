import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { QueueUnavailableError } from '../queue/errors';
import {
  PayloadError, PayloadTooLargeError, SignatureError, TooManyRecordsError, UnknownSourceError, UnsupportedMediaTypeError,
} from '../sources/errors';

/** Lists in an answer are cut to this many entries (Lambda answers are capped at 6 MB). */
export const MAX_LISTED = 100;

/** The first MAX_LISTED entries, and under `<name>Total` how many there were when that is more. */
export function listed(name: string, items: readonly unknown[]): Record<string, unknown> {
  return items.length > MAX_LISTED ? { [name]: items.slice(0, MAX_LISTED), [`${name}Total`]: items.length } : { [name]: items };
}

export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * The one place an error becomes an HTTP answer (design.md, "Operator contract"). The caller's
 * mistakes are 4xx; 503 only when the queue is down, so the CRM retries; anything else is ours.
 */
export function errorResponse(error: unknown): { status: number; code: string; response: APIGatewayProxyStructuredResultV2 } {
  const answer = (status: number, code: string, details: unknown) => ({ status, code, response: json(status, { error: code, details }) });
  if (error instanceof PayloadError) return answer(400, 'invalid_payload', { message: error.message, ...listed('issues', error.details) });
  if (error instanceof SignatureError) return answer(401, 'invalid_signature', error.message);
  if (error instanceof UnknownSourceError) return answer(404, error.reason === 'unknown' ? 'unknown_source' : 'source_not_configured', error.message);
  if (error instanceof PayloadTooLargeError) return answer(413, 'payload_too_large', error.message);
  if (error instanceof TooManyRecordsError) return answer(413, 'too_many_records', error.message);
  if (error instanceof UnsupportedMediaTypeError) return answer(415, 'unsupported_media_type', error.message);
  if (error instanceof QueueUnavailableError) return answer(503, 'queue_unavailable', 'records could not be queued; retry later');
  return answer(500, 'internal_error', 'unexpected error');
}
