/**
 * The expected set of runs of one experiment: the `run_ids` of the newest experiment manifest
 * (`experiments/<safe_id>_<YYYYmmdd_HHMMSS>.json`). metalab itself picks "latest" by file mtime, which
 * `actions/download-artifact` and git checkouts reset, so manifests are ordered by the timestamp in
 * the file name and ties are broken by `submitted_at`.
 */
import type { EvidenceGap } from '../evidence/model.js';
import { type ReadContext, readJsonFile } from './json-file.js';
import { describeIssues, ExperimentManifest } from './schema.js';

export interface ExpectedRuns {
  /** Store-relative path of the manifest used. */
  file: string;
  manifest: ExperimentManifest;
  /** Run ids in execution order, duplicates removed. */
  runIds: string[];
  /**
   * Parameter-case index of each run id. The runner lists runs case by case with seed replicates
   * innermost, so run `i` belongs to case `floor(i / replicates)`; null when the manifest's counts do
   * not support that reading.
   */
  caseIndex: Map<string, number> | null;
}

export type ManifestOutcome =
  | { kind: 'found'; expected: ExpectedRuns }
  | { kind: 'none' }
  | { kind: 'invalid'; file: string; reason: string };

const STAMPED = /_(\d{8})_(\d{6})\.json$/;

function isCandidateFile(name: string): boolean {
  return name.endsWith('.json') && !name.includes('.tmp.');
}

function caseIndexes(manifest: ExperimentManifest, runIds: string[]): Map<string, number> | null {
  const replicates = manifest.seeds?.replicates;
  if (replicates === undefined || manifest.run_ids.length % replicates !== 0) return null;
  if (manifest.total_runs !== undefined && manifest.total_runs !== manifest.run_ids.length) return null;
  if (runIds.length !== manifest.run_ids.length) return null;
  return new Map(runIds.map((id, index) => [id, Math.floor(index / replicates)]));
}

/**
 * Reads the newest manifest of the experiment directory whose store-relative path is `prefix`
 * (`''` for the root itself, else `<dir>/`). A newest manifest
 * that cannot be used is reported and NOT replaced by an older one: an older invocation's run list
 * would silently describe a different sweep.
 */
export async function readNewestManifest(
  ctx: ReadContext,
  prefix: string,
  attribution: { ref: string },
): Promise<ManifestOutcome> {
  const dir = `${prefix}experiments`;
  const listing = await ctx.root.list(dir);
  if (listing.problem) {
    ctx.gaps.push({
      code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
      severity: 'error',
      file: dir,
      ...attribution,
      message: listing.problem.message,
    });
    return { kind: 'invalid', file: dir, reason: listing.problem.message };
  }
  const names = listing.entries
    .filter((entry) => !entry.isDirectory() && isCandidateFile(entry.name))
    .map((entry) => entry.name);
  if (names.length === 0) return { kind: 'none' };

  const stamp = (name: string): string => {
    const match = STAMPED.exec(name);
    return match ? `${match[1]}${match[2]}` : '';
  };
  const newestStamp = names.map(stamp).sort().at(-1) ?? '';
  const tied = names.filter((name) => stamp(name) === newestStamp).sort();

  let best: { file: string; manifest: ExperimentManifest } | null = null;
  let invalid: { file: string; reason: string } | null = null;
  for (const name of tied) {
    const file = `${dir}/${name}`;
    const read = await readJsonFile(ctx, file, 'error', attribution);
    if (!read.ok) {
      invalid ??= { file, reason: 'it could not be read (see the gap for that file)' };
      continue;
    }
    const parsed = ExperimentManifest.safeParse(read.value);
    if (!parsed.success) {
      invalid ??= { file, reason: describeIssues(parsed.error) };
      continue;
    }
    if (best === null || (parsed.data.submitted_at ?? '') >= (best.manifest.submitted_at ?? '')) {
      best = { file, manifest: parsed.data };
    }
  }
  if (invalid !== null) return { kind: 'invalid', ...invalid };
  if (best === null) return { kind: 'none' };
  const runIds = [...new Set(best.manifest.run_ids)];
  return {
    kind: 'found',
    expected: {
      file: best.file,
      manifest: best.manifest,
      runIds,
      caseIndex: caseIndexes(best.manifest, runIds),
    },
  };
}

export function manifestGap(outcome: ManifestOutcome, prefix: string, ref: string): EvidenceGap | null {
  if (outcome.kind === 'none') {
    return {
      code: 'manifest_missing',
      severity: 'warning',
      file: `${prefix}experiments`,
      ref,
      message:
        `${ref} has no experiment manifest, so the expected runs are unknown: every run record is used, ` +
        'and a run that was never written cannot be detected',
    };
  }
  if (outcome.kind === 'invalid') {
    return {
      code: 'manifest_invalid',
      severity: 'error',
      file: outcome.file,
      ref,
      message:
        `the newest experiment manifest ${outcome.file} cannot be used (${outcome.reason}), so the expected ` +
        'runs are unknown: ' +
        'every run record is used, and a run that was never written cannot be detected',
    };
  }
  return null;
}
