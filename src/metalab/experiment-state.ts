/**
 * What the readers of one metalab experiment directory share: where its files are, what its manifest
 * expects, and what it has noted so far; plus the replica (one expected run) they pass along.
 */
import type { EvidenceGap, MetalabReplicateStatus } from '../evidence/model.js';
import type { ReadContext } from './json-file.js';
import type { ExpectedRuns } from './manifest.js';
import type { RunRecord } from './schema.js';

export interface Replica {
  runId: string;
  file: string;
  status: MetalabReplicateStatus;
  record: RunRecord | null;
  label: string | null;
  /** Gaps raised while reading this run, completed with the unit's ref once it is known. */
  gaps: EvidenceGap[];
}

export interface ExperimentState {
  readonly ctx: ReadContext;
  /** Store-relative experiment directory ('.' when the root is the experiment directory). */
  readonly expDir: string;
  /** Prefix of this experiment's store-relative file paths ('' for the root itself). */
  readonly prefix: string;
  experimentId: string;
  expected: ExpectedRuns | null;
  slurm: boolean;
  readonly notes: string[];
  /** What successful replicates showed, across units, for notes and for `series_lost`. */
  readonly findings: {
    booleanKeys: Set<string>;
    renamedSeries: Set<string>;
    unreadResults: Set<string>;
    steppedKeys: Set<string>;
  };
}

const LIST_LIMIT = 8;
/** Files read at once; enough to overlap I/O latency, few enough to stay far from fd limits. */
export const CONCURRENCY = 16;

/** Store-relative path of a file of this experiment. */
export function experimentPath(exp: ExperimentState, rel: string): string {
  return exp.prefix + rel;
}

export function unitRef(exp: ExperimentState, label: string): string {
  return `metalab:${exp.experimentId}/${label}`;
}

export async function logHint(exp: ExperimentState, runId: string): Promise<string> {
  const log = experimentPath(exp, `logs/${runId}_run.log`);
  return (await exp.ctx.root.resolve(log)).ok ? `; its log is ${log}` : '';
}

export function listSome(items: string[]): string {
  const shown = items.slice(0, LIST_LIMIT).join(', ');
  return items.length > LIST_LIMIT ? `${shown} and ${items.length - LIST_LIMIT} more` : shown;
}
