/**
 * `max_drift` / `max_drift_pct`: slow decay. Each merged change may stay within `max_drop` while
 * the metric loses a little every time; this limit holds the candidate against the best value the
 * metric reached in the history window instead of against the one baseline run. It is judged on the
 * raw values (no significance): the worsening it catches is cumulative, not one noisy draw.
 */
import type { ComparedUnit } from '../compare/compare.js';
import type { MetricDelta } from '../compare/types.js';
import { formatChange, formatNumber } from '../format/numbers.js';
import type { HistoryRecord } from '../history/record.js';
import { describeRecord } from '../history/record.js';
import { type SeriesKey, type SeriesPoint, seriesPoints } from '../history/series.js';
import type { RegressionGate } from './config-types.js';
import { check } from './results.js';
import type { rowFacts } from './rows.js';
import type { GateCheck } from './types.js';

export function hasDriftLimit(gate: RegressionGate): boolean {
  return gate.maxDrift !== null || gate.maxDriftPct !== null;
}

function driftLimitText(gate: RegressionGate): string {
  return [
    gate.maxDrift === null ? null : `max_drift ${gate.maxDrift}`,
    gate.maxDriftPct === null ? null : `max_drift_pct ${gate.maxDriftPct} %`,
  ]
    .filter((x) => x !== null)
    .join(', ');
}

/** The history series of a compared row: metalab units are keyed by their params label. */
export function rowSeries(unit: ComparedUnit, row: Pick<MetricDelta, 'stage' | 'key' | 'slice'>): SeriesKey {
  const metalab = unit.pair.candidate?.metalab !== undefined || unit.pair.baseline?.metalab !== undefined;
  return {
    project: unit.comparison.project,
    unit: metalab ? unit.comparison.unit : null,
    stage: row.stage,
    key: row.key,
    slice: row.slice,
  };
}

export type DriftResult = { check: GateCheck } | { notJudged: string };

function bestPoint(points: readonly SeriesPoint[], direction: 'higher' | 'lower'): SeriesPoint {
  return points.reduce((best, p) =>
    direction === 'higher' ? (p.value > best.value ? p : best) : p.value < best.value ? p : best,
  );
}

/**
 * The drift row of one metric, or why it was not judged (no history, or none of the window's runs
 * recorded this metric). `base` is the row's own facts (project, unit, metric, direction).
 */
export function driftCheck(
  gate: RegressionGate,
  history: readonly HistoryRecord[] | null,
  unit: ComparedUnit,
  row: MetricDelta,
  direction: 'higher' | 'lower',
  located: string,
  base: ReturnType<typeof rowFacts>,
): DriftResult {
  const candidate = row.candidate;
  if (history === null || candidate === null) return { notJudged: located };
  const points = seriesPoints(history, rowSeries(unit, row), gate.history);
  if (points.length === 0) return { notJudged: located };
  const best = bestPoint(points, direction);
  const worsening = direction === 'higher' ? best.value - candidate : candidate - best.value;
  const slack = 64 * Number.EPSILON * Math.max(Math.abs(best.value), Math.abs(candidate));
  const beyondAbs = gate.maxDrift !== null && worsening - gate.maxDrift > slack;
  const beyondPct =
    gate.maxDriftPct !== null &&
    (best.value === 0
      ? worsening > slack
      : worsening - (gate.maxDriftPct / 100) * Math.abs(best.value) > slack);
  const limit = driftLimitText(gate);
  const window = `the last ${points.length} run${points.length === 1 ? '' : 's'} of history`;
  const from = `its best of ${window}, ${formatNumber(best.value)} in ${describeRecord(best.record)}`;
  const moved =
    worsening > 0
      ? `drifted ${formatChange(best.value, candidate)} from ${from}`
      : `is ${formatNumber(candidate)}, ${direction === 'higher' ? 'at or above' : 'at or below'} ${from}`;
  const outcome = beyondAbs || beyondPct ? 'fail' : 'pass';
  const reason =
    outcome === 'fail' ? `${located} ${moved}, beyond ${limit}` : `${located} ${moved}, within ${limit}`;
  return {
    check: check({
      ...base,
      subject: 'max_drift',
      baseline: best.value,
      candidate,
      delta: candidate - best.value,
      relativeChange: best.value === 0 ? null : (candidate - best.value) / Math.abs(best.value),
      direction,
      limit,
      n: null,
      sampleKey: null,
      pValue: null,
      interval: null,
      outcome,
      reason,
    }),
  };
}
