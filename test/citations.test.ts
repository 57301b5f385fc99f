import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The shared research notes are not part of a checkout: citations go to the copies in docs/reference/.
const SHARED_NOTES = [
  'contexta-format',
  'metalab-store-format',
  'duckdb-in-node',
  'github-platform',
  'design-notes',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === '__snapshots__' || name === 'reference' ? [] : files(path);
    return /\.(ts|mjs|md)$/.test(name) ? [path] : [];
  });
}

const citing = [...['src', 'test', 'scripts', 'docs'].flatMap(files), 'README.md'];

describe('document citations', () => {
  it('name a notes file only by its copy under docs/reference/, and that copy exists', () => {
    const cite = new RegExp(`(\\S*?)\\b(${SHARED_NOTES.join('|')})\\.md`, 'g');
    const wrong: string[] = [];
    for (const file of citing) {
      for (const match of readFileSync(file, 'utf8').matchAll(cite)) {
        const cited = `docs/reference/${match[2]}.md`;
        if (!match[1]!.endsWith('reference/')) wrong.push(`${file}: ${match[0]}`);
        else if (!existsSync(cited)) wrong.push(`${file}: ${cited} is missing`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
