import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/, lowest first. A file may import from its own folder or from a folder listed
// before its own, never after: that rules out both upward imports and cycles between folders
// (`import type` and re-exports included). docs/architecture.md draws the same order.
const LAYERS = [
  'runtime',
  'format',
  'stats',
  'evidence',
  'zip',
  'duckdb',
  'contexta',
  'metalab',
  'sources',
  'compare',
  'gates',
  'findings',
  'report',
  'engine',
  'github',
  'promote',
  'action',
  'cli',
] as const;
// Files directly under src/ are the bundle entry points: above every folder.
const ROOT = 'entry';

const SRC = resolve(import.meta.dirname, '../../src');
const MAX_LINES = 600;
// Being split (issue 12); an entry here is removed in the commit that splits the file.
const SPLIT_PENDING = new Set(['github/client.ts', 'report/markdown.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? ROOT : parts[0]!;
}

function rank(layer: string): number {
  return layer === ROOT ? LAYERS.length : LAYERS.indexOf(layer as (typeof LAYERS)[number]);
}

// Static imports, `import type`, `export … from` and dynamic `import()` with a relative specifier.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => resolve(dirname(file), match[2]!));
}

const files = sourceFiles(SRC);

describe('src/ layers', () => {
  it('places every top-level folder of src/ in the layer order', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((folder) => rank(folder) < 0)).toEqual([]);
  });

  it('never imports from a higher layer or across a cycle', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const target of relativeImports(file)) {
        const to = layerOf(target);
        if (to !== from && rank(to) > rank(from)) {
          violations.push(`${relative(SRC, file)} (${from}) imports ${relative(SRC, target)} (${to})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('finds the imports it checks (the check cannot pass by reading nothing)', () => {
    const engine = files.find((file) => file.endsWith('engine/engine.ts'))!;
    expect(relativeImports(engine).map(layerOf)).toEqual(expect.arrayContaining(['compare', 'gates']));
  });

  it(`keeps every source file at or under ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({
        file: relative(SRC, file),
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter((entry) => entry.lines > MAX_LINES && !SPLIT_PENDING.has(entry.file));
    expect(long).toEqual([]);
  });
});
