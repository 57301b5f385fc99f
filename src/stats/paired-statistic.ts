import {
  checkResamples,
  DEFAULT_BOOTSTRAP_SEED,
  DEFAULT_RESAMPLES,
  percentileMonteCarloError,
  quantileSorted,
} from './bootstrap.js';
import {
  type Alternative,
  bootstrapPValue,
  checkAlternative,
  DEFAULT_MIN_PAIRS,
  type InsufficientPairs,
  tooFewPairs,
} from './hypothesis.js';
import { checkConfidence, StatsInputError } from './input-error.js';
import {
  type BinaryMetric,
  classIds,
  confusionCells,
  scoreRanking,
  sortedOrder,
  toBinary,
  toFinite,
  weightedAuc,
  weightedBinaryMetric,
  weightedMacroF1,
  weightedQuantile,
} from './metrics.js';
import { type PooledStatistic, pairedPermutationPValue } from './permutation.js';
import { Rng } from './rng.js';
import { deriveSeed } from './seed.js';

export interface PairedStatisticOptions {
  /** Number of bootstrap resamples, an integer ≥ 100; default 2000. */
  resamples?: number;
  /** Confidence level of the (two-sided percentile) interval, default 0.95. */
  confidence?: number;
  /** PRNG seed (integer in [0, 2^53)), default 1; use `deriveSeed` to give every row its own stream. */
  seed?: number;
  /** Below this many pairs the result is `insufficient`; default 10. */
  minPairs?: number;
}

export interface PairedStatisticResult {
  status: 'ok';
  test: 'paired-bootstrap';
  intervalMethod: 'percentile';
  /** What was resampled: `p95`, `f1`, `auc`, … */
  statistic: string;
  n: number;
  /** The statistic on the full baseline and candidate data. */
  baseline: number;
  candidate: number;
  /** candidate − baseline on the full data. */
  difference: number;
  /** Percentile interval of the resampled differences, at `confidence`. */
  interval: [number, number];
  confidence: number;
  resamples: number;
  /**
   * Resamples on which the statistic was defined on both sides (AUC needs both classes); the interval,
   * p-value and standard error use only these. Equal to `resamples` for quantiles, precision, recall, f1.
   */
  validResamples: number;
  seed: number;
  alternative: Alternative;
  /**
   * p-value of H0: difference = 0 against `alternative`: a paired permutation p (`permutation.ts`) where
   * the statistic could be evaluated on swapped pairs, else the bootstrap's (`bootstrapPValue`).
   */
  pValue: number;
  pValueMethod: 'permutation' | 'bootstrap';
  /** Standard deviation of the resampled differences. */
  standardError: number;
  /** Monte-Carlo standard error of an interval bound (see `percentileMonteCarloError`). */
  monteCarloError: number;
}

/** A statistic of one side under a weight vector (null = the full data); NaN where undefined. */
type SideStatistic = (weights: Uint32Array | null) => number;

interface EngineOptions {
  resamples: number;
  confidence: number;
  seed: number;
  alternative: Alternative;
  minPairs: number;
}

function engineOptions(
  options: PairedStatisticOptions & { alternative?: Alternative },
  fallback: Alternative,
) {
  const resolved: EngineOptions = {
    resamples: options.resamples ?? DEFAULT_RESAMPLES,
    confidence: options.confidence ?? 0.95,
    seed: options.seed ?? DEFAULT_BOOTSTRAP_SEED,
    alternative: options.alternative ?? fallback,
    minPairs: options.minPairs ?? DEFAULT_MIN_PAIRS,
  };
  checkResamples(resolved.resamples);
  checkConfidence(resolved.confidence);
  checkAlternative(resolved.alternative);
  if (!Number.isSafeInteger(resolved.seed) || resolved.seed < 0) {
    throw new StatsInputError('invalid-option', `seed must be an integer in [0, 2^53), got ${resolved.seed}`);
  }
  return resolved;
}

/**
 * The shared paired bootstrap: each resample draws n indices with replacement (one `Rng.fillInts` call),
 * turns them into multiplicities, and evaluates both sides' statistic on the SAME multiplicities, so the
 * pairing is kept whatever the statistic. O(resamples × (n + cost of one weighted evaluation)) time,
 * O(n + resamples) memory.
 */
function runPairedBootstrap(
  statistic: string,
  n: number,
  baseline: SideStatistic,
  candidate: SideStatistic,
  options: EngineOptions,
  pooled: PooledStatistic | null = null,
): PairedStatisticResult | InsufficientPairs {
  const guard = tooFewPairs(n, options.minPairs);
  if (guard) return guard;
  const pointBaseline = baseline(null);
  const pointCandidate = candidate(null);
  if (Number.isNaN(pointBaseline) || Number.isNaN(pointCandidate)) {
    return {
      status: 'insufficient',
      cause: 'undefined-statistic',
      n,
      minPairs: options.minPairs,
      reason: `${statistic} is undefined on the ${Number.isNaN(pointBaseline) ? 'baseline' : 'candidate'} data (e.g. only one class present)`,
    };
  }
  const { resamples, confidence, seed, alternative } = options;
  const rng = new Rng(seed);
  const indices = new Uint32Array(n);
  const weights = new Uint32Array(n);
  const differences = new Float64Array(resamples);
  let valid = 0;
  let atOrBelow = 0;
  let atOrAbove = 0;
  let sum = 0;
  for (let r = 0; r < resamples; r++) {
    rng.fillInts(indices, n);
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[indices[i]!]!++;
    const difference = candidate(weights) - baseline(weights);
    if (Number.isNaN(difference)) continue;
    differences[valid++] = difference;
    sum += difference;
    if (difference <= 0) atOrBelow++;
    if (difference >= 0) atOrAbove++;
  }
  if (valid < 2) {
    return {
      status: 'insufficient',
      cause: 'undefined-statistic',
      n,
      minPairs: options.minPairs,
      reason: `${statistic} is undefined on almost every resample (too few samples of one class)`,
    };
  }
  const kept = differences.subarray(0, valid);
  const centre = sum / valid;
  let squares = 0;
  for (let r = 0; r < valid; r++) squares += (kept[r]! - centre) ** 2;
  const standardError = Math.sqrt(squares / (valid - 1));
  kept.sort();
  const alpha = 1 - confidence;
  return {
    status: 'ok',
    test: 'paired-bootstrap',
    intervalMethod: 'percentile',
    statistic,
    n,
    baseline: pointBaseline,
    candidate: pointCandidate,
    difference: pointCandidate - pointBaseline,
    interval: [quantileSorted(kept, alpha / 2), quantileSorted(kept, 1 - alpha / 2)],
    confidence,
    resamples,
    validResamples: valid,
    seed,
    alternative,
    ...(pooled
      ? {
          pValue: pairedPermutationPValue(
            n,
            pooled,
            pointCandidate - pointBaseline,
            alternative,
            resamples,
            deriveSeed(seed, 'permutation'),
          ).pValue,
          pValueMethod: 'permutation' as const,
        }
      : {
          pValue: bootstrapPValue(atOrBelow, atOrAbove, valid, alternative),
          pValueMethod: 'bootstrap' as const,
        }),
    standardError,
    monteCarloError: percentileMonteCarloError(standardError, valid, confidence),
  };
}

export interface PairedQuantileOptions extends PairedStatisticOptions {
  /**
   * Required: about candidate − baseline quantile. For latency (lower is better) the worsening direction
   * is `greater`; for a higher-is-better value `less` (see `worseningAlternative`).
   */
  alternative: Alternative;
}

/** `p95` for 0.95, `p99.9` for 0.999, `p50` for 0.5. */
export function quantileName(q: number): string {
  return `p${Number((q * 100).toFixed(6))}`;
}

/**
 * Paired bootstrap of a quantile (e.g. p95 latency): the difference candidate − baseline of the type-7
 * quantile (numpy's default `linear`, see `weightedQuantile`), both sides recomputed on the same
 * resampled pairs. `q` in [0, 1]. Values must be finite; lengths must match.
 */
/**
 * The order `sortedOrder` gives `x` followed by `y`, from their own orders by one merge instead of
 * a second sort: ties take `x` first, which is the sort's tie-break by index.
 */
export function mergedOrder(
  x: Float64Array,
  orderX: Uint32Array,
  y: Float64Array,
  orderY: Uint32Array,
): Uint32Array {
  const n = x.length;
  const out = new Uint32Array(n + y.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < orderX.length && j < orderY.length) {
    if (y[orderY[j]!]! < x[orderX[i]!]!) out[k++] = n + orderY[j++]!;
    else out[k++] = orderX[i++]!;
  }
  while (i < orderX.length) out[k++] = orderX[i++]!;
  while (j < orderY.length) out[k++] = n + orderY[j++]!;
  return out;
}

export function pairedQuantileBootstrap(
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
  q: number,
  options: PairedQuantileOptions,
): PairedStatisticResult | InsufficientPairs {
  if (!(q >= 0 && q <= 1)) {
    throw new StatsInputError('invalid-option', `quantile must be in [0, 1], got ${q}`);
  }
  const resolved = engineOptions(options, options.alternative);
  checkLengths(baseline.length, candidate.length);
  const x = toFinite('baseline value', baseline);
  const y = toFinite('candidate value', candidate);
  const orderX = sortedOrder(x);
  const orderY = sortedOrder(y);
  const both = new Float64Array(x.length + y.length);
  both.set(x);
  both.set(y, x.length);
  const orderBoth = mergedOrder(x, orderX, y, orderY);
  return runPairedBootstrap(
    quantileName(q),
    x.length,
    (w) => weightedQuantile(x, orderX, w, q),
    (w) => weightedQuantile(y, orderY, w, q),
    resolved,
    (w) => weightedQuantile(both, orderBoth, w, q),
  );
}

/**
 * Per-sample classification outcomes of one side, aligned with the other side by index (pair i is the
 * same sample). Binary metrics read `label`/`prediction` through `binaryLabel` (positive class: 1,
 * true, "1", "true"); `macro-f1` takes any class names (numbers or strings, compared as strings);
 * `auc` needs `label` and a finite `score` (higher = more positive).
 */
export interface ClassificationOutcomes {
  label: ArrayLike<unknown>;
  prediction?: ArrayLike<unknown>;
  score?: ArrayLike<number>;
}

export type ClassificationMetric = BinaryMetric | 'macro-f1' | 'auc';

export interface PairedClassificationOptions extends PairedStatisticOptions {
  /** Default `less`: the candidate's metric is lower, the worsening direction for all of these metrics. */
  alternative?: Alternative;
}

/**
 * Paired bootstrap of a classification metric recomputed on every resample: precision, recall, f1
 * (binary, positive class label 1, zero_division = 0), macro-f1 (multiclass, scikit-learn's macro
 * average) or ROC AUC (Mann–Whitney with ties ½, O(n) per resample after one sort per side). Both sides
 * are evaluated on the same resampled samples. Lengths of all given arrays must equal n.
 */
export function pairedClassificationBootstrap(
  baseline: ClassificationOutcomes,
  candidate: ClassificationOutcomes,
  metric: ClassificationMetric,
  options: PairedClassificationOptions = {},
): PairedStatisticResult | InsufficientPairs {
  const resolved = engineOptions(options, 'less');
  const n = baseline.label.length;
  checkLengths(n, candidate.label.length);
  const side = (outcomes: ClassificationOutcomes, role: string, length = n): SideStatistic => {
    const need = (field: 'prediction' | 'score') => {
      const values = outcomes[field];
      if (values === undefined) {
        throw new StatsInputError(
          'invalid-option',
          `${metric} needs a per-sample ${field} on the ${role} side`,
        );
      }
      checkLengths(length, values.length);
      return values;
    };
    if (metric === 'auc') {
      const label = toBinary(`${role} label`, outcomes.label);
      const ranking = scoreRanking(toFinite(`${role} score`, need('score') as ArrayLike<number>));
      return (w) => weightedAuc(label, ranking, w);
    }
    if (metric === 'macro-f1') {
      const ids = classIds(outcomes.label, need('prediction'));
      const scratch = new Float64Array(3 * ids.classes.length);
      return (w) => weightedMacroF1(ids.label, ids.prediction, ids.classes.length, w, scratch);
    }
    if (metric !== 'precision' && metric !== 'recall' && metric !== 'f1') {
      throw new StatsInputError('invalid-option', `unknown classification metric ${String(metric)}`);
    }
    const cells = confusionCells(
      toBinary(`${role} label`, outcomes.label),
      toBinary(`${role} prediction`, need('prediction')),
    );
    return (w) => weightedBinaryMetric(cells, w, metric);
  };
  const pooled: ClassificationOutcomes = {
    label: concat(baseline.label, candidate.label),
    ...(baseline.prediction && candidate.prediction
      ? { prediction: concat(baseline.prediction, candidate.prediction) }
      : {}),
    ...(baseline.score && candidate.score ? { score: concat(baseline.score, candidate.score) } : {}),
  };
  // macro-f1 averages over the classes a side has, and a swapped side can lack one the pooled data
  // has: its permutation statistic would not be the same statistic, so it keeps the bootstrap's p.
  const bothSides = metric === 'macro-f1' ? null : side(pooled, 'pooled', 2 * n);
  return runPairedBootstrap(
    metric,
    n,
    side(baseline, 'baseline'),
    side(candidate, 'candidate'),
    resolved,
    bothSides,
  );
}

/** Baseline entries then candidate entries: the pooled data a permutation picks from. */
function concat<T>(a: ArrayLike<T>, b: ArrayLike<T>): T[] {
  const out = new Array<T>(a.length + b.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]!;
  for (let i = 0; i < b.length; i++) out[a.length + i] = b[i]!;
  return out;
}

function checkLengths(baseline: number, candidate: number): void {
  if (baseline !== candidate) {
    throw new StatsInputError(
      'length-mismatch',
      `paired samples must have equal length: baseline has ${baseline}, candidate has ${candidate}`,
    );
  }
}
