import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from './lambda-context';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface PollerOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly handler: SqsHandler;
  readonly batchSize: number;
  readonly timeoutSeconds: number;
  readonly functionName?: string;
  /** Called when an invocation throws or answers with a malformed response. */
  readonly onInvocationError?: (error: unknown) => void;
}

export interface Poller {
  stop(): Promise<void>;
}

/**
 * Lambda's SQS event source, played locally: receive a batch, invoke the handler, delete what it
 * did not report in `batchItemFailures`, and leave the rest to reappear after their visibility
 * timeout (which the handler may have changed). Like AWS, a thrown error or a malformed response
 * fails the whole batch, and the queue's redrive policy moves repeat failures to the DLQ.
 */
export function startSqsPoller(options: PollerOptions): Poller {
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        await pollOnce(options);
      } catch (error) {
        options.onInvocationError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

export async function pollOnce(options: PollerOptions): Promise<number> {
  const received = await options.sqs.send(new ReceiveMessageCommand({
    QueueUrl: options.queueUrl,
    MaxNumberOfMessages: options.batchSize,
    WaitTimeSeconds: 1,
    MessageSystemAttributeNames: ['All'],
    MessageAttributeNames: ['All'],
  }));
  const messages = received.Messages ?? [];
  if (messages.length === 0) return 0;

  const event: SQSEvent = { Records: messages.map((message) => toRecord(message, options.queueUrl)) };
  const failed = await invoke(options, event);
  const done = messages.filter((message) => !failed.has(message.MessageId!));
  if (done.length > 0) {
    await options.sqs.send(new DeleteMessageBatchCommand({
      QueueUrl: options.queueUrl,
      Entries: done.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })),
    }));
  }
  return messages.length;
}

/** The ids to keep on the queue; every id when the invocation failed as a whole. */
async function invoke(options: PollerOptions, event: SQSEvent): Promise<Set<string>> {
  const all = new Set(event.Records.map((record) => record.messageId));
  try {
    const context = lambdaContext(options.functionName ?? 'worker', options.timeoutSeconds);
    const response = await options.handler(event, context);
    if (response === undefined || response === null) return new Set();
    const failures = response.batchItemFailures;
    if (!Array.isArray(failures)) throw new Error('malformed batch response: no batchItemFailures list');
    const ids = failures.map((failure) => failure?.itemIdentifier);
    if (ids.some((id) => typeof id !== 'string' || !all.has(id))) throw new Error('malformed batch response: unknown itemIdentifier');
    return new Set(ids as string[]);
  } catch (error) {
    options.onInvocationError?.(error);
    return all;
  }
}

function toRecord(message: Message, queueUrl: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  const queueName = queueUrl.split('/').pop()!;
  const messageAttributes: SQSRecord['messageAttributes'] = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = { dataType: value.DataType!, stringValue: value.StringValue, stringListValues: [], binaryListValues: [] };
  }
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      MessageGroupId: attributes.MessageGroupId,
      MessageDeduplicationId: attributes.MessageDeduplicationId,
      SequenceNumber: attributes.SequenceNumber,
    },
    messageAttributes,
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queueName}`,
    awsRegion: 'us-east-1',
  };
}
