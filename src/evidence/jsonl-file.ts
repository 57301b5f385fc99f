/**
 * Streams one JSONL evidence file inside a workspace and hands every parsed JSON value to the
 * caller. Everything that stops a line from being used — encoding, length, JSON syntax, nesting,
 * a torn last line — becomes a gap on that line; file-level problems (symlink out of the root,
 * unreadable, too large, empty) become one gap for the file. Blank lines are skipped like Contexta.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  ChunkReader,
  type ChunkResult,
  OP_COMPACT,
  OP_INVALID_ENCODING,
  OP_TEXT,
  OP_TOO_LONG,
} from './chunk-lines.js';
import type { GapSink } from './gaps.js';
import { outOfRangeText, parseJsonText } from './json-text.js';
import { type LineEvent, readLines, readLinesFromBuffer } from './line-reader.js';
import type { ParsePool } from './parse-pool.js';
import { type Listing, readListedFile, type WorkspaceRoot } from './safe-fs.js';

export interface JsonlLimits {
  maxLineBytes: number;
  maxDepth: number;
  maxFileBytes: number;
}

export interface JsonLine {
  value: unknown;
  line: number;
  nonFiniteToken: boolean;
}

/**
 * How a reader lets worker threads parse its larger files: the pool, the task kind its worker script
 * knows, and what to do with a line the worker returned in compact form (see `chunk-lines.ts`).
 */
export interface ParallelParse {
  pool: ParsePool;
  kind: string;
  /** What the pool was given to share for this kind of task (`ParsePool.share`), or null. */
  shared: number | null;
  /** Reads one compact line from the chunk (exactly what the worker's compactor wrote). */
  onCompact: (chunk: ChunkReader, line: number) => void;
}

/** Bytes per chunk handed to a worker: large enough that messaging is noise, small enough to spread. */
const CHUNK_BYTES = 1 << 20;

/** Resolves a file inside the workspace; any file-level problem becomes a gap and null. */
export async function openEvidenceFile(
  root: WorkspaceRoot,
  rel: string,
  limits: JsonlLimits,
  gaps: GapSink,
  missing: {
    severity: 'error' | 'warning' | 'info';
    code: 'manifest_missing' | 'file_unreadable';
    message: string;
  } | null,
): Promise<{ absolute: string; size: number } | null> {
  const resolved = await root.resolve(rel);
  if (!resolved.ok) {
    if (resolved.reason === 'missing') {
      if (missing)
        gaps.add({ code: missing.code, severity: missing.severity, file: rel, message: missing.message });
    } else if (resolved.reason === 'outside') {
      gaps.add({
        code: 'symlink_outside_workspace',
        severity: 'error',
        file: rel,
        message: resolved.message,
      });
    } else {
      gaps.add({ code: 'file_unreadable', severity: 'error', file: rel, message: resolved.message });
    }
    return null;
  }
  if (resolved.isDirectory) {
    gaps.add({
      code: 'file_unreadable',
      severity: 'error',
      file: rel,
      message: `${rel} is a directory, expected a file`,
    });
    return null;
  }
  if (resolved.size > limits.maxFileBytes) {
    gaps.add({
      code: 'file_too_large',
      severity: 'error',
      file: rel,
      message: `${rel} is ${resolved.size} bytes, over the ${limits.maxFileBytes}-byte limit; it was not read`,
    });
    return null;
  }
  return { absolute: resolved.absolute, size: resolved.size };
}

/**
 * Names in a workspace directory that `accept` keeps, sorted; a directory that escapes the root or
 * cannot be listed becomes one gap (a missing one is simply empty).
 */
export async function listEvidenceDir(
  root: WorkspaceRoot,
  dir: string,
  gaps: GapSink,
  accept: (name: string) => boolean,
): Promise<string[]> {
  const listing = await root.list(dir);
  reportListingProblem(listing, dir, gaps);
  return listing.entries
    .map((entry) => entry.name)
    .filter(accept)
    .sort();
}

function reportListingProblem(listing: Listing, dir: string, gaps: GapSink): void {
  if (!listing.problem) return;
  gaps.add({
    code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
    severity: 'error',
    file: dir,
    message: listing.problem.message,
  });
}

/** The whole text of a small evidence file (manifest, binding), or null with a gap when unreadable. */
export async function readEvidenceText(absolute: string, rel: string, gaps: GapSink): Promise<string | null> {
  try {
    return await fs.readFile(absolute, 'utf8');
  } catch (error) {
    gaps.add({
      code: 'file_unreadable',
      severity: 'error',
      file: rel,
      message: `${rel} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    });
    return null;
  }
}

/**
 * Turns line events into JSON values for `onValue` and every unusable line into a gap; `unread`
 * counts the non-blank lines that could not be handed over.
 */
function jsonLineHandler(
  rel: string,
  limits: JsonlLimits,
  gaps: GapSink,
  onValue: (value: JsonLine) => void,
): { onLine: (event: LineEvent) => void; unread: () => number } {
  let unread = 0;
  const onLine = (event: LineEvent) => {
    const torn = !event.terminated;
    if (event.kind !== 'too_long' && event.kind !== 'invalid_encoding' && event.text.trim() === '') return;
    unread += 1;
    if (event.kind === 'too_long') {
      gaps.line(
        'line_too_long',
        'error',
        rel,
        event.lineNo,
        `line is ${event.bytes} bytes, over the ${limits.maxLineBytes}-byte line limit; skipped`,
      );
      return;
    }
    if (event.kind === 'invalid_encoding') {
      if (torn) {
        gaps.line(
          'truncated_line',
          'error',
          rel,
          event.lineNo,
          'the last line is cut off (no final newline, not valid UTF-8); skipped',
        );
      } else {
        gaps.line('invalid_encoding', 'error', rel, event.lineNo, 'line is not valid UTF-8; skipped');
      }
      return;
    }
    const parsed = parseJsonText(event.text, limits.maxDepth);
    if (!parsed.ok) {
      if (parsed.reason === 'too_deep') {
        gaps.line(
          'nesting_too_deep',
          'error',
          rel,
          event.lineNo,
          `line nests objects/arrays more than ${limits.maxDepth} levels deep; skipped`,
        );
      } else if (torn) {
        gaps.line(
          'truncated_line',
          'error',
          rel,
          event.lineNo,
          'the last line is cut off (no final newline and not complete JSON), e.g. the writer stopped mid-line; skipped',
        );
      } else {
        gaps.line(
          'invalid_json_line',
          'error',
          rel,
          event.lineNo,
          `line is not valid JSON (${parsed.message}); skipped`,
        );
      }
      return;
    }
    if (parsed.duplicateKey !== null) {
      gaps.line(
        'duplicate_key',
        'error',
        rel,
        event.lineNo,
        `the key "${parsed.duplicateKey}" is written twice in one object, so the record is ambiguous (JSON readers disagree on which value wins); skipped`,
      );
      return;
    }
    const first = parsed.outOfRange[0];
    if (first) {
      gaps.line(
        'number_out_of_range',
        'error',
        rel,
        event.lineNo,
        `${outOfRangeText(first, parsed.outOfRange.length)}; the record was skipped`,
      );
      return;
    }
    unread -= 1;
    onValue({ value: parsed.value, line: event.lineNo, nonFiniteToken: parsed.nonFinite });
  };
  return { onLine, unread: () => unread };
}

/**
 * Streams the file's lines to `onValue`; returns how many non-blank lines could not be handed over
 * (cut off, not JSON, ambiguous …), each already a gap, so a caller can tell lost lines from absent
 * ones.
 */
export async function readJsonlFile(
  root: WorkspaceRoot,
  rel: string,
  limits: JsonlLimits,
  gaps: GapSink,
  onValue: (value: JsonLine) => void,
  parallel: ParallelParse | null = null,
): Promise<number> {
  const file = await openEvidenceFile(root, rel, limits, gaps, null);
  if (!file) return 0;
  if (file.size === 0) {
    gaps.add({
      code: 'empty_file',
      severity: 'warning',
      file: rel,
      message: `${rel} is empty (0 bytes): it holds no evidence`,
    });
    return 0;
  }
  const handler = jsonLineHandler(rel, limits, gaps, onValue);
  try {
    if (parallel !== null && file.size >= parallel.pool.minFileBytes) {
      await readInChunks(file.absolute, limits, parallel, handler.onLine);
    } else {
      await readLines(
        file.absolute,
        { maxLineBytes: limits.maxLineBytes, sizeHint: file.size },
        handler.onLine,
      );
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    gaps.add({
      code: 'file_unreadable',
      severity: 'error',
      file: rel,
      message: `${rel} could not be read (${code})`,
    });
  }
  return handler.unread();
}

/**
 * Reads a file in chunks of whole lines that the pool parses, and replays the chunks' line
 * operations in file order: text and odd lines through `onLine` (the one-thread path), compact ones
 * through `onCompact`, numbered from the lines of the chunks before. A line longer than the line
 * limit never reaches a worker: it is skipped here and reported as one `too_long` line, as
 * `readLines` would. At most two chunks per worker are in flight, so memory stays bounded.
 */
async function readInChunks(
  absolute: string,
  limits: JsonlLimits,
  parallel: ParallelParse,
  onLine: (event: LineEvent) => void,
): Promise<void> {
  const task = {
    kind: parallel.kind,
    shared: parallel.shared,
    maxLineBytes: limits.maxLineBytes,
    maxDepth: limits.maxDepth,
  };
  const inFlight: Promise<ChunkResult>[] = [];
  let base = 0;
  const replay = (result: ChunkResult) => {
    const r = new ChunkReader(result);
    while (!r.done) {
      const op = r.int();
      const lineNo = base + r.int();
      switch (op) {
        case OP_TEXT: {
          const terminated = r.int() === 1;
          onLine({ kind: 'line', lineNo, text: r.str()!, terminated });
          break;
        }
        case OP_TOO_LONG: {
          const terminated = r.int() === 1;
          onLine({ kind: 'too_long', lineNo, bytes: r.num(), terminated });
          break;
        }
        case OP_INVALID_ENCODING:
          onLine({ kind: 'invalid_encoding', lineNo, terminated: r.int() === 1 });
          break;
        case OP_COMPACT:
          parallel.onCompact(r, lineNo);
          break;
        default:
          throw new Error(`parse worker sent an unknown line operation ${op}`);
      }
    }
  };
  const settleOldest = async () => {
    const result = await inFlight.shift()!;
    replay(result);
    base += result.lines;
  };
  const send = async (chunk: Buffer) => {
    inFlight.push(parallel.pool.parse(task, chunk));
    while (inFlight.length >= 2 * parallel.pool.size) await settleOldest();
  };
  const tooLong = (bytes: number, terminated: boolean) => {
    const ints = Int32Array.of(OP_TOO_LONG, 1, terminated ? 1 : 0);
    inFlight.push(Promise.resolve({ lines: 1, ints, nums: Float64Array.of(bytes), strings: [] }));
  };

  const handle = await fs.open(absolute, 'r');
  try {
    let carry: Buffer = Buffer.allocUnsafeSlow(0);
    /** Bytes so far of a line over the limit, or -1 outside one. */
    let longLine = -1;
    for (;;) {
      const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      let data = buffer.subarray(0, bytesRead);
      if (longLine >= 0) {
        const newline = data.indexOf(0x0a);
        if (newline === -1) {
          longLine += data.length;
          continue;
        }
        tooLong(longLine + newline, true);
        longLine = -1;
        data = data.subarray(newline + 1);
      }
      const last = data.lastIndexOf(0x0a);
      if (last === -1) {
        carry = ownBuffer(carry, data);
        if (carry.length > limits.maxLineBytes) {
          longLine = carry.length;
          carry = Buffer.allocUnsafeSlow(0);
        }
        continue;
      }
      const whole = data.subarray(0, last + 1);
      // Every buffer read into is a fresh one of our own, so it can be handed over as it is; only a
      // chunk that began with the end of the previous read is assembled in a new one.
      const chunk = carry.length === 0 ? whole : ownBuffer(carry, whole);
      carry = ownBuffer(data.subarray(last + 1));
      await send(chunk);
    }
    if (longLine >= 0) tooLong(longLine, false);
    else if (carry.length > 0) await send(carry);
    while (inFlight.length > 0) await settleOldest();
  } finally {
    await Promise.allSettled(inFlight);
    await handle.close();
  }
}

/** The parts copied into an ArrayBuffer of their own (never Node's shared pool), as a transfer needs. */
function ownBuffer(...parts: Buffer[]): Buffer {
  const own = Buffer.allocUnsafeSlow(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) at += part.copy(own, at);
  return own;
}

/** Files at most this big are read whole, several at a time, when a directory lists many. */
const SMALL_FILE_BYTES = 1 << 20;
/** Small files read ahead of the one being parsed: enough to keep the thread pool busy. */
const READ_AHEAD = 16;

/**
 * The JSONL files of one workspace directory, in name order, each handed to `onFile` with the same
 * `onValue` contract as `readJsonlFile`. Per-file cost dominates a directory of thousands of tiny
 * files (a store whose every segment holds one line), so small regular files are read whole, up to
 * `READ_AHEAD` of them at once, without a realpath or stat of their own (see `readListedFile`).
 * They are still parsed strictly in name order, so gaps and results are the same as one at a time;
 * anything unusual (a symlink, a large or empty file, an error) goes the general way.
 */
export async function readJsonlDir(
  root: WorkspaceRoot,
  dir: string,
  limits: JsonlLimits,
  gaps: GapSink,
  accept: (name: string) => boolean,
  onFile: (
    name: string,
    rel: string,
  ) => {
    onValue: (value: JsonLine) => void;
    onCompact: ParallelParse['onCompact'];
    done: (unread: number) => void;
  },
  parallel: Omit<ParallelParse, 'onCompact'> | null = null,
): Promise<string[]> {
  const listing = await root.list(dir);
  reportListingProblem(listing, dir, gaps);
  const files = listing.entries
    .filter((entry) => accept(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const real = listing.real;
  const maxBytes = Math.min(SMALL_FILE_BYTES, limits.maxFileBytes);
  const read = (i: number): Promise<Buffer | null> => {
    const entry = files[i]!;
    return real !== null && entry.isFile()
      ? readListedFile(path.join(real, entry.name), maxBytes)
      : Promise.resolve(null);
  };
  const ahead: Promise<Buffer | null>[] = [];
  for (let i = 0; i < Math.min(READ_AHEAD, files.length); i += 1) ahead.push(read(i));
  for (let i = 0; i < files.length; i += 1) {
    const bytes = await ahead[i % READ_AHEAD]!;
    if (i + READ_AHEAD < files.length) ahead[i % READ_AHEAD] = read(i + READ_AHEAD);
    const name = files[i]!.name;
    const rel = path.posix.join(dir, name);
    const file = onFile(name, rel);
    if (bytes === null) {
      const inWorkers = parallel === null ? null : { ...parallel, onCompact: file.onCompact };
      file.done(await readJsonlFile(root, rel, limits, gaps, file.onValue, inWorkers));
      continue;
    }
    const handler = jsonLineHandler(rel, limits, gaps, file.onValue);
    readLinesFromBuffer(bytes, limits, handler.onLine);
    file.done(handler.unread());
  }
  return files.map((entry) => entry.name);
}
