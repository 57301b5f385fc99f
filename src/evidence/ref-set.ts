/**
 * Set of record refs seen so far, stored as 53-bit hashes in an open-addressing table of doubles.
 * Two million refs take ~32 MB instead of the ~200 MB a `Set<string>` of ~50-character refs needs.
 * The price is a tiny false-positive rate (≈ n² / 2^54; ~2e-4 at 2M refs), i.e. in the worst case a
 * distinct record is reported as a duplicate — visible as a gap, never silently merged into another.
 */

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain). */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const EMPTY = 0;

export class RefSet {
  private table: Float64Array = new Float64Array(1024);
  private used = 0;

  get size(): number {
    return this.used;
  }

  /** A copy of the table: `RefSet.fromSnapshot` answers `has` exactly as this set does now. */
  snapshot(): Float64Array {
    return this.table.slice();
  }

  /** A set over a snapshot's table (another thread's copy), for lookups. */
  static fromSnapshot(table: Float64Array): RefSet {
    const set = new RefSet();
    set.table = table;
    for (const h of table) if (h !== EMPTY) set.used += 1;
    return set;
  }

  has(ref: string): boolean {
    const h = RefSet.key(ref);
    const mask = this.table.length - 1;
    for (let i = h % this.table.length; ; i = (i + 1) & mask) {
      const slot = this.table[i]!;
      if (slot === EMPTY) return false;
      if (slot === h) return true;
    }
  }

  /** Adds `ref`; false when it was already present. */
  add(ref: string): boolean {
    // Up to 3/4 full: linear probing stays at a few probes per lookup, and a million refs fit in
    // 2^21 slots (16 MB) instead of 2^22.
    if ((this.used + 1) * 4 > this.table.length * 3) this.grow();
    const inserted = RefSet.insert(this.table, RefSet.key(ref));
    if (inserted) this.used += 1;
    return inserted;
  }

  /** 0 marks an empty slot, so hash 0 is shifted to 1. */
  private static key(ref: string): number {
    return hash53(ref) || 1;
  }

  private static insert(table: Float64Array, h: number): boolean {
    const mask = table.length - 1;
    for (let i = h % table.length; ; i = (i + 1) & mask) {
      const slot = table[i]!;
      if (slot === h) return false;
      if (slot === EMPTY) {
        table[i] = h;
        return true;
      }
    }
  }

  private grow(): void {
    const next = new Float64Array(this.table.length * 2);
    for (const h of this.table) if (h !== EMPTY) RefSet.insert(next, h);
    this.table = next;
  }
}
