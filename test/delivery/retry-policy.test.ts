import { backoffSeconds, dispositionOf, TimeBudgetError } from '../../lib/delivery/retry-policy';
import { DeskproAuthError, DeskproDeadlineError, DeskproNotFoundError, DeskproRateLimitedError, DeskproRejectedError, DeskproUnavailableError } from '../../lib/deskpro/errors';

const policy = { baseSeconds: 30, maxSeconds: 900, giveUpAfterSeconds: 6 * 3600, minReceives: 10, maxWaitSeconds: 12 * 86_400, settleSeconds: 60 };
const now = new Date('2026-12-03T12:00:00Z');
const attempt = (receiveCount: number, minutesAgo = 1) => ({ receiveCount, queuedAt: new Date(now.getTime() - minutesAgo * 60_000) });

describe('backoffSeconds', () => {
  it('doubles per receive, half fixed and half random', () => {
    expect(backoffSeconds(1, policy, () => 0)).toBe(15);
    expect(backoffSeconds(1, policy, () => 1)).toBe(30);
    expect(backoffSeconds(2, policy, () => 0)).toBe(30);
    expect(backoffSeconds(3, policy, () => 0.5)).toBe(90);
  });

  it('stops growing at maxSeconds', () => {
    expect(backoffSeconds(6, policy, () => 1)).toBe(900);
    expect(backoffSeconds(30, policy, () => 1)).toBe(900);
  });
});

describe('dispositionOf', () => {
  it('sends a record Deskpro refused to the DLQ with the error code as reason', () => {
    const error = new DeskproRejectedError('invalid_argument.data', 'all fields empty', 400);
    expect(dispositionOf(error, attempt(1), now, policy, () => 0)).toEqual({ action: 'dead-letter', reason: 'deskpro_rejected:invalid_argument.data' });
  });

  it('waits out a rate limit until its reset, plus jitter of at most 5 s', () => {
    const error = new DeskproRateLimitedError(new Date('2026-12-03T12:10:00Z'), 429);
    expect(dispositionOf(error, attempt(1), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 600, reason: 'rate_limited' });
    expect(dispositionOf(error, attempt(1), now, policy, () => 1)).toEqual({ action: 'retry', delaySeconds: 605, reason: 'rate_limited' });
  });

  it('keeps a rate-limited record waiting however many receives it took, until weeks have passed', () => {
    const error = new DeskproRateLimitedError(new Date('2026-12-03T12:10:00Z'), 429);
    expect(dispositionOf(error, attempt(200, 7 * 24 * 60), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 600, reason: 'rate_limited' });
    expect(dispositionOf(error, attempt(300, 13 * 24 * 60), now, policy, () => 0)).toEqual({ action: 'dead-letter', reason: 'waited_too_long:rate_limited' });
  });

  it('keeps clear of SQS\'s 12-hour visibility maximum', () => {
    const error = new DeskproRateLimitedError(new Date('2026-12-05T12:00:00Z'), 429);
    expect(dispositionOf(error, attempt(1), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 42_000, reason: 'rate_limited' });
  });

  it('backs off a record not begun for lack of time, and ages it out like a wait', () => {
    expect(dispositionOf(new TimeBudgetError(), attempt(3), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 60, reason: 'time_budget' });
    expect(dispositionOf(new TimeBudgetError(), attempt(900, 13 * 24 * 60), now, policy, () => 0)).toEqual({ action: 'dead-letter', reason: 'waited_too_long:time_budget' });
    // A call the client did not send for lack of time is the same thing, not a Deskpro outage.
    expect(dispositionOf(new DeskproDeadlineError('GET /api/people'), attempt(3), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 60, reason: 'time_budget' });
  });

  it('backs off exponentially on 5xx, timeouts and 404s', () => {
    expect(dispositionOf(new DeskproUnavailableError('503', 503), attempt(3), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 60, reason: 'DeskproUnavailableError' });
    expect(dispositionOf(new DeskproNotFoundError('404'), attempt(1), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 15, reason: 'DeskproNotFoundError' });
  });

  it('waits at least settleSeconds after a write that got no answer, so it is finished before the re-read', () => {
    const lost = new DeskproUnavailableError('POST timed out', undefined, { outcomeUnknown: true });
    expect(dispositionOf(lost, attempt(1), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 60, reason: 'DeskproUnavailableError' });
    expect(dispositionOf(lost, attempt(5), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 240, reason: 'DeskproUnavailableError' });
  });

  it('waits the longest step on a refused API key, from the first receive, so an operator has hours to fix it', () => {
    expect(dispositionOf(new DeskproAuthError('invalid_auth', 401), attempt(1), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 450, reason: 'deskpro_auth:invalid_auth' });
    expect(dispositionOf(new DeskproAuthError('invalid_auth', 401), attempt(1), now, policy, () => 1)).toEqual({ action: 'retry', delaySeconds: 900, reason: 'deskpro_auth:invalid_auth' });
  });

  it('gives a failing record up to the DLQ, with its last reason, once it is older than giveUpAfterSeconds and received minReceives times', () => {
    expect(dispositionOf(new DeskproUnavailableError('503', 503), attempt(40, 5 * 60), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 450, reason: 'DeskproUnavailableError' });
    expect(dispositionOf(new DeskproUnavailableError('503', 503), attempt(41, 6 * 60 + 1), now, policy, () => 0)).toEqual({ action: 'dead-letter', reason: 'retries_exhausted:DeskproUnavailableError' });
    // Queued long ago but barely tried (it waited out a backlog): not given up on its first failures.
    expect(dispositionOf(new DeskproUnavailableError('503', 503), attempt(9, 8 * 60), now, policy, () => 0)).toEqual({ action: 'retry', delaySeconds: 450, reason: 'DeskproUnavailableError' });
    expect(dispositionOf(new DeskproAuthError('invalid_auth', 401), attempt(30, 7 * 60), now, policy, () => 0)).toEqual({ action: 'dead-letter', reason: 'retries_exhausted:deskpro_auth:invalid_auth' });
  });

  it('retries an unexpected error rather than dropping the record', () => {
    expect(dispositionOf(new TypeError('bug'), attempt(2), now, policy, () => 1)).toEqual({ action: 'retry', delaySeconds: 60, reason: 'TypeError' });
  });
});
