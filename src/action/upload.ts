/**
 * Uploads the evidence of this job as a workflow artifact, so later runs can use it as their
 * baseline. A failed upload never fails the gate: it is reported, because this run's own verdict
 * does not depend on it.
 */
import * as core from '@actions/core';
import { ArtifactTransfer } from '../github/artifacts.js';
import type { GitHubClient } from '../github/client.js';
import { collectEvidenceFiles } from './collect.js';
import type { RunnerContext } from './context.js';
import type { Settings } from './settings.js';

export interface UploadOutcome {
  artifactId: number | null;
  note: string | null;
}

export async function uploadEvidence(
  workspace: string,
  settings: Settings,
  ctx: RunnerContext,
  github: GitHubClient,
  /** Files the job wrote inside the workspace for later runs (`history.jsonl`). */
  extraFiles: string[] = [],
): Promise<UploadOutcome> {
  if (ctx.isGhes) {
    return {
      artifactId: null,
      note: 'The evidence was not uploaded: GitHub Enterprise Server has no artifact service for actions.',
    };
  }
  const collected = await collectEvidenceFiles(workspace);
  collected.files.push(...extraFiles.filter((file) => !collected.files.includes(file)));
  for (const skipped of collected.skipped)
    core.info(`contexta/gate: not uploaded: ${skipped.file} (${skipped.reason})`);
  if (collected.files.length === 0) return { artifactId: null, note: 'No evidence files to upload.' };
  try {
    const transfer = new ArtifactTransfer(github);
    const uploaded = await transfer.uploadWorkspace(
      settings.artifactName,
      workspace,
      collected.files,
      settings.retentionDays ?? undefined,
    );
    const replaced = uploaded.replacedArtifactId
      ? ` (replacing ${uploaded.replacedArtifactId} of an earlier attempt)`
      : '';
    core.info(
      `contexta/gate: uploaded ${uploaded.files} evidence files as '${settings.artifactName}' (${uploaded.id})${replaced}`,
    );
    const capped = collected.skipped.filter((s) => s.reason.includes('cap') || s.reason.includes('larger'));
    return {
      artifactId: uploaded.id,
      note:
        capped.length > 0
          ? `${capped.length} evidence file(s) were too large to upload; later runs will see an incomplete baseline.`
          : null,
    };
  } catch (error) {
    core.warning(`contexta/gate: the evidence artifact could not be uploaded: ${(error as Error).message}`);
    return {
      artifactId: null,
      note: `The evidence artifact could not be uploaded: ${(error as Error).message}`,
    };
  }
}
