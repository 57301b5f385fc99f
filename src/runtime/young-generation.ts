/**
 * Caps V8's young generation for the whole process by re-executing Node with
 * `--max-semi-space-size`. Reading a large workspace allocates hundreds of megabytes of short-lived
 * JSON objects, and V8 answers by growing each semi-space to its maximum: on a 1 GB workspace that
 * alone lifts peak RSS by ~150 MB (`readline` + `JSON.parse` and nothing else peaks at ~250 MB by
 * default, ~105 MB with 4 MiB semi-spaces), while the CPU time stays within noise (docs/benchmarks.md).
 * The flag only takes effect when the heap is set up, so it cannot be set from inside a running
 * process (`v8.setFlagsFromString` leaves the young generation as it is); `process.execve` replaces
 * the process image in place, so pid, stdio, exit status and resource accounting stay the same.
 *
 * The same re-exec also lowers how far V8 lets the old generation grow past its live size before the
 * next full collection (`--heap-growing-percent`). A sharded comparison keeps ~140 MB of merged
 * per-sample columns alive while it allocates and drops copies of them per slice and per test; with
 * V8's default growth the heap ran to 2-3x the live size between collections (64 shards x 10,000
 * samples per side: 609 MiB peak RSS, 383-391 MiB with 20 %, at the same CPU time).
 */

/** Semi-space cap, chosen from the benchmark (docs/benchmarks.md, "Memory"). */
export const SEMI_SPACE_MIB = 4;
const FLAG = '--max-semi-space-size';
/** Old-generation growth past the live size before a full collection, from the same benchmark. */
export const HEAP_GROWING_PERCENT = 20;
const GROWING = '--heap-growing-percent';

/**
 * Re-executes the current script with the semi-space cap and, unless one is given, the growth limit,
 * unless a semi-space cap is already set (by us before the re-exec, or by the user on the command line
 * or in NODE_OPTIONS), or the platform has no `execve` (Windows), where the process simply continues
 * with V8's defaults. Returns only when it does not re-execute.
 */
export function capYoungGeneration(nodeOptions: string | undefined): void {
  const given = [...process.execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  if (given.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`))) return;
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
