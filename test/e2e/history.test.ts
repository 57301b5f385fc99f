/**
 * End to end, history: twelve pushes to main whose accuracy decays 0.4 points each carry
 * `history.jsonl` forward in the evidence artifact; a PR then fails `max_drift`, naming the drift and
 * the run that held the best value, while `max_drop` alone passes. A second repository: an
 * aggregate-only metric within its historical noise passes under `significance`, and the same drop
 * against a baseline without history fails on the raw limit.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHistory } from '../../src/history/store.js';
import { cleanupActionRuns, pullRequestPayload, runAction } from '../support/action-runner.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { DECAY, DECAYED_PR, NOISY, NOISY_PR, workspaceWithAccuracy } from '../support/history-runs.js';

const CONFIG = [
  'version: 1',
  'policy:',
  '  evidence_gaps: ignore',
  'gates:',
  '  - name: slow decay',
  '    metric: evaluate/accuracy',
  '    max_drift: 0.03',
  '  - name: per-change drop',
  '    metric: evaluate/accuracy',
  '    max_drop: 0.005',
  '    significance: false',
  '  - name: aggregate noise',
  '    metric: evaluate/accuracy',
  '    max_drop: 0.005',
  '    significance: true',
  '',
].join('\n');

const sha = (n: number) => n.toString(16).padStart(40, 'a');

interface Repo {
  standIn: GitHubStandIn;
  workflowId: number;
}

async function repo(): Promise<Repo> {
  const standIn = await GitHubStandIn.start();
  const workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  standIn.addFile('main', '.github/contexta-gate.yml', CONFIG);
  return { standIn, workflowId };
}

/** A push of commit `n` carrying `accuracy`, run to completion. */
async function push(r: Repo, n: number, accuracy: number, branch = 'main') {
  r.standIn.addCommits([{ sha: sha(n), parents: n > 1 ? [sha(n - 1)] : [] }]);
  r.standIn.setBranch(branch, sha(n));
  const run = r.standIn.addRun({
    workflowId: r.workflowId,
    headSha: sha(n),
    headBranch: branch,
    event: 'push',
    status: 'in_progress',
    conclusion: null,
  });
  const result = await runAction({
    standIn: r.standIn,
    runId: Number(run.id),
    eventName: 'push',
    payload: {
      ref: `refs/heads/${branch}`,
      after: sha(n),
      repository: { full_name: r.standIn.fullName, default_branch: 'main', fork: false },
    },
    sha: sha(n),
    ref: `refs/heads/${branch}`,
    evidence: workspaceWithAccuracy(tempDir(), accuracy),
  });
  run.status = 'completed';
  run.conclusion = 'success';
  return { result, runId: Number(run.id) };
}

async function pullRequest(
  r: Repo,
  n: number,
  base: number,
  accuracy: number,
  inputs: Record<string, string> = {},
) {
  r.standIn.addCommits([{ sha: sha(n), parents: [sha(base)] }]);
  r.standIn.addPull({ number: n, headSha: sha(n), headRef: `change-${n}` });
  const run = r.standIn.addRun({
    workflowId: r.workflowId,
    headSha: sha(n),
    headBranch: `change-${n}`,
    event: 'pull_request',
    status: 'in_progress',
    conclusion: null,
  });
  return runAction({
    standIn: r.standIn,
    runId: Number(run.id),
    eventName: 'pull_request',
    payload: pullRequestPayload({
      number: n,
      baseSha: sha(base),
      headSha: sha(n),
      headRef: `change-${n}`,
      repo: r.standIn.fullName,
    }),
    sha: sha(n),
    ref: `refs/pull/${n}/merge`,
    evidence: workspaceWithAccuracy(tempDir(), accuracy),
    inputs,
  });
}

const gateLine = (
  report: { gates: Array<{ name: string; outcome: string; message: string }> },
  name: string,
) => report.gates.find((g) => g.name === name)!;

afterAll(() => {
  cleanupActionRuns();
  removeTempDirs();
});

describe('slow decay over twelve pushes to main', () => {
  let r: Repo;
  const pushes: Array<{ runId: number; workspace: string; summary: string; stdout: string }> = [];
  beforeAll(async () => {
    r = await repo();
  });
  afterAll(async () => {
    await r.standIn.close();
  });

  it('each push appends itself to history.jsonl in its evidence artifact; the first says the history starts', async () => {
    for (const [i, accuracy] of DECAY.entries()) {
      const { result, runId } = await push(r, i + 1, accuracy);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      pushes.push({ runId, workspace: result.workspaceDir, summary: result.summary, stdout: result.stdout });
    }
    const last = pushes.at(-1)!;
    const file = path.join(last.workspace, '.contexta', 'history.jsonl');
    const history = parseHistory(readFileSync(file, 'utf8'));
    expect(history.gaps).toEqual([]);
    expect(history.records.map((x) => x.runId)).toEqual(pushes.map((p) => p.runId));
    expect(history.records.map((x) => x.commit)).toEqual(DECAY.map((_, i) => sha(i + 1)));
    const artifact = r.standIn.artifacts.find((a) => a.runId === last.runId)!;
    expect(artifact.content.includes('history.jsonl')).toBe(true);
    expect(pushes[0]!.summary).toContain(
      'history restarted with this run: no earlier history could be fetched',
    );
    expect(last.summary).toMatch(/history: this run appended to history\.jsonl \\?\(12 records of 1 project/);
  });

  it('a PR: max_drift fails naming the drift and the best run, max_drop alone passes, and the report shows the trend', async () => {
    const result = await pullRequest(r, 20, DECAY.length, DECAYED_PR);
    const report = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    const drift = gateLine(report, 'slow decay');
    expect(drift.outcome).toBe('fail');
    expect(drift.message).toContain(
      `evaluate/accuracy drifted 0.9 → 0.852 by −0.048 (−5.3%) from its best of the last 12 runs of history, 0.9 in run ${pushes[0]!.runId} at ${sha(1).slice(0, 7)}`,
    );
    expect(drift.message).toContain('beyond max_drift 0.03');
    expect(gateLine(report, 'per-change drop').outcome).toBe('pass');
    expect(result.code).toBe(1);
    const comment = r.standIn.comments.find((c) => c.issueNumber === 20)!.comment.body ?? '';
    expect(comment).toContain('| 0.856 | 0.852 ██▇▇▆▅▅▄▃▃▂▁▁ |');
    expect(result.summary).toContain('```mermaid\nxychart-beta');
    expect(result.summary).toContain(`line [${[...DECAY, DECAYED_PR].join(', ')}]`);
    // A pull request reads the history and never writes it.
    expect(existsSync(path.join(result.workspaceDir, '.contexta', 'history.jsonl'))).toBe(false);
  });

  it('a broken chain (every earlier artifact expired) restarts the history and says so', async () => {
    for (const stored of r.standIn.artifacts) stored.artifact.expired = true;
    const { result, runId } = await push(r, DECAY.length + 1, DECAYED_PR);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const history = parseHistory(
      readFileSync(path.join(result.workspaceDir, '.contexta', 'history.jsonl'), 'utf8'),
    );
    expect(history.records.map((x) => x.runId)).toEqual([runId]);
    expect(result.summary).toContain('history restarted with this run: no earlier history could be fetched');
  });
});

describe('an aggregate-only metric judged against its own noise', () => {
  let r: Repo;
  let releaseRun: number;
  beforeAll(async () => {
    r = await repo();
    for (const [i, accuracy] of NOISY.entries()) {
      const { result } = await push(r, i + 1, accuracy);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }
    // A push to another branch uploads evidence but no history: a baseline without history.
    const release = await push(r, NOISY.length + 1, NOISY.at(-1)!, 'release');
    releaseRun = release.runId;
    expect(existsSync(path.join(release.result.workspaceDir, '.contexta', 'history.jsonl'))).toBe(false);
  });
  afterAll(async () => {
    await r.standIn.close();
  });

  it('passes a drop within its historical noise under significance', async () => {
    const result = await pullRequest(r, 30, NOISY.length, NOISY_PR);
    const report = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    const noise = report.gates.find((g: { name: string }) => g.name === 'aggregate noise');
    expect(noise.outcome).toBe('pass');
    expect(noise.checks[0].reason).toContain(
      'beyond max_drop 0.005; noise from history (6 runs): within the 95 % prediction interval',
    );
    expect(gateLine(report, 'per-change drop').outcome).toBe('fail');
  });

  it('fails the same drop on the raw limit without history', async () => {
    const result = await pullRequest(r, 31, NOISY.length, NOISY_PR, { baseline: `run:${releaseRun}` });
    const report = JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8'));
    const noise = report.gates.find((g: { name: string }) => g.name === 'aggregate noise');
    expect(noise.outcome).toBe('fail');
    expect(noise.checks[0].reason).toContain('no per-sample evidence — judged on the raw limit');
    expect(result.code).toBe(1);
  });
});
