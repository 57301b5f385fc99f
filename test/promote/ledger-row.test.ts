/**
 * The promotion's `deployment_executions` row, written into temp copies of the real SDK-written
 * ledgers and read back by our own ledger reader and by DuckDB directly (to compare with the row the
 * SDK wrote for prod-v1 in the deployment-promotion baseline).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DuckDbLedgerReader, readLedgerHeader } from '../../src/contexta/ledger.js';
import { DuckDbLoader, type DuckDbModule } from '../../src/duckdb/loader.js';
import { type DeploymentRowFacts, writeDeploymentRow } from '../../src/promote/ledger-row.js';
import { FIXTURES, removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

const REPO = path.resolve(import.meta.dirname, '../..');
const loader = new DuckDbLoader({ searchPaths: [REPO] });
const reader = new DuckDbLedgerReader(loader);
const SCENARIO = path.join(FIXTURES, 'scenarios/deployment-promotion');

const facts: DeploymentRowFacts = {
  project: 'deployment-promotion',
  runRef: 'run:deployment-promotion.gbm-v8',
  environment: 'production',
  status: 'completed',
  startedAt: new Date('2026-11-23T15:00:00.000Z'),
  endedAt: new Date('2026-11-23T15:00:02.250Z'),
};

function ledgerCopy(side: 'baseline' | 'candidate'): string {
  const dir = path.join(tempDir('cg-ledger-row-'), 'metadata');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ledger.db');
  copyFileSync(path.join(SCENARIO, side, '.contexta/metadata/ledger.db'), file);
  return file;
}

async function rows(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const module = (await loader.load()) as DuckDbModule;
  const instance = await module.DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
  );
}

describe('the deployment_executions row of a promotion', () => {
  it('has the columns and canonical payload_json of the row the SDK wrote, and reads back as completed', async () => {
    const file = ledgerCopy('candidate');
    const sdk = (
      await rows(
        path.join(SCENARIO, 'baseline/.contexta/metadata/ledger.db'),
        'SELECT * FROM deployment_executions',
      )
    )[0]!;
    const headerBefore = await readLedgerHeader(file);

    expect(await writeDeploymentRow(file, facts, loader)).toEqual({
      outcome: 'written',
      ref: 'deployment:deployment-promotion.production',
      orderIndex: 0,
      replaced: false,
    });

    const [ours] = await rows(file, 'SELECT * FROM deployment_executions');
    expect(Object.keys(ours!).sort()).toEqual(Object.keys(sdk).sort());
    const payload = JSON.parse(String(ours!.payload_json));
    const sdkPayload = JSON.parse(String(sdk.payload_json));
    // The SDK's row also names the model artifact, which the gate does not know.
    expect(Object.keys(payload).sort()).toEqual(
      Object.keys(sdkPayload)
        .filter((k) => k !== 'artifact_ref')
        .sort(),
    );
    expect(ours!.payload_json).toBe(JSON.stringify(sortedKeys(payload)));
    expect(payload).toEqual({
      deployment_execution_ref: 'deployment:deployment-promotion.production',
      deployment_name: 'production',
      ended_at: '2026-11-23T15:00:02.250000Z',
      extensions: [],
      order_index: 0,
      project_ref: 'project:deployment-promotion',
      run_ref: 'run:deployment-promotion.gbm-v8',
      schema_version: '1.0.0',
      started_at: '2026-11-23T15:00:00Z',
      status: 'completed',
    });
    expect(ours).toMatchObject({
      ref: payload.deployment_execution_ref,
      project_ref: payload.project_ref,
      deployment_name: payload.deployment_name,
      run_ref: payload.run_ref,
      order_index: 0,
      started_at: payload.started_at,
      status: 'completed',
    });
    expect(
      await rows(
        file,
        "SELECT ref_kind, owner_kind FROM structural_ref_registry WHERE ref LIKE 'deployment:%'",
      ),
    ).toEqual([{ ref_kind: 'deployment', owner_kind: 'deployment_execution' }]);

    // Checkpointed: nothing left in a write-ahead log, and still the SDK's storage format.
    expect(existsSync(`${file}.wal`)).toBe(false);
    expect(await readLedgerHeader(file)).toEqual(headerBefore);

    const read = await reader.read(file);
    expect(read.ok && read.content.invalidRows).toEqual([]);
    expect(read.ok && read.content.deployments).toEqual([
      expect.objectContaining({
        ref: 'deployment:deployment-promotion.production',
        deployment_name: 'production',
        status: 'completed',
        run_ref: 'run:deployment-promotion.gbm-v8',
        ended_at: '2026-11-23T15:00:02.250000Z',
      }),
    ]);
  });

  it('is an upsert: a second write (a re-run) replaces the row, keeping its place', async () => {
    const file = ledgerCopy('baseline');
    const first = await writeDeploymentRow(file, facts, loader);
    // prod-v1 (order_index 0) is already there: ours goes after it.
    expect(first).toMatchObject({ outcome: 'written', orderIndex: 1, replaced: false });
    const later = { ...facts, endedAt: new Date('2026-11-23T16:00:00.000Z') };
    expect(await writeDeploymentRow(file, later, loader)).toMatchObject({
      outcome: 'written',
      orderIndex: 1,
      replaced: true,
    });
    const all = await rows(
      file,
      'SELECT ref, order_index, payload_json FROM deployment_executions ORDER BY ref',
    );
    expect(all.map((r) => [r.ref, r.order_index])).toEqual([
      ['deployment:deployment-promotion.prod-v1', 0],
      ['deployment:deployment-promotion.production', 1],
    ]);
    expect(JSON.parse(String(all[1]!.payload_json)).ended_at).toBe('2026-11-23T16:00:00Z');
    expect(
      await rows(
        file,
        "SELECT count(*)::INTEGER AS n FROM structural_ref_registry WHERE ref LIKE 'deployment:%'",
      ),
    ).toEqual([{ n: 2 }]);
  });
});

describe('when the row cannot be written, the promotion is told why and goes on', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('no ledger in the workspace: absent', async () => {
    expect(await writeDeploymentRow(path.join(tempDir(), 'ledger.db'), facts, loader)).toEqual({
      outcome: 'absent',
    });
  });

  it('a file that is not DuckDB: ledger_invalid, the file untouched', async () => {
    const file = path.join(tempDir(), 'ledger.db');
    writeFileSync(file, 'SQLite format 3\0 and then some more bytes of a different database');
    expect(await writeDeploymentRow(file, facts, loader)).toMatchObject({
      outcome: 'skipped',
      code: 'ledger_invalid',
    });
  });

  it('DuckDB cannot be loaded: duckdb_unavailable, naming the platform', async () => {
    const nowhere = new DuckDbLoader({ searchPaths: [tempDir('cg-no-modules-')], cacheDir: null });
    const outcome = await writeDeploymentRow(ledgerCopy('candidate'), facts, nowhere);
    expect(outcome).toMatchObject({ outcome: 'skipped', code: 'duckdb_unavailable' });
    expect(outcome.outcome === 'skipped' && outcome.reason).toContain(`${process.platform}/${process.arch}`);
  });

  it('a ledger held open by a process still writing it: ledger_locked', async () => {
    const file = ledgerCopy('candidate');
    const entry = createRequire(path.join(REPO, 'noop.js')).resolve('@duckdb/node-api');
    const script = path.join(path.dirname(file), 'hold.mjs');
    writeFileSync(
      script,
      `const { DuckDBInstance } = await import(${JSON.stringify(pathToFileURL(entry).href)});\n` +
        `await DuckDBInstance.create(${JSON.stringify(file)});\nprocess.stdout.write('locked\\n');\nsetInterval(() => {}, 1000);\n`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    expect(await writeDeploymentRow(file, facts, loader)).toMatchObject({
      outcome: 'skipped',
      code: 'ledger_locked',
    });
  });
});
