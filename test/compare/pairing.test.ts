/**
 * The columnar pairing (src/compare/pairing.ts) against the object-per-pair pairing it replaced,
 * written out here as plainly as it was: the same pairs, unpaired samples, slices and orders on the
 * SDK-written scenarios, as they are and with samples dropped, slices cleared and the candidate's
 * order reversed. Orders matter: a seeded bootstrap resamples pairs by position.
 */
import { describe, expect, it } from 'vitest';
import {
  alignStage,
  overallGroup,
  pairSeries,
  type SeriesPairing,
  sliceGroups,
} from '../../src/compare/pairing.js';
import { readEvidence } from '../../src/contexta/read.js';
import type { SampleSeries, Stage } from '../../src/evidence/model.js';
import { SampleNames } from '../../src/evidence/sample-names.js';
import {
  evidence,
  SCENARIOS,
  type Scenario,
  scenarioPath,
  scenarioRuns,
} from '../support/engine-fixtures.js';
import { namesOf } from '../support/samples.js';

const sliceOf = (s: SampleSeries, i: number) => {
  const k = s.sliceIndex[i]!;
  return k >= 0 ? (s.sliceNames[k] ?? null) : null;
};

/** The pairing as src/compare/samples.ts did it before: a Map and one object per pair. */
function referencePairs(baseline: SampleSeries, candidate: SampleSeries) {
  const index = new Map<string, number>();
  namesOf(baseline).forEach((name, i) => {
    index.set(name, i);
  });
  const pairs: { name: string; slice: string | null; baseline: number; candidate: number }[] = [];
  const candidateOnly: { name: string; slice: string | null }[] = [];
  const paired = new Uint8Array(baseline.ids.length);
  namesOf(candidate).forEach((name, ci) => {
    const bi = index.get(name);
    if (bi === undefined) {
      candidateOnly.push({ name, slice: sliceOf(candidate, ci) });
      return;
    }
    paired[bi] = 1;
    pairs.push({
      name,
      slice: sliceOf(candidate, ci) ?? sliceOf(baseline, bi),
      baseline: baseline.values[bi]!,
      candidate: candidate.values[ci]!,
    });
  });
  const baselineOnly: { name: string; slice: string | null }[] = [];
  namesOf(baseline).forEach((name, i) => {
    if (paired[i] === 0) baselineOnly.push({ name, slice: sliceOf(baseline, i) });
  });
  const slices = new Set<string>();
  for (const x of [...pairs, ...baselineOnly, ...candidateOnly]) if (x.slice !== null) slices.add(x.slice);
  return { pairs, baselineOnly, candidateOnly, slices: [...slices].sort() };
}

/** The columnar pairing read back into the reference's shape. */
function asObjects(p: SeriesPairing, baseline: SampleSeries, candidate: SampleSeries) {
  const slice = (id: number) => (id >= 0 ? p.sliceNames[id]! : null);
  return {
    pairs: Array.from(p.baselineRow, (bi, k) => ({
      name: namesOf(candidate)[p.candidateRow[k]!]!,
      slice: slice(p.pairSlice[k]!),
      baseline: baseline.values[bi]!,
      candidate: candidate.values[p.candidateRow[k]!]!,
    })),
    baselineOnly: Array.from(p.baselineOnly, (i, k) => ({
      name: namesOf(baseline)[i]!,
      slice: slice(p.baselineOnlySlice[k]!),
    })),
    candidateOnly: Array.from(p.candidateOnly, (i, k) => ({
      name: namesOf(candidate)[i]!,
      slice: slice(p.candidateOnlySlice[k]!),
    })),
    slices: sliceGroups(p).map((g) => g.slice),
  };
}

/** The stage alignment as src/compare/row-test.ts built it before: a Set and two Maps per stage. */
function referenceAlignment(bs: readonly SampleSeries[], cs: readonly SampleSeries[]) {
  const inBaseline = new Set<string>();
  for (const s of bs) for (const name of namesOf(s)) inBaseline.add(name);
  const index = new Map<string, number>();
  const slices: (string | null)[] = [];
  const fromCandidate = new Map<string, string | null>();
  for (const s of cs) {
    namesOf(s).forEach((name, i) => {
      if (!inBaseline.has(name)) return;
      if (!index.has(name)) {
        index.set(name, slices.length);
        slices.push(null);
      }
      const slice = sliceOf(s, i);
      if (slice !== null && !fromCandidate.has(name)) fromCandidate.set(name, slice);
    });
  }
  for (const [name, slice] of fromCandidate) slices[index.get(name)!] = slice;
  for (const s of bs) {
    namesOf(s).forEach((name, i) => {
      const at = index.get(name);
      if (at !== undefined && slices[at] === null) slices[at] = sliceOf(s, i);
    });
  }
  const series = new Map<string, { b: Float64Array; c: Float64Array; binary: boolean }>();
  const left = new Map(bs.map((s) => [s.key, s]));
  for (const c of cs) {
    const b = left.get(c.key);
    if (!b) continue;
    const aligned = (side: SampleSeries) => {
      const out = new Float64Array(slices.length).fill(Number.NaN);
      namesOf(side).forEach((name, i) => {
        const at = index.get(name);
        if (at !== undefined) out[at] = side.values[i]!;
      });
      return out;
    };
    series.set(c.key, { b: aligned(b), c: aligned(c), binary: b.binary && c.binary });
  }
  return { slices, series };
}

/** A series with every `dropEvery`-th sample removed, every `clearEvery`-th slice cleared, maybe reversed. */
function perturbed(s: SampleSeries, dropEvery: number, clearEvery: number, reverse: boolean): SampleSeries {
  const keep: number[] = [];
  for (let i = 0; i < s.ids.length; i++) if (i % dropEvery !== 0) keep.push(i);
  if (reverse) keep.reverse();
  return {
    ...s,
    ids: Int32Array.from(keep, (i) => s.ids[i]!),
    values: Float64Array.from(keep, (i) => s.values[i]!),
    sliceIndex: Int32Array.from(keep, (i, j) => (j % clearEvery === 0 ? -1 : s.sliceIndex[i]!)),
  };
}

/**
 * The stages both runs of a scenario have samples in. `shared`: both sides read with one sample
 * table, as the CLI and the action read them (pairing by id); otherwise each with its own (pairing
 * through a transient table).
 */
async function stages(name: Scenario, shared: boolean): Promise<{ b: Stage; c: Stage }[]> {
  const refs = await scenarioRuns(name);
  const table = new SampleNames();
  const read = (side: 'baseline' | 'candidate') =>
    shared
      ? readEvidence(scenarioPath(name, side), { ledger: null, sampleNames: table })
      : evidence(scenarioPath(name, side));
  const run = async (side: 'baseline' | 'candidate', ref: string) =>
    (await read(side)).projects.flatMap((p) => p.runs).find((r) => r.ref === ref)!;
  const b = await run('baseline', refs.baseline_run);
  const c = await run('candidate', refs.candidate_run);
  return c.stages.flatMap((cs) => {
    const bs = b.stages.find((s) => s.name === cs.name);
    return bs && bs.samples.length > 0 && cs.samples.length > 0 ? [{ b: bs, c: cs }] : [];
  });
}

const VARIANTS: [string, (s: SampleSeries, side: 'b' | 'c') => SampleSeries][] = [
  ['as written', (s) => s],
  [
    'samples dropped, slices cleared, candidate reversed',
    (s, side) => (side === 'b' ? perturbed(s, 7, 3, false) : perturbed(s, 5, 4, true)),
  ],
];

describe('columnar pairing equals the object-per-pair pairing', () => {
  for (const [variant, change] of VARIANTS)
    for (const shared of [true, false]) {
      const tables = shared ? 'one sample table' : 'a table per side';
      it(`pairSeries and sliceGroups on every scenario's per-sample keys (${variant}, ${tables})`, async () => {
        let compared = 0;
        for (const name of SCENARIOS) {
          for (const { b, c } of await stages(name, shared)) {
            for (const cs of c.samples) {
              const bs = b.samples.find((s) => s.key === cs.key);
              if (!bs) continue;
              expect(bs.table === cs.table).toBe(shared);
              const [x, y] = [change(bs, 'b'), change(cs, 'c')];
              const p = pairSeries(x, y);
              expect(asObjects(p, x, y), `${name}/${c.name}/${cs.key}`).toEqual(referencePairs(x, y));
              const ref = referencePairs(x, y);
              for (const { slice, group } of sliceGroups(p)) {
                expect(Array.from(group.pairs, (k) => ref.pairs[k]!)).toEqual(
                  ref.pairs.filter((q) => q.slice === slice),
                );
                expect(Array.from(group.baselineOnly, (k) => ref.baselineOnly[k]!)).toEqual(
                  ref.baselineOnly.filter((q) => q.slice === slice),
                );
              }
              expect(overallGroup(p).pairs.length).toBe(ref.pairs.length);
              compared += 1;
            }
          }
        }
        // Every scenario with per-sample evidence took part (llm-eval alone has several keys).
        expect(compared).toBeGreaterThanOrEqual(8);
      });

      it(`alignStage on every scenario's stages (${variant}, ${tables})`, async () => {
        let compared = 0;
        for (const name of SCENARIOS) {
          for (const { b, c } of await stages(name, shared)) {
            const bs = b.samples.map((s) => change(s, 'b'));
            const cs = c.samples.map((s) => change(s, 'c'));
            const got = alignStage(bs, cs);
            const want = referenceAlignment(bs, cs);
            expect(Array.from(got.slice, (id) => (id >= 0 ? got.sliceNames[id]! : null))).toEqual(
              want.slices,
            );
            expect(got.rows).toBe(want.slices.length);
            expect(got.series, `${name}/${c.name}`).toEqual(want.series);
            compared += 1;
          }
        }
        expect(compared).toBeGreaterThanOrEqual(4);
      });
    }
});
