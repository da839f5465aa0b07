import type { SQSEvent } from 'aws-lambda';
import type { EmbeddedSqs } from '../../lib/local/embedded-sqs';
import { queueDepth } from '../../lib/local/drain';
import { pollOnce, type PollerOptions } from '../../lib/local/sqs-poller';
import { takeAll, sendFifo, smallQueues, testQueues } from '../helpers/sqs';

let sqs: EmbeddedSqs;
afterEach(() => sqs.client.destroy());

const options = (handler: PollerOptions['handler']): PollerOptions => ({ sqs: sqs.client, queueUrl: sqs.recordsUrl, handler, batchSize: 10, timeoutSeconds: 30 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('local SQS event source', () => {
  it('deletes the records a batch did not report and keeps the reported one', async () => {
    sqs = await testQueues(smallQueues(1, 5));
    const ids = [await sendFifo(sqs.client, sqs.recordsUrl, 'a', 'g1'), await sendFifo(sqs.client, sqs.recordsUrl, 'b', 'g2')];
    const seen: SQSEvent[] = [];

    await pollOnce(options(async (event) => {
      seen.push(event);
      return { batchItemFailures: [{ itemIdentifier: ids[1]! }] };
    }));

    expect(seen[0]!.Records.map((record) => record.body).sort()).toEqual(['a', 'b']);
    expect(seen[0]!.Records[0]!.attributes.ApproximateReceiveCount).toBe('1');
    expect(seen[0]!.Records[0]!.eventSource).toBe('aws:sqs');
    await sleep(1100);
    const left = await takeAll(sqs.client, sqs.recordsUrl);
    expect(left.map((message) => message.Body)).toEqual(['b']);
    expect(left[0]!.Attributes!.ApproximateReceiveCount).toBe('2');
  });

  it('treats a malformed batch response as a whole-batch failure, as Lambda does', async () => {
    sqs = await testQueues(smallQueues(1, 5));
    await sendFifo(sqs.client, sqs.recordsUrl, 'a', 'g1');
    const errors: unknown[] = [];

    await pollOnce({ ...options(async () => ({ batchItemFailures: [{ itemIdentifier: '' }] })), onInvocationError: (error) => errors.push(error) });

    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('malformed batch response');
    expect(await queueDepth(sqs.client, sqs.recordsUrl)).toBe(1);
  });

  it('lets the redrive policy move a record that keeps failing to the DLQ', async () => {
    sqs = await testQueues(smallQueues(1, 2));
    await sendFifo(sqs.client, sqs.recordsUrl, 'poison', 'g1');
    const fail = options(async () => {
      throw new Error('boom');
    });

    await pollOnce(fail);
    await sleep(1100);
    await pollOnce(fail);
    await sleep(1100);
    await pollOnce(fail);

    expect(await queueDepth(sqs.client, sqs.recordsUrl)).toBe(0);
    expect((await takeAll(sqs.client, sqs.dlqUrl)).map((message) => message.Body)).toEqual(['poison']);
  });
});
