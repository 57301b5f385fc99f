/**
 * Reads Contexta's canonical record store (`records/manifest.json` + `records/segments/segment-*.jsonl`)
 * with the integrity checks of Contexta's check_integrity, under Contexta's codes, but tolerant:
 * a bad line is skipped and reported, never fatal. `records/indexes/` is derived data and ignored.
 */
import path from 'node:path';
import { z } from 'zod';
import { type GapSink, RepeatedRefs } from '../evidence/gaps.js';
import { parseJsonText } from '../evidence/json-text.js';
import {
  type JsonlLimits,
  listEvidenceDir,
  openEvidenceFile,
  readEvidenceText,
  readJsonlFile,
} from '../evidence/jsonl-file.js';
import type { RefSet } from '../evidence/ref-set.js';
import type { WorkspaceRoot } from '../evidence/safe-fs.js';
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
  if (!parsed.ok) {
    gaps.add({
      code: 'manifest_invalid',
      severity: 'warning',
      file: rel,
      message: `${rel} is not valid JSON; ignored`,
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
): Promise<StoreReadResult> {
  const manifest = await readManifest(root, recordsDir, limits, gaps);
  const segmentsDir = path.posix.join(recordsDir, 'segments');
  const names = await listEvidenceDir(root, segmentsDir, gaps, (name) => SEGMENT_NAME.test(name));
  let previous: number | null = null;
  let highest = 0;
  let records = 0;
  for (const name of names) {
    const rel = path.posix.join(segmentsDir, name);
    const duplicates = new RepeatedRefs();
    await readJsonlFile(root, rel, limits, gaps, ({ value, line, nonFiniteToken }) => {
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
      if (previous === null || sequence > previous) previous = sequence;
      if (sequence > highest) highest = sequence;
      const valid = validateRecord(object.record, { file: rel, line, nonFiniteToken }, gaps);
      if (!valid) return;
      const ref = valid.record.envelope.record_ref;
      if (!seen.store.add(ref)) {
        duplicates.note(line, ref);
        return;
      }
      records += 1;
      builder.foldRecord(valid, { file: rel, line });
    });
    duplicates.report(gaps, rel, '');
  }
  if (manifest && manifest.last_committed_sequence !== highest) {
    gaps.add({
      code: 'manifest_sequence_mismatch',
      severity: 'warning',
      file: path.posix.join(recordsDir, 'manifest.json'),
      message: `the manifest says the last committed sequence is ${manifest.last_committed_sequence}, but the highest sequence found in the segments is ${highest}`,
    });
  }
  return { segments: names, records };
}
