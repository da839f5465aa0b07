export { DeskproClient, type DeskproClientOptions } from './client';
export { errorForResponse } from './classify';
export { collectionItems } from './collections';
export {
  DeskproAuthError,
  DeskproError,
  DeskproRateLimitedError,
  DeskproRejectedError,
  DeskproUnavailableError,
} from './errors';
export { contactDataForm, newPersonForm, recordFields, type FormFields } from './form';
export { personEmails } from './match';
export { RateGate, rateLimitResetAt, type HeaderSource, type RateGateOptions } from './rate-gate';
export type { DeskproApi, DeskproTarget, StoredContactData, TargetKind } from './types';
