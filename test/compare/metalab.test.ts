import { describe, expect, it } from 'vitest';
import { judgeRuns } from '../../src/engine/engine.js';
import type { Evidence } from '../../src/evidence/model.js';
import { DEFAULT_CONFIG } from '../../src/gates/config.js';
import { readMetalab } from '../../src/metalab/read.js';
import { loadConfig } from '../support/engine-fixtures.js';

const stores = new Map<string, Promise<Evidence>>();
const store = (name: string) => {
  if (!stores.has(name)) stores.set(name, readMetalab(`fixtures/metalab/${name}`));
  return stores.get(name)!;
};

const SLICES = `
version: 1
gates:
  - name: per-class floor
    metric: "*/per_class_accuracy"
    slices: all
    max_drop: 0.1
  - name: accuracy
    metric: run/accuracy
    max_drop: 0.02
    significance: 0.05
`;

describe('metalab stores', () => {
  it('finds the mlp, lr=0.1 accuracy drop of about 0.05 and its bird slice drop of about 0.12', async () => {
    const report = judgeRuns({
      baseline: await store('baseline'),
      candidate: await store('candidate'),
      config: await loadConfig(SLICES),
    });
    const unit = report.comparisons.find((c) => c.unit === 'lr=0.1, model=mlp')!;
    expect(unit.presence).toBe('both');
    const row = (key: string, slice: string | null = null) =>
      unit.metrics.find((m) => m.stage === null && m.key === key && m.slice === slice)!;
    expect(row('accuracy').delta!).toBeCloseTo(-0.05, 6);
    expect(row('accuracy').change).toBe('worse');
    expect(row('accuracy').baselineReplicates).toHaveLength(2);
    expect(row('per_class_accuracy', 'bird').delta!).toBeCloseTo(-0.12, 6);
    // snake_case keys get the built-in directions too: latency improves 31 → 29 (lower is better).
    expect(row('latency_ms')).toMatchObject({
      baseline: 31,
      candidate: 29,
      direction: 'lower',
      change: 'better',
    });

    const floor = report.gates.find((g) => g.name === 'per-class floor')!;
    expect(floor.outcome).toBe('fail');
    expect(floor.worst).toMatchObject({ unit: 'lr=0.1, model=mlp', slice: 'bird' });
    expect(floor.message).toContain(
      'gate_demo:1.0/lr=0.1, model=mlp: per_class_accuracy@bird dropped 0.8498 → 0.7298',
    );
    // metalab has no per-sample outcomes: the significance gate falls back to the raw limit and says so.
    const accuracy = report.gates.find((g) => g.name === 'accuracy')!;
    expect(accuracy.outcome).toBe('fail');
    expect(accuracy.worst?.reason).toContain('accuracy: no per-sample evidence — judged on the raw limit');
    expect(
      accuracy.evidence.some((e) => e.endsWith(': no per-sample evidence — judged on the raw limit')),
    ).toBe(true);
    const finding = report.findings.find((f) => f.code === 'slice_regression')!;
    expect(finding).toMatchObject({ unit: 'lr=0.1, model=mlp', slice: 'bird', severity: 'error' });

    // The other units only change where the README says: mlp latency 31 → 29, nothing worse.
    const others = report.comparisons.filter((c) => c.presence === 'both' && c.unit !== 'lr=0.1, model=mlp');
    expect(others.map((c) => c.unit)).toEqual([
      'lr=0.01, model=linear',
      'lr=0.01, model=mlp',
      'lr=0.1, model=linear',
    ]);
    const changed = others.flatMap((c) =>
      c.metrics.filter((m) => m.change !== 'unchanged').map((m) => `${c.unit}: ${m.key} ${m.change}`),
    );
    expect(changed).toEqual(['lr=0.01, model=mlp: latency_ms better']);
  });

  it('new parameter units are reported without a baseline; failed replicates are missing evidence', async () => {
    const report = judgeRuns({
      baseline: await store('baseline'),
      candidate: await store('candidate'),
      config: DEFAULT_CONFIG,
    });
    const added = report.comparisons.filter((c) => c.presence === 'candidate_only').map((c) => c.unit);
    expect(added).toEqual(['lr=1, model=linear', 'lr=1, model=mlp']);
    expect(report.gates.some((g) => g.name === 'policy.missing_baseline')).toBe(false);
    const failed = report.findings.find(
      (f) => f.code === 'missing_evidence' && f.unit === 'lr=1, model=mlp' && f.severity === 'error',
    )!;
    expect(failed.title.text).toContain('candidate replicates did not all succeed (2 failed)');
    expect(report.verdict).toBe('fail');
  });

  it('an interrupted candidate never passes: the crashed unit is missing evidence', async () => {
    const report = judgeRuns({
      baseline: await store('baseline'),
      candidate: await store('interrupted'),
      config: DEFAULT_CONFIG,
    });
    expect(report.verdict).toBe('fail');
    const titles = report.findings.filter((f) => f.unit === 'lr=0.1, model=mlp').map((f) => f.title.text);
    expect(titles.some((t) => t.includes('1 running, 1 missing'))).toBe(true);
    expect(
      titles.some((t) =>
        t.includes('run-level metrics in the baseline but missing from the candidate: accuracy'),
      ),
    ).toBe(true);
  });
});
