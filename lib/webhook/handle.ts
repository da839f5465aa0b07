import type { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Config } from '../config';
import { count, logger, publishMetrics } from '../observability';
import { sendRecords } from '../queue/send';
import { findSource } from '../sources';
import { UnknownSourceError } from '../sources/errors';
import { acceptWebhook } from './accept';
import { toWebhookRequest } from './event';
import { errorResponse, json, listed } from './respond';

export interface WebhookDeps {
  readonly config: Pick<Config, 'sources' | 'defaultPhoneRegion'>;
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly clock?: () => Date;
}

/** POST /webhooks/{source}: verify, read, normalize, queue one message per record, answer 202. */
export function makeWebhookHandler(deps: WebhookDeps) {
  const clock = deps.clock ?? (() => new Date());
  return async function handleWebhook(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
    const source = event.pathParameters?.source ?? '';
    // The route segment is the caller's text (it could be an email): log it only when it names a source.
    const logSource = findSource(source) ? source : 'unknown';
    try {
      const request = toWebhookRequest(event);
      const options = { settings: deps.config.sources, defaultRegion: deps.config.defaultPhoneRegion, now: clock() };
      const result = acceptWebhook(source, request, options);
      await sendRecords(deps.sqs, deps.queueUrl, result.messages);
      logger.info('webhook accepted', {
        source: logSource, contacts: result.accepted, records: result.messages.length, skipped: result.skipped.length, unparsedPhones: result.unparsedPhones,
      });
      count('WebhookAccepted');
      count('RecordsQueued', result.messages.length);
      count('ValuesSkipped', result.skipped.length);
      count('PhonesKeptUnparsed', result.unparsedPhones);
      return json(202, { accepted: result.accepted, records: result.messages.length, ...listed('skipped', result.skipped) });
    } catch (error) {
      const { status, code, response } = errorResponse(error);
      const message = error instanceof UnknownSourceError ? undefined : error instanceof Error ? error.message : 'non-error thrown';
      const fields = { source: logSource, status, code, error: message };
      if (status >= 500) logger.error('webhook failed', fields);
      else logger.warn('webhook refused', fields);
      count(status >= 500 ? 'WebhookFailed' : 'WebhookRefused');
      return response;
    } finally {
      publishMetrics();
    }
  };
}
