/**
 * Test helper: splits a table row the way cmark-gfm does (ext_scanners.re `table_cell`): a
 * backslash followed by ASCII punctuation is one escaped unit, any other `|` ends a cell. Leading
 * and trailing pipes are optional delimiters, not cells.
 */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

export function splitGfmRow(row: string): string[] {
  if (/[\r\n]/.test(row)) throw new Error('a table row cannot contain a line break');
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  const cells: string[] = [];
  let current = '';
  let closed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\\' && next !== undefined && ASCII_PUNCTUATION.test(next)) {
      current += ch + next;
      i++;
      closed = false;
      continue;
    }
    if (ch === '|') {
      cells.push(current.trim());
      current = '';
      closed = true;
      continue;
    }
    current += ch;
    closed = false;
  }
  if (!closed || current.trim() !== '') cells.push(current.trim());
  return cells;
}

/**
 * Removes code spans the way CommonMark finds them: a run of n backticks opens a span that the
 * next run of exactly n backticks closes. What is left is the text GitHub renders as markup.
 */
export function stripCodeSpans(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`') {
      out += markdown[i];
      i++;
      continue;
    }
    let n = 0;
    while (markdown[i + n] === '`') n++;
    let close = -1;
    for (let j = i + n; j < markdown.length; ) {
      if (markdown[j] !== '`') {
        j++;
        continue;
      }
      let m = 0;
      while (markdown[j + m] === '`') m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close === -1) {
      out += markdown.slice(i, i + n);
      i += n;
    } else {
      out += '<code/>';
      i = close + n;
    }
  }
  return out;
}
