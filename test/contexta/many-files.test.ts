import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateManyFiles } from '../../scripts/bench/many-files.mjs';
import { compareCommand } from '../../src/cli/compare.js';
import { inspectCommand } from '../../src/cli/inspect.js';
import { readEvidence } from '../../src/contexta/read.js';
import { GAP_SAMPLE_SIZE, GAPS_LISTED_PER_KIND, GapSink, summariseGaps } from '../../src/evidence/gaps.js';
import type { EvidenceGap } from '../../src/evidence/model.js';
import type { GateReport } from '../../src/gates/types.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

const SEED = 20261123;

/** A store of `files` one-line segments, a re-run job's `distinct` records over and over. */
function workspace(files: number, distinct: number) {
  return generateManyFiles({ out: tempDir('cg-many-files-'), files, distinct, seed: SEED });
}

describe('a store of many one-record segment files', () => {
  it('reads every file in order and summarises the repeated refs as one entry with the exact count', async () => {
    const ws = workspace(1500, 200);
    const evidence = await readEvidence(ws.path);
    const repeated = evidence.gaps.filter((g) => g.code === 'duplicate_record_ref');
    expect(repeated).toHaveLength(1);
    const [gap] = repeated as [EvidenceGap];
    expect(gap.severity).toBe('warning');
    expect(gap.count).toBe(1300);
    expect(gap.file).toBe('records/segments/segment-000201.jsonl');
    expect(gap.line).toBe(1);
    expect(gap.sample).toHaveLength(GAP_SAMPLE_SIZE);
    expect(gap.sample?.map((o) => o.file)).toEqual(
      Array.from(
        { length: GAP_SAMPLE_SIZE },
        (_, i) => `records/segments/segment-${String(201 + i).padStart(6, '0')}.jsonl`,
      ),
    );
    expect(gap.message).toContain('1300 occurrence(s) of duplicate_record_ref in 1300 gap entries');
    // No sequence or manifest gap: the store is consistent, only its refs repeat.
    expect(evidence.gaps.map((g) => g.code).sort()).toEqual(['duplicate_record_ref', 'statuses_unavailable']);
    expect(evidence.notes).toContain('records: read 200 record(s) from 1500 segment file(s)');
  });

  it('gives the same runs and series as a store holding each record once', async () => {
    const repeated = await readEvidence(workspace(1500, 200).path);
    const once = await readEvidence(workspace(200, 200).path);
    expect(repeated.projects).toEqual(once.projects);
    expect(once.gaps.some((g) => g.code === 'duplicate_record_ref')).toBe(false);
  });

  it('inspect --json holds the summarised entries', async () => {
    const ws = workspace(1500, 200);
    let stdout = '';
    const code = await inspectCommand([ws.path, '--json'], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      cwd: path.dirname(ws.path),
    });
    expect(code).toBe(0);
    const gaps = (JSON.parse(stdout) as { gaps: EvidenceGap[] }).gaps;
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toMatchObject({ code: 'duplicate_record_ref', count: 1300 });
    expect(gaps[0]?.sample).toHaveLength(GAP_SAMPLE_SIZE);
  });
});

describe('a summarised error gap', () => {
  it('still fails policy.evidence_gaps, with the summary in the report', async () => {
    const baseline = workspace(200, 200);
    const candidate = workspace(400, 200);
    // 150 of the repeats rewritten as invalid JSON: one error gap in each of 150 files.
    for (let i = 251; i <= 400; i += 1) {
      const name = `segment-${String(i).padStart(6, '0')}.jsonl`;
      writeFileSync(path.join(candidate.path, 'records', 'segments', name), '{"sequence": oops}\n');
    }
    let stdout = '';
    const code = await compareCommand(
      ['--baseline', baseline.path, '--candidate', candidate.path, '--format', 'json'],
      { stdout: (s) => (stdout += s), stderr: () => {}, cwd: process.cwd() },
      { ledger: null },
    );
    const report = JSON.parse(stdout) as GateReport;
    const invalid = report.gaps.candidate.filter((g) => g.code === 'invalid_json_line');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ severity: 'error', count: 150 });
    const policy = report.gates.find((g) => g.name === 'policy.evidence_gaps')!;
    expect(policy.outcome).toBe('fail');
    expect(policy.checks.map((c) => c.subject)).toEqual(['invalid_json_line']);
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);
  });
});

describe('GapSink bound per kind', () => {
  const gap = (i: number, over: Partial<EvidenceGap> = {}): EvidenceGap => ({
    code: 'invalid_json_line',
    severity: 'error',
    file: `f${i}.jsonl`,
    line: 3,
    message: `bad line in f${i}`,
    ...over,
  });

  it('lists a kind up to the bound one by one', () => {
    const sink = new GapSink();
    for (let i = 0; i < GAPS_LISTED_PER_KIND; i += 1) sink.add(gap(i));
    const out = sink.finish();
    expect(out).toHaveLength(GAPS_LISTED_PER_KIND);
    expect(out.every((g) => g.sample === undefined)).toBe(true);
  });

  it('summarises past the bound, keeps severity and counts, and keeps kinds of other runs or stages apart', () => {
    const sink = new GapSink();
    sink.add({ code: 'manifest_missing', severity: 'warning', message: 'before' });
    for (let i = 0; i < 5000; i += 1) sink.add(gap(i, i % 2 === 0 ? { count: 3 } : {}));
    sink.add(gap(0, { runRef: 'run:p.r', stage: 'evaluate' }));
    sink.add({ code: 'invalid_json_line', severity: 'warning', message: 'a warning of the same code' });
    const out = sink.finish();
    expect(out.map((g) => [g.code, g.severity, g.stage ?? null])).toEqual([
      ['manifest_missing', 'warning', null],
      ['invalid_json_line', 'error', null],
      ['invalid_json_line', 'error', 'evaluate'],
      ['invalid_json_line', 'warning', null],
    ]);
    const summary = out[1]!;
    expect(summary.count).toBe(2500 * 3 + 2500);
    expect(summary.file).toBe('f0.jsonl');
    expect(summary.sample).toHaveLength(GAP_SAMPLE_SIZE);
    expect(summary.sample?.[0]).toEqual({ file: 'f0.jsonl', line: 3, count: 3 });
    expect(summary.sample?.[1]).toEqual({ file: 'f1.jsonl', line: 3 });
    expect(summary.message).toContain('10000 occurrence(s) of invalid_json_line in 5000 gap entries');
  });

  it('bounds line gaps across files too, with the per-file overflow counted in', () => {
    const sink = new GapSink();
    for (let f = 0; f < 300; f += 1)
      for (let line = 1; line <= 60; line += 1)
        sink.line('invalid_json_line', 'error', `f${f}.jsonl`, line, 'not JSON');
    const out = sink.finish();
    expect(out).toHaveLength(1);
    expect(out[0]?.count).toBe(300 * 60);
  });

  it('summariseGaps applies the same bound to merged lists', () => {
    const merged = [...Array.from({ length: 250 }, (_, i) => gap(i)), gap(0, { code: 'sequence_gap' })];
    const out = summariseGaps(merged);
    expect(out).toHaveLength(2);
    expect(out[0]?.count).toBe(250);
    expect(summariseGaps(merged.slice(0, 3))).toEqual(merged.slice(0, 3));
  });
});
