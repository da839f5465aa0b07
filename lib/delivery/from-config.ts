import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Config } from '../config';
import { DeskproClient, RateGate } from '../deskpro';
import { makeWorkerHandler, type WorkerDeps } from './handle';
import { DEFAULT_RETRY_POLICY } from './retry-policy';

/**
 * The worker as configured: the Lambda entry point and the local stack build it the same way.
 * One rate gate per build (per container until a secret changes), so a spent Deskpro window
 * holds every invocation this container runs.
 */
export function workerFromConfig(
  config: Config,
  queues: { readonly sqs: SQSClient; readonly queueUrl: string; readonly dlqUrl: string },
  overrides: Partial<WorkerDeps> = {},
) {
  const gate = new RateGate();
  const { url, apiKey, agentId } = config.deskpro;
  return makeWorkerHandler({
    config,
    deskpro: (deadline) => new DeskproClient({ baseUrl: url!, apiKey: apiKey!, agentId, gate, deadline }),
    ...queues,
    retryPolicy: { ...DEFAULT_RETRY_POLICY, baseSeconds: config.retryBaseSeconds },
    ...overrides,
  });
}
