/**
 * metalab artifact descriptors → `Artifact`. The `uri` metalab stores is an absolute path on the
 * machine that ran the sweep; when it ends in `artifacts/<run_id>/<file>` it is re-rooted to that
 * file in this store (a store-relative `location`) and the file is checked against the recorded
 * size and `content_hash` (first 16 hex of SHA-256). Any other uri is kept as recorded, unchecked.
 *
 * `status`: `verified` (present, size and hash match), `mismatch`, `missing`, `unreadable`, or null
 * when the uri does not point into the store.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type { Artifact } from '../evidence/model.js';
import type { Attribution, ReadContext } from './json-file.js';
import { ArtifactDescriptor, describeIssues } from './schema.js';

const SAFE_FILE_NAME = /^(?!\.{1,2}$)[^/\\\u0000]+$/;

function storeFileName(uri: string, runId: string): string | null {
  const parts = uri.split(/[/\\]/);
  const file = parts[parts.length - 1] ?? '';
  if (parts.length < 3 || parts[parts.length - 2] !== runId || parts[parts.length - 3] !== 'artifacts')
    return null;
  return SAFE_FILE_NAME.test(file) ? file : null;
}

/** Small artifacts are read in one go (a stream costs more than the bytes); large ones are streamed. */
const READ_WHOLE_BYTES = 1024 * 1024;

async function sha256Prefix(absolute: string, size: number, length: number): Promise<string> {
  const hash = createHash('sha256');
  if (size <= READ_WHOLE_BYTES) hash.update(await fs.readFile(absolute));
  else for await (const chunk of createReadStream(absolute)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, length);
}

/**
 * Artifacts of one run record, deduplicated by name (the record's list can repeat a name; the later
 * entry is the one metalab's manifest keeps).
 */
export async function readArtifacts(
  ctx: ReadContext,
  prefix: string,
  runFile: string,
  runId: string,
  descriptors: unknown[],
  refPrefix: string,
  attribution: Attribution,
): Promise<Artifact[]> {
  const byName = new Map<string, ArtifactDescriptor>();
  descriptors.forEach((raw, index) => {
    const parsed = ArtifactDescriptor.safeParse(raw);
    if (parsed.success) {
      byName.delete(parsed.data.name);
      byName.set(parsed.data.name, parsed.data);
      return;
    }
    ctx.gaps.push({
      code: 'record_invalid',
      severity: 'warning',
      file: runFile,
      ...attribution,
      message: `artifacts[${index}] of run ${runId} is not an artifact descriptor: ${describeIssues(parsed.error)}`,
    });
  });

  const artifacts: Artifact[] = [];
  for (const descriptor of byName.values()) {
    const ref = `${refPrefix}/${descriptor.name}`;
    const uri = descriptor.uri ?? null;
    const recordedHash = descriptor.content_hash?.toLowerCase() ?? null;
    const recordedSize = descriptor.size_bytes ?? null;
    const artifact: Artifact = {
      ref,
      kind: descriptor.kind ?? 'blob',
      location: uri,
      sizeBytes: recordedSize,
      hash: recordedHash,
      stage: null,
      source: 'metalab',
      status: null,
    };
    artifacts.push(artifact);
    const fileName = uri === null ? null : storeFileName(uri, runId);
    if (fileName === null) continue;

    const rel = `${prefix}artifacts/${runId}/${fileName}`;
    artifact.location = rel;
    const gap = (
      code: 'artifact_object_missing' | 'symlink_outside_workspace' | 'file_unreadable' | 'record_invalid',
      message: string,
    ) => ctx.gaps.push({ code, severity: 'warning', file: rel, ...attribution, message });
    const resolved = await ctx.root.resolve(rel);
    if (!resolved.ok) {
      artifact.status = resolved.reason === 'missing' ? 'missing' : 'unreadable';
      if (resolved.reason === 'missing') {
        gap(
          'artifact_object_missing',
          `artifact ${descriptor.name} of run ${runId} is recorded but ${rel} is not in the store`,
        );
      } else {
        gap(
          resolved.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
          resolved.message,
        );
      }
      continue;
    }
    if (resolved.isDirectory) {
      artifact.status = 'unreadable';
      gap(
        'file_unreadable',
        `artifact ${descriptor.name} of run ${runId}: ${rel} is a directory, expected a file`,
      );
      continue;
    }
    if (recordedSize !== null && resolved.size !== recordedSize) {
      artifact.status = 'mismatch';
      gap(
        'record_invalid',
        `artifact ${descriptor.name} of run ${runId}: ${rel} is ${resolved.size} bytes, the run record says ${recordedSize}`,
      );
      continue;
    }
    if (recordedHash !== null) {
      let actual: string;
      try {
        actual = await sha256Prefix(resolved.absolute, resolved.size, recordedHash.length);
      } catch (error) {
        artifact.status = 'unreadable';
        gap('file_unreadable', `${rel} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      if (actual !== recordedHash) {
        artifact.status = 'mismatch';
        gap(
          'record_invalid',
          `artifact ${descriptor.name} of run ${runId}: ${rel} has hash ${actual}, the run record says ${recordedHash}`,
        );
        continue;
      }
    }
    artifact.status = 'verified';
    if (artifact.sizeBytes === null) artifact.sizeBytes = resolved.size;
  }
  return artifacts;
}
