import { checkConfidence, checkCount, StatsInputError } from './input-error.js';
import { twoSidedCriticalValue } from './normal.js';

export interface ProportionInterval {
  method: 'wilson';
  successes: number;
  n: number;
  estimate: number;
  interval: [number, number];
  confidence: number;
}

/**
 * Wilson score interval (Wilson 1927, JASA 22:209–212) without continuity correction, Newcombe's (1998)
 * method 3. Chosen over the Wald interval because it never leaves [0, 1], is not degenerate at 0 or n
 * successes, and keeps close to nominal coverage for small n — the slices a gate looks at are small.
 * Throws StatsInputError `empty` for n = 0.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  checkCount('successes', successes);
  checkCount('n', n);
  checkConfidence(confidence);
  if (n === 0) {
    throw new StatsInputError('empty', 'no trials: a proportion needs at least one observation');
  }
  if (successes > n) {
    throw new StatsInputError('invalid-count', `successes (${successes}) cannot exceed n (${n})`);
  }
  const [lower, upper] = wilsonBounds(successes, n, twoSidedCriticalValue(confidence));
  return { method: 'wilson', successes, n, estimate: successes / n, interval: [lower, upper], confidence };
}

/** Bounds for already-validated input; shared with the paired-difference interval. */
export function wilsonBounds(successes: number, n: number, z: number): [number, number] {
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes one bound is exactly 0 or 1 in exact arithmetic; pin it so rounding cannot push
  // it outside [0, 1] or leave a spurious 1e-17.
  const lower = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const upper = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return [lower, upper];
}
