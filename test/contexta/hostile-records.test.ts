/**
 * "No silent green" on the reader side (issue 14) and sample identity (issue 13): hand-written hostile
 * copies of the real tabular-improves candidate (a passing PR), each broken in one way the SDK would
 * never write, read through the reader and through the CLI bundle built from src/ by the test setup. Every case
 * must become an explicit gap, and `compare` against the untouched baseline must exit 1 instead of 0.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/contexta/read.js';
import type { Evidence } from '../../src/evidence/model.js';
import { CLI_BUNDLE } from '../support/bundle.js';
import { allRuns, FIXTURES, gapsOf, removeTempDirs, tempDir } from '../support/evidence.js';
import { namesOf } from '../support/samples.js';

afterAll(removeTempDirs);

const REPO = path.resolve(import.meta.dirname, '../..');
const SCENARIO = path.join(FIXTURES, 'scenarios/tabular-improves');
const SEGMENT = 'records/segments/segment-000001.jsonl';
const CAPTURE = 'cache/capture/record.jsonl';
const RUN = 'tabular-improves.gbm-v2';

/** A copy of the candidate workspace in a temp dir named after the hostile case. */
function hostileCandidate(name: string): string {
  const root = tempDir(`cg-hostile-${name}-`);
  cpSync(path.join(SCENARIO, 'candidate'), root, { recursive: true });
  return root;
}

const workspace = (root: string) => path.join(root, '.contexta');

/** Rewrites every line of the store and the capture cache that `match` picks (both hold each record). */
function editLines(root: string, match: (line: string) => boolean, edit: (line: string) => string): number {
  let edited = 0;
  for (const rel of [SEGMENT, CAPTURE]) {
    const file = path.join(workspace(root), rel);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(
      file,
      lines
        .map((line) => {
          if (!line || !match(line)) return line;
          edited += 1;
          return edit(line);
        })
        .join('\n'),
    );
  }
  return edited;
}

const isHeadlineAccuracy = (line: string) =>
  line.includes('"metric_key":"accuracy"') && line.includes('"aggregation_scope":"stage"');

function segmentLines(root: string): string[] {
  return readFileSync(path.join(workspace(root), SEGMENT), 'utf8')
    .split('\n')
    .slice(0, -1);
}

function writeStore(root: string, lines: string[], manifest: Record<string, number> = {}): void {
  writeFileSync(path.join(workspace(root), SEGMENT), `${lines.join('\n')}\n`);
  const file = path.join(workspace(root), 'records/manifest.json');
  const current = JSON.parse(readFileSync(file, 'utf8'));
  const committed = { last_committed_sequence: lines.length, current_segment_record_count: lines.length };
  writeFileSync(
    file,
    JSON.stringify({ ...current, ...committed, next_sequence: lines.length + 1, ...manifest }, null, 2),
  );
}

function cli(command: 'inspect' | 'compare', root: string) {
  const args =
    command === 'inspect'
      ? ['inspect', root]
      : ['compare', '--baseline', path.join(SCENARIO, 'baseline'), '--candidate', root];
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lineOfLastAccuracy = (root: string) => segmentLines(root).findIndex(isHeadlineAccuracy) + 1;

function headlineAccuracy(ev: Evidence): number | undefined {
  const stage = allRuns(ev)[0]!.stages.find((s) => s.name === 'evaluate')!;
  const series = stage.metrics.find((m) => m.key === 'accuracy' && m.slice === null);
  return series?.latest?.value;
}

describe('the untouched candidate', () => {
  it('passes compare, so every exit 1 below comes from the hostile edit', () => {
    const root = hostileCandidate('control');
    expect(cli('compare', root).code).toBe(0);
  });
});

describe('duplicate JSON keys', () => {
  it('make the record ambiguous: an error gap with file and line, the record not used', async () => {
    const root = hostileCandidate('duplicate-key');
    const edited = editLines(root, isHeadlineAccuracy, (line) =>
      line.replace(/"value":[^,}]+/, '"value":0.69,"value":0.0001'),
    );
    expect(edited).toBe(2);
    const line = lineOfLastAccuracy(root);
    const ev = await readEvidence(workspace(root));
    expect(gapsOf(ev, 'duplicate_key')).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: SEGMENT,
        line,
        message: expect.stringContaining('the key "record.payload.value" is written twice'),
      }),
    );
    expect(headlineAccuracy(ev)).toBeUndefined();

    const inspect = cli('inspect', root);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(new RegExp(`error\\s+duplicate_key at \\S*${SEGMENT}:${line}`));
    const compare = cli('compare', root);
    expect(compare.code).toBe(1);
    expect(compare.stdout + compare.stderr).toContain('duplicate_key');
  });
});

describe('timestamps', () => {
  for (const [name, stamp] of [
    ['impossible-timestamp', '2026-13-45T99:99:99Z'],
    ['year-zero-timestamp', '0000-01-01T00:00:00Z'],
    ['not-a-leap-year', '2026-02-29T12:00:00Z'],
  ] as const) {
    it(`${stamp} is not a real instant: the record is a gap naming field, expected and found`, async () => {
      const root = hostileCandidate(name);
      editLines(root, isHeadlineAccuracy, (line) =>
        line.replace(/"recorded_at":"[^"]+"/, `"recorded_at":"${stamp}"`),
      );
      const ev = await readEvidence(workspace(root));
      const gap = gapsOf(ev, 'record_invalid').find((g) => g.file === SEGMENT);
      expect(gap).toMatchObject({ severity: 'error', line: lineOfLastAccuracy(root) });
      expect(gap!.message).toContain('envelope.recorded_at: expected a real UTC instant');
      expect(gap!.message).toContain(`found "${stamp}"`);
      expect(headlineAccuracy(ev)).toBeUndefined();

      const compare = cli('compare', root);
      expect(compare.code).toBe(1);
      expect(compare.stdout + compare.stderr).toContain('record_invalid');
    });
  }

  it('a leap day of a leap year and the last second of a day are real instants', async () => {
    const root = hostileCandidate('real-edge-timestamps');
    editLines(root, isHeadlineAccuracy, (line) =>
      line
        .replace(/"recorded_at":"[^"]+"/, '"recorded_at":"2028-02-29T23:59:59.999999Z"')
        .replace(/"observed_at":"[^"]+"/, '"observed_at":"2028-02-29T23:59:59Z"'),
    );
    const ev = await readEvidence(workspace(root));
    expect(gapsOf(ev, 'record_invalid')).toEqual([]);
    expect(headlineAccuracy(ev)).toBeTypeOf('number');
  });
});

describe('numbers beyond the double range', () => {
  for (const [name, text, reads] of [
    ['underflow', '1e-400', '0'],
    ['overflow', '1e309', 'Infinity'],
  ] as const) {
    it(`${text} is a gap naming the text as written, the value not used`, async () => {
      const root = hostileCandidate(`number-${name}`);
      editLines(root, isHeadlineAccuracy, (line) => line.replace(/"value":[^,}]+/, `"value":${text}`));
      const ev = await readEvidence(workspace(root));
      expect(gapsOf(ev, 'number_out_of_range')).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          file: SEGMENT,
          line: lineOfLastAccuracy(root),
          message: expect.stringContaining(`the number ${text} at "value"`),
        }),
      );
      expect(gapsOf(ev, 'number_out_of_range')[0]!.message).toContain(`silently read as ${reads}`);
      expect(headlineAccuracy(ev)).toBeUndefined();

      const compare = cli('compare', root);
      expect(compare.code).toBe(1);
      expect(compare.stdout + compare.stderr).toContain(text);
    });
  }
});

describe('the manifest', () => {
  it('claiming 99,999 records when 445 exist is an error', async () => {
    const root = hostileCandidate('manifest-overclaims');
    writeStore(root, segmentLines(root), { last_committed_sequence: 99_999, next_sequence: 100_000 });
    const ev = await readEvidence(workspace(root));
    expect(gapsOf(ev, 'manifest_sequence_mismatch')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'records/manifest.json',
        message: expect.stringContaining('99999 were committed, but the segments end at sequence 445'),
      }),
    ]);
    const compare = cli('compare', root);
    expect(compare.code).toBe(1);
    expect(compare.stdout + compare.stderr).toContain('manifest_sequence_mismatch');
  });

  it('claiming a segment that is not there is an error', async () => {
    const root = hostileCandidate('manifest-missing-segment');
    writeStore(root, segmentLines(root), { current_segment_id: 3 });
    const ev = await readEvidence(workspace(root));
    expect(gapsOf(ev, 'manifest_segment_mismatch')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('segment 3 is being appended to, but the last segment present is'),
      }),
    ]);
    expect(cli('compare', root).code).toBe(1);
  });

  it('behind the segments (a crash between append and manifest update) stays a warning', async () => {
    const root = hostileCandidate('manifest-behind');
    const lines = segmentLines(root);
    writeStore(root, lines, { last_committed_sequence: 440, next_sequence: 441 });
    const ev = await readEvidence(workspace(root));
    expect(gapsOf(ev, 'manifest_sequence_mismatch')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('beyond the manifest'),
      }),
    ]);
    expect(cli('compare', root).code).toBe(0);
  });
});

const isSampleLine = (line: string) => line.includes('"sample_observation_ref":"sample:');

describe('sample identity (stage, batch, sample name)', () => {
  it('the same sample recorded twice in one run is an error gap naming both records; neither is used', async () => {
    const root = hostileCandidate('duplicate-sample');
    const lines = segmentLines(root);
    const firstIndex = lines.findIndex((l) => isSampleLine(l) && l.includes('"metric_key":"correct"'));
    const entry = JSON.parse(lines[firstIndex]!);
    const sample: string = entry.record.envelope.sample_observation_ref;
    entry.record.envelope.record_ref = `record:${RUN}.metric-0123456789ab`;
    entry.record.payload.value = 1 - entry.record.payload.value;
    entry.sequence = lines.length + 1;
    writeStore(root, [...lines, JSON.stringify(entry)]);

    const original = await readEvidence(path.join(SCENARIO, 'candidate/.contexta'));
    const ev = await readEvidence(workspace(root));
    const gaps = gapsOf(ev, 'duplicate_sample');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ severity: 'error', file: SEGMENT, line: lines.length + 1 });
    expect(gaps[0]!.message).toMatch(
      new RegExp(
        `sample ${sample.split('.').pop()} in stage evaluate has correct recorded twice in one run, at \\S+:\\d+ and at ${SEGMENT}:${lines.length + 1}`,
      ),
    );
    const correct = (e: Evidence) =>
      allRuns(e)[0]!
        .stages.find((s) => s.name === 'evaluate')!
        .samples.find((s) => s.key === 'correct')!;
    expect(correct(ev).ids.length).toBe(correct(original).ids.length - 1);

    const compare = cli('compare', root);
    expect(compare.code).toBe(1);
    expect(compare.stdout + compare.stderr).toContain('duplicate_sample');
  });

  it('two batches reusing the same sample names are distinct samples (n doubles, no gap)', async () => {
    const root = hostileCandidate('two-batches-same-names');
    rmSync(path.join(workspace(root), CAPTURE));
    const out: string[] = [];
    for (const line of segmentLines(root)) {
      if (!isSampleLine(line)) {
        out.push(line);
        continue;
      }
      for (const batch of ['b1', 'b2']) {
        const entry = JSON.parse(line);
        const env = entry.record.envelope;
        const stageRef: string = env.stage_execution_ref;
        const name = env.sample_observation_ref.split('.').pop();
        env.batch_execution_ref = `batch:${stageRef.slice('stage:'.length)}.${batch}`;
        env.sample_observation_ref = `sample:${stageRef.slice('stage:'.length)}.${batch}.${name}`;
        env.record_ref = `${env.record_ref}-${batch}`;
        if (entry.record.payload.subject_ref) entry.record.payload.subject_ref = env.sample_observation_ref;
        out.push(JSON.stringify(entry));
      }
    }
    writeStore(
      root,
      out.map((line, i) => line.replace(/"sequence":\d+}$/, `"sequence":${i + 1}}`)),
    );
    const original = await readEvidence(path.join(SCENARIO, 'candidate/.contexta'));
    const ev = await readEvidence(workspace(root));
    expect(gapsOf(ev, 'duplicate_sample')).toEqual([]);
    const samples = (e: Evidence) => allRuns(e)[0]!.stages.find((s) => s.name === 'evaluate')!.samples;
    const before = samples(original);
    const after = samples(ev);
    expect(after.map((s) => s.key)).toEqual(before.map((s) => s.key));
    for (const [i, series] of after.entries()) {
      expect(series.ids.length).toBe(2 * before[i]!.ids.length);
      expect(namesOf(series)).toContain(`b1/${namesOf(before[i]!)[0]}`);
      expect(namesOf(series)).toContain(`b2/${namesOf(before[i]!)[0]}`);
    }
    const inspect = cli('inspect', root);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain(
      `samples correct: n=${2 * before.find((s) => s.key === 'correct')!.ids.length}`,
    );
  });
});
