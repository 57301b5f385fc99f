import { test } from 'vitest';
import { evidence, scenarioPath } from '../support/engine-fixtures.js';

test('x', async () => {
  const e = await evidence(scenarioPath('tabular-improves', 'candidate'), { ledger: true });
  const r = e.projects[0]!.runs[0]!;
  console.log(
    JSON.stringify(r.environment).slice(0, 800),
    r.status,
    r.stages.map((s) => `${s.name}:${s.status}`),
  );
  const b = await evidence(scenarioPath('tabular-improves', 'baseline'), { ledger: true });
  console.log(JSON.stringify(b.projects[0]!.runs[0]!.environment).slice(0, 300));
});
