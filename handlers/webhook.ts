import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { loadConfig, requireSettings } from '../lib/config';
import { logger } from '../lib/observability';
import { resolveSecretReferences } from '../lib/secrets';
import { readSsmParameter } from '../lib/ssm-reader';
import { makeWebhookHandler } from '../lib/webhook/handle';

// Resolved once per cold start: a bad variable fails every invocation with its name in the log.
const ready = resolveSecretReferences(process.env, readSsmParameter).then((env) => {
  const config = loadConfig(env);
  requireSettings({ RECORDS_QUEUE_URL: config.queue.recordsUrl });
  // HubSpot signs the URL it called: with its secret set, the public URL is needed too.
  if (config.sources.hubspotClientSecret) requireSettings({ PUBLIC_URL: config.sources.publicUrl });
  return makeWebhookHandler({ config, sqs: new SQSClient({ endpoint: config.queue.endpoint }), queueUrl: config.queue.recordsUrl! });
});

// Logged once here; each invocation then fails with the same error until the variables are fixed.
ready.catch((error: unknown) => logger.error('configuration failed', { error: error instanceof Error ? error.message : String(error) }));

export const handler = async (event: APIGatewayProxyEventV2) => (await ready)(event);
