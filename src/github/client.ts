import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getOctokit } from '@actions/github';
import type { z } from 'zod';
import {
  ArtifactExpiredError,
  GitHubAuthError,
  GitHubConflictError,
  GitHubError,
  type GitHubErrorContext,
  GitHubNotFoundError,
  GitHubPermissionError,
  GitHubRateLimitError,
  GitHubRequestError,
  GitHubResponseError,
  GitHubUnavailableError,
  GitHubValidationError,
} from './errors.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy, serverRequestedWaitMs } from './retry.js';
import {
  type Artifact,
  artifactListSchema,
  type CheckRun,
  type CollaboratorPermission,
  type Commit,
  type CommitStatus,
  type Comparison,
  checkRunSchema,
  collaboratorPermissionSchema,
  commitSchema,
  commitStatusSchema,
  comparisonSchema,
  contentFileSchema,
  type Deployment,
  type DeploymentStatus,
  deploymentSchema,
  deploymentStatusSchema,
  describeIssues,
  type IssueComment,
  type IssueEvent,
  issueCommentSchema,
  issueEventSchema,
  type PullRequest,
  pullSchema,
  type Review,
  reviewSchema,
  type WorkflowRun,
  workflowRunListSchema,
  workflowRunSchema,
} from './schemas.js';

export interface GitHubClientOptions {
  token: string;
  /** REST base URL, e.g. `https://api.github.com` (the runner's `GITHUB_API_URL`). */
  apiUrl: string;
  owner: string;
  repo: string;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout for one API request. */
  timeoutMs?: number;
  /** Timeout for downloading one artifact blob. */
  downloadTimeoutMs?: number;
  userAgent?: string;
}

export interface WorkflowRunFilters {
  /** Numeric workflow id or workflow file name (`ci.yml`). */
  workflow: number | string;
  branch?: string;
  event?: string;
  /** Status or conclusion, e.g. `success` or `completed`. */
  status?: string;
  headSha?: string;
  excludePullRequests?: boolean;
  /** Stop after this many runs (newest first). Default 100. */
  limit?: number;
}

export type ReviewEvent = 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT';
export type CheckConclusion =
  | 'action_required'
  | 'cancelled'
  | 'failure'
  | 'neutral'
  | 'success'
  | 'skipped'
  | 'timed_out';

export interface CheckRunInput {
  name?: string;
  headSha?: string;
  status?: 'queued' | 'in_progress' | 'completed';
  conclusion?: CheckConclusion;
  detailsUrl?: string;
  externalId?: string;
  output?: { title: string; summary: string; text?: string };
}

export type CommitState = 'error' | 'failure' | 'pending' | 'success';
export type DeploymentState =
  | 'error'
  | 'failure'
  | 'inactive'
  | 'in_progress'
  | 'queued'
  | 'pending'
  | 'success';

const DEFAULT_LIST_LIMIT = 100;
const MAX_LIST_LIMIT = 1000;
const DEFAULT_MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024;
const SECONDARY_LIMIT_WAIT_MS = 60_000;

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

interface RawResponse {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

interface FailureShape {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  message?: string;
  name?: string;
}

type RetryDecision = { retry: true; reason: string; waitMs?: number } | { retry: false; error: GitHubError };

/**
 * Every GitHub REST call contexta/gate makes. Owns retries, timeouts, error translation and response
 * validation; nothing outside `src/github/` sees Octokit.
 */
export class GitHubClient {
  readonly owner: string;
  readonly repo: string;
  readonly repoFullName: string;
  private readonly octokit: ReturnType<typeof getOctokit>;
  private readonly token: string;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly downloadTimeoutMs: number;

  constructor(options: GitHubClientOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.repoFullName = `${options.owner}/${options.repo}`;
    this.token = options.token;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? 300_000;
    const silent = () => undefined;
    // getOctokit brings the runner's proxy-aware fetch (HTTPS_PROXY / NO_PROXY); the base URL is always
    // passed explicitly because @actions/github otherwise uses GITHUB_API_URL as read at import time.
    this.octokit = getOctokit(options.token, {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      userAgent: options.userAgent ?? 'contexta-gate',
      log: { debug: silent, info: silent, warn: silent, error: silent },
    });
  }

  // ------------------------------------------------------------------ Actions

  async listWorkflowRuns(filters: WorkflowRunFilters): Promise<WorkflowRun[]> {
    const limit = Math.min(filters.limit ?? DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT);
    const query: Record<string, unknown> = { workflow_id: filters.workflow };
    if (filters.branch !== undefined) query.branch = filters.branch;
    if (filters.event !== undefined) query.event = filters.event;
    if (filters.status !== undefined) query.status = filters.status;
    if (filters.headSha !== undefined) query.head_sha = filters.headSha;
    if (filters.excludePullRequests !== undefined) query.exclude_pull_requests = filters.excludePullRequests;
    return this.paginate(
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      query,
      workflowRunListSchema,
      (page) => page.workflow_runs,
      limit,
    );
  }

  async getWorkflowRun(runId: number): Promise<WorkflowRun> {
    return this.call('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: runId }, workflowRunSchema);
  }

  /** Artifacts of a run, expired ones included (check `expired`), highest id first. */
  async listRunArtifacts(runId: number, name?: string): Promise<Artifact[]> {
    const query: Record<string, unknown> = { run_id: runId };
    if (name !== undefined) query.name = name;
    const artifacts = await this.paginate(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
      query,
      artifactListSchema,
      (page) => page.artifacts,
      MAX_LIST_LIMIT,
    );
    return artifacts.sort((a, b) => b.id - a.id);
  }

  /**
   * Downloads an artifact's zip to `destinationFile` (streamed, at most `maxBytes`). The API answers with
   * a 302 to a short-lived blob URL, followed here without the token; 410 → ArtifactExpiredError.
   */
  async downloadArtifactZip(
    artifactId: number,
    destinationFile: string,
    options: { maxBytes?: number } = {},
  ): Promise<{ path: string; bytes: number }> {
    const route = 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';
    let response: RawResponse;
    try {
      response = await this.raw(
        route,
        { artifact_id: artifactId, archive_format: 'zip' },
        { redirect: 'manual' },
      );
    } catch (error) {
      if (error instanceof GitHubError && error.status === 410) {
        throw new ArtifactExpiredError(
          artifactId,
          this.contextOf(route, { artifact_id: artifactId, archive_format: 'zip' }, error),
        );
      }
      throw error;
    }
    const location = response.headers.location;
    if (response.status !== 302 || typeof location !== 'string') {
      throw new GitHubResponseError(
        `expected a 302 redirect to the artifact blob, got ${response.status}`,
        this.contextOf(route, { artifact_id: artifactId, archive_format: 'zip' }),
      );
    }
    const bytes = await this.downloadBlob(
      location,
      destinationFile,
      options.maxBytes ?? DEFAULT_MAX_ZIP_BYTES,
    );
    return { path: destinationFile, bytes };
  }

  // ------------------------------------------------------------------ Comments and reviews

  /** All comments of an issue or PR, oldest first (every page, bounded at `limit`). */
  async listIssueComments(issueNumber: number, limit = 1000): Promise<IssueComment[]> {
    return this.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { issue_number: issueNumber },
      issueCommentSchema.array(),
      (page) => page,
      limit,
    );
  }

  async createComment(issueNumber: number, body: string): Promise<IssueComment> {
    return this.call(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { issue_number: issueNumber, body },
      issueCommentSchema,
    );
  }

  async updateComment(commentId: number, body: string): Promise<IssueComment> {
    return this.call(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { comment_id: commentId, body },
      issueCommentSchema,
    );
  }

  async deleteComment(commentId: number): Promise<void> {
    await this.raw('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: commentId });
  }

  async createReview(
    pullNumber: number,
    review: { event: ReviewEvent; body: string; commitId?: string },
  ): Promise<Review> {
    const params: Record<string, unknown> = {
      pull_number: pullNumber,
      event: review.event,
      body: review.body,
    };
    if (review.commitId !== undefined) params.commit_id = review.commitId;
    return this.call('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params, reviewSchema);
  }

  async listReviews(pullNumber: number, limit = 1000): Promise<Review[]> {
    return this.paginate(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      { pull_number: pullNumber },
      reviewSchema.array(),
      (page) => page,
      limit,
    );
  }

  async dismissReview(pullNumber: number, reviewId: number, message: string): Promise<Review> {
    return this.call(
      'PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals',
      { pull_number: pullNumber, review_id: reviewId, message, event: 'DISMISS' },
      reviewSchema,
    );
  }

  async getPull(pullNumber: number): Promise<PullRequest> {
    return this.call(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      { pull_number: pullNumber },
      pullSchema,
    );
  }

  // ------------------------------------------------------------------ Commits

  async compareCommits(base: string, head: string): Promise<Comparison> {
    return this.call(
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      { basehead: `${base}...${head}`, per_page: 1 },
      comparisonSchema,
    );
  }

  /** `sha` and its ancestors, newest first, at most `limit`. */
  /** Commits of a pull request, oldest first (GitHub caps this list at 250). */
  async listPullCommits(pullNumber: number, limit = 250): Promise<Commit[]> {
    return this.paginate(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
      { pull_number: pullNumber },
      commitSchema.array(),
      (page) => page,
      limit,
    );
  }

  /** Open pull requests whose head is `owner:branch` (how a fork's PR is found from its branch). */
  async listPullsByHead(head: string): Promise<PullRequest[]> {
    return this.paginate(
      'GET /repos/{owner}/{repo}/pulls',
      { head, state: 'open' },
      pullSchema.array(),
      (page) => page,
      DEFAULT_LIST_LIMIT,
    );
  }

  /** Timeline events of an issue or PR (who applied which label), oldest first. */
  async listIssueEvents(issueNumber: number, limit = MAX_LIST_LIMIT): Promise<IssueEvent[]> {
    return this.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
      { issue_number: issueNumber },
      issueEventSchema.array(),
      (page) => page,
      limit,
    );
  }

  async listCommits(sha: string, limit = 100): Promise<Commit[]> {
    return this.paginate(
      'GET /repos/{owner}/{repo}/commits',
      { sha },
      commitSchema.array(),
      (page) => page,
      limit,
    );
  }

  async getFileContent(path: string, ref: string): Promise<Buffer | null> {
    const route = 'GET /repos/{owner}/{repo}/contents/{path}';
    try {
      const file = await this.call(route, { path, ref }, contentFileSchema);
      if (file.encoding !== 'base64') {
        throw new GitHubResponseError(
          `file ${path}@${ref} came back with encoding "${file.encoding}" (too large for the contents API?)`,
          this.contextOf(route, { path, ref }),
        );
      }
      return Buffer.from(file.content, 'base64');
    } catch (error) {
      if (error instanceof GitHubNotFoundError) return null;
      throw error;
    }
  }

  // ------------------------------------------------------------------ Checks and statuses

  async createCheckRun(input: CheckRunInput & { name: string; headSha: string }): Promise<CheckRun> {
    return this.call('POST /repos/{owner}/{repo}/check-runs', checkRunBody(input), checkRunSchema);
  }

  async updateCheckRun(checkRunId: number, input: CheckRunInput): Promise<CheckRun> {
    return this.call(
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
      { check_run_id: checkRunId, ...checkRunBody(input) },
      checkRunSchema,
    );
  }

  async createCommitStatus(
    sha: string,
    status: { state: CommitState; context: string; description?: string; targetUrl?: string },
  ): Promise<CommitStatus> {
    const params: Record<string, unknown> = { sha, state: status.state, context: status.context };
    // GitHub rejects descriptions over 140 characters.
    if (status.description !== undefined) params.description = truncate(status.description, 140);
    if (status.targetUrl !== undefined) params.target_url = status.targetUrl;
    return this.call('POST /repos/{owner}/{repo}/statuses/{sha}', params, commitStatusSchema);
  }

  // ------------------------------------------------------------------ Deployments

  /**
   * Always `auto_merge: false, required_contexts: []`: the defaults would merge the base branch into the
   * ref or refuse (409) while our own check is still pending.
   */
  async createDeployment(input: {
    ref: string;
    environment: string;
    payload: Record<string, unknown>;
    task?: string;
    description?: string;
    transientEnvironment?: boolean;
    productionEnvironment?: boolean;
  }): Promise<Deployment> {
    const params: Record<string, unknown> = {
      ref: input.ref,
      environment: input.environment,
      payload: input.payload,
      task: input.task ?? 'deploy',
      auto_merge: false,
      required_contexts: [],
    };
    if (input.description !== undefined) params.description = truncate(input.description, 140);
    if (input.transientEnvironment !== undefined) params.transient_environment = input.transientEnvironment;
    if (input.productionEnvironment !== undefined)
      params.production_environment = input.productionEnvironment;
    const route = 'POST /repos/{owner}/{repo}/deployments';
    const response = await this.raw(route, params);
    if (response.status === 202) {
      throw new GitHubResponseError(
        'GitHub merged the default branch instead of creating a deployment (202)',
        this.contextOf(route, params),
      );
    }
    return this.validate(route, params, deploymentSchema, response.data);
  }

  async createDeploymentStatus(
    deploymentId: number,
    status: {
      state: DeploymentState;
      description?: string;
      logUrl?: string;
      environmentUrl?: string;
      autoInactive?: boolean;
    },
  ): Promise<DeploymentStatus> {
    const params: Record<string, unknown> = { deployment_id: deploymentId, state: status.state };
    if (status.description !== undefined) params.description = truncate(status.description, 140);
    if (status.logUrl !== undefined) params.log_url = status.logUrl;
    if (status.environmentUrl !== undefined) params.environment_url = status.environmentUrl;
    if (status.autoInactive !== undefined) params.auto_inactive = status.autoInactive;
    return this.call(
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      params,
      deploymentStatusSchema,
    );
  }

  /** Deployments of an environment, newest (highest id) first. */
  async listDeployments(filter: {
    environment: string;
    task?: string;
    sha?: string;
    limit?: number;
  }): Promise<Deployment[]> {
    const query: Record<string, unknown> = { environment: filter.environment };
    if (filter.task !== undefined) query.task = filter.task;
    if (filter.sha !== undefined) query.sha = filter.sha;
    const list = await this.paginate(
      'GET /repos/{owner}/{repo}/deployments',
      query,
      deploymentSchema.array(),
      (page) => page,
      filter.limit ?? DEFAULT_LIST_LIMIT,
    );
    return list.sort((a, b) => b.id - a.id);
  }

  /** Statuses of a deployment, newest (highest id) first; GitHub does not document the order. */
  async listDeploymentStatuses(
    deploymentId: number,
    limit = DEFAULT_LIST_LIMIT,
  ): Promise<DeploymentStatus[]> {
    const list = await this.paginate(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      { deployment_id: deploymentId },
      deploymentStatusSchema.array(),
      (page) => page,
      limit,
    );
    return list.sort((a, b) => b.id - a.id);
  }

  async getCollaboratorPermission(username: string): Promise<CollaboratorPermission> {
    return this.call(
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      { username },
      collaboratorPermissionSchema,
    );
  }

  // ------------------------------------------------------------------ plumbing

  private async call<S extends z.ZodType>(
    route: string,
    params: Record<string, unknown>,
    schema: S,
  ): Promise<z.infer<S>> {
    const response = await this.raw(route, params);
    return this.validate(route, params, schema, response.data);
  }

  private validate<S extends z.ZodType>(
    route: string,
    params: Record<string, unknown>,
    schema: S,
    data: unknown,
  ): z.infer<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new GitHubResponseError(describeIssues(parsed.error), this.contextOf(route, params));
    }
    return parsed.data;
  }

  /** Follows `Link: rel="next"` pages until `limit` items are collected. */
  private async paginate<S extends z.ZodType, T>(
    route: string,
    params: Record<string, unknown>,
    schema: S,
    items: (page: z.infer<S>) => T[],
    limit: number,
  ): Promise<T[]> {
    const collected: T[] = [];
    const perPage = Math.min(100, Math.max(1, limit));
    for (let page = 1; collected.length < limit; page++) {
      const query = { ...params, per_page: perPage, page };
      const response = await this.raw(route, query);
      const pageItems = items(this.validate(route, query, schema, response.data));
      collected.push(...pageItems);
      const link = String(response.headers.link ?? '');
      if (pageItems.length === 0 || !/rel="next"/.test(link)) break;
    }
    return collected.slice(0, limit);
  }

  /** One request with retries; failures become typed GitHubErrors. */
  private async raw(
    route: string,
    params: Record<string, unknown>,
    options: { redirect?: 'manual' } = {},
  ): Promise<RawResponse> {
    const attempts = this.policy.retries + 1;
    for (let attempt = 1; ; attempt++) {
      const signal = AbortSignal.timeout(this.timeoutMs);
      try {
        const response = await this.octokit.request(route, {
          owner: this.owner,
          repo: this.repo,
          ...params,
          request: { signal, redirect: options.redirect },
        });
        // Octokit swallows a body read cut short by the timeout and returns the partial text as data.
        if (signal.aborted)
          throw Object.assign(new Error('response body timed out'), { name: 'TimeoutError' });
        return {
          status: response.status,
          headers: response.headers as RawResponse['headers'],
          data: response.data,
        };
      } catch (error) {
        const verdict = this.classify(route, params, error as FailureShape, attempt);
        if (!verdict.retry) throw verdict.error;
        if (attempt >= attempts) {
          throw new GitHubUnavailableError(verdict.reason, {
            ...this.contextOf(route, params, error),
            attempts: attempt,
          });
        }
        await sleep(verdict.waitMs ?? backoffDelayMs(this.policy, attempt));
      }
    }
  }

  private classify(
    route: string,
    params: Record<string, unknown>,
    failure: FailureShape,
    attempt: number,
  ): RetryDecision {
    const context = { ...this.contextOf(route, params, failure), attempts: attempt };
    const status = failure.response ? failure.status : undefined;
    if (status === undefined) {
      const timedOut = failure.name === 'TimeoutError' || /timeout|aborted/i.test(failure.message ?? '');
      return {
        retry: true,
        reason: timedOut
          ? `no response within ${this.timeoutMs} ms`
          : `network error: ${this.scrub(failure.message ?? 'unknown')}`,
      };
    }
    const headers = failure.response?.headers ?? {};
    const message = context.githubMessage ?? '';
    const secondary = status === 403 && /secondary rate limit/i.test(message);
    const primary = status === 403 && String(headers['x-ratelimit-remaining']) === '0';
    if (status === 429 || secondary || primary) {
      const requested = serverRequestedWaitMs(headers, Date.now());
      if (requested !== undefined && requested > this.policy.maxRetryAfterMs) {
        return { retry: false, error: new GitHubRateLimitError(requested, context) };
      }
      // Without a hint GitHub asks for at least a minute after a secondary limit; a short backoff would only
      // hit the limit again.
      const fallback = secondary
        ? Math.min(SECONDARY_LIMIT_WAIT_MS, this.policy.maxRetryAfterMs)
        : backoffDelayMs(this.policy, attempt);
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
          : permissionForRoute(route);
      return { retry: false, error: new GitHubPermissionError(permission, context) };
    }
    if (status === 404) return { retry: false, error: new GitHubNotFoundError(context) };
    if (status === 409) return { retry: false, error: new GitHubConflictError(context) };
    if (status === 422) return { retry: false, error: new GitHubValidationError(context) };
    return { retry: false, error: new GitHubRequestError(context) };
  }

  private contextOf(route: string, params: Record<string, unknown>, failure?: unknown): GitHubErrorContext {
    const path = (route.split(' ')[1] ?? '').replace(/\{(\w+)\}/g, (_, key: string) => {
      if (key === 'owner') return this.owner;
      if (key === 'repo') return this.repo;
      return encodeURIComponent(String(params[key] ?? `{${key}}`));
    });
    const shape = (failure ?? {}) as FailureShape & { status?: number };
    const data = shape.response?.data;
    const githubMessage =
      data && typeof data === 'object' && 'message' in data && typeof data.message === 'string'
        ? this.scrub(data.message)
        : undefined;
    const requestId = shape.response?.headers?.['x-github-request-id'];
    return {
      route,
      path,
      status: shape.response ? shape.status : failure instanceof GitHubError ? failure.status : undefined,
      requestId:
        requestId === undefined
          ? failure instanceof GitHubError
            ? failure.requestId
            : undefined
          : String(requestId),
      githubMessage: githubMessage ?? (failure instanceof GitHubError ? failure.githubMessage : undefined),
    };
  }

  private scrub(text: string): string {
    return this.token.length > 0 ? text.split(this.token).join('***') : text;
  }

  /** GETs the signed blob URL (no Authorization) into a file, retrying transient failures. */
  private async downloadBlob(location: string, destinationFile: string, maxBytes: number): Promise<number> {
    const url = new URL(location);
    // The query string is a signature; keep it out of every message.
    const shown = `${url.origin}${url.pathname}`;
    const context: GitHubErrorContext = { route: 'GET artifact-blob', path: shown };
    const attempts = this.policy.retries + 1;
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      try {
        const response = await fetch(url, {
          signal: AbortSignal.timeout(this.downloadTimeoutMs),
          redirect: 'follow',
        });
        if (response.ok && response.body) {
          let bytes = 0;
          const counter = new Transform({
            transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
              bytes += chunk.length;
              if (bytes > maxBytes) callback(new Error(`artifact zip exceeds ${maxBytes} bytes`));
              else callback(null, chunk);
            },
          });
          try {
            await pipeline(
              Readable.fromWeb(response.body as never),
              counter,
              createWriteStream(destinationFile),
            );
            return bytes;
          } catch (error) {
            await rm(destinationFile, { force: true });
            if (bytes > maxBytes) {
              throw new GitHubResponseError(`artifact zip is larger than the ${maxBytes}-byte cap`, context);
            }
            reason = `download interrupted: ${(error as Error).message}`;
          }
        } else {
          await response.body?.cancel();
          if (response.status < 500 && response.status !== 429) {
            throw new GitHubRequestError({
              ...context,
              status: response.status,
              githubMessage: 'blob storage refused the download',
            });
          }
          reason = `blob storage answered ${response.status}`;
        }
      } catch (error) {
        if (error instanceof GitHubError) throw error;
        reason = `network error: ${(error as Error).message}`;
      }
      if (attempt >= attempts) throw new GitHubUnavailableError(reason, { ...context, attempts: attempt });
      await sleep(backoffDelayMs(this.policy, attempt));
    }
  }
}

function checkRunBody(input: CheckRunInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.name !== undefined) body.name = input.name;
  if (input.headSha !== undefined) body.head_sha = input.headSha;
  if (input.status !== undefined) body.status = input.status;
  if (input.conclusion !== undefined) body.conclusion = input.conclusion;
  if (input.detailsUrl !== undefined) body.details_url = input.detailsUrl;
  if (input.externalId !== undefined) body.external_id = input.externalId;
  if (input.output !== undefined) {
    body.output = {
      title: input.output.title,
      summary: truncate(input.output.summary, 65_535),
      ...(input.output.text === undefined ? {} : { text: truncate(input.output.text, 65_535) }),
    };
  }
  return body;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
