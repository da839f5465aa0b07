import { errorForResponse } from './classify';
import { DeskproDeadlineError, DeskproRateLimitedError, DeskproUnavailableError } from './errors';
import { equalJitter, sleep } from '../backoff';
import { RateGate } from './rate-gate';

export interface DeskproClientOptions {
  /** Helpdesk base URL, e.g. `https://support.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** `<keyId>:<code>` (deskpro-api.md §2.1 "Authentication"). */
  apiKey: string;
  /** Needed only for keys not bound to an agent. */
  agentId?: number | string;
  fetch?: typeof fetch;
  /** Per attempt, covering the response body too. */
  timeoutMs?: number;
  /** Share one gate between every client of a process. */
  gate?: RateGate;
  /** How long a call may wait for a closed gate before it throws `DeskproRateLimitedError`. */
  maxInlineWaitMs?: number;
  /** Extra attempts for a GET that ends in `DeskproUnavailableError`; POSTs are never retried. */
  getRetries?: number;
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): jitter for the GET backoff. */
  random?: () => number;
  /**
   * Epoch ms by which every call must be answered (the Lambda invocation's end, less a margin):
   * timeouts, gate waits and GET retries shrink to fit, and no call starts without time to finish.
   */
  deadline?: number;
}

/** Less time than this left before the deadline: a call is not started at all. */
const MIN_CALL_MS = 1_000;

export interface DeskproResponse {
  readonly status: number;
  readonly body: unknown;
}

/** GET backoff: ~100 ms doubling per retry, jittered between half and all of it. */
const GET_BACKOFF = { baseMs: 100, factor: 2, maxMs: 2_000 } as const;

/**
 * The request layer: gate → fetch (form bodies, timeout, no redirects) → observe the rate-limit
 * headers of every answer → one function sorts statuses into typed errors → GETs retried in-process.
 * POSTs are never retried here: a lost answer may hide a created row (Deskpro never deduplicates,
 * §3.2), so the caller re-reads before trying again.
 */
export class DeskproTransport {
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly gate: RateGate;
  private readonly maxInlineWaitMs: number;
  private readonly getRetries: number;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly deadline: number;

  constructor(options: DeskproClientOptions) {
    this.baseUrl = checkedBaseUrl(options.baseUrl);
    if (!/^\d+:\S+$/.test(options.apiKey)) throw new Error('Deskpro apiKey must be "<keyId>:<code>"');
    this.headers = { 'X-DeskPRO-API-Key': options.apiKey, Accept: 'application/json' };
    if (options.agentId !== undefined) this.headers['X-DeskPRO-Agent-ID'] = String(options.agentId);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? sleep;
    this.random = options.random ?? Math.random;
    this.gate = options.gate ?? new RateGate({ clock: this.clock, sleep: this.sleep });
    this.maxInlineWaitMs = options.maxInlineWaitMs ?? 5_000;
    this.getRetries = options.getRetries ?? 2;
    this.deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  }

  async get(path: string, query?: URLSearchParams): Promise<DeskproResponse> {
    for (let retry = 0; ; retry++) {
      try {
        return await this.send('GET', path, query);
      } catch (error) {
        if (!(error instanceof DeskproUnavailableError) || retry >= this.getRetries) throw error;
        const pauseMs = this.backoffMs(retry);
        if (this.remainingMs() - pauseMs < MIN_CALL_MS) throw error;
        await this.sleep(pauseMs);
      }
    }
  }

  post(path: string, form: URLSearchParams): Promise<DeskproResponse> {
    return this.send('POST', path, form);
  }

  private async send(method: 'GET' | 'POST', path: string, params?: URLSearchParams): Promise<DeskproResponse> {
    const route = `${method} ${path}`;
    if (this.remainingMs() < MIN_CALL_MS) throw new DeskproDeadlineError(route);
    await this.gate.acquire(Math.min(this.maxInlineWaitMs, this.remainingMs() - MIN_CALL_MS));
    const timeoutMs = Math.max(1, Math.min(this.timeoutMs, this.remainingMs()));

    const encoded = method === 'GET' ? (params?.toString() ?? '') : '';
    const query = encoded ? `?${encoded}` : '';
    const headers = { ...this.headers };
    if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(`${this.baseUrl}${path}${query}`, {
        method,
        headers,
        body: method === 'POST' ? (params ?? new URLSearchParams()).toString() : undefined,
        redirect: 'manual',
        signal,
      });
      this.gate.observe(response.headers, this.clock());
      text = await response.text();
    } catch (error) {
      // No answer to a write: it may still be applied, and the caller must not re-read at once.
      throw new DeskproUnavailableError(`${route} ${failure(error, signal, timeoutMs)}`, undefined, { outcomeUnknown: method === 'POST' });
    }

    const body = parseJson(text);
    if (response.status >= 200 && response.status < 300) return { status: response.status, body };
    const error = errorForResponse(response.status, body, response.headers, route, this.clock());
    if (error instanceof DeskproRateLimitedError) this.gate.closeUntil(error.resetAt);
    throw error;
  }

  private remainingMs(): number {
    return this.deadline - this.clock().getTime();
  }

  private backoffMs(retry: number): number {
    const capMs = Math.min(GET_BACKOFF.maxMs, GET_BACKOFF.baseMs * GET_BACKOFF.factor ** retry);
    return equalJitter(capMs, this.random);
  }
}

function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error('Deskpro baseUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Deskpro baseUrl must be an absolute http(s) URL');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Why no answer came, without the URL (its query may hold an email) or the raw cause. */
function failure(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  // Duck-typed: fetch's errors may come from another realm (e.g. under jest), where instanceof fails.
  const { name, cause } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; cause?: { code?: unknown } };
  if (signal.aborted || name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  return typeof cause?.code === 'string' ? `failed: network error (${cause.code})` : 'failed: network error';
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
