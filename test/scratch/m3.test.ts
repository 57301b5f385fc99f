import { test } from 'vitest';
import { compareRuns } from '../../src/compare/compare.js';
import { selectRunPairs } from '../../src/compare/select.js';
import { readMetalab } from '../../src/metalab/read.js';

test('x', async () => {
  const b = await readMetalab('fixtures/metalab/baseline');
  const c = await readMetalab('fixtures/metalab/candidate');
  for (const p of selectRunPairs(b, c)) {
    if (!p.baseline || !p.candidate) continue;
    const cmp = compareRuns(p, { directions: [], seed: 1, resamples: 100, confidence: 0.95 });
    console.log(
      p.unit,
      cmp.metrics
        .filter((m) => m.change !== 'unchanged')
        .map((m) => `${m.key}@${m.slice} ${m.baseline}->${m.candidate} ${m.change}`)
        .join('; '),
    );
  }
});
