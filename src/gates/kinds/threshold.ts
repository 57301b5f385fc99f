/** `kind: threshold`: absolute bounds on the candidate's values, with or without a baseline. */
import { namesUnits } from '../../compare/compare.js';
import { formatNumber, metricLabel } from '../../format/numbers.js';
import type { ThresholdGate } from '../config-types.js';
import type { Judged } from '../judged.js';
import type { GateEvaluation, GateInputs } from '../kind.js';
import { check } from '../results.js';
import { absentLiterals, gateRows, ignoredMissing, missingCheck, rowFacts, where } from '../rows.js';
import type { CheckOutcome, GateCheck } from '../types.js';

export function thresholdGate(gate: ThresholdGate, inputs: GateInputs, judged: Judged): GateEvaluation {
  const { policy } = inputs.config;
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  let ignored = 0;
  const bounds = [gate.min === null ? null : `min ${gate.min}`, gate.max === null ? null : `max ${gate.max}`]
    .filter((x) => x !== null)
    .join(', ');
  for (const unit of inputs.units) {
    if (!unit.pair.candidate) continue;
    for (const row of gateRows(unit, gate.metrics, gate.slices)) {
      const label = where(unit, metricLabel(row.stage, row.key, row.slice), multi);
      const base = { ...rowFacts(unit, row, row.direction), limit: bounds };
      if (row.presence === 'baseline_only' || row.candidate === null) {
        const missing = missingCheck(judged, unit, policy, row, multi, row.baseline);
        if (missing) checks.push({ ...missing, limit: bounds });
        else ignored++;
        continue;
      }
      const value = row.candidate;
      let outcome: CheckOutcome = 'pass';
      let reason = `${label} = ${formatNumber(value)} is within ${bounds}`;
      if (gate.min !== null && value < gate.min) {
        outcome = 'fail';
        reason = `${label} = ${formatNumber(value)} is below min ${gate.min}`;
      } else if (gate.max !== null && value > gate.max) {
        outcome = 'fail';
        reason = `${label} = ${formatNumber(value)} is above max ${gate.max}`;
      }
      checks.push(check({ ...base, outcome, reason }));
    }
    for (const metric of absentLiterals(unit, gate.metrics, gate.slices)) {
      const missing = missingCheck(judged, unit, policy, metric, multi, null);
      if (missing) checks.push({ ...missing, limit: bounds });
      else ignored++;
    }
  }
  const evidence = [
    ...(inputs.units.some((u) => !u.pair.baseline) ? ['absolute bounds: applied without a baseline'] : []),
    ...ignoredMissing(policy, ignored),
  ];
  return { checks, evidence };
}
