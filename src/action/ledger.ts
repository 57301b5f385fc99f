/**
 * How the action gets DuckDB for reading ledgers: from a node_modules next to the bundle when there
 * is one (a checkout of this repository), else installed once per job into RUNNER_TEMP at the pinned
 * version, with a time limit so offline runners end up with "statuses unavailable", not a hang.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbLedgerReader, type LedgerReader } from '../evidence/ledger.js';

export function createLedgerReader(runnerTemp: string | null): LedgerReader {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return new DuckDbLedgerReader({
    searchPaths: [here, process.cwd()],
    cacheDir: runnerTemp ? path.join(runnerTemp, 'contexta-gate-duckdb') : null,
    installTimeoutMs: 120_000,
  });
}
