import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/compare.js';
import { selectRunPairs } from '../../src/compare/select.js';
import type { RunComparison } from '../../src/compare/types.js';
import { evidence, type Scenario, scenarioPath } from '../support/engine-fixtures.js';

const OPTIONS = { directions: [], seed: 7, resamples: 500, confidence: 0.95 };

async function compareScenario(name: Scenario): Promise<RunComparison> {
  const baseline = await evidence(scenarioPath(name, 'baseline'));
  const candidate = await evidence(scenarioPath(name, 'candidate'));
  const [pair] = selectRunPairs(baseline, candidate);
  return compareRuns(pair!, OPTIONS);
}

function samples(comparison: RunComparison, key: string) {
  return comparison.samples.find((s) => s.stage === 'evaluate' && s.key === key)!;
}

describe('per-sample comparison on the scenario fixtures', () => {
  it('noisy-small-diff: McNemar on `correct` has 5 newly failing, 4 newly passing, p = 1', async () => {
    const correct = samples(await compareScenario('noisy-small-diff'), 'correct');
    expect(correct.kind).toBe('binary');
    expect(correct.overall.paired).toBe(250);
    expect(correct.overall.test).toMatchObject({
      method: 'mcnemar-exact',
      discordantWorse: 5,
      discordantBetter: 4,
    });
    expect(correct.overall.test!.pValue).toBeCloseTo(1, 12);
    expect(correct.overall.binary!.newlyFailing.count).toBe(5);
    expect(correct.overall.binary!.newlyPassing.count).toBe(4);
    // README: overall accuracy 0.808 → 0.804, one sample apart.
    expect(correct.overall.binary!.baselineRate).toBeCloseTo(0.808, 10);
    expect(correct.overall.binary!.candidateRate).toBeCloseTo(0.804, 10);
    expect(correct.slices.map((g) => [g.slice, g.paired])).toEqual([
      ['region-apac', 63],
      ['region-eu', 102],
      ['region-us', 85],
    ]);
  });

  it('slice-regression: region-apac goes from 31/34 to 28/34 correct, with the newly failing samples named', async () => {
    const correct = samples(await compareScenario('slice-regression'), 'correct');
    const apac = correct.slices.find((g) => g.slice === 'region-apac')!;
    expect(apac.paired).toBe(34);
    expect(apac.binary!.baselineRate * 34).toBeCloseTo(31, 9);
    expect(apac.binary!.candidateRate * 34).toBeCloseTo(28, 9);
    const { newlyFailing, newlyPassing } = apac.binary!;
    expect(newlyFailing.count - newlyPassing.count).toBe(3);
    expect(newlyFailing.names).toHaveLength(newlyFailing.count);
    expect(newlyFailing.names.every((n) => /^s-\d{4}$/.test(n))).toBe(true);
    expect(apac.test!.pValue).toBeGreaterThan(0.05);
  });

  it('links accuracy to `correct` overall and per slice, and leaves f1/auc without sample evidence', async () => {
    const comparison = await compareScenario('tabular-improves');
    const link = (key: string, slice: string | null) =>
      comparison.metrics.find((m) => m.stage === 'evaluate' && m.key === key && m.slice === slice)!
        .sampleLink;
    expect(link('accuracy', null)).toEqual({ stage: 'evaluate', key: 'correct', source: 'auto' });
    expect(link('accuracy', 'region-apac')).toEqual({ stage: 'evaluate', key: 'correct', source: 'auto' });
    expect(link('auc', null)).toBeNull();
    expect(link('auc', 'region-eu')).toBeNull();
  });

  it('llm-eval: links exact-match to `pass`, bootstraps continuous keys reproducibly', async () => {
    const comparison = await compareScenario('llm-eval');
    const exact = comparison.metrics.find((m) => m.key === 'exact-match' && m.slice === null)!;
    expect(exact.sampleLink?.key).toBe('pass');
    const latency = samples(comparison, 'latency-ms');
    expect(latency.kind).toBe('continuous');
    expect(latency.direction).toBe('lower');
    const test = latency.overall.test!;
    expect(test.method).toBe('paired-bootstrap');
    expect(test.seed).toBe(7);
    expect(test.interval!.low).toBeGreaterThan(0);
    const again = samples(await compareScenario('llm-eval'), 'latency-ms');
    expect(again.overall.test).toEqual(test);
  });

  it('incomplete-evidence: the candidate scored 37 of the 200 baseline samples', async () => {
    const correct = samples(await compareScenario('incomplete-evidence'), 'correct');
    expect(correct.overall.paired).toBe(37);
    expect(correct.overall.baselineOnly.count).toBe(163);
    expect(correct.overall.baselineOnly.truncated).toBe(true);
  });
});
