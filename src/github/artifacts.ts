import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { DEFAULT_UNZIP_LIMITS, safeUnzip, type UnzipLimits, type UnzipResult } from '../zip/safe-unzip.js';
import type { GitHubClient } from './client.js';

/**
 * Evidence from a run of untrusted code (a fork's pull request) gets tighter caps than our own
 * runs' evidence: an attacker picks its size and shape.
 */
export const UNTRUSTED_ZIP_BYTES = 256 * 1024 * 1024;
export const UNTRUSTED_UNZIP_LIMITS: UnzipLimits = {
  ...DEFAULT_UNZIP_LIMITS,
  maxEntries: 5_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
};

export class ArtifactDigestError extends Error {
  override name = 'ArtifactDigestError';
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Moving evidence workspaces in and out of Actions artifacts.
 *
 * Upload goes through `@actions/artifact` (the results service needs the runner's ACTIONS_RUNTIME_TOKEN
 * and ACTIONS_RESULTS_URL, which that package reads from the environment at call time). Download does
 * not: it goes through our REST client, so expiry is a typed error, and through `safeUnzip`, because an
 * artifact from another run (possibly a fork) is untrusted input.
 */

export interface UploadedArtifact {
  id: number;
  size: number;
  digest: string | undefined;
  files: number;
  /** Id of the same-named artifact from an earlier attempt of this run that was deleted first. */
  replacedArtifactId: number | undefined;
}

export interface DownloadedArtifact extends UnzipResult {
  directory: string;
  zipBytes: number;
}

export class ArtifactUploadError extends Error {
  override name = 'ArtifactUploadError';
}

/** Every regular file under `rootDir` (hidden ones included, symlinks excluded), sorted. */
export async function listWorkspaceFiles(rootDir: string): Promise<string[]> {
  const root = path.resolve(rootDir);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function isDuplicateNameError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /\(409\)|already exists/i.test(message);
}

export class ArtifactTransfer {
  private artifactClient: ArtifactClient | undefined;

  /**
   * @param github REST client for cross-run downloads.
   * @param artifactClient defaults to `@actions/artifact`'s DefaultArtifactClient, loaded on first upload so
   *   that merely importing this module does not pull the toolkit's import-time environment reads.
   */
  constructor(
    private readonly github: GitHubClient,
    artifactClient?: ArtifactClient,
  ) {
    this.artifactClient = artifactClient;
  }

  private async client(): Promise<ArtifactClient> {
    if (!this.artifactClient) {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      this.artifactClient = new DefaultArtifactClient();
    }
    return this.artifactClient;
  }

  /**
   * Uploads `files` (default: every file under `rootDir`) as artifact `name`, with zip paths relative to
   * `rootDir`. Artifact names are unique per run, so on a re-run attempt the earlier artifact is deleted
   * and the upload repeated (what upload-artifact's `overwrite: true` does); the new one gets a new id.
   */
  async uploadWorkspace(
    name: string,
    rootDir: string,
    files: string[] | undefined,
    retentionDays: number | undefined,
  ): Promise<UploadedArtifact> {
    const root = path.resolve(rootDir);
    const absolute = (files ?? (await listWorkspaceFiles(root))).map((file) => path.resolve(root, file));
    if (absolute.length === 0) throw new ArtifactUploadError(`no files to upload under ${root}`);
    for (const file of absolute) {
      if (!file.startsWith(root + path.sep)) {
        throw new ArtifactUploadError(`${file} is not inside the workspace root ${root}`);
      }
      const stat = await lstat(file).catch(() => undefined);
      if (!stat?.isFile()) throw new ArtifactUploadError(`${file} is not a regular file`);
    }
    const client = await this.client();
    let replacedArtifactId: number | undefined;
    let response: Awaited<ReturnType<ArtifactClient['uploadArtifact']>>;
    try {
      response = await client.uploadArtifact(
        name,
        absolute,
        root,
        retentionDays === undefined ? {} : { retentionDays },
      );
    } catch (error) {
      if (!isDuplicateNameError(error)) throw uploadFailure(name, error);
      try {
        replacedArtifactId = (await client.deleteArtifact(name)).id;
        response = await client.uploadArtifact(
          name,
          absolute,
          root,
          retentionDays === undefined ? {} : { retentionDays },
        );
      } catch (retryError) {
        throw uploadFailure(name, retryError);
      }
    }
    if (response.id === undefined) {
      throw new ArtifactUploadError(`artifact '${name}' was uploaded but the service returned no id`);
    }
    return {
      id: response.id,
      size: response.size ?? 0,
      digest: response.digest,
      files: absolute.length,
      replacedArtifactId,
    };
  }

  /**
   * Downloads artifact `artifactId` (any run of this repository) and extracts it safely into
   * `destination`, which must be empty or absent. Throws ArtifactExpiredError (410), GitHub errors, or
   * ZipArchiveError for a corrupt archive; unsafe entries are skipped and listed in `rejected`.
   * `trusted: false` (a fork's evidence) applies the tighter UNTRUSTED_* caps; `digest` (GitHub's
   * `sha256:<hex>` of the zip, when it gives one) must match what was downloaded.
   */
  async downloadArtifact(
    artifactId: number,
    destination: string,
    options: {
      maxZipBytes?: number;
      limits?: Partial<UnzipLimits>;
      trusted?: boolean;
      digest?: string | null | undefined;
    } = {},
  ): Promise<DownloadedArtifact> {
    const untrusted = options.trusted === false;
    const maxZipBytes = options.maxZipBytes ?? (untrusted ? UNTRUSTED_ZIP_BYTES : undefined);
    const limits = untrusted ? { ...UNTRUSTED_UNZIP_LIMITS, ...options.limits } : options.limits;
    const scratch = await mkdtemp(path.join(tmpdir(), 'contexta-artifact-'));
    try {
      const zipPath = path.join(scratch, `${artifactId}.zip`);
      const { bytes } = await this.github.downloadArtifactZip(artifactId, zipPath, {
        ...(maxZipBytes === undefined ? {} : { maxBytes: maxZipBytes }),
      });
      const expected = /^sha256:([0-9a-f]{64})$/i.exec(options.digest ?? '')?.[1]?.toLowerCase();
      if (expected) {
        const actual = await sha256File(zipPath);
        if (actual !== expected) {
          throw new ArtifactDigestError(
            `artifact ${artifactId} does not match its digest: GitHub recorded sha256:${expected}, the download is sha256:${actual}`,
          );
        }
      }
      const extracted = await safeUnzip(zipPath, destination, limits);
      return { ...extracted, directory: path.resolve(destination), zipBytes: bytes };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

function uploadFailure(name: string, error: unknown): ArtifactUploadError {
  const message = error instanceof Error ? error.message : String(error);
  return new ArtifactUploadError(`uploading artifact '${name}' failed: ${message}`);
}
