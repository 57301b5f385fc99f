import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DuckDbLedgerReader, ledgerOpenFailure, readLedgerHeader } from '../../src/contexta/ledger.js';
import { readEvidence } from '../../src/contexta/read.js';
import { Evidence } from '../../src/evidence/model.js';
import {
  allRuns,
  copyOf,
  FIXTURES,
  findRun,
  gapsOf,
  removeTempDirs,
  runsJson,
  SCENARIOS,
  SIDES,
  tempDir,
} from '../support/evidence.js';

afterAll(removeTempDirs);

const REPO = path.resolve(import.meta.dirname, '../..');
/** The devDependency install, as the CLI would find it. */
const ledger = new DuckDbLedgerReader({ searchPaths: [REPO] });
const ledgerFile = (scenario: string, side: string) =>
  path.join(FIXTURES, 'scenarios', scenario, side, '.contexta/metadata/ledger.db');

function ledgerOnlyCopy(scenario: string, side: string): string {
  const dir = path.join(tempDir('cg-ledger-only-'), '.contexta');
  mkdirSync(path.join(dir, 'metadata'), { recursive: true });
  copyFileSync(ledgerFile(scenario, side), path.join(dir, 'metadata/ledger.db'));
  return dir;
}

describe('DuckDB ledger of the scenario workspaces', () => {
  it.each(SCENARIOS)('%s: run and stage statuses, stage order and environment are read', async (scenario) => {
    for (const side of SIDES) {
      // The ledger alone (records are covered by read-fixtures.test.ts; merging by the tests below).
      const ev = await readEvidence(ledgerOnlyCopy(scenario, side), { ledger });
      const expected = runsJson(scenario);
      const run = findRun(ev, side === 'baseline' ? expected.baseline_run : expected.candidate_run);
      expect(run.status).toBe('completed');
      expect(run.startedAt).toMatch(/Z$/);
      expect(run.stages.map((s) => [s.name, s.status, s.orderIndex])).toEqual([
        ['preprocess', 'completed', 0],
        [scenario === 'llm-eval' ? 'inference' : 'train', 'completed', 1],
        ['evaluate', 'completed', 2],
      ]);
      expect(run.environment).toMatchObject({ python: '3.13.0', platform: 'linux' });
      expect(Object.keys(run.environment!.packages).length).toBeGreaterThan(0);
      expect(gapsOf(ev, 'statuses_unavailable')).toEqual([]);
      expect(ev.notes.some((n) => n.includes('DuckDB storage version 64'))).toBe(true);
    }
  });

  it('deployment-promotion baseline: prod-v1 completed, behind rf-v7; ledger stages merge with record stages', async () => {
    const ev = await readEvidence(path.join(FIXTURES, 'scenarios/deployment-promotion/baseline'), { ledger });
    expect(Evidence.safeParse(ev).success).toBe(true);
    const run = allRuns(ev)[0]!;
    expect(run.stages.map((s) => [s.name, s.status, s.recordCount])).toEqual([
      ['preprocess', 'completed', 6],
      ['train', 'completed', 3],
      ['evaluate', 'completed', 416],
    ]);
    const fromLedger = ev.projects[0]!.deployments.filter((d) => d.source === 'ledger');
    expect(fromLedger).toEqual([
      {
        ref: 'deployment:deployment-promotion.prod-v1',
        name: 'prod-v1',
        status: 'completed',
        runRef: 'run:deployment-promotion.rf-v7',
        startedAt: expect.stringMatching(/Z$/),
        endedAt: expect.stringMatching(/Z$/),
        source: 'ledger',
        attributes: {
          artifact_ref: 'artifact:deployment-promotion.rf-v7.model-04c66e372e3f',
          order_index: 0,
        },
      },
    ]);
    const candidate = await readEvidence(path.join(FIXTURES, 'scenarios/deployment-promotion/candidate'), {
      ledger,
    });
    expect(candidate.projects[0]!.deployments).toEqual([]);
  });

  it('the ledger reader returns typed rows and never environment variable values', async () => {
    const result = await ledger.read(ledgerFile('tabular-improves', 'baseline'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.runs).toHaveLength(1);
    expect(result.content.stages.map((s) => s.stage_name)).toEqual(['preprocess', 'train', 'evaluate']);
    expect(result.content.environments[0]).not.toHaveProperty('environment_variables');
    expect(result.content.walPresent).toBe(false);
  });

  it('a ledger stage with no records still appears, with its status', async () => {
    const ev = await readEvidence(ledgerOnlyCopy('tabular-improves', 'baseline'), { ledger });
    expect(ev.source.workspaces).toEqual([{ path: '.', layouts: ['ledger'] }]);
    const run = allRuns(ev)[0]!;
    expect(run.recordCount).toBe(0);
    expect(run.stages.map((s) => [s.name, s.status, s.recordCount])).toEqual([
      ['preprocess', 'completed', 0],
      ['train', 'completed', 0],
      ['evaluate', 'completed', 0],
    ]);
  });
});

describe('ledger header pre-check', () => {
  it('reads the storage number and writer of a real ledger', async () => {
    expect(await readLedgerHeader(ledgerFile('llm-eval', 'baseline'))).toEqual({
      storageVersion: 64,
      writer: 'v1.5.6',
    });
  });

  it('an empty file or a non-DuckDB file is ledger_invalid; a missing one ledger_missing', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.db'), '');
    writeFileSync(path.join(dir, 'sqlite.db'), `SQLite format 3\u0000${'x'.repeat(200)}`);
    expect(await readLedgerHeader(path.join(dir, 'empty.db'))).toMatchObject({
      ok: false,
      code: 'ledger_invalid',
    });
    expect(await readLedgerHeader(path.join(dir, 'sqlite.db'))).toMatchObject({
      ok: false,
      code: 'ledger_invalid',
    });
    expect(await readLedgerHeader(path.join(dir, 'nope.db'))).toMatchObject({
      ok: false,
      code: 'ledger_missing',
    });
  });

  it("maps DuckDB's open errors (docs/reference/duckdb-in-node.md §6) to typed failures", () => {
    const header = { storageVersion: 68, writer: 'v1.5.6' };
    expect(
      ledgerOpenFailure(
        'IO Error: Trying to read a database file with version number 68, but we can only read versions between 64 and 67.',
        header,
      ),
    ).toMatchObject({ ok: false, code: 'ledger_storage_too_new', reason: expect.stringContaining('v1.5.6') });
    expect(
      ledgerOpenFailure('IO Error: The file "x" exists, but it is not a valid DuckDB database file!', header),
    ).toMatchObject({
      code: 'ledger_invalid',
    });
  });
});

describe('ledger failures become gaps and everything else is still read', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('a ledger that is not DuckDB: ledger_invalid + statuses_unavailable, records intact', async () => {
    const workspace = copyOf(path.join(FIXTURES, 'scenarios/tabular-improves/baseline/.contexta'));
    writeFileSync(path.join(workspace, 'metadata/ledger.db'), 'this is not a database\n');
    const ev = await readEvidence(workspace, { ledger });
    expect(gapsOf(ev, 'ledger_invalid')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'metadata/ledger.db' }),
    ]);
    expect(gapsOf(ev, 'statuses_unavailable')).toHaveLength(1);
    const run = allRuns(ev)[0]!;
    expect(run.recordCount).toBe(445);
    expect(run.status).toBeNull();
  });

  it('a corrupted DuckDB header (checksum mismatch) is ledger_invalid', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.db');
    copyFileSync(ledgerFile('llm-eval', 'baseline'), file);
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([200]), 0, 1, 12);
    closeSync(fd);
    expect(await ledger.read(file)).toMatchObject({ ok: false, code: 'ledger_invalid' });
  });

  it('a ledger held open for writing by another process is ledger_locked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.db');
    copyFileSync(ledgerFile('llm-eval', 'baseline'), file);
    const entry = createRequire(path.join(REPO, 'noop.js')).resolve('@duckdb/node-api');
    const script = path.join(dir, 'hold.mjs');
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
    const result = await new DuckDbLedgerReader({ searchPaths: [REPO] }).read(file);
    expect(result).toMatchObject({ ok: false, code: 'ledger_locked' });
  });

  it('a reader that cannot load DuckDB (empty search path, failing npm) gives ledger_reader_unavailable with platform/arch', async () => {
    const empty = tempDir('cg-no-modules-');
    const fakeNpm = path.join(tempDir('cg-fake-npm-'), 'npm');
    writeFileSync(fakeNpm, '#!/bin/sh\necho "npm ERR! network unreachable" >&2\nexit 1\n');
    chmodSync(fakeNpm, 0o755);
    const unavailable = new DuckDbLedgerReader({
      searchPaths: [empty],
      cacheDir: tempDir('cg-duck-cache-'),
      npmCommand: fakeNpm,
      installTimeoutMs: 20_000,
    });
    const ev = await readEvidence(path.join(FIXTURES, 'scenarios/slice-regression/candidate'), {
      ledger: unavailable,
    });
    const gap = gapsOf(ev, 'ledger_reader_unavailable');
    expect(gap).toEqual([
      expect.objectContaining({ severity: 'warning', file: '.contexta/metadata/ledger.db' }),
    ]);
    expect(gap[0]!.message).toContain(`${process.platform}/${process.arch}`);
    expect(gap[0]!.message).toContain('network unreachable');
    expect(gapsOf(ev, 'statuses_unavailable')).toHaveLength(1);
    expect(allRuns(ev)[0]!.recordCount).toBe(825);
  });

  it('with ledger reading turned off the gap says so', async () => {
    const ev = await readEvidence(path.join(FIXTURES, 'scenarios/llm-eval/baseline'), { ledger: null });
    const gap = gapsOf(ev, 'statuses_unavailable');
    expect(gap).toEqual([
      expect.objectContaining({ severity: 'info', file: '.contexta/metadata/ledger.db' }),
    ]);
    expect(gap[0]!.message).toContain('turned off');
  });
});
