import { StatsInputError } from './input-error.js';

/*
 * xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c), seeded the way
 * its authors recommend: the 128-bit state is filled from two outputs of SplitMix64
 * (https://prng.di.unimi.it/splitmix64.c) started at the seed. Low 32 bits of the first output go to
 * s[0], its high 32 bits to s[1], the second output likewise to s[2], s[3]. SplitMix64 is a bijection
 * of its counter, so two consecutive outputs are never both zero and the all-zero state cannot occur.
 * Everything is 32-bit integer arithmetic (Math.imul, >>>), so the stream is bit-identical on every
 * JavaScript engine and platform.
 */

const TWO_POW_21 = 2097152;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const MASK_64 = (1n << 64n) - 1n;

function splitMix64(state: bigint): { state: bigint; output: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK_64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return { state: next, output: z ^ (z >> 31n) };
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private readonly single = new Uint32Array(1);

  /** `seed` is any integer in [0, 2^53): every such seed gives a distinct, reproducible stream. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new StatsInputError('invalid-option', `seed must be an integer in [0, 2^53), got ${seed}`);
    }
    const first = splitMix64(BigInt(seed));
    const second = splitMix64(first.state);
    this.s0 = Number(first.output & 0xffffffffn);
    this.s1 = Number(first.output >> 32n);
    this.s2 = Number(second.output & 0xffffffffn);
    this.s3 = Number(second.output >> 32n);
  }

  /** Next raw output, an integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.s1;
    const times5 = Math.imul(s1, 5);
    const result = Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform double in [0, 1) with the full 53 bits of precision (two raw outputs per call). */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /**
   * Uniform integer in [0, n) for an integer n in [1, 2^32], without bias. Same stream as `fillInts`.
   */
  nextInt(n: number): number {
    this.fillInts(this.single, n);
    return this.single[0]!;
  }

  /**
   * Fills `target` with uniform integers in [0, n), n an integer in [1, 2^32], without bias. This is the
   * hot path of the bootstrap, so the generator state lives in locals for the whole loop.
   *
   * For n ≤ 2^21 it uses Lemire's multiply-shift ("Fast random integer generation in an interval", ACM
   * TOMACS 2019): x·n is exact in a double, its high 32 bits are the result, and the rare low parts below
   * 2^32 mod n are rejected. Larger n fall back to rejecting the incomplete top block and taking x mod n.
   */
  fillInts(target: Uint32Array, n: number): void {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new StatsInputError('invalid-option', `integer draws need an integer n in [1, 2^32], got ${n}`);
    }
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const multiplyShift = n <= TWO_POW_21;
    const threshold = multiplyShift ? (TWO_POW_32 - n) % n : TWO_POW_32 - (TWO_POW_32 % n);
    for (let i = 0; i < target.length; ) {
      const times5 = Math.imul(s1, 5);
      const x = Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      if (multiplyShift) {
        const product = x * n;
        const high = Math.floor(product / TWO_POW_32);
        if (product - high * TWO_POW_32 >= threshold) target[i++] = high;
      } else if (x < threshold) {
        target[i++] = x % n;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /**
   * Sum of `count` values drawn uniformly with replacement from `values` (one bootstrap resample),
   * drawing the indices exactly as `fillInts(target of length count, values.length)` would. The
   * bootstrap's inner loop: fused so the indices are never stored and read back.
   */
  sumOfDraws(values: Float64Array, count: number): number {
    const n = values.length;
    if (n < 1 || n > TWO_POW_21) {
      const indices = new Uint32Array(count);
      this.fillInts(indices, n);
      let sum = 0;
      for (let i = 0; i < count; i++) sum += values[indices[i]!]!;
      return sum;
    }
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const threshold = (TWO_POW_32 - n) % n;
    let sum = 0;
    for (let i = 0; i < count; ) {
      const times5 = Math.imul(s1, 5);
      const x = Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const product = x * n;
      const high = Math.floor(product / TWO_POW_32);
      if (product - high * TWO_POW_32 >= threshold) {
        sum += values[high]!;
        i++;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return sum;
  }
}
