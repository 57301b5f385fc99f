/** `kind: evidence`: the candidate's stages and metrics are present, complete and not degraded. */
import { namesUnits } from '../../compare/compare.js';
import type { EvidenceGate } from '../config-types.js';
import {
  degradedChecks,
  RUN_LEVEL,
  requiredFromBaseline,
  runLevelChecks,
  runScope,
  stageScope,
} from '../evidence-checks.js';
import type { Judged } from '../judged.js';
import type { GateEvaluation, GateInputs } from '../kind.js';
import { formatSelector, matchesSelector } from '../metric-selector.js';
import { check, gapOutcome } from '../results.js';
import { newParameterUnits, stagesOf, where } from '../rows.js';
import type { GateCheck } from '../types.js';

export function evidenceGate(gate: EvidenceGate, inputs: GateInputs, judged: Judged): GateEvaluation {
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const unknownStatus = new Set<string>();
  const newUnits = new Set<string>();
  const newParams = newParameterUnits(inputs.units);
  if (!inputs.units.some((u) => u.pair.candidate)) {
    checks.push(
      check({
        project: '',
        unit: '',
        subject: 'run_missing',
        outcome: 'fail',
        reason: `the candidate evidence holds no run, so stage${gate.requireComplete.length > 1 ? 's' : ''} ${gate.requireComplete.join(', ')} cannot be checked`,
      }),
    );
  }
  for (const unit of inputs.units) {
    const run = unit.pair.candidate;
    const ids = { project: unit.comparison.project, unit: unit.comparison.unit };
    if (!run) {
      if (unit.pair.baseline) {
        checks.push(
          check({
            ...ids,
            outcome: 'fail',
            subject: 'run_missing',
            reason: where(unit, `no candidate run (the baseline has ${unit.pair.baseline.ref})`, multi),
          }),
        );
      }
      continue;
    }
    const present = new Set(run.stages.map((s) => s.name));
    for (const name of gate.requireComplete) {
      const stage = run.stages.find((s) => s.name === name);
      if (!stage && name === RUN_LEVEL) {
        checks.push(
          check({
            ...ids,
            subject: 'run',
            outcome: 'pass',
            reason: where(
              unit,
              `run ${run.ref} present (${run.runMetrics.length} run-level metric series)`,
              multi,
            ),
          }),
        );
        continue;
      }
      checks.push(
        check({
          ...ids,
          stage: name,
          subject: 'stage',
          outcome: stage ? 'pass' : 'fail',
          reason: stage
            ? where(unit, `stage ${name} present (${stage.recordCount} records)`, multi)
            : where(unit, `stage ${name} is missing from candidate run ${run.ref}`, multi),
        }),
      );
    }
    const checked = [...gate.requireComplete, ...gate.optionalStages.filter((s) => present.has(s))];

    const required = gate.requireMetrics;
    if (required.mode === 'baseline') {
      const baseline = unit.pair.baseline;
      if (!baseline && newParams) {
        newUnits.add(unit.comparison.unit);
      } else if (!baseline) {
        checks.push(
          check({
            ...ids,
            outcome: 'unknown',
            subject: 'require_metrics',
            reason: where(
              unit,
              'require_metrics: baseline — there is no baseline run to take the list from',
              multi,
            ),
          }),
        );
      } else {
        for (const stage of stagesOf(baseline, gate.requireComplete)) {
          checks.push(requiredFromBaseline(judged, unit, stageScope(stage, run), multi));
        }
        if (gate.requireComplete.includes(RUN_LEVEL)) {
          checks.push(requiredFromBaseline(judged, unit, runScope(baseline, run), multi));
        }
      }
    } else if (required.mode === 'list') {
      for (const selector of required.metrics) {
        const found = unit.comparison.metrics.some(
          (row) =>
            row.presence !== 'baseline_only' &&
            row.candidate !== null &&
            matchesSelector(selector, row.stage, row.key),
        );
        checks.push(
          check({
            ...ids,
            subject: 'required_metric',
            metric: formatSelector(selector),
            outcome: found ? 'pass' : 'fail',
            reason: where(
              unit,
              found
                ? `${formatSelector(selector)} present`
                : `required metric ${formatSelector(selector)} is missing from the candidate`,
              multi,
            ),
          }),
        );
      }
    }

    const degradedOutcome = gapOutcome(gate.degraded);
    const partialOutcome = gapOutcome(gate.partial);
    const statusOutcome = gapOutcome(gate.statuses);
    for (const stage of stagesOf(run, checked)) {
      const stageIds = { ...ids, stage: stage.name };
      if (degradedOutcome) {
        const label = `stage ${stage.name}`;
        checks.push(
          ...degradedChecks(
            { unit, multi, judged, ids: stageIds, outcome: degradedOutcome },
            { stage: stage.name, label, gapPrefix: `${label}: ` },
            run.degraded.filter((d) => d.stage === stage.name),
            stage.metrics.filter((m) => m.degraded),
            inputs.candidateGaps.filter(
              (gap) =>
                gap.severity === 'error' &&
                gap.stage === stage.name &&
                (!gap.runRef || gap.runRef === run.ref),
            ),
          ),
        );
      }
      if (partialOutcome && stage.partialRecords > 0) {
        checks.push(
          check({
            ...stageIds,
            subject: 'partial_record',
            outcome: partialOutcome,
            reason: where(
              unit,
              `stage ${stage.name}: ${stage.partialRecords} of ${stage.recordCount} records are not complete (partial/sampled/unknown completeness)`,
              multi,
            ),
          }),
        );
      }
      if (stage.status === null) unknownStatus.add(stage.name);
      else if (statusOutcome && stage.status !== 'completed') {
        checks.push(
          check({
            ...stageIds,
            subject: 'status',
            outcome: statusOutcome,
            reason: where(unit, `stage ${stage.name} is ${stage.status}, not completed`, multi),
          }),
        );
      }
      if (!degradedOutcome && !partialOutcome) continue;
      if (
        !run.degraded.some((d) => d.stage === stage.name) &&
        stage.partialRecords === 0 &&
        !stage.metrics.some((m) => m.degraded)
      ) {
        checks.push(
          check({
            ...stageIds,
            subject: 'stage_evidence',
            outcome: 'pass',
            reason: where(unit, `stage ${stage.name}: no degraded or partial records`, multi),
          }),
        );
      }
    }
    if (checked.includes(RUN_LEVEL)) checks.push(...runLevelChecks(gate, inputs, judged, unit, run, multi));
    if (statusOutcome && run.status !== null && run.status !== 'completed') {
      checks.push(
        check({
          ...ids,
          subject: 'status',
          outcome: statusOutcome,
          reason: where(unit, `run ${run.ref} is ${run.status}, not completed`, multi),
        }),
      );
    }
  }
  const evidence = [
    `stages checked: ${gate.requireComplete.join(', ')}${gate.optionalStages.length ? ` (optional: ${gate.optionalStages.join(', ')})` : ''}`,
  ];
  if (newUnits.size > 0) {
    evidence.push(
      `require_metrics: baseline not applied to new parameter units (no baseline unit): ${[...newUnits].sort().join('; ')}`,
    );
  }
  if (unknownStatus.size > 0) {
    evidence.push(
      `statuses unknown (no ledger read) for ${[...unknownStatus].sort().join(', ')}: completion could not be checked`,
    );
  }
  return { checks, evidence };
}
