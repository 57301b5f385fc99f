import { binomialHalfCdf, binomialHalfLowerTail, binomialHalfPmf } from './binomial.js';
import {
  type Alternative,
  checkAlternative,
  DEFAULT_MIN_PAIRS,
  type InsufficientPairs,
  tooFewPairs,
} from './hypothesis.js';
import { checkConfidence, checkCount, checkPairedLengths, StatsInputError } from './input-error.js';
import { twoSidedCriticalValue } from './normal.js';
import { wilsonBounds } from './wilson.js';

/**
 * The paired 2×2 table of per-sample binary outcomes (1 = correct / pass), in the usual McNemar
 * notation with the baseline as the first classification.
 */
export interface PairedTable {
  /** Both baseline and candidate correct. */
  a: number;
  /** Baseline correct, candidate wrong: the candidate's losses. */
  b: number;
  /** Baseline wrong, candidate correct: the candidate's wins. */
  c: number;
  /** Both wrong. */
  d: number;
}

export interface PairedBinaryResult {
  test: 'mcnemar-exact';
  intervalMethod: 'newcombe-10';
  n: number;
  b: number;
  c: number;
  /** Two-sided exact conditional p-value of H0: P(b-type pair) = P(c-type pair). */
  pValue: number;
  baselineRate: number;
  candidateRate: number;
  /** candidateRate − baselineRate = (c − b) / n. */
  difference: number;
  /** Confidence interval for `difference`, always inside [−1, 1] and containing it. */
  interval: [number, number];
  confidence: number;
}

export interface PairedBinaryOptions {
  /** Confidence level of the interval, default 0.95. */
  confidence?: number;
}

/**
 * Exact two-sided McNemar p-value: conditional on the b + c discordant pairs, b ~ Binomial(b + c, ½)
 * under H0, and p = min(1, 2·P(X ≤ min(b, c))), so p = 1 when there are no discordant pairs. For very
 * lopsided tables with b + c in the thousands the p-value underflows to exactly 0, which is the
 * nearest double.
 */
export function mcnemarExactPValue(b: number, c: number): number {
  checkCount('b', b);
  checkCount('c', c);
  // By symmetry P(X ≤ min(b, c)) ≥ ½ exactly when |b − c| ≤ 1; answering 1 there avoids a rounded 0.99…
  if (Math.abs(b - c) <= 1) return 1;
  const discordant = b + c;
  return Math.min(1, 2 * binomialHalfLowerTail(Math.min(b, c), discordant));
}

/** Counts the paired table from per-sample 0/1 outcomes; throws StatsInputError on anything else. */
export function pairedTable(baseline: ArrayLike<number>, candidate: ArrayLike<number>): PairedTable {
  checkPairedLengths(baseline, candidate);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < baseline.length; i++) {
    const x = baseline[i]!;
    const y = candidate[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new StatsInputError(
        'not-finite',
        `sample ${i} has a non-finite outcome (baseline ${x}, candidate ${y})`,
      );
    }
    if ((x !== 0 && x !== 1) || (y !== 0 && y !== 1)) {
      throw new StatsInputError(
        'not-binary',
        `sample ${i} is not a 0/1 outcome (baseline ${x}, candidate ${y}); McNemar needs binary outcomes`,
      );
    }
    // Index 0: both right (a), 1: baseline only (b), 2: candidate only (c), 3: both wrong (d).
    counts[(1 - x) * 2 + (1 - y)]! += 1;
  }
  return { a: counts[0]!, b: counts[1]!, c: counts[2]!, d: counts[3]! };
}

/** McNemar exact test and paired-difference interval on per-sample 0/1 outcomes. */
export function mcnemarExact(
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
  options: PairedBinaryOptions = {},
): PairedBinaryResult {
  return mcnemarExactFromTable(pairedTable(baseline, candidate), options);
}

/**
 * McNemar exact test and paired-difference interval from the full 2×2 table. The concordant cells a and
 * d are needed too: the discordant counts alone fix the p-value but not n, the rates or the interval.
 * Throws StatsInputError `empty` when the table is all zeros.
 */
export function mcnemarExactFromTable(
  table: PairedTable,
  options: PairedBinaryOptions = {},
): PairedBinaryResult {
  const { a, b, c, d } = table;
  checkCount('a', a);
  checkCount('b', b);
  checkCount('c', c);
  checkCount('d', d);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(confidence);
  const n = a + b + c + d;
  if (n === 0) {
    throw new StatsInputError('empty', 'no paired samples: at least one pair is needed');
  }
  return {
    test: 'mcnemar-exact',
    intervalMethod: 'newcombe-10',
    n,
    b,
    c,
    pValue: mcnemarExactPValue(b, c),
    baselineRate: (a + b) / n,
    candidateRate: (a + c) / n,
    difference: (c - b) / n,
    interval: newcombePairedInterval(table, n, twoSidedCriticalValue(confidence)),
    confidence,
  };
}

/*
 * Newcombe (1998), "Improved confidence intervals for the difference between binomial proportions based
 * on paired data", Stat Med 17:2635–2650, method 10: square-and-add of the two marginal Wilson intervals,
 * corrected for their correlation φ, with φ continuity-corrected as in the paper (and as in Fagerland,
 * Lydersen & Laake 2017, ch. 8). Unlike the Wald interval it does not collapse to a point when b = c = 0
 * and stays inside [−1, 1]; Fagerland et al. (2014, Stat Med 33:2850) rate it among the recommended
 * intervals for paired proportions.
 */
function newcombePairedInterval(table: PairedTable, n: number, z: number): [number, number] {
  const { a, b, c } = table;
  const baselineRate = (a + b) / n;
  const candidateRate = (a + c) / n;
  const difference = (c - b) / n;
  const [baselineLower, baselineUpper] = wilsonBounds(a + b, n, z);
  const [candidateLower, candidateUpper] = wilsonBounds(a + c, n, z);
  const phi = correctedPhi(table, n);

  const dropCandidate = candidateRate - candidateLower;
  const riseBaseline = baselineUpper - baselineRate;
  const riseCandidate = candidateUpper - candidateRate;
  const dropBaseline = baselineRate - baselineLower;
  const lowerReach = Math.sqrt(
    Math.max(0, dropCandidate ** 2 - 2 * phi * dropCandidate * riseBaseline + riseBaseline ** 2),
  );
  const upperReach = Math.sqrt(
    Math.max(0, riseCandidate ** 2 - 2 * phi * riseCandidate * dropBaseline + dropBaseline ** 2),
  );
  return [Math.max(-1, difference - lowerReach), Math.min(1, difference + upperReach)];
}

function correctedPhi({ a, b, c, d }: PairedTable, n: number): number {
  const baselineRight = a + b;
  const baselineWrong = c + d;
  const candidateRight = a + c;
  const candidateWrong = b + d;
  if (baselineRight === 0 || baselineWrong === 0 || candidateRight === 0 || candidateWrong === 0) return 0;
  const scale = Math.sqrt(baselineRight * baselineWrong) * Math.sqrt(candidateRight * candidateWrong);
  const crossDifference = a * d - b * c;
  if (crossDifference > n / 2) return (crossDifference - n / 2) / scale;
  if (crossDifference >= 0) return 0;
  return crossDifference / scale;
}

/** `mid-p` (default, Fagerland et al. 2013) or the exact conditional test. */
export type BinaryTest = 'mid-p' | 'exact';

export interface McNemarOptions {
  /** Default `mid-p`. */
  test?: BinaryTest;
  /** About candidate − baseline accuracy; `less` = the candidate is worse (b > c). Default `two-sided`. */
  alternative?: Alternative;
}

/**
 * McNemar p-value from the discordant counts, exact or mid-p, one- or two-sided. b = pairs where the
 * baseline is correct and the candidate wrong (candidate losses), c = the reverse (candidate wins).
 * Conditional on b + c, b ~ Binomial(b + c, ½) under H0 (equal marginal rates). With X ~ Bin(b + c, ½)
 * and m = min(b, c):
 *
 * - exact, two-sided: min(1, 2·P(X ≤ m)) (same as `mcnemarExactPValue`);
 * - mid-p, two-sided: 2·[P(X ≤ m) − ½·P(X = m)] = exact − P(X = m), and 1 when b = c — Fagerland,
 *   Lydersen & Laake (2013), BMC Med Res Methodol 13:91, eq. for the "McNemar mid-p test";
 * - exact, `less` (candidate worse): P(X ≥ b) = P(X ≤ c) by symmetry; mid-p: P(X ≥ b) − ½·P(X = b);
 * - exact, `greater` (candidate better): P(X ≤ b); mid-p: P(X ≤ b) − ½·P(X = b).
 *
 * The mid-p counts only half the probability of the observed table, which removes most of the exact
 * test's conservatism (size 0.002 at n = 30 for α = 0.05 with the exact test) while keeping the size
 * close to, and in the paper's evaluation rarely above, the nominal level. b + c = 0 gives p = 1.
 */
export function mcnemarPValue(b: number, c: number, options: McNemarOptions = {}): number {
  checkCount('b', b);
  checkCount('c', c);
  const test = options.test ?? 'mid-p';
  const alternative = options.alternative ?? 'two-sided';
  if (test !== 'mid-p' && test !== 'exact') {
    throw new StatsInputError('invalid-option', `test must be 'mid-p' or 'exact', got ${String(test)}`);
  }
  checkAlternative(alternative);
  const n = b + c;
  if (n === 0) return 1;
  const mid = test === 'mid-p';
  if (alternative === 'two-sided') {
    if (b === c) return 1;
    const exact = mcnemarExactPValue(b, c);
    if (!mid) return exact;
    const m = Math.min(b, c);
    // When |b − c| = 1 the exact value was pinned to 1 = 2·P(X ≤ m) exactly, so this stays consistent.
    return Math.min(1, Math.max(0, exact - binomialHalfPmf(m, n)));
  }
  // One-sided: the tail beyond the observed b in the alternative's direction.
  const tail = alternative === 'less' ? binomialHalfCdf(c, n) : binomialHalfCdf(b, n);
  if (!mid) return Math.min(1, tail);
  return Math.min(1, Math.max(0, tail - 0.5 * binomialHalfPmf(b, n)));
}

export interface McNemarTestOptions extends McNemarOptions {
  /** Below this many pairs (n = a + b + c + d) the result is `insufficient`; default 10. */
  minPairs?: number;
  /** Confidence level of the Newcombe interval, default 0.95. */
  confidence?: number;
}

/**
 * The fields of `PairedBinaryResult`, for the test and alternative asked for: `pValue` is that test's,
 * while `interval` stays the two-sided Newcombe interval at `confidence`, whatever the alternative.
 */
export interface McNemarTestResult extends Omit<PairedBinaryResult, 'test'> {
  status: 'ok';
  test: 'mcnemar-mid-p' | 'mcnemar-exact';
  alternative: Alternative;
}

/**
 * The McNemar test a gate uses: mid-p by default, one-sided when asked, with the `minPairs` guard.
 * Returns `insufficient` (never a p-value) when n < minPairs; throws StatsInputError on malformed
 * tables as `mcnemarExactFromTable` does.
 */
export function mcnemarTest(
  table: PairedTable,
  options: McNemarTestOptions = {},
): McNemarTestResult | InsufficientPairs {
  const test = options.test ?? 'mid-p';
  const alternative = options.alternative ?? 'two-sided';
  const minPairs = options.minPairs ?? DEFAULT_MIN_PAIRS;
  const { a, b, c, d } = table;
  checkCount('a', a);
  checkCount('b', b);
  checkCount('c', c);
  checkCount('d', d);
  const guard = tooFewPairs(a + b + c + d, minPairs);
  if (guard) return guard;
  const base = mcnemarExactFromTable(table, { confidence: options.confidence ?? 0.95 });
  return {
    status: 'ok',
    test: test === 'exact' ? 'mcnemar-exact' : 'mcnemar-mid-p',
    alternative,
    intervalMethod: base.intervalMethod,
    n: base.n,
    b,
    c,
    pValue: mcnemarPValue(b, c, { test, alternative }),
    baselineRate: base.baselineRate,
    candidateRate: base.candidateRate,
    difference: base.difference,
    interval: base.interval,
    confidence: base.confidence,
  };
}
