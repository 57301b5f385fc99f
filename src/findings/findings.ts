import { type ComparedUnit, contextChange, namesUnits } from '../compare/compare.js';
import type { Finding, MetricDelta, SampleComparison, SampleGroupComparison } from '../compare/types.js';
import {
  formatBytes,
  formatChange,
  formatInterval,
  formatPValue,
  type IntervalLike,
} from '../format/numbers.js';
import { joinPhrases, named, type Phrase, phrase, words } from '../format/phrase.js';
import { type FindingInputs, label, nameList, names, optionalName, prefix } from './common.js';
import { degradedFindings, missingFindings } from './evidence.js';

export type { FindingInputs } from './common.js';

/** Relative worsening of a slice without sample evidence that is reported even when no gate trips. */
const SLICE_DROP = 0.05;
/** A slice's inputs changing this much (relative) in another stage is worth naming as a likely cause. */
const RELATED_CHANGE = 0.25;
const DEFAULT_ARTIFACT_GROWTH_PCT = 10;

/** The binary per-sample group behind a row: its linked series, else any binary series of the stage. */
function binaryGroup(unit: ComparedUnit, stage: string | null, slice: string | null, key?: string | null) {
  const series = unit.comparison.samples.filter(
    (s) => s.stage === stage && s.kind === 'binary' && s.presence === 'both' && (!key || s.key === key),
  );
  for (const s of series) {
    const group = slice === null ? s.overall : s.slices.find((g) => g.slice === slice);
    if (group?.binary) return { series: s, group };
  }
  return null;
}

function newlyFailingStep(
  sample: { series: SampleComparison; group: SampleGroupComparison } | null,
  slice: string | null,
) {
  const failing = sample?.group.binary?.newlyFailing;
  if (!sample || !failing || failing.count === 0) return [];
  const where =
    slice === null ? phrase`of stage ${named(sample.series.stage)}` : phrase`of slice ${named(slice)}`;
  return [
    phrase`inspect the ${failing.count} sample${failing.count === 1 ? '' : 's'} ${where} that newly fail ${named(sample.series.key)}: ${names(failing)}`,
  ];
}

/** Big changes of the same slice in other stages (training rows, input counts): the likely cause. */
function relatedChanges(
  unit: ComparedUnit,
  row: { stage: string | null; slice: string | null },
): MetricDelta[] {
  if (row.slice === null) return [];
  return unit.comparison.metrics.filter(
    (m) =>
      m.slice === row.slice &&
      m.stage !== row.stage &&
      m.relativeChange !== null &&
      Math.abs(m.relativeChange) >= RELATED_CHANGE,
  );
}

function sliceFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const groups = new Map<
    string,
    {
      unit: ComparedUnit;
      stage: string | null;
      slice: string;
      rows: MetricDelta[];
      tripped: boolean;
    }
  >();
  const byUnit = new Map(inputs.units.map((u) => [`${u.comparison.project}\u0000${u.comparison.unit}`, u]));
  const add = (unit: ComparedUnit, row: MetricDelta, tripped: boolean) => {
    const id = JSON.stringify([unit.comparison.project, unit.comparison.unit, row.stage, row.slice]);
    const entry = groups.get(id) ?? {
      unit,
      stage: row.stage,
      slice: row.slice!,
      rows: [],
      tripped: false,
    };
    if (!entry.rows.includes(row)) entry.rows.push(row);
    entry.tripped ||= tripped;
    groups.set(id, entry);
  };
  for (const gate of inputs.gates) {
    if (gate.kind !== 'regression') continue;
    for (const c of gate.checks) {
      if (c.slice === null || c.outcome === 'pass') continue;
      if (c.delta === null) continue;
      const unit = byUnit.get(`${c.project}\u0000${c.unit}`);
      const row = unit?.comparison.metrics.find(
        (m) => m.stage === c.stage && m.key === c.metric && m.slice === c.slice && m.batch === null,
      );
      if (unit && row) add(unit, row, c.outcome === 'fail' || c.outcome === 'warn' || c.outcome === 'waived');
    }
  }
  // Slices that got clearly worse whether or not a gate looks at them: significantly so by their paired
  // per-sample test, or, without sample evidence, by at least SLICE_DROP relative to the baseline.
  for (const unit of inputs.units) {
    for (const row of unit.comparison.metrics) {
      if (row.slice === null || row.change !== 'worse' || row.batch !== null) continue;
      const sample = row.sampleLink ? binaryGroup(unit, row.stage, row.slice, row.sampleLink.key) : null;
      const p = sample?.group.test?.pValue ?? null;
      if (p !== null ? p < inputs.alpha : Math.abs(row.relativeChange ?? 0) >= SLICE_DROP) {
        add(unit, row, false);
      }
    }
  }
  const out: Finding[] = [];
  for (const { unit, stage, slice, rows, tripped } of groups.values()) {
    rows.sort((a, b) => a.key.localeCompare(b.key));
    const worst = rows.reduce((a, b) =>
      Math.abs(b.relativeChange ?? 0) > Math.abs(a.relativeChange ?? 0) ? b : a,
    );
    const sample =
      binaryGroup(unit, stage, slice, worst.sampleLink?.key ?? null) ?? binaryGroup(unit, stage, slice);
    const related = relatedChanges(unit, { stage, slice });
    const test = sample?.group.test;
    const detail = joinPhrases(
      [
        joinPhrases(
          rows.map((r) => phrase`${named(r.key)} ${formatChange(r.baseline!, r.candidate!)}`),
          '; ',
        ),
        test && sample
          ? phrase`${named(sample.series.key)}: ${sample.group.paired} paired samples, ${sample.group.binary!.newlyFailing.count} newly failing, ${sample.group.binary!.newlyPassing.count} newly passing (McNemar ${formatPValue(test.pValue ?? 1)})`
          : words('no per-sample evidence for this slice'),
      ],
      '. ',
    );
    const nextSteps = [
      ...newlyFailingStep(sample, slice),
      ...related
        .slice(0, 3)
        .map(
          (m) =>
            phrase`check ${label(m.stage, m.key, m.slice)}: ${formatChange(m.baseline!, m.candidate!)} — the slice's inputs changed too`,
        ),
    ];
    out.push({
      code: 'slice_regression',
      severity: tripped ? 'error' : 'warning',
      project: unit.comparison.project,
      unit: unit.comparison.unit,
      stage,
      metric: worst.key,
      slice,
      title: phrase`${prefix(unit, multi)}slice ${named(slice)} regressed in ${stage === null ? 'the run' : named(stage)}: ${named(worst.key)} ${formatChange(worst.baseline!, worst.candidate!)}`,
      detail,
      nextSteps,
    });
  }
  return out;
}

function significantFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const out: Finding[] = [];
  for (const unit of inputs.units) {
    const linked = new Set<string>();
    for (const row of unit.comparison.metrics) {
      if (row.slice !== null || row.batch !== null || !row.sampleLink || row.change !== 'worse') continue;
      const sample = binaryGroup(unit, row.stage, null, row.sampleLink.key);
      const test = sample?.group.test;
      if (!sample || !test || test.pValue === null || test.pValue >= inputs.alpha) continue;
      linked.add(`${row.stage}\u0000${row.sampleLink.key}`);
      out.push({
        code: 'significant_regression',
        severity: 'warning',
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        stage: row.stage,
        metric: row.key,
        slice: null,
        title: phrase`${prefix(unit, multi)}${label(row.stage, row.key, null)} ${formatChange(row.baseline!, row.candidate!)} is a significant worsening (${formatPValue(test.pValue)})`,
        detail: phrase`paired on ${named(sample.series.key)}: n = ${test.n}, ${test.discordantWorse ?? 0} newly failing vs ${test.discordantBetter ?? 0} newly passing; the change's ${intervalText(test.interval)}`,
        nextSteps: newlyFailingStep(sample, null),
      });
    }
    for (const s of unit.comparison.samples) {
      if (s.presence !== 'both' || s.direction === 'neutral' || linked.has(`${s.stage}\u0000${s.key}`))
        continue;
      const test = s.overall.test;
      if (!test || test.pValue === null || test.pValue >= inputs.alpha) continue;
      const worse =
        s.kind === 'binary'
          ? test.estimate < 0
          : s.direction === 'higher'
            ? test.estimate < 0
            : test.estimate > 0;
      if (!worse) continue;
      const change =
        s.kind === 'binary'
          ? `success rate ${formatChange(s.overall.binary!.baselineRate, s.overall.binary!.candidateRate)}`
          : `mean ${formatChange(s.overall.continuous!.baselineMean, s.overall.continuous!.candidateMean)}`;
      out.push({
        code: 'significant_regression',
        severity: 'warning',
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        stage: s.stage,
        metric: s.key,
        slice: null,
        title: phrase`${prefix(unit, multi)}per-sample ${label(s.stage, s.key, null)} worsened: ${change} (${formatPValue(test.pValue)})`,
        detail: words(
          `${test.method === 'mcnemar-exact' ? 'McNemar exact test' : `paired bootstrap (${test.resamples} resamples, seed ${test.seed})`} on ${test.n} paired samples; the change's ${intervalText(test.interval)}`,
        ),
        nextSteps:
          s.kind === 'binary'
            ? newlyFailingStep({ series: s, group: s.overall }, null)
            : [
                phrase`review why ${named(s.key)} changed per sample in stage ${named(s.stage)} (${lowerIsBetter(s.direction)})`,
              ],
      });
    }
  }
  return out;
}

function lowerIsBetter(direction: string): string {
  return direction === 'lower' ? 'lower is better' : 'higher is better';
}

function intervalText(interval: IntervalLike | null): string {
  return interval ? formatInterval(interval) : 'interval is not available';
}

function artifactFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const threshold = inputs.artifactGrowthPct ?? DEFAULT_ARTIFACT_GROWTH_PCT;
  const tripped = new Set<string>();
  for (const gate of inputs.gates) {
    if (gate.kind !== 'artifact') continue;
    for (const c of gate.checks) {
      if (c.outcome === 'fail' || c.outcome === 'warn' || c.outcome === 'waived')
        tripped.add(`${c.project}\u0000${c.unit}\u0000${c.subject}`);
    }
  }
  const out: Finding[] = [];
  for (const unit of inputs.units) {
    for (const a of unit.comparison.artifacts) {
      if (a.growthBytes === null || a.growthBytes <= 0) continue;
      const gated = tripped.has(`${unit.comparison.project}\u0000${unit.comparison.unit}\u0000${a.kind}`);
      if (!gated && (a.growthPct === null || a.growthPct < threshold)) continue;
      out.push({
        code: 'artifact_growth',
        severity: gated ? 'error' : 'info',
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        stage: null,
        metric: null,
        slice: null,
        title: phrase`${prefix(unit, multi)}artifact ${named(a.kind)} grew ${formatChange(a.baselineSizeBytes!, a.candidateSizeBytes!, formatBytes)}`,
        detail: phrase`baseline ${optionalName(a.baselineRef, '?')} (${optionalName(a.baselineLocation, 'no location')}), candidate ${optionalName(a.candidateRef, '?')} (${optionalName(a.candidateLocation, 'no location')})`,
        nextSteps: [
          phrase`check what made the ${named(a.kind)} artifact grow (model size, bundled data, serialisation format)`,
        ],
      });
    }
  }
  return out;
}

function environmentFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const out: Finding[] = [];
  for (const unit of inputs.units) {
    const env = unit.comparison.environment;
    if (env.status !== 'compared' || !env.changed) continue;
    const parts: Phrase[] = [];
    const value = (v: string | null | undefined) => optionalName(v ?? null, '?');
    if (env.python?.changed)
      parts.push(phrase`python ${value(env.python.baseline)} → ${value(env.python.candidate)}`);
    if (env.platform?.changed)
      parts.push(phrase`platform ${value(env.platform.baseline)} → ${value(env.platform.candidate)}`);
    for (const pkg of env.packagesChanged.slice(0, 10))
      parts.push(phrase`${named(pkg.name)} ${value(pkg.baseline)} → ${value(pkg.candidate)}`);
    if (env.packagesAdded.length > 0)
      parts.push(
        phrase`added ${joinPhrases(
          env.packagesAdded.map((x) => phrase`${named(x.name)} ${value(x.candidate)}`),
          ', ',
        )}`,
      );
    if (env.packagesRemoved.length > 0)
      parts.push(phrase`removed ${nameList(env.packagesRemoved.map((x) => x.name))}`);
    if (env.variableNamesAdded.length + env.variableNamesRemoved.length > 0) {
      parts.push(
        words(
          `environment variable names: +${env.variableNamesAdded.length} / −${env.variableNamesRemoved.length}`,
        ),
      );
    }
    out.push({
      code: 'environment_changed',
      severity: 'info',
      project: unit.comparison.project,
      unit: unit.comparison.unit,
      stage: null,
      metric: null,
      slice: null,
      title: phrase`${prefix(unit, multi)}environment changed: ${joinPhrases(parts.slice(0, 3), '; ')}${parts.length > 3 ? '; …' : ''}`,
      detail: joinPhrases(parts, '; '),
      nextSteps: [words('if metrics moved unexpectedly, check whether the dependency changes explain it')],
    });
  }
  return out;
}

/** metalab units whose context fingerprints differ: their deltas compare runs on different inputs. */
function contextFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const out: Finding[] = [];
  for (const unit of inputs.units) {
    const change = contextChange(unit.pair);
    if (!change) continue;
    const moved = unit.comparison.metrics.filter((m) => m.change === 'better' || m.change === 'worse').length;
    out.push({
      code: 'context_changed',
      severity: 'warning',
      project: unit.comparison.project,
      unit: unit.comparison.unit,
      stage: null,
      metric: null,
      slice: null,
      title: phrase`${prefix(unit, multi)}inputs changed: context fingerprint ${nameList(change.baseline)} → ${nameList(change.candidate)}; not a like-for-like comparison`,
      detail: phrase`metalab fingerprints the resolved context (data and shared inputs) of every run; baseline and candidate of unit ${named(unit.comparison.unit)} ran on different contexts, so its ${moved} metric change(s) may come from the inputs rather than the code`,
      nextSteps: [
        phrase`re-run the baseline of ${named(unit.comparison.unit)} on the candidate's inputs, or confirm the input change is intended`,
      ],
    });
  }
  return out;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings for reviewers, most severe first. */
export function buildFindings(inputs: FindingInputs): Finding[] {
  const multi = namesUnits(inputs.units);
  const all = [
    ...sliceFindings(inputs, multi),
    ...significantFindings(inputs, multi),
    ...missingFindings(inputs, multi),
    ...degradedFindings(inputs, multi),
    ...artifactFindings(inputs, multi),
    ...environmentFindings(inputs, multi),
    ...contextFindings(inputs, multi),
  ];
  return all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
