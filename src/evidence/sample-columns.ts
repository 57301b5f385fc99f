/**
 * Per-sample outcomes of one metric key in one stage, held in typed-array columns that grow by
 * doubling: hundreds of thousands of samples cost a few bytes each instead of an object apiece.
 */
import type { SampleSeries } from './model.js';

export class SampleColumns {
  private readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  private values = new Float64Array(16);
  /** Observation instant per sample, so a later observation of the same sample wins. */
  private instants = new Float64Array(16);
  private slices = new Int32Array(16);
  private readonly sliceNames: string[] = [];
  private readonly sliceByName = new Map<string, number>();

  constructor(readonly key: string) {}

  get size(): number {
    return this.names.length;
  }

  /** `instant` is in µs; on equal instants the later call wins (file order). */
  put(name: string, value: number, instant: number, slice: string | null): void {
    const sliceIdx = slice === null ? -1 : this.sliceId(slice);
    const existing = this.byName.get(name);
    if (existing !== undefined) {
      if (instant < this.instants[existing]!) return;
      this.values[existing] = value;
      this.instants[existing] = instant;
      this.slices[existing] = sliceIdx;
      return;
    }
    const i = this.names.length;
    if (i === this.values.length) this.grow();
    this.names.push(name);
    this.byName.set(name, i);
    this.values[i] = value;
    this.instants[i] = instant;
    this.slices[i] = sliceIdx;
  }

  finish(): SampleSeries {
    const n = this.names.length;
    const values = this.values.slice(0, n);
    let binary = n > 0;
    for (const v of values) {
      if (v !== 0 && v !== 1) {
        binary = false;
        break;
      }
    }
    return {
      key: this.key,
      names: [...this.names],
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

  private grow(): void {
    const size = this.values.length * 2;
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
