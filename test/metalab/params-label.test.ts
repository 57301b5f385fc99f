import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paramsLabel } from '../../src/metalab/params-label.js';

describe('paramsLabel', () => {
  it('sorts keys and writes plain words and numbers bare', () => {
    expect(paramsLabel({ model: 'mlp', lr: 0.1 })).toBe('lr=0.1, model=mlp');
    expect(paramsLabel({ lr: 1.0, model: 'resnet-50', tag: 'v1.2' })).toBe('lr=1, model=resnet-50, tag=v1.2');
    expect(paramsLabel({})).toBe('(no parameters)');
  });

  it('quotes strings that could be read as another value or that hold separators', () => {
    expect(paramsLabel({ lr: '0.1' })).toBe('lr="0.1"');
    expect(paramsLabel({ flag: 'true', none: 'null' })).toBe('flag="true", none="null"');
    expect(paramsLabel({ name: 'a, b=c' })).toBe('name="a, b=c"');
    expect(paramsLabel({ 'odd key': 1 })).toBe('"odd key"=1');
  });

  it('writes nested values canonically', () => {
    expect(paramsLabel({ opt: { momentum: 0.9, beta: [0.9, 0.99] }, dropout: null, wd: false })).toBe(
      'dropout=null, opt={beta=[0.9, 0.99], momentum=0.9}, wd=false',
    );
  });

  it('does not depend on key order and gives different flat combinations different labels', () => {
    const scalar = fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    const params = fc.dictionary(fc.string({ minLength: 1 }), scalar, { maxKeys: 4 });
    fc.assert(
      fc.property(params, params, (a, b) => {
        const reversed = Object.fromEntries(Object.entries(a).reverse());
        expect(paramsLabel(reversed)).toBe(paramsLabel(a));
        // Compared through JSON.stringify, which (like the label) does not tell -0 from 0.
        const same = JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
        if (!same) expect(paramsLabel(a)).not.toBe(paramsLabel(b));
      }),
    );
  });
});
