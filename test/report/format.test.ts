import { describe, expect, it } from 'vitest';
import { headlineReason } from '../../src/report/format.js';

describe('report labels', () => {
  it('strips the verdict label the engine puts in front of its headline', () => {
    expect(headlineReason('FAIL — slice floor: x')).toBe('slice floor: x');
    expect(headlineReason('UNKNOWN (treated as warn) — a: b')).toBe('a: b');
    expect(headlineReason('something else')).toBe('something else');
  });
});
