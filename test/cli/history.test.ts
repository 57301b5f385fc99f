/**
 * `compare --history DIR`: the drift gate and the history noise model on earlier runs read from
 * disk, one workspace per sub-directory, and `inspect` showing a workspace's history.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import { readHistoryDir } from '../../src/cli/history.js';
import { inspectCommand } from '../../src/cli/inspect.js';
import type { GateReport } from '../../src/gates/types.js';
import { historyRecords } from '../../src/history/from-evidence.js';
import { serializeHistory } from '../../src/history/store.js';
import { openEvidence } from '../../src/sources/open.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import {
  DECAY,
  DECAYED_PR,
  historyDir,
  NOISY,
  NOISY_PR,
  workspaceWithAccuracy,
} from '../support/history-runs.js';

afterAll(removeTempDirs);

const io = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => (out.stdout += s),
      stderr: (s: string) => (out.stderr += s),
      cwd: process.cwd(),
    },
  };
};

function config(gates: string): string {
  const file = path.join(tempDir('cg-history-config-'), 'gate.yml');
  writeFileSync(file, `version: 1\ngates:\n${gates}`);
  return file;
}

const DRIFT = config(
  [
    '  - name: slow decay',
    '    metric: evaluate/accuracy',
    '    max_drift: 0.03',
    '  - name: per-change drop',
    '    metric: evaluate/accuracy',
    '    max_drop: 0.005',
    '',
  ].join('\n'),
);
const NOISE = config(
  [
    '  - name: aggregate regression',
    '    metric: evaluate/accuracy',
    '    max_drop: 0.005',
    '    significance: true',
    '',
  ].join('\n'),
);

async function compare(args: string[]): Promise<{ code: number; report: GateReport; stderr: string }> {
  const { out, io: cliIo } = io();
  const code = await compareCommand([...args, '--format', 'json'], cliIo, { ledger: null });
  return { code, report: JSON.parse(out.stdout) as GateReport, stderr: out.stderr };
}

const gate = (report: GateReport, name: string) => report.gates.find((g) => g.name === name)!;

describe('compare --history: slow decay', () => {
  const history = historyDir(DECAY);
  const baseline = path.join(history, 'push-12', '.contexta');
  const candidate = workspaceWithAccuracy(tempDir(), DECAYED_PR);

  it('fails max_drift naming the drift and the run that held the best value, while max_drop alone passes', async () => {
    const { report } = await compare([
      '--baseline',
      baseline,
      '--candidate',
      candidate,
      '--config',
      DRIFT,
      '--history',
      history,
    ]);
    const drift = gate(report, 'slow decay');
    expect(drift.outcome).toBe('fail');
    expect(drift.worst!.reason).toBe(
      'evaluate/accuracy drifted 0.9 → 0.852 by −0.048 (−5.3%) from its best of the last 12 runs of history, 0.9 in push-01 (run:tabular-improves.logreg-v1, 2026-11-23), beyond max_drift 0.03',
    );
    expect(drift.message).toContain('push-01');
    expect(gate(report, 'per-change drop').outcome).toBe('pass');
    expect(report.trends?.[0]?.values).toEqual([...DECAY, DECAYED_PR]);
  });

  it('does not judge the drift without history, says so, and applies the other limits', async () => {
    const { report } = await compare(['--baseline', baseline, '--candidate', candidate, '--config', DRIFT]);
    const drift = gate(report, 'slow decay');
    expect(drift.checks).toEqual([]);
    expect(drift.evidence).toContain('no history given: max_drift not judged for evaluate/accuracy');
    expect(gate(report, 'per-change drop').outcome).toBe('pass');
    expect(report.trends).toEqual([]);
  });

  it('looks back only `history: N` runs: the best of the last 3 is within the limit', async () => {
    const windowed = config(
      [
        '  - name: slow decay',
        '    metric: evaluate/accuracy',
        '    max_drift: 0.03',
        '    history: 3',
        '',
      ].join('\n'),
    );
    const { report } = await compare([
      '--baseline',
      baseline,
      '--candidate',
      candidate,
      '--config',
      windowed,
      '--history',
      history,
    ]);
    expect(gate(report, 'slow decay').outcome).toBe('pass');
    expect(gate(report, 'slow decay').worst!.reason).toContain(
      'from its best of the last 3 runs of history, 0.864 in push-10 (run:tabular-improves.logreg-v1, 2026-11-23), within max_drift 0.03',
    );
  });
});

describe('compare --history: noise from history', () => {
  const history = historyDir(NOISY);
  const baseline = path.join(history, `push-0${NOISY.length}`, '.contexta');
  const candidate = workspaceWithAccuracy(tempDir(), NOISY_PR);

  it('passes an aggregate-only drop within its historical noise under significance', async () => {
    const { report, code } = await compare([
      '--baseline',
      baseline,
      '--candidate',
      candidate,
      '--config',
      NOISE,
      '--history',
      history,
    ]);
    const g = gate(report, 'aggregate regression');
    expect(g.outcome).toBe('pass');
    expect(g.checks[0]!.reason).toMatch(
      /^evaluate\/accuracy dropped 0\.7 → 0\.69 by −0\.01 \(−1\.4%\), beyond max_drop 0\.005; noise from history \(6 runs\): within the 95 % prediction interval 0\.68\d* to 0\.71\d* around the mean 0\.7$/,
    );
    expect(code).toBe(report.exit.code);
  });

  it('fails the same drop on the raw limit without history', async () => {
    const { report } = await compare(['--baseline', baseline, '--candidate', candidate, '--config', NOISE]);
    const g = gate(report, 'aggregate regression');
    expect(g.outcome).toBe('fail');
    expect(g.checks[0]!.reason).toContain('no per-sample evidence — judged on the raw limit');
  });

  it('falls back to the limits with too little history, and says so', async () => {
    const short = historyDir(NOISY.slice(0, 4));
    const { report } = await compare([
      '--baseline',
      baseline,
      '--candidate',
      candidate,
      '--config',
      NOISE,
      '--history',
      short,
    ]);
    const g = gate(report, 'aggregate regression');
    expect(g.outcome).toBe('fail');
    expect(g.checks[0]!.reason).toContain(
      'no sample evidence and only 4 runs of history (noise from history needs 5): threshold applied to raw delta',
    );
  });

  it('fails a drop beyond the historical noise', async () => {
    const far = workspaceWithAccuracy(tempDir(), 0.66);
    const { report } = await compare([
      '--baseline',
      baseline,
      '--candidate',
      far,
      '--config',
      NOISE,
      '--history',
      history,
    ]);
    const g = gate(report, 'aggregate regression');
    expect(g.outcome).toBe('fail');
    expect(g.checks[0]!.reason).toContain(
      'noise from history (6 runs): outside the 95 % prediction interval',
    );
  });
});

describe('inspect', () => {
  it("shows a workspace's history, one line per run, and its bad lines as gaps", async () => {
    const dir = tempDir();
    const workspace = workspaceWithAccuracy(dir, 0.81);
    const evidence = await openEvidence(workspace, { ledger: null });
    const records = historyRecords(evidence, {
      runId: 77,
      commit: 'c0ffee1',
      recordedAt: '2026-12-01T00:00:00Z',
    });
    writeFileSync(path.join(workspace, 'history.jsonl'), `${serializeHistory(records)}not json\n`);
    const { out, io: cliIo } = io();
    expect(await inspectCommand([workspace, '--no-ledger'], cliIo)).toBe(0);
    expect(out.stdout).toContain('History (1 run):');
    expect(out.stdout).toMatch(
      /tabular-improves: run 77 at c0ffee1 \(\d{4}-\d\d-\d\d\): .*evaluate\/accuracy=0\.81/,
    );
    expect(out.stdout).toContain(
      'warning invalid_json_line at history.jsonl:2: history line is not valid JSON; not used',
    );
  });
});

describe('compare --history DIR: the order of the earlier runs', () => {
  /** A copy of a run whose every record was observed `days` later (hand-edited, as a later run). */
  function runAt(dir: string, accuracy: number, days: number): void {
    const root = workspaceWithAccuracy(dir, accuracy);
    const file = path.join(root, 'cache', 'capture', 'record.jsonl');
    const shifted = readFileSync(file, 'utf8').replace(
      /"(observed_at|recorded_at)": ?"([^"]+)"/g,
      (_m, field: string, at: string) =>
        `"${field}": "${new Date(Date.parse(at) + days * 86_400_000).toISOString().replace('.000Z', 'Z')}"`,
    );
    writeFileSync(file, shifted);
  }

  it('follows the time the runs recorded their metrics, not the directory names; ties by name', async () => {
    const dir = tempDir('cg-history-order-');
    runAt(path.join(dir, 'a-newest'), 0.81, 2);
    runAt(path.join(dir, 'b-oldest'), 0.83, 0);
    runAt(path.join(dir, 'c-middle'), 0.82, 1);
    runAt(path.join(dir, 'd-middle-too'), 0.82, 1);
    const { records, problems } = await readHistoryDir(dir, null, { ledger: null, pool: null });
    expect(problems).toEqual([]);
    expect(records.map((r) => r.source)).toEqual(['b-oldest', 'c-middle', 'd-middle-too', 'a-newest']);
    expect(records.map((r) => r.time.slice(0, 10))).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-24',
      '2026-11-25',
    ]);
  });
});
