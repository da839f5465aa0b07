import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { signGeneric } from '../sources/generic';
import { signHubspot } from '../sources/hubspot';
import { signPipedrive } from '../sources/pipedrive';
import type { WebhookRequest } from '../sources/request';
import type { SourceSettings } from '../sources/source';

/**
 * Sample webhook calls (`events/<source>/*.json`) and the signing that makes them acceptable to
 * the real verifiers: files hold no signature, because a signature carries the time it was made.
 */

export const WebhookEvent = z
  .object({
    source: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string(),
    method: z.string().default('POST'),
    query: z.string().default(''),
    headers: z.record(z.string(), z.string()).default({}),
    /** A JSON value, sent as compact JSON. */
    body: z.json().optional(),
    /** The body byte for byte, for cases where the exact text matters (escapes, spacing, bad JSON). */
    bodyText: z.string().optional(),
  })
  .refine((event) => (event.body === undefined) !== (event.bodyText === undefined), {
    message: 'give exactly one of body or bodyText',
  });
export type WebhookEvent = z.infer<typeof WebhookEvent>;

type Signer = (request: WebhookRequest, settings: SourceSettings, now: Date) => Record<string, string>;
const signers: Readonly<Record<string, Signer>> = { hubspot: signHubspot, pipedrive: signPipedrive, generic: signGeneric };

/** The request a CRM would send for `event` at `now`, with its signature or credentials. */
export function signEvent(event: WebhookEvent, settings: SourceSettings, now: Date): WebhookRequest {
  const signer = Object.hasOwn(signers, event.source) ? signers[event.source] : undefined;
  if (!signer) throw new Error(`no signer for source "${event.source}"`);
  const headers = Object.fromEntries(Object.entries(event.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const unsigned: WebhookRequest = {
    method: event.method,
    path: `/webhooks/${event.source}`,
    rawQuery: event.query,
    headers,
    body: Buffer.from(event.bodyText ?? JSON.stringify(event.body), 'utf8'),
  };
  return { ...unsigned, headers: { ...headers, ...signer(unsigned, settings, now) } };
}

export interface LoadedEvent {
  /** Path relative to the events folder, with `/` separators, e.g. `hubspot/workflow-contact.json`. */
  readonly file: string;
  readonly event: WebhookEvent;
}

/** Every `*.json` under `dir`, sorted by path, except `deskpro/` (Deskpro-side fixtures, not webhooks). */
export function loadEvents(dir = 'events'): LoadedEvent[] {
  return jsonFiles(dir, dir)
    .sort()
    .map((path) => {
      const file = relative(dir, path).split(sep).join('/');
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`${file} is not valid JSON`, { cause: error });
      }
      const parsed = WebhookEvent.safeParse(json);
      if (!parsed.success) throw new Error(`${file} is not a webhook event: ${z.prettifyError(parsed.error)}`);
      return { file, event: parsed.data };
    });
}

function jsonFiles(root: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dir === root && entry.name === 'deskpro' ? [] : jsonFiles(root, path);
    return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
  });
}
