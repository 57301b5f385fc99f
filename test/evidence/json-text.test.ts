import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestingDepth, parseJsonText } from '../../src/evidence/json-text.js';

describe('parseJsonText', () => {
  it('parses ordinary JSON on the fast path', () => {
    expect(parseJsonText('{"a":[1,2,{"b":null}]}', 64)).toEqual({
      ok: true,
      value: { a: [1, 2, { b: null }] },
      nonFinite: false,
      duplicateKey: null,
      outOfRange: [],
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

  it('never reports a repeated key or an out-of-range number in what JSON.stringify writes, spaced or not', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, spaced) => {
        const result = parseJsonText(JSON.stringify(value, null, spaced ? 1 : undefined), 64);
        expect(result.ok && result.duplicateKey).toBe(null);
        expect(result.ok && result.outOfRange).toEqual([]);
      }),
    );
  });

  it('finds a key repeated anywhere in a document, whatever the spacing and escaping', () => {
    const cases: Array<[string, string]> = [
      ['{"envelope":{},"payload":{"value":0.69,"value":0.0001}}', 'payload.value'],
      ['{"a" : 1, "b":2, "b" :3}', 'b'],
      ['{"a":[{"b":1},{"c":1,"c":2}]}', 'a[].c'],
      ['{"\\u0061":1,"a":2}', 'a'],
      ['{"x":"q\\":z","x":1}', 'x'],
      ['{"v":NaN,"v":1}', 'v'],
    ];
    for (const [text, path] of cases) {
      const result = parseJsonText(text, 64);
      expect(result.ok && result.duplicateKey, text).toBe(path);
    }
    expect(parseJsonText('{"x":"q\\":z","y":{"x":1}}', 64)).toMatchObject({ ok: true, duplicateKey: null });
  });

  it('names numbers beyond the double range by their text and replaces them with NaN', () => {
    const result = parseJsonText('{"v":1e309,"w":-1e400,"u":1e-400,"z":0,"e":0e5,"n":-0.0,"t":4.9e-324}', 64);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outOfRange).toEqual([
      { key: 'v', text: '1e309', reads: 'Infinity' },
      { key: 'w', text: '-1e400', reads: '-Infinity' },
      { key: 'u', text: '1e-400', reads: '0' },
    ]);
    const value = result.value as Record<string, number>;
    expect([value.v, value.w, value.u].every(Number.isNaN)).toBe(true);
    expect([value.z, value.e, value.t]).toEqual([0, 0, 4.9e-324]);
    const python = parseJsonText('{"v":Infinity,"w":[1e-999]}', 64);
    expect(python).toMatchObject({ ok: true, nonFinite: true, outOfRange: [{ key: '0', text: '1e-999' }] });
    expect(python.ok && (python.value as { v: number }).v).toBe(Number.POSITIVE_INFINITY);
  });
});
