/** Errors a webhook call can end in; lib/webhook/respond.ts alone turns them into HTTP statuses. */
export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/** Missing, malformed, stale or wrong signature / credentials (401). */
export class SignatureError extends SourceError {
  constructor(message: string) {
    super(message);
    this.name = 'SignatureError';
  }
}

/** The body does not parse or does not match the source's schema (400). */
export class PayloadError extends SourceError {
  constructor(
    message: string,
    readonly details: ReadonlyArray<{ path: string; message: string }> = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PayloadError';
  }
}

/** No source by that name, or its secret is not configured (404). */
export class UnknownSourceError extends SourceError {
  constructor(readonly source: string, readonly reason: 'unknown' | 'not_configured') {
    super(reason === 'unknown' ? `no webhook source named "${source}"` : `source "${source}" is not configured`);
    this.name = 'UnknownSourceError';
  }
}

/** The request body is over the size limit (413). */
export class PayloadTooLargeError extends SourceError {
  constructor(readonly limitBytes: number) {
    super(`request body is larger than ${limitBytes} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/** One call would queue more records than a webhook may (413): the caller should split it. */
export class TooManyRecordsError extends SourceError {
  constructor(readonly records: number, readonly limit: number) {
    super(`the payload holds ${records} records; send at most ${limit} per call`);
    this.name = 'TooManyRecordsError';
  }
}

/** The content type is not one this source sends (415). */
export class UnsupportedMediaTypeError extends SourceError {
  constructor(readonly received: string | undefined, readonly expected: readonly string[]) {
    super(`content type ${received ? `"${received}"` : '(none)'} is not accepted; send ${expected.join(' or ')}`);
    this.name = 'UnsupportedMediaTypeError';
  }
}
