/**
 * The `contexta-gate` bundle as a user runs it: a separate `node` process on the CLI built from the
 * current src/, started outside the repository so that DuckDB is found from the bundle's own
 * folder (import.meta.dirname), not from the working directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE } from '../support/bundle.js';

const cwd = mkdtempSync(path.join(tmpdir(), 'cg-cli-bundle-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const scenario = (name: string, side: 'baseline' | 'candidate') =>
  path.resolve('fixtures/scenarios', name, side, '.contexta');

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI bundle', () => {
  it('reads ledger statuses through DuckDB resolved beside the bundle', () => {
    const run = cli(['inspect', scenario('llm-eval', 'baseline')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Run assistant-2024-10 (run:llm-eval.assistant-2024-10): status completed');
  });

  it('fails a slice regression with exit 1 and a JSON report', () => {
    const run = cli([
      'compare',
      '--baseline',
      scenario('slice-regression', 'baseline'),
      '--candidate',
      scenario('slice-regression', 'candidate'),
      '--config',
      path.resolve('fixtures/reference-policy.yml'),
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'fail', exit: { code: 1, outcome: 'fail' } });
  });
});
