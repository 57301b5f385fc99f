/**
 * Collects evidence gaps while files are streamed. Line-level problems are reported per line, but
 * only up to a cap per file and code: a corrupt multi-gigabyte file must not turn into millions of
 * gap objects, so the rest is folded into one summary gap carrying a `count`.
 */
import type { EvidenceGap, GapCode, Severity } from './model.js';

export const LINE_GAPS_PER_FILE_AND_CODE = 50;

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
  private readonly gaps: EvidenceGap[] = [];
  private readonly perFileCode = new Map<string, number>();
  private readonly overflow = new Map<string, Overflow>();
  private readonly tallies = new Map<string, Tally>();

  add(gap: EvidenceGap): void {
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
    const out = [...this.gaps];
    for (const t of this.tallies.values()) {
      out.push({
        code: t.code,
        severity: t.severity,
        file: t.file,
        line: t.firstLine,
        count: t.count,
        message: t.message(t.count, t.examples),
      });
    }
    for (const o of this.overflow.values()) {
      out.push({
        code: o.code,
        severity: o.severity,
        file: o.file,
        line: o.firstLine,
        count: o.count,
        message: `${o.count} more line(s) with ${o.code} from line ${o.firstLine} on (not listed one by one)`,
      });
    }
    return out;
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
