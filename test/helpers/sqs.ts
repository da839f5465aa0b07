import { randomUUID } from 'node:crypto';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startEmbeddedSqs, type EmbeddedSqs } from '../../lib/local/embedded-sqs';
import type { QueueDefinitions } from '../../lib/local/queue-definitions';

/** Fresh FIFO queues on the suite's shared fauxqs (started in test/setup/global-setup.mjs). */
export function testQueues(definitions: QueueDefinitions): Promise<EmbeddedSqs> {
  return startEmbeddedSqs(definitions, { endpoint: process.env.TEST_SQS_ENDPOINT!, prefix: `t${randomUUID().slice(0, 8)}-` });
}

export function smallQueues(visibilityTimeout: number, maxReceiveCount: number): QueueDefinitions {
  return {
    records: { name: 'records.fifo', visibilityTimeout, maxReceiveCount },
    deadLetter: { name: 'records-dlq.fifo' },
    worker: { timeoutSeconds: 30, batchSize: 10 },
  };
}

export async function sendFifo(sqs: SQSClient, queueUrl: string, body: string, group: string): Promise<string> {
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageGroupId: group, MessageDeduplicationId: randomUUID() }));
  return sent.MessageId!;
}

/**
 * Takes every message off a queue (receives and deletes), with attributes. Deleting is what lets
 * a FIFO queue hand out the next message of a group.
 */
export async function takeAll(sqs: SQSClient, queueUrl: string) {
  const all = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }));
    if (Messages.length === 0) return all;
    for (const message of Messages) await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
    all.push(...Messages);
  }
}
