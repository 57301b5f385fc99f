/**
 * Per-sample classification outcomes the SDK writes as tags on a per-sample outcome record
 * (`tags.label`, `tags.prediction`, strings such as "1", "0", "true"), folded into the same columns a
 * per-sample metric of that name would give, so f1/precision/recall/auc can be recomputed per sample
 * whichever form the run used. A sample usually carries the tags on several of its records (one per
 * per-sample metric): equal values are one observation, different values make the sample's tag
 * ambiguous, and an ambiguous sample is left out (NaN, never compared) rather than guessed.
 */
import type { SampleSeries } from './model.js';
import type { StageIds } from './sample-columns.js';
import type { SampleNames } from './sample-names.js';

/** The tags read as per-sample classification outcomes. */
export const SAMPLE_OUTCOME_TAGS = ['label', 'prediction'] as const;

/** "1"/"true" → 1, "0"/"false" → 0, another decimal number as that number, anything else null. */
export function tagValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

export class SampleTagColumns {
  private readonly rowOfId = new Map<number, number>();
  private readonly values: number[] = [];
  private readonly ids: number[] = [];
  private readonly slices: number[] = [];
  private readonly sliceNames: string[] = [];
  private readonly sliceByName = new Map<string, number>();

  constructor(
    readonly key: string,
    private readonly sampleNames: SampleNames,
  ) {}

  put(identity: string, text: string, slice: string | null): void {
    const parsed = tagValue(text);
    const value = parsed ?? Number.NaN;
    const id = this.sampleNames.id(identity);
    const row = this.rowOfId.get(id);
    if (row !== undefined) {
      if (this.values[row] !== value) this.values[row] = Number.NaN;
      return;
    }
    this.rowOfId.set(id, this.values.length);
    this.ids.push(id);
    this.values.push(value);
    this.slices.push(slice === null ? -1 : this.sliceId(slice));
  }

  finish(shared: StageIds): SampleSeries {
    const values = Float64Array.from(this.values);
    return {
      key: this.key,
      ids: Int32Array.from(this.ids, (id) => shared.ids[id]!),
      table: shared.table,
      values,
      sliceIndex: Int32Array.from(this.slices),
      sliceNames: [...this.sliceNames],
      binary: values.length > 0 && values.every((v) => v === 0 || v === 1),
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
}
