/**
 * Pairing of per-sample series by sample identity, in typed-array columns. A merged 64-shard run has
 * 640k samples per key: one object per pair and a map per key were hundreds of MiB, where row numbers
 * and slice ids in Int32Arrays are a few bytes per sample. Series read with one sample table (both
 * sides of a comparison, as the CLI and the action read them) pair by their ids with no map at all;
 * series of different tables are first given ids in one transient table. Orders are those of the
 * object-based pairing they replace (candidate order for pairs), because a seeded resample depends
 * on them.
 */
import type { SampleSeries } from '../evidence/model.js';
import { SampleNames } from '../evidence/sample-names.js';

/**
 * `values[rows[at[j]]]` for each j (`values[rows[j]]` without `at`), as a column the statistics read.
 * When that is every value in order, as for runs of the same samples in the same order (merged
 * shards), it is `values` itself rather than a copy: nothing writes to a column it is given.
 */
export function columnAt(values: Float64Array, rows: Int32Array, at?: Int32Array): Float64Array {
  const n = at === undefined ? rows.length : at.length;
  let whole = n === values.length;
  for (let j = 0; whole && j < n; j++) whole = rows[at === undefined ? j : at[j]!] === j;
  if (whole) return values;
  const out = new Float64Array(n);
  if (at === undefined) for (let j = 0; j < n; j++) out[j] = values[rows[j]!]!;
  else for (let j = 0; j < n; j++) out[j] = values[rows[at[j]!]!]!;
  return out;
}

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

/** Per sample, its slice id in the shared table; the series' own column when the ids agree. */
function sliceIds(series: SampleSeries, table: Int32Array): Int32Array {
  if (table.every((id, i) => id === i)) return series.sliceIndex;
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

/** Ids of several series in one id space of `size` ids: their own when they share a table. */
interface JointIds {
  size: number;
  ids: Int32Array[];
}

function jointIds(series: readonly SampleSeries[]): JointIds {
  const first = series[0]?.table;
  if (first !== undefined && series.every((s) => s.table === first)) {
    return { size: first.size, ids: series.map((s) => s.ids) };
  }
  const joint = new SampleNames();
  const ids = series.map((s) => Int32Array.from(s.ids, (id) => joint.id(s.table.names[id]!)));
  return { size: joint.size, ids };
}

export function pairSeries(baseline: SampleSeries, candidate: SampleSeries): SeriesPairing {
  const table = new SliceTable();
  const cSlices = sliceIds(candidate, table.lookup(candidate));
  const bSlices = sliceIds(baseline, table.lookup(baseline));
  const joint = jointIds([baseline, candidate]);
  const [bIds, cIds] = joint.ids as [Int32Array, Int32Array];
  // Baseline row of each id, -1 for none: ids are unique within a series.
  const baselineRowOf = new Int32Array(joint.size).fill(-1);
  for (let bi = 0; bi < bIds.length; bi++) baselineRowOf[bIds[bi]!] = bi;
  const matched = new Int32Array(cIds.length);
  const paired = new Uint8Array(bIds.length);
  let pairs = 0;
  for (let ci = 0; ci < cIds.length; ci++) {
    const bi = baselineRowOf[cIds[ci]!]!;
    matched[ci] = bi;
    if (bi >= 0) {
      paired[bi] = 1;
      pairs += 1;
    }
  }
  const baselineRow = new Int32Array(pairs);
  const candidateRow = new Int32Array(pairs);
  const pairSlice = new Int32Array(pairs);
  const candidateOnly = new Int32Array(cIds.length - pairs);
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
  const joint = jointIds([...baseline, ...candidate]);
  const bIds = joint.ids.slice(0, baseline.length);
  const cIds = joint.ids.slice(baseline.length);
  // Which ids the baseline has, then `rowOf[id]`: the id's row, -1 until it gets one.
  const inBaseline = new Uint8Array(joint.size);
  for (const ids of bIds) for (let i = 0; i < ids.length; i++) inBaseline[ids[i]!] = 1;
  const rowOf = new Int32Array(joint.size).fill(-1);
  const table = new SliceTable();
  let slice = new Int32Array(1024);
  let rows = 0;
  candidate.forEach((s, k) => {
    const ids = cIds[k]!;
    const slices = sliceIds(s, table.lookup(s));
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (inBaseline[id] === 0) continue;
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
      if (slice[row]! < 0) slice[row] = slices[i]!;
    }
  });
  // Rows whose slice the candidate left open take the baseline's.
  baseline.forEach((s, k) => {
    const ids = bIds[k]!;
    const slices = sliceIds(s, table.lookup(s));
    for (let i = 0; i < ids.length; i++) {
      const row = rowOf[ids[i]!]!;
      if (row >= 0 && slice[row]! < 0) slice[row] = slices[i]!;
    }
  });
  // A side whose samples are exactly the rows, in row order (both runs hold the same samples in the
  // same order, as merged shards do), is aligned already: its own column is used, not a copy.
  const aligned = (side: SampleSeries, ids: Int32Array) => {
    if (ids.length === rows && ids.every((id, i) => rowOf[id] === i)) return side.values;
    const out = new Float64Array(rows).fill(Number.NaN);
    for (let i = 0; i < ids.length; i++) {
      const row = rowOf[ids[i]!]!;
      if (row >= 0) out[row] = side.values[i]!;
    }
    return out;
  };
  const series = new Map<string, { b: Float64Array; c: Float64Array; binary: boolean }>();
  const left = new Map(baseline.map((s, k) => [s.key, { s, ids: bIds[k]! }]));
  candidate.forEach((c, k) => {
    const b = left.get(c.key);
    if (!b) return;
    series.set(c.key, { b: aligned(b.s, b.ids), c: aligned(c, cIds[k]!), binary: b.s.binary && c.binary });
  });
  return { rows, slice: slice.slice(0, rows), sliceNames: table.names, series };
}
