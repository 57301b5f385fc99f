import { ArtifactExpiredError, GitHubError, GitHubNotFoundError, GitHubResponseError } from './errors.js';
import {
  type Artifact,
  artifactListSchema,
  type CheckRun,
  type CollaboratorPermission,
  type Commit,
  type CommitComparison,
  type CommitStatus,
  checkRunSchema,
  collaboratorPermissionSchema,
  commitComparisonSchema,
  commitSchema,
  commitStatusSchema,
  contentFileSchema,
  type Deployment,
  type DeploymentStatus,
  deploymentSchema,
  deploymentStatusSchema,
  type IssueComment,
  type IssueEvent,
  issueCommentSchema,
  issueEventSchema,
  type PullRequest,
  type PullRequestSimple,
  pullSchema,
  pullSimpleSchema,
  type Repository,
  type Review,
  repositorySchema,
  reviewSchema,
  type Workflow,
  type WorkflowRun,
  workflowRunListSchema,
  workflowRunSchema,
  workflowSchema,
} from './schemas.js';
import { GitHubTransport, type RawResponse, type TransportOptions } from './transport.js';

export type GitHubClientOptions = TransportOptions;

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
  output?: { title: string; summary: string; text?: string; annotations?: CheckAnnotation[] };
}

/** One line-level note on a check run; GitHub accepts at most 50 per request. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}
export const ANNOTATIONS_PER_REQUEST = 50;

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

/**
 * Every GitHub REST call contexta/gate makes, grouped by area; how a call travels (retries, timeouts,
 * errors, validation) is the transport's business.
 */
export class GitHubClient {
  readonly owner: string;
  readonly repo: string;
  readonly repoFullName: string;
  private readonly http: GitHubTransport;

  constructor(options: GitHubClientOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.repoFullName = `${options.owner}/${options.repo}`;
    this.http = new GitHubTransport(options);
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
    return this.http.paginate(
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      query,
      workflowRunListSchema,
      (page) => page.workflow_runs,
      limit,
    );
  }

  /** A workflow by id or file name (`ml.yml`); null when the repository has no such workflow. */
  async getWorkflow(workflow: number | string): Promise<Workflow | null> {
    try {
      return await this.http.call(
        'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}',
        { workflow_id: workflow },
        workflowSchema,
      );
    } catch (error) {
      if (error instanceof GitHubNotFoundError) return null;
      throw error;
    }
  }

  async getRepository(): Promise<Repository> {
    return this.http.call('GET /repos/{owner}/{repo}', {}, repositorySchema);
  }

  async getWorkflowRun(runId: number): Promise<WorkflowRun> {
    return this.http.call(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
      { run_id: runId },
      workflowRunSchema,
    );
  }

  /** Artifacts of a run, expired ones included (check `expired`), highest id first. */
  async listRunArtifacts(runId: number, name?: string): Promise<Artifact[]> {
    const query: Record<string, unknown> = { run_id: runId };
    if (name !== undefined) query.name = name;
    const artifacts = await this.http.paginate(
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
   * a 302 to a short-lived blob URL, followed here without the token; 410 → ArtifactExpiredError. When
   * the signed URL has expired by the time a retry uses it, a fresh one is requested.
   */
  async downloadArtifactZip(
    artifactId: number,
    destinationFile: string,
    options: { maxBytes?: number } = {},
  ): Promise<{ path: string; bytes: number }> {
    const bytes = await this.http.downloadBlob(
      await this.signedArtifactUrl(artifactId),
      destinationFile,
      options.maxBytes ?? DEFAULT_MAX_ZIP_BYTES,
      () => this.signedArtifactUrl(artifactId),
    );
    return { path: destinationFile, bytes };
  }

  private async signedArtifactUrl(artifactId: number): Promise<string> {
    const route = 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';
    const params = { artifact_id: artifactId, archive_format: 'zip' };
    let response: RawResponse;
    try {
      response = await this.http.raw(route, params, { redirect: 'manual' });
    } catch (error) {
      if (error instanceof GitHubError && error.status === 410) {
        throw new ArtifactExpiredError(artifactId, this.http.contextOf(route, params, error));
      }
      throw error;
    }
    const location = response.headers.location;
    if (response.status !== 302 || typeof location !== 'string') {
      throw new GitHubResponseError(
        `expected a 302 redirect to the artifact blob, got ${response.status}`,
        this.http.contextOf(route, params),
      );
    }
    return location;
  }

  // ------------------------------------------------------------------ Comments and reviews

  /** All comments of an issue or PR, oldest first (every page, bounded at `limit`). */
  async listIssueComments(issueNumber: number, limit = 1000): Promise<IssueComment[]> {
    return this.http.list(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { issue_number: issueNumber },
      issueCommentSchema,
      limit,
    );
  }

  async createComment(issueNumber: number, body: string): Promise<IssueComment> {
    return this.http.call(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { issue_number: issueNumber, body },
      issueCommentSchema,
    );
  }

  async updateComment(commentId: number, body: string): Promise<IssueComment> {
    return this.http.call(
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { comment_id: commentId, body },
      issueCommentSchema,
    );
  }

  async deleteComment(commentId: number): Promise<void> {
    await this.http.raw('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      comment_id: commentId,
    });
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
    return this.http.call('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params, reviewSchema);
  }

  async listReviews(pullNumber: number, limit = 1000): Promise<Review[]> {
    return this.http.list(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      { pull_number: pullNumber },
      reviewSchema,
      limit,
    );
  }

  async dismissReview(pullNumber: number, reviewId: number, message: string): Promise<Review> {
    return this.http.call(
      'PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals',
      { pull_number: pullNumber, review_id: reviewId, message, event: 'DISMISS' },
      reviewSchema,
    );
  }

  async getPull(pullNumber: number): Promise<PullRequest> {
    return this.http.call(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      { pull_number: pullNumber },
      pullSchema,
    );
  }

  // ------------------------------------------------------------------ Commits

  async compareCommits(base: string, head: string): Promise<CommitComparison> {
    return this.http.call(
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      { basehead: `${base}...${head}`, per_page: 1 },
      commitComparisonSchema,
    );
  }

  /** Commits of a pull request, oldest first (GitHub caps this list at 250). */
  async listPullCommits(pullNumber: number, limit = 250): Promise<Commit[]> {
    return this.http.list(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
      { pull_number: pullNumber },
      commitSchema,
      limit,
    );
  }

  /** Open pull requests whose head is `owner:branch` (how a fork's PR is found from its branch). */
  async listPullsByHead(head: string): Promise<PullRequestSimple[]> {
    return this.http.list(
      'GET /repos/{owner}/{repo}/pulls',
      { head, state: 'open' },
      pullSimpleSchema,
      DEFAULT_LIST_LIMIT,
    );
  }

  /** Timeline events of an issue or PR (who applied which label), oldest first. */
  async listIssueEvents(issueNumber: number, limit = MAX_LIST_LIMIT): Promise<IssueEvent[]> {
    return this.http.list(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/events',
      { issue_number: issueNumber },
      issueEventSchema,
      limit,
    );
  }

  /** `sha` and its ancestors, newest first, at most `limit`. */
  async listCommits(sha: string, limit = 100): Promise<Commit[]> {
    return this.http.list('GET /repos/{owner}/{repo}/commits', { sha }, commitSchema, limit);
  }

  // ------------------------------------------------------------------ Contents

  async getFileContent(path: string, ref: string): Promise<Buffer | null> {
    const route = 'GET /repos/{owner}/{repo}/contents/{path}';
    try {
      const file = await this.http.call(route, { path, ref }, contentFileSchema);
      if (file.encoding !== 'base64') {
        throw new GitHubResponseError(
          `file ${path}@${ref} came back with encoding "${file.encoding}" (too large for the contents API?)`,
          this.http.contextOf(route, { path, ref }),
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
    return this.http.call('POST /repos/{owner}/{repo}/check-runs', checkRunBody(input), checkRunSchema);
  }

  async updateCheckRun(checkRunId: number, input: CheckRunInput): Promise<CheckRun> {
    return this.http.call(
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
    return this.http.call('POST /repos/{owner}/{repo}/statuses/{sha}', params, commitStatusSchema);
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
    const response = await this.http.raw(route, params);
    if (response.status === 202) {
      throw new GitHubResponseError(
        'GitHub merged the default branch instead of creating a deployment (202)',
        this.http.contextOf(route, params),
      );
    }
    return this.http.validate(route, params, deploymentSchema, response.data);
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
    return this.http.call(
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
    const list = await this.http.list(
      'GET /repos/{owner}/{repo}/deployments',
      query,
      deploymentSchema,
      filter.limit ?? DEFAULT_LIST_LIMIT,
    );
    return list.sort((a, b) => b.id - a.id);
  }

  /** Statuses of a deployment, newest (highest id) first; GitHub does not document the order. */
  async listDeploymentStatuses(
    deploymentId: number,
    limit = DEFAULT_LIST_LIMIT,
  ): Promise<DeploymentStatus[]> {
    const list = await this.http.list(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      { deployment_id: deploymentId },
      deploymentStatusSchema,
      limit,
    );
    return list.sort((a, b) => b.id - a.id);
  }

  // ------------------------------------------------------------------ Collaborators

  async getCollaboratorPermission(username: string): Promise<CollaboratorPermission> {
    return this.http.call(
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      { username },
      collaboratorPermissionSchema,
    );
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
      ...(input.output.annotations === undefined
        ? {}
        : { annotations: input.output.annotations.slice(0, ANNOTATIONS_PER_REQUEST) }),
    };
  }
  return body;
}

/** Cuts on code points, so a surrogate pair is never split into a lone half. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}
