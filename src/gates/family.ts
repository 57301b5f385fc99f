/**
 * The run's families of paired tests. A PR fails when any fail-severity gate fails, so the chance that
 * pure noise fails it is the family-wise error over every row those gates test, not over one gate's
 * rows: two gates at α each, one on the overall series and one on every slice, fail about 2α of noise
 * PRs when each is adjusted alone (measured in docs/calibration.md). Rows tested at the same α by gates
 * of the same severity are therefore one family, and a row two gates both test (the overall accuracy of
 * "no regression" and of "every slice holds") is one hypothesis in it, counted once. Holm over the
 * union controls each gate's own rows too, as a subset of it, so every gate keeps its guarantee.
 * Warn gates form their own family: a warning does not fail the check, and its rows should not weaken
 * the rows that do.
 */
import { holmAdjust, taroneFamily } from '../stats/index.js';
import type { GateSeverity } from './config-types.js';

/** One tested row offered to the run's family. */
export interface FamilyMember {
  /** The hypothesis: equal for the same unit, stage, key, slice, per-sample evidence and direction. */
  id: string;
  severity: GateSeverity;
  alpha: number;
  /** One-sided raw p; equal for equal ids, because the test and its seed depend on the id alone. */
  pValue: number;
  /** The smallest p the test could give on these margins (0 for a bootstrap), for Tarone. */
  minAttainable: number;
}

/** What the family says about one member. */
export interface FamilyVerdict {
  /** Holm-adjusted p, or null when Tarone's reduction left the row out. */
  adjusted: number | null;
  /** Hypotheses in the (reduced) family the row was adjusted in. */
  size: number;
  /** Hypotheses Tarone's reduction left out of that family. */
  leftOut: number;
  /** Gates whose rows make up that family. */
  gates: number;
}

export type FamilyVerdicts = (member: FamilyMember) => FamilyVerdict;

function familyKey(member: Pick<FamilyMember, 'severity' | 'alpha'>): string {
  return `${member.severity} ${member.alpha}`;
}

/** `members[g]` are gate g's tested rows; the result answers for any of them. */
export function runFamilies(members: readonly (readonly FamilyMember[])[]): FamilyVerdicts {
  const families = new Map<string, { hypotheses: Map<string, FamilyMember>; gates: number }>();
  for (const gateMembers of members) {
    const touched = new Set<string>();
    for (const member of gateMembers) {
      const key = familyKey(member);
      let family = families.get(key);
      if (!family) {
        family = { hypotheses: new Map(), gates: 0 };
        families.set(key, family);
      }
      if (!touched.has(key)) {
        touched.add(key);
        family.gates++;
      }
      if (!family.hypotheses.has(member.id)) family.hypotheses.set(member.id, member);
    }
  }
  const verdicts = new Map<string, Map<string, FamilyVerdict>>();
  for (const [key, family] of families) {
    const hypotheses = [...family.hypotheses.values()];
    const alpha = hypotheses[0]!.alpha;
    const kept = taroneFamily(
      hypotheses.map((h) => h.minAttainable),
      alpha,
    );
    const reduced = hypotheses.filter((_, i) => kept[i]);
    const adjusted = holmAdjust(reduced.map((h) => h.pValue));
    const shape = { size: reduced.length, leftOut: hypotheses.length - reduced.length, gates: family.gates };
    const byId = new Map<string, FamilyVerdict>();
    for (const h of hypotheses) byId.set(h.id, { adjusted: null, ...shape });
    reduced.forEach((h, i) => {
      byId.set(h.id, { adjusted: adjusted[i]!, ...shape });
    });
    verdicts.set(key, byId);
  }
  return (member) => {
    const verdict = verdicts.get(familyKey(member))?.get(member.id);
    if (!verdict) throw new Error(`row ${member.id} was not offered to the run's families`);
    return verdict;
  };
}
