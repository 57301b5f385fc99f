/**
 * End to end: the built bundle, run as a subprocess with a runner's environment, against the local
 * GitHub stand-in — first run without a baseline, a PR that finds it and fails on a slice
 * regression, a re-run that updates the comment, an expired baseline, and a fork without write
 * permission.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActionRun,
  cleanupActionRuns,
  pullRequestPayload,
  runAction,
} from '../support/action-runner.js';
import { faults, GitHubStandIn } from '../support/github-stand-in.js';

const SCENARIO = 'fixtures/scenarios/slice-regression';
const POLICY = readFileSync('fixtures/reference-policy.yml', 'utf8');
const MARKER = '<!-- contexta-gate:contexta-evidence -->';
const sha = (n: number) => n.toString(16).padStart(40, 'e');

let standIn: GitHubStandIn;
let workflowId: number;
const allOutput: string[] = [];

function remember(run: ActionRun): ActionRun {
  allOutput.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs));
  return run;
}

function finish(runId: number, conclusion = 'success'): void {
  const run = standIn.runs.find((r) => r.id === runId)!;
  run.status = 'completed';
  run.conclusion = conclusion;
}

beforeAll(async () => {
  standIn = await GitHubStandIn.start();
  workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  standIn.addCommits([
    { sha: sha(1), message: 'baseline model' },
    { sha: sha(2), message: 'bigger model' },
    { sha: sha(3), parents: [sha(1)], message: 'fork change' },
  ]);
  standIn.setBranch('main', sha(1));
  standIn.addFile('main', '.github/contexta-gate.yml', POLICY);
});

afterAll(async () => {
  await standIn.close();
  cleanupActionRuns();
});

describe('the action on a pull request workflow', () => {
  let firstRunId: number;
  let prRunId: number;

  /** Another attempt of the PR #5 run, gating the slice-regression candidate. */
  const rerunPr5 = (attempt: number) =>
    runAction({
      standIn,
      runId: prRunId,
      attempt,
      eventName: 'pull_request',
      payload: pullRequestPayload({
        number: 5,
        baseSha: sha(1),
        headSha: sha(2),
        headRef: 'bigger-model',
        repo: standIn.fullName,
      }),
      sha: sha(2),
      ref: 'refs/pull/5/merge',
      evidence: `${SCENARIO}/candidate/.contexta`,
    });

  it('first push run: no baseline yet → verdict unknown, not failing, evidence uploaded', async () => {
    const run = standIn.addRun({
      workflowId,
      headSha: sha(1),
      event: 'push',
      status: 'in_progress',
      conclusion: null,
    });
    firstRunId = Number(run.id);
    const result = remember(
      await runAction({
        standIn,
        runId: Number(run.id),
        eventName: 'push',
        payload: { ref: 'refs/heads/main', after: sha(1) },
        sha: sha(1),
        ref: 'refs/heads/main',
        evidence: `${SCENARIO}/baseline/.contexta`,
        localConfig: POLICY,
      }),
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.verdict).toBe('unknown');
    expect(result.outputs['exit-verdict']).toBe('warn');
    expect(result.outputs['baseline-source']).toBe('none');
    expect(result.summary).toMatch(/UNKNOWN/);
    const uploaded = standIn.artifacts.filter((a) => a.runId === firstRunId);
    expect(uploaded.map((a) => a.artifact.name)).toEqual(['contexta-evidence']);
    finish(firstRunId);
  });

  it('pull request: finds the merge-base run, fails on the region-apac slice, comments once, blocks', async () => {
    standIn.addPull({ number: 5, headSha: sha(2), headRef: 'bigger-model' });
    const run = standIn.addRun({
      workflowId,
      headSha: sha(2),
      headBranch: 'bigger-model',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
    });
    prRunId = Number(run.id);
    const result = remember(
      await runAction({
        standIn,
        runId: Number(run.id),
        eventName: 'pull_request',
        payload: pullRequestPayload({
          number: 5,
          baseSha: sha(1),
          headSha: sha(2),
          headRef: 'bigger-model',
          repo: standIn.fullName,
        }),
        sha: sha(2),
        ref: 'refs/pull/5/merge',
        evidence: `${SCENARIO}/candidate/.contexta`,
        // The PR's own config would let everything pass; the base branch's must be used.
        localConfig: 'version: 1\ngates: []\n',
      }),
    );
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.outputs['baseline-source']).toBe('merge-base');
    expect(result.outputs['baseline-run-id']).toBe(String(firstRunId));
    expect(result.stdout).toMatch(/::error::contexta\/gate: gate "slice floor" failed: .*region-apac/);
    const comments = standIn.comments.filter((c) => c.issueNumber === 5);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.comment.body ?? '';
    expect(body).toContain(MARKER);
    expect(body).toMatch(/FAIL/);
    expect(body).toContain('region-apac');
    expect(body).toContain('base branch main');
    expect(standIn.checkRuns.filter((c) => c.head_sha === sha(2)).map((c) => [c.name, c.conclusion])).toEqual(
      [['contexta-gate', 'failure']],
    );
    expect(result.summary).toContain('region-apac');
  });

  it('a re-run (attempt 2) updates the same comment and replaces its artifact', async () => {
    const before = standIn.comments.filter((c) => c.issueNumber === 5).map((c) => c.comment.id);
    const result = remember(await rerunPr5(2));
    expect(result.code).toBe(1);
    const after = standIn.comments.filter((c) => c.issueNumber === 5).map((c) => c.comment.id);
    expect(after).toEqual(before);
    expect(standIn.artifacts.filter((a) => a.runId === prRunId)).toHaveLength(1);
    expect(
      standIn.requests.filter((r) => r.route === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'),
    ).toHaveLength(1);
  });

  it('two runs finishing at once end with one comment', async () => {
    standIn.addComment(5, `${MARKER}\nan older duplicate from a concurrent run`, standIn.bot.login);
    expect(standIn.comments.filter((c) => c.issueNumber === 5)).toHaveLength(2);
    remember(await rerunPr5(3));
    const left = standIn.comments.filter((c) => c.issueNumber === 5);
    expect(left).toHaveLength(1);
    expect(left[0]!.comment.body).toContain('region-apac');
  });

  it('an expired baseline artifact: says so plainly, verdict unknown, not failing', async () => {
    for (const stored of standIn.artifacts.filter((a) => a.runId === firstRunId)) {
      stored.artifact.expired = true;
      stored.artifact.expires_at = new Date(Date.now() - 1000).toISOString();
    }
    standIn.addPull({ number: 6, headSha: sha(2), headRef: 'bigger-model-2' });
    const run = standIn.addRun({
      workflowId,
      headSha: sha(2),
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
    });
    const result = remember(
      await runAction({
        standIn,
        runId: Number(run.id),
        eventName: 'pull_request',
        payload: pullRequestPayload({
          number: 6,
          baseSha: sha(1),
          headSha: sha(2),
          headRef: 'bigger-model-2',
          repo: standIn.fullName,
        }),
        sha: sha(2),
        ref: 'refs/pull/6/merge',
        evidence: `${SCENARIO}/candidate/.contexta`,
      }),
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.verdict).toBe('unknown');
    expect(result.outputs['baseline-source']).toBe('none');
    const body = standIn.comments.find((c) => c.issueNumber === 6)?.comment.body ?? '';
    expect(body).toMatch(/expired/);
    expect(body).toMatch(/UNKNOWN/);
  });

  it('a fork without write permission: reports in the summary, names the permission, still decides', async () => {
    standIn.addPull({ number: 7, headSha: sha(3), headRef: 'main', headRepoFullName: 'mallory/models' });
    standIn.inject(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      faults.missingPermission('issues=write; pull_requests=write'),
    );
    standIn.inject('POST /repos/{owner}/{repo}/check-runs', faults.missingPermission('checks=write'));
    const run = standIn.addRun({
      workflowId,
      headSha: sha(3),
      headBranch: 'main',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
      headRepoFullName: 'mallory/models',
    });
    const result = remember(
      await runAction({
        standIn,
        runId: Number(run.id),
        eventName: 'pull_request',
        payload: pullRequestPayload({
          number: 7,
          baseSha: sha(1),
          headSha: sha(3),
          headRef: 'main',
          repo: standIn.fullName,
          headRepo: 'mallory/models',
        }),
        sha: sha(3),
        ref: 'refs/pull/7/merge',
        evidence: `${SCENARIO}/candidate/.contexta`,
      }),
    );
    expect(standIn.comments.filter((c) => c.issueNumber === 7)).toHaveLength(0);
    expect(result.stdout).toMatch(
      /::notice::contexta\/gate: skipped posting the pull request comment: .*pull-requests: write/,
    );
    expect(result.summary).toMatch(/UNKNOWN|FAIL/);
    expect([0, 1]).toContain(result.code);
  });

  it('a merge queue gates like a push to the base branch, against the run at the queue base', async () => {
    for (const stored of standIn.artifacts.filter((a) => a.runId === firstRunId)) {
      stored.artifact.expired = false;
      stored.artifact.expires_at = new Date(Date.now() + 86_400_000).toISOString();
    }
    const run = standIn.addRun({
      workflowId,
      headSha: sha(2),
      headBranch: 'gh-readonly-queue/main/pr-5-abc',
      event: 'merge_group',
      status: 'in_progress',
      conclusion: null,
    });
    const result = remember(
      await runAction({
        standIn,
        runId: Number(run.id),
        eventName: 'merge_group',
        payload: {
          merge_group: {
            head_sha: sha(2),
            head_ref: 'refs/heads/gh-readonly-queue/main/pr-5-abc',
            base_sha: sha(1),
            base_ref: 'refs/heads/main',
          },
        },
        sha: sha(2),
        ref: 'refs/heads/gh-readonly-queue/main/pr-5-abc',
        evidence: `${SCENARIO}/candidate/.contexta`,
        inputs: { comment: 'off' },
      }),
    );
    expect(result.code).toBe(1);
    expect(result.outputs['baseline-source']).toBe('merge-base');
    expect(result.outputs['baseline-run-id']).toBe(String(firstRunId));
  });

  it('on GitHub Enterprise Server: says the artifact service is unavailable, and a local baseline still works', async () => {
    const before = standIn.requests.length;
    const result = remember(
      await runAction({
        standIn,
        runId: 888_001,
        eventName: 'push',
        payload: {},
        sha: sha(2),
        ref: 'refs/heads/main',
        evidence: `${SCENARIO}/candidate/.contexta`,
        localConfig: POLICY,
        inputs: { baseline: `path:${path.resolve(SCENARIO, 'baseline/.contexta')}` },
        env: { GITHUB_SERVER_URL: 'https://github.acme.internal' },
      }),
    );
    expect(result.stdout).toMatch(/::notice::contexta\/gate: GitHub Enterprise Server detected/);
    expect(result.code).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.outputs['baseline-source']).toBe('path');
    const twirp = standIn.requests.slice(before).filter((r) => r.path.startsWith('/twirp/'));
    expect(twirp).toEqual([]);
  });

  it('never prints the token anywhere (the runner consumes ::add-mask:: itself)', () => {
    const printed = allOutput.join('\n').replace(/^::add-mask::.*$/gm, '');
    expect(printed).not.toContain(standIn.token);
    for (const { comment } of standIn.comments) expect(comment.body ?? '').not.toContain(standIn.token);
  });
});
