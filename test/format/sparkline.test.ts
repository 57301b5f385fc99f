import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/format/sparkline.js';

describe('sparkline', () => {
  it('scales a decaying series between its own minimum and maximum', () => {
    expect(sparkline([0.9, 0.88, 0.86, 0.84, 0.82, 0.8])).toBe('█▇▅▄▂▁');
  });
  it('draws a flat series flat, one value as one bar, nothing as nothing', () => {
    expect(sparkline([3, 3, 3])).toBe('▄▄▄');
    expect(sparkline([1])).toBe('▄');
    expect(sparkline([])).toBe('');
  });
  it('leaves a gap for a non-finite value', () => {
    expect(sparkline([1, Number.NaN, 2])).toBe('▁ █');
  });
});
