import { test } from 'vitest';
import { readMetalab } from '../../src/metalab/read.js';

test('x', async () => {
  const c = await readMetalab('fixtures/metalab/candidate');
  const r = c.projects[0]!.runs.find((x) => x.name.includes('0.1') && x.name.includes('mlp'))!;
  console.log(
    r.name,
    r.runMetrics.map((m) => `${m.key}@${m.slice}=${m.latest.value} [${m.replicates}]`).join('\n'),
  );
  console.log(JSON.stringify(r.metalab), r.artifacts.length, r.stages.length);
});
