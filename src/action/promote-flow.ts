/**
 * `mode: promote` — judge the workspace like `mode: gate`, then record the candidate run as deployed
 * to `environment` (a GitHub deployment, a ledger row and a `deployment.promoted` record), unless the
 * gate failed and `force` is off.
 */
import * as core from '@actions/core';
import type { Evidence } from '../evidence/model.js';
import type { GateReport } from '../gates/types.js';
import type { GitHubClient } from '../github/client.js';
import { promote } from '../promote/promote.js';
import type { RunnerContext } from './context.js';
import { conclude, type Judged, judge } from './judge.js';
import { type Settings, SettingsError } from './settings.js';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

import { uploadEvidence } from './upload.js';

function keyMetrics(report: GateReport): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const gate of report.gates) {
    for (const check of gate.checks) {
      if (
        check.metric &&
        check.slice === null &&
        check.candidate !== null &&
        Object.keys(metrics).length < 20
      ) {
        metrics[`${check.stage ?? 'run'}/${check.metric}`] = check.candidate;
      }
    }
  }
  return metrics;
}

function candidateRunRef(report: GateReport, evidence: Evidence): { project: string; runRef: string } | null {
  const run = report.candidate.runs[0];
  if (run) return { project: run.project, runRef: run.ref };
  const project = evidence.projects[0];
  const only = project?.runs[0];
  return project && only ? { project: project.name, runRef: only.ref } : null;
}

/** Promotes the judged run; returns the deployment id, or '' when nothing was promoted. */
async function promoteJudged(
  judged: Judged,
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient,
  environment: string,
): Promise<string> {
  const { report, candidate, workspace } = judged;
  const run = candidateRunRef(report, candidate);
  if (!run) throw new Error('Cannot promote: the workspace holds no run to promote.');
  const result = await promote(
    github,
    {
      environment,
      sha: ctx.sha,
      ref: ctx.ref,
      workflowRunId: ctx.runId,
      workflowRunUrl: ctx.runUrl,
      project: run.project,
      runRef: run.runRef,
      verdict: report.verdict,
      failing: report.exit.outcome === 'fail',
      force: settings.force,
      baselineRunRef: report.baseline?.runs[0]?.ref ?? null,
      baselineSource: judged.baseline.description,
      keyMetrics: keyMetrics(report),
      reportUrl: judged.commentUrl || ctx.runUrl,
      workspace: candidate.source.kind === 'contexta' ? workspace : null,
    },
    judged.duckdb,
  );
  if (!result.promoted) {
    core.setFailed(`contexta/gate: ${result.reason}`);
    return '';
  }
  core.info(
    `contexta/gate: ${result.reused ? 'found the deployment of this run' : 'created deployment'} ${result.deploymentId} for ${run.runRef} in ${environment}${result.forced ? ' (forced)' : ''}`,
  );
  const row = result.ledger;
  if (row?.outcome === 'written')
    core.info(
      `contexta/gate: ledger row ${row.ref} ${row.replaced ? 'updated' : 'added'} (deployment_executions)`,
    );
  else if (row?.outcome === 'skipped')
    core.warning(
      `contexta/gate: the ledger's deployment row was not written (${row.code}): ${row.reason}; the deployment.promoted record written to the evidence holds the same facts`,
    );
  // Uploaded again so the artifact carries the promotion record and ledger row just written.
  if (settings.upload) {
    await uploadEvidence(workspace, settings, ctx, github, judged.historyFile ? [judged.historyFile] : []);
  }
  return String(result.deploymentId);
}

export async function runPromoteFlow(
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient | null,
): Promise<void> {
  if (PULL_REQUEST_EVENTS.has(ctx.eventName)) {
    // A PR's workflow file is the PR author's: promoting from it would let anyone deploy a baseline.
    throw new SettingsError([
      `mode: promote is refused on a '${ctx.eventName}' event: promotions record what was deployed, so they run only on a push to the default branch (on: push: branches: [main]).`,
    ]);
  }
  const judged = await judge({ settings, ctx, github, checkRun: true });
  const deploymentId =
    github && settings.environment
      ? await promoteJudged(judged, settings, ctx, github, settings.environment)
      : '';
  conclude(judged, settings, deploymentId);
}
