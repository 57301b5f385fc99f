// Calibration benchmark for the gate's statistics: `npm run calibrate [-- --prs K] [--jobs 2] [--quick]`.
//
// WHAT IT SIMULATES. Pull requests whose baseline and candidate are two classifiers evaluated on the same
// eval set, written as Contexta workspaces in exactly the on-disk shape the Python SDK writes (the same
// shape as fixtures/scenarios/slice-regression and scripts/bench/generate.mjs: canonical segment lines,
// `records/manifest.json`). Each sample has a per-sample `correct` metric (int 0/1, scope `step`,
// `sample_observation_ref` = subject) tagged with `slice` and — when f1/auc are present — `label` and
// `prediction` (strings, the SDK's tag form) plus a per-sample `score` metric; with `--label-form metrics`
// label and prediction are written as per-sample int metrics instead. The evaluate stage carries the
// aggregates the SDK user logs: `accuracy` (and `f1`, `auc`) overall (scope `stage`) and per slice
// (scope `slice`, `tags.slice`), plus `eval.samples`.
//
// The two models share a per-sample difficulty (so their errors are correlated, as two real models on
// one eval set are) and each adds its own noise: model m is right on sample i when
// 1.0 + d_i + e_mi > 0 with d_i, e_mi normal (accuracy ≈ 0.79); its score is the logistic of the signed
// margin, its prediction the score thresholded at ½, so accuracy, f1 and auc agree with the per-sample
// records. Scenarios:
//   - `noise`: both models have identical skill — every CLI failure is a FALSE ALARM;
//   - `drop`:  the candidate loses 10 points of accuracy in the 30 % slice (correct predictions flipped
//              with probability 0.10 / slice accuracy) — every CLI failure is a DETECTION.
// Grid: n ∈ {300, 1000}; slices 3 (50/30/20 %) or 20 (30 % + 19 × 70/19 %); with and without f1/auc;
// config: none (built-in defaults) or the README-style config from issue 13 (`max_drop: 0.01` on
// accuracy/f1/auc overall and `slices: all` with `max_drop: 0.05`, no statistics keys).
//
// WHY. The verdict users see is the CLI's exit code, so calibration runs the REAL CLI
// (`node dist/cli/index.js compare --baseline DIR --candidate DIR [--config FILE] --format json`; exit 1
// = fail) instead of calling the statistics directly: it measures the whole chain (reading, pairing,
// test choice, multiplicity). Rates get Wilson 95 % intervals (src/stats/wilson.ts's formula).
//
// OUTPUT. A markdown table written to docs/calibration.md (or `--out FILE`) with date, commit, machine
// and K. Build first (`npm run build`). Exit codes other than 0/1 are counted as errors and reported.
//
// Flags: --prs K (PRs per cell, default 50: 32 cells × 50 PRs ≈ 12 min on 2 busy cores) · --jobs J (parallel CLI processes, default 2) ·
// --quick (n = 300 only) · --label-form tags|metrics · --seed S · --out FILE · --cli PATH · --keep ·
// --note TEXT (a status paragraph printed above the table, e.g. which engine state was measured)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, manifestText, segmentLine } from './bench/generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = 'calib';
const BASE_ACCURACY_MARGIN = 1.0;
const DROP = 0.1;

function parseArgs(argv) {
  const args = {
    prs: 50,
    jobs: 2,
    quick: false,
    labelForm: 'tags',
    seed: 20261201,
    out: null,
    cli: null,
    keep: false,
    note: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--prs') args.prs = Number(value());
    else if (flag === '--jobs') args.jobs = Number(value());
    else if (flag === '--quick') args.quick = true;
    else if (flag === '--label-form') args.labelForm = value();
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--out') args.out = resolve(value());
    else if (flag === '--cli') args.cli = resolve(value());
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--note') args.note = value();
    else throw new Error(`unknown flag ${flag}; see the header of scripts/calibrate.mjs`);
  }
  if (!Number.isInteger(args.prs) || args.prs < 1) throw new Error('--prs must be a positive integer');
  if (!Number.isInteger(args.jobs) || args.jobs < 1) throw new Error('--jobs must be a positive integer');
  if (args.labelForm !== 'tags' && args.labelForm !== 'metrics') throw new Error('--label-form tags|metrics');
  return args;
}

function gaussian(rng) {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Python's float repr keeps `.0` on integral values (see generate.mjs). */
function pyFloat(value, digits) {
  const rounded = Number(value.toFixed(digits));
  return Number.isInteger(rounded) ? JSON.rawJSON(`${rounded}.0`) : rounded;
}

/** Slice names and their sample counts: 3 slices 50/30/20 %, or 20 slices with a 30 % one first. */
function sliceLayout(n, slices) {
  const shares = slices === 3 ? [0.5, 0.3, 0.2] : [0.3, ...Array.from({ length: 19 }, () => 0.7 / 19)];
  const names =
    slices === 3
      ? ['region-eu', 'region-us', 'region-apac']
      : shares.map((_, i) => `seg-${String(i + 1).padStart(2, '0')}`);
  // The 30 % slice is index 1 for 3 slices and index 0 for 20.
  const target = slices === 3 ? 1 : 0;
  const counts = shares.map((s) => Math.floor(s * n));
  let left = n - counts.reduce((a, b) => a + b, 0);
  for (let i = counts.length - 1; left > 0; i--, left--) counts[i] += 1;
  const sliceOf = new Uint8Array(n);
  let at = 0;
  counts.forEach((count, s) => {
    for (let k = 0; k < count; k++) sliceOf[at++] = s;
  });
  return { names, sliceOf, target };
}

/** Per-sample outcomes of both models for one simulated PR. */
function simulatePr({ n, slices, scenario, seed }) {
  const rng = createRng(seed);
  const { names, sliceOf, target } = sliceLayout(n, slices);
  const label = new Uint8Array(n);
  const models = { baseline: [], candidate: [] };
  for (let i = 0; i < n; i++) {
    label[i] = rng() < 0.4 ? 1 : 0;
    const difficulty = gaussian(rng);
    for (const role of ['baseline', 'candidate']) {
      const margin = BASE_ACCURACY_MARGIN + difficulty + 0.8 * gaussian(rng);
      models[role].push({ margin });
    }
  }
  // Planted drop: flip correct candidate predictions in the target slice, 10 points in expectation.
  if (scenario === 'drop') {
    let right = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (sliceOf[i] !== target) continue;
      size++;
      if (models.candidate[i].margin > 0) right++;
    }
    const flip = Math.min(1, DROP / Math.max(1e-9, right / size));
    for (let i = 0; i < n; i++) {
      const m = models.candidate[i];
      if (sliceOf[i] === target && m.margin > 0 && rng() < flip) m.margin = -m.margin;
    }
  }
  const sides = {};
  for (const role of ['baseline', 'candidate']) {
    sides[role] = models[role].map(({ margin }, i) => {
      const signed = label[i] === 1 ? margin : -margin;
      const score = Math.min(0.9999, Math.max(0.0001, 1 / (1 + Math.exp(-2 * signed))));
      const prediction = score >= 0.5 ? 1 : 0;
      return {
        label: label[i],
        prediction,
        score: Number(score.toFixed(4)),
        correct: prediction === label[i] ? 1 : 0,
      };
    });
  }
  return { names, sliceOf, target, sides };
}

/** Under pure noise: the share of samples the two models disagree on, and the baseline's error rate. */
function disagreementOf(pr) {
  let disagree = 0;
  let errors = 0;
  pr.sides.baseline.forEach((b, i) => {
    if (b.correct !== pr.sides.candidate[i].correct) disagree++;
    if (b.correct === 0) errors++;
  });
  return { disagree: disagree / pr.sides.baseline.length, error: errors / pr.sides.baseline.length };
}

/** How far the planted drop stands out: McNemar's z on the paired `correct` of the slice that dropped. */
function droppedSliceZ(pr) {
  let worse = 0;
  let better = 0;
  pr.sliceOf.forEach((s, i) => {
    if (s !== pr.target) return;
    const b = pr.sides.baseline[i].correct;
    const c = pr.sides.candidate[i].correct;
    if (b > c) worse++;
    else if (c > b) better++;
  });
  const discordant = worse + better;
  return discordant === 0 ? 0 : (worse - better) / Math.sqrt(discordant);
}

/**
 * The gate's own one-sided raw p for accuracy in the slice that dropped, from the CLI's JSON report
 * (the same test the verdict used, before any multiplicity adjustment); null when no row has one.
 */
function droppedSliceP(stdout, sliceName) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return null;
  }
  for (const gate of report.gates ?? [])
    for (const check of gate.checks ?? [])
      if (check.slice === sliceName && check.metric === 'accuracy' && typeof check.pValue === 'number')
        return check.pValue;
  return null;
}

function f1Of(rows) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    if (r.prediction === 1 && r.label === 1) tp++;
    else if (r.prediction === 1) fp++;
    else if (r.label === 1) fn++;
  }
  return 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Mann–Whitney AUC with ties ½ (sort once); null with a single class. */
function aucOf(rows) {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  let negBelow = 0;
  let num = 0;
  let pos = 0;
  for (let g = 0; g < sorted.length; ) {
    let h = g;
    let gp = 0;
    let gn = 0;
    while (h < sorted.length && sorted[h].score === sorted[g].score) {
      if (sorted[h].label === 1) gp++;
      else gn++;
      h++;
    }
    num += gp * (negBelow + 0.5 * gn);
    negBelow += gn;
    pos += gp;
    g = h;
  }
  return pos === 0 || negBelow === 0 ? null : num / (pos * negBelow);
}

/** Writes one run as `<dir>/.contexta` in the SDK's canonical-store layout. */
function writeRun(dir, { role, runName, names, sliceOf, rows, withF1Auc, labelForm }) {
  const runRef = `run:${PROJECT}.${runName}`;
  const stageRef = `stage:${PROJECT}.${runName}.evaluate`;
  const lines = [];
  let clockUs = Date.UTC(2026, 11, 1, 9, 0, 0) * 1000 + (role === 'candidate' ? 86_400_000_000 : 0);
  const stamp = (us) => {
    const s = Math.floor(us / 1e6);
    const f = us - s * 1e6;
    const prefix = new Date(s * 1000).toISOString().slice(0, 19);
    return f === 0 ? `${prefix}Z` : `${prefix}.${String(f).padStart(6, '0')}Z`;
  };
  const metric = (sampleRef, { key, scope, value, valueType, tags = {} }) => {
    clockUs += 211;
    const index = lines.length;
    const recordRef = `record:${PROJECT}.${runName}.metric-${index.toString(16).padStart(12, '0')}`;
    const item = {
      appendedAt: stamp(clockUs + 1500),
      record: {
        envelope: {
          batch_execution_ref: null,
          completeness_marker: 'complete',
          correlation_refs: { session_id: null, trace_id: null },
          degradation_marker: 'none',
          deployment_execution_ref: null,
          extensions: [],
          observed_at: stamp(clockUs),
          operation_context_ref: null,
          producer_ref: 'sdk.python.local',
          record_ref: recordRef,
          record_type: 'metric',
          recorded_at: stamp(clockUs + 50),
          run_ref: runRef,
          sample_observation_ref: sampleRef,
          schema_version: '1.0.0',
          stage_execution_ref: stageRef,
        },
        payload: {
          aggregation_scope: scope,
          metric_key: key,
          slice_ref: null,
          subject_ref: sampleRef ?? stageRef,
          summary_basis: 'raw_observation',
          tags,
          unit: null,
          value,
          value_type: valueType,
        },
      },
    };
    lines.push(segmentLine(item, index + 1));
  };
  rows.forEach((r, i) => {
    const sampleRef = `sample:${PROJECT}.${runName}.evaluate.s-${String(i + 1).padStart(5, '0')}`;
    const tags = { slice: names[sliceOf[i]] };
    if (withF1Auc && labelForm === 'tags') {
      tags.label = String(r.label);
      tags.prediction = String(r.prediction);
    }
    metric(sampleRef, { key: 'correct', scope: 'step', value: r.correct, valueType: 'int', tags });
    if (withF1Auc) {
      metric(sampleRef, {
        key: 'score',
        scope: 'step',
        value: pyFloat(r.score, 4),
        valueType: 'float',
        tags: { slice: tags.slice },
      });
      if (labelForm === 'metrics') {
        metric(sampleRef, {
          key: 'label',
          scope: 'step',
          value: r.label,
          valueType: 'int',
          tags: { slice: tags.slice },
        });
        metric(sampleRef, {
          key: 'prediction',
          scope: 'step',
          value: r.prediction,
          valueType: 'int',
          tags: { slice: tags.slice },
        });
      }
    }
  });
  const aggregates = (subset, scope, tags) => {
    const accuracy = subset.reduce((a, r) => a + r.correct, 0) / subset.length;
    metric(null, { key: 'accuracy', scope, value: pyFloat(accuracy, 12), valueType: 'float', tags });
    if (withF1Auc) {
      metric(null, { key: 'f1', scope, value: pyFloat(f1Of(subset), 12), valueType: 'float', tags });
      const auc = aucOf(subset);
      if (auc !== null)
        metric(null, { key: 'auc', scope, value: pyFloat(auc, 12), valueType: 'float', tags });
    }
    metric(null, { key: 'eval.samples', scope, value: subset.length, valueType: 'int', tags });
  };
  aggregates(rows, 'stage', {});
  names.forEach((name, s) => {
    const subset = rows.filter((_, i) => sliceOf[i] === s);
    if (subset.length > 0) aggregates(subset, 'slice', { slice: name });
  });
  const store = join(dir, '.contexta', 'records');
  mkdirSync(join(store, 'segments'), { recursive: true });
  writeFileSync(join(store, 'segments', 'segment-000001.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(store, 'manifest.json'), manifestText(lines.length));
}

/** The README-style config of issue 13: raw limits only, no statistics keys. */
function readmeConfig(withF1Auc) {
  const metrics = withF1Auc ? '[evaluate/accuracy, evaluate/f1, evaluate/auc]' : '[evaluate/accuracy]';
  return [
    'version: 1',
    'gates:',
    '  - name: no regression',
    `    metric: ${metrics}`,
    '    max_drop: 0.01',
    '  - name: every slice holds',
    `    metric: ${metrics}`,
    '    slices: all',
    '    max_drop: 0.05',
    '',
  ].join('\n');
}

function runCli(cli, args) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Wilson 95 % interval for k of n (Wilson 1927; same formula as src/stats/wilson.ts). */
function wilson(k, n) {
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [k === 0 ? 0 : Math.max(0, c - h), k === n ? 1 : Math.min(1, c + h)];
}

function pct(x) {
  return `${(100 * x).toFixed(1)} %`;
}

/**
 * For each accuracy-only planted-drop row, how far the drop stands out and the two rates that bound what
 * a gate can catch. The f1/auc rows are left out: their scores carry evidence beyond `correct`.
 */
function ceilingSection(cells) {
  const rows = [];
  for (const cell of cells) {
    if (cell.scenario !== 'drop' || cell.withF1Auc || cell.dropped.length === 0) continue;
    const zs = cell.dropped.map((d) => d.z);
    const zMean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const zSd = Math.sqrt(zs.reduce((a, z) => a + (z - zMean) ** 2, 0) / Math.max(1, zs.length - 1));
    const share = (level) =>
      pct(cell.dropped.filter((d) => d.p !== null && d.p < level).length / cell.dropped.length);
    const judged = cell.fail + cell.pass;
    const target = cell.n === 300 ? 0.5 : cell.config === 'readme' ? 0.95 : 0.9;
    rows.push(
      `| ${cell.config === 'readme' ? 'README-style' : 'built-in defaults'} | ${cell.slices} | ${cell.n} | ${cell.sizes[cell.target]} | ${zMean.toFixed(2)} ± ${zSd.toFixed(2)} | ${share(0.05)} | ${share(0.05 / (cell.slices + 1))} | ${judged > 0 ? pct(cell.fail / judged) : 'n/a'} | ${pct(target)} |`,
    );
  }
  if (rows.length === 0) return [];
  const noise = cells.flatMap((cell) => cell.disagreement);
  const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return [
    '## How much of the planted drop a gate can catch',
    '',
    `Under pure noise the simulated models disagree on ${pct(mean(noise.map((d) => d.disagree)))} of samples while each`,
    `errs on ${pct(mean(noise.map((d) => d.error)))} (${noise.length} PRs). Two training runs of one network disagree at about`,
    'their test error (Jiang, Nagarajan, Baek & Kolter, "Assessing Generalization of SGD via Disagreement",',
    'ICLR 2022), so the simulated noise is what a retrained model brings; models that agree more give a',
    'paired test more to work with.',
    '',
    'For the accuracy-only planted-drop rows above, on the same simulated PRs (the f1/auc rows are left out:',
    'their scores carry evidence beyond `correct`). "z" is McNemar\'s z = (worse − better) / √(worse + better)',
    'on the paired `correct` of the slice that dropped, mean ± sd over the PRs.',
    '',
    "- **One test told the slice** is the share of PRs whose raw one-sided p in the dropped slice (the gate's",
    "  own McNemar mid-p, read from the CLI's JSON report before adjustment) is below 0.05. It is an upper bound for every gate whose false-alarm rate is 5 % per PR: the other slices",
    '  are pure noise in both scenarios, so by the Neyman–Pearson lemma the most powerful 5 %-level test of',
    '  "nothing dropped" against "this slice dropped" looks at this slice alone, at 0.05. A gate reaches it',
    '  only by spending all of alpha on the one slice that is going to drop — which it cannot know.',
    "- **Holm's first step** is the share below 0.05 / (slices + 1): what Holm over the gate's rows (the",
    "  overall series and every slice) catches when only this slice carries the drop. Tarone's reduction",
    '  lifts the measured rate above it where small slices cannot reach significance and leave the family.',
    '',
    "| config | slices | n | samples in the dropped slice | z | one test told the slice | Holm's first step | gate (measured) | issue 13 target |",
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cli = args.cli ?? join(ROOT, 'dist', 'cli', 'index.js');
  const out = args.out ?? join(ROOT, 'docs', 'calibration.md');
  const work = mkdtempSync(join(tmpdir(), 'contexta-calibrate-'));
  const cells = [];
  for (const config of ['defaults', 'readme'])
    for (const withF1Auc of [false, true])
      for (const slices of [3, 20])
        for (const n of args.quick ? [300] : [300, 1000])
          for (const scenario of ['noise', 'drop']) cells.push({ config, withF1Auc, slices, n, scenario });

  const configFiles = {};
  for (const withF1Auc of [false, true]) {
    const file = join(work, `readme-${withF1Auc ? 'f1auc' : 'acc'}.yml`);
    writeFileSync(file, readmeConfig(withF1Auc));
    configFiles[withF1Auc] = file;
  }

  const jobs = [];
  cells.forEach((cell, c) => {
    cell.fail = 0;
    cell.pass = 0;
    cell.errors = 0;
    cell.ms = [];
    cell.dropped = [];
    cell.disagreement = [];
    for (let k = 0; k < args.prs; k++) jobs.push({ cell, c, k });
  });
  const started = performance.now();
  let done = 0;
  let firstError = null;
  const worker = async () => {
    for (;;) {
      const job = jobs.shift();
      if (!job) return;
      const { cell, c, k } = job;
      const dir = join(work, `cell${c}-pr${k}`);
      const pr = simulatePr({
        n: cell.n,
        slices: cell.slices,
        scenario: cell.scenario,
        seed: (args.seed + c * 100_003 + k * 7919) >>> 0,
      });
      if (cell.scenario === 'noise') cell.disagreement.push(disagreementOf(pr));
      const dropped =
        cell.scenario === 'drop' ? { z: droppedSliceZ(pr), name: pr.names[pr.target], p: null } : null;
      if (dropped) {
        cell.sizes ??= pr.names.map((_, s) => pr.sliceOf.filter((x) => x === s).length);
        cell.target = pr.target;
      }
      for (const role of ['baseline', 'candidate']) {
        writeRun(join(dir, role), {
          role,
          runName: role === 'baseline' ? 'model-a' : 'model-b',
          names: pr.names,
          sliceOf: pr.sliceOf,
          rows: pr.sides[role],
          withF1Auc: cell.withF1Auc,
          labelForm: args.labelForm,
        });
      }
      const cliArgs = [
        'compare',
        '--baseline',
        join(dir, 'baseline', '.contexta'),
        '--candidate',
        join(dir, 'candidate', '.contexta'),
        '--format',
        'json',
      ];
      if (cell.config === 'readme') cliArgs.push('--config', configFiles[cell.withF1Auc]);
      const result = await runCli(cli, cliArgs);
      cell.ms.push(result.ms);
      if (dropped) cell.dropped.push({ ...dropped, p: droppedSliceP(result.stdout, dropped.name) });
      if (result.code === 1) cell.fail++;
      else if (result.code === 0) cell.pass++;
      else {
        cell.errors++;
        firstError ??= `exit ${result.code}: ${result.stderr.slice(0, 500)}`;
      }
      if (!args.keep) rmSync(dir, { recursive: true, force: true });
      done++;
      if (done % 50 === 0 || done === cells.length * args.prs) {
        process.stderr.write(
          `${done}/${cells.length * args.prs} PRs, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: args.jobs }, worker));
  if (!args.keep) rmSync(work, { recursive: true, force: true });
  const seconds = (performance.now() - started) / 1000;

  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {}
  const rows = cells.map((cell) => {
    const judged = cell.fail + cell.pass;
    const [lo, hi] = judged > 0 ? wilson(cell.fail, judged) : [Number.NaN, Number.NaN];
    const median = [...cell.ms].sort((a, b) => a - b)[Math.floor(cell.ms.length / 2)] ?? 0;
    const rate = judged > 0 ? `${pct(cell.fail / judged)} (${pct(lo)} – ${pct(hi)})` : 'n/a';
    return `| ${cell.config === 'readme' ? 'README-style' : 'built-in defaults'} | ${cell.withF1Auc ? 'accuracy, f1, auc' : 'accuracy'} | ${cell.slices} | ${cell.n} | ${cell.scenario === 'noise' ? 'pure noise → false alarm' : '10-pt drop in 30 % slice → caught'} | ${cell.fail}/${judged} | ${rate} | ${cell.errors} | ${(median / 1000).toFixed(2)} s |`;
  });
  const text = [
    '# Calibration: false-alarm and detection rates through the real CLI',
    '',
    'Generated by `npm run calibrate` (scripts/calibrate.mjs — its header explains the simulation).',
    'Each row runs K simulated pull requests in the SDK on-disk shape through',
    '`node dist/cli/index.js compare --format json`; a PR counts as failed when the CLI exits 1.',
    'For pure-noise rows the failure rate is the **false-alarm rate** (target ≤ 5 %); for planted-drop',
    'rows it is the **detection rate** (target ≥ 50 % at n = 300, ≥ 95 % at n = 1000, ≥ 90 % under the',
    'defaults — issue 13). Intervals are Wilson 95 %. "errors" are exits other than 0/1.',
    '',
    ...(args.note ? [args.note, ''] : []),
    `- date: ${new Date().toISOString().slice(0, 10)}`,
    `- commit: ${commit}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${args.jobs} CLI processes in parallel`,
    `- K = ${args.prs} PRs per row, seed ${args.seed}, label form \`${args.labelForm}\`, total ${seconds.toFixed(0)} s`,
    '',
    '| config | metrics present | slices | n | scenario | failed | rate (95 % CI) | errors | median CLI time |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...ceilingSection(cells),
  ].join('\n');
  writeFileSync(out, text);
  process.stdout.write(`${text}\n`);
  if (firstError) process.stderr.write(`first CLI error: ${firstError}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(2);
});
