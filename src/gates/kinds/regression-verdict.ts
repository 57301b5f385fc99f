/**
 * The verdict of one regression row once the gate's family of paired tests is known: the raw limit
 * decides whether a row could fail at all, the paired test (Holm-adjusted) whether the worsening is
 * more than noise. Texts carry raw and adjusted p side by side, and the detectable effect where the
 * test could not judge or found nothing.
 */
import type { RowTest, RowTestResult } from '../../compare/row-test.js';
import { formatNumber, formatPValue } from '../../format/numbers.js';
import type { HistoryNoise } from '../history-noise.js';
import { check } from '../results.js';
import type { GateCheck } from '../types.js';

/** A compared row waiting for the family's adjusted p-values. */
export interface Pending {
  pending: true;
  /** The row's paired test as one hypothesis of the run's family (family.ts); null without a test. */
  hypothesis: string | null;
  base: Omit<Parameters<typeof check>[0], 'outcome' | 'reason'>;
  label: string;
  what: string;
  direction: 'higher' | 'lower';
  /** Baseline → candidate worsening in metric units (> 0 is worse). */
  worsening: number;
  /** Whether the raw change is beyond the gate's limit. */
  beyond: boolean;
  limitText: string;
  test: RowTest | null;
  /** Paired samples behind the row (the test's n, else any per-sample key of the stage). */
  stageSamples: number | null;
  /** Without per-sample evidence under a significance level: the metric's spread over the history. */
  noise: HistoryNoise | null;
}

export interface Rules {
  alpha: number | null;
  minEffect: number;
  minSamples: number;
  minPairs: number;
}

const METHOD: Record<RowTest['method'], string> = {
  'mcnemar-mid-p': 'McNemar mid-p',
  'mcnemar-exact': 'McNemar exact',
  'paired-bootstrap-mean': 'paired bootstrap of the mean',
  'paired-bootstrap-quantile': 'paired bootstrap of the quantile',
  'paired-bootstrap-metric': 'paired bootstrap of the metric',
};

/** "device-tablet: n=116, a drop must exceed ≈0.13 to be detectable at alpha 0.05". */
export function mdeText(
  label: string,
  test: RowTest,
  direction: 'higher' | 'lower',
  alpha: number,
): string | null {
  if (test.mde === null || !Number.isFinite(test.mde)) return null;
  const change = direction === 'higher' ? 'a drop' : 'a rise';
  return `${label}: n=${test.n}, ${change} must exceed ≈${formatNumber(test.mde)} to be detectable at alpha ${alpha}`;
}

function testText(test: RowTestResult, adjusted: number, family: number, alpha: number): string {
  const parts = [
    `${METHOD[test.method]} on ${test.evidence}: one-sided ${formatPValue(test.pValue)}`,
    `Holm-adjusted ${formatPValue(adjusted)} over ${family} row${family === 1 ? '' : 's'}`,
    `n = ${test.n}`,
  ];
  if (test.discordantWorse !== null && test.discordantBetter !== null) {
    parts.push(`${test.discordantWorse} newly failing, ${test.discordantBetter} newly passing`);
  }
  return `${parts.join(', ')}; α = ${alpha}`;
}

/**
 * `unreachable`: a McNemar row left out of the family by Tarone's reduction, because even with every
 * discordant pair against the candidate its p could not reach the family's level.
 */
export function settle(
  row: Pending,
  adjusted: number | null,
  family: number,
  rules: Rules,
  unreachable = false,
): GateCheck {
  const { test, what, base, limitText } = row;
  const alpha = rules.alpha;
  const ok = test?.status === 'ok' ? test : null;
  const stats = {
    ...base,
    n: test ? test.n : row.stageSamples,
    sampleKey: test ? test.evidence : null,
    pValue: ok ? ok.pValue : null,
    adjustedPValue: ok ? adjusted : null,
    test: test ? test.method : null,
    interval: ok ? ok.interval : null,
    mde: null as number | null,
    mdeText: null as string | null,
  };
  const fromHistory = row.noise?.kind === 'noise' ? row.noise : null;
  const raw =
    alpha !== null && test === null && !fromHistory
      ? ' — no per-sample evidence, judged on the raw limit'
      : '';
  const pass = (reason: string) => check({ ...stats, outcome: 'pass', reason: reason + raw });
  if (row.worsening <= 0) return pass(what);
  if (!row.beyond) return pass(`${what}, within ${limitText}`);
  if (row.worsening < rules.minEffect) {
    return pass(`${what}, beyond ${limitText} but smaller than min_effect ${rules.minEffect}`);
  }
  let reason = `${what}, beyond ${limitText}`;
  if (alpha !== null && test) {
    const detectable = mdeText(row.label, test, row.direction, alpha);
    if (test.status === 'insufficient') {
      return check({
        ...stats,
        mde: test.mde,
        mdeText: detectable,
        outcome: 'unknown',
        reason: `${reason}, but ${test.reason} (policy.min_pairs): no significance decision${detectable ? `; ${detectable}` : ''}`,
      });
    }
    if (test.n < rules.minSamples) {
      return check({
        ...stats,
        mde: test.mde,
        mdeText: detectable,
        outcome: 'unknown',
        reason: `${reason}; only ${test.n} samples (< min_samples ${rules.minSamples}): too few to fail the gate on their own (${METHOD[test.method]} on ${test.evidence}: one-sided ${formatPValue(test.pValue)}, not part of the gate's Holm family)${detectable ? `; ${detectable}` : ''}`,
      });
    }
    if (unreachable) {
      return check({
        ...stats,
        mde: test.mde,
        mdeText: detectable,
        outcome: 'pass',
        reason: `${reason} but not significant (${METHOD[test.method]} on ${test.evidence}: one-sided ${formatPValue(test.pValue)}, n = ${test.n}; ${test.discordantWorse ?? 0} newly failing, ${test.discordantBetter ?? 0} newly passing are too few discordant pairs to reach significance within the gate's family, smallest attainable ${formatPValue(test.minAttainable)} — left out of the Holm family, Tarone)${detectable ? `; ${detectable}` : ''}`,
      });
    }
    const text = testText(test, adjusted ?? 1, family, alpha);
    const improves = row.direction === 'higher' ? test.estimate >= 0 : test.estimate <= 0;
    if (improves) {
      return pass(
        `${reason}, but the paired estimate does not worsen (${formatNumber(test.estimate)}; ${text})`,
      );
    }
    if ((adjusted ?? 1) >= alpha) {
      return check({
        ...stats,
        mde: test.mde,
        mdeText: detectable,
        outcome: 'pass',
        reason: `${reason} but not significant (${text})${detectable ? `; ${detectable}` : ''}`,
      });
    }
    reason += ` and significant (${text})`;
  } else if (fromHistory) {
    reason += `; ${fromHistory.text}`;
    if (fromHistory.within) return check({ ...stats, n: fromHistory.n, outcome: 'pass', reason });
  } else if (alpha !== null) {
    reason += `; ${row.label}: ${row.noise ? row.noise.text : 'no per-sample evidence — judged on the raw limit'}`;
  }
  const n = stats.n;
  if (n !== null && n < rules.minSamples) {
    return check({
      ...stats,
      outcome: 'unknown',
      reason: `${reason}; only ${n} samples (< min_samples ${rules.minSamples}): too few to fail the gate on their own`,
    });
  }
  return check({ ...stats, outcome: 'fail', reason });
}
