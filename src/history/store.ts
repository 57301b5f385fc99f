/**
 * `history.jsonl`: reading it back (every line validated; a bad line is an evidence gap, never a
 * crash and never a silently trusted value), appending this run and bounding it. The bound is per
 * project — `HISTORY_MAX_RUNS` records of at most `HISTORY_MAX_SERIES` values each — so the file
 * stays the same size after a thousand pushes as after a hundred.
 */
import { promises as fs } from 'node:fs';
import { parseJsonText } from '../evidence/json-text.js';
import type { EvidenceGap } from '../evidence/model.js';
import {
  compareRecords,
  HISTORY_FILE,
  HISTORY_MAX_LINE_BYTES,
  HISTORY_MAX_RUNS,
  HistoryRecord,
} from './record.js';

/** A history file over this many bytes was not written by us (the bound keeps ours far smaller). */
export const HISTORY_MAX_FILE_BYTES = 32 * 1024 * 1024;
const MAX_LISTED_GAPS = 20;

export interface History {
  /** Oldest first (see `compareRecords`). */
  records: HistoryRecord[];
  gaps: EvidenceGap[];
}

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'not a history record';
  const at = issue.path.map(String).join('.');
  return `${at === '' ? 'record' : at}: ${issue.message}`;
}

/** Parses the text of a history file; `file` only labels the gaps. */
export function parseHistory(text: string, file = HISTORY_FILE): History {
  const records: HistoryRecord[] = [];
  const gaps: EvidenceGap[] = [];
  let bad = 0;
  const gap = (
    line: number,
    code: 'invalid_json_line' | 'record_invalid' | 'line_too_long',
    message: string,
  ) => {
    bad++;
    if (bad <= MAX_LISTED_GAPS) gaps.push({ code, severity: 'warning', file, line, message });
  };
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.replace(/\r$/, '');
    if (trimmed.trim() === '') return;
    if (Buffer.byteLength(trimmed, 'utf8') > HISTORY_MAX_LINE_BYTES) {
      gap(line, 'line_too_long', `history line longer than ${HISTORY_MAX_LINE_BYTES} bytes; not used`);
      return;
    }
    const parsed = parseJsonText(trimmed, 8);
    if (!parsed.ok) {
      gap(line, 'invalid_json_line', 'history line is not valid JSON; not used');
      return;
    }
    const record = HistoryRecord.safeParse(parsed.value);
    if (!record.success) {
      gap(
        line,
        'record_invalid',
        `history line is not a version-1 history record (${firstIssue(record.error)}); not used`,
      );
      return;
    }
    records.push(record.data);
  });
  if (bad > MAX_LISTED_GAPS) {
    gaps.push({
      code: 'record_invalid',
      severity: 'warning',
      file,
      message: `${bad - MAX_LISTED_GAPS} more history lines were not used`,
      count: bad - MAX_LISTED_GAPS,
    });
  }
  return { records: records.sort(compareRecords), gaps };
}

/**
 * Reads a history file; null when there is none (a chain that starts here). A file that cannot be
 * used as a whole is one gap and an empty history.
 */
export async function readHistoryFile(path: string, file = HISTORY_FILE): Promise<History | null> {
  let info: Awaited<ReturnType<typeof fs.lstat>>;
  try {
    info = await fs.lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { records: [], gaps: [unusable(file, `cannot be read (${(error as Error).message})`)] };
  }
  if (!info.isFile()) return { records: [], gaps: [unusable(file, 'is not a regular file')] };
  if (info.size > HISTORY_MAX_FILE_BYTES) {
    return {
      records: [],
      gaps: [unusable(file, `is ${info.size} bytes, over the ${HISTORY_MAX_FILE_BYTES}-byte bound`)],
    };
  }
  return parseHistory(await fs.readFile(path, 'utf8'), file);
}

function unusable(file: string, why: string): EvidenceGap {
  return {
    code: 'file_unreadable',
    severity: 'warning',
    file,
    message: `${file} ${why}; the history restarts from this run`,
  };
}

/**
 * The history with this run's records added, bounded to the last `maxRuns` records of each project
 * and ordered oldest first. A record with the same project and run id replaces the earlier one (a
 * re-run of a job records its run once).
 */
export function appendHistory(
  records: readonly HistoryRecord[],
  added: readonly HistoryRecord[],
  maxRuns = HISTORY_MAX_RUNS,
): HistoryRecord[] {
  const same = (a: HistoryRecord, b: HistoryRecord) =>
    a.project === b.project && a.runId !== null && a.runId === b.runId;
  const kept = records.filter((r) => !added.some((a) => same(a, r)));
  const all = [...kept, ...added].sort(compareRecords);
  const perProject = new Map<string, number>();
  const out: HistoryRecord[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const record = all[i]!;
    const count = perProject.get(record.project) ?? 0;
    if (count >= maxRuns) continue;
    perProject.set(record.project, count + 1);
    out.push(record);
  }
  return out.reverse();
}

export function serializeHistory(records: readonly HistoryRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Only the records of one project: several projects share one artifact, never one series. */
export function projectHistory(history: History | null, project: string): HistoryRecord[] {
  return (history?.records ?? []).filter((r) => r.project === project);
}
