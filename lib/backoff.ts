/** Shared by every retry loop: real sleeping, and "equal jitter" (half the step fixed, half random). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A step of exponential backoff with equal jitter: between half and all of `step`. */
export function equalJitter(step: number, random: () => number): number {
  return Math.round(step / 2 + (random() * step) / 2);
}
