import { StatsInputError } from './input-error.js';

/**
 * Holm's step-down adjusted p-values (Holm 1979, "A simple sequentially rejective multiple test
 * procedure", Scand J Stat 6:65–70), in the input order. With p₍₁₎ ≤ … ≤ p₍ₘ₎ the sorted raw values,
 *
 *   p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎),
 *
 * the same formula as statsmodels' `multipletests(method='holm')` and R's `p.adjust(method='holm')`.
 * Rejecting every hypothesis with p̃ ≤ α controls the family-wise error rate at α under any dependence
 * between the tests. The adjusted values are ≥ the raw ones, ≤ 1, and monotone in the raw order; ties
 * get equal adjusted values. An empty family gives []. Throws StatsInputError `invalid-option` for a
 * value outside [0, 1] or NaN.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (let i = 0; i < m; i++) {
    const p = pValues[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new StatsInputError('invalid-option', `p-value ${i} must be in [0, 1], got ${p}`);
    }
  }
  const order = pValues.map((_, i) => i).sort((x, y) => pValues[x]! - pValues[y]! || x - y);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const index = order[rank]!;
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!));
    adjusted[index] = running;
  }
  return adjusted;
}

/**
 * Tarone's reduction of a family of discrete tests (Tarone 1990, "A modified Bonferroni method for
 * discrete data", Biometrics 46:703–707; with Holm's step-down, Hommel & Krummenauer 1998, Biometrics
 * 54:673–681). A conditional test such as McNemar's, given its number of discordant pairs, has a
 * smallest attainable p-value; a hypothesis that cannot reach α/K can never be rejected at that level,
 * so it need not be counted in the family. K is the smallest integer with at most K hypotheses whose
 * smallest attainable p is ≤ α/K, and the family is those hypotheses. Because the smallest attainable
 * p depends only on the margins (ancillary under the null), Holm over the reduced family still controls
 * the family-wise error rate at α. Continuous tests (a bootstrap) have a smallest attainable p of 0
 * and are always kept. Returns, in input order, whether each hypothesis stays in the family.
 */
export function taroneFamily(minAttainable: readonly number[], alpha: number): boolean[] {
  if (!(alpha > 0 && alpha < 1))
    throw new StatsInputError('invalid-option', `alpha must be in (0, 1), got ${alpha}`);
  const m = minAttainable.length;
  for (let i = 0; i < m; i++) {
    const p = minAttainable[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new StatsInputError('invalid-option', `smallest attainable p ${i} must be in [0, 1], got ${p}`);
    }
  }
  let k = 1;
  while (k < m && minAttainable.filter((p) => p <= alpha / k).length > k) k++;
  return minAttainable.map((p) => p <= alpha / k);
}
