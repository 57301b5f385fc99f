import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import { splitGfmRow, stripCodeSpans } from '../support/gfm.js';
import { check, comparison, gate, largeReport, metricDelta, report } from './synthetic-report.js';

const GITHUB_LIMIT = 65_536;
const HOSTILE = '| @octocat <img src=x> [x](http://e) \n# h';

/** Every markdown table in the document: its rows, starting with the header row. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      current ??= [];
      current.push(line);
    } else if (current) {
      found.push(current);
      current = null;
    }
  }
  if (current) found.push(current);
  return found;
}

describe('renderMarkdown on a very large report', () => {
  const big = largeReport(5_000, 20, 3);
  const markdown = renderMarkdown(big, { marker: 'pr-42', runUrl: 'https://github.com/o/r/actions/runs/1' });

  it('stays under the GitHub limit and the default budget', () => {
    expect(markdown.length).toBeLessThan(GITHUB_LIMIT);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
  });

  it('still starts with the marker and the verdict', () => {
    const [marker, verdict] = markdown.split('\n');
    expect(marker).toBe('<!-- contexta-gate:pr-42 -->');
    expect(verdict).toBe('## ❌ FAIL — 3 of 4 gates failed: failing gate 0, failing gate 1, failing gate 2');
  });

  it('shows every failing gate', () => {
    for (let g = 0; g < 3; g++) expect(markdown).toContain(`| ❌ fail | failing gate ${g} |`);
  });

  it('says what was left out and where the full report is', () => {
    expect(markdown).toMatch(/This comment was shortened.*Left out: .*passing slice rows \([\d,]+\)/);
    expect(markdown).toContain(
      'full report is in the JSON report artifact and the job summary of the [workflow run](https://github.com/o/r/actions/runs/1)',
    );
    // The note comes right after the verdict, before any table.
    expect(markdown.indexOf('This comment was shortened')).toBeLessThan(markdown.indexOf('### Gates'));
  });

  it('keeps every slice row that trips a gate', () => {
    const trippedRows = markdown.split('\n').filter((l) => l.includes('❌ trips a gate'));
    expect(trippedRows).toHaveLength(50 * 3);
  });

  it('keeps tables well formed', () => {
    for (const table of tables(markdown)) {
      const width = splitGfmRow(table[0]!).length;
      for (const line of table) expect(splitGfmRow(line)).toHaveLength(width);
    }
    expect((markdown.match(/<details>/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
  });
});

describe('renderMarkdown when even the rows it never leaves out do not fit', () => {
  const gates = Array.from({ length: 3_000 }, (_, g) =>
    gate(`failing gate ${g} ${'x'.repeat(40)}`, 'fail', [
      check('fail', 'evaluate', `m${g}`, null, 0.9, 0.5, 'max_drop 0.05'),
    ]),
  );
  const markdown = renderMarkdown(
    report(gates, [comparison([metricDelta('evaluate', 'm0', null, 0.9, 0.5)])]),
    {
      maxChars: 20_000,
    },
  );

  it('cuts at a line, keeps the verdict first, closes what it opened, and says it cut', () => {
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    expect(markdown.split('\n')[1]).toMatch(/^## ❌ FAIL — 3,000 of 3,000 gates failed: /);
    expect(markdown).toContain('The rest of the comment was cut after the last line shown.');
    expect((markdown.match(/<details>/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
    expect(markdown).toContain('| ❌ fail | failing gate 0 ');
  });
});

describe('renderMarkdown with hostile names', () => {
  const hostile = report(
    [gate(HOSTILE, 'fail', [check('fail', HOSTILE, HOSTILE, HOSTILE, 0.9, 0.5, HOSTILE)])],
    [
      comparison([
        metricDelta(HOSTILE, HOSTILE, null, 0.9, 0.5),
        metricDelta(HOSTILE, HOSTILE, HOSTILE, 0.9, 0.5),
      ]),
    ],
  );
  hostile.headline = HOSTILE;
  hostile.nextSteps = [HOSTILE];
  hostile.notes = [HOSTILE];
  const markdown = renderMarkdown(hostile);

  it('cannot break a table', () => {
    const found = tables(markdown);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const table of found) {
      const width = splitGfmRow(table[0]!).length;
      for (const line of table) expect(splitGfmRow(line)).toHaveLength(width);
    }
  });

  it('injects no HTML, mention, link, image or heading outside code spans', () => {
    const markup = stripCodeSpans(markdown);
    expect(markdown).toContain('&#124;`  @octocat <img src=x>');
    expect(markup).not.toContain('<img');
    expect(markup).not.toMatch(/@\w/);
    expect(markup).not.toContain('](http');
    expect(markup).not.toContain('http://');
    expect(markup).not.toMatch(/^# h/m);
    // The only raw HTML is our own.
    const tags = markup.match(/<[^!][^>]*>/g) ?? [];
    for (const tag of tags) expect(tag).toMatch(/^<\/?(details|summary|sub|b|code\/)>$/);
  });
});

describe('renderers on an empty report', () => {
  const empty = report([], [comparison([])]);
  empty.comparisons = [];
  empty.baseline = null;
  empty.candidate = { kind: 'contexta', root: 'c', runs: [] };
  empty.verdict = 'unknown';
  empty.exit = { outcome: 'warn', code: 0, reason: 'verdict unknown mapped to warn by policy.unknown' };

  it('still says what is known and what is not', () => {
    const markdown = renderMarkdown(empty);
    expect(markdown.split('\n')[1]).toBe('## ❔ UNKNOWN — not enough evidence to decide');
    expect(markdown).toContain('- **Baseline:** none');
    expect(markdown).toContain('- **Candidate:** contexta no runs');
    expect(markdown).not.toContain('### Gates');
  });
});
