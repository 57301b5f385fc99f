import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import type { GateReport } from '../../src/gates/types.js';
import { scenarioPath, WINE } from '../support/engine-fixtures.js';

/** Per-project layout: one workspace directory per project under the root (wine-quality-clf, cnn-image-clf). */
const QUICKSTART = 'fixtures/contexta/quickstart/.contexta';

async function cli(args: string[], options: { ledger?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await compareCommand(
    args,
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: process.cwd() },
    options.ledger ? {} : { ledger: null },
  );
  return { code, stdout, stderr };
}

const REF = ['--config', 'fixtures/reference-policy.yml'];
const sides = (scenario: Parameters<typeof scenarioPath>[0]) => [
  '--baseline',
  scenarioPath(scenario, 'baseline'),
  '--candidate',
  scenarioPath(scenario, 'candidate'),
];

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gate-cli-compare-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('contexta-gate compare', () => {
  it('exits 1 on slice-regression and says which slice, in text', async () => {
    const { code, stdout, stderr } = await cli([...sides('slice-regression'), ...REF, '--format', 'text']);
    expect(stderr).not.toMatch(/^error:/m);
    expect(stderr).toContain('no match, not judged: evaluate/exact-match');
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL/);
    expect(stdout).toContain('region-apac');
  });

  it('exits 0 on tabular-improves and renders markdown', async () => {
    const { code, stdout } = await cli([...sides('tabular-improves'), ...REF, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/PASS/i);
  });

  it('emits the report as JSON, reading the DuckDB ledger by default', async () => {
    const { code, stdout } = await cli([...sides('deployment-promotion'), ...REF, '--format', 'json'], {
      ledger: true,
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as GateReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.verdict).toBe('pass');
    expect(report.notes.some((n) => n.includes('behind the latest completed deployment prod-v1'))).toBe(true);
  });

  it('reads one workspace holding both runs once and compares the named runs', async () => {
    const { code, stdout } = await cli([
      '--baseline',
      WINE,
      '--candidate',
      WINE,
      '--baseline-run',
      'svm-baseline',
      '--candidate-run',
      'run:wine-quality-clf.rf-experiment',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as GateReport;
    expect(report.baseline!.runs.map((r) => r.ref)).toEqual(['run:wine-quality-clf.svm-baseline']);
    expect(report.candidate.runs.map((r) => r.ref)).toEqual(['run:wine-quality-clf.rf-experiment']);
    // One Evidence read: its reader notes appear once, not once per side.
    expect(report.notes.filter((n) => n.startsWith('baseline: '))).toEqual([]);
    const accuracy = report.comparisons[0]!.metrics.find((m) => m.key === 'accuracy')!;
    expect(accuracy.delta).toBe(0.02777777777777779);
    expect([0, 1]).toContain(code);
  });

  it('exits 2 naming the runs when a shared workspace leaves the choice ambiguous', async () => {
    const { code, stderr } = await cli(['--baseline', WINE, '--candidate', WINE]);
    expect(code).toBe(2);
    expect(stderr).toContain('run:wine-quality-clf.svm-baseline');
    expect(stderr).toContain('--baseline-run');
  });

  it('exits 2 with the precise config error', async () => {
    const config = join(tmp, 'bad.yml');
    await writeFile(
      config,
      'version: 1\ngates:\n  - name: q\n    metric: evaluate/accuracy\n    max_drop: -1\n',
    );
    const { code, stderr, stdout } = await cli([...sides('tabular-improves'), '--config', config]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`${config.replaceAll('\\', '\\\\')}:5:15: gates\\[0\\]\\.max_drop: `));
  });

  it('exits 2 on unreadable paths, unknown flags and a missing --candidate', async () => {
    const missing = await cli(['--candidate', join(tmp, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such directory');
    const flag = await cli(['--candidate', WINE, '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage: contexta-gate compare/);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--candidate <workspace> is required');
    const format = await cli(['--candidate', WINE, '--format', 'html']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of text, markdown, json; got "html"');
  });

  it('without a baseline the verdict is unknown and maps to warn: exit 0', async () => {
    const { code, stdout } = await cli([
      '--candidate',
      scenarioPath('llm-eval', 'candidate'),
      ...REF,
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as GateReport;
    expect(report.verdict).toBe('unknown');
    expect(report.exit.outcome).toBe('warn');
    expect(code).toBe(0);
    // The latency budget cannot judge without a baseline; the verdict says so instead of passing.
    expect(report.gates.find((g) => g.name === 'latency budget')!.outcome).toBe('skipped');
    expect(report.gates.find((g) => g.name === 'policy.missing_baseline')!.outcome).toBe('unknown');
  });

  it('a candidate directory without evidence fails, it never passes', async () => {
    const empty = join(tmp, 'empty');
    await mkdir(empty);
    const { code, stdout } = await cli([
      '--baseline',
      scenarioPath('tabular-improves', 'baseline'),
      '--candidate',
      empty,
      ...REF,
      '--format',
      'json',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as GateReport;
    expect(report.verdict).toBe('fail');
    expect(report.gates.find((g) => g.name === 'evidence complete')!.message).toContain(
      'the candidate evidence holds no run, so stage evaluate cannot be checked',
    );
    expect(report.gates.find((g) => g.name === 'policy.evidence_gaps')!.checks[0]!.subject).toBe(
      'no_evidence',
    );
  });

  it('detects metalab stores', async () => {
    const { stdout } = await cli([
      '--baseline',
      'fixtures/metalab/baseline',
      '--candidate',
      'fixtures/metalab/candidate',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as GateReport;
    expect(report.candidate.kind).toBe('metalab');
    expect(report.comparisons.length).toBe(6);
  });

  describe('--project on a root holding several projects', () => {
    it('reaches a project the default run choice does not pick', async () => {
      const without = await cli(['--candidate', QUICKSTART, '--format', 'json']);
      expect(without.code).toBe(2);
      expect(without.stderr).toContain('holds 2 runs of project wine-quality-clf');
      const { code, stdout } = await cli([
        '--candidate',
        QUICKSTART,
        '--project',
        'cnn-image-clf',
        '--format',
        'json',
      ]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as GateReport;
      expect(report.candidate.runs.map((r) => r.ref)).toEqual(['run:cnn-image-clf.cnn-v1']);
    });

    it('gates only the named project, on both sides', async () => {
      const { code, stdout, stderr } = await cli([
        '--baseline',
        QUICKSTART,
        '--candidate',
        QUICKSTART,
        '--project',
        'wine-quality-clf',
        '--baseline-run',
        'svm-baseline',
        '--candidate-run',
        'rf-experiment',
        '--format',
        'json',
      ]);
      expect(stderr).not.toContain('contexta-gate compare:');
      const report = JSON.parse(stdout) as GateReport;
      expect(report.candidate.runs.map((r) => r.ref)).toEqual(['run:wine-quality-clf.rf-experiment']);
      expect(report.baseline!.runs.map((r) => r.ref)).toEqual(['run:wine-quality-clf.svm-baseline']);
      expect(report.comparisons.map((c) => c.project)).toEqual(['wine-quality-clf']);
      expect([0, 1]).toContain(code);
    });

    it('exits 2 naming the projects the workspace holds when the name matches none', async () => {
      const { code, stdout, stderr } = await cli(['--candidate', QUICKSTART, '--project', 'nope']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /--project: no project 'nope' in .*; it holds '(cnn-image-clf|wine-quality-clf)', '/,
      );
    });

    it('is documented in --help', async () => {
      const { code, stdout } = await cli(['--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('--project <name>');
    });
  });
});
