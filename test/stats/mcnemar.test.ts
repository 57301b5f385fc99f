import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mcnemarExact,
  mcnemarExactFromTable,
  mcnemarExactPValue,
  pairedTable,
  StatsInputError,
} from '../../src/stats/index.js';
import { pairedScenarioSamples } from './scenario-samples.js';

/** Two-sided exact p by summing binomial coefficients in BigInt: exact, and only feasible for small b + c. */
function bruteForcePValue(b: number, c: number): number {
  const m = b + c;
  if (m === 0) return 1;
  let coefficient = 1n;
  let tail = 0n;
  for (let j = 0; j <= Math.min(b, c); j++) {
    tail += coefficient;
    coefficient = (coefficient * BigInt(m - j)) / BigInt(j + 1);
  }
  return Math.min(1, (2 * Number(tail)) / 2 ** m);
}

describe('mcnemarExactPValue', () => {
  /*
   * Fagerland MW, Lydersen S, Laake P (2013), "The McNemar test for binary matched-pairs data: mid-p and
   * asymptotic are better than exact conditional", BMC Med Res Methodol 13:91, worked examples:
   * Bentur et al. 2009 airway hyper-responsiveness (b = 1, c = 7): exact conditional p = 0.070
   * (= 18/256); Cavo et al. 2012 complete response (b = 6, c = 16): p = 0.052 (= 220112/2^22).
   */
  it('matches the published worked examples', () => {
    expect(mcnemarExactPValue(1, 7)).toBeCloseTo(18 / 256, 15);
    expect(mcnemarExactPValue(7, 1)).toBeCloseTo(0.0703, 4);
    expect(mcnemarExactPValue(6, 16)).toBeCloseTo(220112 / 2 ** 22, 15);
    expect(mcnemarExactPValue(6, 16)).toBeCloseTo(0.052, 3);
  });

  it('equals the exact binomial sum for every table with b + c ≤ 60', () => {
    for (let m = 0; m <= 60; m++) {
      for (let b = 0; b <= m; b++) {
        const expected = bruteForcePValue(b, m - b);
        const actual = mcnemarExactPValue(b, m - b);
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(2e-14 * expected);
      }
    }
  });

  /*
   * b + c = 1e6 and 2e6; references from scipy 1.17.1 `2 * scipy.stats.binom.cdf(min(b, c), b + c, 0.5)`
   * (Boost's incomplete beta, an independent algorithm).
   */
  it.each([
    [499_000, 501_000, 0.0456082998653896],
    [499_500, 500_500, 0.3177946913633297],
    [498_000, 502_000, 6.3609337500788e-5],
    [0, 1000, 1.8665272370064378e-301],
  ])('stays accurate at b = %s, c = %s', (b, c, expected) => {
    const actual = mcnemarExactPValue(b, c);
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(2e-12 * expected);
    expect(mcnemarExactPValue(c, b)).toBe(actual);
  });

  it('is 1 for balanced or empty discordance and underflows cleanly to 0 for hopeless lopsidedness', () => {
    expect(mcnemarExactPValue(0, 0)).toBe(1);
    expect(mcnemarExactPValue(500_000, 500_000)).toBe(1);
    expect(mcnemarExactPValue(0, 1_000_000)).toBe(0);
    expect(mcnemarExactPValue(10, 999_990)).toBe(0);
  });

  it('is a probability, symmetric in b and c, and shrinks as the split gets more lopsided', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (b, c) => {
        const p = mcnemarExactPValue(b, c);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(mcnemarExactPValue(c, b)).toBe(p);
        if (b < c) expect(mcnemarExactPValue(b, c + 1)).toBeLessThanOrEqual(p);
      }),
    );
  });

  it('rejects counts that are not non-negative integers', () => {
    for (const [b, c] of [
      [-1, 2],
      [1.5, 2],
      [Number.NaN, 2],
      [2, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(() => mcnemarExactPValue(b, c)).toThrow(expect.objectContaining({ reason: 'invalid-count' }));
    }
  });
});

describe('mcnemarExactFromTable (Newcombe method 10 interval)', () => {
  /*
   * Cavo et al. 2012 table [[59, 6], [16, 80]] (baseline rows, candidate columns): Fagerland, Lydersen &
   * Laake (2017), Statistical Analysis of Contingency Tables, ch. 8, Newcombe square-and-add interval for
   * row − column: −0.0621 (95% CI −0.1186 to −0.0046), as asserted in the R package contingencytables
   * (tests/testthat/test-ch8.R). Our difference is candidate − baseline, so the signs flip.
   */
  it('reproduces the published Cavo et al. example', () => {
    const result = mcnemarExactFromTable({ a: 59, b: 6, c: 16, d: 80 });
    expect(result.n).toBe(161);
    expect(result.difference).toBeCloseTo(0.0621, 4);
    expect(result.interval[0]).toBeCloseTo(0.0046, 4);
    expect(result.interval[1]).toBeCloseTo(0.1186, 4);
    expect(result.pValue).toBeCloseTo(0.0525, 4);
    expect(result).toMatchObject({ test: 'mcnemar-exact', intervalMethod: 'newcombe-10', confidence: 0.95 });
  });

  it('keeps a sane, non-degenerate interval at the extremes', () => {
    const allAgree = mcnemarExactFromTable({ a: 50, b: 0, c: 0, d: 0 });
    expect(allAgree.difference).toBe(0);
    expect(allAgree.pValue).toBe(1);
    expect(allAgree.interval[0]).toBeLessThan(0);
    expect(allAgree.interval[1]).toBeGreaterThan(0);
    expect(allAgree.interval[1]).toBeLessThan(0.1);

    const allFlip = mcnemarExactFromTable({ a: 0, b: 0, c: 20, d: 0 });
    expect(allFlip.difference).toBe(1);
    expect(allFlip.interval[1]).toBe(1);
    expect(allFlip.interval[0]).toBeGreaterThan(0.7);

    const single = mcnemarExactFromTable({ a: 0, b: 1, c: 0, d: 0 });
    expect(single.interval[0]).toBeGreaterThanOrEqual(-1);
    expect(single.interval[1]).toBeLessThanOrEqual(1);
  });

  it('contains the estimate, stays in [−1, 1], and negates when baseline and candidate swap', () => {
    const count = fc.integer({ min: 0, max: 5000 });
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (a, b, c, d, confidence) => {
          fc.pre(a + b + c + d > 0);
          const result = mcnemarExactFromTable({ a, b, c, d }, { confidence });
          const [lower, upper] = result.interval;
          expect(lower).toBeGreaterThanOrEqual(-1);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(result.difference);
          expect(upper).toBeGreaterThanOrEqual(result.difference);
          const swapped = mcnemarExactFromTable({ a, b: c, c: b, d }, { confidence });
          expect(swapped.pValue).toBe(result.pValue);
          expect(swapped.interval[0]).toBeCloseTo(-upper, 12);
          expect(swapped.interval[1]).toBeCloseTo(-lower, 12);
        },
      ),
    );
  });

  it('reports an all-zero table as `empty`', () => {
    expect(() => mcnemarExactFromTable({ a: 0, b: 0, c: 0, d: 0 })).toThrow(
      expect.objectContaining({ reason: 'empty' }),
    );
    expect(() => mcnemarExactFromTable({ a: 1, b: 0, c: 0, d: 0 }, { confidence: 95 })).toThrow(
      expect.objectContaining({ reason: 'invalid-option' }),
    );
  });
});

describe('mcnemarExact on per-sample outcomes', () => {
  it('counts the paired table from 0/1 arrays of either array type', () => {
    const baseline = [1, 1, 0, 0, 1, 0];
    const candidate = Float64Array.from([1, 0, 1, 0, 0, 1]);
    expect(pairedTable(baseline, candidate)).toEqual({ a: 1, b: 2, c: 2, d: 1 });
  });

  it('rejects mismatched, empty, non-finite and non-binary input with a reason the gate can act on', () => {
    expect(() => mcnemarExact([1, 0], [1])).toThrow(expect.objectContaining({ reason: 'length-mismatch' }));
    expect(() => mcnemarExact([], [])).toThrow(expect.objectContaining({ reason: 'empty' }));
    expect(() => mcnemarExact([1, Number.NaN], [1, 0])).toThrow(
      expect.objectContaining({ reason: 'not-finite', message: expect.stringContaining('sample 1') }),
    );
    expect(() => mcnemarExact([1, 0.5], [1, 0])).toThrow(expect.objectContaining({ reason: 'not-binary' }));
    expect(() => mcnemarExact([1, 2], [1, 0])).toThrow(StatsInputError);
  });

  // fixtures/scenarios/noisy-small-diff/README.md: baseline-only correct 5, candidate-only correct 4,
  // exact two-sided p = 1.0; overall accuracy 0.808 → 0.804.
  it('finds no significant change on the noisy-small-diff fixture', () => {
    const samples = pairedScenarioSamples('noisy-small-diff', 'correct');
    const result = mcnemarExact(samples.baseline, samples.candidate);
    expect(result).toMatchObject({ n: 250, b: 5, c: 4, pValue: 1 });
    expect(result.baselineRate).toBeCloseTo(0.808, 3);
    expect(result.candidateRate).toBeCloseTo(0.804, 3);
    expect(result.difference).toBeCloseTo(-0.004, 12);
    expect(result.interval[0]).toBeLessThan(0);
    expect(result.interval[1]).toBeGreaterThan(0);
  });

  // fixtures/scenarios/tabular-improves/README.md: accuracy 0.690 → 0.805 over 210 samples. The exact p
  // for the fixture's 15 vs 39 discordant pairs is from scipy 1.17.1 (2 * binom.cdf(15, 54, 0.5)).
  it('finds the significant improvement on the tabular-improves fixture', () => {
    const samples = pairedScenarioSamples('tabular-improves', 'correct');
    const result = mcnemarExact(samples.baseline, samples.candidate);
    expect(result).toMatchObject({ n: 210, b: 15, c: 39 });
    expect(result.baselineRate).toBeCloseTo(0.69, 3);
    expect(result.candidateRate).toBeCloseTo(0.805, 3);
    expect(result.pValue).toBeCloseTo(0.0014962588853935084, 15);
    expect(result.interval[0]).toBeGreaterThan(0);
  });

  // fixtures/scenarios/slice-regression/README.md: region-apac accuracy 0.912 → 0.824 over 34 samples,
  // i.e. three samples lost and none gained: 2 · (½)³ = 0.25, far from significant on its own.
  it('shows that the slice-regression apac drop is three lost samples with p = 0.25', () => {
    const samples = pairedScenarioSamples('slice-regression', 'correct');
    const apac = samples.slices.flatMap((slice, i) => (slice === 'region-apac' ? [i] : []));
    const result = mcnemarExact(
      apac.map((i) => samples.baseline[i]!),
      apac.map((i) => samples.candidate[i]!),
    );
    expect(result).toMatchObject({ n: 34, b: 3, c: 0, pValue: 0.25 });
    expect(result.baselineRate).toBeCloseTo(0.912, 3);
    expect(result.candidateRate).toBeCloseTo(0.824, 3);
  });
});
