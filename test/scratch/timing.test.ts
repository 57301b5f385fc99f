import { test } from 'vitest';
import { evaluateGate } from '../../src/engine.js';
import { readEvidence } from '../../src/evidence/read.js';
import { LEDGER, referenceConfig, scenarioPath } from '../support/engine-fixtures.js';

test('t', async () => {
  const config = await referenceConfig();
  for (const s of ['llm-eval', 'slice-regression'] as const) {
    let t = performance.now();
    const b = await readEvidence(scenarioPath(s, 'baseline'), { ledger: LEDGER });
    const c = await readEvidence(scenarioPath(s, 'candidate'), { ledger: LEDGER });
    console.log(s, 'read', performance.now() - t);
    t = performance.now();
    const r = evaluateGate({ baseline: b, candidate: c, config });
    console.log(s, 'eval', performance.now() - t, r.verdict);
    t = performance.now();
    await readEvidence(scenarioPath(s, 'baseline'));
    console.log(s, 'read no ledger', performance.now() - t);
  }
});
