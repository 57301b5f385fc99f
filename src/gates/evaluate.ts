import { namesUnits } from '../compare/compare.js';
import { metricLabel } from '../format/numbers.js';
import { HEADLINE_SLICE_GATE } from './config.js';
import type { Gate, GateConfig } from './config-types.js';
import { runFamilies } from './family.js';
import { nothingJudged } from './judged.js';
import type { DeferredEvaluation, GateEvaluation, GateEvaluator, GateInputs, GateKinds } from './kind.js';
import { artifactGate } from './kinds/artifact.js';
import { diagnosticsGate } from './kinds/diagnostics.js';
import { evidenceGate } from './kinds/evidence.js';
import { regressionGate } from './kinds/regression.js';
import { thresholdGate } from './kinds/threshold.js';
import { policyResults } from './policy.js';
import { check, finishResult, MISSING_METRIC, UNMATCHED } from './results.js';
import { gateRows, where } from './rows.js';
import type { GateCheck, GateResult } from './types.js';
import { emptySelection, gateSelection } from './unmatched.js';

/** The registry: a new gate kind is one file under `kinds/` and one line here. */
const GATE_KINDS: GateKinds = {
  threshold: thresholdGate,
  regression: regressionGate,
  evidence: evidenceGate,
  diagnostics: diagnosticsGate,
  artifact: artifactGate,
};

/** Starts the note of a selector list entry that matched nothing while others did. */
export const NO_MATCH_NOTE = 'no match, not judged: ';
const LISTED = 5;

function evaluatorOf<G extends Gate>(gate: G): GateEvaluator<G> {
  // GateKinds pairs every kind with the evaluator of that kind's gate type; TypeScript cannot follow
  // the pairing through an indexed lookup on a union.
  return GATE_KINDS[gate.kind] as GateEvaluator<G>;
}

/** A gate that matches nothing in either run: a config problem, at `policy.unmatched`'s severity. */
function unmatchedResult(gate: Gate, problems: readonly string[], config: GateConfig): GateResult {
  const action = config.policy.unmatched;
  const checks: GateCheck[] =
    action === 'ignore'
      ? []
      : problems.map((reason) =>
          check({ project: '', unit: '', subject: UNMATCHED, outcome: 'fail', reason }),
        );
  return finishResult(
    { ...gate, severity: action === 'fail' ? 'fail' : 'warn' },
    checks,
    action === 'ignore' ? ['policy.unmatched: ignore'] : [`a config problem (policy.unmatched: ${action})`],
    `no match: ${problems.join('; ')}`,
  );
}

/** Why a gate with no rows judged nothing, as precisely as the evidence allows. */
function skipReason(gate: Gate, inputs: GateInputs, evidence: readonly string[]): string {
  if (gate.kind === 'threshold' || gate.kind === 'regression') {
    const empty = emptySelection(gate.metrics, gate.slices, inputs.units);
    if (empty !== null) return empty;
    if (gate.kind === 'regression') {
      const multi = namesUnits(inputs.units);
      const wouldJudge = inputs.units
        .filter((u) => !u.pair.baseline && u.pair.candidate)
        .flatMap((u) =>
          gateRows(u, gate.metrics, gate.slices).map((r) =>
            where(u, metricLabel(r.stage, r.key, r.slice), multi),
          ),
        );
      if (wouldJudge.length > 0) {
        const shown = wouldJudge.slice(0, LISTED).join(', ');
        const more = wouldJudge.length > LISTED ? ` and ${wouldJudge.length - LISTED} more` : '';
        return `no baseline: would have judged ${shown}${more}`;
      }
    }
  }
  if (gate.kind === 'diagnostics' && !inputs.units.some((u) => u.pair.candidate)) {
    return 'no candidate run: there are no diagnostics to check';
  }
  return evidence.length > 0 ? `nothing judged: ${evidence.join('; ')}` : 'nothing judged';
}

/**
 * A missing metric fails the job under `policy.missing_metrics: fail` even inside a `warn` gate: the
 * gate's severity is about how much a measured change matters, and a metric that vanished was not
 * measured at all. Such rows move to the `policy.missing_metrics` result, which fails.
 */
function liftMissing(gate: Gate, checks: GateCheck[], config: GateConfig) {
  if (gate.severity !== 'warn' || config.policy.missingMetrics !== 'fail')
    return { kept: checks, lifted: [] };
  const lifted = checks.filter((c) => c.subject === MISSING_METRIC);
  return { kept: checks.filter((c) => c.subject !== MISSING_METRIC), lifted };
}

/**
 * Evaluates every configured gate, then the policy checks that apply, in config order. Regression
 * gates settle after every gate has offered its tested rows, because their Holm families span the
 * run (family.ts).
 */
export function evaluateGates(inputs: GateInputs): GateResult[] {
  const judged = nothingJudged();
  const lifted: GateCheck[] = [];
  type Evaluated =
    | { done: GateResult }
    | {
        gate: Gate;
        narrowed: Gate;
        selection: ReturnType<typeof gateSelection>;
        outcome: GateEvaluation | DeferredEvaluation;
      };
  const evaluated = inputs.config.gates.map((gate): Evaluated => {
    const selection = gateSelection(gate, inputs.units);
    // The built-in headline check is not the user's typo: a run without headline metrics skips it.
    if (selection.nothing && gate !== HEADLINE_SLICE_GATE) {
      return { done: unmatchedResult(gate, selection.problems, inputs.config) };
    }
    const narrowed = selection.gate;
    return { gate, narrowed, selection, outcome: evaluatorOf(narrowed)(narrowed, inputs, judged) };
  });
  const verdicts = runFamilies(
    evaluated.map((e) => ('outcome' in e && 'members' in e.outcome ? e.outcome.members : [])),
  );
  const results = evaluated.map((e) => {
    if ('done' in e) return e.done;
    const { gate, narrowed, selection, outcome } = e;
    const evaluation = 'members' in outcome ? outcome.settle(verdicts) : outcome;
    const { kept, lifted: moved } = liftMissing(gate, evaluation.checks, inputs.config);
    lifted.push(...moved);
    // The headline words are a menu the built-in check picks from, so the ones a run lacks are no news.
    const notes = gate === HEADLINE_SLICE_GATE ? [] : selection.problems;
    const evidence = [
      ...notes.map((p) => `${NO_MATCH_NOTE}${p}`),
      ...evaluation.evidence,
      ...(moved.length > 0
        ? [
            `${moved.length} missing metric(s) reported under policy.missing_metrics: fail, which fails the job`,
          ]
        : []),
    ];
    return finishResult(gate, kept, evidence, skipReason(narrowed, inputs, evidence));
  });
  return [...results, ...policyResults(inputs, judged, lifted)];
}
