/**
 * The attacks of issue 15, run as an attacker would run them, against the built bundle and the
 * GitHub stand-in: a fork workflow named `ml`, a fork artifact that is not a zip, a fork PR with no
 * trusted baseline, a trailer attributed to a maintainer by e-mail, a self-waiver, 503s on the
 * contents endpoint, another bot's comment carrying our marker, a marker inside a slice name, a
 * token inside a metric name and a run's message, a garbage event payload, and a PR run in promote
 * mode. Each asserts the safe outcome.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const FOREIGN_TOKEN = 'ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const sha = (n: number) => n.toString(16).padStart(40, 'd');

let standIn: GitHubStandIn;
let ml: number;
let publishWorkflow: number;
let nextPull = 20;

function finish(runId: number): void {
  const run = standIn.runs.find((r) => Number(r.id) === runId)!;
  run.status = 'completed';
  run.conclusion = 'success';
}

/** No line of a step's logs is a stack frame: failures are one message a person can act on. */
function expectNoStackTrace(run: ActionRun): void {
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  expect(run.stdout).not.toMatch(/%0A\s+at /);
}

/** A fresh PR #n on its own commit, pointing at main. */
function newPull(fields: {
  author?: string;
  headRepo?: string;
  message?: string;
  verified?: boolean;
  authorLogin?: string;
}) {
  const number = nextPull++;
  const head = sha(100 + number);
  standIn.addCommits([
    {
      sha: head,
      parents: [sha(1)],
      message: fields.message ?? `change ${number}`,
      ...(fields.authorLogin ? { authorLogin: fields.authorLogin } : {}),
      ...(fields.verified === undefined ? {} : { verified: fields.verified }),
      email: 'maintainer@example.com',
    },
  ]);
  standIn.addPull({
    number,
    headSha: head,
    headRef: `branch-${number}`,
    ...(fields.author ? { author: fields.author } : {}),
    ...(fields.headRepo ? { headRepoFullName: fields.headRepo } : {}),
  });
  return { number, head };
}

async function gatePull(
  pull: { number: number; head: string },
  options: { labels?: string[]; author?: string; evidence?: string; inputs?: Record<string, string> } = {},
): Promise<ActionRun> {
  const run = standIn.addRun({
    workflowId: ml,
    headSha: pull.head,
    headBranch: `branch-${pull.number}`,
    event: 'pull_request',
    status: 'in_progress',
    conclusion: null,
    pullNumbers: [pull.number],
  });
  return runAction({
    standIn,
    runId: Number(run.id),
    eventName: 'pull_request',
    payload: pullRequestPayload({
      number: pull.number,
      baseSha: sha(1),
      headSha: pull.head,
      headRef: `branch-${pull.number}`,
      repo: standIn.fullName,
      ...(options.labels ? { labels: options.labels } : {}),
      ...(options.author ? { author: options.author } : {}),
    }),
    sha: pull.head,
    ref: `refs/pull/${pull.number}/merge`,
    evidence: options.evidence ?? `${SCENARIO}/candidate/.contexta`,
    ...(options.inputs ? { inputs: options.inputs } : {}),
  });
}

function workflowRunPayload(run: {
  id: number;
  workflowId: number;
  head: string;
  branch: string;
  repo: string;
}) {
  return {
    action: 'completed',
    workflow_run: {
      id: run.id,
      workflow_id: run.workflowId,
      head_sha: run.head,
      head_branch: run.branch,
      event: 'pull_request',
      conclusion: 'success',
      head_repository: { full_name: run.repo },
      pull_requests: [],
    },
  };
}

async function publishFor(
  run: { id: number; workflowId: number; head: string; branch: string; repo: string },
  inputs: Record<string, string> = {},
) {
  const publishRun = standIn.addRun({ workflowId: publishWorkflow, headSha: sha(1), event: 'workflow_run' });
  return runAction({
    standIn,
    runId: Number(publishRun.id),
    eventName: 'workflow_run',
    payload: workflowRunPayload(run),
    sha: sha(1),
    ref: 'refs/heads/main',
    inputs: { mode: 'publish', workflow: 'ml.yml', ...inputs },
  });
}

const statesOn = (head: string) => standIn.statuses.filter((s) => s.sha === head).map((s) => s.status.state);

beforeAll(async () => {
  standIn = await GitHubStandIn.start();
  ml = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  publishWorkflow = standIn.addWorkflow('.github/workflows/ml-publish.yml', 'ml-publish');
  standIn.addCommits([{ sha: sha(1), message: 'main' }]);
  standIn.setBranch('main', sha(1));
  standIn.addFile('main', '.github/contexta-gate.yml', POLICY);
  standIn.addFile('main', '.github/workflows/ml.yml', 'name: ml\non: [push, pull_request]\n');
  standIn.setPermission('maintainer', 'admin');
  standIn.setPermission('carol', 'write');
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
});

afterAll(async () => {
  await standIn.close();
  cleanupActionRuns();
});

describe('publish mode trusts only the workflow input’s file', () => {
  it('a fork workflow named `ml` (its own file) is refused with a failing status, and nothing is posted', async () => {
    const forked = standIn.addWorkflow('.github/workflows/ml-copy.yml', 'ml');
    const pull = newPull({ headRepo: 'mallory/models' });
    const forkRun = standIn.addRun({
      workflowId: forked,
      headSha: pull.head,
      headBranch: `branch-${pull.number}`,
      event: 'pull_request',
      headRepoFullName: 'mallory/models',
    });
    const published = await publishFor({
      id: Number(forkRun.id),
      workflowId: forked,
      head: pull.head,
      branch: `branch-${pull.number}`,
      repo: 'mallory/models',
    });
    expect(published.code).toBe(1);
    expect(published.stdout).toContain(
      'is a run of .github/workflows/ml-copy.yml, not of the trusted .github/workflows/ml.yml',
    );
    expect(statesOn(pull.head)).toEqual(['pending', 'failure']);
    expect(standIn.comments.filter((c) => c.issueNumber === pull.number)).toEqual([]);
    expectNoStackTrace(published);
  });

  it('a fork artifact that is not a zip ends with an error status, not without one', async () => {
    const pull = newPull({ headRepo: 'mallory/models' });
    const forkRun = standIn.addRun({
      workflowId: ml,
      headSha: pull.head,
      headBranch: `branch-${pull.number}`,
      event: 'pull_request',
      headRepoFullName: 'mallory/models',
    });
    standIn.addArtifact(Number(forkRun.id), { name: 'contexta-evidence', content: Buffer.from('not a zip') });
    const published = await publishFor({
      id: Number(forkRun.id),
      workflowId: ml,
      head: pull.head,
      branch: `branch-${pull.number}`,
      repo: 'mallory/models',
    });
    expect(published.code).toBe(1);
    expect(statesOn(pull.head)).toEqual(['pending', 'error']);
    expectNoStackTrace(published);
  });

  it('with no trusted baseline the status is failure, never success', async () => {
    const pull = newPull({ headRepo: 'mallory/models' });
    const gated = await gatePull(pull, {
      evidence: `${SCENARIO}/baseline/.contexta`,
      inputs: { 'artifact-name': 'lonely-evidence', comment: 'off', 'fail-on': 'never' },
    });
    expect(gated.code, gated.stdout).toBe(0);
    const forkRun = standIn.runs.at(-1)!;
    forkRun.head_repository = { ...forkRun.head_repository!, full_name: 'mallory/models' };
    finish(Number(forkRun.id));
    const published = await publishFor(
      {
        id: Number(forkRun.id),
        workflowId: ml,
        head: pull.head,
        branch: `branch-${pull.number}`,
        repo: 'mallory/models',
      },
      { 'artifact-name': 'lonely-evidence' },
    );
    expect(published.code).toBe(1);
    expect(statesOn(pull.head)).toEqual(['pending', 'failure']);
    expect(published.stdout).toMatch(/no trusted baseline/);
  });
});

describe('waivers cannot be self-granted or spoofed', () => {
  it('a trailer on an unsigned commit whose e-mail is the maintainer’s does not waive the failing gate', async () => {
    const pull = newPull({
      message: 'retrain\n\nGate-Waive: slice floor: approved by the maintainer',
      authorLogin: 'maintainer',
      verified: false,
    });
    const gated = await gatePull(pull);
    expect(gated.code).toBe(1);
    expect(gated.outputs.verdict).toBe('fail');
    const report = JSON.parse(readFileSync(gated.outputs['report-json']!, 'utf8'));
    expect(report.waivers.accepted).toEqual([]);
    expect(report.waivers.rejected.map((r: { reason: string }) => r.reason)).toEqual([
      expect.stringMatching(/is not signed with a signature GitHub verified/),
    ]);
  });

  it('the PR author’s own waiver label does not count, even with write access', async () => {
    const pull = newPull({ author: 'carol' });
    standIn.addLabel(pull.number, 'gate-waive:slice floor', 'carol');
    const gated = await gatePull(pull, { labels: ['gate-waive:slice floor'], author: 'carol' });
    expect(gated.code).toBe(1);
    const report = JSON.parse(readFileSync(gated.outputs['report-json']!, 'utf8'));
    expect(report.waivers.accepted).toEqual([]);
    expect(report.waivers.rejected.map((r: { reason: string }) => r.reason)).toEqual([
      "carol is the pull request's author; authors cannot waive their own gates unless policy.waivers.self is true",
    ]);
  });
});

describe('config fails closed', () => {
  it('503s on the contents endpoint fail the job naming the reason, never the built-in defaults', async () => {
    const pull = newPull({});
    const route = 'GET /repos/{owner}/{repo}/contents/{path}';
    standIn.inject(
      route,
      faults.unavailable(),
      faults.unavailable(),
      faults.unavailable(),
      faults.unavailable(),
    );
    const gated = await gatePull(pull);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain('could not read .github/contexta-gate.yml from main: 503');
    expect(gated.summary).toContain('could not read .github/contexta-gate.yml from main: 503');
    expect(gated.outputs.verdict).toBeUndefined();
    expect(standIn.comments.filter((c) => c.issueNumber === pull.number)).toEqual([]);
    expectNoStackTrace(gated);
  }, 30_000);

  it('a PR that changes the config is told the change applies after merge', async () => {
    const pull = newPull({});
    const run = standIn.addRun({
      workflowId: ml,
      headSha: pull.head,
      event: 'pull_request',
      pullNumbers: [pull.number],
    });
    const gated = await runAction({
      standIn,
      runId: Number(run.id),
      eventName: 'pull_request',
      payload: pullRequestPayload({
        number: pull.number,
        baseSha: sha(1),
        headSha: pull.head,
        headRef: `branch-${pull.number}`,
        repo: standIn.fullName,
      }),
      sha: pull.head,
      ref: `refs/pull/${pull.number}/merge`,
      evidence: `${SCENARIO}/candidate/.contexta`,
      localConfig: 'version: 1\ngates: []\n',
    });
    expect(gated.code).toBe(1);
    const report = JSON.parse(readFileSync(gated.outputs['report-json']!, 'utf8'));
    expect(report.configNotices).toEqual([
      'This pull request changes .github/contexta-gate.yml; the change applies after merge (or with allow-pr-config: true). This report uses the config on main.',
    ]);
    const comment = standIn.comments.find((c) => c.issueNumber === pull.number)!;
    const body = comment.comment.body ?? '';
    expect(body).toContain('the change applies after merge');
    // Said in the heading, beside the verdict, not folded away at the bottom.
    expect(body.indexOf('the change applies after merge')).toBeLessThan(body.indexOf('Next steps'));
    expect(body.indexOf('the change applies after merge')).toBeLessThan(body.indexOf('<details>'));
  });
});

describe('the sticky comment is found by its first line and its author only', () => {
  it('another bot’s comment with our marker, and our marker quoted by a person, are never edited or deleted', async () => {
    const pull = newPull({});
    const otherBot = standIn.addComment(pull.number, `${MARKER}\nI am another bot`, 'renovate[bot]');
    const quoted = standIn.addComment(pull.number, `see \`${MARKER}\` above`, 'reviewer');
    const gated = await gatePull(pull);
    expect(gated.code).toBe(1);
    const comments = standIn.comments.filter((c) => c.issueNumber === pull.number);
    expect(comments.map((c) => c.comment.id)).toEqual([otherBot.id, quoted.id, expect.any(Number)]);
    expect(comments[0]!.comment.body).toBe(`${MARKER}\nI am another bot`);
    expect(comments[1]!.comment.body).toBe(`see \`${MARKER}\` above`);
    expect(comments[2]!.comment.user?.login).toBe('github-actions[bot]');
    expect(comments[2]!.comment.body?.split('\n')[0]).toBe(MARKER);
  });
});

/** A copy of the candidate with a marker in a slice name and tokens in a metric name and a message. */
function hostileCandidate(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cg-hostile-'));
  const dir = path.join(root, '.contexta');
  cpSync(`${SCENARIO}/candidate/.contexta`, dir, { recursive: true });
  const segment = path.join(dir, 'records/segments/segment-000001.jsonl');
  const text = readFileSync(segment, 'utf8')
    .replaceAll('"slice":"region-apac"', `"slice":"region-apac\\n${MARKER.replaceAll('"', '\\"')}"`)
    .replaceAll('"metric_key":"fit.seconds"', `"metric_key":"fit.seconds.${FOREIGN_TOKEN}"`)
    .replaceAll(
      '"message":"fitted GradientBoostingClassifier"',
      `"message":"failed: token ${standIn.token} rejected"`,
    );
  writeFileSync(segment, text);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('untrusted evidence text', () => {
  it('a marker in a slice name never starts a line; tokens in a metric name and a message are redacted everywhere', async () => {
    const pull = newPull({});
    const evidence = hostileCandidate();
    expect(readFileSync(path.join(evidence, 'records/segments/segment-000001.jsonl'), 'utf8')).toContain(
      FOREIGN_TOKEN,
    );
    const gated = await gatePull(pull, { evidence });
    const comment = standIn.comments.find((c) => c.issueNumber === pull.number)!.comment.body ?? '';
    const lines = comment.split('\n');
    expect(lines[0]).toBe(MARKER);
    expect(lines.slice(1).filter((line) => line.trimStart().startsWith('<!-- contexta-gate:'))).toEqual([]);

    const reportDir = path.dirname(gated.outputs['report-json']!);
    const written = [
      comment,
      // The runner consumes ::add-mask:: itself; it is how the token is registered, not a leak.
      gated.stdout.replace(/^::add-mask::.*$/gm, ''),
      gated.stderr,
      gated.summary,
      JSON.stringify(gated.outputs),
      ...filesUnder(reportDir)
        .filter((f) => statSync(f).size < 5_000_000)
        .map((f) => readFileSync(f, 'utf8')),
      ...standIn.checkRuns.map((c) => JSON.stringify(c)),
      ...[...standIn.annotations.values()].map((a) => JSON.stringify(a)),
    ].join('\n');
    expect(written).not.toContain(FOREIGN_TOKEN);
    expect(written).not.toContain(standIn.token);
    expect(readFileSync(gated.outputs['report-json']!, 'utf8')).toContain('[redacted token]');
  });
});

describe('broken input and the wrong trigger', () => {
  it('a garbage event payload is one error naming the file and the JSON problem, not a stack trace', async () => {
    const run = await runAction({
      standIn,
      runId: 777_001,
      eventName: 'pull_request',
      payload: null,
      rawPayload: '{"pull_request": {"number": 5,,,',
      sha: sha(1),
      ref: 'refs/pull/5/merge',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::contexta\/gate: The event payload \S+event\.json \(GITHUB_EVENT_PATH\) is not valid JSON: /,
    );
    expectNoStackTrace(run);
  });

  it('a PR run with mode: promote is refused and creates no deployment', async () => {
    const before = standIn.deployments.length;
    const pull = newPull({});
    const gated = await gatePull(pull, { inputs: { mode: 'promote', environment: 'production' } });
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain("mode: promote is refused on a 'pull_request' event");
    expect(standIn.deployments.length).toBe(before);
  });
});
