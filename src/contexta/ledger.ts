/**
 * Reading Contexta's metadata ledger (`metadata/ledger.db`, a DuckDB file): the only place run,
 * stage, batch and deployment statuses exist. DuckDB is a ~70 MB native engine, so it is never
 * bundled: the default reader finds `@duckdb/node-api` in a node_modules the caller names, or
 * installs a pinned version into a cache directory on first use (see docs/adr/0001-duckdb-loading.md).
 * Every failure comes back as a typed result — the ledger is optional evidence, never a crash.
 */

import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
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

/** Pinned so that bindings exist for every GitHub runner platform (docs/reference/duckdb-in-node.md §3.1). */
export const DUCKDB_NODE_API_VERSION = '1.5.5-r.5';
const PACKAGE = '@duckdb/node-api';

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

/** The slice of `@duckdb/node-api` used here (reading the ledger, and the promotion's ledger row). */
export interface DuckDbModule {
  DuckDBInstance: {
    create(path: string, options: Record<string, string>): Promise<DuckDbInstance>;
  };
}
export interface DuckDbInstance {
  connect(): Promise<DuckDbConnection>;
  closeSync(): void;
}
export interface DuckDbConnection {
  runAndReadAll(
    sql: string,
    values?: Record<string, string | number | null> | Array<string | number | null>,
  ): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
  closeSync(): void;
}

export interface DuckDbLoadOptions {
  /** Directories to resolve `@duckdb/node-api` from, nearest first (Node's node_modules lookup from each). */
  searchPaths: string[];
  /** Where to `npm install` the pinned package when no search path has it; null = never install. */
  cacheDir: string | null;
  /** Hard limit for the install. */
  installTimeoutMs: number;
  /** The npm executable to run. */
  npmCommand: string;
  /** For messages only: where we run. */
  platform: string;
  arch: string;
}

export type DuckDbLedgerReaderOptions = DuckDbLoadOptions;

/**
 * Finds (or installs, once) and imports `@duckdb/node-api`. The import is attempted at most once per
 * loader; every caller gets the module or the sentence saying why DuckDB cannot be used here.
 */
export class DuckDbLoader {
  readonly options: DuckDbLoadOptions;
  private module: Promise<DuckDbModule | string> | null = null;

  constructor(options: Partial<DuckDbLoadOptions> & Pick<DuckDbLoadOptions, 'searchPaths'>) {
    this.options = {
      cacheDir: null,
      installTimeoutMs: 120_000,
      npmCommand: 'npm',
      platform: process.platform,
      arch: process.arch,
      ...options,
    };
  }

  /** The module, or a sentence saying why DuckDB cannot be used. */
  load(): Promise<DuckDbModule | string> {
    this.module ??= this.find();
    return this.module;
  }

  private where(): string {
    return `${this.options.platform}/${this.options.arch}`;
  }

  private resolveFrom(dir: string): string | null {
    try {
      return createRequire(path.join(dir, 'noop.js')).resolve(PACKAGE);
    } catch {
      return null;
    }
  }

  private async find(): Promise<DuckDbModule | string> {
    let entry: string | null = null;
    for (const dir of this.options.searchPaths) {
      entry = this.resolveFrom(dir);
      if (entry) break;
    }
    if (!entry && this.options.cacheDir !== null) {
      entry = this.resolveFrom(this.options.cacheDir);
      if (!entry) {
        const problem = await this.install(this.options.cacheDir);
        if (problem) return problem;
        entry = this.resolveFrom(this.options.cacheDir);
      }
    }
    if (!entry) {
      return `DuckDB (${PACKAGE}) is not installed and could not be installed on ${this.where()}`;
    }
    try {
      // webpackIgnore keeps ncc from bundling DuckDB: it must stay a real run-time import.
      return (await import(/* webpackIgnore: true */ pathToFileURL(entry).href)) as DuckDbModule;
    } catch (error) {
      return `DuckDB could not be loaded on ${this.where()} (${(error as Error).message.split('\n')[0]})`;
    }
  }

  private install(prefix: string): Promise<string | null> {
    // Short retry backoff: npm's default (2 retries, 10–60 s waits) keeps an offline runner waiting ~75 s.
    const args = [
      'install',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--prefer-offline',
      '--fetch-retries=2',
      '--fetch-retry-mintimeout=1000',
      '--fetch-retry-maxtimeout=4000',
      '--loglevel=error',
      `${PACKAGE}@${DUCKDB_NODE_API_VERSION}`,
    ];
    return new Promise((resolve) => {
      let settled = false;
      let stderr = '';
      const done = (problem: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(problem);
      };
      const child = spawn(this.options.npmCommand, args, {
        stdio: ['ignore', 'ignore', 'pipe'],
        shell: this.options.platform === 'win32',
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done(
          `installing DuckDB timed out after ${this.options.installTimeoutMs} ms on ${this.where()} (offline runner?)`,
        );
      }, this.options.installTimeoutMs);
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 2000) stderr += chunk.toString('utf8');
      });
      child.on('error', (error) =>
        done(
          `installing DuckDB failed on ${this.where()}: ${this.options.npmCommand} could not be started (${(error as NodeJS.ErrnoException).code ?? error.message})`,
        ),
      );
      child.on('close', (code) =>
        done(
          code === 0
            ? null
            : `installing DuckDB failed on ${this.where()} (npm exit ${code}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''})`,
        ),
      );
    });
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
