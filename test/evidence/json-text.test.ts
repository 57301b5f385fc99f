import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingDepth, parseJsonText } from '../../src/evidence/json-text.js';

describe('parseJsonText', () => {
  it('parses ordinary JSON on the fast path', () => {
    expect(parseJsonText('{"a":[1,2,{"b":null}]}', 64)).toEqual({
      ok: true,
      value: { a: [1, 2, { b: null }] },
      nonFinite: false,
    });
  });

  it('reads Python-style NaN and Infinity tokens faithfully, but not inside strings', () => {
    const result = parseJsonText('{"v":NaN,"w":[Infinity,-Infinity],"s":"NaN is -Infinity"}', 64);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { v: number; w: number[]; s: string };
    expect(Number.isNaN(value.v)).toBe(true);
    expect(value.w).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(value.s).toBe('NaN is -Infinity');
    expect(result.nonFinite).toBe(true);
  });

  it('keeps escaped quotes from confusing the token scan', () => {
    const result = parseJsonText('{"s":"a \\" NaN","v":NaN}', 64);
    expect(result.ok && (result.value as { s: string }).s).toBe('a " NaN');
  });

  it('rejects broken JSON with the parser message', () => {
    const result = parseJsonText('{"a":', 64);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_json' });
  });

  it('rejects a document nested deeper than the limit without exhausting the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const result = parseJsonText(deep, 64);
    expect(result).toEqual({ ok: false, reason: 'too_deep', depth: 65 });
  });

  it('measures depth exactly up to the limit', () => {
    expect(nestingDepth({ a: { b: [1] } }, 10)).toBe(3);
    expect(nestingDepth(5, 10)).toBe(0);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseJsonText(text, 32);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('round-trips any JSON value produced by JSON.stringify', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = parseJsonText(JSON.stringify(value), 64);
        expect(result.ok && result.value).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
