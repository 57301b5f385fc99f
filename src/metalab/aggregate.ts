/**
 * Folds the seed replicates of one metalab unit into one `MetricSeries` per (key, slice):
 * `latest.value` is the mean over the replicates whose value is finite, `count` is how many those
 * are, `replicates`/`replicateSeeds` list each one's value and `seed_fingerprint` ordered by seed
 * fingerprint, so baseline and candidate replicates line up by seed. Non-finite values only count in
 * `nonFinite`. A series is `complete` only when every expected replicate gave a finite value; a series
 * with no finite value at all is left out (its values were reported as gaps), so a gate on it sees a
 * missing metric rather than a number.
 */
import type { MetricSeries } from '../evidence/model.js';
import { type Observation, observationId, type ReplicateEvidence } from './replicate.js';

export interface SeededEvidence {
  seedFingerprint: string;
  evidence: ReplicateEvidence;
}

interface Fold {
  first: Observation;
  values: number[];
  seeds: string[];
  nonFinite: number;
  steps: Set<number>;
  lastStep: number | null;
}

function compareSeries(a: MetricSeries, b: MetricSeries): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.slice === b.slice) return 0;
  if (a.slice === null) return -1;
  if (b.slice === null) return 1;
  return a.slice < b.slice ? -1 : 1;
}

/** `replicas` must already be ordered by seed fingerprint. */
export function aggregateReplicates(replicas: SeededEvidence[], expectedReplicates: number): MetricSeries[] {
  const folds = new Map<string, Fold>();
  for (const { seedFingerprint, evidence } of replicas) {
    for (const observation of evidence.observations.values()) {
      const id = observationId(observation.key, observation.slice);
      let fold = folds.get(id);
      if (fold === undefined) {
        fold = { first: observation, values: [], seeds: [], nonFinite: 0, steps: new Set(), lastStep: null };
        folds.set(id, fold);
      }
      if (!Number.isFinite(observation.value)) {
        fold.nonFinite++;
        continue;
      }
      fold.values.push(observation.value);
      fold.seeds.push(seedFingerprint);
      if (observation.steps !== null && observation.steps.length > 0) {
        for (const step of observation.steps) fold.steps.add(step);
        const last = observation.steps[observation.steps.length - 1]!;
        fold.lastStep = fold.lastStep === null ? last : Math.max(fold.lastStep, last);
      }
    }
  }

  const series: MetricSeries[] = [];
  for (const fold of folds.values()) {
    if (fold.values.length === 0) continue;
    const mean = fold.values.reduce((sum, value) => sum + value, 0) / fold.values.length;
    const steps = [...fold.steps].sort((a, b) => a - b);
    series.push({
      key: fold.first.key,
      slice: fold.first.slice,
      batch: null,
      scope: fold.first.scope,
      unit: null,
      latest: { value: mean, observedAt: null, recordRef: null, step: fold.lastStep },
      count: fold.values.length,
      steps:
        steps.length === 0
          ? null
          : {
              count: steps.length,
              first: steps[0]!,
              last: steps[steps.length - 1]!,
              min: steps[0]!,
              max: steps[steps.length - 1]!,
            },
      completeness: fold.values.length >= expectedReplicates ? 'complete' : 'partial',
      degraded: false,
      nonFinite: fold.nonFinite,
      replicates: fold.values,
      replicateSeeds: fold.seeds,
      tags: {},
    });
  }
  return series.sort(compareSeries);
}
