export * from './contact';
export * from './record';
export { countryCode, countryName } from './country';
export { comparableKey, keyOfStored } from './key';
export { normalizeContact, type NormalizeOptions, type NormalizeResult, type SkippedValue } from './normalize';
export type { SkipReason } from './outcome';
