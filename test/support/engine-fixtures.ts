import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbLedgerReader } from '../../src/contexta/ledger.js';
import { readEvidence } from '../../src/contexta/read.js';
import type { Evidence } from '../../src/evidence/model.js';
import { type GateConfig, parseConfig } from '../../src/gates/config.js';

export const SCENARIOS = [
  'tabular-improves',
  'slice-regression',
  'incomplete-evidence',
  'deployment-promotion',
  'llm-eval',
  'noisy-small-diff',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const WINE = 'fixtures/contexta/quickstart/.contexta/wine-quality-clf';
export const CNN = 'fixtures/contexta/quickstart/.contexta/cnn-image-clf';

export function scenarioPath(name: Scenario, side: 'baseline' | 'candidate'): string {
  return `fixtures/scenarios/${name}/${side}/.contexta`;
}

export async function scenarioRuns(name: Scenario): Promise<{ baseline_run: string; candidate_run: string }> {
  return JSON.parse(await readFile(`fixtures/scenarios/${name}/runs.json`, 'utf8'));
}

/** The real DuckDB ledger reader, loading `@duckdb/node-api` from this repository (never installing). */
export const LEDGER = new DuckDbLedgerReader({ searchPaths: [process.cwd()] });

const cache = new Map<string, Promise<Evidence>>();

/**
 * Evidence read once per path per test file, without the ledger (statuses unknown) unless a test asks:
 * DuckDB adds a few hundred milliseconds per workspace. Tests must not mutate it.
 */
export function evidence(path: string, options: { ledger?: boolean } = {}): Promise<Evidence> {
  const id = `${options.ledger ? 'ledger:' : ''}${path}`;
  let read = cache.get(id);
  if (!read) {
    read = readEvidence(path, { ledger: options.ledger ? LEDGER : null });
    cache.set(id, read);
  }
  return read;
}

export async function loadConfig(text: string): Promise<GateConfig> {
  const parsed = parseConfig(text, 'test-config.yml');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.config;
}

export async function referenceConfig(): Promise<GateConfig> {
  return loadConfig(await readFile('fixtures/reference-policy.yml', 'utf8'));
}

/**
 * A copy of a workspace reduced to its capture cache: what a job that only used the SDK's runtime API
 * leaves behind. Returns the copy's path and a cleanup function.
 */
export async function cacheOnlyCopy(
  workspace: string,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gate-cache-only-'));
  const path = join(dir, '.contexta');
  await cp(join(workspace, 'cache'), join(path, 'cache'), { recursive: true });
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
