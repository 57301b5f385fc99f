/**
 * Building blocks of the comment's sections: budgeted rows, folded sections, the drop tiers that
 * decide which rows go first when the comment is over budget, and escaping of untrusted text.
 */
import type { GateReport, GateResult } from '../../gates/types.js';
import type { BudgetRow, DocumentPart, RowsPart } from '../budget.js';
import { escapeText, inlineCode } from '../escape.js';
import { type CheckIndex, OUTCOME_RANK } from '../format.js';

/**
 * Drop tiers, lowest kept longest. The order is the brief's: unchanged metric rows go first, then
 * passing slice rows, then long sample lists, then the rest of the supporting evidence.
 */
export const TIER = {
  keep: 0,
  passingGate: 1,
  important: 2,
  supporting: 3,
  minor: 4,
  detail: 5,
  sampleList: 6,
  passingSlice: 7,
  unchanged: 8,
} as const;

/** Number of rows above which a table is folded into `<details>`. */
const FOLD_ROWS = 15;
const MESSAGE_LENGTH = 400;

/** What every section renderer reads. */
export interface SectionContext {
  report: GateReport;
  index: CheckIndex;
  /** Whether rows name their run/unit. */
  withUnit: boolean;
}

export function text(value: string): DocumentPart {
  return { kind: 'text', text: value };
}

export function msg(value: string): string {
  return escapeText(value, { maxLength: MESSAGE_LENGTH });
}

export function code(value: string): string {
  return inlineCode(value, { inTable: true });
}

export function row(textValue: BudgetRow['text'], tier: number, what: string): BudgetRow {
  return { text: textValue, tier, what };
}

/** A section: heading, then (folded when long) the rows. */
export function section(
  heading: string,
  rows: BudgetRow[],
  options: { tableHead?: string; summary?: string; fold?: boolean } = {},
): RowsPart | null {
  if (rows.length === 0) return null;
  const fold = options.fold ?? rows.length > FOLD_ROWS;
  const summary = options.summary ?? `${rows.length} rows`;
  return {
    kind: 'rows',
    open: fold ? `### ${heading}\n\n<details><summary>${summary}</summary>` : `### ${heading}`,
    rowsHead: options.tableHead,
    rows,
    close: fold ? '</details>' : '',
  };
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

export function gatesByRank(report: GateReport): GateResult[] {
  return [...report.gates].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
}

export function isTripped(gate: GateResult): boolean {
  return gate.outcome === 'fail' || gate.outcome === 'warn' || gate.outcome === 'waived';
}
