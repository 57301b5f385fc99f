/**
 * A bar chart for a failing slice gate: baseline and candidate of the worst failing metric, per
 * slice, as a `mermaid` `xychart-beta` block, which GitHub renders natively. The table stays next to
 * it for readers without mermaid. Slice names are untrusted: inside the chart they keep only
 * characters that cannot end a quoted label, the code block or a line of the comment.
 */
import type { MetricDelta, RunComparison } from '../../compare/types.js';
import { metricLabel } from '../../format/numbers.js';
import type { GateCheck, GateReport } from '../../gates/types.js';

const SLICES_CHARTED = 8;

function label(text: string, max = 40): string {
  const clean = text.replace(/[^A-Za-z0-9 ._/@:+-]/g, '_').slice(0, max);
  return `"${clean}"`;
}

function value(n: number): string {
  return String(Number(n.toPrecision(4)));
}

function failingSliceCheck(report: GateReport): GateCheck | null {
  for (const gate of report.gates) {
    if (gate.outcome !== 'fail' && gate.outcome !== 'warn') continue;
    const checks = gate.checks.filter(
      (c) => (c.outcome === 'fail' || c.outcome === 'warn') && c.slice !== null && c.metric !== null,
    );
    const worst = gate.worst && checks.includes(gate.worst) ? gate.worst : checks[0];
    if (worst) return worst;
  }
  return null;
}

export function sliceChart(report: GateReport): string | null {
  const check = failingSliceCheck(report);
  if (check === null) return null;
  const comparison: RunComparison | undefined = report.comparisons.find(
    (c) => c.project === check.project && c.unit === check.unit,
  );
  const rows = (comparison?.metrics ?? []).filter(
    (m): m is MetricDelta & { baseline: number; candidate: number; slice: string } =>
      m.stage === check.stage &&
      m.key === check.metric &&
      m.slice !== null &&
      m.batch === null &&
      m.baseline !== null &&
      m.candidate !== null &&
      Number.isFinite(m.baseline) &&
      Number.isFinite(m.candidate),
  );
  if (rows.length === 0) return null;
  // The failing slice first, then the others by how much they moved.
  rows.sort(
    (a, b) =>
      Number(b.slice === check.slice) - Number(a.slice === check.slice) ||
      Math.abs(b.relativeChange ?? 0) - Math.abs(a.relativeChange ?? 0),
  );
  const charted = rows.slice(0, SLICES_CHARTED);
  const values = charted.flatMap((r) => [r.baseline, r.candidate]);
  const low = Math.min(0, ...values);
  const high = Math.max(...values) <= 1 && low >= 0 ? 1 : Math.max(...values) * 1.1;
  const categories = charted.flatMap((r) => [label(`${r.slice} baseline`), label(`${r.slice} candidate`)]);
  const title = label(
    `${metricLabel(check.stage, check.metric, null)} per slice: baseline and candidate`,
    120,
  );
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${title}`,
    `  x-axis [${categories.join(', ')}]`,
    `  y-axis ${label(check.metric ?? '')} ${value(low)} --> ${value(high)}`,
    `  bar [${values.map(value).join(', ')}]`,
    '```',
  ].join('\n');
}
