/**
 * Gathers waiver requests of a pull request and decides whom to trust. A label counts when the
 * person who applied it has write access. A commit trailer counts only on a commit whose signature
 * GitHub verified, for an account with write access: the author login GitHub shows for a commit
 * comes from its e-mail, which anyone can set to a maintainer's. The engine then rejects the PR
 * author's own requests unless `policy.waivers.self` is true, and shows every rejection with why.
 */
import { WAIVER_LABEL_PREFIX, type WaiverRequests } from '../gates/waivers.js';
import type { GitHubClient } from '../github/client.js';
import { GitHubError, GitHubNotFoundError } from '../github/errors.js';
import type { RunnerContext } from './context.js';

const WRITE_LEVELS = new Set(['admin', 'maintain', 'write']);
const TRAILER = /^gate-waive:/im;

/** Trusted, or why not. A failed lookup is "unverified", never mistaken for "no write access". */
type Standing = { trusted: true } | { trusted: false; distrust?: string };

/** The PR a run judges: its own, or in a merge queue the PR being merged (from the queue's ref). */
async function pullOf(
  github: GitHubClient,
  ctx: RunnerContext,
): Promise<{ number: number; labels: string[]; author: string | null } | null> {
  if (ctx.pullRequest) {
    return { number: ctx.pullRequest.number, labels: ctx.pullRequest.labels, author: ctx.pullRequest.author };
  }
  const number = ctx.mergeGroup?.prNumber;
  if (!number) return null;
  const pull = await github.getPull(number);
  return { number, labels: pull.labels.map((l) => l.name), author: pull.user?.login ?? null };
}

export async function collectWaiverRequests(
  github: GitHubClient,
  ctx: RunnerContext,
): Promise<WaiverRequests> {
  const pr = await pullOf(github, ctx);
  if (!pr) return {};
  const permissions = new Map<string, Standing>();
  const standing = async (login: string): Promise<Standing> => {
    if (!login) return { trusted: false, distrust: 'no GitHub account is attached to it' };
    const known = permissions.get(login);
    if (known) return known;
    let result: Standing;
    try {
      const level = (await github.getCollaboratorPermission(login)).permission;
      result = WRITE_LEVELS.has(level) ? { trusted: true } : { trusted: false };
    } catch (error) {
      // 404: not a collaborator, so no write access. Anything else (5xx, 403) proves nothing.
      result =
        error instanceof GitHubNotFoundError
          ? { trusted: false }
          : {
              trusted: false,
              distrust: `write access of ${login} is unverified: the permission lookup failed (${error instanceof GitHubError && error.status !== undefined ? error.status : (error as Error).message})`,
            };
    }
    permissions.set(login, result);
    return result;
  };

  const labels: NonNullable<WaiverRequests['labels']> = [];
  const waiverLabels = pr.labels.filter((name) => name.toLowerCase().startsWith(WAIVER_LABEL_PREFIX));
  if (waiverLabels.length > 0) {
    const events = await github.listIssueEvents(pr.number);
    for (const name of waiverLabels) {
      const applied = events
        .filter((event) => event.event === 'labeled' && event.label?.name === name)
        .at(-1);
      const grantedBy = applied?.actor?.login ?? '';
      labels.push({ name, grantedBy: grantedBy || 'unknown', ...(await standing(grantedBy)) });
    }
  }

  const commits: NonNullable<WaiverRequests['commits']> = [];
  for (const commit of await github.listPullCommits(pr.number)) {
    if (!TRAILER.test(commit.commit.message)) continue;
    const author = commit.author?.login ?? '';
    const verification = commit.commit.verification;
    const base = { message: commit.commit.message, author: author || 'unknown' };
    if (!verification?.verified) {
      commits.push({
        ...base,
        trusted: false,
        distrust: `commit ${commit.sha.slice(0, 7)} is not signed with a signature GitHub verified (${verification?.reason ?? 'no signature'}), so its author cannot be known`,
      });
      continue;
    }
    commits.push({ ...base, ...(await standing(author)) });
  }
  return { labels, commits, prAuthor: pr.author };
}
