/** Which way a metric improves. */
export type Direction = 'higher' | 'lower';

/** A per-metric direction override; the first matching `pattern` (a key glob) wins. */
export interface DirectionOverride {
  pattern: string;
  direction: Direction;
}

import { globMatch } from './glob.js';

type Rule = { test: (name: string) => boolean; direction: Direction };

/** A whole name, or the last hyphen-word of a name: `f1`, `macro-f1`, `val-loss`. */
const word = (w: string): ((name: string) => boolean) => {
  return (name) => name === w || name.endsWith(`-${w}`);
};
/** A name or one of its hyphen-words starting with the prefix: `latency-ms`, `p95-latency`, `model-size`. */
const prefix = (p: string): ((name: string) => boolean) => {
  return (name) => name.startsWith(p) || name.includes(`-${p}`);
};
const suffix = (s: string): ((name: string) => boolean) => {
  return (name) => name.endsWith(s);
};

// Lower-is-better rules come first so a unit suffix wins over a quality word (`score-ms` is a latency).
const BUILT_IN: Rule[] = [
  ...['latency', 'error', 'size'].map((p) => ({ test: prefix(p), direction: 'lower' as const })),
  ...['-ms', '.seconds'].map((s) => ({ test: suffix(s), direction: 'lower' as const })),
  ...['loss', 'perplexity'].map((w) => ({ test: word(w), direction: 'lower' as const })),
  ...['accuracy', 'f1', 'auc', 'precision', 'recall', 'exact-match', 'pass', 'correct', 'score'].map((w) => ({
    test: word(w),
    direction: 'higher' as const,
  })),
];

/**
 * Which way is better for a metric key. User overrides (`policy.directions`, key globs) win, first
 * match in file order, matched against the key as written; then the built-in table, tried on the
 * whole key and then on its last dot-segment (`latency-ms.p95` by the whole key, `eval.f1` by `f1`).
 * The table reads `_` like `-`: Contexta keys cannot hold `_`, but metalab keys are snake_case
 * (`latency_ms`, `per_class_accuracy`). Anything else — token counts, cost, sample counts — is
 * `neutral`: a change is reported but is neither better nor worse.
 */
export function metricDirection(
  key: string,
  overrides: readonly DirectionOverride[] = [],
): Direction | 'neutral' {
  for (const override of overrides) {
    if (globMatch(override.pattern, key)) return override.direction;
  }
  const words = key.replaceAll('_', '-');
  const lastSegment = words.slice(words.lastIndexOf('.') + 1);
  for (const name of [words, lastSegment]) {
    for (const rule of BUILT_IN) {
      if (rule.test(name)) return rule.direction;
    }
  }
  return 'neutral';
}
