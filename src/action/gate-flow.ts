/**
 * The action's main job, start to finish: config → candidate evidence → upload → baseline → gate →
 * report (files, summary, annotations, comment or review, check run, outputs) → promote → verdict.
 * Anything that talks to GitHub degrades to a notice when a permission is missing: the report
 * still reaches the job summary, and the verdict still decides the step.
 */
import path from 'node:path';
import * as core from '@actions/core';
import type { ReadOptions } from '../contexta/read.js';
import { judgeRuns } from '../engine/engine.js';
import type { Evidence } from '../evidence/model.js';
import type { GateReport } from '../gates/types.js';
import type { WaiverRequests } from '../gates/waivers.js';
import type { GitHubClient } from '../github/client.js';
import { GitHubPermissionError } from '../github/errors.js';
import { promote } from '../promote/promote.js';
import { renderMarkdown } from '../report/markdown.js';
import { openEvidence } from '../sources/open.js';
import { type ResolvedBaseline, resolveBaseline } from './baseline.js';
import { loadGateConfig } from './config-source.js';
import type { RunnerContext } from './context.js';
import { createDuckDbLoader, createLedgerReader } from './ledger.js';
import {
  createCheckRun,
  failureLine,
  publishToPullRequest,
  setOutputs,
  shouldFail,
  writeJobSummary,
  writeReportFiles,
} from './reporting.js';
import type { Settings } from './settings.js';
import { uploadEvidence } from './upload.js';
import { collectWaiverRequests } from './waivers.js';

/** Runs a GitHub call that is a nice-to-have: a missing permission becomes a notice, not a failure. */
async function bestEffort<T>(what: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GitHubPermissionError) {
      core.notice(`contexta/gate: skipped ${what}: ${error.message}`);
    } else {
      core.warning(`contexta/gate: ${what} failed: ${(error as Error).message}`);
    }
    return null;
  }
}

export interface GateFlowInput {
  settings: Settings;
  ctx: RunnerContext;
  github: GitHubClient | null;
  /** The evidence to judge; defaults to the `workspace` input. */
  candidatePath?: string;
  /** Where comments and statuses go (publish mode passes the PR found for the triggering run). */
  target?: { prNumber: number | null; headSha: string };
}

export interface GateFlowResult {
  report: GateReport;
  baseline: ResolvedBaseline;
}

/** The `project` input: gate one project of a workspace that holds several. */
export function onlyProject(evidence: Evidence, project: string | null): Evidence {
  if (project === null) return evidence;
  const projects = evidence.projects.filter((p) => p.name === project);
  if (projects.length === 0 && evidence.projects.length > 0) {
    throw new ProjectNotFoundError(
      `Input 'project': no project '${project}' in ${evidence.source.root}; it holds ${evidence.projects.map((p) => `'${p.name}'`).join(', ')}.`,
    );
  }
  return { ...evidence, projects };
}

export class ProjectNotFoundError extends Error {
  override name = 'ProjectNotFoundError';
}

function annotate(report: GateReport, configSource: string): void {
  for (const gate of report.gates) {
    const title = `contexta/gate: ${gate.name}`;
    if (gate.outcome === 'fail') core.error(gate.message, { title });
    else if (gate.outcome === 'warn') core.warning(gate.message, { title });
  }
  if (report.verdict === 'unknown')
    core.warning(report.headline, { title: 'contexta/gate: verdict unknown' });
  core.info(`contexta/gate: config from ${configSource}`);
}

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

export async function runGateFlow(input: GateFlowInput): Promise<GateFlowResult> {
  const { settings, ctx, github } = input;
  const workDir = path.join(ctx.runnerTemp, 'contexta-gate', `${ctx.runId}-${ctx.runAttempt}`);
  const duckdb = createDuckDbLoader(ctx.runnerTemp);
  const read: Partial<ReadOptions> = {
    ledger: createLedgerReader(duckdb),
    ...(settings.maxLineBytes === null ? {} : { maxLineBytes: settings.maxLineBytes }),
    ...(settings.maxJsonDepth === null ? {} : { maxDepth: settings.maxJsonDepth }),
  };

  const loaded = await loadGateConfig(settings, ctx, github);
  for (const warning of loaded.warnings) core.warning(`contexta/gate: ${warning}`);

  const workspace = input.candidatePath ?? path.resolve(ctx.workspaceDir, settings.workspace);
  const candidate = onlyProject(await openEvidence(workspace, read), settings.project);

  const uploaded =
    github && settings.upload && settings.mode !== 'publish'
      ? await uploadEvidence(workspace, settings, ctx, github)
      : null;

  const baseline = await resolveBaseline({ settings, ctx, github, workDir, read });
  if (baseline.evidence) baseline.evidence = onlyProject(baseline.evidence, settings.project);
  for (const line of baseline.skipped) core.info(`contexta/gate: baseline candidate skipped: ${line}`);

  const waivers: WaiverRequests =
    github && ctx.pullRequest
      ? ((await bestEffort('reading waiver labels and trailers', () => collectWaiverRequests(github, ctx))) ??
        {})
      : {};

  const prNumber = input.target?.prNumber ?? ctx.pullRequest?.number ?? ctx.mergeGroup?.prNumber ?? null;
  const headSha = input.target?.headSha ?? ctx.pullRequest?.headSha ?? ctx.sha;
  const report = judgeRuns({
    baseline: baseline.evidence,
    candidate,
    config: loaded.config,
    waivers,
    ...(settings.run ? { candidateRun: settings.run } : {}),
    context: {
      repository: `${ctx.owner}/${ctx.repo}`,
      ...(prNumber === null ? {} : { pullRequest: prNumber }),
      sha: headSha,
      ...(baseline.sha ? { baselineSha: baseline.sha } : {}),
      baselineSource: baseline.description,
      configSource: loaded.source,
    },
  });
  if (uploaded?.note) report.notes.push(uploaded.note);

  const key = settings.artifactName;
  const markdown = renderMarkdown(report, { runUrl: ctx.runUrl });
  const files = await writeReportFiles(workDir, report, markdown);
  annotate(report, loaded.source);
  await writeJobSummary(markdown);

  let commentUrl = '';
  if (github && prNumber !== null) {
    const posted = await bestEffort('posting the pull request comment', () =>
      publishToPullRequest({ github, prNumber, key, runUrl: ctx.runUrl }, report, settings),
    );
    commentUrl = posted?.url ?? '';
    if (posted) core.info(`contexta/gate: comment: ${posted.note}`);
  }
  if (github && settings.mode !== 'publish') {
    await bestEffort('creating the check run', () =>
      createCheckRun(github, report, headSha, ctx.runUrl, markdown),
    );
  }

  let deploymentId = '';
  if (settings.mode === 'promote' && github && settings.environment) {
    const run = candidateRunRef(report, candidate);
    if (!run) throw new Error('Cannot promote: the workspace holds no run to promote.');
    const result = await promote(
      github,
      {
        environment: settings.environment,
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
        baselineSource: baseline.description,
        keyMetrics: keyMetrics(report),
        reportUrl: commentUrl || ctx.runUrl,
        workspace: candidate.source.kind === 'contexta' ? workspace : null,
      },
      duckdb,
    );
    if (result.promoted) {
      deploymentId = String(result.deploymentId);
      core.info(
        `contexta/gate: ${result.reused ? 'found the deployment of this run' : 'created deployment'} ${result.deploymentId} for ${run.runRef} in ${settings.environment}${result.forced ? ' (forced)' : ''}`,
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
      if (settings.upload) await uploadEvidence(workspace, settings, ctx, github);
    } else {
      core.setFailed(`contexta/gate: ${result.reason}`);
    }
  }

  setOutputs(report, files, baseline, { 'comment-url': commentUrl, 'deployment-id': deploymentId });
  if (shouldFail(report, settings.failOn)) core.setFailed(failureLine(report));
  return { report, baseline };
}
