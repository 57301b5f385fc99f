import { type ComparedUnit, contextChange, namesUnits } from '../compare/compare.js';
import type {
  Finding,
  MetricDelta,
  NameList,
  SampleComparison,
  SampleGroupComparison,
} from '../compare/types.js';
import type { EvidenceGap, Run } from '../evidence/model.js';
import {
  formatBytes,
  formatChange,
  formatCount,
  formatInterval,
  formatNumber,
  formatPValue,
  type IntervalLike,
  metricLabel,
} from '../format/numbers.js';
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

/** Relative worsening of a slice without sample evidence that is reported even when no gate trips. */
const SLICE_DROP = 0.05;
/** A slice's inputs changing this much (relative) in another stage is worth naming as a likely cause. */
const RELATED_CHANGE = 0.25;
const DEFAULT_ARTIFACT_GROWTH_PCT = 10;
const INTEGRITY_CODES = new Set([
  'truncated_line',
  'invalid_json_line',
  'sequence_gap',
  'manifest_sequence_mismatch',
]);
/** metalab replicate outcomes, reported once as missing evidence of the unit rather than here. */
const REPLICATE_CODES = new Set(['run_failed', 'run_incomplete', 'run_missing']);

/** Sample names as ranges (`s-0600…s-0637`), capped: a step names what to open, not every sample. */
function names(list: NameList): string {
  const ranges = nameRanges(list.names, list.count);
  return ranges.items.join(', ') + (ranges.more > 0 ? `, … (+${formatCount(ranges.more)} more)` : '');
}

function prefix(unit: ComparedUnit, multi: boolean): string {
  return multi ? `${unit.comparison.project}/${unit.comparison.unit}: ` : '';
}

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
  const where = slice === null ? `of stage ${sample.series.stage}` : `of slice ${slice}`;
  return [
    `inspect the ${failing.count} sample${failing.count === 1 ? '' : 's'} ${where} that newly fail ${sample.series.key}: ${names(failing)}`,
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
    const detail = [
      rows.map((r) => `${r.key} ${formatChange(r.baseline!, r.candidate!)}`).join('; '),
      test && sample
        ? `${sample.series.key}: ${sample.group.paired} paired samples, ${sample.group.binary!.newlyFailing.count} newly failing, ${sample.group.binary!.newlyPassing.count} newly passing (McNemar ${formatPValue(test.pValue ?? 1)})`
        : 'no per-sample evidence for this slice',
    ].join('. ');
    const nextSteps = [
      ...newlyFailingStep(sample, slice),
      ...related
        .slice(0, 3)
        .map(
          (m) =>
            `check ${metricLabel(m.stage, m.key, m.slice)}: ${formatChange(m.baseline!, m.candidate!)} — the slice's inputs changed too`,
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
      title: `${prefix(unit, multi)}slice ${slice} regressed in ${stage ?? 'run'}: ${worst.key} ${formatChange(worst.baseline!, worst.candidate!)}`,
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
        title: `${prefix(unit, multi)}${metricLabel(row.stage, row.key, null)} ${formatChange(row.baseline!, row.candidate!)} is a significant worsening (${formatPValue(test.pValue)})`,
        detail: `paired on ${sample.series.key}: n = ${test.n}, ${test.discordantWorse} newly failing vs ${test.discordantBetter} newly passing; the change's ${intervalText(test.interval)}`,
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
        title: `${prefix(unit, multi)}per-sample ${s.stage}/${s.key} worsened: ${change} (${formatPValue(test.pValue)})`,
        detail: `${test.method === 'mcnemar-exact' ? 'McNemar exact test' : `paired bootstrap (${test.resamples} resamples, seed ${test.seed})`} on ${test.n} paired samples; the change's ${intervalText(test.interval)}`,
        nextSteps:
          s.kind === 'binary'
            ? newlyFailingStep({ series: s, group: s.overall }, null)
            : [`review why ${s.key} changed per sample in stage ${s.stage} (${lowerIsBetter(s.direction)})`],
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
        title: `${prefix(unit, multi)}artifact ${a.kind} grew ${formatChange(a.baselineSizeBytes!, a.candidateSizeBytes!, formatBytes)}`,
        detail: `baseline ${a.baselineRef ?? '?'} (${a.baselineLocation ?? 'no location'}), candidate ${a.candidateRef ?? '?'} (${a.candidateLocation ?? 'no location'})`,
        nextSteps: [
          `check what made the ${a.kind} artifact grow (model size, bundled data, serialisation format)`,
        ],
      });
    }
  }
  return out;
}

function degradedFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const unit of inputs.units) {
    for (const [side, run, gaps] of [
      ['candidate', unit.pair.candidate, inputs.candidateGaps],
      ['baseline', unit.pair.baseline, inputs.baselineGaps],
    ] as const) {
      if (!run || seen.has(`${side}\u0000${run.ref}`)) continue;
      seen.add(`${side}\u0000${run.ref}`);
      const runGaps = gaps.filter(
        (g) =>
          g.severity !== 'info' &&
          (!g.runRef || g.runRef === run.ref) &&
          !(run.metalab && REPLICATE_CODES.has(g.code)),
      );
      const partial = run.stages.filter((s) => s.partialRecords > 0);
      if (run.degraded.length === 0 && partial.length === 0 && runGaps.length === 0) continue;
      const parts: string[] = [];
      for (const d of run.degraded) {
        parts.push(
          `degraded record ${d.issueKey}${d.stage ? ` in ${d.stage}` : ''} (${d.degradationMarker}): ${d.summary}`,
        );
      }
      for (const s of partial)
        parts.push(`stage ${s.name}: ${s.partialRecords} of ${s.recordCount} records not complete`);
      const codes = [...new Set(runGaps.map((g) => g.code))];
      if (runGaps.length > 0) parts.push(`${runGaps.length} evidence gap(s): ${codes.join(', ')}`);
      const stages = [
        ...new Set(
          [...run.degraded.map((d) => d.stage), ...partial.map((s) => s.name)].filter(
            (s): s is string => s !== null,
          ),
        ),
      ];
      const nextSteps: string[] = [];
      if (stages.length > 0) {
        nextSteps.push(
          `re-run stage${stages.length > 1 ? 's' : ''} ${stages.join(', ')} of ${run.ref} to completion and capture its evidence again`,
        );
      }
      const other = codes.filter(
        (c) => !INTEGRITY_CODES.has(c) && c !== 'degraded_record' && c !== 'partial_record',
      );
      if (other.length > 0)
        nextSteps.push(`resolve the evidence gaps (${other.join(', ')}) listed for ${run.ref}`);
      if (codes.some((c) => INTEGRITY_CODES.has(c))) {
        nextSteps.push(
          "run Contexta's integrity check on the workspace (repair_truncated_tails, rebuild_indexes)",
        );
      }
      const errors =
        runGaps.some((g) => g.severity === 'error') || run.degraded.some((d) => d.severity === 'error');
      out.push({
        code: 'degraded_evidence',
        severity: side === 'candidate' && errors ? 'error' : 'warning',
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        stage: stages[0] ?? null,
        metric: null,
        slice: null,
        title: `${prefix(unit, multi)}${side} evidence of ${run.ref} is degraded`,
        detail: parts.slice(0, 6).join('; ') + (parts.length > 6 ? `; and ${parts.length - 6} more` : ''),
        nextSteps,
      });
    }
  }
  return out;
}

function failedReplicates(run: Run | null): string | null {
  const bad = run?.metalab?.replicates.filter((r) => r.status !== 'success') ?? [];
  if (bad.length === 0) return null;
  const counts = new Map<string, number>();
  for (const r of bad) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

function missingFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const out: Finding[] = [];
  const anyBaseline = inputs.units.some((u) => u.pair.baseline);
  const base = (unit: ComparedUnit) => ({
    code: 'missing_evidence' as const,
    project: unit.comparison.project,
    unit: unit.comparison.unit,
    metric: null,
    slice: null,
  });
  for (const unit of inputs.units) {
    const { baseline, candidate } = unit.pair;
    const p = prefix(unit, multi);
    if (candidate && !baseline) {
      const metalabNew = candidate.params !== null && anyBaseline;
      out.push({
        ...base(unit),
        severity: metalabNew ? 'info' : 'warning',
        stage: null,
        title: metalabNew
          ? `${p}unit ${unit.comparison.unit} is new: no baseline unit with these parameters`
          : `${p}no baseline run for ${candidate.ref}: regressions cannot be judged`,
        detail: metalabNew
          ? 'its metrics are reported; regression gates do not judge it'
          : 'absolute thresholds and evidence checks still apply; the verdict stays unknown for regressions',
        // Where a baseline comes from depends on where the report is read (a workflow or a terminal),
        // so the renderer adds that step.
        nextSteps: [],
      });
    }
    if (baseline && !candidate) {
      const replicates = failedReplicates(baseline);
      out.push({
        ...base(unit),
        severity: 'error',
        stage: null,
        title: `${p}${baseline.params !== null ? `unit ${unit.comparison.unit}` : `project ${unit.comparison.project}`} has a baseline run but no candidate run`,
        detail: `baseline ${baseline.ref}${replicates ? ` (${replicates})` : ''} has nothing to be compared with`,
        nextSteps: [
          `run ${unit.comparison.unit} in the candidate job, or remove it on purpose and say so in the PR`,
        ],
      });
    }
    const replicates = failedReplicates(candidate);
    if (candidate && replicates) {
      out.push({
        ...base(unit),
        severity: 'error',
        stage: null,
        title: `${p}unit ${unit.comparison.unit}: candidate replicates did not all succeed (${replicates})`,
        detail: candidate.metalab!.replicates.map((r) => `${r.runId}: ${r.status}`).join(', '),
        nextSteps: [`look at the run logs of ${unit.comparison.unit} (logs/<run_id>_run.log) and re-run it`],
      });
    }
    if (!baseline || !candidate) continue;
    const removedStages = unit.comparison.stages
      .filter((s) => s.presence === 'baseline_only')
      .map((s) => s.name);
    if (removedStages.length > 0) {
      out.push({
        ...base(unit),
        severity: 'error',
        stage: removedStages[0]!,
        title: `${p}stage${removedStages.length > 1 ? 's' : ''} ${removedStages.join(', ')} of the baseline missing from the candidate`,
        detail: `baseline ${baseline.ref} has ${removedStages.join(', ')}; candidate ${candidate.ref} does not`,
        nextSteps: [`make the candidate job run ${removedStages.join(', ')} and capture its evidence`],
      });
    }
    const removed = unit.comparison.metrics.filter(
      (m) =>
        m.presence === 'baseline_only' &&
        m.batch === null &&
        (m.stage === null || !removedStages.includes(m.stage)),
    );
    const byStage = new Map<string | null, MetricDelta[]>();
    for (const m of removed) byStage.set(m.stage, [...(byStage.get(m.stage) ?? []), m]);
    for (const [stage, rows] of byStage) {
      const overall = [...new Set(rows.filter((r) => r.slice === null).map((r) => r.key))];
      const slices = rows.filter((r) => r.slice !== null).length;
      const listed =
        overall.length > 0 ? overall.join(', ') : [...new Set(rows.map((r) => r.key))].join(', ');
      out.push({
        ...base(unit),
        severity: 'error',
        stage,
        metric: rows[0]!.key,
        title: `${p}${stage ?? 'run-level'} metrics in the baseline but missing from the candidate: ${listed}${slices > 0 ? ` (+${slices} slice series)` : ''}`,
        detail: rows
          .slice(0, 8)
          .map((r) => `${metricLabel(r.stage, r.key, r.slice)} (baseline ${formatNumber(r.baseline)})`)
          .join(', '),
        nextSteps: [
          `make ${stage === null ? candidate.ref : `stage ${stage} of ${candidate.ref}`} record ${listed} again, then re-run the gate`,
        ],
      });
    }
    for (const s of unit.comparison.samples) {
      if (s.presence === 'baseline_only') {
        out.push({
          ...base(unit),
          severity: 'warning',
          stage: s.stage,
          title: `${p}per-sample ${s.stage}/${s.key} is in the baseline (${s.overall.baselineOnly.count} samples) but not in the candidate`,
          detail:
            'without per-sample outcomes, regressions of the linked metrics are judged on raw deltas only',
          nextSteps: [`record per-sample ${s.key} in stage ${s.stage} again`],
        });
      } else if (s.presence === 'both' && s.overall.baselineOnly.count > 0) {
        const total = s.overall.paired + s.overall.baselineOnly.count;
        out.push({
          ...base(unit),
          severity: 'warning',
          stage: s.stage,
          title: `${p}candidate has ${s.overall.paired} of the baseline's ${total} samples of ${s.stage}/${s.key}`,
          detail: `${s.overall.baselineOnly.count} baseline samples have no candidate outcome: ${names(s.overall.baselineOnly)}`,
          nextSteps: [`check why stage ${s.stage} of ${candidate.ref} did not score every sample`],
        });
      }
    }
  }
  return out;
}

function environmentFindings(inputs: FindingInputs, multi: boolean): Finding[] {
  const out: Finding[] = [];
  for (const unit of inputs.units) {
    const env = unit.comparison.environment;
    if (env.status !== 'compared' || !env.changed) continue;
    const parts: string[] = [];
    if (env.python?.changed)
      parts.push(`python ${env.python.baseline ?? '?'} → ${env.python.candidate ?? '?'}`);
    if (env.platform?.changed)
      parts.push(`platform ${env.platform.baseline ?? '?'} → ${env.platform.candidate ?? '?'}`);
    for (const pkg of env.packagesChanged.slice(0, 10))
      parts.push(`${pkg.name} ${pkg.baseline} → ${pkg.candidate}`);
    if (env.packagesAdded.length > 0)
      parts.push(`added ${env.packagesAdded.map((x) => `${x.name} ${x.candidate}`).join(', ')}`);
    if (env.packagesRemoved.length > 0)
      parts.push(`removed ${env.packagesRemoved.map((x) => x.name).join(', ')}`);
    if (env.variableNamesAdded.length + env.variableNamesRemoved.length > 0) {
      parts.push(
        `environment variable names: +${env.variableNamesAdded.length} / −${env.variableNamesRemoved.length}`,
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
      title: `${prefix(unit, multi)}environment changed: ${parts.slice(0, 3).join('; ')}${parts.length > 3 ? '; …' : ''}`,
      detail: parts.join('; '),
      nextSteps: ['if metrics moved unexpectedly, check whether the dependency changes explain it'],
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
      title: `${prefix(unit, multi)}inputs changed: context fingerprint ${change.baseline.join(', ')} → ${change.candidate.join(', ')}; not a like-for-like comparison`,
      detail:
        `metalab fingerprints the resolved context (data and shared inputs) of every run; baseline and ` +
        `candidate of unit ${unit.comparison.unit} ran on different contexts, so its ${moved} metric change(s) ` +
        `may come from the inputs rather than the code`,
      nextSteps: [
        `re-run the baseline of ${unit.comparison.unit} on the candidate's inputs, or confirm the input change is intended`,
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
