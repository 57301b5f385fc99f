/** Result bookkeeping: a gate's rows become its outcome, headline row and message. */
import type { GapAction, Gate, GateSeverity } from './config-types.js';
import type { CheckOutcome, GateCheck, GateOutcome, GateResult, Verdict } from './types.js';

/** `subject` of the row of a selected metric the candidate lacks or holds only non-finite values of. */
export const MISSING_METRIC = 'missing_metric';
/** `subject` of the row of a gate entry that matches nothing in either run (a config problem). */
export const UNMATCHED = 'unmatched';

type CheckDraft = Partial<GateCheck> & Pick<GateCheck, 'outcome' | 'project' | 'unit' | 'reason'>;

export function check(draft: CheckDraft): GateCheck {
  return {
    stage: null,
    metric: null,
    slice: null,
    subject: null,
    baseline: null,
    candidate: null,
    delta: null,
    relativeChange: null,
    direction: null,
    limit: null,
    n: null,
    sampleKey: null,
    pValue: null,
    interval: null,
    waiver: null,
    ...draft,
  };
}

const TRIPPED: ReadonlySet<CheckOutcome> = new Set(['fail', 'warn']);
const RANK: Record<CheckOutcome, number> = { fail: 0, warn: 1, unknown: 2, waived: 3, pass: 4 };

/** A gate's outcome from its rows: any failing row trips the gate at the gate's severity. */
function gateOutcome(severity: GateSeverity, checks: readonly GateCheck[]): GateOutcome {
  if (checks.length === 0) return 'skipped';
  if (checks.some((c) => c.outcome === 'fail')) return severity === 'fail' ? 'fail' : 'warn';
  if (checks.some((c) => c.outcome === 'warn')) return 'warn';
  if (checks.some((c) => c.outcome === 'unknown')) return 'unknown';
  if (checks.some((c) => c.outcome === 'waived')) return 'waived';
  return 'pass';
}

export function gapOutcome(action: GapAction): CheckOutcome | null {
  return action === 'fail' ? 'fail' : action === 'warn' ? 'warn' : null;
}

/** Tripped rows first; within an outcome, emission order (gates emit in a meaningful order). */
function sortChecks(checks: GateCheck[]): GateCheck[] {
  return checks.sort(
    (a, b) =>
      RANK[a.outcome] - RANK[b.outcome] || a.project.localeCompare(b.project) || a.unit.localeCompare(b.unit),
  );
}

function closeness(c: GateCheck): number {
  if (c.delta === null || c.baseline === null) return Number.NEGATIVE_INFINITY;
  const worsening = c.direction === 'lower' ? c.delta : -c.delta;
  return c.baseline === 0 ? worsening : worsening / Math.abs(c.baseline);
}

/** The row to headline: the worst tripped row, else the one closest to its limit. */
function worstCheck(checks: readonly GateCheck[]): GateCheck | null {
  if (checks.length === 0) return null;
  const top = Math.min(...checks.map((c) => RANK[c.outcome]));
  const candidates = checks.filter((c) => RANK[c.outcome] === top);
  return candidates.reduce((best, c) => (closeness(c) > closeness(best) ? c : best));
}

/** The gate's message: what tripped (or why it passed), then the user's own message. */
function gateMessage(
  gate: { name: string; message: string | null },
  outcome: GateOutcome,
  checks: readonly GateCheck[],
  skipReason: string,
): string {
  const tripped = checks.filter((c) => TRIPPED.has(c.outcome));
  const unknown = checks.filter((c) => c.outcome === 'unknown');
  const waived = checks.filter((c) => c.outcome === 'waived');
  const list = (rows: readonly GateCheck[]) =>
    rows
      .slice(0, 3)
      .map((c) => c.reason)
      .join('; ') + (rows.length > 3 ? `; and ${rows.length - 3} more` : '');
  let text: string;
  switch (outcome) {
    case 'skipped':
      text = skipReason;
      break;
    case 'pass':
      text = checks.length === 1 ? checks[0]!.reason : `all ${checks.length} checks pass`;
      break;
    case 'waived':
      text = `waived: ${list(waived)}`;
      break;
    case 'unknown':
      text = `cannot judge: ${list(unknown)}`;
      break;
    default:
      text = list(tripped);
  }
  const own = gate.message !== null && (outcome === 'fail' || outcome === 'warn') ? ` — ${gate.message}` : '';
  return text + own;
}

/**
 * `skipReason` says why a gate without rows judged nothing: "no baseline: …", "no match: …". A skip
 * always names its cause, so a gate that judged nothing never reads like one that passed.
 */
export function finishResult(
  gate: { name: string; kind: Gate['kind']; severity: GateSeverity; message: string | null },
  checks: GateCheck[],
  evidence: string[],
  skipReason = 'nothing judged',
): GateResult {
  const sorted = sortChecks(checks);
  const outcome = gateOutcome(gate.severity, sorted);
  return {
    name: gate.name,
    kind: gate.kind,
    severity: gate.severity,
    outcome,
    message: gateMessage(gate, outcome, sorted, skipReason),
    checks: sorted,
    worst: worstCheck(sorted),
    evidence,
    waivers: [],
  };
}

/** Recomputes outcome, message and worst row after rows changed (waivers). */
export function refreshResult(result: GateResult, message: string | null): GateResult {
  const checks = sortChecks([...result.checks]);
  const outcome = gateOutcome(result.severity, checks);
  return {
    ...result,
    checks,
    outcome,
    message:
      outcome === 'skipped' && result.outcome === 'skipped'
        ? result.message
        : gateMessage({ name: result.name, message }, outcome, checks, 'nothing judged'),
    worst: worstCheck(checks),
  };
}

/**
 * The gates a verdict's headline quotes: the failing ones for a fail, the undecided ones for an
 * unknown, the warning ones for a warn, none for a pass.
 */
export function headlineGates(verdict: Verdict, gates: readonly GateResult[]): GateResult[] {
  if (verdict === 'pass') return [];
  const outcome = verdict === 'fail' ? 'fail' : verdict === 'unknown' ? 'unknown' : 'warn';
  return gates.filter((g) => g.outcome === outcome);
}
