export {
  DEFAULT_BOOTSTRAP_SEED,
  DEFAULT_RESAMPLES,
  type PairedBootstrapOptions,
  type PairedMeanResult,
  pairedBootstrap,
  percentileMonteCarloError,
} from './bootstrap.js';
export { StatsInputError, type StatsInputReason } from './input-error.js';
export {
  mcnemarExact,
  mcnemarExactFromTable,
  mcnemarExactPValue,
  type PairedBinaryOptions,
  type PairedBinaryResult,
  type PairedTable,
  pairedTable,
} from './mcnemar.js';
export { normalQuantile, twoSidedCriticalValue } from './normal.js';
export { Rng } from './rng.js';
export { type ProportionInterval, wilsonInterval } from './wilson.js';
