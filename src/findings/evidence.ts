/** Findings about the evidence itself: what is missing from the candidate, and what is degraded. */
import type { ComparedUnit } from '../compare/compare.js';
import type { Finding, MetricDelta } from '../compare/types.js';
import type { Run } from '../evidence/model.js';
import { formatNumber } from '../format/numbers.js';
import { joinPhrases, named, type Phrase, phrase, words } from '../format/phrase.js';
import { type FindingInputs, label, nameList, names, prefix } from './common.js';

const INTEGRITY_CODES = new Set([
  'truncated_line',
  'invalid_json_line',
  'sequence_gap',
  'manifest_sequence_mismatch',
]);
/** metalab replicate outcomes, reported once as missing evidence of the unit rather than here. */
const REPLICATE_CODES = new Set(['run_failed', 'run_incomplete', 'run_missing']);

export function degradedFindings(inputs: FindingInputs, multi: boolean): Finding[] {
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
      const parts: Phrase[] = [];
      for (const d of run.degraded) {
        parts.push(
          phrase`degraded record ${named(d.issueKey)}${d.stage ? phrase` in ${named(d.stage)}` : ''} (${named(d.degradationMarker)}): ${d.summary}`,
        );
      }
      for (const s of partial)
        parts.push(
          phrase`stage ${named(s.name)}: ${s.partialRecords} of ${s.recordCount} records not complete`,
        );
      const codes = [...new Set(runGaps.map((g) => g.code))];
      if (runGaps.length > 0) parts.push(words(`${runGaps.length} evidence gap(s): ${codes.join(', ')}`));
      const stages = [
        ...new Set(
          [...run.degraded.map((d) => d.stage), ...partial.map((s) => s.name)].filter(
            (s): s is string => s !== null,
          ),
        ),
      ];
      const nextSteps: Phrase[] = [];
      if (stages.length > 0) {
        nextSteps.push(
          phrase`re-run stage${stages.length > 1 ? 's' : ''} ${nameList(stages)} of ${named(run.ref)} to completion and capture its evidence again`,
        );
      }
      const other = codes.filter(
        (c) => !INTEGRITY_CODES.has(c) && c !== 'degraded_record' && c !== 'partial_record',
      );
      if (other.length > 0)
        nextSteps.push(phrase`resolve the evidence gaps (${other.join(', ')}) listed for ${named(run.ref)}`);
      if (codes.some((c) => INTEGRITY_CODES.has(c))) {
        nextSteps.push(
          words("run Contexta's integrity check on the workspace (repair_truncated_tails, rebuild_indexes)"),
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
        title: phrase`${prefix(unit, multi)}${side} evidence of ${named(run.ref)} is degraded`,
        detail: phrase`${joinPhrases(parts.slice(0, 6), '; ')}${parts.length > 6 ? `; and ${parts.length - 6} more` : ''}`,
        nextSteps,
      });
    }
  }
  return out;
}

/** Counts per replicate status: our own words (success, failed, crashed, …). */
function failedReplicates(run: Run | null): string | null {
  const bad = run?.metalab?.replicates.filter((r) => r.status !== 'success') ?? [];
  if (bad.length === 0) return null;
  const counts = new Map<string, number>();
  for (const r of bad) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}

export function missingFindings(inputs: FindingInputs, multi: boolean): Finding[] {
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
          ? phrase`${p}unit ${named(unit.comparison.unit)} is new: no baseline unit with these parameters`
          : phrase`${p}no baseline run for ${named(candidate.ref)}: regressions cannot be judged`,
        detail: words(
          metalabNew
            ? 'its metrics are reported; regression gates do not judge it'
            : 'absolute thresholds and evidence checks still apply; the verdict stays unknown for regressions',
        ),
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
        title: phrase`${p}${baseline.params !== null ? phrase`unit ${named(unit.comparison.unit)}` : phrase`project ${named(unit.comparison.project)}`} has a baseline run but no candidate run`,
        detail: phrase`baseline ${named(baseline.ref)}${replicates ? ` (${replicates})` : ''} has nothing to be compared with`,
        nextSteps: [
          phrase`run ${named(unit.comparison.unit)} in the candidate job, or remove it on purpose and say so in the PR`,
        ],
      });
    }
    const replicates = failedReplicates(candidate);
    if (candidate && replicates) {
      out.push({
        ...base(unit),
        severity: 'error',
        stage: null,
        title: phrase`${p}unit ${named(unit.comparison.unit)}: candidate replicates did not all succeed (${replicates})`,
        detail: joinPhrases(
          candidate.metalab!.replicates.map((r) => phrase`${named(r.runId)}: ${r.status}`),
          ', ',
        ),
        nextSteps: [
          phrase`look at the run logs of ${named(unit.comparison.unit)} (logs/<run_id>_run.log) and re-run it`,
        ],
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
        title: phrase`${p}stage${removedStages.length > 1 ? 's' : ''} ${nameList(removedStages)} of the baseline missing from the candidate`,
        detail: phrase`baseline ${named(baseline.ref)} has ${nameList(removedStages)}; candidate ${named(candidate.ref)} does not`,
        nextSteps: [phrase`make the candidate job run ${nameList(removedStages)} and capture its evidence`],
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
      const listed = nameList(overall.length > 0 ? overall : [...new Set(rows.map((r) => r.key))]);
      out.push({
        ...base(unit),
        severity: 'error',
        stage,
        metric: rows[0]!.key,
        title: phrase`${p}${stage === null ? 'run-level' : named(stage)} metrics in the baseline but missing from the candidate: ${listed}${slices > 0 ? ` (+${slices} slice series)` : ''}`,
        detail: joinPhrases(
          rows
            .slice(0, 8)
            .map((r) => phrase`${label(r.stage, r.key, r.slice)} (baseline ${formatNumber(r.baseline)})`),
          ', ',
        ),
        nextSteps: [
          phrase`make ${stage === null ? named(candidate.ref) : phrase`stage ${named(stage)} of ${named(candidate.ref)}`} record ${listed} again, then re-run the gate`,
        ],
      });
    }
    for (const s of unit.comparison.samples) {
      if (s.presence === 'baseline_only') {
        out.push({
          ...base(unit),
          severity: 'warning',
          stage: s.stage,
          title: phrase`${p}per-sample ${label(s.stage, s.key, null)} is in the baseline (${s.overall.baselineOnly.count} samples) but not in the candidate`,
          detail: words(
            'without per-sample outcomes, regressions of the linked metrics are judged on raw deltas only',
          ),
          nextSteps: [phrase`record per-sample ${named(s.key)} in stage ${named(s.stage)} again`],
        });
      } else if (s.presence === 'both' && s.overall.baselineOnly.count > 0) {
        const total = s.overall.paired + s.overall.baselineOnly.count;
        out.push({
          ...base(unit),
          severity: 'warning',
          stage: s.stage,
          title: phrase`${p}candidate has ${s.overall.paired} of the baseline's ${total} samples of ${label(s.stage, s.key, null)}`,
          detail: phrase`${s.overall.baselineOnly.count} baseline samples have no candidate outcome: ${names(s.overall.baselineOnly)}`,
          nextSteps: [
            phrase`check why stage ${named(s.stage)} of ${named(candidate.ref)} did not score every sample`,
          ],
        });
      }
    }
  }
  return out;
}
