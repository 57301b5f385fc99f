/**
 * Per-sample outcomes of one metric key in one stage, held in typed-array columns that grow by
 * doubling: hundreds of thousands of samples cost a few bytes each instead of an object apiece.
 * Sample names are kept once per stage (`SampleNames`), shared by every key of the stage: a stage
 * with `correct`, `score` and `latency-ms` per sample holds each name and its map entry once.
 *
 * A sample's identity within its stage is its batch and its name (`sampleIdentity`): two batches of
 * one run may reuse sample names and are still different samples. One identity recorded twice for
 * the same key is ambiguous: `put` says where the first was recorded, and neither value is kept.
 */
import type { SampleSeries } from './model.js';

/**
 * The name a sample goes by in `SampleSeries.names`: `<batch>/<sample>` for a sample recorded in a
 * batch, the bare sample name otherwise. Ref components never contain `/`, so this is unambiguous.
 */
export function sampleIdentity(batch: string | null, sample: string): string {
  return batch === null ? sample : `${batch}/${sample}`;
}

/** Where a per-sample observation was recorded. */
export interface SampleOrigin {
  file: string;
  line: number;
}

/** The distinct sample identities of one stage, each with a dense id. */
export class SampleNames {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();

  get size(): number {
    return this.names.length;
  }

  id(name: string): number {
    let id = this.byName.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.byName.set(name, id);
    }
    return id;
  }
}

export class SampleColumns {
  /** Row of each sample id in this key's columns, -1 when the key has no observation of it. */
  private rowOfId = new Int32Array(16).fill(-1);
  private rows = 0;
  private ids = new Int32Array(16);
  private values = new Float64Array(16);
  /** File (index into `files`) and line of each row's record, to name both sides of a duplicate. */
  private fileIds = new Int32Array(16);
  private lines = new Int32Array(16);
  /** Rows whose identity was recorded more than once: dropped by `finish`. */
  private readonly ambiguous = new Set<number>();
  private readonly files: string[] = [];
  private slices = new Int32Array(16);
  private readonly sliceNames: string[] = [];
  private readonly sliceByName = new Map<string, number>();

  constructor(
    readonly key: string,
    private readonly sampleNames: SampleNames = new SampleNames(),
  ) {}

  get size(): number {
    return this.rows;
  }

  /**
   * Records one observation of `identity` (see `sampleIdentity`). Returns null, or, when this key
   * already has an observation of that identity, where that one was recorded: the sample is then
   * ambiguous and left out of the series.
   */
  put(identity: string, value: number, slice: string | null, origin: SampleOrigin): SampleOrigin | null {
    const id = this.sampleNames.id(identity);
    if (id >= this.rowOfId.length) this.growIds(id);
    const existing = this.rowOfId[id]!;
    if (existing >= 0) {
      this.ambiguous.add(existing);
      return { file: this.files[this.fileIds[existing]!]!, line: this.lines[existing]! };
    }
    const i = this.rows;
    if (i === this.values.length) this.grow();
    this.rows += 1;
    this.rowOfId[id] = i;
    this.ids[i] = id;
    this.values[i] = value;
    this.slices[i] = slice === null ? -1 : this.sliceId(slice);
    this.fileIds[i] = this.fileId(origin.file);
    this.lines[i] = origin.line;
    return null;
  }

  finish(): SampleSeries {
    const keep: number[] = [];
    for (let i = 0; i < this.rows; i++) if (!this.ambiguous.has(i)) keep.push(i);
    const n = keep.length;
    const values = new Float64Array(n);
    const sliceIndex = new Int32Array(n);
    const names = new Array<string>(n);
    const all = this.sampleNames.names;
    let binary = n > 0;
    for (let j = 0; j < n; j++) {
      const i = keep[j]!;
      const v = this.values[i]!;
      values[j] = v;
      if (v !== 0 && v !== 1) binary = false;
      sliceIndex[j] = this.slices[i]!;
      names[j] = all[this.ids[i]!]!;
    }
    return { key: this.key, names, values, sliceIndex, sliceNames: [...this.sliceNames], binary };
  }

  private fileId(file: string): number {
    const last = this.files.length - 1;
    if (last >= 0 && this.files[last] === file) return last;
    const found = this.files.indexOf(file);
    if (found >= 0) return found;
    this.files.push(file);
    return this.files.length - 1;
  }

  private sliceId(slice: string): number {
    let id = this.sliceByName.get(slice);
    if (id === undefined) {
      id = this.sliceNames.length;
      this.sliceNames.push(slice);
      this.sliceByName.set(slice, id);
    }
    return id;
  }

  private growIds(id: number): void {
    const next = new Int32Array(Math.max(this.rowOfId.length * 2, id + 1)).fill(-1);
    next.set(this.rowOfId);
    this.rowOfId = next;
  }

  private grow(): void {
    const size = this.values.length * 2;
    const ids = new Int32Array(size);
    ids.set(this.ids);
    this.ids = ids;
    const values = new Float64Array(size);
    values.set(this.values);
    this.values = values;
    const fileIds = new Int32Array(size);
    fileIds.set(this.fileIds);
    this.fileIds = fileIds;
    const lines = new Int32Array(size);
    lines.set(this.lines);
    this.lines = lines;
    const slices = new Int32Array(size);
    slices.set(this.slices);
    this.slices = slices;
  }
}
