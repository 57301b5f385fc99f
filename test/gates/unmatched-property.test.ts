/**
 * Issue 14's guarantee: no fixture and no gate with an unmatched selector can end in PASS without a
 * judged row. Every fixture pair × gate kind × unmatched selector form, then random unmatched names.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeRuns } from '../../src/engine/engine.js';
import type { Evidence } from '../../src/evidence/model.js';
import type { GateReport } from '../../src/gates/types.js';
import { openEvidence } from '../../src/sources/open.js';
import { loadConfig, SCENARIOS, scenarioPath } from '../support/engine-fixtures.js';

const PAIRS: Record<string, { baseline: string | null; candidate: string }> = {
  ...Object.fromEntries(
    SCENARIOS.map((s) => [
      s,
      { baseline: scenarioPath(s, 'baseline'), candidate: scenarioPath(s, 'candidate') },
    ]),
  ),
  'tabular-improves without baseline': {
    baseline: null,
    candidate: scenarioPath('tabular-improves', 'candidate'),
  },
  metalab: { baseline: 'fixtures/metalab/baseline', candidate: 'fixtures/metalab/candidate' },
};

/** Gate bodies whose selector matches nothing in any fixture, one per kind and selector form. */
const UNMATCHED_GATES: Record<string, string> = {
  'threshold, stage typo': 'metric: eval/accuracy\n    min: 0.5',
  'threshold, key typo': 'metric: evaluate/acuracy\n    max: 2',
  'threshold, glob': 'metric: "*/zz-*"\n    min: 0',
  'threshold, run level': 'metric: run/accuracyy\n    min: 0',
  'threshold, absent slice': 'metric: "*/accuracy"\n    slices: [device-tv]\n    min: 0',
  'regression, stage typo': 'metric: eval/accuracy\n    max_drop: 0.01',
  'regression, list of typos': 'metric: [evaluate/acuracy, trian/loss]\n    max_drop_pct: 5',
  'regression, glob stage': 'metric: "zz*/accuracy"\n    max_increase: 1',
  'regression, absent slices': 'metric: "*/*"\n    slices: [device-tv, device-watch]\n    max_drop: 0.01',
  'artifact, kind typo': 'artifact: modle\n    max_growth_pct: 10',
  'artifact, glob': 'artifact: "zz-*"\n    max_growth_bytes: 1',
};

const evidence = new Map<string, Evidence>();
beforeAll(async () => {
  for (const pair of Object.values(PAIRS)) {
    for (const path of [pair.baseline, pair.candidate]) {
      if (path !== null && !evidence.has(path))
        evidence.set(path, await openEvidence(path, { ledger: null }));
    }
  }
});

function judge(pair: { baseline: string | null; candidate: string }, yaml: string): Promise<GateReport> {
  return loadConfig(yaml).then((config) =>
    judgeRuns({
      baseline: pair.baseline === null ? null : evidence.get(pair.baseline)!,
      candidate: evidence.get(pair.candidate)!,
      config,
    }),
  );
}

const config = (body: string, severity: string, unmatched: string) =>
  `version: 1\npolicy:\n  unmatched: ${unmatched}\ngates:\n  - name: unmatched gate\n    severity: ${severity}\n    ${body}\n`;

function assertNotSilent(report: GateReport, unmatched: string) {
  const gate = report.gates.find((g) => g.name === 'unmatched gate')!;
  const judged = report.gates.flatMap((g) => g.checks).filter((c) => c.subject !== 'unmatched');
  expect(report.verdict === 'pass' && judged.length === 0, report.headline).toBe(false);
  expect(report.verdict).not.toBe('pass');
  expect(gate.outcome).toBe(unmatched);
  expect(report.exit.code).toBe(unmatched === 'fail' ? 1 : report.exit.code);
  expect(gate.message).toMatch(/: no (stage|metric|slice|artifact kind)/);
}

describe('an unmatched selector never ends in a silent PASS', () => {
  for (const [fixture, pair] of Object.entries(PAIRS)) {
    it(fixture, async () => {
      for (const [form, body] of Object.entries(UNMATCHED_GATES)) {
        for (const severity of ['fail', 'warn']) {
          for (const unmatched of ['fail', 'warn']) {
            const report = await judge(pair, config(body, severity, unmatched));
            try {
              assertNotSilent(report, unmatched);
            } catch (error) {
              throw new Error(
                `${form}, severity ${severity}, unmatched ${unmatched}: ${(error as Error).message}`,
              );
            }
          }
        }
      }
    });
  }

  it('random unmatched names, any kind, any fixture', async () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/).map((s) => `zz${s}`);
    const body = fc.oneof(
      fc.tuple(name, name).map(([stage, key]) => `metric: ${stage}/${key}\n    min: 0`),
      fc
        .tuple(name, fc.constantFrom('max_drop: 0.01', 'max_increase_pct: 5'))
        .map(([key, limit]) => `metric: "*/${key}"\n    ${limit}`),
      name.map((slice) => `metric: "*/*"\n    slices: [${slice}]\n    max_drop: 0.01`),
      name.map((kind) => `artifact: ${kind}\n    max_growth_pct: 1`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.values(PAIRS)),
        body,
        fc.constantFrom('fail', 'warn'),
        async (pair, gate, unmatched) => {
          assertNotSilent(await judge(pair, config(gate, 'warn', unmatched)), unmatched);
        },
      ),
      { numRuns: 60, seed: 14 },
    );
  });
});
