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
import { judgeRuns } from '../engine/engine.js';
import type { Evidence } from '../evidence/model.js';
import { DEFAULT_CONFIG_PATH, formatConfigError, loadConfigFile } from '../gates/config.js';
import { NO_MATCH_NOTE } from '../gates/evaluate.js';
import { UNMATCHED } from '../gates/results.js';
import type { GateReport } from '../gates/types.js';
import { renderJson, renderMarkdown, renderText } from '../report/index.js';
import { openEvidence } from '../sources/open.js';
import { type CommandIo, cliLedgerReader } from './inspect.js';

export interface CompareDeps {
  /** Overrides the default DuckDB ledger reader (tests; null = do not read ledgers). */
  ledger?: LedgerReader | null;
}

export const COMPARE_USAGE = `Usage: contexta-gate compare --candidate <workspace> [--baseline <workspace>]
                             [--config <file>] [--format text|markdown|json]
                             [--baseline-run <ref>] [--candidate-run <ref>] [--project <name>]

  --candidate <path>      .contexta workspace (or a directory holding one) or metalab store of the change
  --baseline <path>       the same for the reference; omit it and regressions cannot be judged (verdict unknown)
  --config <file>         gate config (default: ${DEFAULT_CONFIG_PATH} if present, else the default gates)
  --format <format>       text (default), markdown or json
  --baseline-run <ref>    baseline run: full ref (run:project.name) or run name; needed when a workspace
  --candidate-run <ref>   holds several runs of a project (e.g. one workspace holding both runs)
  --project <name>        gate only this project of workspaces that hold several (the action's 'project' input)
  --no-ledger             do not read metadata/ledger.db (run and stage statuses stay unknown)

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
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
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
  return { ...v, candidate: v.candidate, format };
}

const OPTIONS = {
  baseline: { type: 'string' },
  candidate: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  'baseline-run': { type: 'string' },
  'candidate-run': { type: 'string' },
  project: { type: 'string' },
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

async function read(path: string, ledger: LedgerReader | null): Promise<Evidence> {
  return openEvidence(path, { ledger });
}

function render(report: GateReport, format: Format): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report);
  return renderText(report);
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
  const candidatePath = resolve(io.cwd, options.candidate);
  const baselinePath = options.baseline === undefined ? null : resolve(io.cwd, options.baseline);
  const problems = [
    await checkPath('--candidate', candidatePath),
    baselinePath === null ? null : await checkPath('--baseline', baselinePath),
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
  let report: GateReport;
  try {
    const candidate = onlyProject(await read(candidatePath, ledger), project, '--project');
    // The same workspace on both sides is read once: one Evidence object, both runs in it.
    const baseline =
      baselinePath === null
        ? null
        : baselinePath === candidatePath
          ? candidate
          : onlyProject(await read(baselinePath, ledger), project, '--project');
    report = judgeRuns({
      baseline,
      candidate,
      config: configResult.config,
      ...(options['baseline-run'] === undefined ? {} : { baselineRun: options['baseline-run'] }),
      ...(options['candidate-run'] === undefined ? {} : { candidateRun: options['candidate-run'] }),
      context: { configSource: options.config ?? DEFAULT_CONFIG_PATH },
    });
  } catch (error) {
    if (!(error instanceof RunSelectionError || error instanceof ProjectNotFoundError)) throw error;
    io.stderr(`contexta-gate compare: ${error.message}\n`);
    return 2;
  }
  io.stdout(render(report, options.format));
  for (const line of configProblems(report)) io.stderr(`${line}\n`);
  return report.exit.code;
}
