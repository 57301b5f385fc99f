import { describe, expect, it } from 'vitest';
import { globMatch } from '../../src/compare/glob.js';
import { matchesSelector, parseMetricSelector } from '../../src/gates/metric-selector.js';

describe('parseMetricSelector', () => {
  it.each([
    ['evaluate/accuracy', { stage: 'evaluate', key: 'accuracy' }],
    ['*/latency-ms.p95', { stage: '*', key: 'latency-ms.p95' }],
    ['run/score', { stage: 'run', key: 'score' }],
    ['*/*', { stage: '*', key: '*' }],
    ['eval*/tokens.*', { stage: 'eval*', key: 'tokens.*' }],
    ['train/derived.final_loss', { stage: 'train', key: 'derived.final_loss' }],
  ])('%s', (text, selector) => {
    expect(parseMetricSelector(text)).toEqual(selector);
  });

  it.each([
    ['accuracy', 'a metric selector "<stage>/<metric key>"'],
    ['evaluate/', 'a metric key after the "/"'],
    ['/accuracy', 'a stage name, "*" or "run" before the "/"'],
    ['a/b/c', 'exactly one "/"'],
    ['eval uate/accuracy', 'a stage name of letters'],
    ['evaluate/acc uracy', 'a metric key without spaces'],
  ])('rejects %s', (text, reason) => {
    const parsed = parseMetricSelector(text);
    expect('error' in parsed && parsed.error).toContain(reason);
  });
});

describe('globMatch', () => {
  it.each([
    ['tokens.*', 'tokens.prompt', true],
    ['tokens.*', 'tokens.completion.mean', true],
    ['tokens.*', 'tokens', false],
    ['*', '', true],
    ['*', 'latency-ms.p95', true],
    ['latency*p95', 'latency-ms.p95', true],
    ['latency*p95', 'latency-ms.p50', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['*-ms*', 'latency-ms.p95', true],
    ['accuracy', 'accuracy', true],
    ['accuracy', 'train.accuracy', false],
    ['a.b', 'axb', false],
  ])('%s ~ %s → %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });
});

describe('matchesSelector', () => {
  it.each([
    [{ stage: 'evaluate', key: 'accuracy' }, 'evaluate', 'accuracy', true],
    [{ stage: 'evaluate', key: 'accuracy' }, 'train', 'accuracy', false],
    [{ stage: 'evaluate', key: 'accuracy' }, 'evaluate', 'train.accuracy', false],
    [{ stage: '*', key: 'latency-ms.p95' }, 'inference', 'latency-ms.p95', true],
    [{ stage: '*', key: 'accuracy' }, null, 'accuracy', true],
    [{ stage: 'run', key: 'accuracy' }, null, 'accuracy', true],
    [{ stage: 'run', key: 'accuracy' }, 'evaluate', 'accuracy', false],
    [{ stage: 'evaluate', key: 'accuracy' }, null, 'accuracy', false],
    [{ stage: 'eval*', key: 'tokens.*' }, 'evaluate', 'tokens.prompt', true],
  ] as const)('%o on %s/%s → %s', (selector, stage, key, expected) => {
    expect(matchesSelector(selector, stage, key)).toBe(expected);
  });
});
