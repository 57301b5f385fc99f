import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile, StatsInputError, twoSidedCriticalValue } from '../../src/stats/index.js';

/*
 * Reference quantiles from scipy 1.17.1 `scipy.stats.norm.ppf` (Cephes ndtri, an independent
 * implementation); 1.959963984540054 and 2.5758293035489004 are also the familiar table values
 * 1.95996 and 2.57583. The cases cover all three regions of AS 241.
 */
const REFERENCE: [number, number][] = [
  [0.5, 0],
  [0.3, -0.5244005127080409],
  [0.9, 1.2815515655446004],
  [0.975, 1.959963984540054],
  [0.025, -1.9599639845400545],
  [0.995, 2.5758293035489004],
  [1e-10, -6.361340902404056],
  [1e-20, -9.262340089798409],
  [1e-300, -37.0470962993612],
];

/** Φ by its Taylor series Φ(x) = ½ + φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)), independent of the code under test. */
function normalCdfBySeries(x: number): number {
  let term = x;
  let sum = x;
  for (let k = 1; k < 500 && Math.abs(term) > 1e-18 * Math.abs(sum); k++) {
    term *= (x * x) / (2 * k + 1);
    sum += term;
  }
  return 0.5 + (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)) * sum;
}

describe('normalQuantile (AS 241)', () => {
  it.each(REFERENCE)('Φ⁻¹(%s) = %s', (p, expected) => {
    const actual = normalQuantile(p);
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(expected)));
  });

  it('is odd around ½ and inverts Φ over the central range', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        expect(normalQuantile(1 - p)).toBeCloseTo(-z, 8);
        expect(normalCdfBySeries(z)).toBeCloseTo(p, 12);
      }),
    );
  });

  it('is infinite at 0 and 1 and rejects anything outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    for (const bad of [-0.1, 1.5, Number.NaN]) {
      expect(() => normalQuantile(bad)).toThrow(StatsInputError);
    }
  });

  it('gives the two-sided critical values used for intervals', () => {
    expect(twoSidedCriticalValue(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(twoSidedCriticalValue(0.99)).toBeCloseTo(2.5758293035489004, 14);
    expect(() => twoSidedCriticalValue(1)).toThrow(/strictly between 0 and 1/);
  });
});
