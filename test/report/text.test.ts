import { beforeAll, describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/gates/types.js';
import { renderText } from '../../src/report/text.js';
import { scenarioReport } from './scenario-report.js';
import { check, comparison, gate, metricDelta, report } from './synthetic-report.js';

describe('renderText', () => {
  const reports = new Map<string, GateReport>();
  beforeAll(async () => {
    for (const scenario of [
      'slice-regression',
      'noisy-small-diff',
      'incomplete-evidence',
      'llm-eval',
    ] as const) {
      reports.set(scenario, await scenarioReport(scenario));
    }
  });

  it('slice-regression: verdict first, the failing gate with its rows, the apac drop among the top changes', () => {
    const text = renderText(reports.get('slice-regression')!);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^contexta-gate: FAIL — slice floor: evaluate\/\w+@region-apac dropped/);
    expect(lines[1]).toBe('');
    const gateLine = lines.find((l) => l.trimStart().startsWith('FAIL'))!;
    expect(gateLine).toContain('slice floor');
    expect(lines.filter((l) => l.startsWith('      fail: evaluate/')).length).toBe(3);
    const changes = lines.slice(lines.indexOf('largest changes (flagged by a gate first):') + 1);
    expect(changes[0]).toMatch(/@region-apac {2}0\.\d+ → 0\.\d+ {2}−0\.0\d+ \(−9\.\d%\) {2}▼ worse/);
    expect(text).toContain(
      'evaluate/accuracy@region-apac  0.9118 → 0.8235  −0.08824 (−9.7%)  ▼ worse  [95% CI',
    );
    expect(text).not.toContain('\u001b');
  });

  it('says how an unknown verdict maps to the exit code', async () => {
    const text = renderText(await scenarioReport('noisy-small-diff', { withoutBaseline: true }));
    const [first, second, third] = text.split('\n');
    expect(first).toMatch(/^contexta-gate: UNKNOWN — /);
    expect(second).toBe(
      'check conclusion: warn (exit 0) — verdict unknown (not enough evidence to decide) mapped to warn by policy.unknown',
    );
    expect(third).toBe('no baseline: nothing was compared; missing evidence is not a pass');
  });

  it('noisy-small-diff: PASS, nothing flagged, no separate conclusion line', () => {
    const text = renderText(reports.get('noisy-small-diff')!);
    expect(text.split('\n')[0]).toMatch(/^contexta-gate: PASS — /);
    expect(text).not.toContain('check conclusion');
    expect(text).not.toMatch(/^ {2}(FAIL|WARN)/m);
  });

  it('incomplete-evidence: lists the gaps with file and line', () => {
    const text = renderText(reports.get('incomplete-evidence')!);
    expect(text).toMatch(
      /candidate error degraded_record records\/segments\/segment-000001\.jsonl:85: .*37\/200 samples/,
    );
    expect(text).toMatch(/evidence gaps: \d+ \(\d+ info not listed\)/);
  });

  it('colours only when asked', () => {
    const report = reports.get('llm-eval')!;
    expect(renderText(report)).not.toContain('\u001b');
    const coloured = renderText(report, { color: true });
    expect(coloured.split('\n')[0]).toContain('\u001b[31mFAIL\u001b[0m');
  });

  it('keeps hostile names from moving the cursor, colouring the log or adding lines', () => {
    const hostile = 'acc\u001b[2J\u001b[31m\nFAKE: PASS\r';
    const r = report(
      [gate(hostile, 'fail', [check('fail', 'evaluate', hostile, hostile, 0.9, 0.5, 'max_drop 0.05')])],
      [comparison([metricDelta('evaluate', hostile, hostile, 0.9, 0.5)])],
    );
    r.headline = hostile;
    const text = renderText(r);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).not.toMatch(/^FAKE/m);
    expect(text.split('\n')[0]).toBe('contexta-gate: FAIL — acc\ufffd[2J\ufffd[31m⏎FAKE: PASS⏎');
  });
});
