/**
 * Every fixture scenario's PR comment, rendered by GitHub's renderer: structure that holds today and
 * must keep holding through the report redesign.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import { scenarioReport } from '../report/scenario-report.js';
import { SCENARIOS } from '../support/engine-fixtures.js';
import {
  brokenCodeSpans,
  foldedSections,
  REPORT_HTML_TAGS,
  rawHtmlFrom,
  renderGfm,
  tables,
} from '../support/gfm-render.js';

describe.each(SCENARIOS)('the %s comment as GitHub renders it', (scenario) => {
  let markdown = '';
  let html = '';
  beforeAll(async () => {
    markdown = renderMarkdown(await scenarioReport(scenario), { marker: 'pr-7' });
    html = renderGfm(markdown);
  });

  it('has tables whose rows all have the header column count', () => {
    const rendered = tables(html, markdown);
    expect(rendered.length).toBeGreaterThan(0);
    for (const table of rendered) {
      expect(table.header.length, table.header.join(' | ')).toBeGreaterThan(0);
      table.rowCellCounts.forEach((count, i) => {
        expect(count, table.rows[i]!.join(' | ')).toBe(table.header.length);
      });
    }
  });

  it('carries no raw HTML beyond the tags the report uses on purpose', () => {
    expect(rawHtmlFrom(html, REPORT_HTML_TAGS)).toEqual([]);
  });

  it('leaves no backtick visible outside code', () => {
    expect(brokenCodeSpans(html)).toEqual([]);
  });

  it('has folds, none inside another', () => {
    const folds = foldedSections(html);
    expect(folds.sections.length).toBeGreaterThan(0);
    expect(folds.sections.every((s) => s.summary !== '')).toBe(true);
    expect(folds.nested).toBe(false);
  });
});
