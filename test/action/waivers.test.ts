import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunnerContext } from '../../src/action/context.js';
import { collectWaiverRequests } from '../../src/action/waivers.js';
import { GitHubClient } from '../../src/github/client.js';
import { faults, GitHubStandIn } from '../support/github-stand-in.js';

let standIn: GitHubStandIn;
let client: GitHubClient;

const sha = (n: number) => n.toString(16).padStart(40, 'c');

beforeEach(async () => {
  standIn = await GitHubStandIn.start();
  client = new GitHubClient({
    token: standIn.token,
    apiUrl: standIn.url,
    owner: standIn.owner,
    repo: standIn.repo,
    retry: { retries: 0 },
  });
});

afterEach(async () => {
  await standIn.close();
});

function prContext(number: number, labels: string[]): RunnerContext {
  return {
    pullRequest: {
      number,
      baseRef: 'main',
      baseSha: sha(1),
      headSha: sha(3),
      headRepo: standIn.fullName,
      fromFork: false,
      labels,
      author: 'contributor',
    },
  } as RunnerContext;
}

describe('collectWaiverRequests', () => {
  it('trusts a label only when whoever applied it can write, and reads trailers from the PR commits', async () => {
    standIn.addCommits([
      { sha: sha(1), message: 'base' },
      { sha: sha(2), message: 'tune model', authorLogin: 'contributor' },
      {
        sha: sha(3),
        message: 'retrain\n\nGate-Waive: evaluate/accuracy@region-apac: known label noise',
        authorLogin: 'maintainer',
        verified: true,
      },
    ]);
    standIn.setBranch('main', sha(1));
    standIn.addPull({ number: 7, headSha: sha(3), headRef: 'feature' });
    standIn.setPermission('maintainer', 'write');
    standIn.setPermission('contributor', 'read');
    standIn.addLabel(7, 'gate-waive:latency budget', 'maintainer');
    standIn.addLabel(7, 'gate-waive:slice floor', 'contributor');
    standIn.addLabel(7, 'needs-review', 'contributor');

    const requests = await collectWaiverRequests(
      client,
      prContext(7, ['gate-waive:latency budget', 'gate-waive:slice floor', 'needs-review']),
    );
    expect(requests.labels).toEqual([
      { name: 'gate-waive:latency budget', grantedBy: 'maintainer', trusted: true },
      { name: 'gate-waive:slice floor', grantedBy: 'contributor', trusted: false },
    ]);
    expect(requests.commits).toEqual([
      {
        message: 'retrain\n\nGate-Waive: evaluate/accuracy@region-apac: known label noise',
        author: 'maintainer',
        trusted: true,
      },
    ]);
    expect(requests.prAuthor).toBe('contributor');
  });

  it('does not trust a trailer on an unsigned commit whose e-mail names a maintainer, nor an author listed as {}', async () => {
    standIn.addCommits([
      { sha: sha(1), message: 'base' },
      {
        sha: sha(2),
        message: 'fix\n\nGate-Waive: evaluate/accuracy: trust me',
        authorLogin: 'maintainer',
        email: 'maintainer@example.com',
      },
      {
        sha: sha(3),
        message: 'more\n\nGate-Waive: evaluate/accuracy: me too',
        authorEmpty: true,
        verified: true,
      },
    ]);
    standIn.setBranch('main', sha(1));
    standIn.addPull({ number: 7, headSha: sha(3), headRef: 'feature' });
    standIn.setPermission('maintainer', 'admin');
    const requests = await collectWaiverRequests(client, prContext(7, []));
    expect(requests.commits?.map((c) => [c.author, c.trusted, c.distrust])).toEqual([
      [
        'maintainer',
        false,
        `commit ${sha(2).slice(0, 7)} is not signed with a signature GitHub verified (unsigned), so its author cannot be known`,
      ],
      ['unknown', false, 'no GitHub account is attached to it'],
    ]);
    expect(standIn.requestsTo('GET /repos/{owner}/{repo}/collaborators/{username}/permission')).toEqual([]);
  });

  it('reports a failed permission lookup as unverified, not as "no write access"', async () => {
    standIn.addCommits([
      { sha: sha(1), message: 'base' },
      { sha: sha(3), message: 'x' },
    ]);
    standIn.setBranch('main', sha(1));
    standIn.addPull({ number: 7, headSha: sha(3), headRef: 'feature' });
    standIn.addLabel(7, 'gate-waive:slice floor', 'maintainer');
    standIn.inject('GET /repos/{owner}/{repo}/collaborators/{username}/permission', faults.unavailable());
    const requests = await collectWaiverRequests(client, prContext(7, ['gate-waive:slice floor']));
    expect(requests.labels).toEqual([
      {
        name: 'gate-waive:slice floor',
        grantedBy: 'maintainer',
        trusted: false,
        distrust: 'write access of maintainer is unverified: the permission lookup failed (503)',
      },
    ]);
  });

  it('in a merge queue, collects the waivers of the pull request being merged', async () => {
    standIn.addCommits([
      { sha: sha(1), message: 'base' },
      { sha: sha(3), message: 'x' },
    ]);
    standIn.setBranch('main', sha(1));
    standIn.addPull({ number: 7, headSha: sha(3), headRef: 'feature' });
    standIn.setPermission('maintainer', 'write');
    standIn.addLabel(7, 'gate-waive:slice floor', 'maintainer');
    const ctx = {
      pullRequest: null,
      mergeGroup: { baseRef: 'main', baseSha: sha(1), headSha: sha(9), prNumber: 7 },
    } as unknown as RunnerContext;
    const requests = await collectWaiverRequests(client, ctx);
    expect(requests.labels).toEqual([
      { name: 'gate-waive:slice floor', grantedBy: 'maintainer', trusted: true },
    ]);
  });

  it('asks nothing of the API outside a pull request', async () => {
    expect(
      await collectWaiverRequests(client, { pullRequest: null, mergeGroup: null } as RunnerContext),
    ).toEqual({});
    expect(standIn.requests).toEqual([]);
  });
});
