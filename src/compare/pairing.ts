/**
 * Pairing of per-sample series by sample identity, in typed-array columns. A merged 64-shard run has
 * 640k samples per key: one object per pair and a map per key were hundreds of MiB, where row numbers
 * and slice ids in Int32Arrays are a few bytes per sample. The only map is one name → row index of
 * one side, built per call and dropped when it returns. Orders are those of the object-based
 * pairing they replace (candidate order for pairs), because a seeded resample depends on them.
 */
import type { SampleSeries } from '../evidence/model.js';

/** Slice names of several series under one numbering (ids in first-seen order). */
class SliceTable {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Per slice index of `series`, its id in this table. */
  lookup(series: SampleSeries): Int32Array {
    return Int32Array.from(series.sliceNames, (name) => {
      let id = this.ids.get(name);
      if (id === undefined) {
        id = this.names.length;
        this.names.push(name);
        this.ids.set(name, id);
      }
      return id;
    });
  }
}

function sliceIds(series: SampleSeries, table: Int32Array): Int32Array {
  const out = new Int32Array(series.values.length);
  for (let i = 0; i < out.length; i++) {
    const s = series.sliceIndex[i]!;
    out[i] = s >= 0 ? table[s]! : -1;
  }
  return out;
}

/** Rows of one group (a slice, or all) of pairs and of each side's unpaired samples. */
export interface PairGroup {
  /** Indices into the pairing's pair columns, in pair order. */
  pairs: Int32Array;
  baselineOnly: Int32Array;
  candidateOnly: Int32Array;
}

/** Samples of one key paired by name: pair k is baseline row `baselineRow[k]`, candidate row `candidateRow[k]`. */
export interface SeriesPairing {
  baselineRow: Int32Array;
  candidateRow: Int32Array;
  /** Per pair, its slice id in `sliceNames` (the candidate's slice, else the baseline's), -1 for none. */
  pairSlice: Int32Array;
  /** Baseline rows without a candidate sample, in baseline order, and their slice ids. */
  baselineOnly: Int32Array;
  baselineOnlySlice: Int32Array;
  /** Candidate rows without a baseline sample, in candidate order, and their slice ids. */
  candidateOnly: Int32Array;
  candidateOnlySlice: Int32Array;
  sliceNames: string[];
}

function rowsByName(series: SampleSeries): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < series.names.length; i++) index.set(series.names[i]!, i);
  return index;
}

export function pairSeries(baseline: SampleSeries, candidate: SampleSeries): SeriesPairing {
  const table = new SliceTable();
  const cSlices = sliceIds(candidate, table.lookup(candidate));
  const bSlices = sliceIds(baseline, table.lookup(baseline));
  const baselineIndex = rowsByName(baseline);
  const matched = new Int32Array(candidate.names.length);
  const paired = new Uint8Array(baseline.names.length);
  let pairs = 0;
  for (let ci = 0; ci < candidate.names.length; ci++) {
    const bi = baselineIndex.get(candidate.names[ci]!);
    matched[ci] = bi ?? -1;
    if (bi !== undefined) {
      paired[bi] = 1;
      pairs += 1;
    }
  }
  baselineIndex.clear();
  const baselineRow = new Int32Array(pairs);
  const candidateRow = new Int32Array(pairs);
  const pairSlice = new Int32Array(pairs);
  const candidateOnly = new Int32Array(candidate.names.length - pairs);
  const candidateOnlySlice = new Int32Array(candidateOnly.length);
  let k = 0;
  let u = 0;
  for (let ci = 0; ci < matched.length; ci++) {
    const bi = matched[ci]!;
    if (bi < 0) {
      candidateOnly[u] = ci;
      candidateOnlySlice[u++] = cSlices[ci]!;
      continue;
    }
    baselineRow[k] = bi;
    candidateRow[k] = ci;
    pairSlice[k++] = cSlices[ci]! >= 0 ? cSlices[ci]! : bSlices[bi]!;
  }
  let unpaired = 0;
  for (let i = 0; i < paired.length; i++) if (paired[i] === 0) unpaired += 1;
  const baselineOnly = new Int32Array(unpaired);
  const baselineOnlySlice = new Int32Array(unpaired);
  u = 0;
  for (let i = 0; i < paired.length; i++) {
    if (paired[i] !== 0) continue;
    baselineOnly[u] = i;
    baselineOnlySlice[u++] = bSlices[i]!;
  }
  return {
    baselineRow,
    candidateRow,
    pairSlice,
    baselineOnly,
    baselineOnlySlice,
    candidateOnly,
    candidateOnlySlice,
    sliceNames: table.names,
  };
}

function positions(count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = i;
  return out;
}

/** Positions of `slices` equal to `id`, in order. */
function where(slices: Int32Array, id: number): Int32Array {
  let n = 0;
  for (let i = 0; i < slices.length; i++) if (slices[i] === id) n += 1;
  const out = new Int32Array(n);
  n = 0;
  for (let i = 0; i < slices.length; i++) if (slices[i] === id) out[n++] = i;
  return out;
}

/** Every pair and unpaired row; indices into `baselineOnly`/`candidateOnly`, not rows. */
export function overallGroup(p: SeriesPairing): PairGroup {
  return {
    pairs: positions(p.pairSlice.length),
    baselineOnly: positions(p.baselineOnly.length),
    candidateOnly: positions(p.candidateOnly.length),
  };
}

/** The slices that occur anywhere in the pairing, sorted by name, each with its group. */
export function sliceGroups(p: SeriesPairing): { slice: string; group: PairGroup }[] {
  const seen = new Uint8Array(p.sliceNames.length);
  for (const column of [p.pairSlice, p.baselineOnlySlice, p.candidateOnlySlice])
    for (let i = 0; i < column.length; i++) if (column[i]! >= 0) seen[column[i]!] = 1;
  const ids: number[] = [];
  for (let id = 0; id < seen.length; id++) if (seen[id] === 1) ids.push(id);
  const name = (id: number) => p.sliceNames[id]!;
  ids.sort((x, y) => (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : 0));
  return ids.map((id) => ({
    slice: name(id),
    group: {
      pairs: where(p.pairSlice, id),
      baselineOnly: where(p.baselineOnlySlice, id),
      candidateOnly: where(p.candidateOnlySlice, id),
    },
  }));
}

/**
 * One stage's samples present in both runs, each per-sample key aligned to them (NaN = absent on
 * that side). Rows are in order of first appearance in the candidate's series; a row's slice is the
 * first slice the candidate's series give it, else the first the baseline's give it.
 */
export interface StageAlignment {
  rows: number;
  /** Per row, its slice id in `sliceNames`, -1 for none. */
  slice: Int32Array;
  sliceNames: string[];
  series: Map<string, { b: Float64Array; c: Float64Array; binary: boolean }>;
}

export function alignStage(
  baseline: readonly SampleSeries[],
  candidate: readonly SampleSeries[],
): StageAlignment {
  // Dense ids of the baseline's distinct identities; `rowOf[id]` is the id's row, -1 until it gets one.
  const idOf = new Map<string, number>();
  for (const s of baseline) for (const name of s.names) if (!idOf.has(name)) idOf.set(name, idOf.size);
  const rowOf = new Int32Array(idOf.size).fill(-1);
  const table = new SliceTable();
  let slice = new Int32Array(1024);
  let rows = 0;
  for (const s of candidate) {
    const ids = sliceIds(s, table.lookup(s));
    for (let i = 0; i < s.names.length; i++) {
      const id = idOf.get(s.names[i]!);
      if (id === undefined) continue;
      let row = rowOf[id]!;
      if (row < 0) {
        row = rows++;
        rowOf[id] = row;
        if (row === slice.length) {
          const grown = new Int32Array(slice.length * 2);
          grown.set(slice);
          slice = grown;
        }
        slice[row] = -1;
      }
      if (slice[row]! < 0) slice[row] = ids[i]!;
    }
  }
  // Rows whose slice the candidate left open take the baseline's.
  for (const s of baseline) {
    const ids = sliceIds(s, table.lookup(s));
    for (let i = 0; i < s.names.length; i++) {
      const row = rowOf[idOf.get(s.names[i]!)!]!;
      if (row >= 0 && slice[row]! < 0) slice[row] = ids[i]!;
    }
  }
  const rowOfName = (name: string) => {
    const id = idOf.get(name);
    return id === undefined ? -1 : rowOf[id]!;
  };
  const aligned = (side: SampleSeries) => {
    const out = new Float64Array(rows).fill(Number.NaN);
    for (let i = 0; i < side.names.length; i++) {
      const row = rowOfName(side.names[i]!);
      if (row >= 0) out[row] = side.values[i]!;
    }
    return out;
  };
  const series = new Map<string, { b: Float64Array; c: Float64Array; binary: boolean }>();
  const left = new Map(baseline.map((s) => [s.key, s]));
  for (const c of candidate) {
    const b = left.get(c.key);
    if (!b) continue;
    series.set(c.key, { b: aligned(b), c: aligned(c), binary: b.binary && c.binary });
  }
  idOf.clear();
  return { rows, slice: slice.slice(0, rows), sliceNames: table.names, series };
}
