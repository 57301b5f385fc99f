/**
 * What the runner tells us about this run: the `GITHUB_*` environment and the event payload, read
 * once and validated. Only the fields we act on are validated; a payload that lacks them turns into
 * a message naming the field instead of an `undefined` deep inside the flow.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Repo = z.object({ full_name: z.string(), fork: z.boolean().optional() });

const PullRequestEvent = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    html_url: z.string().optional(),
    labels: z.array(z.object({ name: z.string() })).default([]),
    base: z.object({ ref: z.string(), sha: z.string(), repo: Repo }),
    head: z.object({ ref: z.string(), sha: z.string(), repo: Repo.nullable() }),
    user: z.object({ login: z.string() }).optional(),
  }),
});

const MergeGroupEvent = z.object({
  merge_group: z.object({
    head_sha: z.string(),
    head_ref: z.string(),
    base_sha: z.string(),
    base_ref: z.string(),
  }),
});

const WorkflowRunEvent = z.object({
  workflow_run: z.object({
    id: z.number().int().positive(),
    workflow_id: z.number().int().positive(),
    head_sha: z.string(),
    head_branch: z.string().nullable(),
    event: z.string(),
    conclusion: z.string().nullable(),
    html_url: z.string().optional(),
    head_repository: Repo.nullable(),
    pull_requests: z.array(z.object({ number: z.number().int() })).default([]),
  }),
});

export interface PullRequestInfo {
  number: number;
  baseRef: string;
  baseSha: string;
  headSha: string;
  headRepo: string | null;
  fromFork: boolean;
  labels: string[];
  author: string | null;
}

export interface RunnerContext {
  owner: string;
  repo: string;
  runId: number;
  runAttempt: number;
  sha: string;
  ref: string;
  eventName: string;
  actor: string;
  /** File name of this workflow (`ci.yml`), from GITHUB_WORKFLOW_REF. */
  workflowFile: string | null;
  serverUrl: string;
  apiUrl: string;
  runnerTemp: string;
  workspaceDir: string;
  /** Artifact service and cross-run downloads are unavailable on GitHub Enterprise Server. */
  isGhes: boolean;
  pullRequest: PullRequestInfo | null;
  /** For a merge queue: the branch the queue merges into and its sha. */
  mergeGroup: { baseRef: string; baseSha: string; headSha: string; prNumber: number | null } | null;
  workflowRun: z.infer<typeof WorkflowRunEvent>['workflow_run'] | null;
  runUrl: string;
  /** GITHUB_ACTION: unique per step of a job (the step's id, or `__owner_action` with a suffix). */
  stepId: string;
}

export class ContextError extends Error {
  override name = 'ContextError';
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new ContextError(`${name} is not set: this step must run inside a GitHub Actions job.`);
  return value;
}

export function isGhesUrl(serverUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return true;
  }
  return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}

function workflowFileFrom(workflowRef: string | undefined): string | null {
  const match = workflowRef ? /\.github\/workflows\/([^@]+)@/.exec(workflowRef) : null;
  return match ? match[1]! : null;
}

function readPayload(path: string | undefined): unknown {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const what = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    throw new ContextError(
      `The event payload ${path} (GITHUB_EVENT_PATH) ${what}: ${(error as Error).message}. The runner writes this file; re-run the job, and if it persists report it with the workflow's trigger.`,
    );
  }
}

function describeIssues(error: z.ZodError, what: string): string {
  const first = error.issues[0];
  const field = first ? first.path.join('.') : '';
  return `The ${what} event payload is missing '${field}' (${first?.message ?? 'invalid'}).`;
}

export function readRunnerContext(env: Env): RunnerContext {
  const [owner, repo] = required(env, 'GITHUB_REPOSITORY').split('/') as [string, string | undefined];
  if (!repo)
    throw new ContextError(`GITHUB_REPOSITORY must be owner/repo, found '${env.GITHUB_REPOSITORY}'.`);
  const eventName = required(env, 'GITHUB_EVENT_NAME');
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const runId = Number(required(env, 'GITHUB_RUN_ID'));

  let pullRequest: PullRequestInfo | null = null;
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const parsed = PullRequestEvent.safeParse(payload);
    if (!parsed.success) throw new ContextError(describeIssues(parsed.error, eventName));
    const pr = parsed.data.pull_request;
    const repoFullName = `${owner}/${repo}`;
    pullRequest = {
      number: pr.number,
      baseRef: pr.base.ref,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      headRepo: pr.head.repo?.full_name ?? null,
      fromFork: (pr.head.repo?.full_name ?? '') !== repoFullName,
      labels: pr.labels.map((label) => label.name),
      author: pr.user?.login ?? null,
    };
  }

  let mergeGroup: RunnerContext['mergeGroup'] = null;
  if (eventName === 'merge_group') {
    const parsed = MergeGroupEvent.safeParse(payload);
    if (!parsed.success) throw new ContextError(describeIssues(parsed.error, eventName));
    const group = parsed.data.merge_group;
    const prMatch = /\/pr-(\d+)-/.exec(group.head_ref);
    mergeGroup = {
      baseRef: group.base_ref.replace(/^refs\/heads\//, ''),
      baseSha: group.base_sha,
      headSha: group.head_sha,
      prNumber: prMatch ? Number(prMatch[1]) : null,
    };
  }

  let workflowRun: RunnerContext['workflowRun'] = null;
  if (eventName === 'workflow_run') {
    const parsed = WorkflowRunEvent.safeParse(payload);
    if (!parsed.success) throw new ContextError(describeIssues(parsed.error, eventName));
    workflowRun = parsed.data.workflow_run;
  }

  return {
    owner,
    repo,
    runId,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT || '1'),
    sha: required(env, 'GITHUB_SHA'),
    ref: env.GITHUB_REF ?? '',
    eventName,
    actor: env.GITHUB_ACTOR ?? '',
    workflowFile: workflowFileFrom(env.GITHUB_WORKFLOW_REF),
    serverUrl,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    runnerTemp: env.RUNNER_TEMP || required(env, 'GITHUB_WORKSPACE'),
    workspaceDir: env.GITHUB_WORKSPACE || process.cwd(),
    isGhes: isGhesUrl(serverUrl),
    pullRequest,
    mergeGroup,
    workflowRun,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    stepId: env.GITHUB_ACTION ?? '',
  };
}
