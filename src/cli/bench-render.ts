/**
 * `contexta-gate bench-render --metrics N --slices N` (hidden, for `npm run bench`): builds a
 * synthetic GateReport of N metrics × N slices and renders it as markdown, so the benchmark can time
 * the renderer of the built CLI on a report far larger than any fixture. It prints the comment and
 * nothing else; the timing belongs to whoever runs it.
 */
import { parseArgs } from 'node:util';
import type { EnvironmentChange, MetricDelta, RunComparison, RunIdentity } from '../compare/types.js';
import { formatChange, metricLabel } from '../format/numbers.js';
import {
  GATE_REPORT_SCHEMA_VERSION,
  type GateCheck,
  type GateReport,
  type GateResult,
} from '../gates/types.js';
import { renderMarkdown } from '../report/index.js';
import type { CommandIo } from './inspect.js';

const USAGE = `usage: contexta-gate bench-render --metrics <n> --slices <n>

  Renders the markdown comment of a synthetic report with <n> metrics × <n> slices (benchmarking).
`;

/** Tripped rows: every 7th slice of the first this-many metrics, like a wide slice regression. */
const FAILING_METRICS = 50;
const FAILING_GATES = 3;

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

function metricDelta(key: string, slice: string | null, baseline: number, candidate: number): MetricDelta {
  const delta = candidate - baseline;
  return {
    stage: 'evaluate',
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

function failingCheck(key: string, slice: string, baseline: number, candidate: number): GateCheck {
  return {
    outcome: 'fail',
    project: 'bench',
    unit: 'run',
    stage: 'evaluate',
    metric: key,
    slice,
    subject: null,
    baseline,
    candidate,
    delta: candidate - baseline,
    relativeChange: (candidate - baseline) / baseline,
    direction: 'higher',
    limit: 'max_drop 0.05 (absolute)',
    n: null,
    sampleKey: null,
    pValue: null,
    interval: null,
    reason: `${metricLabel('evaluate', key, slice)} dropped ${formatChange(baseline, candidate)}, more than max_drop 0.05`,
    waiver: null,
  };
}

function gate(name: string, checks: GateCheck[]): GateResult {
  const worst = checks[0] ?? null;
  return {
    name,
    kind: 'regression',
    severity: 'fail',
    outcome: checks.length > 0 ? 'fail' : 'pass',
    message: worst ? worst.reason : `${name}: nothing tripped`,
    checks,
    worst,
    evidence: [],
    waivers: [],
  };
}

/**
 * `metrics` metrics in stage evaluate, each overall and per slice. A few slice rows drop by 0.1 and
 * trip one of three failing gates; a third of the rest are unchanged, the others move slightly.
 */
export function syntheticReport(metrics: number, slices: number): GateReport {
  const rows: MetricDelta[] = [];
  const tripped: GateCheck[] = [];
  for (let m = 0; m < metrics; m++) {
    const key = `metric-${String(m).padStart(5, '0')}`;
    rows.push(metricDelta(key, null, 0.8, m % 3 === 0 ? 0.8 : 0.8 + ((m % 11) - 5) / 1000));
    for (let s = 0; s < slices; s++) {
      const slice = `slice-${String(s).padStart(2, '0')}`;
      if (m < FAILING_METRICS && s % 7 === 0) {
        rows.push(metricDelta(key, slice, 0.9, 0.8));
        tripped.push(failingCheck(key, slice, 0.9, 0.8));
      } else {
        rows.push(metricDelta(key, slice, 0.7, (m + s) % 3 === 0 ? 0.7 : 0.7 + ((s % 5) - 2) / 1000));
      }
    }
  }
  const gates = Array.from({ length: FAILING_GATES }, (_, g) =>
    gate(
      `slice floor ${g + 1}`,
      tripped.filter((_, i) => i % FAILING_GATES === g),
    ),
  );
  const baselineRun: RunIdentity = {
    ref: 'run:bench.baseline',
    project: 'bench',
    name: 'baseline',
    status: 'completed',
  };
  const candidateRun: RunIdentity = {
    ref: 'run:bench.candidate',
    project: 'bench',
    name: 'candidate',
    status: 'completed',
  };
  const comparison: RunComparison = {
    project: 'bench',
    unit: 'run',
    presence: 'both',
    baselineRun,
    candidateRun,
    stages: [],
    metrics: rows,
    samples: [],
    batches: [],
    artifacts: [],
    environment: ENVIRONMENT,
    notes: [],
  };
  const failing = gates.some((g) => g.outcome === 'fail');
  return {
    schemaVersion: GATE_REPORT_SCHEMA_VERSION,
    verdict: failing ? 'fail' : 'pass',
    exit: failing
      ? { outcome: 'fail', code: 1, reason: 'verdict fail' }
      : { outcome: 'pass', code: 0, reason: 'verdict pass' },
    headline: failing ? 'slice regressions found' : 'no regression',
    baseline: { kind: 'contexta', root: 'baseline/.contexta', runs: [baselineRun] },
    candidate: { kind: 'contexta', root: 'candidate/.contexta', runs: [candidateRun] },
    gates,
    comparisons: [comparison],
    findings: [],
    diagnostics: [],
    gaps: { baseline: [], candidate: [] },
    waivers: { accepted: [], rejected: [], unused: [] },
    notes: [],
    nextSteps: gates.filter((g) => g.outcome === 'fail').map((g) => `fix ${g.name}`),
    context: {},
  };
}

function count(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !Number.isSafeInteger(n) || n < 0) {
    throw new Error(`--${flag} must be a whole number ≥ 0, got ${text ?? 'nothing'}`);
  }
  return n;
}

export function benchRenderCommand(args: string[], io: CommandIo): number {
  let metrics: number;
  let slices: number;
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { metrics: { type: 'string' }, slices: { type: 'string' } },
    });
    metrics = count('metrics', values.metrics);
    slices = count('slices', values.slices);
  } catch (error) {
    io.stderr(`contexta-gate bench-render: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  io.stdout(renderMarkdown(syntheticReport(metrics, slices)));
  return 0;
}
