/**
 * Chooses which files of a workspace go into the evidence artifact. Only what a later run needs to
 * gate against is uploaded: records, capture cache, ledger, artifact bindings and metalab run
 * records. Artifact bodies (model files, checkpoints) and logs stay behind, and symlinks are never
 * followed, so a job cannot smuggle files from elsewhere on the runner into an artifact.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface CollectLimits {
  /** A single file over this is skipped (and listed). */
  maxFileBytes: number;
  /** Once the total would pass this, further files are skipped (and listed). */
  maxTotalBytes: number;
}

export const DEFAULT_COLLECT_LIMITS: CollectLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

export interface Collected {
  /** Absolute paths, all under `root`. */
  files: string[];
  totalBytes: number;
  skipped: Array<{ file: string; reason: string }>;
}

/** Workspace-relative POSIX paths that are evidence (Contexta and metalab layouts, at any depth). */
const EVIDENCE_PATTERNS: RegExp[] = [
  /(^|\/)records\/manifest\.json$/,
  /(^|\/)records\/segments\/segment-\d+\.jsonl$/,
  /(^|\/)cache\/capture\/[a-z_]+\.jsonl$/,
  /(^|\/)metadata\/ledger\.db(\.wal)?$/,
  /(^|\/)artifacts\/bindings\/[^/]+\.binding\.json$/,
  /(^|\/)_meta\.json$/,
  /(^|\/)runs\/[0-9a-f]+\.json$/,
  /(^|\/)derived\/[0-9a-f]+\.json$/,
  /(^|\/)results\/[0-9a-f]+\/[^/]+\.json$/,
  /(^|\/)artifacts\/[0-9a-f]+\/_manifest\.json$/,
  /(^|\/)experiments\/[^/]+\.json$/,
];

export function isEvidencePath(relative: string): boolean {
  if (/\.tmp\.[0-9a-f]+/.test(relative)) return false;
  return EVIDENCE_PATTERNS.some((pattern) => pattern.test(relative));
}

export async function collectEvidenceFiles(
  root: string,
  limits: CollectLimits = DEFAULT_COLLECT_LIMITS,
): Promise<Collected> {
  const result: Collected = { files: [], totalBytes: 0, skipped: [] };
  const pending = [''];
  const candidates: Array<{ rel: string; size: number }> = [];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        result.skipped.push({ file: rel, reason: 'symlink (not followed)' });
      } else if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') pending.push(rel);
      } else if (entry.isFile() && isEvidencePath(rel)) {
        const stat = await fs.stat(path.join(root, rel)).catch(() => null);
        if (stat) candidates.push({ rel, size: stat.size });
      }
    }
  }
  candidates.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  for (const { rel, size } of candidates) {
    if (size > limits.maxFileBytes) {
      result.skipped.push({ file: rel, reason: `larger than ${limits.maxFileBytes} bytes` });
    } else if (result.totalBytes + size > limits.maxTotalBytes) {
      result.skipped.push({
        file: rel,
        reason: `artifact size cap of ${limits.maxTotalBytes} bytes reached`,
      });
    } else {
      result.files.push(path.join(root, rel));
      result.totalBytes += size;
    }
  }
  return result;
}
