/**
 * The shards of one workflow run: the artifacts `mode: collect` jobs uploaded, found by name,
 * downloaded one at a time and merged into one run (sources/shards.ts). What the listing says about
 * the set — an artifact of another shard count, one that expired, one that cannot be extracted —
 * becomes an error gap naming the shard, so a verdict never silently rests on part of the matrix.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReadOptions } from '../contexta/read.js';
import type { Evidence } from '../evidence/model.js';
import { ArtifactTransfer } from '../github/artifacts.js';
import type { GitHubClient } from '../github/client.js';
import { ArtifactExpiredError } from '../github/errors.js';
import type { Artifact } from '../github/schemas.js';
import { ShardMerger } from '../sources/shards.js';
import { ZipArchiveError } from '../zip/safe-unzip.js';
import { openArtifactEvidence } from './artifact-evidence.js';
import type { RunnerContext } from './context.js';
import type { Settings } from './settings.js';

export function shardArtifactName(base: string, index: number, of: number): string {
  return `${base}-shard-${index}-of-${of}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `<base>-shard-<i>-of-<n>` → {index, of}; null for any other name. */
export function parseShardArtifactName(base: string, name: string): { index: number; of: number } | null {
  const match = new RegExp(`^${escapeRegExp(base)}-shard-(\\d+)-of-(\\d+)$`).exec(name);
  return match ? { index: Number(match[1]), of: Number(match[2]) } : null;
}

export interface ShardRun {
  runId: number;
  /** The commit the run was built from: every shard must come from it. */
  sha: string | null;
}

export interface ShardSource {
  github: GitHubClient;
  workDir: string;
  read: Partial<ReadOptions>;
}

/**
 * The merged evidence of every `<base>-shard-*-of-<expected>` artifact of the run. Re-run attempts
 * leave one artifact per name (an upload replaces its own name); when several remain, the newest is
 * the shard and the older ones are earlier attempts, not duplicates.
 */
export async function readRunShards(
  source: ShardSource,
  run: ShardRun,
  base: string,
  expected: number,
  side: 'candidate' | 'baseline',
): Promise<Evidence> {
  const artifacts = await source.github.listRunArtifacts(run.runId);
  const newestByName = new Map<string, Artifact>();
  for (const a of artifacts) {
    const seen = newestByName.get(a.name);
    if (!seen || a.id > seen.id) newestByName.set(a.name, a);
  }
  const problems = new Map<number, string>();
  const shards: { index: number; artifact: Artifact }[] = [];
  const merger = new ShardMerger({
    expected,
    sha: run.sha,
    side,
    root: `the ${side} shards of run ${run.runId}`,
    describeMissing: (i) =>
      problems.get(i) ?? `run ${run.runId} has no artifact '${shardArtifactName(base, i, expected)}'`,
  });
  for (const artifact of newestByName.values()) {
    const claim = parseShardArtifactName(base, artifact.name);
    if (!claim) continue;
    if (claim.of !== expected) {
      merger.reject(
        'shard_unexpected',
        `shard:${claim.index}`,
        `${side} artifact '${artifact.name}' of run ${run.runId} is shard ${claim.index} of ${claim.of}, but shards: ${expected} was given; it was not merged — the matrix and the gate job must agree on the number of shards`,
      );
      continue;
    }
    if (artifact.expired) {
      problems.set(claim.index, `artifact '${artifact.name}' of run ${run.runId} has expired`);
      continue;
    }
    shards.push({ index: claim.index, artifact });
  }
  shards.sort((a, b) => a.index - b.index || a.artifact.id - b.artifact.id);
  const transfer = new ArtifactTransfer(source.github);
  for (const { index, artifact } of shards) {
    const dir = path.join(source.workDir, `${side}-${artifact.id}`);
    try {
      const evidence = await openArtifactEvidence(transfer, artifact, dir, source.read, 'artifact');
      merger.add({
        index,
        label: artifact.name,
        evidence,
        sha: artifact.workflow_run?.head_sha ?? null,
      });
    } catch (error) {
      if (!(error instanceof ArtifactExpiredError || error instanceof ZipArchiveError)) throw error;
      problems.set(index, `artifact '${artifact.name}' (${artifact.id}) could not be read: ${error.message}`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  return merger.finish();
}

/**
 * The candidate of a `shards: <n>` gate job: the shard artifacts of this workflow run. Without a
 * token (or on GHES) nothing can be listed, and every shard is reported missing with the reason.
 */
export async function readCurrentShards(
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient | null,
  scratch: { workDir: string; read: Partial<ReadOptions> },
): Promise<Evidence> {
  const expected = settings.shards ?? 1;
  if (!github || ctx.isGhes) {
    const why = ctx.isGhes
      ? 'GitHub Enterprise Server has no artifact service for actions'
      : "no 'github-token' was given to list this run's artifacts";
    return new ShardMerger({
      expected,
      side: 'candidate',
      root: `the shards of run ${ctx.runId}`,
      describeMissing: () => why,
    }).finish();
  }
  // The run's own head commit, which is what its artifacts record (for a pull request, the head of
  // the PR rather than the merge commit in GITHUB_SHA).
  const sha = (await github.getWorkflowRun(ctx.runId)).head_sha;
  return readRunShards(
    { github, workDir: path.join(scratch.workDir, 'shards'), read: scratch.read },
    { runId: ctx.runId, sha },
    settings.artifactName,
    expected,
    'candidate',
  );
}
