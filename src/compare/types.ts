/**
 * What comparing a candidate with its baseline produces. Every value here is plain JSON (no typed
 * arrays, no `undefined`, no non-finite numbers) so the report renderers and `--format json` can emit
 * it as is. Absence is explicit: `null` means "not known / not present on that side", never zero.
 *
 * Sides: `baseline` is the reference (main branch, deployed run), `candidate` the pull request.
 * Every difference is `candidate − baseline` (Contexta's `right − left` with left = baseline).
 */
import type { LifecycleStatus, Severity } from '../evidence/model.js';
import type { Phrase } from '../format/phrase.js';

/** Which way is better for a metric; `neutral` metrics (token counts, sample counts) are only reported. */
export type MetricDirection = 'higher' | 'lower' | 'neutral';

/**
 * How a compared metric moved, judged by its direction. `neutral` is used for neutral-direction
 * metrics whatever the change, so a token count or row count is never called better or worse.
 * `unchanged` means exactly equal values.
 */
export type ChangeAssessment = 'better' | 'worse' | 'neutral' | 'unchanged';

/** Where something exists: on both sides, only in the candidate (added) or only in the baseline (removed). */
export type Presence = 'both' | 'candidate_only' | 'baseline_only';

/** Identity of a run used on one side of a comparison. */
export interface RunIdentity {
  /** Full ref (`run:project.name`) or, for metalab, the unit ref the reader assigned. */
  ref: string;
  project: string;
  /** Run name; for metalab the canonical params label that pairs units (`model=mlp, lr=0.1`). */
  name: string;
  /** Ledger/run-record status; null when unknown (no ledger). */
  status: LifecycleStatus | null;
}

/** How many sample names a `NameList` carries at most. */
export const SAMPLE_NAME_LIMIT = 20;

/** A list of sample names, bounded so a report stays small; `count` is always the full count. */
export interface NameList {
  count: number;
  /** At most `SAMPLE_NAME_LIMIT` names, in sample-name order. */
  names: string[];
  /** True when `names` holds fewer than `count` entries. */
  truncated: boolean;
}

/** A confidence interval of a difference `candidate − baseline`. */
export interface Interval {
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

/**
 * The paired statistical test behind a sample comparison.
 * - `mcnemar-exact`: binary outcomes; `discordantWorse` (b) = pairs passing in the baseline and failing
 *   in the candidate, `discordantBetter` (c) = the reverse; `pValue` is the exact two-sided binomial
 *   p-value on b vs c; `interval` is for the difference in success rates.
 * - `paired-bootstrap`: continuous outcomes; `interval` is the percentile bootstrap interval of the mean
 *   difference, `pValue` the two-sided bootstrap p-value (share of resampled means on the other side of
 *   zero, doubled), `resamples` and `seed` make it reproducible.
 */
export interface PairedTest {
  method: 'mcnemar-exact' | 'paired-bootstrap';
  /** Paired samples the test used. */
  n: number;
  /** Point estimate of the difference `candidate − baseline` (rate or mean). */
  estimate: number;
  pValue: number | null;
  interval: Interval | null;
  discordantWorse: number | null;
  discordantBetter: number | null;
  resamples: number | null;
  seed: number | null;
}

/** Binary (0/1) per-sample outcomes of one group (overall or one slice), paired by sample name. */
export interface BinarySampleGroup {
  /** Passing in the baseline, failing in the candidate. */
  newlyFailing: NameList;
  /** Failing in the baseline, passing in the candidate. */
  newlyPassing: NameList;
  /** Failing on both sides. */
  stillFailing: NameList;
  stillPassing: number;
  /** Success rates over the paired samples. */
  baselineRate: number;
  candidateRate: number;
}

/** Continuous per-sample outcomes of one group, paired by sample name. */
export interface ContinuousSampleGroup {
  baselineMean: number;
  candidateMean: number;
  meanDifference: number;
}

/** One group of paired samples: the whole stage (`slice: null`) or one slice. */
export interface SampleGroupComparison {
  slice: string | null;
  /** Samples present on both sides (the test's n). */
  paired: number;
  /** Samples only in the baseline / only in the candidate: not paired, not tested. */
  baselineOnly: NameList;
  candidateOnly: NameList;
  binary: BinarySampleGroup | null;
  continuous: ContinuousSampleGroup | null;
  /** Null when fewer than 1 pair (nothing to test). */
  test: PairedTest | null;
}

/** Per-sample comparison of one per-sample metric key in one stage. */
export interface SampleComparison {
  stage: string;
  /** The per-sample metric key (`correct`, `pass`, `score`, `latency-ms`). */
  key: string;
  kind: 'binary' | 'continuous';
  direction: MetricDirection;
  overall: SampleGroupComparison;
  /** One entry per slice seen on either side, sorted by slice name. */
  slices: SampleGroupComparison[];
  /** Present only on one side: the whole series was added/removed. */
  presence: Presence;
}

/**
 * Which per-sample series backs an aggregate metric. `config`: the gate named it (`samples:`);
 * `auto`: a binary sample series in the same stage whose mean equals the aggregate within 1e-9
 * on both sides (overall, or over the slice's samples).
 */
export interface SampleLink {
  stage: string;
  key: string;
  source: 'config' | 'auto';
}

/** One metric series matched across sides: project/stage/key/slice/batch. */
export interface MetricDelta {
  /** Stage name; null for a run-level metric (metalab metrics, Contexta metrics without a stage). */
  stage: string | null;
  key: string;
  /** Slice name; null for the overall series. */
  slice: string | null;
  /** Batch name when the series is batch-scoped. */
  batch: string | null;
  unit: string | null;
  presence: Presence;
  /**
   * `compared`: finite values on both sides. `not_comparable`: present on both sides but a side holds
   * non-finite observations only (see `reason`). `added`/`removed`: one side only.
   */
  status: 'compared' | 'not_comparable' | 'added' | 'removed';
  /** `series.latest.value` per side; null when absent or not finite. */
  baseline: number | null;
  candidate: number | null;
  /** candidate − baseline; null unless compared. */
  delta: number | null;
  /** (candidate − baseline) / |baseline|; null when baseline is 0 or not compared. */
  relativeChange: number | null;
  /** candidate / baseline (Contexta's `change_ratio`); null when baseline is 0 or not compared. */
  ratio: number | null;
  direction: MetricDirection;
  /** Null unless compared. */
  change: ChangeAssessment | null;
  /** Observations folded into each side's series (null: absent side). */
  baselineCount: number | null;
  candidateCount: number | null;
  /** Non-finite observations per side: reported, never compared. */
  baselineNonFinite: number;
  candidateNonFinite: number;
  /** A side's series carried a degradation marker / a completeness marker other than `complete`. */
  baselineDegraded: boolean;
  candidateDegraded: boolean;
  baselinePartial: boolean;
  candidatePartial: boolean;
  /** metalab seed replicates' final values per side (empty for Contexta). */
  baselineReplicates: number[];
  candidateReplicates: number[];
  /** Sample evidence found for this metric (auto-detected); gates may link another key via `samples:`. */
  sampleLink: SampleLink | null;
  /** Why it is not comparable; null otherwise. */
  reason: string | null;
}

/** A stage matched by name across sides. */
export interface StageComparison {
  name: string;
  presence: Presence;
  baselineStatus: LifecycleStatus | null;
  candidateStatus: LifecycleStatus | null;
  /** Metric series per side (all slices/batches), null for an absent side. */
  baselineMetricCount: number | null;
  candidateMetricCount: number | null;
}

/** A batch matched by stage + batch name; status changes are what matter. */
export interface BatchChange {
  stage: string;
  name: string;
  presence: Presence;
  baselineStatus: LifecycleStatus | null;
  candidateStatus: LifecycleStatus | null;
  statusChanged: boolean;
}

/** Artifacts grouped by kind (Contexta's rule), with size growth. */
export interface ArtifactChange {
  kind: string;
  /**
   * `added`/`removed`: kind on one side only; `ambiguous`: more than one artifact of the kind on a side
   * (sizes are summed for growth); `changed`: hash or location differ; `unchanged`: identical.
   */
  change: 'added' | 'removed' | 'changed' | 'ambiguous' | 'unchanged';
  /** For `changed`: Contexta's detail. */
  detail: 'hash_changed' | 'location_changed' | 'both_changed' | null;
  baselineCount: number;
  candidateCount: number;
  /** Ref of the first artifact of the kind per side. */
  baselineRef: string | null;
  candidateRef: string | null;
  baselineLocation: string | null;
  candidateLocation: string | null;
  /** Total recorded size per side; null when absent or any size is unknown. */
  baselineSizeBytes: number | null;
  candidateSizeBytes: number | null;
  /** candidate − baseline bytes, and as a percentage of the baseline; null when a size is unknown. */
  growthBytes: number | null;
  growthPct: number | null;
}

export interface PackageChange {
  name: string;
  /** Null for an added package. */
  baseline: string | null;
  /** Null for a removed package. */
  candidate: string | null;
}

/**
 * Environment snapshots compared. Variable values are never read, so never shown; variable names
 * that appear/disappear are reported.
 */
export interface EnvironmentChange {
  /** `compared` only when both runs have a snapshot; otherwise which side lacks one. */
  status: 'compared' | 'baseline_missing' | 'candidate_missing' | 'both_missing';
  changed: boolean;
  python: { baseline: string | null; candidate: string | null; changed: boolean } | null;
  platform: { baseline: string | null; candidate: string | null; changed: boolean } | null;
  packagesAdded: PackageChange[];
  packagesRemoved: PackageChange[];
  packagesChanged: PackageChange[];
  variableNamesAdded: string[];
  variableNamesRemoved: string[];
}

/** One baseline run / metalab unit vs its candidate counterpart. */
export interface RunComparison {
  project: string;
  /** Run name of the candidate (or the baseline when the unit was removed); metalab: params label. */
  unit: string;
  presence: Presence;
  baselineRun: RunIdentity | null;
  candidateRun: RunIdentity | null;
  stages: StageComparison[];
  /** Sorted by stage (run-level first), key, slice (overall first), batch. Unchanged rows are kept. */
  metrics: MetricDelta[];
  samples: SampleComparison[];
  batches: BatchChange[];
  artifacts: ArtifactChange[];
  environment: EnvironmentChange;
  /** Plain-language facts about this pairing (how runs were chosen, divergences from Contexta). */
  notes: string[];
}

/** Contexta's diagnostics codes (§11) plus `stage_status_unknown` for a run read without a ledger. */
export type DiagnosticCode =
  | 'degraded_record'
  | 'incomplete_stage'
  | 'missing_stage_metrics'
  | 'failed_batch'
  | 'incomplete_batch'
  | 'failed_deployment'
  | 'missing_expected_stage'
  | 'stage_status_unknown';

/** One diagnostic issue of one run, in Contexta's emission order per run. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  side: 'baseline' | 'candidate';
  project: string;
  runRef: string;
  /** What it is about (record, stage, batch, deployment or run ref). */
  subjectRef: string;
  stage: string | null;
  summary: string;
  details: Record<string, string | number | boolean | null>;
}

export type FindingCode =
  | 'slice_regression'
  | 'significant_regression'
  | 'artifact_growth'
  | 'degraded_evidence'
  | 'missing_evidence'
  | 'environment_changed'
  | 'context_changed';

/** Something a reviewer should look at, with concrete next steps. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  project: string;
  unit: string;
  stage: string | null;
  metric: string | null;
  slice: string | null;
  /** One line: what happened, with numbers; names from the evidence kept apart for quoting. */
  title: Phrase;
  /** Supporting detail (values, test, sample counts). */
  detail: Phrase;
  /** Concrete actions, e.g. "inspect the 3 samples of slice `region-apac` that newly fail: `s-0012`, …". */
  nextSteps: Phrase[];
}
