import { describe, expect, it } from 'vitest';
import { joinPhrases, named, Phrase, phrase, words } from '../../src/format/phrase.js';
import { phraseText } from '../../src/report/markdown/parts.js';
import { renderGfm } from '../support/gfm-render.js';

describe('Phrase', () => {
  it('keeps names apart from our words and reads as its plain text', () => {
    const samples = joinPhrases(['s-0031', 's-0146'].map(named), ', ');
    const p = phrase`inspect the ${2} samples of slice ${named('region-apac')}: ${samples}`;
    expect(p.parts).toEqual([
      'inspect the 2 samples of slice ',
      { name: 'region-apac' },
      ': ',
      { name: 's-0031' },
      ', ',
      { name: 's-0146' },
    ]);
    expect(p.text).toBe('inspect the 2 samples of slice region-apac: s-0031, s-0146');
    expect(`${p}`).toBe(p.text);
    expect(JSON.stringify({ step: p })).toBe(JSON.stringify({ step: p.text }));
  });

  it('capitalises our first word, never a name', () => {
    expect(phrase`check ${named('x')}`.capitalised().text).toBe('Check x');
    expect(phrase`${named('evaluate')} is missing`.capitalised().text).toBe('evaluate is missing');
    expect(words('').capitalised().parts).toEqual([]);
  });

  it('drops empty words and merges adjacent ones', () => {
    expect(new Phrase(['a', '', 'b', named('n'), '', 'c']).parts).toEqual(['ab', { name: 'n' }, 'c']);
  });
});

describe('a phrase in the comment', () => {
  const hostile = ['@octocat', '#12', 'a|b', '`tick`', '<img src=x>', '[x](http://e)'];

  it('shows every name as code, as GitHub renders it, whatever the name holds', () => {
    const p = joinPhrases(
      hostile.map((name) => phrase`slice ${named(name)} regressed`),
      '; ',
    );
    const html = renderGfm(`- ${phraseText(p, 10_000)}\n`);
    expect(html).not.toMatch(/<a |<img|class="user-mention"/);
    const codes = [...html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"'),
    );
    // A pipe is never put inside a span (a table cell would split there): two spans around it.
    expect(codes).toEqual(hostile.flatMap((name) => name.split('|')));
    expect(html).toContain('<code>a</code>|<code>b</code>');
    expect(html.match(/regressed/g)).toHaveLength(hostile.length);
  });

  it('cuts at the budget with an ellipsis, inside a name or between words', () => {
    const p = phrase`slice ${named('region-apac-and-a-long-tail')} regressed`;
    expect(phraseText(p, 10)).toBe('slice ` reg… `');
    expect(phraseText(p, 6)).toBe('slice …');
  });

  it('escapes a leading list marker only at the start of the line', () => {
    const p = phrase`- ${named('x')} - 1. y`;
    expect(phraseText(p)).toBe('\\- ` x ` - 1. y');
  });
});
