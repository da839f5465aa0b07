import { equalJitter } from '../backoff';
import { DeskproAuthError, DeskproRateLimitedError, DeskproRejectedError } from '../deskpro/errors';

/** What to do with a record whose delivery threw. */
export type Disposition =
  | { readonly action: 'retry'; readonly delaySeconds: number; readonly reason: string }
  | { readonly action: 'dead-letter'; readonly reason: string };

export interface RetryPolicy {
  /** First backoff step; doubles per receive. */
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseSeconds: 30, maxSeconds: 900 };
// SQS refuses a visibility timeout above 12 hours.
const SQS_MAX_VISIBILITY_SECONDS = 43_200;

/**
 * Error → retry later or dead-letter now. A refused record can never succeed, so it goes to the
 * DLQ at once with its reason; a rate limit waits for the window to reset (plus a little jitter
 * so a backlog does not stampede); a refused API key waits the longest step; anything else — 5xx,
 * timeouts, network, our own bugs — backs off exponentially with jitter from the receive count
 * until SQS's maxReceiveCount.
 */
export function dispositionOf(error: unknown, receiveCount: number, now: Date, policy: RetryPolicy, random: () => number): Disposition {
  if (error instanceof DeskproRejectedError) {
    return { action: 'dead-letter', reason: `deskpro_rejected:${error.errorCode}` };
  }
  if (error instanceof DeskproRateLimitedError) {
    const wait = Math.ceil((error.resetAt.getTime() - now.getTime()) / 1000);
    const delaySeconds = Math.min(SQS_MAX_VISIBILITY_SECONDS, Math.max(0, wait) + Math.round(random() * 5));
    return { action: 'retry', delaySeconds, reason: 'rate_limited' };
  }
  if (error instanceof DeskproAuthError) {
    // Every record fails alike until an operator fixes the key: wait the longest step each time,
    // so they get hours, not minutes, before records reach the DLQ.
    return { action: 'retry', delaySeconds: equalJitter(policy.maxSeconds, random), reason: `deskpro_auth:${error.errorCode}` };
  }
  const reason = error instanceof Error ? error.name : 'unknown';
  return { action: 'retry', delaySeconds: backoffSeconds(receiveCount, policy, random), reason };
}

/** Equal-jitter exponential backoff: half the step fixed, half random. */
export function backoffSeconds(receiveCount: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, receiveCount - 1));
  return Math.min(SQS_MAX_VISIBILITY_SECONDS, equalJitter(step, random));
}
