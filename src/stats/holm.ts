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
