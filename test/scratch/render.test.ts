import { test } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';

test('r', async () => {
  const s = process.env.SCEN ?? 'slice-regression';
  let out = '';
  await compareCommand(
    [
      '--baseline',
      `fixtures/scenarios/${s}/baseline/.contexta`,
      '--candidate',
      `fixtures/scenarios/${s}/candidate/.contexta`,
      '--config',
      'fixtures/reference-policy.yml',
      '--format',
      process.env.FMT ?? 'markdown',
    ],
    { stdout: (x) => (out += x), stderr: (x) => (out += x), cwd: process.cwd() },
    { ledger: null },
  );
  console.log(out);
});
