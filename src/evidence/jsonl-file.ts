/**
 * Streams one JSONL evidence file inside a workspace and hands every parsed JSON value to the
 * caller. Everything that stops a line from being used — encoding, length, JSON syntax, nesting,
 * a torn last line — becomes a gap on that line; file-level problems (symlink out of the root,
 * unreadable, too large, empty) become one gap for the file. Blank lines are skipped like Contexta.
 */
import { promises as fs } from 'node:fs';
import type { GapSink } from './gaps.js';
import { outOfRangeText, parseJsonText } from './json-text.js';
import { readLines } from './line-reader.js';
import type { WorkspaceRoot } from './safe-fs.js';

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
  if (listing.problem) {
    gaps.add({
      code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
      severity: 'error',
      file: dir,
      message: listing.problem.message,
    });
  }
  return listing.entries
    .map((entry) => entry.name)
    .filter(accept)
    .sort();
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
  let unread = 0;
  try {
    await readLines(file.absolute, { maxLineBytes: limits.maxLineBytes }, (event) => {
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
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    gaps.add({
      code: 'file_unreadable',
      severity: 'error',
      file: rel,
      message: `${rel} could not be read (${code})`,
    });
  }
  return unread;
}
