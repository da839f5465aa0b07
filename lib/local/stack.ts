import type { AddressInfo } from 'node:net';
import { loadConfig, requireSettings, type Config } from '../config';
import { workerFromConfig } from '../delivery/from-config';
import type { WorkerDeps } from '../delivery/handle';
import { logger } from '../observability';
import { makeWebhookHandler } from '../webhook/handle';
import { createGatewayServer } from './api-gateway';
import { localPublicUrl, SIMULATOR_API_KEY } from './defaults';
import { startDeskproSimulator, type DeskproSimulator, type DeskproSimulatorOptions } from './deskpro-simulator';
import { startEmbeddedSqs, type EmbeddedSqs } from './embedded-sqs';
import { readQueueDefinitions } from './queue-definitions';
import { seedSimulator } from './seed';
import { startSqsPoller } from './sqs-poller';

export interface LocalStackOptions {
  /** Environment to read; defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Port for the webhook endpoint; defaults to PORT. 0 picks a free one. */
  readonly port?: number;
  /** An SQS endpoint already running (the test suite's); otherwise fauxqs is started. */
  readonly sqsEndpoint?: string;
  readonly queuePrefix?: string;
  /** Seed the simulator with events/deskpro/seed.json (default true). */
  readonly seed?: boolean;
  readonly simulator?: Partial<DeskproSimulatorOptions>;
  readonly worker?: Partial<WorkerDeps>;
}

export interface LocalStack {
  readonly url: string;
  readonly config: Config;
  readonly sqs: EmbeddedSqs;
  readonly deskproUrl: string;
  readonly deskproApiKey: string;
  /** Present when DESKPRO_URL was unset and the simulator plays Deskpro. */
  readonly simulator?: DeskproSimulator;
  stop(): Promise<void>;
}

/**
 * The whole pipeline on this machine: webhook endpoint → embedded SQS FIFO (+ DLQ) → Lambda-style
 * poller → worker → Deskpro (the real one at DESKPRO_URL, or the legacy-API simulator).
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = { ...(options.env ?? process.env) };
  let simulator: DeskproSimulator | undefined;
  if (!env.DESKPRO_URL?.trim()) {
    env.DESKPRO_API_KEY = env.DESKPRO_API_KEY?.trim() || SIMULATOR_API_KEY;
    simulator = await startDeskproSimulator({ apiKey: env.DESKPRO_API_KEY, ...options.simulator });
    if (options.seed !== false) seedSimulator(simulator);
    env.DESKPRO_URL = simulator.url;
  }
  // Locally the endpoint CRMs (and `npm run send`) call is the one this stack prints.
  env.PUBLIC_URL = localPublicUrl(env, options.port);
  const config = loadConfig(env);
  requireSettings({ DESKPRO_API_KEY: config.deskpro.apiKey });

  const definitions = readQueueDefinitions('local');
  const sqs = await startEmbeddedSqs(definitions, { endpoint: options.sqsEndpoint, prefix: options.queuePrefix });
  const webhook = makeWebhookHandler({ config, sqs: sqs.client, queueUrl: sqs.recordsUrl });
  const worker = workerFromConfig(config, { sqs: sqs.client, queueUrl: sqs.recordsUrl, dlqUrl: sqs.dlqUrl }, options.worker);
  const poller = startSqsPoller({
    sqs: sqs.client,
    queueUrl: sqs.recordsUrl,
    handler: worker,
    batchSize: definitions.worker.batchSize,
    timeoutSeconds: definitions.worker.timeoutSeconds,
    onInvocationError: (error) => logger.error('worker invocation failed', { error: String(error) }),
  });

  const server = createGatewayServer(webhook);
  const port = options.port ?? config.port;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const { port: boundPort } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${boundPort}`,
    config,
    sqs,
    deskproUrl: config.deskpro.url!,
    deskproApiKey: config.deskpro.apiKey!,
    simulator,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await poller.stop();
      await sqs.stop();
      await simulator?.stop();
    },
  };
}
