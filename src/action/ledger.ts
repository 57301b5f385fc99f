/**
 * How the action gets DuckDB for ledgers (reading statuses, writing a promotion's row): from a
 * node_modules next to the bundle when there is one (a checkout of this repository), else restored
 * from the Actions cache or installed into RUNNER_TEMP at the pinned version (and then kept in the
 * cache for later runs), with a time limit so offline runners end up with "statuses unavailable",
 * not a hang. One loader per job: DuckDB is imported at most once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbLedgerReader, type LedgerReader } from '../contexta/ledger.js';
import { DuckDbLoader } from '../duckdb/loader.js';
import { createActionsCacheStore } from './duckdb-cache.js';

export function createDuckDbLoader(runnerTemp: string | null): DuckDbLoader {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return new DuckDbLoader({
    searchPaths: [here, process.cwd()],
    cacheDir: runnerTemp ? path.join(runnerTemp, 'contexta-gate-duckdb') : null,
    store: runnerTemp ? createActionsCacheStore() : null,
    installTimeoutMs: 120_000,
  });
}

export function createLedgerReader(loader: DuckDbLoader): LedgerReader {
  return new DuckDbLedgerReader(loader);
}
