/*
 * Binomial probabilities for the symmetric case p = 1/2, which is all the exact McNemar test needs.
 * The point mass uses Loader's saddle-point form ("Fast and accurate computation of binomial
 * probabilities", 2000 — the algorithm behind R's dbinom): Stirling-series remainders and a
 * cancellation-free deviance term, so no factorial or log-factorial of a large number is ever formed and
 * the point mass keeps near machine precision for n in the millions. The lower tail sums point masses
 * downward from k with the ratio recurrence P(j-1)/P(j) = j/(n-j+1), which only shrinks terms when
 * k ≤ n/2, and stops once terms no longer change the sum; rounding accumulated over its ~√n·9 steps keeps
 * the tail within 1e-12 relative at n = 1e6 (the tests check this against scipy).
 */

/*
 * stirlingError(n) for n = 1..15, computed to 60 digits with Python's decimal module (they agree with
 * the table in R's stirlerr.c); evaluating the definition in doubles would cancel away ~2 digits.
 */
const STIRLING_ERROR_SMALL = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];

/** log(n!) − [(n + ½)·log(n) − n + log√(2π)], the error of Stirling's formula, for integers n ≥ 1. */
function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR_SMALL[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  // Series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹); the next term, 691/(360360n¹¹),
  // is below 1.2e-16 for n > 15.
  return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
}

/** x·log(x/m) + m − x, computed without cancellation when x ≈ m. */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      term *= v2;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for X ~ Binomial(n, 1/2); n, k integers with 0 ≤ k ≤ n. */
export function binomialHalfPmf(k: number, n: number): number {
  if (k === 0 || k === n) return 2 ** -n;
  const half = n / 2;
  const exponent =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, half) - deviance(n - k, half);
  return Math.exp(exponent) * Math.sqrt(n / (2 * Math.PI * k * (n - k)));
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2); n, k integers with 0 ≤ k ≤ n/2. */
export function binomialHalfLowerTail(k: number, n: number): number {
  const top = binomialHalfPmf(k, n);
  if (top === 0) return 0;
  let relative = 1;
  let term = 1;
  for (let j = k; j >= 1; j--) {
    term *= j / (n - j + 1);
    const next = relative + term;
    if (next === relative) break;
    relative = next;
  }
  return top * relative;
}

/**
 * P(X ≤ k) for X ~ Binomial(n, 1/2) and any integer k: 0 below 0, 1 from n on. Above n/2 it uses the
 * symmetry P(X ≤ k) = 1 − P(X ≤ n − k − 1), so the summed tail is always the short one; the result is
 * then within one rounding of 1, which is all a p-value near 1 needs.
 */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (2 * k <= n) return binomialHalfLowerTail(k, n);
  return 1 - binomialHalfLowerTail(n - k - 1, n);
}
