import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/contexta/read.js';
import { Evidence, type Run } from '../../src/evidence/model.js';
import {
  allRuns,
  captureOnlyCopy,
  FIXTURES,
  findRun,
  findStage,
  gapLines,
  gapsOf,
  removeTempDirs,
  runsJson,
  SCENARIOS,
  SIDES,
  series,
} from '../support/evidence.js';
import { namesOf } from '../support/samples.js';

afterAll(removeTempDirs);

const QUICKSTART = path.join(FIXTURES, 'contexta/quickstart/.contexta');
const RUNTIME_DEMO = path.join(FIXTURES, 'contexta/generated/runtime-demo/.contexta');
const INTEGRITY = path.join(FIXTURES, 'contexta/generated/integrity');

function recordTotal(evidence: Evidence): number {
  return allRuns(evidence).reduce((sum, r) => sum + r.recordCount, 0);
}

describe('quickstart: a directory of two per-project workspaces', () => {
  it('finds both workspaces and both projects', async () => {
    const ev = await readEvidence(QUICKSTART);
    expectContract(ev);
    expectContract(await readEvidence(RUNTIME_DEMO));
    expect(ev.source.workspaces).toEqual([
      { path: 'cnn-image-clf', layouts: ['record_store'] },
      { path: 'wine-quality-clf', layouts: ['record_store'] },
    ]);
    expect(ev.projects.map((p) => p.name).sort()).toEqual(['cnn-image-clf', 'wine-quality-clf']);
  });

  it('wine: two runs with preprocess/train/evaluate and the EXPECTED.md values as latest', async () => {
    const ev = await readEvidence(QUICKSTART);
    const svm = findRun(ev, 'run:wine-quality-clf.svm-baseline');
    const rf = findRun(ev, 'run:wine-quality-clf.rf-experiment');
    for (const run of [svm, rf]) {
      expect(run.stages.map((s) => s.name)).toEqual(['preprocess', 'train', 'evaluate']);
      expect(run.recordCount).toBe(11);
      expect(run.status).toBeNull();
      expect(run.events).toEqual([
        {
          key: 'dataset.registered',
          level: expect.any(String),
          count: 1,
          lastMessage: expect.any(String),
          stage: 'preprocess',
        },
      ]);
    }
    const evaluate = (run: Run, key: string) => series(findStage(run, 'evaluate'), key).latest.value;
    const train = (run: Run, key: string) => series(findStage(run, 'train'), key).latest.value;
    expect(evaluate(svm, 'accuracy')).toBe(0.9722222222222222);
    expect(evaluate(rf, 'accuracy')).toBe(1.0);
    expect(evaluate(svm, 'f1')).toBe(0.9719701552732407);
    expect(evaluate(svm, 'precision')).toBe(0.974074074074074);
    expect(evaluate(svm, 'recall')).toBe(0.9722222222222222);
    expect(train(svm, 'cv-f1-fold-1')).toBe(0.9659170414792604);
    expect(train(rf, 'cv-f1-fold-1')).toBe(0.9322100313479623);
    expect(train(rf, 'cv-f1-fold-5')).toBe(0.96437522377372);
    expect(train(svm, 'cv-mean-f1')).toBe(0.9862432994029302);
    expect(train(rf, 'cv-mean-f1')).toBe(0.9793170510243364);
    expect(findStage(svm, 'preprocess').metrics).toEqual([]);
  });

  it('cnn: the degraded record and the 22 duplicate refs are gaps; latest values as in EXPECTED.md', async () => {
    const ev = await readEvidence(QUICKSTART);
    const cnn = findRun(ev, 'run:cnn-image-clf.cnn-v1');
    expect(cnn.recordCount).toBe(53);
    const duplicate = gapsOf(ev, 'duplicate_record_ref');
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]).toMatchObject({
      severity: 'warning',
      file: 'cnn-image-clf/records/segments/segment-000001.jsonl',
      line: 23,
      count: 22,
    });
    expect(duplicate[0]!.message).toContain('record:cnn-image-clf.cnn-v1.r00001');
    const degraded = gapsOf(ev, 'degraded_record');
    expect(degraded).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'cnn-image-clf/records/segments/segment-000001.jsonl',
        line: 45,
        ref: 'record:cnn-image-clf.cnn-v1.r00023',
        runRef: 'run:cnn-image-clf.cnn-v1',
        stage: 'train',
      }),
    ]);
    expect(cnn.degraded).toEqual([
      {
        recordRef: 'record:cnn-image-clf.cnn-v1.r00023',
        issueKey: 'val_loss_not_improving',
        category: 'verification',
        severity: 'warning',
        summary: 'val-loss has not improved for 3 consecutive epochs',
        degradationMarker: 'partial_failure',
        stage: 'train',
      },
    ]);
    const train = findStage(cnn, 'train');
    expect(series(train, 'epoch-15-val-loss').latest.value).toBe(3.919312915802002);
    expect(series(train, 'best-val-accuracy').latest.value).toBe(0.13);
    expect(series(train, 'mean-val-accuracy').latest.value).toBe(0.082);
    // The first attempt's copies were dropped as duplicates, so each epoch-1..7 series holds one observation.
    expect(series(train, 'epoch-1-val-loss').count).toBe(1);
    const evaluate = findStage(cnn, 'evaluate');
    expect(series(evaluate, 'f1').latest.value).toBe(0.1347074913723271);
    expect(series(evaluate, 'recall').latest.value).toBe(0.13327894327894324);
  });

  it('without a ledger every workspace gets one statuses_unavailable gap', async () => {
    const ev = await readEvidence(QUICKSTART);
    const gaps = gapsOf(ev, 'statuses_unavailable');
    expect(gaps).toHaveLength(2);
    expect(gaps.every((g) => g.severity === 'info')).toBe(true);
  });
});

describe('runtime demo: record store and capture cache of the same 18 records', () => {
  it('merges both layouts without double counting', async () => {
    const ev = await readEvidence(RUNTIME_DEMO);
    expect(ev.source.workspaces).toEqual([
      { path: '.', layouts: ['record_store', 'capture_cache', 'artifact_bindings'] },
    ]);
    expect(recordTotal(ev)).toBe(18);
    expect(allRuns(ev).map((r) => [r.ref, r.recordCount])).toEqual([
      ['run:gate-demo.baseline', 9],
      ['run:gate-demo.candidate', 9],
    ]);
    expect(ev.notes.some((n) => n.includes('18 capture-cache record(s) were skipped'))).toBe(true);
    expect(gapsOf(ev, 'duplicate_record_ref')).toEqual([]);
  });

  it('loss latest 0.41 / 0.35 with 3 steps; batch and stage accuracy kept apart; run-level wall time', async () => {
    for (const [ref, loss, stageAcc, batchAcc] of [
      ['run:gate-demo.baseline', 0.41, 0.9, 0.89],
      ['run:gate-demo.candidate', 0.35, 0.93, 0.92],
    ] as const) {
      const ev = await readEvidence(RUNTIME_DEMO);
      const run = findRun(ev, ref);
      const lossSeries = series(findStage(run, 'train'), 'loss');
      expect(lossSeries.latest.value).toBe(loss);
      expect(lossSeries.count).toBe(3);
      expect(lossSeries.steps).toEqual({ count: 3, first: 1, last: 3, min: 1, max: 3 });
      expect(series(findStage(run, 'train'), 'epochs').latest.value).toBe(3);
      const evaluate = findStage(run, 'evaluate');
      expect(series(evaluate, 'accuracy').latest.value).toBe(stageAcc);
      expect(series(evaluate, 'accuracy').unit).toBe('ratio');
      expect(series(evaluate, 'accuracy', null, 'shard-0').latest.value).toBe(batchAcc);
      expect(evaluate.batches).toEqual([
        { ref: `batch:${ref.slice(4)}.evaluate.shard-0`, name: 'shard-0', status: null },
      ]);
      expect(run.runMetrics.map((m) => [m.key, m.latest.value, m.unit, m.scope])).toEqual([
        ['wall-time-s', 12.5, 's', 'run'],
      ]);
      expect(run.artifacts).toHaveLength(1);
      expect(run.artifacts[0]).toMatchObject({ kind: 'checkpoint', source: 'binding', stage: 'train' });
      expect(run.artifacts[0]!.location).toBe('path:/home/runner/work/ml-repo/out/model.ckpt');
    }
  });

  it('spans are counted, not interpreted, and do not break the reading', async () => {
    const ev = await readEvidence(RUNTIME_DEMO);
    expect(findStage(findRun(ev, 'run:gate-demo.baseline'), 'train').recordCount).toBe(5);
    expect(ev.notes.some((n) => n.startsWith('2 span record(s)'))).toBe(true);
  });

  it('the capture cache alone gives the same series', async () => {
    const full = await readEvidence(RUNTIME_DEMO);
    const capture = await readEvidence(captureOnlyCopy(RUNTIME_DEMO));
    expect(capture.source.workspaces[0]!.layouts).toEqual(['capture_cache']);
    expect(metricView(capture)).toEqual(metricView(full));
    expect(allRuns(capture).map((r) => r.artifacts.map((a) => [a.ref, a.source, a.status, a.hash]))).toEqual(
      allRuns(full).map((r) => r.artifacts.map((a) => [a.ref, 'capture', 'BOUND', a.hash])),
    );
  });
});

describe('integrity variants of the wine store (format spec §9 table)', () => {
  const cases: Array<[string, string[], number]> = [
    ['truncated-tail', ['truncated_line@22'], 21],
    ['invalid-json-middle', ['invalid_json_line@5', 'sequence_gap@6'], 21],
    ['sequence-gap', ['sequence_gap@10'], 21],
    ['manifest-mismatch', [], 22],
    ['nan-metric-value', ['non_finite_number@2'], 22],
    ['unknown-payload-field', ['unknown_field@2'], 22],
    ['underscore-metric-key', ['record_invalid@2'], 21],
    ['blank-line', [], 22],
    ['duplicate-sequence', ['duplicate_sequence@3', 'sequence_gap@4'], 22],
  ];
  it.each(cases)('%s → %j, %i records', async (variant, lines, records) => {
    const ev = await readEvidence(path.join(INTEGRITY, variant));
    expectContract(ev);
    expect(ev.source.workspaces).toEqual([{ path: '.', layouts: ['record_store'] }]);
    expect(gapLines(ev).sort()).toEqual([...lines].sort());
    expect(recordTotal(ev)).toBe(records);
    for (const gap of ev.gaps.filter((g) => g.line !== undefined)) {
      expect(gap.file).toBe('segments/segment-000001.jsonl');
    }
  });

  it('a manifest claiming more records than the segments hold is an error; a torn tail stays a warning', async () => {
    const claims = await readEvidence(path.join(INTEGRITY, 'manifest-mismatch'));
    expect(gapsOf(claims, 'manifest_sequence_mismatch')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'manifest.json',
        message: expect.stringContaining(
          'up to sequence 25 were committed, but the segments end at sequence 22',
        ),
      }),
    ]);
    const torn = await readEvidence(path.join(INTEGRITY, 'truncated-tail'));
    expect(gapsOf(torn, 'manifest_sequence_mismatch')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'manifest.json' }),
    ]);
    expect(gapsOf(torn, 'truncated_line')).toEqual([
      expect.objectContaining({ severity: 'error', line: 22 }),
    ]);
    const healthy = await readEvidence(path.join(INTEGRITY, 'blank-line'));
    expect(gapsOf(healthy, 'manifest_sequence_mismatch')).toEqual([]);
  });

  it('a sequence gap names the missing range', async () => {
    const ev = await readEvidence(path.join(INTEGRITY, 'sequence-gap'));
    expect(gapsOf(ev, 'sequence_gap')[0]!.message).toContain('record 10 is missing');
  });

  it('an invalid record names the field, what was expected and what was found', async () => {
    const ev = await readEvidence(path.join(INTEGRITY, 'underscore-metric-key'));
    const gap = gapsOf(ev, 'record_invalid')[0]!;
    expect(gap.severity).toBe('error');
    expect(gap.message).toContain('payload.metric_key');
    expect(gap.message).toContain('no underscores');
    expect(gap.message).toContain('"cv_f1_fold_1"');
  });

  it('NaN is reported and never becomes a value', async () => {
    const ev = await readEvidence(path.join(INTEGRITY, 'nan-metric-value'));
    const svmTrain = findStage(findRun(ev, 'run:wine-quality-clf.svm-baseline'), 'train');
    expect(svmTrain.recordCount).toBe(6);
    expect(svmTrain.metrics.map((m) => m.key)).not.toContain('cv-f1-fold-1');
    expect(gapsOf(ev, 'series_lost')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        stage: 'train',
        count: 1,
        runRef: 'run:wine-quality-clf.svm-baseline',
      }),
    ]);
    expect(gapsOf(ev, 'non_finite_number')[0]).toMatchObject({
      ref: 'record:wine-quality-clf.svm-baseline.r00002',
      runRef: 'run:wine-quality-clf.svm-baseline',
      stage: 'train',
    });
  });

  it('an unknown field is reported once per file and field, and the record is still read', async () => {
    const ev = await readEvidence(path.join(INTEGRITY, 'unknown-payload-field'));
    const gap = gapsOf(ev, 'unknown_field');
    expect(gap).toEqual([expect.objectContaining({ severity: 'warning', count: 1 })]);
    expect(gap[0]!.message).toContain('payload.extra_field');
    const train = findStage(findRun(ev, 'run:wine-quality-clf.svm-baseline'), 'train');
    expect(series(train, 'cv-f1-fold-1').latest.value).toBe(0.9659170414792604);
  });
});

/** The reading conforms to the model's zod schema — the contract other modules code against. */
function expectContract(evidence: Evidence): void {
  const parsed = Evidence.safeParse(evidence);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
}

/** Series values and sample outcomes per run/stage, in a form two readings can be compared by. */
function metricView(ev: Evidence) {
  return allRuns(ev).map((run) => ({
    run: run.ref,
    recordCount: run.recordCount,
    runMetrics: run.runMetrics,
    events: run.events,
    degraded: run.degraded,
    stages: run.stages.map((s) => ({
      name: s.name,
      recordCount: s.recordCount,
      partialRecords: s.partialRecords,
      metrics: s.metrics,
      samples: s.samples.map((x) => ({ ...x, values: [...x.values], sliceIndex: [...x.sliceIndex] })),
    })),
  }));
}

describe.each(SCENARIOS)('scenario %s', (scenario) => {
  const expected = runsJson(scenario);
  it.each(SIDES)(
    '%s: record and artifact counts match runs.json; capture-only reading is identical',
    async (side) => {
      const workspace = path.join(FIXTURES, 'scenarios', scenario, side, '.contexta');
      const full = await readEvidence(path.join(FIXTURES, 'scenarios', scenario, side));
      const hasArtifacts = expected.persisted[side].artifacts > 0;
      expect(full.source.workspaces).toEqual([
        {
          path: '.contexta',
          layouts: [
            'record_store',
            'capture_cache',
            'ledger',
            ...(hasArtifacts ? ['artifact_bindings'] : []),
          ],
        },
      ]);
      const runRef = side === 'baseline' ? expected.baseline_run : expected.candidate_run;
      expect(allRuns(full).map((r) => r.ref)).toEqual([runRef]);
      const run = findRun(full, runRef);
      expect(run.recordCount).toBe(expected.persisted[side].records);
      expect(run.artifacts).toHaveLength(expected.persisted[side].artifacts);
      expect(gapsOf(full, 'duplicate_record_ref')).toEqual([]);

      const capture = await readEvidence(captureOnlyCopy(workspace));
      expect(capture.source.workspaces).toEqual([{ path: '.', layouts: ['capture_cache'] }]);
      expectContract(full);
      expectContract(capture);
      expect(metricView(capture)).toEqual(metricView(full));
      expect(findRun(capture, runRef).artifacts.map((a) => [a.ref, a.hash, a.sizeBytes])).toEqual(
        run.artifacts.map((a) => [a.ref, a.hash, a.sizeBytes]),
      );
    },
  );
});

describe('scenario contents', () => {
  const read = (scenario: string, side: string) =>
    readEvidence(path.join(FIXTURES, 'scenarios', scenario, side));

  it('slice-regression: per-sample outcomes pair by name and carry slices (apac 31/34 → 28/34)', async () => {
    const counts: number[] = [];
    for (const side of SIDES) {
      const ev = await read('slice-regression', side);
      const evaluate = findStage(allRuns(ev)[0]!, 'evaluate');
      const correct = evaluate.samples.find((s) => s.key === 'correct')!;
      expect(correct.ids).toHaveLength(400);
      expect(correct.binary).toBe(true);
      expect(namesOf(correct)[0]).toMatch(/^s-\d{4}$/);
      expect([...correct.sliceNames].sort()).toEqual(['region-apac', 'region-eu', 'region-us']);
      const apac = correct.sliceNames.indexOf('region-apac');
      let n = 0;
      let sum = 0;
      correct.sliceIndex.forEach((s, i) => {
        if (s === apac) {
          n += 1;
          sum += correct.values[i]!;
        }
      });
      expect(n).toBe(34);
      counts.push(sum);
      expect(series(evaluate, 'accuracy', 'region-apac').scope).toBe('slice');
      expect(evaluate.samples.find((s) => s.key === 'score')!.binary).toBe(false);
    }
    expect(counts).toEqual([31, 28]);
  });

  it('slice-regression: overall and slice accuracy are separate series', async () => {
    const ev = await read('slice-regression', 'baseline');
    const evaluate = findStage(allRuns(ev)[0]!, 'evaluate');
    expect(series(evaluate, 'accuracy').latest.value).toBe(0.8375);
    expect(series(evaluate, 'accuracy').scope).toBe('stage');
    expect(evaluate.metrics.filter((m) => m.key === 'accuracy').map((m) => m.slice)).toEqual([
      null,
      'region-apac',
      'region-eu',
      'region-us',
    ]);
  });

  it('incomplete-evidence candidate: degraded error and partial records are gaps attributed to evaluate', async () => {
    const ev = await read('incomplete-evidence', 'candidate');
    const run = allRuns(ev)[0]!;
    expect(run.degraded).toEqual([
      expect.objectContaining({
        issueKey: 'evaluate.summary_metrics_missing',
        severity: 'error',
        degradationMarker: 'capture_gap',
      }),
    ]);
    expect(gapsOf(ev, 'degraded_record')).toEqual([
      expect.objectContaining({
        severity: 'error',
        stage: 'evaluate',
        runRef: 'run:incomplete-evidence.gbm-250-v2',
        line: 85,
      }),
    ]);
    expect(gapsOf(ev, 'partial_record')).toEqual([
      expect.objectContaining({ severity: 'warning', stage: 'evaluate', count: 2 }),
    ]);
    const evaluate = findStage(run, 'evaluate');
    expect(evaluate.partialRecords).toBe(2);
    expect(evaluate.metrics.map((m) => m.key)).toEqual(['eval.samples-scored']);
    expect(series(evaluate, 'eval.samples-scored').completeness).toBe('partial');
    expect(evaluate.samples.find((s) => s.key === 'correct')!.ids).toHaveLength(37);
  });

  it('deployment-promotion baseline: the deployment.promoted event is a deployment', async () => {
    const ev = await read('deployment-promotion', 'baseline');
    expect(ev.projects[0]!.deployments).toEqual([
      {
        ref: 'deployment:deployment-promotion.prod-v1',
        name: 'prod-v1',
        status: null,
        runRef: 'run:deployment-promotion.rf-v7',
        startedAt: expect.stringMatching(/Z$/),
        endedAt: null,
        source: 'event',
        attributes: { approved_by: 'release-bot', endpoint: 'credit-scoring', traffic_percent: 100 },
      },
    ]);
  });

  it('llm-eval: the inference stage and four per-sample series', async () => {
    const ev = await read('llm-eval', 'candidate');
    const run = allRuns(ev)[0]!;
    expect(run.stages.map((s) => s.name)).toEqual(['preprocess', 'inference', 'evaluate']);
    expect(series(findStage(run, 'inference'), 'latency-ms.p95').unit).toBe('ms');
    expect(findStage(run, 'evaluate').samples.map((s) => [s.key, s.ids.length, s.binary])).toEqual([
      ['latency-ms', 200, false],
      ['pass', 200, true],
      ['tokens.completion', 200, false],
      ['tokens.prompt', 200, false],
    ]);
  });
});
