/** A queued record as the worker reads it and reports on it: parsing, log fields, outcome lines. */
import { count, logger } from '../observability';
import { QueueMessage } from '../queue/message';
import { targetHash } from '../queue/target';

/** What a log line may say about a record: kinds, types and a hash, never a value. */
export function logFields(message: QueueMessage): Record<string, unknown> {
  return { targetKind: message.target.kind, target: targetHash(message.target), type: message.record.type, source: message.crm.source };
}

/** One log line and one metric per record outcome; never a raw value. */
export function report(outcome: string, fields: Record<string, unknown>): void {
  const level = outcome === 'dead_lettered' ? 'error' : ['retry', 'rate_limited', 'held'].includes(outcome) ? 'warn' : 'info';
  logger[level]('record outcome', { outcome, ...fields });
  count(`Record${outcome.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}`);
}

/** The message, or the reason it cannot ever be processed. */
export function parseMessage(body: string): QueueMessage | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'invalid_message:not_json';
  }
  const parsed = QueueMessage.safeParse(json);
  return parsed.success ? parsed.data : `invalid_message:${parsed.error.issues[0]?.path.join('.') || 'shape'}`;
}
