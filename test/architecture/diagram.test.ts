import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BEGIN, DOC, END, renderDiagram, withDiagram } from '../../scripts/architecture.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'cg-architecture-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeSrc(files: Record<string, string>): string {
  const src = mkdtempSync(join(scratch, 'src-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(src, name, '..'), { recursive: true });
    writeFileSync(join(src, name), text);
  }
  return src;
}

describe('docs/architecture.md', () => {
  it('shows the import graph of the current src/', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(
      withDiagram(doc, renderDiagram()),
      'docs/architecture.md is out of date: run `npm run architecture`',
    ).toBe(doc);
  });
});

describe('renderDiagram', () => {
  it('counts type imports and re-exports, and leaves out layers that have no folder', () => {
    const src = fakeSrc({
      'main.ts': "import { run } from './cli/main.js';\n",
      'cli/main.ts':
        "import type { Gate } from '../gates/types.js';\nexport { open } from '../sources/open.js';\n",
      'gates/types.ts':
        "import { mean } from '../stats/index.js';\nimport type { Evidence } from '../stats/index.js';\n",
      'sources/open.ts': 'export const open = 1;\n',
      'stats/index.ts': 'export const mean = 1;\n',
    });
    expect(renderDiagram(src).split('\n')).toEqual([
      '```mermaid',
      'flowchart TD',
      '  stats["stats"]',
      '  sources["sources"]',
      '  gates["gates"]',
      '  cli["cli"]',
      '  entry["src/*.ts (bundle entries)"]',
      '  entry -->|1| cli',
      '  cli -->|1| gates',
      '  cli -->|1| sources',
      '  gates -->|2| stats',
      '```',
    ]);
  });

  it('names the folders the layer order does not place', () => {
    const src = fakeSrc({ 'stats/index.ts': '', 'widgets/a.ts': '' });
    expect(() => renderDiagram(src)).toThrow(/not in the layer order \(scripts\/layers\.mjs\): widgets/);
  });

  it('replaces only the text between the markers', () => {
    const doc = `intro\n${BEGIN}\nold\n${END}\noutro\n`;
    expect(withDiagram(doc, 'new')).toBe(`intro\n${BEGIN}\nnew\n${END}\noutro\n`);
    expect(() => withDiagram('no markers', 'new')).toThrow(/lacks/);
  });
});
