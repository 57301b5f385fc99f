/** Per-sample changes: newly failing samples by name, overall and per slice, and unpaired samples. */
import type { RunComparison, SampleComparison, SampleGroupComparison } from '../../compare/types.js';
import { formatCount, formatShare } from '../../format/numbers.js';
import { nameRanges } from '../../format/ranges.js';
import type { BudgetRow, RowsPart } from '../budget.js';
import { code, folded, pluralise, row, type SectionContext, TIER } from './parts.js';

const SAMPLE_ITEMS = 6;

/** Sample names as capped ranges (`s-0600…s-0637`), each a code span. */
function nameList(names: string[], total: number): string {
  const ranges = nameRanges(names, total, SAMPLE_ITEMS);
  const shown = ranges.items.map((n) => code(n)).join(', ');
  return ranges.more > 0 ? `${shown}, … (+${formatCount(ranges.more)} more)` : shown;
}

function sliceTripped(
  ctx: SectionContext,
  comparison: RunComparison,
  stage: string,
  slice: string | null,
): boolean {
  for (const gate of ctx.report.gates) {
    for (const check of gate.checks) {
      if (check.outcome === 'pass') continue;
      if (
        check.project === comparison.project &&
        check.unit === comparison.unit &&
        check.stage === stage &&
        check.slice === slice
      ) {
        return true;
      }
    }
  }
  return false;
}

function sampleGroupLine(group: SampleGroupComparison): string | null {
  const binary = group.binary;
  if (binary === null || binary.newlyFailing.count === 0) return null;
  const rates = `${formatShare(binary.baselineRate)} → ${formatShare(binary.candidateRate)} passing`;
  const recovered =
    binary.newlyPassing.count > 0 ? `; ${formatCount(binary.newlyPassing.count)} newly passing` : '';
  return `${formatCount(binary.newlyFailing.count)} newly failing (${rates}${recovered}): ${nameList(binary.newlyFailing.names, binary.newlyFailing.count)}`;
}

function unpairedLine(group: SampleGroupComparison): string | null {
  const parts: string[] = [];
  if (group.baselineOnly.count > 0)
    parts.push(`${formatCount(group.baselineOnly.count)} only in the baseline`);
  if (group.candidateOnly.count > 0)
    parts.push(`${formatCount(group.candidateOnly.count)} only in the candidate`);
  return parts.length === 0 ? null : `unpaired samples (not tested): ${parts.join(', ')}`;
}

export function samplesSection(ctx: SectionContext): RowsPart | null {
  const rows: BudgetRow[] = [];
  for (const comparison of ctx.report.comparisons) {
    for (const samples of comparison.samples) {
      rows.push(...sampleRows(ctx, comparison, samples));
    }
  }
  return folded('Per-sample changes', pluralise(rows.length, 'line'), rows);
}

function sampleRows(ctx: SectionContext, comparison: RunComparison, samples: SampleComparison): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const where = code(`${ctx.withUnit ? `${comparison.unit}: ` : ''}${samples.stage}/${samples.key}`);
  const overall = sampleGroupLine(samples.overall);
  const unpaired = unpairedLine(samples.overall);
  if (overall === null && unpaired === null) return rows;
  const overallTier = sliceTripped(ctx, comparison, samples.stage, null) ? TIER.keep : TIER.important;
  rows.push(
    row(
      `- ${where}: ${[overall, unpaired].filter((s) => s !== null).join('; ')}`,
      overallTier,
      'sample lists',
    ),
  );
  for (const group of samples.slices) {
    const line = sampleGroupLine(group);
    if (line === null) continue;
    const tier = sliceTripped(ctx, comparison, samples.stage, group.slice) ? TIER.keep : TIER.sampleList;
    rows.push(row(`  - slice ${code(group.slice ?? 'none')}: ${line}`, tier, 'per-slice sample lists'));
  }
  return rows;
}
