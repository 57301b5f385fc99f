/**
 * The gate engine: baseline and candidate evidence plus a gate config in, a `GateReport` out. Pure —
 * no environment, no network, no clock — so the action, the CLI and the tests all get the same answer
 * from the same evidence.
 */
import { type ComparedUnit, compareRuns, runIdentity } from '../compare/compare.js';
import { DEFAULT_EXPECTED_STAGES, diagnoseRun } from '../compare/diagnostics.js';
import { type RunPair, selectRunPairs } from '../compare/select.js';
import type { Diagnostic } from '../compare/types.js';
import type { Evidence } from '../evidence/model.js';
import { buildFindings } from '../findings/findings.js';
import type { GateConfig, GatePolicy } from '../gates/config-types.js';
import { evaluateGates } from '../gates/evaluate.js';
import { headlineGates, refreshResult } from '../gates/results.js';
import type {
  ExitMapping,
  GateReport,
  GateResult,
  ReportContext,
  SideSummary,
  Verdict,
} from '../gates/types.js';
import { GATE_REPORT_SCHEMA_VERSION } from '../gates/types.js';
import { applyWaivers, parseWaivers, type WaiverRequests } from '../gates/waivers.js';
import type { HistoryRecord } from '../history/record.js';
import { metricTrends } from './trends.js';

export interface EngineInput {
  /** Null when no baseline could be found: regressions cannot be judged, the verdict is at best unknown. */
  baseline: Evidence | null;
  candidate: Evidence;
  config: GateConfig;
  waivers?: WaiverRequests;
  /** Full ref or bare run name (Contexta) / params label (metalab). */
  baselineRun?: string;
  candidateRun?: string;
  context?: ReportContext;
  /** Contexta's `expected_terminal_stage_names`; default `evaluate`, `package`. */
  expectedStages?: readonly string[];
  /** Earlier runs' history records, oldest first; absent or null: no history (drift not judged). */
  history?: HistoryRecord[] | null;
}

/** Intervals reported everywhere are 95 %; α of a gate is separate (a p-value threshold). */
const CONFIDENCE = 0.95;

/**
 * pass < warn < unknown < fail for "which verdict wins": fail if a fail-severity gate fails, else
 * unknown when something could not be judged, else warn, else pass.
 */
function decideVerdict(gates: readonly GateResult[]): Verdict {
  if (gates.some((g) => g.outcome === 'fail')) return 'fail';
  if (gates.some((g) => g.outcome === 'unknown')) return 'unknown';
  if (gates.some((g) => g.outcome === 'warn')) return 'warn';
  return 'pass';
}

function exitMapping(verdict: Verdict, policy: Pick<GatePolicy, 'unknown'>): ExitMapping {
  if (verdict === 'unknown') {
    const outcome = policy.unknown;
    return {
      outcome,
      code: outcome === 'fail' ? 1 : 0,
      reason: `verdict unknown (not enough evidence to decide) mapped to ${outcome} by policy.unknown`,
    };
  }
  return {
    outcome: verdict,
    code: verdict === 'fail' ? 1 : 0,
    reason: `verdict ${verdict}`,
  };
}

function side(evidence: Evidence, runs: RunPair[], which: 'baseline' | 'candidate'): SideSummary {
  const seen = new Set<string>();
  const identities = runs
    .map((p) => p[which])
    .filter((r): r is NonNullable<typeof r> => r !== null && !seen.has(r.ref) && Boolean(seen.add(r.ref)))
    .map(runIdentity);
  return { kind: evidence.source.kind, root: evidence.source.root, runs: identities };
}

function diagnose(
  pairs: RunPair[],
  baseline: Evidence | null,
  candidate: Evidence,
  expected: readonly string[],
) {
  const out: Diagnostic[] = [];
  const stages = candidate.source.kind === 'metalab' ? [] : expected;
  const done = new Set<string>();
  for (const pair of pairs) {
    for (const [which, run, evidence] of [
      ['baseline', pair.baseline, baseline],
      ['candidate', pair.candidate, candidate],
    ] as const) {
      if (!run || !evidence || done.has(`${which}\u0000${run.ref}`)) continue;
      done.add(`${which}\u0000${run.ref}`);
      const project = evidence.projects.find((p) => p.name === run.project) ?? null;
      out.push(...diagnoseRun(run, project, which, stages));
    }
  }
  return out;
}

/** Where the gate reads the evidence differently from Contexta's own compare, said once per report. */
function divergenceNotes(units: ComparedUnit[], kind: 'contexta' | 'metalab'): string[] {
  if (kind !== 'contexta') return [];
  const notes: string[] = [];
  const rows = units.flatMap((u) => u.comparison.metrics);
  if (rows.some((r) => r.stage === null)) {
    notes.push("run-level metrics (recorded without a stage) are compared; Contexta's compare ignores them");
  }
  if (rows.some((r) => r.slice !== null || r.batch !== null)) {
    notes.push(
      'metrics are matched per stage, key, slice and batch; Contexta\'s compare pools a stage\'s records by key, so its "accuracy" is whichever slice was written last',
    );
  }
  if (rows.some((r) => r.change === 'unchanged')) {
    notes.push('unchanged metrics are kept in the comparison; Contexta drops them by default');
  }
  return notes;
}

function headline(verdict: Verdict, gates: readonly GateResult[], exit: ExitMapping): string {
  const label = verdict.toUpperCase();
  const quoted = headlineGates(verdict, gates)
    .map((g) => `${g.name}: ${g.worst?.reason ?? g.message}`)
    .join(' | ');
  const waived = gates.filter((g) => g.outcome === 'waived');
  const waivedText =
    waived.length > 0 ? ` (${waived.length} waived: ${waived.map((g) => g.name).join(', ')})` : '';
  switch (verdict) {
    case 'fail':
      return `${label} — ${quoted}`;
    case 'unknown':
      return `${label} (treated as ${exit.outcome}) — ${quoted}`;
    case 'warn':
      return `${label} — ${quoted}${waivedText}`;
    default: {
      const judged = gates.filter((g) => g.outcome === 'pass').length;
      return `${label} — ${judged} gate${judged === 1 ? '' : 's'} passed${waivedText}`;
    }
  }
}

function nextSteps(
  gates: readonly GateResult[],
  findings: GateReport['findings'],
  verdict: Verdict,
): string[] {
  const steps: string[] = [];
  // Failing gates lead: the first step is what the report's "Fix:" line shows.
  for (const outcome of ['fail', 'warn'] as const) {
    for (const g of gates) {
      if (g.outcome !== outcome) continue;
      const tripped = g.checks.find((c) => c.outcome === 'fail' || c.outcome === 'warn');
      if (tripped) steps.push(`${g.name}: ${tripped.reason}`);
    }
  }
  for (const f of findings) if (f.severity !== 'info') steps.push(...f.nextSteps.map(String));
  if (verdict === 'unknown') {
    for (const g of gates) {
      if (g.outcome === 'unknown') steps.push(`${g.name} could not judge: ${g.worst?.reason ?? g.message}`);
    }
  }
  return [...new Set(steps)].slice(0, 12);
}

/** Compares, diagnoses, evaluates every gate, applies waivers and decides. Throws RunSelectionError. */
export function judgeRuns(input: EngineInput): GateReport {
  const { baseline, candidate, config } = input;
  const { policy } = config;
  const shared =
    baseline !== null && (baseline === candidate || baseline.source.root === candidate.source.root);
  const pairs = selectRunPairs(baseline, candidate, {
    baselineRun: input.baselineRun,
    candidateRun: input.candidateRun,
  });
  const options = {
    directions: policy.directions,
    seed: policy.seed,
    resamples: policy.bootstrapResamples,
    confidence: CONFIDENCE,
  };
  const units: ComparedUnit[] = pairs.map((pair) => ({ pair, comparison: compareRuns(pair, options) }));
  const diagnostics = diagnose(pairs, baseline, candidate, input.expectedStages ?? DEFAULT_EXPECTED_STAGES);
  // One workspace holding both runs has one gap list: gaps about a baseline run belong to the baseline.
  const baselineRefs = new Set(pairs.flatMap((p) => (p.baseline ? [p.baseline.ref] : [])));
  const candidateRefs = new Set(pairs.flatMap((p) => (p.candidate ? [p.candidate.ref] : [])));
  const candidateGaps = shared
    ? candidate.gaps.filter((g) => !g.runRef || !baselineRefs.has(g.runRef) || candidateRefs.has(g.runRef))
    : candidate.gaps;
  const baselineGaps = shared
    ? candidate.gaps.filter((g) => g.runRef !== undefined && baselineRefs.has(g.runRef))
    : (baseline?.gaps ?? []);
  const evaluated = evaluateGates({
    config,
    units,
    baselineAvailable: baseline !== null,
    diagnostics,
    baselineGaps,
    candidateGaps,
    history: input.history ?? null,
  });

  const parsed = parseWaivers(input.waivers ?? {}, policy);
  const messages = new Map(config.gates.map((g) => [g.name, g.message]));
  const { results: gates, unused } = applyWaivers(evaluated, parsed.accepted, (r) =>
    refreshResult(r, messages.get(r.name) ?? null),
  );

  const findings = buildFindings({
    units,
    gates,
    baselineGaps,
    candidateGaps,
    alpha: policy.significance,
  });
  const verdict = decideVerdict(gates);
  const exit = exitMapping(verdict, policy);
  const notes = [
    ...(shared
      ? candidate.notes
      : [
          ...(baseline?.notes ?? []).map((n) => `baseline: ${n}`),
          ...candidate.notes.map((n) => `candidate: ${n}`),
        ]),
    ...(baseline === null
      ? ['no baseline evidence was given: regression gates cannot judge, absolute thresholds still apply']
      : []),
    ...units.flatMap((u) => u.comparison.notes),
    ...divergenceNotes(units, candidate.source.kind),
  ];
  return {
    schemaVersion: GATE_REPORT_SCHEMA_VERSION,
    verdict,
    exit,
    headline: headline(verdict, gates, exit),
    baseline: baseline ? side(baseline, pairs, 'baseline') : null,
    candidate: side(candidate, pairs, 'candidate'),
    gates,
    comparisons: units.map((u) => u.comparison),
    findings,
    diagnostics,
    gaps: { baseline: baselineGaps, candidate: candidateGaps },
    waivers: { accepted: parsed.accepted, rejected: parsed.rejected, unused },
    notes,
    nextSteps: nextSteps(gates, findings, verdict),
    context: input.context ?? {},
    trends: metricTrends(input.history ?? null, units, gates, policy.history),
  };
}
