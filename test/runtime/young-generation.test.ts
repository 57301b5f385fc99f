/**
 * The young-generation cap costs a second Node boot, so it is skipped for evidence known to be
 * small: the size probe, and the bundles' decision seen from a preload that records every process
 * image that starts (the re-exec keeps the preload, so a re-executed run records two).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_EVIDENCE_BYTES, smallerThan } from '../../src/runtime/young-generation.js';
import { ACTION_BUNDLE, CLI_BUNDLE } from '../support/bundle.js';
import { FIXTURES, removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

const SMALL = path.join(FIXTURES, 'scenarios', 'llm-eval', 'candidate', '.contexta');

/** A workspace whose segment file claims `bytes` (sparse: nothing is written). */
function largeWorkspace(bytes: number): string {
  const root = path.join(tempDir('cg-large-'), '.contexta');
  mkdirSync(path.join(root, 'records', 'segments'), { recursive: true });
  const segment = path.join(root, 'records', 'segments', 'segment-000001.jsonl');
  writeFileSync(segment, '');
  truncateSync(segment, bytes);
  return root;
}

describe('the size probe', () => {
  it('adds up the files under directories and answers at the limit', () => {
    expect(smallerThan([SMALL], SMALL_EVIDENCE_BYTES)).toBe(true);
    const large = largeWorkspace(SMALL_EVIDENCE_BYTES);
    expect(smallerThan([large], SMALL_EVIDENCE_BYTES)).toBe(false);
    expect(smallerThan([large], SMALL_EVIDENCE_BYTES + 1)).toBe(true);
    expect(smallerThan([SMALL, large], SMALL_EVIDENCE_BYTES + 1)).toBe(false);
  });

  it('counts many files as large, and a path it cannot read as unknown (large)', () => {
    const many = tempDir('cg-many-');
    for (let i = 0; i < 2100; i += 1) writeFileSync(path.join(many, `s-${i}.jsonl`), '');
    expect(smallerThan([many], SMALL_EVIDENCE_BYTES)).toBe(false);
    expect(smallerThan([path.join(many, 'missing')], SMALL_EVIDENCE_BYTES)).toBe(false);
  });

  it('does not follow a symlink out of the workspace', () => {
    const root = tempDir('cg-link-');
    symlinkSync(largeWorkspace(SMALL_EVIDENCE_BYTES * 2), path.join(root, 'elsewhere'));
    expect(smallerThan([root], SMALL_EVIDENCE_BYTES)).toBe(true);
  });
});

describe('the bundles re-execute only for evidence that is large or not known up front', () => {
  /** How many process images started, and with which V8 flags (parse worker threads are not images). */
  function starts(args: string[], env: Record<string, string> = {}): string[] {
    const dir = tempDir('cg-starts-');
    const log = path.join(dir, 'starts.log');
    const preload = path.join(dir, 'record.mjs');
    writeFileSync(
      preload,
      `import { appendFileSync } from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\nif (isMainThread) appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv) + '\\n');\n`,
    );
    writeFileSync(log, '');
    spawnSync(process.execPath, ['--import', preload, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as string[]).filter((flag) => !flag.endsWith('.mjs')).join(' '));
  }

  it('CLI: a small workspace runs in the first process; a large one is re-executed with the cap and the growth limit', () => {
    expect(starts([CLI_BUNDLE, 'inspect', SMALL, '--json'])).toEqual(['--import']);
    expect(starts([CLI_BUNDLE, 'inspect', largeWorkspace(SMALL_EVIDENCE_BYTES * 2), '--json'])).toEqual([
      '--import',
      '--max-semi-space-size=4 --heap-growing-percent=20 --import',
    ]);
    expect(starts([CLI_BUNDLE, 'bench-render', '--metrics', '5'])).toHaveLength(2);
  });

  it('action: the workspace input decides; shard artifacts and publish are read later, so they are capped', () => {
    const env = { INPUT_WORKSPACE: SMALL, GITHUB_WORKSPACE: tempDir('cg-gh-') };
    expect(starts([ACTION_BUNDLE], env)).toHaveLength(1);
    expect(
      starts([ACTION_BUNDLE], { ...env, INPUT_WORKSPACE: largeWorkspace(SMALL_EVIDENCE_BYTES * 2) }),
    ).toHaveLength(2);
    expect(starts([ACTION_BUNDLE], { ...env, INPUT_SHARDS: '4' })).toHaveLength(2);
    expect(starts([ACTION_BUNDLE], { ...env, INPUT_MODE: 'publish' })).toHaveLength(2);
  });
});
