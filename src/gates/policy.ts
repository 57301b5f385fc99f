/** The `policy.*` checks, reported as gates of their own for what no configured gate judged. */
import { namesUnits } from '../compare/compare.js';
import { formatNumber, metricLabel } from '../format/numbers.js';
import type { GapAction, UnknownOutcome } from './config-types.js';
import { gapKey, type Judged, metricKey } from './judged.js';
import type { GateInputs } from './kind.js';
import { check, finishResult, MISSING_METRIC } from './results.js';
import { newParameterUnits, seriesFacts, where } from './rows.js';
import type { CheckOutcome, GateCheck, GateResult } from './types.js';

function policyResult(
  name: string,
  mapped: UnknownOutcome | GapAction,
  checks: GateCheck[],
  evidence: string[],
): GateResult | null {
  if (checks.length === 0 || mapped === 'ignore') return null;
  const outcome: CheckOutcome =
    mapped === 'fail' ? 'fail' : mapped === 'warn' ? 'warn' : mapped === 'pass' ? 'pass' : 'unknown';
  const rows = checks.map((c) => ({ ...c, outcome }));
  return finishResult(
    { name, kind: 'evidence', severity: mapped === 'fail' ? 'fail' : 'warn', message: null },
    rows,
    evidence,
  );
}

/**
 * `lifted`: missing-metric rows of `warn` gates under `policy.missing_metrics: fail` (see
 * `evaluate.ts`), reported here so they fail the job.
 */
export function policyResults(
  inputs: GateInputs,
  judged: Judged,
  lifted: readonly GateCheck[] = [],
): GateResult[] {
  const { policy } = inputs.config;
  const out: (GateResult | null)[] = [];

  const withoutBaseline: GateCheck[] = [];
  const newParams = newParameterUnits(inputs.units);
  for (const unit of inputs.units) {
    if (!unit.pair.candidate || unit.pair.baseline) continue;
    if (newParams) continue;
    withoutBaseline.push(
      check({
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        outcome: 'unknown',
        reason: inputs.baselineAvailable
          ? `no baseline run of project ${unit.comparison.project} for ${unit.pair.candidate.ref}`
          : `no baseline evidence given for ${unit.pair.candidate.ref}: regression gates cannot judge it`,
      }),
    );
  }
  if (inputs.units.length === 0) {
    withoutBaseline.push(
      check({
        project: '',
        unit: '',
        outcome: 'unknown',
        reason: 'the candidate evidence holds no run to judge',
      }),
    );
  }
  out.push(policyResult('policy.missing_baseline', policy.missingBaseline, withoutBaseline, []));

  const degradedBaseline: GateCheck[] = [];
  for (const unit of inputs.units) {
    const run = unit.pair.baseline;
    if (!run) continue;
    const gaps = inputs.baselineGaps.filter(
      (g) => g.severity === 'error' && (!g.runRef || g.runRef === run.ref),
    );
    if (run.degraded.length === 0 && gaps.length === 0) continue;
    const parts = [
      run.degraded.length > 0
        ? `${run.degraded.length} degraded record(s) (${run.degraded
            .map((d) => d.issueKey)
            .slice(0, 3)
            .join(', ')})`
        : null,
      gaps.length > 0
        ? `${gaps.length} error evidence gap(s) (${[...new Set(gaps.map((g) => g.code))].join(', ')})`
        : null,
    ].filter((x) => x !== null);
    degradedBaseline.push(
      check({
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        outcome: 'unknown',
        subject: 'baseline',
        reason: `baseline ${run.ref} is degraded: ${parts.join('; ')}`,
      }),
    );
  }
  out.push(policyResult('policy.baseline_degraded', policy.baselineDegraded, degradedBaseline, []));

  const gapChecks = inputs.candidateGaps
    .filter((g) => g.severity === 'error' && !judged.gaps.has(gapKey(g)))
    .map((g) =>
      check({
        project: '',
        unit: '',
        stage: g.stage ?? null,
        subject: g.code,
        outcome: 'fail',
        reason: `${g.code}${g.file ? ` in ${g.file}${g.line ? `:${g.line}` : ''}` : ''}: ${g.message}`,
      }),
    );
  out.push(policyResult('policy.evidence_gaps', policy.evidenceGaps, gapChecks, []));

  const missing: GateCheck[] = [];
  const seen = new Set<string>();
  for (const row of lifted) {
    const key = metricKey(row.project, row.unit, {
      stage: row.stage,
      key: row.metric ?? '',
      slice: row.slice,
    });
    if (seen.has(key)) continue;
    seen.add(key);
    missing.push(row);
  }
  for (const unit of inputs.units) {
    if (!unit.pair.baseline) continue;
    for (const row of unit.comparison.metrics) {
      if (row.batch !== null) continue;
      const vanished = row.presence === 'baseline_only';
      // A series the candidate recorded only as NaN/Infinity is as unmeasured as one it dropped.
      const notFinite = row.presence === 'both' && row.candidate === null && row.candidateNonFinite > 0;
      if (!vanished && !notFinite) continue;
      if (judged.metrics.has(metricKey(unit.comparison.project, unit.comparison.unit, row))) continue;
      const label = where(unit, metricLabel(row.stage, row.key, row.slice), namesUnits(inputs.units));
      const baseline = row.baseline === null ? '' : ` (${formatNumber(row.baseline)})`;
      missing.push(
        check({
          ...seriesFacts(unit, row),
          baseline: row.baseline,
          subject: MISSING_METRIC,
          outcome: 'fail',
          reason: vanished
            ? `${label} is in the baseline${baseline} but missing from the candidate`
            : `${label} is in the baseline${baseline} but has no finite value in the candidate (${row.candidateNonFinite} NaN/Infinity observation(s))`,
        }),
      );
    }
  }
  out.push(policyResult('policy.missing_metrics', policy.missingMetrics, missing, []));
  return out.filter((r): r is GateResult => r !== null);
}
