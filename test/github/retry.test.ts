import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeAcceptedPermissions } from '../../src/github/failure.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, serverRequestedWaitMs } from '../../src/github/retry.js';

describe('backoffDelayMs', () => {
  it('stays between half and all of the capped exponential ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const ceiling = Math.min(
            DEFAULT_RETRY_POLICY.maxDelayMs,
            DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (retry - 1),
          );
          const delay = backoffDelayMs(DEFAULT_RETRY_POLICY, retry, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('doubles per retry until the cap', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 6, 10].map((n) => backoffDelayMs(DEFAULT_RETRY_POLICY, n, top))).toEqual([
      1000, 2000, 4000, 8000, 30_000, 30_000,
    ]);
  });
});

describe('serverRequestedWaitMs', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads retry-after as seconds or as an HTTP date', () => {
    expect(serverRequestedWaitMs({ 'retry-after': '7' }, now)).toBe(7000);
    expect(serverRequestedWaitMs({ 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT' }, now)).toBe(30_000);
  });
  it('uses x-ratelimit-reset only when the quota is exhausted', () => {
    const reset = String(now / 1000 + 90);
    expect(serverRequestedWaitMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, now)).toBe(
      90_000,
    );
    expect(
      serverRequestedWaitMs({ 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': reset }, now),
    ).toBeUndefined();
    expect(serverRequestedWaitMs({}, now)).toBeUndefined();
  });
});

describe('describeAcceptedPermissions', () => {
  it('renders alternative sets and combined permissions in workflow spelling', () => {
    expect(describeAcceptedPermissions('issues=write; pull_requests=write')).toBe(
      'issues: write or pull-requests: write',
    );
    expect(describeAcceptedPermissions('contents=read,metadata=read; actions=read')).toBe(
      'contents: read and metadata: read or actions: read',
    );
  });
});
