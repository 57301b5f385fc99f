/** `kind: artifact`: an artifact kind does not grow beyond its limits. */
import { namesUnits } from '../../compare/compare.js';
import { globMatch } from '../../compare/glob.js';
import { formatNumber, formatPercent, formatSigned } from '../../format/numbers.js';
import type { ArtifactGate } from '../config-types.js';
import type { GateEvaluation, GateInputs } from '../kind.js';
import { check } from '../results.js';
import { where } from '../rows.js';
import type { GateCheck } from '../types.js';

export function artifactGate(gate: ArtifactGate, inputs: GateInputs): GateEvaluation {
  const multi = namesUnits(inputs.units);
  const checks: GateCheck[] = [];
  const notes: string[] = [];
  const limitText = [
    gate.maxGrowthBytes === null ? null : `max_growth_bytes ${gate.maxGrowthBytes}`,
    gate.maxGrowthPct === null ? null : `max_growth_pct ${gate.maxGrowthPct} %`,
  ]
    .filter((x) => x !== null)
    .join(', ');
  for (const unit of inputs.units) {
    for (const change of unit.comparison.artifacts) {
      if (!globMatch(gate.artifact, change.kind)) continue;
      const ids = {
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        subject: change.kind,
        baseline: change.baselineSizeBytes,
        candidate: change.candidateSizeBytes,
        delta: change.growthBytes,
        relativeChange: change.growthPct === null ? null : change.growthPct / 100,
        limit: limitText,
      };
      const label = where(unit, `artifact ${change.kind}`, multi);
      if (change.change === 'added' || change.change === 'removed') {
        notes.push(
          `${label}: ${change.change === 'added' ? 'new in the candidate' : 'only in the baseline'}`,
        );
        continue;
      }
      if (change.growthBytes === null) {
        checks.push(check({ ...ids, outcome: 'unknown', reason: `${label}: size unknown on one side` }));
        continue;
      }
      const pct = change.growthPct;
      const tooMany = gate.maxGrowthBytes !== null && change.growthBytes > gate.maxGrowthBytes;
      const tooMuch = gate.maxGrowthPct !== null && pct !== null && pct > gate.maxGrowthPct;
      const growth = `${formatNumber(change.baselineSizeBytes!)} → ${formatNumber(change.candidateSizeBytes!)} bytes (${formatSigned(change.growthBytes)}${pct === null ? '' : `, ${formatPercent(pct / 100)}`})`;
      checks.push(
        check({
          ...ids,
          outcome: tooMany || tooMuch ? 'fail' : 'pass',
          reason: `${label} ${growth}${tooMany || tooMuch ? `, beyond ${limitText}` : `, within ${limitText}`}`,
        }),
      );
    }
  }
  return { checks, evidence: notes };
}
