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
  const metricSection = markdown.slice(
    markdown.indexOf('### Metric changes'),
    markdown.indexOf('\n### ', markdown.indexOf('### Metric changes')),
  );
  const metricLines = metricSection.split('\n').filter((l) => l.startsWith('| ` lr='));

  it('adds a Run column naming the params label of each unit', () => {
    expect(report.comparisons.length).toBeGreaterThan(1);
    expect(markdown).toContain('| Run | Stage | Metric | Baseline | Candidate | Δ | Interval / p | Change |');
    expect(metricLines.length).toBeGreaterThan(0);
    for (const line of metricLines) expect(splitGfmRow(line)).toHaveLength(8);
  });

  it('marks rows of a warn-severity gate as warnings, not failures', () => {
    const warnGates = report.gates.filter((g) => g.severity === 'warn' && g.outcome === 'warn');
    expect(warnGates.length).toBeGreaterThan(0);
    const failingUnitOnlyInWarnGates = metricLines.filter(
      (l) => l.includes('lr=0.1, model=mlp') && l.includes('` accuracy `'),
    );
    expect(failingUnitOnlyInWarnGates).toHaveLength(1);
    expect(failingUnitOnlyInWarnGates[0]).toContain('▼ worse · ⚠️ warns');
    expect(failingUnitOnlyInWarnGates[0]).not.toContain('❌');
  });

  it('shows the failed seed runs as evidence gaps with their files', () => {
    expect(markdown).toMatch(
      /\| ❌ error \| candidate \| ` run_failed ` \| ` gate_demo_1\.0\/runs\/\w+\.json ` \|/,
    );
  });
});
