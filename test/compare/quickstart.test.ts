import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/compare.js';
import { selectRunPairs } from '../../src/compare/select.js';
import { evidence, WINE } from '../support/engine-fixtures.js';

const OPTIONS = { directions: [], seed: 1, resamples: 200, confidence: 0.95 };

// fixtures/contexta/quickstart/EXPECTED.md §1, copied verbatim: [stage, key, baseline, candidate, delta, ratio].
const EXPECTED: [string, string, number, number, number, number][] = [
  ['evaluate', 'accuracy', 0.9722222222222222, 1.0, 0.02777777777777779, 1.0285714285714287],
  ['evaluate', 'f1', 0.9719701552732407, 1.0, 0.02802984472675929, 1.0288381742738588],
  ['evaluate', 'precision', 0.974074074074074, 1.0, 0.02592592592592602, 1.0266159695817492],
  ['evaluate', 'recall', 0.9722222222222222, 1.0, 0.02777777777777779, 1.0285714285714287],
  [
    'train',
    'cv-f1-fold-1',
    0.9659170414792604,
    0.9322100313479623,
    -0.033707010131298065,
    0.9651036179259481,
  ],
  ['train', 'cv-f1-fold-2', 0.9652994555353902, 1.0, 0.034700544464609795, 1.035947958186057],
  ['train', 'cv-f1-fold-3', 1.0, 1.0, 0.0, 1.0],
  ['train', 'cv-f1-fold-4', 1.0, 1.0, 0.0, 1.0],
  ['train', 'cv-f1-fold-5', 1.0, 0.96437522377372, -0.03562477622628002, 0.96437522377372],
  ['train', 'cv-mean-f1', 0.9862432994029302, 0.9793170510243364, -0.006926248378593791, 0.9929771402423855],
];

describe('wine quickstart: one workspace holding both runs', () => {
  it('pairs svm-baseline with rf-experiment given bare run names and reproduces Contexta deltas and ratios exactly', async () => {
    const wine = await evidence(WINE);
    const pairs = selectRunPairs(wine, wine, { baselineRun: 'svm-baseline', candidateRun: 'rf-experiment' });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.baseline!.ref).toBe('run:wine-quality-clf.svm-baseline');
    expect(pairs[0]!.candidate!.ref).toBe('run:wine-quality-clf.rf-experiment');

    const comparison = compareRuns(pairs[0]!, OPTIONS);
    expect(comparison.stages.map((s) => s.name)).toEqual(['evaluate', 'preprocess', 'train']);
    expect(comparison.stages.every((s) => s.presence === 'both')).toBe(true);
    const rows = comparison.metrics.map((m) => [m.stage, m.key, m.baseline, m.candidate, m.delta, m.ratio]);
    expect(rows).toEqual(EXPECTED);
    expect(comparison.metrics.every((m) => m.presence === 'both' && m.status === 'compared')).toBe(true);
    expect(comparison.artifacts).toEqual([]);
  });

  it('keeps the rows Contexta drops as unchanged, and judges the others by direction', async () => {
    const wine = await evidence(WINE);
    const [pair] = selectRunPairs(wine, wine, { candidateRun: 'run:wine-quality-clf.rf-experiment' });
    const comparison = compareRuns(pair!, OPTIONS);
    const change = Object.fromEntries(comparison.metrics.map((m) => [`${m.stage}/${m.key}`, m.change]));
    expect(change['train/cv-f1-fold-3']).toBe('unchanged');
    expect(change['evaluate/accuracy']).toBe('better');
    // `cv-f1-fold-1` names no direction the built-in table knows: reported, never called a regression.
    expect(change['train/cv-f1-fold-1']).toBe('neutral');
    expect(change['train/cv-mean-f1']).toBe('worse');
    const relative = comparison.metrics.find((m) => m.key === 'cv-f1-fold-5')!.relativeChange!;
    expect(relative).toBeCloseTo(-0.03562477622628002, 15);
  });

  it('swapping sides negates every delta', async () => {
    const wine = await evidence(WINE);
    const forward = compareRuns(
      selectRunPairs(wine, wine, { baselineRun: 'svm-baseline', candidateRun: 'rf-experiment' })[0]!,
      OPTIONS,
    );
    const backward = compareRuns(
      selectRunPairs(wine, wine, { baselineRun: 'rf-experiment', candidateRun: 'svm-baseline' })[0]!,
      OPTIONS,
    );
    expect(backward.metrics.map((m) => m.delta)).toEqual(
      forward.metrics.map((m) => (m.delta === 0 ? 0 : -m.delta!)),
    );
  });
});
