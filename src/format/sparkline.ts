/**
 * A trend in one table cell: `▇▇▆▆▅▅▄▃` for values oldest first, scaled between their own minimum
 * and maximum (a flat series is a flat line). Non-finite values are gaps (a space), so a hole in the
 * evidence stays visible.
 */

const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (span === 0) return BARS[3]!;
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / span) * BARS.length))]!;
    })
    .join('');
}
