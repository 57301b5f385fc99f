/** Builds this run's history records from its evidence: one per project, values as compared. */
import type { MetricSeries, Project, Run } from '../evidence/model.js';
import { HISTORY_MAX_SERIES, HISTORY_VERSION, type HistoryPoint, type HistoryRecord } from './record.js';

export interface RecordOrigin {
  runId: number | null;
  commit: string | null;
  /** Used when the run has no recorded start time. */
  recordedAt: string;
}

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
  const started = runs.map((r) => r.startedAt).find(validTime);
  return {
    v: HISTORY_VERSION,
    project: project.name,
    run: runs[0]!.ref,
    runId: origin.runId,
    commit: origin.commit !== null && /^[0-9a-f]{7,64}$/.test(origin.commit) ? origin.commit : null,
    time: new Date(started ?? origin.recordedAt).toISOString(),
    metrics,
  };
}

export function historyRecords(
  evidence: { projects: readonly Project[] },
  origin: RecordOrigin,
): HistoryRecord[] {
  return evidence.projects.flatMap((p) => projectRecord(p, origin) ?? []);
}
