/** The gate table, the failing checks under it, waivers and the recommended next steps. */
import { formatStatistics, metricLabel } from '../../format/numbers.js';
import type { GateCheck, GateReport, Waiver } from '../../gates/types.js';
import type { BudgetRow, RowsPart } from '../budget.js';
import { tableHeader, tableRow } from '../escape.js';
import { OUTCOME_EMOJI } from '../format.js';
import { code, gatesByRank, isTripped, msg, pluralise, row, section, TIER } from './parts.js';

/** Tripped checks listed per gate before the rest become droppable. */
const CHECKS_KEPT_PER_GATE = 5;
const NEXT_STEPS_KEPT = 5;

export function gateTable(report: GateReport): RowsPart | null {
  const rows = gatesByRank(report).map((gate) => {
    const saw = gate.worst?.reason ?? gate.message;
    const limit = gate.worst?.limit ?? '';
    const name = gate.severity === 'warn' ? `${msg(gate.name)} _(warn only)_` : msg(gate.name);
    const outcome = `${OUTCOME_EMOJI[gate.outcome]} ${gate.outcome}`;
    const cells = [outcome, name, msg(saw), limit === '' ? '—' : msg(limit)];
    const keep = gate.outcome !== 'pass' && gate.outcome !== 'skipped';
    return row(tableRow(cells), keep ? TIER.keep : TIER.passingGate, 'passing gate rows');
  });
  return section('Gates', rows, {
    tableHead: tableHeader(['Outcome', 'Gate', 'What it saw', 'Threshold']),
    fold: false,
  });
}

/** Every tripped or undecided check per gate, with the engine's reason for each. */
export function failingChecks(report: GateReport): RowsPart | null {
  const rows: BudgetRow[] = [];
  for (const gate of gatesByRank(report)) {
    if (!isTripped(gate) && gate.outcome !== 'unknown') continue;
    const checks = gate.checks.filter((c) => c.outcome !== 'pass');
    if (checks.length <= 1) continue;
    rows.push(
      row(
        `- ${OUTCOME_EMOJI[gate.outcome]} **${msg(gate.name)}**: ${pluralise(checks.length, 'check')} did not pass`,
        TIER.keep,
        'gate headers',
      ),
    );
    checks.forEach((check, i) => {
      const tier = i < CHECKS_KEPT_PER_GATE ? TIER.keep : TIER.supporting;
      rows.push(row(`  - ${checkLine(check)}`, tier, 'further failing checks'));
    });
  }
  const gates = rows.filter((r) => r.what === 'gate headers').length;
  return section('Failing checks', rows, {
    summary: `${pluralise(rows.length - gates, 'check')} in ${pluralise(gates, 'gate')}`,
  });
}

function checkLine(check: GateCheck): string {
  const label = metricLabel(check.stage, check.metric, check.slice) || check.subject || check.unit;
  const stats = formatStatistics(check.interval, check.pValue);
  const waiver = check.waiver ? ` — 🟡 waived: ${waiverText(check.waiver)}` : '';
  // The engine's reasons usually name the row already; only add the label when they do not.
  const subject = check.reason.includes(label) ? '' : `${code(label)}: `;
  return `${check.outcome}: ${subject}${msg(check.reason)}${stats ? ` (${stats})` : ''}${waiver}`;
}

function waiverText(waiver: Waiver): string {
  const target = waiver.slice === null ? waiver.target : `${waiver.target}@${waiver.slice}`;
  return `${code(target)} by ${msg(waiver.grantedBy)} via ${waiver.source}: ${msg(waiver.reason)}`;
}

export function waiversSection(report: GateReport): RowsPart | null {
  const rows: BudgetRow[] = [
    ...report.waivers.accepted.map((w) =>
      row(`- 🟡 accepted: ${waiverText(w)}`, TIER.keep, 'accepted waivers'),
    ),
    ...report.waivers.rejected.map((w) =>
      row(
        `- ✋ rejected: ${code(w.text)} by ${msg(w.grantedBy)} via ${w.source}: ${msg(w.reason)}`,
        TIER.important,
        'rejected waivers',
      ),
    ),
    ...report.waivers.unused.map((w) =>
      row(`- ▫️ unused (matched nothing that failed): ${waiverText(w)}`, TIER.supporting, 'unused waivers'),
    ),
  ];
  return section('Waivers', rows, { fold: false });
}

export function nextStepsSection(report: GateReport): RowsPart | null {
  const rows = report.nextSteps.map((step, i) =>
    row(`${i + 1}. ${msg(step)}`, i < NEXT_STEPS_KEPT ? TIER.keep : TIER.supporting, 'further next steps'),
  );
  return section('Recommended next steps', rows, { fold: false });
}
