import { describe, expect, it } from 'vitest';
import {
  bytes,
  formatDelta,
  formatInterval,
  formatNumber,
  formatPercent,
  formatPValue,
  headlineReason,
} from '../../src/report/format.js';

describe('number formatting', () => {
  it('keeps four significant digits, separates thousands, keeps one decimal below 10,000', () => {
    expect(formatNumber(0.911764705)).toBe('0.9118');
    expect(formatNumber(0.8)).toBe('0.8');
    expect(formatNumber(746)).toBe('746');
    expect(formatNumber(1178.6)).toBe('1,178.6');
    expect(formatNumber(15824)).toBe('15,824');
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.5)).toBe('-0.5');
  });

  it('shows absence as absent, never as zero', () => {
    expect(formatNumber(null)).toBe('absent');
    expect(formatDelta(null)).toBe('absent');
    expect(bytes(null)).toBe('absent');
  });

  it('signs deltas and percentages with a visible plus or typographic minus', () => {
    expect(formatDelta(-0.0882352)).toBe('−0.08824');
    expect(formatDelta(0.02)).toBe('+0.02');
    expect(formatDelta(0)).toBe('0');
    expect(formatPercent(-0.0967)).toBe('−9.7%');
    expect(formatPercent(0.2893)).toBe('+29%');
    expect(formatPercent(null)).toBe('');
  });

  it('formats tests', () => {
    expect(formatPValue(0.0004)).toBe('p<0.001');
    expect(formatPValue(0.0042)).toBe('p=0.004');
    expect(formatPValue(0.25)).toBe('p=0.25');
    expect(formatInterval({ low: -0.2249, high: 0.03234, level: 0.95 })).toBe('95% CI [−0.2249, +0.03234]');
  });

  it('sizes in binary units', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(28_979)).toBe('28.3 KiB');
    expect(bytes(3 * 1024 ** 3)).toBe('3.0 GiB');
  });

  it('strips the verdict label the engine puts in front of its headline', () => {
    expect(headlineReason('FAIL — slice floor: x')).toBe('slice floor: x');
    expect(headlineReason('UNKNOWN (treated as warn) — a: b')).toBe('a: b');
    expect(headlineReason('something else')).toBe('something else');
  });
});
