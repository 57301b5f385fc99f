/**
 * What the markdown and text renderers share beyond number formatting (that is `src/format`):
 * verdict and outcome labels, the direction arrow of a change, and the lookups that join a metric
 * row to the statistics and gate checks about it.
 */
import type { ChangeAssessment, Interval, MetricDelta, PairedTest, RunComparison } from '../compare/types.js';
import { metricLabel } from '../format/numbers.js';
import { named, type Phrase, phrase, words } from '../format/phrase.js';
import type { GateCheck, GateOutcome, GateReport, GateResult, Verdict } from '../gates/types.js';

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  unknown: 'UNKNOWN',
};

/** Unknown gets a grey question mark: it must never read as a pass. */
export const VERDICT_EMOJI: Readonly<Record<Verdict, string>> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  unknown: '❔',
};

export const OUTCOME_EMOJI: Readonly<Record<GateOutcome, string>> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  unknown: '❔',
  waived: '🟡',
  skipped: '⏭️',
};

/** Order in which gates and checks are shown: what needs attention first. */
export const OUTCOME_RANK: Readonly<Record<GateOutcome, number>> = {
  fail: 0,
  warn: 1,
  unknown: 2,
  waived: 3,
  pass: 4,
  skipped: 5,
};

/** ▲/▼ for the direction of the number, and whether that is better or worse for this metric. */
export function changeArrow(delta: MetricDelta): string {
  switch (delta.status) {
    case 'added':
      return 'added';
    case 'removed':
      return 'removed';
    case 'not_comparable':
      return 'not comparable';
    default:
      return arrow(delta.delta, delta.change);
  }
}

function arrow(delta: number | null, change: ChangeAssessment | null): string {
  if (change === 'unchanged' || delta === 0) return '= unchanged';
  const symbol = delta !== null && delta > 0 ? '▲' : '▼';
  switch (change) {
    case 'better':
      return `${symbol} better`;
    case 'worse':
      return `${symbol} worse`;
    default:
      return `${symbol} neutral`;
  }
}

/**
 * Whether metric rows name their run/unit: when several were compared, and always for metalab, whose
 * unit is the parameter combination a number belongs to.
 */
export function rowsNameUnit(report: GateReport): boolean {
  return report.comparisons.length > 1 || report.candidate.kind === 'metalab';
}

/** Identity of a metric row across comparisons, gate checks and sample links. */
export function metricKey(
  project: string,
  unit: string,
  stage: string | null,
  metric: string | null,
  slice: string | null,
): string {
  // NUL cannot occur in names read from JSON lines without an escape, and `null` gets its own token.
  return [project, unit, stage ?? '\u0001', metric ?? '\u0001', slice ?? '\u0001'].join('\u0000');
}

/** Statistics and flagged checks per metric row, from every gate's checks. */
export interface CheckIndex {
  /** Checks that did not pass (fail, warn, unknown, waived), by metric row; fails of warn gates as warn. */
  flagged: Map<string, GateCheck[]>;
  /** The first check with a test result per metric row. */
  tested: Map<string, GateCheck>;
}

export function indexChecks(report: GateReport): CheckIndex {
  const flagged = new Map<string, GateCheck[]>();
  const tested = new Map<string, GateCheck>();
  for (const gate of report.gates) {
    for (const check of gate.checks) {
      if (check.metric === null) continue;
      const key = metricKey(check.project, check.unit, check.stage, check.metric, check.slice);
      if (check.outcome !== 'pass') {
        const list = flagged.get(key) ?? [];
        // A row that trips a warn-severity gate warns; calling it a failure would overstate it.
        list.push(
          gate.severity === 'warn' && check.outcome === 'fail' ? { ...check, outcome: 'warn' } : check,
        );
        flagged.set(key, list);
      }
      if ((check.pValue !== null || check.interval !== null) && !tested.has(key)) tested.set(key, check);
    }
  }
  return { flagged, tested };
}

export interface RowStatistics {
  interval: Interval | null;
  /** A gate's test is one-sided against "worse": its p speaks of a worsening only, so an improving row shows none. */
  pValue: number | null;
  oneSided: boolean;
}

/**
 * The test behind a compared metric row: the gate check's own, else the linked sample series'.
 * Rows that were not compared on both sides have none, whatever a gate looked at.
 */
export function rowStatistics(
  report: GateReport,
  index: CheckIndex,
  comparison: RunComparison,
  delta: MetricDelta,
): RowStatistics | null {
  if (delta.status !== 'compared') return null;
  const checked = index.tested.get(
    metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice),
  );
  if (checked) {
    const d = delta.delta;
    const improves =
      d !== null && ((checked.direction === 'higher' && d > 0) || (checked.direction === 'lower' && d < 0));
    return { interval: checked.interval, pValue: improves ? null : checked.pValue, oneSided: true };
  }
  const test = linkedTest(report, comparison.project, comparison.unit, delta);
  return test ? { interval: test.interval, pValue: test.pValue, oneSided: false } : null;
}

export interface SignificantChange {
  comparison: RunComparison;
  delta: MetricDelta;
  interval: Interval;
}

/**
 * Overall metric rows whose confidence interval excludes zero: the changes that are more than
 * noise. Rows without a test are counted separately; they are judged by thresholds only.
 */
export function significantChanges(
  report: GateReport,
  index: CheckIndex,
): { tested: number; untested: number; significant: SignificantChange[] } {
  let tested = 0;
  let untested = 0;
  const significant: SignificantChange[] = [];
  for (const comparison of report.comparisons) {
    for (const delta of comparison.metrics) {
      if (delta.slice !== null || delta.status !== 'compared' || delta.direction === 'neutral') continue;
      const interval = rowStatistics(report, index, comparison, delta)?.interval ?? null;
      if (interval === null) {
        untested++;
        continue;
      }
      tested++;
      if (interval.low > 0 || interval.high < 0) significant.push({ comparison, delta, interval });
    }
  }
  return { tested, untested, significant };
}

/** The paired test of the sample series linked to a metric row (overall or its slice), if any. */
export function linkedTest(
  report: GateReport,
  project: string,
  unit: string,
  delta: MetricDelta,
): PairedTest | null {
  if (delta.sampleLink === null) return null;
  const comparison = report.comparisons.find((c) => c.project === project && c.unit === unit);
  const samples = comparison?.samples.find(
    (s) => s.stage === delta.sampleLink!.stage && s.key === delta.sampleLink!.key,
  );
  if (!samples) return null;
  const group = delta.slice === null ? samples.overall : samples.slices.find((g) => g.slice === delta.slice);
  return group?.test ?? null;
}

/** The engine's headline without its leading verdict label ("FAIL — …", "UNKNOWN (treated as warn) — …"). */
export function headlineReason(headline: string): string {
  return headline.replace(/^(PASS|WARN|FAIL|UNKNOWN)(\s*\([^)]*\))?\s*[—-]\s*/, '');
}

/** The name a check's line shows for its row: the metric, else the artifact or unit it judged. */
export function checkLabel(check: GateCheck): string {
  return metricLabel(check.stage, check.metric, check.slice) || check.subject || check.unit;
}

/** A check's reason without the row name it begins with (as the engine words reasons); null when it does not. */
export function reasonAfterLabel(check: GateCheck): string | null {
  const label = checkLabel(check);
  return label !== '' && check.reason.startsWith(`${label} `) ? check.reason.slice(label.length + 1) : null;
}

/** A check's reason, with the row name it begins with quoted as a name. */
export function checkReason(check: GateCheck): Phrase {
  const label = checkLabel(check);
  const rest = reasonAfterLabel(check);
  if (rest !== null) return phrase`${named(label)} ${rest}`;
  // Reports over several units prefix the row with its unit (`gates/rows.ts`'s `where`).
  const unit = `${check.project}/${check.unit}: ${label} `;
  if (label !== '' && check.reason.startsWith(unit)) {
    return phrase`${named(`${check.project}/${check.unit}`)}: ${named(label)} ${check.reason.slice(unit.length)}`;
  }
  return words(check.reason);
}

/** What decided a gate: its worst check's reason, else the gate's own message. */
export function gateReason(gate: GateResult): Phrase {
  return gate.worst ? checkReason(gate.worst) : words(gate.message);
}
