import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Evidence, type EvidenceGap, type MetricSeries, type Run } from '../../src/evidence/model.js';
import { isMetalabStore, readMetalab } from '../../src/metalab/read.js';

const FIXTURES = 'fixtures/metalab';
const BIRD_SEED = { replicate0: 'bc84d675ff188232', replicate1: '086f0d9619921541' };

function unit(evidence: Evidence, name: string): Run {
  const runs = evidence.projects.flatMap((project) => project.runs);
  const found = runs.find((run) => run.name === name);
  if (!found) throw new Error(`no unit ${name}; have ${runs.map((run) => run.name).join(' | ')}`);
  return found;
}

function series(run: Run, key: string, slice: string | null = null): MetricSeries {
  const found = run.runMetrics.find((metric) => metric.key === key && metric.slice === slice);
  if (!found) throw new Error(`no series ${key}@${slice} in ${run.name}`);
  return found;
}

function gapsOf(evidence: Evidence, code: EvidenceGap['code']): EvidenceGap[] {
  return evidence.gaps.filter((gap) => gap.code === code);
}

/** Replicate values keyed by seed, so assertions do not depend on the order the reader chose. */
function bySeed(metric: MetricSeries): Record<string, number> {
  return Object.fromEntries(metric.replicateSeeds!.map((seed, index) => [seed, metric.replicates[index]!]));
}

describe('isMetalabStore', () => {
  it('recognises a collection root and an experiment directory, and nothing else', async () => {
    expect(await isMetalabStore(`${FIXTURES}/baseline`)).toBe(true);
    expect(await isMetalabStore(`${FIXTURES}/baseline/gate_demo_1.0`)).toBe(true);
    expect(await isMetalabStore('fixtures/contexta/quickstart')).toBe(false);
    expect(await isMetalabStore(FIXTURES)).toBe(false);
    expect(await isMetalabStore(`${FIXTURES}/does-not-exist`)).toBe(false);
  });
});

describe('baseline store', () => {
  let evidence: Evidence;
  beforeAll(async () => {
    evidence = await readMetalab(`${FIXTURES}/baseline`);
  });

  it('is a valid Evidence value with one metalab project and no gaps', () => {
    expect(() => Evidence.parse(evidence)).not.toThrow();
    expect(evidence.source).toEqual({
      kind: 'metalab',
      root: `${FIXTURES}/baseline`,
      workspaces: [{ path: 'gate_demo_1.0', layouts: ['metalab'] }],
    });
    expect(evidence.gaps).toEqual([]);
    expect(evidence.projects.map((project) => project.name)).toEqual(['gate_demo:1.0']);
  });

  it('has the four parameter combinations as units, each with both seeds succeeded', () => {
    const runs = evidence.projects[0]!.runs;
    expect(runs.map((run) => run.name).sort()).toEqual([
      'lr=0.01, model=linear',
      'lr=0.01, model=mlp',
      'lr=0.1, model=linear',
      'lr=0.1, model=mlp',
    ]);
    for (const run of runs) {
      expect(run.status).toBe('completed');
      expect(run.ref).toBe(`metalab:gate_demo:1.0/${run.name}`);
      expect(run.stages).toEqual([]);
      expect(run.recordCount).toBe(2);
      expect(run.metalab?.replicates.map((replica) => replica.status)).toEqual(['success', 'success']);
      expect(run.metalab?.replicates.map((replica) => replica.seedFingerprint).sort()).toEqual(
        [BIRD_SEED.replicate1, BIRD_SEED.replicate0].sort(),
      );
      expect(run.metalab?.expectedReplicates).toBe(2);
    }
    expect(unit(evidence, 'lr=0.1, model=mlp').params).toEqual({ lr: 0.1, model: 'mlp' });
  });

  it('averages accuracy and the bird slice over the two seeds of mlp, lr=0.1', () => {
    const run = unit(evidence, 'lr=0.1, model=mlp');
    const accuracy = series(run, 'accuracy');
    expect(accuracy.latest.value).toBeCloseTo((0.8681 + 0.8714) / 2, 10);
    expect(accuracy.count).toBe(2);
    expect(bySeed(accuracy)).toEqual({ [BIRD_SEED.replicate0]: 0.8681, [BIRD_SEED.replicate1]: 0.8714 });
    expect(accuracy.completeness).toBe('complete');
    expect(accuracy.nonFinite).toBe(0);

    const bird = series(run, 'per_class_accuracy', 'bird');
    expect(bird.latest.value).toBeCloseTo((0.8481 + 0.8514) / 2, 10);
    expect(bySeed(bird)).toEqual({ [BIRD_SEED.replicate0]: 0.8481, [BIRD_SEED.replicate1]: 0.8514 });
    expect(
      run.runMetrics.filter((metric) => metric.key === 'per_class_accuracy').map((metric) => metric.slice),
    ).toEqual(['bird', 'cat', 'dog']);
  });

  it('reads stepped loss and val_accuracy with three steps, latest = last step', () => {
    const run = unit(evidence, 'lr=0.1, model=mlp');
    for (const key of ['loss', 'val_accuracy']) {
      const stepped = series(run, key);
      expect(stepped.steps).toEqual({ count: 3, first: 0, last: 2, min: 0, max: 2 });
      expect(stepped.latest.step).toBe(2);
    }
    const raw = JSON.parse(
      readFileSync(`${FIXTURES}/baseline/gate_demo_1.0/results/381610338e493922/loss.json`, 'utf8'),
    ) as { data: Array<[number, number]> };
    expect(bySeed(series(run, 'loss'))[BIRD_SEED.replicate0]).toBe(raw.data[2]![1]);
  });

  it('reads derived metrics under the derived_ prefix and booleans as 1/0', () => {
    const run = unit(evidence, 'lr=0.1, model=mlp');
    expect(bySeed(series(run, 'derived_worst_class_accuracy'))).toEqual({
      [BIRD_SEED.replicate0]: 0.8481,
      [BIRD_SEED.replicate1]: 0.8514,
    });
    expect(series(run, 'converged').replicates).toEqual([1, 1]);
    expect(series(run, 'latency_ms').latest.value).toBe(31);
    expect(evidence.notes.some((note) => note.includes('boolean') && note.includes('converged'))).toBe(true);
  });

  it('re-roots artifact uris into the store and verifies them against the recorded hash', () => {
    const run = unit(evidence, 'lr=0.1, model=mlp');
    expect(run.artifacts).toHaveLength(4);
    const report = run.artifacts.find((artifact) =>
      artifact.ref.endsWith(`@${BIRD_SEED.replicate0}/report`),
    )!;
    expect(report.location).toBe('gate_demo_1.0/artifacts/381610338e493922/report.md');
    expect(report.source).toBe('metalab');
    expect(report.kind).toBe('report');
    expect(report.status).toBe('verified');
    const bytes = readFileSync(`${FIXTURES}/baseline/${report.location}`);
    expect(report.sizeBytes).toBe(bytes.length);
    expect(report.hash).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
  });
});

describe('candidate store', () => {
  let evidence: Evidence;
  let baseline: Evidence;
  beforeAll(async () => {
    evidence = await readMetalab(`${FIXTURES}/candidate`);
    baseline = await readMetalab(`${FIXTURES}/baseline`);
  });

  it('has six units; every baseline unit pairs by name although every run id differs', () => {
    expect(() => Evidence.parse(evidence)).not.toThrow();
    const names = evidence.projects[0]!.runs.map((run) => run.name);
    expect(names).toHaveLength(6);
    for (const run of baseline.projects[0]!.runs) {
      expect(names).toContain(run.name);
      const candidateIds = unit(evidence, run.name).metalab!.replicates.map((replica) => replica.runId);
      for (const replica of run.metalab!.replicates) expect(candidateIds).not.toContain(replica.runId);
    }
  });

  it('carries the planted regression of mlp, lr=0.1', () => {
    const run = unit(evidence, 'lr=0.1, model=mlp');
    expect(run.status).toBe('completed');
    expect(series(run, 'accuracy').latest.value).toBeCloseTo((0.8181 + 0.8214) / 2, 10);
    expect(series(run, 'per_class_accuracy', 'bird').latest.value).toBeCloseTo((0.7281 + 0.7314) / 2, 10);
  });

  it('reads mlp latency 29.0 against 31.0 in the baseline', () => {
    for (const name of ['lr=0.01, model=mlp', 'lr=0.1, model=mlp']) {
      expect(series(unit(evidence, name), 'latency_ms').replicates).toEqual([29, 29]);
      expect(series(unit(baseline, name), 'latency_ms').replicates).toEqual([31, 31]);
    }
  });

  it('marks mlp, lr=1.0 failed with one error gap per failed seed, without traceback or metrics', () => {
    const run = unit(evidence, 'lr=1, model=mlp');
    expect(run.status).toBe('failed');
    expect(run.runMetrics).toEqual([]);
    expect(run.metalab!.replicates.map((replica) => replica.status)).toEqual(['failed', 'failed']);
    const failed = gapsOf(evidence, 'run_failed');
    expect(failed.map((gap) => gap.ref).sort()).toEqual(['adf29a9cb5992706', 'f9602cfe9a1286dd']);
    for (const gap of failed) {
      expect(gap.severity).toBe('error');
      expect(gap.runRef).toBe(run.ref);
      expect(gap.file).toBe(`gate_demo_1.0/runs/${gap.ref}.json`);
      expect(gap.message).toContain('FloatingPointError: loss diverged at epoch 1');
      expect(gap.message).not.toContain('Traceback');
      expect(gap.message).not.toContain('site-packages');
      expect(gap.message).toContain(`gate_demo_1.0/logs/${gap.ref}_run.log`);
    }
    expect(evidence.gaps.filter((gap) => gap.severity === 'error')).toHaveLength(2);
  });

  it('keeps the new linear, lr=1.0 unit complete', () => {
    const run = unit(evidence, 'lr=1, model=linear');
    expect(run.status).toBe('completed');
    expect(series(run, 'accuracy').replicates.sort()).toEqual([0.7881, 0.7914]);
  });
});

describe('interrupted store', () => {
  let evidence: Evidence;
  beforeAll(async () => {
    evidence = await readMetalab(`${FIXTURES}/interrupted`);
  });

  it('reports the crashed running run and the never-written run as error gaps of their unit', () => {
    expect(() => Evidence.parse(evidence)).not.toThrow();
    const run = unit(evidence, 'lr=0.1, model=mlp');
    expect(run.status).toBe('open');
    expect(run.runMetrics).toEqual([]);
    expect(run.metalab!.replicates).toEqual([
      { runId: '35dfe957e77f50c5', seedFingerprint: BIRD_SEED.replicate0, status: 'running' },
      { runId: '5a6622a87f0fc8d3', seedFingerprint: null, status: 'missing' },
    ]);

    const [stale] = gapsOf(evidence, 'run_incomplete');
    expect(stale).toMatchObject({
      severity: 'error',
      ref: '35dfe957e77f50c5',
      runRef: run.ref,
      file: 'gate_demo_1.0/runs/35dfe957e77f50c5.json',
    });
    const [missing] = gapsOf(evidence, 'run_missing');
    expect(missing).toMatchObject({ severity: 'error', ref: '5a6622a87f0fc8d3', runRef: run.ref });
    const [lost] = gapsOf(evidence, 'series_lost');
    expect(lost).toMatchObject({ ref: '35dfe957e77f50c5', runRef: run.ref });
    expect(lost!.message).toContain('loss, val_accuracy');
  });

  it('still reads the three other units in full', () => {
    const others = evidence.projects[0]!.runs.filter((run) => run.name !== 'lr=0.1, model=mlp');
    expect(others.map((run) => run.name)).toEqual([
      'lr=0.01, model=linear',
      'lr=0.01, model=mlp',
      'lr=0.1, model=linear',
    ]);
    for (const run of others) {
      expect(run.status).toBe('completed');
      expect(series(run, 'accuracy').count).toBe(2);
    }
    expect(series(unit(evidence, 'lr=0.01, model=mlp'), 'accuracy').replicates.sort()).toEqual([
      0.8981, 0.9014,
    ]);
  });
});

describe('edge store', () => {
  let evidence: Evidence;
  beforeAll(async () => {
    evidence = await readMetalab(`${FIXTURES}/edge`);
  });

  it('reads a file with bare NaN and Infinity and reports those values instead of comparing them', () => {
    expect(() => Evidence.parse(evidence)).not.toThrow();
    const run = unit(evidence, 'variant=only');
    expect(run.project).toBe('gate_edge:0.1');
    expect(run.status).toBe('completed');
    const keys = run.runMetrics.map((metric) => metric.key);
    expect(keys).not.toContain('accuracy');
    expect(keys).not.toContain('loss_final');
    expect(keys).not.toContain('best_model');
    const nonFinite = gapsOf(evidence, 'non_finite_number');
    const about = (word: string) => nonFinite.find((gap) => gap.message.includes(word));
    expect(about('metric accuracy')).toMatchObject({ severity: 'warning', runRef: run.ref });
    expect(about('metric accuracy')!.message).toContain('NaN');
    expect(about('metric loss_final')!.message).toContain('Infinity');
    expect(about('metric best_model')).toMatchObject({ severity: 'info' });
    expect(about('metric best_model')!.message).toContain('"mlp"');
  });

  it('reads the boolean as 0 and the integer as is', () => {
    const run = unit(evidence, 'variant=only');
    expect(series(run, 'converged').replicates).toEqual([0]);
    expect(series(run, 'n_samples').latest.value).toBe(1200);
  });

  it('keeps the scalar val_accuracy and the stepped one apart, the scalar under the plain key', () => {
    const run = unit(evidence, 'variant=only');
    const scalar = series(run, 'val_accuracy');
    expect(scalar.latest.value).toBe(0.91);
    expect(scalar.steps).toBeNull();
    const stepped = series(run, 'val_accuracy.steps');
    expect(stepped.latest.value).toBe(0.905);
    expect(stepped.steps).toEqual({ count: 2, first: 0, last: 1, min: 0, max: 1 });
    expect(evidence.notes.some((note) => note.includes('val_accuracy.steps'))).toBe(true);
  });
});
