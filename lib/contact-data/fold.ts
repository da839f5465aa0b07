/**
 * Folds free text for comparison only (never for output): no case, no accents, and every run of
 * punctuation or whitespace becomes one space, so "12 Main St." and "12  main st" compare equal.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
