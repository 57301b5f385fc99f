/**
 * Building blocks of the comment's sections: budgeted rows, folded sections, the drop tiers that
 * decide which rows go first when the comment is over budget, and escaping of untrusted text.
 */

import { formatCount } from '../../format/numbers.js';
import type { Phrase } from '../../format/phrase.js';
import type { GateReport, GateResult } from '../../gates/types.js';
import type { Audience } from '../advice.js';
import type { BudgetRow, DocumentPart, RowsPart } from '../budget.js';
import { escapeText, inlineCode, truncateText } from '../escape.js';
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

const MESSAGE_LENGTH = 400;

/** What every section renderer reads. */
export interface SectionContext {
  report: GateReport;
  index: CheckIndex;
  /** Whether rows name their run/unit. */
  withUnit: boolean;
  audience: Audience;
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

/**
 * A phrase as markdown: our words escaped, every name from the evidence a code span. At most
 * `maxLength` characters of the phrase's text are shown; the rest is cut with an ellipsis.
 */
export function phraseText(value: Phrase, maxLength = MESSAGE_LENGTH): string {
  let out = '';
  let left = maxLength;
  for (const part of value.parts) {
    const text = typeof part === 'string' ? part : part.name;
    if (left <= 0) return `${out}…`;
    const shownText = truncateText(text, left);
    const cut = shownText !== text;
    out +=
      typeof part === 'string'
        ? escapeText(shownText, { maxLength: Number.POSITIVE_INFINITY, midLine: out !== '' })
        : code(shownText);
    if (cut) return out;
    left -= text.length;
  }
  return out;
}

export function row(textValue: BudgetRow['text'], tier: number, what: string): BudgetRow {
  return { text: textValue, tier, what };
}

/**
 * A section folded into one `<details>`: the first screen keeps the verdict, the cause and what to
 * do; supporting evidence is a click away. Summaries hold only our words and counts: markdown is
 * not parsed inside raw HTML, so nothing from the evidence could be escaped there.
 */
export function folded(
  title: string,
  summary: string,
  rows: BudgetRow[],
  options: { tableHead?: string; lead?: string } = {},
): RowsPart | null {
  if (rows.length === 0 && options.lead === undefined) return null;
  const lead = options.lead === undefined ? '' : `\n\n${options.lead}`;
  return {
    kind: 'rows',
    open: `<details><summary><b>${title}</b> · ${summary}</summary>${lead}`,
    rowsHead: options.tableHead,
    rows,
    close: '</details>',
  };
}

/** A short section that stays unfolded. */
export function shown(heading: string, rows: BudgetRow[], tableHead?: string): RowsPart | null {
  if (rows.length === 0) return null;
  return { kind: 'rows', open: `### ${heading}`, rowsHead: tableHead, rows, close: '' };
}

export function count(value: number): string {
  return formatCount(value);
}

export function pluralise(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

export function gatesByRank(report: GateReport): GateResult[] {
  return [...report.gates].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
}

export function isTripped(gate: GateResult): boolean {
  return gate.outcome === 'fail' || gate.outcome === 'warn' || gate.outcome === 'waived';
}
