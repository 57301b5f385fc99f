/**
 * Typed content of a Contexta metadata ledger (`metadata/ledger.db`), validated row by row with zod.
 * Only what the gate uses is kept; environment variable values are dropped at this boundary so they
 * never reach the model, a report or a log.
 */
import { z } from 'zod';
import { LifecycleStatus } from '../evidence/model.js';

const text = z.string();
const optText = z.string().nullish();
const index = z.coerce.number().int().nullish();

export const LedgerRun = z.object({
  ref: text,
  project_ref: optText,
  name: optText,
  status: LifecycleStatus,
  started_at: optText,
  ended_at: optText,
});
export type LedgerRun = z.infer<typeof LedgerRun>;

export const LedgerStage = z.object({
  ref: text,
  run_ref: text,
  stage_name: text,
  status: LifecycleStatus,
  order_index: index,
  started_at: optText,
  ended_at: optText,
});
export type LedgerStage = z.infer<typeof LedgerStage>;

export const LedgerBatch = z.object({
  ref: text,
  run_ref: text,
  stage_ref: text,
  batch_name: text,
  status: LifecycleStatus,
  order_index: index,
});
export type LedgerBatch = z.infer<typeof LedgerBatch>;

export const LedgerDeployment = z.object({
  ref: text,
  project_ref: optText,
  deployment_name: text,
  run_ref: optText,
  status: LifecycleStatus,
  order_index: index,
  started_at: optText,
  ended_at: optText,
  artifact_ref: optText,
  environment_snapshot_ref: optText,
});
export type LedgerDeployment = z.infer<typeof LedgerDeployment>;

export const LedgerEnvironment = z.object({
  ref: text,
  run_ref: text,
  captured_at: optText,
  python_version: optText,
  platform: optText,
  packages: z.record(z.string(), z.string()),
  environment_variable_names: z.array(z.string()),
});
export type LedgerEnvironment = z.infer<typeof LedgerEnvironment>;

export interface LedgerContent {
  /** DuckDB storage number from the file header. */
  storageVersion: number;
  runs: LedgerRun[];
  stages: LedgerStage[];
  batches: LedgerBatch[];
  deployments: LedgerDeployment[];
  environments: LedgerEnvironment[];
  /** Rows that failed validation, per table, with what was wrong (row skipped). */
  invalidRows: Array<{ table: string; ref: string | null; problem: string }>;
  /** A `ledger.db.wal` sat next to the file (DuckDB replays it on open). */
  walPresent: boolean;
}

export const LedgerFailureCode = z.enum([
  'ledger_missing',
  'ledger_invalid',
  'ledger_storage_too_new',
  'ledger_reader_unavailable',
  'ledger_locked',
  'ledger_unreadable',
]);
export type LedgerFailureCode = z.infer<typeof LedgerFailureCode>;

export type LedgerResult =
  | { ok: true; content: LedgerContent }
  | { ok: false; code: LedgerFailureCode; reason: string };
