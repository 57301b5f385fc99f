import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerOf, rank, relativeImports, SRC, sourceFiles, topFolders } from '../../scripts/layers.mjs';

// The order itself lives in scripts/layers.mjs, which docs/architecture.md's diagram is drawn from.
const MAX_LINES = 600;

const files = sourceFiles(SRC);

describe('src/ layers', () => {
  it('places every top-level folder of src/ in the layer order', () => {
    expect(topFolders().filter((folder) => rank(folder) < 0)).toEqual([]);
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
    expect(relativeImports(engine).map((target) => layerOf(target))).toEqual(
      expect.arrayContaining(['compare', 'gates']),
    );
  });

  it(`keeps every source file at or under ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({
        file: relative(SRC, file),
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter((entry) => entry.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
