import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

/**
 * Moves a record to the FIFO DLQ with its reason as a message attribute: one that can never
 * succeed, at once; one that kept failing, once the retry policy gives up. The original is deleted
 * only after this succeeds, so a failed move loses nothing.
 */
export async function sendToDeadLetterQueue(sqs: SQSClient, dlqUrl: string, record: SQSRecord, reason: string, now: Date): Promise<void> {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: dlqUrl,
      MessageBody: record.body,
      MessageGroupId: record.attributes.MessageGroupId ?? 'dead-letter',
      // The original message id: a repeated move within SQS's 5-minute window stays one message.
      MessageDeduplicationId: record.messageId,
      MessageAttributes: {
        reason: { DataType: 'String', StringValue: reason.slice(0, 256) },
        source_message_id: { DataType: 'String', StringValue: record.messageId },
        failed_at: { DataType: 'String', StringValue: now.toISOString() },
      },
    }),
  );
}
