/**
 * Which entries of a gate (metric selectors, named slices, the artifact kind) match nothing in either
 * run, and what the user probably meant. A gate that matches nothing at all is a config problem (a
 * typo), never a quiet skip; one whose entries partly match is judged on those, with a note per miss.
 */
import type { ComparedUnit } from '../compare/compare.js';
import { globMatch } from '../compare/glob.js';
import type { MetricDelta } from '../compare/types.js';
import type { ArtifactGate, Gate, MetricSelector, SliceSelection } from './config-types.js';
import { didYouMean } from './did-you-mean.js';
import { formatSelector, matchesSelector } from './metric-selector.js';

export interface Selection {
  /** Every entry missed: the gate has nothing to judge. */
  nothing: boolean;
  /** One sentence per entry that matched nothing, with a suggestion when one is close. */
  problems: string[];
  /** The gate narrowed to the entries that matched (the gate itself when everything matched). */
  gate: Gate;
}

const LISTED = 6;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function listed(values: readonly string[]): string {
  const shown = values.slice(0, LISTED).join(', ');
  return values.length > LISTED ? `${shown}, … (${values.length} in all)` : shown;
}

const stageName = (stage: string | null) => stage ?? 'run';
const hasGlob = (text: string) => text.includes('*');

/** The series a metric gate can look at: stage or run level, not batch-scoped, on either side. */
function seriesRows(units: readonly ComparedUnit[]): MetricDelta[] {
  return units.flatMap((u) => u.comparison.metrics.filter((row) => row.batch === null));
}

function stageMatches(selector: MetricSelector, stage: string | null): boolean {
  if (selector.stage === '*') return true;
  if (stage === null) return selector.stage === 'run';
  return globMatch(selector.stage, stage);
}

/** A stage the user may have meant: a close spelling, or the one stage the text is a prefix of. */
function closeStage(text: string, stages: readonly string[]): string | null {
  const close = didYouMean(text, stages);
  if (close !== null) return close;
  const prefixed = stages.filter((s) => s.toLowerCase().startsWith(text.toLowerCase()));
  return prefixed.length === 1 ? prefixed[0]! : null;
}

function selectorProblem(selector: MetricSelector, rows: readonly MetricDelta[]): string {
  const text = formatSelector(selector);
  if (rows.length === 0) return `${text}: the evidence records no metrics in either run`;
  const pairs = unique(rows.map((r) => `${stageName(r.stage)}/${r.key}`));
  const inStage = rows.filter((r) => stageMatches(selector, r.stage));
  let what: string;
  let present: string;
  let suggestion: string | null;
  if (inStage.length === 0) {
    const stages = unique(rows.map((r) => stageName(r.stage)));
    what = hasGlob(selector.stage) ? `no stage matches "${selector.stage}"` : `no stage "${selector.stage}"`;
    present = `stages present: ${listed(stages)}`;
    suggestion = didYouMean(text, pairs);
    const stage = suggestion === null && !hasGlob(selector.stage) ? closeStage(selector.stage, stages) : null;
    if (stage !== null) {
      const keys = unique(rows.filter((r) => stageName(r.stage) === stage).map((r) => r.key));
      const key = keys.find((k) => globMatch(selector.key, k)) ?? didYouMean(selector.key, keys);
      suggestion = key === null || key === undefined ? null : `${stage}/${key}`;
    }
  } else {
    const scope =
      selector.stage === '*'
        ? 'in any stage or at run level'
        : selector.stage === 'run'
          ? 'at run level'
          : hasGlob(selector.stage)
            ? `in stages matching "${selector.stage}"`
            : `in stage ${selector.stage}`;
    what = hasGlob(selector.key)
      ? `no metric matches "${selector.key}" ${scope}`
      : `no metric "${selector.key}" ${scope}`;
    const keys = unique(inStage.map((r) => r.key));
    present = `metrics ${scope}: ${listed(keys)}`;
    const key = hasGlob(selector.key) ? null : didYouMean(selector.key, keys);
    suggestion = key === null ? didYouMean(text, pairs) : `${selector.stage}/${key}`;
  }
  return suggestion === null
    ? `${text}: ${what}; ${present}`
    : `${text}: ${what}; did you mean "${suggestion}"?`;
}

function sliceProblem(slice: string, rows: readonly MetricDelta[], selectors: string): string {
  const present = unique(rows.flatMap((r) => (r.slice === null ? [] : [r.slice])));
  const head = `slices: ${slice}: no slice "${slice}" of ${selectors} in either run`;
  if (present.length === 0) return `${head}; these metrics are recorded without slices`;
  const close = didYouMean(slice, present);
  return close === null ? `${head}; slices present: ${listed(present)}` : `${head}; did you mean "${close}"?`;
}

function metricSelection(
  gate: Gate & { metrics: MetricSelector[]; slices: SliceSelection },
  units: readonly ComparedUnit[],
): Selection {
  const rows = seriesRows(units);
  const problems: string[] = [];
  const matched = gate.metrics.filter((selector) => {
    const hit = rows.some((r) => matchesSelector(selector, r.stage, r.key));
    if (!hit) problems.push(selectorProblem(selector, rows));
    return hit;
  });
  let slices = gate.slices;
  if (gate.slices.mode === 'list' && matched.length > 0) {
    const selected = rows.filter((r) => matched.some((s) => matchesSelector(s, r.stage, r.key)));
    const names = matched.map(formatSelector).join(', ');
    const present = gate.slices.slices.filter((name) => {
      const hit = selected.some((r) => r.slice === name);
      if (!hit) problems.push(sliceProblem(name, selected, names));
      return hit;
    });
    slices = { mode: 'list', slices: present };
    if (present.length === 0) return { nothing: true, problems, gate };
  }
  if (matched.length === 0) return { nothing: true, problems, gate };
  return {
    nothing: false,
    problems,
    gate: problems.length === 0 ? gate : { ...gate, metrics: matched, slices },
  };
}

function artifactSelection(gate: ArtifactGate, units: readonly ComparedUnit[]): Selection {
  const kinds = unique(units.flatMap((u) => u.comparison.artifacts.map((a) => a.kind)));
  if (kinds.some((k) => globMatch(gate.artifact, k))) return { nothing: false, problems: [], gate };
  const head = `artifact ${gate.artifact}: no artifact kind ${hasGlob(gate.artifact) ? 'matches' : 'named'} "${gate.artifact}" in either run`;
  if (kinds.length === 0)
    return { nothing: true, problems: [`${head}; the evidence records no artifacts`], gate };
  const close = hasGlob(gate.artifact) ? null : didYouMean(gate.artifact, kinds);
  return {
    nothing: true,
    problems: [
      close === null
        ? `${head}; artifact kinds present: ${listed(kinds)}`
        : `${head}; did you mean "${close}"?`,
    ],
    gate,
  };
}

/** Which entries of the gate match nothing in either run; gates without selectors always match. */
export function gateSelection(gate: Gate, units: readonly ComparedUnit[]): Selection {
  switch (gate.kind) {
    case 'threshold':
    case 'regression':
      return metricSelection(gate, units);
    case 'artifact':
      return artifactSelection(gate, units);
    default:
      return { nothing: false, problems: [], gate };
  }
}

/**
 * Why a metric gate whose entries all matched still has no series to look at: its slice selection
 * excludes every series the selectors matched. Null when it has series.
 */
export function emptySelection(
  selectors: readonly MetricSelector[],
  slices: SliceSelection,
  units: readonly ComparedUnit[],
): string | null {
  const rows = seriesRows(units).filter((r) => selectors.some((s) => matchesSelector(s, r.stage, r.key)));
  const names = selectors.map(formatSelector).join(', ');
  if (slices.mode === 'none' && rows.every((r) => r.slice !== null)) {
    const present = unique(rows.map((r) => r.slice!));
    return `no match: ${names} ${rows.length === 1 ? 'is' : 'are'} recorded only per slice (${listed(present)}); add slices: all or name the slices`;
  }
  return null;
}
