import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/contexta/read.js';
import { SKIPPING_CODES } from '../../src/evidence/gaps.js';
import { allRuns, FIXTURES, removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

const WINE_RECORDS = path.join(FIXTURES, 'contexta/quickstart/.contexta/wine-quality-clf/records');
const SEGMENT_LINES = readFileSync(path.join(WINE_RECORDS, 'segments/segment-000001.jsonl'), 'utf8')
  .split('\n')
  .slice(0, -1);
const CAPTURE_LINES = readFileSync(
  path.join(FIXTURES, 'contexta/generated/runtime-demo/.contexta/cache/capture/record.jsonl'),
  'utf8',
)
  .split('\n')
  .slice(0, -1);

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
    { maxLength: 5 },
  ),
  duplicates: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
  truncateAt: fc.option(fc.nat(), { nil: null }),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Duplicates lines, inserts garbage lines, then cuts the bytes at a random point. */
function damage(original: string[], m: Mutation): Buffer {
  const lines = [...original];
  for (const [from, to] of m.duplicates)
    lines.splice(to % (lines.length + 1), 0, lines[from % lines.length]!);
  for (const [at, text] of m.garbage) lines.splice(at % (lines.length + 1), 0, text);
  const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  return m.truncateAt === null ? bytes : bytes.subarray(0, m.truncateAt % (bytes.length + 1));
}

/** Folded records plus the lines that skipping gaps stand for. */
async function accountedLines(root: string): Promise<number> {
  const ev = await readEvidence(root);
  const folded = allRuns(ev).reduce((n, r) => n + r.recordCount, 0);
  const gapped = ev.gaps.filter((g) => SKIPPING_CODES.has(g.code)).reduce((n, g) => n + (g.count ?? 1), 0);
  return folded + gapped;
}

describe('reading randomly damaged copies of real evidence files', () => {
  it('segment file: never throws, and every non-blank line is folded or accounted for by a gap', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = damage(SEGMENT_LINES, m);
        const root = path.join(tempDir('cg-prop-'), 'records');
        mkdirSync(path.join(root, 'segments'), { recursive: true });
        copyFileSync(path.join(WINE_RECORDS, 'manifest.json'), path.join(root, 'manifest.json'));
        writeFileSync(path.join(root, 'segments/segment-000001.jsonl'), bytes);
        expect(await accountedLines(root)).toBe(nonBlankLines(bytes));
      }),
      { numRuns: 50 },
    );
  });

  it('capture cache record file: the same holds', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = damage(CAPTURE_LINES, m);
        const root = path.join(tempDir('cg-prop-'), '.contexta');
        mkdirSync(path.join(root, 'cache/capture'), { recursive: true });
        writeFileSync(path.join(root, 'cache/capture/record.jsonl'), bytes);
        expect(await accountedLines(root)).toBe(nonBlankLines(bytes));
      }),
      { numRuns: 25 },
    );
  });
});
