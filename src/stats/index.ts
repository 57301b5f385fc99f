export {
  checkResamples,
  DEFAULT_BOOTSTRAP_SEED,
  DEFAULT_RESAMPLES,
  MIN_RESAMPLES,
  type PairedBootstrapOptions,
  type PairedMeanResult,
  type PairedMeanTestOptions,
  pairedBootstrap,
  pairedMeanTest,
  percentileMonteCarloError,
  quantileSorted,
} from './bootstrap.js';
export { holmAdjust, taroneFamily } from './holm.js';
export {
  type Alternative,
  bootstrapPValue,
  DEFAULT_MIN_PAIRS,
  type InsufficientPairs,
  type MetricDirection,
  tooFewPairs,
  worseningAlternative,
} from './hypothesis.js';
export { StatsInputError, type StatsInputReason } from './input-error.js';
export {
  type BinaryTest,
  type McNemarOptions,
  type McNemarTestOptions,
  type McNemarTestResult,
  mcnemarExact,
  mcnemarExactFromTable,
  mcnemarExactPValue,
  mcnemarPValue,
  mcnemarTest,
  type PairedBinaryOptions,
  type PairedBinaryResult,
  type PairedTable,
  pairedTable,
} from './mcnemar.js';
export {
  type EffectSpread,
  type MinimumDetectableEffect,
  type MinimumDetectableEffectOptions,
  minimumDetectableEffect,
  pairedDifferenceSd,
} from './mde.js';
export {
  type BinaryMetric,
  binaryLabel,
  scoreRanking,
  sortedOrder,
  weightedAuc,
  weightedBinaryMetric,
  weightedQuantile,
} from './metrics.js';
export { normalQuantile, twoSidedCriticalValue } from './normal.js';
export {
  type ClassificationMetric,
  type ClassificationOutcomes,
  type PairedClassificationOptions,
  type PairedQuantileOptions,
  type PairedStatisticOptions,
  type PairedStatisticResult,
  pairedClassificationBootstrap,
  pairedQuantileBootstrap,
  quantileName,
} from './paired-statistic.js';
export { Rng } from './rng.js';
export { deriveSeed } from './seed.js';
export { type ProportionInterval, wilsonInterval } from './wilson.js';
