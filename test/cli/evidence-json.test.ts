import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEvidenceJson } from '../../src/cli/evidence-json.js';
import { readEvidence } from '../../src/contexta/read.js';
import type { Evidence } from '../../src/evidence/model.js';
import { FIXTURES } from '../support/evidence.js';

/** The documented output: JSON.stringify with typed-array columns as plain arrays, then a newline. */
const reference = (evidence: unknown) =>
  `${JSON.stringify(evidence, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v), 2)}\n`;

function streamed(evidence: unknown) {
  const pieces: string[] = [];
  writeEvidenceJson(evidence as Evidence, (text) => pieces.push(text));
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('inspect --json writer', () => {
  it('writes the same bytes as JSON.stringify for a real workspace', async () => {
    const evidence = await readEvidence(path.join(FIXTURES, 'scenarios/llm-eval/candidate'), {
      ledger: null,
    });
    expect(streamed(evidence).text).toBe(reference(evidence));
  });

  it('streams long columns and name lists in pieces, laid out exactly as JSON.stringify would', () => {
    const names = Array.from({ length: 70_000 }, (_, i) => `s-${i}"\\`);
    const doc = {
      top: new Float64Array([1.5, -0, 2]),
      nested: {
        series: [
          {
            names,
            values: Float64Array.from(names, (_, i) => i / 7),
            slices: new Int32Array(0),
            mixed: Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? 'x' : i)),
            objects: Array.from({ length: 300 }, (_, i) => ({ i })),
          },
        ],
        matrix: [Array.from({ length: 400 }, (_, i) => i), []],
      },
      text: 'cg-streamed-array-0',
    };
    const { text, pieces } = streamed(doc);
    expect(text).toBe(reference(doc));
    expect(pieces).toBeGreaterThan(10);
  });
});
