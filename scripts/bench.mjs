// `npm run bench`: performance at scale, measured rather than asserted (no timed tests).
//
// Generates a ladder of synthetic SDK-shaped workspaces (cached under `.bench/`), then runs every
// measurement in its own child process so wall time and peak RSS belong to that one command:
// the readline+JSON.parse floor, our reader (`inspect --json`), end-to-end `compare`, the
// one-store-both-runs variant, cold starts and the report renderer. Commands the built CLI does not
// offer yet are reported as not available instead of failing the run.
//
// Flags: --sizes 10MB,100MB|none  --shards 64x10000|none  --many-files 100000x625|none  --layout both|capture|records  --repeat N  --seed N  --dist <dir>
//        --node-flags "--max-semi-space-size=2" (V8 flags for every measured child)
//        --write (update docs/benchmarks.md)  --strict (exit 1 when a target is missed)
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_SEED,
  GENERATOR_VERSION,
  generateBench,
  LAYOUTS,
  parseSize,
  planWorkload,
  WORKLOAD_FILE,
} from './bench/generate.mjs';
import {
  ensureManyFilesWorkload,
  MANY_FILES_END,
  MANY_FILES_START,
  manyFilesMeasurements,
  manyFilesSection,
  parseManyFilesSpec,
} from './bench/many-files.mjs';
import {
  ensureShardWorkload,
  parseShardSpec,
  SHARDS_END,
  SHARDS_START,
  shardMeasurements,
  shardSection,
} from './bench/shards.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, '.bench');
const FLOOR_SCRIPT = join(ROOT, 'scripts', 'bench', 'floor.mjs');
const MAX_RSS_PRELOAD = pathToFileURL(join(ROOT, 'scripts', 'bench', 'max-rss.mjs')).href;
const FIRST_READ_PRELOAD = pathToFileURL(join(ROOT, 'scripts', 'bench', 'first-read.mjs')).href;
const FIXTURE_BASELINE = join(ROOT, 'fixtures', 'scenarios', 'llm-eval', 'baseline', '.contexta');
const FIXTURE_CANDIDATE = join(ROOT, 'fixtures', 'scenarios', 'llm-eval', 'candidate', '.contexta');
const DEFAULT_SIZES = '10MB,100MB,300MB,1GB';
/** Output larger than this is not parsed back; the exit status alone then says whether it worked. */
const MAX_CHECKED_OUTPUT = 256 * 1024 * 1024;

/**
 * The issues' targets: time relative to the floor reading the same bytes, a flat memory ceiling,
 * and the start-up of the CLI and the action before the first byte of evidence is read.
 */
const TARGETS = {
  timeRatio: 1,
  /** The time target is judged from this many lines per run up (the 300MB and 1GB rungs). */
  timeRatioFromLines: 300_000,
  rssMiB: 256,
  /** Peak RSS from the 100MB rung to the 1GB rung may grow at most this much. */
  rssFlatPercent: 20,
  firstReadMs: 150,
  actionE2eMs: 1000,
};
/** Where `--write` keeps this run's judged figures, shown beside the next run's as "previous". */
const PREVIOUS_FILE = join(ROOT, 'docs', 'benchmarks.json');

/**
 * Commands of the built bundles a measurement may need. Each is probed once on a small input; a
 * measurement whose capability is missing shows its note instead of a number.
 */
const CAPABILITIES = {
  inspect: { args: (c) => [c.cli, 'inspect', FIXTURE_CANDIDATE, '--json'], expect: 'json' },
  compare: {
    args: (c) => [
      c.cli,
      'compare',
      '--baseline',
      FIXTURE_BASELINE,
      '--candidate',
      FIXTURE_CANDIDATE,
      '--format',
      'json',
    ],
    expect: 'json-any-exit',
  },
  'compare-store': { args: (c) => compareOneStoreArgs(c.cli, c.probeStore), expect: 'json-any-exit' },
  'bench-render': {
    args: (c) => [c.cli, 'bench-render', '--metrics', '50', '--slices', '2'],
    expect: 'exit0',
  },
};

/** How the CLI is asked to compare two runs held in one store; the probe tells whether it understands it. */
function compareOneStoreArgs(cli, store) {
  return [
    cli,
    'compare',
    '--baseline',
    store.path,
    '--baseline-run',
    store.runs.baseline,
    '--candidate',
    store.path,
    '--candidate-run',
    store.runs.candidate,
    '--format',
    'json',
  ];
}

function compareTwoArgs(cli, w) {
  return [cli, 'compare', '--baseline', w.baseline.path, '--candidate', w.candidate.path, '--format', 'json'];
}

/**
 * One entry per measured command on each generated size. `floor` names the floor entry that read
 * the same bytes; the ratio to it is what the targets judge. Adding a row is adding an entry.
 */
const PER_SIZE = [
  { id: 'floor', label: 'floor, one run', args: (_c, w) => [FLOOR_SCRIPT, w.baseline.path], expect: 'json' },
  {
    id: 'floor-both',
    label: 'floor, two runs',
    args: (_c, w) => [FLOOR_SCRIPT, w.baseline.path, w.candidate.path],
    expect: 'json',
  },
  {
    id: 'floor-store',
    label: 'floor, one store',
    args: (_c, w) => [FLOOR_SCRIPT, w.combined.path],
    expect: 'json',
  },
  {
    id: 'inspect',
    label: 'reader: inspect --json',
    needs: 'inspect',
    floor: 'floor',
    args: (c, w) => [c.cli, 'inspect', w.baseline.path, '--json'],
    expect: 'json',
  },
  {
    id: 'inspect-1',
    label: 'reader, one thread: inspect --json --workers 1',
    needs: 'inspect',
    floor: 'floor',
    args: (c, w) => [c.cli, 'inspect', w.baseline.path, '--json', '--workers', '1'],
    expect: 'json',
  },
  {
    id: 'compare',
    label: 'compare, two workspaces',
    needs: 'compare',
    floor: 'floor-both',
    args: (c, w) => compareTwoArgs(c.cli, w),
    expect: 'json-any-exit',
  },
  {
    id: 'compare-1',
    label: 'compare, two workspaces, one thread (--workers 1)',
    needs: 'compare',
    floor: 'floor-both',
    args: (c, w) => [...compareTwoArgs(c.cli, w), '--workers', '1'],
    expect: 'json-any-exit',
  },
  {
    id: 'store-inspect',
    label: 'one store, both runs: inspect --json',
    needs: 'inspect',
    floor: 'floor-store',
    args: (c, w) => [c.cli, 'inspect', w.combined.path, '--json'],
    expect: 'json',
  },
  {
    id: 'store-compare',
    label: 'one store, both runs: compare',
    needs: 'compare-store',
    floor: 'floor-store',
    args: (c, w) => compareOneStoreArgs(c.cli, { path: w.combined.path, runs: w.runs }),
    expect: 'json-any-exit',
  },
];

/** Measured once per bench run, independent of the size ladder. */
const ONCE = [
  { id: 'node', label: 'cold start: `node -e 0` (Node itself)', args: () => ['-e', '0'], expect: 'exit0' },
  {
    id: 'action',
    label: 'cold start: action `dist/index.js`, push event, llm-eval fixture, no token',
    needs: 'action',
    args: (c) => [c.action],
    env: () => actionEnv(),
    firstRead: FIXTURE_CANDIDATE,
    expect: 'exit0',
  },
  {
    id: 'cli-inspect',
    label: 'cold start: CLI `inspect --json` on the llm-eval fixture',
    needs: 'inspect',
    args: (c) => [c.cli, 'inspect', FIXTURE_CANDIDATE, '--json'],
    firstRead: FIXTURE_CANDIDATE,
    expect: 'json',
  },
  {
    id: 'render',
    label: 'report renderer: 5,000 metrics × 20 slices (`bench-render`)',
    needs: 'bench-render',
    args: (c) => [c.cli, 'bench-render', '--metrics', '5000', '--slices', '20'],
    expect: 'exit0',
  },
];

/**
 * A runner's environment for one gate step on a push with no token: inputs, event payload, output
 * and summary files, RUNNER_TEMP; nothing reaches the network. Made once under .bench/tmp.
 */
function actionEnv() {
  const dir = join(BENCH_DIR, 'tmp', 'action-env');
  mkdirSync(join(dir, 'temp'), { recursive: true });
  const file = (name, text) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const sha = 'a'.repeat(40);
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: file('event.json', JSON.stringify({ ref: 'refs/heads/main', after: sha })),
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: file('output', ''),
    GITHUB_STEP_SUMMARY: file('summary', ''),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: join(dir, 'temp'),
    INPUT_MODE: 'gate',
    INPUT_WORKSPACE: FIXTURE_CANDIDATE,
    INPUT_UPLOAD: 'false',
    INPUT_COMMENT: 'off',
    'INPUT_FAIL-ON': 'fail',
  };
}

function parseArgs(argv) {
  const options = {
    sizes: DEFAULT_SIZES,
    layout: 'both',
    repeat: '1',
    seed: String(DEFAULT_SEED),
    dist: 'dist',
    shards: '64x10000',
    'many-files': '100000x625',
    'node-flags': '',
    'action-e2e': 'yes',
    write: false,
    strict: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'write' || name === 'strict') options[name] = true;
    else if (name in options && argv[i + 1] !== undefined) options[name] = argv[++i];
    else {
      throw new Error(
        `unknown or incomplete option ${argv[i]}; use --sizes 10MB,100MB --layout ${LAYOUTS.join('|')} ` +
          '--repeat N --seed N --dist <dir> --shards NxM|none --many-files NxM|none --action-e2e yes|none --node-flags "<v8 flags>" --write --strict',
      );
    }
  }
  if (!LAYOUTS.includes(options.layout)) throw new Error(`--layout must be one of ${LAYOUTS.join(', ')}`);
  const repeat = Number(options.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer`);
  return {
    ...options,
    repeat,
    seed: Number(options.seed),
    sizes:
      options.sizes === 'none'
        ? []
        : options.sizes.split(',').map((label) => ({ label: label.trim(), bytes: parseSize(label) })),
    shards: parseShardSpec(options.shards),
    manyFiles: parseManyFilesSpec(options['many-files']),
    actionE2e: parseYesNone(options['action-e2e'], '--action-e2e'),
    dist: resolve(ROOT, options.dist),
    nodeFlags: options['node-flags'].split(' ').filter((flag) => flag !== ''),
  };
}

function parseYesNone(text, flag) {
  if (text === 'yes' || text === 'none') return text === 'yes';
  throw new Error(`${flag} expects yes or none, got ${text}`);
}

/** Generates a size once; later runs reuse it while seed, layout and generator version match. */
function ensureWorkload(size, options) {
  const out = join(
    BENCH_DIR,
    `${size.label.toLowerCase()}-${options.layout}-s${options.seed}-g${GENERATOR_VERSION}`,
  );
  const marker = join(out, WORKLOAD_FILE);
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(out, { recursive: true, force: true });
  const plan = planWorkload(size.bytes, options.layout);
  log(`generating ${size.label} (${plan.samples} samples, ${plan.steps} steps per run) in ${shown(out)}`);
  const started = performance.now();
  const workload = generateBench({
    out,
    ...plan,
    seed: options.seed,
    layout: options.layout,
    targetBytes: size.bytes,
  });
  log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return workload;
}

let childCounter = 0;

/**
 * Runs `node <args>` with the RSS preload; wall time is spawn to exit as seen by this process. With
 * `firstRead` (a directory), also the time from spawn to the child's first open of a file in it.
 */
function runChild(nodeFlags, args, env = {}, firstRead = null) {
  childCounter += 1;
  const tmp = join(BENCH_DIR, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const rssFile = join(tmp, `rss-${process.pid}-${childCounter}`);
  const outFile = join(tmp, `out-${process.pid}-${childCounter}`);
  const markFile = join(tmp, `first-read-${process.pid}-${childCounter}`);
  const outFd = openSync(outFile, 'w');
  const preloads = ['--import', MAX_RSS_PRELOAD, ...(firstRead ? ['--import', FIRST_READ_PRELOAD] : [])];
  const marks = firstRead ? { BENCH_FIRST_READ_PREFIX: firstRead, BENCH_FIRST_READ_FILE: markFile } : {};
  const spawnedAt = performance.timeOrigin + performance.now();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, ...preloads, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BENCH_RSS_FILE: rssFile,
      ...marks,
      ...env,
    },
    stdio: ['ignore', outFd, 'pipe'],
  });
  closeSync(outFd);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  return new Promise((resolvePromise) => {
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : null;
      const firstReadAt = existsSync(markFile)
        ? JSON.parse(readFileSync(markFile, 'utf8')).firstReadAt
        : null;
      rmSync(markFile, { force: true });
      const outBytes = statSync(outFile).size;
      const output = outBytes <= MAX_CHECKED_OUTPUT ? readFileSync(outFile, 'utf8') : null;
      rmSync(rssFile, { force: true });
      rmSync(outFile, { force: true });
      resolvePromise({
        code,
        signal,
        wallMs,
        rssKiB: usage?.maxRssKiB ?? null,
        cpuMs: usage ? usage.cpuUs / 1000 : null,
        firstReadMs: firstReadAt === null ? null : firstReadAt - spawnedAt,
        output,
        outBytes,
        stderr,
      });
    });
  });
}

/** Paths inside the repository relative to it, others absolute. */
function shown(path) {
  const inside = relative(ROOT, path);
  return inside.startsWith('..') ? path : inside;
}

function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: null };
  }
}

/** Whether a finished child did its job; `note` says why not in words a reader of the table understands. */
function judge(run, expect) {
  const firstErrorLine =
    run.stderr
      .trim()
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  const why = `exit ${run.signal ?? run.code}${firstErrorLine ? `: ${firstErrorLine.slice(0, 160)}` : ''}`;
  if (run.signal) return { ok: false, note: `killed by ${run.signal}` };
  if (expect === 'any') return { ok: true, note: `exit ${run.code}` };
  if (expect === 'exit0') return run.code === 0 ? { ok: true, note: '' } : { ok: false, note: why };
  if (expect === 'json' && run.code !== 0) return { ok: false, note: why };
  if (run.output === null)
    return { ok: run.code === 0, note: `output ${run.outBytes} bytes not parsed back` };
  const parsed = parseJson(run.output);
  if (!parsed.ok) return { ok: false, note: `stdout is not JSON (${why})` };
  return { ok: true, note: run.code === 0 ? '' : `exit ${run.code}`, json: parsed.value };
}

async function probeCapabilities(ctx) {
  const available = {};
  const missingCli = `${shown(ctx.cli)} not found (the lead builds dist/)`;
  available.action = existsSync(ctx.action)
    ? { ok: true }
    : { ok: false, note: `${shown(ctx.action)} not found (the lead builds dist/)` };
  for (const [name, probe] of Object.entries(CAPABILITIES)) {
    if (!existsSync(ctx.cli)) {
      available[name] = { ok: false, note: missingCli };
      continue;
    }
    const verdict = judge(await runChild(ctx.options.nodeFlags, probe.args(ctx)), probe.expect);
    available[name] = verdict.ok
      ? { ok: true }
      : { ok: false, note: `not available in ${shown(ctx.cli)} (probe: ${verdict.note})` };
  }
  return available;
}

/** One run of one measurement, or why it could not be made. */
async function measureOnce(spec, ctx, workload) {
  if (spec.needs && !ctx.available[spec.needs].ok) {
    return { status: 'unavailable', note: ctx.available[spec.needs].note };
  }
  const env = typeof spec.env === 'function' ? spec.env(ctx) : spec.env;
  const run = await runChild(ctx.options.nodeFlags, spec.args(ctx, workload), env, spec.firstRead ?? null);
  const verdict = judge(run, spec.expect);
  if (!verdict.ok) return { status: 'failed', note: verdict.note };
  return {
    status: 'ok',
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    rssKiB: run.rssKiB,
    firstReadMs: run.firstReadMs,
    note: verdict.note,
    json: verdict.json,
  };
}

/** Best wall and CPU time and largest peak RSS; a failure in any repetition stands. */
function combine(best, next) {
  if (best === undefined || next.status !== 'ok') return next;
  if (best.status !== 'ok') return best;
  // Throughput printed from the child's own output must come from the same run as the wall time.
  const faster = next.wallMs < best.wallMs ? next : best;
  return {
    ...faster,
    wallMs: Math.min(best.wallMs, next.wallMs),
    cpuMs: Math.min(best.cpuMs, next.cpuMs),
    rssKiB: Math.max(best.rssKiB, next.rssKiB),
    firstReadMs:
      best.firstReadMs === null || next.firstReadMs === null
        ? (best.firstReadMs ?? next.firstReadMs)
        : Math.min(best.firstReadMs, next.firstReadMs),
  };
}

/**
 * Repetitions go round all measurements rather than repeating one, so a burst of load from other
 * processes hits the floor and the reader alike instead of skewing one ratio.
 */
async function measureAll(specs, ctx, workload, prefix) {
  const results = {};
  for (let round = 0; round < ctx.options.repeat; round += 1) {
    for (const spec of specs) {
      if (results[spec.id] && results[spec.id].status !== 'ok') continue;
      results[spec.id] = combine(results[spec.id], await measureOnce(spec, ctx, workload));
    }
  }
  for (const spec of specs) {
    const r = results[spec.id];
    const firstRead =
      r.status === 'ok' && spec.firstRead ? `, first evidence byte at ${fmt(r.firstReadMs, 0)} ms` : '';
    const shownResult =
      r.status === 'ok' ? `${(r.wallMs / 1000).toFixed(2)} s, ${mib(r.rssKiB)}${firstRead}` : r.note;
    log(`${prefix}${spec.label}: ${shownResult}`);
  }
  return results;
}

const mb = (bytes) => bytes / 1e6;
const fmt = (value, digits = 1) => (value === null || value === undefined ? '—' : value.toFixed(digits));
const mib = (kib) => (kib === null || kib === undefined ? '—' : `${(kib / 1024).toFixed(0)} MiB`);
const seconds = (r) => (r?.status === 'ok' ? (r.wallMs / 1000).toFixed(2) : cellNote(r));
const cellNote = (r) => (r?.status === 'unavailable' ? 'n/a' : r?.status === 'failed' ? 'failed' : '—');

function ratio(result, floor, clock = 'wallMs') {
  if (result?.status !== 'ok' || floor?.status !== 'ok' || !result[clock] || !floor[clock]) return null;
  return result[clock] / floor[clock];
}

/** "wall / CPU" ratio of a measurement to its floor. */
function ratios(result, floor) {
  const wall = ratio(result, floor);
  if (wall === null) return cellNote(result);
  return `${fmt(wall, 2)} / ${fmt(ratio(result, floor, 'cpuMs'), 2)}`;
}

function resultTable(rows) {
  const columns = [
    'size',
    'records (lines) per run',
    'floor s',
    'floor MB/s',
    'floor records/s',
    'floor MB/s after start-up',
    'reader s',
    'reader MB/s',
    'reader ÷ floor (wall / CPU)',
    'reader peak RSS',
    'compare s',
    'compare ÷ floor (wall / CPU)',
    'one store inspect s',
    '÷ floor (wall / CPU)',
    'one store compare s',
    '÷ floor (wall / CPU)',
  ];
  const lines = [`| ${columns.join(' | ')} |`, `|${'---|'.repeat(columns.length)}`];
  for (const row of rows) {
    const r = row.results;
    const bytes = row.workload.workspaces.baseline.bytes;
    const floorLines = r.floor.json?.records ?? null;
    const floorS = r.floor.status === 'ok' ? r.floor.wallMs / 1000 : null;
    const readerS = r.inspect.status === 'ok' ? r.inspect.wallMs / 1000 : null;
    const cells = [
      `${row.size.label} (${fmt(mb(bytes))} MB)`,
      `${row.workload.workspaces.baseline.records.toLocaleString('en-US')} (${floorLines?.toLocaleString('en-US') ?? '—'})`,
      seconds(r.floor),
      floorS ? fmt(mb(bytes) / floorS) : cellNote(r.floor),
      floorS && floorLines ? Math.round(floorLines / floorS).toLocaleString('en-US') : '—',
      r.floor.json ? fmt(mb(bytes) / (r.floor.json.readMs / 1000)) : '—',
      seconds(r.inspect),
      readerS ? fmt(mb(bytes) / readerS) : cellNote(r.inspect),
      ratios(r.inspect, r.floor),
      r.inspect.status === 'ok' ? mib(r.inspect.rssKiB) : cellNote(r.inspect),
      seconds(r.compare),
      ratios(r.compare, r['floor-both']),
      seconds(r['store-inspect']),
      ratios(r['store-inspect'], r['floor-store']),
      seconds(r['store-compare']),
      ratios(r['store-compare'], r['floor-store']),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function rssTable(rows) {
  const lines = [
    `| size | ${PER_SIZE.map((s) => s.label).join(' | ')} |`,
    `|---|${PER_SIZE.map(() => '---|').join('')}`,
  ];
  for (const row of rows) {
    const cells = PER_SIZE.map((s) => {
      const r = row.results[s.id];
      if (r.status !== 'ok') return cellNote(r);
      return `${mib(r.rssKiB)}, ${fmt(r.wallMs / 1000, 2)} s wall, ${fmt(r.cpuMs === null ? null : r.cpuMs / 1000, 2)} s CPU`;
    });
    lines.push(`| ${row.size.label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function onceTable(results) {
  const lines = [
    '| measurement | wall ms | CPU ms | ms before the first evidence byte is read | peak RSS | note |',
    '|---|---|---|---|---|---|',
  ];
  for (const spec of ONCE) {
    const r = results[spec.id];
    const ok = r.status === 'ok';
    const cells = [
      spec.label,
      ok ? fmt(r.wallMs, 0) : cellNote(r),
      ok ? fmt(r.cpuMs, 0) : '—',
      ok && spec.firstRead ? fmt(r.firstReadMs, 0) : '—',
    ];
    lines.push(`| ${cells.join(' | ')} | ${ok ? mib(r.rssKiB) : '—'} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}

/** The start-up target: spawn to the first open of an evidence file, CLI and action alike. */
function judgeStartup(once) {
  return ONCE.filter((spec) => spec.firstRead).map((spec) => {
    const r = once[spec.id];
    if (r.status === 'unavailable') return { state: 'not judged', text: `${spec.label}: ${r.note}` };
    if (r.status === 'failed') return { state: 'MISSED', text: `${spec.label}: failed — ${r.note}` };
    if (r.firstReadMs === null)
      return { state: 'MISSED', text: `${spec.label}: no evidence file was opened` };
    const state = r.firstReadMs > TARGETS.firstReadMs ? 'MISSED' : 'met';
    const node = once.node?.status === 'ok' ? `; \`node -e 0\` ${fmt(once.node.wallMs, 0)} ms wall` : '';
    return {
      state,
      text: `${spec.label}: ${fmt(r.firstReadMs, 0)} ms from spawn to the first evidence byte (target ≤ ${TARGETS.firstReadMs} ms${node})`,
    };
  });
}

/** Lines per run of a row, as the floor counted them (null when the floor did not run). */
const linesOf = (row) => row.results.floor?.json?.records ?? null;

/** Every target a measured row is judged on; unavailable rows are listed as not judged, never as met. */
function judgeTargets(rows) {
  const findings = [];
  for (const row of rows) {
    const lines = linesOf(row);
    const timeJudged = lines !== null && lines >= TARGETS.timeRatioFromLines;
    for (const spec of PER_SIZE.filter((s) => s.floor)) {
      const r = row.results[spec.id];
      const where = `${row.size.label}, ${spec.label}`;
      const key = `${row.size.label}/${spec.id}`;
      if (r.status === 'unavailable') {
        findings.push({ state: 'not judged', text: `${where}: ${r.note}` });
        continue;
      }
      if (r.status === 'failed') {
        findings.push({ state: 'MISSED', text: `${where}: failed — ${r.note}` });
        continue;
      }
      const x = ratio(r, row.results[spec.floor]);
      if (x !== null) {
        const cpu = ratio(r, row.results[spec.floor], 'cpuMs');
        const state = !timeJudged ? 'info' : x > TARGETS.timeRatio ? 'MISSED' : 'met';
        const target = timeJudged
          ? `target ≤ ${TARGETS.timeRatio}×`
          : `judged from ${TARGETS.timeRatioFromLines.toLocaleString('en-US')} lines per run`;
        findings.push({
          state,
          key: `${key}/ratio`,
          value: `${x.toFixed(2)}×`,
          text: `${where}: ${x.toFixed(2)}× the floor's wall time (${target}; CPU time ${fmt(cpu, 2)}×)`,
        });
      }
      if (r.rssKiB !== null) {
        const state = r.rssKiB / 1024 > TARGETS.rssMiB ? 'MISSED' : 'met';
        findings.push({
          state,
          key: `${key}/rss`,
          value: mib(r.rssKiB),
          text: `${where}: peak RSS ${mib(r.rssKiB)} (target ≤ ${TARGETS.rssMiB} MiB)`,
        });
      }
    }
  }
  // Flat memory: from the 100MB rung (or the first above it) to the largest.
  const from = rows.find((row) => row.workload.workspaces.baseline.bytes >= 99e6);
  const to = rows.at(-1);
  if (from && to && from !== to) {
    for (const spec of PER_SIZE) {
      const [a, b] = [from.results[spec.id], to.results[spec.id]];
      if (a.status !== 'ok' || b.status !== 'ok' || a.rssKiB === null || b.rssKiB === null) continue;
      const growth = (b.rssKiB / a.rssKiB - 1) * 100;
      const judged = spec.floor !== undefined;
      findings.push({
        state: !judged ? 'curve' : growth > TARGETS.rssFlatPercent ? 'MISSED' : 'met',
        key: `flat/${spec.id}`,
        value: `${growth >= 0 ? '+' : ''}${growth.toFixed(0)} %`,
        text: `${spec.label}: peak RSS ${mib(a.rssKiB)} at ${from.size.label} → ${mib(b.rssKiB)} at ${to.size.label}, ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} %${judged ? ` (target: flat within ${TARGETS.rssFlatPercent} %)` : ' (the floor: not a target)'}`,
      });
    }
  }
  return findings;
}

/** The action's end-to-end target, from `measureActionE2e`. */
function judgeActionE2e(e2e) {
  if (e2e === null) return [];
  if (e2e.status !== 'ok') return [{ state: 'MISSED', text: `action end to end: ${e2e.note}` }];
  const state = e2e.wallMs > TARGETS.actionE2eMs ? 'MISSED' : 'met';
  return [
    {
      state,
      key: 'action-e2e',
      value: `${fmt(e2e.wallMs, 0)} ms`,
      text: `action end to end, ${e2e.records.toLocaleString('en-US')}-record slice-regression scenario on a pull request, baseline downloaded from the stand-in: ${fmt(e2e.wallMs, 0)} ms wall, best of ${e2e.runs} (target ≤ ${TARGETS.actionE2eMs} ms; verdict ${e2e.verdict}, baseline ${e2e.baselineSource})`,
    },
  ];
}

/**
 * The action gating the slice-regression scenario end to end (scripts/bench/action-e2e.ts, built
 * here with ncc because it runs the tests' GitHub stand-in), best wall time of `repeat` runs.
 */
async function measureActionE2e(ctx) {
  const out = join(BENCH_DIR, 'action-e2e');
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const build = await runChild(
    [],
    [
      ncc,
      'build',
      join(ROOT, 'scripts', 'bench', 'action-e2e.ts'),
      '-o',
      out,
      '--quiet',
      '--target',
      'es2023',
    ],
  );
  if (build.code !== 0)
    return {
      status: 'failed',
      note: `building scripts/bench/action-e2e.ts failed: ${build.stderr.slice(0, 300)}`,
    };
  const run = await runChild([], [join(out, 'index.js'), ctx.action, String(ctx.options.repeat)]);
  const parsed = run.code === 0 && run.output !== null ? parseJson(run.output).value : null;
  if (!parsed?.runs?.length)
    return { status: 'failed', note: `the end-to-end run failed: ${run.stderr.slice(0, 300)}` };
  const best = parsed.runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  return { status: 'ok', records: parsed.records, runs: parsed.runs.length, ...best };
}

/** This run's judged figures, and the previous `--write`'s beside them. */
function withPrevious(findings) {
  const previous = existsSync(PREVIOUS_FILE) ? JSON.parse(readFileSync(PREVIOUS_FILE, 'utf8')) : null;
  return findings.map((f) => {
    const before = f.key === undefined ? undefined : previous?.figures?.[f.key];
    if (before === undefined) return f;
    return { ...f, text: `${f.text}; previous (${previous.date.slice(0, 10)}): ${before}` };
  });
}

function figures(findings) {
  return Object.fromEntries(findings.filter((f) => f.key !== undefined).map((f) => [f.key, f.value]));
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

function report(ctx, rows, once, findings) {
  const m = machine();
  const w = rows[0]?.workload;
  const unavailable = Object.entries(ctx.available).filter(([, a]) => !a.ok);
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench -- --write\`; rerun it rather than editing this file. Timings on a shared or`,
    'busy machine are noisy: compare ratios from one run, not absolute numbers across machines.',
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores available`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- OS: ${m.os}`,
    `- Node: ${m.node}`,
    `- Date: ${m.date}`,
    `- Options: sizes ${ctx.options.sizes.map((s) => s.label).join(', ')}; layout \`${ctx.options.layout}\`; seed ${ctx.options.seed}; best of ${ctx.options.repeat}; Node flags: ${ctx.options.nodeFlags.length > 0 ? `\`${ctx.options.nodeFlags.join(' ')}\`` : 'none'}`,
    '',
    '## Workload',
    '',
    "Synthetic workspaces from `scripts/bench/generate.mjs`, line for line in the SDK's shapes: per run a",
    'preprocess stage, a train stage with a per-step `loss` series (`tags.step`), an evaluate stage with',
    'per-sample `correct`/`score`/`latency-ms` over 20 slices, then overall and per-slice aggregates.',
    `Layout \`${ctx.options.layout}\`: ${ctx.options.layout === 'both' ? 'every record is in the capture cache and in the canonical segment, as in the fixtures' : `only the ${ctx.options.layout === 'capture' ? 'capture cache' : 'canonical record store'}`}.`,
    "Size = bytes of one run's workspace; the one-store variant holds both runs (twice the bytes).",
    w
      ? `Smallest size: ${w.samples.toLocaleString('en-US')} samples and ${w.steps.toLocaleString('en-US')} steps per run.`
      : '',
    '',
    ...rows.map(
      (r) =>
        `- ${r.size.label}: ${r.workload.samples.toLocaleString('en-US')} samples, ${r.workload.steps.toLocaleString('en-US')} steps, ` +
        `${r.workload.workspaces.baseline.records.toLocaleString('en-US')} records per run`,
    ),
    '',
    '## Results',
    '',
    'Times are wall time of a child process from spawn to exit (Node start-up included) and, beside',
    'it, its CPU time (user + system, from getrusage), which a busy machine disturbs far less. MB/s and',
    'ratios divide by the floor reading the same files. The floor is `scripts/bench/floor.mjs`:',
    '`readline` + `JSON.parse` over every JSONL file of the workspace, nothing else; "after start-up"',
    "is its throughput counted from when its own code starts, i.e. without Node's start-up.",
    'Peak RSS is the measured process alone (getrusage of the process, not of any subprocess it spawns).',
    "Even the floor's peak RSS grows with input size although it keeps nothing: V8 enlarges its young",
    'generation under heavy allocation. The CLI caps it: unless a semi-space size is given, it',
    're-executes itself with `--max-semi-space-size=4` (`src/runtime/young-generation.ts`), while the',
    'floor runs with V8\'s defaults. `--node-flags "--max-semi-space-size=4"` runs every child, the floor',
    'included, with the same cap.',
    '',
    resultTable(rows),
    '',
    '### Peak RSS, wall and CPU time of every measurement (the memory curve)',
    '',
    rssTable(rows),
    '',
    '### Once per run',
    '',
    'Start-up is the time from spawn to the moment the process first opens a file of the evidence',
    'workspace (`scripts/bench/first-read.mjs`, preloaded; it follows the re-exec), best of the runs.',
    '',
    onceTable(once),
    '',
    '## Targets',
    '',
    `Issue "Performance, round 2": reader and end-to-end compare within ${TARGETS.timeRatio}× of the floor for the same bytes from ${TARGETS.timeRatioFromLines.toLocaleString('en-US')} lines per run (the smaller rungs are shown, not judged), with the default workers and with \`--workers 1\`; peak RSS ≤ ${TARGETS.rssMiB} MiB and flat within ${TARGETS.rssFlatPercent} % from 100MB to the largest rung; start-up of the CLI and the action ≤ ${TARGETS.firstReadMs} ms before the first evidence byte is read; the action gating the 1,650-record scenario end to end in ≤ ${TARGETS.actionE2eMs} ms. "previous" is the figure of the last \`--write\` (\`docs/benchmarks.json\`).`,
    '',
    ...(findings.length === 0 ? ['- nothing measured against a target'] : []),
    ...findings.map((f) => `- ${f.state}: ${f.text}`),
    '',
    ...(unavailable.length > 0
      ? ['## Not available', '', ...unavailable.map(([name, a]) => `- \`${name}\`: ${a.note}`), '']
      : []),
  ].join('\n');
}

/** Written by hand below this line of docs/benchmarks.md (findings, decisions); `--write` keeps it. */
const NOTES_MARKER = '<!-- Notes below are written by hand; npm run bench -- --write keeps them. -->';

function keptNotes(file) {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = previous.indexOf(NOTES_MARKER);
  return at === -1 ? `${NOTES_MARKER}\n` : previous.slice(at);
}

const SHARD_POLICY = join(ROOT, 'fixtures', 'reference-policy.yml');

/** `doc` with the section between two markers replaced (or inserted before the hand-written notes). */
function withSection(doc, section, startMarker, endMarker) {
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start !== -1 && end > start) return doc.slice(0, start) + section + doc.slice(end + endMarker.length);
  const notes = doc.indexOf(NOTES_MARKER);
  if (notes === -1) return `${doc}\n${section}\n`;
  return `${doc.slice(0, notes)}${section}\n\n${doc.slice(notes)}`;
}

function log(text) {
  process.stderr.write(`${text}\n`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(BENCH_DIR, { recursive: true });
  const workloads = options.sizes.map((size) => ({ size, workload: ensureWorkload(size, options) }));
  const smallest = (workloads[0] ?? { workload: ensureWorkload({ label: '10MB', bytes: 1e7 }, options) })
    .workload;
  const ctx = {
    options,
    cli: join(options.dist, 'cli', 'index.js'),
    action: join(options.dist, 'index.js'),
    probeStore: { path: smallest.workspaces.combined.path, runs: smallest.runs },
  };
  ctx.available = await probeCapabilities(ctx);

  const once = await measureAll(ONCE, ctx, null, '');
  const rows = [];
  for (const { size, workload } of workloads) {
    const results = await measureAll(
      PER_SIZE,
      ctx,
      { ...workload.workspaces, runs: workload.runs },
      `${size.label} `,
    );
    rows.push({ size, workload, results });
  }
  let sharded = null;
  if (options.shards) {
    const workload = ensureShardWorkload(BENCH_DIR, options.shards, options.seed, log);
    const results = await measureAll(shardMeasurements(FLOOR_SCRIPT, SHARD_POLICY), ctx, workload, 'shards ');
    const m = machine();
    const note = `Measured ${m.date.slice(0, 10)} on ${m.cores} cores shared with other jobs (a loaded machine: wall times are inflated and noisy, the CPU times and the ratio are the figures to compare), Node ${m.node}.`;
    sharded = shardSection(workload, results, TARGETS, note);
  }
  let manyFiles = null;
  if (options.manyFiles) {
    const workload = ensureManyFilesWorkload(BENCH_DIR, options.manyFiles, options.seed, log);
    const results = await measureAll(manyFilesMeasurements(FLOOR_SCRIPT), ctx, workload, 'many files ');
    const m = machine();
    const note = `Measured ${m.date.slice(0, 10)} on ${m.cores} cores shared with other jobs, Node ${m.node}; best of ${options.repeat}.`;
    manyFiles = manyFilesSection(workload, results, note);
  }
  rmSync(join(BENCH_DIR, 'tmp'), { recursive: true, force: true });

  const e2e = options.actionE2e ? await measureActionE2e(ctx) : null;
  const target = join(ROOT, 'docs', 'benchmarks.md');
  if (rows.length === 0) {
    // Only the shard and many-files sections were measured: each replaces its own section only.
    let doc = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (sharded) doc = withSection(doc, sharded, SHARDS_START, SHARDS_END);
    if (manyFiles) doc = withSection(doc, manyFiles, MANY_FILES_START, MANY_FILES_END);
    for (const section of [sharded, manyFiles]) if (section) process.stdout.write(`${section}\n`);
    const startup = withPrevious([...judgeStartup(once), ...judgeActionE2e(e2e)]).map(
      (f) => `- ${f.state}: ${f.text}`,
    );
    process.stdout.write(`${onceTable(once)}\n\n${startup.join('\n')}\n`);
    if (options.write && (sharded || manyFiles)) {
      writeFileSync(target, doc);
      log('wrote the measured sections of docs/benchmarks.md');
    }
    return;
  }
  const judged = [...judgeStartup(once), ...judgeActionE2e(e2e), ...judgeTargets(rows)];
  const findings = withPrevious(judged);
  const text = report(ctx, rows, once, findings);
  process.stdout.write(`${text}\n`);
  if (options.write) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const notes = keptNotes(target);
    writeFileSync(
      target,
      `${text}\n${sharded ? `${sharded}\n\n` : ''}${manyFiles ? `${manyFiles}\n\n` : ''}${notes}`,
    );
    log('wrote docs/benchmarks.md');
    writeFileSync(
      PREVIOUS_FILE,
      `${JSON.stringify({ date: new Date().toISOString(), figures: figures(judged) }, null, 2)}\n`,
    );
  }
  if (options.strict && findings.some((f) => f.state === 'MISSED')) process.exitCode = 1;
}

await main();
