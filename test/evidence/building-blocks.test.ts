import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/contexta/read.js';
import { instantMicros } from '../../src/contexta/record-schema.js';
import { RefSet } from '../../src/evidence/ref-set.js';
import { parseRef } from '../../src/evidence/refs.js';
import { SampleColumns, sampleIdentity, stageIds } from '../../src/evidence/sample-columns.js';
import { SampleNames } from '../../src/evidence/sample-names.js';
import { allRuns, copyOf, FIXTURES, removeTempDirs } from '../support/evidence.js';
import { namesOf } from '../support/samples.js';

afterAll(removeTempDirs);

describe('RefSet', () => {
  it('tells new refs from repeats across table growth', () => {
    const set = new RefSet();
    const refs = Array.from(
      { length: 200_000 },
      (_, i) => `record:p.run-${i % 7}.metric-${i.toString(16).padStart(12, '0')}`,
    );
    expect(refs.every((r) => set.add(r))).toBe(true);
    expect(set.size).toBe(200_000);
    expect(refs.filter((_, i) => i % 1000 === 0).every((r) => !set.add(r) && set.has(r))).toBe(true);
    expect(set.has('record:p.run-0.metric-never-added')).toBe(false);
  });
});

describe('SampleNames', () => {
  it('hands out dense ids in order of first sight, one per distinct name, through many regrowths', () => {
    const table = new SampleNames();
    const names = Array.from({ length: 20_000 }, (_, i) => `s-${i}`);
    names.forEach((name, i) => {
      expect(table.id(name)).toBe(i);
    });
    // Again, in another order, and names that differ only in their last character or in case.
    for (let i = names.length - 1; i >= 0; i -= 7) expect(table.id(names[i]!)).toBe(i);
    expect(table.id('S-1')).toBe(names.length);
    expect(table.id('')).toBe(names.length + 1);
    expect(table.id('s-1')).toBe(1);
    expect(table.size).toBe(names.length + 2);
    expect(table.names.slice(0, 3)).toEqual(['s-0', 's-1', 's-2']);
  });

  it('keeps its ids after release, and a later lookup rebuilds the index', () => {
    const table = new SampleNames();
    for (const name of ['b1/s-1', 'b2/s-1', 's-1']) table.id(name);
    table.release();
    expect(table.names).toEqual(['b1/s-1', 'b2/s-1', 's-1']);
    expect(table.id('b2/s-1')).toBe(1);
    expect(table.id('new')).toBe(3);
  });

  it('two tables agree on names, not necessarily on the slots behind them', () => {
    const a = new SampleNames();
    const b = new SampleNames();
    const names = Array.from({ length: 5000 }, (_, i) => `sample-${(i * 7919) % 5000}`);
    for (const name of names) expect(a.id(name)).toBe(b.id(name));
  });
});

describe('SampleColumns', () => {
  const at = (line: number) => ({ file: 'records/segments/segment-000001.jsonl', line });

  it('grows past its initial capacity; a sample recorded twice is ambiguous and dropped, naming the first record', () => {
    const names = new SampleNames();
    const columns = new SampleColumns('correct', names);
    for (let i = 0; i < 40; i++)
      expect(columns.put(`s-${i}`, i % 2, i < 20 ? 'eu' : 'us', at(i + 1))).toBeNull();
    expect(columns.put('s-3', 0, 'apac', at(100))).toEqual(at(4));
    expect(columns.put('s-3', 1, 'apac', at(101))).toEqual(at(4));
    const series = columns.finish(stageIds(names, new SampleNames()));
    expect(namesOf(series)).toHaveLength(39);
    expect(namesOf(series)).not.toContain('s-3');
    expect(series.values[3]).toBe(0);
    expect(namesOf(series)[3]).toBe('s-4');
    expect(series.sliceNames).toEqual(['eu', 'us']);
    expect(series.sliceIndex[38]).toBe(1);
    expect(series.binary).toBe(true);
  });

  it('keys sharing one stage of names keep their own samples, order and values', () => {
    const names = new SampleNames();
    const correct = new SampleColumns('correct', names);
    const score = new SampleColumns('score', names);
    for (let i = 0; i < 30; i++) correct.put(`s-${i}`, i % 2, null, at(i));
    for (let i = 40; i >= 10; i -= 2) score.put(`s-${i}`, i / 100, 'eu', at(100 + i));
    expect(names.size).toBe(30 + 6);
    // The read's table already holds other names (another stage, the other side): ids differ, names do not.
    const shared = new SampleNames();
    for (const name of ['s-40', 'x-1', 's-0']) shared.id(name);
    const ids = stageIds(names, shared);
    const c = correct.finish(ids);
    const s = score.finish(ids);
    expect(c.table).toBe(shared);
    expect(s.table).toBe(shared);
    expect(shared.size).toBe(30 + 6 + 1);
    expect(namesOf(c)).toEqual(Array.from({ length: 30 }, (_, i) => `s-${i}`));
    expect(namesOf(s)).toEqual(Array.from({ length: 16 }, (_, k) => `s-${40 - 2 * k}`));
    expect(s.values[namesOf(s).indexOf('s-12')]).toBe(0.12);
    expect(s.ids[0]).toBe(shared.names.indexOf('s-40'));
    expect(Array.from(c.values.slice(0, 4))).toEqual([0, 1, 0, 1]);
  });

  it('the same sample name in two batches is two samples', () => {
    const names = new SampleNames();
    const columns = new SampleColumns('correct', names);
    expect(columns.put(sampleIdentity('b1', 's-1'), 1, null, at(1))).toBeNull();
    expect(columns.put(sampleIdentity('b2', 's-1'), 0, null, at(2))).toBeNull();
    expect(namesOf(columns.finish(stageIds(names, new SampleNames())))).toEqual(['b1/s-1', 'b2/s-1']);
    expect(sampleIdentity(null, 's-1')).toBe('s-1');
  });
});

describe('timestamps and refs', () => {
  it('compares real instants: …:00.5Z is after …:00Z (Contexta compares strings and gets this wrong)', () => {
    expect(instantMicros('2026-01-01T00:00:00.500000Z')! - instantMicros('2026-01-01T00:00:00Z')!).toBe(
      500_000,
    );
    expect(instantMicros('2026-01-01T00:00:00.840947Z')! % 1_000_000).toBe(840_947);
    expect(instantMicros('2026-01-01T00:00:00+09:00')).toBeNull();
  });

  it('applies the component counts of the core kinds', () => {
    expect(parseRef('stage:wine-quality-clf.svm-baseline.train')).toEqual({
      kind: 'stage',
      parts: ['wine-quality-clf', 'svm-baseline', 'train'],
    });
    expect(parseRef('stage:wine-quality-clf.svm-baseline')).toBeNull();
    expect(parseRef('run:Wine.svm')).toBeNull();
    expect(parseRef('run:wine--x.svm')).toBeNull();
    expect(parseRef('sample:p.r.evaluate.shard-0.s-0001')?.parts).toHaveLength(5);
  });

  it('latest follows the real instant, not the string order', async () => {
    const root = copyOf(path.join(FIXTURES, 'contexta/quickstart/.contexta/wine-quality-clf'));
    const file = path.join(root, 'records/segments/segment-000001.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
    const make = (seq: number, ref: string, observedAt: string, value: number) => {
      const entry = JSON.parse(lines[1]!);
      entry.sequence = seq;
      entry.record.envelope.record_ref = `record:wine-quality-clf.svm-baseline.${ref}`;
      entry.record.envelope.observed_at = observedAt;
      entry.record.envelope.recorded_at = observedAt;
      entry.record.payload.value = value;
      return JSON.stringify(entry);
    };
    lines.push(
      make(23, 'late', '2030-01-01T00:00:00.500000Z', 0.25),
      make(24, 'early', '2030-01-01T00:00:00Z', 0.75),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const ev = await readEvidence(root);
    const train = allRuns(ev)[0]!.stages.find((s) => s.name === 'train')!;
    expect(train.metrics.find((m) => m.key === 'cv-f1-fold-1')!.latest).toEqual({
      value: 0.25,
      observedAt: '2030-01-01T00:00:00.500000Z',
      recordRef: 'record:wine-quality-clf.svm-baseline.late',
      step: null,
    });
  });
});
