/**
 * Compact terminal output for the CLI and the action log: verdict, why, what to fix, failing gates
 * with their rows, the largest deltas, evidence gaps. Workspace text is made one line and stripped
 * of control characters, so a metric name cannot move the cursor, recolour the log or fake a line.
 */
import type { MetricDelta, RunComparison } from '../compare/types.js';
import { gapMessageWithPlaces } from '../evidence/gaps.js';
import { formatDifference, formatNumber, formatStatistics, metricLabel } from '../format/numbers.js';
import type { GateCheck, GateReport, GateResult, Verdict } from '../gates/types.js';
import { type Audience, adviseNextSteps } from './advice.js';
import { toSingleLine, truncateText } from './escape.js';
import {
  changeArrow,
  headlineReason,
  indexChecks,
  metricKey,
  OUTCOME_RANK,
  rowStatistics,
  rowsNameUnit,
  VERDICT_LABEL,
} from './format.js';

export interface TextOptions {
  /** ANSI colours for the verdict and outcomes; off by default. */
  color?: boolean;
  /** Rows listed per list (checks per gate, deltas, gaps). Default 10. */
  maxRows?: number;
  /** Where it is read: the action's log (`action`) or a terminal (`cli`, the default). */
  audience?: Audience;
}

const ANSI: Readonly<Record<Verdict | 'dim', string>> = {
  pass: '\u001b[32m',
  warn: '\u001b[33m',
  fail: '\u001b[31m',
  unknown: '\u001b[35m',
  dim: '\u001b[2m',
};
const RESET = '\u001b[0m';

/** Untrusted text on one line, without control characters, capped. */
function safe(text: string, max = 300): string {
  return truncateText(toSingleLine(text), max);
}

export function renderText(report: GateReport, options: TextOptions = {}): string {
  const maxRows = options.maxRows ?? 10;
  const paint = (colour: keyof typeof ANSI, text: string) =>
    options.color ? `${ANSI[colour]}${text}${RESET}` : text;
  const lines: string[] = [];
  const index = indexChecks(report);

  lines.push(
    `contexta-gate: ${paint(report.verdict, VERDICT_LABEL[report.verdict])} — ${safe(headlineReason(report.headline), 600)}`,
  );
  if (report.exit.outcome !== report.verdict) {
    lines.push(
      `check conclusion: ${report.exit.outcome} (exit ${report.exit.code}) — ${safe(report.exit.reason)}`,
    );
  }
  if (report.baseline === null)
    lines.push('no baseline: nothing was compared; missing evidence is not a pass');

  const gates = [...report.gates].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
  if (gates.length > 0) {
    lines.push('', 'gates:');
    const width = Math.min(40, Math.max(...gates.map((g) => safe(g.name, 40).length)));
    for (const gate of gates) {
      const outcome =
        gate.outcome === 'pass' || gate.outcome === 'skipped' ? gate.outcome : gate.outcome.toUpperCase();
      const colour = gateColour(gate);
      const summary = gate.worst?.reason ?? gate.message;
      lines.push(
        `  ${paint(colour, outcome.padEnd(7))} ${safe(gate.name, 40).padEnd(width)}  ${safe(summary)}`,
      );
      if (gate.outcome === 'pass' || gate.outcome === 'skipped') continue;
      const checks = gate.checks.filter((c) => c.outcome !== 'pass');
      for (const check of checks.slice(0, maxRows)) lines.push(`      ${checkLine(check)}`);
      if (checks.length > maxRows) lines.push(paint('dim', `      … ${checks.length - maxRows} more`));
    }
  }

  const deltas = topDeltas(report, index, maxRows);
  if (deltas.shown.length > 0) {
    lines.push('', 'largest changes (flagged by a gate first):');
    for (const { comparison, delta } of deltas.shown) {
      const statistics = rowStatistics(report, index, comparison, delta);
      const stats = statistics
        ? formatStatistics(statistics.interval, statistics.pValue, statistics.oneSided)
        : '';
      const unit = rowsNameUnit(report) ? `${safe(comparison.unit, 60)}: ` : '';
      const label = safe(metricLabel(delta.stage, delta.key, delta.slice), 80);
      lines.push(
        `  ${unit}${label}  ${formatNumber(delta.baseline)} → ${formatNumber(delta.candidate)}  ` +
          `${formatDifference(delta.delta, delta.relativeChange)}  ${changeArrow(delta)}${stats ? `  [${stats}]` : ''}`,
      );
    }
    if (deltas.more > 0) lines.push(paint('dim', `  … ${deltas.more} more changed rows`));
  }

  const gaps = [
    ...report.gaps.candidate.map((gap) => ({ gap, side: 'candidate' })),
    ...report.gaps.baseline.map((gap) => ({ gap, side: 'baseline' })),
  ];
  const serious = gaps.filter((g) => g.gap.severity !== 'info');
  if (gaps.length > 0) {
    const info = gaps.length - serious.length;
    lines.push('', `evidence gaps: ${gaps.length}${info > 0 ? ` (${info} info not listed)` : ''}`);
    for (const { gap, side } of serious.slice(0, maxRows)) {
      const where =
        gap.file === undefined
          ? ''
          : ` ${safe(gap.line === undefined ? gap.file : `${gap.file}:${gap.line}`, 120)}`;
      lines.push(`  ${side} ${gap.severity} ${gap.code}${where}: ${safe(gapMessageWithPlaces(gap))}`);
    }
    if (serious.length > maxRows) lines.push(paint('dim', `  … ${serious.length - maxRows} more`));
  }

  const diagnostics = report.diagnostics.filter((d) => d.severity === 'error');
  if (diagnostics.length > 0) {
    lines.push('', 'error diagnostics:');
    for (const d of diagnostics.slice(0, maxRows)) lines.push(`  ${d.side} ${d.code}: ${safe(d.summary)}`);
  }

  if (report.waivers.accepted.length + report.waivers.rejected.length > 0) {
    lines.push('', 'waivers:');
    for (const w of report.waivers.accepted) {
      lines.push(
        `  accepted ${safe(w.target, 80)}${w.slice ? `@${safe(w.slice, 60)}` : ''} by ${safe(w.grantedBy, 60)}: ${safe(w.reason)}`,
      );
    }
    for (const w of report.waivers.rejected)
      lines.push(`  rejected ${safe(w.text, 80)} by ${safe(w.grantedBy, 60)}: ${safe(w.reason)}`);
  }

  const steps = adviseNextSteps(report, options.audience ?? 'cli');
  if (steps.length > 0) {
    lines.push('', 'next steps:');
    steps.slice(0, maxRows).forEach((step, i) => {
      lines.push(`  ${i + 1}. ${safe(step.text.text, 600)}`);
      for (const line of step.copy ?? []) lines.push(`       ${safe(line, 600)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

function gateColour(gate: GateResult): Verdict | 'dim' {
  switch (gate.outcome) {
    case 'fail':
    case 'warn':
    case 'pass':
    case 'unknown':
      return gate.outcome;
    case 'waived':
      return 'warn';
    default:
      return 'dim';
  }
}

function checkLine(check: GateCheck): string {
  const stats = formatStatistics(check.interval, check.pValue, check.test != null);
  const waiver = check.waiver
    ? ` (waived by ${safe(check.waiver.grantedBy, 60)}: ${safe(check.waiver.reason)})`
    : '';
  return `${check.outcome}: ${safe(check.reason)}${stats ? ` [${stats}]` : ''}${waiver}`;
}

/**
 * Rows worth a glance in a terminal: every row a gate flagged, then compared rows that got worse,
 * then better, largest relative change first.
 */
function topDeltas(
  report: GateReport,
  index: ReturnType<typeof indexChecks>,
  limit: number,
): { shown: Array<{ comparison: RunComparison; delta: MetricDelta }>; more: number } {
  const rows: Array<{ comparison: RunComparison; delta: MetricDelta; rank: number; size: number }> = [];
  for (const comparison of report.comparisons) {
    for (const delta of comparison.metrics) {
      const flagged = index.flagged.has(
        metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice),
      );
      if (
        !flagged &&
        (delta.status !== 'compared' || delta.change === 'unchanged' || delta.change === 'neutral')
      )
        continue;
      const rank = flagged ? 0 : delta.change === 'worse' ? 1 : 2;
      rows.push({ comparison, delta, rank, size: Math.abs(delta.relativeChange ?? delta.delta ?? 0) });
    }
  }
  rows.sort((a, b) => a.rank - b.rank || b.size - a.size);
  return { shown: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}
