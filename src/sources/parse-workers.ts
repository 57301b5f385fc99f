/**
 * How many threads parse evidence, and where their script is. The count follows the cores this
 * process may use (`os.availableParallelism()`, which honours CPU affinity and container quotas),
 * capped by the user (`--workers`, the action's `max-workers`). With one, everything is read on the
 * main thread; with more, that many workers parse large files while the main thread folds.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParsePool } from '../evidence/parse-pool.js';

/** Built next to each bundle by `scripts/build.mjs` (`dist/parse-worker/`, `dist/cli/parse-worker/`). */
const WORKER_SCRIPT = ['parse-worker', 'index.js'];

export function parseThreads(cap: number | null, cores: number = os.availableParallelism()): number {
  return Math.max(1, cap === null ? cores : Math.min(cores, cap));
}

/** A pool for `threads` ≥ 2, else null (read on the main thread). */
export function createParsePool(threads: number): ParsePool | null {
  if (threads < 2) return null;
  const here = path.dirname(fileURLToPath(import.meta.url));
  return new ParsePool(path.join(here, ...WORKER_SCRIPT), threads);
}

/**
 * `--workers` / `max-workers`: a whole number of threads, at least 1; an empty value means no cap.
 * Returns the cap or a message naming what was given.
 */
export function parseWorkersCap(text: string | undefined, name: string): number | null | { error: string } {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1) {
    return { error: `${name} must be a whole number of threads, at least 1 (found "${text}")` };
  }
  return value;
}
