/**
 * Caps V8's young generation for the whole process by re-executing Node with
 * `--max-semi-space-size`. Reading a large workspace allocates hundreds of megabytes of short-lived
 * JSON objects, and V8 answers by growing each semi-space to its maximum: on a 1 GB workspace that
 * alone lifts peak RSS by ~150 MB (`readline` + `JSON.parse` and nothing else peaks at ~250 MB by
 * default, ~105 MB with 4 MiB semi-spaces), while the CPU time stays within noise (docs/benchmarks.md).
 * The flag only takes effect when the heap is set up, so it cannot be set from inside a running
 * process (`v8.setFlagsFromString` leaves the young generation as it is); `process.execve` replaces
 * the process image in place, so pid, stdio, exit status and resource accounting stay the same.
 * Re-executes the current script with the semi-space cap unless a cap is already set (by us before
 * the re-exec, or by the user on the command line or in NODE_OPTIONS), the evidence is known to be
 * small (`evidence`: the paths that will be read, or null when they are not known up front), or the
 * platform has no `execve` (Windows), where the process simply continues with V8's defaults.
 * Returns only when it does not re-execute.
 *
 * The same re-exec also lowers how far V8 lets the old generation grow past its live size before the
 * next full collection (`--heap-growing-percent`). A sharded comparison keeps ~140 MB of merged
 * per-sample columns alive while it allocates and drops copies of them per slice and per test; with
 * V8's default growth the heap ran to 2-3x the live size between collections (64 shards x 10,000
 * samples per side: 609 MiB peak RSS, 383-391 MiB with 20 %, at the same CPU time).
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Semi-space cap, chosen from the benchmark (docs/benchmarks.md, "Memory"). */
export const SEMI_SPACE_MIB = 4;
const FLAG = '--max-semi-space-size';
/** Old-generation growth past the live size before a full collection, from the same benchmark. */
export const HEAP_GROWING_PERCENT = 20;
const GROWING = '--heap-growing-percent';

/** Evidence below this size is read without the cap (measured in docs/benchmarks.md, "Start-up"). */
export const SMALL_EVIDENCE_BYTES = 16 * 1024 * 1024;
/** A workspace of more entries than this is not walked to the end: so many files read for long anyway. */
const MAX_PROBED_ENTRIES = 2000;

/**
 * Whether the files under `paths` (files or directories, walked without following symlinks) add up
 * to less than `limitBytes`. Stops early: at the limit, or past MAX_PROBED_ENTRIES entries, it
 * answers false, and so it does for a path it cannot read (the reader will say why, later).
 */
export function smallerThan(paths: string[], limitBytes: number): boolean {
  let bytes = 0;
  let entries = 0;
  const pending = [...paths];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    entries += 1;
    if (entries > MAX_PROBED_ENTRIES) return false;
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(current);
    } catch {
      return false;
    }
    if (stat.isDirectory()) {
      try {
        for (const name of readdirSync(current)) pending.push(path.join(current, name));
      } catch {
        return false;
      }
    } else if (stat.isFile()) {
      bytes += stat.size;
      if (bytes >= limitBytes) return false;
    }
  }
  return true;
}

/**
 * Re-executes the current script with the semi-space cap and, unless one is given, the growth limit,
 * unless a semi-space cap is already set (by us before the re-exec, or by the user on the command line
 * or in NODE_OPTIONS), the evidence is known to be small (`evidence`: the paths that will be read, or
 * null when they are not known up front), or the platform has no `execve` (Windows), where the process
 * simply continues with V8's defaults. Returns only when it does not re-execute.
 */
export function capYoungGeneration(nodeOptions: string | undefined, evidence: string[] | null): void {
  const given = [...process.execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  if (given.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`))) return;
  if (evidence !== null && evidence.length > 0 && smallerThan(evidence, SMALL_EVIDENCE_BYTES)) return;
  const script = process.argv[1];
  if (typeof process.execve !== 'function' || script === undefined) return;
  const growing = given.some((arg) => arg === GROWING || arg.startsWith(`${GROWING}=`));
  process.execve(process.execPath, [
    process.execPath,
    `${FLAG}=${SEMI_SPACE_MIB}`,
    ...(growing ? [] : [`${GROWING}=${HEAP_GROWING_PERCENT}`]),
    ...process.execArgv,
    script,
    ...process.argv.slice(2),
  ]);
}
