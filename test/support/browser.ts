/**
 * The rendered comment in a real browser: Chromium through playwright-core, styled with GitHub's
 * markdown CSS at the width of a PR comment, so tests can assert where things land on screen.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** `CHROMIUM_PATH` when set (CI points it at the runner's Chrome), else Debian's chromium, else null. */
export function chromiumExecutable(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  return existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CommentScreenshot {
  png: Buffer;
  /** The PNG's size, which is the page's in CSS pixels (device scale factor 1). */
  width: number;
  height: number;
  /**
   * Where the first element matching a Playwright selector (`h2`, `text=Next steps`) sits, in page
   * pixels from the top left of the comment; null when nothing matches.
   */
  boundingBoxOf(selector: string): Promise<Box | null>;
  /**
   * Opens every fold (after the screenshot was taken) and returns the text of each code span in a
   * table cell that the browser laid out over more than one line.
   */
  wrappedTableCode(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ScreenshotOptions {
  /** Width of the comment, 1000 px being a PR comment on a desktop screen. */
  width?: number;
  /** Also write the PNG here. */
  path?: string;
  /** Capture only the top of the page, for documentation images of the first screen. */
  maxHeight?: number;
}

async function markdownCss(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
}

/** GitHub's comment body: `markdown-body` with the comment's 16 px padding, light theme. */
async function commentPage(html: string, width: number): Promise<string> {
  return `<!doctype html>
<html><head><meta charset="utf-8">
<style>${await markdownCss()}</style>
<style>body { margin: 0; } .markdown-body { box-sizing: border-box; width: ${width}px; padding: 16px; }</style>
</head><body><article class="markdown-body">${html}</article></body></html>`;
}

/**
 * Opens the rendered HTML of a comment in headless Chromium and screenshots the whole page. The
 * browser stays open for `boundingBoxOf` until `close()`.
 */
export async function screenshotComment(
  html: string,
  options: ScreenshotOptions = {},
): Promise<CommentScreenshot> {
  const width = options.width ?? 1000;
  const executablePath = chromiumExecutable();
  if (!executablePath) {
    throw new Error(`no Chromium: set CHROMIUM_PATH or install Debian's chromium (${DEFAULT_CHROMIUM})`);
  }
  // The page is our own test HTML, and the sandbox cannot start as root in a container nor under
  // Ubuntu 24.04's user-namespace restrictions; a small /dev/shm in containers crashes tabs.
  const browser: Browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const page: Page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(await commentPage(html, width), { waitUntil: 'load' });
    if (options.maxHeight !== undefined) await page.setViewportSize({ width, height: options.maxHeight });
    const png = await page.screenshot({ type: 'png', fullPage: options.maxHeight === undefined });
    if (options.path) await writeFile(options.path, png);
    return {
      png,
      ...pngSize(png),
      async boundingBoxOf(selector) {
        const first = page.locator(selector).first();
        if ((await first.count()) === 0) return null;
        // boundingBox is relative to the viewport; the page is never scrolled, so that is the page.
        return first.boundingBox();
      },
      async wrappedTableCode() {
        // A page script: the test project's types have no DOM, so it is passed as source text.
        const found = await page.evaluate(`(() => {
          for (const fold of document.querySelectorAll('details')) fold.open = true;
          return [...document.querySelectorAll('td code')]
            .filter((code) => code.getClientRects().length > 1)
            .map((code) => code.textContent ?? '');
        })()`);
        return found as string[];
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Width and height stored in a PNG's IHDR chunk, to check an image without decoding it. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
