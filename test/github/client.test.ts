import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubClient } from '../../src/github/client.js';
import {
  ArtifactExpiredError,
  GitHubAuthError,
  GitHubConflictError,
  GitHubError,
  GitHubNotFoundError,
  GitHubPermissionError,
  GitHubRateLimitError,
  GitHubResponseError,
  GitHubUnavailableError,
  GitHubValidationError,
} from '../../src/github/errors.js';
import { faults, GitHubStandIn } from '../support/github-stand-in.js';
import { buildZip } from '../support/zip-writer.js';

const RUNS = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';
const RUN = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}';
const COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const ZIP = 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip';
const BLOB = 'GET /devstoreaccount1/results/{blob}';

let standIn: GitHubStandIn;
let client: GitHubClient;
let workflowId: number;
let work: string;
/** Every wait the client asked for; the injected sleep returns at once. */
let delays: number[];

function makeClient(overrides: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {}): GitHubClient {
  return new GitHubClient({
    token: standIn.token,
    apiUrl: standIn.url,
    owner: standIn.owner,
    repo: standIn.repo,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 200 },
    timeoutMs: 5000,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...overrides,
  });
}

beforeEach(async () => {
  standIn = await GitHubStandIn.start();
  delays = [];
  client = makeClient();
  workflowId = standIn.addWorkflow('.github/workflows/ci.yml');
  work = await mkdtemp(path.join(tmpdir(), 'gh-client-'));
});

afterEach(async () => {
  await standIn.close();
  await rm(work, { recursive: true, force: true });
});

function sha(n: number): string {
  return n.toString(16).padStart(40, 'a');
}

function seedRuns(count: number, extra: { branch?: string; event?: string } = {}) {
  return Array.from({ length: count }, (_, i) =>
    standIn.addRun({
      workflowId,
      headSha: sha(i + 1),
      headBranch: extra.branch ?? 'main',
      event: extra.event ?? 'push',
      createdAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
    }),
  );
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('pagination', () => {
  it('lists workflow runs past 100 items, newest first, by workflow file name', async () => {
    const seeded = seedRuns(250);
    const runs = await client.listWorkflowRuns({ workflow: 'ci.yml', limit: 250 });
    expect(runs).toHaveLength(250);
    expect(runs.map((r) => r.id)).toEqual(seeded.map((r) => r.id).reverse());
    expect(standIn.requestsTo(RUNS).map((r) => [r.query.page, r.query.per_page])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100'],
    ]);
  });

  it('stops at the limit without fetching further pages', async () => {
    seedRuns(130);
    const runs = await client.listWorkflowRuns({ workflow: workflowId, limit: 110 });
    expect(runs).toHaveLength(110);
    expect(standIn.requestsTo(RUNS)).toHaveLength(2);
  });

  it('passes filters through and the stand-in applies them', async () => {
    seedRuns(3);
    seedRuns(2, { branch: 'feature' });
    standIn.addRun({ workflowId, headSha: sha(99), event: 'pull_request', headBranch: 'main' });
    standIn.addRun({ workflowId, headSha: sha(98), conclusion: 'failure' });
    const runs = await client.listWorkflowRuns({
      workflow: 'ci.yml',
      branch: 'main',
      event: 'push',
      status: 'success',
      excludePullRequests: true,
    });
    expect(runs.map((r) => r.head_sha)).toEqual([sha(3), sha(2), sha(1)]);
    expect(standIn.requestsTo(RUNS)[0]?.query).toMatchObject({
      branch: 'main',
      event: 'push',
      status: 'success',
      exclude_pull_requests: 'true',
    });
    const bySha = await client.listWorkflowRuns({ workflow: 'ci.yml', headSha: sha(2) });
    expect(bySha.map((r) => [r.head_sha, r.head_branch])).toEqual([
      [sha(2), 'feature'],
      [sha(2), 'main'],
    ]);
  });

  it('reads every page of issue comments in ascending id order', async () => {
    const seeded = Array.from({ length: 130 }, (_, i) => standIn.addComment(7, `comment ${i}`));
    standIn.addComment(8, 'other PR');
    const comments = await client.listIssueComments(7);
    expect(comments.map((c) => c.id)).toEqual(seeded.map((c) => Number(c.id)));
    expect(standIn.requestsTo(COMMENTS)).toHaveLength(2);
  });
});

describe('retries', () => {
  it('retries 502 and 503 and then succeeds', async () => {
    const [run] = seedRuns(1);
    standIn.inject(RUN, faults.badGateway(), faults.unavailable());
    const got = await client.getWorkflowRun(Number(run?.id));
    expect(got.id).toBe(run?.id);
    expect(standIn.requestsTo(RUN)).toHaveLength(3);
    // Backoff with equal jitter: retry n waits between half and all of min(4, 1·2^(n-1)) ms.
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBe(1);
    expect(delays[1]).toBeGreaterThanOrEqual(1);
    expect(delays[1]).toBeLessThanOrEqual(2);
  });

  it('honours retry-after on 429 and on the secondary rate limit', async () => {
    standIn.inject(CREATE_COMMENT, faults.tooManyRequests(0), faults.secondaryRateLimit(0));
    const comment = await client.createComment(3, 'hello');
    expect(comment.body).toBe('hello');
    expect(standIn.requestsTo(CREATE_COMMENT)).toHaveLength(3);
    expect(standIn.comments).toHaveLength(1);
    expect(delays).toEqual([0, 0]);
  });

  it('waits the capped minute after a secondary rate limit without retry-after', async () => {
    standIn.inject(COMMENTS, faults.secondaryRateLimit());
    await client.listIssueComments(1);
    expect(delays).toEqual([200]);
    expect(standIn.requestsTo(COMMENTS)).toHaveLength(2);
  });

  it('waits out a short retry-after before retrying', async () => {
    standIn.inject(COMMENTS, faults.tooManyRequests(1));
    await makeClient({ retry: { retries: 1, baseDelayMs: 1, maxRetryAfterMs: 1500 } }).listIssueComments(1);
    expect(delays).toEqual([1000]);
    expect(standIn.requestsTo(COMMENTS)).toHaveLength(2);
  });

  it('gives up after the bounded number of attempts with an actionable error', async () => {
    standIn.inject(RUN, ...Array.from({ length: 10 }, () => faults.badGateway()));
    const error = await caught(client.getWorkflowRun(1));
    expect(error).toBeInstanceOf(GitHubUnavailableError);
    expect((error as GitHubUnavailableError).attempts).toBe(4);
    expect(error.message).toMatch(
      /GET \/repos\/acme\/models\/actions\/runs\/1 failed after 4 attempt\(s\): server error 502/,
    );
    expect(standIn.requestsTo(RUN)).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it('fails fast when GitHub asks for a wait longer than the cap', async () => {
    standIn.inject(RUN, faults.tooManyRequests(3600));
    const error = await caught(client.getWorkflowRun(1));
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect((error as GitHubRateLimitError).waitMs).toBe(3_600_000);
    expect(standIn.requestsTo(RUN)).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('uses x-ratelimit-reset for an exhausted primary rate limit', async () => {
    standIn.inject(RUN, faults.primaryRateLimit(Math.floor(Date.now() / 1000) + 3600));
    const error = await caught(client.getWorkflowRun(1));
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(standIn.requestsTo(RUN)).toHaveLength(1);
  });

  it('retries timeouts (held sockets) and dropped connections', async () => {
    const [run] = seedRuns(1);
    standIn.inject(RUN, faults.hang(), faults.reset());
    const got = await makeClient({ timeoutMs: 700 }).getWorkflowRun(Number(run?.id));
    expect(got.id).toBe(run?.id);
    expect(standIn.requestsTo(RUN)).toHaveLength(3);
  });

  it('retries a response whose body stalls past the timeout', async () => {
    const [run] = seedRuns(1);
    standIn.inject(RUN, faults.stallBody());
    const got = await makeClient({ timeoutMs: 700 }).getWorkflowRun(Number(run?.id));
    expect(got.id).toBe(run?.id);
    expect(standIn.requestsTo(RUN)).toHaveLength(2);
  });

  it('reports a persistent timeout as unavailable', async () => {
    standIn.inject(RUN, faults.hang(), faults.hang());
    const error = await caught(
      makeClient({ retry: { retries: 1, baseDelayMs: 1 }, timeoutMs: 700 }).getWorkflowRun(1),
    );
    expect(error).toBeInstanceOf(GitHubUnavailableError);
    expect(error.message).toMatch(/no response within 700 ms/);
  });

  it.each([
    [
      '403 missing permission',
      faults.missingPermission('issues=write; pull_requests=write'),
      GitHubPermissionError,
    ],
    ['404', faults.status(404, 'Not Found'), GitHubNotFoundError],
    ['422', faults.status(422, 'Validation Failed'), GitHubValidationError],
    ['409', faults.status(409, 'Conflict'), GitHubConflictError],
  ])('does not retry %s', async (_label, fault, type) => {
    standIn.inject(CREATE_COMMENT, fault);
    const error = await caught(client.createComment(3, 'x'));
    expect(error).toBeInstanceOf(type);
    expect(standIn.requestsTo(CREATE_COMMENT)).toHaveLength(1);
  });
});

describe('errors', () => {
  it('names the missing permission from x-accepted-github-permissions', async () => {
    standIn.inject(CREATE_COMMENT, faults.missingPermission('issues=write; pull_requests=write'));
    const error = (await caught(client.createComment(3, 'x'))) as GitHubPermissionError;
    expect(error.permission).toBe('issues: write or pull-requests: write');
    expect(error.message).toContain('the token lacks the permission "issues: write or pull-requests: write"');
    expect(error.message).toContain('POST /repos/acme/models/issues/3/comments');
  });

  it('names the permission from the endpoint when the header is absent', async () => {
    standIn.inject('POST /repos/{owner}/{repo}/check-runs', {
      kind: 'respond',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const error = (await caught(
      client.createCheckRun({ name: 'gate', headSha: sha(1) }),
    )) as GitHubPermissionError;
    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect(error.permission).toBe('checks: write');
  });

  it('turns a bad token into an auth error', async () => {
    const bad = makeClient({ token: 'ghs_wrongToken' });
    const error = await caught(bad.getWorkflowRun(1));
    expect(error).toBeInstanceOf(GitHubAuthError);
    expect(error.message).toContain('401 Bad credentials');
    expect(error.message).not.toContain('ghs_wrongToken');
  });

  it('never puts the token into an error, even when GitHub echoes it', async () => {
    standIn.inject(RUN, faults.status(422, `invalid value ${standIn.token} in query`));
    standIn.inject(COMMENTS, faults.missingPermission('pull_requests=read'));
    standIn.inject(ZIP, ...Array.from({ length: 4 }, () => faults.reset()));
    const failures = [
      () => client.getWorkflowRun(1),
      () => client.listIssueComments(1),
      () => client.getWorkflowRun(424242),
      () => client.downloadArtifactZip(5, path.join(work, 'x.zip')),
      () => makeClient({ token: `${standIn.token}x` }).listIssueComments(1),
    ];
    const errors: Error[] = [];
    for (const failure of failures) errors.push(await caught(failure()));
    for (const error of errors) {
      expect(error).toBeInstanceOf(GitHubError);
      for (const rendering of [
        error.message,
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 5 }),
      ]) {
        expect(rendering).not.toContain(standIn.token);
      }
    }
    expect(errors[0]?.message).toContain('invalid value *** in query');
    expect(errors.map((e) => e.name)).toEqual([
      'GitHubValidationError',
      'GitHubPermissionError',
      'GitHubNotFoundError',
      'GitHubUnavailableError',
      'GitHubAuthError',
    ]);
  });

  it('rejects a response missing fields we rely on, naming the field', async () => {
    standIn.inject(RUN, { kind: 'respond', status: 200, body: { id: 'seven', head_sha: 3 } });
    const error = await caught(client.getWorkflowRun(7));
    expect(error).toBeInstanceOf(GitHubResponseError);
    expect(error.message).toMatch(/id: .*expected number/);
    expect(standIn.requestsTo(RUN)).toHaveLength(1);
  });
});

describe('artifacts over REST', () => {
  it('lists run artifacts including expired ones and downloads a zip through the redirect without auth', async () => {
    const [run] = seedRuns(1);
    const zip = buildZip([{ name: 'metrics.json', data: '{"a":1}' }]);
    const old = standIn.addArtifact(Number(run?.id), { name: 'contexta', content: zip, expired: true });
    const fresh = standIn.addArtifact(Number(run?.id), { name: 'contexta', content: zip });
    standIn.addArtifact(Number(run?.id), { name: 'other', content: zip });
    const listed = await client.listRunArtifacts(Number(run?.id), 'contexta');
    expect(listed.map((a) => [a.id, a.expired])).toEqual([
      [fresh.artifact.id, false],
      [old.artifact.id, true],
    ]);

    const target = path.join(work, 'a.zip');
    const { bytes } = await client.downloadArtifactZip(Number(fresh.artifact.id), target);
    expect(bytes).toBe(zip.length);
    expect(await readFile(target)).toEqual(zip);
    const blobRequests = standIn.requestsTo(BLOB);
    expect(blobRequests).toHaveLength(1);
    expect(blobRequests[0]?.hadAuthorization).toBe(false);
    expect(standIn.requestsTo(ZIP)[0]?.hadAuthorization).toBe(true);
  });

  it('asks for a fresh signed URL when blob storage refuses an expired one', async () => {
    const [run] = seedRuns(1);
    const zip = buildZip([{ name: 'metrics.json', data: '{"a":1}' }]);
    const stored = standIn.addArtifact(Number(run?.id), { name: 'contexta', content: zip });
    standIn.inject(
      BLOB,
      faults.status(403, 'AuthenticationFailed: Signature not valid in the specified time frame'),
    );
    const { bytes } = await client.downloadArtifactZip(Number(stored.artifact.id), path.join(work, 'r.zip'));
    expect(bytes).toBe(zip.length);
    expect(standIn.requestsTo(ZIP)).toHaveLength(2);
    expect(standIn.requestsTo(BLOB)).toHaveLength(2);
  });

  it('turns 410 into ArtifactExpiredError without retrying', async () => {
    const [run] = seedRuns(1);
    const expired = standIn.addArtifact(Number(run?.id), {
      name: 'contexta',
      content: Buffer.from('x'),
      expired: true,
    });
    const error = await caught(
      client.downloadArtifactZip(Number(expired.artifact.id), path.join(work, 'b.zip')),
    );
    expect(error).toBeInstanceOf(ArtifactExpiredError);
    expect((error as ArtifactExpiredError).artifactId).toBe(expired.artifact.id);
    expect(error.message).toContain('has expired');
    expect(standIn.requestsTo(ZIP)).toHaveLength(1);
  });

  it('retries a failing blob download and enforces the size cap', async () => {
    const [run] = seedRuns(1);
    const stored = standIn.addArtifact(Number(run?.id), { name: 'contexta', content: Buffer.alloc(5000, 1) });
    standIn.inject(BLOB, faults.unavailable());
    const { bytes } = await client.downloadArtifactZip(Number(stored.artifact.id), path.join(work, 'c.zip'));
    expect(bytes).toBe(5000);
    expect(standIn.requestsTo(BLOB)).toHaveLength(2);
    expect(delays).toEqual([1]);
    const capped = await caught(
      client.downloadArtifactZip(Number(stored.artifact.id), path.join(work, 'd.zip'), { maxBytes: 1000 }),
    );
    expect(capped).toBeInstanceOf(GitHubResponseError);
    expect(capped.message).toContain('larger than the 1000-byte cap');
    expect(capped.message).not.toContain('sig=');
  });
});

describe('comments, reviews, pulls', () => {
  it('creates, updates and deletes a comment; refuses an over-long body', async () => {
    const created = await client.createComment(4, 'first');
    expect(created.user?.login).toBe('github-actions[bot]');
    const updated = await client.updateComment(created.id, 'second');
    expect(updated.body).toBe('second');
    expect((await client.listIssueComments(4)).map((c) => c.body)).toEqual(['second']);
    await client.deleteComment(created.id);
    expect(await client.listIssueComments(4)).toEqual([]);
    const tooLong = await caught(client.createComment(4, 'x'.repeat(65_537)));
    expect(tooLong).toBeInstanceOf(GitHubValidationError);
    expect(tooLong.message).toContain('Body is too long (maximum is 65536 characters)');
  });

  it('creates, lists and dismisses reviews', async () => {
    standIn.addPull({ number: 9, headSha: sha(5), headRef: 'feature' });
    const review = await client.createReview(9, { event: 'REQUEST_CHANGES', body: 'regression in slice x' });
    expect(review.state).toBe('CHANGES_REQUESTED');
    expect(review.commit_id).toBe(sha(5));
    const comment = await client.createReview(9, { event: 'COMMENT', body: 'fyi' });
    expect((await client.listReviews(9)).map((r) => r.id)).toEqual([review.id, comment.id]);
    const dismissed = await client.dismissReview(9, review.id, 'fixed');
    expect(dismissed.state).toBe('DISMISSED');
    expect(await caught(client.dismissReview(9, comment.id, 'x'))).toBeInstanceOf(GitHubValidationError);
  });

  it('gets a pull request', async () => {
    standIn.setBranch('main', sha(1));
    standIn.addPull({ number: 12, headSha: sha(7), headRef: 'topic', headRepoFullName: 'forker/models' });
    const pull = await client.getPull(12);
    expect(pull).toMatchObject({
      number: 12,
      head: { sha: sha(7), ref: 'topic', repo: { full_name: 'forker/models' } },
      base: { ref: 'main', sha: sha(1), repo: { full_name: 'acme/models' } },
    });
    expect(await caught(client.getPull(13))).toBeInstanceOf(GitHubNotFoundError);
  });
});

describe('commits', () => {
  beforeEach(() => {
    // main: c1 - c2 - c3 - c4 ; feature branches off c2: f1 - f2
    standIn.addCommits([{ sha: sha(1) }, { sha: sha(2) }, { sha: sha(3) }, { sha: sha(4) }]);
    standIn.addCommits([
      { sha: sha(0xf1), parents: [sha(2)], date: '2026-11-05T00:00:00Z' },
      { sha: sha(0xf2), date: '2026-11-06T00:00:00Z' },
    ]);
    standIn.setBranch('main', sha(4));
    standIn.setBranch('feature', sha(0xf2));
  });

  it('compares base...head with merge base and ahead/behind counts', async () => {
    const comparison = await client.compareCommits('main', 'feature');
    expect(comparison).toMatchObject({
      status: 'diverged',
      ahead_by: 2,
      behind_by: 2,
      merge_base_commit: { sha: sha(2) },
      base_commit: { sha: sha(4) },
    });
  });

  it('lists ancestors newest first, bounded', async () => {
    const commits = await client.listCommits(sha(4), 3);
    expect(commits.map((c) => c.sha)).toEqual([sha(4), sha(3), sha(2)]);
    expect(commits[0]?.parents.map((p) => p.sha)).toEqual([sha(3)]);
  });
});

describe('checks, statuses, deployments, permissions, contents', () => {
  beforeEach(() => {
    standIn.addCommits([{ sha: sha(1) }]);
    standIn.setBranch('main', sha(1));
  });

  it('creates and completes a check run', async () => {
    const created = await client.createCheckRun({
      name: 'contexta gate',
      headSha: sha(1),
      status: 'in_progress',
    });
    expect(created).toMatchObject({ status: 'in_progress', conclusion: null });
    const done = await client.updateCheckRun(created.id, {
      conclusion: 'failure',
      output: { title: 'Regression', summary: 's'.repeat(70_000) },
    });
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(standIn.checkRuns[0]?.output.summary).toHaveLength(65_535);
  });

  it('creates a commit status with a truncated description', async () => {
    const status = await client.createCommitStatus(sha(1), {
      state: 'failure',
      context: 'contexta/gate',
      description: 'd'.repeat(200),
    });
    expect(status).toMatchObject({ state: 'failure', context: 'contexta/gate' });
    expect(standIn.statuses[0]?.status.description).toHaveLength(140);
  });

  it('creates deployments without auto-merge or required contexts, even while a check is pending', async () => {
    standIn.addCommitStatus(sha(1), 'contexta/gate', 'pending');
    // The raw API with its defaults refuses, which is exactly why the client overrides them.
    const defaults = await fetch(`${standIn.url}/repos/acme/models/deployments`, {
      method: 'POST',
      headers: { authorization: `token ${standIn.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'main', environment: 'production' }),
    });
    expect(defaults.status).toBe(409);
    const deployment = await client.createDeployment({
      ref: 'main',
      environment: 'production',
      task: 'promote:model',
      payload: { run_id: 77, artifact_id: 88 },
    });
    expect(deployment).toMatchObject({ sha: sha(1), environment: 'production', payload: { run_id: 77 } });
    expect(standIn.requestsTo('POST /repos/{owner}/{repo}/deployments').at(-1)?.body).toMatchObject({
      auto_merge: false,
      required_contexts: [],
    });
    await client.createDeploymentStatus(deployment.id, { state: 'success', description: 'promoted' });
    const second = await client.createDeployment({ ref: sha(1), environment: 'production', payload: {} });
    const list = await client.listDeployments({ environment: 'production' });
    expect(list.map((d) => d.id)).toEqual([second.id, deployment.id]);
    expect((await client.listDeploymentStatuses(deployment.id)).map((s) => s.state)).toEqual(['success']);
    expect(await client.listDeployments({ environment: 'staging' })).toEqual([]);
  });

  it('reads a collaborator permission', async () => {
    standIn.setPermission('alice', 'write');
    expect(await client.getCollaboratorPermission('alice')).toMatchObject({
      permission: 'write',
      user: { login: 'alice' },
    });
    expect(await caught(client.getCollaboratorPermission('mallory'))).toBeInstanceOf(GitHubNotFoundError);
  });

  it('reads file content at a ref, null when absent', async () => {
    const policy = 'gates:\n  - metric: accuracy\n    max_drop: 0.01\n'.repeat(10);
    standIn.addFile('main', '.github/contexta.yml', policy);
    expect((await client.getFileContent('.github/contexta.yml', 'main'))?.toString('utf8')).toBe(policy);
    expect(await client.getFileContent('.github/contexta.yml', 'other')).toBeNull();
  });
});
