import { describe, expect, it } from 'vitest';
import { diagnoseRun } from '../../src/compare/diagnostics.js';
import type { Project, Run } from '../../src/evidence/model.js';
import { CNN, evidence, scenarioPath, WINE } from '../support/engine-fixtures.js';

async function onlyRun(path: string, name?: string): Promise<{ run: Run; project: Project }> {
  const e = await evidence(path);
  const project = e.projects[0]!;
  const run = name ? project.runs.find((r) => r.name === name)! : project.runs[0]!;
  return { run, project };
}

describe("Contexta's diagnostics on the evidence model", () => {
  it('cnn-image-clf: the issues of EXPECTED.md §2 in Contexta order; stage statuses stay unknown without a ledger', async () => {
    const { run, project } = await onlyRun(CNN);
    const issues = diagnoseRun(run, project, 'candidate');
    expect(issues.map((d) => [d.severity, d.code, d.subjectRef])).toEqual([
      ['warning', 'degraded_record', 'record:cnn-image-clf.cnn-v1.r00023'],
      ['info', 'stage_status_unknown', 'run:cnn-image-clf.cnn-v1'],
      ['info', 'missing_stage_metrics', 'stage:cnn-image-clf.cnn-v1.preprocess'],
      ['info', 'missing_expected_stage', 'run:cnn-image-clf.cnn-v1'],
    ]);
    expect(issues[0]!.summary).toBe('degraded record detected for val_loss_not_improving');
    expect(issues[0]!.details).toMatchObject({
      degradation_marker: 'partial_failure',
      stage_id: 'stage:cnn-image-clf.cnn-v1.train',
    });
    expect(issues[2]!.summary).toBe('stage preprocess (status unknown) has no metric records');
    expect(issues[3]!.summary).toBe('expected terminal stage package is missing');
  });

  it('wine: missing_stage_metrics for preprocess and missing_expected_stage for package, as Contexta reports', async () => {
    const { run, project } = await onlyRun(WINE, 'svm-baseline');
    const issues = diagnoseRun(run, project, 'baseline');
    expect(issues.map((d) => [d.code, d.stage])).toEqual([
      ['stage_status_unknown', null],
      ['missing_stage_metrics', 'preprocess'],
      ['missing_expected_stage', null],
    ]);
    expect(issues[2]!.details.expected_stage_name).toBe('package');
  });

  it('incomplete-evidence candidate: a warning for its degraded record, not an error (Contexta severity)', async () => {
    const { run, project } = await onlyRun(scenarioPath('incomplete-evidence', 'candidate'));
    const degraded = diagnoseRun(run, project, 'candidate').filter((d) => d.code === 'degraded_record');
    expect(degraded).toHaveLength(1);
    expect(degraded[0]).toMatchObject({ severity: 'warning', stage: 'evaluate' });
    expect(degraded[0]!.summary).toContain('evaluate.summary_metrics_missing');
  });

  it('uses ledger statuses when they are known: incomplete stages, failed/cancelled batches, failed deployments', async () => {
    const { run, project } = await onlyRun(WINE, 'rf-experiment');
    // Statuses as a ledger would supply them (no DuckDB needed for the rule itself).
    const withStatuses: Run = structuredClone(run);
    for (const stage of withStatuses.stages) stage.status = stage.name === 'train' ? 'failed' : 'completed';
    const train = withStatuses.stages.find((s) => s.name === 'train')!;
    train.batches = [
      { ref: `batch:wine-quality-clf.rf-experiment.train.fold-1`, name: 'fold-1', status: 'failed' },
      { ref: `batch:wine-quality-clf.rf-experiment.train.fold-2`, name: 'fold-2', status: 'cancelled' },
      { ref: `batch:wine-quality-clf.rf-experiment.train.fold-3`, name: 'fold-3', status: 'open' },
    ];
    const withDeployment: Project = {
      ...project,
      deployments: [
        {
          ref: 'deployment:wine-quality-clf.prod-v2',
          name: 'prod-v2',
          status: 'failed',
          runRef: run.ref,
          startedAt: null,
          endedAt: null,
          source: 'ledger',
          attributes: {},
        },
      ],
    };
    const issues = diagnoseRun(withStatuses, withDeployment, 'candidate');
    expect(issues.map((d) => [d.severity, d.code, d.subjectRef])).toEqual([
      ['warning', 'incomplete_stage', 'stage:wine-quality-clf.rf-experiment.train'],
      ['info', 'missing_stage_metrics', 'stage:wine-quality-clf.rf-experiment.preprocess'],
      ['error', 'failed_batch', 'batch:wine-quality-clf.rf-experiment.train.fold-1'],
      ['warning', 'incomplete_batch', 'batch:wine-quality-clf.rf-experiment.train.fold-2'],
      ['error', 'failed_deployment', 'deployment:wine-quality-clf.prod-v2'],
      ['info', 'missing_expected_stage', 'run:wine-quality-clf.rf-experiment'],
    ]);
    expect(issues[1]!.summary).toBe('completed stage preprocess has no metric records');
  });
});
