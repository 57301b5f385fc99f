/**
 * The trend of each gated metric: its values over the history window, then this run's. The report
 * draws them (a sparkline per row of the comment's table, a line chart in the job summary).
 */
import type { ComparedUnit } from '../compare/compare.js';
import { rowSeries } from '../gates/drift.js';
import type { GateResult, MetricTrend } from '../gates/types.js';
import type { HistoryRecord } from '../history/record.js';
import { describeRecord } from '../history/record.js';
import { seriesPoints } from '../history/series.js';

/** Charts stay readable: a comment has room for a handful of lines, not every metric. */
const MAX_TRENDS = 8;

export function metricTrends(
  history: readonly HistoryRecord[] | null,
  units: readonly ComparedUnit[],
  gates: readonly GateResult[],
  window: number,
): MetricTrend[] {
  if (history === null) return [];
  const trends = new Map<string, MetricTrend>();
  for (const gate of gates) {
    if (gate.kind !== 'regression' && gate.kind !== 'threshold') continue;
    for (const c of gate.checks) {
      if (c.metric === null || c.candidate === null) continue;
      const id = [c.project, c.unit, c.stage ?? '', c.metric, c.slice ?? ''].join('\u0000');
      if (trends.has(id)) continue;
      const unit = units.find((u) => u.comparison.project === c.project && u.comparison.unit === c.unit);
      if (!unit) continue;
      const points = seriesPoints(
        history,
        rowSeries(unit, { stage: c.stage, key: c.metric, slice: c.slice }),
        window,
      );
      if (points.length === 0) continue;
      trends.set(id, {
        project: c.project,
        unit: c.unit,
        stage: c.stage,
        metric: c.metric,
        slice: c.slice,
        values: [...points.map((p) => p.value), c.candidate],
        runs: [...points.map((p) => describeRecord(p.record)), 'this run'],
      });
    }
  }
  return [...trends.values()].slice(0, MAX_TRENDS);
}
