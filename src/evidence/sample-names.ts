/**
 * Sample identities as dense integer ids, one string per distinct identity. Series read with the
 * same table (both sides of a comparison, every shard of a run) carry `Int32Array` ids into it, so
 * pairing and merging join samples by integer instead of holding a name → row map per side and
 * per key, and the baseline's copy of each name is dropped as soon as it is interned: at 640k
 * samples per side that is most of what a comparison would otherwise keep alive.
 *
 * The index from name to id is an open-addressing hash table in one Int32Array rather than a Map:
 * 4 bytes per slot at most half full, against ~44 bytes per entry for a Map of 640k names (28 MB
 * measured), which was the largest thing a sharded read kept besides the samples themselves.
 */
const MIN_SLOTS = 1024;

/**
 * A multiplicative hash over UTF-16 code units with a start value and an odd multiplier drawn per
 * table: sample names come from untrusted evidence, and names crafted to collide under a fixed
 * hash would turn every lookup into a scan of one long probe chain. Ids never depend on the hash
 * (they are handed out in order of first sight), so the randomness is invisible in every result.
 */
function hash(text: string, start: number, multiplier: number): number {
  let h = start;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), multiplier);
  h ^= h >>> 16;
  return Math.imul(h, 0x45d9f3b) ^ (h >>> 13);
}

function randomWord(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! | 0;
}

export class SampleNames {
  readonly names: string[] = [];
  // The index is private state (# fields): two tables of the same names are equal as values,
  // whatever their seeds and slots, so evidence read twice compares equal.
  /** Per slot, 1 + the id stored there, 0 for empty; null after `release`, rebuilt by `id`. */
  #slots: Int32Array | null = new Int32Array(MIN_SLOTS);
  readonly #start = randomWord();
  readonly #multiplier = randomWord() | 1;

  get size(): number {
    return this.names.length;
  }

  id(name: string): number {
    let slots = this.#slots ?? this.reindex(this.names.length);
    const mask = slots.length - 1;
    let at = hash(name, this.#start, this.#multiplier) & mask;
    for (;;) {
      const stored = slots[at]!;
      if (stored === 0) break;
      if (this.names[stored - 1] === name) return stored - 1;
      at = (at + 1) & mask;
    }
    const id = this.names.length;
    this.names.push(name);
    if (2 * this.names.length > slots.length) slots = this.reindex(this.names.length);
    else slots[at] = id + 1;
    return id;
  }

  /**
   * Drops the name → id index once every series is read: lookups by id keep working, and a later
   * `id` call rebuilds it, so releasing early costs time, never correctness.
   */
  release(): void {
    this.#slots = null;
  }

  /** A fresh index of every name, with room for `count` names at most half full. */
  private reindex(count: number): Int32Array {
    let size = MIN_SLOTS;
    while (size < 2 * count + 2) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.names.length; id++) {
      let at = hash(this.names[id]!, this.#start, this.#multiplier) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
    this.#slots = slots;
    return slots;
  }
}
