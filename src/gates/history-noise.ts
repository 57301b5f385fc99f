/**
 * History as the noise model of a metric that has neither per-sample evidence nor replicates (one
 * BLEU or ROUGE number, a benchmark score). Under `significance: α` the candidate is held against a
 * two-sided (1 − α) prediction interval of the metric's values over the history window:
 *
 *     mean ± t_{1−α/2, n−1} · sd · √(1 + 1/n)      (n runs, sample standard deviation sd)
 *
 * — the range one more run of the same model would fall in, were it a draw from the same noise. A
 * worsening that lands inside it is noise; one beyond it is a regression. Fewer than
 * `MIN_HISTORY_RUNS` values say nothing about the spread: the raw limits apply, and the row says so.
 */
import type { ComparedUnit } from '../compare/compare.js';
import type { MetricDelta } from '../compare/types.js';
import { formatNumber } from '../format/numbers.js';
import type { HistoryRecord } from '../history/record.js';
import { seriesPoints } from '../history/series.js';
import { studentTCritical } from '../stats/student-t.js';
import { rowSeries } from './drift.js';

export const MIN_HISTORY_RUNS = 5;

export type HistoryNoise =
  | { kind: 'noise'; n: number; mean: number; low: number; high: number; within: boolean; text: string }
  | { kind: 'too-little'; n: number; text: string };

/** Null when the row has its own evidence of noise (replicates) or no history was given at all. */
export function historyNoise(
  history: readonly HistoryRecord[] | null,
  window: number,
  unit: ComparedUnit,
  row: MetricDelta,
  direction: 'higher' | 'lower',
  alpha: number,
): HistoryNoise | null {
  if (history === null || row.candidate === null) return null;
  if (row.baselineReplicates.length > 1 || row.candidateReplicates.length > 1) return null;
  const values = seriesPoints(history, rowSeries(unit, row), window).map((p) => p.value);
  const n = values.length;
  if (n < MIN_HISTORY_RUNS) {
    return {
      kind: 'too-little',
      n,
      text: `no sample evidence and only ${n} run${n === 1 ? '' : 's'} of history (noise from history needs ${MIN_HISTORY_RUNS}): threshold applied to raw delta`,
    };
  }
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = studentTCritical(1 - alpha, n - 1) * sd * Math.sqrt(1 + 1 / n);
  const low = mean - half;
  const high = mean + half;
  const c = row.candidate;
  const within = direction === 'higher' ? c >= low : c <= high;
  const range = `${formatNumber(low)} to ${formatNumber(high)}`;
  return {
    kind: 'noise',
    n,
    mean,
    low,
    high,
    within,
    text: `noise from history (${n} runs): ${within ? 'within' : 'outside'} the ${Math.round((1 - alpha) * 100)} % prediction interval ${range} around the mean ${formatNumber(mean)}`,
  };
}
