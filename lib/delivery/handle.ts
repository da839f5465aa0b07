import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Config } from '../config';
import { DeskproUnavailableError } from '../deskpro/errors';
import type { DeskproApi } from '../deskpro/types';
import { count, logger, metrics } from '../observability';
import { QueueMessage } from '../queue/message';
import { targetHash } from '../queue/target';
import { sendToDeadLetterQueue } from './dead-letter';
import { deliverRecord, type Outcome } from './deliver';
import { DEFAULT_RETRY_POLICY, dispositionOf, type RetryPolicy } from './retry-policy';

export interface WorkerDeps {
  readonly config: Pick<Config, 'unmatchedPeople' | 'defaultPhoneRegion'>;
  /** A Deskpro client whose calls all end by `deadline` (epoch ms); one per invocation, sharing a rate gate. */
  readonly deskpro: (deadline: number) => DeskproApi;
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly dlqUrl: string;
  readonly retryPolicy?: RetryPolicy;
  /** Attempts of one record within an invocation when Deskpro is unavailable (5xx, timeout). */
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

class TimeBudgetError extends Error {
  constructor() {
    super('not enough invocation time left to start this record');
    this.name = 'TimeBudgetError';
  }
}

/**
 * The SQS FIFO worker: Powertools' FIFO processor with ReportBatchItemFailures, where a failed
 * record fails the rest of its message group (order per Deskpro target) while other groups go on.
 * `throwOnFullBatchFailure: false` returns every id when all fail instead of throwing (#5624).
 */
export function makeWorkerHandler(deps: WorkerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const rounds = deps.rounds ?? 3;
  const reserveMs = deps.reserveMs ?? 5_000;
  // Kept back from Deskpro calls for what follows them: visibility changes, DLQ moves, the batch response.
  const sqsMarginMs = 3_000;
  const processor = new SqsFifoPartialProcessorAsync();

  async function deliverWithinInvocation(message: QueueMessage, context: Context, deskpro: DeskproApi): Promise<Outcome> {
    for (let round = 0; ; round += 1) {
      if (context.getRemainingTimeInMillis() < reserveMs) throw new TimeBudgetError();
      try {
        return await deliverRecord(message, { deskpro, unmatchedPeople: deps.config.unmatchedPeople, defaultRegion: deps.config.defaultPhoneRegion });
      } catch (error) {
        // Each round re-reads Deskpro before writing, so retrying after a lost response is safe.
        if (!(error instanceof DeskproUnavailableError) || round + 1 >= rounds) throw error;
        await sleep(Math.round(200 * 2 ** round * (0.5 + random() / 2)));
      }
    }
  }

  async function processRecord(record: SQSRecord, context: Context, deskpro: DeskproApi): Promise<void> {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount ?? '1');
    const message = parseMessage(record.body);
    if (typeof message === 'string') {
      await sendToDeadLetterQueue(deps.sqs, deps.dlqUrl, record, message, clock());
      report('dead_lettered', { reason: message, receiveCount });
      return;
    }
    const fields = { targetKind: message.target.kind, target: targetHash(message.target), type: message.record.type, source: message.crm.source, receiveCount };
    try {
      report(await deliverWithinInvocation(message, context, deskpro), fields);
    } catch (error) {
      const disposition = error instanceof TimeBudgetError
        ? { action: 'retry' as const, delaySeconds: 0, reason: 'time_budget' }
        : dispositionOf(error, receiveCount, clock(), policy, random);
      if (disposition.action === 'dead-letter') {
        await sendToDeadLetterQueue(deps.sqs, deps.dlqUrl, record, disposition.reason, clock());
        report('dead_lettered', { ...fields, reason: disposition.reason });
        return;
      }
      await deps.sqs
        .send(new ChangeMessageVisibilityCommand({ QueueUrl: deps.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: disposition.delaySeconds }))
        .catch((cause: unknown) => logger.warn('could not set retry delay; the queue default applies', { error: String(cause) }));
      report(disposition.reason === 'rate_limited' ? 'rate_limited' : 'retry', { ...fields, reason: disposition.reason, delaySeconds: disposition.delaySeconds });
      throw new RetryLaterError(disposition.reason);
    }
  }

  return async function handleRecords(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
    const deskpro = deps.deskpro(clock().getTime() + context.getRemainingTimeInMillis() - sqsMarginMs);
    try {
      return await processPartialResponse(event, (record: SQSRecord) => processRecord(record, context, deskpro), processor, {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      });
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

/** One log line and one metric per record outcome; never a raw value. */
function report(outcome: string, fields: Record<string, unknown>): void {
  const level = outcome === 'dead_lettered' ? 'error' : outcome === 'retry' || outcome === 'rate_limited' ? 'warn' : 'info';
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
