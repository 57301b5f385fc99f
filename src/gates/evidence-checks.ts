/** The evidence gate's checks of one scope (a stage or the run level): required metrics, degraded and partial evidence. */
import type { ComparedUnit } from '../compare/compare.js';
import type { DegradedRecord, EvidenceGap, MetricSeries, Run, Stage } from '../evidence/model.js';
import { metricLabel } from '../format/numbers.js';
import type { EvidenceGate } from './config-types.js';
import { gapKey, type Judged, metricKey } from './judged.js';
import type { GateInputs } from './kind.js';
import { check, gapOutcome } from './results.js';
import { where } from './rows.js';
import type { CheckOutcome, GateCheck } from './types.js';

/** Gaps the evidence model already carries as degraded records / partial counts. */
const GAPS_COVERED_BY_RECORDS = new Set(['degraded_record', 'partial_record']);

function seriesLabel(m: { key: string; slice: string | null }): string {
  return m.slice === null ? m.key : `${m.key}@${m.slice}`;
}

/**
 * `run` in `require_complete` / `optional_stages`: the run's own evidence, outside any stage — its
 * run-level metrics, its status and the gaps attributed to it. A metalab unit has nothing else.
 */
export const RUN_LEVEL = 'run';

/** The stage a required-metrics row is about, or the run's own metrics (`stage: null`). */
interface MetricScope {
  stage: string | null;
  label: string;
  wanted: readonly MetricSeries[];
  have: readonly MetricSeries[];
}

export function stageScope(stage: Stage, run: Run): MetricScope {
  return {
    stage: stage.name,
    label: `stage ${stage.name}`,
    wanted: stage.metrics,
    have: run.stages.find((s) => s.name === stage.name)?.metrics ?? [],
  };
}

export function runScope(baseline: Run, run: Run): MetricScope {
  return { stage: null, label: 'run-level evidence', wanted: baseline.runMetrics, have: run.runMetrics };
}

/** One row per baseline stage (or run level): which of its metric series (key and slice) the candidate lacks. */
export function requiredFromBaseline(
  judged: Judged,
  unit: ComparedUnit,
  scope: MetricScope,
  multi: boolean,
): GateCheck {
  const wanted = new Map<string, { key: string; slice: string | null }>();
  for (const m of scope.wanted) wanted.set(JSON.stringify([m.key, m.slice]), { key: m.key, slice: m.slice });
  const missing: { key: string; slice: string | null }[] = [];
  const nonFinite: { key: string; slice: string | null }[] = [];
  for (const m of wanted.values()) {
    const series = scope.have.filter((x) => x.key === m.key && x.slice === m.slice);
    if (series.length === 0) {
      missing.push(m);
      judged.metrics.add(
        metricKey(unit.comparison.project, unit.comparison.unit, { stage: scope.stage, ...m }),
      );
    } else if (!series.some((x) => Number.isFinite(x.latest.value))) nonFinite.push(m);
  }
  const order = (a: { key: string; slice: string | null }, b: { key: string; slice: string | null }) =>
    a.key.localeCompare(b.key) || (a.slice ?? '').localeCompare(b.slice ?? '');
  missing.sort(order);
  nonFinite.sort(order);
  const overall = [...new Set(missing.filter((m) => m.slice === null).map((m) => m.key))];
  const sliced = missing.filter((m) => m.slice !== null).length;
  const parts: string[] = [];
  if (missing.length > 0) {
    const named = overall.length > 0 ? overall.join(', ') : missing.slice(0, 5).map(seriesLabel).join(', ');
    parts.push(
      `candidate ${scope.label} lacks ${missing.length} of the baseline's ${wanted.size} metric series: ${named}` +
        (overall.length > 0 && sliced > 0 ? ` (+${sliced} slice series)` : ''),
    );
  }
  if (nonFinite.length > 0) {
    parts.push(`only non-finite values for ${nonFinite.map(seriesLabel).join(', ')}`);
  }
  return check({
    project: unit.comparison.project,
    unit: unit.comparison.unit,
    stage: scope.stage,
    metric: missing[0]?.key ?? nonFinite[0]?.key ?? null,
    subject: 'required_metrics',
    candidate: wanted.size - missing.length - nonFinite.length,
    baseline: wanted.size,
    outcome: parts.length > 0 ? 'fail' : 'pass',
    reason: where(
      unit,
      parts.length > 0
        ? parts.join('; ')
        : `all ${wanted.size} baseline metric series of ${scope.label} present`,
      multi,
    ),
  });
}

/**
 * The `degraded` part of an evidence gate for one scope (a stage, or the run outside any stage):
 * degraded records, series carrying a degradation marker when no record explains them, and error
 * gaps not already told by a record. Every gap seen is marked judged.
 */
export function degradedChecks(
  context: {
    unit: ComparedUnit;
    multi: boolean;
    judged: Judged;
    ids: { project: string; unit: string; stage?: string };
    outcome: CheckOutcome;
  },
  scope: { stage: string | null; label: string; gapPrefix: string },
  records: readonly DegradedRecord[],
  series: readonly MetricSeries[],
  gaps: readonly EvidenceGap[],
): GateCheck[] {
  const { unit, multi, judged, ids, outcome } = context;
  const row = (subject: string, text: string) =>
    check({ ...ids, subject, outcome, reason: where(unit, text, multi) });
  const checks = records.map((record) =>
    row(
      'degraded_record',
      `${scope.label}: degraded record ${record.issueKey} (${record.degradationMarker}` +
        `${record.severity ? `, ${record.severity}` : ''}): ${record.summary}`,
    ),
  );
  if (series.length > 0 && records.length === 0) {
    checks.push(
      row(
        'degraded_record',
        `${scope.label}: ${series.length} metric series carry a degradation marker (${series
          .map((m) => metricLabel(scope.stage, m.key, m.slice))
          .slice(0, 5)
          .join(', ')})`,
      ),
    );
  }
  for (const gap of gaps) {
    judged.gaps.add(gapKey(gap));
    if (GAPS_COVERED_BY_RECORDS.has(gap.code)) continue;
    checks.push(row(gap.code, `${scope.gapPrefix}evidence gap ${gap.code}: ${gap.message}`));
  }
  return checks;
}

/**
 * Degraded and partial evidence of the run itself (`require_complete: [run]`): degraded records and
 * series outside any stage, error gaps attributed to the run without a stage (a metalab unit's failed,
 * crashed or never-written replicates), run-level series that are not complete.
 */
export function runLevelChecks(
  gate: EvidenceGate,
  inputs: GateInputs,
  judged: Judged,
  unit: ComparedUnit,
  run: Run,
  multi: boolean,
): GateCheck[] {
  const ids = { project: unit.comparison.project, unit: unit.comparison.unit };
  const checks: GateCheck[] = [];
  const degradedOutcome = gapOutcome(gate.degraded);
  const partialOutcome = gapOutcome(gate.partial);
  const records = run.degraded.filter((d) => d.stage === null);
  const degradedSeries = run.runMetrics.filter((m) => m.degraded);
  const gaps = inputs.candidateGaps.filter(
    (g) => g.severity === 'error' && g.stage === undefined && g.runRef === run.ref,
  );
  const partial = run.runMetrics.filter((m) => m.completeness !== 'complete');
  // A NaN/Infinity value is invalid evidence even when no series is left to say so: the reader drops
  // a series without any finite value, so only its gap remembers it.
  const nonFinite = inputs.candidateGaps.filter(
    (g) =>
      g.code === 'non_finite_number' &&
      g.severity === 'warning' &&
      g.stage === undefined &&
      g.runRef === run.ref,
  );
  if (degradedOutcome) {
    checks.push(
      ...degradedChecks(
        { unit, multi, judged, ids, outcome: degradedOutcome },
        { stage: null, label: 'run level', gapPrefix: '' },
        records,
        degradedSeries,
        gaps,
      ),
    );
  }
  if (partialOutcome && partial.length > 0) {
    checks.push(
      check({
        ...ids,
        subject: 'partial_record',
        outcome: partialOutcome,
        reason: where(
          unit,
          `run level: ${partial.length} of ${run.runMetrics.length} metric series are not complete (${partial
            .map((m) => metricLabel(null, m.key, m.slice))
            .slice(0, 5)
            .join(', ')})`,
          multi,
        ),
      }),
    );
  }
  if (partialOutcome && nonFinite.length > 0) {
    for (const gap of nonFinite) judged.gaps.add(gapKey(gap));
    checks.push(
      check({
        ...ids,
        subject: 'non_finite_number',
        outcome: partialOutcome,
        reason: where(
          unit,
          `run level: ${nonFinite.length} non-finite value(s), never compared: ${nonFinite
            .slice(0, 3)
            .map((g) => g.message)
            .join('; ')}${nonFinite.length > 3 ? `; and ${nonFinite.length - 3} more` : ''}`,
          multi,
        ),
      }),
    );
  }
  const clean =
    records.length === 0 &&
    degradedSeries.length === 0 &&
    gaps.length === 0 &&
    partial.length === 0 &&
    nonFinite.length === 0;
  if ((degradedOutcome || partialOutcome) && clean) {
    checks.push(
      check({
        ...ids,
        subject: 'run_evidence',
        outcome: 'pass',
        reason: where(unit, 'run level: no degraded, failed or partial evidence', multi),
      }),
    );
  }
  return checks;
}
