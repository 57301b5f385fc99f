import type { Project, Run, Stage } from '../evidence/model.js';
import type { Diagnostic } from './types.js';

/** Contexta's default `expected_terminal_stage_names`. */
export const DEFAULT_EXPECTED_STAGES: readonly string[] = ['evaluate', 'package'];

function stageOrder(a: Stage, b: Stage): number {
  const ia = a.orderIndex ?? Number.MAX_SAFE_INTEGER;
  const ib = b.orderIndex ?? Number.MAX_SAFE_INTEGER;
  if (ia !== ib) return ia - ib;
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

/**
 * Contexta's `diagnose_run` (§11) on the evidence model, same codes, severities and emission order.
 * Where Contexta needs ledger statuses and the evidence has none, nothing is assumed: stages with an
 * unknown status get one `stage_status_unknown` note instead of `incomplete_stage`, and
 * `missing_stage_metrics` says the status is unknown.
 */
export function diagnoseRun(
  run: Run,
  project: Project | null,
  side: 'baseline' | 'candidate',
  expectedStages: readonly string[] = DEFAULT_EXPECTED_STAGES,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base = { side, project: run.project, runRef: run.ref };
  const stages = [...run.stages].sort(stageOrder);

  for (const record of run.degraded) {
    out.push({
      ...base,
      code: 'degraded_record',
      severity: 'warning',
      subjectRef: record.recordRef,
      stage: record.stage,
      summary: `degraded record detected for ${record.issueKey}`,
      details: {
        degradation_marker: record.degradationMarker,
        stage_id: record.stage ? `stage:${run.ref.slice('run:'.length)}.${record.stage}` : null,
        category: record.category,
        severity: record.severity,
        message: record.summary,
      },
    });
  }

  const unknown = stages.filter((s) => s.status === null);
  for (const stage of stages) {
    if (stage.status !== null && stage.status !== 'completed') {
      out.push({
        ...base,
        code: 'incomplete_stage',
        severity: 'warning',
        subjectRef: stage.ref,
        stage: stage.name,
        summary: `stage ${stage.name} is ${stage.status}, not completed`,
        details: { status: stage.status, run_id: run.ref },
      });
    }
  }
  if (unknown.length > 0) {
    out.push({
      ...base,
      code: 'stage_status_unknown',
      severity: 'info',
      subjectRef: run.ref,
      stage: null,
      summary:
        `status unknown (no ledger read) for stage${unknown.length > 1 ? 's' : ''} ` +
        `${unknown.map((s) => s.name).join(', ')}: whether they completed cannot be checked`,
      details: { stages: unknown.map((s) => s.name).join(','), run_id: run.ref },
    });
  }
  for (const stage of stages) {
    const hasMetrics = stage.metrics.length > 0 || stage.samples.length > 0;
    if (hasMetrics || (stage.status !== null && stage.status !== 'completed')) continue;
    out.push({
      ...base,
      code: 'missing_stage_metrics',
      severity: 'info',
      subjectRef: stage.ref,
      stage: stage.name,
      summary:
        stage.status === 'completed'
          ? `completed stage ${stage.name} has no metric records`
          : `stage ${stage.name} (status unknown) has no metric records`,
      details: { stage_name: stage.name, run_id: run.ref, status: stage.status },
    });
  }
  for (const stage of stages) {
    for (const batch of stage.batches) {
      if (batch.status === 'failed') {
        out.push({
          ...base,
          code: 'failed_batch',
          severity: 'error',
          subjectRef: batch.ref,
          stage: stage.name,
          summary: `batch ${batch.name} of stage ${stage.name} failed`,
          details: { status: batch.status, stage_name: stage.name },
        });
      } else if (batch.status === 'cancelled') {
        out.push({
          ...base,
          code: 'incomplete_batch',
          severity: 'warning',
          subjectRef: batch.ref,
          stage: stage.name,
          summary: `batch ${batch.name} of stage ${stage.name} is ${batch.status}`,
          details: { status: batch.status, stage_name: stage.name },
        });
      }
    }
  }
  for (const deployment of project?.deployments ?? []) {
    if (deployment.runRef === run.ref && deployment.status === 'failed') {
      out.push({
        ...base,
        code: 'failed_deployment',
        severity: 'error',
        subjectRef: deployment.ref,
        stage: null,
        summary: `deployment ${deployment.name} of this run failed`,
        details: { status: deployment.status, deployment_name: deployment.name },
      });
    }
  }
  const names = new Set(run.stages.map((s) => s.name));
  for (const expected of expectedStages) {
    if (names.has(expected)) continue;
    out.push({
      ...base,
      code: 'missing_expected_stage',
      severity: 'info',
      subjectRef: run.ref,
      stage: null,
      summary: `expected terminal stage ${expected} is missing`,
      details: { expected_stage_name: expected, run_id: run.ref },
    });
  }
  return out;
}
