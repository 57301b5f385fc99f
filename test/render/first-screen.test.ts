/**
 * Issue 16's "done when", on every fixture scenario as GitHub renders it: a failing comment shows
 * at most 2,500 characters before any fold is opened, and its first 700 hold the verdict, the
 * regressing slice and a next step; the suggested waiver, pasted as a commit trailer or a label,
 * parses back to the same metric and slice or gate.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import { DEFAULT_CONFIG } from '../../src/gates/config.js';
import type { GateReport } from '../../src/gates/types.js';
import { parseWaivers } from '../../src/gates/waivers.js';
import { renderMarkdown } from '../../src/report/index.js';
import { scenarioReport } from '../report/scenario-report.js';
import { SCENARIOS, type Scenario, scenarioPath } from '../support/engine-fixtures.js';
import { firstScreenText, foldedSections, renderGfm, unfoldedText } from '../support/gfm-render.js';

const FAILING = ['slice-regression', 'incomplete-evidence', 'llm-eval'] as const;

/** The text of each fenced block of a rendered comment, as a reader copies it. */
function codeBlocks(html: string, language: string): string[] {
  const blocks = [
    ...html.matchAll(
      new RegExp(`<pre[^>]*><code class="language-${language}"[^>]*>([\\s\\S]*?)</code></pre>`, 'g'),
    ),
  ];
  return blocks.map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

describe('the first screen of each scenario comment', () => {
  const reports = new Map<string, GateReport>();
  beforeAll(async () => {
    for (const scenario of SCENARIOS) reports.set(scenario, await scenarioReport(scenario));
  });
  const html = (scenario: string) => renderGfm(renderMarkdown(reports.get(scenario)!, { marker: 'pr-7' }));

  it.each(FAILING)('%s: fails, and shows at most 2,500 characters unfolded', (scenario) => {
    expect(reports.get(scenario)!.verdict).toBe('fail');
    const unfolded = unfoldedText(html(scenario));
    expect(unfolded.length, unfolded).toBeLessThanOrEqual(2_500);
  });

  it.each(FAILING)('%s: the first 700 characters hold the verdict, the cause and a next step', (scenario) => {
    const first = firstScreenText(html(scenario), 700);
    expect(first).toMatch(/^❌ FAIL — /);
    expect(first).toContain('Why:');
    expect(first).toContain('Next steps');
    expect(first).toMatch(/Next steps\n\S.{20,}/);
  });

  it('slice-regression: the first 700 characters name the regressing slice and what to do about it', () => {
    const first = firstScreenText(html('slice-regression'), 700);
    expect(first).toContain('evaluate/auc@region-apac dropped 0.9618 → 0.8681');
    expect(first).toMatch(/Inspect the 3 samples of slice region-apac/);
    // Every name in the step is code, never linkable text: the slice, the series and each sample.
    const step = />Inspect the 3 samples[^\n]*/.exec(html('slice-regression'))![0];
    expect(step).toContain('of slice <code>region-apac</code> that newly fail <code>correct</code>');
    expect(step.match(/<code>s-\d{4}<\/code>/g)).toHaveLength(3);
  });

  it('folds metric changes, slices, per-sample changes, artifacts, environment, diagnostics and notes', () => {
    const summaries = foldedSections(html('slice-regression')).sections.map((s) => s.summary);
    for (const title of [
      'Slices',
      'Metric changes',
      'Per-sample changes',
      'Artifacts',
      'Environment',
      'Diagnostics',
      'Evidence gaps',
      'How the evidence was read',
    ]) {
      expect(
        summaries.some((s) => s.startsWith(title)),
        `${title} in ${summaries.join(' / ')}`,
      ).toBe(true);
    }
    expect(foldedSections(html('slice-regression')).nested).toBe(false);
  });

  it('keeps a bar chart of baseline vs candidate per slice next to the slice table', () => {
    const [chart] = codeBlocks(html('slice-regression'), 'mermaid');
    expect(chart).toMatch(/^xychart-beta\n/);
    expect(chart).toContain('"region-apac baseline", "region-apac candidate"');
    expect(chart).toContain('bar [0.9618, 0.8681,');
    expect(codeBlocks(html('noisy-small-diff'), 'mermaid')).toEqual([]);
  });

  it('a passing comment offers no waiver and no next steps', () => {
    for (const scenario of ['noisy-small-diff', 'tabular-improves']) {
      const text = unfoldedText(html(scenario));
      expect(reports.get(scenario)!.verdict).toBe('pass');
      expect(text).not.toMatch(/waive/i);
      expect(text).not.toContain('Next steps');
    }
  });

  it('names no runner path and no CLI flag in an action comment', () => {
    for (const scenario of SCENARIOS) {
      const markdown = renderMarkdown(reports.get(scenario)!, { audience: 'action' });
      expect(markdown).not.toMatch(/--baseline|--candidate|fixtures\/scenarios/);
    }
  });
});

describe('the suggested waiver, pasted back', () => {
  it('parses back to the same metric and slice (trailer) or gate (label)', async () => {
    const report = await scenarioReport('slice-regression');
    const rendered = renderGfm(renderMarkdown(report, { marker: 'pr-7' }));
    const [trailers, labels] = codeBlocks(rendered, 'text');
    expect(trailers).toBeDefined();
    expect(labels).toBeDefined();
    expect(trailers).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);

    const message = `Retrain the model\n\n${trailers!.trim()}\n`;
    const parsed = parseWaivers(
      {
        commits: [{ message, author: 'lead-dev', trusted: true }],
        labels: labels!
          .trim()
          .split('\n')
          .map((name) => ({ name, grantedBy: 'lead-dev', trusted: true })),
      },
      DEFAULT_CONFIG.policy,
    );
    expect(parsed.rejected).toEqual([]);
    const failing = report.gates
      .filter((g) => g.outcome === 'fail')
      .flatMap((g) => g.checks.filter((c) => c.outcome === 'fail'));
    const fromTrailers = parsed.accepted
      .filter((w) => w.source === 'trailer')
      .map((w) => `${w.target}@${w.slice}`);
    expect(fromTrailers.sort()).toEqual(failing.map((c) => `${c.stage}/${c.metric}@${c.slice}`).sort());
    const fromLabels = parsed.accepted.filter((w) => w.source === 'label').map((w) => w.target);
    expect(fromLabels).toEqual(report.gates.filter((g) => g.outcome === 'fail').map((g) => g.name));

    // Applied through the engine, the pasted trailers waive exactly those rows.
    const waived = await scenarioReport('slice-regression', {
      waivers: { commits: [{ message, author: 'lead-dev', trusted: true }] },
    });
    expect(waived.gates.find((g) => g.name === 'slice floor')!.outcome).toBe('waived');
    expect(waived.waivers.unused).toEqual([]);
  });
});

describe('contexta-gate compare --format markdown', () => {
  async function cli(args: string[]): Promise<string> {
    let stdout = '';
    await compareCommand(
      [...args, '--config', 'fixtures/reference-policy.yml', '--format', 'markdown'],
      {
        stdout: (s) => (stdout += s),
        stderr: () => {},
        cwd: process.cwd(),
      },
      { ledger: null },
    );
    return stdout;
  }
  const sides = (scenario: Scenario) => [
    '--baseline',
    scenarioPath(scenario, 'baseline'),
    '--candidate',
    scenarioPath(scenario, 'candidate'),
  ];

  it('is the comment body: the same first screen, next steps and waiver block', async () => {
    const local = renderGfm(await cli(sides('slice-regression')));
    const comment = renderGfm(renderMarkdown(await scenarioReport('slice-regression')));
    expect(codeBlocks(local, 'text')).toEqual(codeBlocks(comment, 'text'));
    expect(firstScreenText(local, 300)).toBe(firstScreenText(comment, 300));
    // The same folds; only the notes differ (the CLI records which config file it read).
    const titles = (html: string) => foldedSections(html).sections.map((s) => s.summary.split(' · ')[0]);
    expect(titles(local)).toEqual(titles(comment));
    // The one difference: a terminal re-runs the command, a pull request pushes.
    expect(unfoldedText(local)).toContain('Re-run contexta-gate compare after the fix.');
    expect(unfoldedText(comment)).toContain('Push the fix');
  });

  it('names the --baseline flag when there is no baseline; the comment names the workflow instead', async () => {
    const local = unfoldedText(
      renderGfm(await cli(['--candidate', scenarioPath('slice-regression', 'candidate')])),
    );
    expect(local).toContain('--baseline <workspace>');
    const comment = unfoldedText(
      renderGfm(renderMarkdown(await scenarioReport('slice-regression', { withoutBaseline: true }))),
    );
    expect(comment).not.toContain('--baseline');
    expect(comment).toContain('push to the base branch');
  });
});
