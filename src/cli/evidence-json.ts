/**
 * `inspect --json` output: the same bytes as `JSON.stringify(evidence, …, 2)` with typed-array
 * columns as plain arrays, written in pieces. On a 1 GB workspace the document is ~25 MB, almost all
 * of it per-sample columns and names; building it as one string (and its UTF-8 copy for stdout)
 * was the largest memory peak of `inspect`. Long arrays of plain values are written element by
 * element instead, so only the small rest of the document is ever one string.
 */
import type { Evidence } from '../evidence/model.js';

/** Arrays at least this long are streamed; shorter ones are cheaper to leave to JSON.stringify. */
const STREAMED_LENGTH = 256;
/** Characters gathered before a piece is written. */
const PIECE_CHARS = 1 << 16;

type Values = ArrayLike<unknown>;

function streamable(value: unknown): value is Values {
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  if (!Array.isArray(value) || value.length < STREAMED_LENGTH) return false;
  return value.every((v) => v === null || (typeof v !== 'object' && typeof v !== 'function'));
}

export function writeEvidenceJson(evidence: Evidence, write: (text: string) => void): void {
  // A placeholder no evidence string can hold by accident: a random nonce per call.
  const marker = `cg-streamed-array-${Math.random().toString(36).slice(2)}-`;
  const arrays: Values[] = [];
  const skeleton = JSON.stringify(
    evidence,
    (_key, value) => (streamable(value) ? `${marker}${arrays.push(value) - 1}` : value),
    2,
  );
  const placeholder = new RegExp(`"${marker}(\\d+)"`, 'g');
  let last = 0;
  for (let match = placeholder.exec(skeleton); match !== null; match = placeholder.exec(skeleton)) {
    write(skeleton.slice(last, match.index));
    const lineStart = skeleton.lastIndexOf('\n', match.index) + 1;
    const indent = /^ */.exec(skeleton.slice(lineStart, match.index))![0];
    writeArray(arrays[Number(match[1])]!, indent, write);
    last = match.index + match[0].length;
  }
  write(`${skeleton.slice(last)}\n`);
}

/** One array as JSON.stringify(…, 2) lays it out at this indentation. */
function writeArray(values: Values, indent: string, write: (text: string) => void): void {
  if (values.length === 0) {
    write('[]');
    return;
  }
  const inner = `${indent}  `;
  let piece = '[';
  for (let i = 0; i < values.length; i++) {
    piece += `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(values[i]) ?? 'null'}`;
    if (piece.length >= PIECE_CHARS) {
      write(piece);
      piece = '';
    }
  }
  write(`${piece}\n${indent}]`);
}
