/**
 * Reading with parse worker threads gives exactly the evidence a one-thread read gives: the same
 * runs, samples and gaps in the same order, on a generated workspace in the SDK's shape (files big
 * enough to be cut into chunks) with hand-written hostile lines planted in both its record store and
 * its capture cache. The workers are the built worker bundle, as the CLI and the action run them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBench, planWorkload } from '../../scripts/bench/generate.mjs';
import { readEvidence } from '../../src/contexta/read.js';
import type { ChunkResult } from '../../src/evidence/chunk-lines.js';
import { type ChunkTask, ParsePool } from '../../src/evidence/parse-pool.js';
import { BUNDLE_ROOT, CLI_BUNDLE } from '../support/bundle.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

const WORKER = path.join(BUNDLE_ROOT, 'parse-worker', 'index.js');

/** Counts the chunks it is given, to show the workers really did the parsing. */
class CountingPool extends ParsePool {
  chunks = 0;
  override parse(task: ChunkTask, bytes: Buffer): Promise<ChunkResult> {
    this.chunks += 1;
    return super.parse(task, bytes);
  }
}

let workspace = '';

/** Lines an SDK would not write, each a different way to go wrong, built from a real line. */
function hostileLines(real: string): string[] {
  const entry = JSON.parse(real);
  const unknownField = structuredClone(entry);
  // A segment entry holds `record`, a capture line `payload`; both hold the envelope.
  (unknownField.record ?? unknownField.payload).envelope.surprise = 'x';
  const nanValue = JSON.stringify(entry).replace(/"value":[^,}]+/, '"value":NaN');
  return [
    '',
    '{"sequence": 1, "record": ',
    JSON.stringify(unknownField),
    real,
    nanValue,
    real.replace('"record_ref":"', '"record_ref":"record:x","record_ref":"'),
    '[1, 2, 3]',
  ];
}

beforeAll(() => {
  const out = tempDir('cg-parallel-');
  const workload = generateBench({ out, ...planWorkload(24e6), layout: 'both' });
  workspace = workload.workspaces.candidate.path;
  const segment = path.join(workspace, 'records', 'segments', 'segment-000001.jsonl');
  const capture = path.join(workspace, 'cache', 'capture', 'record.jsonl');
  for (const file of [segment, capture]) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const real = lines[Math.floor(lines.length / 2)]!;
    appendFileSync(file, `${hostileLines(real).join('\n')}\n`);
    appendFileSync(file, Buffer.from([0xff, 0xfe, 0x0a]));
  }
  // A torn last line, as a writer killed mid-line leaves it.
  appendFileSync(capture, '{"family":"RECORD","payload":{"env');
}, 120_000);

describe('parallel reading', () => {
  it('folds the same evidence, gaps included, as one thread', async () => {
    const alone = await readEvidence(workspace);
    // Files of the generated workspace are 8-14 MB: below the default threshold, so lower it.
    const pool = new CountingPool(WORKER, 2, 4 << 20);
    try {
      const parallel = await readEvidence(workspace, { pool });
      expect(pool.chunks).toBeGreaterThan(4);
      expect(parallel).toEqual(alone);
      const codes = new Set(alone.gaps.map((g) => g.code));
      for (const code of ['invalid_json_line', 'truncated_line', 'invalid_encoding', 'duplicate_key'])
        expect(codes).toContain(code);
      expect(alone.notes.join('\n')).toMatch(/capture-cache record\(s\) were skipped/);
    } finally {
      await pool.close();
    }
  }, 120_000);

  // Its files are under the pool's 128 MiB threshold, so this holds --workers to the flag's contract
  // (accepted, validated, same output); the fold through the real workers is the test above.
  it('gives the CLI the same bytes with --workers 1 and --workers 2', () => {
    const run = (workers: string) =>
      spawnSync(process.execPath, [CLI_BUNDLE, 'inspect', workspace, '--json', '--workers', workers], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
      });
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(run('0').stderr).toMatch(/--workers must be a whole number of threads, at least 1 \(found "0"\)/);
  }, 120_000);
});
