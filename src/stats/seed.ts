import { StatsInputError } from './input-error.js';

/*
 * FNV-1a 64-bit (Fowler–Noll–Vo, http://www.isthe.com/chongo/tech/comp/fnv/) over UTF-8 bytes, then the
 * SplitMix64 finaliser (Steele, Lea & Flood 2014, as in rng.ts) so that inputs differing in one byte
 * give unrelated seeds. BigInt arithmetic: exact and identical on every platform.
 */
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

function mix64(value: bigint): bigint {
  let z = value;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return z ^ (z >> 31n);
}

/**
 * A seed for one bootstrap stream, derived from the policy seed and the names that identify the row,
 * e.g. `deriveSeed(policy.seed, 'evaluate', 'latency-ms', 'device-tablet')`, so that every
 * (stage, key, slice) gets its own reproducible stream instead of sharing one.
 *
 * Definition: text = decimal(policySeed) + "\u0000" + parts.join("\u0000"); h = FNV-1a-64(UTF-8(text));
 * result = SplitMix64-finalise(h) >> 11, an integer in [0, 2^53) that `Rng` accepts. `policySeed` must be
 * an integer in [0, 2^53); parts must not contain U+0000 (it separates them, so the encoding stays
 * unambiguous).
 */
export function deriveSeed(policySeed: number, ...parts: string[]): number {
  if (!Number.isSafeInteger(policySeed) || policySeed < 0) {
    throw new StatsInputError('invalid-option', `seed must be an integer in [0, 2^53), got ${policySeed}`);
  }
  for (const part of parts) {
    if (typeof part !== 'string' || part.includes('\u0000')) {
      throw new StatsInputError('invalid-option', 'seed parts must be strings without U+0000');
    }
  }
  const bytes = new TextEncoder().encode([String(policySeed), ...parts].join('\u0000'));
  let hash = FNV_OFFSET;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return Number(mix64(hash) >> 11n);
}
