import type { components } from '@octokit/openapi-types';

/**
 * Builders for the REST objects the stand-in serves. Each returns the full OpenAPI schema type (every
 * required field present, nothing invented), so the stand-in cannot drift into a shape GitHub never sends.
 */

export type Schemas = components['schemas'];
export type WorkflowRun = Schemas['workflow-run'];
export type Artifact = Schemas['artifact'];
export type IssueComment = Schemas['issue-comment'];
export type PullRequestReview = Schemas['pull-request-review'];
export type PullRequest = Schemas['pull-request'];
export type Commit = Schemas['commit'];
export type CommitComparison = Schemas['commit-comparison'];
export type CheckRun = Schemas['check-run'];
export type CommitStatus = Schemas['status'];
export type Deployment = Schemas['deployment'];
export type DeploymentStatus = Schemas['deployment-status'];
export type CollaboratorPermission = Schemas['repository-collaborator-permission'];
export type ContentFile = Schemas['content-file'];
export type SimpleUser = Schemas['simple-user'];
/** What `GET /issues/{issue_number}/events` lists: one of the per-kind event shapes. */
export type IssueEvent = Schemas['issue-event-for-issue'];
export type Label = Schemas['label'];

export function label(api: string, repoFullName: string, id: number, name: string): Label {
  return {
    id,
    node_id: `LA_${id}`,
    url: `${api}/repos/${repoFullName}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

export function labeledEvent(
  api: string,
  repoFullName: string,
  fields: { id: number; actor: SimpleUser; labelName: string; at: string },
): Schemas['labeled-issue-event'] {
  return {
    id: fields.id,
    node_id: `LE_${fields.id}`,
    url: `${api}/repos/${repoFullName}/issues/events/${fields.id}`,
    actor: fields.actor,
    event: 'labeled',
    commit_id: null,
    commit_url: null,
    created_at: fields.at,
    performed_via_github_app: null,
    label: { name: fields.labelName, color: 'ededed' },
  };
}

export function simpleUser(api: string, login: string, id: number, type = 'User'): SimpleUser {
  const url = `${api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    site_admin: false,
  };
}

export function repository(
  api: string,
  fullName: string,
  id: number,
  defaultBranch = 'main',
): Schemas['repository'] {
  const [ownerLogin = 'owner', name = 'repo'] = fullName.split('/');
  const url = `${api}/repos/${fullName}`;
  return {
    id,
    node_id: `R_${id}`,
    name,
    full_name: fullName,
    license: null,
    forks: 0,
    owner: simpleUser(api, ownerLogin, id + 1_000_000, 'Organization'),
    private: false,
    html_url: `https://github.com/${fullName}`,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `https://github.com/${fullName}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: `https://github.com/${fullName}`,
    homepage: null,
    language: 'Python',
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: defaultBranch,
    open_issues_count: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    pushed_at: '2026-11-01T00:00:00Z',
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    open_issues: 0,
    watchers: 0,
  };
}

/** minimal-repository is repository with most fields optional; its `license` shape differs, and ours is null. */
export function minimalRepository(api: string, fullName: string, id: number): Schemas['minimal-repository'] {
  return { ...repository(api, fullName, id), license: null };
}

export interface RunSeed {
  id: number;
  workflowId: number;
  workflowPath: string;
  name: string;
  headSha: string;
  headBranch: string;
  event: string;
  status: string;
  conclusion: string | null;
  createdAt: string;
  runAttempt: number;
  repoFullName: string;
  headRepoFullName: string;
  pullNumbers: number[];
}

export function workflowRun(api: string, seed: RunSeed): WorkflowRun {
  const url = `${api}/repos/${seed.repoFullName}/actions/runs/${seed.id}`;
  const sameRepo = seed.headRepoFullName === seed.repoFullName;
  return {
    id: seed.id,
    name: seed.name,
    node_id: `WFR_${seed.id}`,
    check_suite_id: seed.id + 500_000,
    check_suite_node_id: `CS_${seed.id}`,
    head_branch: seed.headBranch,
    head_sha: seed.headSha,
    path: seed.workflowPath,
    run_number: seed.id,
    run_attempt: seed.runAttempt,
    event: seed.event,
    status: seed.status,
    conclusion: seed.conclusion,
    workflow_id: seed.workflowId,
    url,
    html_url: `https://github.com/${seed.repoFullName}/actions/runs/${seed.id}`,
    pull_requests: seed.pullNumbers.map((number) => ({
      id: number + 900_000,
      number,
      url: `${api}/repos/${seed.repoFullName}/pulls/${number}`,
      head: { ref: seed.headBranch, sha: seed.headSha, repo: { id: 1, url, name: seed.repoFullName } },
      base: { ref: 'main', sha: seed.headSha, repo: { id: 1, url, name: seed.repoFullName } },
    })),
    created_at: seed.createdAt,
    updated_at: seed.createdAt,
    run_started_at: seed.createdAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${api}/repos/${seed.repoFullName}/check-suites/${seed.id + 500_000}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${api}/repos/${seed.repoFullName}/actions/workflows/${seed.workflowId}`,
    head_commit: {
      id: seed.headSha,
      tree_id: seed.headSha.split('').reverse().join(''),
      message: `commit ${seed.headSha.slice(0, 7)}`,
      timestamp: seed.createdAt,
      author: { name: 'Dev', email: 'dev@example.com' },
      committer: { name: 'Dev', email: 'dev@example.com' },
    },
    repository: minimalRepository(api, seed.repoFullName, 1),
    head_repository: minimalRepository(api, seed.headRepoFullName, sameRepo ? 1 : 2),
    display_title: `commit ${seed.headSha.slice(0, 7)}`,
  };
}

export function artifact(
  api: string,
  repoFullName: string,
  fields: {
    id: number;
    name: string;
    size: number;
    expired: boolean;
    createdAt: string;
    expiresAt: string;
    digest: string | null;
    run: WorkflowRun;
  },
): Artifact {
  const url = `${api}/repos/${repoFullName}/actions/artifacts/${fields.id}`;
  return {
    id: fields.id,
    node_id: `MDg6QXJ0aWZhY3Q${fields.id}`,
    name: fields.name,
    size_in_bytes: fields.size,
    url,
    archive_download_url: `${url}/zip`,
    expired: fields.expired,
    created_at: fields.createdAt,
    expires_at: fields.expiresAt,
    updated_at: fields.createdAt,
    digest: fields.digest,
    workflow_run: {
      id: Number(fields.run.id),
      repository_id: 1,
      head_repository_id: fields.run.head_repository.full_name === repoFullName ? 1 : 2,
      head_branch: fields.run.head_branch ?? 'main',
      head_sha: fields.run.head_sha,
    },
  };
}

export function issueComment(
  api: string,
  repoFullName: string,
  fields: { id: number; issueNumber: number; body: string; user: SimpleUser; at: string },
): IssueComment {
  return {
    id: fields.id,
    node_id: `IC_${fields.id}`,
    url: `${api}/repos/${repoFullName}/issues/comments/${fields.id}`,
    body: fields.body,
    html_url: `https://github.com/${repoFullName}/pull/${fields.issueNumber}#issuecomment-${fields.id}`,
    user: fields.user,
    created_at: fields.at,
    updated_at: fields.at,
    issue_url: `${api}/repos/${repoFullName}/issues/${fields.issueNumber}`,
    author_association: fields.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}

export function review(
  api: string,
  repoFullName: string,
  fields: {
    id: number;
    pullNumber: number;
    body: string;
    state: string;
    user: SimpleUser;
    commitId: string;
    at: string;
  },
): PullRequestReview {
  const html = `https://github.com/${repoFullName}/pull/${fields.pullNumber}#pullrequestreview-${fields.id}`;
  const pullUrl = `${api}/repos/${repoFullName}/pulls/${fields.pullNumber}`;
  return {
    id: fields.id,
    node_id: `PRR_${fields.id}`,
    user: fields.user,
    body: fields.body,
    state: fields.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: fields.at,
    commit_id: fields.commitId,
    author_association: 'NONE',
  };
}

export function pullRequest(
  api: string,
  repoFullName: string,
  fields: {
    number: number;
    title: string;
    user: SimpleUser;
    headRef: string;
    headSha: string;
    headRepoFullName: string;
    baseRef: string;
    baseSha: string;
    state: 'open' | 'closed';
    at: string;
  },
): PullRequest {
  const url = `${api}/repos/${repoFullName}/pulls/${fields.number}`;
  const html = `https://github.com/${repoFullName}/pull/${fields.number}`;
  const link = (href: string) => ({ href });
  const headRepo = repository(api, fields.headRepoFullName, fields.headRepoFullName === repoFullName ? 1 : 2);
  const baseRepo = repository(api, repoFullName, 1);
  return {
    url,
    id: fields.number + 800_000,
    node_id: `PR_${fields.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/repos/${repoFullName}/issues/${fields.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/repos/${repoFullName}/pulls/comments{/number}`,
    comments_url: `${api}/repos/${repoFullName}/issues/${fields.number}/comments`,
    statuses_url: `${api}/repos/${repoFullName}/statuses/${fields.headSha}`,
    number: fields.number,
    state: fields.state,
    locked: false,
    title: fields.title,
    user: fields.user,
    body: null,
    labels: [],
    milestone: null,
    created_at: fields.at,
    updated_at: fields.at,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    head: {
      label: `${headRepo.owner.login}:${fields.headRef}`,
      ref: fields.headRef,
      repo: headRepo,
      sha: fields.headSha,
      user: headRepo.owner,
    },
    base: {
      label: `${baseRepo.owner.login}:${fields.baseRef}`,
      ref: fields.baseRef,
      repo: baseRepo,
      sha: fields.baseSha,
      user: baseRepo.owner,
    },
    _links: {
      comments: link(`${api}/repos/${repoFullName}/issues/${fields.number}/comments`),
      commits: link(`${url}/commits`),
      statuses: link(`${api}/repos/${repoFullName}/statuses/${fields.headSha}`),
      html: link(html),
      issue: link(`${api}/repos/${repoFullName}/issues/${fields.number}`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${api}/repos/${repoFullName}/pulls/comments{/number}`),
      self: link(url),
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
    merged: false,
    mergeable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

export function commit(
  api: string,
  repoFullName: string,
  fields: {
    sha: string;
    parents: string[];
    message: string;
    date: string;
    /** The account GitHub matched to the author e-mail; `{}` is what some lists send for none. */
    author?: SimpleUser | null | Record<string, never>;
    email?: string;
    verified?: boolean;
  },
): Commit {
  const url = `${api}/repos/${repoFullName}/commits/${fields.sha}`;
  const person = { name: 'Dev', email: fields.email ?? 'dev@example.com', date: fields.date };
  const verified = fields.verified ?? false;
  return {
    url,
    sha: fields.sha,
    node_id: `C_${fields.sha}`,
    html_url: `https://github.com/${repoFullName}/commit/${fields.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${api}/repos/${repoFullName}/git/commits/${fields.sha}`,
      author: person,
      committer: person,
      message: fields.message,
      comment_count: 0,
      verification: {
        verified,
        reason: verified ? 'valid' : 'unsigned',
        signature: verified ? '-----BEGIN PGP SIGNATURE-----\n…\n-----END PGP SIGNATURE-----' : null,
        payload: verified ? `tree ${fields.sha}` : null,
        verified_at: verified ? fields.date : null,
      },
      tree: { sha: fields.sha.split('').reverse().join(''), url: `${api}/repos/${repoFullName}/git/trees/x` },
    },
    author: fields.author ?? null,
    committer: null,
    parents: fields.parents.map((sha) => ({
      sha,
      url: `${api}/repos/${repoFullName}/commits/${sha}`,
      html_url: `https://github.com/${repoFullName}/commit/${sha}`,
    })),
  };
}

/** `pull-request-simple`, what `GET /pulls` lists: a pull request without the merge details. */
export function pullRequestSimple(pull: PullRequest): Schemas['pull-request-simple'] {
  const {
    merged: _merged,
    mergeable: _mergeable,
    rebaseable: _rebaseable,
    mergeable_state: _mergeableState,
    merged_by: _mergedBy,
    comments: _comments,
    review_comments: _reviewComments,
    maintainer_can_modify: _maintainerCanModify,
    commits: _commits,
    additions: _additions,
    deletions: _deletions,
    changed_files: _changedFiles,
    requested_teams: _requestedTeams,
    labels,
    ...simple
  } = pull;
  // The simple schema's labels carry a description string where the full one allows null.
  return { ...simple, labels: labels.map((l) => ({ ...l, description: l.description ?? '' })) };
}

export function workflow(
  api: string,
  repoFullName: string,
  fields: { id: number; path: string; name: string },
): Schemas['workflow'] {
  const url = `${api}/repos/${repoFullName}/actions/workflows/${fields.id}`;
  return {
    id: fields.id,
    node_id: `W_${fields.id}`,
    name: fields.name,
    path: fields.path,
    state: 'active',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    url,
    html_url: `https://github.com/${repoFullName}/blob/main/${fields.path}`,
    badge_url: `https://github.com/${repoFullName}/workflows/${encodeURIComponent(fields.name)}/badge.svg`,
  };
}

export function checkRun(
  api: string,
  repoFullName: string,
  fields: {
    id: number;
    name: string;
    headSha: string;
    status: CheckRun['status'];
    conclusion: CheckRun['conclusion'];
    startedAt: string | null;
    completedAt: string | null;
    detailsUrl: string | null;
    externalId: string | null;
    output: { title: string | null; summary: string | null; text: string | null };
    bot: SimpleUser;
  },
): CheckRun {
  return {
    id: fields.id,
    head_sha: fields.headSha,
    node_id: `CR_${fields.id}`,
    external_id: fields.externalId,
    url: `${api}/repos/${repoFullName}/check-runs/${fields.id}`,
    html_url: `https://github.com/${repoFullName}/runs/${fields.id}`,
    details_url: fields.detailsUrl,
    status: fields.status,
    conclusion: fields.conclusion,
    started_at: fields.startedAt,
    completed_at: fields.completedAt,
    output: {
      ...fields.output,
      annotations_count: 0,
      annotations_url: `${api}/repos/${repoFullName}/check-runs/${fields.id}/annotations`,
    },
    name: fields.name,
    check_suite: { id: 1 },
    app: {
      id: 15368,
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: simpleUser(api, 'github', 9919, 'Organization'),
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: 'https://github.com/apps/github-actions',
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2019-12-10T19:04:12Z',
      permissions: { checks: 'write' },
      events: ['check_run'],
    },
    pull_requests: [],
  };
}

export function commitStatus(
  api: string,
  repoFullName: string,
  fields: {
    id: number;
    state: string;
    context: string;
    description: string | null;
    targetUrl: string | null;
    sha: string;
    creator: SimpleUser;
    at: string;
  },
): CommitStatus {
  return {
    url: `${api}/repos/${repoFullName}/statuses/${fields.sha}`,
    avatar_url: fields.creator.avatar_url,
    id: fields.id,
    node_id: `SC_${fields.id}`,
    state: fields.state,
    description: fields.description,
    target_url: fields.targetUrl,
    context: fields.context,
    created_at: fields.at,
    updated_at: fields.at,
    creator: fields.creator,
  };
}

export function deployment(
  api: string,
  repoFullName: string,
  fields: {
    id: number;
    sha: string;
    ref: string;
    task: string;
    payload: Deployment['payload'];
    environment: string;
    description: string | null;
    transient: boolean;
    production: boolean;
    creator: SimpleUser;
    at: string;
  },
): Deployment {
  const url = `${api}/repos/${repoFullName}/deployments/${fields.id}`;
  return {
    url,
    id: fields.id,
    node_id: `DE_${fields.id}`,
    sha: fields.sha,
    ref: fields.ref,
    task: fields.task,
    payload: fields.payload,
    original_environment: fields.environment,
    environment: fields.environment,
    description: fields.description,
    creator: fields.creator,
    created_at: fields.at,
    updated_at: fields.at,
    statuses_url: `${url}/statuses`,
    repository_url: `${api}/repos/${repoFullName}`,
    transient_environment: fields.transient,
    production_environment: fields.production,
  };
}

export function deploymentStatus(
  api: string,
  repoFullName: string,
  fields: {
    id: number;
    deploymentId: number;
    state: DeploymentStatus['state'];
    description: string;
    environment: string;
    logUrl: string;
    environmentUrl: string;
    creator: SimpleUser;
    at: string;
  },
): DeploymentStatus {
  const deploymentUrl = `${api}/repos/${repoFullName}/deployments/${fields.deploymentId}`;
  return {
    url: `${deploymentUrl}/statuses/${fields.id}`,
    id: fields.id,
    node_id: `DES_${fields.id}`,
    state: fields.state,
    creator: fields.creator,
    description: fields.description,
    environment: fields.environment,
    target_url: fields.logUrl,
    created_at: fields.at,
    updated_at: fields.at,
    deployment_url: deploymentUrl,
    repository_url: `${api}/repos/${repoFullName}`,
    environment_url: fields.environmentUrl,
    log_url: fields.logUrl,
  };
}

export function collaboratorPermission(
  user: SimpleUser,
  permission: 'admin' | 'write' | 'read' | 'none',
): CollaboratorPermission {
  const roleName = { admin: 'admin', write: 'write', read: 'read', none: 'none' }[permission];
  return {
    permission,
    role_name: roleName,
    user: {
      ...user,
      permissions: {
        admin: permission === 'admin',
        maintain: permission === 'admin',
        push: permission === 'admin' || permission === 'write',
        triage: permission !== 'none',
        pull: permission !== 'none',
      },
      role_name: roleName,
    },
  };
}

export function contentFile(
  api: string,
  repoFullName: string,
  fields: { path: string; ref: string; content: Buffer; sha: string },
): ContentFile {
  const url = `${api}/repos/${repoFullName}/contents/${fields.path}?ref=${encodeURIComponent(fields.ref)}`;
  const html = `https://github.com/${repoFullName}/blob/${fields.ref}/${fields.path}`;
  const git = `${api}/repos/${repoFullName}/git/blobs/${fields.sha}`;
  // GitHub wraps the base64 body at 60 characters.
  const base64 = fields.content.toString('base64').replace(/(.{60})/g, '$1\n');
  return {
    type: 'file',
    encoding: 'base64',
    size: fields.content.length,
    name: fields.path.split('/').pop() ?? fields.path,
    path: fields.path,
    content: base64,
    sha: fields.sha,
    url,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${repoFullName}/${fields.ref}/${fields.path}`,
    _links: { git, html, self: url },
  };
}
