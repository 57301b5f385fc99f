import { test } from 'vitest';
import { evaluateGate } from '../../src/engine.js';
import { DEFAULT_CONFIG } from '../../src/gates/config.js';
import { readMetalab } from '../../src/metalab/read.js';

test('t', async () => {
  const e = await readMetalab('fixtures/metalab/edge');
  const r = e.projects[0]!.runs[0]!;
  console.log(
    r.runMetrics
      .map((m) => `${m.key} ${m.latest.value} nf=${m.nonFinite} steps=${JSON.stringify(m.steps)}`)
      .join('\n'),
  );
  console.log(e.gaps.map((g) => `${g.severity} ${g.code} ${g.message}`).join('\n'));
  const rep = evaluateGate({ baseline: e, candidate: e, config: DEFAULT_CONFIG });
  console.log(
    rep.verdict,
    rep.comparisons[0]!.metrics.map((m) => `${m.key} ${m.status} ${m.reason}`).join('\n'),
  );
});
