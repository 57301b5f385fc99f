import { describe, expect, it } from 'vitest';
import { RunSelectionError, resolveRun, selectRunPairs } from '../../src/compare/select.js';
import { readMetalab } from '../../src/metalab/read.js';
import { evidence, scenarioPath, scenarioRuns, WINE } from '../support/engine-fixtures.js';

describe('Contexta run selection', () => {
  it('pairs the only run of the project on each side', async () => {
    const baseline = await evidence(scenarioPath('slice-regression', 'baseline'));
    const candidate = await evidence(scenarioPath('slice-regression', 'candidate'));
    const runs = await scenarioRuns('slice-regression');
    const pairs = selectRunPairs(baseline, candidate);
    expect(pairs.map((p) => [p.project, p.baseline?.ref, p.candidate?.ref])).toEqual([
      ['slice-regression', runs.baseline_run, runs.candidate_run],
    ]);
  });

  it('refuses to guess which run of a shared workspace is which, naming both runs', async () => {
    const wine = await evidence(WINE);
    expect(() => selectRunPairs(wine, wine)).toThrow(RunSelectionError);
    expect(() => selectRunPairs(wine, wine)).toThrow(
      /run:wine-quality-clf\.svm-baseline.*run:wine-quality-clf\.rf-experiment|run:wine-quality-clf\.rf-experiment.*run:wine-quality-clf\.svm-baseline/,
    );
  });

  it('takes the other run of a shared workspace as the baseline when only the candidate is named', async () => {
    const wine = await evidence(WINE);
    const [pair] = selectRunPairs(wine, wine, { candidateRun: 'rf-experiment' });
    expect(pair!.baseline!.name).toBe('svm-baseline');
  });

  it('resolves full refs and bare names like Contexta and explains a miss with the runs that exist', async () => {
    const wine = await evidence(WINE);
    expect(resolveRun(wine, 'run:wine-quality-clf.svm-baseline', 'baseline').name).toBe('svm-baseline');
    expect(resolveRun(wine, 'svm-baseline', 'baseline').ref).toBe('run:wine-quality-clf.svm-baseline');
    expect(() => resolveRun(wine, 'svm', 'candidate')).toThrow(
      /--candidate-run "svm": no such run .*run:wine-quality-clf\.svm-baseline/,
    );
  });

  it('gives a candidate without a baseline a pair with a null baseline', async () => {
    const candidate = await evidence(scenarioPath('llm-eval', 'candidate'));
    const pairs = selectRunPairs(null, candidate);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.baseline).toBeNull();
    expect(pairs[0]!.candidate!.ref).toBe('run:llm-eval.assistant-2024-12');
  });

  it('does not pair a project with a different project', async () => {
    const baseline = await evidence(scenarioPath('llm-eval', 'baseline'));
    const candidate = await evidence(scenarioPath('tabular-improves', 'candidate'));
    const pairs = selectRunPairs(baseline, candidate);
    const byProject = Object.fromEntries(
      pairs.map((p) => [p.project, [p.baseline?.ref ?? null, p.candidate?.ref ?? null]]),
    );
    expect(byProject).toEqual({
      'tabular-improves': [null, 'run:tabular-improves.gbm-v2'],
      'llm-eval': ['run:llm-eval.assistant-2024-10', null],
    });
  });

  it('refuses to compare a metalab store with a Contexta workspace', async () => {
    const metalab = await readMetalab('fixtures/metalab/baseline');
    const contexta = await evidence(scenarioPath('llm-eval', 'candidate'));
    expect(() => selectRunPairs(metalab, contexta)).toThrow(
      /metalab store .* but the candidate is a contexta store/,
    );
  });
});

describe('metalab unit pairing', () => {
  it('pairs units by params label and reports units on one side only', async () => {
    const baseline = await readMetalab('fixtures/metalab/baseline');
    const candidate = await readMetalab('fixtures/metalab/candidate');
    const pairs = selectRunPairs(baseline, candidate);
    const presence = Object.fromEntries(
      pairs.map((p) => [
        p.unit,
        p.baseline && p.candidate ? 'both' : p.candidate ? 'candidate_only' : 'baseline_only',
      ]),
    );
    expect(Object.values(presence).filter((v) => v === 'both')).toHaveLength(4);
    const added = Object.entries(presence)
      .filter(([, v]) => v === 'candidate_only')
      .map(([unit]) => unit);
    expect(added).toHaveLength(2);
    expect(added.every((unit) => unit.includes('lr=1'))).toBe(true);
    // Run ids differ on every unit (the code hash is part of them): pairing must not use them.
    for (const p of pairs.filter((x) => x.baseline && x.candidate)) {
      expect(p.baseline!.metalab!.replicates[0]!.runId).not.toBe(p.candidate!.metalab!.replicates[0]!.runId);
      expect(p.baseline!.name).toBe(p.candidate!.name);
    }
  });
});
