/**
 * An `npm` for tests of the DuckDB install: it records its calls and installs by copying this
 * repository's DuckDB packages into `--prefix`, so no test reaches the registry.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './evidence.js';

const REPO = path.resolve(import.meta.dirname, '../..');

export interface FakeNpm {
  /** The folder holding `npm`, to put first on PATH. */
  dir: string;
  command: string;
  log: string;
  calls(): string[];
  /** Forgets the calls so far. */
  reset(): void;
}

export function copyingNpm(): FakeNpm {
  const dir = tempDir('cg-fake-npm-');
  const log = path.join(dir, 'calls.log');
  writeFileSync(log, '');
  const modules = path.join(REPO, 'node_modules');
  const command = path.join(dir, 'npm');
  writeFileSync(
    command,
    [
      '#!/bin/sh',
      `echo "$*" >> '${log}'`,
      'prefix=""',
      'while [ $# -gt 0 ]; do [ "$1" = "--prefix" ] && prefix="$2"; shift; done',
      'mkdir -p "$prefix/node_modules/@duckdb"',
      `cp -R '${modules}/@duckdb/'node-* "$prefix/node_modules/@duckdb/"`,
      `cp -R '${modules}/detect-libc' "$prefix/node_modules/"`,
      '',
    ].join('\n'),
  );
  chmodSync(command, 0o755);
  return {
    dir,
    command,
    log,
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    reset: () => writeFileSync(log, ''),
  };
}
