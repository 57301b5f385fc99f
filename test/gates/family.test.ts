import { describe, expect, it } from 'vitest';
import { type FamilyMember, runFamilies } from '../../src/gates/family.js';
import { holmAdjust, taroneFamily } from '../../src/stats/index.js';

const member = (id: string, pValue: number, extra: Partial<FamilyMember> = {}): FamilyMember => ({
  id,
  severity: 'fail',
  alpha: 0.05,
  pValue,
  minAttainable: 0,
  ...extra,
});

describe('runFamilies', () => {
  it('a row two gates both test is one hypothesis: Holm runs over the union, counted once', () => {
    const overall = member('overall', 0.012);
    const gateA = [overall, member('a-only', 0.03)];
    const gateB = [{ ...overall }, member('slice-1', 0.2), member('slice-2', 0.004)];
    const verdicts = runFamilies([gateA, gateB]);
    // The union is {overall, a-only, slice-1, slice-2}: 4 hypotheses, not 5.
    const expected = holmAdjust([0.012, 0.03, 0.2, 0.004]);
    expect(verdicts(overall)).toEqual({ adjusted: expected[0], size: 4, leftOut: 0, gates: 2 });
    expect(verdicts(gateB[0]!)).toEqual(verdicts(overall));
    expect(verdicts(gateA[1]!).adjusted).toBeCloseTo(expected[1]!, 15);
    expect(verdicts(gateB[2]!).adjusted).toBeCloseTo(expected[3]!, 15);
    // Holm by hand: sorted 0.004, 0.012, 0.03, 0.2 → 0.016, 0.036, 0.06, 0.2.
    [0.036, 0.06, 0.2, 0.016].forEach((p, i) => {
      expect(expected[i]!).toBeCloseTo(p, 15);
    });
  });

  it('fail and warn gates, and gates at different alphas, are separate families', () => {
    const failRow = member('overall', 0.02);
    const warnRow = member('overall', 0.02, { severity: 'warn' });
    const strict = member('overall', 0.02, { alpha: 0.01 });
    const verdicts = runFamilies([
      [failRow, member('f2', 0.5)],
      [warnRow, member('w2', 0.5, { severity: 'warn' }), member('w3', 0.5, { severity: 'warn' })],
      [strict],
    ]);
    expect(verdicts(failRow)).toEqual({ adjusted: 0.04, size: 2, leftOut: 0, gates: 1 });
    expect(verdicts(warnRow)).toEqual({ adjusted: 0.06, size: 3, leftOut: 0, gates: 1 });
    expect(verdicts(strict)).toEqual({ adjusted: 0.02, size: 1, leftOut: 0, gates: 1 });
  });

  it("Tarone's reduction runs over the run's family and leaves out rows that cannot reach α/K", () => {
    // Three discordant pairs all one way give p = 0.0625 at best: above α at any family size.
    const hopeless = member('tiny slice', 0.0625, { minAttainable: 0.0625 });
    const reachable = [member('overall', 0.01, { minAttainable: 0.001 }), member('big slice', 0.3)];
    const verdicts = runFamilies([[reachable[0]!, hopeless], [reachable[1]!]]);
    expect(taroneFamily([0.001, 0.0625, 0], 0.05)).toEqual([true, false, true]);
    expect(verdicts(hopeless)).toEqual({ adjusted: null, size: 2, leftOut: 1, gates: 2 });
    expect(verdicts(reachable[0]!)).toEqual({ adjusted: 0.02, size: 2, leftOut: 1, gates: 2 });
  });

  it('a gate that offers no rows is not counted in any family', () => {
    const only = member('overall', 0.03);
    const verdicts = runFamilies([[], [only], []]);
    expect(verdicts(only)).toEqual({ adjusted: 0.03, size: 1, leftOut: 0, gates: 1 });
  });

  it('refuses a row that was never offered instead of inventing a verdict for it', () => {
    const verdicts = runFamilies([[member('overall', 0.03)]]);
    expect(() => verdicts(member('stranger', 0.01))).toThrow(/was not offered/);
  });
});
