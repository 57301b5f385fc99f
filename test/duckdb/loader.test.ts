import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbLoader } from '../../src/duckdb/loader.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

const REPO = path.resolve(import.meta.dirname, '../..');

describe('DuckDB loader', () => {
  it('finds the devDependency through a search path and imports it once', async () => {
    const loader = new DuckDbLoader({ searchPaths: [tempDir('cg-no-modules-'), REPO] });
    const module = await loader.load();
    expect(typeof module).toBe('object');
    expect(typeof (module as { DuckDBInstance: { create: unknown } }).DuckDBInstance.create).toBe('function');
    expect(await loader.load()).toBe(module);
  });

  it('a failing npm install is a sentence naming platform/arch and npm’s first error line', async () => {
    const fakeNpm = path.join(tempDir('cg-fake-npm-'), 'npm');
    writeFileSync(fakeNpm, '#!/bin/sh\necho "npm ERR! network unreachable" >&2\nexit 1\n');
    chmodSync(fakeNpm, 0o755);
    const loader = new DuckDbLoader({
      searchPaths: [tempDir('cg-no-modules-')],
      cacheDir: tempDir('cg-duck-cache-'),
      npmCommand: fakeNpm,
      installTimeoutMs: 20_000,
    });
    expect(await loader.load()).toBe(
      `installing DuckDB failed on ${process.platform}/${process.arch} (npm exit 1: npm ERR! network unreachable)`,
    );
  });

  it('an npm that cannot be started, or no cache dir at all, is a sentence too', async () => {
    const empty = tempDir('cg-no-modules-');
    const missingNpm = new DuckDbLoader({
      searchPaths: [empty],
      cacheDir: tempDir('cg-duck-cache-'),
      npmCommand: path.join(empty, 'no-such-npm'),
    });
    expect(await missingNpm.load()).toMatch(/could not be started \(ENOENT\)$/);
    const noInstall = new DuckDbLoader({ searchPaths: [empty], cacheDir: null });
    expect(await noInstall.load()).toBe(
      `DuckDB (@duckdb/node-api) is not installed and could not be installed on ${process.platform}/${process.arch}`,
    );
  });
});
