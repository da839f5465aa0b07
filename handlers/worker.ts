import { SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig, requireSettings } from '../lib/config';
import { workerFromConfig } from '../lib/delivery/from-config';

// Resolved once per cold start: a bad variable fails the init with its name in the log.
const config = loadConfig();
requireSettings({
  DESKPRO_URL: config.deskpro.url,
  DESKPRO_API_KEY: config.deskpro.apiKey,
  RECORDS_QUEUE_URL: config.queue.recordsUrl,
  DLQ_URL: config.queue.dlqUrl,
});

export const handler = workerFromConfig(config, {
  sqs: new SQSClient({ endpoint: config.queue.endpoint }),
  queueUrl: config.queue.recordsUrl!,
  dlqUrl: config.queue.dlqUrl!,
});
