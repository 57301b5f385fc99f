import { globMatch } from '../compare/glob.js';
import type { MetricSelector } from './config-types.js';

/**
 * Whether a metric of `stage` (null for a run-level metric) with `key` is selected. `*` as the stage
 * also selects run-level metrics (metalab runs have nothing else); `run` selects run-level metrics and
 * a stage literally named `run`.
 */
export function matchesSelector(selector: MetricSelector, stage: string | null, key: string): boolean {
  if (!globMatch(selector.key, key)) return false;
  if (selector.stage === '*') return true;
  if (stage === null) return selector.stage === 'run';
  return globMatch(selector.stage, stage);
}

const STAGE_PATTERN = /^[A-Za-z0-9_*-]+$/;
const KEY_PATTERN = /^[^\s/]+$/;

/** Parses `<stage>/<metric key>`; returns the reason when the text is not a selector. */
export function parseMetricSelector(text: string): MetricSelector | { error: string } {
  const parts = text.split('/');
  if (parts.length !== 2) {
    return {
      error:
        parts.length === 1
          ? 'a metric selector "<stage>/<metric key>" (e.g. "evaluate/accuracy" or "*/accuracy")'
          : 'a metric selector with exactly one "/" ("<stage>/<metric key>")',
    };
  }
  const [stage, key] = parts as [string, string];
  if (stage === '') return { error: 'a stage name, "*" or "run" before the "/"' };
  if (!STAGE_PATTERN.test(stage)) {
    return { error: 'a stage name of letters, digits, "-", "_" or "*" before the "/"' };
  }
  if (key === '') return { error: 'a metric key after the "/" (use "*" for every metric)' };
  if (!KEY_PATTERN.test(key)) return { error: 'a metric key without spaces after the "/"' };
  return { stage, key };
}

/** The selector as the user writes it, for messages. */
export function formatSelector(selector: MetricSelector): string {
  return `${selector.stage}/${selector.key}`;
}
