import type { CountryCode } from 'libphonenumber-js';
import { comparableKey, normalizeContact } from '../contact-data';
import { CrmContact } from '../contact-data/contact';
import { deduplicationIdOf, groupIdOf, targetOf } from '../queue/target';
import type { OutgoingMessage } from '../queue/send';
import { TooManyRecordsError, UnknownSourceError, UnsupportedMediaTypeError } from '../sources/errors';
import { findSource } from '../sources';
import type { WebhookRequest } from '../sources/request';
import { header } from '../sources/request';
import type { SourceSettings } from '../sources/source';

/**
 * Records one call may queue: enough for any single CRM contact and for bulk generic calls, small
 * enough to send within the webhook's timeout (500 SendMessageBatch calls).
 */
export const MAX_RECORDS_PER_CALL = 5_000;

export interface Skipped {
  /** Position of the contact in the payload. */
  readonly contact: number;
  readonly field: string;
  readonly reason: string;
}

export interface Accepted {
  readonly messages: OutgoingMessage[];
  /** Contacts read and routed to a Deskpro target. */
  readonly accepted: number;
  readonly skipped: Skipped[];
  readonly unparsedPhones: number;
}

export interface AcceptOptions {
  readonly settings: SourceSettings;
  readonly defaultRegion?: CountryCode;
  readonly now: Date;
}

/**
 * source → verify → parse → normalize → one outgoing message per record. Throws a SourceError
 * for a call that must be refused; a contact or value that cannot be used is reported in
 * `skipped` (by position and reason, never by value) so nothing vanishes unexplained.
 */
export function acceptWebhook(sourceName: string, request: WebhookRequest, options: AcceptOptions): Accepted {
  const source = findSource(sourceName);
  if (!source) throw new UnknownSourceError(sourceName, 'unknown');
  if (!source.isConfigured(options.settings)) throw new UnknownSourceError(sourceName, 'not_configured');

  const mediaType = header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType || !source.contentTypes.includes(mediaType)) {
    throw new UnsupportedMediaTypeError(mediaType, source.contentTypes);
  }

  source.verify(request, options.settings, options.now);
  const parsed = source.parse(request, options.settings);

  const receivedAt = options.now.toISOString();
  const messages: OutgoingMessage[] = [];
  const skipped: Skipped[] = [];
  let accepted = 0;
  let unparsedPhones = 0;
  parsed.forEach((input, index) => {
    const checked = CrmContact.safeParse(input);
    if (!checked.success) {
      for (const issue of checked.error.issues) skipped.push({ contact: index, field: issue.path.join('.'), reason: issue.message });
      return;
    }
    const contact = checked.data;
    const target = targetOf(contact);
    const normalized = normalizeContact(contact, { defaultRegion: options.defaultRegion });
    accepted += 1;
    unparsedPhones += normalized.unparsedPhones;
    for (const skip of normalized.skipped) skipped.push({ contact: index, field: skip.field, reason: skip.reason });
    for (const record of normalized.records) {
      messages.push({
        message: { v: 1, target, record, crm: contact.crm, receivedAt },
        groupId: groupIdOf(target),
        deduplicationId: deduplicationIdOf(target, record.type, comparableKey(record, options.defaultRegion)),
      });
    }
  });
  if (messages.length > MAX_RECORDS_PER_CALL) throw new TooManyRecordsError(messages.length, MAX_RECORDS_PER_CALL);
  return { messages, accepted, skipped, unparsedPhones };
}
