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
import { ArtifactTransfer } from '../github/artifacts.js';
import type { GitHubClient } from '../github/client.js';
import type { PullRequest } from '../github/schemas.js';
import type { RunnerContext } from './context.js';
import { conclude, judge } from './judge.js';
import type { Settings } from './settings.js';

export const STATUS_CONTEXT = 'contexta-gate';

async function findPullRequest(
  github: GitHubClient,
  run: NonNullable<RunnerContext['workflowRun']>,
): Promise<PullRequest | null> {
  const listed = run.pull_requests[0]?.number;
  const candidates: PullRequest[] = [];
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
  const pull = await findPullRequest(github, run);
  if (!pull) {
    core.notice(
      `contexta/gate: no open pull request has head ${run.head_sha.slice(0, 7)}; nothing to publish.`,
    );
    return;
  }

  const status = (state: 'pending' | 'success' | 'failure' | 'error', description: string) =>
    github.createCommitStatus(run.head_sha, {
      state,
      context: STATUS_CONTEXT,
      description,
      targetUrl: ctx.runUrl,
    });

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
  const downloaded = await new ArtifactTransfer(github).downloadArtifact(artifact.id, candidateDir);
  for (const rejected of downloaded.rejected) {
    core.warning(`contexta/gate: evidence entry '${rejected.name}' was not extracted: ${rejected.reason}`);
  }

  const prContext: RunnerContext = {
    ...ctx,
    sha: run.head_sha,
    // Baselines are runs of the workflow that produced the evidence, not of this publishing workflow.
    workflowFile: String(run.workflow_id),
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
  const state = report.exit.outcome === 'fail' ? 'failure' : 'success';
  await status(state, report.headline);
}
