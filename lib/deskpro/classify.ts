import { isRecord } from './collections';
import {
  DeskproAuthError,
  DeskproError,
  DeskproNotFoundError,
  DeskproRateLimitedError,
  DeskproRejectedError,
  DeskproUnavailableError,
} from './errors';
import { rateLimitResetAt, type HeaderSource } from './rate-gate';

/**
 * The one place a non-2xx legacy answer becomes a typed error (deskpro-api.md §2.1 "Response
 * envelope", §3.1). `route` is `METHOD /path` without the query, so no email reaches a message;
 * Deskpro's own `error_message` is left out for the same reason (it may echo what was sent).
 */
export function errorForResponse(
  status: number,
  body: unknown,
  headers: HeaderSource,
  route: string,
  now: Date,
): DeskproError {
  const code = isRecord(body) && typeof body.error_code === 'string' ? body.error_code : undefined;
  if (status === 429) return new DeskproRateLimitedError(rateLimitResetAt(headers, now), status);
  // 408 timeout, 409 conflict, 423 helpdesk locked for maintenance (§2.2), 425 too early: all pass.
  if (status >= 500 || [408, 409, 423, 425].includes(status)) {
    // A 5xx to a write without Deskpro's own error body came from something in front of it (a
    // proxy's 502/504): Deskpro may still be storing the record, as after a timeout.
    const outcomeUnknown = route.startsWith('POST ') && status >= 500 && code === undefined;
    return new DeskproUnavailableError(`${route} answered ${status}`, status, { outcomeUnknown });
  }
  if (status === 401 || status === 403) return new DeskproAuthError(code ?? `http_error.${status}`, status);
  if (status === 404) return new DeskproNotFoundError(`${route} answered 404 ${code ?? ''}`.trim());
  if (status >= 400) {
    const errorCode = code ?? `http_error.${status}`;
    const fields = fieldCodes(body);
    const listed = Object.entries(fields).map(([field, fieldCode]) => `${field}=${fieldCode}`).join(', ');
    return new DeskproRejectedError(errorCode, `${route} was rejected: ${status} ${errorCode}${listed ? ` (${listed})` : ''}`, status, fields);
  }
  // 1xx/3xx: redirects are not followed (a POST turned into a GET would lose its body).
  return new DeskproUnavailableError(`${route} answered ${status}; check the Deskpro base URL`, status);
}

/** `400 multiple` lists `<field>: [<code>, <message>]`; keep the field names and codes. */
function fieldCodes(body: unknown): Record<string, string> {
  if (!isRecord(body) || !isRecord(body.errors)) return {};
  return Object.fromEntries(Object.entries(body.errors).map(([field, detail]) => {
    const code = Array.isArray(detail) && typeof detail[0] === 'string' ? detail[0] : 'error';
    return [field, code];
  }));
}

/** A 2xx whose body is not what the contract promises: treat like an outage, the caller re-reads. */
export function unexpectedBody(route: string, status: number): DeskproUnavailableError {
  return new DeskproUnavailableError(`${route} answered ${status} with an unexpected body`, status);
}
