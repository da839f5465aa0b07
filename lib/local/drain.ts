import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Messages on a queue: visible, in flight and delayed together. */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({
    QueueUrl: queueUrl,
    AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
  }));
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) + Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0);
}

/** Resolves once the queue has stayed empty for `settleMs`; rejects after `timeoutMs`. */
export async function waitForDrain(sqs: SQSClient, queueUrl: string, timeoutMs = 60_000, settleMs = 300): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let emptySince: number | undefined;
  for (;;) {
    const depth = await queueDepth(sqs, queueUrl);
    const now = Date.now();
    if (depth === 0) {
      emptySince ??= now;
      if (now - emptySince >= settleMs) return;
    } else emptySince = undefined;
    if (now > deadline) throw new Error(`queue still holds ${depth} message(s) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
