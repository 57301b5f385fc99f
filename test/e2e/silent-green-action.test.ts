/**
 * Issue 14 through the action bundle against the GitHub stand-in: a typo in a selector fails the
 * job with the did-you-mean in the summary; under the built-in defaults a candidate whose headline
 * accuracy is NaN (a hand-written hostile copy) fails against a local baseline.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupActionRuns, runAction } from '../support/action-runner.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { hostileHeadline, TABULAR_BASELINE } from '../support/hostile-copies.js';

const sha = (n: number) => n.toString(16).padStart(40, 'd');
let standIn: GitHubStandIn;
let workflowId: number;

beforeAll(async () => {
  standIn = await GitHubStandIn.start();
  workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  standIn.addCommits([
    { sha: sha(1), message: 'baseline model' },
    { sha: sha(2), parents: [sha(1)], message: 'model with a NaN accuracy' },
  ]);
  standIn.setBranch('main', sha(1));
});

afterAll(async () => {
  await standIn.close();
  cleanupActionRuns();
});

function pushRun(n: number) {
  const run = standIn.addRun({
    workflowId,
    headSha: sha(n),
    event: 'push',
    status: 'in_progress',
    conclusion: null,
  });
  return Number(run.id);
}

describe('the action never gives a silent green', () => {
  it('a gate whose selector matches nothing fails the job and says what was meant', async () => {
    const runId = pushRun(1);
    const result = await runAction({
      standIn,
      runId,
      eventName: 'push',
      payload: { ref: 'refs/heads/main', after: sha(1) },
      sha: sha(1),
      ref: 'refs/heads/main',
      evidence: TABULAR_BASELINE,
      inputs: {
        'config-inline':
          'version: 1\ngates:\n  - name: accuracy floor\n    metric: eval/accuracy\n    min: 0.5\n    severity: warn\n',
      },
    });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.summary).toMatch(/eval\/accuracy: no stage .{0,12}eval/);
    expect(result.summary).toMatch(/did you mean .{0,12}evaluate\/accuracy/);
    const run = standIn.runs.find((r) => r.id === runId)!;
    run.status = 'completed';
    run.conclusion = 'failure';
  });

  it('under the built-in defaults, a headline accuracy recorded as NaN fails the job', async () => {
    const hostile = await hostileHeadline('NaN');
    try {
      const result = await runAction({
        standIn,
        runId: pushRun(2),
        eventName: 'push',
        payload: { ref: 'refs/heads/main', after: sha(2) },
        sha: sha(2),
        ref: 'refs/heads/main',
        evidence: hostile.path,
        inputs: { baseline: resolve(TABULAR_BASELINE) },
      });
      expect(result.code, result.stdout).toBe(1);
      expect(result.outputs.verdict).toBe('fail');
      expect(result.summary).toContain('evaluate/accuracy');
      expect(result.summary).toMatch(/no finite value|missing from the candidate/);
    } finally {
      await hostile.cleanup();
    }
  });
});
