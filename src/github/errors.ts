/**
 * Typed failures of GitHub calls. Messages name the call (`GET /repos/{owner}/{repo}/...` template plus
 * the concrete path) and what to do; they never contain the token or request headers.
 */

export interface GitHubErrorContext {
  /** e.g. `POST /repos/{owner}/{repo}/issues/{issue_number}/comments` */
  route: string;
  /** The concrete request path, e.g. `/repos/acme/models/issues/7/comments`. */
  path: string;
  status?: number;
  requestId?: string;
  /** GitHub's own message, already scrubbed of the token. */
  githubMessage?: string;
  attempts?: number;
}

export class GitHubError extends Error {
  override name = 'GitHubError';
  readonly route: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly githubMessage: string | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, context: GitHubErrorContext) {
    const suffix = context.requestId ? ` (request id ${context.requestId})` : '';
    super(`${message}${suffix}`);
    this.route = context.route;
    this.path = context.path;
    this.status = context.status;
    this.requestId = context.requestId;
    this.githubMessage = context.githubMessage;
    this.attempts = context.attempts;
  }
}

/** 403 because the token lacks a permission; `permission` is what to add under `permissions:`. */
export class GitHubPermissionError extends GitHubError {
  override name = 'GitHubPermissionError';
  constructor(
    readonly permission: string,
    context: GitHubErrorContext,
  ) {
    super(
      `${describe(context)} was refused (403): the token lacks the permission "${permission}". ` +
        `Add it to the workflow's \`permissions:\` block. On pull requests from forks the token is ` +
        `read-only; use the two-workflow pattern (pull_request + workflow_run).`,
      context,
    );
  }
}

/** 401: the token is missing, expired or revoked. */
export class GitHubAuthError extends GitHubError {
  override name = 'GitHubAuthError';
  constructor(context: GitHubErrorContext) {
    super(
      `${describe(context)} was rejected (401 ${context.githubMessage ?? 'Bad credentials'}): ` +
        `pass a valid token (the default is \${{ github.token }}).`,
      context,
    );
  }
}

export class GitHubNotFoundError extends GitHubError {
  override name = 'GitHubNotFoundError';
  constructor(context: GitHubErrorContext) {
    super(
      `${describe(context)} returned 404: it does not exist, or the token cannot see it ` +
        `(private repositories also return 404 when the token lacks read access).`,
      context,
    );
  }
}

export class ArtifactExpiredError extends GitHubError {
  override name = 'ArtifactExpiredError';
  constructor(
    readonly artifactId: number,
    context: GitHubErrorContext,
    readonly expiredAt?: string,
  ) {
    super(
      `artifact ${artifactId} has expired${expiredAt ? ` (at ${expiredAt})` : ''} and can no longer be ` +
        `downloaded; re-run the workflow that produced it, or raise its retention-days.`,
      context,
    );
  }
}

/** 422: GitHub understood the request and refused its content (e.g. comment body too long). */
export class GitHubValidationError extends GitHubError {
  override name = 'GitHubValidationError';
  constructor(context: GitHubErrorContext) {
    super(
      `${describe(context)} was refused as invalid (422): ${context.githubMessage ?? 'Validation Failed'}`,
      context,
    );
  }
}

export class GitHubConflictError extends GitHubError {
  override name = 'GitHubConflictError';
  constructor(context: GitHubErrorContext) {
    super(`${describe(context)} conflicted (409): ${context.githubMessage ?? 'Conflict'}`, context);
  }
}

/** Rate limited and GitHub asks to wait longer than we are willing to. */
export class GitHubRateLimitError extends GitHubError {
  override name = 'GitHubRateLimitError';
  constructor(
    readonly waitMs: number,
    context: GitHubErrorContext,
  ) {
    super(
      `${describe(context)} is rate limited; GitHub asks to wait ${Math.ceil(waitMs / 1000)} s, ` +
        `longer than this action waits. Re-run the job later.`,
      context,
    );
  }
}

/** 5xx, network failure or timeout that persisted through every retry. */
export class GitHubUnavailableError extends GitHubError {
  override name = 'GitHubUnavailableError';
  constructor(reason: string, context: GitHubErrorContext) {
    super(
      `${describe(context)} failed after ${context.attempts ?? 1} attempt(s): ${reason}. ` +
        `GitHub may be degraded (https://www.githubstatus.com); re-run the job.`,
      context,
    );
  }
}

/** The response does not have the fields we rely on. */
export class GitHubResponseError extends GitHubError {
  override name = 'GitHubResponseError';
  constructor(problem: string, context: GitHubErrorContext) {
    super(`${describe(context)} returned an unexpected response: ${problem}`, context);
  }
}

/** Any other 4xx. */
export class GitHubRequestError extends GitHubError {
  override name = 'GitHubRequestError';
  constructor(context: GitHubErrorContext) {
    super(
      `${describe(context)} failed (${context.status}): ${context.githubMessage ?? 'no message'}`,
      context,
    );
  }
}

function describe(context: GitHubErrorContext): string {
  const [method = ''] = context.route.split(' ');
  return `GitHub API ${method} ${context.path}`;
}
