/**
 * `mode: collect` — one job of a matrix: upload this shard's workspace under its shard name for the
 * gate job (`shards: <n>`) to merge. Nothing is gated or commented here: a verdict over one shard
 * is not the run's verdict. A shard that cannot be uploaded fails its job, and the gate job then
 * reports the shard as missing.
 */
import path from 'node:path';
import * as core from '@actions/core';
import type { GitHubClient } from '../github/client.js';
import type { RunnerContext } from './context.js';
import { type Settings, SettingsError } from './settings.js';
import { shardArtifactName } from './shards.js';
import { uploadEvidence } from './upload.js';

export async function runCollectFlow(
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient | null,
): Promise<void> {
  const shard = settings.shard;
  if (!shard) throw new SettingsError(["Input 'shard' is required when mode is 'collect' (e.g. 2/4)."]);
  if (!github) throw new SettingsError(["mode: collect needs 'github-token' to upload the shard."]);
  const name = shardArtifactName(settings.artifactName, shard.index, shard.of);
  const workspace = path.resolve(ctx.workspaceDir, settings.workspace);
  const uploaded = await uploadEvidence(workspace, { ...settings, artifactName: name }, ctx, github);
  if (uploaded.artifactId === null) {
    core.setFailed(
      `contexta/gate: shard ${shard.index} of ${shard.of} was not uploaded (${uploaded.note ?? 'no artifact'}); the gate job will report it missing`,
    );
    return;
  }
  if (uploaded.note) core.warning(`contexta/gate: ${uploaded.note}`);
  core.info(
    `contexta/gate: shard ${shard.index} of ${shard.of} collected as '${name}'; the gate job merges it`,
  );
}
