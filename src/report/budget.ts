/**
 * Fits a markdown document into a character budget by leaving out its least important rows first.
 *
 * A document is a sequence of parts. Text parts are always kept. Row lists (table bodies, bullet
 * lists) hold rows with a tier: tier 0 is never left out (a failing gate, a regressing metric);
 * higher tiers go first (unchanged metric rows before passing slice rows before long sample
 * lists, …). Within a tier, rows go from the end of the document backwards, so each list keeps
 * its most important rows when it is ordered most-important-first. Every omission is counted
 * and described, in the list itself and in one note for the whole document.
 *
 * Length is measured in UTF-16 code units (`string.length`), which is never less than the number
 * of characters GitHub counts, so staying under the budget here means staying under it there.
 */

export interface BudgetRow {
  text: string;
  /** 0: always kept; higher tiers are left out first. */
  tier: number;
  /** Plural noun phrase for the omission note, e.g. "unchanged metric rows". */
  what: string;
}

export interface TextPart {
  kind: 'text';
  text: string;
}

export interface RowsPart {
  kind: 'rows';
  /** Always emitted (a heading, an opening `<details>`), even when every row is left out. */
  open: string;
  /** Emitted only when at least one row is kept (a table header). */
  rowsHead?: string;
  rows: BudgetRow[];
  /** Always emitted (a closing `</details>`). */
  close: string;
}

/** Where the document-wide note about left-out content goes (empty when nothing was left out). */
export interface NoteSlotPart {
  kind: 'note';
}

export type DocumentPart = TextPart | RowsPart | NoteSlotPart;

export interface Omission {
  what: string;
  count: number;
}

export interface FitResult {
  markdown: string;
  omissions: Omission[];
  /** True when even the always-kept content did not fit and the document was cut. */
  cut: boolean;
}

export interface FitOptions {
  maxChars: number;
  /** Document-wide note from what was left out. */
  describeOmissions: (omissions: Omission[], cut: boolean) => string;
}

const PART_SEPARATOR = '\n\n';

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** The line placed under a list that lost rows. */
export function listOmissionLine(omissions: readonly Omission[]): string {
  const parts = omissions.map((o) => `${formatCount(o.count)} ${o.what}`);
  return `_… ${parts.join(', ')} not shown here (see the full report)._`;
}

function tally(rows: Iterable<BudgetRow>): Omission[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.what, (counts.get(row.what) ?? 0) + 1);
  return [...counts].map(([what, count]) => ({ what, count }));
}

function renderParts(
  parts: readonly DocumentPart[],
  dropped: ReadonlyArray<ReadonlySet<number>>,
  note: string,
): string {
  const out: string[] = [];
  parts.forEach((part, index) => {
    if (part.kind === 'text') {
      if (part.text !== '') out.push(part.text);
      return;
    }
    if (part.kind === 'note') {
      if (note !== '') out.push(note);
      return;
    }
    const gone = dropped[index]!;
    const kept = part.rows.filter((_, i) => !gone.has(i));
    const pieces: string[] = [];
    if (part.open !== '') pieces.push(part.open);
    if (kept.length > 0) {
      pieces.push([...(part.rowsHead ? [part.rowsHead] : []), ...kept.map((r) => r.text)].join('\n'));
    }
    if (gone.size > 0) pieces.push(listOmissionLine(tally(part.rows.filter((_, i) => gone.has(i)))));
    if (part.close !== '') pieces.push(part.close);
    if (pieces.length > 0) out.push(pieces.join(PART_SEPARATOR));
  });
  return out.join(PART_SEPARATOR) + '\n';
}

interface Candidate {
  part: number;
  row: number;
  tier: number;
  cost: number;
}

/** Droppable rows in the order they are given up: highest tier first, then from the end. */
function dropOrder(parts: readonly DocumentPart[]): Candidate[] {
  const candidates: Candidate[] = [];
  parts.forEach((part, p) => {
    if (part.kind !== 'rows') return;
    part.rows.forEach((row, r) => {
      if (row.tier > 0) candidates.push({ part: p, row: r, tier: row.tier, cost: row.text.length + 1 });
    });
  });
  return candidates.sort((a, b) => b.tier - a.tier || b.part - a.part || b.row - a.row);
}

/**
 * Cuts `markdown` at a line boundary so it fits `room`, then closes every `<details>` left open.
 * Our escaped text never contains `<`, so counting the tags we wrote is exact.
 */
function cutToFit(markdown: string, room: number): string {
  let head = markdown.slice(0, Math.max(0, room));
  const lastBreak = head.lastIndexOf('\n');
  if (lastBreak > 0) head = head.slice(0, lastBreak);
  const open = (head.match(/<details[\s>]/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
  return head + '\n\n</details>'.repeat(Math.max(0, open));
}

export function fitToBudget(parts: readonly DocumentPart[], options: FitOptions): FitResult {
  const noDrops = parts.map(() => new Set<number>());
  const full = renderParts(parts, noDrops, '');
  if (full.length <= options.maxChars) return { markdown: full, omissions: [], cut: false };

  const order = dropOrder(parts);
  let target = options.maxChars;
  // Notes are written after we know what was dropped; when they push the document over, aim lower
  // by the overshoot and try again. Each pass drops strictly more, so this ends.
  for (;;) {
    const dropped = parts.map(() => new Set<number>());
    let length = full.length;
    let next = 0;
    while (length > target && next < order.length) {
      const candidate = order[next++]!;
      dropped[candidate.part]!.add(candidate.row);
      length -= candidate.cost;
    }
    const omissions = tally(order.slice(0, next).map((c) => (parts[c.part] as RowsPart).rows[c.row]!));
    const markdown = renderParts(parts, dropped, options.describeOmissions(omissions, false));
    if (markdown.length <= options.maxChars) return { markdown, omissions, cut: false };
    if (next >= order.length) {
      const note = options.describeOmissions(omissions, true);
      const rendered = renderParts(parts, dropped, note);
      // Room for the note (if the cut loses it) and for closing a few open `<details>`.
      let cut = cutToFit(rendered, options.maxChars - note.length - 64);
      if (!cut.includes(note)) cut += `${PART_SEPARATOR}${note}`;
      return { markdown: `${cut}\n`, omissions, cut: true };
    }
    target -= markdown.length - options.maxChars;
  }
}
