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

describe('contexta-gate inspect on a metalab store (read as compare reads it)', () => {
  it('a collection root: its experiment, units with replicate counts and failed-run gaps', async () => {
    const { code, stdout, stderr } = await run(['fixtures/metalab/candidate']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toContain('no Contexta evidence');
    expect(stdout).toMatch(
      /^metalab evidence in fixtures\/metalab\/candidate\nWorkspace gate_demo_1\.0: metalab\n/,
    );
    expect(stdout).toContain('Experiment gate_demo:1.0: 6 units');
    expect(stdout).toContain(
      'Unit lr=0.1, model=mlp (metalab:gate_demo:1.0/lr=0.1, model=mlp): status completed, 2 replicates of 2 expected (2 success)',
    );
    expect(stdout).toContain(
      'Unit lr=1, model=mlp (metalab:gate_demo:1.0/lr=1, model=mlp): status failed, 2 replicates of 2 expected (2 failed)',
    );
    expect(stdout).toContain('    Replicate 35dfe957e77f50c5: seed bc84d675ff188232, success');
    expect(stdout).toContain('accuracy: 2 observations; latest overall=0.81975');
    expect(stdout).toContain('Gaps (2):');
    expect(stdout).toMatch(/error {3}run_failed at gate_demo_1\.0\/runs\/adf29a9cb5992706\.json/);
  });

  it('an experiment folder: the same experiment, and a crashed and a missing replicate', async () => {
    const { code, stdout } = await run(['fixtures/metalab/interrupted/gate_demo_1.0']);
    expect(code).toBe(0);
    expect(stdout).toContain('Workspace .: metalab');
    expect(stdout).toContain('Experiment gate_demo:1.0: 4 units');
    expect(stdout).toContain(
      'Unit lr=0.1, model=mlp (metalab:gate_demo:1.0/lr=0.1, model=mlp): status open, 2 replicates of 2 expected (1 running, 1 missing)',
    );
    expect(stdout).toContain('    Replicate 5a6622a87f0fc8d3: seed unknown, missing');
    expect(stdout).toMatch(/error {3}run_incomplete at runs\/35dfe957e77f50c5\.json/);
    expect(stdout).toMatch(/error {3}run_missing at runs\/5a6622a87f0fc8d3\.json/);
  });

  it('NaN and Infinity metrics are gaps, in text', async () => {
    const { code, stdout } = await run(['fixtures/metalab/edge']);
    expect(code).toBe(0);
    expect(stdout).toContain('Experiment gate_edge:0.1: 1 unit');
    expect(stdout).toContain('1 replicate of 1 expected (1 success)');
    expect(stdout).toMatch(
      /warning non_finite_number at gate_edge_0\.1\/runs\/10ce83ad008cac7c\.json \[run metalab:gate_edge:0\.1\/variant=only\]: metric accuracy of run 10ce83ad008cac7c is NaN/,
    );
    expect(stdout).toMatch(
      /warning non_finite_number .*: metric loss_final of run 10ce83ad008cac7c is Infinity/,
    );
  });

  it('--json: experiments as projects, units as runs with their replicates, NaN/Infinity gaps', async () => {
    const candidate = JSON.parse((await run(['--json', 'fixtures/metalab/candidate/gate_demo_1.0'])).stdout);
    expect(candidate.source).toEqual({
      kind: 'metalab',
      root: 'fixtures/metalab/candidate/gate_demo_1.0',
      workspaces: [{ path: '.', layouts: ['metalab'] }],
    });
    expect(candidate.projects.map((p: { name: string }) => p.name)).toEqual(['gate_demo:1.0']);
    const units = candidate.projects[0].runs;
    expect(units.map((u: { name: string }) => u.name)).toEqual([
      'lr=0.01, model=linear',
      'lr=0.01, model=mlp',
      'lr=0.1, model=linear',
      'lr=0.1, model=mlp',
      'lr=1, model=linear',
      'lr=1, model=mlp',
    ]);
    const failed = units.find((u: { name: string }) => u.name === 'lr=1, model=mlp');
    expect(failed.params).toEqual({ lr: 1, model: 'mlp' });
    expect(failed.metalab).toMatchObject({ experimentId: 'gate_demo:1.0', expectedReplicates: 2 });
    expect(failed.metalab.replicates.map((r: { status: string }) => r.status)).toEqual(['failed', 'failed']);
    expect(candidate.gaps.map((g: { code: string }) => g.code)).toEqual(['run_failed', 'run_failed']);

    const edge = JSON.parse((await run(['--json', 'fixtures/metalab/edge'])).stdout);
    expect(edge.projects[0].name).toBe('gate_edge:0.1');
    const nonFinite = edge.gaps.filter((g: { severity: string }) => g.severity === 'warning');
    expect(
      nonFinite.map((g: { code: string; message: string }) => [g.code, g.message.match(/is (\w+);/)?.[1]]),
    ).toEqual([
      ['non_finite_number', 'NaN'],
      ['non_finite_number', 'Infinity'],
    ]);
  });
});
