/**
 * The one evidence model every reader produces (Contexta capture cache, canonical record store,
 * DuckDB ledger, metalab run store) and every later step (compare, gates, report) consumes.
 *
 * It is an aggregate, not a list of records: a reader folds records into series while streaming so
 * memory grows with the number of distinct series and samples, never with the number of lines.
 * Absence is explicit: `null` means "not known" (e.g. a status without a ledger), and everything a
 * reader could not use becomes an `EvidenceGap`.
 */
import { z } from 'zod';
import { SampleNames } from './sample-names.js';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Contexta's lifecycle vocabulary; `completed` is the success state. */
export const LifecycleStatus = z.enum(['open', 'completed', 'failed', 'cancelled']);
export type LifecycleStatus = z.infer<typeof LifecycleStatus>;

export const CompletenessMarker = z.enum(['complete', 'partial', 'sampled', 'absent', 'unknown']);
export type CompletenessMarker = z.infer<typeof CompletenessMarker>;

export const DegradationMarker = z.enum([
  'none',
  'partial_failure',
  'capture_gap',
  'import_loss',
  'compatibility_upgrade',
]);
export type DegradationMarker = z.infer<typeof DegradationMarker>;

export const AggregationScope = z.enum(['run', 'stage', 'operation', 'step', 'slice']);
export type AggregationScope = z.infer<typeof AggregationScope>;

/**
 * Codes for everything a reader could not use or found suspicious. The Contexta integrity codes
 * (`truncated_line`, `invalid_json_line`, `sequence_gap`, `manifest_sequence_mismatch`) keep
 * Contexta's names so users can map them to `contexta` repair tools.
 */
export const GapCode = z.enum([
  // line-level integrity
  'truncated_line',
  'invalid_json_line',
  'invalid_encoding',
  'line_too_long',
  'nesting_too_deep',
  'duplicate_key',
  'number_out_of_range',
  'non_finite_number',
  'unsafe_integer',
  'record_invalid',
  'unknown_record_type',
  'unknown_field',
  'unknown_schema_version',
  'invalid_ref',
  'duplicate_record_ref',
  'conflicting_record_ref',
  'duplicate_sample',
  // store-level integrity
  'sequence_gap',
  'duplicate_sequence',
  'manifest_sequence_mismatch',
  'manifest_segment_mismatch',
  'manifest_missing',
  'manifest_invalid',
  'empty_file',
  'file_unreadable',
  'file_too_large',
  'symlink_outside_workspace',
  'binding_invalid',
  'artifact_object_missing',
  // ledger
  'ledger_missing',
  'ledger_invalid',
  'ledger_storage_too_new',
  'ledger_reader_unavailable',
  'ledger_locked',
  'ledger_unreadable',
  'statuses_unavailable',
  // content
  'no_evidence',
  'degraded_record',
  'partial_record',
  'run_incomplete',
  'run_failed',
  'run_missing',
  'series_lost',
  // shards of one run (a job matrix), merged by sources/shards.ts
  'shard_missing',
  'shard_duplicated',
  'shard_foreign_commit',
  'shard_unexpected',
]);
export type GapCode = z.infer<typeof GapCode>;

export const EvidenceGap = z.object({
  code: GapCode,
  severity: Severity,
  /** Workspace-relative path of the file the gap was found in, when there is one. */
  file: z.string().optional(),
  /** 1-based line number within `file`. */
  line: z.number().int().positive().optional(),
  /** The ref the gap is about (record, run, stage, artifact, metalab run id). */
  ref: z.string().optional(),
  /** Attribution, so gates can ask "any gap in stage evaluate of the candidate run?". */
  runRef: z.string().optional(),
  stage: z.string().optional(),
  message: z.string(),
  /**
   * How many occurrences one aggregated gap stands for (duplicate refs in a file, lines beyond the
   * per-file listing cap, …); absent means one.
   */
  count: z.number().int().positive().optional(),
  /**
   * Set only on an entry that summarises a gap code repeated too often to list (see
   * `GAPS_LISTED_PER_KIND` in gaps.ts): where its first occurrences are, at most
   * `GAP_SAMPLE_SIZE` of them; `count` then totals every occurrence.
   */
  sample: z
    .array(
      z.object({
        file: z.string().optional(),
        line: z.number().int().positive().optional(),
        count: z.number().int().positive().optional(),
      }),
    )
    .optional(),
});
export type EvidenceGap = z.infer<typeof EvidenceGap>;

const StepSummary = z.object({
  /** Number of distinct step values seen (from `tags.step` or metalab stepped series). */
  count: z.number().int().nonnegative(),
  first: z.number().nullable(),
  last: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});

/**
 * One metric series: all observations of one metric key for one slice (and batch) of one stage or
 * run. `latest` follows Contexta's rule (greatest `observed_at`, later line on ties) but compares
 * real instants rather than strings.
 */
export const MetricSeries = z.object({
  key: z.string(),
  /** From `tags.slice`, else `slice_ref`; null is the overall series. */
  slice: z.string().nullable(),
  /** Batch name (4th component of the batch ref) when the series is batch-scoped. */
  batch: z.string().nullable(),
  scope: AggregationScope.nullable(),
  unit: z.string().nullable(),
  latest: z.object({
    value: z.number(),
    observedAt: z.string().nullable(),
    recordRef: z.string().nullable(),
    step: z.number().nullable(),
  }),
  /** How many observations were folded into this series. */
  count: z.number().int().positive(),
  steps: StepSummary.nullable(),
  /** Worst completeness marker seen on any observation. */
  completeness: CompletenessMarker,
  degraded: z.boolean(),
  /** Observations whose value was NaN/±Infinity: reported, never compared. */
  nonFinite: z.number().int().nonnegative(),
  /**
   * metalab seed replicates: each replicate's final value, so statistics can use the spread.
   * Empty for Contexta series.
   */
  replicates: z.array(z.number()),
  /**
   * metalab: the `seed_fingerprint` of each entry of `replicates`, same order, so baseline and
   * candidate replicates pair by seed. Absent for Contexta series.
   */
  replicateSeeds: z.array(z.string()).optional(),
  /** Tags of the latest observation other than `slice` and `step`. */
  tags: z.record(z.string(), z.string()),
  /**
   * Set when the series was merged from shards: `recomputed` from the merged per-sample outcomes,
   * `weighted` from per-shard aggregates weighted by each shard's sample count, `summed` for counts.
   */
  combined: z.enum(['recomputed', 'weighted', 'summed']).optional(),
});
export type MetricSeries = z.infer<typeof MetricSeries>;

/**
 * Per-sample outcomes of one metric key in one stage, in compact columns. Sample names are the
 * last component of the sample ref (`s-0001`), which is what pairs baseline and candidate.
 */
export const SampleSeries = z.object({
  key: z.string(),
  /**
   * Each sample's identity within its stage, as an id into `table`. The name behind an id is
   * (batch, sample name): `<batch>/<sample>` for a sample recorded in a batch, the bare name
   * otherwise (`sampleIdentity`). Unique per series: a sample recorded twice is a `duplicate_sample`
   * gap and absent here.
   */
  ids: z.instanceof(Int32Array),
  /** The table `ids` index; series read with one table share it, which is what pairs them cheaply. */
  table: z.instanceof(SampleNames),
  values: z.instanceof(Float64Array),
  /** Index into `sliceNames` per sample, -1 when the sample has no slice. */
  sliceIndex: z.instanceof(Int32Array),
  sliceNames: z.array(z.string()),
  /** True when every value is exactly 0 or 1 (a binary outcome such as `correct`/`pass`). */
  binary: z.boolean(),
});
export type SampleSeries = z.infer<typeof SampleSeries>;

/** The name of row `row` of a sample series. */
export function sampleName(series: SampleSeries, row: number): string {
  return series.table.names[series.ids[row]!]!;
}

/** The names of every row of a sample series, in row order. */
export function sampleNames(series: SampleSeries): string[] {
  return Array.from(series.ids, (id) => series.table.names[id]!);
}

export const Batch = z.object({
  ref: z.string(),
  name: z.string(),
  status: LifecycleStatus.nullable(),
});
export type Batch = z.infer<typeof Batch>;

export const DegradedRecord = z.object({
  recordRef: z.string(),
  issueKey: z.string(),
  category: z.string().nullable(),
  severity: z.enum(['warning', 'error']).nullable(),
  summary: z.string(),
  degradationMarker: DegradationMarker,
  stage: z.string().nullable(),
});
export type DegradedRecord = z.infer<typeof DegradedRecord>;

export const EventSummary = z.object({
  key: z.string(),
  level: z.string().nullable(),
  count: z.number().int().positive(),
  lastMessage: z.string().nullable(),
  stage: z.string().nullable(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const Stage = z.object({
  ref: z.string(),
  name: z.string(),
  /** From the ledger; null when no ledger could be read. */
  status: LifecycleStatus.nullable(),
  orderIndex: z.number().int().nullable(),
  metrics: z.array(MetricSeries),
  samples: z.array(SampleSeries),
  batches: z.array(Batch),
  recordCount: z.number().int().nonnegative(),
  /** Records in this stage whose completeness marker is not `complete`. */
  partialRecords: z.number().int().nonnegative(),
});
export type Stage = z.infer<typeof Stage>;

export const Artifact = z.object({
  ref: z.string(),
  kind: z.string(),
  /** Location as recorded (`path:/abs/file`, a metalab uri re-rooted, …). */
  location: z.string().nullable(),
  sizeBytes: z.number().nonnegative().nullable(),
  hash: z.string().nullable(),
  stage: z.string().nullable(),
  /** Where we learned about it. */
  source: z.enum(['binding', 'capture', 'metalab']),
  /** `BOUND`/`PENDING`/`DEGRADED` for capture lines; `verified`/`missing` for bindings. */
  status: z.string().nullable(),
});
export type Artifact = z.infer<typeof Artifact>;

export const EnvironmentSnapshot = z.object({
  ref: z.string(),
  capturedAt: z.string().nullable(),
  python: z.string().nullable(),
  platform: z.string().nullable(),
  packages: z.record(z.string(), z.string()),
  /** Names only: environment variable values are never read into the model. */
  environmentVariableNames: z.array(z.string()),
});
export type EnvironmentSnapshot = z.infer<typeof EnvironmentSnapshot>;

export const Deployment = z.object({
  ref: z.string(),
  name: z.string(),
  status: LifecycleStatus.nullable(),
  runRef: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** `ledger` row, or a `deployment.promoted` event record. */
  source: z.enum(['ledger', 'event']),
  /** Extra facts (environment, GitHub deployment id, …) carried by an event record. */
  attributes: z.record(z.string(), z.unknown()),
});
export type Deployment = z.infer<typeof Deployment>;

export const MetalabReplicateStatus = z.enum([
  'success',
  'failed',
  'cancelled',
  'running',
  /** Listed in the experiment manifest, no run record on disk. */
  'missing',
  /** A run record exists but could not be read or validated. */
  'unreadable',
]);
export type MetalabReplicateStatus = z.infer<typeof MetalabReplicateStatus>;

/**
 * What a metalab unit (one parameter combination) is made of. The fingerprints let the engine
 * refuse to compare units whose inputs changed (`contextFingerprints` differ) and show which code
 * produced them.
 */
export const MetalabUnit = z.object({
  experimentId: z.string(),
  paramsFingerprints: z.array(z.string()),
  contextFingerprints: z.array(z.string()),
  codeHashes: z.array(z.string()),
  /** Expected replicates from the experiment manifest's seed plan; null without a manifest. */
  expectedReplicates: z.number().int().nonnegative().nullable(),
  replicates: z.array(
    z.object({
      runId: z.string(),
      seedFingerprint: z.string().nullable(),
      status: MetalabReplicateStatus,
    }),
  ),
});
export type MetalabUnit = z.infer<typeof MetalabUnit>;

export const Run = z.object({
  ref: z.string(),
  project: z.string(),
  name: z.string(),
  status: LifecycleStatus.nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  stages: z.array(Stage),
  /** Metrics recorded without a stage. Contexta's compare ignores them; we compare them. */
  runMetrics: z.array(MetricSeries),
  events: z.array(EventSummary),
  degraded: z.array(DegradedRecord),
  artifacts: z.array(Artifact),
  environment: EnvironmentSnapshot.nullable(),
  recordCount: z.number().int().nonnegative(),
  /** metalab: the parameter combination this unit stands for. */
  params: z.record(z.string(), z.unknown()).nullable(),
  /** metalab: identity and outcome of every replicate of the unit. Absent for Contexta runs. */
  metalab: MetalabUnit.optional(),
});
export type Run = z.infer<typeof Run>;

export const Project = z.object({
  name: z.string(),
  runs: z.array(Run),
  deployments: z.array(Deployment),
});
export type Project = z.infer<typeof Project>;

export const Layout = z.enum(['capture_cache', 'record_store', 'ledger', 'artifact_bindings', 'metalab']);
export type Layout = z.infer<typeof Layout>;

export const Evidence = z.object({
  source: z.object({
    kind: z.enum(['contexta', 'metalab']),
    /** The path the user gave, as given. */
    root: z.string(),
    /** Workspace roots found under it (relative to `root`, '.' for itself) with their layouts. */
    workspaces: z.array(z.object({ path: z.string(), layouts: z.array(Layout) })),
  }),
  projects: z.array(Project),
  gaps: z.array(EvidenceGap),
  /** Plain-language facts about how the evidence was read (precedence, merges, ledger use). */
  notes: z.array(z.string()),
});
export type Evidence = z.infer<typeof Evidence>;
