/** The metric and slice tables: one row per changed metric, most important rows first. */
import type { MetricDelta, RunComparison } from '../../compare/types.js';
import { formatDifference, formatNumber, formatStatistics, metricLabel } from '../../format/numbers.js';
import type { GateCheck } from '../../gates/types.js';
import type { BudgetRow, RowsPart } from '../budget.js';
import { tableHeader, tableRow } from '../escape.js';
import { changeArrow, metricKey, OUTCOME_RANK, rowStatistics } from '../format.js';
import { code, count, folded, msg, row, type SectionContext, TIER } from './parts.js';
import { trendSuffix } from './trend.js';

function metricCells(
  ctx: SectionContext,
  comparison: RunComparison,
  delta: MetricDelta,
  sliced: boolean,
  withStats: boolean,
): string[] {
  const key = metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
  const flagged = ctx.index.flagged.get(key) ?? [];
  const flags = [...flagged]
    .sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome])
    .map((c) => FLAG[c.outcome]);
  const change = [changeArrow(delta), ...new Set(flags)].join(' · ');
  const name = sliced
    ? (delta.slice ?? '')
    : delta.batch === null
      ? delta.key
      : `${delta.key} [${delta.batch}]`;
  const cells = [
    code(name),
    formatNumber(delta.baseline),
    `${formatNumber(delta.candidate)}${trendSuffix(ctx.report, comparison, delta)}`,
    formatDifference(delta.delta, delta.relativeChange),
  ];
  if (withStats) cells.push(statsText(ctx, comparison, delta) || '—');
  cells.push(evidenceFlags(delta, change));
  return cells;
}

function statsText(ctx: SectionContext, comparison: RunComparison, delta: MetricDelta): string {
  const statistics = rowStatistics(ctx.report, ctx.index, comparison, delta);
  return statistics ? formatStatistics(statistics.interval, statistics.pValue, statistics.oneSided) : '';
}

/** The group row a table's rows sit under: the stage (and run) for metrics, the metric for slices. */
function groupLabel(
  ctx: SectionContext,
  comparison: RunComparison,
  delta: MetricDelta,
  sliced: boolean,
): string {
  const stage = delta.stage ?? 'run';
  const base = sliced
    ? metricLabel(stage, delta.batch === null ? delta.key : `${delta.key} [${delta.batch}]`, null)
    : stage;
  return ctx.withUnit ? `${comparison.unit} · ${base}` : base;
}

const FLAG: Readonly<Record<GateCheck['outcome'], string>> = {
  fail: '❌ trips a gate',
  warn: '⚠️ warns',
  unknown: '❔ undecided',
  waived: '🟡 waived',
  pass: '',
};

/** Degraded, partial or non-finite evidence on a row must show on that row. */
function evidenceFlags(delta: MetricDelta, change: string): string {
  const flags: string[] = [];
  if (delta.baselineDegraded || delta.candidateDegraded) flags.push('⚠️ degraded');
  if (delta.baselinePartial || delta.candidatePartial) flags.push('⚠️ partial');
  if (delta.baselineNonFinite + delta.candidateNonFinite > 0) flags.push('⚠️ non-finite values');
  if (delta.reason !== null) flags.push(msg(delta.reason));
  return [change, ...flags].join(' · ');
}

function metricTier(
  ctx: SectionContext,
  comparison: RunComparison,
  delta: MetricDelta,
  sliced: boolean,
): number {
  const key = metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
  if (ctx.index.flagged.has(key)) return TIER.keep;
  if (delta.status !== 'compared') return TIER.important;
  if (delta.change === 'unchanged') return TIER.unchanged;
  if (sliced) return TIER.passingSlice;
  if (delta.change === 'worse') return TIER.important;
  if (delta.change === 'better') return TIER.supporting;
  return TIER.minor;
}

const TIER_WHAT: Readonly<Record<number, string>> = {
  [TIER.keep]: 'metric rows a gate flagged',
  [TIER.important]: 'worse, added or removed metric rows',
  [TIER.supporting]: 'improved metric rows',
  [TIER.minor]: 'neutral metric rows',
  [TIER.passingSlice]: 'passing slice rows',
  [TIER.unchanged]: 'unchanged metric rows',
};

/** How far a row moved, for ordering: worse rows first, then the largest relative change. */
function movement(delta: MetricDelta): number {
  const size = Math.abs(delta.relativeChange ?? delta.delta ?? 0);
  return delta.change === 'worse' ? size + 1e9 : size;
}

interface Entry {
  tier: number;
  order: number;
  movement: number;
  comparison: RunComparison;
  delta: MetricDelta;
  group: string;
}

/**
 * Rows that changed, grouped under their stage (or, for slices, their metric) so the name column
 * stays narrow; unchanged rows are counted in the summary, not listed.
 */
export function metricSection(ctx: SectionContext, sliced: boolean, lead?: string): RowsPart | null {
  const entries: Entry[] = [];
  const counts = { worse: 0, better: 0, unchanged: 0, other: 0, tripped: 0 };
  for (const comparison of ctx.report.comparisons) {
    for (const delta of comparison.metrics) {
      if ((delta.slice !== null) !== sliced) continue;
      const tier = metricTier(ctx, comparison, delta, sliced);
      if (tier === TIER.keep) counts.tripped++;
      if (delta.change === 'worse') counts.worse++;
      else if (delta.change === 'better') counts.better++;
      else if (delta.change === 'unchanged') counts.unchanged++;
      else counts.other++;
      if (tier === TIER.unchanged) continue;
      const group = groupLabel(ctx, comparison, delta, sliced);
      entries.push({ tier, order: entries.length, movement: movement(delta), comparison, delta, group });
    }
  }
  if (entries.length === 0 && counts.unchanged === 0) return null;
  entries.sort((a, b) => a.tier - b.tier || b.movement - a.movement || a.order - b.order);
  // Groups in the order of their most important row; rows keep their order inside a group.
  const groups = new Map<string, Entry[]>();
  for (const e of entries) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  const withStats = entries.some((e) => statsText(ctx, e.comparison, e.delta) !== '');
  const width = withStats ? 6 : 5;
  const rows: BudgetRow[] = [];
  for (const [group, members] of groups) {
    const best = Math.min(...members.map((m) => m.tier));
    rows.push(row(tableRow([`**${code(group)}**`, ...Array(width - 1).fill('')]), best, TIER_WHAT[best]!));
    for (const e of members) {
      rows.push(
        row(
          () => tableRow(metricCells(ctx, e.comparison, e.delta, sliced, withStats)),
          e.tier,
          TIER_WHAT[e.tier]!,
        ),
      );
    }
  }
  const headers = [
    sliced ? 'Slice' : 'Metric',
    'Baseline',
    'Candidate',
    'Δ',
    ...(withStats ? ['Interval / p'] : []),
    'Change',
  ];
  const summaryParts = [
    counts.tripped > 0 ? `${count(counts.tripped)} flagged by a gate` : '',
    `${count(counts.worse)} worse`,
    `${count(counts.better)} better`,
    counts.other > 0 ? `${count(counts.other)} other` : '',
    counts.unchanged > 0 ? `${count(counts.unchanged)} unchanged (not listed)` : '',
  ].filter((s) => s !== '');
  return folded(sliced ? 'Slices' : 'Metric changes', summaryParts.join(', '), rows, {
    tableHead:
      rows.length === 0
        ? undefined
        : tableHeader(
            headers,
            headers.map((h) => (['Baseline', 'Candidate', 'Δ'].includes(h) ? 'right' : 'left')),
          ),
    ...(lead !== undefined ? { lead } : rows.length === 0 ? { lead: 'No row changed.' } : {}),
  });
}
