/**
 * Per-sample outcomes of one metric key in one stage, held in typed-array columns that grow by
 * doubling: hundreds of thousands of samples cost a few bytes each instead of an object apiece.
 * Sample names get a dense id per stage (`SampleNames`), shared by every key of the stage: a stage
 * with `correct`, `score` and `latency-ms` per sample holds each name and its map entry once. The
 * finished series carry ids into the table the whole read shares (`StageIds`), so the stage's own
 * table is dropped with the reader.
 *
 * A sample's identity within its stage is its batch and its name (`sampleIdentity`): two batches of
 * one run may reuse sample names and are still different samples. One identity recorded twice for
 * the same key is ambiguous: `put` says where the first was recorded, and neither value is kept.
 */
import type { SampleSeries } from './model.js';
import type { SampleNames } from './sample-names.js';

/**
 * The name a sample goes by in a sample table (`SampleSeries.table`): `<batch>/<sample>` for a
 * sample recorded in a batch, the bare sample name otherwise. Ref components never contain `/`, so this is unambiguous.
 */
export function sampleIdentity(batch: string | null, sample: string): string {
  return batch === null ? sample : `${batch}/${sample}`;
}

/** Where a per-sample observation was recorded. */
export interface SampleOrigin {
  file: string;
  line: number;
}

/** A stage's sample ids translated into the read's shared table: `ids[stageId]` is the shared id. */
export interface StageIds {
  table: SampleNames;
  ids: Int32Array;
}

export function stageIds(stage: SampleNames, table: SampleNames): StageIds {
  return { table, ids: Int32Array.from(stage.names, (name) => table.id(name)) };
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
    private readonly sampleNames: SampleNames,
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

  finish(shared: StageIds): SampleSeries {
    const keep: number[] = [];
    for (let i = 0; i < this.rows; i++) if (!this.ambiguous.has(i)) keep.push(i);
    const n = keep.length;
    const values = new Float64Array(n);
    const sliceIndex = new Int32Array(n);
    const ids = new Int32Array(n);
    let binary = n > 0;
    for (let j = 0; j < n; j++) {
      const i = keep[j]!;
      const v = this.values[i]!;
      values[j] = v;
      if (v !== 0 && v !== 1) binary = false;
      sliceIndex[j] = this.slices[i]!;
      ids[j] = shared.ids[this.ids[i]!]!;
    }
    return {
      key: this.key,
      ids,
      table: shared.table,
      values,
      sliceIndex,
      sliceNames: [...this.sliceNames],
      binary,
    };
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

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The keys of one stage usually describe the same samples in the same order (`correct`, `score` and
 * `latency-ms` of every sample): such series share one `ids` column, and one `sliceIndex` column when
 * their slice names agree too, instead of a copy per key. Nothing writes to a finished series'
 * columns, so sharing them is invisible to every reader.
 */
export function shareColumns(series: SampleSeries[]): SampleSeries[] {
  const kept: SampleSeries[] = [];
  return series.map((s) => {
    let out = s;
    for (const k of kept) {
      if (k.table !== s.table || !sameInts(k.ids, out.ids)) continue;
      out = { ...out, ids: k.ids };
      const sameSlices =
        k.sliceNames.length === out.sliceNames.length &&
        k.sliceNames.every((n, i) => n === out.sliceNames[i]);
      if (sameSlices && sameInts(k.sliceIndex, out.sliceIndex)) out = { ...out, sliceIndex: k.sliceIndex };
      break;
    }
    kept.push(out);
    return out;
  });
}
