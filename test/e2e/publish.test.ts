/**
 * The fork-safe two-workflow pattern end to end: a fork's `pull_request` run gates with a read-only
 * token and uploads its evidence; the `workflow_run` publish run (base repository token) finds the
 * PR from the fork's branch, re-gates that evidence as untrusted data with the base branch's config
 * and baseline, comments, and sets a blocking commit status on the PR head.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupActionRuns, pullRequestPayload, runAction } from '../support/action-runner.js';
import { GitHubStandIn } from '../support/github-stand-in.js';

const SCENARIO = 'fixtures/scenarios/slice-regression';
const POLICY = readFileSync('fixtures/reference-policy.yml', 'utf8');
const sha = (n: number) => n.toString(16).padStart(40, 'f');

let standIn: GitHubStandIn;
let ml: number;
let publish: number;

function finish(runId: number): void {
  const run = standIn.runs.find((r) => Number(r.id) === runId)!;
  run.status = 'completed';
  run.conclusion = 'success';
}

beforeAll(async () => {
  standIn = await GitHubStandIn.start();
  ml = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  publish = standIn.addWorkflow('.github/workflows/ml-publish.yml', 'ml-publish');
  standIn.addCommits([
    { sha: sha(1), message: 'main' },
    { sha: sha(2), message: 'fork change' },
  ]);
  standIn.setBranch('main', sha(1));
  standIn.addFile('main', '.github/contexta-gate.yml', POLICY);
  standIn.addFile('main', '.github/workflows/ml.yml', 'name: ml\non: pull_request\n');
});

afterAll(async () => {
  await standIn.close();
  cleanupActionRuns();
});

describe('fork pull request, two workflows', () => {
  it('the publish run comments and sets a failing commit status on the fork PR head', async () => {
    const push = standIn.addRun({ workflowId: ml, headSha: sha(1), status: 'in_progress', conclusion: null });
    const base = await runAction({
      standIn,
      runId: Number(push.id),
      eventName: 'push',
      payload: { ref: 'refs/heads/main' },
      sha: sha(1),
      ref: 'refs/heads/main',
      evidence: `${SCENARIO}/baseline/.contexta`,
      localConfig: POLICY,
    });
    expect(base.code, base.stdout).toBe(0);
    finish(Number(push.id));

    standIn.addPull({ number: 8, headSha: sha(2), headRef: 'patch', headRepoFullName: 'mallory/models' });
    const forkRun = standIn.addRun({
      workflowId: ml,
      headSha: sha(2),
      headBranch: 'patch',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
      headRepoFullName: 'mallory/models',
    });
    const gated = await runAction({
      standIn,
      runId: Number(forkRun.id),
      eventName: 'pull_request',
      payload: pullRequestPayload({
        number: 8,
        baseSha: sha(1),
        headSha: sha(2),
        headRef: 'patch',
        repo: standIn.fullName,
        headRepo: 'mallory/models',
      }),
      sha: sha(2),
      ref: 'refs/pull/8/merge',
      evidence: `${SCENARIO}/candidate/.contexta`,
      inputs: { comment: 'off', 'fail-on': 'never' },
    });
    expect(gated.code, gated.stdout).toBe(0);
    expect(gated.outputs.verdict).toBe('fail');
    finish(Number(forkRun.id));
    expect(standIn.comments).toHaveLength(0);

    const publishRun = standIn.addRun({
      workflowId: publish,
      headSha: sha(1),
      event: 'workflow_run',
      status: 'in_progress',
      conclusion: null,
    });
    const published = await runAction({
      standIn,
      runId: Number(publishRun.id),
      eventName: 'workflow_run',
      payload: {
        action: 'completed',
        workflow_run: {
          id: Number(forkRun.id),
          workflow_id: ml,
          head_sha: sha(2),
          head_branch: 'patch',
          event: 'pull_request',
          conclusion: 'success',
          head_repository: { full_name: 'mallory/models' },
          pull_requests: [],
        },
      },
      sha: sha(1),
      ref: 'refs/heads/main',
      inputs: { mode: 'publish', workflow: 'ml.yml' },
    });
    const comments = standIn.comments.filter((c) => c.issueNumber === 8);
    expect(comments, published.stdout).toHaveLength(1);
    expect(comments[0]!.comment.body).toContain('region-apac');
    expect(comments[0]!.comment.body).toContain('base branch main');
    const statuses = standIn.statuses.filter((s) => s.sha === sha(2));
    expect(statuses.map((s) => [s.status.context, s.status.state])).toEqual([
      ['contexta-gate', 'pending'],
      ['contexta-gate', 'failure'],
    ]);
    expect(standIn.artifacts.filter((a) => a.runId === Number(publishRun.id))).toHaveLength(0);
  });

  it('publishes nothing for a workflow_run whose head is not an open PR head', async () => {
    standIn.addCommits([{ sha: sha(9), parents: [sha(1)], message: 'stray' }]);
    const strayRun = standIn.addRun({
      workflowId: ml,
      headSha: sha(9),
      headBranch: 'elsewhere',
      event: 'pull_request',
      headRepoFullName: 'mallory/models',
    });
    const stray = await runAction({
      standIn,
      runId: 999_001,
      eventName: 'workflow_run',
      payload: {
        workflow_run: {
          id: Number(strayRun.id),
          workflow_id: ml,
          head_sha: sha(9),
          head_branch: 'elsewhere',
          event: 'pull_request',
          conclusion: 'success',
          head_repository: { full_name: 'mallory/models' },
          pull_requests: [],
        },
      },
      sha: sha(1),
      ref: 'refs/heads/main',
      inputs: { mode: 'publish', workflow: 'ml.yml' },
    });
    expect(stray.code, stray.stdout).toBe(0);
    expect(stray.stdout).toMatch(/no open pull request has head f{7}/);
    expect(standIn.statuses.filter((s) => s.sha === sha(9)).map((s) => s.status.state)).toEqual([
      'pending',
      'error',
    ]);
  });
});
