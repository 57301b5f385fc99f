import type { EvidenceGap } from '../evidence/model.js';

/**
 * What gates already judged, so the policy checks (`policy.evidence_gaps`, `policy.missing_metrics`)
 * only report what no gate looked at, instead of repeating it.
 */
export interface Judged {
  gaps: Set<string>;
  metrics: Set<string>;
}

export function metricKey(
  project: string,
  unit: string,
  m: { stage: string | null; key: string; slice: string | null },
) {
  return JSON.stringify([project, unit, m.stage, m.key, m.slice]);
}

export function nothingJudged(): Judged {
  return { gaps: new Set(), metrics: new Set() };
}

export function gapKey(gap: EvidenceGap): string {
  return JSON.stringify([
    gap.code,
    gap.file ?? null,
    gap.line ?? null,
    gap.ref ?? null,
    gap.runRef ?? null,
    gap.stage ?? null,
    gap.message,
  ]);
}
