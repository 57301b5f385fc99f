import { test } from 'vitest';
import { evaluateGate } from '../../src/engine.js';
import { evidence, referenceConfig, scenarioPath } from '../support/engine-fixtures.js';

test('t', async () => {
  const s = (process.env.SCEN ?? 'deployment-promotion') as 'deployment-promotion';
  const b = await evidence(scenarioPath(s, 'baseline'), { ledger: true });
  const c = await evidence(scenarioPath(s, 'candidate'), { ledger: true });
  console.log(
    JSON.stringify(b.projects[0]!.deployments),
    b.projects[0]!.runs[0]!.status,
    b.projects[0]!.runs[0]!.stages.map((x) => x.status),
  );
  const r = evaluateGate({ baseline: b, candidate: c, config: await referenceConfig() });
  console.log(
    r.headline,
    '\n',
    r.notes.join('\n'),
    r.diagnostics.map((d) => `${d.side} ${d.code} ${d.summary}`).join('\n'),
  );
  for (const g of r.gates) console.log(g.name, g.outcome, g.evidence);
});
