/**
 * Reads Contexta's canonical record store (`records/manifest.json` + `records/segments/segment-*.jsonl`)
 * with the integrity checks of Contexta's check_integrity, under Contexta's codes, but tolerant:
 * a bad line is skipped and reported, never fatal. `records/indexes/` is derived data and ignored.
 */
import path from 'node:path';
import { z } from 'zod';
import type { ChunkReader } from '../evidence/chunk-lines.js';
import { type GapSink, RepeatedRefs } from '../evidence/gaps.js';
import { ambiguity, parseJsonText } from '../evidence/json-text.js';
import {
  type JsonLine,
  type JsonlLimits,
  openEvidenceFile,
  readEvidenceText,
  readJsonlDir,
} from '../evidence/jsonl-file.js';
import type { ParsePool } from '../evidence/parse-pool.js';
import type { RefSet } from '../evidence/ref-set.js';
import type { WorkspaceRoot } from '../evidence/safe-fs.js';
import { readCompact, SEGMENT_LINES } from './compact-metric.js';
import type { EvidenceBuilder } from './fold.js';
import { validateRecord } from './validate-record.js';

const Manifest = z.object({
  layout_mode: z.literal('jsonl_segments'),
  layout_version: z.literal('1'),
  current_segment_id: z.number().int().min(1),
  next_sequence: z.number().int().min(1),
  last_committed_sequence: z.number().int().min(0),
  current_segment_record_count: z.number().int().min(0),
});
type Manifest = z.infer<typeof Manifest>;

const SEGMENT_NAME = /^segment-.*\.jsonl$/;

export interface DuplicateTracker {
  /** Refs already folded from a record store. */
  readonly store: RefSet;
}

async function readManifest(
  root: WorkspaceRoot,
  recordsDir: string,
  limits: JsonlLimits,
  gaps: GapSink,
): Promise<Manifest | null> {
  const rel = path.posix.join(recordsDir, 'manifest.json');
  const file = await openEvidenceFile(
    root,
    rel,
    { ...limits, maxFileBytes: Math.min(limits.maxFileBytes, 1 << 20) },
    gaps,
    {
      code: 'manifest_missing',
      severity: 'warning',
      message: `${rel} is missing; segments are read anyway, but the store's committed length cannot be checked`,
    },
  );
  if (!file) return null;
  const text = await readEvidenceText(file.absolute, rel, gaps);
  if (text === null) return null;
  const parsed = parseJsonText(text, limits.maxDepth);
  const unclear = parsed.ok ? ambiguity(parsed) : 'it is not valid JSON';
  if (!parsed.ok || unclear !== null) {
    gaps.add({
      code: 'manifest_invalid',
      severity: 'warning',
      file: rel,
      message: `${rel} cannot be used (${unclear}); ignored`,
    });
    return null;
  }
  const manifest = Manifest.safeParse(parsed.value);
  if (!manifest.success) {
    const issue = manifest.error.issues[0]!;
    gaps.add({
      code: 'manifest_invalid',
      severity: 'warning',
      file: rel,
      message: `${rel}: field ${issue.path.join('.') || '(root)'} ${issue.message}; the manifest was ignored`,
    });
    return null;
  }
  return manifest.data;
}

export interface StoreReadResult {
  segments: string[];
  /** Lines folded into the model. */
  records: number;
}

export async function readRecordStore(
  root: WorkspaceRoot,
  recordsDir: string,
  limits: JsonlLimits,
  gaps: GapSink,
  builder: EvidenceBuilder,
  seen: DuplicateTracker,
  pool: ParsePool | null = null,
): Promise<StoreReadResult> {
  const manifest = await readManifest(root, recordsDir, limits, gaps);
  const segmentsDir = path.posix.join(recordsDir, 'segments');
  let previous: number | null = null;
  let highest = 0;
  let records = 0;
  const lines = new Map<string, LineCount>();
  const names = await readJsonlDir(
    root,
    segmentsDir,
    limits,
    gaps,
    (name) => SEGMENT_NAME.test(name),
    (name, rel) => {
      const duplicates = new RepeatedRefs();
      const count: LineCount = { entries: 0, unread: 0 };
      lines.set(name, count);
      /** What every segment entry does, valid or not: the sequence checks and the counts. */
      const entry = (sequence: number, line: number) => {
        if (previous !== null && sequence !== previous + 1) {
          if (sequence > previous + 1) {
            const from = previous + 1;
            const to = sequence - 1;
            gaps.line(
              'sequence_gap',
              'warning',
              rel,
              line,
              `sequence jumps from ${previous} to ${sequence}: ${from === to ? `record ${from} is` : `records ${from}–${to} are`} missing from the store`,
            );
          } else {
            gaps.line(
              'duplicate_sequence',
              'warning',
              rel,
              line,
              `sequence ${sequence} is not after the previous line's ${previous} (a repeated or out-of-order sequence number)`,
            );
          }
        }
        count.entries += 1;
        if (previous === null || sequence > previous) previous = sequence;
        if (sequence > highest) highest = sequence;
      };
      /** The tail of reading a valid record: a ref already in the store is a repeat, not folded. */
      const take = (ref: string, line: number, fold: () => void) => {
        if (!seen.store.add(ref)) {
          duplicates.note(line, ref);
          return;
        }
        records += 1;
        fold();
      };
      const onValue = ({ value, line, nonFiniteToken }: JsonLine) => {
        const object =
          value !== null && typeof value === 'object' && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : null;
        const sequence = object?.sequence;
        if (!object || typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) {
          gaps.line(
            'invalid_json_line',
            'error',
            rel,
            line,
            'line is JSON but not a segment entry (needs an integer "sequence" and a "record"); skipped',
          );
          return;
        }
        entry(sequence, line);
        const valid = validateRecord(object.record, { file: rel, line, nonFiniteToken }, gaps);
        if (!valid) return;
        take(valid.record.envelope.record_ref, line, () => builder.foldRecord(valid, { file: rel, line }));
      };
      const onCompact = (chunk: ChunkReader, line: number) => {
        const { sequence, facts } = readCompact(chunk);
        entry(sequence, line);
        take(facts.recordRef, line, () => builder.foldMetric(facts, { file: rel, line }));
      };
      return {
        onValue,
        onCompact,
        done: (unread) => {
          count.unread = unread;
          duplicates.report(gaps, rel, '');
        },
      };
    },
    pool === null ? null : { pool, kind: SEGMENT_LINES, shared: null },
  );
  if (manifest)
    checkManifestClaims(manifest, names, lines, highest, path.posix.join(recordsDir, 'manifest.json'), gaps);
  return { segments: names, records };
}

interface LineCount {
  /** Lines that were segment entries (had a sequence). */
  entries: number;
  /** Non-blank lines that could not be read at all (cut off, not JSON, ambiguous); already gaps. */
  unread: number;
}

/** Segment id from `segment-000001.jsonl`, null for a name without a number. */
function segmentId(name: string): number | null {
  const m = /^segment-0*(\d+)\.jsonl$/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Compares what the manifest says was committed with what the segments hold. The writer appends a
 * line and then replaces the manifest, so segments ahead of the manifest (a crash between the two)
 * are a warning; a manifest claiming records or segments that are not there means evidence was
 * lost after it was committed: an error. A claimed record whose line exists but cannot be read
 * (a torn tail) is already an error gap of its own, so it does not count as missing here.
 */
function checkManifestClaims(
  manifest: Manifest,
  names: string[],
  lines: Map<string, LineCount>,
  highest: number,
  file: string,
  gaps: GapSink,
): void {
  let unread = 0;
  let newest: { id: number; name: string } | null = null;
  for (const name of names) {
    unread += lines.get(name)?.unread ?? 0;
    const id = segmentId(name);
    if (id !== null && (newest === null || id > newest.id)) newest = { id, name };
  }
  const claimed = manifest.last_committed_sequence;
  if (claimed > highest + unread) {
    gaps.add({
      code: 'manifest_sequence_mismatch',
      severity: 'error',
      file,
      message: `the manifest says records up to sequence ${claimed} were committed, but the segments end at sequence ${highest}: ${claimed - highest} committed record(s) are missing from the store`,
    });
  } else if (claimed !== highest) {
    gaps.add({
      code: 'manifest_sequence_mismatch',
      severity: 'warning',
      file,
      message:
        claimed < highest
          ? `the segments hold sequences up to ${highest}, beyond the manifest's last committed sequence ${claimed} (records appended after the manifest was last written, e.g. a crash in between); they were read`
          : `the manifest says the last committed sequence is ${claimed}, the highest readable sequence is ${highest}; the rest is in line(s) that could not be read (see those gaps)`,
    });
  }
  // A bootstrap manifest (nothing committed yet) names segment 1 before any segment file exists.
  if (newest === null && claimed === 0) return;
  if (newest === null || manifest.current_segment_id > newest.id) {
    gaps.add({
      code: 'manifest_segment_mismatch',
      severity: 'error',
      file,
      message: `the manifest says segment ${manifest.current_segment_id} is being appended to, but ${newest ? `the last segment present is ${newest.name}` : 'no segment file is present'}: committed segment(s) are missing`,
    });
    return;
  }
  if (manifest.current_segment_id !== newest.id) return;
  const current = lines.get(newest.name)!;
  if (manifest.current_segment_record_count > current.entries + current.unread) {
    gaps.add({
      code: 'manifest_segment_mismatch',
      severity: 'error',
      file,
      message: `the manifest says ${newest.name} holds ${manifest.current_segment_record_count} record(s), but it has ${current.entries + current.unread} line(s): committed records are missing from it`,
    });
  }
}
