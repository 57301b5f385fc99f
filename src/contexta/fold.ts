/**
 * Folds validated records, artifacts and ledger rows into the evidence model while files stream.
 * State grows with distinct runs, stages, series and samples — never with the number of lines.
 */
import type { GapSink } from '../evidence/gaps.js';
import type { AggregationScope, Artifact, CompletenessMarker, Project, Run } from '../evidence/model.js';
import { parseRef, parseRefCached } from '../evidence/refs.js';
import { SampleColumns, sampleIdentity } from '../evidence/sample-columns.js';
import type { SampleNames } from '../evidence/sample-names.js';
import { SAMPLE_OUTCOME_TAGS, SampleTagColumns } from '../evidence/sample-tags.js';
import { SeriesAcc } from './fold-series.js';
import type { LedgerContent } from './ledger-rows.js';
import { instantMicros, type NormalRecord } from './record-schema.js';
import { buildRun, ProjectAcc, RunAcc, StageAcc } from './run-acc.js';
import type { ValidRecord } from './validate-record.js';

/** Degraded records kept per run; beyond it only the (capped, counted) gaps remain. */
const MAX_DEGRADED_PER_RUN = 1000;
const PARTIAL_MARKERS: ReadonlySet<CompletenessMarker> = new Set(['partial', 'absent', 'unknown']);

export interface RecordOrigin {
  file: string;
  line: number;
}

/**
 * Everything folding a metric record needs, taken from the validated record by `metricFacts`. Plain
 * strings and numbers, so a parse worker can hand them to the main thread for a fraction of what
 * copying the record would cost.
 */
export interface MetricFacts {
  recordRef: string;
  runRef: string;
  observedAt: string;
  stageRef: string | null;
  /** Third component of the stage ref. */
  stageName: string | null;
  batchRef: string | null;
  /** Fourth component of the batch ref. */
  batchName: string | null;
  /** Last component of the sample ref: the record is one sample's outcome. */
  sampleName: string | null;
  completeness: CompletenessMarker;
  degraded: boolean;
  key: string;
  value: number;
  unit: string | null;
  scope: AggregationScope | null;
  sliceRef: string | null;
  tags: Record<string, string> | null;
}

export function metricFacts(
  record: Extract<NormalRecord, { type: 'metric' }>,
  refs: ValidRecord['refs'],
): MetricFacts {
  const env = record.envelope;
  const p = record.payload;
  return {
    recordRef: env.record_ref,
    runRef: env.run_ref,
    observedAt: env.observed_at,
    stageRef: env.stage_execution_ref ?? null,
    stageName: refs.stage ? refs.stage.parts[2]! : null,
    batchRef: env.batch_execution_ref ?? null,
    batchName: refs.batch ? refs.batch.parts[3]! : null,
    sampleName: refs.sample ? refs.sample.parts[refs.sample.parts.length - 1]! : null,
    completeness: env.completeness_marker ?? 'complete',
    degraded: (env.degradation_marker ?? 'none') !== 'none',
    key: p.metric_key,
    value: p.value,
    unit: p.unit ?? null,
    scope: p.aggregation_scope ?? null,
    sliceRef: p.slice_ref ?? null,
    tags: p.tags ?? null,
  };
}

export class EvidenceBuilder {
  private readonly projects = new Map<string, ProjectAcc>();
  private stagesSeen = 0;
  spans = 0;

  constructor(
    private readonly gaps: GapSink,
    private readonly sampleNames: SampleNames,
  ) {}

  private project(name: string): ProjectAcc {
    let project = this.projects.get(name);
    if (!project) {
      project = new ProjectAcc(name);
      this.projects.set(name, project);
    }
    return project;
  }

  /** Null only for a ref that is not a valid run ref (callers validated records already). */
  run(runRef: string): RunAcc | null {
    const parsed = parseRefCached(runRef);
    if (parsed === null || parsed.kind !== 'run') return null;
    const project = this.project(parsed.parts[0]!);
    let run = project.runs.get(runRef);
    if (!run) {
      run = new RunAcc(runRef, parsed.parts[0]!, parsed.parts[1]!);
      project.runs.set(runRef, run);
    }
    return run;
  }

  private stage(run: RunAcc, stageRef: string, name: string): StageAcc {
    let stage = run.stages.get(stageRef);
    if (!stage) {
      stage = new StageAcc(stageRef, name, this.stagesSeen++);
      run.stages.set(stageRef, stage);
    }
    return stage;
  }

  /**
   * Folds one validated record. A metric goes through `foldMetric` with the facts `metricFacts`
   * takes from it, the same call a parse worker's compact line ends in (`parse-worker.ts`), so both
   * ways of reading fold identically.
   */
  foldRecord(valid: ValidRecord, origin: RecordOrigin): void {
    const { record, refs } = valid;
    if (record.type === 'metric') {
      this.foldMetric(metricFacts(record, refs), origin);
      return;
    }
    const env = record.envelope;
    const { run, stage } = this.enter({
      runRef: env.run_ref,
      stageRef: env.stage_execution_ref ?? null,
      stageName: refs.stage ? refs.stage.parts[2]! : null,
      batchRef: env.batch_execution_ref ?? null,
      batchName: refs.batch ? refs.batch.parts[3]! : null,
      completeness: env.completeness_marker ?? 'complete',
      file: origin.file,
    });
    const stageName = stage?.name ?? null;
    const degradation = env.degradation_marker ?? 'none';

    switch (record.type) {
      case 'event': {
        const p = record.payload;
        const key = JSON.stringify([stageName, p.event_key]);
        const summary = run.events.get(key);
        if (summary) {
          summary.count += 1;
          summary.level = p.level;
          summary.lastMessage = p.message;
        } else {
          run.events.set(key, {
            key: p.event_key,
            level: p.level,
            count: 1,
            lastMessage: p.message,
            stage: stageName,
          });
        }
        if (p.event_key === 'deployment.promoted')
          this.deploymentEvent(record.envelope, p.subject_ref ?? null, p.attributes ?? {});
        return;
      }
      case 'degraded': {
        const p = record.payload;
        if (run.degraded.length < MAX_DEGRADED_PER_RUN)
          run.degraded.push({
            recordRef: env.record_ref,
            issueKey: p.issue_key,
            category: p.category ?? null,
            severity: p.severity,
            summary: p.summary,
            degradationMarker: degradation,
            stage: stageName,
          });
        this.gaps.line(
          'degraded_record',
          p.severity === 'error' ? 'error' : 'warning',
          origin.file,
          origin.line,
          `the job reported degraded evidence (${p.issue_key}, ${p.category ?? 'no category'}): ${p.summary}`,
          { ref: env.record_ref, runRef: run.ref, ...(stageName ? { stage: stageName } : {}) },
        );
        return;
      }
      case 'span':
        this.spans += 1;
        return;
    }
  }

  /** What every record does to its run and stage: counts, its batch, incompleteness. */
  private enter(at: {
    runRef: string;
    stageRef: string | null;
    stageName: string | null;
    batchRef: string | null;
    batchName: string | null;
    completeness: CompletenessMarker;
    file: string;
  }): { run: RunAcc; stage: StageAcc | null } {
    const run = this.run(at.runRef)!;
    const stage =
      at.stageRef !== null && at.stageName !== null ? this.stage(run, at.stageRef, at.stageName) : null;
    run.recordCount += 1;
    if (stage) stage.recordCount += 1;
    if (stage && at.batchRef !== null && at.batchName !== null && !stage.batches.has(at.batchRef)) {
      stage.batches.set(at.batchRef, { ref: at.batchRef, name: at.batchName, status: null });
    }
    if (PARTIAL_MARKERS.has(at.completeness)) {
      if (stage) {
        stage.partialRecords += 1;
        stage.partialFile ??= at.file;
      } else {
        run.runPartialRecords += 1;
        run.runPartialFile ??= at.file;
      }
    }
    return { run, stage };
  }

  /** Folds one metric record: a per-sample outcome into its stage's columns, else into its series. */
  foldMetric(m: MetricFacts, origin: RecordOrigin): void {
    const { run, stage } = this.enter({ ...m, file: origin.file });
    const stageName = stage?.name ?? null;
    const attribution = {
      ref: m.recordRef,
      runRef: run.ref,
      ...(stageName ? { stage: stageName } : {}),
    };
    if (!Number.isFinite(m.value)) {
      this.gaps.line(
        'non_finite_number',
        'warning',
        origin.file,
        origin.line,
        `metric ${m.key} has the value ${m.value}; that observation is never compared`,
        attribution,
      );
    }
    const tagSlice = m.tags?.slice;
    if (stage && m.sampleName !== null) {
      if (!Number.isFinite(m.value)) return;
      let columns = stage.samples.get(m.key);
      if (!columns) {
        columns = new SampleColumns(m.key, stage.sampleNames);
        stage.samples.set(m.key, columns);
      }
      const name = m.sampleName;
      const batchName = m.batchName;
      const identity = sampleIdentity(batchName, name);
      const first = columns.put(identity, m.value, tagSlice ?? null, origin);
      if (first) {
        this.gaps.line(
          'duplicate_sample',
          'error',
          origin.file,
          origin.line,
          `sample ${name}${batchName ? ` of batch ${batchName}` : ''} in stage ${stageName} has ${m.key} recorded twice in one run, at ${first.file}:${first.line} and at ${origin.file}:${origin.line}; it is ambiguous which is right, so neither is used`,
          attribution,
        );
      }
      for (const tag of SAMPLE_OUTCOME_TAGS) {
        const text = m.tags?.[tag];
        if (text === undefined) continue;
        let tags = stage.sampleTags.get(tag);
        if (!tags) {
          tags = new SampleTagColumns(tag, stage.sampleNames);
          stage.sampleTags.set(tag, tags);
        }
        tags.put(identity, text, tagSlice ?? null);
      }
      return;
    }
    const slice = tagSlice ?? m.sliceRef ?? null;
    const map = stage ? stage.series : run.runSeries;
    const key = JSON.stringify([m.key, slice, m.batchName]);
    let series = map.get(key);
    if (!series) {
      series = new SeriesAcc(m.key, slice, m.batchName);
      map.set(key, series);
    }
    series.add(m);
  }

  private deploymentEvent(
    env: ValidRecord['record']['envelope'],
    subjectRef: string | null,
    attributes: Record<string, unknown>,
  ): void {
    const candidates = [env.deployment_execution_ref, subjectRef];
    for (const ref of candidates) {
      const parsed = ref ? parseRef(ref) : null;
      if (parsed?.kind !== 'deployment') continue;
      const deployments = this.project(parsed.parts[0]!).deployments;
      // One entry per deployment ref: a later promotion event replaces an earlier one.
      const earlier = deployments.findIndex((d) => d.source === 'event' && d.ref === ref);
      if (earlier !== -1) deployments.splice(earlier, 1);
      deployments.push({
        ref: ref!,
        name: parsed.parts[1]!,
        status: null,
        runRef: env.run_ref,
        startedAt: env.observed_at,
        endedAt: null,
        source: 'event',
        attributes,
      });
      return;
    }
  }

  /** Adds an artifact unless one with the same ref is already known (first source wins). */
  addArtifact(runRef: string, artifact: Artifact): boolean {
    const run = this.run(runRef);
    if (!run || run.artifacts.has(artifact.ref)) return false;
    run.artifacts.set(artifact.ref, artifact);
    return true;
  }

  applyLedger(ledger: LedgerContent): void {
    for (const row of ledger.runs) {
      const run = this.run(row.ref);
      if (!run) continue;
      run.status = row.status;
      run.startedAt = row.started_at ?? null;
      run.endedAt = row.ended_at ?? null;
    }
    for (const row of ledger.stages) {
      const run = this.run(row.run_ref);
      if (!run) continue;
      const stage = this.stage(run, row.ref, row.stage_name);
      stage.status = row.status;
      stage.orderIndex = row.order_index ?? null;
    }
    for (const row of ledger.batches) {
      const run = this.run(row.run_ref);
      if (!run) continue;
      const stageRef = parseRef(row.stage_ref);
      const stage = this.stage(run, row.stage_ref, stageRef?.parts[2] ?? row.stage_ref);
      stage.batches.set(row.ref, { ref: row.ref, name: row.batch_name, status: row.status });
    }
    for (const row of ledger.deployments) {
      const parsed = parseRef(row.ref);
      const projectName = parsed?.parts[0] ?? parseRef(row.project_ref ?? '')?.parts[0];
      if (!projectName) continue;
      const attributes: Record<string, unknown> = {};
      if (row.artifact_ref) attributes.artifact_ref = row.artifact_ref;
      if (row.environment_snapshot_ref) attributes.environment_snapshot_ref = row.environment_snapshot_ref;
      if (row.order_index !== null && row.order_index !== undefined) attributes.order_index = row.order_index;
      this.project(projectName).deployments.push({
        ref: row.ref,
        name: row.deployment_name,
        status: row.status,
        runRef: row.run_ref ?? null,
        startedAt: row.started_at ?? null,
        endedAt: row.ended_at ?? null,
        source: 'ledger',
        attributes,
      });
    }
    for (const row of ledger.environments) {
      const run = this.run(row.run_ref);
      if (!run) continue;
      const current = run.environment;
      if (current && (instantMicros(current.capturedAt) ?? 0) > (instantMicros(row.captured_at) ?? 0))
        continue;
      run.environment = {
        ref: row.ref,
        capturedAt: row.captured_at ?? null,
        python: row.python_version ?? null,
        platform: row.platform ?? null,
        packages: row.packages,
        environmentVariableNames: row.environment_variable_names,
      };
    }
  }

  build(): Project[] {
    const projects: Project[] = [];
    for (const project of this.projects.values()) {
      const runs: Run[] = [];
      for (const run of project.runs.values()) runs.push(buildRun(run, this.gaps, this.sampleNames));
      projects.push({ name: project.name, runs, deployments: project.deployments });
    }
    return projects;
  }
}
