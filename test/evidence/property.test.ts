import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SKIPPING_CODES } from '../../src/evidence/gaps.js';
import { readEvidence } from '../../src/evidence/read.js';
import { allRuns, FIXTURES, removeTempDirs, tempDir } from '../helpers/evidence.js';

afterAll(removeTempDirs);

const WINE_RECORDS = path.join(FIXTURES, 'contexta/quickstart/.contexta/wine-quality-clf/records');
const ORIGINAL = readFileSync(path.join(WINE_RECORDS, 'segments/segment-000001.jsonl'));
const LINES = ORIGINAL.toString('utf8').split('\n').slice(0, -1);

function nonBlankLines(bytes: Buffer): number {
  let count = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (bytes.subarray(start, end).toString('utf8').trim() !== '') count += 1;
    start = end + 1;
  }
  return count;
}

const mutation = fc.record({
  garbage: fc.array(
    fc.tuple(
      fc.nat(),
      fc.string({ unit: 'binary', maxLength: 80 }).map((s) => s.replaceAll('\n', ' ')),
    ),
    {
      maxLength: 5,
    },
  ),
  duplicates: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
  truncateAt: fc.option(fc.nat(), { nil: null }),
});

describe('reading randomly damaged copies of a real segment file', () => {
  it('never throws, and every non-blank line is folded or accounted for by a gap', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async ({ garbage, duplicates, truncateAt }) => {
        const lines = [...LINES];
        for (const [from, to] of duplicates)
          lines.splice(to % (lines.length + 1), 0, lines[from % lines.length]!);
        for (const [at, text] of garbage) lines.splice(at % (lines.length + 1), 0, text);
        let bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
        if (truncateAt !== null) bytes = bytes.subarray(0, truncateAt % (bytes.length + 1));
        const root = path.join(tempDir('cg-prop-'), 'records');
        mkdirSync(path.join(root, 'segments'), { recursive: true });
        copyFileSync(path.join(WINE_RECORDS, 'manifest.json'), path.join(root, 'manifest.json'));
        writeFileSync(path.join(root, 'segments/segment-000001.jsonl'), bytes);

        const ev = await readEvidence(root);
        const folded = allRuns(ev).reduce((n, r) => n + r.recordCount, 0);
        const gapped = ev.gaps
          .filter((g) => SKIPPING_CODES.has(g.code))
          .reduce((n, g) => n + (g.count ?? 1), 0);
        expect(folded + gapped).toBe(nonBlankLines(bytes));
      }),
      { numRuns: 80 },
    );
  });
});
