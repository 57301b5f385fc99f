/**
 * The one place numbers, deltas, percentages, tests, sizes and metric labels are turned into text.
 * The PR comment, the terminal report, gate messages, findings and the CLI all quote values through
 * it, so a change reads the same wherever a reviewer meets it: `0.9618 → 0.8681 by −0.09375 (−9.7%)`,
 * `p = 0.004`, `evaluate/auc@region-apac`. Absent values read "absent", never 0 or an empty cell.
 */

export const ABSENT = 'absent';

/** The shape of a confidence interval; compare's `Interval` satisfies it. */
export interface IntervalLike {
  low: number;
  high: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

/** Up to 4 significant digits, thousands separated, exponent only below 0.0001. */
export function formatNumber(value: number | null): string {
  if (value === null) return ABSENT;
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10_000) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 1_000) return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  if (abs >= 1e-4)
    return trimZeros(value.toPrecision(4)).replace(/^(-?\d{4,})/, (m) => Number(m).toLocaleString('en-US'));
  return value.toExponential(2);
}

function trimZeros(text: string): string {
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}

/** A signed difference: `+0.02`, `−0.088` (a real minus sign, so it reads as a number in prose). */
export function formatSigned(
  value: number | null,
  magnitude: (abs: number) => string = formatNumber,
): string {
  if (value === null) return ABSENT;
  if (value === 0) return magnitude(0);
  const text = magnitude(Math.abs(value));
  return value > 0 ? `+${text}` : `−${text}`;
}

/** A signed relative change, `+18%`, `−9.7%`; empty when there is none (baseline zero, not compared). */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '';
  const pct = fraction * 100;
  const text = Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${text}%`;
}

/** A share, unsigned: a pass rate of 0.9 is `90%`. */
export function formatShare(fraction: number | null): string {
  return formatPercent(fraction === null ? null : Math.abs(fraction)).replace('+', '');
}

/** `+180.1 (+18%)`: a difference with its relative change when there is one. */
export function formatDifference(
  delta: number | null,
  relative: number | null,
  magnitude: (abs: number) => string = formatNumber,
): string {
  const pct = delta === null ? '' : formatPercent(relative);
  return `${formatSigned(delta, magnitude)}${pct ? ` (${pct})` : ''}`;
}

/** `998.4 → 1,178.6 by +180.1 (+18%)`, with the relative change when the baseline is not zero. */
export function formatChange(
  baseline: number,
  candidate: number,
  magnitude: (abs: number) => string = formatNumber,
): string {
  const delta = candidate - baseline;
  const relative = baseline === 0 ? null : delta / Math.abs(baseline);
  return `${magnitude(baseline)} → ${magnitude(candidate)} by ${formatDifference(delta, relative, magnitude)}`;
}

/** Two decimals, three below 0.1 so a value near the usual 0.05 level keeps its side of it. */
export function formatPValue(p: number | null): string {
  if (p === null) return '';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p >= 0.1 ? p.toFixed(2) : p.toFixed(3)}`;
}

/** `95% CI [−0.12, −0.03]`, or empty without an interval. */
export function formatInterval(interval: IntervalLike | null): string {
  if (interval === null) return '';
  return `${Math.round(interval.level * 100)}% CI [${formatSigned(interval.low)}, ${formatSigned(interval.high)}]`;
}

/** `95% CI [−0.12, −0.03], p = 0.004` (`one-sided p` for a test against worsening), or empty without a test. */
export function formatStatistics(
  interval: IntervalLike | null,
  pValue: number | null,
  oneSided = false,
): string {
  const p = formatPValue(pValue);
  return [formatInterval(interval), oneSided && p !== '' ? `one-sided ${p}` : p]
    .filter((s) => s !== '')
    .join(', ');
}

/** Sizes in binary units: `512 B`, `28.3 KiB`. */
export function formatBytes(value: number | null): string {
  if (value === null) return ABSENT;
  const abs = Math.abs(value);
  if (abs < 1024) return `${value} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let scaled = value / 1024;
  let unit = 0;
  while (Math.abs(scaled) >= 1024 && unit < units.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return `${scaled.toFixed(1)} ${units[unit]}`;
}

/**
 * `evaluate/accuracy@region-apac`; a run-level metric is its bare key (`accuracy`), as the report's
 * tables show it. Without a metric the stage alone, without either an empty string.
 */
export function metricLabel(stage: string | null, key: string | null, slice: string | null): string {
  const base = [stage, key].filter((s) => s !== null).join('/');
  return slice === null ? base : `${base}@${slice}`;
}

/**
 * The metric as a selector or waiver target (`Gate-Waive: <stage>/<metric>`), where a run-level
 * metric needs the `run/` stage to be told apart from a gate name.
 */
export function metricTarget(stage: string | null, key: string, slice: string | null): string {
  return metricLabel(stage ?? 'run', key, slice);
}

/** Counts: `1,234`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
