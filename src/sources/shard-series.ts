/**
 * The metric side of merging shards of one run: per-sample columns appended shard by shard, and
 * aggregate series that are either recomputed from the merged samples (when every shard's aggregate
 * is provably a function of its own samples: a mean, a quantile or a count) or combined from the
 * per-shard values weighted by each shard's sample count. A per-shard mean averaged naively over
 * unequal shards is a different number than the run's mean; a per-shard p95 cannot be merged at
 * all, so only the recomputed ones are exact and the rest are marked.
 */
import type { CompletenessMarker, MetricSeries, SampleSeries } from '../evidence/model.js';
import type { SampleNames } from '../evidence/sample-names.js';
import { quantileSorted } from '../stats/bootstrap.js';

/** A stage-level aggregate equals the shard's samples' mean within float-printing error. */
const MEAN_TOLERANCE = 1e-9;
/** Quantiles are usually printed with a few decimals: a relative tolerance. */
const QUANTILE_TOLERANCE = 5e-6;
const QUANTILE_KEY = /^(.+)\.p(\d{1,2})$/;
/** Keys that name a count of samples or rows: summed across shards rather than averaged. */
export const COUNT_KEY = /(^|[._-])(samples|count|n|rows)$/;

const COMPLETENESS_ORDER: CompletenessMarker[] = ['complete', 'sampled', 'partial', 'unknown', 'absent'];

export type Rule =
  | { kind: 'mean'; sampleKey: string }
  | { kind: 'quantile'; sampleKey: string; q: number }
  | { kind: 'count'; sampleKey: string };

/** Per-slice sums of one shard's sample series, so each aggregate is tested against it in O(1). */
export interface SampleDigest {
  series: SampleSeries;
  total: { sum: number; n: number };
  bySlice: Map<string, { sum: number; n: number }>;
}

export function digest(series: SampleSeries): SampleDigest {
  const bySlice = new Map<string, { sum: number; n: number }>();
  let sum = 0;
  const perIndex = series.sliceNames.map(() => ({ sum: 0, n: 0 }));
  for (let i = 0; i < series.values.length; i++) {
    const v = series.values[i]!;
    sum += v;
    const s = series.sliceIndex[i]!;
    if (s >= 0) {
      const acc = perIndex[s]!;
      acc.sum += v;
      acc.n += 1;
    }
  }
  series.sliceNames.forEach((name, i) => {
    bySlice.set(name, perIndex[i]!);
  });
  return { series, total: { sum, n: series.values.length }, bySlice };
}

function subsetValues(series: SampleSeries, slice: string | null): Float64Array {
  if (slice === null) return series.values;
  const index = series.sliceNames.indexOf(slice);
  const out: number[] = [];
  for (let i = 0; i < series.values.length; i++)
    if (series.sliceIndex[i] === index) out.push(series.values[i]!);
  return Float64Array.from(out);
}

function sortedQuantile(values: Float64Array, q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q);
}

/** Which function of this shard's samples the aggregate is, if any. */
export function detectRule(series: MetricSeries, digests: readonly SampleDigest[]): Rule | null {
  if (series.batch !== null) return null;
  const value = series.latest.value;
  if (!Number.isFinite(value)) return null;
  for (const d of digests) {
    const acc = series.slice === null ? d.total : d.bySlice.get(series.slice);
    if (!acc || acc.n === 0) continue;
    if (Math.abs(acc.sum / acc.n - value) <= MEAN_TOLERANCE) return { kind: 'mean', sampleKey: d.series.key };
  }
  const quantile = QUANTILE_KEY.exec(series.key);
  if (quantile) {
    const d = digests.find((x) => x.series.key === quantile[1]);
    const q = Number(quantile[2]) / 100;
    if (d) {
      const values = subsetValues(d.series, series.slice);
      if (values.length > 0) {
        const own = sortedQuantile(values, q);
        if (Math.abs(own - value) <= QUANTILE_TOLERANCE * Math.max(1, Math.abs(value))) {
          return { kind: 'quantile', sampleKey: d.series.key, q };
        }
      }
    }
  }
  if (Number.isInteger(value) && COUNT_KEY.test(series.key)) {
    for (const d of digests) {
      const acc = series.slice === null ? d.total : d.bySlice.get(series.slice);
      if (acc && acc.n === value) return { kind: 'count', sampleKey: d.series.key };
    }
  }
  return null;
}

function sameRule(a: Rule, b: Rule): boolean {
  return (
    a.kind === b.kind && a.sampleKey === b.sampleKey && (a.kind !== 'quantile' || a.q === (b as typeof a).q)
  );
}

/**
 * Append-only columns of one sample key across shards; duplicates are refused by the caller. Sized
 * from the caller's estimate (the first shard's rows times the expected shard count), so equal shards
 * fill them exactly: no doubling slack and no copy at `finish`, which at 640k rows per key is most
 * of the merge's memory. Samples are ids into the merge's sample table, not names.
 */
export class MergedColumns {
  private ids: Int32Array<ArrayBuffer>;
  private values: Float64Array<ArrayBuffer>;
  private slices: Int32Array<ArrayBuffer>;
  private readonly sliceNames: string[] = [];
  private readonly sliceIds = new Map<string, number>();
  private rows = 0;

  constructor(
    readonly key: string,
    private readonly table: SampleNames,
    expectedRows = 1024,
  ) {
    this.values = new Float64Array(Math.max(1, expectedRows));
    this.slices = new Int32Array(this.values.length);
    this.ids = new Int32Array(this.values.length);
  }

  push(id: number, value: number, slice: string | null): void {
    if (this.rows === this.values.length) {
      const size = Math.ceil(this.rows * 1.5);
      const values = new Float64Array(size);
      values.set(this.values);
      this.values = values;
      const slices = new Int32Array(size);
      slices.set(this.slices);
      this.slices = slices;
      const ids = new Int32Array(size);
      ids.set(this.ids);
      this.ids = ids;
    }
    let sliceId = -1;
    if (slice !== null) {
      sliceId = this.sliceIds.get(slice) ?? -1;
      if (sliceId < 0) {
        sliceId = this.sliceNames.length;
        this.sliceNames.push(slice);
        this.sliceIds.set(slice, sliceId);
      }
    }
    this.ids[this.rows] = id;
    this.values[this.rows] = value;
    this.slices[this.rows] = sliceId;
    this.rows += 1;
  }

  finish(): SampleSeries {
    const exact = this.rows === this.values.length;
    const values = exact ? this.values : this.values.slice(0, this.rows);
    const sliceIndex = exact ? this.slices : this.slices.slice(0, this.rows);
    const ids = exact ? this.ids : this.ids.slice(0, this.rows);
    this.values = new Float64Array(0);
    this.slices = new Int32Array(0);
    this.ids = new Int32Array(0);
    let binary = this.rows > 0;
    for (const v of values) {
      if (v !== 0 && v !== 1) {
        binary = false;
        break;
      }
    }
    return {
      key: this.key,
      ids,
      table: this.table,
      values,
      sliceIndex,
      sliceNames: [...this.sliceNames],
      binary,
    };
  }
}

/** Everything known about one aggregate series of one stage (or run) across the shards seen so far. */
export class SeriesMerge {
  private rule: Rule | null | 'none' = null;
  private weightedSum = 0;
  private weightTotal = 0;
  private sum = 0;
  private contributions = 0;
  private equalWeights = false;
  private first: MetricSeries;
  private latestAt = Number.NEGATIVE_INFINITY;
  private latestRecord: string | null;
  private count = 0;
  private nonFinite = 0;
  private degraded = false;
  private completeness = 0;
  private replicates: number[] = [];
  private replicateSeeds: string[] | undefined = [];
  private steps: MetricSeries['steps'] = null;

  constructor(series: MetricSeries) {
    this.first = series;
    this.latestRecord = series.latest.recordRef;
  }

  /**
   * `rule` is what this shard's value is a function of (null: nothing provable); `weight` is the
   * shard's sample count for the series' slice, null when the shard has no count to weight by.
   */
  add(series: MetricSeries, rule: Rule | null, weight: number | null): void {
    if (this.contributions === 0) this.rule = rule ?? 'none';
    else if (this.rule !== 'none' && (rule === null || this.rule === null || !sameRule(this.rule, rule)))
      this.rule = 'none';
    this.contributions += 1;
    const value = series.latest.value;
    if (weight === null) this.equalWeights = true;
    const w = weight ?? 1;
    this.weightedSum += w * value;
    this.weightTotal += w;
    this.sum += value;
    const at = series.latest.observedAt === null ? Number.NaN : Date.parse(series.latest.observedAt);
    if (!Number.isNaN(at) && at >= this.latestAt) {
      this.latestAt = at;
      this.latestRecord = series.latest.recordRef;
    }
    this.count += series.count;
    this.nonFinite += series.nonFinite;
    this.degraded ||= series.degraded;
    this.completeness = Math.max(this.completeness, COMPLETENESS_ORDER.indexOf(series.completeness));
    this.replicates.push(...series.replicates);
    if (this.replicateSeeds && series.replicateSeeds) this.replicateSeeds.push(...series.replicateSeeds);
    else this.replicateSeeds = undefined;
    if (series.steps) {
      const s = series.steps;
      const p = this.steps;
      this.steps = p
        ? {
            count: Math.max(p.count, s.count),
            first: p.first,
            last: s.last,
            min: p.min === null ? s.min : s.min === null ? p.min : Math.min(p.min, s.min),
            max: p.max === null ? s.max : s.max === null ? p.max : Math.max(p.max, s.max),
          }
        : { ...s };
    }
  }

  /** The merged series; `recompute` evaluates a rule on the merged columns (null when it cannot). */
  finish(recompute: (rule: Rule, slice: string | null) => number | null): {
    series: MetricSeries;
    equalWeights: boolean;
  } {
    const f = this.first;
    let value: number;
    let combined: MetricSeries['combined'];
    const rule = this.rule;
    const recomputed = rule !== null && rule !== 'none' ? recompute(rule, f.slice) : null;
    if (this.contributions === 1) {
      value = f.latest.value;
      combined = recomputed === null ? undefined : 'recomputed';
    } else if (recomputed !== null) {
      value = recomputed;
      combined = 'recomputed';
    } else if (COUNT_KEY.test(f.key) && Number.isInteger(this.sum)) {
      value = this.sum;
      combined = 'summed';
    } else {
      value = this.weightedSum / this.weightTotal;
      combined = 'weighted';
    }
    const series: MetricSeries = {
      ...f,
      latest: {
        value,
        observedAt: Number.isFinite(this.latestAt)
          ? new Date(this.latestAt).toISOString()
          : f.latest.observedAt,
        recordRef: this.contributions === 1 || combined === undefined ? this.latestRecord : null,
        step: this.steps?.last ?? f.latest.step,
      },
      count: this.count,
      steps: this.steps,
      completeness: COMPLETENESS_ORDER[this.completeness] ?? 'unknown',
      degraded: this.degraded,
      nonFinite: this.nonFinite,
      replicates: this.replicates,
      ...(this.replicateSeeds && f.replicateSeeds ? { replicateSeeds: this.replicateSeeds } : {}),
      ...(combined === undefined ? {} : { combined }),
    };
    if (!this.replicateSeeds || !f.replicateSeeds) delete series.replicateSeeds;
    return { series, equalWeights: combined === 'weighted' && this.equalWeights };
  }
}

/** Evaluates a rule on merged sample columns. */
export function evaluateRule(
  rule: Rule,
  samples: SampleSeries | undefined,
  slice: string | null,
): number | null {
  if (!samples) return null;
  const values = subsetValues(samples, slice);
  if (values.length === 0) return null;
  if (rule.kind === 'count') return values.length;
  if (rule.kind === 'quantile') return sortedQuantile(values, rule.q);
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
