/**
 * End to end: the action bundle with no node_modules above it (as on a runner) gates a workspace
 * that has a DuckDB ledger, twice, on the same runner paths wiped in between (two workflow runs on
 * fresh machines). The first run installs DuckDB and saves the install to the Actions cache of the
 * stand-in; the second restores it and never runs npm. A cache that fails or is unreachable only
 * costs the install. `npm` is a stand-in on PATH that records its arguments and copies the
 * devDependency's packages into the prefix, so the test does not depend on the registry.
 */
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckDbCacheKey } from '../../src/action/duckdb-cache.js';
import { DUCKDB_NODE_API_VERSION } from '../../src/duckdb/loader.js';
import { type ActionRun, cleanupActionRuns, runAction } from '../support/action-runner.js';
import { BUNDLE_ROOT } from '../support/bundle.js';
import { CACHE_TWIRP_PREFIX } from '../support/cache-service.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import { faults, GitHubStandIn } from '../support/github-stand-in.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const EVIDENCE = 'fixtures/scenarios/deployment-promotion/candidate/.contexta';
const CACHE_ROUTE = `POST ${CACHE_TWIRP_PREFIX}{method}`;
const sha = (n: number) => n.toString(16).padStart(40, 'c');

let standIn: GitHubStandIn;
let workflowId: number;
let bundle: string;
let npmDir: string;
let npmLog: string;

/** A PATH `npm` that installs `@duckdb/node-api` by copying the devDependency's packages. */
function fakeNpm(): void {
  npmDir = tempDir('cg-fake-npm-');
  npmLog = path.join(npmDir, 'calls.log');
  writeFileSync(npmLog, '');
  const modules = path.join(REPO, 'node_modules');
  writeFileSync(
    path.join(npmDir, 'npm'),
    [
      '#!/bin/sh',
      `echo "$*" >> '${npmLog}'`,
      'prefix=""',
      'while [ $# -gt 0 ]; do [ "$1" = "--prefix" ] && prefix="$2"; shift; done',
      'mkdir -p "$prefix/node_modules/@duckdb"',
      `cp -R '${modules}/@duckdb/'node-* "$prefix/node_modules/@duckdb/"`,
      `cp -R '${modules}/detect-libc' "$prefix/node_modules/"`,
      '',
    ].join('\n'),
  );
  chmodSync(path.join(npmDir, 'npm'), 0o755);
}

const npmCalls = () => readFileSync(npmLog, 'utf8').split('\n').filter(Boolean);

/** One workflow run on a fresh runner whose workspace and RUNNER_TEMP sit at `machine`'s paths. */
async function gateOnFreshRunner(machine: string, runId: number, n: number): Promise<ActionRun> {
  rmSync(machine, { recursive: true, force: true });
  const workspaceDir = path.join(machine, 'work', 'models');
  mkdirSync(workspaceDir, { recursive: true });
  return runAction({
    standIn,
    bundle,
    runId,
    eventName: 'push',
    payload: { ref: 'refs/heads/main', after: sha(n) },
    sha: sha(n),
    ref: 'refs/heads/main',
    evidence: EVIDENCE,
    workspaceDir,
    runnerTemp: path.join(machine, 'work', '_temp'),
    inputs: { upload: 'false' },
    env: { ACTIONS_CACHE_SERVICE_V2: 'True', PATH: `${npmDir}:${process.env.PATH ?? ''}` },
  });
}

/** The gap codes the report has for a ledger DuckDB could not read. */
function ledgerGaps(run: ActionRun): string[] {
  const text = readFileSync(run.outputs['report-json']!, 'utf8');
  return ['ledger_reader_unavailable', 'statuses_unavailable'].filter((code) => text.includes(code));
}

beforeAll(async () => {
  standIn = await GitHubStandIn.start();
  workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  // The bundle alone, far from this repository's node_modules: DuckDB can only be installed.
  bundle = path.join(tempDir('cg-bundle-'), 'action', 'index.js');
  cpSync(BUNDLE_ROOT, path.dirname(bundle), { recursive: true });
  fakeNpm();
});

afterAll(async () => {
  await standIn.close();
  cleanupActionRuns();
  removeTempDirs();
});

describe('the DuckDB install in the Actions cache', () => {
  const machine = () => path.join(tempDir('cg-runner-'), 'runner');

  it('first run installs and saves; the next run restores it and does not install', async () => {
    const paths = machine();
    const first = standIn.addRun({ workflowId, headSha: sha(1), status: 'in_progress', conclusion: null });
    const run1 = await gateOnFreshRunner(paths, Number(first.id), 1);
    expect(run1.code, run1.stdout + run1.stderr).toBe(0);
    expect(npmCalls()).toHaveLength(1);
    expect(npmCalls()[0]).toContain(`@duckdb/node-api@${DUCKDB_NODE_API_VERSION}`);
    expect(run1.stdout).toMatch(/DuckDB was not restored from the Actions cache .*installing/);
    expect(run1.stdout).toMatch(/DuckDB saved to the Actions cache \(key contexta-gate-duckdb-/);
    expect(ledgerGaps(run1)).toEqual([]);
    const [entry] = standIn.cache.entries;
    expect(standIn.cache.entries).toHaveLength(1);
    expect(entry).toMatchObject({ scope: 'refs/heads/main', finalized: true });
    expect(entry!.key).toBe(
      duckDbCacheKey({
        platform: process.platform,
        arch: process.arch,
        libc: process.platform === 'linux' ? 'glibc' : '',
        nodeAbi: process.versions.modules,
      }),
    );
    // Several MB of compressed engine, uploaded to the signed URL without credentials.
    expect(entry!.sizeBytes).toBeGreaterThan(5_000_000);
    const upload = standIn.requests.find((r) => r.method === 'PUT' && r.path === entry!.blobPath);
    expect(upload?.hadAuthorization).toBe(false);

    const before = standIn.requests.length;
    const second = standIn.addRun({ workflowId, headSha: sha(2), status: 'in_progress', conclusion: null });
    const run2 = await gateOnFreshRunner(paths, Number(second.id), 2);
    expect(run2.code, run2.stdout + run2.stderr).toBe(0);
    expect(npmCalls()).toHaveLength(1);
    expect(run2.stdout).toMatch(/DuckDB restored from the Actions cache \(key contexta-gate-duckdb-/);
    expect(ledgerGaps(run2)).toEqual([]);
    const calls = standIn.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(calls).toContain(`POST ${CACHE_TWIRP_PREFIX}GetCacheEntryDownloadURL`);
    expect(calls).toContain(`GET ${entry!.blobPath}`);
    expect(calls.filter((c) => c.includes('CreateCacheEntry'))).toEqual([]);
    expect(run2.outputs.verdict).toBe(run1.outputs.verdict);
  });

  it('a cache service that drops the connection and then refuses only costs the install', async () => {
    rmSync(npmLog);
    writeFileSync(npmLog, '');
    standIn.cache.entries.splice(0);
    // Lookup: the connection is reset (service down); reservation: 403 from the service.
    standIn.inject(CACHE_ROUTE, faults.reset(), {
      kind: 'respond',
      status: 403,
      body: { code: 'permission_denied', msg: 'cache scope does not allow this operation' },
    });
    const run = standIn.addRun({ workflowId, headSha: sha(3), status: 'in_progress', conclusion: null });
    const result = await gateOnFreshRunner(machine(), Number(run.id), 3);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(npmCalls()).toHaveLength(1);
    expect(result.stdout).toMatch(/Failed to restore/);
    expect(result.stdout).toMatch(/DuckDB was not restored from the Actions cache .*installing/);
    expect(result.stdout).toMatch(/DuckDB was not saved to the Actions cache/);
    expect(ledgerGaps(result)).toEqual([]);
    expect(standIn.cache.entries).toEqual([]);
  });

  it('a save that loses the race to an entry another job made is a log line, and that entry stays', async () => {
    // The same runner paths: the entry's version hashes the cached path.
    const paths = machine();
    standIn.cache.entries.splice(0);
    const first = standIn.addRun({ workflowId, headSha: sha(5), status: 'in_progress', conclusion: null });
    expect((await gateOnFreshRunner(paths, Number(first.id), 5)).code).toBe(0);
    const [kept] = standIn.cache.entries;
    rmSync(npmLog);
    writeFileSync(npmLog, '');
    // This job's lookup fails, so it installs and tries to save under the key that now exists.
    standIn.inject(CACHE_ROUTE, faults.reset());
    const run = standIn.addRun({ workflowId, headSha: sha(6), status: 'in_progress', conclusion: null });
    const result = await gateOnFreshRunner(paths, Number(run.id), 6);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(npmCalls()).toHaveLength(1);
    expect(result.stdout).toMatch(/Failed to save: Unable to reserve cache with key contexta-gate-duckdb-/);
    expect(result.stdout).toMatch(/DuckDB was not saved to the Actions cache/);
    expect(standIn.cache.entries).toEqual([kept]);
  });

  it('no cache service in the environment: installs and says why, without a request', async () => {
    rmSync(npmLog);
    writeFileSync(npmLog, '');
    const before = standIn.requests.length;
    const run = standIn.addRun({ workflowId, headSha: sha(4), status: 'in_progress', conclusion: null });
    const paths = machine();
    rmSync(paths, { recursive: true, force: true });
    const workspaceDir = path.join(paths, 'work', 'models');
    mkdirSync(workspaceDir, { recursive: true });
    const result = await runAction({
      standIn,
      bundle,
      runId: Number(run.id),
      eventName: 'push',
      payload: { ref: 'refs/heads/main', after: sha(4) },
      sha: sha(4),
      ref: 'refs/heads/main',
      evidence: EVIDENCE,
      workspaceDir,
      runnerTemp: path.join(paths, 'work', '_temp'),
      inputs: { upload: 'false' },
      env: {
        ACTIONS_CACHE_SERVICE_V2: 'True',
        ACTIONS_RESULTS_URL: '',
        PATH: `${npmDir}:${process.env.PATH}`,
      },
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(npmCalls()).toHaveLength(1);
    expect(result.stdout).toMatch(/the Actions cache is not available to this job/);
    expect(standIn.requests.slice(before).filter((r) => r.path.startsWith(CACHE_TWIRP_PREFIX))).toEqual([]);
  });
});
