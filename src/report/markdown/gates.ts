/** The gate table, the failing checks, waivers and the next steps with copyable waiver lines. */
import { formatStatistics } from '../../format/numbers.js';
import type { GateCheck, GateReport, GateResult, Waiver } from '../../gates/types.js';
import { adviseNextSteps, type NextStep } from '../advice.js';
import type { BudgetRow, RowsPart } from '../budget.js';
import { tableHeader, tableRow, toSingleLine } from '../escape.js';
import { checkLabel, gateReason, OUTCOME_EMOJI, reasonAfterLabel } from '../format.js';
import {
  code,
  folded,
  gatesByRank,
  isTripped,
  msg,
  phraseText,
  pluralise,
  row,
  type SectionContext,
  shown,
  TIER,
} from './parts.js';

/** Checks listed per gate before the rest become droppable. */
const CHECKS_KEPT_PER_GATE = 5;
/** Failing checks shown unfolded; more go into a fold. */
const CHECKS_UNFOLDED = 3;
const NEXT_STEPS_KEPT = 5;

/** Three columns: the reason already names its threshold, and narrow tables keep names whole. */
export function gateTable(report: GateReport): RowsPart | null {
  const rows = gatesByRank(report).map((gate) => {
    const name = gate.severity === 'warn' ? `${msg(gate.name)} _(warn only)_` : msg(gate.name);
    const outcome = `${OUTCOME_EMOJI[gate.outcome]} ${gate.outcome}`;
    const keep = gate.outcome !== 'pass' && gate.outcome !== 'skipped';
    return row(
      tableRow([outcome, name, phraseText(gateReason(gate))]),
      keep ? TIER.keep : TIER.passingGate,
      'passing gate rows',
    );
  });
  return shown('Gates', rows, tableHeader(['Outcome', 'Gate', 'What it saw']));
}

function undecided(gate: GateResult): boolean {
  return isTripped(gate) || gate.outcome === 'unknown';
}

/**
 * Every failing, warning, waived or undecided row of every gate, evidence gates included; a gate
 * that judged no row says why in its own line.
 */
export function failingChecks(report: GateReport): RowsPart | null {
  const rows: BudgetRow[] = [];
  let checks = 0;
  for (const gate of gatesByRank(report)) {
    if (!undecided(gate)) continue;
    const open = gate.checks.filter((c) => c.outcome !== 'pass');
    if (open.length === 0) {
      rows.push(
        row(
          `- ${OUTCOME_EMOJI[gate.outcome]} **${msg(gate.name)}**: ${msg(gate.message)}`,
          TIER.keep,
          'gates',
        ),
      );
      checks++;
      continue;
    }
    rows.push(row(`- ${OUTCOME_EMOJI[gate.outcome]} **${msg(gate.name)}**`, TIER.keep, 'gates'));
    open.forEach((check, i) => {
      checks++;
      const tier = i < CHECKS_KEPT_PER_GATE ? TIER.keep : TIER.supporting;
      rows.push(row(`  - ${checkLine(check)}`, tier, 'further failing checks'));
    });
  }
  if (rows.length === 0) return null;
  const gates = rows.filter((r) => r.what === 'gates').length;
  const summary = `${pluralise(checks, 'row')} in ${pluralise(gates, 'gate')}`;
  return checks > CHECKS_UNFOLDED ? folded('Failing checks', summary, rows) : shown('Failing checks', rows);
}

function checkLine(check: GateCheck): string {
  const label = checkLabel(check);
  const stats = formatStatistics(check.interval, check.pValue, check.test != null);
  const waiver = check.waiver ? ` — 🟡 waived: ${waiverText(check.waiver)}` : '';
  // The line already shows the row's name as code, so the reason drops it where it begins with it.
  return `${OUTCOME_EMOJI[check.outcome]} ${code(label)}: ${msg(reasonAfterLabel(check) ?? check.reason)}${stats ? ` (${stats})` : ''}${waiver}`;
}

function waiverText(waiver: Waiver): string {
  const target = waiver.slice === null ? waiver.target : `${waiver.target}@${waiver.slice}`;
  return `${code(target)} by ${code(waiver.grantedBy)} via ${waiver.source}: ${msg(waiver.reason)}`;
}

export function waiversSection(report: GateReport): RowsPart | null {
  const rows: BudgetRow[] = [
    ...report.waivers.accepted.map((w) =>
      row(`- 🟡 accepted: ${waiverText(w)}`, TIER.keep, 'accepted waivers'),
    ),
    ...report.waivers.rejected.map((w) =>
      row(
        `- ✋ rejected: ${code(w.text)} by ${code(w.grantedBy)} via ${w.source}: ${msg(w.reason)}`,
        TIER.important,
        'rejected waivers',
      ),
    ),
    ...report.waivers.unused.map((w) =>
      row(`- ▫️ unused (matched nothing that failed): ${waiverText(w)}`, TIER.supporting, 'unused waivers'),
    ),
  ];
  return shown('Waivers', rows);
}

/**
 * A fenced block of lines to copy. The fence is longer than any backtick run inside, and every
 * line is indented under its list item, so no content can end the block or start a line of the
 * comment itself.
 */
export function copyBlock(lines: readonly string[], indent: string): string {
  const safe = lines.map((l) => toSingleLine(l));
  let longest = 2;
  for (const l of safe) for (const run of l.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return [`${indent}${fence}text`, ...safe.map((l) => `${indent}${l}`), `${indent}${fence}`].join('\n');
}

export function stepText(step: NextStep): string {
  return phraseText(step.text);
}

export function nextStepsSection(ctx: SectionContext): RowsPart | null {
  const steps = adviseNextSteps(ctx.report, ctx.audience);
  const rows = steps.map((step, i) => {
    const marker = `${i + 1}. `;
    const body = step.copy ? `\n\n${copyBlock(step.copy, ' '.repeat(marker.length))}` : '';
    return row(
      `${marker}${stepText(step)}${body}`,
      i < NEXT_STEPS_KEPT || step.copy ? TIER.keep : TIER.supporting,
      'further next steps',
    );
  });
  return shown('Next steps', rows);
}
