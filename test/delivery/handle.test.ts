import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { makeWorkerHandler } from '../../lib/delivery/handle';
import { DeskproRejectedError, DeskproUnavailableError } from '../../lib/deskpro/errors';
import type { DeskproApi } from '../../lib/deskpro/types';

// The batch handler with a scripted Deskpro and an SQS client that records what it is asked.
const now = new Date('2026-12-03T12:00:00Z');
const context = (remainingMs = 60_000) => ({ getRemainingTimeInMillis: () => remainingMs }) as Context;

function record(id: string, email: string, body?: string): SQSRecord {
  const message = { v: 1, target: { kind: 'person', email }, record: { type: 'skype', comment: '', data: { username: id } }, crm: { source: 'test' }, receivedAt: now.toISOString() };
  return {
    messageId: id, receiptHandle: `rh-${id}`, body: body ?? JSON.stringify(message),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0', MessageGroupId: `person:${email}`, MessageDeduplicationId: id },
    messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:0:records.fifo', awsRegion: 'us-east-1',
  };
}

function harness(addContactData: (username: string) => Promise<number>) {
  const sqsCalls: Array<{ command: string; input: Record<string, unknown> }> = [];
  const attempted: string[] = [];
  const reads: string[] = [];
  const deskpro: DeskproApi = {
    findPersonByEmail: async (email) => { reads.push(`find ${email}`); return { kind: 'person', id: 1 }; },
    findOrganizationByName: async () => undefined,
    listContactData: async () => { reads.push('list'); return []; },
    addContactData: async (_target, contactRecord) => {
      const username = (contactRecord.data as { username: string }).username;
      attempted.push(username);
      return addContactData(username);
    },
    createPerson: async () => ({ kind: 'person', id: 2 }),
  };
  const sqs = { send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => { sqsCalls.push({ command: command.constructor.name, input: command.input }); return {}; } } as unknown as SQSClient;
  const handle = makeWorkerHandler({
    config: { unmatchedPeople: 'skip', defaultPhoneRegion: 'US' }, deskpro: () => deskpro, sqs,
    queueUrl: 'https://sqs.example.com/records.fifo', dlqUrl: 'https://sqs.example.com/dlq.fifo',
    clock: () => now, random: () => 0, sleep: async () => undefined,
  });
  return { handle, sqsCalls, attempted, reads };
}

const event = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

describe('worker batch handler', () => {
  it('reports every id, and throws nothing, when every record fails (Powertools #5624)', async () => {
    const { handle, sqsCalls, attempted } = harness(async () => { throw new DeskproUnavailableError('POST … 503', 503); });

    const response = await handle(event(record('a', 'ada@example.com'), record('b', 'bob@example.com')), context());

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: 'b' }] });
    expect(attempted).toEqual(['a', 'a', 'a', 'b', 'b', 'b']); // three rounds each, within the invocation
    expect(sqsCalls).toEqual([
      { command: 'ChangeMessageVisibilityCommand', input: { QueueUrl: 'https://sqs.example.com/records.fifo', ReceiptHandle: 'rh-a', VisibilityTimeout: 15 } },
      { command: 'ChangeMessageVisibilityCommand', input: { QueueUrl: 'https://sqs.example.com/records.fifo', ReceiptHandle: 'rh-b', VisibilityTimeout: 15 } },
    ]);
  });

  it('fails the rest of a message group after a failure, without attempting it, while other groups go on', async () => {
    const { handle, attempted, sqsCalls } = harness(async (username) => {
      if (username === 'a1') throw new DeskproUnavailableError('503', 503);
      return 1;
    });

    const response = await handle(event(record('a1', 'ada@example.com'), record('b1', 'bob@example.com'), record('a2', 'ada@example.com')), context());

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'a1' }, { itemIdentifier: 'a2' }] });
    expect(attempted).toEqual(['a1', 'a1', 'a1', 'b1']);
    // a2 comes back with a1, not after the queue's whole visibility timeout.
    expect(sqsCalls).toEqual([
      { command: 'ChangeMessageVisibilityCommand', input: { QueueUrl: 'https://sqs.example.com/records.fifo', ReceiptHandle: 'rh-a1', VisibilityTimeout: 15 } },
      { command: 'ChangeMessageVisibilityCommand', input: { QueueUrl: 'https://sqs.example.com/records.fifo', ReceiptHandle: 'rh-a2', VisibilityTimeout: 15 } },
    ]);
  });

  it('looks a target up once per batch for all its records, and again after a failure', async () => {
    const { handle, attempted, reads } = harness(async (username) => {
      if (username === 'a2' && attempted.filter((name) => name === 'a2').length === 1) throw new DeskproUnavailableError('503', 503);
      return 1;
    });

    const response = await handle(event(record('a1', 'ada@example.com'), record('a2', 'ada@example.com'), record('a3', 'ada@example.com'), record('b1', 'bob@example.com')), context());

    expect(response).toEqual({ batchItemFailures: [] });
    expect(attempted).toEqual(['a1', 'a2', 'a2', 'a3', 'b1']);
    // a2's 503 drops what was known of Ada, so its second round reads afresh; a3 reuses that.
    expect(reads).toEqual(['find ada@example.com', 'list', 'find ada@example.com', 'list', 'find bob@example.com', 'list']);
  });

  it('moves a refused record to the DLQ with its reason and reports the batch a success', async () => {
    const { handle, sqsCalls } = harness(async () => { throw new DeskproRejectedError('invalid_argument.data', 'POST … 400', 400); });

    const response = await handle(event(record('a', 'ada@example.com')), context());

    expect(response).toEqual({ batchItemFailures: [] });
    expect(sqsCalls).toEqual([{
      command: 'SendMessageCommand',
      input: {
        QueueUrl: 'https://sqs.example.com/dlq.fifo', MessageBody: record('a', 'ada@example.com').body, MessageGroupId: 'person:ada@example.com', MessageDeduplicationId: 'a',
        MessageAttributes: {
          reason: { DataType: 'String', StringValue: 'deskpro_rejected:invalid_argument.data' },
          source_message_id: { DataType: 'String', StringValue: 'a' },
          failed_at: { DataType: 'String', StringValue: '2026-12-03T12:00:00.000Z' },
        },
      },
    }]);
  });

  it('keeps a record on the queue when its move to the DLQ fails', async () => {
    const failing = makeWorkerHandler({
      config: { unmatchedPeople: 'skip', defaultPhoneRegion: undefined }, deskpro: () => ({ findPersonByEmail: async () => ({ kind: 'person', id: 1 }), listContactData: async () => [], addContactData: async () => { throw new DeskproRejectedError('invalid_argument.data', '400', 400); } } as unknown as DeskproApi),
      sqs: { send: async () => { throw new Error('SQS down'); } } as unknown as SQSClient,
      queueUrl: 'q', dlqUrl: 'd', clock: () => now, random: () => 0,
    });

    expect(await failing(event(record('a', 'ada@example.com')), context())).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
  });

  it('does not begin a record with too little invocation time left, and puts it back shortly', async () => {
    const { handle, sqsCalls, attempted } = harness(async () => 1);

    const response = await handle(event(record('a', 'ada@example.com')), context(4_000));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
    expect(attempted).toEqual([]);
    expect(sqsCalls).toEqual([{ command: 'ChangeMessageVisibilityCommand', input: { QueueUrl: 'https://sqs.example.com/records.fifo', ReceiptHandle: 'rh-a', VisibilityTimeout: 15 } }]);
  });

  it('retries a record for the error it met, not as "not begun", when time runs out between rounds', async () => {
    const { handle, sqsCalls, attempted } = harness(async () => { throw new DeskproUnavailableError('POST … 503', 503); });
    const remaining = [60_000, 60_000, 4_000]; // the deadline, the check before round 1, the check after it
    const shrinking = { getRemainingTimeInMillis: () => remaining.shift() ?? 4_000 } as Context;

    const response = await handle(event(record('a', 'ada@example.com')), shrinking);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
    expect(attempted).toEqual(['a']);
    expect(sqsCalls).toEqual([{ command: 'ChangeMessageVisibilityCommand', input: { QueueUrl: 'https://sqs.example.com/records.fifo', ReceiptHandle: 'rh-a', VisibilityTimeout: 15 } }]);
  });

  it('does not write again in the same invocation after a write that got no answer, and waits for it to settle', async () => {
    const { handle, sqsCalls, attempted } = harness(async () => { throw new DeskproUnavailableError('POST timed out', undefined, { outcomeUnknown: true }); });

    const response = await handle(event(record('a', 'ada@example.com')), context());

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
    expect(attempted).toEqual(['a']);
    expect(sqsCalls).toEqual([{ command: 'ChangeMessageVisibilityCommand', input: { QueueUrl: 'https://sqs.example.com/records.fifo', ReceiptHandle: 'rh-a', VisibilityTimeout: 60 } }]);
  });

  it('dead-letters a message of an unknown version instead of guessing', async () => {
    const { handle, sqsCalls } = harness(async () => 1);
    const body = JSON.stringify({ v: 2, target: { kind: 'person', email: 'ada@example.com' } });

    await handle(event(record('a', 'ada@example.com', body)), context());

    expect(sqsCalls.map((call) => (call.input.MessageAttributes as Record<string, { StringValue: string }>).reason.StringValue)).toEqual(['invalid_message:v']);
  });
});
