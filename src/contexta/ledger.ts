/**
 * Reading Contexta's metadata ledger (`metadata/ledger.db`, a DuckDB file): the only place run,
 * stage, batch and deployment statuses exist. DuckDB itself comes from the loader in
 * src/duckdb/loader.ts (never bundled; installed on first use, see docs/adr/0001-duckdb-loading.md).
 * Every failure comes back as a typed result — the ledger is optional evidence, never a crash.
 */

import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import {
  type DuckDbConnection,
  type DuckDbInstance,
  DuckDbLoader,
  type DuckDbLoadOptions,
  type DuckDbModule,
} from '../duckdb/loader.js';
import { redactVariableNames } from '../evidence/redact.js';
import {
  LedgerBatch,
  type LedgerContent,
  LedgerDeployment,
  LedgerEnvironment,
  type LedgerFailureCode,
  type LedgerResult,
  LedgerRun,
  LedgerStage,
} from './ledger-rows.js';

export type { LedgerContent, LedgerFailureCode, LedgerResult } from './ledger-rows.js';

export interface LedgerReader {
  /** Never throws: every failure is a typed `LedgerResult`. */
  read(ledgerPath: string): Promise<LedgerResult>;
}

export interface LedgerHeader {
  storageVersion: number;
  /** Writer's DuckDB version from the header (e.g. `v1.5.6`), when present. */
  writer: string | null;
}

export type LedgerFailure = Extract<LedgerResult, { ok: false }>;

const fail = (code: LedgerFailureCode, reason: string): LedgerFailure => ({ ok: false, code, reason });

/** Plain-JS check of the DuckDB header before any engine is loaded: magic `DUCK` at 8–11, u64 storage number at 12. */
export async function readLedgerHeader(ledgerPath: string): Promise<LedgerHeader | LedgerFailure> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(ledgerPath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('ledger_missing', `${ledgerPath} does not exist`);
    return fail('ledger_unreadable', `${ledgerPath} cannot be opened (${code ?? 'error'})`);
  }
  try {
    const buffer = Buffer.alloc(96);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead === 0)
      return fail('ledger_invalid', 'the ledger file is empty (0 bytes); it is not a DuckDB database');
    if (bytesRead < 20 || buffer.toString('latin1', 8, 12) !== 'DUCK') {
      return fail(
        'ledger_invalid',
        'the ledger file is not a DuckDB database (no DUCK header); run and stage statuses are unknown',
      );
    }
    const storage = buffer.readBigUInt64LE(12);
    const writerEnd = buffer.indexOf(0, 52);
    const writer =
      bytesRead > 52
        ? buffer.toString('latin1', 52, writerEnd > 52 ? Math.min(writerEnd, 84) : 84).trim()
        : '';
    return {
      storageVersion: storage > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(storage),
      writer: /^v\d/.test(writer) ? writer : null,
    };
  } catch (error) {
    return fail(
      'ledger_unreadable',
      `the ledger header cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  } finally {
    await handle.close();
  }
}

/**
 * How every ledger is opened: no extension is ever installed or loaded and no external access is
 * allowed, so a hostile file (e.g. one with a SQLite header) cannot make DuckDB fetch anything.
 */
export function ledgerOpenOptions(access: 'READ_ONLY' | 'READ_WRITE'): Record<string, string> {
  return {
    access_mode: access,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    enable_external_access: 'false',
    // The metadata tables are tiny; one thread spares spinning up a worker pool per open.
    threads: '1',
  };
}

/** Names of the tables in an open ledger (to tell a Contexta ledger from any DuckDB file). */
export async function tableNames(connection: DuckDbConnection): Promise<Set<string>> {
  const result = await connection.runAndReadAll('SELECT table_name FROM information_schema.tables');
  return new Set(result.getRowObjectsJson().map((row) => String(row.table_name)));
}

export class DuckDbLedgerReader implements LedgerReader {
  readonly loader: DuckDbLoader;

  /** Takes a loader to share (one DuckDB import per process), or the options to make one. */
  constructor(source: DuckDbLoader | (Partial<DuckDbLoadOptions> & Pick<DuckDbLoadOptions, 'searchPaths'>)) {
    this.loader = source instanceof DuckDbLoader ? source : new DuckDbLoader(source);
  }

  async read(ledgerPath: string): Promise<LedgerResult> {
    try {
      const header = await readLedgerHeader(ledgerPath);
      if ('ok' in header) return header;
      const module = await this.loader.load();
      if (typeof module === 'string')
        return fail('ledger_reader_unavailable', `${module}; run and stage statuses are unknown`);
      return await this.query(module, ledgerPath, header);
    } catch (error) {
      return fail('ledger_unreadable', `the ledger could not be read: ${(error as Error).message}`);
    }
  }

  private async query(module: DuckDbModule, ledgerPath: string, header: LedgerHeader): Promise<LedgerResult> {
    let instance: DuckDbInstance;
    try {
      instance = await module.DuckDBInstance.create(ledgerPath, ledgerOpenOptions('READ_ONLY'));
    } catch (error) {
      return ledgerOpenFailure((error as Error).message, header);
    }
    let connection: DuckDbConnection | null = null;
    try {
      connection = await instance.connect();
      const tables = await tableNames(connection);
      if (!tables.has('runs'))
        return fail('ledger_invalid', 'the DuckDB file has no runs table: it is not a Contexta ledger');
      const rows = async (table: string) =>
        tables.has(table)
          ? (await connection!.runAndReadAll(`SELECT * FROM ${table}`)).getRowObjectsJson()
          : [];
      const content: LedgerContent = {
        storageVersion: header.storageVersion,
        runs: [],
        stages: [],
        batches: [],
        deployments: [],
        environments: [],
        invalidRows: [],
        walPresent: await fs.stat(`${ledgerPath}.wal`).then(
          () => true,
          () => false,
        ),
      };
      const take = <T>(table: string, schema: z.ZodType<T>, raw: Record<string, unknown>[], into: T[]) => {
        for (const row of raw) {
          const payload = parsePayload(row.payload_json);
          const parsed = schema.safeParse({ ...payload, ...withoutNulls(row), ...derived(table, payload) });
          if (parsed.success) into.push(parsed.data);
          else {
            const issue = parsed.error.issues[0]!;
            content.invalidRows.push({
              table,
              ref: typeof row.ref === 'string' ? row.ref : null,
              problem: `field ${issue.path.join('.')}: ${issue.message}`,
            });
          }
        }
      };
      take('runs', LedgerRun, await rows('runs'), content.runs);
      take('stage_executions', LedgerStage, await rows('stage_executions'), content.stages);
      take('batch_executions', LedgerBatch, await rows('batch_executions'), content.batches);
      take(
        'deployment_executions',
        LedgerDeployment,
        await rows('deployment_executions'),
        content.deployments,
      );
      take(
        'environment_snapshots',
        LedgerEnvironment,
        await rows('environment_snapshots'),
        content.environments,
      );
      content.stages.sort(
        (a, b) =>
          (a.order_index ?? Number.MAX_SAFE_INTEGER) - (b.order_index ?? Number.MAX_SAFE_INTEGER) ||
          (a.started_at ?? '').localeCompare(b.started_at ?? '') ||
          a.ref.localeCompare(b.ref),
      );
      return { ok: true, content };
    } catch (error) {
      return fail(
        'ledger_unreadable',
        `the ledger could not be queried: ${(error as Error).message.split('\n')[0]}`,
      );
    } finally {
      connection?.closeSync();
      instance.closeSync();
    }
  }
}

/** Maps DuckDB's open errors (docs/reference/duckdb-in-node.md §6) to what a user can act on. */
export function ledgerOpenFailure(message: string, header: LedgerHeader): LedgerFailure {
  const first = message.split('\n')[0]!;
  if (/Could not set lock|Conflicting lock/i.test(message)) {
    return fail(
      'ledger_locked',
      `the ledger is locked by a process still writing it (${first}); re-run once the job has finished`,
    );
  }
  if (/version number \d+, but we can only read/i.test(message)) {
    return fail(
      'ledger_storage_too_new',
      `the ledger was written by DuckDB ${header.writer ?? '(unknown version)'} in storage version ${header.storageVersion}, newer than this reader understands (${first}); upgrade the action`,
    );
  }
  if (/not a valid DuckDB database|Corrupt database file/i.test(message))
    return fail('ledger_invalid', `the ledger is not a valid DuckDB database (${first})`);
  if (/does not exist/i.test(message)) return fail('ledger_missing', `the ledger does not exist (${first})`);
  return fail('ledger_unreadable', `the ledger could not be opened (${first})`);
}

function parsePayload(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function withoutNulls(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && k !== 'payload_json') out[k] = v;
  return out;
}

/** Fields that only the payload holds, in the row schema's shape; environment values are dropped here. */
function derived(table: string, payload: Record<string, unknown>): Record<string, unknown> {
  if (table !== 'environment_snapshots') return {};
  const vars = payload.environment_variables;
  const packages = payload.packages;
  return {
    environment_variables: undefined,
    environment_variable_names:
      vars !== null && typeof vars === 'object' && !Array.isArray(vars)
        ? redactVariableNames(Object.keys(vars))
        : [],
    packages:
      packages !== null && typeof packages === 'object' && !Array.isArray(packages)
        ? Object.fromEntries(Object.entries(packages).map(([k, v]) => [k, String(v)]))
        : {},
  };
}
