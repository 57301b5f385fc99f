/**
 * zod schemas for the metalab files the reader uses (store schema "0.1", see
 * docs/reference/metalab-store-format.md). They are loose on purpose: metalab keeps tolerant loaders for future
 * versions, so unknown fields pass through and only what the mapping relies on is required.
 */
import { z } from 'zod';

/** Run ids and manifest ids end up in paths (`runs/<id>.json`), so nothing path-like gets through. */
export const RUN_ID = /^[A-Za-z0-9_-]{1,128}$/;

export const SUPPORTED_SCHEMA_VERSION = '0.1';

export const MetaFile = z.looseObject({
  experiment_id: z.string().min(1).optional(),
  schema_version: z.string().optional(),
});

export const ExperimentManifest = z.looseObject({
  experiment_id: z.string().optional(),
  run_ids: z.array(z.string().regex(RUN_ID, 'a run id of letters, digits, "_" or "-"')),
  seeds: z.looseObject({ replicates: z.number().int().positive() }).nullable().optional(),
  total_runs: z.number().int().nonnegative().optional(),
  submitted_at: z.string().optional(),
});
export type ExperimentManifest = z.infer<typeof ExperimentManifest>;

export const RunError = z.looseObject({
  type: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
});

export const RunRecord = z.looseObject({
  _schema_version: z.string().optional(),
  run_id: z.string(),
  experiment_id: z.string(),
  /** metalab's own loader treats a missing status as `failed`; the reader does the same. */
  status: z.string().optional(),
  params_resolved: z.record(z.string(), z.unknown()),
  params_fingerprint: z.string().optional(),
  seed_fingerprint: z.string(),
  context_fingerprint: z.string().optional(),
  started_at: z.string().nullable().optional(),
  finished_at: z.string().nullable().optional(),
  metrics: z.record(z.string(), z.unknown()),
  error: RunError.nullable().optional(),
  /** Validated one descriptor at a time, so one bad descriptor does not lose the run. */
  artifacts: z.array(z.unknown()).optional(),
  provenance: z.looseObject({ code_hash: z.string().nullable().optional() }).nullable().optional(),
});
export type RunRecord = z.infer<typeof RunRecord>;

export const ArtifactDescriptor = z.looseObject({
  name: z.string().min(1),
  kind: z.string().nullable().optional(),
  uri: z.string().nullable().optional(),
  content_hash: z
    .string()
    .regex(/^[0-9a-fA-F]{8,64}$/, 'a hex SHA-256 prefix')
    .nullable()
    .optional(),
  size_bytes: z.number().int().nonnegative().nullable().optional(),
});
export type ArtifactDescriptor = z.infer<typeof ArtifactDescriptor>;

/** `results/<run_id>/<name>.json`: `capture.data` payloads and stepped-metric series. */
export const ResultFile = z.looseObject({
  data: z.unknown(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** `derived/<run_id>.json`: a flat name → scalar object. */
export const DerivedFile = z.record(z.string(), z.unknown());

/** "field `a.b`: expected …" for the first few issues, so a person knows what to fix. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(document)';
      return `field ${field}: ${issue.message}`;
    })
    .join('; ');
}
