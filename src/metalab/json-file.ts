/**
 * Reads one JSON document of a metalab store, confined to the store root. Every way a file can be
 * unusable (symlink out of the store, too large, empty, not UTF-8, not JSON even with Python's
 * NaN/Infinity tokens, nested too deep) becomes one gap naming the file; the caller only sees
 * "here is the value" or "nothing usable".
 */
import { promises as fs } from 'node:fs';
import { outOfRangeText, parseJsonText } from '../evidence/json-text.js';
import type { EvidenceGap, Severity } from '../evidence/model.js';
import type { WorkspaceRoot } from '../evidence/safe-fs.js';

export interface ReadContext {
  root: WorkspaceRoot;
  maxDepth: number;
  maxFileBytes: number;
  gaps: EvidenceGap[];
}

/** Who a gap is about, copied onto every gap raised while reading the file. */
export interface Attribution {
  ref?: string;
  runRef?: string;
}

export type JsonFileResult = { ok: true; value: unknown } | { ok: false; missing: boolean };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of a `JSON.parse` failure, from V8's "(line L column C)" or "position N". */
function failureLine(message: string, text: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  let count = 1;
  const end = Math.min(Number(position[1]), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0x0a) count++;
  return count;
}

export async function readJsonFile(
  ctx: ReadContext,
  rel: string,
  severity: Severity,
  attribution: Attribution = {},
): Promise<JsonFileResult> {
  const gap = (code: EvidenceGap['code'], message: string, line?: number): JsonFileResult => {
    ctx.gaps.push({
      code,
      severity,
      file: rel,
      ...(line === undefined ? {} : { line }),
      ...attribution,
      message,
    });
    return { ok: false, missing: false };
  };
  const resolved = await ctx.root.resolve(rel);
  if (!resolved.ok) {
    if (resolved.reason === 'missing') return { ok: false, missing: true };
    return gap(
      resolved.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
      resolved.message,
    );
  }
  if (resolved.isDirectory) return gap('file_unreadable', `${rel} is a directory, expected a JSON file`);
  if (resolved.size > ctx.maxFileBytes) {
    return gap(
      'file_too_large',
      `${rel} is ${resolved.size} bytes, over the ${ctx.maxFileBytes}-byte limit for one metalab file; it was not read`,
    );
  }
  if (resolved.size === 0) return gap('empty_file', `${rel} is empty, expected a JSON document`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(resolved.absolute);
  } catch (error) {
    return gap(
      'file_unreadable',
      `${rel} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return gap('invalid_encoding', `${rel} is not valid UTF-8`);
  }
  const parsed = parseJsonText(text, ctx.maxDepth);
  if (parsed.ok) {
    if (parsed.duplicateKey !== null) {
      return gap(
        'duplicate_key',
        `${rel} writes the key "${parsed.duplicateKey}" twice in one object, so its value is ambiguous; the file was not used`,
      );
    }
    const first = parsed.outOfRange[0];
    if (first) {
      ctx.gaps.push({
        code: 'number_out_of_range',
        severity,
        file: rel,
        ...attribution,
        message: `${rel}: ${outOfRangeText(first, parsed.outOfRange.length)}; that value is not used`,
      });
    }
    return { ok: true, value: parsed.value };
  }
  if (parsed.reason === 'too_deep') {
    return gap('nesting_too_deep', `${rel} nests deeper than ${ctx.maxDepth} levels; it was not read`);
  }
  const line = failureLine(parsed.message, text);
  return gap('invalid_json_line', `${rel} is not valid JSON: ${parsed.message}`, line);
}
