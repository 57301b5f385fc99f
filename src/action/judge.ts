/**
 * The step every mode shares: config → candidate evidence → upload → baseline → gate → report
 * (files, summary, annotations, comment or review, check run), then the outputs and the verdict.
 * Anything that talks to GitHub degrades to a notice when a permission is missing: the report still
 * reaches the job summary, and the verdict still decides the step.
 */
import path from 'node:path';
import * as core from '@actions/core';
import type { ReadOptions } from '../contexta/read.js';
import type { DuckDbLoader } from '../duckdb/loader.js';
import { judgeRuns } from '../engine/engine.js';
import type { Evidence } from '../evidence/model.js';
import type { GateReport } from '../gates/types.js';
import type { WaiverRequests } from '../gates/waivers.js';
import type { GitHubClient } from '../github/client.js';
import { GitHubPermissionError } from '../github/errors.js';
import { renderMarkdown } from '../report/index.js';
import { openEvidence } from '../sources/open.js';
import { type ResolvedBaseline, resolveBaseline } from './baseline.js';
import { loadGateConfig } from './config-source.js';
import type { RunnerContext } from './context.js';
import { createDuckDbLoader, createLedgerReader } from './ledger.js';
import { onlyProject } from './project.js';
import {
  createCheckRun,
  failureLine,
  publishToPullRequest,
  type ReportFiles,
  setOutputs,
  shouldFail,
  writeJobSummary,
  writeReportFiles,
} from './reporting.js';
import type { Settings } from './settings.js';
import { readCurrentShards } from './shards.js';
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

export interface JudgeInput {
  settings: Settings;
  ctx: RunnerContext;
  github: GitHubClient | null;
  /** Create a check run for the verdict (publish posts a commit status instead). */
  checkRun: boolean;
  /** The evidence to judge; defaults to the `workspace` input. */
  candidatePath?: string;
  /** Where comments and statuses go when it is not the event's own pull request or commit. */
  target?: { prNumber: number | null; headSha: string };
}

export interface Judged {
  report: GateReport;
  baseline: ResolvedBaseline;
  candidate: Evidence;
  /** Absolute path of the candidate workspace. */
  workspace: string;
  duckdb: DuckDbLoader;
  files: ReportFiles;
  /** URL of the sticky comment or review, '' when none was posted. */
  commentUrl: string;
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

export async function judge(input: JudgeInput): Promise<Judged> {
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
  // With `shards`, the candidate is the run's shard artifacts, and they already are its evidence
  // for later runs: there is no workspace of this job to read or upload.
  const sharded = settings.shards !== null && input.candidatePath === undefined;
  const candidate = onlyProject(
    sharded
      ? await readCurrentShards(settings, ctx, github, { workDir, read })
      : await openEvidence(workspace, read),
    settings.project,
  );

  const uploaded =
    github && settings.upload && !sharded ? await uploadEvidence(workspace, settings, ctx, github) : null;

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
  if (github && input.checkRun) {
    await bestEffort('creating the check run', () =>
      createCheckRun(github, report, headSha, ctx.runUrl, markdown),
    );
  }
  return { report, baseline, candidate, workspace, duckdb, files, commentUrl };
}

/** The step outputs, then the verdict: fails the step when the report says so under `fail-on`. */
export function conclude(judged: Judged, settings: Settings, deploymentId = ''): void {
  const { report } = judged;
  setOutputs(report, judged.files, judged.baseline, {
    'comment-url': judged.commentUrl,
    'deployment-id': deploymentId,
  });
  if (shouldFail(report, settings.failOn)) core.setFailed(failureLine(report));
}
