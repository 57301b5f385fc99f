import type { Gate } from './config-types.js';
import { nothingJudged } from './judged.js';
import type { GateEvaluator, GateInputs, GateKinds } from './kind.js';
import { artifactGate } from './kinds/artifact.js';
import { diagnosticsGate } from './kinds/diagnostics.js';
import { evidenceGate } from './kinds/evidence.js';
import { regressionGate } from './kinds/regression.js';
import { thresholdGate } from './kinds/threshold.js';
import { policyResults } from './policy.js';
import { finishResult } from './results.js';
import type { GateResult } from './types.js';

/** The registry: a new gate kind is one file under `kinds/` and one line here. */
const GATE_KINDS: GateKinds = {
  threshold: thresholdGate,
  regression: regressionGate,
  evidence: evidenceGate,
  diagnostics: diagnosticsGate,
  artifact: artifactGate,
};

function evaluatorOf<G extends Gate>(gate: G): GateEvaluator<G> {
  // GateKinds pairs every kind with the evaluator of that kind's gate type; TypeScript cannot follow
  // the pairing through an indexed lookup on a union.
  return GATE_KINDS[gate.kind] as GateEvaluator<G>;
}

/** Evaluates every configured gate, then the policy checks that apply, in config order. */
export function evaluateGates(inputs: GateInputs): GateResult[] {
  const judged = nothingJudged();
  const results = inputs.config.gates.map((gate) => {
    const { checks, evidence } = evaluatorOf(gate)(gate, inputs, judged);
    return finishResult(gate, checks, evidence);
  });
  return [...results, ...policyResults(inputs, judged)];
}
