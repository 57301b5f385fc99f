/**
 * The PR reporting paths (sticky comment and review mode) with real gate reports from the scenario
 * fixtures, against the local GitHub stand-in.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishToPullRequest } from '../../src/action/reporting.js';
import { readSettings, type Settings } from '../../src/action/settings.js';
import { readEvidence } from '../../src/contexta/read.js';
import { judgeRuns } from '../../src/engine/engine.js';
import { loadConfigFile } from '../../src/gates/config.js';
import type { GateReport } from '../../src/gates/types.js';
import { GitHubClient } from '../../src/github/client.js';
import { faults, GitHubStandIn } from '../support/github-stand-in.js';

let standIn: GitHubStandIn;
let github: GitHubClient;
let failing: GateReport;
let passing: GateReport;

async function scenarioReport(name: string): Promise<GateReport> {
  const config = await loadConfigFile('fixtures/reference-policy.yml');
  if (!config.ok) throw new Error('reference policy does not parse');
  const dir = `fixtures/scenarios/${name}`;
  return judgeRuns({
    baseline: await readEvidence(`${dir}/baseline/.contexta`),
    candidate: await readEvidence(`${dir}/candidate/.contexta`),
    config: config.config,
  });
}

const settings = (inputs: Record<string, string>): Settings => readSettings((name) => inputs[name] ?? '');
const target = () => ({
  github,
  prNumber: 9,
  key: 'contexta-evidence',
  runUrl: 'https://github.com/acme/models/actions/runs/1',
});

beforeAll(async () => {
  failing = await scenarioReport('slice-regression');
  passing = await scenarioReport('tabular-improves');
});

beforeEach(async () => {
  standIn = await GitHubStandIn.start();
  github = new GitHubClient({
    token: standIn.token,
    apiUrl: standIn.url,
    owner: standIn.owner,
    repo: standIn.repo,
    retry: { retries: 0 },
  });
  standIn.addCommits([{ sha: 'a'.repeat(40) }, { sha: 'b'.repeat(40) }]);
  standIn.setBranch('main', 'a'.repeat(40));
  standIn.addPull({ number: 9, headSha: 'b'.repeat(40), headRef: 'feature' });
});

afterEach(async () => {
  await standIn.close();
});

describe('review mode', () => {
  it('requests changes on a failing gate, then dismisses that request once a later run passes', async () => {
    const review = settings({ 'comment-as': 'review' });
    expect((await publishToPullRequest(target(), failing, review)).note).toBe('requested changes');
    expect(standIn.reviews.map((r) => r.review.state)).toEqual(['CHANGES_REQUESTED']);
    expect(standIn.reviews[0]!.review.body).toContain('region-apac');

    expect((await publishToPullRequest(target(), passing, review)).note).toBe('commented');
    expect(standIn.reviews.map((r) => r.review.state)).toEqual(['DISMISSED', 'COMMENTED']);
    expect(standIn.comments).toHaveLength(0);
  });

  it('falls back to the sticky comment when the token may not review', async () => {
    standIn.inject(
      'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      faults.missingPermission('pull_requests=write'),
    );
    await publishToPullRequest(target(), failing, settings({ 'comment-as': 'review' }));
    expect(standIn.reviews).toHaveLength(0);
    expect(standIn.comments.map((c) => c.issueNumber)).toEqual([9]);
  });
});

describe('sticky comment', () => {
  it('on-change posts once and leaves an unchanged report alone', async () => {
    const onChange = settings({ comment: 'on-change' });
    await publishToPullRequest(target(), failing, onChange);
    const skipped = await publishToPullRequest(target(), failing, onChange);
    expect(skipped.note).toMatch(/nothing changed/);
    expect(standIn.requestsTo('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(0);
    await publishToPullRequest(target(), passing, onChange);
    expect(standIn.comments).toHaveLength(1);
    expect(standIn.comments[0]!.comment.body).toMatch(/PASS/);
  });

  it('two runs posting at the same moment end with one comment', async () => {
    const always = settings({});
    await Promise.all([
      publishToPullRequest(target(), failing, always),
      publishToPullRequest(target(), failing, always),
    ]);
    expect(standIn.comments).toHaveLength(1);
    expect(standIn.comments[0]!.comment.body).toContain('region-apac');
  });

  it('on-failure stays silent for a passing PR', async () => {
    expect(
      (await publishToPullRequest(target(), passing, settings({ comment: 'on-failure' }))).url,
    ).toBeNull();
    expect(standIn.comments).toHaveLength(0);
  });
});
