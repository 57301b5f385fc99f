/**
 * One change reads the same wherever a reviewer meets it: in the gate's own message, in the PR
 * comment (as GitHub renders it) and in the terminal report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GateCheck, GateReport } from '../../src/gates/types.js';
import { renderMarkdown, renderText } from '../../src/report/index.js';
import { splitGfmRow } from '../support/gfm.js';
import { scenarioReport } from './scenario-report.js';

/** The text GitHub shows: code spans as their content, backslash escapes resolved. */
function rendered(markdown: string): string {
  return markdown
    .split(/(`+ [^`]*? `+)/)
    .map((piece, i) =>
      i % 2 === 1 ? piece.replace(/^`+ (.*) `+$/, '$1') : piece.replace(/\\([!-/:-@[-`{-~])/g, '$1'),
    )
    .join('');
}

function failingCheck(report: GateReport, gateName: string, metric: string, slice: string | null): GateCheck {
  const gate = report.gates.find((g) => g.name === gateName)!;
  return gate.checks.find((c) => c.metric === metric && c.slice === slice && c.outcome === 'fail')!;
}

/** The cells of the markdown table row whose cells include every one of `cells`. */
function tableRow(markdown: string, cells: string[]): string[] {
  const row = markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map(splitGfmRow)
    .find((row) => cells.every((cell) => row.includes(cell)));
  expect(row, `a row with ${cells.join(', ')}`).toBeDefined();
  return row!.map(rendered);
}

describe('one rendering of a change everywhere', () => {
  const reports = new Map<string, GateReport>();
  beforeAll(async () => {
    reports.set('llm-eval', await scenarioReport('llm-eval'));
    reports.set('slice-regression', await scenarioReport('slice-regression'));
  });

  it('llm-eval: the latency rise is "998.4 → 1,178.6 by +180.1 (+18%)" in the gate, the comment and the text', () => {
    const report = reports.get('llm-eval')!;
    const change = '998.4 → 1,178.6 by +180.1 (+18%)';
    const check = failingCheck(report, 'latency budget', 'latency-ms.p95', null);
    // The p95 pairs with the per-sample latency of the evaluate stage, which reproduces it on both sides.
    expect(
      check.reason.startsWith(
        `inference/latency-ms.p95 rose ${change}, beyond max_increase_pct 10 % and significant (paired bootstrap of the quantile on evaluate/latency-ms: one-sided p < 0.001,`,
      ),
    ).toBe(true);

    const markdown = renderMarkdown(report);
    const why = rendered(markdown.split('\n').find((l) => l.startsWith('**Why:**'))!).replaceAll('&lt;', '<');
    expect(why).toBe(`**Why:** latency budget: ${check.reason}`);
    const row = tableRow(markdown, ['` latency-ms.p95 `']);
    expect(row.slice(1, 4)).toEqual(['998.4', '1,178.6', '+180.1 (+18%)']);

    const text = renderText(report);
    expect(text.split('\n')[0]).toBe(`contexta-gate: FAIL — latency budget: ${check.reason}`);
    expect(text).toContain(`inference/latency-ms.p95  998.4 → 1,178.6  +180.1 (+18%)  ▲ worse`);
  });

  it('slice-regression: the apac accuracy drop, its label and its p-value read alike', () => {
    const report = reports.get('slice-regression')!;
    const check = failingCheck(report, 'slice floor', 'accuracy', 'region-apac');
    expect(check.reason).toMatch(
      /^evaluate\/accuracy@region-apac dropped 0\.9118 → 0\.8235 by −0\.08824 \(−9\.7%\), beyond max_drop 0\.05$/,
    );
    const stats = '95% CI [−0.2249, +0.03234], p = 0.25';

    const markdown = renderMarkdown(report);
    const label = 'evaluate/accuracy@region-apac';
    // `significance: false` on this gate: the raw limit decides, the table still shows the paired test.
    expect(rendered(markdown)).toContain(`- ❌ ${label}: ${check.reason.slice(label.length + 1)}`);
    const row = tableRow(markdown, ['` region-apac `', stats]);
    expect(row.slice(1, 5)).toEqual(['0.9118', '0.8235', '−0.08824 (−9.7%)', stats]);

    const text = renderText(report);
    expect(text).toContain(`      fail: ${check.reason}`);
    expect(text).toContain(
      `evaluate/accuracy@region-apac  0.9118 → 0.8235  −0.08824 (−9.7%)  ▼ worse  [${stats}]`,
    );
  });
});
