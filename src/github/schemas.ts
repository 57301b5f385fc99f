import { z } from 'zod';

/**
 * The subset of each GitHub response that contexta/gate reads. Unknown fields are dropped, so the rest
 * of the code only ever sees what is validated here.
 */

const user = z.object({ login: z.string(), type: z.string() }).nullable();

export const workflowRunSchema = z.object({
  id: z.number(),
  name: z.string().nullish(),
  workflow_id: z.number(),
  path: z.string(),
  head_sha: z.string(),
  head_branch: z.string().nullable(),
  event: z.string(),
  status: z.string().nullable(),
  conclusion: z.string().nullable(),
  run_attempt: z.number().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  html_url: z.string(),
  // A deleted fork leaves head_repository null; callers must treat that as "not this repository".
  head_repository: z.object({ full_name: z.string() }).nullable(),
  repository: z.object({ full_name: z.string() }),
});
export type WorkflowRun = z.infer<typeof workflowRunSchema>;

export const workflowRunListSchema = z.object({
  total_count: z.number(),
  workflow_runs: z.array(workflowRunSchema),
});

export const artifactSchema = z.object({
  id: z.number(),
  name: z.string(),
  size_in_bytes: z.number(),
  expired: z.boolean(),
  created_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  digest: z.string().nullish(),
  workflow_run: z
    .object({ id: z.number().optional(), head_sha: z.string().optional(), head_branch: z.string().nullish() })
    .nullish(),
});
export type Artifact = z.infer<typeof artifactSchema>;

export const artifactListSchema = z.object({ total_count: z.number(), artifacts: z.array(artifactSchema) });

export const issueCommentSchema = z.object({
  id: z.number(),
  body: z.string().optional(),
  user,
  html_url: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type IssueComment = z.infer<typeof issueCommentSchema>;

export const reviewSchema = z.object({
  id: z.number(),
  state: z.string(),
  body: z.string(),
  user,
  commit_id: z.string().nullable(),
  html_url: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

const branchRef = z.object({
  ref: z.string(),
  sha: z.string(),
  repo: z.object({ full_name: z.string() }).nullable(),
});

/** `pull-request-simple`: what the list endpoint returns. It has no `merged` field. */
export const pullSimpleSchema = z.object({
  number: z.number(),
  state: z.string(),
  title: z.string(),
  draft: z.boolean().optional(),
  user,
  head: branchRef,
  base: branchRef,
  labels: z.array(z.object({ name: z.string() })).default([]),
  html_url: z.string(),
});
export type PullRequestSimple = z.infer<typeof pullSimpleSchema>;

/** `pull-request`: what `GET /pulls/{pull_number}` returns. */
export const pullSchema = pullSimpleSchema.extend({ merged: z.boolean() });
export type PullRequest = z.infer<typeof pullSchema>;

export const commitSchema = z.object({
  sha: z.string(),
  commit: z.object({
    message: z.string(),
    author: z.object({ date: z.string().optional() }).nullable(),
    committer: z.object({ date: z.string().optional() }).nullable(),
    // Whether GitHub verified the commit's signature; the author e-mail alone proves nothing.
    verification: z.object({ verified: z.boolean(), reason: z.string() }).optional(),
  }),
  parents: z.array(z.object({ sha: z.string() })),
  // The GitHub account GitHub matched to the commit author's e-mail: a user, null when it matches
  // none, or `{}` (an empty object) in some list responses. Anyone can set the e-mail.
  author: z
    .union([z.object({ login: z.string() }), z.object({}).strict(), z.null()])
    .optional()
    .transform((author) => (author && 'login' in author ? { login: author.login as string } : null)),
});
export type Commit = z.infer<typeof commitSchema>;

export const issueEventSchema = z.object({
  id: z.number(),
  event: z.string(),
  actor: user,
  label: z.object({ name: z.string() }).nullish(),
});
export type IssueEvent = z.infer<typeof issueEventSchema>;

export const commitComparisonSchema = z.object({
  status: z.enum(['diverged', 'ahead', 'behind', 'identical']),
  ahead_by: z.number(),
  behind_by: z.number(),
  total_commits: z.number(),
  base_commit: z.object({ sha: z.string() }),
  merge_base_commit: z.object({ sha: z.string() }),
});
export type CommitComparison = z.infer<typeof commitComparisonSchema>;

export const checkRunSchema = z.object({
  id: z.number(),
  name: z.string(),
  head_sha: z.string(),
  status: z.string(),
  conclusion: z.string().nullable(),
  html_url: z.string().nullable(),
});
export type CheckRun = z.infer<typeof checkRunSchema>;

export const commitStatusSchema = z.object({
  id: z.number(),
  state: z.string(),
  context: z.string(),
  created_at: z.string(),
});
export type CommitStatus = z.infer<typeof commitStatusSchema>;

export const deploymentSchema = z.object({
  id: z.number(),
  sha: z.string(),
  ref: z.string(),
  task: z.string(),
  environment: z.string(),
  payload: z.union([z.record(z.string(), z.unknown()), z.string()]),
  created_at: z.string(),
  creator: user,
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const deploymentStatusSchema = z.object({
  id: z.number(),
  state: z.string(),
  created_at: z.string(),
  description: z.string().nullish(),
  environment: z.string().optional(),
  log_url: z.string().optional(),
});
export type DeploymentStatus = z.infer<typeof deploymentStatusSchema>;

export const collaboratorPermissionSchema = z.object({
  permission: z.string(),
  role_name: z.string(),
  user: z.object({ login: z.string() }).nullable(),
});
export type CollaboratorPermission = z.infer<typeof collaboratorPermissionSchema>;

export const workflowSchema = z.object({
  id: z.number(),
  name: z.string(),
  path: z.string(),
  state: z.string(),
});
export type Workflow = z.infer<typeof workflowSchema>;

export const repositorySchema = z.object({
  id: z.number(),
  full_name: z.string(),
  default_branch: z.string(),
});
export type Repository = z.infer<typeof repositorySchema>;

export const contentFileSchema = z.object({
  type: z.literal('file'),
  encoding: z.string(),
  content: z.string(),
  sha: z.string(),
  size: z.number(),
  path: z.string(),
});

/** Renders the first few zod issues as "field: expected X, found Y". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
