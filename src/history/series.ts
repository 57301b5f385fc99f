/** One metric's values over the history window, oldest first, each with the run that held it. */
import type { HistoryRecord } from './record.js';

export interface SeriesPoint {
  value: number;
  record: HistoryRecord;
}

export interface SeriesKey {
  project: string;
  /** The metalab params label; null for Contexta runs. */
  unit: string | null;
  stage: string | null;
  key: string;
  slice: string | null;
}

/** The series' values in the last `window` records of its project (records that lack it are skipped). */
export function seriesPoints(
  records: readonly HistoryRecord[],
  series: SeriesKey,
  window: number,
): SeriesPoint[] {
  const own = records.filter((r) => r.project === series.project).slice(-window);
  const out: SeriesPoint[] = [];
  for (const record of own) {
    const point = record.metrics.find(
      ([unit, stage, key, slice]) =>
        unit === series.unit && stage === series.stage && key === series.key && slice === series.slice,
    );
    if (point) out.push({ value: point[4], record });
  }
  return out;
}
