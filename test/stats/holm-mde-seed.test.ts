import { describe, expect, it } from 'vitest';
import {
  deriveSeed,
  holmAdjust,
  mcnemarPValue,
  minimumDetectableEffect,
  pairedDifferenceSd,
  Rng,
  StatsInputError,
  taroneFamily,
  worseningAlternative,
} from '../../src/stats/index.js';

describe('holmAdjust', () => {
  // Holm (1979) step-down formula p̃(i) = min(1, max_{j≤i} (m−j+1)·p(j)), evaluated in Python by hand
  // (statsmodels' multipletests(method='holm') implements the same formula; it is not installed here).
  it.each([
    [
      [0.01, 0.04, 0.03, 0.005, 0.5, 0.04],
      [0.05, 0.12, 0.12, 0.03, 0.5, 0.12],
    ],
    [
      [0.2, 0.001, 0.3, 0.05],
      [0.4, 0.004, 0.4, 0.15000000000000002],
    ],
    [[0.5], [0.5]],
    [[], []],
  ])('%j → %j', (raw, adjusted) => {
    const result = holmAdjust(raw);
    expect(result).toHaveLength(adjusted.length);
    result.forEach((p, i) => {
      expect(p).toBeCloseTo(adjusted[i]!, 14);
    });
  });

  it('is monotone in the raw order, ≥ raw, ≤ 1', () => {
    const rng = new Rng(2);
    for (let trial = 0; trial < 50; trial++) {
      const raw = Array.from({ length: 1 + (trial % 25) }, () => rng.nextDouble() ** 3);
      const adjusted = holmAdjust(raw);
      const order = raw.map((_, i) => i).sort((a, b) => raw[a]! - raw[b]!);
      for (let k = 0; k < raw.length; k++) {
        expect(adjusted[k]!).toBeGreaterThanOrEqual(raw[k]!);
        expect(adjusted[k]!).toBeLessThanOrEqual(1);
        if (k > 0) expect(adjusted[order[k]!]!).toBeGreaterThanOrEqual(adjusted[order[k - 1]!]!);
      }
    }
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => holmAdjust([0.1, Number.NaN])).toThrow(StatsInputError);
    expect(() => holmAdjust([1.2])).toThrow(StatsInputError);
  });
});

describe('minimumDetectableEffect', () => {
  // scipy 1.17.1: (norm.ppf(1 − α) + norm.ppf(power)) · sd / √n.
  it('reproduces the issue’s device-tablet figure: n = 116, rate 0.8 → ≈ 0.13', () => {
    const mde = minimumDetectableEffect(116, { rate: 0.8 });
    expect(mde.effect).toBeCloseTo(0.13059605773233332, 10);
    expect(mde).toMatchObject({ n: 116, alpha: 0.05, power: 0.8, assumption: 'independent-binary' });
    expect(mde.sd).toBeCloseTo(Math.sqrt(0.32), 15);
  });

  it('matches scipy for other settings', () => {
    expect(minimumDetectableEffect(300, { rate: 0.5 }).effect).toBeCloseTo(0.1015099111090453, 10);
    const continuous = minimumDetectableEffect(50, { sd: 1.7 }, { alpha: 0.01, power: 0.9 });
    expect(continuous.effect).toBeCloseTo(0.8673978542538033, 10);
    expect(continuous.assumption).toBe('observed-sd');
  });

  it('pairedDifferenceSd is the n − 1 sample standard deviation of the differences', () => {
    // numpy: np.std([1, -1, 0, 0, 1, 0], ddof=1) = 0.752772652709081 (numpy 2.4.6)
    expect(pairedDifferenceSd([0, 1, 1, 0, 0, 1], [1, 0, 1, 0, 1, 1])).toBeCloseTo(0.752772652709081, 14);
    expect(() => pairedDifferenceSd([1], [1])).toThrow(StatsInputError);
  });

  it('rejects bad input', () => {
    expect(() => minimumDetectableEffect(0, { rate: 0.5 })).toThrow(StatsInputError);
    expect(() => minimumDetectableEffect(10, { rate: 1.5 })).toThrow(StatsInputError);
    expect(() => minimumDetectableEffect(10, { sd: -1 })).toThrow(StatsInputError);
    expect(() => minimumDetectableEffect(10, { sd: 1 }, { alpha: 0 })).toThrow(StatsInputError);
  });
});

describe('deriveSeed', () => {
  // Reference: an independent Python implementation of the documented definition (FNV-1a 64 over the
  // UTF-8 of [seed, ...parts].join("\0"), SplitMix64 finaliser, >> 11).
  it.each([
    [[1], 2481570673023957],
    [[1, 'evaluate', 'latency-ms', 'device-tablet'], 8540159561928541],
    [[1, 'evaluate', 'latency-ms', 'device-phone'], 5942600861995139],
    [[0, 'evaluate', 'accuracy', ''], 44739846051693],
    [[20261123, 'évaluer', 'précision', '日本'], 5020900567691262],
    [[2 ** 53 - 1, 'x'], 3679781228740937],
  ] as [[number, ...string[]], number][])('%j → %i', ([seed, ...parts], expected) => {
    expect(deriveSeed(seed, ...parts)).toBe(expected);
  });

  it('gives a valid Rng seed and separates the rows', () => {
    const seeds = new Set<number>();
    for (const slice of ['a', 'b', 'c', 'ab', '']) {
      for (const key of ['accuracy', 'f1']) seeds.add(deriveSeed(1, 'evaluate', key, slice));
    }
    expect(seeds.size).toBe(10);
    for (const s of seeds) expect(() => new Rng(s)).not.toThrow();
    expect(deriveSeed(1, 'a', 'b')).not.toBe(deriveSeed(1, 'ab'));
  });

  it('rejects bad seeds and NUL in parts', () => {
    expect(() => deriveSeed(-1)).toThrow(StatsInputError);
    expect(() => deriveSeed(1.5)).toThrow(StatsInputError);
    expect(() => deriveSeed(1, 'a\u0000b')).toThrow(StatsInputError);
  });
});

describe('worseningAlternative', () => {
  it('maps the metric direction to the one-sided alternative', () => {
    expect(worseningAlternative('higher-is-better')).toBe('less');
    expect(worseningAlternative('lower-is-better')).toBe('greater');
  });
});

describe('taroneFamily', () => {
  // Tarone (1990), Biometrics 46:703–707: K is the smallest integer such that at most K hypotheses
  // have a smallest attainable p ≤ α/K; the family is those hypotheses.
  it('keeps continuous tests and drops discrete ones that can never reach α/K', () => {
    // Six McNemar rows with 1, 2, 3, 4, 8 and 12 discordant pairs (mid-p floors ½^(k+1)) and one bootstrap row.
    const floors = [1, 2, 3, 4, 8, 12].map((k) => 0.5 ** (k + 1)).concat([0]);
    // K = 1: 3 rows ≤ 0.05 (k = 8, 12, bootstrap) > 1; K = 2: α/2 = 0.025 → 3 > 2; K = 3: α/3 = 0.0167
    // → the same 3 rows ≤ 3, stop. k = 4 (floor 0.03125) is out.
    expect(taroneFamily(floors, 0.05)).toEqual([false, false, false, false, true, true, true]);
  });

  it('is the whole family when every test can reach α/m, and empty for no tests', () => {
    expect(taroneFamily([0, 0, 0.001], 0.05)).toEqual([true, true, true]);
    expect(taroneFamily([], 0.05)).toEqual([]);
  });

  it('controls the family-wise error rate: 20 McNemar tests under the null, FWER ≤ α by simulation', () => {
    // Rows with 3–40 discordant pairs split by a fair coin (the null); one-sided mid-p, Holm over the
    // Tarone family. 4000 simulated families, seeded: the rejection rate stays under α plus 3 SE.
    let seed = 12345;
    const uniform = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let familiesWithAFalseRejection = 0;
    const runs = 4000;
    for (let r = 0; r < runs; r++) {
      const ks = Array.from({ length: 20 }, (_, i) => 3 + ((i * 7) % 38));
      const ps = ks.map((k) => {
        let b = 0;
        for (let j = 0; j < k; j++) if (uniform() < 0.5) b++;
        return mcnemarPValue(b, k - b, { test: 'mid-p', alternative: 'greater' });
      });
      const floors = ks.map((k) =>
        Math.min(
          mcnemarPValue(k, 0, { test: 'mid-p', alternative: 'greater' }),
          mcnemarPValue(0, k, { test: 'mid-p', alternative: 'greater' }),
        ),
      );
      const kept = taroneFamily(floors, 0.05);
      const family = ps.filter((_, i) => kept[i]);
      if (holmAdjust(family).some((p) => p <= 0.05)) familiesWithAFalseRejection++;
    }
    const rate = familiesWithAFalseRejection / runs;
    expect(rate).toBeLessThan(0.05 + 3 * Math.sqrt((0.05 * 0.95) / runs));
  });
});
