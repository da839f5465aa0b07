import { randomUUID } from 'node:crypto';
import { DEFAULT_RETRY_POLICY } from '../../lib/delivery/retry-policy';
import { LOCAL_DEFAULTS } from '../../lib/local/defaults';
import { signEvent } from '../../lib/local/sign-event';
import { postWebhook } from '../../lib/local/post-webhook';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../lib/local/stack';

/** A whole local pipeline on the suite's fauxqs, with no retry backoff and no jitter. */
export function startTestStack(options: { env?: Record<string, string> } & Omit<LocalStackOptions, 'env'> = {}): Promise<LocalStack> {
  return startLocalStack({
    port: 0,
    sqsEndpoint: process.env.TEST_SQS_ENDPOINT!,
    queuePrefix: `t${randomUUID().slice(0, 8)}-`,
    seed: false,
    ...options,
    env: { ...LOCAL_DEFAULTS, RETRY_BASE_SECONDS: '0', UNMATCHED_PEOPLE: 'skip', ...options.env },
    worker: { random: () => 0, retryPolicy: { ...DEFAULT_RETRY_POLICY, baseSeconds: 0, settleSeconds: 1 }, ...options.worker },
  });
}

/** Sends `contacts` to the stack's generic webhook, signed with its secret. */
export function sendGeneric(stack: LocalStack, contacts: unknown[]) {
  const event = { source: 'generic', description: 'test', method: 'POST', query: '', headers: { 'content-type': 'application/json' }, body: { contacts } as never };
  return postWebhook(stack.url, signEvent(event, stack.config.sources, new Date()));
}

/** The form fields of every add-contact-data POST the simulator answered, in order. */
export function contactDetailPosts(stack: LocalStack, status?: number) {
  return stack.simulator!.requests
    .filter((request) => request.method === 'POST' && /\/contact-details$/.test(request.path) && (status === undefined || request.status === status))
    .map((request) => ({ path: request.path, status: request.status, fields: Object.fromEntries(new URLSearchParams(request.body)) }));
}

/** Stored rows without ids and Deskpro's derived columns: type, comment and the fields we sent. */
export function storedRows(stack: LocalStack, kind: 'person' | 'organization', id: number) {
  return stack.simulator!.contactData(kind, id).map((row) => {
    const { id: _id, contact_type, comment, ...rest } = row as Record<string, unknown>;
    const data = Object.fromEntries(Object.entries(rest).filter(([key]) => !/^field_\d+$/.test(key) && key !== 'display'));
    return { type: contact_type, comment, data };
  });
}
