/** A queued record as the worker reads it and reports on it: parsing, log fields, outcome lines. */
import { count, logger } from '../observability';
import type { SQSRecord } from 'aws-lambda';
import { QueueMessage } from '../queue/message';
import { targetHash } from '../queue/target';

/**
 * A received record: its message (or why it cannot be read) and what a log line may say about
 * it: kinds, type, a hash of the target and the receive count, never a value.
 */
export function readRecord(record: SQSRecord): { message: QueueMessage | string; fields: Record<string, unknown>; receiveCount: number } {
  const message = parseMessage(record.body);
  const receiveCount = Number(record.attributes.ApproximateReceiveCount) || 1;
  const about = typeof message === 'string'
    ? {}
    : { targetKind: message.target.kind, target: targetHash(message.target), type: message.record.type, source: message.crm.source };
  return { message, receiveCount, fields: { ...about, receiveCount } };
}

/** One log line and one metric per record outcome; never a raw value. */
export function report(outcome: string, fields: Record<string, unknown>): void {
  const level = outcome === 'dead_lettered' ? 'error' : ['retry', 'rate_limited', 'held'].includes(outcome) ? 'warn' : 'info';
  logger[level]('record outcome', { outcome, ...fields });
  count(`Record${outcome.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}`);
}

/** The message, or the reason it cannot ever be processed. */
function parseMessage(body: string): QueueMessage | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'invalid_message:not_json';
  }
  const parsed = QueueMessage.safeParse(json);
  return parsed.success ? parsed.data : `invalid_message:${parsed.error.issues[0]?.path.join('.') || 'shape'}`;
}
