import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faults, GitHubStandIn } from '../support/github-stand-in.js';

/** The stand-in's own contract: the GitHub behaviours the adapter tests rely on, checked with raw HTTP. */

let standIn: GitHubStandIn;

beforeEach(async () => {
  standIn = await GitHubStandIn.start();
});

afterEach(async () => {
  await standIn.close();
});

function api(path: string, init: RequestInit & { auth?: string | null } = {}) {
  const headers = new Headers(init.headers);
  const auth = init.auth === undefined ? `token ${standIn.token}` : init.auth;
  if (auth !== null) headers.set('authorization', auth);
  if (init.body) headers.set('content-type', 'application/json');
  return fetch(`${standIn.url}${path}`, { ...init, headers, redirect: 'manual' });
}

describe('GitHub stand-in', () => {
  it('requires a token, accepts both auth schemes and never records the token', async () => {
    const none = await api('/repos/acme/models/pulls/1', { auth: null });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: 'Requires authentication' });
    const wrong = await api('/repos/acme/models/pulls/1', { auth: 'token nope' });
    expect(await wrong.json()).toMatchObject({ message: 'Bad credentials' });
    expect((await api('/repos/acme/models/pulls/1', { auth: `Bearer ${standIn.token}` })).status).toBe(404);
    expect((await api('/repos/other/repo/pulls/1')).status).toBe(404);
    expect(JSON.stringify(standIn.requests)).not.toContain(standIn.token);
  });

  it('paginates with GitHub Link headers', async () => {
    for (let i = 0; i < 65; i++) standIn.addComment(1, `c${i}`);
    const first = await api('/repos/acme/models/issues/1/comments');
    expect(await first.json()).toHaveLength(30);
    const link = first.headers.get('link') ?? '';
    expect(link).toContain('page=2&per_page=30>; rel="next"');
    expect(link).toContain('page=3&per_page=30>; rel="last"');
    const last = await api('/repos/acme/models/issues/1/comments?page=3');
    expect(await last.json()).toHaveLength(5);
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect(last.headers.get('link')).toContain('rel="first"');
  });

  it('redirects artifact zips to a signed three-segment blob URL and guards the blob', async () => {
    const workflowId = standIn.addWorkflow('.github/workflows/ci.yml');
    const run = standIn.addRun({ workflowId, headSha: 'a'.repeat(40) });
    const stored = standIn.addArtifact(Number(run.id), { name: 'contexta', content: Buffer.from('PK-data') });
    const redirect = await api(`/repos/acme/models/actions/artifacts/${stored.artifact.id}/zip`);
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location') ?? '');
    expect(location.pathname.split('/').filter(Boolean)).toHaveLength(3);
    const blob = await fetch(location);
    expect(blob.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await blob.arrayBuffer()).toString()).toBe('PK-data');
    location.searchParams.set('sig', 'forged');
    expect((await fetch(location)).status).toBe(403);
  });

  it('replays queued faults in order, then behaves normally', async () => {
    standIn.inject(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      faults.badGateway(),
      faults.missingPermission('pull_requests=read'),
    );
    standIn.addPull({ number: 3, headSha: 'b'.repeat(40), headRef: 'x' });
    expect((await api('/repos/acme/models/pulls/3')).status).toBe(502);
    const forbidden = await api('/repos/acme/models/pulls/3');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('x-accepted-github-permissions')).toBe('pull_requests=read');
    expect((await api('/repos/acme/models/pulls/3')).status).toBe(200);
    expect(() => standIn.inject('GET /nope')).toThrow(/no route/);
  });

  it('answers Twirp calls with JSON errors and checks the runtime token scope', async () => {
    const workflowId = standIn.addWorkflow('.github/workflows/ci.yml');
    const run = standIn.addRun({ workflowId, headSha: 'a'.repeat(40) });
    const { token, runBackendId, jobBackendId } = standIn.runtimeToken(Number(run.id));
    const twirp = (method: string, body: object, bearer = token) =>
      api(`/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
        method: 'POST',
        auth: `Bearer ${bearer}`,
        body: JSON.stringify(body),
      });
    const ids = { workflow_run_backend_id: runBackendId, workflow_job_run_backend_id: jobBackendId };
    const other = standIn.runtimeToken(999);
    const denied = await twirp('CreateArtifact', { ...ids, name: 'x', version: 7 }, other.token);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'permission_denied' });
    standIn.addArtifact(Number(run.id), { name: 'x', content: Buffer.from('z') });
    const duplicate = await twirp('CreateArtifact', { ...ids, name: 'x', version: 7 });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toEqual({
      code: 'already_exists',
      msg: 'an artifact with this name already exists on the workflow run',
    });
  });

  it('implements deployment auto_merge and required_contexts semantics', async () => {
    standIn.addCommits([{ sha: '1'.repeat(40) }, { sha: '2'.repeat(40) }]);
    standIn.addCommits([{ sha: '3'.repeat(40), parents: ['1'.repeat(40)] }]);
    standIn.setBranch('main', '2'.repeat(40));
    standIn.setBranch('topic', '3'.repeat(40));
    standIn.addCommitStatus('2'.repeat(40), 'ci/test', 'success');
    standIn.addCommitStatus('2'.repeat(40), 'contexta/gate', 'pending');
    const post = (body: object) =>
      api('/repos/acme/models/deployments', { method: 'POST', body: JSON.stringify(body) });
    const blocked = await post({ ref: 'main' });
    expect(blocked.status).toBe(409);
    expect(await blocked.json()).toMatchObject({
      errors: [{ contexts: [{ context: 'contexta/gate', state: 'pending' }], field: 'required_contexts' }],
    });
    expect((await post({ ref: 'main', required_contexts: ['ci/test'] })).status).toBe(201);
    expect((await post({ ref: 'main', required_contexts: ['missing/context'] })).status).toBe(409);
    expect((await post({ ref: 'main', required_contexts: [] })).status).toBe(201);
    const merged = await post({ ref: 'topic', required_contexts: [] });
    expect(merged.status).toBe(202);
    expect(await merged.json()).toEqual({ message: 'Auto-merged main into topic on deployment.' });
    expect((await post({ ref: 'topic', required_contexts: [], auto_merge: false })).status).toBe(201);
  });
});
