/**
 * Hand-built GateReports for tests that need shapes no fixture has: very large reports and hostile
 * names. Values are arbitrary but consistent (delta = candidate − baseline).
 */
import type { EnvironmentChange, MetricDelta, RunComparison } from '../../src/compare/types.js';
import {
  GATE_REPORT_SCHEMA_VERSION,
  type GateCheck,
  type GateReport,
  type GateResult,
} from '../../src/gates/types.js';

const ENVIRONMENT: EnvironmentChange = {
  status: 'compared',
  changed: false,
  python: null,
  platform: null,
  packagesAdded: [],
  packagesRemoved: [],
  packagesChanged: [],
  variableNamesAdded: [],
  variableNamesRemoved: [],
};

export function metricDelta(
  stage: string,
  key: string,
  slice: string | null,
  baseline: number,
  candidate: number,
): MetricDelta {
  const delta = candidate - baseline;
  return {
    stage,
    key,
    slice,
    batch: null,
    unit: null,
    presence: 'both',
    status: 'compared',
    baseline,
    candidate,
    delta,
    relativeChange: baseline === 0 ? null : delta / Math.abs(baseline),
    ratio: baseline === 0 ? null : candidate / baseline,
    direction: 'higher',
    change: delta === 0 ? 'unchanged' : delta > 0 ? 'better' : 'worse',
    baselineCount: 1,
    candidateCount: 1,
    baselineNonFinite: 0,
    candidateNonFinite: 0,
    baselineDegraded: false,
    candidateDegraded: false,
    baselinePartial: false,
    candidatePartial: false,
    baselineReplicates: [],
    candidateReplicates: [],
    sampleLink: null,
    reason: null,
  };
}

export function check(
  outcome: GateCheck['outcome'],
  stage: string,
  metric: string,
  slice: string | null,
  baseline: number,
  candidate: number,
  limit: string,
): GateCheck {
  return {
    outcome,
    project: 'p',
    unit: 'u',
    stage,
    metric,
    slice,
    subject: null,
    baseline,
    candidate,
    delta: candidate - baseline,
    relativeChange: (candidate - baseline) / baseline,
    direction: 'higher',
    limit,
    n: null,
    sampleKey: null,
    pValue: null,
    interval: null,
    reason: `${stage}/${metric}${slice === null ? '' : `@${slice}`} went ${baseline} → ${candidate}`,
    waiver: null,
  };
}

export function gate(name: string, outcome: GateResult['outcome'], checks: GateCheck[]): GateResult {
  const worst = checks.find((c) => c.outcome === 'fail') ?? checks[0] ?? null;
  return {
    name,
    kind: 'regression',
    severity: 'fail',
    outcome,
    message: worst ? worst.reason : `${name}: nothing to check`,
    checks,
    worst,
    evidence: [],
    waivers: [],
  };
}

export function comparison(metrics: MetricDelta[]): RunComparison {
  return {
    project: 'p',
    unit: 'u',
    presence: 'both',
    baselineRun: { ref: 'run:p.base', project: 'p', name: 'base', status: 'completed' },
    candidateRun: { ref: 'run:p.cand', project: 'p', name: 'cand', status: 'completed' },
    stages: [],
    metrics,
    samples: [],
    batches: [],
    artifacts: [],
    environment: ENVIRONMENT,
    notes: [],
  };
}

export function report(gates: GateResult[], comparisons: RunComparison[]): GateReport {
  const verdict = gates.some((g) => g.outcome === 'fail') ? 'fail' : 'pass';
  return {
    schemaVersion: GATE_REPORT_SCHEMA_VERSION,
    verdict,
    exit: { outcome: verdict, code: verdict === 'fail' ? 1 : 0, reason: `verdict ${verdict}` },
    headline: verdict === 'fail' ? 'regressions found' : 'no regression',
    baseline: { kind: 'contexta', root: 'baseline/.contexta', runs: [comparisons[0]!.baselineRun!] },
    candidate: { kind: 'contexta', root: 'candidate/.contexta', runs: [comparisons[0]!.candidateRun!] },
    gates,
    comparisons,
    findings: [],
    diagnostics: [],
    gaps: { baseline: [], candidate: [] },
    waivers: { accepted: [], rejected: [], unused: [] },
    notes: [],
    nextSteps: gates.filter((g) => g.outcome === 'fail').map((g) => `fix ${g.name}`),
    context: {},
  };
}

/**
 * `metricCount` metrics × `sliceCount` slices (plus each metric's overall series) in stage
 * evaluate. Every 7th slice row of the first 50 metrics drops by 0.1 and trips one of
 * `failingGates` gates; a third of the rest are unchanged, the others move slightly.
 */
export function largeReport(metricCount: number, sliceCount: number, failingGates: number): GateReport {
  const metrics: MetricDelta[] = [];
  const tripped: GateCheck[] = [];
  for (let m = 0; m < metricCount; m++) {
    const key = `metric-${String(m).padStart(5, '0')}`;
    metrics.push(metricDelta('evaluate', key, null, 0.8, m % 3 === 0 ? 0.8 : 0.8 + ((m % 11) - 5) / 1000));
    for (let s = 0; s < sliceCount; s++) {
      const slice = `slice-${String(s).padStart(2, '0')}`;
      if (m < 50 && s % 7 === 0) {
        metrics.push(metricDelta('evaluate', key, slice, 0.9, 0.8));
        tripped.push(check('fail', 'evaluate', key, slice, 0.9, 0.8, 'max_drop 0.05 (absolute)'));
      } else {
        metrics.push(
          metricDelta('evaluate', key, slice, 0.7, (m + s) % 3 === 0 ? 0.7 : 0.7 + ((s % 5) - 2) / 1000),
        );
      }
    }
  }
  const gates: GateResult[] = [];
  for (let g = 0; g < failingGates; g++) {
    gates.push(
      gate(
        `failing gate ${g}`,
        'fail',
        tripped.filter((_, i) => i % failingGates === g),
      ),
    );
  }
  gates.push(
    gate('latency budget', 'pass', [
      check('pass', 'evaluate', 'latency-ms.p95', null, 100, 101, 'max_increase 10%'),
    ]),
  );
  return report(gates, [comparison(metrics)]);
}
