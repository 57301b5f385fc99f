/** Retry timing for GitHub calls: bounded exponential backoff with jitter, and GitHub's wait hints. */

export interface RetryPolicy {
  /** Retries after the first attempt (total attempts = retries + 1). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest server-requested wait (retry-after / rate-limit reset) we honour; longer waits fail fast. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Delay before retry number `retry` (1-based): base·2^(retry-1), capped, with "equal jitter" so that
 * parallel jobs hitting the same outage do not retry in lockstep.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  retry: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * How long GitHub asked us to wait, from `retry-after` (seconds or HTTP date) or, when the quota is
 * exhausted, `x-ratelimit-reset` (epoch seconds). Undefined when the response gives no hint.
 */
export function serverRequestedWaitMs(
  headers: Record<string, string | number | undefined>,
  nowMs: number,
): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(String(retryAfter));
    if (Number.isFinite(date)) return Math.max(0, date - nowMs);
  }
  if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) {
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - nowMs);
  }
  return undefined;
}
