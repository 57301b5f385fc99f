import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbLoader, type InstallStore } from '../../src/duckdb/loader.js';
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

  describe('with a store that keeps installs across processes', () => {
    /** An npm that records its calls and installs by copying this repository's DuckDB packages. */
    function copyingNpm(): { command: string; calls: () => string[] } {
      const dir = tempDir('cg-fake-npm-');
      const log = path.join(dir, 'calls.log');
      writeFileSync(log, '');
      const modules = path.join(REPO, 'node_modules');
      writeFileSync(
        path.join(dir, 'npm'),
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
      chmodSync(path.join(dir, 'npm'), 0o755);
      return {
        command: path.join(dir, 'npm'),
        calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
      };
    }

    /** Restores what `fill` puts into the directory (nothing: a miss) and records what it is told. */
    function store(fill: ((dir: string) => void) | null) {
      const events: string[] = [];
      const kept: InstallStore = {
        restore: async (dir) => {
          events.push('restore');
          if (!fill) return false;
          fill(dir);
          return true;
        },
        installed: (dir) => events.push(`installed ${path.basename(dir)}`),
      };
      return { kept, events };
    }

    it('a miss installs, then tells the store once; a present install is neither restored nor installed', async () => {
      const npm = copyingNpm();
      const cacheDir = path.join(tempDir('cg-duck-cache-'), 'duckdb');
      const { kept, events } = store(null);
      const options = {
        searchPaths: [tempDir('cg-no-modules-')],
        cacheDir,
        npmCommand: npm.command,
        store: kept,
      };
      expect(typeof (await new DuckDbLoader(options).load())).toBe('object');
      expect(events).toEqual(['restore', 'installed duckdb']);
      expect(npm.calls()).toHaveLength(1);
      expect(typeof (await new DuckDbLoader(options).load())).toBe('object');
      expect(events).toEqual(['restore', 'installed duckdb']);
      expect(npm.calls()).toHaveLength(1);
    });

    it('a restored install is used without npm and is not saved again', async () => {
      const npm = copyingNpm();
      const cacheDir = path.join(tempDir('cg-duck-cache-'), 'duckdb');
      const { kept, events } = store((dir) => {
        mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
        cpSync(path.join(REPO, 'node_modules/@duckdb'), path.join(dir, 'node_modules/@duckdb'), {
          recursive: true,
        });
        cpSync(path.join(REPO, 'node_modules/detect-libc'), path.join(dir, 'node_modules/detect-libc'), {
          recursive: true,
        });
      });
      const loader = new DuckDbLoader({ searchPaths: [], cacheDir, npmCommand: npm.command, store: kept });
      expect(typeof (await loader.load())).toBe('object');
      expect(events).toEqual(['restore']);
      expect(npm.calls()).toEqual([]);
    });

    it('a restored install that does not load is replaced by a fresh one, which the store keeps', async () => {
      const npm = copyingNpm();
      const cacheDir = path.join(tempDir('cg-duck-cache-'), 'duckdb');
      const { kept, events } = store((dir) => {
        const pkg = path.join(dir, 'node_modules/@duckdb/node-api');
        mkdirSync(path.join(pkg, 'lib'), { recursive: true });
        writeFileSync(path.join(pkg, 'package.json'), '{"name":"@duckdb/node-api","main":"lib/index.js"}');
        writeFileSync(path.join(pkg, 'lib/index.js'), "throw new Error('truncated archive');\n");
      });
      const loader = new DuckDbLoader({ searchPaths: [], cacheDir, npmCommand: npm.command, store: kept });
      const module = await loader.load();
      expect(typeof module, String(module)).toBe('object');
      expect(events).toEqual(['restore', 'installed duckdb']);
      expect(npm.calls()).toHaveLength(1);
    });
  });
});
