import type { Run } from '../evidence/model.js';
import { compareArtifacts } from './artifacts.js';
import type { DirectionOverride } from './direction.js';
import { compareEnvironment } from './environment.js';
import { compareMetrics } from './metrics.js';
import { compareSamples, linkSampleEvidence } from './samples.js';
import type { RunPair } from './select.js';
import { compareBatches, compareStages } from './stages.js';
import type { RunComparison, RunIdentity } from './types.js';

export interface CompareOptions {
  directions: readonly DirectionOverride[];
  /** Seed and resamples of the paired bootstrap (from the gate policy). */
  seed: number;
  resamples: number;
  /** Confidence level of every interval. */
  confidence: number;
}

/** A compared pair together with the runs behind it (gates need records the comparison summarises). */
export interface ComparedUnit {
  pair: RunPair;
  comparison: RunComparison;
}

/**
 * Whether rows say which unit they are about: when several were compared, and always for metalab,
 * whose unit is the parameter combination a number belongs to.
 */
export function namesUnits(units: readonly ComparedUnit[]): boolean {
  return units.length > 1 || units.some((u) => (u.pair.candidate ?? u.pair.baseline)?.metalab !== undefined);
}

export function runIdentity(run: Run): RunIdentity {
  return { ref: run.ref, project: run.project, name: run.name, status: run.status };
}

/** The context fingerprints of a metalab pair when they differ between the two stores, else null. */
export interface ContextChange {
  baseline: string[];
  candidate: string[];
}

/**
 * metalab fingerprints the resolved context (the shared inputs and data spec) of every run: a
 * baseline and candidate unit with different context fingerprints ran on different inputs, so their
 * deltas are not like for like (metalab spec §11). A side without any record has nothing to compare.
 */
export function contextChange(pair: Pick<RunPair, 'baseline' | 'candidate'>): ContextChange | null {
  const b = pair.baseline?.metalab?.contextFingerprints ?? [];
  const c = pair.candidate?.metalab?.contextFingerprints ?? [];
  if (b.length === 0 || c.length === 0) return null;
  const baseline = [...new Set(b)].sort();
  const candidate = [...new Set(c)].sort();
  const same = baseline.length === candidate.length && baseline.every((f, i) => f === candidate[i]);
  return same ? null : { baseline, candidate };
}

/** Everything that differs between the two runs of a pair. */
export function compareRuns(pair: RunPair, options: CompareOptions): RunComparison {
  const { baseline, candidate } = pair;
  const metrics = compareMetrics(baseline, candidate, options.directions);
  linkSampleEvidence(metrics, baseline, candidate);
  return {
    project: pair.project,
    unit: pair.unit,
    presence: baseline && candidate ? 'both' : candidate ? 'candidate_only' : 'baseline_only',
    baselineRun: baseline ? runIdentity(baseline) : null,
    candidateRun: candidate ? runIdentity(candidate) : null,
    stages: compareStages(baseline, candidate),
    metrics,
    samples: compareSamples(baseline, candidate, options),
    batches: compareBatches(baseline, candidate),
    artifacts: compareArtifacts(baseline, candidate),
    environment: compareEnvironment(baseline, candidate),
    notes: [...pair.notes, ...contextNotes(pair)],
  };
}

function contextNotes(pair: RunPair): string[] {
  const change = contextChange(pair);
  if (!change) return [];
  return [
    `unit ${pair.unit}: the context fingerprint differs (baseline ${change.baseline.join(', ')}, candidate ` +
      `${change.candidate.join(', ')}): the runs used different inputs, so its changes are not like for like`,
  ];
}
