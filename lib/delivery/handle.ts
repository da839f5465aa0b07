import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { equalJitter, sleep as realSleep } from '../backoff';
import type { Config } from '../config';
import { DeskproError, DeskproUnavailableError } from '../deskpro/errors';
import type { DeskproApi } from '../deskpro/types';
import { logger, publishMetrics } from '../observability';
import type { QueueMessage } from '../queue/message';
import { sendToDeadLetterQueue } from './dead-letter';
import { deliverRecord, type Outcome, type TargetsSeen } from './deliver';
import { readRecord, report } from './record-message';
import { backoffSeconds, DEFAULT_RETRY_POLICY, dispositionOf, TimeBudgetError, type Disposition, type RetryPolicy } from './retry-policy';

export interface WorkerDeps {
  readonly config: Pick<Config, 'unmatchedPeople' | 'defaultPhoneRegion'>;
  /** A Deskpro client whose calls all end by `deadline` (epoch ms); one per invocation, sharing a rate gate. */
  readonly deskpro: (deadline: number) => DeskproApi;
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly dlqUrl: string;
  readonly retryPolicy?: RetryPolicy;
  /** Attempts of one record within an invocation when Deskpro answered with a 5xx (or 408/409/423/425). */
  readonly rounds?: number;
  /** A record (or another round of it) is not begun with less invocation time left than this. */
  readonly reserveMs?: number;
  readonly clock?: () => Date;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Thrown to Powertools for a record that will be retried; always an Error (issue #5624). */
class RetryLaterError extends Error {
  constructor(readonly reason: string) {
    super(`record will be retried: ${reason}`);
    this.name = 'RetryLaterError';
  }
}

// Kept back from Deskpro calls for what follows them: visibility changes, DLQ moves, the batch response.
const SQS_MARGIN_MS = 3_000;

/**
 * The SQS FIFO worker: Powertools' FIFO processor with ReportBatchItemFailures, where a failed
 * record fails the rest of its message group (order per Deskpro target) while other groups go on.
 * `throwOnFullBatchFailure: false` returns every id when all fail instead of throwing (#5624).
 */
export function makeWorkerHandler(deps: WorkerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? realSleep;
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const rounds = deps.rounds ?? 3;
  const reserveMs = deps.reserveMs ?? 5_000;

  /** What one invocation shares between its records. */
  interface Invocation {
    readonly context: Context;
    readonly deskpro: DeskproApi;
    /** Retry delays given in this batch, by message group, for the records that follow. */
    readonly delays: Map<string, Extract<Disposition, { action: 'retry' }>>;
    /** Targets already looked up in this batch (see TargetsSeen). */
    readonly seen: TargetsSeen;
  }

  async function deliverWithinInvocation(message: QueueMessage, { context, deskpro, seen }: Invocation): Promise<Outcome> {
    const options = { deskpro, seen, unmatchedPeople: deps.config.unmatchedPeople, defaultRegion: deps.config.defaultPhoneRegion };
    if (context.getRemainingTimeInMillis() < reserveMs) throw new TimeBudgetError();
    for (let round = 0; ; round += 1) {
      try {
        return await deliverRecord(message, options);
      } catch (error) {
        // Another round re-reads Deskpro before writing, which is safe after an answered failure
        // (a 500 after storing is found on re-read); a write that got no answer may still be in
        // progress, so that record waits for a later receive instead. Out of time, the record is
        // retried for the error it met, not as "not begun".
        const again = error instanceof DeskproUnavailableError && !error.outcomeUnknown && round + 1 < rounds;
        if (!again || context.getRemainingTimeInMillis() < reserveMs) throw error;
        await sleep(equalJitter(200 * 2 ** round, random));
      }
    }
  }

  async function retryLater(record: SQSRecord, disposition: Extract<Disposition, { action: 'retry' }>): Promise<void> {
    await deps.sqs
      .send(new ChangeMessageVisibilityCommand({ QueueUrl: deps.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: disposition.delaySeconds }))
      .catch((cause: unknown) => logger.warn('could not set the retry delay; the queue default applies', { error: String(cause) }));
  }

  /** Delivers, dead-letters or defers one record; throws for Powertools when it is deferred. */
  async function processRecord(record: SQSRecord, invocation: Invocation): Promise<void> {
    const { message, fields, receiveCount } = readRecord(record);
    const attempt = { receiveCount, queuedAt: new Date(Number(record.attributes.SentTimestamp) || clock().getTime()) };
    const result: Outcome | Disposition = typeof message === 'string'
      ? { action: 'dead-letter', reason: message }
      : await deliverWithinInvocation(message, invocation).catch((error: unknown) => {
        const decided = dispositionOf(error, attempt, clock(), policy, random);
        // Deskpro errors name only the method, path and status; other errors are named, not quoted.
        if (decided.action === 'retry') fields.error = error instanceof DeskproError ? error.message : error instanceof Error ? error.name : 'unknown';
        return decided;
      });
    if (typeof result === 'string') return report(result, fields);
    let disposition = result;
    if (disposition.action === 'dead-letter') {
      const moved = await sendToDeadLetterQueue(deps.sqs, deps.dlqUrl, record, disposition.reason, clock()).then(
        () => true,
        (error: unknown) => {
          fields.error = error instanceof Error ? error.name : 'unknown';
          return false;
        },
      );
      if (moved) return report('dead_lettered', { ...fields, reason: disposition.reason });
      // Not moved, so not deleted either: it stays on the queue and comes back.
      disposition = { action: 'retry', delaySeconds: backoffSeconds(attempt.receiveCount, policy, random), reason: `dlq_send_failed:${disposition.reason}` };
    }
    invocation.delays.set(record.attributes.MessageGroupId ?? '', disposition);
    await retryLater(record, disposition);
    report(disposition.reason === 'rate_limited' ? 'rate_limited' : 'retry', { ...fields, reason: disposition.reason, delaySeconds: disposition.delaySeconds });
    throw new RetryLaterError(disposition.reason);
  }

  return async function handleRecords(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
    const deskpro = deps.deskpro(clock().getTime() + context.getRemainingTimeInMillis() - SQS_MARGIN_MS);
    const invocation: Invocation = { context, deskpro, delays: new Map(), seen: new Map() };
    try {
      const response = await processPartialResponse(event, (record: SQSRecord) => processRecord(record, invocation), new SqsFifoPartialProcessorAsync(), {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      });
      await holdGroupFollowers(event, response, invocation.delays);
      return response;
    } finally {
      publishMetrics();
    }
  };

  /**
   * Records Powertools failed without trying, because an earlier record of their group failed,
   * come back with that record rather than after the queue's whole visibility timeout.
   */
  async function holdGroupFollowers(event: SQSEvent, response: SQSBatchResponse, delays: Invocation['delays']): Promise<void> {
    const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    const heads = new Set<string>();
    for (const record of event.Records) {
      const group = record.attributes.MessageGroupId ?? '';
      const delay = delays.get(group);
      if (!failed.has(record.messageId) || !delay) continue;
      if (!heads.has(group)) {
        heads.add(group); // the first failed record of a group is the one that set the delay
        continue;
      }
      await retryLater(record, delay);
      report('held', { ...readRecord(record).fields, reason: `group_waits:${delay.reason}`, delaySeconds: delay.delaySeconds });
    }
  }
}
