import { SQSClient } from '@aws-sdk/client-sqs';
import { configuredHandler } from '../lib/configured';
import { loadConfig, requireSettings } from '../lib/config';
import { workerFromConfig } from '../lib/delivery/from-config';
import { readSsmParameter } from '../lib/ssm-reader';

export const handler = configuredHandler((env) => {
  const config = loadConfig(env);
  requireSettings({
    DESKPRO_URL: config.deskpro.url,
    DESKPRO_API_KEY: config.deskpro.apiKey,
    RECORDS_QUEUE_URL: config.queue.recordsUrl,
    DLQ_URL: config.queue.dlqUrl,
  });
  return workerFromConfig(config, {
    sqs: new SQSClient({ endpoint: config.queue.endpoint }),
    queueUrl: config.queue.recordsUrl!,
    dlqUrl: config.queue.dlqUrl!,
  });
}, readSsmParameter);
