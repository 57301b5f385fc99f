/**
 * The failing scenario's comment in Chromium with GitHub's CSS at PR-comment width: the verdict, its
 * reason and the first next step are on the first screen (800 px).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import { scenarioReport } from '../report/scenario-report.js';
import {
  type CommentScreenshot,
  chromiumExecutable,
  pngSize,
  screenshotComment,
} from '../support/browser.js';
import { renderGfm } from '../support/gfm-render.js';

const FIRST_SCREEN_PX = 800;
const missing = chromiumExecutable() === null && !process.env.CI;
if (missing) {
  console.warn(
    'browser test skipped: no Chromium (set CHROMIUM_PATH or apt-get install chromium); CI never skips',
  );
}

describe.skipIf(missing)('the slice-regression comment in a browser', () => {
  let shot: CommentScreenshot;
  beforeAll(async () => {
    const markdown = renderMarkdown(await scenarioReport('slice-regression'), { marker: 'pr-7' });
    shot = await screenshotComment(renderGfm(markdown), { width: 1000 });
  });
  afterAll(() => shot?.close());

  it('is a full-page PNG at comment width', async () => {
    expect(pngSize(shot.png)).toEqual({ width: 1000, height: shot.height });
    const last = await shot.boundingBoxOf('article > :last-child');
    expect(last).not.toBeNull();
    expect(shot.height).toBeGreaterThanOrEqual(Math.floor(last!.y + last!.height));
  });

  it('shows the verdict and its reason on the first screen', async () => {
    const verdict = await shot.boundingBoxOf('h2');
    expect(verdict).not.toBeNull();
    expect(await shot.boundingBoxOf('h2 >> text=FAIL')).toEqual(verdict);
    expect(verdict!.y + verdict!.height).toBeLessThanOrEqual(FIRST_SCREEN_PX);
    const why = await shot.boundingBoxOf('strong >> text=Why:');
    expect(why).not.toBeNull();
    expect(why!.y).toBeGreaterThan(verdict!.y);
    expect(why!.y + why!.height).toBeLessThanOrEqual(FIRST_SCREEN_PX);
  });

  it('shows the first next step on the first screen too', async () => {
    const heading = await shot.boundingBoxOf('h3 >> text=Next steps');
    expect(heading).not.toBeNull();
    const step = await shot.boundingBoxOf('h3:has-text("Next steps") + ol > li');
    expect(step).not.toBeNull();
    expect(step!.y).toBeGreaterThan(heading!.y);
    expect(step!.y + step!.height).toBeLessThanOrEqual(FIRST_SCREEN_PX);
  });

  it('keeps every name in a table on one line at 1000 px, folded tables included', async () => {
    expect(await shot.boundingBoxOf('td code')).not.toBeNull();
    expect(await shot.wrappedTableCode()).toEqual([]);
  });

  it('finds nothing for a selector that does not match', async () => {
    expect(await shot.boundingBoxOf('text=no such text in the comment')).toBeNull();
  });
});

describe.skipIf(missing)('the other failing comments in a browser', () => {
  it.each(['llm-eval', 'incomplete-evidence'] as const)(
    '%s keeps every name in a table on one line at 1000 px',
    async (scenario) => {
      const markdown = renderMarkdown(await scenarioReport(scenario), { marker: 'pr-7' });
      const shot = await screenshotComment(renderGfm(markdown), { width: 1000 });
      try {
        expect(await shot.boundingBoxOf('td code')).not.toBeNull();
        expect(await shot.wrappedTableCode()).toEqual([]);
      } finally {
        await shot.close();
      }
    },
  );
});
