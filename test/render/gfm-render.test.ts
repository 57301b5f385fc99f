import { describe, expect, it } from 'vitest';
import {
  brokenCodeSpans,
  cmarkGfmVersion,
  firstScreenText,
  foldedSections,
  REPORT_HTML_TAGS,
  rawHtmlFrom,
  renderGfm,
  tables,
  unfoldedText,
} from '../support/gfm-render.js';

describe('renderGfm', () => {
  it('runs the gfm build of cmark', () => {
    expect(cmarkGfmVersion()).toMatch(/^cmark-gfm \d/);
  });

  it('renders the GitHub comment extensions', () => {
    const html = renderGfm('~~old~~ https://example.com\n\n- [x] done\n\n| a |\n| - |\n| 1 |\n');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.com">');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('<td data-sourcepos');
  });

  it('keeps the folds GitHub keeps and neutralises script tags', () => {
    const html = renderGfm('<details><summary>More</summary>\n\nbody\n\n</details>\n\n<script>x</script>\n');
    expect(html).toContain('<details><summary>More</summary>');
    expect(html).toContain('&lt;script>');
  });
});

describe('unfoldedText and firstScreenText', () => {
  const html = renderGfm(
    '## FAIL — slice floor\n\n**Why:** auc dropped\n\n<details><summary>Slices</summary>\n\n| a | b |\n| - | - |\n| hidden | row |\n\n</details>\n\nNext: fix it\n',
  );

  it('reads headings and paragraphs on their own lines and skips closed folds but their summary', () => {
    expect(unfoldedText(html)).toBe('FAIL — slice floor\nWhy: auc dropped\nSlices\nNext: fix it');
  });

  it('counts the body of an open fold', () => {
    const open = renderGfm('<details open><summary>S</summary>\n\nshown\n\n</details>\n');
    expect(unfoldedText(open)).toBe('S\nshown');
  });

  it('cuts at the character budget', () => {
    expect(firstScreenText(html, 18)).toBe('FAIL — slice floor');
  });
});

describe('foldedSections', () => {
  it('lists each fold with its summary and body size', () => {
    const folds = foldedSections(
      renderGfm(
        '<details><summary>Slices (3)</summary>\n\nabc\n\n</details>\n\n<details open><summary>Notes</summary>\n\n</details>\n',
      ),
    );
    expect(folds).toEqual({
      sections: [
        { summary: 'Slices (3)', open: false, bodyChars: 3 },
        { summary: 'Notes', open: true, bodyChars: 0 },
      ],
      nested: false,
    });
  });

  it('sees a fold inside a fold', () => {
    const html = renderGfm(
      '<details><summary>Outer</summary>\n\n<details><summary>Inner</summary>\n\nx\n\n</details>\n\n</details>\n',
    );
    expect(foldedSections(html).nested).toBe(true);
    expect(foldedSections(html).sections.map((s) => s.summary)).toEqual(['Outer', 'Inner']);
  });
});

describe('tables', () => {
  it('reads header, cells and escaped pipes', () => {
    const markdown = '| Metric | Δ |\n| --- | ---: |\n| `a\\|b` | +1 → 2 |\n';
    expect(tables(renderGfm(markdown), markdown)).toEqual([
      { header: ['Metric', 'Δ'], rows: [['a|b', '+1 → 2']], rowCellCounts: [2] },
    ]);
  });

  it('counts the cells the renderer padded or dropped', () => {
    const markdown = '| a | b |\n| - | - |\n| 1 | 2 |   \n| 1 |\n| 1 | 2 | 3 |\n| é | 2 | 3\n| 1 | 2\n';
    const [table] = tables(renderGfm(markdown), markdown);
    expect(table!.rows.every((row) => row.length === 2)).toBe(true);
    expect(table!.rowCellCounts).toEqual([2, 1, 3, 3, 2]);
  });

  it('sees an unescaped pipe in a code span split the row', () => {
    const markdown = '| key | value |\n| - | - |\n| `a|b` | 1 |\n';
    expect(tables(renderGfm(markdown), markdown)[0]!.rowCellCounts).toEqual([3]);
  });
});

describe('rawHtmlFrom', () => {
  it('accepts what markdown produced and the allowed tags', () => {
    const html = renderGfm(
      '<!-- marker -->\n## H\n\n**b** _e_ `c` [l](https://x.y) ![i](https://x.y/i.png)\n\n<details><summary>S<sub>1</sub></summary>\n\n- x<br>y\n\n</details>\n',
    );
    expect(rawHtmlFrom(html, REPORT_HTML_TAGS)).toEqual([]);
  });

  it('reports tags outside the list, script-like attributes and filtered tags', () => {
    const html = renderGfm(
      'name <img src=x onerror=alert(1)>\n\n<div>block</div>\n\n<a href="javascript:x">l</a> <script>x</script>\n',
    );
    expect(rawHtmlFrom(html, REPORT_HTML_TAGS)).toEqual([
      { tag: 'img', reason: 'attribute' },
      { tag: 'div', reason: 'tag' },
      { tag: 'a', reason: 'attribute' },
      { tag: 'script', reason: 'tagfilter' },
      { tag: 'script', reason: 'tagfilter' },
    ]);
  });

  it('does not mistake escaped text for a filtered tag', () => {
    expect(rawHtmlFrom(renderGfm('a \\<script> b &lt;iframe&gt;\n'), REPORT_HTML_TAGS)).toEqual([]);
  });
});

describe('brokenCodeSpans', () => {
  it('is empty when every backtick opens and closes a span', () => {
    expect(brokenCodeSpans(renderGfm('`a` and ``b`c``\n\n```\nfenced `x\n```\n'))).toEqual([]);
  });

  it('finds a span that did not close and one split by a table cell', () => {
    expect(brokenCodeSpans(renderGfm('see `s-0601\n'))).toEqual(['see `s-0601']);
    expect(brokenCodeSpans(renderGfm('| a | b |\n| - | - |\n| `x | y` |\n'))).toEqual(['`x', 'y`']);
  });
});
