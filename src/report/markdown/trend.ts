/**
 * History in the report: a sparkline after a metric's candidate value in the comment's tables, and
 * a mermaid `xychart-beta` line chart of the gated metrics over the window for the job summary.
 */
import type { MetricDelta, RunComparison } from '../../compare/types.js';
import { formatNumber, metricLabel } from '../../format/numbers.js';
import { sparkline } from '../../format/sparkline.js';
import type { GateReport, MetricTrend } from '../../gates/types.js';
import { escapeText } from '../escape.js';

function trendOf(report: GateReport, comparison: RunComparison, delta: MetricDelta): MetricTrend | null {
  return (
    report.trends?.find(
      (t) =>
        t.project === comparison.project &&
        t.unit === comparison.unit &&
        t.stage === delta.stage &&
        t.metric === delta.key &&
        t.slice === delta.slice,
    ) ?? null
  );
}

/** ` ▇▆▅▄` after a candidate value: the history window then this run; empty without history. */
export function trendSuffix(report: GateReport, comparison: RunComparison, delta: MetricDelta): string {
  const trend = delta.batch === null ? trendOf(report, comparison, delta) : null;
  return trend && trend.values.length > 1 ? ` ${sparkline(trend.values)}` : '';
}

// Inside a mermaid block nothing is markdown, but a quote, backtick or line break from an untrusted
// metric name could end the string or the fence.
const quote = (text: string) => `"${text.replace(/["\\`<>\r\n]/g, '')}"`;

/**
 * One chart per trend (each metric on its own scale), newest run last. Empty without history; the
 * job summary renders mermaid, the PR comment stays a table.
 */
export function trendChart(report: GateReport): string {
  const trends = (report.trends ?? []).filter((t) => t.values.length > 1);
  if (trends.length === 0) return '';
  const out = ['', '### Trend over the history window', ''];
  for (const t of trends) {
    const label = metricLabel(t.stage, t.metric, t.slice);
    const min = Math.min(...t.values);
    const max = Math.max(...t.values);
    const pad = max === min ? Math.abs(max) * 0.01 || 1 : (max - min) * 0.1;
    const axis = t.values.map((_, i) =>
      i === t.values.length - 1 ? 'this run' : `-${t.values.length - 1 - i}`,
    );
    out.push(
      '```mermaid',
      'xychart-beta',
      `  title ${quote(`${t.project}: ${label}`)}`,
      `  x-axis [${axis.map(quote).join(', ')}]`,
      `  y-axis ${quote(t.metric)} ${formatNumber(min - pad).replace(/,/g, '')} --> ${formatNumber(max + pad).replace(/,/g, '')}`,
      `  line [${t.values.map((v) => String(v)).join(', ')}]`,
      '```',
      '',
      `Oldest to newest: ${escapeText(t.runs.join(' · '), { maxLength: 4000 })}`,
      '',
    );
  }
  return out.join('\n');
}
