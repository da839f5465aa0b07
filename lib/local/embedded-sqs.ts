import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { QueueDefinitions } from './queue-definitions';

export interface EmbeddedSqs {
  readonly endpoint: string;
  readonly client: SQSClient;
  readonly recordsUrl: string;
  readonly dlqUrl: string;
  stop(): Promise<void>;
}

/**
 * SQS on this machine: fauxqs speaks the JSON protocol the real @aws-sdk/client-sqs uses. Given
 * an `endpoint` (the test suite's shared server) only the queues are created, under `prefix`.
 */
export async function startEmbeddedSqs(definitions: QueueDefinitions, options: { endpoint?: string; prefix?: string } = {}): Promise<EmbeddedSqs> {
  let stopServer = async () => {};
  let endpoint = options.endpoint;
  if (!endpoint) {
    // fauxqs is ESM-only; a dynamic import keeps this CommonJS module loadable.
    const { startFauxqs } = await import('fauxqs');
    const server = await startFauxqs({ port: 0, logger: false });
    endpoint = `http://127.0.0.1:${server.port}`;
    stopServer = () => server.stop();
  }
  const client = new SQSClient({ endpoint, region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const prefix = options.prefix ?? '';
  const dlq = await client.send(new CreateQueueCommand({
    QueueName: prefix + definitions.deadLetter.name,
    Attributes: { FifoQueue: 'true', MessageRetentionPeriod: '1209600' },
  }));
  const dlqArn = await client.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
  const records = await client.send(new CreateQueueCommand({
    QueueName: prefix + definitions.records.name,
    Attributes: {
      FifoQueue: 'true',
      ContentBasedDeduplication: 'false',
      VisibilityTimeout: String(definitions.records.visibilityTimeout),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn.Attributes!.QueueArn, maxReceiveCount: definitions.records.maxReceiveCount }),
    },
  }));
  return {
    endpoint,
    client,
    recordsUrl: records.QueueUrl!,
    dlqUrl: dlq.QueueUrl!,
    async stop() {
      client.destroy();
      await stopServer();
    },
  };
}
