/**
 * The suggested trailers, fed back through the waiver parser and applied by the engine's own
 * waiver step, waive exactly the rows they were suggested for — also when a name holds a character
 * the trailer syntax gives a meaning to (`*`, `/`, `:`, `@`, a space); those rows get the label.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/gates/config.js';
import { applyWaivers, parseWaivers } from '../../src/gates/waivers.js';
import { waiverSuggestion } from '../../src/report/advice.js';
import { check, comparison, gate, metricDelta, report } from './synthetic-report.js';

function waivedRows(trailers: string[], rows: ReturnType<typeof check>[]) {
  const message = `Fix\n\n${trailers.map((t) => t.replace('<why this change is intended>', 'ok')).join('\n')}\n`;
  const parsed = parseWaivers(
    { commits: [{ message, author: 'lead-dev', trusted: true }] },
    DEFAULT_CONFIG.policy,
  );
  expect(parsed.rejected).toEqual([]);
  const applied = applyWaivers([gate('floor', 'fail', rows)], parsed.accepted, (g) => g);
  return applied.results[0]!.checks.filter((c) => c.waiver !== null).map(
    (c) => `${c.stage}/${c.metric}@${c.slice}`,
  );
}

describe('waiverSuggestion', () => {
  it('suggests one trailer per tripped row, and each waives only its row', () => {
    const rows = [
      check('fail', 'evaluate', 'accuracy', 'region-apac', 0.9, 0.8, 'max_drop 0.05'),
      check('fail', 'evaluate', 'f1', 'region-apac', 0.9, 0.8, 'max_drop 0.05'),
      check('pass', 'evaluate', 'accuracy', 'region-eu', 0.9, 0.9, 'max_drop 0.05'),
    ];
    const r = report(
      [gate('floor', 'fail', rows)],
      [comparison([metricDelta('evaluate', 'accuracy', null, 1, 1)])],
    );
    const suggestion = waiverSuggestion(r)!;
    expect(suggestion.trailers).toHaveLength(2);
    expect(waivedRows(suggestion.trailers, rows).sort()).toEqual([
      'evaluate/accuracy@region-apac',
      'evaluate/f1@region-apac',
    ]);
  });

  it.each([
    ['a wildcard in the key', 'evaluate', 'acc*'],
    ['a slash in the stage', 'eval/holdout', 'accuracy'],
    ['a colon in the key', 'evaluate', 'acc:top1'],
    ['an at sign in the key', 'evaluate', 'acc@1'],
  ])('leaves a row with %s to the label, which waives the gate', (_what, stage, metric) => {
    const odd = check('fail', stage, metric, 'region-apac', 0.9, 0.8, 'max_drop 0.05');
    const other = check('fail', 'evaluate', 'accuracy-top5', 'region-apac', 0.9, 0.8, 'max_drop 0.05');
    const plain = check('fail', 'evaluate', 'accuracy', 'region-apac', 0.9, 0.8, 'max_drop 0.05');
    const rows = [odd, other, plain];
    const r = report(
      [gate('floor', 'fail', rows)],
      [comparison([metricDelta('evaluate', 'accuracy', null, 1, 1)])],
    );
    const suggestion = waiverSuggestion(r)!;
    expect(suggestion.untrailerable).toBe(1);
    expect(suggestion.labels).toEqual(['gate-waive:floor']);
    expect(waivedRows(suggestion.trailers, rows).sort()).toEqual([
      'evaluate/accuracy-top5@region-apac',
      'evaluate/accuracy@region-apac',
    ]);
  });
});
