/**
 * Streams a file line by line at the byte level. Lines are split on `\n` before any decoding, so a
 * multi-gigabyte line is never built as a string: once a line passes `maxLineBytes` its bytes are
 * dropped and the caller learns only its number and length.
 *
 * One read buffer is reused for the whole file. A stream would hand over a fresh 1 MiB buffer per
 * chunk; while its lines are parsed those buffers live through enough young-generation collections
 * to be promoted, and then wait for a rare full collection: on a 1 GB workspace that held ~100 MB of
 * dead chunks. Nothing outlives a chunk but the copied tail of an unfinished line.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';

export type LineEvent =
  | {
      kind: 'line';
      lineNo: number;
      text: string;
      /** False only for the last line of a file that does not end with `\n`. */
      terminated: boolean;
    }
  | { kind: 'too_long'; lineNo: number; bytes: number; terminated: boolean }
  | { kind: 'invalid_encoding'; lineNo: number; terminated: boolean };

export interface LineReadOptions {
  maxLineBytes: number;
  /** Read size; large chunks keep the per-chunk overhead negligible. */
  chunkBytes?: number;
  /**
   * The file's size when the caller already knows it. A small file then gets a buffer of its own
   * size instead of a whole chunk: a workspace of 100,000 one-line segments would otherwise
   * allocate 100 GB of read buffers, and the collector, not the reader, would set the pace.
   */
  sizeHint?: number;
}

export interface LineReadSummary {
  lines: number;
  bytes: number;
  endsWithNewline: boolean;
}

const NEWLINE = 0x0a;

/** Cuts bytes handed over in chunks into line events; the same rules for a file and for a buffer. */
class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private overflowBytes = 0;
  private lineNo = 0;
  private totalBytes = 0;
  private lastByte = -1;

  constructor(
    private readonly max: number,
    private readonly onLine: (event: LineEvent) => void,
  ) {}

  /** `reused`: the caller overwrites `chunk` after this call, so an unfinished tail must be copied. */
  push(chunk: Buffer, reused: boolean): void {
    if (chunk.length === 0) return;
    this.totalBytes += chunk.length;
    this.lastByte = chunk[chunk.length - 1]!;
    let start = 0;
    let index = chunk.indexOf(NEWLINE, start);
    while (index !== -1) {
      this.append(chunk, start, index);
      this.emit(true);
      start = index + 1;
      index = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const tail = chunk.subarray(start);
      this.append(reused ? Buffer.from(tail) : tail, 0, tail.length);
    }
  }

  end(): LineReadSummary {
    if (this.pendingBytes > 0 || this.overflowBytes > 0) this.emit(false);
    return { lines: this.lineNo, bytes: this.totalBytes, endsWithNewline: this.lastByte === NEWLINE };
  }

  private emit(terminated: boolean): void {
    this.lineNo += 1;
    const lineNo = this.lineNo;
    if (this.overflowBytes > 0) {
      this.onLine({ kind: 'too_long', lineNo, bytes: this.overflowBytes, terminated });
    } else {
      const buf =
        this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
      if (isUtf8(buf)) {
        this.onLine({ kind: 'line', lineNo, text: buf.toString('utf8'), terminated });
      } else {
        this.onLine({ kind: 'invalid_encoding', lineNo, terminated });
      }
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.overflowBytes = 0;
  }

  private append(chunk: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length === 0) return;
    if (this.overflowBytes > 0) {
      this.overflowBytes += length;
    } else if (this.pendingBytes + length > this.max) {
      this.overflowBytes = this.pendingBytes + length;
      this.pending = [];
      this.pendingBytes = 0;
    } else {
      this.pending.push(chunk.subarray(start, end));
      this.pendingBytes += length;
    }
  }
}

export async function readLines(
  path: string,
  options: LineReadOptions,
  onLine: (event: LineEvent) => void,
): Promise<LineReadSummary> {
  const splitter = new LineSplitter(options.maxLineBytes, onLine);
  const handle = await open(path, 'r');
  try {
    const chunkBytes = options.chunkBytes ?? 1 << 20;
    // One byte over the hint, so a file that did not grow is read whole and then hits its end.
    let buffer = Buffer.allocUnsafe(
      options.sizeHint === undefined ? chunkBytes : Math.min(chunkBytes, options.sizeHint + 1),
    );
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      splitter.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead), true);
      // The file outgrew its hint (still being written): go on in whole chunks.
      if (bytesRead === buffer.length && buffer.length < chunkBytes) buffer = Buffer.allocUnsafe(chunkBytes);
    }
  } finally {
    await handle.close();
  }
  return splitter.end();
}

/** The lines of bytes already in memory (a small file read whole), under the same rules. */
export function readLinesFromBuffer(
  bytes: Buffer,
  options: Pick<LineReadOptions, 'maxLineBytes'>,
  onLine: (event: LineEvent) => void,
): LineReadSummary {
  const splitter = new LineSplitter(options.maxLineBytes, onLine);
  splitter.push(bytes, false);
  return splitter.end();
}
