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
 *   backslash escapes are resolved, so escaping `@` or `#` does not stop them. An invisible
 *   zero-width joiner after the trigger character does.
 */

/** U+200D: invisible, not a word character, and not part of any GitHub reference syntax. */
const ZWJ = '\u200d';
/** U+200B: separates a literal backslash from the escape we add in front of a pipe. */
const ZWSP = '\u200b';
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
 * Escapes untrusted text for use anywhere in markdown: a table cell, a list item, a heading, a
 * `<summary>`. The result is a single line that renders as the literal text (with line breaks
 * shown as ⏎ and control characters as �), capped at `maxLength` code points.
 */
export function escapeText(text: string, options: EscapeOptions = {}): string {
  const capped = truncateText(toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
  // References are broken on the raw text: done after escaping, `#` would also match inside `&#124;`.
  let out = neutraliseReferences(capped).replace(INLINE_SPECIAL, (ch) => ENTITIES[ch] ?? `\\${ch}`);
  // Block syntax only matters at the start of a line; escaped text may be placed there (a list
  // item, a paragraph), so a leading list/heading/quote marker must not take effect.
  out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.');
  return out;
}

/**
 * Breaks GitHub's automatic links without changing what a reader sees: `@user`/`@org/team`
 * mentions, `#123`/`GH-123` issue references, `scheme://` and `www.` autolinks. Email autolinks
 * contain an `@` and are broken by the mention rule.
 */
function neutraliseReferences(text: string): string {
  return text
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(gh)-(?=\d)/gi, `$1${ZWJ}-`)
    .replace(/:(?=\/\/)/g, `:${ZWJ}`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`);
}

export interface InlineCodeOptions extends EscapeOptions {
  /**
   * The code span sits in a table cell. cmark-gfm splits cells before it parses code spans, so a
   * pipe needs a backslash even inside code; the backslash is removed again when the row is split.
   */
  inTable?: boolean;
}

/**
 * Renders untrusted text as an inline code span. The fence is one backtick longer than the longest
 * backtick run inside, and the content is padded with a space on each side (CommonMark strips
 * exactly one from each side), so no content can close the span early. Mentions and autolinks are
 * not processed inside code spans, so no zero-width characters are needed there.
 */
export function inlineCode(text: string, options: InlineCodeOptions = {}): string {
  let content = truncateText(toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
  if (options.inTable) {
    // A backslash right before our `\|` would pair with it (`\\` is one escape) and leave the pipe
    // bare; a zero-width space between them keeps the escape ours.
    content = content.replace(/(\\?)\|/g, (_m, backslash: string) => (backslash ? `\\${ZWSP}\\|` : '\\|'));
  }
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
