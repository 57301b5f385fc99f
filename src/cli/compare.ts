/**
 * `contexta-gate compare`: evaluate a candidate workspace against a baseline workspace locally, with
 * the same engine the action uses. Exit 0 pass/warn (and unknown mapped to pass/warn), 1 fail
 * (including unknown mapped to fail), 2 usage or input error.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { onlyProject, ProjectNotFoundError } from '../action/project.js';
import { RunSelectionError } from '../compare/select.js';
import type { LedgerReader } from '../contexta/ledger.js';
import type { ReadOptions } from '../contexta/read.js';
import { judgeRuns } from '../engine/engine.js';
import type { Evidence } from '../evidence/model.js';
import { SampleNames } from '../evidence/sample-names.js';
import { DEFAULT_CONFIG_PATH, formatConfigError, loadConfigFile } from '../gates/config.js';
import { NO_MATCH_NOTE } from '../gates/evaluate.js';
import { UNMATCHED } from '../gates/results.js';
import type { GateReport } from '../gates/types.js';
import type { HistoryRecord } from '../history/record.js';
import { renderJson, renderMarkdown, renderText } from '../report/index.js';
import { openEvidence } from '../sources/open.js';
import { createParsePool, parseThreads, parseWorkersCap } from '../sources/parse-workers.js';
import { ShardMerger } from '../sources/shards.js';
import { readHistoryDir } from './history.js';
import { type CommandIo, cliLedgerReader } from './inspect.js';

export interface CompareDeps {
  /** Overrides the default DuckDB ledger reader (tests; null = do not read ledgers). */
  ledger?: LedgerReader | null;
}

export const COMPARE_USAGE = `Usage: contexta-gate compare --candidate <workspace> [--baseline <workspace>]
                             [--config <file>] [--format text|markdown|json] [--shards <n>]
                             [--baseline-run <ref>] [--candidate-run <ref>] [--project <name>]
                             [--history <dir>] [--workers <n>]

  --candidate <path>      .contexta workspace (or a directory holding one) or metalab store of the change
  --baseline <path>       the same for the reference; omit it and regressions cannot be judged (verdict unknown)
  --config <file>         gate config (default: ${DEFAULT_CONFIG_PATH} if present, else the default gates)
  --format <format>       text (default), markdown or json
  --baseline-run <ref>    baseline run: full ref (run:project.name) or run name; needed when a workspace
  --candidate-run <ref>   holds several runs of a project (e.g. one workspace holding both runs)
  --project <name>        gate only this project of workspaces that hold several (the action's 'project' input)
  --history <dir>         earlier runs' evidence, one workspace per sub-directory (ordered by recorded
                          run time, ties by directory name): max_drift and noise from history use it
  --no-ledger             do not read metadata/ledger.db (run and stage statuses stay unknown)
  --workers <n>           at most n threads parse evidence files of 128 MiB or more (default: one per core
                          available); 1 reads everything on the main thread. The report is the same
                          either way
  --shards <n>            the run was split into n shards: give --candidate (and --baseline) once per
                          shard, in shard order; they are merged into one run per side, and a missing
                          or duplicated shard is an error evidence gap. Repeating --candidate or
                          --baseline without --shards merges the paths given as the shards of one run.

Exit status: 0 pass or warn, 1 fail, 2 usage or input error.
`;

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

function parse(args: string[]) {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>
  >;
  try {
    parsed = parseArgs({
      args,
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
      allowNegative: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) return null;
  if (v.candidate === undefined) throw new UsageError('--candidate <workspace> is required');
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${v.format}"`);
  }
  let shards: number | null = null;
  if (v.shards !== undefined) {
    shards = Number(v.shards);
    if (!Number.isInteger(shards) || shards < 1 || shards > 1024) {
      throw new UsageError(`--shards must be a whole number from 1 to 1024; got "${v.shards}"`);
    }
  }
  for (const [flag, paths] of [
    ['--candidate', v.candidate],
    ['--baseline', v.baseline ?? []],
  ] as const) {
    if (shards !== null && paths.length > shards) {
      throw new UsageError(`${flag} is given ${paths.length} times but --shards is ${shards}`);
    }
  }
  const workers = parseWorkersCap(v.workers, '--workers');
  if (workers !== null && typeof workers === 'object') throw new UsageError(workers.error);
  return { ...v, candidate: v.candidate, baseline: v.baseline ?? [], format, shards, workers };
}

const OPTIONS = {
  baseline: { type: 'string', multiple: true },
  candidate: { type: 'string', multiple: true },
  shards: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  'baseline-run': { type: 'string' },
  'candidate-run': { type: 'string' },
  project: { type: 'string' },
  history: { type: 'string' },
  workers: { type: 'string' },
  ledger: { type: 'boolean', default: true },
  help: { type: 'boolean', short: 'h' },
} as const;

async function checkPath(flag: string, path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? null : `${flag} ${path}: not a directory`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${flag} ${path}: ${code === 'ENOENT' ? 'no such directory' : `cannot be read (${code ?? 'error'})`}`;
  }
}

type Reading = Pick<ReadOptions, 'ledger' | 'pool' | 'sampleNames'>;

/**
 * One side: a single workspace as it is, or the shards of one run read one at a time into the
 * merger (each shard's own evidence is dropped once merged).
 */
async function readSide(
  side: string,
  paths: readonly string[],
  shards: number | null,
  reading: Reading,
): Promise<Evidence> {
  if (shards === null && paths.length === 1) return openEvidence(paths[0]!, reading);
  const merger = new ShardMerger({
    expected: shards,
    side,
    root: paths.join(', '),
    describeMissing: (i) => `${ordinal(i)} --${side} not given`,
  });
  for (const [i, path] of paths.entries()) {
    merger.add({ index: i + 1, label: path, evidence: await openEvidence(path, reading) });
  }
  return merger.finish();
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function render(report: GateReport, format: Format): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report, { audience: 'cli' });
  return renderText(report, { audience: 'cli' });
}

/**
 * Gate entries that matched nothing: said on stderr too, because a typo in a selector is the
 * config's fault, and whoever runs the CLI should not have to find it inside the report.
 */
function configProblems(report: GateReport): string[] {
  const lines: string[] = [];
  for (const gate of report.gates) {
    const unmatched = gate.checks.filter((c) => c.subject === UNMATCHED);
    const notes = gate.evidence.filter((e) => e.startsWith(NO_MATCH_NOTE));
    const level = gate.outcome === 'fail' ? 'error' : 'warning';
    for (const c of unmatched) lines.push(`${level}: gate "${gate.name}" matches nothing: ${c.reason}`);
    for (const note of notes) lines.push(`warning: gate "${gate.name}": ${note}`);
  }
  return lines;
}

export async function compareCommand(args: string[], io: CommandIo, deps: CompareDeps = {}): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(args);
  } catch (error) {
    io.stderr(`contexta-gate compare: ${(error as Error).message}\n\n${COMPARE_USAGE}`);
    return 2;
  }
  if (options === null) {
    io.stdout(COMPARE_USAGE);
    return 0;
  }
  const candidatePaths = options.candidate.map((p) => resolve(io.cwd, p));
  const baselinePaths = options.baseline.map((p) => resolve(io.cwd, p));
  const historyPath = options.history === undefined ? null : resolve(io.cwd, options.history);
  const problems = [
    ...(await Promise.all(candidatePaths.map((p) => checkPath('--candidate', p)))),
    ...(await Promise.all(baselinePaths.map((p) => checkPath('--baseline', p)))),
    historyPath === null ? null : await checkPath('--history', historyPath),
  ].filter((p) => p !== null);
  if (problems.length > 0) {
    io.stderr(`contexta-gate compare: ${problems.join('\n')}\n`);
    return 2;
  }

  const configResult =
    options.config === undefined
      ? await loadConfigFile(resolve(io.cwd, DEFAULT_CONFIG_PATH), { optional: true })
      : await loadConfigFile(resolve(io.cwd, options.config));
  if (!configResult.ok) {
    io.stderr(
      `contexta-gate compare: invalid gate config\n${configResult.errors.map((e) => `  ${formatConfigError(e)}`).join('\n')}\n`,
    );
    return 2;
  }
  for (const warning of configResult.warnings) io.stderr(`warning: ${warning}\n`);

  const ledger =
    deps.ledger !== undefined ? deps.ledger : options.ledger === false ? null : cliLedgerReader(io.cwd);
  const project = options.project ?? null;
  const pool = createParsePool(parseThreads(options.workers));
  // One sample table for both sides and every shard: samples then pair and merge by id.
  const reading: Reading = { ledger, pool, sampleNames: new SampleNames() };
  let report: GateReport;
  try {
    const shards = options.shards;
    // The same workspace on both sides is read once: one Evidence object, both runs in it.
    const sameWorkspace =
      shards === null &&
      candidatePaths.length === 1 &&
      baselinePaths.length === 1 &&
      baselinePaths[0] === candidatePaths[0];
    // One side after the other: reading both at once overlapped one side's folding with the other's
    // parsing in workers (300 MB per side: 13.8 → 13.2 s), but held two sides' reading state
    // at once (~20 MB more at 64 shards per side, docs/benchmarks.md).
    const candidateRead = await readSide('candidate', candidatePaths, shards, reading);
    const baselineRead =
      baselinePaths.length === 0 || sameWorkspace
        ? null
        : await readSide('baseline', baselinePaths, shards, reading);
    const candidate = onlyProject(candidateRead, project, '--project');
    const baseline =
      baselinePaths.length === 0
        ? null
        : sameWorkspace
          ? candidate
          : onlyProject(baselineRead!, project, '--project');
    reading.sampleNames?.release();
    let history: HistoryRecord[] | null = null;
    if (historyPath !== null) {
      const read = await readHistoryDir(historyPath, project, { ledger, pool });
      for (const problem of read.problems) io.stderr(`warning: --history ${problem}\n`);
      history = read.records;
    }
    report = judgeRuns({
      baseline,
      candidate,
      config: configResult.config,
      history,
      ...(options['baseline-run'] === undefined ? {} : { baselineRun: options['baseline-run'] }),
      ...(options['candidate-run'] === undefined ? {} : { candidateRun: options['candidate-run'] }),
      context: { configSource: options.config ?? DEFAULT_CONFIG_PATH },
    });
  } catch (error) {
    if (!(error instanceof RunSelectionError || error instanceof ProjectNotFoundError)) throw error;
    io.stderr(`contexta-gate compare: ${error.message}\n`);
    return 2;
  } finally {
    await pool?.close();
  }
  io.stdout(render(report, options.format));
  for (const line of configProblems(report)) io.stderr(`${line}\n`);
  return report.exit.code;
}
