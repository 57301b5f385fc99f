import { describe, expect, it } from 'vitest';
import { type RowTestOptions, rowTest } from '../../src/compare/row-test.js';
import type { Run } from '../../src/evidence/model.js';
import { evidence, type Scenario, scenarioPath, scenarioRuns } from '../support/engine-fixtures.js';

const OPTIONS: RowTestOptions = {
  binaryTest: 'mid-p',
  minPairs: 10,
  seed: 20261123,
  resamples: 500,
  confidence: 0.9,
  alpha: 0.05,
};

async function runs(name: Scenario): Promise<{ baseline: Run; candidate: Run }> {
  const refs = await scenarioRuns(name);
  const find = async (side: 'baseline' | 'candidate', ref: string) =>
    (await evidence(scenarioPath(name, side))).projects.flatMap((p) => p.runs).find((r) => r.ref === ref)!;
  return {
    baseline: await find('baseline', refs.baseline_run),
    candidate: await find('candidate', refs.candidate_run),
  };
}

describe('rowTest on the SDK-written scenarios', () => {
  it('accuracy ↔ correct gets McNemar mid-p, one-sided: the apac drop is p = 0.0625 with 3 losses and no wins', async () => {
    const { baseline, candidate } = await runs('slice-regression');
    const row = { stage: 'evaluate', key: 'accuracy', slice: 'region-apac', direction: 'higher' as const };
    const test = rowTest(baseline, candidate, { ...row, sampleKey: 'correct' }, OPTIONS);
    // mid-p one-sided with b = 3, c = 0: P(X ≥ 3) − ½·P(X = 3) for X ~ Bin(3, ½) = 1/8 − 1/16.
    expect(test).toMatchObject({
      status: 'ok',
      method: 'mcnemar-mid-p',
      n: 34,
      discordantWorse: 3,
      discordantBetter: 0,
    });
    expect(test!.status === 'ok' && test!.pValue).toBeCloseTo(0.0625, 12);
    const exact = rowTest(
      baseline,
      candidate,
      { ...row, sampleKey: 'correct' },
      { ...OPTIONS, binaryTest: 'exact' },
    );
    // exact one-sided: P(X ≥ 3) = 1/8.
    expect(exact).toMatchObject({ method: 'mcnemar-exact' });
    expect(exact!.status === 'ok' && exact!.pValue).toBeCloseTo(0.125, 12);
  });

  it('f1 and auc are recomputed per resample from the tags.label/tags.prediction and per-sample score the SDK wrote', async () => {
    const { baseline, candidate } = await runs('slice-regression');
    const f1 = rowTest(
      baseline,
      candidate,
      { stage: 'evaluate', key: 'f1', slice: 'region-apac', direction: 'higher', sampleKey: null },
      OPTIONS,
    );
    const auc = rowTest(
      baseline,
      candidate,
      { stage: 'evaluate', key: 'auc', slice: null, direction: 'higher', sampleKey: null },
      OPTIONS,
    );
    expect(f1).toMatchObject({
      status: 'ok',
      method: 'paired-bootstrap-metric',
      evidence: 'label, prediction',
      n: 34,
    });
    expect(auc).toMatchObject({
      status: 'ok',
      method: 'paired-bootstrap-metric',
      evidence: 'label, score',
      n: 400,
    });
    // The recomputed statistic is the aggregate the SDK logged: f1@apac 0.9091 → 0.8235.
    expect(f1!.status === 'ok' && f1!.estimate).toBeCloseTo(0.8235 - 0.9091, 3);
    // Same inputs, same derived seed, same verdict; another slice gets another stream.
    const again = rowTest(
      baseline,
      candidate,
      { stage: 'evaluate', key: 'f1', slice: 'region-apac', direction: 'higher', sampleKey: null },
      OPTIONS,
    );
    expect(again).toEqual(f1);
    const eu = rowTest(
      baseline,
      candidate,
      { stage: 'evaluate', key: 'f1', slice: 'region-eu', direction: 'higher', sampleKey: null },
      OPTIONS,
    );
    expect(eu!.status === 'ok' && f1!.status === 'ok' && eu!.seed !== f1!.seed).toBe(true);
  });

  it('latency-ms.p95 pairs with the per-sample latency-ms and is bootstrapped as a quantile, worse = greater', async () => {
    const { baseline, candidate } = await runs('llm-eval');
    const stage = baseline.stages.find((s) => s.samples.some((x) => x.key === 'latency-ms'))!.name;
    const test = rowTest(
      baseline,
      candidate,
      { stage, key: 'latency-ms.p95', slice: null, direction: 'lower', sampleKey: null },
      OPTIONS,
    );
    expect(test).toMatchObject({ status: 'ok', method: 'paired-bootstrap-quantile', evidence: 'latency-ms' });
    // The README's p95 rise 998.4 → 1,178.6 is far beyond noise.
    expect(test!.status === 'ok' && test!.estimate).toBeGreaterThan(100);
    expect(test!.status === 'ok' && test!.pValue).toBeLessThan(0.01);
  });

  it('below min_pairs: no p-value, the reason and the minimum detectable effect', async () => {
    const { baseline, candidate } = await runs('slice-regression');
    const test = rowTest(
      baseline,
      candidate,
      { stage: 'evaluate', key: 'accuracy', slice: 'region-apac', direction: 'higher', sampleKey: 'correct' },
      { ...OPTIONS, minPairs: 50 },
    );
    expect(test).toMatchObject({
      status: 'insufficient',
      n: 34,
      reason: '34 pairs, fewer than min_pairs = 50',
    });
    expect(test!.mde!).toBeGreaterThan(0.05);
  });

  it('a row without per-sample evidence gets no test', async () => {
    const { baseline, candidate } = await runs('slice-regression');
    expect(
      rowTest(
        baseline,
        candidate,
        { stage: 'evaluate', key: 'eval.samples', slice: null, direction: 'higher', sampleKey: null },
        OPTIONS,
      ),
    ).toBeNull();
  });
});
