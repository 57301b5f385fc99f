import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureLine,
  generateBench,
  manifestText,
  PROJECT,
  parseSize,
  planWorkload,
  RUNS,
  runRecords,
  SLICES,
  type Workload,
} from '../../scripts/bench/generate.mjs';

const CAPTURE = join('cache', 'capture', 'record.jsonl');
const SEGMENT = join('records', 'segments', 'segment-000001.jsonl');
const MANIFEST = join('records', 'manifest.json');

/**
 * Real SDK workspaces that between them hold every kind of line the generator writes: per-sample
 * outcomes with and without a unit, stage and slice aggregates, a per-step loss, events and a span.
 */
const REAL_WORKSPACES = [
  join('fixtures', 'scenarios', 'llm-eval', 'candidate', '.contexta'),
  join('fixtures', 'scenarios', 'slice-regression', 'candidate', '.contexta'),
  join('fixtures', 'contexta', 'generated', 'runtime-demo', '.contexta'),
];

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

/**
 * Key names in file order and value types, recursively. `tags` and `attributes` are free-form maps
 * whose keys differ between jobs, so only their value types count.
 */
function shape(value: unknown, key = ''): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => shape(v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (key === 'tags') return entries.every(([, v]) => typeof v === 'string') ? 'tags' : 'tags-not-strings';
    if (key === 'attributes') return 'attributes';
    return `{${entries.map(([k, v]) => `${k}:${shape(v, k)}`).join(',')}}`;
  }
  return typeof value;
}

function keysSortedEverywhere(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(keysSortedEverywhere);
  const keys = Object.keys(value);
  return keys.join() === [...keys].sort().join() && Object.values(value).every(keysSortedEverywhere);
}

/** Raw text of each float metric value: Python keeps a `.0` on integral floats. */
const FLOAT_VALUE = /"value":(-?[0-9][0-9.eE+-]*),"value_type":"float"/;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/;

function recordOf(line: string, file: 'capture' | 'segment') {
  const parsed = JSON.parse(line);
  return file === 'capture' ? parsed.payload : parsed.record;
}

let dir: string;
let workload: Workload;
const realShapes = { capture: new Set<string>(), segment: new Set<string>() };
const realLines = { capture: [] as string[], segment: [] as string[] };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  workload = generateBench({ out: join(dir, 'tiny'), samples: 60, steps: 15, seed: 7 });
  for (const ws of REAL_WORKSPACES) {
    for (const line of lines(join(ws, CAPTURE))) {
      realLines.capture.push(line);
      realShapes.capture.add(shape(JSON.parse(line)));
    }
    for (const line of lines(join(ws, SEGMENT))) {
      realLines.segment.push(line);
      realShapes.segment.add(shape(JSON.parse(line)));
    }
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated lines have the shape the SDK writes', () => {
  for (const file of ['capture', 'segment'] as const) {
    it(`every ${file} line matches the keys, key order and value types of a real ${file} line`, () => {
      const path = join(workload.workspaces.combined.path, file === 'capture' ? CAPTURE : SEGMENT);
      const generated = lines(path);
      expect(generated.length).toBe(workload.workspaces.combined.records);
      const unmatched = generated.filter((line) => !realShapes[file].has(shape(JSON.parse(line))));
      expect(unmatched.slice(0, 2)).toEqual([]);
      expect(generated.every((line) => keysSortedEverywhere(JSON.parse(line)))).toBe(true);
      const recordTypes = new Set(generated.map((line) => recordOf(line, file).envelope.record_type));
      expect([...recordTypes].sort()).toEqual(['event', 'metric', 'span']);
    });

    it(`${file} lines print floats and timestamps like Python does`, () => {
      const path = join(workload.workspaces.combined.path, file === 'capture' ? CAPTURE : SEGMENT);
      for (const line of [...realLines[file], ...lines(path)]) {
        const float = FLOAT_VALUE.exec(line);
        if (float) expect(float[1]).toMatch(/[.eE]/);
        const record = recordOf(line, file);
        const { payload, envelope } = record;
        if (payload.value_type === 'int') expect(Number.isInteger(payload.value)).toBe(true);
        expect(envelope.observed_at).toMatch(TIMESTAMP);
        expect(envelope.recorded_at).toMatch(TIMESTAMP);
        expect(envelope.recorded_at >= envelope.observed_at).toBe(true);
      }
    });
  }

  it('a segment line holds the capture line payload with nulls dropped', () => {
    const ws = workload.workspaces.baseline.path;
    const capture = lines(join(ws, CAPTURE));
    const segment = lines(join(ws, SEGMENT));
    expect(segment.length).toBe(capture.length);
    const dropNulls = (_key: string, v: unknown) => (v === null ? undefined : v);
    capture.forEach((line, i) => {
      const captured = JSON.parse(line);
      expect(captured.payload_ref).toBe(captured.payload.envelope.record_ref);
      expect(JSON.stringify(JSON.parse(segment[i]!).record)).toBe(
        JSON.stringify(captured.payload, dropNulls),
      );
    });
  });
});

describe('generated workload', () => {
  it('uses valid refs, unique record refs and the same sample names in both runs', () => {
    const records = lines(join(workload.workspaces.combined.path, SEGMENT)).map((l) =>
      recordOf(l, 'segment'),
    );
    const refs = records.map((r) => r.envelope.record_ref as string);
    expect(new Set(refs).size).toBe(refs.length);
    const component = '[a-z0-9]+(-[a-z0-9]+)*';
    for (const r of records) {
      const run = (r.envelope.run_ref as string).slice('run:'.length);
      expect(r.envelope.record_ref).toMatch(new RegExp(`^record:${run}\\.(metric|event|span)-[0-9a-f]{12}$`));
      expect(r.envelope.stage_execution_ref).toMatch(new RegExp(`^stage:${run}\\.${component}$`));
      if (r.envelope.sample_observation_ref) {
        expect(r.envelope.sample_observation_ref).toMatch(
          new RegExp(`^sample:${run}\\.evaluate\\.s-\\d{6}$`),
        );
        expect(r.payload.subject_ref).toBe(r.envelope.sample_observation_ref);
        expect(SLICES).toContain(r.payload.tags.slice);
      }
    }
    const sampleNames = (run: string) =>
      records
        .filter((r) => r.envelope.run_ref === `run:${PROJECT}.${run}` && r.payload.metric_key === 'correct')
        .map((r) => (r.envelope.sample_observation_ref as string).split('.').pop());
    expect(sampleNames(RUNS.baseline)).toHaveLength(60);
    expect(sampleNames(RUNS.candidate)).toEqual(sampleNames(RUNS.baseline));
    const steps = records.filter(
      (r) => r.payload.metric_key === 'loss' && r.envelope.run_ref.endsWith(RUNS.baseline),
    );
    expect(steps.map((r) => r.payload.tags.step)).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i + 1)),
    );
  });

  it('numbers sequences store-wide and writes a manifest shaped like the real one', () => {
    const real = JSON.parse(readFileSync(join(REAL_WORKSPACES[0]!, MANIFEST), 'utf8'));
    for (const ws of Object.values(workload.workspaces)) {
      const sequences = lines(join(ws.path, SEGMENT)).map((l) => JSON.parse(l).sequence);
      expect(sequences).toEqual(Array.from({ length: ws.records }, (_, i) => i + 1));
      const manifest = readFileSync(join(ws.path, MANIFEST), 'utf8');
      expect(manifest).toBe(manifestText(ws.records));
      expect(shape(JSON.parse(manifest))).toBe(shape(real));
      expect(JSON.parse(manifest).last_committed_sequence).toBe(ws.records);
    }
    const { baseline, candidate, combined } = workload.workspaces;
    expect(combined.records).toBe(baseline.records + candidate.records);
  });

  it('gives the same bytes for the same seed and different values for another seed', () => {
    const digest = (ws: string) =>
      createHash('sha256')
        .update(readFileSync(join(ws, SEGMENT)))
        .digest('hex');
    const again = generateBench({
      out: join(dir, 'again'),
      samples: 60,
      steps: 15,
      seed: 7,
      layout: 'records',
    });
    expect(digest(again.workspaces.combined.path)).toBe(digest(workload.workspaces.combined.path));
    expect(readdirSync(again.workspaces.baseline.path)).toEqual(['records']);
    const firstLines = (seed: number) =>
      [...runRecords({ role: 'baseline', samples: 5, steps: 5, seed })].map((item) => captureLine(item));
    expect(firstLines(8)).not.toEqual(firstLines(7));
  });

  it('sizes a workspace close to the requested target', () => {
    const target = parseSize('300KB');
    const sized = generateBench({
      out: join(dir, 'sized'),
      ...planWorkload(target, 'capture'),
      layout: 'capture',
    });
    expect(sized.workspaces.baseline.bytes / target).toBeGreaterThan(0.9);
    expect(sized.workspaces.baseline.bytes / target).toBeLessThan(1.1);
    expect(readdirSync(sized.workspaces.baseline.path)).toEqual(['cache']);
  });
});
