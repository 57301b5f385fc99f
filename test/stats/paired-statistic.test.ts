import { describe, expect, it } from 'vitest';
import {
  binaryLabel,
  type ClassificationOutcomes,
  type PairedStatisticResult,
  pairedBootstrap,
  pairedClassificationBootstrap,
  pairedMeanTest,
  pairedQuantileBootstrap,
  Rng,
  StatsInputError,
  scoreRanking,
  sortedOrder,
  weightedAuc,
  weightedBinaryMetric,
  weightedQuantile,
} from '../../src/stats/index.js';
import { confusionCells, toBinary } from '../../src/stats/metrics.js';
import { mergedOrder } from '../../src/stats/paired-statistic.js';

// Fixed latency-like data; reference quantiles from numpy 2.4.6 `np.quantile(x, q)` (default method
// 'linear' = Hyndman & Fan type 7).
const X = [
  412.5, 380.1, 399.9, 1020.4, 455.0, 380.1, 610.2, 388.8, 702.3, 395.5, 433.3, 501.0, 377.7, 980.0, 420.0,
  415.1, 390.0, 405.5, 620.0, 399.9,
];
const Y = [
  400.0, 390.2, 410.3, 1200.8, 470.1, 385.5, 590.0, 380.0, 760.9, 401.0, 440.4, 520.5, 379.9, 1100.0, 415.0,
  430.2, 392.0, 410.0, 650.5, 405.0,
];
const QUANTILES: [number, number, number][] = [
  [0.5, 413.8, 412.65],
  [0.9, 730.0700000000004, 794.8100000000005],
  [0.95, 982.02, 1105.04],
  [0.99, 1012.7239999999999, 1181.648],
  [0, 377.7, 379.9],
  [1, 1020.4, 1200.8],
];

// Binary classification data; reference values computed by hand in Python (tp/fp/fn counts) and ROC AUC
// as scipy 1.17.1 mannwhitneyu(pos, neg).statistic / (n1·n0).
const LABEL = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1];
const PRED_B = [1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1];
const PRED_C = [1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 1];
const SCORE_B = [
  0.9, 0.2, 0.8, 0.45, 0.3, 0.6, 0.7, 0.1, 0.85, 0.75, 0.3, 0.2, 0.55, 0.95, 0.45, 0.3, 0.65, 0.05, 0.3, 0.7,
];
const SCORE_C = [
  0.8, 0.3, 0.4, 0.45, 0.3, 0.6, 0.7, 0.2, 0.85, 0.4, 0.35, 0.6, 0.55, 0.9, 0.35, 0.3, 0.65, 0.1, 0.45, 0.7,
];
/** Multiplicities for a weighted check: np.repeat(values, W) is the expanded data. */
const W = [0, 3, 1, 2, 0, 1, 0, 2, 1, 0, 1, 0, 3, 1, 2, 0, 1, 0, 1, 1];

const BASELINE: ClassificationOutcomes = { label: LABEL, prediction: PRED_B, score: SCORE_B };
const CANDIDATE: ClassificationOutcomes = { label: LABEL.map(String), prediction: PRED_C, score: SCORE_C };

function ok(result: ReturnType<typeof pairedQuantileBootstrap>): PairedStatisticResult {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.reason}`);
  return result;
}

describe('weighted point statistics', () => {
  it('type-7 quantiles match numpy, with and without multiplicities', () => {
    const x = Float64Array.from(X);
    const y = Float64Array.from(Y);
    for (const [q, qx, qy] of QUANTILES) {
      expect(weightedQuantile(x, sortedOrder(x), null, q)).toBeCloseTo(qx, 9);
      expect(weightedQuantile(y, sortedOrder(y), null, q)).toBeCloseTo(qy, 9);
    }
    // numpy: np.quantile(np.repeat(X, [2,0,1,0,3,1,0,0,1,2,0,1,1,0,2,1,1,1,2,1]), q)
    const w = [2, 0, 1, 0, 3, 1, 0, 0, 1, 2, 0, 1, 1, 0, 2, 1, 1, 1, 2, 1];
    expect(weightedQuantile(x, sortedOrder(x), w, 0.95)).toBeCloseTo(624.115, 9);
    expect(weightedQuantile(x, sortedOrder(x), w, 0.5)).toBeCloseTo(413.8, 9);
    expect(weightedQuantile(x, sortedOrder(x), w, 0.37)).toBeCloseTo(405.71, 9);
  });

  it('precision, recall, f1 and AUC match the hand/scipy values', () => {
    const cellsB = confusionCells(toBinary('l', LABEL), toBinary('p', PRED_B));
    const cellsC = confusionCells(toBinary('l', LABEL), toBinary('p', PRED_C));
    // Baseline tp=8 fp=2 fn=2; candidate tp=6 fp=3 fn=4.
    expect(weightedBinaryMetric(cellsB, null, 'precision')).toBeCloseTo(0.8, 15);
    expect(weightedBinaryMetric(cellsB, null, 'recall')).toBeCloseTo(0.8, 15);
    expect(weightedBinaryMetric(cellsB, null, 'f1')).toBeCloseTo(0.8, 15);
    expect(weightedBinaryMetric(cellsC, null, 'precision')).toBeCloseTo(0.6666666666666666, 15);
    expect(weightedBinaryMetric(cellsC, null, 'recall')).toBeCloseTo(0.6, 15);
    expect(weightedBinaryMetric(cellsC, null, 'f1')).toBeCloseTo(0.631578947368421, 15);
    const label = toBinary('l', LABEL);
    expect(weightedAuc(label, scoreRanking(Float64Array.from(SCORE_B)), null)).toBeCloseTo(0.96, 15);
    expect(weightedAuc(label, scoreRanking(Float64Array.from(SCORE_C)), null)).toBeCloseTo(0.84, 15);
    // Expanded by W: tp=5 fp=4 fn=4 → 5/9 each; AUC (scipy mannwhitneyu on np.repeat) 0.8383838383838383.
    expect(weightedBinaryMetric(cellsB, W, 'f1')).toBeCloseTo(0.5555555555555556, 15);
    expect(weightedBinaryMetric(cellsB, W, 'precision')).toBeCloseTo(0.5555555555555556, 15);
    expect(weightedAuc(label, scoreRanking(Float64Array.from(SCORE_B)), W)).toBeCloseTo(
      0.8383838383838383,
      15,
    );
  });

  it('zero_division = 0 and AUC undefined with one class', () => {
    const cells = confusionCells(Uint8Array.from([0, 0, 0]), Uint8Array.from([0, 0, 0]));
    expect(weightedBinaryMetric(cells, null, 'f1')).toBe(0);
    expect(weightedBinaryMetric(cells, null, 'precision')).toBe(0);
    expect(weightedAuc(Uint8Array.from([1, 1]), scoreRanking(Float64Array.from([0.2, 0.4])), null)).toBeNaN();
  });

  it('binaryLabel reads numbers, booleans and strings', () => {
    expect([1, true, '1', 'true', ' TRUE '].map(binaryLabel)).toEqual([1, 1, 1, 1, 1]);
    expect([0, false, '0', 'False'].map(binaryLabel)).toEqual([0, 0, 0, 0]);
    expect(['yes', 2, null, undefined, 'cat'].map(binaryLabel)).toEqual([null, null, null, null, null]);
  });
});

describe('pairedQuantileBootstrap', () => {
  it('point estimates are the full-data quantiles; deterministic by seed; interval brackets the estimate', () => {
    const first = ok(pairedQuantileBootstrap(X, Y, 0.5, { alternative: 'greater', seed: 7 }));
    expect(first).toMatchObject({ status: 'ok', statistic: 'p50', n: 20, alternative: 'greater', seed: 7 });
    expect(first.baseline).toBeCloseTo(413.8, 9);
    expect(first.candidate).toBeCloseTo(412.65, 9);
    expect(first.difference).toBeCloseTo(412.65 - 413.8, 9);
    expect(pairedQuantileBootstrap(X, Y, 0.5, { alternative: 'greater', seed: 7 })).toEqual(first);
    expect(first.interval[0]).toBeLessThanOrEqual(first.difference);
    expect(first.interval[1]).toBeGreaterThanOrEqual(first.difference);
    expect(first.validResamples).toBe(2000);
    expect(pairedQuantileBootstrap(X, Y, 0.5, { alternative: 'greater', seed: 8 })).not.toEqual(first);
  });

  it('catches a p95 rise that the mean hides', () => {
    // Candidate: faster on most requests, much slower in the tail — the "p95 +21 % passes".
    const rng = new Rng(3);
    const n = 400;
    const base = new Float64Array(n);
    const cand = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      base[i] = 400 * Math.exp(0.3 * (rng.nextDouble() + rng.nextDouble() - 1));
      cand[i] = base[i]! * (rng.nextDouble() < 0.1 ? 1.8 : 0.85);
    }
    const mean = pairedBootstrap(base, cand, { alternative: 'greater' });
    const p95 = ok(pairedQuantileBootstrap(base, cand, 0.95, { alternative: 'greater' }));
    expect(mean.difference).toBeLessThan(0);
    expect(mean.pValue).toBeGreaterThan(0.5);
    expect(p95.difference).toBeGreaterThan(0);
    expect(p95.pValue).toBeLessThan(0.01);
  });

  it('guards small n and rejects bad input', () => {
    expect(pairedQuantileBootstrap([1, 2, 3], [1, 2, 4], 0.95, { alternative: 'greater' })).toMatchObject({
      status: 'insufficient',
      cause: 'too-few-pairs',
      n: 3,
    });
    expect(() => pairedQuantileBootstrap([1, 2], [1], 0.5, { alternative: 'less' })).toThrow(StatsInputError);
    expect(() => pairedQuantileBootstrap(X, Y, 1.5, { alternative: 'less' })).toThrow(StatsInputError);
    expect(() =>
      pairedQuantileBootstrap([...X.slice(1), Number.NaN], Y, 0.5, { alternative: 'less' }),
    ).toThrow(StatsInputError);
  });
});

describe('pairedClassificationBootstrap', () => {
  it('reports full-data f1/precision/recall/auc and a one-sided p in the worsening direction', () => {
    const expected = {
      f1: [0.8, 0.631578947368421],
      precision: [0.8, 0.6666666666666666],
      recall: [0.8, 0.6],
      auc: [0.96, 0.84],
    };
    for (const [metric, [b, c]] of Object.entries(expected)) {
      const result = ok(
        pairedClassificationBootstrap(BASELINE, CANDIDATE, metric as 'f1', { seed: 11, resamples: 1000 }),
      );
      expect(result.alternative).toBe('less');
      expect(result.statistic).toBe(metric);
      expect(result.baseline).toBeCloseTo(b!, 12);
      expect(result.candidate).toBeCloseTo(c!, 12);
      expect(result.interval[0]).toBeLessThanOrEqual(result.difference);
      expect(result.interval[1]).toBeGreaterThanOrEqual(result.difference);
      expect(result.pValue).toBeGreaterThan(0);
      expect(result.pValue).toBeLessThanOrEqual(1);
      // Reversing the roles reverses the direction: the p-values of `less` and `greater` nearly add to 1.
      const greater = ok(
        pairedClassificationBootstrap(BASELINE, CANDIDATE, metric as 'f1', {
          seed: 11,
          resamples: 1000,
          alternative: 'greater',
        }),
      );
      expect(result.pValue + greater.pValue).toBeGreaterThanOrEqual(1);
    }
  });

  it('macro-f1 matches scikit-learn’s macro average (classes from labels ∪ predictions)', () => {
    // Hand computation in Python: classes bird, cat, dog, fish → F1 0.4, 0.8, 0.75, 0.0 → 0.4875.
    const label = ['cat', 'dog', 'bird', 'cat', 'dog', 'cat', 'bird', 'dog', 'cat', 'bird', 'dog', 'cat'];
    const prediction = [
      'cat',
      'dog',
      'cat',
      'cat',
      'bird',
      'cat',
      'bird',
      'dog',
      'dog',
      'fish',
      'dog',
      'cat',
    ];
    const result = pairedClassificationBootstrap(
      { label, prediction },
      { label, prediction: label },
      'macro-f1',
      {
        resamples: 200,
      },
    );
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(result.baseline).toBeCloseTo(0.4875, 12);
    expect(result.candidate).toBe(1);
  });

  it('same seed, same indices: identical sides give a zero difference and p = 1', () => {
    const result = ok(pairedClassificationBootstrap(BASELINE, BASELINE, 'auc', { resamples: 500 }));
    expect(result.difference).toBe(0);
    expect(result.interval).toEqual([0, 0]);
    expect(result.pValue).toBe(1);
  });

  it('insufficient for a single class or too few pairs; errors for missing fields', () => {
    const one = { label: new Array(20).fill(1), score: SCORE_B };
    expect(pairedClassificationBootstrap(one, one, 'auc')).toMatchObject({
      status: 'insufficient',
      cause: 'undefined-statistic',
    });
    const few = { label: [1, 0, 1], prediction: [1, 0, 0] };
    expect(pairedClassificationBootstrap(few, few, 'f1')).toMatchObject({ status: 'insufficient', n: 3 });
    expect(() => pairedClassificationBootstrap({ label: LABEL }, CANDIDATE, 'f1')).toThrow(/prediction/);
    expect(() =>
      pairedClassificationBootstrap({ label: LABEL.map(() => 'maybe'), prediction: PRED_B }, CANDIDATE, 'f1'),
    ).toThrow(StatsInputError);
  });

  it('is fast: n = 1000, 2000 resamples of f1 and auc well under 0.3 s', () => {
    const rng = new Rng(5);
    const n = 1000;
    const make = () => {
      const label = new Uint8Array(n);
      const score = new Float64Array(n);
      const prediction = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        label[i] = rng.nextDouble() < 0.4 ? 1 : 0;
        score[i] = Math.round((label[i]! * 0.8 + rng.nextDouble()) * 100) / 100;
        prediction[i] = score[i]! > 0.9 ? 1 : 0;
      }
      return { label, score, prediction };
    };
    const a = make();
    const b = { ...make(), label: a.label };
    const started = performance.now();
    ok(pairedClassificationBootstrap(a, b, 'f1'));
    ok(pairedClassificationBootstrap(a, b, 'auc'));
    const elapsed = performance.now() - started;
    // Measured ≈ 0.1 s on the 2-core machine; the bound leaves room for a busy CI runner.
    if (process.env.STATS_TIMING) console.log(`f1+auc n=1000 R=2000: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('one-sided mean bootstrap and the minPairs guard', () => {
  it('one-sided p-values are the halves of the two-sided one, on the same resamples', () => {
    const rng = new Rng(9);
    const base = Array.from({ length: 60 }, () => rng.nextDouble());
    const cand = base.map((v) => v - 0.05 + 0.2 * (rng.nextDouble() - 0.5));
    const two = pairedBootstrap(base, cand, { seed: 4 });
    const less = pairedBootstrap(base, cand, { seed: 4, alternative: 'less' });
    const greater = pairedBootstrap(base, cand, { seed: 4, alternative: 'greater' });
    expect(two.alternative).toBe('two-sided');
    expect(less.interval).toEqual(two.interval);
    expect(two.pValue).toBeCloseTo(2 * Math.min(less.pValue, greater.pValue), 12);
    expect(less.pValue).toBeLessThan(0.05);
    expect(greater.pValue).toBeGreaterThan(0.9);
    // At least 1/(R+1), never 0.
    expect(less.pValue).toBeGreaterThanOrEqual(1 / 2001);
  });

  it('pairedMeanTest: n < minPairs → insufficient, otherwise the bootstrap with status ok', () => {
    expect(pairedMeanTest([1, 2], [0, 0], { alternative: 'less' })).toEqual({
      status: 'insufficient',
      cause: 'too-few-pairs',
      n: 2,
      minPairs: 10,
      reason: '2 pairs, fewer than min_pairs = 10',
    });
    expect(pairedMeanTest([], [], {})).toMatchObject({ status: 'insufficient', n: 0 });
    const base = Array.from({ length: 12 }, (_, i) => i);
    const result = pairedMeanTest(
      base,
      base.map((v) => v + 1),
      { alternative: 'greater' },
    );
    expect(result).toMatchObject({ status: 'ok', alternative: 'greater', difference: 1 });
    expect(() => pairedMeanTest([1], [1, 2])).toThrow(StatsInputError);
    expect(() => pairedMeanTest(base, base, { minPairs: 0 })).toThrow(StatsInputError);
  });
});

describe('mergedOrder', () => {
  it('is the stable sort of the two samples one after the other, ties and signed zeros included', () => {
    const rng = (seed: number) => () => {
      seed = (Math.imul(seed, 1103515245) + 12345) | 0;
      return (seed >>> 8) / 2 ** 24;
    };
    for (const [size, seed] of [
      [1, 1],
      [7, 2],
      [200, 3],
      [1000, 4],
    ] as const) {
      const next = rng(seed);
      // Few distinct values, so many ties within and across the samples; -0 beside 0.
      const value = () => [0, -0, 1, 2, 2.5, -3][Math.floor(next() * 6)]!;
      const x = Float64Array.from({ length: size }, value);
      const y = Float64Array.from({ length: size + 3 }, value);
      const both = new Float64Array(x.length + y.length);
      both.set(x);
      both.set(y, x.length);
      expect(Array.from(mergedOrder(x, sortedOrder(x), y, sortedOrder(y)))).toEqual(
        Array.from(sortedOrder(both)),
      );
    }
  });
});
