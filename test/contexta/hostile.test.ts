/**
 * Hostile and broken workspaces, generated into temp dirs from copies of real fixtures: each must
 * give the right gap while everything else readable is still returned.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/contexta/read.js';
import type { Evidence } from '../../src/evidence/model.js';
import { allRuns, copyOf, FIXTURES, gapsOf, removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

const WINE = path.join(FIXTURES, 'contexta/quickstart/.contexta/wine-quality-clf');
const SEGMENT = 'records/segments/segment-000001.jsonl';
const records = (ev: Evidence) => allRuns(ev).reduce((n, r) => n + r.recordCount, 0);

function wineCopy(): { root: string; lines: string[]; write: (lines: string[], tail?: string) => void } {
  const root = copyOf(WINE);
  const file = path.join(root, SEGMENT);
  const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
  return {
    root,
    lines,
    write: (next, tail = '\n') => writeFileSync(file, next.join('\n') + tail),
  };
}

function withEnvelope(
  line: string,
  change: (record: { envelope: Record<string, unknown>; payload: Record<string, unknown> }) => void,
): string {
  const entry = JSON.parse(line);
  change(entry.record);
  return JSON.stringify(entry);
}

describe('hostile record store lines', () => {
  it('truncated last line', async () => {
    const w = wineCopy();
    const last = w.lines[21]!;
    w.write([...w.lines.slice(0, 21), last.slice(0, 50)], '');
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'truncated_line')).toEqual([
      expect.objectContaining({ line: 22, file: SEGMENT, severity: 'error' }),
    ]);
    expect(records(ev)).toBe(21);
  });

  it('garbage line in the middle', async () => {
    const w = wineCopy();
    w.write([...w.lines.slice(0, 3), '#!garbage{{{', ...w.lines.slice(3)]);
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'invalid_json_line')).toEqual([
      expect.objectContaining({ line: 4, severity: 'error' }),
    ]);
    expect(records(ev)).toBe(22);
  });

  it('sequence gap of several records names the range', async () => {
    const w = wineCopy();
    w.write([...w.lines.slice(0, 5), ...w.lines.slice(9)]);
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'sequence_gap')).toEqual([
      expect.objectContaining({ line: 6, message: expect.stringContaining('records 6–9 are missing') }),
    ]);
    expect(records(ev)).toBe(18);
  });

  it('several segments are read in name order and sequences checked across them', async () => {
    const w = wineCopy();
    w.write(w.lines.slice(0, 10));
    writeFileSync(
      path.join(w.root, 'records/segments/segment-000003.jsonl'),
      `${w.lines.slice(13).join('\n')}\n`,
    );
    writeFileSync(
      path.join(w.root, 'records/segments/segment-000002.jsonl'),
      `${w.lines.slice(10, 12).join('\n')}\n`,
    );
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'sequence_gap')).toEqual([
      expect.objectContaining({
        file: 'records/segments/segment-000003.jsonl',
        line: 1,
        message: expect.stringContaining('record 13 is missing'),
      }),
    ]);
    expect(records(ev)).toBe(21);
  });

  it('empty segment file', async () => {
    const w = wineCopy();
    writeFileSync(path.join(w.root, SEGMENT), '');
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'empty_file')).toEqual([expect.objectContaining({ file: SEGMENT })]);
    expect(gapsOf(ev, 'manifest_sequence_mismatch')).toHaveLength(1);
    expect(records(ev)).toBe(0);
  });

  it('hundreds of bad lines or invented field names give a bounded number of gaps, with counts', async () => {
    const w = wineCopy();
    const garbage = Array.from({ length: 200 }, (_, i) => `garbage ${i}`);
    const oddFields = Array.from({ length: 100 }, (_, i) => {
      const entry = JSON.parse(w.lines[1]!);
      entry.sequence = 23 + i;
      entry.record.envelope.record_ref = `record:wine-quality-clf.svm-baseline.x${i}`;
      entry.record.payload[`extra_field_${i}`] = 1;
      return JSON.stringify(entry);
    });
    w.write([...w.lines, ...garbage, ...oddFields]);
    const ev = await readEvidence(w.root);
    const invalid = gapsOf(ev, 'invalid_json_line');
    expect(invalid).toHaveLength(51);
    expect(invalid.reduce((n, g) => n + (g.count ?? 1), 0)).toBe(200);
    const unknown = gapsOf(ev, 'unknown_field');
    expect(unknown).toHaveLength(51);
    expect(unknown.reduce((n, g) => n + (g.count ?? 1), 0)).toBe(100);
    expect(records(ev)).toBe(122);
  });

  it('wrong schema version', async () => {
    const w = wineCopy();
    w.lines[1] = withEnvelope(w.lines[1]!, (r) => {
      r.envelope.schema_version = '2.0.0';
    });
    w.write(w.lines);
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'unknown_schema_version')).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'error',
        ref: 'record:wine-quality-clf.svm-baseline.r00002',
      }),
    ]);
    expect(records(ev)).toBe(21);
  });

  it('a line nested 100,000 levels deep', async () => {
    const w = wineCopy();
    const deep = `{"sequence":99,"record":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    w.write([...w.lines, deep]);
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'nesting_too_deep')).toEqual([
      expect.objectContaining({ line: 23, severity: 'error' }),
    ]);
    expect(records(ev)).toBe(22);
  });

  it('a line longer than maxLineBytes', async () => {
    const w = wineCopy();
    const long = withEnvelope(w.lines[4]!, (r) => {
      r.payload.message = 'x'.repeat(5000);
    });
    w.lines[4] = long;
    w.write(w.lines);
    const ev = await readEvidence(w.root, { maxLineBytes: 4096 });
    expect(gapsOf(ev, 'line_too_long')).toEqual([
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining(`${Buffer.byteLength(long)} bytes`),
      }),
    ]);
    expect(records(ev)).toBe(21);
  });

  it('a line that is not UTF-8', async () => {
    const w = wineCopy();
    const file = path.join(w.root, SEGMENT);
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe, 0x0a]), bytes]));
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'invalid_encoding')).toEqual([expect.objectContaining({ line: 1 })]);
    expect(records(ev)).toBe(22);
  });

  it('unknown record type, invalid ref, Infinity and an integer beyond 2^53', async () => {
    const w = wineCopy();
    w.lines[1] = withEnvelope(w.lines[1]!, (r) => {
      r.envelope.record_type = 'hologram';
    });
    w.lines[2] = withEnvelope(w.lines[2]!, (r) => {
      r.envelope.stage_execution_ref = 'stage:wine-quality-clf.other-run.train';
    });
    w.lines[3] = w.lines[3]!.replace(/"value":[0-9.]+/, '"value":12345678901234567890');
    w.lines[4] = w.lines[4]!.replace(/"value":[0-9.]+/, '"value":-Infinity');
    w.write(w.lines);
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'unknown_record_type')).toEqual([
      expect.objectContaining({ line: 2, severity: 'warning' }),
    ]);
    expect(gapsOf(ev, 'invalid_ref')).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('does not belong to run') }),
    ]);
    expect(gapsOf(ev, 'unsafe_integer')).toEqual([expect.objectContaining({ line: 4, severity: 'warning' })]);
    expect(gapsOf(ev, 'non_finite_number')).toEqual([expect.objectContaining({ line: 5 })]);
    expect(records(ev)).toBe(20);
    const train = allRuns(ev)[0]!.stages.find((s) => s.name === 'train')!;
    const fold4 = train.metrics.find((m) => m.key === 'cv-f1-fold-4');
    expect(fold4).toBeUndefined();
  });

  it('a NaN observation next to finite ones is counted in nonFinite and never becomes latest', async () => {
    const w = wineCopy();
    const nan = JSON.parse(
      withEnvelope(w.lines[1]!, (r) => {
        r.envelope.record_ref = 'record:wine-quality-clf.svm-baseline.r99999';
        r.envelope.observed_at = '2030-01-01T00:00:00Z';
      }).replace(/"value":[0-9.]+/, '"value":0'),
    );
    nan.sequence = 23;
    w.write([...w.lines, JSON.stringify(nan).replace('"value":0', '"value":NaN')]);
    const ev = await readEvidence(w.root);
    const train = allRuns(ev)[0]!.stages.find((s) => s.name === 'train')!;
    expect(train.metrics.find((m) => m.key === 'cv-f1-fold-1')).toMatchObject({
      count: 2,
      nonFinite: 1,
      latest: { value: 0.9659170414792604, recordRef: 'record:wine-quality-clf.svm-baseline.r00002' },
    });
    expect(gapsOf(ev, 'non_finite_number')).toEqual([expect.objectContaining({ line: 23 })]);
    expect(gapsOf(ev, 'series_lost')).toEqual([]);
  });

  it('invalid enum values and missing fields say what was expected and what was found', async () => {
    const w = wineCopy();
    w.lines[1] = withEnvelope(w.lines[1]!, (r) => {
      r.envelope.completeness_marker = 'mostly';
    });
    w.lines[2] = withEnvelope(w.lines[2]!, (r) => {
      delete r.payload.value;
    });
    w.write(w.lines);
    const ev = await readEvidence(w.root, { ledger: undefined });
    expect(gapsOf(ev, 'record_invalid').map((g) => [g.line, g.message])).toEqual([
      [
        2,
        expect.stringMatching(
          /^envelope\.completeness_marker: expected one of "complete"\|.*, found "mostly"; record skipped$/,
        ),
      ],
      [3, 'payload.value: expected a number, found nothing (the field is missing); record skipped'],
    ]);
    expect(records(ev)).toBe(20);
  });

  it('records the store duplicates within one file keep the first occurrence', async () => {
    const w = wineCopy();
    const changed = withEnvelope(w.lines[1]!, (r) => {
      r.payload.value = 0.5;
    });
    const entry = JSON.parse(changed);
    entry.sequence = 23;
    w.write([...w.lines, JSON.stringify(entry)]);
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'duplicate_record_ref')).toEqual([expect.objectContaining({ line: 23, count: 1 })]);
    const train = allRuns(ev)[0]!.stages.find((s) => s.name === 'train')!;
    expect(train.metrics.find((m) => m.key === 'cv-f1-fold-1')!.latest.value).toBe(0.9659170414792604);
  });
});

describe('hostile files and layouts', () => {
  it('a segment symlinked outside the workspace is refused, not followed', async () => {
    const w = wineCopy();
    const outside = path.join(tempDir('cg-outside-'), 'secret.jsonl');
    writeFileSync(outside, `${w.lines[0]}\n`);
    symlinkSync(outside, path.join(w.root, 'records/segments/segment-000002.jsonl'));
    const ev = await readEvidence(w.root);
    expect(gapsOf(ev, 'symlink_outside_workspace')).toEqual([
      expect.objectContaining({ file: 'records/segments/segment-000002.jsonl', severity: 'error' }),
    ]);
    expect(records(ev)).toBe(22);
  });

  it('an unreadable segment is a gap (asserted only when chmod can deny reads, i.e. not as root)', async () => {
    const w = wineCopy();
    const file = path.join(w.root, SEGMENT);
    chmodSync(file, 0o000);
    const ev = await readEvidence(w.root);
    chmodSync(file, 0o644);
    if (process.getuid?.() === 0) {
      expect(records(ev)).toBe(22);
      return;
    }
    expect(gapsOf(ev, 'file_unreadable')).toEqual([
      expect.objectContaining({ file: SEGMENT, severity: 'error' }),
    ]);
    expect(records(ev)).toBe(0);
  });

  it('a file over maxFileBytes is not read', async () => {
    const w = wineCopy();
    const ev = await readEvidence(w.root, { maxFileBytes: 1000 });
    expect(gapsOf(ev, 'file_too_large')).toEqual([expect.objectContaining({ file: SEGMENT })]);
    expect(records(ev)).toBe(0);
  });

  it('missing or invalid manifest: segments are read anyway', async () => {
    const w = wineCopy();
    rmSync(path.join(w.root, 'records/manifest.json'));
    const missing = await readEvidence(w.root);
    expect(gapsOf(missing, 'manifest_missing')).toEqual([
      expect.objectContaining({ file: 'records/manifest.json' }),
    ]);
    expect(records(missing)).toBe(22);
    writeFileSync(path.join(w.root, 'records/manifest.json'), '{"layout_mode":"jsonl_segments"}');
    const invalid = await readEvidence(w.root);
    expect(gapsOf(invalid, 'manifest_invalid')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('layout_version') }),
    ]);
    expect(records(invalid)).toBe(22);
  });

  it('nothing recognisable: no_evidence naming what was looked for; a missing path too', async () => {
    const empty = tempDir();
    mkdirSync(path.join(empty, 'src'));
    const ev = await readEvidence(empty);
    expect(gapsOf(ev, 'no_evidence')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('cache/capture/*.jsonl'),
      }),
    ]);
    expect(ev.projects).toEqual([]);
    const gone = await readEvidence(path.join(empty, 'does-not-exist'));
    expect(gapsOf(gone, 'no_evidence')).toHaveLength(1);
  });

  it('a subdirectory symlinked out of the root is not searched (noted), and nothing else is found', async () => {
    const root = tempDir();
    symlinkSync(WINE, path.join(root, 'linked-workspace'));
    const ev = await readEvidence(root);
    expect(gapsOf(ev, 'symlink_outside_workspace')).toEqual([
      expect.objectContaining({ severity: 'info', file: 'linked-workspace' }),
    ]);
    expect(gapsOf(ev, 'no_evidence')).toHaveLength(1);
    expect(ev.projects).toEqual([]);
  });

  it('does not look deeper than one level', async () => {
    const root = tempDir();
    const nested = path.join(root, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    const { cpSync } = await import('node:fs');
    cpSync(WINE, path.join(nested, 'wine'), { recursive: true });
    const ev = await readEvidence(root);
    expect(gapsOf(ev, 'no_evidence')).toHaveLength(1);
  });
});

describe('hostile capture cache and bindings', () => {
  const DEMO = path.join(FIXTURES, 'contexta/generated/runtime-demo/.contexta');

  it('duplicate capture lines, an unknown family, a record in another family file, an empty file', async () => {
    const root = copyOf(path.join(DEMO, 'cache'));
    const workspace = path.join(tempDir(), '.contexta');
    const { cpSync } = await import('node:fs');
    cpSync(root, path.join(workspace, 'cache'), { recursive: true });
    const file = path.join(workspace, 'cache/capture/record.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
    writeFileSync(file, [...lines, lines[0], lines[1]].join('\n') + '\n');
    writeFileSync(
      path.join(workspace, 'cache/capture/context.jsonl'),
      '{"family":"CONTEXT","payload":{"x":1}}\n',
    );
    writeFileSync(path.join(workspace, 'cache/capture/degradation.jsonl'), '');
    const degraded = JSON.parse(lines[1]!);
    degraded.family = 'DEGRADATION';
    degraded.payload.envelope.record_ref = 'record:gate-demo.baseline.degraded-1';
    degraded.payload.envelope.record_type = 'degraded';
    degraded.payload.envelope.degradation_marker = 'capture_gap';
    degraded.payload.payload = {
      issue_key: 'capture.lost',
      category: 'capture',
      severity: 'warning',
      summary: 'sink lost lines',
    };
    writeFileSync(path.join(workspace, 'cache/capture/extra.jsonl'), `${JSON.stringify(degraded)}\n`);
    const ev = await readEvidence(workspace);
    expect(records(ev)).toBe(19);
    expect(allRuns(ev)[0]!.degraded).toEqual([expect.objectContaining({ issueKey: 'capture.lost' })]);
    expect(gapsOf(ev, 'duplicate_record_ref')).toEqual([
      expect.objectContaining({ file: 'cache/capture/record.jsonl', count: 2, line: 19 }),
    ]);
    expect(gapsOf(ev, 'unknown_record_type')).toEqual([
      expect.objectContaining({ file: 'cache/capture/context.jsonl', count: 1 }),
    ]);
    expect(gapsOf(ev, 'empty_file')).toEqual([
      expect.objectContaining({ file: 'cache/capture/degradation.jsonl' }),
    ]);
  });

  it('a malformed binding is a gap and the other bindings are still read', async () => {
    const workspace = copyOf(DEMO);
    const dir = path.join(workspace, 'artifacts/bindings');
    writeFileSync(path.join(dir, 'artifact__broken.binding.json'), '{"artifact_ref": ');
    writeFileSync(
      path.join(dir, 'artifact__wrong.binding.json'),
      JSON.stringify({ artifact_ref: 'x', artifact_kind: 'model' }),
    );
    const ev = await readEvidence(workspace);
    expect(gapsOf(ev, 'binding_invalid').map((g) => g.file)).toEqual([
      'artifacts/bindings/artifact__broken.binding.json',
      'artifacts/bindings/artifact__wrong.binding.json',
    ]);
    expect(allRuns(ev).map((r) => r.artifacts.map((a) => a.source))).toEqual([['binding'], ['binding']]);
  });
});
