import { StatsInputError } from './input-error.js';

/**
 * The alternative hypothesis, always about the sign of candidate − baseline (scipy's convention):
 * `less` — the candidate's statistic is lower than the baseline's, `greater` — higher, `two-sided` —
 * either. A gate tests in the worsening direction: `less` for a higher-is-better metric (accuracy, f1,
 * auc), `greater` for a lower-is-better one (latency, error rate); `worseningAlternative` maps one to
 * the other.
 */
export type Alternative = 'less' | 'greater' | 'two-sided';

export type MetricDirection = 'higher-is-better' | 'lower-is-better';

/** The one-sided alternative "the candidate is worse" for a metric with this direction. */
export function worseningAlternative(direction: MetricDirection): 'less' | 'greater' {
  return direction === 'higher-is-better' ? 'less' : 'greater';
}

/** Default `policy.min_pairs`: below it no significance decision is made (issue 13). */
export const DEFAULT_MIN_PAIRS = 10;

/**
 * Returned instead of a p-value when the data cannot support a decision: fewer than `minPairs` pairs
 * (`too-few-pairs`), or a statistic that is undefined on the full data, e.g. ROC AUC with a single
 * class present (`undefined-statistic`). Not an error: the gate reports the row as unknown and says why.
 */
export interface InsufficientPairs {
  status: 'insufficient';
  cause: 'too-few-pairs' | 'undefined-statistic';
  n: number;
  minPairs: number;
  /** One human-readable sentence, e.g. "8 pairs, fewer than min_pairs = 10". */
  reason: string;
}

export function checkAlternative(alternative: string): asserts alternative is Alternative {
  if (alternative !== 'less' && alternative !== 'greater' && alternative !== 'two-sided') {
    throw new StatsInputError(
      'invalid-option',
      `alternative must be 'less', 'greater' or 'two-sided', got ${String(alternative)}`,
    );
  }
}

export function checkMinPairs(minPairs: number): void {
  if (!Number.isSafeInteger(minPairs) || minPairs < 1) {
    throw new StatsInputError('invalid-option', `minPairs must be a positive integer, got ${minPairs}`);
  }
}

/** The guard every test applies first; null when n is enough. */
export function tooFewPairs(n: number, minPairs: number): InsufficientPairs | null {
  checkMinPairs(minPairs);
  if (n >= minPairs) return null;
  return {
    status: 'insufficient',
    cause: 'too-few-pairs',
    n,
    minPairs,
    reason: `${n} pair${n === 1 ? '' : 's'}, fewer than min_pairs = ${minPairs}`,
  };
}

/**
 * Bootstrap p-value from the resampled differences, with the +1 correction (North, Curtis & Sham 2002):
 * `atOrBelow` / `atOrAbove` count resampled differences ≤ 0 / ≥ 0 among `valid` resamples.
 * `less`: (1 + #{δ* ≥ 0}) / (valid + 1) — how often the resampled difference fails to be negative;
 * `greater` mirrored; `two-sided`: min(1, 2·(1 + min of the two counts) / (valid + 1)). This is the
 * p-value that inverts the percentile interval: p < α one-sided exactly when the one-sided (1 − α)
 * percentile bound excludes 0, up to the +1. Ties at 0 count against significance.
 */
export function bootstrapPValue(
  atOrBelow: number,
  atOrAbove: number,
  valid: number,
  alternative: Alternative,
): number {
  if (alternative === 'less') return Math.min(1, (atOrAbove + 1) / (valid + 1));
  if (alternative === 'greater') return Math.min(1, (atOrBelow + 1) / (valid + 1));
  return Math.min(1, (2 * (Math.min(atOrBelow, atOrAbove) + 1)) / (valid + 1));
}
