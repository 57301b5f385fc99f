import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/contexta/read.js';
import { judgeRuns } from '../../src/engine/engine.js';
import type { GateReport } from '../../src/gates/types.js';
import { holmAdjust } from '../../src/stats/index.js';
import {
  cacheOnlyCopy,
  evidence,
  loadConfig,
  referenceConfig,
  type Scenario,
  scenarioPath,
} from '../support/engine-fixtures.js';

async function evaluate(
  scenario: Scenario,
  yaml: string,
  options: { baseline?: 'none' | 'swap' } = {},
): Promise<GateReport> {
  const baseline = await evidence(scenarioPath(scenario, 'baseline'));
  const candidate = await evidence(scenarioPath(scenario, 'candidate'));
  const config = await loadConfig(yaml);
  if (options.baseline === 'none') return judgeRuns({ baseline: null, candidate, config });
  if (options.baseline === 'swap') return judgeRuns({ baseline: candidate, candidate: baseline, config });
  return judgeRuns({ baseline, candidate, config });
}

const gate = (report: GateReport, name: string) => report.gates.find((g) => g.name === name)!;

const SLICE_FLOOR = (extra: string) => `
version: 1
gates:
  - name: slice floor
    metric: [evaluate/accuracy, evaluate/f1, evaluate/auc]
    slices: all
    max_drop: 0.05
${extra}`;

describe('regression gates', () => {
  it('min_samples: a slice with fewer samples cannot fail the gate on its own', async () => {
    const report = await evaluate('slice-regression', SLICE_FLOOR('    min_samples: 40'));
    const floor = gate(report, 'slice floor');
    expect(floor.outcome).toBe('unknown');
    const apac = floor.checks.filter((c) => c.slice === 'region-apac' && c.outcome === 'unknown');
    expect(apac.map((c) => c.metric)).toEqual(['accuracy', 'auc', 'f1']);
    expect(apac[0]!.n).toBe(34);
    expect(apac[0]!.reason).toContain('only 34 samples (< min_samples 40)');
    expect(report.verdict).toBe('unknown');
    expect(report.exit).toMatchObject({ outcome: 'warn', code: 0 });
  });

  it('noise-aware by default: the region-apac drop (3 of 34 samples newly failing) is not significant', async () => {
    // slice-regression's apac drop: accuracy 0.9118 → 0.8235 on 34 paired samples, 3 newly failing and
    // none newly passing. One-sided McNemar mid-p gives p ≈ 0.06: a real-looking drop that 34 samples
    // cannot tell from noise at α = 0.05, so without `significance: false` the slice floor does not fail
    // on it, and the row says how large a drop would have to be to be seen.
    const report = await evaluate('slice-regression', SLICE_FLOOR(''));
    const floor = gate(report, 'slice floor');
    const row = (metric: string) =>
      floor.checks.find((c) => c.metric === metric && c.slice === 'region-apac')!;
    expect(row('accuracy')).toMatchObject({
      outcome: 'pass',
      sampleKey: 'correct',
      n: 34,
      test: 'mcnemar-mid-p',
    });
    expect(row('accuracy').pValue!).toBeCloseTo(0.0625, 4);
    // 3 discordant pairs, all against the candidate, are the strongest evidence 3 pairs can give:
    // p = ½·½³ = 0.0625 can never get below α/K for this gate, so Tarone's reduction leaves the row out
    // of the Holm family instead of letting it dilute the rows that could show a drop.
    expect(row('accuracy').adjustedPValue).toBeNull();
    expect(row('accuracy').reason).toContain(
      'but not significant (McNemar mid-p on correct: one-sided p = 0.063, n = 34; 3 newly failing, 0 newly passing are too few discordant pairs',
    );
    expect(row('accuracy').reason).toContain(
      'smallest attainable p = 0.063 — left out of the Holm family, Tarone',
    );
    expect(row('accuracy').mdeText).toMatch(
      /^evaluate\/accuracy@region-apac: n=34, a drop must exceed ≈0\.\d+ to be detectable at alpha 0\.05$/,
    );
    // The fixture's samples carry tags.label and tags.prediction and a per-sample score, so f1 and auc
    // are recomputed on each paired resample; Holm over the gate's 11 tested rows keeps them from failing.
    expect(row('auc')).toMatchObject({
      outcome: 'pass',
      sampleKey: 'label, score',
      test: 'paired-bootstrap-metric',
    });
    expect(row('f1')).toMatchObject({
      outcome: 'pass',
      sampleKey: 'label, prediction',
      test: 'paired-bootstrap-metric',
    });
    expect(row('auc').pValue!).toBeLessThan(0.05);
    expect(row('auc').adjustedPValue!).toBeGreaterThan(0.05);
    expect(floor.evidence[0]).toContain(
      'Holm-adjusted over 11 tested row(s) (1 more left out: too few discordant pairs to reach significance, Tarone)',
    );
    // `slices: all` is the overall series and every slice.
    expect(floor.checks.filter((c) => c.slice === null).map((c) => c.metric)).toEqual([
      'accuracy',
      'auc',
      'f1',
    ]);
    expect(floor.outcome).toBe('pass');
  });

  it("one family per severity and α across the run's gates: a shared row is one hypothesis", async () => {
    // A PR fails when any fail gate fails, so a README-style config (an overall gate and a slice floor,
    // each Holm-adjusted alone) let pure noise fail about 2α of PRs (docs/calibration.md). Their rows
    // are one family; the overall rows both gates test count once; a warn gate stays apart.
    const overall = `
  - name: no regression
    metric: evaluate/auc
    slices: all
    max_drop: 0.01`;
    const alone = gate(await evaluate('slice-regression', SLICE_FLOOR('')), 'slice floor');
    const report = await evaluate(
      'slice-regression',
      `${SLICE_FLOOR('')}${overall}
  - name: watch
    severity: warn
    metric: [evaluate/accuracy, evaluate/f1, evaluate/auc]
    slices: all
    max_drop: 0.05
`,
    );
    const floor = gate(report, 'slice floor');
    const headline = gate(report, 'no regression');
    const watch = gate(report, 'watch');
    const key = (c: { metric: string | null; slice: string | null }) => `${c.metric}@${c.slice ?? 'overall'}`;
    const tested = (g: typeof floor) => g.checks.filter((c) => c.adjustedPValue != null);
    // The floor's 11 rows contain the auc gate's 4, so the union is still 11 rows.
    expect(
      tested(headline)
        .map(key)
        .every((k) => tested(floor).map(key).includes(k)),
    ).toBe(true);
    expect(floor.evidence[0]).toContain('Holm-adjusted over 11 tested row(s) of 2 fail gates');
    expect(headline.evidence[0]).toContain('Holm-adjusted over 11 tested row(s) of 2 fail gates');
    const union = holmAdjust(tested(floor).map((c) => c.pValue!));
    tested(floor).forEach((c, i) => {
      expect(c.adjustedPValue!).toBeCloseTo(union[i]!, 15);
    });
    for (const c of tested(headline)) {
      const same = tested(floor).find((f) => key(f) === key(c))!;
      expect(c.pValue).toBe(same.pValue);
      expect(c.adjustedPValue).toBe(same.adjustedPValue);
    }
    // Alone, the auc gate would adjust over its own 4 rows only, and a smaller p would result.
    const headlineAlone = gate(
      await evaluate('slice-regression', `version: 1\ngates:${overall}\n`),
      'no regression',
    );
    expect(headlineAlone.evidence[0]).toContain('Holm-adjusted over 4 tested row(s)');
    const smallest = (g: typeof floor) => Math.min(...tested(g).map((c) => c.adjustedPValue!));
    expect(smallest(headlineAlone)).toBeLessThan(1);
    expect(smallest(headline)).toBeGreaterThan(smallest(headlineAlone));
    // The warn gate tests the same rows, but as its own family: its p-values match the floor's alone.
    expect(watch.evidence[0]).toContain('Holm-adjusted over 11 tested row(s)');
    expect(watch.evidence[0]).not.toContain('gates (one family');
    expect(tested(watch).map((c) => c.adjustedPValue)).toEqual(tested(alone).map((c) => c.adjustedPValue));
  });

  it('significance: false judges every row on the raw limit', async () => {
    const report = await evaluate('slice-regression', SLICE_FLOOR('    significance: false'));
    const floor = gate(report, 'slice floor');
    const apac = floor.checks.find((c) => c.metric === 'accuracy' && c.slice === 'region-apac')!;
    expect(apac).toMatchObject({ outcome: 'fail', pValue: null });
    expect(floor.evidence).toContain('significance: false — every row judged on the raw limit');
  });

  it('min_effect: changes smaller than it never fail', async () => {
    const report = await evaluate('slice-regression', SLICE_FLOOR('    min_effect: 0.1'));
    expect(gate(report, 'slice floor').outcome).toBe('pass');
    expect(report.verdict).toBe('pass');
  });

  it('neutral-direction metrics are reported, never failed', async () => {
    const report = await evaluate(
      'llm-eval',
      `
version: 1
gates:
  - name: tokens
    metric: "*/tokens.*"
    max_drop_pct: 1
    max_increase_pct: 1
`,
    );
    const tokens = gate(report, 'tokens');
    expect(tokens.outcome).toBe('skipped');
    expect(tokens.evidence.join('\n')).toMatch(
      /neutral direction, reported but never failed: .*tokens\.completion\.mean/,
    );
    const row = report.comparisons[0]!.metrics.find((m) => m.key === 'tokens.completion.mean')!;
    expect(row.direction).toBe('neutral');
    expect(row.change).toBe('neutral');
  });

  it('without a baseline: verdict unknown, absolute thresholds still apply', async () => {
    const yaml = `
version: 1
gates:
  - name: quality
    metric: evaluate/exact-match
    max_drop: 0.01
  - name: latency ceiling
    metric: inference/latency-ms.p95
    max: 1000
`;
    const report = await evaluate('llm-eval', yaml, { baseline: 'none' });
    expect(gate(report, 'quality').outcome).toBe('skipped');
    const ceiling = gate(report, 'latency ceiling');
    expect(ceiling.outcome).toBe('fail');
    expect(ceiling.message).toBe('inference/latency-ms.p95 = 1,178.6 is above max 1000');
    expect(report.verdict).toBe('fail');

    const lenient = await evaluate('llm-eval', yaml.replace('max: 1000', 'max: 2000'), { baseline: 'none' });
    expect(lenient.verdict).toBe('unknown');
    expect(gate(lenient, 'policy.missing_baseline').outcome).toBe('unknown');
    expect(lenient.headline).toMatch(
      /^UNKNOWN \(treated as warn\) — policy\.missing_baseline: no baseline evidence given/,
    );
    expect(lenient.exit).toEqual({
      outcome: 'warn',
      code: 0,
      reason: 'verdict unknown (not enough evidence to decide) mapped to warn by policy.unknown',
    });
  });

  it('policy.unknown: fail makes an unknown verdict fail the job while the verdict stays unknown', async () => {
    const report = await evaluate(
      'llm-eval',
      `
version: 1
policy:
  unknown: fail
gates: []
`,
      { baseline: 'none' },
    );
    expect(report.verdict).toBe('unknown');
    expect(report.exit.code).toBe(1);
  });

  it('a missing metric fails a threshold gate when policy.missing_metrics is fail', async () => {
    const report = await evaluate(
      'incomplete-evidence',
      `
version: 1
policy:
  missing_metrics: fail
gates:
  - name: accuracy floor
    metric: evaluate/accuracy
    min: 0.8
`,
    );
    const floor = gate(report, 'accuracy floor');
    expect(floor.outcome).toBe('fail');
    expect(floor.message).toBe(
      'evaluate/accuracy is missing from the candidate (baseline 0.86) (policy.missing_metrics: fail)',
    );
    // Judged by the gate, so the policy check does not repeat it; the rest of evaluate still counts.
    const policy = gate(report, 'policy.missing_metrics');
    expect(policy.checks.some((c) => c.metric === 'accuracy' && c.slice === null)).toBe(false);
    expect(policy.checks.some((c) => c.metric === 'f1')).toBe(true);
  });
});

describe('evidence, diagnostics and artifact gates', () => {
  it('diagnostics at warning level trip on the degraded record', async () => {
    const report = await evaluate(
      'incomplete-evidence',
      'version: 1\ngates:\n  - name: diag\n    diagnostics: warning\n',
    );
    const diag = gate(report, 'diag');
    expect(diag.outcome).toBe('fail');
    expect(diag.checks.map((c) => c.subject)).toEqual(['degraded_record']);
  });

  it('artifact growth limits', async () => {
    const report = await evaluate(
      'slice-regression',
      'version: 1\ngates:\n  - name: model size\n    artifact: model\n    max_growth_pct: 50\n',
    );
    const size = gate(report, 'model size');
    expect(size.outcome).toBe('fail');
    expect(size.message).toBe(
      'artifact model 29,013 → 106,607 bytes (+77,594, +267%), beyond max_growth_pct 50 %',
    );
    expect(report.findings.find((f) => f.code === 'artifact_growth')?.severity).toBe('error');
  });

  it('a degraded baseline makes the verdict unknown by default (policy.baseline_degraded)', async () => {
    const yaml = 'version: 1\ngates:\n  - name: q\n    metric: evaluate/accuracy\n    max_drop: 0.01\n';
    const report = await evaluate('incomplete-evidence', yaml, { baseline: 'swap' });
    const degraded = gate(report, 'policy.baseline_degraded');
    expect(degraded.outcome).toBe('unknown');
    expect(degraded.message).toContain('baseline run:incomplete-evidence.gbm-250-v2 is degraded');
    expect(report.verdict).toBe('unknown');
    const strict = await evaluate(
      'incomplete-evidence',
      yaml.replace('gates:', 'policy:\n  baseline_degraded: fail\ngates:'),
      {
        baseline: 'swap',
      },
    );
    expect(strict.verdict).toBe('fail');
  });

  it('error-severity gaps no gate judged fail the check through policy.evidence_gaps', async () => {
    const copy = await cacheOnlyCopy(scenarioPath('tabular-improves', 'candidate'));
    try {
      // A crash mid-write: the last capture line is cut off without a newline.
      await appendFile(join(copy.path, 'cache/capture/record.jsonl'), '{"captured_at":"2026-11-23T14:0');
      const candidate = await readEvidence(copy.path);
      const errors = candidate.gaps.filter((g) => g.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      const report = judgeRuns({
        baseline: await evidence(scenarioPath('tabular-improves', 'baseline')),
        candidate,
        config: await loadConfig('version: 1\ngates: []\n'),
      });
      const gaps = gate(report, 'policy.evidence_gaps');
      expect(gaps.outcome).toBe('fail');
      expect(gaps.checks.map((c) => c.subject)).toEqual(errors.map((g) => g.code));
      expect(report.verdict).toBe('fail');
    } finally {
      await copy.cleanup();
    }
  });
});

describe('comparing a run with itself', () => {
  it.each(['tabular-improves', 'slice-regression', 'llm-eval', 'noisy-small-diff'] as const)(
    '%s baseline against itself passes with no regression',
    async (scenario) => {
      const run = await evidence(scenarioPath(scenario, 'baseline'));
      const config = await referenceConfig();
      const report = judgeRuns({ baseline: run, candidate: run, config });
      expect(report.verdict).toBe('pass');
      const rows = report.comparisons.flatMap((c) => c.metrics);
      expect(rows.every((m) => m.change === 'unchanged' && m.delta === 0)).toBe(true);
      expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    },
  );
});

describe('evidence gate statuses', () => {
  it('a stage the ledger says failed trips `statuses`; unknown statuses are listed, not counted', async () => {
    const yaml = `
version: 1
gates:
  - name: complete
    require_complete: [evaluate]
    optional_stages: [train]
    statuses: fail
`;
    const baseline = await evidence(scenarioPath('tabular-improves', 'baseline'), { ledger: true });
    const candidate = structuredClone(
      await evidence(scenarioPath('tabular-improves', 'candidate'), { ledger: true }),
    );
    candidate.projects[0]!.runs[0]!.stages.find((s) => s.name === 'train')!.status = 'failed';
    const report = judgeRuns({ baseline, candidate, config: await loadConfig(yaml) });
    const complete = gate(report, 'complete');
    expect(complete.outcome).toBe('fail');
    expect(complete.message).toBe('stage train is failed, not completed');

    const noLedger = judgeRuns({
      baseline: await evidence(scenarioPath('tabular-improves', 'baseline')),
      candidate: await evidence(scenarioPath('tabular-improves', 'candidate')),
      config: await loadConfig(yaml),
    });
    const unknown = gate(noLedger, 'complete');
    expect(unknown.outcome).toBe('pass');
    expect(unknown.evidence).toContain(
      'statuses unknown (no ledger read) for evaluate, train: completion could not be checked',
    );
  });
});

describe('evidence gate on the run itself (`require_complete: [run]`)', () => {
  const yaml = (degraded: string) => `
version: 1
gates:
  - name: run complete
    require_complete: [run]
    degraded: ${degraded}
    partial: fail
    statuses: fail
`;

  it('judges degraded records, error gaps and partial series outside any stage of a Contexta run', async () => {
    const baseline = await evidence(scenarioPath('tabular-improves', 'baseline'));
    const candidate = structuredClone(await evidence(scenarioPath('tabular-improves', 'candidate')));
    const run = candidate.projects[0]!.runs[0]!;
    const clean = judgeRuns({ baseline, candidate, config: await loadConfig(yaml('fail')) });
    expect(gate(clean, 'run complete').outcome).toBe('pass');
    expect(gate(clean, 'run complete').checks.map((c) => c.subject)).toEqual(['run', 'run_evidence']);

    run.degraded.push({
      recordRef: `${run.ref}:record:1`,
      issueKey: 'job.timeout',
      category: null,
      severity: 'error',
      summary: 'the job hit its time limit',
      degradationMarker: 'partial_failure',
      stage: null,
    });
    candidate.gaps.push(
      { code: 'record_invalid', severity: 'error', runRef: run.ref, message: 'run-level record unusable' },
      {
        code: 'record_invalid',
        severity: 'error',
        runRef: run.ref,
        stage: 'train',
        message: 'stage record unusable',
      },
    );
    const report = judgeRuns({ baseline, candidate, config: await loadConfig(yaml('fail')) });
    const complete = gate(report, 'run complete');
    expect(complete.outcome).toBe('fail');
    expect(complete.checks.filter((c) => c.outcome === 'fail').map((c) => c.reason)).toEqual([
      'run level: degraded record job.timeout (partial_failure, error): the job hit its time limit',
      'evidence gap record_invalid: run-level record unusable',
    ]);
    // The stage's gap is not the run's own evidence: it stays for policy.evidence_gaps.
    expect(gate(report, 'policy.evidence_gaps').checks.map((c) => c.reason)).toEqual([
      'record_invalid: stage record unusable',
    ]);

    const ignored = judgeRuns({ baseline, candidate, config: await loadConfig(yaml('ignore')) });
    expect(gate(ignored, 'run complete').outcome).toBe('pass');
    expect(gate(ignored, 'policy.evidence_gaps').checks).toHaveLength(2);
  });
});
