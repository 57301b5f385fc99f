/**
 * One metric series (a key, slice and batch within a stage or at run level) folded while records
 * stream: the latest finite observation, counts, completeness and distinct steps, without keeping
 * every observation.
 */
import type { GapSink } from '../evidence/gaps.js';
import type { CompletenessMarker, MetricSeries } from '../evidence/model.js';
import type { MetricFacts } from './fold.js';
import { instantMicros } from './record-schema.js';

const COMPLETENESS_RANK: Record<CompletenessMarker, number> = {
  complete: 0,
  sampled: 1,
  partial: 2,
  unknown: 3,
  absent: 4,
};
export class SeriesAcc {
  scope: MetricSeries['scope'] = null;
  unit: string | null = null;
  latest: MetricSeries['latest'] | null = null;
  latestInstant = Number.NEGATIVE_INFINITY;
  tags: Record<string, string> = {};
  count = 0;
  nonFinite = 0;
  completeness: CompletenessMarker = 'complete';
  degraded = false;
  /**
   * Every usable step observed, in a growable column: 8 bytes each, where a Set of distinct steps cost
   * several times that on a long training loss. Distinct steps are counted once, at the end.
   */
  steps: Float64Array | null = null;
  stepCount = 0;
  firstStep: number | null = null;

  constructor(
    readonly key: string,
    readonly slice: string | null,
    readonly batch: string | null,
  ) {}

  add(m: MetricFacts): void {
    this.count += 1;
    if (COMPLETENESS_RANK[m.completeness] > COMPLETENESS_RANK[this.completeness])
      this.completeness = m.completeness;
    if (m.degraded) this.degraded = true;
    const stepText = m.tags?.step;
    const step = stepText === undefined || stepText.trim() === '' ? null : Number(stepText);
    const usableStep = step !== null && Number.isFinite(step) ? step : null;
    if (usableStep !== null) {
      this.steps ??= new Float64Array(16);
      if (this.stepCount === this.steps.length) {
        const grown = new Float64Array(this.steps.length * 2);
        grown.set(this.steps);
        this.steps = grown;
      }
      // A Set counted -0 and 0 as one step and kept 0.
      this.steps[this.stepCount++] = usableStep === 0 ? 0 : usableStep;
      this.firstStep ??= usableStep;
    }
    if (!Number.isFinite(m.value)) {
      this.nonFinite += 1;
      return;
    }
    const instant = instantMicros(m.observedAt) ?? Number.NEGATIVE_INFINITY;
    if (instant < this.latestInstant) return;
    this.latestInstant = instant;
    this.latest = { value: m.value, observedAt: m.observedAt, recordRef: m.recordRef, step: usableStep };
    this.scope = m.scope;
    this.unit = m.unit;
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.tags ?? {})) if (k !== 'slice' && k !== 'step') tags[k] = v;
    this.tags = tags;
  }

  finish(): MetricSeries | null {
    if (this.latest === null) return null;
    let steps: MetricSeries['steps'] = null;
    if (this.steps !== null) {
      const sorted = this.steps.subarray(0, this.stepCount).sort();
      let distinct = 0;
      for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct += 1;
      steps = {
        count: distinct,
        first: this.firstStep,
        last: this.latest.step,
        min: sorted[0]!,
        max: sorted[sorted.length - 1]!,
      };
    }
    return {
      key: this.key,
      slice: this.slice,
      batch: this.batch,
      scope: this.scope,
      unit: this.unit,
      latest: this.latest,
      count: this.count,
      steps,
      completeness: this.completeness,
      degraded: this.degraded,
      nonFinite: this.nonFinite,
      replicates: [],
      tags: this.tags,
    };
  }
}

/** Code-unit order, as the model's lists are sorted (not locale order). */
export const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function finishSeries(
  map: Map<string, SeriesAcc>,
  gaps: GapSink,
  where: { runRef: string; stage: string | null },
): MetricSeries[] {
  const out: MetricSeries[] = [];
  for (const acc of map.values()) {
    const series = acc.finish();
    if (series) {
      out.push(series);
      continue;
    }
    const slice = acc.slice ? ` (slice ${acc.slice})` : '';
    gaps.add({
      code: 'series_lost',
      severity: 'warning',
      runRef: where.runRef,
      ...(where.stage ? { stage: where.stage } : {}),
      count: acc.nonFinite,
      message: `metric ${acc.key}${slice}${where.stage ? ` in stage ${where.stage}` : ' at run level'} has no finite value (${acc.nonFinite} NaN/Infinity observation(s)); it cannot be compared`,
    });
  }
  return out.sort(
    (a, b) =>
      compareStrings(a.key, b.key) ||
      compareStrings(a.batch ?? '', b.batch ?? '') ||
      compareStrings(a.slice ?? '', b.slice ?? ''),
  );
}
