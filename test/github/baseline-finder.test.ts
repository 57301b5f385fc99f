import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBaseline, findDeployedBaseline } from '../../src/github/baseline-finder.js';
import { GitHubClient } from '../../src/github/client.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { buildZip } from '../support/zip-writer.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const ZIP = buildZip([{ name: 'runs/r/metrics.json', data: '{}' }]);
const RUNS = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';

let standIn: GitHubStandIn;
let client: GitHubClient;
let workflowId: number;
/** main: c1 … c10, one commit per hour from 2026-11-01T00:00Z. */
let c: string[];

beforeEach(async () => {
  standIn = await GitHubStandIn.start({ now: () => NOW });
  client = new GitHubClient({
    token: standIn.token,
    apiUrl: standIn.url,
    owner: standIn.owner,
    repo: standIn.repo,
    retry: { retries: 1, baseDelayMs: 1 },
    sleep: async () => undefined,
  });
  workflowId = standIn.addWorkflow('.github/workflows/ci.yml');
  c = standIn.addCommits(Array.from({ length: 10 }, (_, i) => ({ sha: `${i + 1}`.padStart(40, 'c') })));
  c.unshift('unused-index-0');
  standIn.setBranch('main', c[10] as string);
});

afterEach(async () => {
  await standIn.close();
});

function pushRun(
  commit: number,
  options: { headRepoFullName?: string; event?: string; conclusion?: string } = {},
) {
  return standIn.addRun({
    workflowId,
    headSha: c[commit] as string,
    headBranch: 'main',
    event: options.event ?? 'push',
    conclusion: options.conclusion ?? 'success',
    headRepoFullName: options.headRepoFullName,
    createdAt: new Date(Date.UTC(2026, 10, 1) + commit * 3_600_000 + 60_000).toISOString(),
  });
}

function withArtifact(run: { id: number | bigint }, options: { expired?: boolean; name?: string } = {}) {
  return standIn.addArtifact(Number(run.id), {
    name: options.name ?? 'contexta',
    content: ZIP,
    expired: options.expired,
  });
}

describe('PR baseline (merge base)', () => {
  it('picks the successful push run at the merge base', async () => {
    const atBase = pushRun(8);
    const artifact = withArtifact(atBase);
    withArtifact(pushRun(10));
    const result = await findBaseline(client, {
      workflow: 'ci.yml',
      baseBranch: 'main',
      mergeBaseSha: c[8] as string,
      artifactName: 'contexta',
      now: NOW,
    });
    expect(result).toMatchObject({ none: false, source: 'merge-base', commitsBehind: 0, skipped: [] });
    if (result.none) throw new Error('unreachable');
    expect(result.run.id).toBe(atBase.id);
    expect(result.artifact.id).toBe(artifact.artifact.id);
    expect(result.ageMs).toBe(NOW.getTime() - Date.parse(atBase.created_at));
    const query = standIn.requestsTo(RUNS)[0]?.query;
    expect(query).toMatchObject({ branch: 'main', event: 'push', status: 'success', head_sha: c[8] });
  });

  it('falls back to the nearest ancestor with a usable artifact and discloses what it skipped', async () => {
    withArtifact(pushRun(7), { expired: true });
    withArtifact(pushRun(6, { headRepoFullName: 'mallory/models' }));
    withArtifact(pushRun(5), { name: 'coverage' });
    const good = pushRun(4);
    withArtifact(good);
    withArtifact(pushRun(3));
    withArtifact(pushRun(9));
    // A fork PR whose head branch is also called "main": filtered out by event=push before anything else.
    withArtifact(pushRun(8, { event: 'pull_request', headRepoFullName: 'mallory/models' }));
    withArtifact(pushRun(8, { conclusion: 'failure' }));

    const result = await findBaseline(client, {
      workflow: workflowId,
      baseBranch: 'main',
      mergeBaseSha: c[8] as string,
      artifactName: 'contexta',
      now: NOW,
    });
    if (result.none) throw new Error(result.reason);
    expect(result.source).toBe('ancestor');
    expect(result.run.id).toBe(good.id);
    expect(result.run.head_sha).toBe(c[4]);
    expect(result.commitsBehind).toBe(4);
    expect(result.skipped.map((s) => [s.headSha, s.reason])).toEqual([
      [c[7], 'artifact-expired'],
      [c[6], 'fork'],
      [c[5], 'artifact-missing'],
    ]);
    expect(result.skipped[1]?.detail).toContain('mallory/models');
  });

  it('prefers the newest non-expired artifact of a re-run', async () => {
    const run = pushRun(8);
    withArtifact(run, { expired: true });
    const second = withArtifact(run);
    withArtifact(run, { expired: true });
    const result = await findBaseline(client, {
      workflow: 'ci.yml',
      baseBranch: 'main',
      mergeBaseSha: c[8] as string,
      artifactName: 'contexta',
      now: NOW,
    });
    if (result.none) throw new Error(result.reason);
    expect(result.artifact.id).toBe(second.artifact.id);
  });

  it('returns none with every skipped run when nothing usable exists', async () => {
    withArtifact(pushRun(8), { expired: true });
    withArtifact(pushRun(7, { headRepoFullName: 'mallory/models' }));
    withArtifact(pushRun(1));
    const result = await findBaseline(client, {
      workflow: 'ci.yml',
      baseBranch: 'main',
      mergeBaseSha: c[8] as string,
      artifactName: 'contexta',
      maxCommits: 3,
      now: NOW,
    });
    expect(result.none).toBe(true);
    if (!result.none) throw new Error('unreachable');
    expect(result.code).toBe('no-usable-run');
    expect(result.reason).toBe(
      `no successful push run of workflow ci.yml on main with a usable 'contexta' artifact at the merge base ` +
        `ccccccc or its 3 nearest ancestors (3 recent runs considered)`,
    );
    expect(result.skipped.map((s) => s.reason)).toEqual(['artifact-expired', 'fork']);
  });

  it('returns no-runs when the workflow never succeeded on the base branch', async () => {
    pushRun(8, { conclusion: 'failure' });
    const result = await findBaseline(client, {
      workflow: 'ci.yml',
      baseBranch: 'main',
      mergeBaseSha: c[8] as string,
      artifactName: 'contexta',
    });
    expect(result).toMatchObject({ none: true, code: 'no-runs', skipped: [] });
  });

  it('bounds the number of runs it lists', async () => {
    for (let i = 1; i <= 10; i++) pushRun(i);
    await findBaseline(client, {
      workflow: 'ci.yml',
      baseBranch: 'main',
      mergeBaseSha: c[8] as string,
      artifactName: 'contexta',
      maxRuns: 4,
      maxCommits: 2,
    });
    const listing = standIn.requestsTo(RUNS).map((r) => r.query.per_page);
    expect(listing).toEqual(['4', '4']);
    expect(standIn.requestsTo('GET /repos/{owner}/{repo}/commits')[0]?.query.per_page).toBe('3');
  });
});

describe('push baseline (previous run on the branch)', () => {
  it('skips the current commit and expired runs and reports the distance', async () => {
    const current = pushRun(10);
    withArtifact(current);
    withArtifact(pushRun(9), { expired: true });
    const previous = pushRun(8);
    withArtifact(previous);
    const result = await findBaseline(client, {
      workflow: 'ci.yml',
      baseBranch: 'main',
      headSha: c[10] as string,
      currentRunId: Number(current.id),
      artifactName: 'contexta',
      now: NOW,
    });
    if (result.none) throw new Error(result.reason);
    expect(result).toMatchObject({ source: 'previous-run', commitsBehind: 2 });
    expect(result.run.id).toBe(previous.id);
    expect(result.skipped.map((s) => s.reason)).toEqual(['current-run', 'artifact-expired']);
  });

  it('skips runs whose commit was rewritten away by a force push', async () => {
    standIn.addCommits([{ sha: 'f'.repeat(40), parents: [c[9] as string], date: '2026-11-01T12:00:00Z' }]);
    const orphan = standIn.addRun({
      workflowId,
      headSha: 'f'.repeat(40),
      createdAt: '2026-11-02T00:00:00Z',
    });
    withArtifact(orphan);
    const gone = standIn.addRun({ workflowId, headSha: 'e'.repeat(40), createdAt: '2026-11-01T23:00:00Z' });
    withArtifact(gone);
    withArtifact(pushRun(9));
    const result = await findBaseline(client, {
      workflow: 'ci.yml',
      baseBranch: 'main',
      headSha: c[10] as string,
      artifactName: 'contexta',
    });
    if (result.none) throw new Error(result.reason);
    expect(result.run.head_sha).toBe(c[9]);
    expect(result.commitsBehind).toBe(1);
    expect(result.skipped.map((s) => [s.headSha, s.reason])).toEqual([
      ['f'.repeat(40), 'not-an-ancestor'],
      ['e'.repeat(40), 'not-an-ancestor'],
    ]);
  });
});

describe('deployment baseline', () => {
  it('follows the newest deployment whose latest status is success to its run artifact', async () => {
    const promotedRun = pushRun(5);
    const promoted = withArtifact(promotedRun);
    const laterRun = pushRun(7);
    withArtifact(laterRun);
    const deployment = standIn.addDeployment({
      environment: 'production',
      sha: c[5] as string,
      payload: { run_id: Number(promotedRun.id), artifact_id: Number(promoted.artifact.id) },
      states: ['in_progress', 'success'],
    });
    standIn.addDeployment({
      environment: 'production',
      sha: c[6] as string,
      payload: { run_id: Number(laterRun.id) },
      states: ['success', 'inactive'],
    });
    standIn.addDeployment({
      environment: 'production',
      sha: c[7] as string,
      payload: { run_id: Number(laterRun.id) },
      states: ['failure'],
    });
    standIn.addDeployment({
      environment: 'staging',
      sha: c[7] as string,
      payload: { run_id: 1 },
      states: ['success'],
    });

    const result = await findDeployedBaseline(client, {
      environment: 'production',
      artifactName: 'contexta',
    });
    if (result.none) throw new Error(result.reason);
    expect(result).toMatchObject({
      source: 'deployment',
      deploymentId: deployment.id,
      commitsBehind: null,
      // This payload names no run_ref and no forced flag: the disclosure says nothing it does not know.
      promotion: { deploymentId: deployment.id, environment: 'production', runRef: null, forced: false },
    });
    expect(result.promotion?.createdAt).toBe(deployment.created_at);
    expect(result.run.id).toBe(promotedRun.id);
    expect(result.artifact.id).toBe(promoted.artifact.id);
    expect(result.skipped.map((s) => s.reason)).toEqual(['not-promoted', 'not-promoted']);
  });

  it('accepts a JSON-string payload', async () => {
    const run = pushRun(5);
    withArtifact(run);
    standIn.addDeployment({
      environment: 'production',
      sha: c[5] as string,
      payload: {},
      states: ['success'],
    });
    const stringPayload = standIn.deployments.at(-1);
    if (stringPayload) stringPayload.payload = JSON.stringify({ run_id: String(run.id) });
    const result = await findDeployedBaseline(client, {
      environment: 'production',
      artifactName: 'contexta',
    });
    expect(result.none).toBe(false);
  });

  it('says clearly when the promoted evidence expired instead of using an older promotion', async () => {
    const older = pushRun(3);
    withArtifact(older);
    standIn.addDeployment({
      environment: 'production',
      sha: c[3] as string,
      payload: { run_id: Number(older.id) },
      states: ['success'],
    });
    const promotedRun = pushRun(5);
    const expired = withArtifact(promotedRun, { expired: true });
    standIn.addDeployment({
      environment: 'production',
      sha: c[5] as string,
      payload: { run_id: Number(promotedRun.id) },
      states: ['success'],
    });
    const result = await findDeployedBaseline(client, {
      environment: 'production',
      artifactName: 'contexta',
    });
    expect(result).toMatchObject({ none: true, code: 'deployed-artifact-expired' });
    if (!result.none) throw new Error('unreachable');
    expect(result.reason).toBe(
      `the evidence of the model promoted to 'production' (run ${promotedRun.id}, artifact ${expired.artifact.id}) ` +
        `expired on ${expired.artifact.expires_at}; re-run that workflow or promote again to restore a baseline, ` +
        `and raise the artifact retention-days`,
    );
  });

  it('reports deployments not recorded by the gate and environments never promoted', async () => {
    standIn.addDeployment({
      environment: 'production',
      sha: c[5] as string,
      payload: { model: 'x' },
      states: ['success'],
    });
    expect(
      await findDeployedBaseline(client, { environment: 'production', artifactName: 'contexta' }),
    ).toMatchObject({
      none: true,
      code: 'deployment-payload',
    });
    expect(
      await findDeployedBaseline(client, { environment: 'canary', artifactName: 'contexta' }),
    ).toMatchObject({
      none: true,
      code: 'no-deployment',
      reason: "no deployment to environment 'canary' has a successful latest status (0 examined)",
    });
  });
});
