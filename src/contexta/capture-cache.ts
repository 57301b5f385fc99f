/**
 * Reads Contexta's capture cache (`cache/capture/<family>.jsonl`): what a job using the runtime API
 * leaves behind. RECORD lines carry the same envelope/payload as segment lines (with explicit nulls);
 * ARTIFACT lines carry an artifact manifest and a binding status. Records already read from the
 * record store are skipped (the store wins), so nothing is counted twice.
 */
import path from 'node:path';
import { z } from 'zod';
import type { ChunkReader } from '../evidence/chunk-lines.js';
import { type GapSink, RepeatedRefs } from '../evidence/gaps.js';
import { type JsonlLimits, listEvidenceDir, readJsonlFile } from '../evidence/jsonl-file.js';
import type { ParsePool } from '../evidence/parse-pool.js';
import type { RefSet } from '../evidence/ref-set.js';
import type { WorkspaceRoot } from '../evidence/safe-fs.js';
import { ArtifactManifest, artifactFromManifest, manifestRefProblem } from './artifacts.js';
import { CAPTURE_LINES, readCompact } from './compact-metric.js';
import type { EvidenceBuilder } from './fold.js';
import { isPlainRecord } from './record-schema.js';
import { validateRecord } from './validate-record.js';

const CaptureLine = z.object({
  captured_at: z.string().nullish(),
  sink_name: z.string().nullish(),
  family: z.string(),
  payload_type: z.string().nullish(),
  payload_ref: z.string().nullish(),
  payload: z.record(z.string(), z.unknown()),
});
type CaptureLine = z.infer<typeof CaptureLine>;
const CAPTURE_KEYS = new Set(Object.keys(CaptureLine.shape));

const ArtifactPayload = z.object({
  manifest: ArtifactManifest,
  binding_status: z.string().nullish(),
});

const optString = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/**
 * The line as `CaptureLine` would return it when zod surely accepts it, else null (ask zod). Every
 * line of a capture cache passes here, most only to be skipped as a copy of a stored record, so
 * zod's walk and copy of the whole line were a large share of reading one.
 */
function captureLineFastPath(v: unknown): { success: true; data: CaptureLine } | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const line = v as Record<string, unknown>;
  const ok =
    typeof line.family === 'string' &&
    isPlainRecord(line.payload) &&
    optString(line.captured_at) &&
    optString(line.sink_name) &&
    optString(line.payload_type) &&
    optString(line.payload_ref);
  return ok ? { success: true, data: line as CaptureLine } : null;
}

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Families other than RECORD are never written by Contexta's built-in services; a line whose payload
 * is a record (envelope + payload) is still read as one, whatever its family says.
 */
function carriesRecord(capture: CaptureLine): boolean {
  const looksLikeRecord = isObject(capture.payload.envelope) && isObject(capture.payload.payload);
  return capture.family === 'RECORD' || (capture.family !== 'ARTIFACT' && looksLikeRecord);
}

/**
 * The record a capture line carries when reading the line itself reports nothing (no unknown field,
 * nothing for zod to explain): what a parse worker may validate and compact (`compact-line.ts`).
 */
export function cleanCaptureRecord(value: unknown): Record<string, unknown> | null {
  const parsed = captureLineFastPath(value);
  if (parsed === null) return null;
  for (const key of Object.keys(value as object)) if (!CAPTURE_KEYS.has(key)) return null;
  return carriesRecord(parsed.data) ? parsed.data.payload : null;
}

export interface CaptureSeen {
  /** Refs folded from a record store: the capture copy is skipped. */
  readonly store: RefSet;
  /** Refs folded from capture caches: a repeat is a duplicate. */
  readonly capture: RefSet;
}

export interface CaptureReadResult {
  files: string[];
  records: number;
  /** Capture records skipped because the record store already held them. */
  skippedForStore: number;
  artifacts: number;
  skippedArtifacts: number;
}

export async function readCaptureCache(
  root: WorkspaceRoot,
  captureDir: string,
  limits: JsonlLimits,
  gaps: GapSink,
  builder: EvidenceBuilder,
  seen: CaptureSeen,
  pool: ParsePool | null = null,
): Promise<CaptureReadResult> {
  const result: CaptureReadResult = {
    files: [],
    records: 0,
    skippedForStore: 0,
    artifacts: 0,
    skippedArtifacts: 0,
  };
  const names = await listEvidenceDir(root, captureDir, gaps, (name) => name.endsWith('.jsonl'));
  // Workers skip copies of stored records as this thread does: by the same refs, which no longer
  // change once the record stores are read.
  const shared = pool !== null && seen.store.size > 0 ? pool.share(seen.store.snapshot()) : null;
  try {
    await readCaptureFiles();
  } finally {
    if (shared !== null) pool!.unshare(shared);
  }
  return result;

  async function readCaptureFiles(): Promise<void> {
    for (const name of names) {
      const rel = path.posix.join(captureDir, name);
      result.files.push(rel);
      const duplicates = new RepeatedRefs();
      /** The tail of reading a record, once it is valid: a repeat within the capture cache is dropped. */
      const take = (ref: string, line: number, fold: () => void) => {
        if (!seen.capture.add(ref)) {
          duplicates.note(line, ref);
          return;
        }
        result.records += 1;
        fold();
      };
      const onCompact = (chunk: ChunkReader, line: number) => {
        if (chunk.int() === 0) {
          result.skippedForStore += 1;
          return;
        }
        const { facts } = readCompact(chunk);
        take(facts.recordRef, line, () => builder.foldMetric(facts, { file: rel, line }));
      };
      const parallel = pool === null ? null : { pool, kind: CAPTURE_LINES, shared, onCompact };
      await readJsonlFile(
        root,
        rel,
        limits,
        gaps,
        ({ value, line, nonFiniteToken }) => {
          const parsed = captureLineFastPath(value) ?? CaptureLine.safeParse(value);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            gaps.line(
              'record_invalid',
              'error',
              rel,
              line,
              `not a capture line: field ${issue.path.join('.') || '(root)'} ${issue.message}; skipped`,
            );
            return;
          }
          for (const key of Object.keys(value as object)) {
            if (CAPTURE_KEYS.has(key)) continue;
            gaps.tally(
              'unknown_field',
              'warning',
              rel,
              key,
              line,
              null,
              (count) =>
                `${count} capture line(s) carry the field ${key}, which the capture format does not define; it was ignored`,
            );
          }
          const capture = parsed.data;
          if (carriesRecord(capture)) {
            // The record store's copy wins, so a capture copy of it is not even validated.
            const envelope = capture.payload.envelope as Record<string, unknown> | undefined;
            if (typeof envelope?.record_ref === 'string' && seen.store.has(envelope.record_ref)) {
              result.skippedForStore += 1;
              return;
            }
            const valid = validateRecord(capture.payload, { file: rel, line, nonFiniteToken }, gaps);
            if (!valid) return;
            take(valid.record.envelope.record_ref, line, () =>
              builder.foldRecord(valid, { file: rel, line }),
            );
            return;
          }
          if (capture.family === 'ARTIFACT') {
            const artifact = ArtifactPayload.safeParse(capture.payload);
            if (!artifact.success) {
              const issue = artifact.error.issues[0]!;
              gaps.line(
                'record_invalid',
                'error',
                rel,
                line,
                `artifact line: field payload.${issue.path.join('.')} ${issue.message}; skipped`,
              );
              return;
            }
            const manifest = artifact.data.manifest;
            const problem = manifestRefProblem(manifest);
            if (problem) {
              gaps.line('invalid_ref', 'error', rel, line, `artifact line: ${problem}; skipped`, {
                ref: manifest.artifact_ref,
              });
              return;
            }
            const status = artifact.data.binding_status ?? null;
            if (builder.addArtifact(manifest.run_ref, artifactFromManifest(manifest, 'capture', status)))
              result.artifacts += 1;
            else result.skippedArtifacts += 1;
            if (status !== null && status !== 'BOUND') {
              gaps.line(
                'artifact_object_missing',
                status === 'DEGRADED' ? 'warning' : 'info',
                rel,
                line,
                `artifact ${manifest.artifact_ref} was captured with binding status ${status} (its source file was missing or could not be verified)`,
                { ref: manifest.artifact_ref, runRef: manifest.run_ref },
              );
            }
            return;
          }
          gaps.tally(
            'unknown_record_type',
            'warning',
            rel,
            capture.family,
            line,
            null,
            (count) =>
              `${count} capture line(s) of family ${capture.family} are not understood by this reader; skipped`,
          );
        },
        parallel,
      );
      duplicates.report(gaps, rel, 'from the capture cache');
    }
  }
}
