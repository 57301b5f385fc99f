/**
 * What the fold keeps per project, run and stage while files stream, and how a run's state becomes
 * the model's `Run` once every file is read (stage order, finished series, incomplete-record gaps).
 */
import type { GapSink } from '../evidence/gaps.js';
import type {
  Artifact,
  Batch,
  DegradedRecord,
  Deployment,
  EnvironmentSnapshot,
  EventSummary,
  LifecycleStatus,
  Run,
  Stage,
} from '../evidence/model.js';
import { type SampleColumns, shareColumns, stageIds } from '../evidence/sample-columns.js';
import { SampleNames } from '../evidence/sample-names.js';
import type { SampleTagColumns } from '../evidence/sample-tags.js';
import { compareStrings, finishSeries, type SeriesAcc } from './fold-series.js';

export class StageAcc {
  status: LifecycleStatus | null = null;
  orderIndex: number | null = null;
  readonly series = new Map<string, SeriesAcc>();
  readonly samples = new Map<string, SampleColumns>();
  readonly sampleNames = new SampleNames();
  /** `tags.label`/`tags.prediction` of per-sample records; a per-sample metric of the name wins. */
  readonly sampleTags = new Map<string, SampleTagColumns>();
  readonly batches = new Map<string, Batch>();
  recordCount = 0;
  partialRecords = 0;
  partialFile: string | null = null;

  constructor(
    readonly ref: string,
    readonly name: string,
    readonly seen: number,
  ) {}
}

export class RunAcc {
  status: LifecycleStatus | null = null;
  startedAt: string | null = null;
  endedAt: string | null = null;
  readonly stages = new Map<string, StageAcc>();
  readonly runSeries = new Map<string, SeriesAcc>();
  readonly events = new Map<string, EventSummary>();
  readonly degraded: DegradedRecord[] = [];
  readonly artifacts = new Map<string, Artifact>();
  environment: EnvironmentSnapshot | null = null;
  recordCount = 0;
  runPartialRecords = 0;
  runPartialFile: string | null = null;

  constructor(
    readonly ref: string,
    readonly project: string,
    readonly name: string,
  ) {}
}

export class ProjectAcc {
  readonly runs = new Map<string, RunAcc>();
  readonly deployments: Deployment[] = [];
  constructor(readonly name: string) {}
}

/** `table`: the read's shared sample table, which the finished sample series index. */
export function buildRun(run: RunAcc, gaps: GapSink, table: SampleNames): Run {
  const stages = [...run.stages.values()].sort(
    (a, b) =>
      (a.orderIndex ?? Number.MAX_SAFE_INTEGER) - (b.orderIndex ?? Number.MAX_SAFE_INTEGER) ||
      a.seen - b.seen,
  );
  const built: Stage[] = stages.map((stage) => {
    const shared = stageIds(stage.sampleNames, table);
    if (stage.partialRecords > 0) {
      gaps.add({
        code: 'partial_record',
        severity: 'warning',
        file: stage.partialFile ?? undefined,
        runRef: run.ref,
        stage: stage.name,
        ref: stage.ref,
        count: stage.partialRecords,
        message: `${stage.partialRecords} record(s) in stage ${stage.name} are marked incomplete (completeness partial/absent/unknown)`,
      });
    }
    return {
      ref: stage.ref,
      name: stage.name,
      status: stage.status,
      orderIndex: stage.orderIndex,
      metrics: finishSeries(stage.series, gaps, { runRef: run.ref, stage: stage.name }),
      samples: shareColumns(
        [
          ...stage.samples.values(),
          ...[...stage.sampleTags.values()].filter((t) => !stage.samples.has(t.key)),
        ]
          .sort((a, b) => compareStrings(a.key, b.key))
          .map((s) => s.finish(shared)),
      ),
      batches: [...stage.batches.values()],
      recordCount: stage.recordCount,
      partialRecords: stage.partialRecords,
    };
  });
  if (run.runPartialRecords > 0) {
    gaps.add({
      code: 'partial_record',
      severity: 'warning',
      file: run.runPartialFile ?? undefined,
      runRef: run.ref,
      ref: run.ref,
      count: run.runPartialRecords,
      message: `${run.runPartialRecords} run-level record(s) are marked incomplete (completeness partial/absent/unknown)`,
    });
  }
  return {
    ref: run.ref,
    project: run.project,
    name: run.name,
    status: run.status,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    stages: built,
    runMetrics: finishSeries(run.runSeries, gaps, { runRef: run.ref, stage: null }),
    events: [...run.events.values()],
    degraded: run.degraded,
    artifacts: [...run.artifacts.values()],
    environment: run.environment,
    recordCount: run.recordCount,
    params: null,
  };
}
