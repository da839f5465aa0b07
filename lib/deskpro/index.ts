// The Deskpro side as the rest of the service uses it: the client, its gate, its errors, its types.
export { DeskproClient, type DeskproClientOptions } from './client';
export {
  DeskproAuthError,
  DeskproDeadlineError,
  DeskproError,
  DeskproNotFoundError,
  DeskproRateLimitedError,
  DeskproRejectedError,
  DeskproUnavailableError,
} from './errors';
export { RateGate } from './rate-gate';
export type { DeskproApi, DeskproTarget, StoredContactData, TargetKind } from './types';
