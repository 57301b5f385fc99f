import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/gates/types.js';
import { trendChart } from '../../src/report/index.js';

const report = (trends: GateReport['trends']) => ({ trends }) as GateReport;

describe('trendChart', () => {
  it('draws one mermaid xychart-beta line per gated metric over the window, this run last', () => {
    const chart = trendChart(
      report([
        {
          project: 'p',
          unit: 'run',
          stage: 'evaluate',
          metric: 'accuracy',
          slice: null,
          values: [0.9, 0.896, 0.892],
          runs: ['run 1 at aaaaaaa (2026-12-01)', 'run 2 at bbbbbbb (2026-12-01)', 'this run'],
        },
      ]),
    );
    expect(chart).toContain(
      [
        '```mermaid',
        'xychart-beta',
        '  title "p: evaluate/accuracy"',
        '  x-axis ["-2", "-1", "this run"]',
        '  y-axis "accuracy" 0.8912 --> 0.9008',
        '  line [0.9, 0.896, 0.892]',
        '```',
      ].join('\n'),
    );
    expect(chart).toContain(
      'Oldest to newest: run 1 at aaaaaaa \\(2026-12-01\\) · run 2 at bbbbbbb \\(2026-12-01\\) · this run',
    );
  });

  it('keeps untrusted names from closing the fence or the string, and is empty without history', () => {
    const chart = trendChart(
      report([
        {
          project: 'p',
          unit: 'run',
          stage: 'evaluate',
          metric: 'acc"\n```\n<img>',
          slice: null,
          values: [1, 2],
          runs: ['<b>@octo</b>', 'this run'],
        },
      ]),
    );
    expect(chart.match(/```/g)).toHaveLength(2);
    expect(chart).toContain('title "p: evaluate/accimg"');
    // A run name reaches the comment only inside a code span, where GitHub shows HTML as text.
    expect(chart.replace(/`[^`]*`/g, '')).not.toContain('<b>');
    expect(chart).toContain('` <b>@octo</b> `');
    expect(trendChart(report([]))).toBe('');
    expect(trendChart({} as GateReport)).toBe('');
  });
});
