import { join } from 'node:path';
import { loadEvents, signEvent, type WebhookEvent } from '../../lib/local/sign-event';
import type { WebhookRequest } from '../../lib/sources/request';
import type { SourceSettings } from '../../lib/sources/source';

/** Shared by the tests in this folder: demo settings, a fixed clock, fixtures from events/. */

export const NOW = new Date('2026-01-01T00:00:00.000Z');
export const EVENTS_DIR = join(__dirname, '..', '..', 'events');

export const HUBSPOT_SECRET = 'hubspot-client-secret-0001';
export const PIPEDRIVE_AUTH = 'pipedrive-hook:correct horse battery staple';
export const GENERIC_KEY = Buffer.alloc(32, 7);

export const settings: SourceSettings = {
  publicUrl: 'https://hooks.example.com',
  hubspotClientSecret: HUBSPOT_SECRET,
  hubspotPropertyMap: { skype_name: 'skype' },
  pipedriveBasicAuth: PIPEDRIVE_AUTH,
  genericWebhookSecret: `whsec_${GENERIC_KEY.toString('base64')}`,
};

export const seconds = (n: number): Date => new Date(NOW.getTime() + n * 1000);

let loaded: ReturnType<typeof loadEvents> | undefined;

export function fixture(file: string): WebhookEvent {
  loaded ??= loadEvents(EVENTS_DIR);
  const found = loaded.find((event) => event.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found.event;
}

/** The fixture as its CRM would send it at `at` (default NOW). */
export function signedFixture(file: string, at: Date = NOW, with_: SourceSettings = settings): WebhookRequest {
  return signEvent(fixture(file), with_, at);
}

/** A copy of `request` with headers replaced (a value) or removed (undefined). */
export function withHeaders(request: WebhookRequest, patch: Record<string, string | undefined>): WebhookRequest {
  const headers: Record<string, string> = { ...request.headers };
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { ...request, headers };
}

export function jsonRequest(body: string | Buffer, headers: Record<string, string> = {}): WebhookRequest {
  return {
    method: 'POST',
    path: '/webhooks/test',
    rawQuery: '',
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  };
}

/** Runs `act` and returns what it threw (fails the test when nothing was thrown). */
export function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, nothing was thrown');
}
