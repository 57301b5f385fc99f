/**
 * Artifact evidence: binding files (`artifacts/bindings/*.binding.json`, small pretty JSON, whole-file
 * parse is fine) and capture-cache ARTIFACT lines share Contexta's artifact manifest. A malformed
 * binding is a gap — Contexta itself fails every listing on one.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { GapSink } from '../evidence/gaps.js';
import { ambiguity, parseJsonText } from '../evidence/json-text.js';
import {
  type JsonlLimits,
  listEvidenceDir,
  openEvidenceFile,
  readEvidenceText,
} from '../evidence/jsonl-file.js';
import type { Artifact } from '../evidence/model.js';
import { extendsRef, parseRef } from '../evidence/refs.js';
import type { WorkspaceRoot } from '../evidence/safe-fs.js';
import type { EvidenceBuilder } from './fold.js';

export const ArtifactManifest = z.object({
  artifact_ref: z.string(),
  artifact_kind: z.string().regex(/^[a-z][a-z0-9_]*$/, 'an artifact kind like model or checkpoint'),
  run_ref: z.string(),
  location_ref: z.string().nullish(),
  stage_execution_ref: z.string().nullish(),
  hash_value: z.string().nullish(),
  size_bytes: z.number().int().nonnegative().nullish(),
});
export type ArtifactManifest = z.infer<typeof ArtifactManifest>;

const Binding = z.object({
  artifact_ref: z.string(),
  artifact_kind: z.string(),
  hash_value: z.string().nullish(),
  size_bytes: z.number().int().nonnegative().nullish(),
  manifest_snapshot: ArtifactManifest,
});

/** Why the manifest's refs are unusable, or null. */
export function manifestRefProblem(manifest: ArtifactManifest): string | null {
  const run = parseRef(manifest.run_ref);
  if (run?.kind !== 'run') return `run_ref "${manifest.run_ref}" is not a run: ref`;
  const artifact = parseRef(manifest.artifact_ref);
  if (artifact?.kind !== 'artifact' || !extendsRef(artifact, run)) {
    return `artifact_ref "${manifest.artifact_ref}" is not an artifact: ref of run ${manifest.run_ref}`;
  }
  return null;
}

export function artifactFromManifest(
  manifest: ArtifactManifest,
  source: Artifact['source'],
  status: string | null,
  override: { hash?: string | null; sizeBytes?: number | null } = {},
): Artifact {
  const stage = manifest.stage_execution_ref ? parseRef(manifest.stage_execution_ref) : null;
  return {
    ref: manifest.artifact_ref,
    kind: manifest.artifact_kind,
    location: manifest.location_ref ?? null,
    sizeBytes: override.sizeBytes ?? manifest.size_bytes ?? null,
    hash: override.hash ?? manifest.hash_value ?? null,
    stage: stage?.kind === 'stage' ? (stage.parts[2] ?? null) : null,
    source,
    status,
  };
}

/** Contexta's file-name sanitiser for refs in the artifact store. */
function safeName(ref: string): string {
  return ref
    .replaceAll(':', '__')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '');
}

/** Only presence is checked (hashes are not recomputed): `verified` means the stored body exists. */
async function objectPresent(
  root: WorkspaceRoot,
  artifactsDir: string,
  ref: string,
  kind: string,
): Promise<boolean> {
  const bucket = createHash('sha256').update(ref).digest('hex').slice(0, 2);
  const dir = path.posix.join(artifactsDir, 'objects', safeName(kind), bucket);
  const listing = await root.list(dir);
  const prefix = safeName(ref);
  return listing.entries.some((e) => e.name.startsWith(prefix));
}

export async function readBindings(
  root: WorkspaceRoot,
  artifactsDir: string,
  limits: JsonlLimits,
  gaps: GapSink,
  builder: EvidenceBuilder,
): Promise<number> {
  const dir = path.posix.join(artifactsDir, 'bindings');
  let read = 0;
  const names = await listEvidenceDir(root, dir, gaps, (name) => name.endsWith('.binding.json'));
  for (const name of names) {
    const rel = path.posix.join(dir, name);
    const file = await openEvidenceFile(
      root,
      rel,
      { ...limits, maxFileBytes: Math.min(limits.maxFileBytes, 16 << 20) },
      gaps,
      null,
    );
    if (!file) continue;
    const invalid = (message: string) =>
      gaps.add({
        code: 'binding_invalid',
        severity: 'warning',
        file: rel,
        message: `${message}; this artifact binding was skipped`,
      });
    const text = await readEvidenceText(file.absolute, rel, gaps);
    if (text === null) continue;
    const parsed = parseJsonText(text, limits.maxDepth);
    if (!parsed.ok) {
      invalid(
        parsed.reason === 'too_deep'
          ? 'the binding nests too deeply'
          : `the binding is not valid JSON (${parsed.message})`,
      );
      continue;
    }
    const unclear = ambiguity(parsed);
    if (unclear !== null) {
      invalid(`the binding cannot be trusted as written (${unclear})`);
      continue;
    }
    const binding = Binding.safeParse(parsed.value);
    if (!binding.success) {
      const issue = binding.error.issues[0]!;
      invalid(`field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      continue;
    }
    const manifest = binding.data.manifest_snapshot;
    const problem = manifestRefProblem(manifest);
    if (problem) {
      invalid(problem);
      continue;
    }
    const present = await objectPresent(root, artifactsDir, manifest.artifact_ref, manifest.artifact_kind);
    if (!present) {
      gaps.add({
        code: 'artifact_object_missing',
        severity: 'info',
        file: rel,
        ref: manifest.artifact_ref,
        runRef: manifest.run_ref,
        message: `the stored copy of artifact ${manifest.artifact_ref} is not under ${artifactsDir}/objects; only its recorded hash and size are known`,
      });
    }
    const artifact = artifactFromManifest(manifest, 'binding', present ? 'verified' : 'missing', {
      hash: binding.data.hash_value,
      sizeBytes: binding.data.size_bytes,
    });
    if (builder.addArtifact(manifest.run_ref, artifact)) read += 1;
  }
  return read;
}
