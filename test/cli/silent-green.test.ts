/**
 * Issue 14, through the CLI: a gate that matches nothing fails as a config problem with a
 * did-you-mean on stdout and stderr; a headline metric that disappears or becomes non-finite fails
 * under the built-in defaults; skips say why. In-process for most cases, the built bundle for one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import type { GateReport } from '../../src/gates/types.js';
import { CLI_BUNDLE } from '../support/bundle.js';
import { scenarioPath } from '../support/engine-fixtures.js';
import { HEADLINE_DAMAGE, hostileHeadline, TABULAR_BASELINE } from '../support/hostile-copies.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gate-cli-silent-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs `compare` in a scratch cwd, so no repository config is picked up: no --config = defaults. */
async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await compareCommand(
    args.map((a) => (a.startsWith('fixtures/') ? resolve(a) : a)),
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: tmp },
    { ledger: null },
  );
  return { code, stdout, stderr };
}

async function config(name: string, yaml: string): Promise<string> {
  const path = join(tmp, `${name}.yml`);
  await writeFile(path, yaml);
  return path;
}

const TABULAR = [
  '--baseline',
  resolve(scenarioPath('tabular-improves', 'baseline')),
  '--candidate',
  resolve(scenarioPath('tabular-improves', 'candidate')),
];
const json = (stdout: string) => JSON.parse(stdout) as GateReport;

describe('a gate that matches nothing is a config problem', () => {
  it('a typo in a stage fails the job, with a did-you-mean in the report and on stderr', async () => {
    const file = await config(
      'typo',
      'version: 1\ngates:\n  - name: accuracy floor\n    metric: eval/accuracy\n    min: 0.5\n    severity: warn\n',
    );
    const text = await cli([...TABULAR, '--config', file]);
    expect(text.code).toBe(1);
    const expected = 'eval/accuracy: no stage "eval"';
    expect(text.stderr).toContain(`error: gate "accuracy floor" matches nothing: ${expected}`);
    expect(text.stderr).toContain('did you mean "evaluate/accuracy"?');
    expect(text.stdout).toContain(expected);
    expect(text.stdout).not.toMatch(/PASS/);
    const report = json((await cli([...TABULAR, '--config', file, '--format', 'json'])).stdout);
    expect(report.verdict).toBe('fail');
    const gate = report.gates.find((g) => g.name === 'accuracy floor')!;
    expect(gate.outcome).toBe('fail');
    expect(gate.checks.map((c) => c.subject)).toEqual(['unmatched']);
    expect(gate.message).toBe('eval/accuracy: no stage "eval"; did you mean "evaluate/accuracy"?');
  });

  it('a misspelt metric key in an existing stage names the stage and suggests the key', async () => {
    const file = await config(
      'key-typo',
      'version: 1\ngates:\n  - name: no drop\n    metric: evaluate/acuracy\n    max_drop: 0.01\n',
    );
    const { code, stderr } = await cli([...TABULAR, '--config', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'evaluate/acuracy: no metric "acuracy" in stage evaluate; did you mean "evaluate/accuracy"?',
    );
  });

  it('a named slice present in neither run fails the same way', async () => {
    const file = await config(
      'slice',
      'version: 1\ngates:\n  - name: tv slice\n    metric: evaluate/accuracy\n    slices: [device-tv]\n    max_drop: 0.01\n',
    );
    const { code, stdout, stderr } = await cli([...TABULAR, '--config', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('slices: device-tv: no slice "device-tv" of evaluate/accuracy in either run');
    expect(stderr).toMatch(/slices present: region-apac, region-eu/);
    expect(stdout).toContain('device-tv');
  });

  it('an unmatched entry of a list that otherwise matches is a note, not a failure', async () => {
    const file = await config(
      'mixed',
      'version: 1\ngates:\n  - name: no drop\n    metric: [evaluate/accuracy, evaluate/acuracy]\n    slices: [region-eu, device-tv]\n    max_drop: 0.5\n',
    );
    const { code, stdout, stderr } = await cli([...TABULAR, '--config', file, '--format', 'json']);
    expect(code).toBe(0);
    const gate = json(stdout).gates.find((g) => g.name === 'no drop')!;
    expect(gate.outcome).toBe('pass');
    expect(gate.checks.map((c) => `${c.metric}@${c.slice}`)).toEqual(['accuracy@region-eu']);
    expect(gate.evidence.filter((e) => e.startsWith('no match, not judged: '))).toHaveLength(2);
    expect(stderr).toContain('warning: gate "no drop": no match, not judged: evaluate/acuracy');
    expect(stderr).toContain('no slice "device-tv"');
  });

  it('policy.unmatched: warn relaxes the failure to a warning', async () => {
    const file = await config(
      'warn',
      'version: 1\npolicy:\n  unmatched: warn\ngates:\n  - name: accuracy floor\n    metric: eval/accuracy\n    min: 0.5\n',
    );
    const { code, stdout, stderr } = await cli([...TABULAR, '--config', file, '--format', 'json']);
    expect(code).toBe(0);
    expect(json(stdout).verdict).toBe('warn');
    expect(stderr).toContain('warning: gate "accuracy floor" matches nothing: eval/accuracy');
  });

  it('the built CLI bundle exits 1 with the suggestion on stderr', async () => {
    const file = await config(
      'bundle',
      'version: 1\ngates:\n  - name: accuracy floor\n    metric: eval/accuracy\n    min: 0.5\n',
    );
    const run = spawnSync(process.execPath, [CLI_BUNDLE, 'compare', ...TABULAR, '--config', file], {
      cwd: tmp,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('eval/accuracy: no stage "eval"');
    expect(run.stderr).toContain('did you mean "evaluate/accuracy"?');
  });
});

describe('skip reasons are precise', () => {
  it('no baseline: names the metrics a regression gate would have judged', async () => {
    const file = await config(
      'nobase',
      'version: 1\ngates:\n  - name: no drop\n    metric: evaluate/accuracy\n    max_drop: 0.01\n',
    );
    const { code, stdout } = await cli([
      '--candidate',
      resolve(scenarioPath('tabular-improves', 'candidate')),
      '--config',
      file,
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const gate = json(stdout).gates.find((g) => g.name === 'no drop')!;
    expect(gate.outcome).toBe('skipped');
    expect(gate.message).toBe('no baseline: would have judged evaluate/accuracy');
  });

  it('slices: all on a metric recorded without slices judges its overall series, never nothing', async () => {
    const file = await config(
      'all',
      'version: 1\ngates:\n  - name: train slices\n    metric: train/train.accuracy\n    slices: all\n    max_drop: 0.01\n',
    );
    const { code, stdout } = await cli([...TABULAR, '--config', file, '--format', 'json']);
    expect(code).toBe(0);
    const gate = json(stdout).gates.find((g) => g.name === 'train slices')!;
    expect(gate.outcome).toBe('pass');
    expect(gate.checks.map((c) => [c.metric, c.slice])).toEqual([['train.accuracy', null]]);
  });

  it('a missing metric key lists the metrics of that stage when nothing is close', async () => {
    const file = await config(
      'loss',
      'version: 1\ngates:\n  - name: loss\n    metric: train/loss\n    max_increase: 1\n',
    );
    const { code, stderr } = await cli([...TABULAR, '--config', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'train/loss: no metric "loss" in stage train; metrics in stage train: fit.seconds, train.accuracy',
    );
  });
});

describe('the built-in defaults: a headline metric that disappears or is not finite fails the job', () => {
  for (const damage of HEADLINE_DAMAGE) {
    it(`candidate evaluate/accuracy ${damage === 'deleted' ? 'deleted' : `recorded as ${damage}`}`, async () => {
      const hostile = await hostileHeadline(damage);
      try {
        const { code, stdout } = await cli([
          '--baseline',
          resolve(TABULAR_BASELINE),
          '--candidate',
          hostile.path,
          '--format',
          'json',
        ]);
        const report = json(stdout);
        expect(code, report.headline).toBe(1);
        expect(report.verdict).toBe('fail');
        expect(report.headline).toContain('evaluate/accuracy');
        const failing = report.gates.filter((g) => g.outcome === 'fail');
        expect(
          failing.some((g) => g.checks.some((c) => c.stage === 'evaluate' && c.metric === 'accuracy')),
        ).toBe(true);
      } finally {
        await hostile.cleanup();
      }
    });
  }
});
