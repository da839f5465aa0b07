import { equalJitter } from '../backoff';
import { DeskproAuthError, DeskproDeadlineError, DeskproRateLimitedError, DeskproRejectedError, DeskproUnavailableError } from '../deskpro/errors';

/** What to do with a record whose delivery did not end. */
export type Disposition =
  | { readonly action: 'retry'; readonly delaySeconds: number; readonly reason: string }
  | { readonly action: 'dead-letter'; readonly reason: string };

export interface RetryPolicy {
  /** First backoff step; doubles per receive. */
  readonly baseSeconds: number;
  readonly maxSeconds: number;
  /** A record still failing this long after it was queued, and received at least `minReceives` times, goes to the DLQ with its last reason. */
  readonly giveUpAfterSeconds: number;
  /**
   * A stopgap so a record that waited out a short backlog is not given up on its first failure.
   * SQS counts waits as receives too, so after a backlog of more than ~10 rate-limit windows a
   * record older than giveUpAfterSeconds is still given up on its first failure (README, Known limits).
   */
  readonly minReceives: number;
  /** A record still waiting (rate limit, or not begun for lack of time) this long after it was queued goes to the DLQ, before SQS's retention could drop it. */
  readonly maxWaitSeconds: number;
  /** The least wait after a write that got no answer, so Deskpro has finished it before we re-read. */
  readonly settleSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseSeconds: 30,
  maxSeconds: 900,
  giveUpAfterSeconds: 6 * 3600,
  minReceives: 10,
  maxWaitSeconds: 12 * 86_400,
  settleSeconds: 60,
};

/** Where a record stands: how often SQS handed it out and when it was first queued. */
export interface Attempt {
  readonly receiveCount: number;
  readonly queuedAt: Date;
}

// SQS refuses to keep a message invisible beyond 12 hours after it was received; keep clear of it.
const SQS_MAX_VISIBILITY_SECONDS = 42_000;

/** A record not begun because the invocation was running out of time: not its fault, not Deskpro's. */
export class TimeBudgetError extends Error {
  constructor() {
    super('not enough invocation time left to begin this record');
    this.name = 'TimeBudgetError';
  }
}

/**
 * Error → retry later or dead-letter now, with the reason in both cases:
 * - refused by Deskpro (400 and kin): can never succeed, DLQ at once;
 * - rate limited: wait for the window to reset, plus up to 5 s of jitter so a backlog does not
 *   stampede; only a record waiting for 12 days is given up;
 * - a refused API key: the longest step each time, so an operator has hours to fix it;
 * - not begun for lack of invocation time: backoff, aged out like a rate-limit wait;
 * - anything else (5xx, timeouts, 404, our own bugs): exponential backoff with jitter, at least
 *   `settleSeconds` after a write that got no answer, until `giveUpAfterSeconds` and `minReceives`.
 * Giving up by age, not by SQS's receive count, is deliberate: every receive counts there,
 * including rate-limit waits and waits behind a failed record of the same group.
 */
export function dispositionOf(error: unknown, attempt: Attempt, now: Date, policy: RetryPolicy, random: () => number): Disposition {
  const ageSeconds = (now.getTime() - attempt.queuedAt.getTime()) / 1000;
  if (error instanceof DeskproRejectedError) {
    return { action: 'dead-letter', reason: `deskpro_rejected:${error.errorCode}` };
  }
  if (error instanceof TimeBudgetError || error instanceof DeskproDeadlineError) {
    if (ageSeconds > policy.maxWaitSeconds) return { action: 'dead-letter', reason: 'waited_too_long:time_budget' };
    return { action: 'retry', delaySeconds: backoffSeconds(attempt.receiveCount, policy, random), reason: 'time_budget' };
  }
  if (error instanceof DeskproRateLimitedError) {
    if (ageSeconds > policy.maxWaitSeconds) return { action: 'dead-letter', reason: 'waited_too_long:rate_limited' };
    const wait = Math.ceil((error.resetAt.getTime() - now.getTime()) / 1000);
    const delaySeconds = Math.min(SQS_MAX_VISIBILITY_SECONDS, Math.max(0, wait) + Math.round(random() * 5));
    return { action: 'retry', delaySeconds, reason: 'rate_limited' };
  }
  const reason = error instanceof DeskproAuthError ? `deskpro_auth:${error.errorCode}` : error instanceof Error ? error.name : 'unknown';
  if (ageSeconds > policy.giveUpAfterSeconds && attempt.receiveCount >= policy.minReceives) {
    return { action: 'dead-letter', reason: `retries_exhausted:${reason}` };
  }
  if (error instanceof DeskproAuthError) {
    // Every record fails alike until an operator fixes the key: wait the longest step each time.
    return { action: 'retry', delaySeconds: equalJitter(policy.maxSeconds, random), reason };
  }
  const backoff = backoffSeconds(attempt.receiveCount, policy, random);
  const settled = error instanceof DeskproUnavailableError && error.outcomeUnknown ? Math.max(backoff, policy.settleSeconds) : backoff;
  return { action: 'retry', delaySeconds: settled, reason };
}

/** Equal-jitter exponential backoff: half the step fixed, half random. */
export function backoffSeconds(receiveCount: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, receiveCount - 1));
  return Math.min(SQS_MAX_VISIBILITY_SECONDS, equalJitter(step, random));
}
