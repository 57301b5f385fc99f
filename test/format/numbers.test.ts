import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatChange,
  formatDifference,
  formatInterval,
  formatNumber,
  formatPercent,
  formatPValue,
  formatShare,
  formatSigned,
  formatStatistics,
  metricLabel,
  metricTarget,
} from '../../src/format/numbers.js';

describe('number formatting', () => {
  it('keeps four significant digits, separates thousands, keeps one decimal below 10,000', () => {
    expect(formatNumber(0.911764705)).toBe('0.9118');
    expect(formatNumber(0.8)).toBe('0.8');
    expect(formatNumber(746)).toBe('746');
    expect(formatNumber(999.96)).toBe('1,000');
    expect(formatNumber(1178.6)).toBe('1,178.6');
    expect(formatNumber(15824)).toBe('15,824');
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.5)).toBe('-0.5');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('shows absence as absent, never as zero', () => {
    expect(formatNumber(null)).toBe('absent');
    expect(formatSigned(null)).toBe('absent');
    expect(formatBytes(null)).toBe('absent');
    expect(formatDifference(null, 0.1)).toBe('absent');
  });

  it('signs deltas and percentages with a visible plus or typographic minus', () => {
    expect(formatSigned(-0.0882352)).toBe('−0.08824');
    expect(formatSigned(0.02)).toBe('+0.02');
    expect(formatSigned(0)).toBe('0');
    expect(formatPercent(-0.0967)).toBe('−9.7%');
    expect(formatPercent(0.2893)).toBe('+29%');
    expect(formatPercent(null)).toBe('');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('');
    expect(formatShare(0.9)).toBe('90%');
  });

  it('renders a change one way: baseline → candidate by delta (relative)', () => {
    expect(formatDifference(180.1, 0.1804)).toBe('+180.1 (+18%)');
    expect(formatDifference(0.5, null)).toBe('+0.5');
    expect(formatChange(998.4, 1178.6)).toBe('998.4 → 1,178.6 by +180.2 (+18%)');
    expect(formatChange(0.9618, 0.8681)).toBe('0.9618 → 0.8681 by −0.0937 (−9.7%)');
    expect(formatChange(0, 2)).toBe('0 → 2 by +2');
    expect(formatChange(1024, 2048, formatBytes)).toBe('1.0 KiB → 2.0 KiB by +1.0 KiB (+100%)');
    expect(formatDifference(0, 0, formatBytes)).toBe('0 B (0.0%)');
  });

  it('formats tests', () => {
    expect(formatPValue(0.0004)).toBe('p < 0.001');
    expect(formatPValue(0.0042)).toBe('p = 0.004');
    expect(formatPValue(0.045)).toBe('p = 0.045');
    expect(formatPValue(0.25)).toBe('p = 0.25');
    expect(formatPValue(null)).toBe('');
    expect(formatInterval({ low: -0.2249, high: 0.03234, level: 0.95 })).toBe('95% CI [−0.2249, +0.03234]');
    expect(formatStatistics({ low: -0.12, high: -0.03, level: 0.9 }, 0.004)).toBe(
      '90% CI [−0.12, −0.03], p = 0.004',
    );
    expect(formatStatistics(null, null)).toBe('');
  });

  it('sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(28_979)).toBe('28.3 KiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
  });

  it('labels metrics as stage/key@slice, run-level ones by their key', () => {
    expect(metricLabel('evaluate', 'auc', 'region-apac')).toBe('evaluate/auc@region-apac');
    expect(metricLabel(null, 'acc', null)).toBe('acc');
    expect(metricLabel('train', null, null)).toBe('train');
    expect(metricLabel(null, null, null)).toBe('');
    expect(metricTarget(null, 'acc', 'a')).toBe('run/acc@a');
    expect(metricTarget('evaluate', 'acc', null)).toBe('evaluate/acc');
  });
});
