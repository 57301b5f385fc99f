import { describe, expect, it } from 'vitest';
import { compareArtifacts } from '../../src/compare/artifacts.js';
import { compareEnvironment } from '../../src/compare/environment.js';
import { judgeRuns } from '../../src/engine/engine.js';
import type { Evidence, Run } from '../../src/evidence/model.js';
import { evidence, referenceConfig, scenarioPath } from '../support/engine-fixtures.js';

const onlyRun = (e: Evidence): Run => e.projects[0]!.runs[0]!;

describe('artifacts', () => {
  it('slice-regression: the model artifact changed hash and location and grew from 29013 to 106607 bytes', async () => {
    const baseline = onlyRun(await evidence(scenarioPath('slice-regression', 'baseline')));
    const candidate = onlyRun(await evidence(scenarioPath('slice-regression', 'candidate')));
    const [model] = compareArtifacts(baseline, candidate);
    expect(model).toMatchObject({
      kind: 'model',
      change: 'changed',
      detail: 'both_changed',
      baselineSizeBytes: 29013,
      candidateSizeBytes: 106607,
      growthBytes: 77594,
    });
    expect(model!.growthPct!).toBeCloseTo((77594 / 29013) * 100, 10);
  });

  it('llm-eval registers no artifact on either side', async () => {
    const baseline = onlyRun(await evidence(scenarioPath('llm-eval', 'baseline')));
    const candidate = onlyRun(await evidence(scenarioPath('llm-eval', 'candidate')));
    expect(compareArtifacts(baseline, candidate)).toEqual([]);
  });
});

describe('environment', () => {
  it('compares the ledger snapshots of both runs: unchanged in tabular-improves', async () => {
    const baseline = onlyRun(await evidence(scenarioPath('tabular-improves', 'baseline'), { ledger: true }));
    const candidate = onlyRun(
      await evidence(scenarioPath('tabular-improves', 'candidate'), { ledger: true }),
    );
    expect(compareEnvironment(baseline, candidate)).toMatchObject({ status: 'compared', changed: false });
  });

  it('says which side has no snapshot rather than reporting no change', async () => {
    const withLedger = onlyRun(
      await evidence(scenarioPath('tabular-improves', 'baseline'), { ledger: true }),
    );
    const cacheOnly = onlyRun(await evidence(scenarioPath('tabular-improves', 'candidate')));
    expect(compareEnvironment(withLedger, cacheOnly).status).toBe('candidate_missing');
    expect(compareEnvironment(cacheOnly, cacheOnly).status).toBe('both_missing');
  });

  it('reports python, package and variable-name changes as an environment_changed finding', async () => {
    const baselineEvidence = await evidence(scenarioPath('tabular-improves', 'baseline'), { ledger: true });
    const candidateEvidence: Evidence = structuredClone(
      await evidence(scenarioPath('tabular-improves', 'candidate'), { ledger: true }),
    );
    const env = onlyRun(candidateEvidence).environment!;
    env.python = '3.13.1';
    env.packages['scikit-learn'] = '1.5.0';
    env.packages.torch = '2.4.0';
    env.environmentVariableNames = ['HF_TOKEN'];

    const report = judgeRuns({
      baseline: baselineEvidence,
      candidate: candidateEvidence,
      config: await referenceConfig(),
    });
    const change = report.comparisons[0]!.environment;
    expect(change).toMatchObject({
      status: 'compared',
      changed: true,
      python: { baseline: '3.13.0', candidate: '3.13.1', changed: true },
      packagesAdded: [{ name: 'torch', baseline: null, candidate: '2.4.0' }],
      packagesChanged: [{ name: 'scikit-learn', baseline: '1.2.1', candidate: '1.5.0' }],
      variableNamesAdded: ['HF_TOKEN'],
    });
    const finding = report.findings.find((f) => f.code === 'environment_changed')!;
    expect(finding.severity).toBe('info');
    expect(finding.title.text).toBe(
      'environment changed: python 3.13.0 → 3.13.1; scikit-learn 1.2.1 → 1.5.0; added torch 2.4.0; …',
    );
    expect(report.verdict).toBe('pass');
  });
});
