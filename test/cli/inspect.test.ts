import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCommand } from '../../src/cli/inspect.js';
import { FIXTURES, removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

async function run(args: string[], cwd = path.resolve(import.meta.dirname, '../..')) {
  let stdout = '';
  let stderr = '';
  const code = await inspectCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('contexta-gate inspect', () => {
  it('lists projects, runs, stages, metric keys with counts, and every gap with file:line', async () => {
    const { code, stdout, stderr } = await run(['fixtures/contexta/quickstart/.contexta']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Project wine-quality-clf: 2 runs');
    expect(stdout).toContain(
      'Run svm-baseline (run:wine-quality-clf.svm-baseline): status unknown, 11 records',
    );
    expect(stdout).toContain('Stage evaluate: status unknown, 4 records');
    expect(stdout).toContain('accuracy: 1 observation; latest overall=0.972222');
    expect(stdout).toMatch(
      /duplicate_record_ref \(×22\) at cnn-image-clf\/records\/segments\/segment-000001\.jsonl:23/,
    );
    expect(stdout).toMatch(
      /degraded_record at cnn-image-clf\/records\/segments\/segment-000001\.jsonl:45 \[run run:cnn-image-clf\.cnn-v1, stage train\]/,
    );
  });

  it('shows ledger statuses, environment, samples with slices, artifacts and deployments', async () => {
    const { code, stdout } = await run([path.join(FIXTURES, 'scenarios/deployment-promotion/baseline')]);
    expect(code).toBe(0);
    expect(stdout).toContain('Run rf-v7 (run:deployment-promotion.rf-v7): status completed, 426 records');
    expect(stdout).toContain('Environment: python 3.13.0, linux, 2 packages');
    expect(stdout).toContain('Stage evaluate: status completed');
    expect(stdout).toContain('samples correct: n=200 (binary), slices');
    expect(stdout).toMatch(
      /accuracy: 4 observations; latest overall=0\.845, region-apac=0\.84, region-eu=0\.87\d*, region-us=0\.82\d*/,
    );
    expect(stdout).toContain(
      'Artifact model artifact:deployment-promotion.rf-v7.model-04c66e372e3f (binding, verified',
    );
    expect(stdout).toContain(
      'Deployment prod-v1 (deployment:deployment-promotion.prod-v1): status completed, run run:deployment-promotion.rf-v7, from the ledger',
    );
  });

  it('--json prints the evidence with sample columns as plain arrays', async () => {
    const { code, stdout } = await run([
      '--json',
      '--no-ledger',
      'fixtures/scenarios/tabular-improves/candidate',
    ]);
    expect(code).toBe(0);
    const evidence = JSON.parse(stdout);
    expect(evidence.source.root).toBe('fixtures/scenarios/tabular-improves/candidate');
    const evaluate = evidence.projects[0].runs[0].stages.find((s: { name: string }) => s.name === 'evaluate');
    const correct = evaluate.samples.find((s: { key: string }) => s.key === 'correct');
    expect(Array.isArray(correct.values)).toBe(true);
    expect(correct.values).toHaveLength(210);
    expect(correct.values.reduce((a: number, b: number) => a + b, 0) / 210).toBeCloseTo(0.805, 3);
    expect(evidence.gaps.map((g: { code: string }) => g.code)).toEqual(['statuses_unavailable']);
  });

  it('exit 2 on usage errors and unreadable paths, with a message on stderr', async () => {
    const cases = [
      [],
      ['a', 'b'],
      ['--bogus', 'x'],
      ['does/not/exist'],
      ['fixtures/scenarios/llm-eval/runs.json'],
    ];
    for (const args of cases) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^contexta-gate inspect: /);
    }
  });

  it('a directory without evidence is exit 0 with the no_evidence gap shown', async () => {
    const { code, stdout } = await run([tempDir()]);
    expect(code).toBe(0);
    expect(stdout).toContain('Workspaces: none found');
    expect(stdout).toContain('error   no_evidence');
  });
});
