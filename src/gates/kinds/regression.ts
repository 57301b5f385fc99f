/**
 * `kind: regression`: candidate against baseline, per direction, noise-aware by default: where paired
 * per-sample evidence exists a row beyond its limit fails only when its one-sided worsening is
 * significant after Holm's adjustment over every tested row of the gate (see docs/adr/0002-statistics.md).
 */
import { type ComparedUnit, namesUnits } from '../../compare/compare.js';
import { type RowTest, type RowTestResult, rowTest } from '../../compare/row-test.js';
import type { MetricDirection } from '../../compare/types.js';
import { formatChange, formatNumber, metricLabel } from '../../format/numbers.js';
import type { RegressionGate } from '../config-types.js';
import { driftCheck, hasDriftLimit } from '../drift.js';
import type { FamilyMember, FamilyVerdicts } from '../family.js';
import { historyNoise } from '../history-noise.js';
import type { Judged } from '../judged.js';
import type { DeferredEvaluation, GateEvaluation, GateInputs } from '../kind.js';
import { check } from '../results.js';
import { gateRows, ignoredMissing, missingCheck, rowFacts, where } from '../rows.js';
import type { GateCheck } from '../types.js';
import { type Pending, settle } from './regression-verdict.js';

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

export function regressionGate(gate: RegressionGate, inputs: GateInputs, judged: Judged): DeferredEvaluation {
  const { policy } = inputs.config;
  const alpha = gate.significance;
  const multi = namesUnits(inputs.units);
  const slots: (GateCheck | Pending)[] = [];
  const notes: Notes = {
    neutral: new Set(),
    noLimit: new Set(),
    newMetrics: new Set(),
    driftNotJudged: new Set(),
    ignored: 0,
    noBaseline: 0,
  };
  const { neutral, noLimit, newMetrics, driftNotJudged } = notes;
  for (const [unitIndex, unit] of inputs.units.entries()) {
    if (!unit.pair.candidate && !unit.pair.baseline) continue;
    if (!unit.pair.baseline) {
      notes.noBaseline++;
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
      if (hasDriftLimit(gate) && row.presence === 'both') {
        const drift = driftCheck(gate, inputs.history, unit, row, direction, located, base);
        if ('check' in drift) slots.push(drift.check);
        else driftNotJudged.add(drift.notJudged);
      }
      const limits = limitsFor(gate, direction);
      if (limits.text === null) {
        if (!hasDriftLimit(gate)) noLimit.add(`${row.key} (${direction} is better)`);
        continue;
      }
      if (row.presence === 'baseline_only' || row.candidate === null) {
        const missing = missingCheck(judged, unit, policy, row, multi, row.baseline);
        if (missing) slots.push({ ...missing, direction, limit: limits.text });
        else notes.ignored++;
        continue;
      }
      if (row.baseline === null || row.candidate === null) {
        slots.push(
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
      const test: RowTest | null =
        alpha === null || row.stage === null
          ? null
          : rowTest(
              unit.pair.baseline,
              unit.pair.candidate,
              {
                stage: row.stage,
                key: row.key,
                slice: row.slice,
                direction,
                sampleKey: gate.samples ?? row.sampleLink?.key ?? null,
                aggregate: { baseline: b, candidate: c },
              },
              {
                binaryTest: policy.binaryTest,
                minPairs: policy.minPairs,
                seed: policy.seed,
                resamples: policy.bootstrapResamples,
                confidence: 1 - 2 * alpha,
                alpha,
              },
            );
      const verb = worsening > 0 ? (c < b ? 'dropped' : 'rose') : c === b ? 'unchanged at' : 'improved';
      const change = c === b ? formatNumber(c) : formatChange(b, c);
      slots.push({
        pending: true,
        hypothesis:
          test === null
            ? null
            : JSON.stringify([
                unitIndex,
                row.stage,
                row.key,
                row.slice,
                direction,
                test.method,
                test.evidence,
              ]),
        base: { ...base, limit: limits.text },
        label,
        what: `${located} ${verb} ${change}`,
        direction,
        worsening,
        beyond: beyond(limits, worsening, b, c),
        limitText: limits.text,
        test,
        stageSamples: test ? test.n : stageSampleCount(unit, row.stage, row.slice),
        noise:
          alpha !== null && test === null
            ? historyNoise(inputs.history, gate.history, unit, row, direction, alpha)
            : null,
      });
    }
  }
  // The family is every tested row that could fail: a row with fewer than min_samples pairs never
  // fails, whatever its p, so leaving it out is chosen by n alone and keeps Holm's guarantee. Rows are
  // not left out for being within their limit: that choice depends on the data, and with a limit looser
  // than the test it would make every slice an unadjusted test (docs/adr/0002-statistics.md). Tarone's
  // reduction (family.ts) leaves out McNemar rows whose discordant pairs are too few to ever reach
  // significance: chosen by the margins alone, so the guarantee holds, and 19 small slices no longer
  // dilute the one that can show a drop. The family spans the run's gates of this severity and alpha.
  const testable = slots.filter(
    (s): s is Pending & { test: RowTestResult } =>
      'pending' in s && s.test?.status === 'ok' && s.test.n >= gate.minSamples,
  );
  const members = new Map<Pending, FamilyMember>();
  if (alpha !== null) {
    for (const slot of testable) {
      if (slot.hypothesis === null) continue;
      members.set(slot, {
        id: slot.hypothesis,
        severity: gate.severity,
        alpha,
        pValue: slot.test.pValue,
        minAttainable: slot.test.minAttainable,
      });
    }
  }
  return {
    members: [...members.values()],
    settle: (verdicts) => settleGate(gate, inputs, { slots, members, verdicts, notes }),
  };
}

interface Notes {
  neutral: Set<string>;
  noLimit: Set<string>;
  newMetrics: Set<string>;
  driftNotJudged: Set<string>;
  ignored: number;
  noBaseline: number;
}

function settleGate(
  gate: RegressionGate,
  inputs: GateInputs,
  found: {
    slots: (GateCheck | Pending)[];
    members: Map<Pending, FamilyMember>;
    verdicts: FamilyVerdicts;
    notes: Notes;
  },
): GateEvaluation {
  const { policy } = inputs.config;
  const alpha = gate.significance;
  const { slots, members, verdicts, notes } = found;
  const { neutral, noLimit, newMetrics, driftNotJudged, ignored, noBaseline } = notes;
  // Every member of this gate sits in the one family of its severity and alpha, so any answers for all.
  const first = members.values().next();
  const family = first.done ? { size: 0, leftOut: 0, gates: 1 } : verdicts(first.value);
  const rules = { alpha, minEffect: gate.minEffect, minSamples: gate.minSamples, minPairs: policy.minPairs };
  const rawDelta: string[] = [];
  const checks = slots.map((slot) => {
    if (!('pending' in slot)) return slot;
    if (alpha !== null && slot.test === null && slot.noise?.kind !== 'noise') rawDelta.push(slot.label);
    const member = members.get(slot);
    const verdict = member ? verdicts(member) : null;
    return settle(slot, verdict?.adjusted ?? null, verdict?.size ?? 0, rules, verdict?.adjusted === null);
  });
  const evidence: string[] = [];
  if (alpha !== null) {
    evidence.push(
      `noise-aware: one-sided paired tests at α = ${alpha}, Holm-adjusted over ${family.size} tested row(s)` +
        (family.gates > 1
          ? ` of ${family.gates} ${gate.severity} gates (one family per severity and α)`
          : '') +
        (family.leftOut > 0
          ? ` (${family.leftOut} more left out: too few discordant pairs to reach significance, Tarone)`
          : '') +
        '; ' +
        `McNemar ${policy.binaryTest} for 0/1 outcomes, paired bootstrap (${policy.bootstrapResamples} resamples) otherwise`,
    );
    if (rawDelta.length > 0)
      evidence.push(`${listed(rawDelta)}: no per-sample evidence — judged on the raw limit`);
  } else {
    evidence.push('significance: false — every row judged on the raw limit');
  }
  if (driftNotJudged.size > 0) {
    evidence.push(
      `${inputs.history === null ? 'no history given' : 'no history of'}: max_drift not judged for ${[...driftNotJudged].sort().join(', ')}`,
    );
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

const LISTED = 8;

function listed(labels: string[]): string {
  const sorted = [...new Set(labels)].sort();
  const shown = sorted.slice(0, LISTED).join(', ');
  return sorted.length > LISTED ? `${shown} and ${sorted.length - LISTED} more` : shown;
}
