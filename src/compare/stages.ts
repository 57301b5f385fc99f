import type { Batch, Run } from '../evidence/model.js';
import { byText } from './metrics.js';
import type { BatchChange, StageComparison } from './types.js';

/** Stages matched by name (as Contexta does, never by ref: run names differ), sorted by name. */
export function compareStages(baseline: Run | null, candidate: Run | null): StageComparison[] {
  const left = new Map((baseline?.stages ?? []).map((s) => [s.name, s]));
  const right = new Map((candidate?.stages ?? []).map((s) => [s.name, s]));
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  return names.map((name) => {
    const b = left.get(name);
    const c = right.get(name);
    return {
      name,
      presence: b && c ? 'both' : c ? 'candidate_only' : 'baseline_only',
      baselineStatus: b?.status ?? null,
      candidateStatus: c?.status ?? null,
      baselineMetricCount: b ? b.metrics.length : null,
      candidateMetricCount: c ? c.metrics.length : null,
    };
  });
}

function batchesByName(run: Run | null): Map<string, { stage: string; batch: Batch }> {
  const out = new Map<string, { stage: string; batch: Batch }>();
  for (const stage of run?.stages ?? []) {
    for (const batch of stage.batches)
      out.set(JSON.stringify([stage.name, batch.name]), { stage: stage.name, batch });
  }
  return out;
}

/** Batches matched by stage and batch name; a status change is what a reviewer needs to see. */
export function compareBatches(baseline: Run | null, candidate: Run | null): BatchChange[] {
  const left = batchesByName(baseline);
  const right = batchesByName(candidate);
  const ids = [...new Set([...left.keys(), ...right.keys()])];
  return ids
    .map((id) => {
      const b = left.get(id);
      const c = right.get(id);
      const any = (c ?? b)!;
      const change: BatchChange = {
        stage: any.stage,
        name: any.batch.name,
        presence: b && c ? 'both' : c ? 'candidate_only' : 'baseline_only',
        baselineStatus: b?.batch.status ?? null,
        candidateStatus: c?.batch.status ?? null,
        statusChanged: Boolean(b && c && b.batch.status !== c.batch.status),
      };
      return change;
    })
    .sort((x, y) => byText(x.stage, y.stage) || byText(x.name, y.name));
}
