/*
 * Binomial probabilities for the symmetric case p = 1/2, which is all the exact McNemar test needs.
 * The point mass uses Loader's saddle-point form ("Fast and accurate computation of binomial
 * probabilities", 2000 — the algorithm behind R's dbinom): Stirling-series remainders and a
 * cancellation-free deviance term, so no factorial or log-factorial of a large number is ever formed and
 * the relative error stays near machine precision for n in the millions. The lower tail sums point masses
 * downward from k with the ratio recurrence P(j-1)/P(j) = j/(n-j+1), which only shrinks terms when
 * k ≤ n/2, and stops once terms no longer change the sum.
 */

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function logFactorialSmall(n: number): number {
  let product = 1;
  for (let i = 2; i <= n; i++) product *= i;
  return Math.log(product);
}

/** log(n!) − [(n + ½)·log(n) − n + log√(2π)], the error of Stirling's formula. */
function stirlingError(n: number): number {
  if (n <= 15) {
    return logFactorialSmall(n) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const inv = 1 / n;
  const inv2 = inv * inv;
  // Series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷); the next term is below 1e-17 for n > 15.
  return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
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
