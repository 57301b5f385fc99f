// The layers of src/ and the folder-level import graph between them: one definition read by the
// layer test (test/architecture/layers.test.ts), the diagram generator (scripts/architecture.mjs)
// and the test that keeps docs/architecture.md in step with the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Lowest first. A file may import from its own folder or from a folder listed before its own, never
// after: that rules out both upward imports and cycles between folders (`import type` and re-exports
// included).
export const LAYERS = [
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
];

// Files directly under src/ are the bundle entry points: above every folder.
export const ENTRY = 'entry';

export const SRC = resolve(import.meta.dirname, '../src');

export function sourceFiles(dir = SRC) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folders of src/, in directory order. */
export function topFolders(src = SRC) {
  return readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
}

export function layerOf(file, { src = SRC } = {}) {
  const parts = relative(src, file).split('/');
  return parts.length === 1 ? ENTRY : parts[0];
}

/** Position in the layer order; the entry files rank above every folder, an unknown folder is -1. */
export function rank(layer) {
  return layer === ENTRY ? LAYERS.length : LAYERS.indexOf(layer);
}

// Static imports, `import type`, `export … from` and dynamic `import()` with a relative specifier.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

/** The absolute paths a source file imports from, relative specifiers only. */
export function relativeImports(file) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => resolve(dirname(file), match[2]));
}

/** Import statements between different layers, counted per `from → to` pair. */
export function layerEdges(src = SRC) {
  const counts = new Map();
  for (const file of sourceFiles(src)) {
    const from = layerOf(file, { src });
    for (const target of relativeImports(file)) {
      const to = layerOf(target, { src });
      if (to === from) continue;
      const key = `${from}\u0000${to}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => {
    const [from, to] = key.split('\u0000');
    return { from, to, count };
  });
}
