/** What every kind of finding reads, and how findings quote the names they mention. */
import type { ComparedUnit } from '../compare/compare.js';
import type { NameList } from '../compare/types.js';
import type { EvidenceGap } from '../evidence/model.js';
import { formatCount, metricLabel } from '../format/numbers.js';
import { joinPhrases, named, type Phrase, phrase, words } from '../format/phrase.js';
import { nameRanges } from '../format/ranges.js';
import type { GateResult } from '../gates/types.js';

export interface FindingInputs {
  units: ComparedUnit[];
  gates: GateResult[];
  baselineGaps: EvidenceGap[];
  candidateGaps: EvidenceGap[];
  /** Significance level for findings not tied to a gate (policy.significance). */
  alpha: number;
  /** Artifacts growing by at least this percentage are reported even without an artifact gate. */
  artifactGrowthPct?: number;
}

/** Sample names as ranges (`s-0600…s-0637`), capped: a step names what to open, not every sample. */
export function names(list: NameList): Phrase {
  const ranges = nameRanges(list.names, list.count);
  const shown = joinPhrases(ranges.items.map(named), ', ');
  return ranges.more > 0 ? phrase`${shown}, … (+${formatCount(ranges.more)} more)` : shown;
}

export function prefix(unit: ComparedUnit, multi: boolean): Phrase {
  return multi ? phrase`${named(`${unit.comparison.project}/${unit.comparison.unit}`)}: ` : words('');
}

/** A metric row's name, quoted as one name. */
export function label(stage: string | null, key: string | null, slice: string | null) {
  return named(metricLabel(stage, key, slice));
}

/** Names joined by commas, each quoted. */
export function nameList(items: readonly string[]): Phrase {
  return joinPhrases(items.map(named), ', ');
}
/** A name, or our word for its absence. */
export function optionalName(value: string | null, otherwise: string): Phrase {
  return value === null ? words(otherwise) : phrase`${named(value)}`;
}
