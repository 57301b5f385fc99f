/**
 * Escaping for untrusted text (metric, slice, sample, run and stage names, messages, paths) that we
 * put into GitHub-flavoured markdown. Everything here comes from a workspace a pull request can
 * write, so it must not be able to break out of a table cell, start a block, or make GitHub render
 * HTML, links, images, mentions, issue references or autolinks in a comment posted with our token.
 *
 * The rules follow cmark-gfm, the parser GitHub uses:
 * - A table row is split at every `|` that is not part of a backslash escape, before any inline
 *   parsing (`\` + any ASCII punctuation is one escape, so `\\|` still splits). We therefore never
 *   emit a bare `|` from escaped text: it becomes the entity `&#124;`.
 * - Mentions, issue references and autolinks are found in the rendered text, after entities and
 *   backslash escapes are resolved, so escaping `@` or `#` does not stop them. GitHub never links
 *   inside code, so a word that could become one goes into a code span: what a reader copies is
 *   exactly the name, with no invisible or look-alike characters.
 */

const ELLIPSIS = '…';
const LINE_BREAK_MARK = '⏎';
const REPLACEMENT = '\ufffd';

/** Default cap for one piece of untrusted text, in code points. */
export const DEFAULT_MAX_TEXT_LENGTH = 200;

export interface EscapeOptions {
  /** Cap in code points, including the ellipsis; `Infinity` for no cap. */
  maxLength?: number;
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/**
 * C0/C1 controls (tab handled separately), bidirectional overrides and isolates (which can make
 * a name read differently from what it is), and lone surrogates (invalid UTF-16 that some
 * renderers turn into garbage).
 */
const UNSAFE_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces line breaks and control characters so the text is one safe line. */
export function toSingleLine(text: string): string {
  return text.replace(LINE_BREAKS, LINE_BREAK_MARK).replace(/\t/g, ' ').replace(UNSAFE_CHARS, REPLACEMENT);
}

/** Caps `text` at `maxLength` code points, ending in an ellipsis when something was cut. */
export function truncateText(text: string, maxLength: number): string {
  if (!Number.isFinite(maxLength) || text.length <= maxLength) return text;
  const limit = Math.max(1, Math.floor(maxLength));
  // Iterating by code point keeps surrogate pairs whole; the early exit bounds the work.
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count === limit) return `${stripTrailingPartial(out, limit)}${ELLIPSIS}`;
    out += ch;
    count++;
  }
  return out;
}

/** Removes the last code point so `out` plus the ellipsis has `limit` code points. */
function stripTrailingPartial(out: string, limit: number): string {
  if (limit <= 1) return '';
  const last = out.codePointAt(out.length - 1);
  const width = last !== undefined && last >= 0xdc00 && last <= 0xdfff ? 2 : 1;
  return out.slice(0, out.length - width);
}

/**
 * Characters that would start inline markup. `|`, `<`, `>`, `&` become entities (a backslash-escaped
 * pipe can still be turned into a cell split by a preceding backslash); the rest are backslash-escaped.
 */
const INLINE_SPECIAL = /[\\`*_~[\]()!#$|<>&]/g;
const ENTITIES: Readonly<Record<string, string>> = { '|': '&#124;', '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * A word GitHub would turn into a link: a mention or email (`@`), an issue reference (`#12`,
 * `GH-12`), an autolink (`scheme://`, `www.`). Words end at whitespace and at `|`, which never
 * goes into a code span outside our table handling.
 */
const LINKABLE_WORD = /[^\s|]*(?:@|#\d|\bgh-\d|:\/\/|\bwww\.)[^\s|]*/gi;

function escapePlain(text: string): string {
  return text.replace(INLINE_SPECIAL, (ch) => ENTITIES[ch] ?? `\\${ch}`);
}

/**
 * Escapes untrusted text for use in markdown: a table cell, a list item, a paragraph. The result is
 * a single line that renders as the literal text (with line breaks shown as ⏎ and control
 * characters as �), capped at `maxLength` code points. Not for raw HTML such as `<summary>`, where
 * markdown is not parsed: summaries hold only our own words and counts.
 */
export function escapeText(text: string, options: EscapeOptions & { midLine?: boolean } = {}): string {
  const capped = truncateText(toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
  let out = '';
  let last = 0;
  for (const match of capped.matchAll(LINKABLE_WORD)) {
    // Sentence punctuation after a name stays outside its code span.
    const word = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (!/@|#\d|gh-\d|:\/\/|www\./i.test(word)) continue;
    out += escapePlain(capped.slice(last, match.index));
    out += inlineCode(word, { maxLength: Number.POSITIVE_INFINITY });
    last = match.index + word.length;
  }
  out += escapePlain(capped.slice(last));
  // Block syntax only matters at the start of a line; escaped text may be placed there (a list
  // item, a paragraph), so a leading list/heading/quote marker must not take effect.
  if (options.midLine) return out;
  return out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.');
}

export interface InlineCodeOptions extends EscapeOptions {
  /**
   * The code span sits in a table cell. cmark-gfm splits cells at every `|` before it parses code
   * spans, and a backslash before the pipe can itself be escaped away, so a pipe is never put
   * inside the span: the span is split there and the pipe is written between as `&#124;`.
   */
  inTable?: boolean;
}

/**
 * Renders untrusted text as an inline code span. The fence is one backtick longer than the longest
 * backtick run inside, and the content is padded with a space on each side (CommonMark strips
 * exactly one from each side), so no content can close the span early. Mentions and autolinks are
 * not processed inside code spans, so the name is shown exactly as recorded.
 */
export function inlineCode(text: string, options: InlineCodeOptions = {}): string {
  const content = truncateText(toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
  if (options.inTable && content.includes('|')) {
    return content
      .split('|')
      .map((piece) => (piece === '' ? '' : codeSpan(piece)))
      .join('&#124;');
  }
  return codeSpan(content);
}

function codeSpan(content: string): string {
  let longestRun = 0;
  for (const run of content.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(longestRun + 1);
  return `${fence} ${content} ${fence}`;
}

/** A markdown table row from cells that are already safe (escaped or built by us). */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}

export type Alignment = 'left' | 'right' | 'center';

/** Header and delimiter rows of a table; headers are our own text, not escaped. */
export function tableHeader(headers: readonly string[], align: readonly Alignment[] = []): string {
  const delimiters = headers.map((_, i) => {
    switch (align[i]) {
      case 'right':
        return '---:';
      case 'center':
        return ':---:';
      default:
        return '---';
    }
  });
  return `${tableRow(headers)}\n${tableRow(delimiters)}`;
}
