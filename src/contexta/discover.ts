/**
 * Finds Contexta workspaces under the path a user gave, without making them say which layout it is
 * (format spec §2.3): the path itself as a workspace root, a bare `records/` directory, or a
 * directory of per-project workspaces one level down (quickstart style). Dot-directories count —
 * the default root is `.contexta`. Never deeper than one level.
 */
import path from 'node:path';
import type { GapSink } from '../evidence/gaps.js';
import type { Layout } from '../evidence/model.js';
import type { WorkspaceRoot } from '../evidence/safe-fs.js';

export interface WorkspaceLayout {
  /** Relative to the root the user gave; '.' for the root itself. */
  path: string;
  recordsDir: string | null;
  captureDir: string | null;
  ledgerFile: string | null;
  artifactsDir: string | null;
  layouts: Layout[];
}

export const LOOKED_FOR =
  'records/manifest.json or records/segments/ (record store), cache/capture/*.jsonl (capture cache), metadata/ledger.db (ledger), artifacts/bindings/ (artifact bindings), manifest.json + segments/ (a bare records directory) — in the path itself and in its immediate subdirectories';

/**
 * A symlink out of the root is never followed. Inside a workspace that hides evidence (error); among
 * the root's subdirectories it is usually unrelated (a linked node_modules), so only noted (info).
 */
async function kind(
  root: WorkspaceRoot,
  rel: string,
  gaps: GapSink,
  outsideSeverity: 'error' | 'info' = 'error',
): Promise<'file' | 'dir' | null> {
  const resolved = await root.resolve(rel);
  if (resolved.ok) return resolved.isDirectory ? 'dir' : 'file';
  if (resolved.reason === 'outside') {
    gaps.add({
      code: 'symlink_outside_workspace',
      severity: outsideSeverity,
      file: rel,
      message: resolved.message,
    });
  }
  return null;
}

async function probe(root: WorkspaceRoot, rel: string, gaps: GapSink): Promise<WorkspaceLayout | null> {
  const at = (...parts: string[]) => path.posix.join(rel, ...parts);
  const layout: WorkspaceLayout = {
    path: rel,
    recordsDir: null,
    captureDir: null,
    ledgerFile: null,
    artifactsDir: null,
    layouts: [],
  };
  if (
    (await kind(root, at('records', 'manifest.json'), gaps)) === 'file' ||
    (await kind(root, at('records', 'segments'), gaps)) === 'dir'
  ) {
    layout.recordsDir = at('records');
    layout.layouts.push('record_store');
  }
  if ((await kind(root, at('cache', 'capture'), gaps)) === 'dir') {
    const listing = await root.list(at('cache', 'capture'));
    if (listing.entries.some((e) => e.name.endsWith('.jsonl'))) {
      layout.captureDir = at('cache', 'capture');
      layout.layouts.push('capture_cache');
    }
  }
  if ((await kind(root, at('metadata', 'ledger.db'), gaps)) !== null) {
    layout.ledgerFile = at('metadata', 'ledger.db');
    layout.layouts.push('ledger');
  }
  if ((await kind(root, at('artifacts', 'bindings'), gaps)) === 'dir') {
    layout.artifactsDir = at('artifacts');
    layout.layouts.push('artifact_bindings');
  }
  return layout.layouts.length > 0 ? layout : null;
}

export async function discoverWorkspaces(root: WorkspaceRoot, gaps: GapSink): Promise<WorkspaceLayout[]> {
  const self = await probe(root, '.', gaps);
  if (self) return [self];
  if (
    (await kind(root, 'manifest.json', gaps)) === 'file' &&
    (await kind(root, 'segments', gaps)) === 'dir'
  ) {
    return [
      {
        path: '.',
        recordsDir: '.',
        captureDir: null,
        ledgerFile: null,
        artifactsDir: null,
        layouts: ['record_store'],
      },
    ];
  }
  const listing = await root.list('.');
  const found: WorkspaceLayout[] = [];
  const children = listing.entries
    .filter((e) => e.isDirectory() || e.isSymbolicLink())
    .map((e) => e.name)
    .sort();
  for (const child of children) {
    if ((await kind(root, child, gaps, 'info')) !== 'dir') continue;
    const workspace = await probe(root, child, gaps);
    if (workspace) found.push(workspace);
  }
  return found;
}
