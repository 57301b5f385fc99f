import { StatsInputError } from './input-error.js';
import { normalQuantile } from './normal.js';

/**
 * Where the spread of the per-pair differences comes from:
 * - `{ sd }`: the observed standard deviation of the paired differences (continuous metrics, or a
 *   binary metric's d_i ∈ {−1, 0, 1} — see `pairedDifferenceSd`);
 * - `{ rate }`: a binary metric with only its rate known (no pairing information yet); assumes the two
 *   sides' outcomes are independent with the same rate p, so Var(d) = 2·p·(1 − p). Positively
 *   correlated models (the usual case) have a smaller variance, so this errs towards a larger MDE.
 */
export type EffectSpread = { sd: number } | { rate: number };

export interface MinimumDetectableEffectOptions {
  /** One-sided significance level, default 0.05. */
  alpha?: number;
  /** Power, default 0.8. */
  power?: number;
}

export interface MinimumDetectableEffect {
  /** Smallest true mean difference a one-sided test at `alpha` detects with probability `power`. */
  effect: number;
  n: number;
  alpha: number;
  power: number;
  /** The standard deviation of one paired difference that was used. */
  sd: number;
  assumption: 'observed-sd' | 'independent-binary';
}

/**
 * Minimum detectable effect of a paired one-sided test at n pairs, by the normal approximation
 * (e.g. Chow, Shao & Wang, Sample Size Calculations in Clinical Research, 2nd ed., §3.1):
 *
 *   MDE = (z₁₋α + z_power) · sd / √n.
 *
 * With the `{ rate }` spread, sd = √(2p(1−p)): at p = 0.8, n = 116, α = 0.05 one-sided, power 0.8,
 * MDE = (1.6449 + 0.8416)·√(0.32/116) ≈ 0.131 — "device-tablet: n=116, a drop must exceed ≈0.13 to be
 * detectable at alpha 0.05". It is an approximation for planning and for explaining a slice the gate
 * cannot judge; the tests themselves are exact or resampled.
 */
export function minimumDetectableEffect(
  n: number,
  spread: EffectSpread,
  options: MinimumDetectableEffectOptions = {},
): MinimumDetectableEffect {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new StatsInputError('invalid-count', `n must be a positive integer, got ${n}`);
  }
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
    throw new StatsInputError('invalid-option', `alpha and power must be in (0, 1), got ${alpha}, ${power}`);
  }
  let sd: number;
  let assumption: MinimumDetectableEffect['assumption'];
  if ('rate' in spread) {
    const p = spread.rate;
    if (!(p >= 0 && p <= 1)) throw new StatsInputError('invalid-option', `rate must be in [0, 1], got ${p}`);
    sd = Math.sqrt(2 * p * (1 - p));
    assumption = 'independent-binary';
  } else {
    sd = spread.sd;
    if (!(Number.isFinite(sd) && sd >= 0)) {
      throw new StatsInputError('invalid-option', `sd must be finite and ≥ 0, got ${sd}`);
    }
    assumption = 'observed-sd';
  }
  const effect = ((normalQuantile(1 - alpha) + normalQuantile(power)) * sd) / Math.sqrt(n);
  return { effect, n, alpha, power, sd, assumption };
}

/**
 * Sample standard deviation (n − 1 denominator) of the paired differences candidate − baseline; for
 * binary outcomes pass the 0/1 values. Needs at least 2 pairs.
 */
export function pairedDifferenceSd(baseline: ArrayLike<number>, candidate: ArrayLike<number>): number {
  const n = baseline.length;
  if (n !== candidate.length) {
    throw new StatsInputError(
      'length-mismatch',
      `paired samples must have equal length: ${n} vs ${candidate.length}`,
    );
  }
  if (n < 2) throw new StatsInputError('empty', 'a standard deviation needs at least two pairs');
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const d = candidate[i]! - baseline[i]!;
    if (!Number.isFinite(d)) throw new StatsInputError('not-finite', `sample ${i} has a non-finite value`);
    mean += d;
  }
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (candidate[i]! - baseline[i]! - mean) ** 2;
  return Math.sqrt(squares / (n - 1));
}
