/**
 * Merging the shards of one run, on SDK-shaped workspaces from the bench generator: four shards of
 * an eval set against the same eval set generated whole. Per-sample correctness depends only on the
 * sample (its traits), so the merged `correct` outcomes and the accuracy recomputed from them must
 * equal the unsharded run's, overall and in every slice.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBench, generateShards } from '../../scripts/bench/generate.mjs';
import type { Evidence, Run, Stage } from '../../src/evidence/model.js';
import { openEvidence } from '../../src/sources/open.js';
import { mergeShards, type Shard } from '../../src/sources/shards.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import { namesOf } from '../support/samples.js';

const SHARDS = 4;
const PER_SHARD = 150;
let shards: Evidence[];
let whole: Evidence;

const run = (e: Evidence): Run => e.projects[0]!.runs[0]!;
const evaluate = (e: Evidence): Stage => run(e).stages.find((s) => s.name === 'evaluate')!;
const metric = (e: Evidence, key: string, slice: string | null = null) =>
  evaluate(e).metrics.find((m) => m.key === key && m.slice === slice && m.batch === null);
const asShards = (list: Evidence[], sha?: string): Shard[] =>
  list.map((evidence, i) => ({ index: i + 1, label: `job-${i + 1}`, evidence, sha: sha ?? null }));
const plan = { expected: SHARDS, side: 'candidate', root: 'shards' };

beforeAll(async () => {
  const dir = tempDir('cg-shards-');
  const sharded = generateShards({
    out: path.join(dir, 'sharded'),
    shards: SHARDS,
    samplesPerShard: PER_SHARD,
    steps: 5,
    layout: 'capture',
  });
  generateBench({ out: path.join(dir, 'whole'), samples: SHARDS * PER_SHARD, steps: 5, layout: 'capture' });
  shards = await Promise.all(sharded.sides.candidate.map((p) => openEvidence(p, { ledger: null })));
  whole = await openEvidence(path.join(dir, 'whole', 'candidate', '.contexta'), { ledger: null });
});

afterAll(removeTempDirs);

describe('mergeShards', () => {
  it('joins per-sample outcomes and recomputes aggregates exactly as the unsharded run has them', () => {
    const merged = mergeShards(asShards(shards), plan);
    expect(merged.gaps.filter((g) => g.severity === 'error')).toEqual([]);
    const correct = evaluate(merged).samples.find((s) => s.key === 'correct')!;
    const reference = evaluate(whole).samples.find((s) => s.key === 'correct')!;
    expect(correct.ids.length).toBe(SHARDS * PER_SHARD);
    const byName = new Map(namesOf(reference).map((n, i) => [n, reference.values[i]]));
    namesOf(correct).forEach((n, i) => {
      expect(correct.values[i], n).toBe(byName.get(n));
    });
    expect(correct.binary).toBe(true);

    const accuracy = metric(merged, 'accuracy')!;
    expect(accuracy.combined).toBe('recomputed');
    expect(accuracy.latest.value).toBeCloseTo(metric(whole, 'accuracy')!.latest.value, 10);
    expect(accuracy.count).toBe(SHARDS);
    for (const slice of correct.sliceNames) {
      const m = metric(merged, 'accuracy', slice)!;
      expect(m.combined, slice).toBe('recomputed');
      expect(m.latest.value, slice).toBeCloseTo(metric(whole, 'accuracy', slice)!.latest.value, 10);
    }
    // A per-shard p95 is no part of the run's p95: it is recomputed from the merged latencies.
    expect(metric(merged, 'latency-ms.p95')!.combined).toBe('recomputed');
    expect(metric(merged, 'eval.samples')!.latest.value).toBe(SHARDS * PER_SHARD);
    expect(merged.notes[0]).toMatch(/^merged 4 of 4 shard\(s\) \(job-1, job-2, job-3, job-4\)/);
  });

  it('weights per-shard aggregates by each shard’s sample count when there are no per-sample outcomes', () => {
    // Copies of the shards without their per-sample outcomes, as a job that logs only aggregates leaves.
    const bare = shards.slice(0, 2).map((e) => {
      const copy = structuredClone(e);
      for (const s of run(copy).stages) s.samples = [];
      return copy;
    });
    // Unequal shards: shard 2 counts three times as many samples.
    const counts = run(bare[1]!).stages.find((s) => s.name === 'evaluate')!.metrics;
    for (const m of counts) if (m.key === 'eval.samples' && m.slice === null) m.latest.value = 3 * PER_SHARD;
    const merged = mergeShards(asShards(bare), { ...plan, expected: 2 });
    const a1 = metric(bare[0]!, 'accuracy')!.latest.value;
    const a2 = metric(bare[1]!, 'accuracy')!.latest.value;
    const accuracy = metric(merged, 'accuracy')!;
    expect(accuracy.combined).toBe('weighted');
    expect(accuracy.latest.value).toBeCloseTo((a1 * PER_SHARD + a2 * 3 * PER_SHARD) / (4 * PER_SHARD), 12);
    expect(accuracy.latest.recordRef).toBeNull();
    expect(metric(merged, 'eval.samples')).toMatchObject({
      combined: 'summed',
      latest: { value: 4 * PER_SHARD },
    });
    expect(merged.notes.join('\n')).toMatch(
      /per-shard values weighted by each shard's sample count: .*evaluate\/accuracy/,
    );
  });

  it('reports a missing shard as an error gap naming it', () => {
    const merged = mergeShards(asShards(shards.slice(0, 3)), {
      ...plan,
      describeMissing: (i) => `no artifact 'ev-shard-${i}-of-4'`,
    });
    const gaps = merged.gaps.filter((g) => g.severity === 'error');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ code: 'shard_missing', ref: 'shard:4' });
    expect(gaps[0]!.message).toContain("candidate shard 4 of 4 is missing (no artifact 'ev-shard-4-of-4')");
    expect(evaluate(merged).samples.find((s) => s.key === 'correct')!.ids).toHaveLength(3 * PER_SHARD);
  });

  it('refuses a second shard claiming the same index, a shard of another commit and an index out of range', () => {
    const list = asShards(shards, 'a'.repeat(40));
    list.push({ index: 2, label: 'job-2-again', evidence: shards[2]!, sha: 'a'.repeat(40) });
    list[3] = { ...list[3]!, sha: 'b'.repeat(40) };
    list.push({ index: 5, label: 'job-5', evidence: shards[0]!, sha: 'a'.repeat(40) });
    const merged = mergeShards(list, { ...plan, sha: 'a'.repeat(40) });
    const errors = merged.gaps.filter((g) => g.severity === 'error').map((g) => [g.code, g.ref]);
    expect(errors).toEqual([
      ['shard_foreign_commit', 'shard:4'],
      ['shard_duplicated', 'shard:2'],
      ['shard_unexpected', 'shard:5'],
      ['shard_missing', 'shard:4'],
    ]);
    expect(merged.gaps.find((g) => g.code === 'shard_duplicated')!.message).toContain(
      'candidate shard 2 of 4 (job-2-again) claims the same index as job-2',
    );
    expect(merged.gaps.find((g) => g.code === 'shard_foreign_commit')!.message).toContain(
      'built from commit bbbbbbb, not aaaaaaa',
    );
  });

  it('reports the same samples in two shards as a duplicate and keeps only the first', () => {
    const list = asShards([shards[0]!, shards[1]!, shards[1]!, shards[3]!]);
    const merged = mergeShards(list, plan);
    const dup = merged.gaps.filter((g) => g.code === 'shard_duplicated');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'error', ref: 'shard:3', stage: 'evaluate', count: PER_SHARD });
    expect(dup[0]!.message).toMatch(
      /shard 3 of 4 \(job-3\) repeats 150 sample\(s\) of stage evaluate already in shard 2 \(job-2\)/,
    );
    const correct = evaluate(merged).samples.find((s) => s.key === 'correct')!;
    expect(new Set(namesOf(correct)).size).toBe(correct.ids.length);
    expect(correct.ids).toHaveLength(3 * PER_SHARD);
  });

  it('refuses a shard whose own evidence records other code than the first shard’s (metalab code_hash)', async () => {
    // The real metalab stores: baseline/ and candidate/ are the same experiment run by two versions of
    // the operation's code. Uploaded as shards of one run, the artifact commit cannot tell them apart.
    const before = await openEvidence('fixtures/metalab/baseline', { ledger: null });
    const after = await openEvidence('fixtures/metalab/candidate', { ledger: null });
    const mixed = mergeShards(
      [
        { index: 1, label: 'job-1', evidence: before, sha: 'a'.repeat(40) },
        { index: 2, label: 'job-2', evidence: after, sha: 'a'.repeat(40) },
      ],
      { expected: 2, side: 'candidate', root: 'shards', sha: 'a'.repeat(40) },
    );
    const foreign = mixed.gaps.filter((g) => g.code === 'shard_foreign_commit');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ severity: 'error', ref: 'shard:2' });
    expect(foreign[0]!.message).toContain('candidate shard 2 of 2 (job-2) records code cb40ea8484d7595b');
    expect(foreign[0]!.message).toContain('not 3ef241e84ab45656 as job-1 does');
    // Not merged, so shard 2 is also missing from the merged run.
    expect(mixed.gaps.some((g) => g.code === 'shard_missing' && g.ref === 'shard:2')).toBe(true);

    const same = mergeShards(
      [
        { index: 1, label: 'job-1', evidence: before },
        {
          index: 2,
          label: 'job-2',
          evidence: await openEvidence('fixtures/metalab/baseline', { ledger: null }),
        },
      ],
      { expected: 2, side: 'candidate', root: 'shards' },
    );
    expect(same.gaps.filter((g) => g.code === 'shard_foreign_commit')).toEqual([]);
  });

  it('Contexta shards record no code identity: only the artifact commit is checked', () => {
    const merged = mergeShards(asShards(shards), plan);
    expect(merged.gaps.filter((g) => g.code === 'shard_foreign_commit')).toEqual([]);
  });
});
