/**
 * Per-sample outcomes of one metric key in one stage, held in typed-array columns that grow by
 * doubling: hundreds of thousands of samples cost a few bytes each instead of an object apiece.
 * Sample names are kept once per stage (`SampleNames`), shared by every key of the stage: a stage
 * with `correct`, `score` and `latency-ms` per sample holds each name and its map entry once.
 */
import type { SampleSeries } from './model.js';

/** The distinct sample names of one stage, each with a dense id. */
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
  /** Observation instant per sample, so a later observation of the same sample wins. */
  private instants = new Float64Array(16);
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

  /** `instant` is in µs; on equal instants the later call wins (file order). */
  put(name: string, value: number, instant: number, slice: string | null): void {
    const sliceIdx = slice === null ? -1 : this.sliceId(slice);
    const id = this.sampleNames.id(name);
    if (id >= this.rowOfId.length) this.growIds(id);
    const existing = this.rowOfId[id]!;
    if (existing >= 0) {
      if (instant < this.instants[existing]!) return;
      this.values[existing] = value;
      this.instants[existing] = instant;
      this.slices[existing] = sliceIdx;
      return;
    }
    const i = this.rows;
    if (i === this.values.length) this.grow();
    this.rows += 1;
    this.rowOfId[id] = i;
    this.ids[i] = id;
    this.values[i] = value;
    this.instants[i] = instant;
    this.slices[i] = sliceIdx;
  }

  finish(): SampleSeries {
    const n = this.rows;
    const values = this.values.slice(0, n);
    let binary = n > 0;
    for (const v of values) {
      if (v !== 0 && v !== 1) {
        binary = false;
        break;
      }
    }
    const all = this.sampleNames.names;
    const names = new Array<string>(n);
    for (let i = 0; i < n; i++) names[i] = all[this.ids[i]!]!;
    return {
      key: this.key,
      names,
      values,
      sliceIndex: this.slices.slice(0, n),
      sliceNames: [...this.sliceNames],
      binary,
    };
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
    const instants = new Float64Array(size);
    instants.set(this.instants);
    this.instants = instants;
    const slices = new Int32Array(size);
    slices.set(this.slices);
    this.slices = slices;
  }
}
