/**
 * End to end, `mode: promote`: the built bundle against the local GitHub stand-in. A push run gates
 * the candidate and promotes it (one deployment, statuses, the record and ledger row in the
 * re-uploaded evidence); its re-run adds nothing; a failing gate refuses to promote unless forced; a
 * later PR gated with `baseline: deployment:production` finds the promoted evidence and says which
 * deployment it came from — or, once that evidence expired, says so.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbLedgerReader } from '../../src/contexta/ledger.js';
import type { LedgerContent } from '../../src/contexta/ledger-rows.js';
import { safeUnzip } from '../../src/zip/safe-unzip.js';
import {
  type ActionRun,
  cleanupActionRuns,
  pullRequestPayload,
  runAction,
} from '../support/action-runner.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import { GitHubStandIn } from '../support/github-stand-in.js';

const TABULAR = 'fixtures/scenarios/tabular-improves';
const SLICES = 'fixtures/scenarios/slice-regression';
const POLICY = readFileSync('fixtures/reference-policy.yml', 'utf8');
const PROMOTED_RUN_REF = 'run:tabular-improves.gbm-v2';
const LEDGER = new DuckDbLedgerReader({ searchPaths: [process.cwd()] });
const sha = (n: number) => n.toString(16).padStart(40, 'd');

let standIn: GitHubStandIn;
let workflowId: number;

beforeAll(async () => {
  standIn = await GitHubStandIn.start();
  workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  standIn.addCommits([
    { sha: sha(1), message: 'logistic regression' },
    { sha: sha(2), message: 'gradient boosting' },
    { sha: sha(3), message: 'bigger model (regresses a slice)' },
    { sha: sha(4), parents: [sha(2)], message: 'pull request after the promotion' },
  ]);
  standIn.setBranch('main', sha(1));
  standIn.addFile('main', '.github/contexta-gate.yml', POLICY);
});

afterAll(async () => {
  await standIn.close();
  removeTempDirs();
  cleanupActionRuns();
});

function newRun(headSha: string, event = 'push', headBranch = 'main'): number {
  return Number(
    standIn.addRun({ workflowId, headSha, headBranch, event, status: 'in_progress', conclusion: null }).id,
  );
}

function finish(runId: number): void {
  const run = standIn.runs.find((r) => r.id === runId)!;
  run.status = 'completed';
  run.conclusion = 'success';
}

function pushRun(runId: number, commit: string, extra: Partial<Parameters<typeof runAction>[0]>) {
  return runAction({
    standIn,
    runId,
    eventName: 'push',
    payload: { ref: 'refs/heads/main', after: commit },
    sha: commit,
    ref: 'refs/heads/main',
    localConfig: POLICY,
    ...extra,
  });
}

/** The run's evidence artifact as uploaded last, extracted. */
async function uploadedEvidence(runId: number): Promise<string> {
  const stored = standIn.artifacts.filter((a) => a.runId === runId);
  expect(stored).toHaveLength(1);
  const dir = tempDir('cg-e2e-artifact-');
  const zip = path.join(dir, 'evidence.zip');
  writeFileSync(zip, stored[0]!.content);
  await safeUnzip(zip, path.join(dir, 'evidence'));
  return path.join(dir, 'evidence');
}

function promotionLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"deployment.promoted"') && line.includes('"contexta.gate"'))
    .map((line) => JSON.parse(line));
}

async function ledgerOf(workspace: string): Promise<LedgerContent> {
  const read = await LEDGER.read(path.join(workspace, 'metadata/ledger.db'));
  if (!read.ok) throw new Error(read.reason);
  return read.content;
}

/** A workspace holding the slice-regression candidate and, beside it, its baseline as a path. */
function sliceRegressionWorkspace(): string {
  const dir = path.join(tempDir('cg-e2e-ws-'), 'workspace');
  mkdirSync(dir, { recursive: true });
  cpSync(`${SLICES}/baseline/.contexta`, path.join(dir, 'baseline-evidence/.contexta'), { recursive: true });
  return dir;
}

describe('mode: promote', () => {
  let promotingRunId: number;
  let promotingRun: ActionRun;
  let deploymentId: number;

  it('a passing gate promotes: one deployment, in_progress then success, the record in the re-uploaded evidence', async () => {
    const first = newRun(sha(1));
    const seeded = await pushRun(first, sha(1), { evidence: `${TABULAR}/baseline/.contexta` });
    expect(seeded.code, seeded.stdout).toBe(0);
    finish(first);
    standIn.setBranch('main', sha(2));

    promotingRunId = newRun(sha(2));
    promotingRun = await pushRun(promotingRunId, sha(2), {
      evidence: `${TABULAR}/candidate/.contexta`,
      inputs: { mode: 'promote', environment: 'production' },
    });
    expect(promotingRun.code, promotingRun.stdout + promotingRun.stderr).toBe(0);
    expect(promotingRun.outputs.verdict).toBe('pass');
    expect(promotingRun.outputs['baseline-run-id']).toBe(String(first));

    expect(standIn.deployments).toHaveLength(1);
    const deployment = standIn.deployments[0]!;
    deploymentId = Number(deployment.id);
    expect(promotingRun.outputs['deployment-id']).toBe(String(deploymentId));
    const runUrl = `https://github.com/${standIn.fullName}/actions/runs/${promotingRunId}`;
    expect(deployment).toMatchObject({ sha: sha(2), environment: 'production', task: 'promote:model' });
    expect(deployment.payload).toMatchObject({
      run_id: promotingRunId,
      run_url: runUrl,
      project: 'tabular-improves',
      run_ref: PROMOTED_RUN_REF,
      verdict: 'pass',
      forced: false,
      baseline_run_ref: 'run:tabular-improves.logreg-v1',
    });
    const [create] = standIn.requestsTo('POST /repos/{owner}/{repo}/deployments');
    expect(create!.body).toMatchObject({ auto_merge: false, required_contexts: [] });
    const statuses = standIn.deploymentStatuses.filter((s) => s.deploymentId === deploymentId);
    expect(statuses.map((s) => [s.status.state, s.status.log_url])).toEqual([
      ['in_progress', runUrl],
      ['success', runUrl],
    ]);

    const evidence = await uploadedEvidence(promotingRunId);
    const [captured] = promotionLines(path.join(evidence, 'cache/capture/record.jsonl')) as Array<{
      payload: { envelope: Record<string, unknown>; payload: { attributes: Record<string, unknown> } };
    }>;
    expect(captured!.payload.envelope).toMatchObject({
      run_ref: PROMOTED_RUN_REF,
      deployment_execution_ref: 'deployment:tabular-improves.production',
    });
    expect(captured!.payload.payload.attributes).toMatchObject({
      github_deployment_id: deploymentId,
      sha: sha(2),
      verdict: 'pass',
      forced: false,
      status: 'completed',
      workflow_run_url: runUrl,
    });
    expect(promotionLines(path.join(evidence, 'records/segments/segment-000001.jsonl'))).toHaveLength(1);
    expect(promotingRun.stdout).toContain('ledger row deployment:tabular-improves.production added');
    expect((await ledgerOf(evidence)).deployments).toEqual([
      expect.objectContaining({
        ref: 'deployment:tabular-improves.production',
        status: 'completed',
        run_ref: PROMOTED_RUN_REF,
      }),
    ]);
    finish(promotingRunId);
  });

  it('a re-run (attempt 2) of the promoting run finds its deployment: no second deployment, record or row', async () => {
    const rerun = await pushRun(promotingRunId, sha(2), {
      attempt: 2,
      workspaceDir: promotingRun.workspaceDir,
      inputs: { mode: 'promote', environment: 'production' },
    });
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.stdout).toContain(`found the deployment of this run ${deploymentId}`);
    expect(rerun.outputs['deployment-id']).toBe(String(deploymentId));
    expect(standIn.deployments).toHaveLength(1);
    expect(standIn.requestsTo('POST /repos/{owner}/{repo}/deployments')).toHaveLength(1);

    const evidence = await uploadedEvidence(promotingRunId);
    expect(promotionLines(path.join(evidence, 'cache/capture/record.jsonl'))).toHaveLength(1);
    expect(promotionLines(path.join(evidence, 'records/segments/segment-000001.jsonl'))).toHaveLength(1);
    expect(rerun.stdout).toContain('ledger row deployment:tabular-improves.production updated');
    expect((await ledgerOf(evidence)).deployments).toHaveLength(1);
  });

  it('a failing gate refuses to promote: no deployment, exit 1, says why and how to force it', async () => {
    const runId = newRun(sha(3));
    const result = await pushRun(runId, sha(3), {
      workspaceDir: sliceRegressionWorkspace(),
      evidence: `${SLICES}/candidate/.contexta`,
      inputs: { mode: 'promote', environment: 'production', baseline: 'baseline-evidence/.contexta' },
    });
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.outputs['deployment-id']).toBe('');
    expect(standIn.deployments).toHaveLength(1);
    expect(result.stdout).toMatch(
      /::error::contexta\/gate: Not promoted to production: the gate verdict is fail\..*force: true/,
    );
  });

  it('force: true promotes past the failing gate, recorded as forced in the payload and the record', async () => {
    const runId = newRun(sha(3));
    const result = await pushRun(runId, sha(3), {
      workspaceDir: sliceRegressionWorkspace(),
      evidence: `${SLICES}/candidate/.contexta`,
      inputs: {
        mode: 'promote',
        environment: 'staging',
        force: 'true',
        baseline: 'baseline-evidence/.contexta',
      },
    });
    // Forcing the promotion does not turn the verdict green: the check still fails.
    expect(result.code).toBe(1);
    const forced = standIn.deployments.find((d) => d.environment === 'staging')!;
    expect(forced.payload).toMatchObject({ run_id: runId, verdict: 'fail', forced: true });
    expect(forced.description).toContain('forced');
    expect(standIn.latestDeploymentStatus(Number(forced.id))?.state).toBe('success');
    const evidence = await uploadedEvidence(runId);
    const [record] = promotionLines(path.join(evidence, 'records/segments/segment-000001.jsonl')) as Array<{
      record: { payload: { attributes: Record<string, unknown>; message: string } };
    }>;
    expect(record!.record.payload.attributes).toMatchObject({ forced: true, verdict: 'fail' });
    expect(record!.record.payload.message).toContain('forced past a failing gate');
  });

  it('a later PR gated with baseline: deployment:production uses the promoted evidence and says which deployment', async () => {
    standIn.addPull({ number: 12, headSha: sha(4), headRef: 'next-model' });
    const runId = newRun(sha(4), 'pull_request', 'next-model');
    const result = await runAction({
      standIn,
      runId,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        number: 12,
        baseSha: sha(2),
        headSha: sha(4),
        headRef: 'next-model',
        repo: standIn.fullName,
      }),
      sha: sha(4),
      ref: 'refs/pull/12/merge',
      evidence: `${TABULAR}/candidate/.contexta`,
      inputs: { baseline: 'deployment:production' },
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs['baseline-source']).toBe('deployment');
    expect(result.outputs['baseline-run-id']).toBe(String(promotingRunId));
    expect(result.outputs.verdict).toBe('pass');
    const disclosure = `the last successful promotion to production: deployment ${deploymentId} of ${PROMOTED_RUN_REF}`;
    const body = standIn.comments.find((c) => c.issueNumber === 12)?.comment.body ?? '';
    expect(body).toContain(disclosure);
    expect(body).toContain(`from run ${promotingRunId} at ${sha(2).slice(0, 7)}`);
    expect(body).not.toContain('forced');
    expect(result.summary).toContain(disclosure);
  });

  it('once the promoted evidence has expired: verdict unknown, and the report says it expired', async () => {
    for (const stored of standIn.artifacts.filter((a) => a.runId === promotingRunId)) {
      stored.artifact.expired = true;
      stored.artifact.expires_at = new Date(Date.now() - 1000).toISOString();
    }
    standIn.addPull({ number: 13, headSha: sha(4), headRef: 'next-model-2' });
    const runId = newRun(sha(4), 'pull_request', 'next-model-2');
    const result = await runAction({
      standIn,
      runId,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        number: 13,
        baseSha: sha(2),
        headSha: sha(4),
        headRef: 'next-model-2',
        repo: standIn.fullName,
      }),
      sha: sha(4),
      ref: 'refs/pull/13/merge',
      evidence: `${TABULAR}/candidate/.contexta`,
      inputs: { baseline: 'deployment:production' },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.verdict).toBe('unknown');
    expect(result.outputs['baseline-source']).toBe('none');
    const body = standIn.comments.find((c) => c.issueNumber === 13)?.comment.body ?? '';
    expect(body).toMatch(/UNKNOWN/);
    const baseline = body.slice(body.indexOf('- **Baseline:**'));
    expect(baseline).toMatch(
      new RegExp(
        `\\*\\*Baseline:\\*\\* none — the evidence of the model promoted to 'production' \\\\?\\(run ${promotingRunId}, artifact \\d+\\\\?\\) expired`,
      ),
    );
    expect(baseline).toContain('promote again to restore a baseline');
  });
});
