/**
 * Loading DuckDB (`@duckdb/node-api`), a ~70 MB native engine that is never bundled: found in a
 * node_modules the caller names, or installed once at a pinned version into a cache directory
 * (see docs/adr/0001-duckdb-loading.md). Kept apart from any reader of DuckDB files because it runs
 * `npm install`; the ledger reader and the promotion's ledger row both load DuckDB through it.
 */

import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Pinned so that bindings exist for every GitHub runner platform (docs/reference/duckdb-in-node.md §3.1). */
export const DUCKDB_NODE_API_VERSION = '1.5.5-r.5';
const PACKAGE = '@duckdb/node-api';

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

/**
 * Somewhere that keeps the cache directory's install beyond this process (the action: the Actions
 * cache, so that a job does not pay for `npm install` again). The loader decides when; the caller
 * does the I/O, so this module never talks to a service itself.
 */
export interface InstallStore {
  /** Fills `dir` with a kept install when there is one; resolves false otherwise, never rejects. */
  restore(dir: string): Promise<boolean>;
  /** Told once when a fresh install into `dir` succeeded, so that it can be kept; never throws. */
  installed(dir: string): void;
}

export interface DuckDbLoadOptions {
  /** Directories to resolve `@duckdb/node-api` from, nearest first (Node's node_modules lookup from each). */
  searchPaths: string[];
  /** Where to `npm install` the pinned package when no search path has it; null = never install. */
  cacheDir: string | null;
  /** Asked for a kept install before installing, and told of a fresh one; null = none. */
  store: InstallStore | null;
  /** Hard limit for the install. */
  installTimeoutMs: number;
  /** The npm executable to run. */
  npmCommand: string;
  /** For messages only: where we run. */
  platform: string;
  arch: string;
}

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
      store: null,
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
    for (const dir of this.options.searchPaths) {
      const entry = this.resolveFrom(dir);
      if (entry) return this.importFrom(entry);
    }
    const { cacheDir, store } = this.options;
    if (cacheDir === null) {
      return `DuckDB (${PACKAGE}) is not installed and could not be installed on ${this.where()}`;
    }
    const present = this.resolveFrom(cacheDir);
    if (present) return this.importFrom(present);
    let query = '';
    if (store && (await store.restore(cacheDir))) {
      const restored = this.resolveFrom(cacheDir);
      const module = restored ? await this.importFrom(restored) : null;
      if (typeof module === 'object' && module !== null) return module;
      // A kept install that does not load would break every later job with the same key: start
      // over from the registry, and keep the fresh install instead. The query gives the fresh
      // import its own module-map entry (a failed import stays failed under its URL).
      await rm(cacheDir, { recursive: true, force: true });
      query = '?reinstalled';
    }
    const problem = await this.install(cacheDir);
    if (problem) return problem;
    const installed = this.resolveFrom(cacheDir);
    if (!installed) {
      return `DuckDB (${PACKAGE}) is not installed and could not be installed on ${this.where()}`;
    }
    const module = await this.importFrom(installed, query);
    if (typeof module === 'object') store?.installed(cacheDir);
    return module;
  }

  private async importFrom(entry: string, query = ''): Promise<DuckDbModule | string> {
    try {
      // webpackIgnore keeps ncc from bundling DuckDB: it must stay a real run-time import.
      const url = pathToFileURL(entry).href + query;
      return (await import(/* webpackIgnore: true */ url)) as DuckDbModule;
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
