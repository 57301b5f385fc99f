import {
  type Alternative,
  bootstrapPValue,
  checkAlternative,
  DEFAULT_MIN_PAIRS,
  type InsufficientPairs,
  tooFewPairs,
} from './hypothesis.js';
import { checkConfidence, checkPairedLengths, StatsInputError } from './input-error.js';
import { normalQuantile } from './normal.js';
import { Rng } from './rng.js';

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_BOOTSTRAP_SEED = 1;

export interface PairedMeanResult {
  test: 'paired-bootstrap';
  intervalMethod: 'percentile';
  n: number;
  meanBaseline: number;
  meanCandidate: number;
  /** meanCandidate − meanBaseline, the mean of the per-sample differences. */
  difference: number;
  interval: [number, number];
  confidence: number;
  resamples: number;
  seed: number;
  /** The alternative `pValue` tests; `two-sided` unless asked otherwise. */
  alternative: Alternative;
  /**
   * Bootstrap p-value of H0: difference = 0 against `alternative` (see `bootstrapPValue`): two-sided at
   * least 2 / (resamples + 1), one-sided at least 1 / (resamples + 1).
   */
  pValue: number;
  /** Standard deviation of the resampled mean differences (the bootstrap standard error). */
  standardError: number;
  /**
   * Approximate Monte-Carlo standard error of each interval bound, i.e. how much the bounds would move
   * with another seed. It shrinks like 1/√resamples and does not depend on n beyond `standardError`.
   */
  monteCarloError: number;
}

export interface PairedBootstrapOptions {
  /** Number of bootstrap resamples, an integer ≥ 100; default 2000. */
  resamples?: number;
  /** Confidence level of the interval, default 0.95. */
  confidence?: number;
  /** PRNG seed (integer in [0, 2^53)); default 1 so that the same evidence always gives the same verdict. */
  seed?: number;
  /**
   * About candidate − baseline; default `two-sided`. `less` gives the one-sided p-value that the
   * candidate's mean is lower (worse for a higher-is-better metric): (1 + #{mean* ≥ 0}) / (R + 1).
   */
  alternative?: Alternative;
}

export const MIN_RESAMPLES = 100;

/**
 * Paired nonparametric bootstrap of the mean difference candidate − baseline (Efron & Tibshirani 1993,
 * An Introduction to the Bootstrap, ch. 13, percentile interval). Samples are resampled as pairs, i.e.
 * the per-sample differences are resampled, which keeps the pairing that makes the comparison sharp.
 *
 * Cost is O(resamples × n) time and O(n + resamples) memory: the differences and the resampled means;
 * each resample's indices are drawn and summed on the fly (`Rng.sumOfDraws`), nothing allocated per
 * resample. Values must be finite; throws StatsInputError `empty` for zero pairs, `length-mismatch`,
 * `not-finite` or `invalid-option` otherwise.
 */
export function pairedBootstrap(
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
  options: PairedBootstrapOptions = {},
): PairedMeanResult {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
  const alternative = options.alternative ?? 'two-sided';
  checkResamples(resamples);
  checkAlternative(alternative);
  checkConfidence(confidence);
  checkPairedLengths(baseline, candidate);
  const rng = new Rng(seed);

  const n = baseline.length;
  const differences = new Float64Array(n);
  let sumBaseline = 0;
  let sumCandidate = 0;
  let sumDifference = 0;
  for (let i = 0; i < n; i++) {
    const x = baseline[i]!;
    const y = candidate[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new StatsInputError(
        'not-finite',
        `sample ${i} has a non-finite value (baseline ${x}, candidate ${y})`,
      );
    }
    sumBaseline += x;
    sumCandidate += y;
    const difference = y - x;
    differences[i] = difference;
    sumDifference += difference;
  }
  if (!Number.isFinite(sumBaseline) || !Number.isFinite(sumCandidate) || !Number.isFinite(sumDifference)) {
    throw new StatsInputError('not-finite', 'values are too large to average in double precision');
  }
  const difference = sumDifference / n;

  const means = new Float64Array(resamples);
  let atOrBelowZero = 0;
  let atOrAboveZero = 0;
  let sumMeans = 0;
  for (let r = 0; r < resamples; r++) {
    const mean = rng.sumOfDraws(differences, n) / n;
    means[r] = mean;
    sumMeans += mean;
    if (mean <= 0) atOrBelowZero++;
    if (mean >= 0) atOrAboveZero++;
  }

  let squares = 0;
  const centre = sumMeans / resamples;
  for (let r = 0; r < resamples; r++) squares += (means[r]! - centre) ** 2;
  const standardError = Math.sqrt(squares / (resamples - 1));

  means.sort();
  const alpha = 1 - confidence;
  const interval: [number, number] = [quantileSorted(means, alpha / 2), quantileSorted(means, 1 - alpha / 2)];

  // The +1 correction (North, Curtis & Sham 2002, Am J Hum Genet 71:439) counts the observed sample as one
  // of the resamples, so a finite number of resamples never claims p = 0.
  const pValue = bootstrapPValue(atOrBelowZero, atOrAboveZero, resamples, alternative);

  return {
    test: 'paired-bootstrap',
    intervalMethod: 'percentile',
    n,
    meanBaseline: sumBaseline / n,
    meanCandidate: sumCandidate / n,
    difference,
    interval,
    confidence,
    resamples,
    seed,
    alternative,
    pValue,
    standardError,
    monteCarloError: percentileMonteCarloError(standardError, resamples, confidence),
  };
}

export function checkResamples(resamples: number): void {
  if (!Number.isSafeInteger(resamples) || resamples < MIN_RESAMPLES) {
    throw new StatsInputError(
      'invalid-option',
      `resamples must be an integer ≥ ${MIN_RESAMPLES}, got ${resamples}`,
    );
  }
}

export interface PairedMeanTestOptions extends PairedBootstrapOptions {
  /** Below this many pairs the result is `insufficient` instead of a p-value; default 10. */
  minPairs?: number;
}

/**
 * `pairedBootstrap` behind the `minPairs` guard, for the gate: n < minPairs returns `insufficient`
 * (a bootstrap of 1–2 pairs can report p = 0.001, which means nothing). Options as `pairedBootstrap`;
 * a length mismatch is still thrown before the guard, other malformed input as `pairedBootstrap` does.
 */
export function pairedMeanTest(
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
  options: PairedMeanTestOptions = {},
): (PairedMeanResult & { status: 'ok' }) | InsufficientPairs {
  if (baseline.length !== candidate.length) checkPairedLengths(baseline, candidate);
  const guard = tooFewPairs(baseline.length, options.minPairs ?? DEFAULT_MIN_PAIRS);
  if (guard) return guard;
  return { status: 'ok', ...pairedBootstrap(baseline, candidate, options) };
}

/**
 * Approximate Monte-Carlo standard error of a percentile-interval bound: the sample q-quantile of R draws
 * has standard error √(q(1−q)/R) / f(ξ_q), and with the bootstrap distribution close to normal with
 * standard deviation `standardError`, f(ξ_q) = φ(z_q) / standardError. Callers can compare it to the
 * smallest effect they act on to decide whether `resamples` was enough.
 */
export function percentileMonteCarloError(
  standardError: number,
  resamples: number,
  confidence: number,
): number {
  checkConfidence(confidence);
  if (
    !(Number.isFinite(standardError) && standardError >= 0) ||
    !Number.isSafeInteger(resamples) ||
    resamples < 1
  ) {
    throw new StatsInputError(
      'invalid-option',
      `need a finite standard error ≥ 0 and a positive resample count, got ${standardError} and ${resamples}`,
    );
  }
  const q = (1 - confidence) / 2;
  const z = normalQuantile(q);
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return (standardError * Math.sqrt((q * (1 - q)) / resamples)) / density;
}

/** Linear interpolation between order statistics (Hyndman & Fan 1996 type 7, R's default). */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const weight = position - below;
  return sorted[below]! + weight * (sorted[above]! - sorted[below]!);
}
