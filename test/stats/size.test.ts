import { describe, expect, it } from 'vitest';
import {
  holmAdjust,
  mcnemarPValue,
  pairedBootstrap,
  pairedClassificationBootstrap,
  Rng,
} from '../../src/stats/index.js';

/*
 * False-alarm rate (size) of each test under H0, at α = 0.05 one-sided (`less`: candidate worse).
 * McNemar is computed EXACTLY by enumerating every table (b, c) of the trinomial for two independent
 * models with the same accuracy p0 = 0.8 (P(b-type) = P(c-type) = 0.16); the bootstrap and Holm by small
 * seeded simulations. Larger simulations through the real CLI live in scripts/calibrate.mjs.
 */

function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}

function mcnemarSize(n: number, test: 'mid-p' | 'exact', p0 = 0.8, alpha = 0.05): number {
  const q = p0 * (1 - p0);
  const logFact = Array.from({ length: n + 1 }, (_, k) => logFactorial(k));
  let size = 0;
  for (let b = 0; b <= n; b++) {
    for (let c = 0; b + c <= n; c++) {
      if (mcnemarPValue(b, c, { test, alternative: 'less' }) >= alpha) continue;
      const rest = n - b - c;
      size += Math.exp(
        logFact[n]! -
          logFact[b]! -
          logFact[c]! -
          logFact[rest]! +
          (b + c) * Math.log(q) +
          rest * Math.log(1 - 2 * q),
      );
    }
  }
  return size;
}

describe('size of McNemar one-sided at α = 0.05, p0 = 0.8, independent models (exact enumeration)', () => {
  // Reference: the same enumeration in Python with scipy 1.17.1 binom.sf/binom.pmf and gammaln.
  it.each([
    [30, 0.0416400436514024, 0.02275366229224689],
    [100, 0.050000301914257986, 0.03594889565184252],
    [300, 0.04886912017069447, 0.04003324296108325],
  ])('n = %i: mid-p %f, exact %f', (n, midReference, exactReference) => {
    const mid = mcnemarSize(n, 'mid-p');
    const exact = mcnemarSize(n, 'exact');
    expect(mid).toBeCloseTo(midReference, 9);
    expect(exact).toBeCloseTo(exactReference, 9);
    expect(mid).toBeLessThanOrEqual(0.05 * 1.3);
    expect(mid).toBeGreaterThan(exact * 1.15);
  });
});

describe('bootstrap one-sided p-values are close to uniform under H0 (simulation)', () => {
  it('mean of continuous pairs, n = 100', () => {
    const rng = new Rng(101);
    const datasets = 300;
    let below05 = 0;
    let below50 = 0;
    for (let k = 0; k < datasets; k++) {
      const base = new Float64Array(100);
      const cand = new Float64Array(100);
      for (let i = 0; i < 100; i++) {
        const shared = rng.nextDouble();
        base[i] = shared - Math.log(1 - rng.nextDouble());
        cand[i] = shared - Math.log(1 - rng.nextDouble());
      }
      const p = pairedBootstrap(base, cand, { alternative: 'less', resamples: 400, seed: k }).pValue;
      if (p < 0.05) below05++;
      if (p < 0.5) below50++;
    }
    // Binomial SE at 300 datasets: 0.013 at 0.05, 0.029 at 0.5.
    expect(below05 / datasets).toBeLessThan(0.1);
    expect(below05 / datasets).toBeGreaterThan(0.01);
    expect(Math.abs(below50 / datasets - 0.5)).toBeLessThan(0.1);
  });

  it('f1 and auc of two equally skilled classifiers, n = 200', () => {
    const rng = new Rng(202);
    const datasets = 150;
    const n = 200;
    const rejections = { f1: 0, auc: 0 };
    for (let k = 0; k < datasets; k++) {
      const label = new Uint8Array(n);
      const model = () => ({ label, score: new Float64Array(n), prediction: new Uint8Array(n) });
      const a = model();
      const b = model();
      for (let i = 0; i < n; i++) label[i] = rng.nextDouble() < 0.4 ? 1 : 0;
      for (const m of [a, b]) {
        for (let i = 0; i < n; i++) {
          m.score[i] = label[i]! * 0.7 + rng.nextDouble();
          m.prediction[i] = m.score[i]! > 0.85 ? 1 : 0;
        }
      }
      for (const metric of ['f1', 'auc'] as const) {
        const result = pairedClassificationBootstrap(a, b, metric, { resamples: 300, seed: k });
        if (result.status === 'ok' && result.pValue < 0.05) rejections[metric]++;
      }
    }
    // SE at 150 datasets ≈ 0.018; a test stuck at its raw limit or two-sided by mistake would show here.
    expect(rejections.f1 / datasets).toBeLessThan(0.11);
    expect(rejections.auc / datasets).toBeLessThan(0.11);
  });
});

describe('Holm keeps the family-wise false-alarm rate ≤ α over 20 null rows', () => {
  it('uniform null p-values, 2000 families', () => {
    const rng = new Rng(303);
    let holmFamilies = 0;
    let rawFamilies = 0;
    const families = 2000;
    for (let f = 0; f < families; f++) {
      const raw = Array.from({ length: 20 }, () => rng.nextDouble());
      if (raw.some((p) => p < 0.05)) rawFamilies++;
      if (holmAdjust(raw).some((p) => p < 0.05)) holmFamilies++;
    }
    // Expected 1 − 0.95^20 ≈ 0.64 unadjusted, ≈ 0.049 with Holm (SE 0.005).
    expect(rawFamilies / families).toBeGreaterThan(0.55);
    expect(holmFamilies / families).toBeLessThanOrEqual(0.06);
  });
});
