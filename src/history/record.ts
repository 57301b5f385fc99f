/**
 * One run's compact history record: the finite overall and per-slice values of its stage and
 * run-level metrics, with where the run came from. A record is one line of `history.jsonl` at the
 * root of the evidence artifact, so each default-branch run carries the trend of the runs before it
 * forward without any API call per earlier run.
 */
import { z } from 'zod';

/** The file name inside the evidence artifact (and a workspace), at its root. */
export const HISTORY_FILE = 'history.jsonl';
export const HISTORY_VERSION = 1;
/** Records kept per project: the artifact carries at most this many runs of each project. */
export const HISTORY_MAX_RUNS = 100;
/** Series kept per record; a run logging more keeps the first ones in stage/key/slice order. */
export const HISTORY_MAX_SERIES = 200;
/** A record line longer than this is not ours: it becomes a gap, never a parse. */
export const HISTORY_MAX_LINE_BYTES = 64 * 1024;

const text = (max: number) => z.string().min(1).max(max);

/** `[unit, stage, key, slice, value]`: unit is the metalab params label, null for Contexta runs. */
export const HistoryPoint = z.tuple([
  text(512).nullable(),
  text(256).nullable(),
  text(256),
  text(256).nullable(),
  z.number().refine(Number.isFinite, 'a finite number'),
]);
export type HistoryPoint = z.infer<typeof HistoryPoint>;

export const HistoryRecord = z.strictObject({
  v: z.literal(HISTORY_VERSION),
  project: text(256),
  /** The run the values were read from (Contexta run ref, or the metalab store's first unit). */
  run: text(512),
  /** Workflow run id of the job that recorded it; null for runs read locally (`--history DIR`). */
  runId: z.number().int().positive().nullable(),
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/)
    .nullable(),
  /** ISO 8601 instant: the run's recorded start, else when the job recorded it. */
  time: z.iso.datetime({ offset: true }),
  /** Where a locally read record came from (the `--history` sub-directory); absent in the action. */
  source: text(256).optional(),
  metrics: z.array(HistoryPoint).max(HISTORY_MAX_SERIES),
});
export type HistoryRecord = z.infer<typeof HistoryRecord>;

/** Records in the order they were run: oldest first, ties by run id then run name. */
export function compareRecords(a: HistoryRecord, b: HistoryRecord): number {
  const ta = Date.parse(a.time);
  const tb = Date.parse(b.time);
  if (ta !== tb) return ta - tb;
  if ((a.runId ?? 0) !== (b.runId ?? 0)) return (a.runId ?? 0) - (b.runId ?? 0);
  return a.run < b.run ? -1 : a.run > b.run ? 1 : 0;
}

/**
 * How a record is named in a report: "run 1234 at abc1234 (2026-11-23)", or for a locally read run
 * its directory and run ref. A run with no recorded time carries the epoch, which is not shown.
 */
export function describeRecord(record: HistoryRecord): string {
  const day = Date.parse(record.time) === 0 ? null : record.time.slice(0, 10);
  if (record.runId !== null) {
    const at = record.commit === null ? '' : ` at ${record.commit.slice(0, 7)}`;
    return `run ${record.runId}${at}${day === null ? '' : ` (${day})`}`;
  }
  const what = [record.run, day].filter((x) => x !== null).join(', ');
  return record.source === undefined ? what : `${record.source} (${what})`;
}
