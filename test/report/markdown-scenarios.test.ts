import { beforeAll, describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/gates/types.js';
import { renderMarkdown } from '../../src/report/index.js';
import { SCENARIOS } from '../support/engine-fixtures.js';
import { splitGfmRow, stripCodeSpans } from '../support/gfm.js';
import { scenarioReport } from './scenario-report.js';

/** The text of a section: under `### heading` up to the next heading, or inside its `<details>` fold. */
function section(markdown: string, heading: string): string {
  const fold = markdown.indexOf(`<details><summary><b>${heading}</b>`);
  if (fold !== -1) return markdown.slice(fold, markdown.indexOf('</details>', fold));
  const start = markdown.indexOf(`\n### ${heading}\n`);
  if (start === -1) return '';
  const rest = markdown.slice(start + 1);
  const end = rest.search(/\n(### |<details>|- \*\*Baseline)/);
  return end === -1 ? rest : rest.slice(0, end);
}

/**
 * Cells of the table rows of a section, code-span fences and bold removed. Group rows (the stage,
 * or the metric of slice rows) are not returned: their label is the first cell of the rows under them.
 */
function tableRows(markdown: string, heading: string): string[][] {
  const out: string[][] = [];
  let group = '';
  for (const line of section(markdown, heading)
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .slice(2)) {
    const cells = splitGfmRow(line).map((cell) =>
      cell.replace(/^\*\*(.*)\*\*$/, '$1').replace(/^`+ (.*) `+$/, '$1'),
    );
    if (cells.slice(1).every((c) => c === '')) group = cells[0]!;
    else out.push([group, ...cells]);
  }
  return out;
}

function headingLine(markdown: string): string {
  return markdown.split('\n').find((line) => line.startsWith('## ')) ?? '';
}

function expectWellFormed(markdown: string): void {
  expect(markdown.length).toBeLessThanOrEqual(60_000);
  let width = 0;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      width = 0;
      continue;
    }
    const cells = splitGfmRow(line).length;
    if (width === 0) width = cells;
    expect(cells, line).toBe(width);
  }
  expect((markdown.match(/<details>/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
  expect(stripCodeSpans(markdown)).not.toMatch(/@\w/);
}

describe('renderMarkdown on the scenario fixtures', () => {
  const reports = new Map<string, GateReport>();
  beforeAll(async () => {
    for (const scenario of SCENARIOS) reports.set(scenario, await scenarioReport(scenario));
  });
  const render = (scenario: string) => renderMarkdown(reports.get(scenario)!, { marker: 'pr-7' });

  it.each(SCENARIOS)('%s matches its snapshot and is well formed', async (scenario) => {
    const markdown = render(scenario);
    expectWellFormed(markdown);
    expect(markdown.startsWith('<!-- contexta-gate:pr-7 -->\n## ')).toBe(true);
    await expect(markdown).toMatchFileSnapshot(`./__snapshots__/${scenario}.md`);
  });

  it('slice-regression: FAIL on the slice floor, naming region-apac and its drop', () => {
    const markdown = render('slice-regression');
    const heading = headingLine(markdown);
    expect(heading).toMatch(/^## ❌ FAIL — /);
    expect(heading).toContain('slice floor');
    expect(markdown).toMatch(/\*\*Why:\*\* slice floor: ` evaluate\/\w+@region-apac ` dropped/);

    // README: region-apac accuracy 31/34 → 28/34 correct, AUC 0.962 → 0.868.
    const slices = tableRows(markdown, 'Slices');
    const apacAccuracy = slices.find((c) => c[0] === 'evaluate/accuracy' && c[1] === 'region-apac');
    expect(apacAccuracy).toBeDefined();
    expect(apacAccuracy!.slice(2, 5)).toEqual(['0.9118', '0.8235', '−0.08824 (−9.7%)']);
    expect(apacAccuracy![6]).toBe('▼ worse · ❌ trips a gate');
    const apacAuc = slices.find((c) => c[0] === 'evaluate/auc' && c[1] === 'region-apac');
    expect(apacAuc!.slice(2, 4)).toEqual(['0.9618', '0.8681']);
    expect(apacAuc![6]).toContain('❌ trips a gate');
    // Flagged slice rows lead each group; the healthy regions do not trip anything.
    expect(slices[0]![1]).toBe('region-apac');
    for (const cells of slices.filter((c) => c[1] !== 'region-apac')) expect(cells[6]).not.toContain('❌');
    // The training-data evidence that explains it: apac rows 746 → 25.
    const rows = slices.find((c) => c[0] === 'preprocess/rows.train' && c[1] === 'region-apac');
    expect(rows!.slice(2, 4)).toEqual(['746', '25']);
    // Unchanged rows are counted, not listed.
    expect(slices.some((c) => c[0] === 'evaluate/eval.samples')).toBe(false);
    expect(section(markdown, 'Slices')).toContain('5 unchanged (not listed)');

    expect(section(markdown, 'Per-sample changes')).toContain('slice ` region-apac `: 3 newly failing');
    // The aggregate improved: the overall table must not hide that, nor flag it.
    const overall = tableRows(markdown, 'Metric changes').find(
      (c) => c[0] === 'evaluate' && c[1] === 'accuracy',
    );
    expect(overall!.slice(2, 4)).toEqual(['0.8375', '0.8575']);
    expect(overall![6]).toBe('▲ better');
  });

  it('noisy-small-diff: PASS with no significant change', () => {
    const markdown = render('noisy-small-diff');
    expect(headingLine(markdown)).toMatch(/^## ✅ PASS — /);
    expect(markdown).toContain('**No significant change:**');
    expect(markdown).not.toContain('trips a gate');
    expect(markdown).not.toMatch(/waive/i);
    expect(markdown).not.toContain('### Next steps');
    // README: McNemar on `correct`, exact two-sided p = 1.0; the gate's one-sided mid-p in the
    // worsening direction (a 90 % interval, the two-sided view of a one-sided 5 % test) is far from 0.05.
    const accuracy = tableRows(markdown, 'Metric changes').find((cells) => cells[1] === 'accuracy');
    expect(accuracy![2]).toBe('0.808');
    expect(accuracy![3]).toBe('0.804');
    expect(accuracy![5]).toMatch(/^90% CI \[−0\.\d+, \+0\.\d+\], one-sided p = 0\.\d+$/);
    expect(Number(/p = (0\.\d+)$/.exec(accuracy![5]!)![1])).toBeGreaterThan(0.2);
  });

  it('incomplete-evidence: FAIL that says which evidence is missing', () => {
    const markdown = render('incomplete-evidence');
    expect(headingLine(markdown)).toMatch(/^## ❌ FAIL — .*evidence complete/);
    const why = markdown.split('\n').find((line) => line.startsWith('**Why:**'))!;
    expect(why).toContain('candidate stage evaluate lacks');
    for (const metric of ['accuracy', 'auc', 'eval.samples', 'f1']) expect(why).toContain(metric);

    const metrics = tableRows(markdown, 'Metric changes');
    const accuracy = metrics.find((cells) => cells[1] === 'accuracy')!;
    // No row has a test, so the table has no interval column.
    expect(accuracy.slice(2, 5)).toEqual(['0.86', 'absent', 'absent']);
    expect(accuracy[5]).toMatch(/^removed · ❌ trips a gate/);
    const scored = metrics.find((cells) => cells[1] === 'eval.samples-scored')!;
    expect(scored[5]).toContain('⚠️ partial');

    // The degraded record and the partial capture are named, with the count from the README.
    const failing = section(markdown, 'Failing checks');
    expect(failing).toContain('evaluate.summary\\_metrics\\_missing');
    expect(failing).toContain('37/200 samples');
    expect(failing).toMatch(/not complete/);
  });

  it('llm-eval: FAIL on the latency budget while quality improves, never calling latency better', () => {
    const markdown = render('llm-eval');
    expect(headingLine(markdown)).toMatch(/^## ❌ FAIL — 1 of \d+ gates failed: latency budget$/);
    const metrics = tableRows(markdown, 'Metric changes');
    const byKey = (key: string) => metrics.find((cells) => cells[1] === key)!;
    expect(byKey('exact-match').slice(2, 4)).toEqual(['0.605', '0.78']);
    expect(byKey('exact-match')[6]).toBe('▲ better');
    expect(byKey('latency-ms.p95').slice(2, 4)).toEqual(['998.4', '1,178.6']);
    expect(byKey('latency-ms.p95')[6]).toBe('▲ worse · ❌ trips a gate');
    expect(byKey('latency-ms.p50')[6]).toMatch(/^▲ worse/);
    expect(byKey('tokens.completion.mean')[6]).toMatch(/^▲ worse/);
    // The paired per-sample latency test is a finding, not hidden in a table.
    expect(section(markdown, 'Findings')).toMatch(
      /⚠️ \*\*per-sample ` evaluate\/latency-ms ` worsened: mean 666\.6 → 885\.8/,
    );
    for (const cells of metrics) {
      if (cells[1]!.startsWith('latency') || cells[1]!.startsWith('tokens'))
        expect(cells[6]).not.toContain('better');
    }
  });

  it('tabular-improves: PASS naming the significant improvement', () => {
    const markdown = render('tabular-improves');
    expect(headingLine(markdown)).toMatch(/^## ✅ PASS — /);
    expect(markdown).toMatch(/\*\*Significant changes:\*\* ` evaluate\/accuracy ` ▲ better \+/);
  });
});

describe('renderMarkdown edge cases on real evidence', () => {
  it('without a baseline the verdict is UNKNOWN, never a pass, and says why', async () => {
    const report = await scenarioReport('slice-regression', { withoutBaseline: true });
    const markdown = renderMarkdown(report);
    const heading = headingLine(markdown);
    expect(heading).toMatch(/^## ❔ UNKNOWN — not enough evidence to decide/);
    expect(markdown).not.toContain('✅ PASS');
    expect(markdown).toContain('**Why:** no baseline evidence was found');
    expect(markdown).toContain('**Check conclusion:** warn');
    expect(markdown).toContain('- **Baseline:** none');
    // In a pull request the baseline is a workflow run, not a flag.
    expect(section(markdown, 'Next steps')).toContain('push to the base branch');
    expect(markdown).not.toContain('--baseline');
    const cli = renderMarkdown(report, { audience: 'cli' });
    expect(section(cli, 'Next steps')).toContain('` --baseline <workspace> `');
  });

  it('a waived fail stays visible with who waived it and why', async () => {
    const report = await scenarioReport('slice-regression', {
      waivers: {
        commits: [
          {
            message: 'Retrain\n\nGate-Waive: evaluate/*@region-apac: apac retrain lands next sprint @octocat',
            author: 'lead-dev',
            trusted: true,
          },
        ],
      },
    });
    const markdown = renderMarkdown(report);
    expect(report.waivers.accepted.length).toBeGreaterThan(0);
    const gates = tableRows(markdown, 'Gates');
    const floor = gates.find((cells) => cells[2] === 'slice floor')!.slice(1);
    expect(floor[0]).toBe(`🟡 ${report.gates.find((g) => g.name === 'slice floor')!.outcome}`);
    expect(floor[0]).not.toContain('pass');
    const waivers = section(markdown, 'Waivers');
    expect(waivers).toContain('accepted');
    expect(waivers).toContain('by ` lead-dev ` via trailer: apac retrain lands next sprint ` @octocat `');
    // The waived rows are still in the slice table, marked as waived.
    const apac = tableRows(markdown, 'Slices').filter(
      (cells) => cells[1] === 'region-apac' && cells[6]!.includes('🟡 waived'),
    );
    expect(apac.length).toBeGreaterThan(0);
  });

  it('links the workflow run only when it is a plain https URL', async () => {
    const report = await scenarioReport('noisy-small-diff');
    const good = renderMarkdown(report, { runUrl: 'https://github.com/o/r/actions/runs/9' });
    expect(good).toContain('full report: [workflow run](https://github.com/o/r/actions/runs/9)');
    const bad = renderMarkdown(report, { runUrl: 'javascript:alert(1)//https://x' });
    expect(bad).not.toContain('](javascript');
    expect(bad).not.toContain('javascript:');
  });

  it('keeps the marker inside an HTML comment whatever key it is given', async () => {
    const report = await scenarioReport('noisy-small-diff');
    const markdown = renderMarkdown(report, { marker: 'x --> <img src=x> <!--' });
    const first = markdown.split('\n')[0]!;
    expect(first).toMatch(/^<!-- contexta-gate:[A-Za-z0-9._/:-]+ -->$/);
    expect(first.slice(4, -4)).not.toContain('--');
  });
});
