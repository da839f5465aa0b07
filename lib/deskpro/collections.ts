/**
 * Legacy collections (`people`, `organizations`, `details`, `contact_data`) are PHP arrays indexed
 * by id: a JSON object keyed by id, or `[]` when empty (deskpro-api.md §2.1 "Collections keyed by
 * id"). Returns the items in either form, or undefined when the value is neither.
 */
export function collectionItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) return Object.values(value);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A positive integer id, from a number or a digit string (PHP may send either). */
export function toId(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
