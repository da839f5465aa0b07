import { SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig, requireSettings } from '../lib/config';
import { makeWorkerHandler } from '../lib/delivery/handle';
import { DeskproClient, RateGate } from '../lib/deskpro';

// Resolved once per cold start: a bad variable fails the init with its name in the log.
const config = loadConfig();
requireSettings({
  DESKPRO_URL: config.deskpro.url,
  DESKPRO_API_KEY: config.deskpro.apiKey,
  RECORDS_QUEUE_URL: config.queue.recordsUrl,
  DLQ_URL: config.queue.dlqUrl,
});

// One gate per container: a spent rate-limit window holds every invocation this container runs.
const gate = new RateGate();

export const handler = makeWorkerHandler({
  config,
  deskpro: (deadline) => new DeskproClient({ baseUrl: config.deskpro.url!, apiKey: config.deskpro.apiKey!, agentId: config.deskpro.agentId, gate, deadline }),
  sqs: new SQSClient({ endpoint: config.queue.endpoint }),
  queueUrl: config.queue.recordsUrl!,
  dlqUrl: config.queue.dlqUrl!,
  retryPolicy: { baseSeconds: config.retryBaseSeconds, maxSeconds: 900 },
});
