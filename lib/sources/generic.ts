import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CrmContact } from '../contact-data/contact';
import { parseWith, readJson } from './payload';
import type { WebhookRequest } from './request';
import { header } from './request';
import { requireHeader, signHmac, verifyHmac, type HmacScheme } from './signature';
import type { Source, SourceSettings } from './source';

/**
 * The generic source: our own canonical contacts, sent by any system that can sign a request the
 * Standard Webhooks way, so the `standardwebhooks` / Svix libraries work as senders unchanged.
 * https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */

export const GenericWebhookBody = z.object({ contacts: z.array(CrmContact).min(1).max(1000) });
export type GenericWebhookBody = z.infer<typeof GenericWebhookBody>;

const standardWebhooks: HmacScheme = {
  signatureHeader: 'webhook-signature',
  timestampHeader: 'webhook-timestamp',
  timestampUnit: 's',
  encoding: 'base64',
  signedContent: (request, timestamp) => [`${requireHeader(request, 'webhook-id')}.${timestamp}.`, request.body],
  // Space-separated `v1,<base64>` entries (several while a secret rotates); other versions are skipped.
  readSignatures: (value) =>
    value.split(' ').flatMap((entry) => {
      const comma = entry.indexOf(',');
      const signature = entry.slice(comma + 1);
      return comma > 0 && entry.slice(0, comma) === 'v1' && signature !== '' ? [signature] : [];
    }),
  writeSignature: (signature) => `v1,${signature}`,
};

/** `whsec_<base64>`: the HMAC key is the decoded part (the prefix is optional, as in the reference library). */
function signingKey(settings: SourceSettings): Buffer {
  const secret = settings.genericWebhookSecret;
  if (!secret) throw new Error('GENERIC_WEBHOOK_SECRET is not configured');
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error('GENERIC_WEBHOOK_SECRET is not a whsec_<base64> secret');
  return Buffer.from(encoded, 'base64');
}

/**
 * Standard Webhooks headers for `request` (used by fixtures and demos). Without a `webhook-id`,
 * one is derived from the body, so re-sending the same file keeps the same id.
 */
export function signGeneric(request: WebhookRequest, settings: SourceSettings, now: Date): Record<string, string> {
  const id = header(request, 'webhook-id') ?? `msg_${createHash('sha256').update(request.body).digest('hex').slice(0, 24)}`;
  const withId = { ...request, headers: { ...request.headers, 'webhook-id': id } };
  return { 'webhook-id': id, ...signHmac(standardWebhooks, withId, signingKey(settings), now) };
}

export const generic: Source = {
  name: 'generic',
  contentTypes: ['application/json'],
  isConfigured: (settings) => Boolean(settings.genericWebhookSecret),
  verify: (request, settings, now) => verifyHmac(standardWebhooks, request, signingKey(settings), now),
  parse: (request) => parseWith(GenericWebhookBody, readJson(request), 'generic webhook body').contacts,
};
