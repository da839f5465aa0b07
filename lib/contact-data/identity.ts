/**
 * How a Deskpro target is identified, in one place for the queue (group ids) and the Deskpro
 * client (exact matching): two spellings that match the same target must share a FIFO group.
 */

/** People are matched by email, case-insensitively. */
export function foldEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Organizations are matched by name: Unicode-normalized, trimmed, whitespace collapsed, case-folded. */
export function foldName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
