/**
 * The promotion's row in the workspace's Contexta ledger (`metadata/ledger.db`,
 * `deployment_executions`), written in the shape the SDK writes it: the copied columns plus the whole
 * model as canonical `payload_json` (sorted keys, compact, null keys omitted), and the ref registered
 * in `structural_ref_registry` as the SDK registers it. Writes are upserts keyed by ref, as the SDK's
 * `put` is, so a re-run rewrites the same row instead of adding one.
 *
 * The ledger is optional evidence: when DuckDB cannot be loaded, the ledger is locked, too new or not
 * a Contexta ledger, the row is skipped with a typed outcome and the promotion goes on — the event
 * record carries the same facts.
 */
import {
  type LedgerFailure,
  ledgerOpenFailure,
  ledgerOpenOptions,
  readLedgerHeader,
  tableNames,
} from '../contexta/ledger.js';
import type { DuckDbConnection, DuckDbInstance, DuckDbLoader } from '../duckdb/loader.js';
import { contractTimestamp, deploymentRef, type PromotionFacts, type PromotionStatus } from './record.js';

/** The facts of a promotion that the ledger row holds. */
export type DeploymentRowFacts = Pick<
  PromotionFacts,
  'project' | 'runRef' | 'environment' | 'status' | 'startedAt' | 'endedAt'
>;

export type LedgerRowSkip =
  | 'duckdb_unavailable'
  | 'ledger_locked'
  | 'ledger_storage_too_new'
  | 'ledger_invalid'
  | 'ledger_unwritable';

export type LedgerRowOutcome =
  | { outcome: 'written'; ref: string; orderIndex: number; replaced: boolean }
  | { outcome: 'absent' }
  | { outcome: 'skipped'; code: LedgerRowSkip; reason: string };

/** The `deployment_executions` row as the SDK writes it: copied columns plus canonical `payload_json`. */
export interface DeploymentRow {
  ref: string;
  project_ref: string;
  deployment_name: string;
  run_ref: string;
  order_index: number;
  started_at: string;
  status: PromotionStatus;
  payload_json: string;
}

export function deploymentRow(facts: DeploymentRowFacts, orderIndex: number): DeploymentRow {
  const ref = deploymentRef(facts.project, facts.environment);
  const name = ref.slice(`deployment:${facts.project}.`.length);
  const model = {
    deployment_execution_ref: ref,
    deployment_name: name,
    ended_at: contractTimestamp(facts.endedAt),
    extensions: [],
    order_index: orderIndex,
    project_ref: `project:${facts.project}`,
    run_ref: facts.runRef,
    schema_version: '1.0.0',
    started_at: contractTimestamp(facts.startedAt),
    status: facts.status,
  };
  return {
    ref,
    project_ref: model.project_ref,
    deployment_name: name,
    run_ref: facts.runRef,
    order_index: orderIndex,
    started_at: model.started_at,
    status: facts.status,
    // Keys above are already in sorted order and none is null: this is the canonical form.
    payload_json: JSON.stringify(model),
  };
}

const skip = (code: LedgerRowSkip, reason: string): LedgerRowOutcome => ({
  outcome: 'skipped',
  code,
  reason,
});

const SKIP_FOR: Partial<Record<LedgerFailure['code'], LedgerRowSkip>> = {
  ledger_locked: 'ledger_locked',
  ledger_storage_too_new: 'ledger_storage_too_new',
  ledger_invalid: 'ledger_invalid',
};

const skipFor = (failure: LedgerFailure): LedgerRowOutcome =>
  skip(SKIP_FOR[failure.code] ?? 'ledger_unwritable', failure.reason);

export async function writeDeploymentRow(
  ledgerPath: string,
  facts: DeploymentRowFacts,
  loader: DuckDbLoader,
): Promise<LedgerRowOutcome> {
  const header = await readLedgerHeader(ledgerPath);
  if ('ok' in header) return header.code === 'ledger_missing' ? { outcome: 'absent' } : skipFor(header);
  const module = await loader.load();
  if (typeof module === 'string') return skip('duckdb_unavailable', module);

  let instance: DuckDbInstance;
  try {
    instance = await module.DuckDBInstance.create(ledgerPath, ledgerOpenOptions('READ_WRITE'));
  } catch (error) {
    return skipFor(ledgerOpenFailure((error as Error).message, header));
  }
  let connection: DuckDbConnection | null = null;
  let inTransaction = false;
  try {
    connection = await instance.connect();
    const tables = await tableNames(connection);
    if (!tables.has('deployment_executions')) {
      return skip(
        'ledger_invalid',
        'the DuckDB file has no deployment_executions table: it is not a Contexta ledger',
      );
    }
    const ref = deploymentRef(facts.project, facts.environment);
    await connection.runAndReadAll('BEGIN TRANSACTION');
    inTransaction = true;
    const existing = (
      await connection.runAndReadAll('SELECT order_index FROM deployment_executions WHERE ref = $ref', {
        ref,
      })
    ).getRowObjectsJson()[0];
    // A new deployment goes after the project's others, as the SDK orders them (order_index, started_at, ref).
    const orderIndex =
      existing?.order_index !== undefined && existing.order_index !== null
        ? Number(existing.order_index)
        : Number(
            (
              await connection.runAndReadAll(
                'SELECT coalesce(max(order_index) + 1, 0) AS next FROM deployment_executions WHERE project_ref = $project',
                { project: `project:${facts.project}` },
              )
            ).getRowObjectsJson()[0]?.next ?? 0,
          );
    const row = deploymentRow(facts, orderIndex);
    await connection.runAndReadAll(
      `INSERT INTO deployment_executions (ref, project_ref, deployment_name, run_ref, order_index, started_at, status, payload_json)
       VALUES ($ref, $project_ref, $deployment_name, $run_ref, $order_index, $started_at, $status, $payload_json)
       ON CONFLICT (ref) DO UPDATE SET project_ref = excluded.project_ref, deployment_name = excluded.deployment_name,
         run_ref = excluded.run_ref, order_index = excluded.order_index, started_at = excluded.started_at,
         status = excluded.status, payload_json = excluded.payload_json`,
      { ...row },
    );
    if (tables.has('structural_ref_registry')) {
      await connection.runAndReadAll(
        `INSERT INTO structural_ref_registry (ref, ref_kind, owner_kind, registered_at)
         VALUES ($ref, 'deployment', 'deployment_execution', $at) ON CONFLICT (ref) DO NOTHING`,
        { ref, at: contractTimestamp(facts.endedAt) },
      );
    }
    await connection.runAndReadAll('COMMIT');
    inTransaction = false;
    // Fold the write-ahead log into the file now: the workspace is uploaded right after, and a
    // reader of the artifact must not depend on a `.wal` travelling with it.
    await connection.runAndReadAll('CHECKPOINT');
    return { outcome: 'written', ref, orderIndex, replaced: existing !== undefined };
  } catch (error) {
    if (inTransaction) await connection?.runAndReadAll('ROLLBACK').catch(() => undefined);
    return skip(
      'ledger_unwritable',
      `the ledger row could not be written: ${(error as Error).message.split('\n')[0]}`,
    );
  } finally {
    connection?.closeSync();
    instance.closeSync();
  }
}
