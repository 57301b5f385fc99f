/**
 * GateReports from the real engine on the real scenario fixtures under the reference policy. Roots
 * are given relative to the repository (vitest runs there), so rendered paths and snapshots do not
 * depend on where the checkout lives.
 */
import path from 'node:path';
import { type EngineInput, evaluateGate } from '../../src/engine.js';
import { readEvidence } from '../../src/evidence/read.js';
import { loadConfigFile } from '../../src/gates/config.js';
import type { GateConfig } from '../../src/gates/config-types.js';
import type { GateReport } from '../../src/gates/types.js';
import { FIXTURES } from '../helpers/evidence.js';

const REPO = path.resolve(FIXTURES, '..');

export function scenarioRoot(scenario: string, side: 'baseline' | 'candidate'): string {
  return path.relative(REPO, path.join(FIXTURES, 'scenarios', scenario, side, '.contexta'));
}

let policy: Promise<GateConfig> | undefined;

export function referencePolicy(): Promise<GateConfig> {
  policy ??= loadConfigFile(path.join(FIXTURES, 'reference-policy.yml')).then((result) => {
    if (!result.ok) throw new Error(`reference policy does not load: ${JSON.stringify(result.errors)}`);
    return result.config;
  });
  return policy;
}

export async function scenarioReport(
  scenario: string,
  extra: Partial<Pick<EngineInput, 'waivers' | 'context'>> & { withoutBaseline?: boolean } = {},
): Promise<GateReport> {
  if (process.cwd() !== REPO) throw new Error(`run the tests from ${REPO}`);
  const [config, baseline, candidate] = await Promise.all([
    referencePolicy(),
    extra.withoutBaseline ? null : readEvidence(scenarioRoot(scenario, 'baseline')),
    readEvidence(scenarioRoot(scenario, 'candidate')),
  ]);
  return evaluateGate({ baseline, candidate, config, waivers: extra.waivers, context: extra.context });
}
