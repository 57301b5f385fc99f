/** Number and label formatting shared by gate messages and findings, so both quote values alike. */

/** Short, stable rendering: integers as is, large values to one decimal, small to 4 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(1);
  return String(Number(value.toPrecision(4)));
}

/** A signed difference: `+0.02`, `−0.088` (a real minus sign, so it reads as a number in prose). */
export function formatSigned(value: number): string {
  const text = formatNumber(Math.abs(value));
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  const text = Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${text} %`;
}

export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p >= 0.1 ? p.toFixed(2) : p.toFixed(3)}`;
}

/** `evaluate/accuracy@region-apac`; run-level metrics show as `run/<key>`. */
export function metricLabel(stage: string | null, key: string, slice: string | null): string {
  return `${stage ?? 'run'}/${key}${slice === null ? '' : `@${slice}`}`;
}

/** `b → c (Δ, %)` with the relative change when the baseline is not zero. */
export function formatChange(baseline: number, candidate: number): string {
  const delta = candidate - baseline;
  const parts = [formatSigned(delta)];
  if (baseline !== 0) parts.push(formatPercent(delta / Math.abs(baseline)));
  return `${formatNumber(baseline)} → ${formatNumber(candidate)} (${parts.join(', ')})`;
}
