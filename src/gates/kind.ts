import type { ComparedUnit } from '../compare/compare.js';
import type { Diagnostic } from '../compare/types.js';
import type { EvidenceGap } from '../evidence/model.js';
import type { HistoryRecord } from '../history/record.js';
import type { Gate, GateConfig } from './config-types.js';
import type { FamilyMember, FamilyVerdicts } from './family.js';
import type { Judged } from './judged.js';
import type { GateCheck } from './types.js';

export interface GateInputs {
  config: GateConfig;
  units: ComparedUnit[];
  /** False when no baseline evidence was given at all. */
  baselineAvailable: boolean;
  /** Diagnostics of both sides; gates judge the candidate's. */
  diagnostics: Diagnostic[];
  baselineGaps: EvidenceGap[];
  candidateGaps: EvidenceGap[];
  /** Earlier runs' records, oldest first; null when no history was given (drift is not judged). */
  history: HistoryRecord[] | null;
}

/** What one gate found: its rows, and short notes on the evidence it used. */
export interface GateEvaluation {
  checks: GateCheck[];
  evidence: string[];
}

/**
 * A gate whose rows wait for the run's families of paired tests (family.ts): its tested rows, and how
 * it settles once every gate has offered its own.
 */
export interface DeferredEvaluation {
  members: FamilyMember[];
  settle(verdicts: FamilyVerdicts): GateEvaluation;
}

/**
 * One gate kind's evaluator. A kind lives in its own file under `kinds/` and is listed once in the
 * dispatcher's registry (`evaluate.ts`), keyed by the config's `kind`:
 *
 *     // kinds/latency.ts
 *     export const latencyGate: GateEvaluator<LatencyGate> = (gate, inputs, judged) => ({ checks, evidence });
 *     // evaluate.ts
 *     const GATE_KINDS: GateKinds = { …, latency: latencyGate };
 *
 * An evaluator marks in `judged` the gaps and metrics it reported, so the policy checks do not
 * report them again.
 */
export type GateEvaluator<G extends Gate> = (
  gate: G,
  inputs: GateInputs,
  judged: Judged,
) => GateEvaluation | DeferredEvaluation;

/** Every gate kind of the config, each with the evaluator for its own gate type. */
export type GateKinds = { [K in Gate['kind']]: GateEvaluator<Extract<Gate, { kind: K }>> };
