import { readFile } from 'node:fs/promises';
import { test } from 'vitest';
import { evaluateGate } from '../../src/engine.js';
import { readEvidence } from '../../src/evidence/read.js';
import { parseConfig } from '../../src/gates/config.js';

const scenario = process.env.SCEN ?? 'slice-regression';
test('scratch', async () => {
  const parsed = parseConfig(await readFile('fixtures/reference-policy.yml', 'utf8'), 'ref');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const b = await readEvidence(`fixtures/scenarios/${scenario}/baseline/.contexta`);
  const c = await readEvidence(`fixtures/scenarios/${scenario}/candidate/.contexta`);
  const report = evaluateGate({ baseline: b, candidate: c, config: parsed.config });
  const out = process.env.OUT ?? 'summary';
  if (out === 'full') console.log(JSON.stringify(report, null, 1));
  else {
    console.log(report.headline);
    for (const g of report.gates)
      console.log(`- ${g.name}: ${g.outcome} — ${g.message}\n   ${g.evidence.join(' | ')}`);
    for (const f of report.findings)
      console.log(`* ${f.severity} ${f.code}: ${f.title}\n   ${f.detail}\n   -> ${f.nextSteps.join(' / ')}`);
    for (const d of report.diagnostics) console.log(`# ${d.side} ${d.severity} ${d.code}: ${d.summary}`);
    console.log(report.gaps.candidate.map((g) => `${g.severity} ${g.code}: ${g.message}`).join('\n'));
    console.log(report.nextSteps.join('\n'));
  }
});
