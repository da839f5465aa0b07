import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureError } from './errors';
import { header, type WebhookRequest } from './request';

/**
 * The one HMAC core every signed source shares (the Standard Webhooks shape): a vendor declares
 * its headers, its timestamp unit and what it signs; this file does the rest. The clock is always
 * passed in, never read here, so the edge of the window can be tested to the second.
 */

/** Both HubSpot v3 and Standard Webhooks allow five minutes either way. */
export const TOLERANCE_SECONDS = 300;

export interface HmacScheme {
  readonly signatureHeader: string;
  readonly timestampHeader: string;
  /** HubSpot sends epoch milliseconds, Standard Webhooks epoch seconds. */
  readonly timestampUnit: 'ms' | 's';
  readonly encoding: 'base64' | 'hex';
  /** The pieces signed, in order. The body goes in as the raw bytes received, never re-serialized. */
  signedContent(request: WebhookRequest, timestamp: string): ReadonlyArray<string | Buffer>;
  /** The signatures a header value offers (several during key rotation); [] when malformed. */
  readSignatures(headerValue: string): string[];
  /** The header value that carries one signature. */
  writeSignature(signature: string): string;
}

/** Throws SignatureError unless the request carries a fresh signature made with `key`. */
export function verifyHmac(
  scheme: HmacScheme,
  request: WebhookRequest,
  key: string | Buffer,
  now: Date,
  toleranceSeconds = TOLERANCE_SECONDS,
): void {
  const signatureValue = requireHeader(request, scheme.signatureHeader);
  const timestamp = requireHeader(request, scheme.timestampHeader);
  assertFresh(timestamp, scheme.timestampUnit, now, toleranceSeconds);

  const offered = scheme.readSignatures(signatureValue);
  if (offered.length === 0) throw new SignatureError(`${scheme.signatureHeader} header is malformed`);
  const expected = hmac(key, scheme.signedContent(request, timestamp), scheme.encoding);
  if (!offered.some((signature) => safeEqual(signature, expected))) {
    throw new SignatureError('no signature matches');
  }
}

/** The timestamp and signature headers to add to `request` (used by fixtures and demos). */
export function signHmac(
  scheme: HmacScheme,
  request: WebhookRequest,
  key: string | Buffer,
  now: Date,
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / unitMs(scheme.timestampUnit)));
  const signature = hmac(key, scheme.signedContent(request, timestamp), scheme.encoding);
  return { [scheme.timestampHeader]: timestamp, [scheme.signatureHeader]: scheme.writeSignature(signature) };
}

/**
 * Accepts a timestamp at most `toleranceSeconds` old or ahead, compared in the header's own unit
 * (`now` floored to it), so 300 s is accepted and 301 s is not. "Ahead" guards against a sender
 * that pre-dates requests to stretch the replay window.
 */
export function assertFresh(timestamp: string, unit: 'ms' | 's', now: Date, toleranceSeconds: number): void {
  const sent = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!Number.isSafeInteger(sent)) throw new SignatureError('timestamp header is malformed');
  const perSecond = 1000 / unitMs(unit);
  const age = Math.floor(now.getTime() / unitMs(unit)) - sent;
  if (age > toleranceSeconds * perSecond) throw new SignatureError('timestamp is too old');
  if (age < -toleranceSeconds * perSecond) throw new SignatureError('timestamp is too far in the future');
}

/**
 * Constant-time string equality that does not leak length either: both sides are hashed first,
 * so timingSafeEqual always compares 32 bytes, whatever the caller sent.
 */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** A header the scheme needs; its absence is a signature failure (401), not a bad payload. */
export function requireHeader(request: WebhookRequest, name: string): string {
  const value = header(request, name);
  if (value === undefined || value === '') throw new SignatureError(`${name} header is missing`);
  return value;
}

export function hmac(key: string | Buffer, parts: ReadonlyArray<string | Buffer>, encoding: 'base64' | 'hex'): string {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest(encoding);
}

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
const unitMs = (unit: 'ms' | 's'): number => (unit === 'ms' ? 1 : 1000);
