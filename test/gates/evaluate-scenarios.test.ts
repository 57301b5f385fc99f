import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/contexta/read.js';
import { judgeRuns } from '../../src/engine/engine.js';
import type { Evidence } from '../../src/evidence/model.js';
import { Phrase } from '../../src/format/phrase.js';
import type { GateConfig } from '../../src/gates/config.js';
import type { GateReport } from '../../src/gates/types.js';
import {
  cacheOnlyCopy,
  LEDGER,
  referenceConfig,
  SCENARIOS,
  type Scenario,
  scenarioPath,
} from '../support/engine-fixtures.js';

type Expectation = (report: GateReport) => void;

const gate = (report: GateReport, name: string) => report.gates.find((g) => g.name === name)!;
const failing = (report: GateReport) => report.gates.filter((g) => g.outcome === 'fail').map((g) => g.name);

// Verdicts and reasons stated in fixtures/scenarios/*/README.md under fixtures/reference-policy.yml.
const EXPECTED: Record<Scenario, Expectation> = {
  'tabular-improves': (report) => {
    expect(report.verdict).toBe('pass');
    expect(report.exit.code).toBe(0);
    expect(
      report.findings.filter((f) => f.code === 'slice_regression' || f.code === 'significant_regression'),
    ).toEqual([]);
  },
  'slice-regression': (report) => {
    expect(report.verdict).toBe('fail');
    expect(report.exit.code).toBe(1);
    expect(failing(report)).toEqual(['slice floor']);
    // The aggregate improves: only the slice gate can see this regression.
    expect(gate(report, 'no significant regression').outcome).toBe('pass');
    const floor = gate(report, 'slice floor');
    expect(floor.worst?.slice).toBe('region-apac');
    expect(floor.checks.filter((c) => c.outcome === 'fail').map((c) => `${c.metric}@${c.slice}`)).toEqual([
      'accuracy@region-apac',
      'auc@region-apac',
      'f1@region-apac',
    ]);
    expect(floor.message).toContain('evaluate/accuracy@region-apac dropped 0.9118 → 0.8235');
    expect(floor.message).toContain('max_drop 0.05');
    expect(report.headline).toMatch(/^FAIL — slice floor: .*region-apac/);
    const finding = report.findings.find((f) => f.code === 'slice_regression')!;
    expect(finding.slice).toBe('region-apac');
    expect(finding.nextSteps[0]!.text).toMatch(
      /^inspect the 3 samples of slice region-apac that newly fail correct: s-\d{4}/,
    );
    // Every name in the step is kept apart from our words, so the comment quotes it as code.
    const names = finding.nextSteps[0]!.parts.filter((p) => typeof p !== 'string');
    expect(names.map((p) => p.name).slice(0, 2)).toEqual(['region-apac', 'correct']);
    expect(names.slice(2).every((p) => /^s-\d{4}$/.test(p.name))).toBe(true);
    expect(
      finding.nextSteps.some((s) => s.text.includes('preprocess/rows.train@region-apac: 746 → 25')),
    ).toBe(true);
  },
  'incomplete-evidence': (report) => {
    expect(report.verdict).toBe('fail');
    expect(failing(report)).toEqual(['evidence complete']);
    const evidence = gate(report, 'evidence complete');
    const tripped = evidence.checks.filter((c) => c.outcome === 'fail').map((c) => c.reason);
    expect(tripped[0]).toMatch(
      /candidate stage evaluate lacks 16 of the baseline's 16 metric series: accuracy, auc, eval\.samples, f1/,
    );
    expect(tripped.some((r) => r.includes('evaluate.summary_metrics_missing'))).toBe(true);
    expect(tripped.some((r) => /2 of \d+ records are not complete/.test(r))).toBe(true);
    // Missing metrics are never read as "no regression".
    expect(gate(report, 'no significant regression').outcome).not.toBe('pass');
    expect(report.findings.some((f) => f.code === 'missing_evidence' && f.severity === 'error')).toBe(true);
  },
  'deployment-promotion': (report) => {
    expect(report.verdict).toBe('pass');
    const floor = gate(report, 'slice floor');
    const us = floor.checks.find((c) => c.metric === 'accuracy' && c.slice === 'region-us')!;
    expect(us.outcome).toBe('pass');
    expect(us.delta!).toBeLessThan(0);
  },
  'llm-eval': (report) => {
    expect(report.verdict).toBe('fail');
    expect(failing(report)).toEqual(['latency budget']);
    const budget = gate(report, 'latency budget');
    expect(budget.worst).toMatchObject({ stage: 'inference', metric: 'latency-ms.p95', direction: 'lower' });
    expect(budget.message).toContain('inference/latency-ms.p95 rose 998.4 → 1,178.6');
    expect(budget.message).toContain('max_increase_pct 10 %');
    const rows = report.comparisons[0]!.metrics;
    expect(rows.find((m) => m.key === 'exact-match' && m.slice === null)!.change).toBe('better');
    const costs = rows.filter((m) => m.key.startsWith('latency-ms') || m.key.startsWith('tokens.'));
    expect(costs.length).toBeGreaterThan(0);
    expect(costs.filter((m) => m.change === 'better')).toEqual([]);
    expect(rows.find((m) => m.key === 'latency-ms.p50')!.change).toBe('worse');
    expect(rows.find((m) => m.key === 'tokens.completion.mean')!.change).toBe('worse');
    expect(rows.find((m) => m.key === 'tokens.prompt.total')!.change).toBe('unchanged');
  },
  'noisy-small-diff': (report) => {
    expect(report.verdict).toBe('pass');
    const overall = gate(report, 'no significant regression').checks.find((c) => c.metric === 'accuracy')!;
    expect(overall.outcome).toBe('pass');
    expect(overall.sampleKey).toBe('correct');
    expect(overall.n).toBe(250);
    // One-sided McNemar mid-p in the worsening direction: the small difference is far from significant.
    expect(overall.test).toBe('mcnemar-mid-p');
    expect(overall.pValue!).toBeGreaterThan(0.2);
    expect(overall.adjustedPValue!).toBeGreaterThanOrEqual(overall.pValue!);
    expect(
      report.findings.filter((f) => f.code === 'slice_regression' || f.code === 'significant_regression'),
    ).toEqual([]);
  },
};

function phraseReadsAsText(a: unknown, b: unknown): boolean | undefined {
  if (a instanceof Phrase && typeof b === 'string') return a.text === b;
  if (b instanceof Phrase && typeof a === 'string') return b.text === a;
  return undefined;
}
expect.addEqualityTesters([phraseReadsAsText]);

let config: GateConfig;
beforeAll(async () => {
  config = await referenceConfig();
});

async function run(baseline: Evidence, candidate: Evidence): Promise<GateReport> {
  const report = judgeRuns({ baseline, candidate, config });
  // The report is plain JSON: what the renderers and --format json emit. A phrase is the one
  // value that is not, by design: it reads as its plain text (the tester below).
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  return report;
}

describe.each(SCENARIOS)('%s under the reference policy', (scenario) => {
  it('full workspaces', async () => {
    const report = await run(
      await readEvidence(scenarioPath(scenario, 'baseline'), { ledger: LEDGER }),
      await readEvidence(scenarioPath(scenario, 'candidate'), { ledger: LEDGER }),
    );
    EXPECTED[scenario](report);
    // The ledger was read: statuses are known, nothing is reported as unknown.
    expect(report.diagnostics.filter((d) => d.code === 'stage_status_unknown')).toEqual([]);
    if (scenario === 'deployment-promotion') {
      expect(report.notes).toContain(
        'baseline run:deployment-promotion.rf-v7 is the run behind the latest completed deployment prod-v1 (deployment:deployment-promotion.prod-v1)',
      );
    }
  });

  describe('capture cache only', () => {
    const copies: { path: string; cleanup: () => Promise<void> }[] = [];
    afterAll(async () => {
      await Promise.all(copies.map((c) => c.cleanup()));
    });
    it('gives the same verdict', async () => {
      const baseline = await cacheOnlyCopy(scenarioPath(scenario, 'baseline'));
      const candidate = await cacheOnlyCopy(scenarioPath(scenario, 'candidate'));
      copies.push(baseline, candidate);
      const b = await readEvidence(baseline.path);
      const c = await readEvidence(candidate.path);
      expect(c.source.workspaces.flatMap((w) => w.layouts)).toEqual(['capture_cache']);
      const report = await run(b, c);
      EXPECTED[scenario](report);
      // Without a ledger, statuses are said to be unknown rather than assumed completed.
      expect(report.diagnostics.filter((d) => d.code === 'stage_status_unknown').map((d) => d.side)).toEqual([
        'baseline',
        'candidate',
      ]);
    });
  });
});
