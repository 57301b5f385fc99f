import type { Direction, DirectionOverride } from '../compare/direction.js';

/**
 * The parsed gate configuration (`.github/contexta-gate.yml`, version 1).
 *
 * The file uses snake_case keys; these types use camelCase and hold every default already applied,
 * so gate evaluation never has to look at the policy for a value a gate left out. Mapping:
 * `missing_baseline` → `missingBaseline`, `baseline_degraded` → `baselineDegraded`,
 * `evidence_gaps` → `evidenceGaps`, `missing_metrics` → `missingMetrics`, `unmatched` → `unmatched`, `min_samples` → `minSamples`,
 * `min_effect` → `minEffect`, `bootstrap_resamples` → `bootstrapResamples`, `max_drop` → `maxDrop`,
 * `max_drop_pct` → `maxDropPct`, `max_increase` → `maxIncrease`, `max_increase_pct` → `maxIncreasePct`,
 * `require_complete` → `requireComplete`, `optional_stages` → `optionalStages`,
 * `require_metrics` → `requireMetrics`,
 * `diagnostics` → `level`, `artifact` → `artifact`, `max_growth_pct` → `maxGrowthPct`,
 * `max_growth_bytes` → `maxGrowthBytes`, `max_drift` → `maxDrift`,
 * `max_drift_pct` → `maxDriftPct`, `metric` (string or list) → `metrics` (always a list).
 */

/** What the job does with a verdict or condition: pass it, warn about it, or fail the check. */
export type Outcome = 'pass' | 'warn' | 'fail';
/** How a policy maps a situation where the gate cannot judge; `unknown` keeps the verdict unknown. */
export type UnknownOutcome = 'unknown' | Outcome;
/** How an evidence problem is treated. */
export type GapAction = 'fail' | 'warn' | 'ignore';
/** Severity of a failing gate. */
export type GateSeverity = 'fail' | 'warn';
/** Diagnostic levels a diagnostics gate can trip on (at or above). */
export type DiagnosticLevel = 'error' | 'warning' | 'info';

/**
 * Selects metrics: `stage` is a stage name, `*` (any stage and run-level metrics) or `run` (run-level
 * metrics only); `stage` and `key` may contain `*` globs matching any run of characters (dots included).
 */
export interface MetricSelector {
  stage: string;
  key: string;
}

export type SliceSelection = { mode: 'none' } | { mode: 'all' } | { mode: 'list'; slices: string[] };

export interface GatePolicy {
  unknown: Outcome;
  missingBaseline: UnknownOutcome;
  baselineDegraded: UnknownOutcome;
  evidenceGaps: GapAction;
  missingMetrics: GapAction;
  /**
   * A gate that matches nothing in either run is a config problem (a typo in a selector or slice):
   * `fail` fails the job whatever the gate's severity, `warn` warns, `ignore` reports the gate skipped.
   */
  unmatched: GapAction;
  /** Alpha of every regression gate without its own `significance` (noise-aware by default). */
  significance: number;
  /** McNemar variant for 0/1 per-sample outcomes: `mid-p` (default) or `exact`. */
  binaryTest: 'mid-p' | 'exact';
  /** Below this many pairs a row gets no significance decision (unknown, with the detectable effect). */
  minPairs: number;
  minSamples: number;
  minEffect: number;
  bootstrapResamples: number;
  seed: number;
  /** In the order written in the file. */
  directions: DirectionOverride[];
  waivers: { labels: boolean; trailers: boolean; self: boolean };
  /** Default history window (runs) of regression gates: `max_drift` and noise from history. */
  history: number;
}

interface GateCommon {
  name: string;
  severity: GateSeverity;
  /** Custom text shown when the gate fails; null when the user gave none. */
  message: string | null;
}

/** Absolute bounds on a metric's value. At least one of `min`/`max` is set. */
export interface ThresholdGate extends GateCommon {
  kind: 'threshold';
  metrics: MetricSelector[];
  min: number | null;
  max: number | null;
  slices: SliceSelection;
}

/**
 * Candidate vs baseline. At least one limit is set; `maxDropPct`/`maxIncreasePct` are percentages of
 * the baseline value. The `maxDrop*` limits judge higher-is-better metrics and the `maxIncrease*`
 * limits lower-is-better ones (direction: `direction`, else `metricDirection(key, policy.directions)`);
 * a metric whose direction is neutral is reported, never failed, and an improvement never fails.
 * `significance` is the resolved alpha: the gate's own, else `policy.significance`; null only for the
 * file's `significance: false`. With an alpha, a row that has paired per-sample outcomes fails only when
 * it is beyond its limit and its one-sided worsening is significant at that alpha after Holm's
 * adjustment over the gate's rows; a row that has none is judged on the `max*` limits and says so.
 */
export interface RegressionGate extends GateCommon {
  kind: 'regression';
  metrics: MetricSelector[];
  maxDrop: number | null;
  maxDropPct: number | null;
  maxIncrease: number | null;
  maxIncreasePct: number | null;
  /** Null: decided per metric by `metricDirection(key, policy.directions)`. */
  direction: Direction | null;
  significance: number | null;
  minSamples: number;
  minEffect: number;
  slices: SliceSelection;
  /** Per-sample metric key holding this metric's sample outcomes; null: the evaluator picks. */
  samples: string | null;
  /**
   * Largest cumulative worsening against the best value of the last `history` runs (`max_drift`, in
   * metric units; `max_drift_pct`, in % of that best value), judged on raw values. Not judged
   * without history.
   */
  maxDrift: number | null;
  maxDriftPct: number | null;
  /** History window in runs (`history`, default `policy.history`). */
  history: number;
}

export type RequiredMetrics =
  | { mode: 'none' }
  | { mode: 'baseline' }
  | { mode: 'list'; metrics: MetricSelector[] };

export interface EvidenceGate extends GateCommon {
  kind: 'evidence';
  /**
   * Stage names that must exist in the candidate; the other checks are scoped to these stages.
   * `run` is the run's own evidence outside any stage (all a metalab unit has).
   */
  requireComplete: string[];
  /**
   * Stages checked like `requireComplete` (degraded, partial, statuses) when the candidate has them,
   * without being required to exist (`optional_stages`, an addition to the brief's vocabulary: the
   * reference policy checks `train` but llm-eval runs have no train stage).
   */
  optionalStages: string[];
  requireMetrics: RequiredMetrics;
  degraded: GapAction;
  partial: GapAction;
  statuses: GapAction;
}

export interface DiagnosticsGate extends GateCommon {
  kind: 'diagnostics';
  /** Fails on any diagnostic at or above this level. */
  level: DiagnosticLevel;
}

export interface ArtifactGate extends GateCommon {
  kind: 'artifact';
  /** Artifact kind, may contain `*` globs. */
  artifact: string;
  maxGrowthPct: number | null;
  maxGrowthBytes: number | null;
}

export type Gate = ThresholdGate | RegressionGate | EvidenceGate | DiagnosticsGate | ArtifactGate;
export type GateKind = Gate['kind'];

export interface GateConfig {
  version: 1;
  policy: GatePolicy;
  gates: Gate[];
}

/** One problem in a config, pointing at the exact place (1-based line and column). */
export interface ConfigError {
  /** File name, or `config-inline` for YAML given through an action input. */
  source: string;
  line: number;
  col: number;
  /** Path in the document, e.g. `gates[2].max_drop`; empty for the document as a whole. */
  path: string;
  message: string;
}

export type ConfigResult =
  | { ok: true; config: GateConfig; warnings: string[] }
  | { ok: false; errors: ConfigError[] };
