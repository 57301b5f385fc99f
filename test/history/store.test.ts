import { afterAll, describe, expect, it } from 'vitest';
import { historyRecords } from '../../src/history/from-evidence.js';
import {
  describeRecord,
  HISTORY_MAX_RUNS,
  HISTORY_MAX_SERIES,
  type HistoryRecord,
} from '../../src/history/record.js';
import { seriesPoints } from '../../src/history/series.js';
import { appendHistory, parseHistory, projectHistory, serializeHistory } from '../../src/history/store.js';
import { openEvidence } from '../../src/sources/open.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import { HISTORY_PROJECT, workspaceWithAccuracy } from '../support/history-runs.js';

afterAll(removeTempDirs);

async function recordsOf(accuracy: number, runId: number): Promise<HistoryRecord[]> {
  const evidence = await openEvidence(workspaceWithAccuracy(tempDir(), accuracy), { ledger: null });
  return historyRecords(evidence, { runId, commit: 'abcdef1234567', recordedAt: '2026-12-01T00:00:00Z' });
}

/** A record shaped like a real one, with `series` values, for bound tests. */
function synthetic(project: string, runId: number, series = 20): HistoryRecord {
  return {
    v: 1,
    project,
    run: `run:${project}.r`,
    runId,
    commit: runId.toString(16).padStart(40, '0'),
    time: new Date(Date.UTC(2026, 0, 1) + runId * 60_000).toISOString(),
    metrics: Array.from({ length: series }, (_, i) => [
      null,
      'evaluate',
      `metric-${i}`,
      null,
      0.5 + i / 1000,
    ]),
  };
}

describe('history records from evidence', () => {
  it('holds the stage, key, slice and value of every finite series of the run, with run id, commit and time', async () => {
    const [record] = await recordsOf(0.8123, 41);
    expect(record).toBeDefined();
    expect(record!.project).toBe(HISTORY_PROJECT);
    expect(record!.run).toBe('run:tabular-improves.logreg-v1');
    expect(record!.runId).toBe(41);
    expect(record!.commit).toBe('abcdef1234567');
    expect(Date.parse(record!.time)).not.toBeNaN();
    expect(record!.metrics).toContainEqual([null, 'evaluate', 'accuracy', null, 0.8123]);
    expect(record!.metrics).toContainEqual([null, 'evaluate', 'accuracy', 'region-apac', 0.72]);
    expect(record!.metrics.length).toBeLessThanOrEqual(HISTORY_MAX_SERIES);
    expect(describeRecord(record!)).toMatch(/^run 41 at abcdef1 \(\d{4}-\d\d-\d\d\)$/);
  });
});

describe('history.jsonl', () => {
  it('round-trips and keeps the order the runs were made in', async () => {
    const a = (await recordsOf(0.9, 1))[0]!;
    const b = (await recordsOf(0.89, 2))[0]!;
    const parsed = parseHistory(serializeHistory([b, a]));
    expect(parsed.gaps).toEqual([]);
    expect(parsed.records.map((r) => r.runId)).toEqual([1, 2]);
    expect(
      seriesPoints(
        parsed.records,
        { project: HISTORY_PROJECT, unit: null, stage: 'evaluate', key: 'accuracy', slice: null },
        20,
      ).map((p) => p.value),
    ).toEqual([0.9, 0.89]);
  });

  it('turns every bad line into a gap with its line number and uses the rest', () => {
    const good = JSON.stringify(synthetic('p', 3));
    const text = [
      good,
      '{"v":1,"project":"p"',
      JSON.stringify({ ...synthetic('p', 4), v: 2 }),
      JSON.stringify({ ...synthetic('p', 5), metrics: [[null, 'evaluate', 'accuracy', null, 'high']] }),
      JSON.stringify({ ...synthetic('p', 6), extra: true }),
      '',
      `${'x'.repeat(70_000)}`,
    ].join('\n');
    const parsed = parseHistory(text);
    expect(parsed.records.map((r) => r.runId)).toEqual([3]);
    expect(parsed.gaps.map((g) => [g.code, g.line])).toEqual([
      ['invalid_json_line', 2],
      ['record_invalid', 3],
      ['record_invalid', 4],
      ['record_invalid', 5],
      ['line_too_long', 7],
    ]);
    expect(parsed.gaps[2]!.message).toContain('metrics.0.4');
    expect(parsed.gaps.every((g) => g.file === 'history.jsonl' && g.severity === 'warning')).toBe(true);
  });

  it('rejects non-finite values: NaN in a history line is not a value', () => {
    const line = JSON.stringify(synthetic('p', 1)).replace('0.5]', 'NaN]');
    expect(parseHistory(line).records).toEqual([]);
    expect(parseHistory(line).gaps[0]!.code).toBe('record_invalid');
  });
});

describe('the size bound', () => {
  it(`stays at ${HISTORY_MAX_RUNS} runs per project after 1,000 pushes, under 100 KB for 20 series`, () => {
    let records: HistoryRecord[] = [];
    let largest = 0;
    for (let push = 1; push <= 1000; push++) {
      records = parseHistory(serializeHistory(appendHistory(records, [synthetic('p', push)]))).records;
      largest = Math.max(largest, Buffer.byteLength(serializeHistory(records)));
    }
    expect(records).toHaveLength(HISTORY_MAX_RUNS);
    expect(records[0]!.runId).toBe(901);
    expect(records.at(-1)!.runId).toBe(1000);
    expect(largest).toBeLessThan(100_000);
  });

  it('keeps several projects of one artifact apart, each bounded on its own', () => {
    let records: HistoryRecord[] = [];
    for (let push = 1; push <= 150; push++) {
      records = appendHistory(records, [
        synthetic('vision', push),
        ...(push % 3 === 0 ? [synthetic('text', push)] : []),
      ]);
    }
    expect(projectHistory({ records, gaps: [] }, 'vision')).toHaveLength(HISTORY_MAX_RUNS);
    expect(projectHistory({ records, gaps: [] }, 'text')).toHaveLength(50);
    const points = seriesPoints(
      records,
      { project: 'text', unit: null, stage: 'evaluate', key: 'metric-0', slice: null },
      20,
    );
    expect(points.every((p) => p.record.project === 'text')).toBe(true);
  });

  it('records a re-run of the same workflow run once', () => {
    const first = appendHistory([], [synthetic('p', 7)]);
    const again = appendHistory(first, [{ ...synthetic('p', 7), metrics: [] }]);
    expect(again).toHaveLength(1);
    expect(again[0]!.metrics).toEqual([]);
  });
});
