/**
 * What the reviewer should do next, worded for where the report is read. In a pull request the
 * baseline comes from the workflow's own runs and a fix is a push; in a terminal it is a flag and a
 * re-run. Waiver advice appears only when something failed or warned that a waiver can cover, and as
 * text that parses back to the same waiver when pasted (see `gates/waivers.ts`).
 */
import { metricTarget } from '../format/numbers.js';
import { named, type Phrase, phrase, words } from '../format/phrase.js';
import type { GateReport, GateResult } from '../gates/types.js';
import { WAIVER_LABEL_PREFIX } from '../gates/waivers.js';
import { gateReason } from './format.js';

/** `action`: a PR comment, job summary or check run. `cli`: `contexta-gate compare` in a terminal. */
export type Audience = 'action' | 'cli';

export interface NextStep {
  /** Our words, with untrusted names kept apart for the renderer to quote as code. */
  text: Phrase;
  /** Lines to copy as they are (a commit trailer, a label), shown as a code block. */
  copy?: string[];
}

export interface WaiverSuggestion {
  /** `Gate-Waive: <stage>/<metric>[@<slice>]: <reason>` lines, one per tripped metric row. */
  trailers: string[];
  /** `gate-waive:<gate name>` labels, one per tripped gate. */
  labels: string[];
  /** Tripped rows whose names the trailer syntax cannot carry (a `:` or `@` in the key, a space in the slice). */
  untrailerable: number;
}

const REASON_PLACEHOLDER = '<why this change is intended>';
const TRAILERS_SHOWN = 4;
const STEPS_FROM_FINDINGS = 3;

/**
 * The trailer parser reads `<target>[@<slice>]: <reason>` with no `:`/`@` in the target and no space
 * or `:` in the slice, splits the target at its first `/`, and reads `*` in it as a wildcard: a stage
 * with a `/` or a key with a `*` would waive other rows than the one suggested, so those get the label.
 */
function trailerFits(stage: string | null, metric: string, slice: string | null): boolean {
  const target = metricTarget(stage, metric, null);
  return (
    !/[:@*\r\n]/.test(target) &&
    !(stage ?? '').includes('/') &&
    target.trim() === target &&
    (slice === null || /^[^:\s]+$/.test(slice))
  );
}

/** The gates that decide the verdict: the failing ones, else the warning ones. */
function tripped(report: GateReport): GateResult[] {
  const failing = report.gates.filter((g) => g.outcome === 'fail');
  return failing.length > 0 ? failing : report.gates.filter((g) => g.outcome === 'warn');
}

/** Trailers and labels that would waive exactly what failed or warned. */
export function waiverSuggestion(report: GateReport): WaiverSuggestion | null {
  const gates = tripped(report);
  if (gates.length === 0) return null;
  const trailers: string[] = [];
  let untrailerable = 0;
  for (const gate of gates) {
    for (const check of gate.checks) {
      if ((check.outcome !== 'fail' && check.outcome !== 'warn') || check.metric === null) continue;
      if (!trailerFits(check.stage, check.metric, check.slice)) {
        untrailerable++;
        continue;
      }
      const line = `Gate-Waive: ${metricTarget(check.stage, check.metric, check.slice)}: ${REASON_PLACEHOLDER}`;
      if (!trailers.includes(line)) trailers.push(line);
    }
  }
  const labels = gates.filter((g) => !/[\r\n]/.test(g.name)).map((g) => `${WAIVER_LABEL_PREFIX}${g.name}`);
  return { trailers, labels, untrailerable };
}

function baselineStep(audience: Audience): NextStep {
  return audience === 'action'
    ? {
        text: words(
          'Create the baseline: it is the evidence artifact this workflow uploads on a push to the base branch. Merge or push to the base branch once with this workflow; later pull requests compare against that run.',
        ),
      }
    : {
        text: phrase`Give a baseline: re-run with ${named('--baseline <workspace>')} pointing at the base branch's evidence.`,
      };
}

function rerunStep(audience: Audience): NextStep {
  return audience === 'action'
    ? { text: words('Push the fix: the gate runs again on every push to this pull request.') }
    : { text: phrase`Re-run ${named('contexta-gate compare')} after the fix.` };
}

function waiveStep(suggestion: WaiverSuggestion, audience: Audience): NextStep[] {
  const steps: NextStep[] = [];
  const trailers = suggestion.trailers.slice(0, TRAILERS_SHOWN);
  const more = suggestion.trailers.length - trailers.length;
  if (trailers.length > 0) {
    steps.push({
      text: words(
        `If the change is intended, waive it: add ${trailers.length === 1 ? 'this trailer' : 'these trailers'} as the last lines of a commit message on this branch${audience === 'cli' ? ' (the action reads them)' : ''}, with your reason${more > 0 ? `; ${more} more tripped rows need their own trailer, or use the label below` : ''}:`,
      ),
      copy: trailers,
    });
  }
  if (suggestion.labels.length > 0) {
    steps.push({
      text: words(
        trailers.length > 0
          ? 'Or waive the whole gate with a label on the pull request (needs write access):'
          : 'If the change is intended, waive the gate with a label on the pull request (needs write access):',
      ),
      copy: suggestion.labels.slice(0, TRAILERS_SHOWN),
    });
  }
  return steps;
}

/** The steps in order: what to fix or inspect, then re-run, then waive. */
export function adviseNextSteps(report: GateReport, audience: Audience): NextStep[] {
  const steps: NextStep[] = [];
  if (report.baseline === null) steps.push(baselineStep(audience));
  const fromFindings = distinct(
    report.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.nextSteps),
  );
  for (const step of fromFindings.slice(0, STEPS_FROM_FINDINGS)) steps.push({ text: step.capitalised() });
  const gates = tripped(report);
  if (gates.length > 0 && fromFindings.length === 0) {
    for (const gate of gates.slice(0, 2)) {
      steps.push({ text: phrase`Fix ${named(gate.name)}: ${gateReason(gate)}` });
    }
  }
  for (const gate of report.gates) {
    if (gate.outcome !== 'unknown' || report.baseline === null) continue;
    steps.push({ text: phrase`${named(gate.name)} could not judge: ${gateReason(gate)}` });
  }
  if (gates.length > 0 || report.verdict === 'unknown') steps.push(rerunStep(audience));
  const suggestion = waiverSuggestion(report);
  if (suggestion) steps.push(...waiveStep(suggestion, audience));
  return steps;
}

/** Steps that read the same are one step, whichever finding suggested them. */
function distinct(steps: readonly Phrase[]): Phrase[] {
  const seen = new Map<string, Phrase>();
  for (const step of steps) if (!seen.has(step.text)) seen.set(step.text, step);
  return [...seen.values()];
}
