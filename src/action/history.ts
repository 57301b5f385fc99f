/**
 * The history chain in the action. The previous history rides in the baseline artifact the job
 * already downloads (no API call per earlier run); a push to the default branch of the repository
 * itself appends this run and the upload carries `history.jsonl` at the artifact's root. Pull
 * requests, merge queues and forks read history, never write it: their evidence is untrusted.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { z } from 'zod';
import type { Evidence } from '../evidence/model.js';
import { ArtifactTransfer } from '../github/artifacts.js';
import type { GitHubClient } from '../github/client.js';
import { ArtifactExpiredError } from '../github/errors.js';
import { historyRecords } from '../history/from-evidence.js';
import { HISTORY_FILE, type HistoryRecord } from '../history/record.js';
import { appendHistory, type History, readHistoryFile, serializeHistory } from '../history/store.js';
import { ZipArchiveError } from '../zip/safe-unzip.js';
import type { ResolvedBaseline } from './baseline.js';
import type { RunnerContext } from './context.js';
import type { Settings } from './settings.js';

const PushPayload = z.object({
  repository: z.object({ default_branch: z.string().min(1), fork: z.boolean().optional() }),
});

/** True for a push to the default branch of a repository that is not a fork. */
export function writesHistory(ctx: RunnerContext, eventPath: string | undefined): boolean {
  if (ctx.eventName !== 'push' || ctx.pullRequest || ctx.mergeGroup || !eventPath) return false;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch {
    return false;
  }
  const parsed = PushPayload.safeParse(payload);
  if (!parsed.success || parsed.data.repository.fork === true) return false;
  return ctx.ref === `refs/heads/${parsed.data.repository.default_branch}`;
}

/** The earlier runs' records to judge against; null when the baseline carried no history. */
export function historyToJudge(baseline: ResolvedBaseline, project: string | null): HistoryRecord[] | null {
  if (!baseline.history) return null;
  return baseline.history.records.filter((r) => project === null || r.project === project);
}

export interface WrittenHistory {
  /** Absolute path of the written `history.jsonl`. */
  file: string;
  note: string;
}

/**
 * Appends this run to the baseline's history and writes it at the workspace root. A missing chain
 * (first run, expired artifact, a baseline without history) restarts the history, and the note says
 * so.
 */
export async function writeRunHistory(
  workspace: string,
  ctx: RunnerContext,
  baseline: ResolvedBaseline,
  candidate: Evidence,
  now: Date,
): Promise<WrittenHistory> {
  const earlier = baseline.history?.records ?? [];
  const added = historyRecords(candidate, {
    runId: ctx.runId,
    commit: ctx.sha,
    recordedAt: now.toISOString(),
  });
  const records = appendHistory(earlier, added);
  const file = path.join(workspace, HISTORY_FILE);
  // A sharded gate job writes into a folder of its own, made only when there is a history to write.
  await fs.mkdir(workspace, { recursive: true });
  await fs.writeFile(file, serializeHistory(records));
  const projects = new Set(records.map((r) => r.project)).size;
  const kept = `${records.length} record${records.length === 1 ? '' : 's'} of ${projects} project${projects === 1 ? '' : 's'}`;
  let note: string;
  if (baseline.history) {
    note = `history: this run appended to ${HISTORY_FILE} (${kept}, the last 100 runs per project kept)`;
  } else if (baseline.evidence) {
    note = `history restarted with this run: the baseline artifact holds no ${HISTORY_FILE} (${kept})`;
  } else {
    note = `history restarted with this run: no earlier history could be fetched (${baseline.description}) (${kept})`;
  }
  return { file, note };
}

/** The artifact a sharded gate job keeps the merged run's history in. */
export function historyArtifactName(base: string): string {
  return `${base}-history`;
}

/**
 * Uploads a sharded gate job's history as its own artifact. Like the evidence upload, a failure is
 * reported and never fails the gate; the next run then restarts the history and says so.
 */
export async function uploadShardedHistory(
  history: WrittenHistory,
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient,
): Promise<string | null> {
  if (ctx.isGhes)
    return 'the history was not uploaded: GitHub Enterprise Server has no artifact service for actions';
  const name = historyArtifactName(settings.artifactName);
  try {
    const uploaded = await new ArtifactTransfer(github).uploadWorkspace(
      name,
      path.dirname(history.file),
      [history.file],
      settings.retentionDays ?? undefined,
    );
    core.info(`contexta/gate: uploaded the merged run's ${HISTORY_FILE} as '${name}' (${uploaded.id})`);
    return null;
  } catch (error) {
    core.warning(`contexta/gate: the history artifact could not be uploaded: ${(error as Error).message}`);
    return `the history artifact '${name}' could not be uploaded: ${(error as Error).message}`;
  }
}

/**
 * The history a sharded gate job of `runId` uploaded; null when the run has none (its gate job
 * was not a push to the default branch, or the artifact expired or cannot be read — the chain then
 * restarts and the note says so).
 */
export async function downloadShardedHistory(
  github: GitHubClient,
  runId: number,
  base: string,
  dir: string,
): Promise<History | null> {
  const name = historyArtifactName(base);
  const artifact = (await github.listRunArtifacts(runId))
    .filter((a) => a.name === name && !a.expired)
    .sort((a, b) => b.id - a.id)[0];
  if (!artifact) return null;
  await fs.rm(dir, { recursive: true, force: true });
  try {
    await new ArtifactTransfer(github).downloadArtifact(artifact.id, dir);
    return await readHistoryFile(path.join(dir, HISTORY_FILE));
  } catch (error) {
    if (error instanceof ArtifactExpiredError || error instanceof ZipArchiveError) return null;
    throw error;
  }
}
