/**
 * The action's end-to-end measurement of `npm run bench`: the slice-regression scenario (825 + 825
 * records) gated by the built action bundle on a pull request, against the GitHub stand-in of the
 * end-to-end tests, the baseline found in an earlier push run and downloaded as an artifact.
 * The push run that uploads the baseline is set-up, not measured; each measured run is a new
 * attempt of the same pull-request run, so the comment is updated rather than duplicated.
 * Built with ncc by scripts/bench.mjs (it imports the tests' stand-in); prints one JSON line:
 * `{"runs":[{"wallMs":…,"code":…,"verdict":…}],…}`.
 * Usage: node action-e2e.js <action bundle> <repeat>
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanupActionRuns, pullRequestPayload, runAction } from '../../test/support/action-runner.js';
import { GitHubStandIn } from '../../test/support/github-stand-in.js';

const SCENARIO = 'fixtures/scenarios/slice-regression';
const sha = (n: number) => n.toString(16).padStart(40, 'e');

async function main(): Promise<void> {
  const [given, repeatText] = process.argv.slice(2);
  if (!given) throw new Error('usage: action-e2e.js <action bundle> [repeat]');
  // The runner starts the bundle from the job's workspace, so the path must not be relative.
  const bundle = resolve(given);
  const repeat = Number(repeatText ?? 3);
  const policy = readFileSync('fixtures/reference-policy.yml', 'utf8');
  const standIn = await GitHubStandIn.start();
  try {
    const workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
    standIn.addCommits([
      { sha: sha(1), message: 'baseline model' },
      { sha: sha(2), message: 'bigger model' },
    ]);
    standIn.setBranch('main', sha(1));
    standIn.addFile('main', '.github/contexta-gate.yml', policy);
    const push = standIn.addRun({
      workflowId,
      headSha: sha(1),
      event: 'push',
      status: 'in_progress',
      conclusion: null,
    });
    const first = await runAction({
      standIn,
      runId: Number(push.id),
      eventName: 'push',
      payload: { ref: 'refs/heads/main', after: sha(1) },
      sha: sha(1),
      ref: 'refs/heads/main',
      evidence: `${SCENARIO}/baseline/.contexta`,
      localConfig: policy,
      bundle,
    });
    if (first.code !== 0) throw new Error(`the baseline push run failed: ${first.stderr}`);
    push.status = 'completed';
    push.conclusion = 'success';
    standIn.addPull({ number: 5, headSha: sha(2), headRef: 'bigger-model' });
    const pr = standIn.addRun({
      workflowId,
      headSha: sha(2),
      headBranch: 'bigger-model',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
    });
    const runs = [];
    for (let attempt = 1; attempt <= repeat; attempt++) {
      const started = performance.now();
      const run = await runAction({
        standIn,
        runId: Number(pr.id),
        attempt,
        eventName: 'pull_request',
        payload: pullRequestPayload({
          number: 5,
          baseSha: sha(1),
          headSha: sha(2),
          headRef: 'bigger-model',
          repo: standIn.fullName,
        }),
        sha: sha(2),
        ref: 'refs/pull/5/merge',
        evidence: `${SCENARIO}/candidate/.contexta`,
        bundle,
      });
      runs.push({
        wallMs: performance.now() - started,
        code: run.code,
        verdict: run.outputs.verdict ?? null,
        baselineSource: run.outputs['baseline-source'] ?? null,
      });
    }
    process.stdout.write(`${JSON.stringify({ records: 1650, runs })}\n`);
  } finally {
    await standIn.close();
    cleanupActionRuns();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
