import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  type GateConfig,
  type GatePolicy,
  loadConfigFile,
  parseConfig,
} from '../../src/gates/config.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** The documented defaults, written out by hand. */
const DOCUMENTED_POLICY: GatePolicy = {
  unknown: 'warn',
  missingBaseline: 'unknown',
  baselineDegraded: 'unknown',
  evidenceGaps: 'fail',
  missingMetrics: 'warn',
  unmatched: 'fail',
  significance: 0.05,
  binaryTest: 'mid-p',
  minPairs: 10,
  minSamples: 30,
  minEffect: 0,
  bootstrapResamples: 2000,
  seed: 20261123,
  directions: [],
  waivers: { labels: true, trailers: true, self: false },
  history: 20,
};

function parseOk(text: string): { config: GateConfig; warnings: string[] } {
  const result = parseConfig(text, 'test.yml');
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`).join('\n'));
  return result;
}

describe('valid configs', () => {
  it('a minimal config gets the documented policy defaults and a warning about having no gates', () => {
    const { config, warnings } = parseOk(lines('version: 1', 'gates: []'));
    expect(config).toEqual({ version: 1, policy: DOCUMENTED_POLICY, gates: [] });
    expect(warnings).toEqual([
      'test.yml:2:8: gates: no gates: only the policy (evidence gaps, missing metrics) can fail the check',
    ]);
  });

  it('round-trips every key of every gate kind to the typed config', () => {
    const text = lines(
      'version: 1',
      'policy:',
      '  unknown: fail',
      '  missing_baseline: warn',
      '  baseline_degraded: pass',
      '  evidence_gaps: warn',
      '  missing_metrics: ignore',
      '  significance: 0.01',
      '  binary_test: exact',
      '  min_pairs: 20',
      '  min_samples: 50',
      '  min_effect: 0.002',
      '  unmatched: warn',
      '  bootstrap_resamples: 5000',
      '  seed: 7',
      '  directions:',
      '    "tokens.*": lower',
      '    cost: lower',
      '    "margin": higher',
      '  waivers:',
      '    labels: false',
      'gates:',
      '  - name: accuracy floor',
      '    metric: evaluate/accuracy',
      '    min: 0.9',
      '    max: 1',
      '    slices: all',
      '    severity: warn',
      '    message: "accuracy must stay above 90 %"',
      '  - name: no accuracy regression',
      '    metric: [evaluate/accuracy, "*/eval.f1", run/score]',
      '    max_drop: 0.01',
      '    max_drop_pct: 2',
      '    max_increase: 3',
      '    max_increase_pct: 4',
      '    direction: higher',
      '    significance: true',
      '    min_samples: 40',
      '    slices: [region-apac, region-eu]',
      '    samples: correct',
      '  - name: loose regression',
      '    metric: "*/*"',
      '    max_drop_pct: 5',
      '    significance: false',
      '  - name: evidence complete',
      '    require_complete: [train, evaluate]',
      '    optional_stages: [preprocess]',
      '    require_metrics: [evaluate/accuracy, "evaluate/latency-ms.*"]',
      '    degraded: warn',
      '    partial: ignore',
      '    statuses: fail',
      '  - name: diagnostics',
      '    diagnostics: warning',
      '  - name: model size',
      '    artifact: "model*"',
      '    max_growth_pct: 20',
      '    max_growth_bytes: 1048576',
    );
    const { config, warnings } = parseOk(text);
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      version: 1,
      policy: {
        unknown: 'fail',
        missingBaseline: 'warn',
        baselineDegraded: 'pass',
        evidenceGaps: 'warn',
        missingMetrics: 'ignore',
        unmatched: 'warn',
        significance: 0.01,
        binaryTest: 'exact',
        minPairs: 20,
        minSamples: 50,
        minEffect: 0.002,
        bootstrapResamples: 5000,
        seed: 7,
        directions: [
          { pattern: 'tokens.*', direction: 'lower' },
          { pattern: 'cost', direction: 'lower' },
          { pattern: 'margin', direction: 'higher' },
        ],
        waivers: { labels: false, trailers: true, self: false },
        history: 20,
      },
      gates: [
        {
          kind: 'threshold',
          name: 'accuracy floor',
          severity: 'warn',
          message: 'accuracy must stay above 90 %',
          metrics: [{ stage: 'evaluate', key: 'accuracy' }],
          min: 0.9,
          max: 1,
          slices: { mode: 'all' },
        },
        {
          kind: 'regression',
          name: 'no accuracy regression',
          severity: 'fail',
          message: null,
          metrics: [
            { stage: 'evaluate', key: 'accuracy' },
            { stage: '*', key: 'eval.f1' },
            { stage: 'run', key: 'score' },
          ],
          maxDrop: 0.01,
          maxDropPct: 2,
          maxIncrease: 3,
          maxIncreasePct: 4,
          direction: 'higher',
          significance: 0.01,
          minSamples: 40,
          minEffect: 0.002,
          slices: { mode: 'list', slices: ['region-apac', 'region-eu'] },
          samples: 'correct',
          maxDrift: null,
          maxDriftPct: null,
          history: 20,
        },
        {
          kind: 'regression',
          name: 'loose regression',
          severity: 'fail',
          message: null,
          metrics: [{ stage: '*', key: '*' }],
          maxDrop: null,
          maxDropPct: 5,
          maxIncrease: null,
          maxIncreasePct: null,
          direction: null,
          significance: null,
          minSamples: 50,
          minEffect: 0.002,
          slices: { mode: 'none' },
          samples: null,
          maxDrift: null,
          maxDriftPct: null,
          history: 20,
        },
        {
          kind: 'evidence',
          name: 'evidence complete',
          severity: 'fail',
          message: null,
          requireComplete: ['train', 'evaluate'],
          optionalStages: ['preprocess'],
          requireMetrics: {
            mode: 'list',
            metrics: [
              { stage: 'evaluate', key: 'accuracy' },
              { stage: 'evaluate', key: 'latency-ms.*' },
            ],
          },
          degraded: 'warn',
          partial: 'ignore',
          statuses: 'fail',
        },
        { kind: 'diagnostics', name: 'diagnostics', severity: 'fail', message: null, level: 'warning' },
        {
          kind: 'artifact',
          name: 'model size',
          severity: 'fail',
          message: null,
          artifact: 'model*',
          maxGrowthPct: 20,
          maxGrowthBytes: 1048576,
        },
      ],
    });
  });

  it('fills evidence gate defaults and makes an omitted significance policy.significance (noise-aware by default)', () => {
    const { config } = parseOk(
      lines(
        'version: 1',
        'gates:',
        '  - name: evidence',
        '    require_complete: [evaluate]',
        '  - name: drop',
        '    metric: evaluate/accuracy',
        '    max_drop: 0.02',
      ),
    );
    expect(config.gates[0]).toMatchObject({
      requireMetrics: { mode: 'none' },
      optionalStages: [],
      degraded: 'fail',
      partial: 'fail',
      statuses: 'warn',
    });
    expect(config.gates[1]).toMatchObject({
      significance: 0.05,
      minSamples: 30,
      minEffect: 0,
      direction: null,
    });
  });

  it('accepts the same YAML in flow style and through aliases', () => {
    const block = parseOk(lines('version: 1', 'gates:', '  - name: d', '    diagnostics: error'));
    const flow = parseOk('{version: 1, gates: [{name: d, diagnostics: error}]}');
    expect(flow.config).toEqual(block.config);
    const aliased = parseOk(
      lines(
        'version: 1',
        'gates:',
        '  - name: d',
        '    diagnostics: &level info',
        '  - name: e',
        '    diagnostics: *level',
      ),
    );
    expect(aliased.config.gates.map((g) => g.kind === 'diagnostics' && g.level)).toEqual(['info', 'info']);
  });

  it('warns when a gate name is too long for a waiver label', () => {
    const name = 'a'.repeat(40);
    const { warnings } = parseOk(
      lines('version: 1', 'gates:', `  - name: ${name}`, '    diagnostics: error'),
    );
    expect(warnings).toEqual([
      `test.yml:3:11: gates[0].name: longer than 39 characters, so no "gate-waive:<name>" label can name it (GitHub labels hold 50)`,
    ]);
    const withoutLabels = parseOk(
      lines(
        'version: 1',
        'policy: {waivers: {labels: false}}',
        'gates:',
        `  - name: ${name}`,
        '    diagnostics: error',
      ),
    );
    expect(withoutLabels.warnings).toEqual([]);
  });
});

describe('the reference policy of the scenarios', () => {
  it('parses into the gates the scenario README describes', async () => {
    const result = await loadConfigFile('fixtures/reference-policy.yml');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { config } = result;
    expect(config.policy.unknown).toBe('warn');
    expect(config.gates.map((g) => [g.kind, g.name, g.severity])).toEqual([
      ['regression', 'no significant regression', 'fail'],
      ['regression', 'slice floor', 'fail'],
      ['regression', 'latency budget', 'fail'],
      ['evidence', 'evidence complete', 'fail'],
      ['diagnostics', 'diagnostics', 'fail'],
    ]);
    const quality = ['accuracy', 'f1', 'auc', 'exact-match'].map((key) => ({ stage: 'evaluate', key }));
    expect(config.gates[0]).toMatchObject({
      metrics: quality,
      significance: 0.05,
      maxDrop: 0.01,
      slices: { mode: 'none' },
    });
    expect(config.gates[1]).toMatchObject({
      metrics: quality,
      significance: null,
      maxDrop: 0.05,
      slices: { mode: 'all' },
    });
    expect(config.gates[2]).toMatchObject({
      metrics: [{ stage: '*', key: 'latency-ms.p95' }],
      maxIncreasePct: 10,
      direction: 'lower',
    });
    expect(config.gates[3]).toMatchObject({
      requireComplete: ['evaluate'],
      optionalStages: ['train'],
      requireMetrics: { mode: 'baseline' },
      degraded: 'fail',
      partial: 'fail',
    });
    expect(config.gates[4]).toMatchObject({ level: 'error' });
  });
});

describe('DEFAULT_CONFIG', () => {
  it('fails on error diagnostics, evidence gaps, disappearing metrics and significant headline drops in any slice; warns on other regressions', () => {
    expect(DEFAULT_CONFIG.policy).toEqual({ ...DOCUMENTED_POLICY, missingMetrics: 'fail' });
    expect(DEFAULT_CONFIG.gates).toEqual([
      { kind: 'diagnostics', name: 'diagnostics', severity: 'fail', message: null, level: 'error' },
      {
        kind: 'regression',
        name: 'no significant regression',
        severity: 'warn',
        message: null,
        metrics: [{ stage: '*', key: '*' }],
        maxDrop: null,
        maxDropPct: 5,
        maxIncrease: null,
        maxIncreasePct: 5,
        direction: null,
        significance: 0.05,
        minSamples: 30,
        minEffect: 0,
        slices: { mode: 'none' },
        samples: null,
        maxDrift: null,
        maxDriftPct: null,
        history: 20,
      },
      {
        kind: 'regression',
        name: 'no significant headline drop in any slice',
        severity: 'fail',
        message: null,
        metrics: ['accuracy', 'f1', 'auc', 'precision', 'recall', 'exact-match', 'pass'].map((w) => ({
          stage: 'evaluate',
          key: `*${w}`,
        })),
        maxDrop: 0.02,
        maxDropPct: null,
        maxIncrease: null,
        maxIncreasePct: null,
        direction: null,
        significance: 0.05,
        minSamples: 30,
        minEffect: 0,
        slices: { mode: 'all' },
        samples: null,
        maxDrift: null,
        maxDriftPct: null,
        history: 20,
      },
    ]);
  });

  it('is what the equivalent YAML parses to, so the defaults are expressible in the file syntax', () => {
    const { config } = parseOk(
      lines(
        'version: 1',
        'policy:',
        '  missing_metrics: fail',
        'gates:',
        '  - name: diagnostics',
        '    diagnostics: error',
        '  - name: no significant regression',
        '    metric: "*/*"',
        '    max_drop_pct: 5',
        '    max_increase_pct: 5',
        '    significance: true',
        '    severity: warn',
        '  - name: no significant headline drop in any slice',
        '    metric: [evaluate/*accuracy, evaluate/*f1, evaluate/*auc, evaluate/*precision, evaluate/*recall, evaluate/*exact-match, evaluate/*pass]',
        '    slices: all',
        '    max_drop: 0.02',
      ),
    );
    expect(config).toEqual(DEFAULT_CONFIG);
  });
});

describe('loadConfigFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gate-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('an optional config that does not exist means the defaults, with a warning', async () => {
    const path = join(dir, 'absent.yml');
    expect(await loadConfigFile(path, { optional: true })).toEqual({
      ok: true,
      config: DEFAULT_CONFIG,
      warnings: [`${path}: no config file; using the default gates`],
    });
  });

  it('a named config that does not exist is an error', async () => {
    const path = join(dir, 'absent.yml');
    expect(await loadConfigFile(path)).toEqual({
      ok: false,
      errors: [{ source: path, line: 1, col: 1, path: '', message: 'config file not found' }],
    });
  });

  it('an existing empty file is an error even when the config is optional', async () => {
    const path = join(dir, 'empty.yml');
    await writeFile(path, '');
    const result = await loadConfigFile(path, { optional: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/^config is empty/);
    expect(result.errors[0]!.source).toBe(path);
  });

  it('a directory is not a config', async () => {
    const result = await loadConfigFile(dir, { optional: true });
    expect(result).toEqual({
      ok: false,
      errors: [{ source: dir, line: 1, col: 1, path: '', message: 'not a file' }],
    });
  });
});
