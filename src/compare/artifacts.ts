import type { Artifact, Run } from '../evidence/model.js';
import { byText } from './metrics.js';
import type { ArtifactChange } from './types.js';

function byKind(run: Run | null): Map<string, Artifact[]> {
  const out = new Map<string, Artifact[]>();
  for (const artifact of run?.artifacts ?? []) {
    const list = out.get(artifact.kind) ?? [];
    list.push(artifact);
    out.set(artifact.kind, list);
  }
  return out;
}

/** Summed size, or null when any artifact's size is unknown (a partial sum would understate growth). */
function totalSize(artifacts: Artifact[]): number | null {
  let total = 0;
  for (const a of artifacts) {
    if (a.sizeBytes === null) return null;
    total += a.sizeBytes;
  }
  return artifacts.length === 0 ? null : total;
}

/**
 * Artifacts grouped by kind, following Contexta's rule (one per side → compare hash and location;
 * more than one on a side → ambiguous), plus size growth, which Contexta does not report.
 */
export function compareArtifacts(baseline: Run | null, candidate: Run | null): ArtifactChange[] {
  const left = byKind(baseline);
  const right = byKind(candidate);
  const kinds = [...new Set([...left.keys(), ...right.keys()])].sort(byText);
  return kinds.map((kind) => {
    const b = left.get(kind) ?? [];
    const c = right.get(kind) ?? [];
    const bSize = totalSize(b);
    const cSize = totalSize(c);
    const growthBytes = bSize !== null && cSize !== null ? cSize - bSize : null;
    let change: ArtifactChange['change'];
    let detail: ArtifactChange['detail'] = null;
    if (b.length === 0) change = 'added';
    else if (c.length === 0) change = 'removed';
    else if (b.length > 1 || c.length > 1) change = 'ambiguous';
    else {
      const hashChanged = b[0]!.hash !== c[0]!.hash;
      const locationChanged = b[0]!.location !== c[0]!.location;
      change = hashChanged || locationChanged ? 'changed' : 'unchanged';
      if (hashChanged && locationChanged) detail = 'both_changed';
      else if (hashChanged) detail = 'hash_changed';
      else if (locationChanged) detail = 'location_changed';
    }
    return {
      kind,
      change,
      detail,
      baselineCount: b.length,
      candidateCount: c.length,
      baselineRef: b[0]?.ref ?? null,
      candidateRef: c[0]?.ref ?? null,
      baselineLocation: b[0]?.location ?? null,
      candidateLocation: c[0]?.location ?? null,
      baselineSizeBytes: bSize,
      candidateSizeBytes: cSize,
      growthBytes,
      growthPct: growthBytes !== null && bSize ? (growthBytes / bSize) * 100 : null,
    };
  });
}
