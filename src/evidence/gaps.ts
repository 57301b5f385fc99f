/**
 * Collects evidence gaps while files are streamed. Line-level problems are reported per line, but
 * only up to a cap per file and code: a corrupt multi-gigabyte file must not turn into millions of
 * gap objects, so the rest is folded into one summary gap carrying a `count`.
 *
 * Across files the same holds per kind of gap (code, severity, run, stage): a workspace of 100,000
 * one-line segments that each repeat a ref would otherwise list 100,000 gaps. Past
 * `GAPS_LISTED_PER_KIND` entries, every entry of that kind becomes one summary entry with the
 * total `count` and a `sample` of where the first ones are; memory per kind stays bounded. The
 * severity and attribution are part of the kind, so an error gap still blocks where it did and a
 * gate asking about one stage still sees its own gaps.
 */
import type { EvidenceGap, GapCode, Severity } from './model.js';

export const LINE_GAPS_PER_FILE_AND_CODE = 50;
/** Entries of one kind listed one by one; one more and the kind is summarised. */
export const GAPS_LISTED_PER_KIND = 100;
/** Occurrences a summary names by file and line. */
export const GAP_SAMPLE_SIZE = 10;

interface Summary {
  first: EvidenceGap;
  entries: number;
  count: number;
  sample: NonNullable<EvidenceGap['sample']>;
}

interface Kind {
  /** Slots of the entries listed so far; emptied once the kind is summarised. */
  slots: number[];
  summary: Summary | null;
}

const occurrences = (gap: EvidenceGap) => gap.count ?? 1;

/**
 * Keeps gaps in arrival order with at most `GAPS_LISTED_PER_KIND` entries per kind; the rest is
 * summarised in place of the kind's first entry.
 */
class BoundedGaps {
  private readonly slots: (EvidenceGap | Summary | null)[] = [];
  private readonly kinds = new Map<string, Kind>();

  push(gap: EvidenceGap): void {
    const key = `${gap.code}\u0000${gap.severity}\u0000${gap.runRef ?? ''}\u0000${gap.stage ?? ''}`;
    let kind = this.kinds.get(key);
    if (!kind) {
      kind = { slots: [], summary: null };
      this.kinds.set(key, kind);
    }
    if (kind.summary) {
      fold(kind.summary, gap);
      return;
    }
    if (kind.slots.length < GAPS_LISTED_PER_KIND) {
      kind.slots.push(this.slots.length);
      this.slots.push(gap);
      return;
    }
    const [firstSlot, ...rest] = kind.slots;
    const first = this.slots[firstSlot!] as EvidenceGap;
    const summary: Summary = { first, entries: 0, count: 0, sample: [] };
    for (const slot of kind.slots) {
      fold(summary, this.slots[slot] as EvidenceGap);
      this.slots[slot] = null;
    }
    fold(summary, gap);
    this.slots[firstSlot!] = summary;
    for (const slot of rest) this.slots[slot] = null;
    kind.slots = [];
    kind.summary = summary;
  }

  /** Whether gaps of this kind are only counted by now (a per-file listing cap is then moot). */
  summarised(code: GapCode, severity: Severity, attribution: Attribution): boolean {
    const key = `${code}\u0000${severity}\u0000${attribution.runRef ?? ''}\u0000${attribution.stage ?? ''}`;
    return (this.kinds.get(key)?.summary ?? null) !== null;
  }

  list(): EvidenceGap[] {
    const out: EvidenceGap[] = [];
    for (const slot of this.slots) {
      if (slot === null) continue;
      out.push('first' in slot ? summaryGap(slot) : slot);
    }
    return out;
  }
}

function fold(summary: Summary, gap: EvidenceGap): void {
  summary.entries += 1;
  summary.count += occurrences(gap);
  if (summary.sample.length < GAP_SAMPLE_SIZE) {
    summary.sample.push({
      ...(gap.file !== undefined ? { file: gap.file } : {}),
      ...(gap.line !== undefined ? { line: gap.line } : {}),
      ...(gap.count !== undefined ? { count: gap.count } : {}),
    });
  }
}

function summaryGap(s: Summary): EvidenceGap {
  const { first } = s;
  return {
    code: first.code,
    severity: first.severity,
    ...(first.file !== undefined ? { file: first.file } : {}),
    ...(first.line !== undefined ? { line: first.line } : {}),
    ...(first.runRef !== undefined ? { runRef: first.runRef } : {}),
    ...(first.stage !== undefined ? { stage: first.stage } : {}),
    count: s.count,
    sample: s.sample,
    message: `${s.count} occurrence(s) of ${first.code} in ${s.entries} gap entries, summarised as one entry (too many to list one by one); the first: ${first.message}`,
  };
}

/** "first at a.jsonl:1, b.jsonl:1, …" for a summary entry, empty for any other gap. */
export function gapSampleText(gap: EvidenceGap): string {
  if (!gap.sample || gap.sample.length === 0) return '';
  const places = gap.sample.map((o) => `${o.file ?? '?'}${o.line !== undefined ? `:${o.line}` : ''}`);
  return `first at ${places.join(', ')}${(gap.count ?? 0) > places.length ? ', …' : ''}`;
}

/** The gap's message, followed by where its first occurrences are when it summarises a kind. */
export function gapMessageWithPlaces(gap: EvidenceGap): string {
  const places = gapSampleText(gap);
  return places ? `${gap.message} (${places})` : gap.message;
}

/**
 * The same bound applied to gaps already collected elsewhere (several sources merged): a kind
 * repeated more than `GAPS_LISTED_PER_KIND` times becomes one summary entry.
 */
export function summariseGaps(gaps: readonly EvidenceGap[]): EvidenceGap[] {
  const bounded = new BoundedGaps();
  for (const gap of gaps) bounded.push(gap);
  return bounded.list();
}

/** Gap codes whose line was not folded into the model (the record is lost). */
export const SKIPPING_CODES: ReadonlySet<GapCode> = new Set<GapCode>([
  'truncated_line',
  'invalid_json_line',
  'invalid_encoding',
  'line_too_long',
  'nesting_too_deep',
  'duplicate_key',
  'number_out_of_range',
  'record_invalid',
  'unknown_record_type',
  'unknown_schema_version',
  'invalid_ref',
  'duplicate_record_ref',
]);

export interface Attribution {
  ref?: string;
  runRef?: string;
  stage?: string;
}

interface Overflow {
  code: GapCode;
  severity: Severity;
  file: string;
  count: number;
  firstLine: number;
}

interface Tally {
  code: GapCode;
  severity: Severity;
  file: string;
  subject: string;
  count: number;
  firstLine: number;
  examples: string[];
  message: (count: number, examples: string[]) => string;
}

export class GapSink {
  private readonly gaps = new BoundedGaps();
  private readonly perFileCode = new Map<string, number>();
  private readonly overflow = new Map<string, Overflow>();
  private readonly tallies = new Map<string, Tally>();
  private calls = 0;

  /** How many problems were reported, however they were stored: 0 means a line read cleanly. */
  get reported(): number {
    return this.calls;
  }

  add(gap: EvidenceGap): void {
    this.calls += 1;
    this.gaps.push(gap);
  }

  /** A problem on one line of a file; beyond the cap only counted. */
  line(
    code: GapCode,
    severity: Severity,
    file: string,
    line: number,
    message: string,
    attribution: Attribution = {},
  ): void {
    this.calls += 1;
    if (this.gaps.summarised(code, severity, attribution)) {
      this.gaps.push({ code, severity, file, line, message, ...attribution });
      return;
    }
    const key = `${file}\u0000${code}`;
    const seen = this.perFileCode.get(key) ?? 0;
    this.perFileCode.set(key, seen + 1);
    if (seen < LINE_GAPS_PER_FILE_AND_CODE) {
      this.gaps.push({ code, severity, file, line, message, ...attribution });
      return;
    }
    this.overflowLine(code, severity, file, line);
  }

  private overflowLine(code: GapCode, severity: Severity, file: string, line: number): void {
    const key = `${file}\u0000${code}`;
    const over = this.overflow.get(key);
    if (over) over.count += 1;
    else this.overflow.set(key, { code, severity, file, count: 1, firstLine: line });
  }

  /**
   * A problem reported once per file and subject (e.g. an unknown field name) with a count and the
   * first few examples, however many lines have it.
   */
  tally(
    code: GapCode,
    severity: Severity,
    file: string,
    subject: string,
    line: number,
    example: string | null,
    message: (count: number, examples: string[]) => string,
  ): void {
    this.calls += 1;
    const key = `${file}\u0000${code}\u0000${subject}`;
    const tally = this.tallies.get(key);
    if (tally) {
      tally.count += 1;
      if (example !== null && tally.examples.length < 5) tally.examples.push(example);
      return;
    }
    // Hostile input could invent a new subject (field name, family) on every line.
    const subjectsKey = `${file}\u0000${code}\u0000subjects`;
    const subjects = this.perFileCode.get(subjectsKey) ?? 0;
    if (subjects >= LINE_GAPS_PER_FILE_AND_CODE) {
      this.overflowLine(code, severity, file, line);
      return;
    }
    this.perFileCode.set(subjectsKey, subjects + 1);
    this.tallies.set(key, {
      code,
      severity,
      file,
      subject,
      count: 1,
      firstLine: line,
      examples: example === null ? [] : [example],
      message,
    });
  }

  finish(): EvidenceGap[] {
    for (const t of this.tallies.values()) {
      this.gaps.push({
        code: t.code,
        severity: t.severity,
        file: t.file,
        line: t.firstLine,
        count: t.count,
        message: t.message(t.count, t.examples),
      });
    }
    for (const o of this.overflow.values()) {
      this.gaps.push({
        code: o.code,
        severity: o.severity,
        file: o.file,
        line: o.firstLine,
        count: o.count,
        message: `${o.count} more line(s) with ${o.code} from line ${o.firstLine} on (not listed one by one)`,
      });
    }
    this.tallies.clear();
    this.overflow.clear();
    return this.gaps.list();
  }
}

/**
 * Counts the lines of one file that repeat a record_ref already read, and reports them as a single
 * `duplicate_record_ref` gap (first line, count, a few examples) rather than one gap per line.
 */
export class RepeatedRefs {
  private count = 0;
  private firstLine = 0;
  private readonly examples: string[] = [];

  note(line: number, ref: string): void {
    this.count += 1;
    if (this.firstLine === 0) this.firstLine = line;
    if (this.examples.length < 5) this.examples.push(ref);
  }

  /** `source` finishes "already read …", e.g. "from the capture cache"; empty for any source. */
  report(gaps: GapSink, file: string, source: string): void {
    if (this.count === 0) return;
    gaps.add({
      code: 'duplicate_record_ref',
      severity: 'warning',
      file,
      line: this.firstLine,
      count: this.count,
      message: `${this.count} line(s) repeat a record_ref already read${source ? ` ${source}` : ''} (e.g. ${this.examples.join(', ')}); the first occurrence of each was kept, the repeats skipped`,
    });
  }
}
