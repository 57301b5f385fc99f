import type { Run, SampleSeries, Stage } from '../evidence/model.js';
import { mcnemarExact, pairedBootstrap, StatsInputError } from '../stats/index.js';
import type { DirectionOverride } from './direction.js';
import { metricDirection } from './direction.js';
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

function sliceOf(series: SampleSeries, index: number): string | null {
  const i = series.sliceIndex[index]!;
  return i >= 0 ? (series.sliceNames[i] ?? null) : null;
}

/** Pairs with the slice they belong to (the candidate's slice tag, else the baseline's). */
interface Pair {
  name: string;
  slice: string | null;
  baseline: number;
  candidate: number;
}

interface Unpaired {
  name: string;
  slice: string | null;
}

function pairSeries(
  baseline: SampleSeries,
  candidate: SampleSeries,
): { pairs: Pair[]; baselineOnly: Unpaired[]; candidateOnly: Unpaired[] } {
  const baselineIndex = new Map<string, number>();
  baseline.names.forEach((name, i) => {
    baselineIndex.set(name, i);
  });
  const pairs: Pair[] = [];
  const candidateOnly: Unpaired[] = [];
  const paired = new Uint8Array(baseline.names.length);
  candidate.names.forEach((name, ci) => {
    const bi = baselineIndex.get(name);
    if (bi === undefined) {
      candidateOnly.push({ name, slice: sliceOf(candidate, ci) });
      return;
    }
    paired[bi] = 1;
    pairs.push({
      name,
      slice: sliceOf(candidate, ci) ?? sliceOf(baseline, bi),
      baseline: baseline.values[bi]!,
      candidate: candidate.values[ci]!,
    });
  });
  const baselineOnly: Unpaired[] = [];
  baseline.names.forEach((name, i) => {
    if (paired[i] === 0) baselineOnly.push({ name, slice: sliceOf(baseline, i) });
  });
  return { pairs, baselineOnly, candidateOnly };
}

function groupComparison(
  slice: string | null,
  pairs: Pair[],
  baselineOnly: Unpaired[],
  candidateOnly: Unpaired[],
  kind: 'binary' | 'continuous',
  direction: MetricDirection,
  options: SampleOptions,
): SampleGroupComparison {
  const finite = pairs.filter((p) => Number.isFinite(p.baseline) && Number.isFinite(p.candidate));
  const group: SampleGroupComparison = {
    slice,
    paired: finite.length,
    baselineOnly: nameList(baselineOnly.map((u) => u.name)),
    candidateOnly: nameList(candidateOnly.map((u) => u.name)),
    binary: null,
    continuous: null,
    test: null,
  };
  if (finite.length === 0) return group;
  const b = Float64Array.from(finite, (p) => p.baseline);
  const c = Float64Array.from(finite, (p) => p.candidate);
  try {
    if (kind === 'binary') {
      // For a lower-is-better outcome (an `error` flag) 0 is the success, so flip before testing.
      const good = direction === 'lower' ? 0 : 1;
      const success = (v: number) => (v === good ? 1 : 0);
      const newlyFailing: string[] = [];
      const newlyPassing: string[] = [];
      const stillFailing: string[] = [];
      let stillPassing = 0;
      for (const p of finite) {
        const was = success(p.baseline);
        const now = success(p.candidate);
        if (was && !now) newlyFailing.push(p.name);
        else if (!was && now) newlyPassing.push(p.name);
        else if (!was && !now) stillFailing.push(p.name);
        else stillPassing++;
      }
      const result = mcnemarExact(b.map(success), c.map(success), { confidence: options.confidence });
      group.binary = {
        newlyFailing: nameList(newlyFailing),
        newlyPassing: nameList(newlyPassing),
        stillFailing: nameList(stillFailing),
        stillPassing,
        baselineRate: result.baselineRate,
        candidateRate: result.candidateRate,
      };
      group.test = {
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
      group.continuous = {
        baselineMean: result.meanBaseline,
        candidateMean: result.meanCandidate,
        meanDifference: result.difference,
      };
      group.test = bootstrapTest(result);
    }
  } catch (error) {
    // The pairs were filtered to finite values, so only an empty group can land here.
    if (!(error instanceof StatsInputError)) throw error;
  }
  return group;
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
  const names = nameList(series.names);
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
      const { pairs, baselineOnly, candidateOnly } = pairSeries(bs, cs);
      const slices = new Set<string>();
      for (const x of [...pairs, ...baselineOnly, ...candidateOnly])
        if (x.slice !== null) slices.add(x.slice);
      const inSlice = <T extends { slice: string | null }>(xs: T[], slice: string) =>
        xs.filter((x) => x.slice === slice);
      out.push({
        stage,
        key,
        kind,
        direction,
        presence: 'both',
        overall: groupComparison(null, pairs, baselineOnly, candidateOnly, kind, direction, options),
        slices: [...slices]
          .sort()
          .map((slice) =>
            groupComparison(
              slice,
              inSlice(pairs, slice),
              inSlice(baselineOnly, slice),
              inSlice(candidateOnly, slice),
              kind,
              direction,
              options,
            ),
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
