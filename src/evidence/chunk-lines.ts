/**
 * The part of reading a JSONL file that parallel readers split up: the lines of one chunk (a run of
 * whole lines, cut by the main thread at a newline), parsed where the chunk lands — a worker thread.
 *
 * A chunk comes back as line operations in line order. Only a line that parsed cleanly and that the
 * caller's `compact` wrote in its compact form is folded from that form; every other line (any gap
 * at all, a NaN token, an unusual shape) comes back as its text, so the main thread reads it exactly
 * as a one-thread read would. What the main thread does with a chunk's operations therefore never
 * depends on how the file was cut or on which thread parsed it.
 *
 * The operations travel as columns — 32-bit integers, doubles and a table of the chunk's distinct
 * strings — because a chunk's worth of small objects, cloned across threads, cost more in
 * allocation and garbage collection on the main thread than parsing the lines there did.
 */
import { parseJsonText } from './json-text.js';
import { readLinesFromBuffer } from './line-reader.js';

/** A line to read on the main thread: line within the chunk, text (string), terminated. */
export const OP_TEXT = 0;
/** line, terminated; the byte count is a double (lines may pass 2 GiB). */
export const OP_TOO_LONG = 1;
/** line, terminated. */
export const OP_INVALID_ENCODING = 2;
/** line, then whatever the compactor wrote. */
export const OP_COMPACT = 3;

export interface ChunkResult {
  /** Lines in the chunk, blank ones included: where the next chunk's numbering starts. */
  lines: number;
  ints: Int32Array;
  nums: Float64Array;
  strings: string[];
}

export interface ChunkLimits {
  maxLineBytes: number;
  maxDepth: number;
}

/** Appends one chunk's operations; strings are kept once each per chunk. */
export class ChunkWriter {
  private ints = new Int32Array(4096);
  private intCount = 0;
  private nums = new Float64Array(1024);
  private numCount = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  int(value: number): void {
    if (this.intCount === this.ints.length) this.ints = grown(this.ints, Int32Array);
    this.ints[this.intCount++] = value;
  }

  num(value: number): void {
    if (this.numCount === this.nums.length) this.nums = grown(this.nums, Float64Array);
    this.nums[this.numCount++] = value;
  }

  /** A string or null (written as -1). */
  str(value: string | null): void {
    if (value === null) {
      this.int(-1);
      return;
    }
    let id = this.stringIds.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.stringIds.set(value, id);
    }
    this.int(id);
  }

  /** A string written without looking for an earlier copy. */
  text(value: string): void {
    this.int(this.strings.length);
    this.strings.push(value);
  }

  /** The columns, trimmed; their buffers can be transferred. */
  finish(lines: number): ChunkResult {
    return {
      lines,
      ints: this.ints.slice(0, this.intCount),
      nums: this.nums.slice(0, this.numCount),
      strings: this.strings,
    };
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, Type: new (n: number) => T): T {
  const next = new Type(array.length * 2);
  next.set(array);
  return next;
}

/** Reads a chunk's operations back in the order they were written. */
export class ChunkReader {
  private i = 0;
  private n = 0;

  constructor(private readonly chunk: ChunkResult) {}

  get done(): boolean {
    return this.i >= this.chunk.ints.length;
  }

  int(): number {
    return this.chunk.ints[this.i++]!;
  }

  num(): number {
    return this.chunk.nums[this.n++]!;
  }

  str(): string | null {
    const id = this.chunk.ints[this.i++]!;
    return id === -1 ? null : this.chunk.strings[id]!;
  }
}

/**
 * What a worker keeps of a cleanly parsed line: `read` returns it (null: have the line read on the
 * main thread instead) and `write` puts it into the chunk, to be read back with a `ChunkReader`.
 */
export interface Compactor<T> {
  read(value: unknown): T | null;
  write(kept: T, out: ChunkWriter): void;
}

export function parseChunk<T>(bytes: Buffer, limits: ChunkLimits, compact: Compactor<T>): ChunkResult {
  const out = new ChunkWriter();
  const summary = readLinesFromBuffer(bytes, limits, (event) => {
    if (event.kind === 'too_long') {
      out.int(OP_TOO_LONG);
      out.int(event.lineNo);
      out.int(event.terminated ? 1 : 0);
      out.num(event.bytes);
      return;
    }
    if (event.kind === 'invalid_encoding') {
      out.int(OP_INVALID_ENCODING);
      out.int(event.lineNo);
      out.int(event.terminated ? 1 : 0);
      return;
    }
    if (event.text.trim() === '') return;
    const parsed = parseJsonText(event.text, limits.maxDepth);
    const clean =
      event.terminated &&
      parsed.ok &&
      parsed.duplicateKey === null &&
      parsed.outOfRange.length === 0 &&
      !parsed.nonFinite;
    const kept = clean ? compact.read(parsed.value) : null;
    if (kept !== null) {
      out.int(OP_COMPACT);
      out.int(event.lineNo);
      compact.write(kept, out);
      return;
    }
    out.int(OP_TEXT);
    out.int(event.lineNo);
    out.int(event.terminated ? 1 : 0);
    // Text is unique per line: kept out of the string table's map, which only pays for repeats.
    out.text(event.text);
  });
  return out.finish(summary.lines);
}
