import { type ComparedUnit, namesUnits } from '../compare/compare.js';
import { globMatch } from '../compare/glob.js';
import type { Diagnostic, MetricDelta, MetricDirection, SampleGroupComparison } from '../compare/types.js';
import type { DegradedRecord, EvidenceGap, MetricSeries, Run, Stage } from '../evidence/model.js';
import {
  formatChange,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
  metricLabel,
} from '../format/numbers.js';
import type {
  ArtifactGate,
  DiagnosticsGate,
  EvidenceGate,
  GapAction,
  Gate,
  GateConfig,
  GatePolicy,
  GateSeverity,
  MetricSelector,
  RegressionGate,
  SliceSelection,
  ThresholdGate,
  UnknownOutcome,
} from './config-types.js';
import { formatSelector, matchesSelector } from './metric-selector.js';
import type { CheckOutcome, GateCheck, GateOutcome, GateResult } from './types.js';

export interface GateInputs {
  config: GateConfig;
  units: ComparedUnit[];
  /** False when no baseline evidence was given at all. */
  baselineAvailable: boolean;
  /** Diagnostics of both sides; gates judge the candidate's. */
  diagnostics: Diagnostic[];
  baselineGaps: EvidenceGap[];
  candidateGaps: EvidenceGap[];
}

const LEVELS = { info: 0, warning: 1, error: 2 } as const;

type CheckDraft = Partial<GateCheck> & Pick<GateCheck, 'outcome' | 'project' | 'unit' | 'reason'>;

function check(draft: CheckDraft): GateCheck {
  return {
    stage: null,
    metric: null,
    slice: null,
    subject: null,
    baseline: null,
    candidate: null,
    delta: null,
    relativeChange: null,
    direction: null,
    limit: null,
    n: null,
    sampleKey: null,
    pValue: null,
    interval: null,
    waiver: null,
    ...draft,
  };
}

const TRIPPED: ReadonlySet<CheckOutcome> = new Set(['fail', 'warn']);
const RANK: Record<CheckOutcome, number> = { fail: 0, warn: 1, unknown: 2, waived: 3, pass: 4 };

/** A gate's outcome from its rows: any failing row trips the gate at the gate's severity. */
export function gateOutcome(severity: GateSeverity, checks: readonly GateCheck[]): GateOutcome {
  if (checks.length === 0) return 'skipped';
  if (checks.some((c) => c.outcome === 'fail')) return severity === 'fail' ? 'fail' : 'warn';
  if (checks.some((c) => c.outcome === 'warn')) return 'warn';
  if (checks.some((c) => c.outcome === 'unknown')) return 'unknown';
  if (checks.some((c) => c.outcome === 'waived')) return 'waived';
  return 'pass';
}

function gapOutcome(action: GapAction): CheckOutcome | null {
  return action === 'fail' ? 'fail' : action === 'warn' ? 'warn' : null;
}

/** Where a row is, prefixed with the unit when several runs/units were compared. */
function where(unit: ComparedUnit, label: string, multi: boolean): string {
  return multi ? `${unit.comparison.project}/${unit.comparison.unit}: ${label}` : label;
}

/** Tripped rows first; within an outcome, emission order (gates emit in a meaningful order). */
function sortChecks(checks: GateCheck[]): GateCheck[] {
  return checks.sort(
    (a, b) =>
      RANK[a.outcome] - RANK[b.outcome] || a.project.localeCompare(b.project) || a.unit.localeCompare(b.unit),
  );
}

function sliceSelected(selection: SliceSelection, slice: string | null): boolean {
  if (selection.mode === 'none') return slice === null;
  if (selection.mode === 'all') return slice !== null;
  return slice !== null && selection.slices.includes(slice);
}

function selected(selectors: readonly MetricSelector[], row: MetricDelta): boolean {
  return selectors.some((s) => matchesSelector(s, row.stage, row.key));
}

function isLiteral(selector: MetricSelector): boolean {
  return !selector.key.includes('*') && !selector.stage.includes('*');
}

/** Rows a metric gate looks at: stage/run-level series (not batch-scoped) selected by metric and slice. */
function gateRows(
  unit: ComparedUnit,
  selectors: readonly MetricSelector[],
  slices: SliceSelection,
): MetricDelta[] {
  return unit.comparison.metrics.filter(
    (row) => row.batch === null && selected(selectors, row) && sliceSelected(slices, row.slice),
  );
}

/** The fields every check about one metric row carries, whatever the gate kind. */
function rowFacts(unit: ComparedUnit, row: MetricDelta, direction: MetricDirection) {
  return {
    project: unit.comparison.project,
    unit: unit.comparison.unit,
    stage: row.stage,
    metric: row.key,
    slice: row.slice,
    baseline: row.baseline,
    candidate: row.candidate,
    delta: row.delta,
    relativeChange: row.relativeChange,
    direction,
  };
}

/** Literal selectors that name a series the candidate does not have at all. */
function absentLiterals(
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

function missingCheck(
  judged: Judged,
  unit: ComparedUnit,
  policy: GatePolicy,
  metric: { stage: string | null; key: string; slice: string | null },
  multi: boolean,
  baseline: number | null,
): GateCheck | null {
  judged.metrics.add(metricKey(unit.comparison.project, unit.comparison.unit, metric));
  const outcome = gapOutcome(policy.missingMetrics);
  if (outcome === null) return null;
  const label = metricLabel(metric.stage, metric.key, metric.slice);
  return check({
    outcome,
    project: unit.comparison.project,
    unit: unit.comparison.unit,
    stage: metric.stage,
    metric: metric.key,
    slice: metric.slice,
    baseline,
    reason:
      `${where(unit, label, multi)} is missing from the candidate` +
      (baseline === null ? '' : ` (baseline ${formatNumber(baseline)})`) +
      ` (policy.missing_metrics: ${policy.missingMetrics})`,
  });
}

function ignoredMissing(policy: GatePolicy, count: number): string[] {
  return policy.missingMetrics === 'ignore' && count > 0
    ? [`${count} selected metric(s) missing from the candidate, ignored by policy.missing_metrics: ignore`]
    : [];
}

function thresholdGate(
  gate: ThresholdGate,
  inputs: GateInputs,
  judged: Judged,
): { checks: GateCheck[]; evidence: string[] } {
  const { policy } = inputs.config;
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  let ignored = 0;
  const bounds = [gate.min === null ? null : `min ${gate.min}`, gate.max === null ? null : `max ${gate.max}`]
    .filter((x) => x !== null)
    .join(', ');
  for (const unit of inputs.units) {
    if (!unit.pair.candidate) continue;
    for (const row of gateRows(unit, gate.metrics, gate.slices)) {
      const label = where(unit, metricLabel(row.stage, row.key, row.slice), multi);
      const base = { ...rowFacts(unit, row, row.direction), limit: bounds };
      if (row.presence === 'baseline_only') {
        const missing = missingCheck(judged, unit, policy, row, multi, row.baseline);
        if (missing) checks.push({ ...missing, limit: bounds });
        else ignored++;
        continue;
      }
      const value = row.candidate;
      if (value === null) {
        checks.push(
          check({ ...base, outcome: 'unknown', reason: `${label}: ${row.reason ?? 'no finite value'}` }),
        );
        continue;
      }
      let outcome: CheckOutcome = 'pass';
      let reason = `${label} = ${formatNumber(value)} is within ${bounds}`;
      if (gate.min !== null && value < gate.min) {
        outcome = 'fail';
        reason = `${label} = ${formatNumber(value)} is below min ${gate.min}`;
      } else if (gate.max !== null && value > gate.max) {
        outcome = 'fail';
        reason = `${label} = ${formatNumber(value)} is above max ${gate.max}`;
      }
      checks.push(check({ ...base, outcome, reason }));
    }
    for (const metric of absentLiterals(unit, gate.metrics, gate.slices)) {
      const missing = missingCheck(judged, unit, policy, metric, multi, null);
      if (missing) checks.push({ ...missing, limit: bounds });
      else ignored++;
    }
  }
  const evidence = [
    ...(inputs.units.some((u) => !u.pair.baseline) ? ['absolute bounds: applied without a baseline'] : []),
    ...ignoredMissing(policy, ignored),
  ];
  return { checks, evidence };
}

/** Paired samples behind a stage (and slice) from any per-sample key: the n for `min_samples`. */
function stageSampleCount(unit: ComparedUnit, stage: string | null, slice: string | null): number | null {
  let best: number | null = null;
  for (const s of unit.comparison.samples) {
    if (s.stage !== stage || s.presence !== 'both') continue;
    const group = slice === null ? s.overall : s.slices.find((g) => g.slice === slice);
    if (group && (best === null || group.paired > best)) best = group.paired;
  }
  return best;
}

function sampleGroup(
  unit: ComparedUnit,
  stage: string,
  key: string,
  slice: string | null,
): SampleGroupComparison | null {
  const series = unit.comparison.samples.find(
    (s) => s.stage === stage && s.key === key && s.presence === 'both',
  );
  if (!series) return null;
  return slice === null ? series.overall : (series.slices.find((g) => g.slice === slice) ?? null);
}

interface Limits {
  abs: number | null;
  pct: number | null;
  text: string | null;
}

function limitsFor(gate: RegressionGate, direction: 'higher' | 'lower'): Limits {
  const [abs, pct, name] =
    direction === 'higher'
      ? [gate.maxDrop, gate.maxDropPct, 'max_drop']
      : [gate.maxIncrease, gate.maxIncreasePct, 'max_increase'];
  const text = [abs === null ? null : `${name} ${abs}`, pct === null ? null : `${name}_pct ${pct} %`]
    .filter((x) => x !== null)
    .join(', ');
  return { abs, pct, text: text === '' ? null : text };
}

/**
 * Values are read from decimal text (and metalab averages replicates), so a change that equals its
 * limit in decimal can exceed it by a few units in the last place: 0.88975 − 0.83975 is 0.05 written
 * down but 0.05000000000000004 in binary. Worsening within this slack of a limit is at the limit,
 * which a "may not drop more than" limit allows.
 */
function roundingSlack(baseline: number, candidate: number): number {
  return 64 * Number.EPSILON * Math.max(Math.abs(baseline), Math.abs(candidate));
}

function beyond(limits: Limits, worsening: number, baseline: number, candidate: number): boolean {
  const slack = roundingSlack(baseline, candidate);
  if (limits.abs !== null && worsening - limits.abs > slack) return true;
  if (limits.pct !== null) {
    if (baseline === 0) return worsening > slack;
    if (worsening - (limits.pct / 100) * Math.abs(baseline) > slack) return true;
  }
  return false;
}

function testText(group: SampleGroupComparison, key: string): string {
  const test = group.test!;
  const name = test.method === 'mcnemar-exact' ? 'McNemar' : 'paired bootstrap';
  const parts = [`${name} on ${key}: ${formatPValue(test.pValue ?? 1)}`, `n = ${test.n}`];
  if (group.binary)
    parts.push(
      `${group.binary.newlyFailing.count} newly failing, ${group.binary.newlyPassing.count} newly passing`,
    );
  return parts.join(', ');
}

function regressionGate(
  gate: RegressionGate,
  inputs: GateInputs,
  judged: Judged,
): { checks: GateCheck[]; evidence: string[] } {
  const { policy } = inputs.config;
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const rawDelta = new Set<string>();
  const tested = new Set<string>();
  const neutral = new Set<string>();
  const noLimit = new Set<string>();
  const newMetrics = new Set<string>();
  let ignored = 0;
  let noBaseline = 0;
  for (const unit of inputs.units) {
    if (!unit.pair.candidate && !unit.pair.baseline) continue;
    if (!unit.pair.baseline) {
      noBaseline++;
      continue;
    }
    for (const row of gateRows(unit, gate.metrics, gate.slices)) {
      const label = metricLabel(row.stage, row.key, row.slice);
      const located = where(unit, label, multi);
      const direction: MetricDirection = gate.direction ?? row.direction;
      const base = rowFacts(unit, row, direction);
      if (row.presence === 'candidate_only') {
        newMetrics.add(label);
        continue;
      }
      if (direction === 'neutral') {
        neutral.add(row.key);
        continue;
      }
      const limits = limitsFor(gate, direction);
      if (limits.text === null) {
        noLimit.add(`${row.key} (${direction} is better)`);
        continue;
      }
      if (row.presence === 'baseline_only') {
        const missing = missingCheck(judged, unit, policy, row, multi, row.baseline);
        if (missing) checks.push({ ...missing, direction, limit: limits.text });
        else ignored++;
        continue;
      }
      if (row.baseline === null || row.candidate === null) {
        checks.push(
          check({
            ...base,
            outcome: 'unknown',
            limit: limits.text,
            reason: `${located}: ${row.reason ?? 'not comparable'}`,
          }),
        );
        continue;
      }
      const b = row.baseline;
      const c = row.candidate;
      const worsening = direction === 'higher' ? b - c : c - b;
      const sampleKey = row.stage === null ? null : (gate.samples ?? row.sampleLink?.key ?? null);
      const group =
        sampleKey && row.stage !== null ? sampleGroup(unit, row.stage, sampleKey, row.slice) : null;
      const usable = group?.test ? group : null;
      const n = usable ? usable.paired : stageSampleCount(unit, row.stage, row.slice);
      const stats = {
        n,
        sampleKey: usable ? sampleKey : null,
        pValue: usable?.test?.pValue ?? null,
        interval: usable?.test?.interval ?? null,
        limit: limits.text,
      };
      const verb = worsening > 0 ? (c < b ? 'dropped' : 'rose') : c === b ? 'unchanged at' : 'improved';
      const change = c === b ? formatNumber(c) : formatChange(b, c);
      const what = `${located} ${verb} ${change}`;
      if (worsening <= 0) {
        checks.push(check({ ...base, ...stats, outcome: 'pass', reason: what }));
        continue;
      }
      if (!beyond(limits, worsening, b, c)) {
        checks.push(check({ ...base, ...stats, outcome: 'pass', reason: `${what}, within ${limits.text}` }));
        continue;
      }
      if (worsening < gate.minEffect) {
        checks.push(
          check({
            ...base,
            ...stats,
            outcome: 'pass',
            reason: `${what}, beyond ${limits.text} but smaller than min_effect ${gate.minEffect}`,
          }),
        );
        continue;
      }
      let reason = `${what}, beyond ${limits.text}`;
      if (gate.significance !== null && usable && sampleKey) {
        tested.add(`${label} ↔ ${sampleKey}`);
        const p = usable.test!.pValue ?? 1;
        if (p >= gate.significance) {
          checks.push(
            check({
              ...base,
              ...stats,
              outcome: 'pass',
              reason: `${reason} but not significant (${testText(usable, sampleKey)}; α = ${gate.significance})`,
            }),
          );
          continue;
        }
        reason += ` and significant (${testText(usable, sampleKey)}; α = ${gate.significance})`;
      } else if (usable && sampleKey) {
        reason += ` (${testText(usable, sampleKey)})`;
      } else {
        rawDelta.add(label);
        reason += gate.significance !== null ? '; no sample evidence: threshold applied to raw delta' : '';
      }
      if (n !== null && n < gate.minSamples) {
        checks.push(
          check({
            ...base,
            ...stats,
            outcome: 'unknown',
            reason: `${reason}; only ${n} samples (< min_samples ${gate.minSamples}): too few to fail the gate on their own`,
          }),
        );
        continue;
      }
      checks.push(check({ ...base, ...stats, outcome: 'fail', reason }));
    }
  }
  const evidence: string[] = [];
  if (gate.significance !== null) {
    evidence.push(`significance: α = ${gate.significance}`);
    if (tested.size > 0) evidence.push(`paired per-sample test: ${[...tested].sort().join('; ')}`);
    if (rawDelta.size > 0) {
      evidence.push(
        `no sample evidence: threshold applied to raw delta for ${[...rawDelta].sort().join(', ')}`,
      );
    }
  }
  if (neutral.size > 0) {
    evidence.push(`neutral direction, reported but never failed: ${[...neutral].sort().join(', ')}`);
  }
  if (noLimit.size > 0) {
    evidence.push(`no limit for the direction of: ${[...noLimit].sort().join(', ')}`);
  }
  if (newMetrics.size > 0) {
    evidence.push(`new in the candidate, no baseline value: ${[...newMetrics].sort().join(', ')}`);
  }
  if (noBaseline > 0)
    evidence.push(`${noBaseline} run(s)/unit(s) without a baseline counterpart: not judged`);
  evidence.push(...ignoredMissing(policy, ignored));
  return { checks, evidence };
}

/**
 * A metalab candidate unit without a baseline unit has new parameters, not a missing baseline, when
 * the baseline store has other units: it is reported as new and not judged against anything.
 */
function newParameterUnits(units: readonly ComparedUnit[]): boolean {
  const metalab = units.some(
    (u) => u.pair.candidate?.params !== null && u.pair.candidate?.params !== undefined,
  );
  return metalab && units.some((u) => u.pair.baseline);
}

function stagesOf(run: Run, names: readonly string[]): Stage[] {
  return run.stages.filter((s) => names.includes(s.name));
}

/**
 * What gates already judged, so the policy checks (`policy.evidence_gaps`, `policy.missing_metrics`)
 * only report what no gate looked at, instead of repeating it.
 */
interface Judged {
  gaps: Set<string>;
  metrics: Set<string>;
}

function metricKey(
  project: string,
  unit: string,
  m: { stage: string | null; key: string; slice: string | null },
) {
  return JSON.stringify([project, unit, m.stage, m.key, m.slice]);
}

/** Gaps the evidence model already carries as degraded records / partial counts. */
const GAPS_COVERED_BY_RECORDS = new Set(['degraded_record', 'partial_record']);

function gapKey(gap: EvidenceGap): string {
  return JSON.stringify([
    gap.code,
    gap.file ?? null,
    gap.line ?? null,
    gap.ref ?? null,
    gap.runRef ?? null,
    gap.stage ?? null,
    gap.message,
  ]);
}

function seriesLabel(m: { key: string; slice: string | null }): string {
  return m.slice === null ? m.key : `${m.key}@${m.slice}`;
}

/**
 * `run` in `require_complete` / `optional_stages`: the run's own evidence, outside any stage — its
 * run-level metrics, its status and the gaps attributed to it. A metalab unit has nothing else.
 */
const RUN_LEVEL = 'run';

/** The stage a required-metrics row is about, or the run's own metrics (`stage: null`). */
interface MetricScope {
  stage: string | null;
  label: string;
  wanted: readonly MetricSeries[];
  have: readonly MetricSeries[];
}

function stageScope(stage: Stage, run: Run): MetricScope {
  return {
    stage: stage.name,
    label: `stage ${stage.name}`,
    wanted: stage.metrics,
    have: run.stages.find((s) => s.name === stage.name)?.metrics ?? [],
  };
}

function runScope(baseline: Run, run: Run): MetricScope {
  return { stage: null, label: 'run-level evidence', wanted: baseline.runMetrics, have: run.runMetrics };
}

/** One row per baseline stage (or run level): which of its metric series (key and slice) the candidate lacks. */
function requiredFromBaseline(
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
function degradedChecks(
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
  const checks: GateCheck[] = [];
  for (const record of records) {
    checks.push(
      check({
        ...ids,
        subject: 'degraded_record',
        outcome,
        reason: where(
          unit,
          `${scope.label}: degraded record ${record.issueKey} (${record.degradationMarker}` +
            `${record.severity ? `, ${record.severity}` : ''}): ${record.summary}`,
          multi,
        ),
      }),
    );
  }
  if (series.length > 0 && records.length === 0) {
    checks.push(
      check({
        ...ids,
        subject: 'degraded_record',
        outcome,
        reason: where(
          unit,
          `${scope.label}: ${series.length} metric series carry a degradation marker (${series
            .map((m) => metricLabel(scope.stage, m.key, m.slice))
            .slice(0, 5)
            .join(', ')})`,
          multi,
        ),
      }),
    );
  }
  for (const gap of gaps) {
    judged.gaps.add(gapKey(gap));
    if (GAPS_COVERED_BY_RECORDS.has(gap.code)) continue;
    checks.push(
      check({
        ...ids,
        subject: gap.code,
        outcome,
        reason: where(unit, `${scope.gapPrefix}evidence gap ${gap.code}: ${gap.message}`, multi),
      }),
    );
  }
  return checks;
}

/**
 * Degraded and partial evidence of the run itself (`require_complete: [run]`): degraded records and
 * series outside any stage, error gaps attributed to the run without a stage (a metalab unit's failed,
 * crashed or never-written replicates), run-level series that are not complete.
 */
function runLevelChecks(
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

function evidenceGate(
  gate: EvidenceGate,
  inputs: GateInputs,
  judged: Judged,
): { checks: GateCheck[]; evidence: string[] } {
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const unknownStatus = new Set<string>();
  const newUnits = new Set<string>();
  const newParams = newParameterUnits(inputs.units);
  if (!inputs.units.some((u) => u.pair.candidate)) {
    checks.push(
      check({
        project: '',
        unit: '',
        subject: 'run_missing',
        outcome: 'fail',
        reason: `the candidate evidence holds no run, so stage${gate.requireComplete.length > 1 ? 's' : ''} ${gate.requireComplete.join(', ')} cannot be checked`,
      }),
    );
  }
  for (const unit of inputs.units) {
    const run = unit.pair.candidate;
    const ids = { project: unit.comparison.project, unit: unit.comparison.unit };
    if (!run) {
      if (unit.pair.baseline) {
        checks.push(
          check({
            ...ids,
            outcome: 'fail',
            subject: 'run_missing',
            reason: where(unit, `no candidate run (the baseline has ${unit.pair.baseline.ref})`, multi),
          }),
        );
      }
      continue;
    }
    const present = new Set(run.stages.map((s) => s.name));
    for (const name of gate.requireComplete) {
      const stage = run.stages.find((s) => s.name === name);
      if (!stage && name === RUN_LEVEL) {
        checks.push(
          check({
            ...ids,
            subject: 'run',
            outcome: 'pass',
            reason: where(
              unit,
              `run ${run.ref} present (${run.runMetrics.length} run-level metric series)`,
              multi,
            ),
          }),
        );
        continue;
      }
      checks.push(
        check({
          ...ids,
          stage: name,
          subject: 'stage',
          outcome: stage ? 'pass' : 'fail',
          reason: stage
            ? where(unit, `stage ${name} present (${stage.recordCount} records)`, multi)
            : where(unit, `stage ${name} is missing from candidate run ${run.ref}`, multi),
        }),
      );
    }
    const checked = [...gate.requireComplete, ...gate.optionalStages.filter((s) => present.has(s))];

    const required = gate.requireMetrics;
    if (required.mode === 'baseline') {
      const baseline = unit.pair.baseline;
      if (!baseline && newParams) {
        newUnits.add(unit.comparison.unit);
      } else if (!baseline) {
        checks.push(
          check({
            ...ids,
            outcome: 'unknown',
            subject: 'require_metrics',
            reason: where(
              unit,
              'require_metrics: baseline — there is no baseline run to take the list from',
              multi,
            ),
          }),
        );
      } else {
        for (const stage of stagesOf(baseline, gate.requireComplete)) {
          checks.push(requiredFromBaseline(judged, unit, stageScope(stage, run), multi));
        }
        if (gate.requireComplete.includes(RUN_LEVEL)) {
          checks.push(requiredFromBaseline(judged, unit, runScope(baseline, run), multi));
        }
      }
    } else if (required.mode === 'list') {
      for (const selector of required.metrics) {
        const found = unit.comparison.metrics.some(
          (row) =>
            row.presence !== 'baseline_only' &&
            row.candidate !== null &&
            matchesSelector(selector, row.stage, row.key),
        );
        checks.push(
          check({
            ...ids,
            subject: 'required_metric',
            metric: formatSelector(selector),
            outcome: found ? 'pass' : 'fail',
            reason: where(
              unit,
              found
                ? `${formatSelector(selector)} present`
                : `required metric ${formatSelector(selector)} is missing from the candidate`,
              multi,
            ),
          }),
        );
      }
    }

    const degradedOutcome = gapOutcome(gate.degraded);
    const partialOutcome = gapOutcome(gate.partial);
    const statusOutcome = gapOutcome(gate.statuses);
    for (const stage of stagesOf(run, checked)) {
      const stageIds = { ...ids, stage: stage.name };
      if (degradedOutcome) {
        const label = `stage ${stage.name}`;
        checks.push(
          ...degradedChecks(
            { unit, multi, judged, ids: stageIds, outcome: degradedOutcome },
            { stage: stage.name, label, gapPrefix: `${label}: ` },
            run.degraded.filter((d) => d.stage === stage.name),
            stage.metrics.filter((m) => m.degraded),
            inputs.candidateGaps.filter(
              (gap) =>
                gap.severity === 'error' &&
                gap.stage === stage.name &&
                (!gap.runRef || gap.runRef === run.ref),
            ),
          ),
        );
      }
      if (partialOutcome && stage.partialRecords > 0) {
        checks.push(
          check({
            ...stageIds,
            subject: 'partial_record',
            outcome: partialOutcome,
            reason: where(
              unit,
              `stage ${stage.name}: ${stage.partialRecords} of ${stage.recordCount} records are not complete (partial/sampled/unknown completeness)`,
              multi,
            ),
          }),
        );
      }
      if (stage.status === null) unknownStatus.add(stage.name);
      else if (statusOutcome && stage.status !== 'completed') {
        checks.push(
          check({
            ...stageIds,
            subject: 'status',
            outcome: statusOutcome,
            reason: where(unit, `stage ${stage.name} is ${stage.status}, not completed`, multi),
          }),
        );
      }
      if (!degradedOutcome && !partialOutcome) continue;
      if (
        !run.degraded.some((d) => d.stage === stage.name) &&
        stage.partialRecords === 0 &&
        !stage.metrics.some((m) => m.degraded)
      ) {
        checks.push(
          check({
            ...stageIds,
            subject: 'stage_evidence',
            outcome: 'pass',
            reason: where(unit, `stage ${stage.name}: no degraded or partial records`, multi),
          }),
        );
      }
    }
    if (checked.includes(RUN_LEVEL)) checks.push(...runLevelChecks(gate, inputs, judged, unit, run, multi));
    if (statusOutcome && run.status !== null && run.status !== 'completed') {
      checks.push(
        check({
          ...ids,
          subject: 'status',
          outcome: statusOutcome,
          reason: where(unit, `run ${run.ref} is ${run.status}, not completed`, multi),
        }),
      );
    }
  }
  const evidence = [
    `stages checked: ${gate.requireComplete.join(', ')}${gate.optionalStages.length ? ` (optional: ${gate.optionalStages.join(', ')})` : ''}`,
  ];
  if (newUnits.size > 0) {
    evidence.push(
      `require_metrics: baseline not applied to new parameter units (no baseline unit): ${[...newUnits].sort().join('; ')}`,
    );
  }
  if (unknownStatus.size > 0) {
    evidence.push(
      `statuses unknown (no ledger read) for ${[...unknownStatus].sort().join(', ')}: completion could not be checked`,
    );
  }
  return { checks, evidence };
}

function diagnosticsGate(
  gate: DiagnosticsGate,
  inputs: GateInputs,
): { checks: GateCheck[]; evidence: string[] } {
  const threshold = LEVELS[gate.level];
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const candidate = inputs.diagnostics.filter((d) => d.side === 'candidate');
  for (const d of candidate) {
    if (LEVELS[d.severity] < threshold) continue;
    const unit = inputs.units.find((u) => u.pair.candidate?.ref === d.runRef);
    checks.push(
      check({
        project: d.project,
        unit: unit?.comparison.unit ?? d.runRef,
        stage: d.stage,
        subject: d.code,
        outcome: 'fail',
        limit: `level ${gate.level}`,
        reason: `${multi ? `${d.runRef}: ` : ''}${d.severity} ${d.code}: ${d.summary} (${d.subjectRef})`,
      }),
    );
  }
  const below = candidate.length - checks.length;
  if (checks.length === 0) {
    for (const unit of inputs.units) {
      if (!unit.pair.candidate) continue;
      checks.push(
        check({
          project: unit.comparison.project,
          unit: unit.comparison.unit,
          outcome: 'pass',
          limit: `level ${gate.level}`,
          reason: where(unit, `no diagnostic at or above ${gate.level}`, multi),
        }),
      );
    }
  }
  return {
    checks,
    evidence: below > 0 ? [`${below} candidate diagnostic(s) below ${gate.level} not counted`] : [],
  };
}

function artifactGate(gate: ArtifactGate, inputs: GateInputs): { checks: GateCheck[]; evidence: string[] } {
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const notes: string[] = [];
  const limitText = [
    gate.maxGrowthBytes === null ? null : `max_growth_bytes ${gate.maxGrowthBytes}`,
    gate.maxGrowthPct === null ? null : `max_growth_pct ${gate.maxGrowthPct} %`,
  ]
    .filter((x) => x !== null)
    .join(', ');
  for (const unit of inputs.units) {
    for (const change of unit.comparison.artifacts) {
      if (!globMatch(gate.artifact, change.kind)) continue;
      const ids = {
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        subject: change.kind,
        baseline: change.baselineSizeBytes,
        candidate: change.candidateSizeBytes,
        delta: change.growthBytes,
        relativeChange: change.growthPct === null ? null : change.growthPct / 100,
        limit: limitText,
      };
      const label = where(unit, `artifact ${change.kind}`, multi);
      if (change.change === 'added' || change.change === 'removed') {
        notes.push(
          `${label}: ${change.change === 'added' ? 'new in the candidate' : 'only in the baseline'}`,
        );
        continue;
      }
      if (change.growthBytes === null) {
        checks.push(check({ ...ids, outcome: 'unknown', reason: `${label}: size unknown on one side` }));
        continue;
      }
      const pct = change.growthPct;
      const tooMany = gate.maxGrowthBytes !== null && change.growthBytes > gate.maxGrowthBytes;
      const tooMuch = gate.maxGrowthPct !== null && pct !== null && pct > gate.maxGrowthPct;
      const growth = `${formatNumber(change.baselineSizeBytes!)} → ${formatNumber(change.candidateSizeBytes!)} bytes (${formatSigned(change.growthBytes)}${pct === null ? '' : `, ${formatPercent(pct / 100)}`})`;
      checks.push(
        check({
          ...ids,
          outcome: tooMany || tooMuch ? 'fail' : 'pass',
          reason: `${label} ${growth}${tooMany || tooMuch ? `, beyond ${limitText}` : `, within ${limitText}`}`,
        }),
      );
    }
  }
  return { checks, evidence: notes };
}

function policyResult(
  name: string,
  mapped: UnknownOutcome | GapAction,
  checks: GateCheck[],
  evidence: string[],
): GateResult | null {
  if (checks.length === 0 || mapped === 'ignore') return null;
  const outcome: CheckOutcome =
    mapped === 'fail' ? 'fail' : mapped === 'warn' ? 'warn' : mapped === 'pass' ? 'pass' : 'unknown';
  const rows = checks.map((c) => ({ ...c, outcome }));
  return finish(
    { name, kind: 'evidence', severity: mapped === 'fail' ? 'fail' : 'warn', message: null },
    rows,
    evidence,
  );
}

function policyResults(inputs: GateInputs, judged: Judged): GateResult[] {
  const { policy } = inputs.config;
  const out: (GateResult | null)[] = [];

  const withoutBaseline: GateCheck[] = [];
  const newParams = newParameterUnits(inputs.units);
  for (const unit of inputs.units) {
    if (!unit.pair.candidate || unit.pair.baseline) continue;
    if (newParams) continue;
    withoutBaseline.push(
      check({
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        outcome: 'unknown',
        reason: inputs.baselineAvailable
          ? `no baseline run of project ${unit.comparison.project} for ${unit.pair.candidate.ref}`
          : `no baseline evidence given for ${unit.pair.candidate.ref}: regression gates cannot judge it`,
      }),
    );
  }
  if (inputs.units.length === 0) {
    withoutBaseline.push(
      check({
        project: '',
        unit: '',
        outcome: 'unknown',
        reason: 'the candidate evidence holds no run to judge',
      }),
    );
  }
  out.push(policyResult('policy.missing_baseline', policy.missingBaseline, withoutBaseline, []));

  const degradedBaseline: GateCheck[] = [];
  for (const unit of inputs.units) {
    const run = unit.pair.baseline;
    if (!run) continue;
    const gaps = inputs.baselineGaps.filter(
      (g) => g.severity === 'error' && (!g.runRef || g.runRef === run.ref),
    );
    if (run.degraded.length === 0 && gaps.length === 0) continue;
    const parts = [
      run.degraded.length > 0
        ? `${run.degraded.length} degraded record(s) (${run.degraded
            .map((d) => d.issueKey)
            .slice(0, 3)
            .join(', ')})`
        : null,
      gaps.length > 0
        ? `${gaps.length} error evidence gap(s) (${[...new Set(gaps.map((g) => g.code))].join(', ')})`
        : null,
    ].filter((x) => x !== null);
    degradedBaseline.push(
      check({
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        outcome: 'unknown',
        subject: 'baseline',
        reason: `baseline ${run.ref} is degraded: ${parts.join('; ')}`,
      }),
    );
  }
  out.push(policyResult('policy.baseline_degraded', policy.baselineDegraded, degradedBaseline, []));

  const gapChecks = inputs.candidateGaps
    .filter((g) => g.severity === 'error' && !judged.gaps.has(gapKey(g)))
    .map((g) =>
      check({
        project: '',
        unit: '',
        stage: g.stage ?? null,
        subject: g.code,
        outcome: 'fail',
        reason: `${g.code}${g.file ? ` in ${g.file}${g.line ? `:${g.line}` : ''}` : ''}: ${g.message}`,
      }),
    );
  out.push(policyResult('policy.evidence_gaps', policy.evidenceGaps, gapChecks, []));

  const missing: GateCheck[] = [];
  for (const unit of inputs.units) {
    if (!unit.pair.baseline) continue;
    for (const row of unit.comparison.metrics) {
      if (row.presence !== 'baseline_only' || row.batch !== null) continue;
      if (judged.metrics.has(metricKey(unit.comparison.project, unit.comparison.unit, row))) continue;
      missing.push(
        check({
          project: unit.comparison.project,
          unit: unit.comparison.unit,
          stage: row.stage,
          metric: row.key,
          slice: row.slice,
          baseline: row.baseline,
          outcome: 'fail',
          reason: `${where(unit, metricLabel(row.stage, row.key, row.slice), namesUnits(inputs.units))} is in the baseline${row.baseline === null ? '' : ` (${formatNumber(row.baseline)})`} but missing from the candidate`,
        }),
      );
    }
  }
  out.push(policyResult('policy.missing_metrics', policy.missingMetrics, missing, []));
  return out.filter((r): r is GateResult => r !== null);
}

function closeness(c: GateCheck): number {
  if (c.delta === null || c.baseline === null) return Number.NEGATIVE_INFINITY;
  const worsening = c.direction === 'lower' ? c.delta : -c.delta;
  return c.baseline === 0 ? worsening : worsening / Math.abs(c.baseline);
}

/** The row to headline: the worst tripped row, else the one closest to its limit. */
export function worstCheck(checks: readonly GateCheck[]): GateCheck | null {
  if (checks.length === 0) return null;
  const top = Math.min(...checks.map((c) => RANK[c.outcome]));
  const candidates = checks.filter((c) => RANK[c.outcome] === top);
  return candidates.reduce((best, c) => (closeness(c) > closeness(best) ? c : best));
}

/** The gate's message: what tripped (or why it passed), then the user's own message. */
export function gateMessage(
  gate: { name: string; message: string | null },
  outcome: GateOutcome,
  checks: readonly GateCheck[],
): string {
  const tripped = checks.filter((c) => TRIPPED.has(c.outcome));
  const unknown = checks.filter((c) => c.outcome === 'unknown');
  const waived = checks.filter((c) => c.outcome === 'waived');
  const list = (rows: readonly GateCheck[]) =>
    rows
      .slice(0, 3)
      .map((c) => c.reason)
      .join('; ') + (rows.length > 3 ? `; and ${rows.length - 3} more` : '');
  let text: string;
  switch (outcome) {
    case 'skipped':
      text = 'nothing in the evidence matched this gate';
      break;
    case 'pass':
      text = checks.length === 1 ? checks[0]!.reason : `all ${checks.length} checks pass`;
      break;
    case 'waived':
      text = `waived: ${list(waived)}`;
      break;
    case 'unknown':
      text = `cannot judge: ${list(unknown)}`;
      break;
    default:
      text = list(tripped);
  }
  const own = gate.message !== null && (outcome === 'fail' || outcome === 'warn') ? ` — ${gate.message}` : '';
  return text + own;
}

function finish(
  gate: { name: string; kind: Gate['kind']; severity: GateSeverity; message: string | null },
  checks: GateCheck[],
  evidence: string[],
): GateResult {
  const sorted = sortChecks(checks);
  const outcome = gateOutcome(gate.severity, sorted);
  return {
    name: gate.name,
    kind: gate.kind,
    severity: gate.severity,
    outcome,
    message: gateMessage(gate, outcome, sorted),
    checks: sorted,
    worst: worstCheck(sorted),
    evidence,
    waivers: [],
  };
}

/** Evaluates every configured gate, then the policy checks that apply, in config order. */
export function evaluateGates(inputs: GateInputs): GateResult[] {
  const judged: Judged = { gaps: new Set(), metrics: new Set() };
  const results: GateResult[] = [];
  for (const gate of inputs.config.gates) {
    let outcome: { checks: GateCheck[]; evidence: string[] };
    switch (gate.kind) {
      case 'threshold':
        outcome = thresholdGate(gate, inputs, judged);
        break;
      case 'regression':
        outcome = regressionGate(gate, inputs, judged);
        break;
      case 'evidence':
        outcome = evidenceGate(gate, inputs, judged);
        break;
      case 'diagnostics':
        outcome = diagnosticsGate(gate, inputs);
        break;
      case 'artifact':
        outcome = artifactGate(gate, inputs);
        break;
    }
    results.push(finish(gate, outcome.checks, outcome.evidence));
  }
  return [...results, ...policyResults(inputs, judged)];
}

/** Recomputes outcome, message and worst row after rows changed (waivers). */
export function refreshResult(result: GateResult, message: string | null): GateResult {
  const checks = sortChecks([...result.checks]);
  const outcome = gateOutcome(result.severity, checks);
  return {
    ...result,
    checks,
    outcome,
    message: gateMessage({ name: result.name, message }, outcome, checks),
    worst: worstCheck(checks),
  };
}
