/**
 * The result of evaluating a gate config against a comparison: what the engine hands to the report
 * renderers, the action and the CLI. Plain JSON throughout; `schemaVersion` changes only when a field
 * is removed or changes meaning (additions keep the version).
 */

import type {
  Diagnostic,
  Finding,
  Interval,
  MetricDirection,
  RunComparison,
  RunIdentity,
} from '../compare/types.js';
import type { EvidenceGap } from '../evidence/model.js';
import type { GateKind, GateSeverity } from './config-types.js';

export const GATE_REPORT_SCHEMA_VERSION = 1;

/**
 * The overall decision. `unknown` = not enough evidence to decide (no baseline, metric missing with
 * policy unknown, …); it is always shown as unknown, even when the exit code maps it to pass.
 */
export type Verdict = 'pass' | 'warn' | 'fail' | 'unknown';

/**
 * One gate's outcome. `fail`/`warn`: the gate tripped (`fail` only for severity `fail` gates, a tripped
 * `warn` gate is `warn`). `unknown`: the gate could not judge (missing baseline or metric, too few
 * samples to fail on its own). `waived`: it tripped but every tripped check is covered by an accepted
 * waiver. `skipped`: the gate judged nothing, and its message says why (`no baseline: …`, `no match: …`
 * under `policy.unmatched: ignore`, `nothing judged: …`).
 */
export type GateOutcome = 'pass' | 'warn' | 'fail' | 'unknown' | 'waived' | 'skipped';

/**
 * The outcome of one row a gate looked at (one metric/slice/unit, one stage, one artifact kind, …).
 * `fail`: the row trips the gate; `warn`: the row trips at warning level only (an evidence gate's
 * `warn` action, `policy.missing_metrics: warn`); `unknown`: the row cannot be judged.
 */
export type CheckOutcome = 'pass' | 'warn' | 'fail' | 'unknown' | 'waived';

/**
 * One row of evidence a gate used. Fields that do not apply to the gate kind are null. `fail` means the
 * row trips the gate (the gate's severity decides whether that is a fail or a warn).
 * Policy checks (missing baseline, degraded baseline, evidence gaps, missing metrics) appear as gate
 * results named `policy.<key>` of kind `evidence`, only when they apply.
 */
export interface GateCheck {
  outcome: CheckOutcome;
  project: string;
  unit: string;
  stage: string | null;
  metric: string | null;
  slice: string | null;
  /** Artifact kind (artifact gates), diagnostic code (diagnostics gates), gap code (evidence gates). */
  subject: string | null;
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  relativeChange: number | null;
  direction: MetricDirection | null;
  /** The bound this row was held to, in words: "max_drop 0.05 (absolute)", "max 1200". */
  limit: string | null;
  /** Paired samples behind the row; null when there is no sample evidence. */
  n: number | null;
  /** Per-sample key whose paired test was used, or null ("no sample evidence: raw delta"). */
  sampleKey: string | null;
  /** Raw one-sided p-value of the row's paired test. */
  pValue: number | null;
  /** The p-value after Holm's adjustment over every tested row of the gate (the one compared to α). */
  adjustedPValue?: number | null;
  /** Which paired test: `mcnemar-mid-p`, `mcnemar-exact`, `paired-bootstrap-mean|quantile|metric`. */
  test?: string | null;
  /**
   * Minimum detectable worsening at the gate's α with power 0.8 (normal approximation), in metric
   * units; set for rows the test could not judge or did not find significant.
   */
  mde?: number | null;
  /** "device-tablet: n=116, a drop must exceed ≈0.13 to be detectable at alpha 0.05". */
  mdeText?: string | null;
  interval: Interval | null;
  /** Why this outcome, in one sentence with the numbers. */
  reason: string;
  /** Set when an accepted waiver covers this row. */
  waiver: Waiver | null;
}

export interface GateResult {
  name: string;
  kind: GateKind;
  severity: GateSeverity;
  outcome: GateOutcome;
  /**
   * What to fix, with metric, slice, values and threshold ("evaluate/accuracy@region-apac dropped
   * 0.912 → 0.824 (−8.8 pt), more than max_drop 0.05"). The gate's own `message` is appended.
   */
  message: string;
  /** Every row the gate evaluated; tripped rows first, then by project/unit/stage/metric/slice. */
  checks: GateCheck[];
  /** The most severe tripped (or, when none tripped, closest-to-limit) row; null when there are none. */
  worst: GateCheck | null;
  /** Short notes on the evidence used ("no sample evidence: threshold applied to raw delta", α, …). */
  evidence: string[];
  /** Waivers accepted for this gate (whole-gate or per-row). */
  waivers: Waiver[];
}

/**
 * A request to accept a failing gate. `target` is a gate name or `<stage>/<metric>` (stage `*` allowed);
 * `slice` narrows a metric target to one slice.
 */
export interface Waiver {
  target: string;
  slice: string | null;
  reason: string;
  /** Login of whoever applied the label / authored the commit carrying the trailer. */
  grantedBy: string;
  source: 'label' | 'trailer';
}

/** A waiver that was not accepted, and why (no write access, trailers disabled, malformed). */
export interface RejectedWaiver {
  /** The raw label or trailer text. */
  text: string;
  source: 'label' | 'trailer';
  grantedBy: string;
  reason: string;
}

/** What the exit code / check conclusion is, after `policy.unknown` mapping. */
export interface ExitMapping {
  outcome: 'pass' | 'warn' | 'fail';
  /** 0 for pass/warn, 1 for fail. */
  code: 0 | 1;
  /** One sentence, e.g. "verdict unknown mapped to warn by policy.unknown". */
  reason: string;
}

/** One side of the evaluation as the report shows it. */
export interface SideSummary {
  kind: 'contexta' | 'metalab';
  root: string;
  runs: RunIdentity[];
}

/** Free-form facts the caller passes through to the report (no secrets: the caller decides). */
export interface ReportContext {
  repository?: string;
  pullRequest?: number;
  sha?: string;
  baselineSha?: string;
  /** Where the baseline came from ("artifact contexta-evidence of main@abc123", "deployment prod-v1"). */
  baselineSource?: string;
  /** The workflow run the baseline evidence came from, so the report names it instead of a path. */
  baselineRunUrl?: string;
  baselineRunId?: number;
  baselineBranch?: string;
  /** How old the baseline run is, in words ("3 hours old"). */
  baselineAge?: string;
  configSource?: string;
}

/** One gated metric over the history window and this run (the last value), oldest first. */
export interface MetricTrend {
  project: string;
  unit: string;
  stage: string | null;
  metric: string;
  slice: string | null;
  values: number[];
  /** Which run each value came from ("run 1234 at abc1234 (2026-11-23)", the last is "this run"). */
  runs: string[];
}

export interface GateReport {
  schemaVersion: typeof GATE_REPORT_SCHEMA_VERSION;
  verdict: Verdict;
  exit: ExitMapping;
  /** One line for the top of a comment: verdict and the main reason. */
  headline: string;
  baseline: SideSummary | null;
  candidate: SideSummary;
  gates: GateResult[];
  comparisons: RunComparison[];
  findings: Finding[];
  /** Diagnostics of both sides (`side` says which); gates only judge the candidate's. */
  diagnostics: Diagnostic[];
  gaps: { baseline: EvidenceGap[]; candidate: EvidenceGap[] };
  waivers: { accepted: Waiver[]; rejected: RejectedWaiver[]; unused: Waiver[] };
  /** Readers' notes and engine notes (divergences from Contexta, how runs were selected). */
  notes: string[];
  /** Deduplicated actions, most important first. */
  nextSteps: string[];
  /**
   * Facts about the config that belong in the report's heading: the built-in defaults were used
   * (no config on the base branch), or the pull request changes the config and that change only
   * applies after merge. Set by the action; absent when there is nothing to say.
   */
  configNotices?: string[];
  context: ReportContext;
  /** Gated metrics over the history window; empty (or absent, from older producers) without history. */
  trends?: MetricTrend[];
}
