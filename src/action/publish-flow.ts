/**
 * `mode: publish` — the second half of the fork-safe two-workflow pattern. Runs on `workflow_run`
 * from the default branch with a write token. The triggering run (possibly a fork's) is untrusted:
 * its evidence artifact is read as data by the same hardened readers, gated again with the base
 * branch's config and baseline, and the verdict is posted as the sticky comment and as a commit
 * status on the PR's head commit, which is what blocks the merge.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { ArtifactDigestError, ArtifactTransfer } from '../github/artifacts.js';
import type { GitHubClient } from '../github/client.js';
import type { PullRequestSimple } from '../github/schemas.js';
import { ZipArchiveError } from '../zip/safe-unzip.js';
import type { RunnerContext } from './context.js';
import { conclude, judge } from './judge.js';
import { redact } from './redaction.js';
import type { Settings } from './settings.js';

export const STATUS_CONTEXT = 'contexta-gate';

type StatusState = 'pending' | 'success' | 'failure' | 'error';

/** A triggering run we refuse to publish for, with the reason the status and the log give. */
class UntrustedRunError extends Error {
  override name = 'UntrustedRunError';
}

async function findPullRequest(
  github: GitHubClient,
  run: NonNullable<RunnerContext['workflowRun']>,
): Promise<PullRequestSimple | null> {
  const listed = run.pull_requests[0]?.number;
  const candidates: PullRequestSimple[] = [];
  if (listed !== undefined) {
    candidates.push(await github.getPull(listed));
  } else if (run.head_repository && run.head_branch) {
    // The run's PR list is empty for forks: find the open PR whose head is the fork's branch.
    const [headOwner] = run.head_repository.full_name.split('/');
    candidates.push(...(await github.listPullsByHead(`${headOwner}:${run.head_branch}`)));
  }
  // Only a PR whose head is exactly the commit that was evaluated may receive its verdict.
  return candidates.find((pull) => pull.head.sha === run.head_sha) ?? null;
}

/**
 * The triggering run must be a run of the `workflow` input's file as the default branch has it. A
 * fork can add its own workflow named like ours (`name: ml`) to trigger this one; its runs have
 * another path and another workflow id, and are refused.
 */
async function checkTrustedWorkflow(
  github: GitHubClient,
  runId: number,
  workflowFile: string,
): Promise<void> {
  const expectedPath = `.github/workflows/${workflowFile}`;
  const [repository, workflow, run] = await Promise.all([
    github.getRepository(),
    github.getWorkflow(workflowFile),
    github.getWorkflowRun(runId),
  ]);
  const onDefault = await github.getFileContent(expectedPath, repository.default_branch);
  if (!workflow || onDefault === null) {
    throw new UntrustedRunError(
      `the trusted workflow ${expectedPath} (input 'workflow') does not exist on ${repository.default_branch}`,
    );
  }
  if (run.path.replace(/@.*$/, '') !== expectedPath || run.workflow_id !== workflow.id) {
    throw new UntrustedRunError(
      `run ${runId} is a run of ${run.path.replace(/@.*$/, '') || `workflow ${run.workflow_id}`}, not of the trusted ${expectedPath}; its evidence is not published`,
    );
  }
}

export async function runPublishFlow(
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient,
): Promise<void> {
  const run = ctx.workflowRun;
  if (!run)
    throw new Error("mode: publish runs on 'workflow_run' events; this is a '" + ctx.eventName + "' event.");
  if (run.event !== 'pull_request') {
    core.info(
      `contexta/gate: the triggering run was a '${run.event}' run, not a pull request; nothing to publish.`,
    );
    return;
  }
  const status = (state: StatusState, description: string) =>
    github.createCommitStatus(run.head_sha, {
      state,
      context: STATUS_CONTEXT,
      description: redact(description),
      targetUrl: ctx.runUrl,
    });

  // Pending first, so a crash anywhere below can never leave the head commit without a status.
  await status('pending', `Judging the evidence of run ${run.id}`);
  try {
    await publish(settings, ctx, github, run, status);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UntrustedRunError) {
      await status('failure', `Refused: ${message}`);
      core.setFailed(redact(`contexta/gate: refused to publish: ${message}.`));
      return;
    }
    await status('error', `contexta/gate could not judge run ${run.id}: ${message}`).catch((statusError) =>
      core.warning(
        redact(`contexta/gate: could not set the error status: ${(statusError as Error).message}`),
      ),
    );
    throw error;
  }
}

async function publish(
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient,
  run: NonNullable<RunnerContext['workflowRun']>,
  status: (state: StatusState, description: string) => Promise<unknown>,
): Promise<void> {
  // readSettings requires `workflow` with mode: publish.
  const workflowFile = settings.workflow as string;
  await checkTrustedWorkflow(github, run.id, workflowFile);
  const pull = await findPullRequest(github, run);
  if (!pull) {
    await status('error', `No open pull request has head ${run.head_sha.slice(0, 7)}; nothing was judged`);
    core.notice(
      `contexta/gate: no open pull request has head ${run.head_sha.slice(0, 7)}; nothing to publish.`,
    );
    return;
  }

  const artifact = (await github.listRunArtifacts(run.id, settings.artifactName))
    .filter((a) => a.name === settings.artifactName && !a.expired)
    .sort((a, b) => b.id - a.id)[0];
  if (!artifact) {
    await status('error', `No '${settings.artifactName}' evidence artifact in run ${run.id}`);
    core.setFailed(
      `contexta/gate: run ${run.id} uploaded no '${settings.artifactName}' artifact; the gate step of the pull_request workflow must run with upload: true.`,
    );
    return;
  }
  const candidateDir = path.join(ctx.runnerTemp, 'contexta-gate', `candidate-${run.id}`);
  await fs.rm(candidateDir, { recursive: true, force: true });
  let downloaded: Awaited<ReturnType<ArtifactTransfer['downloadArtifact']>>;
  try {
    downloaded = await new ArtifactTransfer(github).downloadArtifact(artifact.id, candidateDir, {
      trusted: false,
      digest: artifact.digest,
    });
  } catch (error) {
    if (!(error instanceof ZipArchiveError || error instanceof ArtifactDigestError)) throw error;
    // The fork chose these bytes: unusable evidence is an error status, never a pass.
    await status('error', `Evidence artifact of run ${run.id} is unusable: ${error.message}`);
    core.setFailed(
      redact(
        `contexta/gate: the '${settings.artifactName}' artifact of run ${run.id} is unusable: ${error.message}`,
      ),
    );
    return;
  }
  for (const rejected of downloaded.rejected) {
    core.warning(
      redact(`contexta/gate: evidence entry '${rejected.name}' was not extracted: ${rejected.reason}`),
    );
  }

  const prContext: RunnerContext = {
    ...ctx,
    sha: run.head_sha,
    // Baselines are runs of the trusted workflow file, never of whatever workflow triggered us.
    workflowFile,
    pullRequest: {
      number: pull.number,
      baseRef: pull.base.ref,
      baseSha: pull.base.sha,
      headSha: pull.head.sha,
      headRepo: pull.head.repo?.full_name ?? null,
      fromFork: pull.head.repo?.full_name !== `${ctx.owner}/${ctx.repo}`,
      labels: pull.labels.map((label) => label.name),
      author: pull.user?.login ?? null,
    },
  };
  const publishSettings: Settings = { ...settings, upload: false, allowPrConfig: false };
  const judged = await judge({
    settings: publishSettings,
    ctx: prContext,
    github,
    checkRun: false,
    candidatePath: candidateDir,
    target: { prNumber: pull.number, headSha: run.head_sha },
  });
  conclude(judged, publishSettings);
  const { report } = judged;
  if (report.exit.outcome === 'fail') {
    await status('failure', report.headline);
  } else if (!judged.baseline.evidence) {
    // No trusted baseline means nothing was compared: never a green status for a fork's evidence.
    await status('failure', `No trusted baseline: ${judged.baseline.description}`);
    core.setFailed(
      redact(
        `contexta/gate: no trusted baseline to compare run ${run.id} with (${judged.baseline.description}); the status is failure until a successful run of ${workflowFile} on ${pull.base.ref} uploads evidence.`,
      ),
    );
  } else {
    await status('success', report.headline);
  }
}
