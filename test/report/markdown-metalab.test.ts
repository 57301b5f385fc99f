import { describe, expect, it } from 'vitest';
import { judgeRuns } from '../../src/engine/engine.js';
import { DEFAULT_CONFIG } from '../../src/gates/config.js';
import { readMetalab } from '../../src/metalab/read.js';
import { renderMarkdown } from '../../src/report/index.js';
import { splitGfmRow } from '../support/gfm.js';

describe('renderMarkdown on a metalab store (many units)', async () => {
  const baseline = await readMetalab('fixtures/metalab/baseline');
  const candidate = await readMetalab('fixtures/metalab/candidate');
  const report = judgeRuns({ baseline, candidate, config: DEFAULT_CONFIG });
  const markdown = renderMarkdown(report);
  const start = markdown.indexOf('<summary><b>Metric changes</b>');
  const metricSection = markdown.slice(start, markdown.indexOf('</details>', start));
  const metricLines = metricSection.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| **'));

  it('groups rows under the params label of each unit and its stage', () => {
    expect(report.comparisons.length).toBeGreaterThan(1);
    expect(metricSection).toContain('| Metric | Baseline | Candidate | Δ |');
    expect(metricSection).toMatch(/\| \*\*` lr=0\.1, model=mlp · \w+ `\*\* \|/);
    expect(metricLines.length).toBeGreaterThan(2);
    const width = splitGfmRow(metricLines[0]!).length;
    for (const line of metricSection.split('\n').filter((l) => l.startsWith('| ')))
      expect(splitGfmRow(line)).toHaveLength(width);
  });

  it('marks rows of a warn-severity gate as warnings, not failures', () => {
    const warnGates = report.gates.filter((g) => g.severity === 'warn' && g.outcome === 'warn');
    expect(warnGates.length).toBeGreaterThan(0);
    const group = metricSection.slice(metricSection.search(/\| \*\*` lr=0\.1, model=mlp · /));
    const failingUnitOnlyInWarnGates = group
      .split('\n')
      .slice(
        0,
        group.split('\n').findIndex((l, i) => i > 0 && l.startsWith('| **')),
      )
      .filter((l) => l.includes('` accuracy `'));
    expect(failingUnitOnlyInWarnGates).toHaveLength(1);
    expect(failingUnitOnlyInWarnGates[0]).toContain('▼ worse · ⚠️ warns');
    expect(failingUnitOnlyInWarnGates[0]).not.toContain('❌');
  });

  it('shows the failed seed runs as evidence gaps with their files', () => {
    expect(markdown).toMatch(
      /- ❌ error · candidate · ` run_failed ` at ` gate_demo_1\.0\/runs\/\w+\.json `: /,
    );
  });
});
