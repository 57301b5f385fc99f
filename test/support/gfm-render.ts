/**
 * The comment as GitHub renders it, for tests that assert what a reviewer sees rather than what the
 * markdown source says. Rendering is Debian's `cmark-gfm` (the C library GitHub's renderer is built
 * on) with the extensions GitHub enables for comments; the structural helpers read its HTML with
 * parse5, which parses the way a browser does.
 */
import { execFileSync } from 'node:child_process';
import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export const GFM_EXTENSIONS = ['table', 'strikethrough', 'autolink', 'tagfilter', 'tasklist'] as const;

/**
 * Markdown → HTML the way GitHub renders a comment. GitHub passes raw HTML through and then
 * sanitises it (keeping `<details>`, `<summary>`, `<sub>` …), whereas cmark-gfm's safe mode drops
 * every raw tag, folds included. So this runs `--unsafe` with `tagfilter` to keep what GitHub keeps,
 * and the sanitiser's job becomes an assertion: {@link rawHtmlFrom} reports any raw HTML beyond an
 * allowed list. `--sourcepos` marks the elements markdown produced, which is how raw HTML is told
 * apart and how {@link tables} sees cells the renderer dropped.
 */
export function renderGfm(markdown: string): string {
  const args = ['--unsafe', '--sourcepos', ...GFM_EXTENSIONS.flatMap((e) => ['--extension', e])];
  return execFileSync('cmark-gfm', args, { input: markdown, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The Debian package is a CI prerequisite (`.ci/run` installs it); tests fail loudly without it. */
export function cmarkGfmVersion(): string {
  return execFileSync('cmark-gfm', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? '';
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}

function* elements(node: Node): Generator<Element> {
  for (const child of children(node)) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function hasAncestor(element: Element, tags: ReadonlySet<string>): boolean {
  for (let parent = element.parentNode; parent && isElement(parent); parent = parent.parentNode) {
    if (tags.has(parent.tagName)) return true;
  }
  return false;
}

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'pre',
  'blockquote',
  'table',
  'tr',
  'details',
  'summary',
  'div',
  'hr',
  'br',
]);
const CELLS = new Set(['td', 'th']);

/**
 * Text as a reader sees it: blocks on their own lines, cells separated by a space, runs of
 * whitespace collapsed. `folded` decides whether the body of a closed `<details>` counts.
 */
function readableText(node: Node, folded: boolean): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeName === '#text') {
      parts.push((n as DefaultTreeAdapterTypes.TextNode).value);
      return;
    }
    if (!isElement(n)) {
      for (const child of children(n)) walk(child);
      return;
    }
    const block = BLOCKS.has(n.tagName);
    if (block) parts.push('\n');
    if (CELLS.has(n.tagName)) parts.push(' ');
    if (n.tagName === 'details' && !folded && attr(n, 'open') === undefined) {
      for (const child of children(n)) if (isElement(child) && child.tagName === 'summary') walk(child);
    } else {
      for (const child of children(n)) walk(child);
    }
    if (block) parts.push('\n');
  };
  walk(node);
  return parts
    .join('')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

function parse(html: string): DefaultTreeAdapterTypes.DocumentFragment {
  return parseFragment(html);
}

/** What a reader sees without opening any fold: closed `<details>` contribute only their summary. */
export function unfoldedText(html: string): string {
  return readableText(parse(html), false);
}

/** The first `chars` characters of {@link unfoldedText}: what fits on the first screen. */
export function firstScreenText(html: string, chars: number): string {
  return unfoldedText(html).slice(0, chars);
}

export interface FoldedSection {
  summary: string;
  open: boolean;
  /** Characters of the body a reader sees after opening this fold. */
  bodyChars: number;
}

export interface Folds {
  sections: FoldedSection[];
  /** True when some `<details>` sits inside another, which GitHub renders as a fold in a fold. */
  nested: boolean;
}

export function foldedSections(html: string): Folds {
  const sections: FoldedSection[] = [];
  let nested = false;
  const details = new Set(['details']);
  for (const element of elements(parse(html))) {
    if (element.tagName !== 'details') continue;
    if (hasAncestor(element, details)) nested = true;
    const summary = children(element).find((c): c is Element => isElement(c) && c.tagName === 'summary');
    const body = children(element).filter((c) => c !== summary);
    sections.push({
      summary: summary ? readableText(summary, true) : '',
      open: attr(element, 'open') !== undefined,
      bodyChars: body
        .map((c) => readableText(c, true))
        .join('\n')
        .trim().length,
    });
  }
  return { sections, nested };
}

export interface GfmTable {
  header: string[];
  rows: string[][];
  /**
   * Cells each body row had in the markdown source. cmark-gfm pads a short row and silently drops
   * the excess of a long one, so the rendered cells alone always match the header; here a padded
   * cell is not counted and a row whose source runs past its last kept cell counts one extra.
   */
  rowCellCounts: number[];
}

/** 1-based line and byte columns from cmark-gfm's `data-sourcepos="l:c-l:c"`. */
function sourcepos(element: Element): { line: number; start: number; end: number } | null {
  const match = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(attr(element, 'data-sourcepos') ?? '');
  if (!match) return null;
  return { line: Number(match[1]), start: Number(match[2]), end: Number(match[4]) };
}

function sourceCellCount(row: Element, cells: Element[], lines: string[]): number {
  const kept = cells.filter((c) => (sourcepos(c)?.start ?? 0) > 0);
  const last = kept.at(-1);
  const rowPos = sourcepos(row);
  if (!last || !rowPos) return kept.length;
  const line = Buffer.from(lines[rowPos.line - 1] ?? '', 'utf8');
  const rest = line.subarray(sourcepos(last)!.end).toString('utf8').trim();
  return kept.length + (rest === '' || rest === '|' ? 0 : 1);
}

/**
 * Every table with its header cells, body cells and the source cell count per body row. The markdown
 * the HTML was rendered from is needed because the renderer keeps no trace of dropped cells.
 */
export function tables(html: string, markdown: string): GfmTable[] {
  const lines = markdown.split('\n');
  const rowsOf = (table: Element, section: string): Element[] =>
    children(table)
      .filter((c): c is Element => isElement(c) && c.tagName === section)
      .flatMap((s) => children(s).filter((c): c is Element => isElement(c) && c.tagName === 'tr'));
  const cellsOf = (row: Element): Element[] =>
    children(row).filter((c): c is Element => isElement(c) && CELLS.has(c.tagName));
  return [...elements(parse(html))]
    .filter((e) => e.tagName === 'table')
    .map((table) => {
      const head = rowsOf(table, 'thead')[0];
      const body = rowsOf(table, 'tbody');
      return {
        header: head ? cellsOf(head).map((c) => readableText(c, true)) : [],
        rows: body.map((row) => cellsOf(row).map((c) => readableText(c, true))),
        rowCellCounts: body.map((row) => sourceCellCount(row, cellsOf(row), lines)),
      };
    });
}

/**
 * Tags cmark-gfm emits for markdown without a `data-sourcepos` (inline and table sections); every
 * markdown block carries one. Anything else without it came from raw HTML in the source.
 */
const MARKDOWN_INLINE = new Set(['code', 'em', 'strong', 'del', 'a', 'img', 'br', 'input', 'thead', 'tbody']);

/** Tags GitHub's tagfilter neutralises by escaping their `<`; they survive as visible text. */
const TAGFILTERED =
  /&lt;(\/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext))\b[^<>]*>/gi;

/** The raw HTML this report is expected to use on purpose. */
export const REPORT_HTML_TAGS = [
  'details',
  'summary',
  'br',
  'sub',
  'sup',
  'b',
  'i',
  'strong',
  'em',
  'code',
  'pre',
  'a',
  'kbd',
  'del',
  's',
] as const;

export interface RawHtml {
  tag: string;
  /** Why it counts: a tag outside the allowed list, a script-like attribute, or a filtered tag. */
  reason: 'tag' | 'attribute' | 'tagfilter';
}

/**
 * Raw HTML in the rendered comment that GitHub's sanitiser would strip or that only the tagfilter
 * stopped: evidence text that reached the markdown without escaping. Comments (the sticky marker)
 * are invisible on GitHub and not reported.
 */
export function rawHtmlFrom(html: string, allowedTags: readonly string[]): RawHtml[] {
  const allowed = new Set(allowedTags.map((t) => t.toLowerCase()));
  const found: RawHtml[] = [];
  for (const element of elements(parse(html))) {
    const fromMarkdown = sourcepos(element) !== null || MARKDOWN_INLINE.has(element.tagName);
    if (!fromMarkdown && !allowed.has(element.tagName)) found.push({ tag: element.tagName, reason: 'tag' });
    const scripted = element.attrs.some(
      (a) => /^on/i.test(a.name) || (/^(href|src)$/i.test(a.name) && /^\s*(javascript|data):/i.test(a.value)),
    );
    if (scripted) found.push({ tag: element.tagName, reason: 'attribute' });
  }
  for (const match of html.matchAll(TAGFILTERED)) {
    found.push({ tag: match[1]!.replace('/', '').toLowerCase(), reason: 'tagfilter' });
  }
  return found;
}

const CODE = new Set(['code', 'pre']);

/**
 * Text outside code that still shows a backtick: a code span that did not close (a backtick in the
 * name, or a table cell split through a span) or a name that was never put in one. Returns the
 * offending text nodes, trimmed.
 */
export function brokenCodeSpans(html: string): string[] {
  const broken: string[] = [];
  const walk = (node: Node): void => {
    for (const child of children(node)) {
      if (child.nodeName === '#text') {
        const text = (child as DefaultTreeAdapterTypes.TextNode).value;
        if (text.includes('`')) broken.push(text.trim());
      } else if (isElement(child) && !CODE.has(child.tagName)) {
        walk(child);
      }
    }
  };
  walk(parse(html));
  return broken;
}
