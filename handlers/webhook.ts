import { SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig, requireSettings } from '../lib/config';
import { makeWebhookHandler } from '../lib/webhook/handle';

// Resolved once per cold start: a bad variable fails the init with its name in the log.
const config = loadConfig();
requireSettings({ RECORDS_QUEUE_URL: config.queue.recordsUrl });
// HubSpot signs the URL it called: with its secret set, the public URL is needed too.
if (config.sources.hubspotClientSecret) requireSettings({ PUBLIC_URL: config.sources.publicUrl });

export const handler = makeWebhookHandler({
  config,
  sqs: new SQSClient({ endpoint: config.queue.endpoint }),
  queueUrl: config.queue.recordsUrl!,
});
