/**
 * What a failed GitHub request means: retry it (and after how long), or stop with a typed error that
 * names the call and what to do.
 */
import {
  GitHubAuthError,
  GitHubConflictError,
  type GitHubError,
  type GitHubErrorContext,
  GitHubNotFoundError,
  GitHubPermissionError,
  GitHubRateLimitError,
  GitHubRequestError,
  GitHubValidationError,
} from './errors.js';
import { backoffDelayMs, type RetryPolicy, serverRequestedWaitMs } from './retry.js';

const SECONDARY_LIMIT_WAIT_MS = 60_000;

/** The parts of an Octokit request error (or a network error) that the verdict reads. */
export interface FailureShape {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  message?: string;
  name?: string;
}

export type RetryVerdict =
  | { retry: true; reason: string; waitMs?: number }
  | { retry: false; error: GitHubError };

export interface ClassifyOptions {
  policy: RetryPolicy;
  timeoutMs: number;
  scrub: (text: string) => string;
}

/** Permission to name when a 403 carries no `x-accepted-github-permissions` header. */
function permissionForRoute(route: string): string {
  const [method = 'GET', path = ''] = route.split(' ');
  const write = method !== 'GET';
  if (path.includes('/actions/')) return `actions: ${write ? 'write' : 'read'}`;
  if (path.includes('/issues/'))
    return write ? 'pull-requests: write (or issues: write)' : 'pull-requests: read';
  if (path.includes('/pulls/')) return `pull-requests: ${write ? 'write' : 'read'}`;
  if (path.includes('/check-runs')) return 'checks: write';
  if (path.includes('/statuses/')) return `statuses: ${write ? 'write' : 'read'}`;
  if (path.includes('/deployments')) return `deployments: ${write ? 'write' : 'read'}`;
  if (path.includes('/collaborators/')) return 'metadata: read';
  return `contents: ${write ? 'write' : 'read'}`;
}

/**
 * `x-accepted-github-permissions` lists alternative sets separated by `;`, permissions within a set by
 * `,`, using API names (`pull_requests=write`). Rendered in workflow-YAML spelling.
 */
export function describeAcceptedPermissions(header: string): string {
  return header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0)
        .map((p) => {
          const [name = '', level = ''] = p.split('=');
          return `${name.trim().replace(/_/g, '-')}: ${level.trim()}`;
        })
        .join(' and '),
    )
    .filter((set) => set.length > 0)
    .join(' or ');
}

export function classifyFailure(
  failure: FailureShape,
  context: GitHubErrorContext,
  attempt: number,
  options: ClassifyOptions,
): RetryVerdict {
  const { policy } = options;
  const status = failure.response ? failure.status : undefined;
  if (status === undefined) {
    const timedOut = failure.name === 'TimeoutError' || /timeout|aborted/i.test(failure.message ?? '');
    return {
      retry: true,
      reason: timedOut
        ? `no response within ${options.timeoutMs} ms`
        : `network error: ${options.scrub(failure.message ?? 'unknown')}`,
    };
  }
  const headers = failure.response?.headers ?? {};
  const message = context.githubMessage ?? '';
  const secondary = status === 403 && /secondary rate limit/i.test(message);
  const primary = status === 403 && String(headers['x-ratelimit-remaining']) === '0';
  if (status === 429 || secondary || primary) {
    const requested = serverRequestedWaitMs(headers, Date.now());
    if (requested !== undefined && requested > policy.maxRetryAfterMs) {
      return { retry: false, error: new GitHubRateLimitError(requested, context) };
    }
    // Without a hint GitHub asks for at least a minute after a secondary limit; a short backoff would only
    // hit the limit again.
    const fallback = secondary
      ? Math.min(SECONDARY_LIMIT_WAIT_MS, policy.maxRetryAfterMs)
      : backoffDelayMs(policy, attempt);
    return {
      retry: true,
      reason: `rate limited (${status}${secondary ? ', secondary rate limit' : ''})`,
      waitMs: requested ?? fallback,
    };
  }
  if (status >= 500) return { retry: true, reason: `server error ${status}` };
  if (status === 401) return { retry: false, error: new GitHubAuthError(context) };
  if (status === 403) {
    const accepted = headers['x-accepted-github-permissions'];
    const permission =
      typeof accepted === 'string' && accepted.trim().length > 0
        ? describeAcceptedPermissions(accepted)
        : permissionForRoute(context.route);
    return { retry: false, error: new GitHubPermissionError(permission, context) };
  }
  if (status === 404) return { retry: false, error: new GitHubNotFoundError(context) };
  if (status === 409) return { retry: false, error: new GitHubConflictError(context) };
  if (status === 422) return { retry: false, error: new GitHubValidationError(context) };
  return { retry: false, error: new GitHubRequestError(context) };
}
