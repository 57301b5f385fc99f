/**
 * Promotion: after the gate has judged the workspace, record that the candidate moved forward — as
 * a GitHub Deployment (with statuses) and as a deployment record inside the evidence itself.
 * Re-running the same workflow run finds the deployment it created before instead of making a
 * second one, and the record writer recognises its own record.
 */
import path from 'node:path';
import type { DuckDbLoader } from '../duckdb/loader.js';
import type { GitHubClient } from '../github/client.js';
import type { Deployment } from '../github/schemas.js';
import { type LedgerRowOutcome, writeDeploymentRow } from './ledger-row.js';
import { buildPromotionRecord, type PromotionFacts, type PromotionStatus } from './record.js';
import { type WriteOutcome, writePromotionRecord } from './write-record.js';

export const PROMOTION_TASK = 'promote:model';

export interface PromotionRequest {
  environment: string;
  sha: string;
  ref: string;
  workflowRunId: number;
  workflowRunUrl: string;
  project: string;
  runRef: string;
  verdict: string;
  failing: boolean;
  force: boolean;
  baselineRunRef: string | null;
  baselineSource: string | null;
  keyMetrics: Record<string, number>;
  reportUrl: string | null;
  /** Workspace directory the deployment record is appended to (the one that is re-uploaded). */
  workspace: string | null;
}

export type PromotionResult =
  | { promoted: false; reason: string }
  | {
      promoted: true;
      deploymentId: number;
      reused: boolean;
      forced: boolean;
      status: PromotionStatus;
      record: WriteOutcome | null;
      /** The workspace ledger's `deployment_executions` row; null when there is no workspace or no DuckDB loader. */
      ledger: LedgerRowOutcome | null;
    };

/** The deployment payload is what `baseline: deployment:<env>` reads back later. */
export interface PromotionPayload {
  run_id: number;
  run_url: string;
  project: string;
  run_ref: string;
  verdict: string;
  forced: boolean;
  baseline_run_ref: string | null;
  baseline_source: string | null;
  key_metrics: Record<string, number>;
  report_url: string | null;
}

function payloadRunId(deployment: Deployment): number | null {
  let payload: unknown = deployment.payload;
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload);
    } catch {
      return null;
    }
  }
  const id = (payload as { run_id?: unknown } | null)?.run_id;
  return typeof id === 'number' ? id : null;
}

/**
 * `duckdb` loads the engine for the ledger row; without it (or without a ledger in the workspace)
 * only the event record is written.
 */
export async function promote(
  github: GitHubClient,
  request: PromotionRequest,
  duckdb: DuckDbLoader | null = null,
): Promise<PromotionResult> {
  if (request.failing && !request.force) {
    return {
      promoted: false,
      reason: `Not promoted to ${request.environment}: the gate verdict is ${request.verdict}. Fix the failing gates, or set force: true to promote anyway (recorded as forced).`,
    };
  }
  const startedAt = new Date();
  const forced = request.failing && request.force;

  const earlier = await github.listDeployments({
    environment: request.environment,
    sha: request.sha,
    task: PROMOTION_TASK,
    limit: 100,
  });
  const existing = earlier.find((deployment) => payloadRunId(deployment) === request.workflowRunId);

  let deploymentId: number;
  if (existing) {
    deploymentId = existing.id;
  } else {
    const payload: PromotionPayload = {
      run_id: request.workflowRunId,
      run_url: request.workflowRunUrl,
      project: request.project,
      run_ref: request.runRef,
      verdict: request.verdict,
      forced,
      baseline_run_ref: request.baselineRunRef,
      baseline_source: request.baselineSource,
      key_metrics: request.keyMetrics,
      report_url: request.reportUrl,
    };
    const created = await github.createDeployment({
      ref: request.sha,
      environment: request.environment,
      task: PROMOTION_TASK,
      payload: payload as unknown as Record<string, unknown>,
      description: `${request.runRef} (gate ${request.verdict}${forced ? ', forced' : ''})`,
      productionEnvironment: request.environment === 'production',
    });
    deploymentId = created.id;
    await github.createDeploymentStatus(deploymentId, {
      state: 'in_progress',
      logUrl: request.workflowRunUrl,
      description: 'contexta/gate is recording the promotion',
    });
  }

  let record: WriteOutcome | null = null;
  let ledger: LedgerRowOutcome | null = null;
  const status: PromotionStatus = 'completed';
  const endedAt = new Date();
  const facts: PromotionFacts = {
    project: request.project,
    runRef: request.runRef,
    environment: request.environment,
    status,
    startedAt,
    endedAt,
    githubDeploymentId: deploymentId,
    sha: request.sha,
    verdict: request.verdict,
    forced,
    workflowRunUrl: request.workflowRunUrl,
    baselineRunRef: request.baselineRunRef,
  };
  try {
    if (request.workspace) {
      record = await writePromotionRecord(request.workspace, buildPromotionRecord(facts));
    }
  } catch (error) {
    await github.createDeploymentStatus(deploymentId, {
      state: 'failure',
      logUrl: request.workflowRunUrl,
      description: `Could not write the deployment record: ${(error as Error).message}`,
    });
    throw error;
  }
  if (request.workspace && duckdb) {
    // Never fails the promotion: every problem comes back as a typed `skipped` outcome.
    ledger = await writeDeploymentRow(path.join(request.workspace, 'metadata', 'ledger.db'), facts, duckdb);
  }
  await github.createDeploymentStatus(deploymentId, {
    state: 'success',
    logUrl: request.workflowRunUrl,
    description: `${request.runRef} promoted${forced ? ' (forced past a failing gate)' : ''}`,
  });
  return { promoted: true, deploymentId, reused: existing !== undefined, forced, status, record, ledger };
}
