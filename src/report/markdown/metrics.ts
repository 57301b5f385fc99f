/** The metric and slice tables: one row per compared metric, most important rows first. */
import type { MetricDelta, RunComparison } from '../../compare/types.js';
import { formatDifference, formatNumber, formatStatistics } from '../../format/numbers.js';
import type { GateCheck } from '../../gates/types.js';
import type { RowsPart } from '../budget.js';
import { tableHeader, tableRow } from '../escape.js';
import { changeArrow, metricKey, OUTCOME_RANK, rowStatistics } from '../format.js';
import { code, count, msg, pluralise, row, type SectionContext, section, TIER } from './parts.js';
import { trendSuffix } from './trend.js';

function metricCells(ctx: SectionContext, comparison: RunComparison, delta: MetricDelta): string[] {
  const key = metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
  const statistics = rowStatistics(ctx.report, ctx.index, comparison, delta);
  const stats = statistics ? formatStatistics(statistics.interval, statistics.pValue) : '';
  const flagged = ctx.index.flagged.get(key) ?? [];
  const flags = [...flagged]
    .sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome])
    .map((c) => FLAG[c.outcome]);
  const change = [changeArrow(delta), ...new Set(flags)].join(' · ');
  const cells = [
    delta.stage === null ? '_run_' : code(delta.stage),
    code(delta.batch === null ? delta.key : `${delta.key} [${delta.batch}]`),
  ];
  if (delta.slice !== null) cells.push(code(delta.slice));
  cells.push(
    formatNumber(delta.baseline),
    `${formatNumber(delta.candidate)}${trendSuffix(ctx.report, comparison, delta)}`,
    formatDifference(delta.delta, delta.relativeChange),
    stats === '' ? '—' : stats,
    evidenceFlags(delta, change),
  );
  if (ctx.withUnit) cells.unshift(code(comparison.unit));
  return cells;
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

export function metricSection(ctx: SectionContext, sliced: boolean): RowsPart | null {
  const entries: Array<{
    tier: number;
    order: number;
    movement: number;
    comparison: RunComparison;
    delta: MetricDelta;
  }> = [];
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
      entries.push({ tier, order: entries.length, movement: movement(delta), comparison, delta });
    }
  }
  if (entries.length === 0) return null;
  // Most important rows first, so a list that loses rows keeps its head; rows are rendered only
  // if the budget keeps them.
  entries.sort((a, b) => a.tier - b.tier || b.movement - a.movement || a.order - b.order);
  const rows = entries.map((e) =>
    row(() => tableRow(metricCells(ctx, e.comparison, e.delta)), e.tier, TIER_WHAT[e.tier]!),
  );
  const headers = [
    'Stage',
    'Metric',
    ...(sliced ? ['Slice'] : []),
    'Baseline',
    'Candidate',
    'Δ',
    'Interval / p',
    'Change',
  ];
  if (ctx.withUnit) headers.unshift('Run');
  const summaryParts = [
    counts.tripped > 0 ? `${count(counts.tripped)} flagged by a gate` : '',
    `${count(counts.worse)} worse`,
    `${count(counts.better)} better`,
    `${count(counts.unchanged)} unchanged`,
    counts.other > 0 ? `${count(counts.other)} other` : '',
  ].filter((s) => s !== '');
  const noun = sliced ? 'slice rows' : 'metrics';
  return section(sliced ? 'Slices' : 'Metric changes', rows, {
    tableHead: tableHeader(
      headers,
      headers.map((h) => (['Baseline', 'Candidate', 'Δ'].includes(h) ? 'right' : 'left')),
    ),
    summary: `${pluralise(entries.length, sliced ? 'slice row' : 'metric', noun)}: ${summaryParts.join(', ')}`,
  });
}
