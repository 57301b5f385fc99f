import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunnerContext } from '../../src/action/context.js';
import { collectWaiverRequests } from '../../src/action/waivers.js';
import { GitHubClient } from '../../src/github/client.js';
import { GitHubStandIn } from '../support/github-stand-in.js';

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
  });

  it('asks nothing of the API outside a pull request', async () => {
    expect(await collectWaiverRequests(client, { pullRequest: null } as RunnerContext)).toEqual({});
    expect(standIn.requests).toEqual([]);
  });
});
