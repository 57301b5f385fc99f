import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, StatsInputError } from '../../src/stats/index.js';

/*
 * Expected streams from the reference algorithms of prng.di.unimi.it (splitmix64.c next() seeding
 * s[0..3] = low/high halves of two outputs, then xoshiro128starstar.c next()), transcribed into a small
 * C program and compiled with gcc 12 — an implementation independent of this TypeScript.
 */
const REFERENCE: [number, number[]][] = [
  [0, [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774]],
  [42, [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222]],
  [Number.MAX_SAFE_INTEGER, [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921]],
];

describe('Rng (xoshiro128** seeded by SplitMix64)', () => {
  it.each(REFERENCE)('seed %s reproduces the reference C stream', (seed, expected) => {
    const rng = new Rng(seed);
    expect(expected.map(() => rng.nextUint32())).toEqual(expected);
  });

  it('gives the same doubles for the same seed and different ones for another seed', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 20 }, () => rng.nextDouble());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps doubles in [0, 1) and integers in [0, n)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const rng = new Rng(seed);
        for (let i = 0; i < 50; i++) {
          const u = rng.nextDouble();
          expect(u >= 0 && u < 1).toBe(true);
          const k = rng.nextInt(n);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        }
      }),
    );
  });

  it('draws integers without visible bias (chi-square over 10 cells)', () => {
    const rng = new Rng(2024);
    const counts = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) counts[rng.nextInt(10)]! += 1;
    const expected = draws / 10;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 27.88 is the 0.999 quantile of chi-square with 9 degrees of freedom.
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('rejects seeds and ranges it cannot honour', () => {
    for (const seed of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => new Rng(seed)).toThrow(StatsInputError);
    }
    const rng = new Rng(1);
    for (const n of [0, 2.5, 2 ** 32 + 1]) {
      expect(() => rng.nextInt(n)).toThrow(StatsInputError);
    }
  });
});

describe('Rng.fillInts', () => {
  it.each([10, 2 ** 21, 2 ** 21 + 1, 3_000_000_000])(
    'continues the same stream as nextInt for n = %s',
    (n) => {
      const bulk = new Rng(99);
      const single = new Rng(99);
      const target = new Uint32Array(1000);
      bulk.fillInts(target, n);
      expect(Array.from(target)).toEqual(Array.from(target, () => single.nextInt(n)));
      expect(bulk.nextUint32()).toBe(single.nextUint32());
    },
  );
});

describe('Rng.sumOfDraws', () => {
  it.each([1, 7, 1000, 65_537])('sums the values at the indices fillInts draws, n = %s', (n) => {
    const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1000);
    const fused = new Rng(7);
    const reference = new Rng(7);
    for (const count of [1, n, 2 * n + 3]) {
      const indices = new Uint32Array(count);
      reference.fillInts(indices, n);
      let expected = 0;
      for (const i of indices) expected += values[i]!;
      expect(fused.sumOfDraws(values, count)).toBe(expected);
    }
    expect(fused.nextUint32()).toBe(reference.nextUint32());
  });
});
