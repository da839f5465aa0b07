/**
 * A webhook call as every source sees it: raw body bytes (already base64-decoded when API
 * Gateway encoded them), header names lower-cased, the path and raw query as received.
 */
export interface WebhookRequest {
  readonly method: string;
  /** The path the gateway routed, e.g. `/webhooks/hubspot`. */
  readonly path: string;
  /** The query string exactly as sent, without the leading `?` ('' when none). */
  readonly rawQuery: string;
  /** Header names lower-cased; repeated headers joined with `,` as API Gateway does. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export function header(request: WebhookRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()];
}
