/** `kind: regression`: candidate against baseline, per direction, with an optional paired test. */
import { type ComparedUnit, namesUnits } from '../../compare/compare.js';
import type { MetricDirection, SampleGroupComparison } from '../../compare/types.js';
import { formatChange, formatNumber, formatPValue, metricLabel } from '../../format/numbers.js';
import type { RegressionGate } from '../config-types.js';
import type { Judged } from '../judged.js';
import type { GateEvaluation, GateInputs } from '../kind.js';
import { check } from '../results.js';
import { gateRows, ignoredMissing, missingCheck, rowFacts, where } from '../rows.js';
import type { GateCheck } from '../types.js';

/** Paired samples behind a stage (and slice) from any per-sample key: the n for `min_samples`. */
function stageSampleCount(unit: ComparedUnit, stage: string | null, slice: string | null): number | null {
  let best: number | null = null;
  for (const s of unit.comparison.samples) {
    if (s.stage !== stage || s.presence !== 'both') continue;
    const group = slice === null ? s.overall : s.slices.find((g) => g.slice === slice);
    if (group && (best === null || group.paired > best)) best = group.paired;
  }
  return best;
}

function sampleGroup(
  unit: ComparedUnit,
  stage: string,
  key: string,
  slice: string | null,
): SampleGroupComparison | null {
  const series = unit.comparison.samples.find(
    (s) => s.stage === stage && s.key === key && s.presence === 'both',
  );
  if (!series) return null;
  return slice === null ? series.overall : (series.slices.find((g) => g.slice === slice) ?? null);
}

interface Limits {
  abs: number | null;
  pct: number | null;
  text: string | null;
}

function limitsFor(gate: RegressionGate, direction: 'higher' | 'lower'): Limits {
  const [abs, pct, name] =
    direction === 'higher'
      ? [gate.maxDrop, gate.maxDropPct, 'max_drop']
      : [gate.maxIncrease, gate.maxIncreasePct, 'max_increase'];
  const text = [abs === null ? null : `${name} ${abs}`, pct === null ? null : `${name}_pct ${pct} %`]
    .filter((x) => x !== null)
    .join(', ');
  return { abs, pct, text: text === '' ? null : text };
}

/**
 * Values are read from decimal text (and metalab averages replicates), so a change that equals its
 * limit in decimal can exceed it by a few units in the last place: 0.88975 − 0.83975 is 0.05 written
 * down but 0.05000000000000004 in binary. Worsening within this slack of a limit is at the limit,
 * which a "may not drop more than" limit allows.
 */
function roundingSlack(baseline: number, candidate: number): number {
  return 64 * Number.EPSILON * Math.max(Math.abs(baseline), Math.abs(candidate));
}

function beyond(limits: Limits, worsening: number, baseline: number, candidate: number): boolean {
  const slack = roundingSlack(baseline, candidate);
  if (limits.abs !== null && worsening - limits.abs > slack) return true;
  if (limits.pct !== null) {
    if (baseline === 0) return worsening > slack;
    if (worsening - (limits.pct / 100) * Math.abs(baseline) > slack) return true;
  }
  return false;
}

function testText(group: SampleGroupComparison, key: string): string {
  const test = group.test!;
  const name = test.method === 'mcnemar-exact' ? 'McNemar' : 'paired bootstrap';
  const parts = [`${name} on ${key}: ${formatPValue(test.pValue ?? 1)}`, `n = ${test.n}`];
  if (group.binary)
    parts.push(
      `${group.binary.newlyFailing.count} newly failing, ${group.binary.newlyPassing.count} newly passing`,
    );
  return parts.join(', ');
}

export function regressionGate(gate: RegressionGate, inputs: GateInputs, judged: Judged): GateEvaluation {
  const { policy } = inputs.config;
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const rawDelta = new Set<string>();
  const tested = new Set<string>();
  const neutral = new Set<string>();
  const noLimit = new Set<string>();
  const newMetrics = new Set<string>();
  let ignored = 0;
  let noBaseline = 0;
  for (const unit of inputs.units) {
    if (!unit.pair.candidate && !unit.pair.baseline) continue;
    if (!unit.pair.baseline) {
      noBaseline++;
      continue;
    }
    for (const row of gateRows(unit, gate.metrics, gate.slices)) {
      const label = metricLabel(row.stage, row.key, row.slice);
      const located = where(unit, label, multi);
      const direction: MetricDirection = gate.direction ?? row.direction;
      const base = rowFacts(unit, row, direction);
      if (row.presence === 'candidate_only') {
        newMetrics.add(label);
        continue;
      }
      if (direction === 'neutral') {
        neutral.add(row.key);
        continue;
      }
      const limits = limitsFor(gate, direction);
      if (limits.text === null) {
        noLimit.add(`${row.key} (${direction} is better)`);
        continue;
      }
      if (row.presence === 'baseline_only' || row.candidate === null) {
        const missing = missingCheck(judged, unit, policy, row, multi, row.baseline);
        if (missing) checks.push({ ...missing, direction, limit: limits.text });
        else ignored++;
        continue;
      }
      if (row.baseline === null || row.candidate === null) {
        checks.push(
          check({
            ...base,
            outcome: 'unknown',
            limit: limits.text,
            reason: `${located}: ${row.reason ?? 'not comparable'}`,
          }),
        );
        continue;
      }
      const b = row.baseline;
      const c = row.candidate;
      const worsening = direction === 'higher' ? b - c : c - b;
      const sampleKey = row.stage === null ? null : (gate.samples ?? row.sampleLink?.key ?? null);
      const group =
        sampleKey && row.stage !== null ? sampleGroup(unit, row.stage, sampleKey, row.slice) : null;
      const usable = group?.test ? group : null;
      const n = usable ? usable.paired : stageSampleCount(unit, row.stage, row.slice);
      const stats = {
        n,
        sampleKey: usable ? sampleKey : null,
        pValue: usable?.test?.pValue ?? null,
        interval: usable?.test?.interval ?? null,
        limit: limits.text,
      };
      const verb = worsening > 0 ? (c < b ? 'dropped' : 'rose') : c === b ? 'unchanged at' : 'improved';
      const change = c === b ? formatNumber(c) : formatChange(b, c);
      const what = `${located} ${verb} ${change}`;
      if (worsening <= 0) {
        checks.push(check({ ...base, ...stats, outcome: 'pass', reason: what }));
        continue;
      }
      if (!beyond(limits, worsening, b, c)) {
        checks.push(check({ ...base, ...stats, outcome: 'pass', reason: `${what}, within ${limits.text}` }));
        continue;
      }
      if (worsening < gate.minEffect) {
        checks.push(
          check({
            ...base,
            ...stats,
            outcome: 'pass',
            reason: `${what}, beyond ${limits.text} but smaller than min_effect ${gate.minEffect}`,
          }),
        );
        continue;
      }
      let reason = `${what}, beyond ${limits.text}`;
      if (gate.significance !== null && usable && sampleKey) {
        tested.add(`${label} ↔ ${sampleKey}`);
        const p = usable.test!.pValue ?? 1;
        if (p >= gate.significance) {
          checks.push(
            check({
              ...base,
              ...stats,
              outcome: 'pass',
              reason: `${reason} but not significant (${testText(usable, sampleKey)}; α = ${gate.significance})`,
            }),
          );
          continue;
        }
        reason += ` and significant (${testText(usable, sampleKey)}; α = ${gate.significance})`;
      } else if (usable && sampleKey) {
        reason += ` (${testText(usable, sampleKey)})`;
      } else {
        rawDelta.add(label);
        reason += gate.significance !== null ? '; no sample evidence: threshold applied to raw delta' : '';
      }
      if (n !== null && n < gate.minSamples) {
        checks.push(
          check({
            ...base,
            ...stats,
            outcome: 'unknown',
            reason: `${reason}; only ${n} samples (< min_samples ${gate.minSamples}): too few to fail the gate on their own`,
          }),
        );
        continue;
      }
      checks.push(check({ ...base, ...stats, outcome: 'fail', reason }));
    }
  }
  const evidence: string[] = [];
  if (gate.significance !== null) {
    evidence.push(`significance: α = ${gate.significance}`);
    if (tested.size > 0) evidence.push(`paired per-sample test: ${[...tested].sort().join('; ')}`);
    if (rawDelta.size > 0) {
      evidence.push(
        `no sample evidence: threshold applied to raw delta for ${[...rawDelta].sort().join(', ')}`,
      );
    }
  }
  if (neutral.size > 0) {
    evidence.push(`neutral direction, reported but never failed: ${[...neutral].sort().join(', ')}`);
  }
  if (noLimit.size > 0) {
    evidence.push(`no limit for the direction of: ${[...noLimit].sort().join(', ')}`);
  }
  if (newMetrics.size > 0) {
    evidence.push(`new in the candidate, no baseline value: ${[...newMetrics].sort().join(', ')}`);
  }
  if (noBaseline > 0)
    evidence.push(`${noBaseline} run(s)/unit(s) without a baseline counterpart: not judged`);
  evidence.push(...ignoredMissing(policy, ignored));
  return { checks, evidence };
}
