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
}

export interface LineReadSummary {
  lines: number;
  bytes: number;
  endsWithNewline: boolean;
}

const NEWLINE = 0x0a;

export async function readLines(
  path: string,
  options: LineReadOptions,
  onLine: (event: LineEvent) => void,
): Promise<LineReadSummary> {
  const max = options.maxLineBytes;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflowBytes = 0;
  let lineNo = 0;
  let totalBytes = 0;
  let lastByte = -1;

  const emit = (terminated: boolean) => {
    lineNo += 1;
    if (overflowBytes > 0) {
      onLine({ kind: 'too_long', lineNo, bytes: overflowBytes, terminated });
    } else {
      const buf = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      if (isUtf8(buf)) {
        onLine({ kind: 'line', lineNo, text: buf.toString('utf8'), terminated });
      } else {
        onLine({ kind: 'invalid_encoding', lineNo, terminated });
      }
    }
    pending = [];
    pendingBytes = 0;
    overflowBytes = 0;
  };

  const append = (chunk: Buffer, start: number, end: number) => {
    const length = end - start;
    if (length === 0) return;
    if (overflowBytes > 0) {
      overflowBytes += length;
    } else if (pendingBytes + length > max) {
      overflowBytes = pendingBytes + length;
      pending = [];
      pendingBytes = 0;
    } else {
      pending.push(chunk.subarray(start, end));
      pendingBytes += length;
    }
  };

  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      totalBytes += bytesRead;
      lastByte = chunk[bytesRead - 1]!;
      let start = 0;
      let index = chunk.indexOf(NEWLINE, start);
      while (index !== -1) {
        append(chunk, start, index);
        emit(true);
        start = index + 1;
        index = chunk.indexOf(NEWLINE, start);
      }
      if (start < chunk.length) {
        // The next read overwrites the buffer; keep a copy of the unfinished line.
        append(Buffer.from(chunk.subarray(start)), 0, chunk.length - start);
      }
    }
  } finally {
    await handle.close();
  }
  if (pendingBytes > 0 || overflowBytes > 0) emit(false);
  return { lines: lineNo, bytes: totalBytes, endsWithNewline: lastByte === NEWLINE };
}
