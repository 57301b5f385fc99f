/**
 * Resolves the `baseline` input to evidence: finds the run (or deployment, or path), downloads its
 * evidence artifact, extracts it safely and reads it. Every way this can come up empty — first run,
 * expired artifacts, GHES, a fork-built run — ends as "no baseline" with a plain reason, which the
 * engine turns into an `unknown` verdict rather than a pass.
 */
import path from 'node:path';
import type { ReadOptions } from '../contexta/read.js';
import type { Evidence } from '../evidence/model.js';
import { ArtifactTransfer } from '../github/artifacts.js';
import {
  type BaselineQuery,
  type BaselineResult,
  type DeployedPromotion,
  findBaseline,
  findDeployedBaseline,
  type Skipped,
} from '../github/baseline-finder.js';
import type { GitHubClient } from '../github/client.js';
import { ArtifactExpiredError } from '../github/errors.js';
import type { Artifact, WorkflowRun } from '../github/schemas.js';
import { HISTORY_FILE } from '../history/record.js';
import { type History, readHistoryFile } from '../history/store.js';
import { PROMOTION_TASK } from '../promote/promote.js';
import { openEvidence } from '../sources/open.js';
import { ZipArchiveError } from '../zip/safe-unzip.js';
import { openArtifactEvidence } from './artifact-evidence.js';
import type { RunnerContext } from './context.js';
import { downloadShardedHistory } from './history.js';
import type { Settings } from './settings.js';
import { readRunShards, shardArtifactName } from './shards.js';

export type BaselineSourceKind =
  | 'merge-base'
  | 'ancestor'
  | 'previous-run'
  | 'run'
  | 'artifact'
  | 'deployment'
  | 'path'
  | 'none';

export interface ResolvedBaseline {
  evidence: Evidence | null;
  source: BaselineSourceKind;
  runId: number | null;
  runUrl: string | null;
  sha: string | null;
  branch: string | null;
  /** The run's age in words, for the report. */
  age: string | null;
  deploymentId: number | null;
  /** One sentence for the report: where the baseline came from, how far back and how old. */
  description: string;
  /** Runs that were looked at and passed over, with the reason. */
  skipped: string[];
  /** The `history.jsonl` at the root of the baseline's evidence; null when it carried none. */
  history: History | null;
}

export interface BaselineEnvironment {
  settings: Settings;
  ctx: RunnerContext;
  github: GitHubClient | null;
  /** Scratch directory for downloads (under RUNNER_TEMP). */
  workDir: string;
  read: Partial<ReadOptions>;
}

function none(description: string, skipped: string[] = []): ResolvedBaseline {
  return {
    evidence: null,
    source: 'none',
    runId: null,
    runUrl: null,
    sha: null,
    branch: null,
    age: null,
    deploymentId: null,
    description,
    skipped,
    history: null,
  };
}

export function describeAge(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 1) return 'less than an hour old';
  if (hours < 48) return `${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'} old`;
  return `${Math.round(hours / 24)} days old`;
}

const skippedLines = (skipped: Skipped[]) => skipped.map((s) => s.detail);

async function downloadEvidence(
  env: BaselineEnvironment,
  github: GitHubClient,
  artifact: Artifact,
): Promise<{ evidence: Evidence; history: History | null } | { problem: string; expired?: boolean }> {
  const dir = path.join(env.workDir, `baseline-${artifact.id}`);
  try {
    const evidence = await openArtifactEvidence(
      new ArtifactTransfer(github),
      artifact,
      dir,
      env.read,
      'baseline artifact',
    );
    const history = await readHistoryFile(path.join(dir, HISTORY_FILE));
    return { evidence, history };
  } catch (error) {
    if (error instanceof ArtifactExpiredError) {
      return {
        problem: `artifact '${artifact.name}' (${artifact.id}) has expired: it can no longer be downloaded`,
        expired: true,
      };
    }
    if (error instanceof ZipArchiveError) {
      return {
        problem: `artifact '${artifact.name}' (${artifact.id}) is not a usable zip: ${error.message}`,
      };
    }
    throw error;
  }
}

/**
 * A sharded gate (`shards: <n>`) finds the baseline run by its first shard's artifact and merges all
 * of that run's shards; otherwise the run's one evidence artifact.
 */
async function downloadRunEvidence(
  env: BaselineEnvironment,
  github: GitHubClient,
  artifact: Artifact,
  run: WorkflowRun,
): Promise<{ evidence: Evidence; history: History | null } | { problem: string; expired?: boolean }> {
  const shards = env.settings.shards;
  if (shards === null) return downloadEvidence(env, github, artifact);
  const source = { github, workDir: path.join(env.workDir, 'baseline-shards'), read: env.read };
  const evidence = await readRunShards(
    source,
    { runId: run.id, sha: run.head_sha },
    env.settings.artifactName,
    shards,
    'baseline',
  );
  // Shard artifacts carry no history.jsonl: the run's sharded gate job uploaded it on its own.
  const history = await downloadShardedHistory(
    github,
    run.id,
    env.settings.artifactName,
    path.join(env.workDir, 'baseline-history'),
  );
  return { evidence, history };
}

/** The artifact that marks a run as a possible baseline: its evidence, or its first shard. */
function baselineArtifactName(settings: Settings, name: string): string {
  return settings.shards === null ? name : shardArtifactName(name, 1, settings.shards);
}

/**
 * Which deployment a `deployment:<env>` baseline came from, so a reviewer can tell what "production"
 * meant for this comparison — and whether that promotion itself was forced past a failing gate.
 */
export function describePromotion(
  promotion: DeployedPromotion,
  runId: number,
  shortSha: string,
  ageMs: number,
): string {
  const what = promotion.runRef ? ` of ${promotion.runRef}` : '';
  const when = Number.isNaN(Date.parse(promotion.createdAt))
    ? ''
    : `, made ${promotion.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
  const forced = promotion.forced ? '; that promotion was forced past a failing gate' : '';
  return `the last successful promotion to ${promotion.environment}: deployment ${promotion.deploymentId}${what}${when}, from run ${runId} at ${shortSha} (${describeAge(ageMs)})${forced}`;
}

/** How many times a run whose artifact expired after listing is replaced by the next candidate. */
const MAX_EXPIRED_RETRIES = 3;

/**
 * Finds the baseline run and downloads its evidence; when the artifact expired between the listing
 * and the download (410), the search runs again without that run, so the next candidate is used.
 */
async function findAndDownload(
  env: BaselineEnvironment,
  github: GitHubClient,
  query: BaselineQuery,
): Promise<ResolvedBaseline> {
  const expiredRunIds: number[] = [];
  for (;;) {
    const result = await findBaseline(github, { ...query, expiredRunIds });
    const resolved = await fromFound(env, github, result);
    if (!resolved.expiredRunId || expiredRunIds.length >= MAX_EXPIRED_RETRIES) {
      const { expiredRunId: _expired, ...baseline } = resolved;
      return baseline;
    }
    expiredRunIds.push(resolved.expiredRunId);
  }
}

async function fromFound(
  env: BaselineEnvironment,
  github: GitHubClient,
  result: BaselineResult,
): Promise<ResolvedBaseline & { expiredRunId?: number }> {
  if (result.none) {
    const skipped = skippedLines(result.skipped);
    const why =
      skipped.length > 0
        ? ` — passed over: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? `; and ${skipped.length - 3} more` : ''}`
        : '';
    return none(`No baseline: ${result.reason}${why}`, skipped);
  }
  const downloaded = await downloadRunEvidence(env, github, result.artifact, result.run);
  const skipped = skippedLines(result.skipped);
  if ('problem' in downloaded) {
    const expired =
      downloaded.expired && result.source !== 'deployment' ? { expiredRunId: result.run.id } : {};
    return { ...none(`No baseline: ${downloaded.problem}`, skipped), ...expired };
  }
  const run = result.run;
  const short = run.head_sha.slice(0, 7);
  let where: string;
  if (result.source === 'merge-base') where = `the merge base ${short}`;
  else if (result.source === 'ancestor')
    where = `${short}, ${result.commitsBehind ?? 'some'} commit${result.commitsBehind === 1 ? '' : 's'} behind the merge base`;
  else if (result.source === 'deployment') where = `${short}, the run behind the last successful promotion`;
  else where = `${short}, the previous successful run on ${run.head_branch ?? 'this branch'}`;
  const description = result.promotion
    ? describePromotion(result.promotion, run.id, short, result.ageMs)
    : `run ${run.id} at ${where} (${describeAge(result.ageMs)})`;
  return {
    evidence: downloaded.evidence,
    source: result.source,
    runId: run.id,
    runUrl: run.html_url,
    sha: run.head_sha,
    branch: run.head_branch ?? null,
    age: describeAge(result.ageMs),
    deploymentId: result.deploymentId ?? null,
    description,
    skipped,
    history: downloaded.history,
  };
}

async function currentWorkflow(ctx: RunnerContext, github: GitHubClient): Promise<string | number> {
  if (ctx.workflowFile) return ctx.workflowFile;
  return (await github.getWorkflowRun(ctx.runId)).workflow_id;
}

async function auto(
  env: BaselineEnvironment,
  github: GitHubClient,
  artifactName: string,
): Promise<ResolvedBaseline> {
  const { ctx, settings } = env;
  const workflow = await currentWorkflow(ctx, github);
  const common = {
    workflow,
    artifactName: baselineArtifactName(settings, artifactName),
    maxRuns: settings.maxBaselineRuns,
  };
  if (ctx.pullRequest) {
    const pr = ctx.pullRequest;
    const comparison = await github.compareCommits(pr.baseSha, pr.headSha);
    const mergeBaseSha = comparison.merge_base_commit.sha;
    return findAndDownload(env, github, { ...common, baseBranch: pr.baseRef, mergeBaseSha });
  }
  if (ctx.mergeGroup) {
    // A merge queue gates like a push to the base branch: against the run at the queue's base.
    const group = ctx.mergeGroup;
    return findAndDownload(env, github, {
      ...common,
      baseBranch: group.baseRef,
      mergeBaseSha: group.baseSha,
    });
  }
  const branch = ctx.ref.replace(/^refs\/heads\//, '');
  return findAndDownload(env, github, {
    ...common,
    baseBranch: branch,
    headSha: ctx.sha,
    currentRunId: ctx.runId,
  });
}

async function explicitRun(
  env: BaselineEnvironment,
  github: GitHubClient,
  runId: number,
): Promise<ResolvedBaseline> {
  const run: WorkflowRun = await github.getWorkflowRun(runId);
  const trusted = `${env.ctx.owner}/${env.ctx.repo}`;
  if (run.head_repository?.full_name !== trusted) {
    return none(
      `No baseline: run ${runId} was built from ${run.head_repository?.full_name ?? 'a deleted repository'}, not ${trusted}; its artifacts are untrusted`,
    );
  }
  const name = baselineArtifactName(env.settings, env.settings.artifactName);
  const artifacts = (await github.listRunArtifacts(runId, name)).filter((a) => a.name === name && !a.expired);
  const artifact = artifacts.sort((a, b) => b.id - a.id)[0];
  if (!artifact) return none(`No baseline: run ${runId} has no unexpired artifact named '${name}'`);
  const downloaded = await downloadRunEvidence(env, github, artifact, run);
  if ('problem' in downloaded) return none(`No baseline: ${downloaded.problem}`);
  return {
    evidence: downloaded.evidence,
    source: 'run',
    runId,
    runUrl: run.html_url,
    sha: run.head_sha,
    branch: run.head_branch ?? null,
    age: describeAge(Date.now() - Date.parse(run.created_at)),
    deploymentId: null,
    description: `run ${runId} at ${run.head_sha.slice(0, 7)} (given as baseline: run:${runId}; ${describeAge(Date.now() - Date.parse(run.created_at))})`,
    skipped: [],
    history: downloaded.history,
  };
}

export async function resolveBaseline(env: BaselineEnvironment): Promise<ResolvedBaseline> {
  const { settings, ctx, github } = env;
  const spec = settings.baseline;
  if (spec.kind === 'none')
    return none('No baseline: baseline: none was given; only absolute thresholds apply');
  if (spec.kind === 'path') {
    const resolved = path.resolve(ctx.workspaceDir, spec.path);
    const evidence = await openEvidence(resolved, env.read);
    const history = await readHistoryFile(path.join(resolved, HISTORY_FILE));
    return { ...none(`the local workspace ${spec.path}`), evidence, source: 'path', history };
  }
  if (ctx.isGhes) {
    return none(
      'No baseline: GitHub Enterprise Server has no artifact service for actions, so earlier runs cannot be searched; use `baseline: <path>` with a workspace produced in this job',
    );
  }
  if (!github) return none('No baseline: no github-token was given, so earlier runs cannot be searched');
  if (spec.kind === 'run') return explicitRun(env, github, spec.runId);
  if (spec.kind === 'artifact') {
    const found = await auto(env, github, spec.name);
    return found.evidence ? { ...found, source: 'artifact' } : found;
  }
  if (spec.kind === 'deployment') {
    const result = await findDeployedBaseline(github, {
      environment: spec.environment,
      artifactName: baselineArtifactName(settings, settings.artifactName),
      task: PROMOTION_TASK,
      creator: settings.commentAuthor,
      branch: (await github.getRepository()).default_branch,
    });
    return fromFound(env, github, result);
  }
  return auto(env, github, settings.artifactName);
}
