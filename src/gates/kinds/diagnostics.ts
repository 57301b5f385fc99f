/** `kind: diagnostics`: no candidate diagnostic at or above a level. */
import { namesUnits } from '../../compare/compare.js';
import type { DiagnosticsGate } from '../config-types.js';
import type { GateEvaluation, GateInputs } from '../kind.js';
import { check } from '../results.js';
import { where } from '../rows.js';
import type { GateCheck } from '../types.js';

const LEVELS = { info: 0, warning: 1, error: 2 } as const;

export function diagnosticsGate(gate: DiagnosticsGate, inputs: GateInputs): GateEvaluation {
  const threshold = LEVELS[gate.level];
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const candidate = inputs.diagnostics.filter((d) => d.side === 'candidate');
  for (const d of candidate) {
    if (LEVELS[d.severity] < threshold) continue;
    const unit = inputs.units.find((u) => u.pair.candidate?.ref === d.runRef);
    checks.push(
      check({
        project: d.project,
        unit: unit?.comparison.unit ?? d.runRef,
        stage: d.stage,
        subject: d.code,
        outcome: 'fail',
        limit: `level ${gate.level}`,
        reason: `${multi ? `${d.runRef}: ` : ''}${d.severity} ${d.code}: ${d.summary} (${d.subjectRef})`,
      }),
    );
  }
  const below = candidate.length - checks.length;
  if (checks.length === 0) {
    for (const unit of inputs.units) {
      if (!unit.pair.candidate) continue;
      checks.push(
        check({
          project: unit.comparison.project,
          unit: unit.comparison.unit,
          outcome: 'pass',
          limit: `level ${gate.level}`,
          reason: where(unit, `no diagnostic at or above ${gate.level}`, multi),
        }),
      );
    }
  }
  return {
    checks,
    evidence: below > 0 ? [`${below} candidate diagnostic(s) below ${gate.level} not counted`] : [],
  };
}
