import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatsInputError, wilsonInterval } from '../../src/stats/index.js';

/*
 * Published 95% Wilson score intervals (no continuity correction):
 * - Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
 *   methods", Stat Med 17:857–872: the worked examples 81/263, 15/148, 0/20, 1/29, method 3, 4 decimals.
 * - Fagerland, Lydersen & Laake (2017), Statistical Analysis of Contingency Tables, ch. 2 example
 *   13/16, as asserted in the R package contingencytables (tests/testthat/test-ch2.R).
 */
const PUBLISHED: [number, number, number, number][] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0, 0.1611],
  [1, 29, 0.0061, 0.1718],
  [13, 16, 0.5699, 0.9341],
];

describe('wilsonInterval', () => {
  it.each(PUBLISHED)('%s/%s gives [%s, %s]', (successes, n, lower, upper) => {
    const result = wilsonInterval(successes, n);
    expect(result.interval[0]).toBeCloseTo(lower, 4);
    expect(result.interval[1]).toBeCloseTo(upper, 4);
    expect(result).toMatchObject({
      method: 'wilson',
      successes,
      n,
      estimate: successes / n,
      confidence: 0.95,
    });
  });

  it('stays inside [0, 1], contains the estimate, is exact at the edges and mirrors under x → n − x', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        ([successes, n], confidence) => {
          const { interval, estimate } = wilsonInterval(successes, n, confidence);
          expect(interval[0]).toBeGreaterThanOrEqual(0);
          expect(interval[1]).toBeLessThanOrEqual(1);
          expect(interval[0]).toBeLessThanOrEqual(estimate);
          expect(interval[1]).toBeGreaterThanOrEqual(estimate);
          if (successes === 0) expect(interval[0]).toBe(0);
          if (successes === n) expect(interval[1]).toBe(1);
          const mirrored = wilsonInterval(n - successes, n, confidence).interval;
          expect(mirrored[0]).toBeCloseTo(1 - interval[1], 12);
          expect(mirrored[1]).toBeCloseTo(1 - interval[0], 12);
        },
      ),
    );
  });

  it('widens with the confidence level', () => {
    const narrow = wilsonInterval(40, 100, 0.8).interval;
    const wide = wilsonInterval(40, 100, 0.99).interval;
    expect(wide[0]).toBeLessThan(narrow[0]);
    expect(wide[1]).toBeGreaterThan(narrow[1]);
  });

  it('reports an empty slice as `empty` and malformed counts as invalid', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(expect.objectContaining({ reason: 'empty' }));
    expect(() => wilsonInterval(5, 4)).toThrow(expect.objectContaining({ reason: 'invalid-count' }));
    expect(() => wilsonInterval(-1, 4)).toThrow(expect.objectContaining({ reason: 'invalid-count' }));
    expect(() => wilsonInterval(1.5, 4)).toThrow(StatsInputError);
    expect(() => wilsonInterval(Number.NaN, 4)).toThrow(StatsInputError);
    expect(() => wilsonInterval(1, 4, 0)).toThrow(expect.objectContaining({ reason: 'invalid-option' }));
  });
});
