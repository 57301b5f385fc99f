import { test } from 'vitest';
import { evaluateGate } from '../../src/engine.js';
import { DEFAULT_CONFIG } from '../../src/gates/config.js';
import { readMetalab } from '../../src/metalab/read.js';

test('metalab scratch', async () => {
  const b = await readMetalab('fixtures/metalab/baseline');
  const c = await readMetalab(`fixtures/metalab/${process.env.CAND ?? 'candidate'}`);
  const r = b.projects[0]!.runs[0]!;
  console.log(JSON.stringify({ ...r, stages: r.stages.length }, null, 1).slice(0, 3000));
  const report = evaluateGate({ baseline: b, candidate: c, config: DEFAULT_CONFIG });
  console.log(report.headline);
  for (const g of report.gates)
    console.log(`- ${g.name}: ${g.outcome} — ${g.message}\n   ${g.evidence.join(' | ')}`);
  for (const f of report.findings)
    console.log(`* ${f.severity} ${f.code}: ${f.title}\n   ${f.detail}\n   -> ${f.nextSteps.join(' / ')}`);
  for (const cmp of report.comparisons) {
    console.log(
      cmp.unit,
      cmp.presence,
      cmp.metrics
        .filter((m) => m.change === 'worse')
        .map((m) => `${m.key}@${m.slice}:${m.delta}`)
        .join(' '),
    );
  }
  console.log(c.gaps.map((g) => `${g.severity} ${g.code} ${g.message}`).join('\n'));
});
