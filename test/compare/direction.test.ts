import { describe, expect, it } from 'vitest';
import type { DirectionOverride } from '../../src/compare/direction.js';
import { metricDirection } from '../../src/compare/direction.js';

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
    // metalab keys are snake_case: `_` separates words like `-`.
    ['latency_ms', 'lower'],
    ['p95_latency', 'lower'],
    ['error_rate', 'lower'],
    ['model_size', 'lower'],
    ['inference_ms', 'lower'],
    ['val_loss', 'lower'],
    ['derived_final_loss', 'lower'],
    ['per_class_accuracy', 'higher'],
    ['derived_worst_class_accuracy', 'higher'],
    ['macro_f1', 'higher'],
    ['exact_match', 'higher'],
    ['eval.macro_f1', 'higher'],
    ['n_samples', 'neutral'],
    ['epochs_completed', 'neutral'],
    ['loss_final', 'neutral'],
    ['val_accuracy.steps', 'neutral'],
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

  it('match snake_case keys as written, before the built-ins read `_` as `-`', () => {
    expect(metricDirection('latency_ms', [{ pattern: 'latency_ms', direction: 'higher' }])).toBe('higher');
    expect(metricDirection('latency_ms', [{ pattern: 'latency-ms', direction: 'higher' }])).toBe('lower');
    expect(metricDirection('n_samples', [{ pattern: 'n_*', direction: 'higher' }])).toBe('higher');
  });

  it('matches the whole key, not a part of it', () => {
    expect(metricDirection('total-cost', [{ pattern: 'cost', direction: 'lower' }])).toBe('neutral');
  });
});
