/**
 * Fits a markdown document into a character budget by leaving out its least important rows first.
 *
 * A document is a sequence of parts. Text parts are always kept. Row lists (table bodies, bullet
 * lists) hold rows with a tier: tier 0 is never left out (a failing gate, a regressing metric);
 * higher tiers go first (unchanged metric rows before passing slice rows before long sample
 * lists, …). Rows are kept lowest tier first and, within a tier, in document order, so each list
 * keeps its most important rows when it is ordered most-important-first. Rows are measured as
 * they are rendered and rendering stops at the budget, so a report with 100,000 rows costs about
 * as much as one that fits. Every omission is counted and described, in the list itself and in
 * one note for the whole document.
 *
 * Length is measured in UTF-16 code units (`string.length`), which is never less than the number
 * of characters GitHub counts, so staying under the budget here means staying under it there.
 */

export interface BudgetRow {
  /** The row's markdown, or a function that renders it: rows that are left out are never rendered. */
  text: string | (() => string);
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
function listOmissionLine(omissions: readonly Omission[]): string {
  const parts = omissions.map((o) => `${o.what} (${formatCount(o.count)})`);
  return `_… not shown here: ${parts.join(', ')}; see the full report._`;
}

function tally(rows: Iterable<BudgetRow>): Omission[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.what, (counts.get(row.what) ?? 0) + 1);
  return [...counts].map(([what, count]) => ({ what, count }));
}

/** Renders rows on first use only: rows that are left out are never rendered. */
class RowTexts {
  private readonly cache: Array<Array<string | undefined>>;

  constructor(private readonly parts: readonly DocumentPart[]) {
    this.cache = parts.map((part) =>
      part.kind === 'rows' ? new Array<string | undefined>(part.rows.length) : [],
    );
  }

  get(part: number, row: number): string {
    const cached = this.cache[part]![row];
    if (cached !== undefined) return cached;
    const source = (this.parts[part] as RowsPart).rows[row]!.text;
    const text = typeof source === 'string' ? source : source();
    this.cache[part]![row] = text;
    return text;
  }
}

function renderParts(
  parts: readonly DocumentPart[],
  texts: RowTexts,
  kept: ReadonlyArray<ReadonlySet<number>>,
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
    const keep = kept[index]!;
    const lines: string[] = [];
    const gone: BudgetRow[] = [];
    part.rows.forEach((row, i) => {
      if (keep.has(i)) lines.push(texts.get(index, i));
      else gone.push(row);
    });
    const pieces: string[] = [];
    if (part.open !== '') pieces.push(part.open);
    if (lines.length > 0) pieces.push((part.rowsHead ? [part.rowsHead, ...lines] : lines).join('\n'));
    if (gone.length > 0) pieces.push(listOmissionLine(tally(gone)));
    if (part.close !== '') pieces.push(part.close);
    if (pieces.length > 0) out.push(pieces.join(PART_SEPARATOR));
  });
  return out.join(PART_SEPARATOR) + '\n';
}

interface RowRef {
  part: number;
  row: number;
  tier: number;
}

/** Rows in the order they are kept: lowest tier first, then document order. */
function keepOrder(parts: readonly DocumentPart[]): RowRef[] {
  const refs: RowRef[] = [];
  parts.forEach((part, p) => {
    if (part.kind !== 'rows') return;
    part.rows.forEach((row, r) => {
      refs.push({ part: p, row: r, tier: row.tier });
    });
  });
  // Array.prototype.sort is stable, so document order holds within a tier.
  return refs.sort((a, b) => a.tier - b.tier);
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

/**
 * Keeps rows in keep order while they fit, measuring each as it is rendered; once one does not
 * fit, it and every row after it in keep order are left out. Tier-0 rows are always kept.
 */
export function fitToBudget(parts: readonly DocumentPart[], options: FitOptions): FitResult {
  const texts = new RowTexts(parts);
  const order = keepOrder(parts);
  const alwaysKept = order.filter((ref) => ref.tier === 0).length;
  const skeleton = renderParts(
    parts,
    texts,
    parts.map(() => new Set<number>()),
    '',
  ).length;
  let target = options.maxChars;
  // Notes are written after we know what was left out; when they push the document over, aim lower
  // by the overshoot and try again. The target falls every pass, so this ends.
  for (;;) {
    const kept = parts.map(() => new Set<number>());
    let used = skeleton;
    let next = 0;
    for (; next < order.length; next++) {
      const ref = order[next]!;
      const part = parts[ref.part] as RowsPart;
      const head = kept[ref.part]!.size === 0 && part.rowsHead ? part.rowsHead.length + 1 : 0;
      const cost = texts.get(ref.part, ref.row).length + 1 + head;
      if (ref.tier > 0 && used + cost > target) break;
      kept[ref.part]!.add(ref.row);
      used += cost;
    }
    // Listed in the order they were given up: the least important kind first.
    const omissions = tally(
      order
        .slice(next)
        .reverse()
        .map((ref) => (parts[ref.part] as RowsPart).rows[ref.row]!),
    );
    const note = omissions.length === 0 ? '' : options.describeOmissions(omissions, false);
    const markdown = renderParts(parts, texts, kept, note);
    if (markdown.length <= options.maxChars) return { markdown, omissions, cut: false };
    if (next <= alwaysKept) {
      const cutNote = options.describeOmissions(omissions, true);
      const rendered = renderParts(parts, texts, kept, cutNote);
      // Room for the note (if the cut loses it) and for closing a few open `<details>`.
      let cut = cutToFit(rendered, options.maxChars - cutNote.length - 64);
      if (!cut.includes(cutNote)) cut += `${PART_SEPARATOR}${cutNote}`;
      return { markdown: `${cut}\n`, omissions, cut: true };
    }
    target -= markdown.length - options.maxChars;
  }
}
