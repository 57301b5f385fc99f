import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArtifactTransfer, listWorkspaceFiles } from '../../src/github/artifacts.js';
import { GitHubClient } from '../../src/github/client.js';
import { ArtifactExpiredError } from '../../src/github/errors.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { buildZip } from '../support/zip-writer.js';

/**
 * Upload runs the real @actions/artifact client against the stand-in's Twirp + blob endpoints; it reads
 * its configuration from the environment at call time, so the test sets exactly what the runner would.
 */

const FIXTURE = path.resolve('fixtures/contexta/quickstart/.contexta');
const TWIRP = 'POST /twirp/github.actions.results.api.v1.ArtifactService/';

let standIn: GitHubStandIn;
let transfer: ArtifactTransfer;
let github: GitHubClient;
let runId: number;
let work: string;
const savedEnv = { ...process.env };

beforeAll(() => {
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('ACTIONS_') || key.startsWith('GITHUB_') || /_proxy$/i.test(key))
      delete process.env[key];
  }
  process.env.NO_PROXY = '127.0.0.1,localhost';
});

afterAll(() => {
  process.env = savedEnv;
});

beforeEach(async () => {
  standIn = await GitHubStandIn.start();
  const workflowId = standIn.addWorkflow('.github/workflows/ci.yml');
  runId = Number(standIn.addRun({ workflowId, headSha: 'a'.repeat(40) }).id);
  process.env.ACTIONS_RUNTIME_TOKEN = standIn.runtimeToken(runId).token;
  process.env.ACTIONS_RESULTS_URL = `${standIn.url}/`;
  github = new GitHubClient({
    token: standIn.token,
    apiUrl: standIn.url,
    owner: standIn.owner,
    repo: standIn.repo,
    retry: { retries: 1, baseDelayMs: 1 },
    sleep: async () => undefined,
  });
  transfer = new ArtifactTransfer(github);
  work = await mkdtemp(path.join(tmpdir(), 'gh-artifacts-'));
});

afterEach(async () => {
  await standIn.close();
  await rm(work, { recursive: true, force: true });
});

function twirpCalls(): string[] {
  return standIn.requests
    .filter((r) => r.route?.startsWith(TWIRP))
    .map((r) => (r.route ?? '').slice(TWIRP.length));
}

describe('artifact round trip through the results service', () => {
  it('uploads a real workspace, lists it over REST and downloads it byte-identical', async () => {
    const files = await listWorkspaceFiles(FIXTURE);
    expect(files.length).toBeGreaterThan(10);
    const uploaded = await transfer.uploadWorkspace('contexta', FIXTURE, undefined, 7);
    expect(uploaded.files).toBe(files.length);
    expect(uploaded.replacedArtifactId).toBeUndefined();
    expect(twirpCalls()).toEqual(['CreateArtifact', 'FinalizeArtifact']);
    const createBody = standIn.requests.find((r) => r.route === `${TWIRP}CreateArtifact`)?.body as Record<
      string,
      string
    >;
    const expiresInDays = (Date.parse(createBody.expires_at ?? '') - Date.now()) / 86_400_000;
    expect(Math.round(expiresInDays)).toBe(7);
    const blockPuts = standIn.requests.filter(
      (r) => r.method === 'PUT' && r.path.startsWith('/devstoreaccount1/'),
    );
    expect(blockPuts.map((r) => r.query.comp)).toEqual(['block', 'blocklist']);
    expect(blockPuts.every((r) => !r.hadAuthorization)).toBe(true);

    const listed = await github.listRunArtifacts(runId, 'contexta');
    expect(listed.map((a) => [a.id, a.size_in_bytes, a.expired])).toEqual([
      [uploaded.id, uploaded.size, false],
    ]);
    expect(listed[0]?.digest).toBe(`sha256:${uploaded.digest}`);

    const destination = path.join(work, 'baseline');
    const downloaded = await transfer.downloadArtifact(uploaded.id, destination);
    expect(downloaded.rejected).toEqual([]);
    expect(downloaded.zipBytes).toBe(uploaded.size);
    const relative = files.map((f) => path.relative(FIXTURE, f).split(path.sep).join('/'));
    expect(downloaded.files.map((f) => f.name).sort()).toEqual([...relative].sort());
    for (const name of relative) {
      expect(await readFile(path.join(destination, name))).toEqual(await readFile(path.join(FIXTURE, name)));
    }
  });

  it('replaces the artifact of an earlier attempt when the name already exists (re-run)', async () => {
    const first = await transfer.uploadWorkspace('contexta', FIXTURE, undefined, 1);
    const second = await transfer.uploadWorkspace('contexta', FIXTURE, undefined, 1);
    expect(second.replacedArtifactId).toBe(first.id);
    expect(second.id).not.toBe(first.id);
    expect(twirpCalls()).toEqual([
      'CreateArtifact',
      'FinalizeArtifact',
      'CreateArtifact',
      'ListArtifacts',
      'DeleteArtifact',
      'CreateArtifact',
      'FinalizeArtifact',
    ]);
    const conflict = standIn.requests.filter((r) => r.route === `${TWIRP}CreateArtifact`)[1];
    expect(conflict).toBeDefined();
    expect((await github.listRunArtifacts(runId)).map((a) => a.id)).toEqual([second.id]);
  });

  it('uploads only the listed files, with paths relative to the root', async () => {
    const picked = ['wine-quality-clf/records/manifest.json', 'cnn-image-clf/records/manifest.json'];
    const uploaded = await transfer.uploadWorkspace('subset', FIXTURE, picked, 1);
    const downloaded = await transfer.downloadArtifact(uploaded.id, path.join(work, 'subset'));
    expect(downloaded.files.map((f) => f.name).sort()).toEqual([...picked].sort());
  });

  it('refuses files outside the root and symlinks before contacting the service', async () => {
    await expect(transfer.uploadWorkspace('x', FIXTURE, ['../README.md'], 1)).rejects.toThrow(
      /is not inside the workspace root/,
    );
    const root = path.join(work, 'ws');
    await mkdir(root);
    await writeFile(path.join(root, 'real.json'), '{}');
    await symlink('/etc/hostname', path.join(root, 'link.json'));
    expect((await listWorkspaceFiles(root)).map((f) => path.basename(f))).toEqual(['real.json']);
    await expect(transfer.uploadWorkspace('x', root, ['link.json'], 1)).rejects.toThrow(/not a regular file/);
    expect(twirpCalls()).toEqual([]);
  });
});

describe('downloading artifacts of other runs', () => {
  it('extracts safely, listing hostile entries instead of writing them', async () => {
    const stored = standIn.addArtifact(runId, {
      name: 'contexta',
      content: buildZip([
        { name: 'runs/r1/metrics.json', data: '{"accuracy":0.9}' },
        { name: '../../outside.txt', data: 'pwned' },
      ]),
    });
    const destination = path.join(work, 'untrusted');
    const result = await transfer.downloadArtifact(Number(stored.artifact.id), destination);
    expect(result.files.map((f) => f.name)).toEqual(['runs/r1/metrics.json']);
    expect(result.rejected).toEqual([{ name: '../../outside.txt', reason: 'path traversal (..)' }]);
  });

  it('surfaces expiry as ArtifactExpiredError', async () => {
    const stored = standIn.addArtifact(runId, { name: 'contexta', content: Buffer.from('x'), expired: true });
    await expect(
      transfer.downloadArtifact(Number(stored.artifact.id), path.join(work, 'e')),
    ).rejects.toBeInstanceOf(ArtifactExpiredError);
  });
});
