import { sleep } from '../backoff';
import { DeskproRateLimitedError } from './errors';

/** The part of `Headers` the gate reads (fetch's `Headers` satisfies it). */
export interface HeaderSource {
  get(name: string): string | null;
}

export interface RateGateOptions {
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}


const DEFAULT_RETRY_MS = 60_000;
/** A reset already in the past (clock skew) still keeps the gate shut this long after a 429. */
const MIN_RETRY_MS = 1_000;
/**
 * No answer may shut the gate for longer than this: Deskpro's windows are an hour (v2 keys may
 * have a daily limit), and a garbled header must not stop a worker for ages.
 */
const MAX_RETRY_MS = 24 * 3_600_000;

/**
 * Deskpro's legacy rate limit is one fixed window per API key (deskpro-api.md §3.1). One gate is
 * shared by everything one process has in flight: once the window is spent, nothing more is sent
 * until it resets, so a backlog drains without a storm of 429s.
 */
export class RateGate {
  private closedUntilMs = 0;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: RateGateOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? sleep;
  }

  /** When the gate opens again, or undefined while it is open. */
  openAt(now: Date = this.clock()): Date | undefined {
    return this.closedUntilMs > now.getTime() ? new Date(this.closedUntilMs) : undefined;
  }

  /** Reads `X-RateLimit-Remaining` / `X-RateLimit-Reset` (Unix seconds) from any response. */
  observe(headers: HeaderSource, now: Date = this.clock()): void {
    const remaining = integerHeader(headers.get('x-ratelimit-remaining'));
    const resetMs = resetHeaderMs(headers.get('x-ratelimit-reset'), now);
    if (remaining === undefined || remaining > 0 || resetMs === undefined) return;
    if (resetMs > now.getTime()) this.closeUntil(new Date(resetMs));
  }

  /** Closes the gate until `date`; an earlier date never shortens a closure already in place. */
  closeUntil(date: Date): void {
    this.closedUntilMs = Math.max(this.closedUntilMs, date.getTime());
  }

  /**
   * Resolves at once while open; sleeps until the reset when that is at most `maxWaitMs` away;
   * otherwise throws `DeskproRateLimitedError` so the caller can requeue instead of waiting.
   */
  async acquire(maxWaitMs: number): Promise<void> {
    let budgetMs = maxWaitMs;
    for (;;) {
      const until = this.closedUntilMs;
      const waitMs = until - this.clock().getTime();
      if (waitMs <= 0) return;
      if (waitMs > budgetMs) throw new DeskproRateLimitedError(new Date(until));
      await this.sleep(waitMs);
      // Nothing closed the gate further while we slept: the wait covered it.
      if (this.closedUntilMs === until) return;
      budgetMs -= waitMs;
    }
  }
}

/**
 * When a 429 lets us try again: `X-RateLimit-Reset` (what legacy Deskpro sends, §3.1), else
 * `Retry-After` in seconds or as an HTTP date, else a minute from now.
 */
export function rateLimitResetAt(headers: HeaderSource, now: Date): Date {
  const within = (ms: number) => new Date(Math.min(Math.max(ms, now.getTime() + MIN_RETRY_MS), now.getTime() + MAX_RETRY_MS));
  const resetMs = resetHeaderMs(headers.get('x-ratelimit-reset'), now);
  if (resetMs !== undefined) return within(resetMs);
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d{1,9}$/.test(retryAfter)) return within(now.getTime() + Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return within(date);
  }
  return new Date(now.getTime() + DEFAULT_RETRY_MS);
}

/**
 * `X-RateLimit-Reset` as epoch ms: Unix seconds as Deskpro sends them, milliseconds tolerated,
 * and never further away than MAX_RETRY_MS (a huge or garbled value must not shut the gate for ages).
 */
function resetHeaderMs(value: string | null, now: Date): number | undefined {
  const reset = integerHeader(value);
  if (reset === undefined || !Number.isSafeInteger(reset)) return undefined;
  const ms = reset > 100_000_000_000 ? reset : reset * 1000;
  return Math.min(ms, now.getTime() + MAX_RETRY_MS);
}

function integerHeader(value: string | null): number | undefined {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
