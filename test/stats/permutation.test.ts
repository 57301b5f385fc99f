import { describe, expect, it } from 'vitest';
import { pairedClassificationBootstrap, pairedQuantileBootstrap, Rng } from '../../src/stats/index.js';

// Reference values: scipy 1.x `scipy.stats.permutation_test((baseline, candidate), statistic,
// permutation_type='samples', n_resamples=np.inf)`, i.e. every one of the 2^12 swaps enumerated. f1 is
// computed from codes 2·label + prediction so that swapping a pair swaps the sample's confusion cell.
const label = [1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1];
const predictionB = [1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1];
const predictionC = [0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1];
const latencyB = [120, 135, 150, 110, 160, 175, 140, 155, 130, 145, 170, 125];
const latencyC = [150, 140, 180, 115, 190, 185, 150, 160, 135, 170, 200, 130];

describe('paired permutation p-values', () => {
  it('f1: the exact permutation p of scipy (0.0625, f1 −0.3571)', () => {
    const r = pairedClassificationBootstrap(
      { label, prediction: predictionB },
      { label, prediction: predictionC },
      'f1',
      { resamples: 4096, alternative: 'less', minPairs: 10 },
    );
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.difference).toBeCloseTo(-0.3571428571428571, 12);
    expect(r.pValueMethod).toBe('permutation');
    expect(r.pValue).toBe(0.0625);
  });

  it('p90 latency: the exact permutation p of scipy (0.03125, +20.5 ms)', () => {
    const r = pairedQuantileBootstrap(latencyB, latencyC, 0.9, {
      resamples: 4096,
      alternative: 'greater',
      minPairs: 10,
    });
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(r.difference).toBeCloseTo(20.5, 9);
    expect(r.pValue).toBe(0.03125);
  });

  it('Monte Carlo p is (1 + #extreme)/(1 + B), close to the exact one and never 0', () => {
    const r = pairedQuantileBootstrap(latencyB, latencyC, 0.9, { resamples: 2000, alternative: 'greater' });
    if (r.status !== 'ok') throw new Error(r.reason);
    expect(Math.abs(r.pValue - 0.03125)).toBeLessThan(4 * Math.sqrt((0.03125 * 0.97) / 2000));
    const same = pairedQuantileBootstrap(latencyB, latencyB, 0.9, {
      resamples: 2000,
      alternative: 'greater',
    });
    if (same.status !== 'ok') throw new Error(same.reason);
    expect(same.pValue).toBe(1);
  });

  it('holds its level on 36 pairs: f1 and auc under the null', () => {
    // Two equally skilled, correlated classifiers on 36 samples (the small slices of docs/calibration.md),
    // 400 seeded draws: the rejection rate at α = 0.01 stays within α + 3 SE.
    const rng = new Rng(20261202);
    const gauss = () =>
      Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    const draws = 400;
    const rejected = { f1: 0, auc: 0 };
    for (let d = 0; d < draws; d++) {
      const n = 36;
      const labels: number[] = [];
      const sides = [0, 1].map(() => ({ prediction: [] as number[], score: [] as number[] }));
      for (let i = 0; i < n; i++) {
        const y = rng.nextDouble() < 0.4 ? 1 : 0;
        labels.push(y);
        const difficulty = gauss();
        for (const side of sides) {
          const margin = 1 + difficulty + 0.8 * gauss();
          const signed = y === 1 ? margin : -margin;
          side.score.push(1 / (1 + Math.exp(-2 * signed)));
          side.prediction.push(signed > 0 ? 1 : 0);
        }
      }
      for (const metric of ['f1', 'auc'] as const) {
        const r = pairedClassificationBootstrap(
          { label: labels, ...sides[0]! },
          { label: labels, ...sides[1]! },
          metric,
          { resamples: 500, seed: d + 1 },
        );
        if (r.status === 'ok' && r.pValue <= 0.01) rejected[metric]++;
      }
    }
    const limit = 0.01 + 3 * Math.sqrt((0.01 * 0.99) / draws);
    expect(rejected.f1 / draws).toBeLessThanOrEqual(limit);
    expect(rejected.auc / draws).toBeLessThanOrEqual(limit);
  });
});
