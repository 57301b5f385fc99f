/**
 * The paired per-sample test behind one metric row, chosen by what the metric is (issue 13):
 * - a stage metric `<key>.pNN` with a per-sample `<key>`: paired bootstrap of the NN-th percentile;
 * - f1/precision/recall/macro-f1 with per-sample `label` and `prediction`, auc with `label` and
 *   `score`: the metric recomputed on every paired bootstrap resample;
 * - a row linked to a per-sample series (the gate's `samples:` key, or a series whose mean is the
 *   aggregate): McNemar (mid-p by default, exact on request) when the series is 0/1, else the paired
 *   bootstrap of the mean.
 * Every test is one-sided in the metric's worsening direction, has its own seed derived from
 * (stage, key, slice), and below `minPairs` pairs gives no p-value, only the minimum detectable effect.
 */
import type { Run } from '../evidence/model.js';
import {
  type BinaryTest,
  type ClassificationMetric,
  deriveSeed,
  type InsufficientPairs,
  mcnemarPValue,
  mcnemarTest,
  minimumDetectableEffect,
  normalQuantile,
  type PairedStatisticResult,
  pairedClassificationBootstrap,
  pairedDifferenceSd,
  pairedMeanTest,
  pairedQuantileBootstrap,
  pairedTable,
  quantileSorted,
  StatsInputError,
  worseningAlternative,
} from '../stats/index.js';
import { alignStage, columnAt, type StageAlignment } from './pairing.js';
import type { Interval } from './types.js';

export interface RowTestOptions {
  binaryTest: BinaryTest;
  minPairs: number;
  /** `policy.seed`; each row's stream is derived from it. */
  seed: number;
  resamples: number;
  confidence: number;
  /** The nominal one-sided alpha, for the minimum detectable effect. */
  alpha: number;
}

export type RowTestMethod =
  | 'mcnemar-mid-p'
  | 'mcnemar-exact'
  | 'paired-bootstrap-mean'
  | 'paired-bootstrap-quantile'
  | 'paired-bootstrap-metric';

interface RowTestBase {
  method: RowTestMethod;
  /** The per-sample keys the test used, e.g. `correct`, `label, prediction`, `latency-ms`. */
  evidence: string;
  n: number;
  /** Smallest true worsening the test detects with power 0.8 at `alpha` (normal approximation). */
  mde: number | null;
}

export interface RowTestResult extends RowTestBase {
  status: 'ok';
  /** Candidate − baseline of the tested statistic, in the metric's units. */
  estimate: number;
  /** One-sided p-value against "the candidate is worse". */
  pValue: number;
  interval: Interval;
  discordantWorse: number | null;
  discordantBetter: number | null;
  seed: number | null;
  /**
   * The smallest p-value this test could have given on these margins: for McNemar, every discordant
   * pair in the worsening direction; 0 for a bootstrap. Tarone's reduction of the family uses it.
   */
  minAttainable: number;
}

export interface RowTestInsufficient extends RowTestBase {
  status: 'insufficient';
  reason: string;
}

export type RowTest = RowTestResult | RowTestInsufficient;

export interface RowRef {
  stage: string;
  key: string;
  slice: string | null;
  direction: 'higher' | 'lower';
  /** The gate's `samples:` key or the auto-linked series, if any. */
  sampleKey: string | null;
  /** The row's aggregate on each side: a series from another stage must reproduce them to be used. */
  aggregate?: { baseline: number; candidate: number };
}

type PairedStage = StageAlignment;

const cache = new WeakMap<Run, WeakMap<Run, Map<string, PairedStage | null>>>();

function pairedStage(baseline: Run, candidate: Run, stage: string): PairedStage | null {
  let byBaseline = cache.get(candidate);
  if (!byBaseline) {
    byBaseline = new WeakMap();
    cache.set(candidate, byBaseline);
  }
  let byStage = byBaseline.get(baseline);
  if (!byStage) {
    byStage = new Map();
    byBaseline.set(baseline, byStage);
  }
  if (byStage.has(stage)) return byStage.get(stage)!;
  const built = buildPairedStage(baseline, candidate, stage);
  byStage.set(stage, built);
  return built;
}

function buildPairedStage(baseline: Run, candidate: Run, stage: string): PairedStage | null {
  const bs = baseline.stages.find((s) => s.name === stage)?.samples ?? [];
  const cs = candidate.stages.find((s) => s.name === stage)?.samples ?? [];
  if (bs.length === 0 || cs.length === 0) return null;
  return alignStage(bs, cs);
}

/** Whether `values`' q-quantile (type 7) is `aggregate`, to the precision an SDK writes decimals in. */
function reproduces(values: Float64Array, q: number, aggregate: number): boolean {
  if (values.length === 0) return false;
  const got = quantileSorted(Float64Array.from(values).sort(), q);
  return Math.abs(got - aggregate) <= 1e-6 * Math.max(1, Math.abs(aggregate));
}

/**
 * A stage metric `<key>.pNN` whose own stage has no per-sample `<key>` (an inference stage reporting
 * the latency percentiles of samples recorded in the evaluate stage) pairs with the one other stage
 * whose per-sample `<key>` reproduces the aggregate on both sides: never a guess between two stages,
 * never a series that does not add up to the number being judged.
 */
function quantileStage(
  baseline: Run,
  candidate: Run,
  row: RowRef,
  key: string,
  q: number,
): { stage: string; paired: PairedStage } | null {
  if (!row.aggregate || row.slice !== null) return null;
  const found: { stage: string; paired: PairedStage }[] = [];
  for (const stage of candidate.stages) {
    if (stage.name === row.stage || !stage.samples.some((s) => s.key === key)) continue;
    const paired = pairedStage(baseline, candidate, stage.name);
    const s = paired?.series.get(key);
    if (!paired || !s) continue;
    const rows = rowsOf(paired, null, [key]);
    if (
      reproduces(columnAt(s.b, rows), q, row.aggregate.baseline) &&
      reproduces(columnAt(s.c, rows), q, row.aggregate.candidate)
    )
      found.push({ stage: stage.name, paired });
  }
  return found.length === 1 ? found[0]! : null;
}

/** The rows of the slice where every needed key is finite on both sides. */
function rowsOf(paired: PairedStage, slice: string | null, keys: readonly string[]): Int32Array {
  const columns = keys.map((k) => paired.series.get(k)!);
  const id = slice === null ? -1 : paired.sliceNames.indexOf(slice);
  if (slice !== null && id < 0) return new Int32Array(0);
  const out = new Int32Array(paired.rows);
  let n = 0;
  for (let i = 0; i < paired.rows; i++) {
    if (slice !== null && paired.slice[i] !== id) continue;
    if (columns.every((s) => Number.isFinite(s.b[i]!) && Number.isFinite(s.c[i]!))) out[n++] = i;
  }
  return out.slice(0, n);
}

const CLASSIFICATION: Record<string, ClassificationMetric> = {
  f1: 'f1',
  precision: 'precision',
  recall: 'recall',
  'macro-f1': 'macro-f1',
  auc: 'auc',
  'roc-auc': 'auc',
};

const QUANTILE = /^(.+)\.p(\d{1,2}(?:\.\d+)?)$/;

const power = (alpha: number) => normalQuantile(1 - alpha) + normalQuantile(0.8);

function insufficient(base: RowTestBase, result: InsufficientPairs): RowTestInsufficient {
  return { ...base, status: 'insufficient', reason: result.reason };
}

function fromBootstrap(
  base: RowTestBase,
  result: PairedStatisticResult | InsufficientPairs,
  alpha: number,
): RowTest {
  if (result.status !== 'ok') return insufficient(base, result);
  return {
    ...base,
    status: 'ok',
    estimate: result.difference,
    pValue: result.pValue,
    interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
    discordantWorse: null,
    discordantBetter: null,
    seed: result.seed,
    minAttainable: 0,
    mde: power(alpha) * result.standardError,
  };
}

/**
 * The paired test for one row, or null when the runs carry no per-sample evidence for it (the gate
 * then judges the raw limit and says so). Malformed per-sample values (a label that is not 0/1) also
 * give null: that evidence cannot support a test.
 */
export function rowTest(
  baseline: Run | null,
  candidate: Run | null,
  row: RowRef,
  options: RowTestOptions,
): RowTest | null {
  if (!baseline || !candidate) return null;
  const own = pairedStage(baseline, candidate, row.stage);
  const quantile = QUANTILE.exec(row.key);
  const elsewhere =
    quantile && !own?.series.has(quantile[1]!)
      ? quantileStage(baseline, candidate, row, quantile[1]!, Number(quantile[2]) / 100)
      : null;
  const paired = elsewhere?.paired ?? own;
  if (!paired) return null;
  const has = (key: string) => paired.series.has(key);
  const seed = deriveSeed(options.seed, row.stage, row.key, ...(row.slice === null ? [] : [row.slice]));
  const alternative = worseningAlternative(
    row.direction === 'higher' ? 'higher-is-better' : 'lower-is-better',
  );
  const bootstrap = {
    seed,
    resamples: options.resamples,
    confidence: options.confidence,
    minPairs: options.minPairs,
    alternative,
  };
  try {
    if (quantile && has(quantile[1]!)) {
      const key = quantile[1]!;
      const rows = rowsOf(paired, row.slice, [key]);
      const s = paired.series.get(key)!;
      const base: RowTestBase = {
        method: 'paired-bootstrap-quantile',
        evidence: elsewhere ? `${elsewhere.stage}/${key}` : key,
        n: rows.length,
        mde: null,
      };
      const q = Number(quantile[2]) / 100;
      return fromBootstrap(
        base,
        pairedQuantileBootstrap(columnAt(s.b, rows), columnAt(s.c, rows), q, bootstrap),
        options.alpha,
      );
    }
    const metric = CLASSIFICATION[row.key.toLowerCase()];
    const second = metric === 'auc' ? 'score' : 'prediction';
    if (metric && has('label') && has(second)) {
      const rows = rowsOf(paired, row.slice, ['label', second]);
      const label = paired.series.get('label')!;
      const other = paired.series.get(second)!;
      const side = (values: (s: { b: Float64Array; c: Float64Array }) => Float64Array) =>
        second === 'score'
          ? { label: columnAt(values(label), rows), score: columnAt(values(other), rows) }
          : { label: columnAt(values(label), rows), prediction: columnAt(values(other), rows) };
      const base: RowTestBase = {
        method: 'paired-bootstrap-metric',
        evidence: `label, ${second}`,
        n: rows.length,
        mde: null,
      };
      return fromBootstrap(
        base,
        pairedClassificationBootstrap(
          side((s) => s.b),
          side((s) => s.c),
          metric,
          bootstrap,
        ),
        options.alpha,
      );
    }
    const key = row.sampleKey;
    if (key === null || !has(key)) return null;
    const s = paired.series.get(key)!;
    const rows = rowsOf(paired, row.slice, [key]);
    const b = columnAt(s.b, rows);
    const c = columnAt(s.c, rows);
    if (s.binary) return binaryTest(b, c, key, row.direction, options);
    const base: RowTestBase = { method: 'paired-bootstrap-mean', evidence: key, n: rows.length, mde: null };
    if (rows.length >= 2)
      base.mde = minimumDetectableEffect(
        rows.length,
        { sd: pairedDifferenceSd(b, c) },
        { alpha: options.alpha },
      ).effect;
    const result = pairedMeanTest(b, c, bootstrap);
    if (result.status !== 'ok') return insufficient(base, result);
    return {
      ...base,
      status: 'ok',
      estimate: result.difference,
      pValue: result.pValue,
      interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
      discordantWorse: null,
      discordantBetter: null,
      seed: result.seed,
      minAttainable: 0,
    };
  } catch (error) {
    if (error instanceof StatsInputError) return null;
    throw error;
  }
}

function binaryTest(
  b: Float64Array,
  c: Float64Array,
  key: string,
  direction: 'higher' | 'lower',
  options: RowTestOptions,
): RowTest {
  // For a lower-is-better flag (`error`) 0 is the success: test successes, report in the key's units.
  // A higher-is-better outcome is its own success column; `b` and `c` may be the stage's columns.
  const sb = direction === 'lower' ? b.map((v) => 1 - v) : b;
  const sc = direction === 'lower' ? c.map((v) => 1 - v) : c;
  const n = sb.length;
  const rate = n > 0 ? sb.reduce((x, y) => x + y, 0) / n : null;
  const sd = n >= 2 ? pairedDifferenceSd(sb, sc) : 0;
  const spread = sd > 0 ? { sd } : rate !== null ? { rate } : null;
  const base: RowTestBase = {
    method: options.binaryTest === 'exact' ? 'mcnemar-exact' : 'mcnemar-mid-p',
    evidence: key,
    n,
    mde: n >= 1 && spread ? minimumDetectableEffect(n, spread, { alpha: options.alpha }).effect : null,
  };
  const result = mcnemarTest(pairedTable(sb, sc), {
    test: options.binaryTest,
    alternative: 'less',
    minPairs: options.minPairs,
    confidence: options.confidence,
  });
  if (result.status !== 'ok') return insufficient(base, result);
  const sign = direction === 'lower' ? -1 : 1;
  const [low, high] = result.interval.map((x) => sign * x).sort((x, y) => x - y) as [number, number];
  return {
    ...base,
    status: 'ok',
    estimate: sign * result.difference,
    pValue: result.pValue,
    interval: { low, high, level: result.confidence },
    discordantWorse: result.b,
    discordantBetter: result.c,
    seed: null,
    minAttainable: Math.min(
      mcnemarPValue(result.b + result.c, 0, { test: options.binaryTest, alternative: 'less' }),
      mcnemarPValue(0, result.b + result.c, { test: options.binaryTest, alternative: 'less' }),
    ),
  };
}
