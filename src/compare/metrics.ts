import type { MetricSeries, Run } from '../evidence/model.js';
import type { DirectionOverride } from './direction.js';
import { metricDirection } from './direction.js';
import type { ChangeAssessment, MetricDelta, MetricDirection } from './types.js';

interface LocatedSeries {
  stage: string | null;
  series: MetricSeries;
}

function seriesId(
  stage: string | null,
  s: { key: string; slice: string | null; batch: string | null },
): string {
  return JSON.stringify([stage, s.key, s.slice, s.batch]);
}

/**
 * Every metric series of a run, run-level ones included (Contexta's compare ignores run-level metrics;
 * metalab has nothing else, and a Contexta job may record its headline metric without a stage). When a
 * reader hands over two series with the same identity, the one observed later wins, like Contexta's
 * "latest" rule.
 */
function indexSeries(run: Run | null): Map<string, LocatedSeries> {
  const index = new Map<string, LocatedSeries>();
  if (!run) return index;
  const add = (stage: string | null, series: MetricSeries) => {
    const id = seriesId(stage, series);
    const existing = index.get(id);
    if (existing && laterThan(existing.series, series)) return;
    index.set(id, { stage, series });
  };
  for (const series of run.runMetrics) add(null, series);
  for (const stage of run.stages) for (const series of stage.metrics) add(stage.name, series);
  return index;
}

function laterThan(a: MetricSeries, b: MetricSeries): boolean {
  const ta = a.latest.observedAt ? Date.parse(a.latest.observedAt) : Number.NaN;
  const tb = b.latest.observedAt ? Date.parse(b.latest.observedAt) : Number.NaN;
  return Number.isFinite(ta) && Number.isFinite(tb) && ta > tb;
}

function assessChange(delta: number, direction: MetricDirection): ChangeAssessment {
  if (delta === 0) return 'unchanged';
  if (direction === 'neutral') return 'neutral';
  if (direction === 'higher') return delta > 0 ? 'better' : 'worse';
  return delta < 0 ? 'better' : 'worse';
}

function isPartial(series: MetricSeries): boolean {
  return series.completeness !== 'complete';
}

function nonFiniteReason(side: string, series: MetricSeries): string {
  return `${side} holds ${series.nonFinite} non-finite observation(s) (NaN/Infinity) and no finite latest value`;
}

/**
 * Matches metric series across sides by stage/key/slice/batch. `baseline` may be null (no baseline
 * run): every candidate series is then `added`, with no deltas.
 */
export function compareMetrics(
  baseline: Run | null,
  candidate: Run | null,
  directions: readonly DirectionOverride[],
): MetricDelta[] {
  const left = indexSeries(baseline);
  const right = indexSeries(candidate);
  const ids = new Set([...left.keys(), ...right.keys()]);
  const deltas: MetricDelta[] = [];
  for (const id of ids) {
    const b = left.get(id);
    const c = right.get(id);
    const any = (c ?? b)!;
    const direction = metricDirection(any.series.key, directions);
    const bValue = b && Number.isFinite(b.series.latest.value) ? b.series.latest.value : null;
    const cValue = c && Number.isFinite(c.series.latest.value) ? c.series.latest.value : null;
    const row: MetricDelta = {
      stage: any.stage,
      key: any.series.key,
      slice: any.series.slice,
      batch: any.series.batch,
      unit: c?.series.unit ?? b?.series.unit ?? null,
      presence: b && c ? 'both' : c ? 'candidate_only' : 'baseline_only',
      status: b && c ? 'compared' : c ? 'added' : 'removed',
      baseline: bValue,
      candidate: cValue,
      delta: null,
      relativeChange: null,
      ratio: null,
      direction,
      change: null,
      baselineCount: b ? b.series.count : null,
      candidateCount: c ? c.series.count : null,
      baselineNonFinite: b?.series.nonFinite ?? 0,
      candidateNonFinite: c?.series.nonFinite ?? 0,
      baselineDegraded: b?.series.degraded ?? false,
      candidateDegraded: c?.series.degraded ?? false,
      baselinePartial: b ? isPartial(b.series) : false,
      candidatePartial: c ? isPartial(c.series) : false,
      baselineReplicates: b ? [...b.series.replicates] : [],
      candidateReplicates: c ? [...c.series.replicates] : [],
      sampleLink: null,
      reason: null,
    };
    if (b && c) {
      if (bValue === null || cValue === null) {
        row.status = 'not_comparable';
        const reasons: string[] = [];
        if (bValue === null) reasons.push(nonFiniteReason('baseline', b.series));
        if (cValue === null) reasons.push(nonFiniteReason('candidate', c.series));
        row.reason = reasons.join('; ');
      } else {
        row.delta = cValue - bValue;
        row.ratio = bValue === 0 ? null : cValue / bValue;
        row.relativeChange = bValue === 0 ? null : row.delta / Math.abs(bValue);
        row.change = assessChange(row.delta, direction);
        const ignored = row.baselineNonFinite + row.candidateNonFinite;
        if (ignored > 0) {
          row.reason = `${ignored} non-finite observation(s) ignored; latest finite values compared`;
        }
      }
    } else {
      const only = (c ?? b)!;
      if (!Number.isFinite(only.series.latest.value)) {
        row.reason = nonFiniteReason(c ? 'candidate' : 'baseline', only.series);
      }
    }
    deltas.push(row);
  }
  return deltas.sort(compareRows);
}

export const byText = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
};

function compareRows(a: MetricDelta, b: MetricDelta): number {
  return (
    byText(a.stage, b.stage) || byText(a.key, b.key) || byText(a.slice, b.slice) || byText(a.batch, b.batch)
  );
}
