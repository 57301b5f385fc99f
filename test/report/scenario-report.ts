/**
 * GateReports from the real engine on the real scenario fixtures under the reference policy. Paths
 * are relative to the repository (vitest runs there), so rendered roots and snapshots do not depend
 * on where the checkout lives.
 */
import { type EngineInput, judgeRuns } from '../../src/engine/engine.js';
import type { GateReport } from '../../src/gates/types.js';
import { evidence, referenceConfig, type Scenario, scenarioPath } from '../support/engine-fixtures.js';

export async function scenarioReport(
  scenario: Scenario,
  extra: Partial<Pick<EngineInput, 'waivers' | 'context'>> & { withoutBaseline?: boolean } = {},
): Promise<GateReport> {
  const [config, baseline, candidate] = await Promise.all([
    referenceConfig(),
    extra.withoutBaseline ? null : evidence(scenarioPath(scenario, 'baseline')),
    evidence(scenarioPath(scenario, 'candidate')),
  ]);
  return judgeRuns({ baseline, candidate, config, waivers: extra.waivers, context: extra.context });
}
