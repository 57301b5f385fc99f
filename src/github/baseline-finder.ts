import { z } from 'zod';
import type { GitHubClient } from './client.js';
import { GitHubNotFoundError } from './errors.js';
import type { Artifact, WorkflowRun } from './schemas.js';

/**
 * Finds the run whose evidence is the baseline for a comparison. Every run considered and rejected is
 * reported with its reason, so a report can say why the baseline is what it is (or why there is none).
 */

export type SkipReason =
  | 'fork'
  | 'artifact-missing'
  | 'artifact-expired'
  | 'current-run'
  | 'not-an-ancestor'
  | 'not-promoted'
  | 'untrusted-deployment';

export interface Skipped {
  runId?: number;
  deploymentId?: number;
  headSha?: string;
  reason: SkipReason;
  detail: string;
}

export type BaselineSource = 'merge-base' | 'ancestor' | 'previous-run' | 'deployment';

export interface BaselineFound {
  none: false;
  source: BaselineSource;
  run: WorkflowRun;
  artifact: Artifact;
  /**
   * Commits between the baseline run's commit and the merge base (PR) or the candidate commit (push);
   * 0 means exactly the merge base. Null when it could not be determined (deployment, or no head sha).
   */
  commitsBehind: number | null;
  /** Age of the baseline run at lookup time. */
  ageMs: number;
  deploymentId?: number;
  /** For a `deployment:<env>` baseline: what the promotion recorded, for the report's disclosure. */
  promotion?: DeployedPromotion;
  skipped: Skipped[];
}

export interface DeployedPromotion {
  deploymentId: number;
  environment: string;
  /** When the deployment was created (the promotion). */
  createdAt: string;
  /** The Contexta run that was promoted, as the payload names it. */
  runRef: string | null;
  /** Promoted past a failing gate with `force: true`. */
  forced: boolean;
}

export type NoBaselineCode =
  | 'no-runs'
  | 'no-usable-run'
  | 'no-deployment'
  | 'deployment-payload'
  | 'deployed-run-missing'
  | 'deployed-artifact-missing'
  | 'deployed-artifact-expired';

export interface NoBaseline {
  none: true;
  code: NoBaselineCode;
  reason: string;
  skipped: Skipped[];
}

export type BaselineResult = BaselineFound | NoBaseline;

export interface BaselineQuery {
  /** Numeric workflow id or workflow file name, e.g. `ci.yml`. */
  workflow: number | string;
  /** Branch the baseline runs were pushed to (the PR's base branch, or the pushed branch). */
  baseBranch: string;
  /** PR mode: merge base of the PR. Omit for push mode (previous successful run on the branch). */
  mergeBaseSha?: string;
  /** Push mode: the candidate commit; its own runs are never its baseline. */
  headSha?: string;
  /** Push mode: the candidate run. */
  currentRunId?: number;
  /** Baseline runs must have been built from this repository; defaults to the client's repository. */
  headRepoFullName?: string;
  artifactName: string;
  /** Most workflow runs considered. Default 30. */
  maxRuns?: number;
  /** Most ancestors of the merge base walked. Default 30. */
  maxCommits?: number;
  /** Runs passed over because their artifact expired after they were listed (a 410 on download). */
  expiredRunIds?: readonly number[];
  now?: Date;
}

interface Context {
  client: GitHubClient;
  query: BaselineQuery;
  trustedRepo: string;
  skipped: Skipped[];
  checked: Map<number, Artifact | null>;
  now: number;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Returns the run's usable artifact, or records why the run cannot be a baseline. */
async function usableArtifact(ctx: Context, run: WorkflowRun): Promise<Artifact | null> {
  const cached = ctx.checked.get(run.id);
  if (cached !== undefined) return cached;
  const result = await inspectRun(ctx, run);
  ctx.checked.set(run.id, result);
  return result;
}

async function inspectRun(ctx: Context, run: WorkflowRun): Promise<Artifact | null> {
  const skip = (reason: SkipReason, detail: string) => {
    ctx.skipped.push({ runId: run.id, headSha: run.head_sha, reason, detail });
    return null;
  };
  if (ctx.query.expiredRunIds?.includes(run.id)) {
    return skip('artifact-expired', `run ${run.id}'s artifact expired between listing and download`);
  }
  const headRepo = run.head_repository?.full_name;
  if (headRepo !== ctx.trustedRepo) {
    return skip(
      'fork',
      `run ${run.id} was built from ${headRepo ?? 'a deleted repository'}, not ${ctx.trustedRepo}; ` +
        `its artifacts are untrusted`,
    );
  }
  const artifacts = (await ctx.client.listRunArtifacts(run.id, ctx.query.artifactName)).filter(
    (a) => a.name === ctx.query.artifactName,
  );
  if (artifacts.length === 0) {
    return skip('artifact-missing', `run ${run.id} has no artifact named '${ctx.query.artifactName}'`);
  }
  // Re-run attempts can leave several same-named artifacts; the highest id is the latest upload.
  const live = artifacts.find((a) => !isExpired(a, ctx.now));
  if (!live) {
    const newest = artifacts[0] as Artifact;
    return skip(
      'artifact-expired',
      `artifact '${newest.name}' of run ${run.id} expired${newest.expires_at ? ` on ${newest.expires_at}` : ''}`,
    );
  }
  return live;
}

function isExpired(artifact: Artifact, now: number): boolean {
  if (artifact.expired) return true;
  return artifact.expires_at !== null && Date.parse(artifact.expires_at) <= now;
}

function found(
  ctx: Context,
  source: BaselineSource,
  run: WorkflowRun,
  artifact: Artifact,
  commitsBehind: number | null,
): BaselineFound {
  return {
    none: false,
    source,
    run,
    artifact,
    commitsBehind,
    ageMs: Math.max(0, ctx.now - Date.parse(run.created_at)),
    skipped: ctx.skipped,
  };
}

function baseFilters(query: BaselineQuery) {
  return {
    workflow: query.workflow,
    branch: query.baseBranch,
    // event=push keeps out pull_request runs whose head branch happens to share the base branch's name.
    event: 'push',
    status: 'success',
    excludePullRequests: true,
  };
}

export async function findBaseline(client: GitHubClient, query: BaselineQuery): Promise<BaselineResult> {
  const ctx: Context = {
    client,
    query,
    trustedRepo: query.headRepoFullName ?? client.repoFullName,
    skipped: [],
    checked: new Map(),
    now: (query.now ?? new Date()).getTime(),
  };
  return query.mergeBaseSha === undefined ? findPreviousRun(ctx) : findForMergeBase(ctx, query.mergeBaseSha);
}

async function findForMergeBase(ctx: Context, mergeBase: string): Promise<BaselineResult> {
  const { client, query } = ctx;
  const maxRuns = query.maxRuns ?? 30;
  const exact = await client.listWorkflowRuns({
    ...baseFilters(query),
    headSha: mergeBase,
    limit: Math.min(maxRuns, 10),
  });
  for (const run of exact) {
    const artifact = await usableArtifact(ctx, run);
    if (artifact) return found(ctx, 'merge-base', run, artifact, 0);
  }

  const ancestors = await client.listCommits(mergeBase, (query.maxCommits ?? 30) + 1);
  const runs = await client.listWorkflowRuns({ ...baseFilters(query), limit: maxRuns });
  const runsBySha = new Map<string, WorkflowRun[]>();
  for (const run of runs) runsBySha.set(run.head_sha, [...(runsBySha.get(run.head_sha) ?? []), run]);
  for (const [index, commit] of ancestors.entries()) {
    if (index === 0) continue;
    for (const run of runsBySha.get(commit.sha) ?? []) {
      const artifact = await usableArtifact(ctx, run);
      if (artifact) return found(ctx, 'ancestor', run, artifact, index);
    }
  }
  const considered = new Set([...exact, ...runs].map((r) => r.id)).size;
  return {
    none: true,
    code: considered === 0 ? 'no-runs' : 'no-usable-run',
    reason:
      `no successful push run of workflow ${query.workflow} on ${query.baseBranch} with a usable ` +
      `'${query.artifactName}' artifact at the merge base ${short(mergeBase)} or its ` +
      `${Math.max(0, ancestors.length - 1)} nearest ancestors (${considered} recent runs considered)`,
    skipped: ctx.skipped,
  };
}

async function findPreviousRun(ctx: Context): Promise<BaselineResult> {
  const { client, query } = ctx;
  const runs = await client.listWorkflowRuns({ ...baseFilters(query), limit: query.maxRuns ?? 30 });
  for (const run of runs) {
    if (run.id === query.currentRunId || (query.headSha !== undefined && run.head_sha === query.headSha)) {
      ctx.skipped.push({
        runId: run.id,
        headSha: run.head_sha,
        reason: 'current-run',
        detail: `run ${run.id} is for the candidate commit ${short(run.head_sha)} itself`,
      });
      continue;
    }
    let commitsBehind: number | null = null;
    if (query.headSha !== undefined) {
      commitsBehind = await distanceToHead(ctx, run, query.headSha);
      if (commitsBehind === null) continue;
    }
    const artifact = await usableArtifact(ctx, run);
    if (artifact) return found(ctx, 'previous-run', run, artifact, commitsBehind);
  }
  return {
    none: true,
    code: runs.length === 0 ? 'no-runs' : 'no-usable-run',
    reason:
      `no earlier successful push run of workflow ${query.workflow} on ${query.baseBranch} with a usable ` +
      `'${query.artifactName}' artifact (${runs.length} recent runs considered)`,
    skipped: ctx.skipped,
  };
}

/** Commits from the run's commit to the candidate, or null (recorded) if it is not an ancestor. */
async function distanceToHead(ctx: Context, run: WorkflowRun, headSha: string): Promise<number | null> {
  const notAncestor = (detail: string) => {
    ctx.skipped.push({ runId: run.id, headSha: run.head_sha, reason: 'not-an-ancestor', detail });
    return null;
  };
  try {
    const comparison = await ctx.client.compareCommits(run.head_sha, headSha);
    if (comparison.status === 'ahead' || comparison.status === 'identical') return comparison.ahead_by;
    return notAncestor(
      `commit ${short(run.head_sha)} of run ${run.id} is not an ancestor of ${short(headSha)} (${comparison.status})`,
    );
  } catch (error) {
    // Force-pushed history: the run's commit no longer exists in the repository.
    if (error instanceof GitHubNotFoundError) {
      return notAncestor(`commit ${short(run.head_sha)} of run ${run.id} no longer exists`);
    }
    throw error;
  }
}

const promotionPayload = z.object({
  run_id: z.coerce.number().int().positive(),
  artifact_id: z.coerce.number().int().positive().optional(),
  // Disclosure only: a payload without them (or with odd values) still names a usable run.
  run_ref: z.string().optional().catch(undefined),
  forced: z.boolean().optional().catch(undefined),
});

export interface DeployedBaselineQuery {
  environment: string;
  artifactName: string;
  /** Deployment task used when promoting, e.g. `promote:model`. */
  task?: string;
  /** Most deployments examined, newest first. Default 30. */
  maxDeployments?: number;
  headRepoFullName?: string;
  /**
   * Only deployments this login created count (the identity the action posts as): anyone with
   * deployment rights, or a workflow of a PR, can create a deployment with a payload naming any run.
   */
  creator?: string;
  /** Only promotions made by a `push` run on this branch count (the default branch). */
  branch?: string;
  now?: Date;
}

/**
 * `deployment:<env>` baseline: the newest deployment of the environment whose newest status is
 * `success`; its payload names the run (and artifact) that was promoted. Older promotions are never
 * substituted silently: if the promoted run's artifact is gone, the answer is "none" with the reason.
 */
export async function findDeployedBaseline(
  client: GitHubClient,
  query: DeployedBaselineQuery,
): Promise<BaselineResult> {
  const skipped: Skipped[] = [];
  const now = (query.now ?? new Date()).getTime();
  const none = (code: NoBaselineCode, reason: string): NoBaseline => ({ none: true, code, reason, skipped });
  const deployments = await client.listDeployments({
    environment: query.environment,
    ...(query.task === undefined ? {} : { task: query.task }),
    limit: query.maxDeployments ?? 30,
  });
  for (const deployment of deployments) {
    if (query.creator !== undefined && deployment.creator?.login !== query.creator) {
      skipped.push({
        deploymentId: deployment.id,
        reason: 'untrusted-deployment',
        detail: `deployment ${deployment.id} was created by ${deployment.creator?.login ?? 'an unknown account'}, not ${query.creator}`,
      });
      continue;
    }
    const [latest] = await client.listDeploymentStatuses(deployment.id);
    if (latest?.state !== 'success') {
      skipped.push({
        deploymentId: deployment.id,
        reason: 'not-promoted',
        detail: `deployment ${deployment.id} is ${latest ? `'${latest.state}'` : 'without status'}`,
      });
      continue;
    }
    const payload = promotionPayload.safeParse(parsePayload(deployment.payload));
    if (!payload.success) {
      return none(
        'deployment-payload',
        `deployment ${deployment.id} (environment '${query.environment}') has no numeric run_id in its ` +
          `payload, so it was not recorded by contexta/gate`,
      );
    }
    const { run_id: runId, artifact_id: artifactId, run_ref: runRef, forced } = payload.data;
    let run: WorkflowRun;
    try {
      run = await client.getWorkflowRun(runId);
    } catch (error) {
      if (error instanceof GitHubNotFoundError) {
        return none(
          'deployed-run-missing',
          `run ${runId} promoted to '${query.environment}' no longer exists`,
        );
      }
      throw error;
    }
    const trustedRepo = query.headRepoFullName ?? client.repoFullName;
    if (run.head_repository?.full_name !== trustedRepo) {
      return none(
        'deployed-run-missing',
        `run ${runId} promoted to '${query.environment}' was built from ` +
          `${run.head_repository?.full_name ?? 'a deleted repository'}, not ${trustedRepo}`,
      );
    }
    if (query.branch !== undefined && (run.event !== 'push' || run.head_branch !== query.branch)) {
      skipped.push({
        deploymentId: deployment.id,
        runId,
        reason: 'untrusted-deployment',
        detail: `deployment ${deployment.id} was promoted by a '${run.event}' run on ${run.head_branch ?? 'no branch'}, not a push to ${query.branch}`,
      });
      continue;
    }
    const artifacts = (await client.listRunArtifacts(runId, query.artifactName)).filter((a) =>
      artifactId === undefined ? a.name === query.artifactName : a.id === artifactId,
    );
    const artifact = artifacts[0];
    if (!artifact) {
      return none(
        'deployed-artifact-missing',
        `run ${runId} promoted to '${query.environment}' has no artifact ` +
          (artifactId === undefined ? `named '${query.artifactName}'` : `with id ${artifactId}`),
      );
    }
    if (isExpired(artifact, now)) {
      return none(
        'deployed-artifact-expired',
        `the evidence of the model promoted to '${query.environment}' (run ${runId}, artifact ${artifact.id}) ` +
          `expired${artifact.expires_at ? ` on ${artifact.expires_at}` : ''}; re-run that workflow or promote ` +
          `again to restore a baseline, and raise the artifact retention-days`,
      );
    }
    return {
      none: false,
      source: 'deployment',
      run,
      artifact,
      commitsBehind: null,
      ageMs: Math.max(0, now - Date.parse(run.created_at)),
      deploymentId: deployment.id,
      promotion: {
        deploymentId: deployment.id,
        environment: query.environment,
        createdAt: deployment.created_at,
        runRef: runRef ?? null,
        forced: forced === true,
      },
      skipped,
    };
  }
  return none(
    'no-deployment',
    `no deployment to environment '${query.environment}'${query.task ? ` with task '${query.task}'` : ''} ` +
      `has a successful latest status (${deployments.length} examined)`,
  );
}

function parsePayload(payload: Record<string, unknown> | string): unknown {
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}
