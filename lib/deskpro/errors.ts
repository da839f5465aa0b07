/**
 * What a Deskpro call can end in. The worker branches on the class: retry later (RateLimited,
 * Unavailable, NotFound, Deadline), send to the DLQ (Rejected), or wait hours for an operator (Auth).
 */
export class DeskproError extends Error {
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeskproError';
  }
}

/** 429, or the rate-limit window is spent (`X-RateLimit-Remaining: 0`): nothing may be sent before `resetAt`. */
export class DeskproRateLimitedError extends DeskproError {
  constructor(readonly resetAt: Date, status?: number) {
    super(`Deskpro rate limit reached; resets at ${resetAt.toISOString()}`, status);
    this.name = 'DeskproRateLimitedError';
  }
}

/** 5xx, timeout or network failure: the request may or may not have been applied. */
export class DeskproUnavailableError extends DeskproError {
  /**
   * True when a write got no answer from Deskpro itself (timeout, dropped connection, a proxy's
   * 502/504): Deskpro may still be applying it, so re-reading at once could miss it and write the
   * record twice.
   */
  readonly outcomeUnknown: boolean;

  constructor(message: string, status?: number, options?: { cause?: unknown; outcomeUnknown?: boolean }) {
    super(message, status, options);
    this.name = 'DeskproUnavailableError';
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
  }
}

/**
 * 404: the person or organization is gone, or the key lacks the permission (Deskpro answers 404
 * for both, deskpro-api.md §2.1), or DESKPRO_URL points at the wrong place. Often temporary, so
 * the record is retried (it finds its target afresh) rather than dead-lettered at once.
 */
export class DeskproNotFoundError extends DeskproError {
  constructor(message: string) {
    super(message, 404);
    this.name = 'DeskproNotFoundError';
  }
}

/** 400 (or another 4xx that retrying cannot fix): the record itself is refused. */
export class DeskproRejectedError extends DeskproError {
  /** For `400 multiple`: each refused field and its code, e.g. `{ email: 'invalid_argument.email' }`. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(readonly errorCode: string, message: string, status: number, fields: Readonly<Record<string, string>> = {}) {
    super(message, status);
    this.name = 'DeskproRejectedError';
    this.fields = fields;
  }
}

/** The invocation has no time left for a call, so it was not sent: nobody's fault, retried later. */
export class DeskproDeadlineError extends DeskproError {
  constructor(route: string) {
    super(`${route} not sent: no time left in this invocation`);
    this.name = 'DeskproDeadlineError';
  }
}

/** 401/403: the API key or agent is wrong; every record would fail the same way. */
export class DeskproAuthError extends DeskproError {
  constructor(readonly errorCode: string, status: number) {
    super(`Deskpro refused the API key (${errorCode})`, status);
    this.name = 'DeskproAuthError';
  }
}
