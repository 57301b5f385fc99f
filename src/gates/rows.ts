/** The metric rows a gate looks at, and the rows every metric gate builds alike (missing metrics). */
import type { ComparedUnit } from '../compare/compare.js';
import type { MetricDelta, MetricDirection } from '../compare/types.js';
import type { Run, Stage } from '../evidence/model.js';
import { formatNumber, metricLabel } from '../format/numbers.js';
import type { GatePolicy, MetricSelector, SliceSelection } from './config-types.js';
import { type Judged, metricKey } from './judged.js';
import { matchesSelector } from './metric-selector.js';
import { check, gapOutcome, MISSING_METRIC } from './results.js';
import type { GateCheck } from './types.js';

/** Where a row is, prefixed with the unit when several runs/units were compared. */
export function where(unit: ComparedUnit, label: string, multi: boolean): string {
  return multi ? `${unit.comparison.project}/${unit.comparison.unit}: ${label}` : label;
}

function sliceSelected(selection: SliceSelection, slice: string | null): boolean {
  if (selection.mode === 'none') return slice === null;
  // `all` is the overall series and every slice (docs/config.md).
  if (selection.mode === 'all') return true;
  return slice !== null && selection.slices.includes(slice);
}

function selected(selectors: readonly MetricSelector[], row: MetricDelta): boolean {
  return selectors.some((s) => matchesSelector(s, row.stage, row.key));
}

function isLiteral(selector: MetricSelector): boolean {
  return !selector.key.includes('*') && !selector.stage.includes('*');
}

/** Rows a metric gate looks at: stage/run-level series (not batch-scoped) selected by metric and slice. */
export function gateRows(
  unit: ComparedUnit,
  selectors: readonly MetricSelector[],
  slices: SliceSelection,
): MetricDelta[] {
  return unit.comparison.metrics.filter(
    (row) => row.batch === null && selected(selectors, row) && sliceSelected(slices, row.slice),
  );
}

/** Which series of which unit a check is about. */
export function seriesFacts(
  unit: ComparedUnit,
  metric: { stage: string | null; key: string; slice: string | null },
) {
  return {
    project: unit.comparison.project,
    unit: unit.comparison.unit,
    stage: metric.stage,
    metric: metric.key,
    slice: metric.slice,
  };
}

/** The fields every check about one metric row carries, whatever the gate kind. */
export function rowFacts(unit: ComparedUnit, row: MetricDelta, direction: MetricDirection) {
  return {
    ...seriesFacts(unit, row),
    baseline: row.baseline,
    candidate: row.candidate,
    delta: row.delta,
    relativeChange: row.relativeChange,
    direction,
  };
}

/** Literal selectors that name a series the candidate does not have at all. */
export function absentLiterals(
  unit: ComparedUnit,
  selectors: readonly MetricSelector[],
  slices: SliceSelection,
): { stage: string | null; key: string; slice: string | null }[] {
  const wanted =
    slices.mode === 'none' ? [null] : slices.mode === 'list' ? slices.slices : ([] as (string | null)[]);
  const out: { stage: string | null; key: string; slice: string | null }[] = [];
  for (const selector of selectors) {
    if (!isLiteral(selector)) continue;
    const stage = selector.stage === 'run' ? null : selector.stage;
    for (const slice of wanted) {
      const present = unit.comparison.metrics.some(
        (row) => row.stage === stage && row.key === selector.key && row.slice === slice && row.batch === null,
      );
      if (!present) out.push({ stage, key: selector.key, slice });
    }
  }
  return out;
}

/**
 * A selected metric the candidate does not have, or has with no finite value (NaN, ±Infinity): either
 * way there is nothing to judge, and `policy.missing_metrics` decides what that means.
 */
export function missingCheck(
  judged: Judged,
  unit: ComparedUnit,
  policy: GatePolicy,
  metric: { stage: string | null; key: string; slice: string | null; candidateNonFinite?: number },
  multi: boolean,
  baseline: number | null,
): GateCheck | null {
  judged.metrics.add(metricKey(unit.comparison.project, unit.comparison.unit, metric));
  const outcome = gapOutcome(policy.missingMetrics);
  if (outcome === null) return null;
  const label = metricLabel(metric.stage, metric.key, metric.slice);
  const nonFinite = metric.candidateNonFinite ?? 0;
  const what =
    nonFinite > 0
      ? `has no finite value in the candidate (${nonFinite} NaN/Infinity observation(s))`
      : 'is missing from the candidate';
  return check({
    outcome,
    ...seriesFacts(unit, metric),
    subject: MISSING_METRIC,
    baseline,
    reason:
      `${where(unit, label, multi)} ${what}` +
      (baseline === null ? '' : ` (baseline ${formatNumber(baseline)})`) +
      ` (policy.missing_metrics: ${policy.missingMetrics})`,
  });
}

export function ignoredMissing(policy: GatePolicy, count: number): string[] {
  return policy.missingMetrics === 'ignore' && count > 0
    ? [
        `${count} selected metric(s) missing from the candidate or not finite there, ignored by policy.missing_metrics: ignore`,
      ]
    : [];
}

/**
 * A metalab candidate unit without a baseline unit has new parameters, not a missing baseline, when
 * the baseline store has other units: it is reported as new and not judged against anything.
 */
export function newParameterUnits(units: readonly ComparedUnit[]): boolean {
  const metalab = units.some(
    (u) => u.pair.candidate?.params !== null && u.pair.candidate?.params !== undefined,
  );
  return metalab && units.some((u) => u.pair.baseline);
}

export function stagesOf(run: Run, names: readonly string[]): Stage[] {
  return run.stages.filter((s) => names.includes(s.name));
}
