/**
 * An evidence artifact of an earlier job, downloaded into a fresh folder and read like a workspace.
 * The baseline and the shards of a run both come this way; entries our extractor refused stay
 * visible as gaps, so a partly extracted artifact never reads as complete evidence.
 */
import { promises as fs } from 'node:fs';
import type { ReadOptions } from '../contexta/read.js';
import type { Evidence } from '../evidence/model.js';
import type { ArtifactTransfer } from '../github/artifacts.js';
import type { Artifact } from '../github/schemas.js';
import { openEvidence } from '../sources/open.js';

/**
 * Empties `dir`, extracts the artifact into it and reads it. `what` names the artifact in the gap of a
 * refused entry ("baseline artifact", "artifact"). Expired artifacts and unusable zips throw
 * (`ArtifactExpiredError`, `ZipArchiveError`) for the caller to turn into its own problem text.
 */
export async function openArtifactEvidence(
  transfer: ArtifactTransfer,
  artifact: Artifact,
  dir: string,
  read: Partial<ReadOptions>,
  what: string,
): Promise<Evidence> {
  await fs.rm(dir, { recursive: true, force: true });
  const extracted = await transfer.downloadArtifact(artifact.id, dir);
  const evidence = await openEvidence(dir, read);
  for (const rejected of extracted.rejected) {
    evidence.gaps.push({
      code: 'file_unreadable',
      severity: 'warning',
      file: rejected.name,
      message: `${what} entry '${rejected.name}' was not extracted: ${rejected.reason}`,
    });
  }
  return evidence;
}
