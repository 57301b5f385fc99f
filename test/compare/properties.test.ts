import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/compare.js';
import { judgeRuns } from '../../src/engine/engine.js';
import type { Evidence, MetricSeries, Run, SampleSeries, Stage } from '../../src/evidence/model.js';
import { loadConfig } from '../support/engine-fixtures.js';
import { seriesOf } from '../support/samples.js';

const OPTIONS = { directions: [], seed: 3, resamples: 100, confidence: 0.95 };
const KEYS = ['accuracy', 'loss', 'latency-ms.p95', 'tokens.total', 'f1'] as const;
const SLICES = [null, 'region-a', 'region-b'] as const;

function series(key: string, slice: string | null, value: number): MetricSeries {
  return {
    key,
    slice,
    batch: null,
    scope: slice === null ? 'stage' : 'slice',
    unit: null,
    latest: { value, observedAt: null, recordRef: null, step: null },
    count: 1,
    steps: null,
    completeness: 'complete',
    degraded: false,
    nonFinite: Number.isFinite(value) ? 0 : 1,
    replicates: [],
    tags: {},
  };
}

function samples(outcomes: number[]): SampleSeries {
  return seriesOf({
    key: 'correct',
    names: outcomes.map((_, i) => `s-${String(i).padStart(4, '0')}`),
    values: Float64Array.from(outcomes),
    sliceIndex: Int32Array.from(outcomes, (_, i) => i % 2),
    sliceNames: ['region-a', 'region-b'],
    binary: true,
  });
}

function run(name: string, stages: Stage[]): Run {
  return {
    ref: `run:prop.${name}`,
    project: 'prop',
    name,
    status: null,
    startedAt: null,
    endedAt: null,
    stages,
    runMetrics: [],
    events: [],
    degraded: [],
    artifacts: [],
    environment: null,
    recordCount: 0,
    params: null,
  };
}

function stage(name: string, metrics: MetricSeries[], sampleSeries: SampleSeries[]): Stage {
  return {
    ref: `stage:prop.x.${name}`,
    name,
    status: null,
    orderIndex: null,
    metrics,
    samples: sampleSeries,
    batches: [],
    recordCount: metrics.length,
    partialRecords: 0,
  };
}

function evidenceOf(r: Run): Evidence {
  return {
    source: { kind: 'contexta', root: `/tmp/${r.name}`, workspaces: [] },
    projects: [{ name: 'prop', runs: [r], deployments: [] }],
    gaps: [],
    notes: [],
  };
}

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
/** A run: a random subset of key/slice series with finite values, plus per-sample outcomes. */
const arbRun = (name: string) =>
  fc
    .record({
      metrics: fc.uniqueArray(
        fc.record({ key: fc.constantFrom(...KEYS), slice: fc.constantFrom(...SLICES), value }),
        { selector: (m) => `${m.key}@${m.slice}`, maxLength: 12 },
      ),
      outcomes: fc.array(fc.constantFrom(0, 1), { minLength: 0, maxLength: 40 }),
    })
    .map(({ metrics, outcomes }) =>
      run(name, [
        stage(
          'evaluate',
          metrics.map((m) => series(m.key, m.slice, m.value)),
          outcomes.length > 0 ? [samples(outcomes)] : [],
        ),
      ]),
    );

const STRICT = `
version: 1
gates:
  - name: no change allowed
    metric: "*/*"
    max_drop: 0
    max_increase: 0
  - name: no slice change allowed
    metric: "*/*"
    slices: all
    max_drop: 0
    max_increase: 0
    min_samples: 1
`;

describe('comparison properties', () => {
  it('a run compared with itself has no change and passes even zero-tolerance gates (fails only when it has no metric at all)', async () => {
    const config = await loadConfig(STRICT);
    fc.assert(
      fc.property(arbRun('same'), (r) => {
        const e = evidenceOf(r);
        const report = judgeRuns({ baseline: e, candidate: e, config });
        const rows = report.comparisons[0]!.metrics;
        expect(rows.every((m) => m.delta === 0 && m.change === 'unchanged')).toBe(true);
        if (rows.length === 0) {
          // Nothing for the gate to judge in either run is a config problem, never a plain pass.
          expect(report.verdict).toBe('fail');
          return;
        }
        expect(report.gates.every((g) => g.outcome === 'pass' || g.outcome === 'skipped')).toBe(true);
        expect(report.verdict).toBe('pass');
        const correct = report.comparisons[0]!.samples[0];
        if (correct)
          expect(
            correct.overall.binary!.newlyFailing.count + correct.overall.binary!.newlyPassing.count,
          ).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('swapping baseline and candidate negates deltas, flips presence and better/worse', () => {
    fc.assert(
      fc.property(arbRun('left'), arbRun('right'), (left, right) => {
        const forward = compareRuns(
          { project: 'prop', unit: 'u', baseline: left, candidate: right, notes: [] },
          OPTIONS,
        );
        const backward = compareRuns(
          { project: 'prop', unit: 'u', baseline: right, candidate: left, notes: [] },
          OPTIONS,
        );
        expect(backward.metrics.map((m) => [m.stage, m.key, m.slice])).toEqual(
          forward.metrics.map((m) => [m.stage, m.key, m.slice]),
        );
        const flip = {
          better: 'worse',
          worse: 'better',
          neutral: 'neutral',
          unchanged: 'unchanged',
        } as const;
        const presence = {
          both: 'both',
          candidate_only: 'baseline_only',
          baseline_only: 'candidate_only',
        } as const;
        forward.metrics.forEach((f, i) => {
          const b = backward.metrics[i]!;
          expect(b.presence).toBe(presence[f.presence]);
          if (f.delta === null) {
            expect(b.delta).toBeNull();
            return;
          }
          expect(b.delta).toBe(f.delta === 0 ? 0 : -f.delta);
          expect(b.change).toBe(flip[f.change!]);
        });
        const fs = forward.samples.find((s) => s.presence === 'both');
        const bs = backward.samples.find((s) => s.presence === 'both');
        if (fs && bs) {
          expect(bs.overall.binary!.newlyFailing.count).toBe(fs.overall.binary!.newlyPassing.count);
          expect(bs.overall.test?.pValue).toBe(fs.overall.test?.pValue);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a non-finite value is reported and never compared', () => {
    const left = run('l', [stage('evaluate', [series('accuracy', null, 0.9)], [])]);
    const right = run('r', [stage('evaluate', [series('accuracy', null, Number.NaN)], [])]);
    const [row] = compareRuns(
      { project: 'prop', unit: 'u', baseline: left, candidate: right, notes: [] },
      OPTIONS,
    ).metrics;
    expect(row).toMatchObject({
      status: 'not_comparable',
      baseline: 0.9,
      candidate: null,
      delta: null,
      change: null,
    });
    expect(row!.reason).toContain('candidate holds 1 non-finite observation(s)');
  });
});
