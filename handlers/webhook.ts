import { SQSClient } from '@aws-sdk/client-sqs';
import { configuredHandler } from '../lib/configured';
import { loadConfig, requireSettings } from '../lib/config';
import { logger } from '../lib/observability';
import { readSsmParameter } from '../lib/ssm-reader';
import { makeWebhookHandler } from '../lib/webhook/handle';

export const handler = configuredHandler((env) => {
  const config = loadConfig(env);
  requireSettings({ RECORDS_QUEUE_URL: config.queue.recordsUrl });
  // HubSpot signs the URL it called: without PUBLIC_URL its route answers 404 source_not_configured.
  if (config.sources.hubspotClientSecret && !config.sources.publicUrl) logger.warn('HUBSPOT_CLIENT_SECRET is set but PUBLIC_URL is not: HubSpot calls will be refused');
  return makeWebhookHandler({ config, sqs: new SQSClient({ endpoint: config.queue.endpoint }), queueUrl: config.queue.recordsUrl! });
}, readSsmParameter);
