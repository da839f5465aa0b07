import type { WebhookRequest } from '../sources/request';

/** Sends a (signed) webhook request to a running endpoint over real HTTP. */
export async function postWebhook(baseUrl: string, request: WebhookRequest): Promise<{ status: number; body: unknown }> {
  const query = request.rawQuery ? `?${request.rawQuery}` : '';
  const response = await fetch(`${baseUrl}${request.path}${query}`, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}
