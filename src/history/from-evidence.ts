/** Builds this run's history records from its evidence: one per project, values as compared. */
import type { MetricSeries, Project, Run } from '../evidence/model.js';
import { HISTORY_MAX_SERIES, HISTORY_VERSION, type HistoryPoint, type HistoryRecord } from './record.js';

export interface RecordOrigin {
  runId: number | null;
  commit: string | null;
  /**
   * When the job ran, used when the run has no start time (start times live only in the ledger).
   * Null locally: the time the run's metrics were last recorded stands in, else the epoch.
   */
  recordedAt: string | null;
}

const EPOCH = new Date(0).toISOString();

function points(unit: string | null, stage: string | null, series: readonly MetricSeries[]): HistoryPoint[] {
  return series
    .filter((s) => s.batch === null && Number.isFinite(s.latest.value))
    .map((s): HistoryPoint => [unit, stage, s.key, s.slice, s.latest.value]);
}

function runPoints(run: Run, unit: string | null): HistoryPoint[] {
  return [
    ...points(unit, null, run.runMetrics),
    ...run.stages.flatMap((stage) => points(unit, stage.name, stage.metrics)),
  ];
}

const key = (p: HistoryPoint) => [p[0] ?? '', p[1] ?? '', p[2], p[3] ?? ''].join('\u0000');

function validTime(value: string | null): value is string {
  return value !== null && !Number.isNaN(Date.parse(value)) && /[zZ]|[+-]\d\d:\d\d$/.test(value);
}

/** The latest `observed_at` of any of the runs' metric series, or null when none has one. */
function lastObserved(runs: readonly Run[]): string | undefined {
  let last: { at: number; text: string } | undefined;
  for (const run of runs) {
    for (const series of [...run.runMetrics, ...run.stages.flatMap((s) => s.metrics)]) {
      const text = series.latest.observedAt;
      if (!validTime(text)) continue;
      const at = Date.parse(text);
      if (last === undefined || at > last.at) last = { at, text };
    }
  }
  return last?.text;
}

/**
 * The latest run of a Contexta project (the one a job just produced), or every unit of a metalab
 * store keyed by its params label, so units of one store never mix in one series.
 */
function projectRecord(project: Project, origin: RecordOrigin): HistoryRecord | null {
  if (project.runs.length === 0) return null;
  const metalab = project.runs.some((r) => r.metalab !== undefined);
  const latest = project.runs.reduce((a, b) =>
    (b.startedAt ?? '') > (a.startedAt ?? '') ||
    ((b.startedAt ?? '') === (a.startedAt ?? '') && b.ref > a.ref)
      ? b
      : a,
  );
  const runs = metalab ? project.runs : [latest];
  const seen = new Set<string>();
  const metrics = runs
    .flatMap((run) => runPoints(run, metalab ? run.name : null))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .filter((p) => !seen.has(key(p)) && Boolean(seen.add(key(p))))
    .slice(0, HISTORY_MAX_SERIES);
  const started =
    runs.map((r) => r.startedAt).find(validTime) ?? origin.recordedAt ?? lastObserved(runs) ?? EPOCH;
  return {
    v: HISTORY_VERSION,
    project: project.name,
    run: runs[0]!.ref,
    runId: origin.runId,
    commit: origin.commit !== null && /^[0-9a-f]{7,64}$/.test(origin.commit) ? origin.commit : null,
    time: new Date(started).toISOString(),
    metrics,
  };
}

export function historyRecords(
  evidence: { projects: readonly Project[] },
  origin: RecordOrigin,
): HistoryRecord[] {
  return evidence.projects.flatMap((p) => projectRecord(p, origin) ?? []);
}
