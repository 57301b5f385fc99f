/**
 * Entry point: turns whatever `.contexta` evidence a job left behind into one `Evidence` value.
 * Never throws for bad input: everything missing, unreadable or suspicious becomes an `EvidenceGap`
 * and everything else that is readable is still returned.
 *
 * Precedence: record stores are read first, then artifact bindings, then capture caches (a capture
 * record whose `record_ref` a record store already holds is skipped), then ledgers (statuses, stage
 * order, environments, deployments).
 */

import { GapSink } from '../evidence/gaps.js';
import type { Evidence, EvidenceGap } from '../evidence/model.js';
import type { ParsePool } from '../evidence/parse-pool.js';
import { RefSet } from '../evidence/ref-set.js';
import { WorkspaceRoot } from '../evidence/safe-fs.js';
import { SampleNames } from '../evidence/sample-names.js';
import { readBindings } from './artifacts.js';
import { readCaptureCache } from './capture-cache.js';
import { discoverWorkspaces, LOOKED_FOR, type WorkspaceLayout } from './discover.js';
import { EvidenceBuilder } from './fold.js';
import type { LedgerReader } from './ledger.js';
import { readRecordStore } from './record-store.js';

export interface ReadOptions {
  maxLineBytes: number;
  maxDepth: number;
  /** A file over this size is a gap, not read. */
  maxFileBytes: number;
  /** Null = ledgers are not read (statuses stay unknown and a gap says so). */
  ledger: LedgerReader | null;
  /**
   * Worker threads that parse large JSONL files while this thread folds; null = everything is read
   * on this thread. Either way the evidence, gaps included, is the same.
   */
  pool: ParsePool | null;
  /**
   * The table the sample series index (`SampleSeries.table`). Give every read of one comparison the
   * same table — both sides, every shard, the history — so samples pair by id; null = a table of
   * this read's own.
   */
  sampleNames: SampleNames | null;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxLineBytes: 16 * 1024 * 1024,
  maxDepth: 64,
  maxFileBytes: 4 * 1024 * 1024 * 1024,
  ledger: null,
  pool: null,
  sampleNames: null,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export async function readEvidence(root: string, options: Partial<ReadOptions> = {}): Promise<Evidence> {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const opts: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...given };
  const gaps = new GapSink();
  const notes: string[] = [];
  const evidence = (workspaces: WorkspaceLayout[], projects: Evidence['projects']): Evidence => ({
    source: {
      kind: 'contexta',
      root,
      workspaces: workspaces.map((w) => ({ path: w.path, layouts: w.layouts })),
    },
    projects,
    gaps: orderGaps(gaps.finish()),
    notes,
  });

  let workspaceRoot: WorkspaceRoot;
  try {
    workspaceRoot = await WorkspaceRoot.open(root);
  } catch (error) {
    gaps.add({
      code: 'no_evidence',
      severity: 'error',
      message: `${root} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}): no evidence was read`,
    });
    return evidence([], []);
  }

  const workspaces = await discoverWorkspaces(workspaceRoot, gaps);
  if (workspaces.length === 0) {
    gaps.add({
      code: 'no_evidence',
      severity: 'error',
      message: `no Contexta evidence found in ${root}: looked for ${LOOKED_FOR}`,
    });
    return evidence([], []);
  }

  const builder = new EvidenceBuilder(gaps, opts.sampleNames ?? new SampleNames());
  const limits = {
    maxLineBytes: opts.maxLineBytes,
    maxDepth: opts.maxDepth,
    maxFileBytes: opts.maxFileBytes,
  };
  const seen = { store: new RefSet(), capture: new RefSet() };

  for (const ws of workspaces) {
    if (ws.recordsDir === null) continue;
    const store = await readRecordStore(workspaceRoot, ws.recordsDir, limits, gaps, builder, seen, opts.pool);
    notes.push(
      `${ws.recordsDir}: read ${store.records} record(s) from ${store.segments.length} segment file(s)`,
    );
  }
  for (const ws of workspaces) {
    if (ws.artifactsDir === null) continue;
    const count = await readBindings(workspaceRoot, ws.artifactsDir, limits, gaps, builder);
    notes.push(`${ws.artifactsDir}/bindings: read ${count} artifact binding(s)`);
  }
  let skippedForStore = 0;
  let skippedArtifacts = 0;
  for (const ws of workspaces) {
    if (ws.captureDir === null) continue;
    const capture = await readCaptureCache(
      workspaceRoot,
      ws.captureDir,
      limits,
      gaps,
      builder,
      seen,
      opts.pool,
    );
    skippedForStore += capture.skippedForStore;
    skippedArtifacts += capture.skippedArtifacts;
    notes.push(`${ws.captureDir}: read ${capture.records} record(s) and ${capture.artifacts} artifact(s)`);
  }
  if (skippedForStore > 0) {
    notes.push(
      `${skippedForStore} capture-cache record(s) were skipped because the record store holds the same record_ref (the record store wins; nothing is counted twice)`,
    );
  }
  if (skippedArtifacts > 0) {
    notes.push(
      `${skippedArtifacts} captured artifact(s) were skipped because an artifact binding with the same ref was read`,
    );
  }

  for (const ws of workspaces) await readLedger(workspaceRoot, ws, opts.ledger, builder, gaps, notes);

  if (builder.spans > 0) {
    notes.push(
      `${builder.spans} span record(s) were counted but not interpreted (spans carry no metric values)`,
    );
  }
  const projects = builder.build();
  return evidence(workspaces, projects);
}

async function readLedger(
  root: WorkspaceRoot,
  ws: WorkspaceLayout,
  reader: LedgerReader | null,
  builder: EvidenceBuilder,
  gaps: GapSink,
  notes: string[],
): Promise<void> {
  const where = ws.path === '.' ? 'this workspace' : `workspace ${ws.path}`;
  const unavailable = (why: string, file?: string) =>
    gaps.add({
      code: 'statuses_unavailable',
      severity: 'info',
      ...(file ? { file } : {}),
      message: `run and stage statuses of ${where} are unknown: ${why}`,
    });
  if (ws.ledgerFile === null) {
    unavailable('it has no metadata/ledger.db (the SDK runtime API does not write one)');
    return;
  }
  if (reader === null) {
    unavailable('reading the ledger was turned off', ws.ledgerFile);
    return;
  }
  const resolved = await root.resolve(ws.ledgerFile);
  if (!resolved.ok) {
    gaps.add({
      code: resolved.reason === 'outside' ? 'symlink_outside_workspace' : 'ledger_unreadable',
      severity: 'warning',
      file: ws.ledgerFile,
      message: resolved.message,
    });
    unavailable('the ledger could not be opened', ws.ledgerFile);
    return;
  }
  const result = await reader.read(resolved.absolute);
  if (!result.ok) {
    gaps.add({ code: result.code, severity: 'warning', file: ws.ledgerFile, message: result.reason });
    unavailable(`the ledger could not be read (${result.code})`, ws.ledgerFile);
    return;
  }
  const content = result.content;
  builder.applyLedger(content);
  for (const row of content.invalidRows) {
    gaps.add({
      code: 'record_invalid',
      severity: 'warning',
      file: ws.ledgerFile,
      ...(row.ref ? { ref: row.ref } : {}),
      message: `ledger table ${row.table}: ${row.problem}; row skipped`,
    });
  }
  notes.push(
    `${ws.ledgerFile}: read ${content.runs.length} run(s), ${content.stages.length} stage(s), ${content.batches.length} batch(es), ${content.deployments.length} deployment(s), ${content.environments.length} environment snapshot(s) (DuckDB storage version ${content.storageVersion})${content.walPresent ? '; a write-ahead log (ledger.db.wal) was present and replayed' : ''}`,
  );
}

function orderGaps(gaps: EvidenceGap[]): EvidenceGap[] {
  return gaps
    .map((gap, i) => ({ gap, i }))
    .sort((a, b) => SEVERITY_ORDER[a.gap.severity] - SEVERITY_ORDER[b.gap.severity] || a.i - b.i)
    .map(({ gap }) => gap);
}
