import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent } from 'aws-lambda';
import { loadConfig, requireSettings } from '../lib/config';
import { logger } from '../lib/observability';
import { workerFromConfig } from '../lib/delivery/from-config';
import { resolveSecretReferences } from '../lib/secrets';
import { readSsmParameter } from '../lib/ssm-reader';

// Resolved once per cold start: a bad variable fails every invocation with its name in the log.
const ready = resolveSecretReferences(process.env, readSsmParameter).then((env) => {
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
});

// Logged once here; each invocation then fails with the same error until the variables are fixed.
ready.catch((error: unknown) => logger.error('configuration failed', { error: error instanceof Error ? error.message : String(error) }));

export const handler = async (event: SQSEvent, context: Context) => (await ready)(event, context);
