import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueUnavailableError } from './errors';
import type { QueueMessage } from './message';

export interface OutgoingMessage {
  readonly message: QueueMessage;
  readonly groupId: string;
  readonly deduplicationId: string;
}

const SQS_BATCH_LIMIT = 10;
/** SendMessageBatch calls in flight at once: enough to be quick, few enough not to queue on sockets. */
const PARALLEL_CALLS = 10;

/**
 * Sends one SQS message per record, ten per SendMessageBatch call, the calls in parallel.
 * Entries SQS refuses are sent once more; if any still fail the whole call fails, and the
 * CRM's retry is harmless because every entry carries a deduplication id.
 */
export async function sendRecords(sqs: SQSClient, queueUrl: string, outgoing: readonly OutgoingMessage[]): Promise<void> {
  const entries = outgoing.map((item, index): SendMessageBatchRequestEntry => ({
    Id: String(index),
    MessageBody: sqsSafeJson(item.message),
    MessageGroupId: item.groupId,
    MessageDeduplicationId: item.deduplicationId,
  }));
  const stillFailing = await sendEntries(sqs, queueUrl, entries).then((failed) => sendEntries(sqs, queueUrl, failed));
  if (stillFailing.length > 0) {
    throw new QueueUnavailableError(`SQS refused ${stillFailing.length} of ${entries.length} records`);
  }
}

/**
 * JSON whose bytes every SQS accepts: SQS refuses U+FFFE and U+FFFF, which JSON.stringify leaves
 * as they are, and SQS emulators (fauxqs) refuse anything beyond the BMP, emoji included. All of
 * them are written as \\u escapes: the same JSON value in plain, safe characters.
 */
export function sqsSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (chars) =>
    [...chars].flatMap((char) => (char.length === 2 ? [char.charCodeAt(0), char.charCodeAt(1)] : [char.charCodeAt(0)]))
      .map((unit) => `\\u${unit.toString(16)}`).join(''));
}

async function sendEntries(sqs: SQSClient, queueUrl: string, entries: SendMessageBatchRequestEntry[]) {
  const chunks: SendMessageBatchRequestEntry[][] = [];
  for (let i = 0; i < entries.length; i += SQS_BATCH_LIMIT) chunks.push(entries.slice(i, i + SQS_BATCH_LIMIT));
  const failed: SendMessageBatchRequestEntry[] = [];
  let next = 0;
  const lane = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      try {
        const response = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk }));
        const failedIds = new Set((response.Failed ?? []).map((failure) => failure.Id));
        failed.push(...chunk.filter((entry) => failedIds.has(entry.Id)));
      } catch (error) {
        throw new QueueUnavailableError('SQS could not be reached', { cause: error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CALLS, chunks.length) }, lane));
  return failed;
}
