/**
 * Appends a promotion record to a workspace: always to the capture cache, and to the canonical
 * record store when one exists, with the manifest replaced atomically (write a sibling file, then
 * rename) exactly as the SDK's record store does. Writing is idempotent: a record whose ref is
 * already present is not written again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readLines } from '../evidence/line-reader.js';
import { captureLine, type EventRecord, segmentLine } from './record.js';

const Manifest = z
  .object({
    current_segment_id: z.number().int().positive(),
    current_segment_record_count: z.number().int().nonnegative(),
    last_committed_sequence: z.number().int().nonnegative(),
    layout_mode: z.literal('jsonl_segments'),
    layout_version: z.literal('1'),
    next_sequence: z.number().int().positive(),
  })
  .loose();

export interface WriteOutcome {
  captureCache: 'written' | 'already-present';
  recordStore: 'written' | 'already-present' | 'absent';
}

async function fileHasRecordRef(file: string, recordRef: string): Promise<boolean> {
  const needle = JSON.stringify(recordRef);
  let found = false;
  try {
    await readLines(file, { maxLineBytes: 64 * 1024 * 1024 }, (event) => {
      if (event.kind === 'line' && event.text.includes(needle)) found = true;
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return found;
}

async function appendLine(file: string, line: string): Promise<void> {
  const handle = await fs.open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      // A torn last line must not swallow our record; start ours on a line of its own.
      if (last[0] !== 0x0a) prefix = '\n';
    }
    await handle.appendFile(`${prefix}${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  await fs.writeFile(temp, content);
  await fs.rename(temp, file);
}

export async function writePromotionRecord(
  workspace: string,
  record: EventRecord,
  now: Date = new Date(),
): Promise<WriteOutcome> {
  const recordRef = String(record.envelope.record_ref);
  const captureDir = path.join(workspace, 'cache', 'capture');
  const captureFile = path.join(captureDir, 'record.jsonl');
  let captureCache: WriteOutcome['captureCache'] = 'already-present';
  if (!(await fileHasRecordRef(captureFile, recordRef))) {
    await fs.mkdir(captureDir, { recursive: true });
    await appendLine(captureFile, captureLine(record, now));
    captureCache = 'written';
  }

  const manifestFile = path.join(workspace, 'records', 'manifest.json');
  let manifestText: string;
  try {
    manifestText = await fs.readFile(manifestFile, 'utf8');
  } catch {
    return { captureCache, recordStore: 'absent' };
  }
  const manifest = Manifest.parse(JSON.parse(manifestText));
  const segment = path.join(
    workspace,
    'records',
    'segments',
    `segment-${String(manifest.current_segment_id).padStart(6, '0')}.jsonl`,
  );
  if (await fileHasRecordRef(segment, recordRef)) return { captureCache, recordStore: 'already-present' };

  const sequence = manifest.next_sequence;
  await fs.mkdir(path.dirname(segment), { recursive: true });
  await appendLine(segment, segmentLine(record, sequence, now));
  const next = {
    ...manifest,
    current_segment_record_count: manifest.current_segment_record_count + 1,
    last_committed_sequence: sequence,
    next_sequence: sequence + 1,
  };
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeAtomically(manifestFile, `${JSON.stringify(sorted, null, 2)}\n`);
  return { captureCache, recordStore: 'written' };
}
