/**
 * Sample identities as dense integer ids, one string per distinct identity. Series read with the
 * same table (both sides of a comparison, every shard of a run) carry `Int32Array` ids into it, so
 * pairing and merging join samples by integer instead of holding a name → row map per side and
 * per key, and the baseline's copy of each name is dropped as soon as it is interned: at 640k
 * samples per side that is most of what a comparison would otherwise keep alive.
 */
export class SampleNames {
  readonly names: string[] = [];
  /** Null after `release`; rebuilt by the next `id`. */
  private byName: Map<string, number> | null = new Map();

  get size(): number {
    return this.names.length;
  }

  id(name: string): number {
    const byName = this.byName ?? this.reindex();
    let id = byName.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      byName.set(name, id);
    }
    return id;
  }

  /**
   * Drops the name → id index once every series is read: lookups by id keep working, and a later
   * `id` call rebuilds it, so releasing early costs time, never correctness.
   */
  release(): void {
    this.byName = null;
  }

  private reindex(): Map<string, number> {
    const byName = new Map<string, number>();
    for (let i = 0; i < this.names.length; i++) byName.set(this.names[i]!, i);
    this.byName = byName;
    return byName;
  }
}
