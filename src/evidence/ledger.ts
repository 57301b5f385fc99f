/**
 * Reading Contexta's metadata ledger (`metadata/ledger.db`, a DuckDB file): the only place run, stage,
 * batch and deployment statuses exist. Behind an interface so the pure reader never decides how
 * DuckDB gets loaded; the default implementation is in `duckdb-ledger.ts`.
 */
export type { LedgerContent, LedgerFailureCode, LedgerResult } from './ledger-rows.js';

import type { LedgerResult } from './ledger-rows.js';

export interface LedgerReader {
  /** Never throws: every failure is a typed `LedgerResult`. */
  read(ledgerPath: string): Promise<LedgerResult>;
}
