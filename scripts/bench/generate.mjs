// Deterministic generator of large synthetic Contexta workspaces for `npm run bench`.
//
// Every line has exactly the shape the Python SDK writes (docs/reference/contexta-format.md §3–§5): capture-cache
// lines keep every optional field as `null`, segment lines omit nulls at every level, keys are
// sorted, separators compact, integral floats keep their `.0`. Values come from a seeded PRNG, so a
// seed and a size always give the same bytes. Files are written in 1 MiB chunks: memory stays flat
// whatever the target size.
//
// CLI: node scripts/bench/generate.mjs --out <dir> [--size 10MB] [--seed N] [--layout both|capture|records]
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bump when the output changes, so cached workspaces under `.bench/` are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261123;
export const PROJECT = 'bench-eval';
export const RUNS = { baseline: 'llm-baseline-v1', candidate: 'llm-candidate-v2' };
export const LAYOUTS = ['both', 'capture', 'records'];
/** Written last into the output folder: its presence means the workspaces are complete. */
export const WORKLOAD_FILE = 'bench-workload.json';

/** Twenty slices with a skewed share of samples, as real eval sets have. */
export const SLICES = [
  'lang-en',
  'lang-de',
  'lang-fr',
  'lang-es',
  'lang-ja',
  'lang-ko',
  'lang-zh',
  'task-math',
  'task-code',
  'task-lookup',
  'task-summarize',
  'task-translate',
  'task-extract',
  'task-classify',
  'domain-legal',
  'domain-medical',
  'domain-finance',
  'domain-retail',
  'safety-refusal',
  'safety-jailbreak',
];
const SLICE_WEIGHTS = SLICES.map((_, i) => 1 / (i + 2));
/** The candidate regresses on this slice while improving overall, like a real risky PR. */
const REGRESSING_SLICE = 5;
/** Share of the target bytes spent on per-sample outcomes; the rest is the per-step loss series. */
const EVAL_SHARE = 0.6;
const CHUNK_CHARS = 1 << 20;
const BASE_TIME_US = Date.UTC(2026, 10, 23, 9, 0, 0) * 1000;
const CANDIDATE_OFFSET_US = 86_400 * 1_000_000;

/** mulberry32: tiny, fast and good enough for synthetic values. */
export function createRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix32(x) {
  let v = x >>> 0;
  v = Math.imul(v ^ (v >>> 16), 0x45d9f3b);
  v = Math.imul(v ^ (v >>> 16), 0x45d9f3b);
  return (v ^ (v >>> 16)) >>> 0;
}

/**
 * The SDK draws 12 random hex digits per record ref. A random draw could collide over millions of
 * records (and a duplicate ref changes what a reader keeps), so this is a keyed Feistel permutation
 * of the record index instead: distinct indexes always give distinct, random-looking refs.
 */
function refHex(index, key) {
  let left = Math.floor(index / 0x1000000) & 0xffffff;
  let right = index & 0xffffff;
  for (let round = 0; round < 4; round += 1) {
    const next = left ^ (mix32(right ^ key ^ Math.imul(round + 1, 0x9e3779b9)) & 0xffffff);
    left = right;
    right = next;
  }
  return left.toString(16).padStart(6, '0') + right.toString(16).padStart(6, '0');
}

function gaussian(rng) {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * Python writes floats with `repr`, which keeps `.0` on integral values; JSON.stringify would drop
 * it. Generated floats stay within [1e-4, 1e15], where both languages otherwise print the same
 * shortest round-trip digits.
 */
function pyFloat(value, digits) {
  const rounded = Number(value.toFixed(digits));
  return Number.isInteger(rounded) ? JSON.rawJSON(`${rounded}.0`) : rounded;
}

function createClock(startUs) {
  let now = startUs;
  let cachedSecond = -1;
  let cachedPrefix = '';
  const format = (us) => {
    const second = Math.floor(us / 1_000_000);
    if (second !== cachedSecond) {
      cachedSecond = second;
      cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
    }
    const fraction = us - second * 1_000_000;
    // Python's isoformat drops the fraction when the microseconds are exactly zero.
    return fraction === 0 ? `${cachedPrefix}Z` : `${cachedPrefix}.${String(fraction).padStart(6, '0')}Z`;
  };
  return {
    advance(us) {
      now += us;
      return now;
    },
    format,
  };
}

function sliceSampler(rng) {
  const total = SLICE_WEIGHTS.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let acc = 0;
  for (const w of SLICE_WEIGHTS) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const u = rng();
    for (let i = 0; i < cumulative.length; i += 1) if (u < cumulative[i]) return i;
    return cumulative.length - 1;
  };
}

function sampleName(index) {
  return `s-${String(index + 1).padStart(6, '0')}`;
}

/**
 * Yields one run's records in the order a job writes them: preprocess, a per-step training loss,
 * per-sample evaluate outcomes, then overall and per-slice aggregates. Each item carries the record
 * in the SDK's full form (every optional field present, `null` when unset) plus its write times.
 */
export function* runRecords({ role, samples, steps, seed, first = 0 }) {
  const run = RUNS[role];
  const runRef = `run:${PROJECT}.${run}`;
  const stageRef = (stage) => `stage:${PROJECT}.${run}.${stage}`;
  const refKey = hashString(first === 0 ? `${seed}:${runRef}` : `${seed}:${runRef}:${first}`);
  const noise = createRng(hashString(`${seed}:noise:${run}`));
  const clock = createClock(BASE_TIME_US + (role === 'candidate' ? CANDIDATE_OFFSET_US : 0));
  const candidate = role === 'candidate';
  let recordIndex = 0;

  // Spans are observed at their start (observedUs); everything else when it is written.
  const item = (recordType, payloadType, stage, sampleRef, payload, observedUs = null) => {
    const written = clock.advance(180 + Math.floor(noise() * 420));
    const observed = observedUs ?? written;
    const recorded = written + 40 + Math.floor(noise() * 30);
    const captured = recorded + 350 + Math.floor(noise() * 200);
    const appended = captured + 900 + Math.floor(noise() * 600);
    clock.advance(captured - written);
    const recordRef = `record:${PROJECT}.${run}.${recordType}-${refHex(recordIndex, refKey)}`;
    recordIndex += 1;
    return {
      recordRef,
      payloadType,
      capturedAt: clock.format(captured),
      appendedAt: clock.format(appended),
      record: {
        envelope: {
          batch_execution_ref: null,
          completeness_marker: 'complete',
          correlation_refs: { session_id: null, trace_id: null },
          degradation_marker: 'none',
          deployment_execution_ref: null,
          extensions: [],
          observed_at: clock.format(observed),
          operation_context_ref: null,
          producer_ref: 'sdk.python.local',
          record_ref: recordRef,
          record_type: recordType,
          recorded_at: clock.format(recorded),
          run_ref: runRef,
          sample_observation_ref: sampleRef,
          schema_version: '1.0.0',
          stage_execution_ref: stage === null ? null : stageRef(stage),
        },
        payload,
      },
    };
  };
  const metric = (stage, sampleRef, { key, scope, value, valueType, unit = null, tags = {} }) =>
    item('metric', 'MetricRecord', stage, sampleRef, {
      aggregation_scope: scope,
      metric_key: key,
      slice_ref: null,
      subject_ref: sampleRef ?? stageRef(stage),
      summary_basis: 'raw_observation',
      tags,
      unit,
      value,
      value_type: valueType,
    });
  const event = (stage, key, message, attributes) =>
    item('event', 'StructuredEventRecord', stage, null, {
      attributes,
      event_key: key,
      level: 'info',
      message,
      origin_marker: 'explicit_capture',
      subject_ref: stageRef(stage),
    });

  yield event(
    'preprocess',
    'dataset.loaded',
    `${samples} evaluation prompts across ${SLICES.length} slices`,
    {
      rows: samples,
      slices: SLICES.length,
    },
  );
  yield metric('preprocess', null, { key: 'rows.eval', scope: 'stage', value: samples, valueType: 'int' });

  const fitStart = clock.advance(0);
  const lossFloor = candidate ? 0.31 : 0.34;
  let loss = 0;
  for (let step = 1; step <= steps; step += 1) {
    const progress = step / steps;
    loss = lossFloor + 2.2 * Math.exp(-4 * progress) + 0.03 * Math.abs(gaussian(noise));
    yield metric('train', null, {
      key: 'loss',
      scope: 'step',
      value: pyFloat(loss, 6),
      valueType: 'float',
      tags: { step: String(step) },
    });
  }
  yield event('train', 'model.fitted', `fine-tuned ${run} for ${steps} steps`, {
    params: { learning_rate: candidate ? 0.0002 : 0.0003, lora_rank: candidate ? 16 : 8, steps },
  });
  yield metric('train', null, { key: 'train.steps', scope: 'stage', value: steps, valueType: 'int' });
  yield metric('train', null, {
    key: 'loss.final',
    scope: 'stage',
    value: pyFloat(loss, 6),
    valueType: 'float',
  });
  const fitEnd = clock.advance(0);
  yield item(
    'span',
    'TraceSpanRecord',
    'train',
    null,
    {
      attributes: { device: 'cuda:0' },
      ended_at: clock.format(fitEnd),
      linked_refs: [],
      parent_span_id: null,
      span_id: `span-${refHex(0, refKey ^ 0x5a5a5a)}`,
      span_kind: 'operation',
      span_name: 'fit',
      started_at: clock.format(fitStart),
      status: 'ok',
      trace_id: `trace-${refHex(1, refKey ^ 0xa5a5a5)}${refHex(2, refKey ^ 0xa5a5a5).slice(0, 4)}`,
    },
    fitStart,
  );

  // Sample traits (slice, difficulty, the draw deciding correctness) come from a stream shared by
  // both runs, so baseline and candidate outcomes are paired the way two models on one eval set are.
  const traits = createRng(hashString(`${seed}:samples`));
  const pickSlice = sliceSampler(traits);
  const latencies = new Float64Array(samples);
  const sliceOf = new Uint8Array(samples);
  const correctBySlice = new Float64Array(SLICES.length);
  const scoreBySlice = new Float64Array(SLICES.length);
  const countBySlice = new Float64Array(SLICES.length);
  // A shard holds samples [first, first + samples) of the eval set: the traits of the samples
  // before it are drawn and dropped, so every shard sees the same sample as the unsharded run.
  for (let i = 0; i < first; i += 1) {
    pickSlice();
    traits();
    traits();
    gaussian(traits);
  }
  for (let j = 0; j < samples; j += 1) {
    const i = first + j;
    const slice = pickSlice();
    const difficulty = traits();
    const draw = traits();
    const baseLatency = 380 + 60 * slice;
    const latencyShape = gaussian(traits);
    let logit = 2.4 - 3.6 * difficulty + (slice % 4) * 0.1;
    if (candidate) logit += slice === REGRESSING_SLICE ? -0.9 : 0.2;
    const p = 1 / (1 + Math.exp(-logit));
    const correct = draw < p ? 1 : 0;
    const score = Math.min(0.9999, Math.max(0.0001, p + 0.05 * gaussian(noise)));
    const latency =
      baseLatency * (candidate ? 1.12 : 1) * Math.exp(0.3 * latencyShape + 0.05 * gaussian(noise));
    latencies[j] = Number(latency.toFixed(3));
    sliceOf[j] = slice;
    correctBySlice[slice] += correct;
    scoreBySlice[slice] += score;
    countBySlice[slice] += 1;
    const sampleRef = `sample:${PROJECT}.${run}.evaluate.${sampleName(i)}`;
    const tags = { slice: SLICES[slice] };
    yield metric('evaluate', sampleRef, {
      key: 'correct',
      scope: 'step',
      value: correct,
      valueType: 'int',
      tags,
    });
    yield metric('evaluate', sampleRef, {
      key: 'score',
      scope: 'step',
      value: pyFloat(score, 4),
      valueType: 'float',
      tags,
    });
    yield metric('evaluate', sampleRef, {
      key: 'latency-ms',
      scope: 'step',
      value: pyFloat(latency, 3),
      valueType: 'float',
      unit: 'ms',
      tags,
    });
  }

  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const overall = [
    { key: 'accuracy', value: pyFloat(sum(correctBySlice) / Math.max(1, samples), 12), valueType: 'float' },
    { key: 'score.mean', value: pyFloat(sum(scoreBySlice) / Math.max(1, samples), 12), valueType: 'float' },
    { key: 'latency-ms.p50', value: pyFloat(quantile(latencies, 0.5), 3), valueType: 'float', unit: 'ms' },
    { key: 'latency-ms.p95', value: pyFloat(quantile(latencies, 0.95), 3), valueType: 'float', unit: 'ms' },
    { key: 'eval.samples', value: samples, valueType: 'int' },
  ];
  for (const m of overall) yield metric('evaluate', null, { ...m, scope: 'stage' });
  for (let s = 0; s < SLICES.length; s += 1) {
    const n = countBySlice[s];
    if (n === 0) continue;
    const sliceLatencies = latencies.filter((_, i) => sliceOf[i] === s);
    const tags = { slice: SLICES[s] };
    const perSlice = [
      { key: 'accuracy', value: pyFloat(correctBySlice[s] / n, 12), valueType: 'float' },
      { key: 'score.mean', value: pyFloat(scoreBySlice[s] / n, 12), valueType: 'float' },
      {
        key: 'latency-ms.p95',
        value: pyFloat(quantile(sliceLatencies, 0.95), 3),
        valueType: 'float',
        unit: 'ms',
      },
      { key: 'eval.samples', value: n, valueType: 'int' },
    ];
    for (const m of perSlice) yield metric('evaluate', null, { ...m, scope: 'slice', tags });
  }
}

function quantile(values, q) {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function withoutNulls(value) {
  if (value === null || typeof value !== 'object' || JSON.isRawJSON(value)) return value;
  if (Array.isArray(value)) return value.map(withoutNulls);
  const out = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== null) out[key] = withoutNulls(v);
  }
  return out;
}

/** A capture-cache line (`cache/capture/record.jsonl`), without the trailing newline. */
export function captureLine(item) {
  return JSON.stringify({
    captured_at: item.capturedAt,
    family: 'RECORD',
    payload: item.record,
    payload_ref: item.recordRef,
    payload_type: item.payloadType,
    sink_name: 'local-jsonl',
  });
}

/** The canonical `record` object's text; a store adds its own sequence around it. */
function canonicalRecordText(item) {
  return JSON.stringify(withoutNulls(item.record));
}

/** Same text as JSON.stringify of the sorted segment object, built without serialising the record twice. */
function segmentLineFromText(item, recordText, sequence) {
  return `{"appended_at":${JSON.stringify(item.appendedAt)},"record":${recordText},"sequence":${sequence}}`;
}

/** A canonical segment line (`records/segments/segment-NNNNNN.jsonl`), without the trailing newline. */
export function segmentLine(item, sequence) {
  return segmentLineFromText(item, canonicalRecordText(item), sequence);
}

class ChunkedFile {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.parts = [];
    this.pendingChars = 0;
    this.bytes = 0;
  }

  writeLine(line) {
    this.parts.push(line, '\n');
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  flush() {
    if (this.parts.length === 0) return;
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
    this.bytes += buffer.length;
    this.parts = [];
    this.pendingChars = 0;
  }

  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** One `.contexta` workspace being written; several runs may be appended to the same store. */
class WorkspaceWriter {
  constructor(root, layout) {
    this.root = root;
    this.records = 0;
    this.capture = null;
    this.segment = null;
    if (layout !== 'records') {
      mkdirSync(join(root, 'cache', 'capture'), { recursive: true });
      this.capture = new ChunkedFile(join(root, 'cache', 'capture', 'record.jsonl'));
    }
    if (layout !== 'capture') {
      mkdirSync(join(root, 'records', 'segments'), { recursive: true });
      this.segment = new ChunkedFile(join(root, 'records', 'segments', 'segment-000001.jsonl'));
    }
  }

  /** `text` holds the item's capture line and canonical record text, serialised once for all stores. */
  append(item, text) {
    this.records += 1;
    this.capture?.writeLine(text.capture);
    this.segment?.writeLine(segmentLineFromText(item, text.record, this.records));
  }

  close() {
    this.capture?.close();
    this.segment?.close();
    if (this.segment) {
      writeFileSync(join(this.root, 'records', 'manifest.json'), manifestText(this.records));
    }
    return {
      path: this.root,
      records: this.records,
      bytes: (this.capture?.bytes ?? 0) + (this.segment?.bytes ?? 0),
    };
  }
}

/** `records/manifest.json` after `count` appends: pretty, sorted keys, trailing newline, like the SDK. */
export function manifestText(count) {
  const manifest = {
    current_segment_id: 1,
    current_segment_record_count: count,
    last_committed_sequence: count,
    layout_mode: 'jsonl_segments',
    layout_version: '1',
    next_sequence: count + 1,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function lineBytes(item, layout) {
  const capture = layout === 'records' ? 0 : Buffer.byteLength(captureLine(item)) + 1;
  const segment = layout === 'capture' ? 0 : Buffer.byteLength(segmentLine(item, 1_000_000)) + 1;
  return capture + segment;
}

/**
 * Chooses how many samples and steps make one run's workspace about `targetBytes` (per run; the
 * store holding both runs is twice that). Line sizes come from a generated probe run: its fixed part
 * (events, span, aggregates over all slices) is subtracted first, the rest is split between samples
 * and steps.
 */
export function planWorkload(targetBytes, layout = 'both') {
  const probeSamples = 500;
  const probeSteps = 50;
  let stepBytes = 0;
  let sampleBytes = 0;
  let totalBytes = 0;
  for (const it of runRecords({
    role: 'baseline',
    samples: probeSamples,
    steps: probeSteps,
    seed: DEFAULT_SEED,
  })) {
    const bytes = lineBytes(it, layout);
    totalBytes += bytes;
    if (it.record.payload.metric_key === 'loss') stepBytes += bytes;
    else if (it.record.envelope.sample_observation_ref !== null) sampleBytes += bytes;
  }
  const available = Math.max(0, targetBytes - (totalBytes - stepBytes - sampleBytes));
  return {
    samples: Math.max(SLICES.length, Math.round((EVAL_SHARE * available) / (sampleBytes / probeSamples))),
    steps: Math.max(10, Math.round(((1 - EVAL_SHARE) * available) / (stepBytes / probeSteps))),
  };
}

/**
 * Writes `<out>/baseline/.contexta`, `<out>/candidate/.contexta` (one run each) and
 * `<out>/combined/.contexta` (both runs in one store, sequences continuing), then
 * `<out>/bench-workload.json` describing them.
 */
export function generateBench({
  out,
  samples,
  steps,
  seed = DEFAULT_SEED,
  layout = 'both',
  targetBytes = null,
}) {
  if (!LAYOUTS.includes(layout))
    throw new Error(`layout must be one of ${LAYOUTS.join(', ')}, got ${layout}`);
  mkdirSync(out, { recursive: true });
  const combined = new WorkspaceWriter(join(out, 'combined', '.contexta'), layout);
  const workspaces = {};
  for (const role of ['baseline', 'candidate']) {
    const single = new WorkspaceWriter(join(out, role, '.contexta'), layout);
    for (const it of runRecords({ role, samples, steps, seed })) {
      const text = {
        capture: layout === 'records' ? '' : captureLine(it),
        record: layout === 'capture' ? '' : canonicalRecordText(it),
      };
      single.append(it, text);
      combined.append(it, text);
    }
    workspaces[role] = single.close();
  }
  workspaces.combined = combined.close();
  const workload = {
    generator_version: GENERATOR_VERSION,
    seed,
    layout,
    target_bytes: targetBytes,
    samples,
    steps,
    slices: SLICES.length,
    sample_metrics: ['correct', 'score', 'latency-ms'],
    runs: { baseline: `run:${PROJECT}.${RUNS.baseline}`, candidate: `run:${PROJECT}.${RUNS.candidate}` },
    workspaces,
  };
  const tmp = join(out, `${WORKLOAD_FILE}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(workload, null, 2)}\n`);
  renameSync(tmp, join(out, WORKLOAD_FILE));
  return workload;
}

/**
 * The shards of a matrix evaluation: `<out>/<role>/shard-<i>/.contexta` for i = 1..shards, each a
 * job's workspace holding the same run (same run ref) with samples [(i-1)·n, i·n) of the eval set
 * and its own per-shard aggregates. A short training stage is in every shard, as each job fine-tunes
 * or loads the model itself.
 */
export function generateShards({
  out,
  shards,
  samplesPerShard,
  steps = 10,
  seed = DEFAULT_SEED,
  layout = 'both',
}) {
  if (!LAYOUTS.includes(layout))
    throw new Error(`layout must be one of ${LAYOUTS.join(', ')}, got ${layout}`);
  const sides = {};
  let bytes = 0;
  for (const role of ['baseline', 'candidate']) {
    sides[role] = [];
    for (let i = 1; i <= shards; i += 1) {
      const writer = new WorkspaceWriter(join(out, role, `shard-${i}`, '.contexta'), layout);
      for (const it of runRecords({
        role,
        samples: samplesPerShard,
        steps,
        seed,
        first: (i - 1) * samplesPerShard,
      })) {
        writer.append(it, {
          capture: layout === 'records' ? '' : captureLine(it),
          record: layout === 'capture' ? '' : canonicalRecordText(it),
        });
      }
      const ws = writer.close();
      bytes += ws.bytes;
      sides[role].push(ws.path);
    }
  }
  const workload = {
    generator_version: GENERATOR_VERSION,
    seed,
    layout,
    shards,
    samples_per_shard: samplesPerShard,
    steps,
    bytes,
    runs: { baseline: `run:${PROJECT}.${RUNS.baseline}`, candidate: `run:${PROJECT}.${RUNS.candidate}` },
    sides,
  };
  const tmp = join(out, `${WORKLOAD_FILE}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(workload, null, 2)}\n`);
  renameSync(tmp, join(out, WORKLOAD_FILE));
  return workload;
}

const UNITS = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };

/** `10MB`, `1.5GB`, `300mb` → bytes (decimal units; KiB/MiB/GiB are binary). */
export function parseSize(text) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i.exec(text);
  if (!match) throw new Error(`cannot read size "${text}": expected e.g. 10MB, 300MB, 1GB`);
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? 'B').toUpperCase()]);
}

function main(argv) {
  const args = { size: '10MB', seed: String(DEFAULT_SEED), layout: 'both', out: null };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    if (!(name in args) || argv[i + 1] === undefined) {
      throw new Error(
        `usage: generate.mjs --out <dir> [--size 10MB] [--seed N] [--layout ${LAYOUTS.join('|')}]`,
      );
    }
    args[name] = argv[i + 1];
  }
  if (!args.out) throw new Error('--out <dir> is required');
  const targetBytes = parseSize(args.size);
  const plan = planWorkload(targetBytes, args.layout);
  const started = performance.now();
  const workload = generateBench({
    out: resolve(args.out),
    ...plan,
    seed: Number(args.seed),
    layout: args.layout,
    targetBytes,
  });
  const seconds = (performance.now() - started) / 1000;
  for (const [name, ws] of Object.entries(workload.workspaces)) {
    process.stdout.write(`${name}: ${ws.records} records, ${(ws.bytes / 1e6).toFixed(1)} MB → ${ws.path}\n`);
  }
  process.stdout.write(`generated in ${seconds.toFixed(1)} s\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
