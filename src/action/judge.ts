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
import { SampleNames } from '../evidence/sample-names.js';
import type { GateReport } from '../gates/types.js';
import type { WaiverRequests } from '../gates/waivers.js';
import type { GitHubClient } from '../github/client.js';
import { GitHubPermissionError } from '../github/errors.js';
import { renderMarkdown, trendChart } from '../report/index.js';
import { openEvidence } from '../sources/open.js';
import { createParsePool, parseThreads } from '../sources/parse-workers.js';
import { type ResolvedBaseline, resolveBaseline } from './baseline.js';
import { loadGateConfig } from './config-source.js';
import type { RunnerContext } from './context.js';
import { historyToJudge, uploadShardedHistory, writeRunHistory, writesHistory } from './history.js';
import { createDuckDbLoader, createLedgerReader } from './ledger.js';
import { onlyProject } from './project.js';
import { redact } from './redaction.js';
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
      core.notice(redact(`contexta/gate: skipped ${what}: ${error.message}`));
    } else {
      core.warning(redact(`contexta/gate: ${what} failed: ${(error as Error).message}`));
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
  /** The `history.jsonl` this run wrote into the workspace (uploaded with the evidence), or null. */
  historyFile: string | null;
}

function annotate(report: GateReport, configSource: string): void {
  for (const gate of report.gates) {
    const title = redact(`contexta/gate: ${gate.name}`);
    if (gate.outcome === 'fail') core.error(redact(gate.message), { title });
    else if (gate.outcome === 'warn') core.warning(redact(gate.message), { title });
  }
  if (report.verdict === 'unknown')
    core.warning(redact(report.headline), { title: 'contexta/gate: verdict unknown' });
  core.info(redact(`contexta/gate: config from ${configSource}`));
}

/**
 * One scratch directory per step: two gate steps in one job (a matrix of projects, or two configs)
 * must not write their report.json over each other's.
 */
export function stepDirName(ctx: RunnerContext, settings: Settings): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  const step = ctx.stepId ? `-${safe(ctx.stepId)}` : '';
  return `${ctx.runId}-${ctx.runAttempt}-${safe(settings.artifactName)}${step}`;
}

export async function judge(input: JudgeInput): Promise<Judged> {
  const { settings, ctx, github } = input;
  const workDir = path.join(ctx.runnerTemp, 'contexta-gate', stepDirName(ctx, settings));
  const duckdb = createDuckDbLoader(ctx.runnerTemp);
  const pool = createParsePool(parseThreads(settings.maxWorkers));
  const read: Partial<ReadOptions> = {
    ledger: createLedgerReader(duckdb),
    pool,
    sampleNames: new SampleNames(),
    ...(settings.maxLineBytes === null ? {} : { maxLineBytes: settings.maxLineBytes }),
    ...(settings.maxJsonDepth === null ? {} : { maxDepth: settings.maxJsonDepth }),
  };

  const loaded = await loadGateConfig(settings, ctx, github);
  for (const warning of loaded.warnings) core.warning(redact(`contexta/gate: ${warning}`));

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

  const baseline = await resolveBaseline({ settings, ctx, github, workDir, read });
  await pool?.close();
  read.sampleNames?.release();
  if (baseline.evidence) baseline.evidence = onlyProject(baseline.evidence, settings.project);
  if (baseline.evidence && baseline.history) baseline.evidence.gaps.push(...baseline.history.gaps);
  // The history is written before the upload so the artifact carries it; only trusted pushes write.
  // A sharded gate job keeps the merged run's history in an artifact of its own.
  const historyDir = sharded ? path.join(workDir, 'history') : workspace;
  const history =
    github && settings.upload && writesHistory(ctx, process.env.GITHUB_EVENT_PATH)
      ? await writeRunHistory(historyDir, ctx, baseline, candidate, new Date())
      : null;
  const historyProblem =
    github && history && sharded ? await uploadShardedHistory(history, settings, ctx, github) : null;
  const uploaded =
    github && settings.upload && !sharded
      ? await uploadEvidence(workspace, settings, ctx, github, history ? [history.file] : [])
      : null;
  for (const line of baseline.skipped)
    core.info(redact(`contexta/gate: baseline candidate skipped: ${line}`));

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
    history: historyToJudge(baseline, settings.project),
    ...(settings.run ? { candidateRun: settings.run } : {}),
    context: {
      repository: `${ctx.owner}/${ctx.repo}`,
      ...(prNumber === null ? {} : { pullRequest: prNumber }),
      sha: headSha,
      ...(baseline.sha ? { baselineSha: baseline.sha } : {}),
      baselineSource: baseline.description,
      ...(baseline.runUrl ? { baselineRunUrl: baseline.runUrl } : {}),
      ...(baseline.runId === null ? {} : { baselineRunId: baseline.runId }),
      ...(baseline.branch ? { baselineBranch: baseline.branch } : {}),
      ...(baseline.age ? { baselineAge: baseline.age } : {}),
      configSource: loaded.source,
    },
  });
  if (uploaded?.note) report.notes.push(uploaded.note);
  if (loaded.notices.length > 0) report.configNotices = loaded.notices;
  if (history) report.notes.push(history.note);
  if (historyProblem) report.notes.push(historyProblem);

  const key = settings.artifactName;
  const markdown = redact(renderMarkdown(report, { runUrl: ctx.runUrl, audience: 'action' }));
  const files = await writeReportFiles(workDir, report, markdown);
  annotate(report, loaded.source);
  await writeJobSummary(markdown + trendChart(report));

  let commentUrl = '';
  if (github && prNumber !== null) {
    const posted = await bestEffort('posting the pull request comment', () =>
      publishToPullRequest({ github, prNumber, key, runUrl: ctx.runUrl, headSha }, report, settings),
    );
    commentUrl = posted?.url ?? '';
    if (posted) core.info(redact(`contexta/gate: comment: ${posted.note}`));
  }
  if (github && input.checkRun) {
    await bestEffort('creating the check run', () =>
      createCheckRun(github, report, { headSha, runUrl: ctx.runUrl, markdown, path: settings.configPath }),
    );
  }
  return {
    report,
    baseline,
    candidate,
    workspace,
    duckdb,
    files,
    commentUrl,
    historyFile: history?.file ?? null,
  };
}

/** The step outputs, then the verdict: fails the step when the report says so under `fail-on`. */
export function conclude(judged: Judged, settings: Settings, deploymentId = ''): void {
  const { report } = judged;
  setOutputs(report, judged.files, judged.baseline, {
    'comment-url': judged.commentUrl,
    'deployment-id': deploymentId,
  });
  if (shouldFail(report, settings.failOn)) core.setFailed(redact(failureLine(report)));
}
