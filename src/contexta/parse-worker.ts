/**
 * Entry of the parse worker threads (`ParsePool`): parses the chunks of Contexta JSONL files it is
 * sent and answers with their line operations. Built as its own bundle next to the action's and the
 * CLI's (`scripts/build.mjs`).
 */
import { parentPort } from 'node:worker_threads';
import { type ChunkResult, type Compactor, parseChunk } from '../evidence/chunk-lines.js';
import type { ChunkTask } from '../evidence/parse-pool.js';
import { RefSet } from '../evidence/ref-set.js';
import { captureLines, segmentLines } from './compact-line.js';
import { CAPTURE_LINES, SEGMENT_LINES } from './compact-metric.js';

/** Snapshots the main thread shared (`ParsePool.share`), by id. */
const shared = new Map<number, RefSet>();

function compactor(task: ChunkTask): Compactor<unknown> | undefined {
  if (task.kind === SEGMENT_LINES) return segmentLines as Compactor<unknown>;
  if (task.kind !== CAPTURE_LINES) return undefined;
  const stored = task.shared === null ? null : (shared.get(task.shared) ?? null);
  return captureLines(stored) as Compactor<unknown>;
}

interface TaskMessage {
  id: number;
  task: ChunkTask;
  buffer: ArrayBuffer;
  offset: number;
  length: number;
}

type Message = TaskMessage | { share: number; data: Float64Array } | { unshare: number };

const port = parentPort;
if (port === null) throw new Error('parse-worker.js runs only as a worker thread of the gate');
port.on('message', (message: Message) => {
  if ('share' in message) {
    shared.set(message.share, RefSet.fromSnapshot(message.data));
    return;
  }
  if ('unshare' in message) {
    shared.delete(message.unshare);
    return;
  }
  const { id, task, buffer, offset, length } = message;
  const compact = compactor(task);
  if (compact === undefined) {
    port.postMessage({ id, error: `unknown parse task kind ${task.kind}` });
    return;
  }
  let result: ChunkResult;
  try {
    result = parseChunk(Buffer.from(buffer, offset, length), task, compact);
  } catch (error) {
    port.postMessage({ id, error: (error as Error).message });
    return;
  }
  port.postMessage({ id, result }, [result.ints.buffer as ArrayBuffer, result.nums.buffer as ArrayBuffer]);
});
