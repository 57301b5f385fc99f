import { describe, expect, it } from 'vitest';
import { mcnemarExactPValue, mcnemarPValue, mcnemarTest, StatsInputError } from '../../src/stats/index.js';

/*
 * Reference values from scipy 1.17.1 with X ~ Bin(b + c, ½):
 *   exact two-sided  min(1, 2·binom.cdf(min(b,c), n, .5))
 *   mid-p two-sided  exact − binom.pmf(min(b,c), n, .5)   (1 when b = c)
 *   exact `less`     binom.sf(b − 1, n, .5)               (candidate worse: b > c)
 *   mid-p `less`     binom.sf(b − 1, n, .5) − ½·binom.pmf(b, n, .5)
 *   exact `greater`  binom.cdf(b, n, .5)
 *   mid-p `greater`  binom.cdf(b, n, .5) − ½·binom.pmf(b, n, .5)
 * Columns: b, c, exact2, mid2, exactLess, midLess, exactGreater, midGreater.
 */
const REFERENCE: [number, number, number, number, number, number, number, number][] = [
  [1, 7, 0.0703125, 0.039062500000000014, 0.99609375, 0.98046875, 0.03515625, 0.019531250000000007],
  [
    10, 3, 0.09228515625, 0.05737304687500002, 0.046142578125, 0.028686523437500014, 0.98876953125,
    0.9713134765625,
  ],
  [
    3, 10, 0.09228515625, 0.05737304687500002, 0.98876953125, 0.9713134765625, 0.046142578125,
    0.02868652343750001,
  ],
  [
    25, 12, 0.04703102743951604, 0.03355243967962451, 0.02351551371975802, 0.016776219839812256,
    0.9899630740401335, 0.9832237801601877,
  ],
  [0, 5, 0.0625, 0.03125000000000003, 1.0, 0.984375, 0.03125, 0.015625000000000014],
  [
    40, 55, 0.1505180638902294, 0.1253456971884923, 0.9499133347566223, 0.9373271514057537,
    0.0752590319451147, 0.06267284859424616,
  ],
  [7, 7, 1, 1.0, 0.604736328125, 0.5000000000000001, 0.604736328125, 0.5000000000000001],
  [5, 6, 1, 0.7744140625, 0.7255859375, 0.61279296875, 0.5, 0.38720703125],
  [
    150, 100, 0.0018833009350761602, 0.0015481886001195754, 0.0009416504675380801, 0.0007740943000597877,
    0.9993934618674185, 0.9992259056999402,
  ],
  [2, 0, 0.5, 0.25, 0.25, 0.125, 1.0, 0.875],
];

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1e-3, expected));
}

describe('mcnemarPValue', () => {
  it.each(REFERENCE)('b=%i c=%i matches scipy for every test and alternative', (b, c, ...expected) => {
    const [exact2, mid2, exactLess, midLess, exactGreater, midGreater] = expected;
    close(mcnemarPValue(b, c, { test: 'exact', alternative: 'two-sided' }), exact2!);
    close(mcnemarPValue(b, c, { test: 'mid-p', alternative: 'two-sided' }), mid2!);
    close(mcnemarPValue(b, c, { test: 'exact', alternative: 'less' }), exactLess!);
    close(mcnemarPValue(b, c, { test: 'mid-p', alternative: 'less' }), midLess!);
    close(mcnemarPValue(b, c, { test: 'exact', alternative: 'greater' }), exactGreater!);
    close(mcnemarPValue(b, c, { test: 'mid-p', alternative: 'greater' }), midGreater!);
    expect(mcnemarPValue(b, c, { test: 'exact' })).toBe(mcnemarExactPValue(b, c));
  });

  it("reproduces Fagerland et al.'s worked example (1 vs 7 discordant pairs: exact 0.070, mid-p 0.039)", () => {
    // Fagerland, Lydersen & Laake 2013, BMC Med Res Methodol 13:91, the Bentur et al. airway example.
    expect(mcnemarPValue(1, 7, { test: 'exact' })).toBeCloseTo(0.07, 3);
    expect(mcnemarPValue(1, 7, { test: 'mid-p' })).toBeCloseTo(0.039, 3);
  });

  it('defaults to mid-p, two-sided; no discordant pairs gives 1', () => {
    expect(mcnemarPValue(10, 3)).toBe(mcnemarPValue(10, 3, { test: 'mid-p', alternative: 'two-sided' }));
    for (const test of ['exact', 'mid-p'] as const) {
      for (const alternative of ['less', 'greater', 'two-sided'] as const) {
        expect(mcnemarPValue(0, 0, { test, alternative })).toBe(1);
      }
    }
  });

  it('mid-p is below the exact p and the one-sided halves add up', () => {
    for (let b = 0; b <= 40; b += 3) {
      for (let c = 0; c <= 40; c += 4) {
        const midLess = mcnemarPValue(b, c, { alternative: 'less' });
        const midGreater = mcnemarPValue(b, c, { alternative: 'greater' });
        expect(midLess).toBeLessThanOrEqual(mcnemarPValue(b, c, { test: 'exact', alternative: 'less' }));
        // P(X > b) + ½P(X = b) + P(X < b) + ½P(X = b) = 1.
        if (b + c > 0) expect(midLess + midGreater).toBeCloseTo(1, 12);
      }
    }
  });

  it('stays accurate for lopsided large tables', () => {
    // scipy: binom.sf(599, 1000, .5) − ½·binom.pmf(600, 1000, .5)
    const p = mcnemarPValue(600, 400, { alternative: 'less' });
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-9);
  });

  it('rejects bad counts and options', () => {
    expect(() => mcnemarPValue(-1, 2)).toThrow(StatsInputError);
    expect(() => mcnemarPValue(1.5, 2)).toThrow(StatsInputError);
    // @ts-expect-error: not a test name
    expect(() => mcnemarPValue(1, 2, { test: 'asymptotic' })).toThrow(StatsInputError);
    // @ts-expect-error: not an alternative
    expect(() => mcnemarPValue(1, 2, { alternative: 'worse' })).toThrow(StatsInputError);
  });
});

describe('mcnemarTest', () => {
  it('returns insufficient below minPairs, never a p-value', () => {
    const result = mcnemarTest({ a: 3, b: 4, c: 0, d: 1 }, { alternative: 'less' });
    expect(result).toEqual({
      status: 'insufficient',
      cause: 'too-few-pairs',
      n: 8,
      minPairs: 10,
      reason: '8 pairs, fewer than min_pairs = 10',
    });
    expect(mcnemarTest({ a: 3, b: 4, c: 0, d: 1 }, { minPairs: 8 }).status).toBe('ok');
  });

  it('carries the table, rates, Newcombe interval and the chosen p-value', () => {
    const result = mcnemarTest({ a: 60, b: 25, c: 12, d: 3 }, { alternative: 'less' });
    expect(result).toMatchObject({
      status: 'ok',
      test: 'mcnemar-mid-p',
      alternative: 'less',
      n: 100,
      b: 25,
      c: 12,
      baselineRate: 0.85,
      candidateRate: 0.72,
      intervalMethod: 'newcombe-10',
      confidence: 0.95,
    });
    if (result.status !== 'ok') throw new Error('expected ok');
    close(result.pValue, 0.016776219839812256);
    expect(result.difference).toBeCloseTo(-0.13, 15);
    expect(result.interval[0]).toBeLessThan(-0.13);
    expect(result.interval[1]).toBeGreaterThan(-0.13);
    const exact = mcnemarTest({ a: 60, b: 25, c: 12, d: 3 }, { test: 'exact', alternative: 'less' });
    expect(exact).toMatchObject({ test: 'mcnemar-exact' });
    if (exact.status === 'ok') close(exact.pValue, 0.02351551371975802);
  });
});
