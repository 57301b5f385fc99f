import { describe, expect, it } from 'vitest';
import type { DirectionOverride } from '../../src/gates/config-types.js';
import { metricDirection } from '../../src/gates/metric-direction.js';

describe('metricDirection built-ins', () => {
  it.each([
    ['accuracy', 'higher'],
    ['f1', 'higher'],
    ['eval.f1', 'higher'],
    ['macro-f1', 'higher'],
    ['auc', 'higher'],
    ['precision', 'higher'],
    ['recall', 'higher'],
    ['exact-match', 'higher'],
    ['pass', 'higher'],
    ['correct', 'higher'],
    ['score', 'higher'],
    ['train.accuracy', 'higher'],
    ['top1-accuracy', 'higher'],
    ['loss', 'lower'],
    ['val-loss', 'lower'],
    ['train.loss', 'lower'],
    ['latency-ms', 'lower'],
    ['latency-ms.p95', 'lower'],
    ['latency-ms.mean', 'lower'],
    ['p95-latency', 'lower'],
    ['error-rate', 'lower'],
    ['mean-squared-error', 'lower'],
    ['size-bytes', 'lower'],
    ['model-size', 'lower'],
    ['inference-ms', 'lower'],
    ['fit.seconds', 'lower'],
    ['perplexity', 'lower'],
    ['tokens.prompt', 'neutral'],
    ['tokens.completion.mean', 'neutral'],
    ['cost', 'neutral'],
    ['eval.samples', 'neutral'],
    ['rows.train', 'neutral'],
    ['prompts', 'neutral'],
    ['accuracy.std', 'neutral'],
  ])('%s → %s', (key, direction) => {
    expect(metricDirection(key, [])).toBe(direction);
  });
});

describe('metricDirection overrides', () => {
  const overrides: DirectionOverride[] = [
    { pattern: 'tokens.*', direction: 'lower' },
    { pattern: 'cost', direction: 'lower' },
    { pattern: 'accuracy', direction: 'lower' },
    { pattern: '*', direction: 'higher' },
  ];

  it('matches key globs, first match in file order winning', () => {
    expect(metricDirection('tokens.completion.mean', overrides)).toBe('lower');
    expect(metricDirection('cost', overrides)).toBe('lower');
    expect(metricDirection('latency-ms.p95', overrides)).toBe('higher');
  });

  it('wins over the built-in table', () => {
    expect(metricDirection('accuracy', overrides)).toBe('lower');
    expect(metricDirection('accuracy', [])).toBe('higher');
  });

  it('matches the whole key, not a part of it', () => {
    expect(metricDirection('total-cost', [{ pattern: 'cost', direction: 'lower' }])).toBe('neutral');
  });
});
