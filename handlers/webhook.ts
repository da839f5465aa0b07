import { SQSClient } from '@aws-sdk/client-sqs';
import { configuredHandler } from '../lib/configured';
import { loadConfig, requireSettings } from '../lib/config';
import { readSsmParameter } from '../lib/ssm-reader';
import { makeWebhookHandler } from '../lib/webhook/handle';

export const handler = configuredHandler((env) => {
  const config = loadConfig(env);
  requireSettings({ RECORDS_QUEUE_URL: config.queue.recordsUrl });
  // HubSpot signs the URL it called: with its secret set, the public URL is needed too.
  if (config.sources.hubspotClientSecret) requireSettings({ PUBLIC_URL: config.sources.publicUrl });
  return makeWebhookHandler({ config, sqs: new SQSClient({ endpoint: config.queue.endpoint }), queueUrl: config.queue.recordsUrl! });
}, readSsmParameter);
