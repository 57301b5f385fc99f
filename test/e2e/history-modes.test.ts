/**
 * End to end, history beyond `baseline: auto` on one job: pushes to main that promote their model
 * carry the history in the promoted evidence, so a PR gated with `baseline: deployment:production`
 * judges drift over it; and a sharded workflow (four `mode: collect` jobs and a `shards: 4` gate
 * job per push) keeps the merged run's history in an artifact of its own, which the next push's
 * gate job finds beside its baseline's shards and extends; a pull request's gate job reads it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShards } from '../../scripts/bench/generate.mjs';
import { parseHistory } from '../../src/history/store.js';
import { safeUnzip } from '../../src/zip/safe-unzip.js';
import { cleanupActionRuns, pullRequestPayload, runAction } from '../support/action-runner.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { DECAY, workspaceWithAccuracy } from '../support/history-runs.js';

const sha = (n: number) => n.toString(16).padStart(40, 'e');
const pushPayload = (standIn: GitHubStandIn, n: number) => ({
  ref: 'refs/heads/main',
  after: sha(n),
  repository: { full_name: standIn.fullName, default_branch: 'main', fork: false },
});

/** Commit `n` on main, pushed: its workflow run, in progress. */
function startPush(standIn: GitHubStandIn, workflowId: number, n: number) {
  standIn.addCommits([{ sha: sha(n), parents: n > 1 ? [sha(n - 1)] : [] }]);
  standIn.setBranch('main', sha(n));
  return standIn.addRun({
    workflowId,
    headSha: sha(n),
    headBranch: 'main',
    event: 'push',
    status: 'in_progress',
    conclusion: null,
  });
}

afterAll(() => {
  cleanupActionRuns();
  removeTempDirs();
});

/** The history.jsonl inside a stored artifact. */
async function historyIn(content: Buffer) {
  const dir = tempDir('cg-e2e-history-');
  writeFileSync(path.join(dir, 'a.zip'), content);
  await safeUnzip(path.join(dir, 'a.zip'), path.join(dir, 'out'));
  return parseHistory(readFileSync(path.join(dir, 'out', 'history.jsonl'), 'utf8'));
}

describe('history with baseline: deployment:<env>', () => {
  const CONFIG = [
    'version: 1',
    'policy:',
    '  evidence_gaps: ignore',
    'gates:',
    '  - name: slow decay',
    '    metric: evaluate/accuracy',
    '    max_drift: 0.01',
    '  - name: per-change drop',
    '    metric: evaluate/accuracy',
    '    max_drop: 0.005',
    '    significance: false',
    '',
  ].join('\n');
  const PUSHES = DECAY.slice(0, 5);
  let standIn: GitHubStandIn;
  let workflowId: number;
  const runIds: number[] = [];

  beforeAll(async () => {
    standIn = await GitHubStandIn.start();
    workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
    standIn.addFile('main', '.github/contexta-gate.yml', CONFIG);
  });
  afterAll(async () => {
    await standIn.close();
  });

  it('pushes that promote carry the history in the promoted evidence', async () => {
    for (const [i, accuracy] of PUSHES.entries()) {
      const n = i + 1;
      const run = startPush(standIn, workflowId, n);
      const result = await runAction({
        standIn,
        runId: Number(run.id),
        eventName: 'push',
        payload: pushPayload(standIn, n),
        sha: sha(n),
        ref: 'refs/heads/main',
        evidence: workspaceWithAccuracy(tempDir(), accuracy),
        // Only the last push promotes: the deployment's evidence is that run's artifact.
        inputs: n === PUSHES.length ? { mode: 'promote', environment: 'production' } : {},
      });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      run.status = 'completed';
      run.conclusion = 'success';
      runIds.push(Number(run.id));
    }
    expect(standIn.deployments.map((d) => d.environment)).toEqual(['production']);
    const promoted = standIn.artifacts.filter((a) => a.runId === runIds.at(-1));
    expect(promoted).toHaveLength(1);
    const history = await historyIn(promoted[0]!.content);
    expect(history.records.map((r) => r.runId)).toEqual(runIds);
  });

  it('a PR gated against the deployment judges drift over the promoted history', async () => {
    const n = 40;
    standIn.addCommits([{ sha: sha(n), parents: [sha(PUSHES.length)] }]);
    standIn.addPull({ number: n, headSha: sha(n), headRef: `change-${n}` });
    const run = standIn.addRun({
      workflowId,
      headSha: sha(n),
      headBranch: `change-${n}`,
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
    });
    const accuracy = PUSHES.at(-1)! - 0.004;
    const result = await runAction({
      standIn,
      runId: Number(run.id),
      eventName: 'pull_request',
      payload: pullRequestPayload({
        number: n,
        baseSha: sha(PUSHES.length),
        headSha: sha(n),
        headRef: `change-${n}`,
        repo: standIn.fullName,
      }),
      sha: sha(n),
      ref: `refs/pull/${n}/merge`,
      evidence: workspaceWithAccuracy(tempDir(), accuracy),
      inputs: { baseline: 'deployment:production' },
    });
    expect(result.outputs['baseline-source']).toBe('deployment');
    const report = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    const drift = report.gates.find((g: { name: string }) => g.name === 'slow decay');
    expect(drift.outcome).toBe('fail');
    expect(drift.message).toContain(
      `from its best of the last ${PUSHES.length} runs of history, ${PUSHES[0]} in run ${runIds[0]} at ${sha(1).slice(0, 7)}`,
    );
    expect(report.gates.find((g: { name: string }) => g.name === 'per-change drop').outcome).toBe('pass');
    expect(result.code).toBe(1);
  });
});

describe('history in a sharded workflow', () => {
  const POLICY = [
    'version: 1',
    'policy:',
    '  unknown: warn',
    'gates:',
    '  - name: slice regression',
    '    metric: evaluate/accuracy',
    '    slices: all',
    '    max_drop: 0.05',
    '    significance: 0.05',
    '',
  ].join('\n');
  let standIn: GitHubStandIn;
  let workflowId: number;
  let shardsDir: string;
  const shard = (i: number) => path.join(shardsDir, 'baseline', `shard-${i}`, '.contexta');

  beforeAll(async () => {
    shardsDir = tempDir('cg-e2e-shards-');
    generateShards({ out: shardsDir, shards: 4, samplesPerShard: 100, steps: 2, layout: 'capture' });
    standIn = await GitHubStandIn.start();
    workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
    standIn.addFile('main', '.github/contexta-gate.yml', POLICY);
  });
  afterAll(async () => {
    await standIn.close();
  });

  /** The workflow's four `mode: collect` shard jobs, then its `shards: 4` gate job. */
  async function matrixRun(common: Omit<Parameters<typeof runAction>[0], 'inputs' | 'evidence'>) {
    for (const i of [1, 2, 3, 4]) {
      const job = await runAction({
        ...common,
        evidence: shard(i),
        inputs: { mode: 'collect', shard: `${i}/4` },
      });
      expect(job.code, job.stdout + job.stderr).toBe(0);
    }
    return runAction({ ...common, inputs: { shards: '4' } });
  }

  async function shardedPush(n: number) {
    const run = startPush(standIn, workflowId, n);
    const runId = Number(run.id);
    const common = {
      standIn,
      runId,
      eventName: 'push',
      payload: pushPayload(standIn, n),
      sha: sha(n),
      ref: 'refs/heads/main',
    };
    const gate = await matrixRun(common);
    run.status = 'completed';
    run.conclusion = 'success';
    return { runId, gate };
  }

  it('each push’s gate job uploads the merged run’s history, extending the last one', async () => {
    const first = await shardedPush(1);
    expect(first.gate.code, first.gate.stdout + first.gate.stderr).toBe(0);
    expect(first.gate.summary).toContain('history restarted with this run');
    const second = await shardedPush(2);
    expect(second.gate.code, second.gate.stdout + second.gate.stderr).toBe(0);
    expect(second.gate.outputs['baseline-source']).not.toBe('none');
    expect(second.gate.summary).toMatch(
      /history: this run appended to history\.jsonl \\?\(2 records of 1 project/,
    );

    const names = (runId: number) =>
      standIn.artifacts
        .filter((a) => a.runId === runId)
        .map((a) => a.artifact.name)
        .sort();
    expect(names(second.runId)).toEqual([
      'contexta-evidence-history',
      ...[1, 2, 3, 4].map((i) => `contexta-evidence-shard-${i}-of-4`),
    ]);
    const stored = standIn.artifacts.find(
      (a) => a.runId === second.runId && a.artifact.name === 'contexta-evidence-history',
    )!;
    const history = await historyIn(stored.content);
    expect(history.gaps).toEqual([]);
    expect(history.records.map((r) => r.runId)).toEqual([first.runId, second.runId]);
    expect(history.records.map((r) => r.commit)).toEqual([sha(1), sha(2)]);
  });

  it('a pull request’s sharded gate job reads the history and writes none', async () => {
    const n = 50;
    standIn.addCommits([{ sha: sha(n), parents: [sha(2)] }]);
    standIn.addPull({ number: n, headSha: sha(n), headRef: `change-${n}` });
    const run = standIn.addRun({
      workflowId,
      headSha: sha(n),
      headBranch: `change-${n}`,
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
    });
    const runId = Number(run.id);
    const common = {
      standIn,
      runId,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        number: n,
        baseSha: sha(2),
        headSha: sha(n),
        headRef: `change-${n}`,
        repo: standIn.fullName,
      }),
      sha: sha(n),
      ref: `refs/pull/${n}/merge`,
    };
    const gate = await matrixRun(common);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    const report = JSON.parse(readFileSync(gate.outputs['report-json']!, 'utf8'));
    // Each gated metric's trend: the two pushes the history holds, then this run.
    expect(report.trends.length).toBeGreaterThan(0);
    for (const trend of report.trends) {
      expect(trend.runs).toHaveLength(3);
      expect(trend.runs.at(-1)).toBe('this run');
    }
    expect(standIn.artifacts.filter((a) => a.runId === runId).map((a) => a.artifact.name)).not.toContain(
      'contexta-evidence-history',
    );
  });
});
