/**
 * Earlier runs for history tests, built from a real SDK-written workspace: a capture-cache-only copy
 * of the tabular-improves baseline (`run:tabular-improves.logreg-v1`) whose overall
 * `evaluate/accuracy` record is rewritten to a chosen value. Hand-edited copies, so they live in
 * temp dirs and say so; a rewritten accuracy no longer matches the per-sample `correct` mean, so it
 * is an aggregate-only metric (no sample evidence), which is what the history noise model is for.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, tempDir } from './evidence.js';

export const HISTORY_SOURCE = path.join(FIXTURES, 'scenarios/tabular-improves/baseline/.contexta');
export const HISTORY_PROJECT = 'tabular-improves';

/** Rewrites the stage-level, unsliced accuracy line of a capture cache. */
function withAccuracy(text: string, accuracy: number): string {
  let rewritten = 0;
  const lines = text.split('\n').map((line) => {
    if (line === '') return line;
    const value = JSON.parse(line);
    const payload = value?.payload?.payload;
    if (
      value?.payload_type === 'MetricRecord' &&
      payload?.metric_key === 'accuracy' &&
      payload?.aggregation_scope === 'stage' &&
      Object.keys(payload.tags ?? {}).length === 0
    ) {
      payload.value = accuracy;
      rewritten++;
      return JSON.stringify(value);
    }
    return line;
  });
  if (rewritten !== 1) throw new Error(`expected one overall accuracy record, rewrote ${rewritten}`);
  return lines.join('\n');
}

/** `<dir>/.contexta`: a hand-edited copy of the source workspace with this overall accuracy. */
export function workspaceWithAccuracy(dir: string, accuracy: number): string {
  const root = path.join(dir, '.contexta');
  mkdirSync(root, { recursive: true });
  cpSync(path.join(HISTORY_SOURCE, 'cache'), path.join(root, 'cache'), { recursive: true });
  const file = path.join(root, 'cache', 'capture', 'record.jsonl');
  writeFileSync(file, withAccuracy(readFileSync(file, 'utf8'), accuracy));
  return root;
}

/** One sub-directory per earlier run (`push-01`, …), the layout `compare --history DIR` reads. */
export function historyDir(accuracies: readonly number[]): string {
  const dir = tempDir('cg-history-');
  accuracies.forEach((accuracy, i) => {
    workspaceWithAccuracy(path.join(dir, `push-${String(i + 1).padStart(2, '0')}`), accuracy);
  });
  return dir;
}

/** Twelve pushes losing 0.4 points each from 0.9, and the PR's value one more step down. */
export const DECAY = Array.from({ length: 12 }, (_, i) => Number((0.9 - 0.004 * i).toFixed(4)));
export const DECAYED_PR = Number((0.9 - 0.004 * 12).toFixed(4));
/** Six runs of a noisy aggregate around 0.70 (sd ≈ 0.007), and a PR 0.01 below the last. */
export const NOISY = [0.7, 0.69, 0.71, 0.695, 0.705, 0.7];
export const NOISY_PR = 0.69;
