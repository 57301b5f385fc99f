import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeText,
  inlineCode,
  tableHeader,
  tableRow,
  toSingleLine,
  truncateText,
} from '../../src/report/escape.js';
import { splitGfmRow, stripCodeSpans } from '../support/gfm.js';

/** Arbitrary text, and text drawn mostly from characters that mean something in markdown or to GitHub. */
const untrustedText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(...'|\\`@#<>[]()!*_~$&-+=.:/ \n\r\taw1\u2028\u0000\u200d'.split('')),
    maxLength: 60,
  }),
  fc.constantFrom('http://x', 'www.x', '@octocat', '#12', 'GH-3', '1. a', '- a', '&#124;'),
);

const HOSTILE = '| @octocat <img src=x> [x](http://e) \n# h';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;

function unescapePlain(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|&#124;|&lt;|&gt;|&amp;/g, (m, ch: string | undefined) =>
    ch !== undefined
      ? ch
      : ({ '&#124;': '|', '&lt;': '<', '&gt;': '>', '&amp;': '&' } as Record<string, string>)[m]!,
  );
}

/**
 * What a reader sees: code spans as their content, the rest with our escapes undone. A backslash
 * escape is one unit, so an escaped backtick opens no span (CommonMark 2.4, 6.1).
 */
function unescapeMarkdown(text: string): string {
  let out = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\' && i + 1 < text.length) {
      plain += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (text[i] === '`') {
      let n = 0;
      while (text[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      const close = text.indexOf(` ${fence}`, i + n + 1);
      if (text[i + n] === ' ' && close >= 0 && text[close + n + 1] !== '`') {
        out += unescapePlain(plain) + text.slice(i + n + 1, close);
        plain = '';
        i = close + n + 1;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  return out + unescapePlain(plain);
}

describe('escapeText', () => {
  it('neutralises the hostile name from the brief', () => {
    const out = escapeText(HOSTILE);
    expect(out).not.toMatch(/[|<>\n]/);
    expect(out).not.toMatch(INVISIBLE);
    expect(stripCodeSpans(out)).not.toMatch(/@\w/);
    expect(out).toContain('` @octocat `');
    expect(out).toContain('&lt;img src=x&gt;');
    expect(out).toContain('` [x](http://e `\\)');
    expect(out).toContain('\\# h');
    expect(unescapeMarkdown(out)).toBe('| @octocat <img src=x> [x](http://e) ⏎# h');
  });

  it('breaks mentions, team mentions, issue references and autolinks', () => {
    const live = (text: string) => stripCodeSpans(escapeText(text));
    expect(live('ping @octocat and @org/team')).not.toMatch(/@[\w]/);
    expect(live('fixes #123 and GH-45')).not.toMatch(/#\d|GH-\d/i);
    expect(live('see https://evil.example and www.evil.example')).not.toMatch(/:\/\/|www\./);
    expect(live('mail a@b.example')).not.toMatch(/@b/);
    // The name a reader copies is the name: no invisible character anywhere.
    expect(escapeText('ping @octocat, then evaluate/auc@region-apac.')).toBe(
      'ping ` @octocat `, then ` evaluate/auc@region-apac `.',
    );
  });

  it('escapes emphasis, code, image, link, strike, math and heading markup', () => {
    const out = escapeText('*a* _b_ `c` ![i](u) ~~s~~ $x$ # h \\');
    expect(out).toBe('\\*a\\* \\_b\\_ \\`c\\` \\!\\[i\\]\\(u\\) \\~\\~s\\~\\~ \\$x\\$ \\# h \\\\');
  });

  it('keeps block markers at the start from taking effect', () => {
    expect(escapeText('- item')).toBe('\\- item');
    expect(escapeText('+ item')).toBe('\\+ item');
    expect(escapeText('1. item')).toBe('1\\. item');
    expect(escapeText('> quote')).toBe('&gt; quote');
    expect(escapeText('a-b')).toBe('a-b');
  });

  it('replaces line breaks, control characters, bidi overrides and lone surrogates', () => {
    expect(escapeText('a\r\nb\rc\u2028d')).toBe('a⏎b⏎c⏎d');
    expect(escapeText('a\u0000b\u001bc\u202ed\ud800e')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
    expect(toSingleLine('a\tb')).toBe('a b');
  });

  it('caps length with an ellipsis without splitting surrogate pairs', () => {
    expect(escapeText('x'.repeat(500))).toBe(`${'x'.repeat(199)}…`);
    expect(escapeText('abcdef', { maxLength: 4 })).toBe('abc…');
    expect(escapeText('abc', { maxLength: 3 })).toBe('abc');
    expect(truncateText('😀😀😀', 2)).toBe('😀…');
    expect(truncateText('a😀😀', 2)).toBe('a…');
    expect(escapeText('x'.repeat(500), { maxLength: Number.POSITIVE_INFINITY })).toHaveLength(500);
  });

  it('leaves ordinary metric and slice names readable', () => {
    expect(escapeText('latency-ms.p95')).toBe('latency-ms.p95');
    expect(escapeText('region-apac')).toBe('region-apac');
    expect(escapeText('tokens.prompt')).toBe('tokens.prompt');
  });

  it('property: never emits a pipe, angle bracket, line break or live mention, and round-trips', () => {
    fc.assert(
      fc.property(untrustedText, (text) => {
        const out = escapeText(text, { maxLength: Number.POSITIVE_INFINITY });
        expect(out).not.toMatch(/[|\r\n\u2028\u2029]/);
        // A backslash-escaped backtick is a literal one and opens no span (CommonMark 6.1).
        const live = stripCodeSpans(out.replace(/\\[\\`]/g, "'")).replaceAll('<code/>', '');
        expect(live).not.toMatch(/[<>]/);
        expect(live).not.toMatch(/@\w/);
        expect(live.replace(/&#124;/g, '|')).not.toMatch(/#\d/);
        expect(live).not.toMatch(/:\/\//);
        if (!INVISIBLE.test(text)) expect(out).not.toMatch(INVISIBLE);
        expect(unescapeMarkdown(out)).toBe(toSingleLine(text));
      }),
      { numRuns: 500 },
    );
  });

  it('property: a row of escaped cells always has exactly the expected number of cells', () => {
    const cell = untrustedText;
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        const row = tableRow(cells.map((c) => escapeText(c)));
        expect(splitGfmRow(row)).toHaveLength(cells.length);
        const codeRow = tableRow(cells.map((c) => inlineCode(c, { inTable: true })));
        expect(splitGfmRow(codeRow)).toHaveLength(cells.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('inlineCode', () => {
  it('uses a fence longer than any backtick run and pads with spaces', () => {
    expect(inlineCode('plain')).toBe('` plain `');
    expect(inlineCode('a`b')).toBe('`` a`b ``');
    expect(inlineCode('```x`')).toBe('```` ```x` ````');
    expect(inlineCode('`')).toBe('`` ` ``');
  });

  it('is one line and capped', () => {
    expect(inlineCode('a\nb')).toBe('` a⏎b `');
    expect(inlineCode('x'.repeat(300))).toBe(`\` ${'x'.repeat(199)}… \``);
  });

  it('keeps pipes out of code spans in table cells, even after a literal backslash', () => {
    expect(inlineCode('a|b', { inTable: true })).toBe('` a `&#124;` b `');
    expect(inlineCode('a\\|b', { inTable: true })).not.toMatch(INVISIBLE);
    expect(splitGfmRow(tableRow([inlineCode('a\\|b', { inTable: true }), 'x']))).toHaveLength(2);
    expect(inlineCode('a|b')).toBe('` a|b `');
  });
});

describe('tables', () => {
  it('renders header, delimiter and alignment', () => {
    expect(tableHeader(['gate', 'delta'], ['left', 'right'])).toBe('| gate | delta |\n| --- | ---: |');
    expect(tableRow(['a', ''])).toBe('| a |   |');
  });

  it('keeps the hostile name in one cell', () => {
    const row = tableRow([escapeText(HOSTILE), escapeText(HOSTILE), '1']);
    const cells = splitGfmRow(row);
    expect(cells).toHaveLength(3);
    expect(cells[2]).toBe('1');
  });

  it('the splitter itself sees a bare pipe after an escaped backslash', () => {
    expect(splitGfmRow('| a\\\\| b |')).toHaveLength(2);
    expect(splitGfmRow('| a\\| b |')).toHaveLength(1);
  });
});
