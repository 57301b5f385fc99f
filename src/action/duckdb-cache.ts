/**
 * Keeps the job's DuckDB install (the pinned `@duckdb/node-api` that the loader puts into
 * RUNNER_TEMP with `npm install`, 3–10 s and ~70 MB) in the Actions cache across workflow runs, so
 * that only the first job after a version or runner-image change pays for it. Caching only saves
 * time: a miss, a cache service that is down or refuses (4xx/5xx), or a save that fails is a log
 * line, and the loader installs as it did before. `@actions/cache` is imported only when a ledger
 * actually needs DuckDB, so jobs without one neither load it nor talk to the service.
 */
import * as core from '@actions/core';
import { DUCKDB_NODE_API_VERSION, type InstallStore } from '../duckdb/loader.js';

export interface BindingPlatform {
  platform: string;
  arch: string;
  /** `glibc` or `musl` on Linux (the prebuilt binding needs one), '' elsewhere. */
  libc: string;
  /** `process.versions.modules`: the binding is N-API, but npm resolves it per Node major. */
  nodeAbi: string;
}

/** One entry per pinned version and per platform the native binding was built for. */
export function duckDbCacheKey(target: BindingPlatform): string {
  const libc = target.libc ? `-${target.libc}` : '';
  return `contexta-gate-duckdb-${DUCKDB_NODE_API_VERSION}-${target.platform}-${target.arch}${libc}-node-abi${target.nodeAbi}`;
}

export function currentBindingPlatform(): BindingPlatform {
  let libc = '';
  if (process.platform === 'linux') {
    const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
    libc = report.header?.glibcVersionRuntime ? 'glibc' : 'musl';
  }
  return { platform: process.platform, arch: process.arch, libc, nodeAbi: process.versions.modules };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export class ActionsCacheStore implements InstallStore {
  private saving: Promise<void> | null = null;
  private usable = false;
  private installStartedAt = 0;
  private cacheKey: string | null = null;

  /** Computed on first use: reading the libc costs a process report, which most jobs never need. */
  get key(): string {
    this.cacheKey ??= duckDbCacheKey(currentBindingPlatform());
    return this.cacheKey;
  }

  async restore(dir: string): Promise<boolean> {
    const started = performance.now();
    try {
      const cache = await import('@actions/cache');
      this.usable = cache.isFeatureAvailable();
      if (!this.usable) {
        core.info(
          'contexta/gate: the Actions cache is not available to this job (no cache service URL): installing DuckDB with npm',
        );
      } else {
        const hit = await cache.restoreCache([dir], this.key);
        if (hit !== undefined) {
          core.info(
            `contexta/gate: DuckDB restored from the Actions cache (key ${hit}) in ${seconds(performance.now() - started)}`,
          );
          return true;
        }
        core.info(
          `contexta/gate: DuckDB was not restored from the Actions cache (key ${this.key}): installing @duckdb/node-api@${DUCKDB_NODE_API_VERSION} with npm`,
        );
      }
    } catch (error) {
      core.warning(
        `contexta/gate: the Actions cache failed (${(error as Error).message}): installing DuckDB with npm`,
      );
    }
    this.installStartedAt = performance.now();
    return false;
  }

  installed(dir: string): void {
    core.info(`contexta/gate: DuckDB installed in ${seconds(performance.now() - this.installStartedAt)}`);
    if (this.usable) this.saving ??= this.save(dir);
  }

  private async save(dir: string): Promise<void> {
    const started = performance.now();
    try {
      const cache = await import('@actions/cache');
      const id = await cache.saveCache([dir], this.key);
      if (id === -1) {
        core.info(
          `contexta/gate: DuckDB was not saved to the Actions cache (key ${this.key}); the cache said why just above`,
        );
      } else {
        core.info(
          `contexta/gate: DuckDB saved to the Actions cache (key ${this.key}) in ${seconds(performance.now() - started)}`,
        );
      }
    } catch (error) {
      core.warning(
        `contexta/gate: saving DuckDB to the Actions cache failed (${(error as Error).message}): the next job installs it again`,
      );
    }
  }

  /** Resolves once a save this store started has ended (it never rejects). */
  async settled(): Promise<void> {
    await this.saving;
  }
}

const stores: ActionsCacheStore[] = [];

/** A store for this job; every one made is waited for by `settleDuckDbCaches`. */
export function createActionsCacheStore(): ActionsCacheStore {
  const store = new ActionsCacheStore();
  stores.push(store);
  return store;
}

/** The save runs beside the gate's own work; the step must not end before it has. */
export async function settleDuckDbCaches(): Promise<void> {
  await Promise.all(stores.map((store) => store.settled()));
}
