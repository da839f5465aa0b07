/**
 * Legacy Deskpro's per-key limit (deskpro-api.md §3.1, `EntityRepository/ApiKey.php`): a fixed
 * window that starts at the first counted request and lasts `windowSeconds`; over the limit the
 * request is refused with 429 and not counted.
 */
export class FixedWindow {
  private hits = 0;
  private resetStamp: number | undefined;

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
  ) {}

  /** Counts one request at `nowSeconds`; `allowed` is false when the window is spent. */
  take(nowSeconds: number): { allowed: boolean; headers: Record<string, string> } {
    this.expire(nowSeconds);
    if (this.hits >= this.limit) return { allowed: false, headers: this.headers(nowSeconds) };
    this.resetStamp ??= nowSeconds + this.windowSeconds;
    this.hits += 1;
    return { allowed: true, headers: this.headers(nowSeconds) };
  }

  /** `GET /api/misc/rate-limit` numbers; an unstarted window reports as if it started now. */
  status(nowSeconds: number): { limit: number; remaining: number; reset_stamp: number } {
    this.expire(nowSeconds);
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.hits),
      reset_stamp: this.resetStamp ?? nowSeconds + this.windowSeconds,
    };
  }

  private headers(nowSeconds: number): Record<string, string> {
    const { limit, remaining, reset_stamp } = this.status(nowSeconds);
    return {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': String(reset_stamp),
    };
  }

  private expire(nowSeconds: number): void {
    if (this.resetStamp !== undefined && this.resetStamp <= nowSeconds) {
      this.hits = 0;
      this.resetStamp = undefined;
    }
  }
}
