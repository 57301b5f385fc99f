/**
 * The reference policy through the CLI, on every scenario: the verdict and exit code each README
 * states, from the full workspaces (ledger read with DuckDB) and from copies reduced to the capture
 * cache (what a job using only the SDK's runtime API leaves).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import { cacheOnlyCopy, LEDGER, SCENARIOS, type Scenario, scenarioPath } from '../support/engine-fixtures.js';

const EXPECTED: Record<Scenario, { verdict: string; code: number; failing: string[] }> = {
  'tabular-improves': { verdict: 'pass', code: 0, failing: [] },
  'slice-regression': { verdict: 'fail', code: 1, failing: ['slice floor'] },
  'incomplete-evidence': { verdict: 'fail', code: 1, failing: ['evidence complete'] },
  'deployment-promotion': { verdict: 'pass', code: 0, failing: [] },
  'llm-eval': { verdict: 'fail', code: 1, failing: ['latency budget'] },
  'noisy-small-diff': { verdict: 'pass', code: 0, failing: [] },
};

async function gate(baseline: string, candidate: string, withLedger: boolean) {
  let stdout = '';
  const code = await compareCommand(
    [
      '--baseline',
      baseline,
      '--candidate',
      candidate,
      '--config',
      'fixtures/reference-policy.yml',
      '--format',
      'json',
    ],
    { stdout: (s) => (stdout += s), stderr: () => undefined, cwd: process.cwd() },
    { ledger: withLedger ? LEDGER : null },
  );
  const report = JSON.parse(stdout) as { verdict: string; gates: { name: string; outcome: string }[] };
  return {
    code,
    verdict: report.verdict,
    failing: report.gates.filter((g) => g.outcome === 'fail').map((g) => g.name),
  };
}

const copies = new Map<string, { path: string; cleanup: () => Promise<void> }>();
beforeAll(async () => {
  for (const scenario of SCENARIOS) {
    for (const side of ['baseline', 'candidate'] as const) {
      copies.set(`${scenario}/${side}`, await cacheOnlyCopy(scenarioPath(scenario, side)));
    }
  }
});
afterAll(async () => {
  for (const copy of copies.values()) await copy.cleanup();
});

describe('contexta-gate compare with the reference policy', () => {
  it.each(SCENARIOS)('%s, full workspaces with the ledger', async (scenario) => {
    const result = await gate(scenarioPath(scenario, 'baseline'), scenarioPath(scenario, 'candidate'), true);
    expect(result).toEqual(EXPECTED[scenario]);
  });

  it.each(SCENARIOS)('%s, capture cache only', async (scenario) => {
    const result = await gate(
      copies.get(`${scenario}/baseline`)!.path,
      copies.get(`${scenario}/candidate`)!.path,
      false,
    );
    expect(result).toEqual(EXPECTED[scenario]);
  });
});
