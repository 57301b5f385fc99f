/**
 * `contexta-gate inspect <workspace> [--json] [--no-ledger]`: shows what the gate can read from a
 * workspace — projects, runs, stages, metrics, samples, artifacts, deployments, environment, or a
 * metalab store's experiments and units — and every gap with file:line, so a user can see what is
 * missing before any gate judges it. It opens evidence as compare does, so it reads every layout
 * compare reads.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDbLedgerReader, type LedgerReader } from '../contexta/ledger.js';
import { DUCKDB_NODE_API_VERSION } from '../duckdb/loader.js';
import { gapSampleText } from '../evidence/gaps.js';
import type { Evidence, EvidenceGap, MetalabUnit, MetricSeries, Run } from '../evidence/model.js';
import { HISTORY_FILE } from '../history/record.js';
import { readHistoryFile } from '../history/store.js';
import { openEvidence } from '../sources/open.js';
import { createParsePool, parseThreads, parseWorkersCap } from '../sources/parse-workers.js';
import { writeEvidenceJson } from './evidence-json.js';
import { renderHistory } from './history.js';

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export interface InspectDeps {
  /** Overrides the default DuckDB ledger reader (tests; null = do not read ledgers). */
  ledger?: LedgerReader | null;
}

const USAGE = `usage: contexta-gate inspect <workspace> [--json] [--no-ledger] [--workers <n>]

  <workspace>   a .contexta directory, a records/ directory, a directory holding workspaces,
                or a metalab store (a collection root or one experiment directory)
  --json        print the evidence as JSON
  --no-ledger   do not read metadata/ledger.db (statuses stay unknown)
  --workers <n> at most n threads parse evidence files of 128 MiB or more (default: one per core
                available); 1 reads everything on the main thread. The output is the same either way
`;

/** The default ledger reader for the CLI: DuckDB from the nearest node_modules, else a cached install. */
export function cliLedgerReader(cwd: string): LedgerReader {
  return new DuckDbLedgerReader({
    searchPaths: [import.meta.dirname, cwd],
    cacheDir: path.join(os.tmpdir(), `contexta-gate-duckdb-${DUCKDB_NODE_API_VERSION}`),
  });
}

export async function inspectCommand(args: string[], io: CommandIo, deps: InspectDeps = {}): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    io.stderr(`contexta-gate inspect: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.values.workers !== null && typeof parsed.values.workers === 'object') {
    io.stderr(`contexta-gate inspect: ${parsed.values.workers.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`contexta-gate inspect: expected exactly one workspace path\n${USAGE}`);
    return 2;
  }
  const given = parsed.positionals[0]!;
  const absolute = path.resolve(io.cwd, given);
  try {
    const stat = await fs.stat(absolute);
    if (!stat.isDirectory()) {
      io.stderr(`contexta-gate inspect: ${given} is not a directory\n`);
      return 2;
    }
    await fs.readdir(absolute);
  } catch (error) {
    io.stderr(
      `contexta-gate inspect: cannot read ${given} (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`,
    );
    return 2;
  }
  const ledger =
    deps.ledger !== undefined ? deps.ledger : parsed.values.ledger === false ? null : cliLedgerReader(io.cwd);
  const pool = createParsePool(parseThreads(parsed.values.workers));
  let evidence: Evidence;
  try {
    evidence = await openEvidence(absolute, { ledger, pool });
  } finally {
    await pool?.close();
  }
  evidence.source.root = given;
  if (parsed.values.json) writeEvidenceJson(evidence, io.stdout);
  else {
    io.stdout(renderEvidence(evidence));
    const history = await readHistoryFile(path.join(absolute, HISTORY_FILE));
    if (history) io.stdout(renderHistory(history));
  }
  return 0;
}

function parse(args: string[]) {
  const parsed = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      ledger: { type: 'boolean', default: true },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    ...parsed,
    values: { ...parsed.values, workers: parseWorkersCap(parsed.values.workers, '--workers') },
  };
}

const fmt = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function metricLines(series: MetricSeries[], indent: string): string[] {
  const byKey = new Map<string, MetricSeries[]>();
  for (const s of series) {
    const key = s.batch ? `${s.key} [batch ${s.batch}]` : s.key;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  const lines: string[] = [];
  for (const [key, group] of byKey) {
    const observations = group.reduce((n, s) => n + s.count, 0);
    const parts = group.map((s) => {
      const flags = [
        s.unit ? s.unit : null,
        s.steps ? `${s.steps.count} steps` : null,
        s.completeness !== 'complete' ? s.completeness : null,
        s.degraded ? 'degraded' : null,
        s.nonFinite > 0 ? `${s.nonFinite} non-finite` : null,
      ].filter((f) => f !== null);
      return `${s.slice ?? 'overall'}=${fmt(s.latest.value)}${flags.length ? ` (${flags.join(', ')})` : ''}`;
    });
    lines.push(`${indent}${key}: ${plural(observations, 'observation')}; latest ${parts.join(', ')}`);
  }
  return lines;
}

/** A metalab unit: one parameter combination, with the outcome of each of its seed replicates. */
function unitLines(run: Run, unit: MetalabUnit): string[] {
  const byStatus = new Map<string, number>();
  for (const r of unit.replicates) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const expected = unit.expectedReplicates === null ? '' : ` of ${unit.expectedReplicates} expected`;
  const outcomes = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
  return [
    `  Unit ${run.name} (${run.ref}): status ${run.status ?? 'unknown'}, ${plural(unit.replicates.length, 'replicate')}${expected} (${outcomes})`,
    ...unit.replicates.map(
      (r) => `    Replicate ${r.runId}: seed ${r.seedFingerprint ?? 'unknown'}, ${r.status}`,
    ),
  ];
}

function renderRun(run: Run): string[] {
  const out: string[] = run.metalab
    ? unitLines(run, run.metalab)
    : [
        `  Run ${run.name} (${run.ref}): status ${run.status ?? 'unknown'}, ${plural(run.recordCount, 'record')}`,
      ];
  if (run.environment) {
    const env = run.environment;
    out.push(
      `    Environment: python ${env.python ?? '?'}, ${env.platform ?? '?'}, ${plural(Object.keys(env.packages).length, 'package')}, ${plural(env.environmentVariableNames.length, 'environment variable name')}`,
    );
  }
  if (run.runMetrics.length > 0) {
    out.push('    Run-level metrics:');
    out.push(...metricLines(run.runMetrics, '      '));
  }
  for (const stage of run.stages) {
    const extra = [
      stage.partialRecords > 0 ? `${stage.partialRecords} incomplete` : null,
      stage.batches.length > 0
        ? `batches ${stage.batches.map((b) => `${b.name} (${b.status ?? 'status unknown'})`).join(', ')}`
        : null,
    ].filter((e) => e !== null);
    out.push(
      `    Stage ${stage.name}: status ${stage.status ?? 'unknown'}, ${plural(stage.recordCount, 'record')}${extra.length ? `; ${extra.join('; ')}` : ''}`,
    );
    out.push(...metricLines(stage.metrics, '      '));
    for (const samples of stage.samples) {
      const slices = samples.sliceNames.length > 0 ? `, slices ${samples.sliceNames.join(', ')}` : '';
      out.push(
        `      samples ${samples.key}: n=${samples.ids.length}${samples.binary ? ' (binary)' : ''}${slices}`,
      );
    }
  }
  for (const event of run.events) {
    out.push(`    Event ${event.key} ×${event.count}${event.stage ? ` in ${event.stage}` : ' (run level)'}`);
  }
  for (const d of run.degraded) {
    out.push(
      `    Degraded ${d.issueKey} (${d.severity ?? '?'}${d.stage ? `, stage ${d.stage}` : ''}): ${d.summary}`,
    );
  }
  for (const a of run.artifacts) {
    const facts = [
      a.source,
      a.status,
      a.stage ? `stage ${a.stage}` : null,
      a.sizeBytes !== null ? `${a.sizeBytes} bytes` : null,
      a.hash ? `hash ${a.hash.slice(0, 12)}…` : null,
    ].filter((f) => f !== null);
    out.push(`    Artifact ${a.kind} ${a.ref} (${facts.join(', ')})${a.location ? ` at ${a.location}` : ''}`);
  }
  return out;
}

function gapLine(gap: EvidenceGap): string {
  const where = gap.file ? `${gap.file}${gap.line !== undefined ? `:${gap.line}` : ''}` : '';
  const about = [gap.runRef ? `run ${gap.runRef}` : null, gap.stage ? `stage ${gap.stage}` : null]
    .filter((a) => a !== null)
    .join(', ');
  const count = gap.count !== undefined && gap.count > 1 ? ` (×${gap.count})` : '';
  const places = gapSampleText(gap);
  const sample = places ? `\n    ${places}` : '';
  return `  ${gap.severity.padEnd(7)} ${gap.code}${count}${where ? ` at ${where}` : ''}${about ? ` [${about}]` : ''}: ${gap.message}${sample}`;
}

export function renderEvidence(evidence: Evidence): string {
  const metalab = evidence.source.kind === 'metalab';
  const out: string[] = [`${metalab ? 'metalab' : 'Contexta'} evidence in ${evidence.source.root}`];
  if (evidence.source.workspaces.length === 0) out.push('Workspaces: none found');
  for (const ws of evidence.source.workspaces) out.push(`Workspace ${ws.path}: ${ws.layouts.join(', ')}`);
  for (const project of evidence.projects) {
    out.push(
      '',
      metalab
        ? `Experiment ${project.name}: ${plural(project.runs.length, 'unit')}`
        : `Project ${project.name}: ${plural(project.runs.length, 'run')}`,
    );
    for (const run of project.runs) out.push(...renderRun(run));
    for (const d of project.deployments) {
      out.push(
        `  Deployment ${d.name} (${d.ref}): status ${d.status ?? 'unknown'}, run ${d.runRef ?? 'unknown'}, from ${d.source === 'ledger' ? 'the ledger' : 'a deployment.promoted event'}`,
      );
    }
  }
  out.push('', evidence.gaps.length === 0 ? 'Gaps: none' : `Gaps (${evidence.gaps.length}):`);
  for (const gap of evidence.gaps) out.push(gapLine(gap));
  if (evidence.notes.length > 0) {
    out.push('', 'Notes:');
    for (const note of evidence.notes) out.push(`  - ${note}`);
  }
  return `${out.join('\n')}\n`;
}
