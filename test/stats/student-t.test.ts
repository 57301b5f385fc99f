import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTCritical } from '../../src/stats/student-t.js';

// Reference values: scipy.stats.t.ppf(1 - (1 - confidence) / 2, df) and t.cdf.
const CRITICAL: Array<[number, number, number]> = [
  [0.95, 1, 12.706204736174694],
  [0.95, 4, 2.7764451051977934],
  [0.95, 19, 2.0930240544083087],
  [0.99, 10, 3.16927267261695],
  [0.9, 2, 2.9199855803537242],
  [0.95, 99, 1.9842169515864174],
];

describe("Student's t", () => {
  it.each(CRITICAL)(
    'two-sided %s critical value with %i degrees of freedom matches scipy',
    (c, df, expected) => {
      expect(studentTCritical(c, df)).toBeCloseTo(expected, 9);
    },
  );

  it('has the CDF scipy gives', () => {
    expect(studentTCdf(-1.5, 3)).toBeCloseTo(0.11529193262241147, 12);
    expect(studentTCdf(2.2, 7)).toBeCloseTo(0.9681344923486817, 12);
    expect(studentTCdf(0, 5)).toBe(0.5);
  });

  it('refuses degrees of freedom below 1 and confidences outside (0, 1)', () => {
    expect(() => studentTCritical(0.95, 0)).toThrow(/degrees of freedom/);
    expect(() => studentTCritical(1, 4)).toThrow(/confidence/);
  });
});
