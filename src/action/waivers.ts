/**
 * Gathers waiver requests of a pull request and decides whom to trust: a waiver counts only when
 * the person who applied the label, or authored the commit carrying the trailer, has write access.
 * The engine then accepts or rejects each request and shows both in the report.
 */
import { WAIVER_LABEL_PREFIX, type WaiverRequests } from '../gates/waivers.js';
import type { GitHubClient } from '../github/client.js';
import type { RunnerContext } from './context.js';

const WRITE_LEVELS = new Set(['admin', 'maintain', 'write']);
const TRAILER = /^gate-waive:/im;

export async function collectWaiverRequests(
  github: GitHubClient,
  ctx: RunnerContext,
): Promise<WaiverRequests> {
  const pr = ctx.pullRequest;
  if (!pr) return {};
  const permissions = new Map<string, boolean>();
  const trusted = async (login: string): Promise<boolean> => {
    if (!login) return false;
    const known = permissions.get(login);
    if (known !== undefined) return known;
    let allowed = false;
    try {
      allowed = WRITE_LEVELS.has((await github.getCollaboratorPermission(login)).permission);
    } catch {
      allowed = false;
    }
    permissions.set(login, allowed);
    return allowed;
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
      labels.push({ name, grantedBy: grantedBy || 'unknown', trusted: await trusted(grantedBy) });
    }
  }

  const commits: NonNullable<WaiverRequests['commits']> = [];
  for (const commit of await github.listPullCommits(pr.number)) {
    if (!TRAILER.test(commit.commit.message)) continue;
    const author = commit.author?.login ?? '';
    commits.push({
      message: commit.commit.message,
      author: author || 'unknown',
      trusted: await trusted(author),
    });
  }
  return { labels, commits };
}
