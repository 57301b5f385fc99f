import { type Run, type SampleSeries, type Stage, sampleName, sampleNames } from '../evidence/model.js';
import { mcnemarExact, pairedBootstrap, StatsInputError } from '../stats/index.js';
import type { DirectionOverride } from './direction.js';
import { metricDirection } from './direction.js';
import {
  columnAt,
  overallGroup,
  type PairGroup,
  pairSeries,
  type SeriesPairing,
  sliceGroups,
} from './pairing.js';
import {
  type MetricDelta,
  type MetricDirection,
  type NameList,
  type PairedTest,
  SAMPLE_NAME_LIMIT,
  type SampleComparison,
  type SampleGroupComparison,
} from './types.js';

export interface SampleOptions {
  directions: readonly DirectionOverride[];
  seed: number;
  resamples: number;
  /** Confidence level of intervals. */
  confidence: number;
}

/**
 * Per-sample `label` and `prediction` are inputs of f1/precision/recall/auc (row-test.ts), not outcomes
 * that get better or worse by themselves: comparing them as series would report noise as findings.
 */
const CLASSIFICATION_INPUTS = new Set(['label', 'prediction']);

/** Tolerance for "this sample series' mean is that aggregate metric". */
const LINK_TOLERANCE = 1e-9;

export function nameList(names: string[]): NameList {
  const sorted = [...names].sort();
  return {
    count: sorted.length,
    names: sorted.slice(0, SAMPLE_NAME_LIMIT),
    truncated: sorted.length > SAMPLE_NAME_LIMIT,
  };
}

const EMPTY: NameList = { count: 0, names: [], truncated: false };

/** The names of `rows` of `series`, picked through `at` (indices into `rows`). */
function namesAt(series: SampleSeries, rows: Int32Array, at: Int32Array): string[] {
  return Array.from(at, (k) => sampleName(series, rows[k]!));
}

function groupComparison(
  slice: string | null,
  p: SeriesPairing,
  group: PairGroup,
  bs: SampleSeries,
  cs: SampleSeries,
  kind: 'binary' | 'continuous',
  direction: MetricDirection,
  options: SampleOptions,
): SampleGroupComparison {
  let n = 0;
  const finite = new Int32Array(group.pairs.length);
  for (const k of group.pairs) {
    if (Number.isFinite(bs.values[p.baselineRow[k]!]!) && Number.isFinite(cs.values[p.candidateRow[k]!]!))
      finite[n++] = k;
  }
  const kept = finite.subarray(0, n);
  const out: SampleGroupComparison = {
    slice,
    paired: n,
    baselineOnly: nameList(namesAt(bs, p.baselineOnly, group.baselineOnly)),
    candidateOnly: nameList(namesAt(cs, p.candidateOnly, group.candidateOnly)),
    binary: null,
    continuous: null,
    test: null,
  };
  if (n === 0) return out;
  const b = columnAt(bs.values, p.baselineRow, kept);
  const c = columnAt(cs.values, p.candidateRow, kept);
  const name = (k: number) => sampleName(cs, p.candidateRow[k]!);
  try {
    if (kind === 'binary') {
      // For a lower-is-better outcome (an `error` flag) 0 is the success, so flip before testing.
      const good = direction === 'lower' ? 0 : 1;
      const success = (v: number) => (v === good ? 1 : 0);
      const newlyFailing: string[] = [];
      const newlyPassing: string[] = [];
      const stillFailing: string[] = [];
      let stillPassing = 0;
      for (let j = 0; j < n; j++) {
        const was = success(b[j]!);
        const now = success(c[j]!);
        if (was && !now) newlyFailing.push(name(kept[j]!));
        else if (!was && now) newlyPassing.push(name(kept[j]!));
        else if (!was && !now) stillFailing.push(name(kept[j]!));
        else stillPassing++;
      }
      // Binary values are 0/1 already: only a lower-is-better key needs its own success column.
      const result =
        good === 1
          ? mcnemarExact(b, c, { confidence: options.confidence })
          : mcnemarExact(b.map(success), c.map(success), { confidence: options.confidence });
      out.binary = {
        newlyFailing: nameList(newlyFailing),
        newlyPassing: nameList(newlyPassing),
        stillFailing: nameList(stillFailing),
        stillPassing,
        baselineRate: result.baselineRate,
        candidateRate: result.candidateRate,
      };
      out.test = {
        method: 'mcnemar-exact',
        n: result.n,
        estimate: result.difference,
        pValue: result.pValue,
        interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
        discordantWorse: result.b,
        discordantBetter: result.c,
        resamples: null,
        seed: null,
      };
    } else {
      const result = pairedBootstrap(b, c, {
        seed: options.seed,
        resamples: options.resamples,
        confidence: options.confidence,
      });
      out.continuous = {
        baselineMean: result.meanBaseline,
        candidateMean: result.meanCandidate,
        meanDifference: result.difference,
      };
      out.test = bootstrapTest(result);
    }
  } catch (error) {
    // The pairs were filtered to finite values, so only an empty group can land here.
    if (!(error instanceof StatsInputError)) throw error;
  }
  return out;
}

function bootstrapTest(result: ReturnType<typeof pairedBootstrap>): PairedTest {
  return {
    method: 'paired-bootstrap',
    n: result.n,
    estimate: result.difference,
    pValue: result.pValue,
    interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
    discordantWorse: null,
    discordantBetter: null,
    resamples: result.resamples,
    seed: result.seed,
  };
}

function oneSided(
  stage: string,
  series: SampleSeries,
  side: 'baseline' | 'candidate',
  direction: MetricDirection,
) {
  const names = nameList(sampleNames(series));
  const overall: SampleGroupComparison = {
    slice: null,
    paired: 0,
    baselineOnly: side === 'baseline' ? names : EMPTY,
    candidateOnly: side === 'candidate' ? names : EMPTY,
    binary: null,
    continuous: null,
    test: null,
  };
  const comparison: SampleComparison = {
    stage,
    key: series.key,
    kind: series.binary ? 'binary' : 'continuous',
    direction,
    overall,
    slices: [],
    presence: side === 'candidate' ? 'candidate_only' : 'baseline_only',
  };
  return comparison;
}

/**
 * Per-sample comparison of every per-sample key of every stage, pairing samples by name (the last
 * component of the sample ref, so runs with different names pair). Binary keys get McNemar's exact
 * test, continuous keys a seeded paired bootstrap of the mean difference; each overall and per slice.
 */
export function compareSamples(
  baseline: Run | null,
  candidate: Run | null,
  options: SampleOptions,
): SampleComparison[] {
  const stages = new Map<string, { b?: Stage; c?: Stage }>();
  for (const s of baseline?.stages ?? []) stages.set(s.name, { ...stages.get(s.name), b: s });
  for (const s of candidate?.stages ?? []) stages.set(s.name, { ...stages.get(s.name), c: s });
  const out: SampleComparison[] = [];
  for (const [stage, { b, c }] of [...stages].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const left = new Map((b?.samples ?? []).map((s) => [s.key, s]));
    const right = new Map((c?.samples ?? []).map((s) => [s.key, s]));
    const keys = [...new Set([...left.keys(), ...right.keys()])].filter((k) => !CLASSIFICATION_INPUTS.has(k));
    for (const key of keys.sort()) {
      const direction = metricDirection(key, options.directions);
      const bs = left.get(key);
      const cs = right.get(key);
      if (!bs || !cs) {
        out.push(oneSided(stage, (cs ?? bs)!, cs ? 'candidate' : 'baseline', direction));
        continue;
      }
      const kind = bs.binary && cs.binary ? 'binary' : 'continuous';
      const pairing = pairSeries(bs, cs);
      out.push({
        stage,
        key,
        kind,
        direction,
        presence: 'both',
        overall: groupComparison(null, pairing, overallGroup(pairing), bs, cs, kind, direction, options),
        slices: sliceGroups(pairing).map(({ slice, group }) =>
          groupComparison(slice, pairing, group, bs, cs, kind, direction, options),
        ),
      });
    }
  }
  return out;
}

/** Mean of a series overall (key `null`) and per slice, computed in one pass. */
function seriesMeans(series: SampleSeries): Map<string | null, number> {
  const sums = new Float64Array(series.sliceNames.length);
  const counts = new Float64Array(series.sliceNames.length);
  let total = 0;
  for (let i = 0; i < series.values.length; i++) {
    const value = series.values[i]!;
    total += value;
    const slice = series.sliceIndex[i]!;
    if (slice >= 0) {
      sums[slice]! += value;
      counts[slice]! += 1;
    }
  }
  const means = new Map<string | null, number>();
  if (series.values.length > 0) means.set(null, total / series.values.length);
  series.sliceNames.forEach((name, k) => {
    if (counts[k]! > 0) means.set(name, sums[k]! / counts[k]!);
  });
  return means;
}

/**
 * Finds the per-sample evidence behind aggregate metrics: a binary sample series of the same stage
 * whose mean (overall, or over the slice's samples) equals the aggregate on every side that has both
 * (`correct` ↔ `accuracy`, `pass` ↔ `exact-match`). Sets `sampleLink` on the rows it links.
 */
export function linkSampleEvidence(deltas: MetricDelta[], baseline: Run | null, candidate: Run | null): void {
  type Binary = Map<string, Map<string | null, number>>;
  const binaryMeans = (run: Run | null, stage: string): Binary =>
    new Map(
      (run?.stages.find((s) => s.name === stage)?.samples ?? [])
        .filter((s) => s.binary)
        .map((s) => [s.key, seriesMeans(s)]),
    );
  const matches = (means: Map<string | null, number> | undefined, slice: string | null, value: number) => {
    const mean = means?.get(slice);
    return mean !== undefined && Math.abs(mean - value) <= LINK_TOLERANCE;
  };
  const cache = new Map<string, { b: Binary; c: Binary; keys: string[] }>();
  for (const row of deltas) {
    if (row.stage === null || row.batch !== null) continue;
    let series = cache.get(row.stage);
    if (!series) {
      const b = binaryMeans(baseline, row.stage);
      const c = binaryMeans(candidate, row.stage);
      series = { b, c, keys: [...new Set([...b.keys(), ...c.keys()])].sort() };
      cache.set(row.stage, series);
    }
    for (const key of series.keys) {
      const sides = (
        [
          [series.b.get(key), row.baseline],
          [series.c.get(key), row.candidate],
        ] as const
      ).filter(
        (side): side is readonly [Map<string | null, number>, number] =>
          side[0] !== undefined && side[1] !== null,
      );
      if (sides.length > 0 && sides.every(([means, value]) => matches(means, row.slice, value))) {
        row.sampleLink = { stage: row.stage, key, source: 'auto' };
        break;
      }
    }
  }
}
