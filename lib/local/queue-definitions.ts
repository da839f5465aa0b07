import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The queues and worker settings `serverless.yml` declares, read from it so local runs match AWS. */
export interface QueueDefinitions {
  readonly records: { readonly name: string; readonly visibilityTimeout: number; readonly maxReceiveCount: number };
  readonly deadLetter: { readonly name: string };
  readonly worker: { readonly timeoutSeconds: number; readonly batchSize: number };
}

interface ServerlessFile {
  service: string;
  functions: { worker: { timeout: number; events: Array<{ sqs?: { batchSize: number } }> } };
  resources: { Resources: Record<string, { Properties: Record<string, unknown> }> };
}

export function readQueueDefinitions(stage = 'local', file = join(__dirname, '..', '..', 'serverless.yml')): QueueDefinitions {
  const yml = parse(readFileSync(file, 'utf8')) as ServerlessFile;
  const resolve = (name: string) => name.replace('${self:service}', yml.service).replace('${sls:stage}', stage);
  const records = yml.resources.Resources.RecordsQueue!.Properties;
  const deadLetter = yml.resources.Resources.DeadLetterQueue!.Properties;
  const redrive = records.RedrivePolicy as { maxReceiveCount: number };
  const sqsEvent = yml.functions.worker.events.find((event) => event.sqs)!.sqs!;
  return {
    records: { name: resolve(String(records.QueueName)), visibilityTimeout: Number(records.VisibilityTimeout), maxReceiveCount: redrive.maxReceiveCount },
    deadLetter: { name: resolve(String(deadLetter.QueueName)) },
    worker: { timeoutSeconds: yml.functions.worker.timeout, batchSize: sqsEvent.batchSize },
  };
}
