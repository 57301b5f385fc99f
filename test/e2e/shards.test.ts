/**
 * End to end: the README's matrix workflow as written — four `mode: collect` shard jobs, then the
 * `shards: 4` gate job — run through the action bundle against the GitHub stand-in. The shards are
 * SDK-shaped workspaces from the bench generator, each a quarter of one eval set whose candidate
 * drops the lang-ko slice: too few lang-ko samples in any one shard to judge, enough in the merged
 * run to fail. Then one shard job missing, and one shard job uploading another shard's samples.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateShards } from '../../scripts/bench/generate.mjs';
import { readmeWorkflows } from '../../scripts/lint-workflows.mjs';
import { compareCommand } from '../../src/cli/compare.js';
import { cleanupActionRuns, pullRequestPayload, runAction } from '../support/action-runner.js';
import { GitHubStandIn } from '../support/github-stand-in.js';

const sha = (n: number) => n.toString(16).padStart(40, 'a');
/** Per-slice paired test with a sample floor: a shard's ~20 lang-ko samples are too few to judge. */
const POLICY = `version: 1
policy:
  unknown: warn
gates:
  - name: slice regression
    metric: evaluate/accuracy
    slices: all
    max_drop: 0.05
    significance: 0.05
    min_samples: 50
    severity: fail
`;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: { shard?: number[] } };
  steps: Step[];
}

/** The README workflow whose jobs collect shards, and the `with:` of its contexta/gate steps. */
function readmeMatrix() {
  const example = readmeWorkflows(readFileSync('README.md', 'utf8')).find((w) =>
    /mode: collect/.test(w.text),
  );
  if (!example) throw new Error('README.md has no workflow with mode: collect');
  const jobs = (parse(example.text) as { jobs: Record<string, Job> }).jobs;
  const gateStep = (job: Job) => job.steps.find((s) => s.uses?.startsWith('contexta/gate@'))!;
  const [shardJob, gateJob] = [jobs.evaluate!, jobs.gate!];
  return {
    shardJob,
    gateJob,
    shardInputs: (shard: number) =>
      Object.fromEntries(
        Object.entries(gateStep(shardJob).with ?? {}).map(([k, v]) => [
          k,
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the Actions expression the runner expands
          String(v).replace('${{ matrix.shard }}', String(shard)),
        ]),
      ),
    gateInputs: Object.fromEntries(
      Object.entries(gateStep(gateJob).with ?? {}).map(([k, v]) => [k, String(v)]),
    ),
  };
}

const matrix = readmeMatrix();
let standIn: GitHubStandIn;
let workflowId: number;
let shardsDir: string;
const shardDir = (role: string, i: number) => path.join(shardsDir, role, `shard-${i}`, '.contexta');

async function pullRequestRun(
  pr: number,
  head: string,
  shardOf: (job: number) => number | null,
  options: {
    /** The shard index a job claims in its `shard:` input (default: its matrix value). */
    claimOf?: (job: number) => number;
    /** Runs after the shard jobs, before the gate job (another job's upload). */
    beforeGate?: (runId: number) => void;
  } = {},
): Promise<{ runId: number; gate: Awaited<ReturnType<typeof runAction>> }> {
  standIn.addPull({ number: pr, headSha: head, headRef: `change-${pr}` });
  const run = standIn.addRun({
    workflowId,
    headSha: head,
    headBranch: `change-${pr}`,
    event: 'pull_request',
    status: 'in_progress',
    conclusion: null,
  });
  const runId = Number(run.id);
  const payload = pullRequestPayload({
    number: pr,
    baseSha: sha(1),
    headSha: head,
    headRef: `change-${pr}`,
    repo: standIn.fullName,
  });
  const common = {
    standIn,
    runId,
    eventName: 'pull_request',
    payload,
    sha: head,
    ref: `refs/pull/${pr}/merge`,
  };
  for (const job of matrix.shardJob.strategy!.matrix!.shard!) {
    const data = shardOf(job);
    if (data === null) continue;
    const result = await runAction({
      ...common,
      evidence: shardDir('candidate', data),
      inputs: matrix.shardInputs(options.claimOf?.(job) ?? job),
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }
  options.beforeGate?.(runId);
  const gate = await runAction({ ...common, inputs: matrix.gateInputs });
  return { runId, gate };
}

beforeAll(async () => {
  shardsDir = mkdtempSync(path.join(tmpdir(), 'cg-shards-'));
  generateShards({ out: shardsDir, shards: 4, samplesPerShard: 400, steps: 5, layout: 'capture' });
  standIn = await GitHubStandIn.start();
  workflowId = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
  standIn.addCommits([
    { sha: sha(1), message: 'baseline model' },
    { sha: sha(2), message: 'candidate model' },
    { sha: sha(3), parents: [sha(1)], message: 'candidate model, one shard job crashed' },
    { sha: sha(4), parents: [sha(1)], message: 'candidate model, matrix bug' },
    { sha: sha(5), parents: [sha(1)], message: 'candidate model, an extra job uploads shard 2 again' },
    { sha: sha(6), parents: [sha(1)], message: 'candidate model, two jobs claim shard 2' },
  ]);
  standIn.setBranch('main', sha(1));
  standIn.addFile('main', '.github/contexta-gate.yml', POLICY);
});

afterAll(async () => {
  await standIn.close();
  cleanupActionRuns();
  rmSync(shardsDir, { recursive: true, force: true });
});

describe('the README matrix workflow', () => {
  it('is four shard jobs and a gate job that runs unless cancelled', () => {
    expect(matrix.shardJob.strategy?.matrix?.shard).toEqual([1, 2, 3, 4]);
    expect(matrix.shardInputs(3)).toMatchObject({ mode: 'collect', shard: '3/4' });
    expect(matrix.gateJob.needs).toBe('evaluate');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Actions expression as written
    expect(matrix.gateJob.if).toBe('${{ !cancelled() }}');
    expect(matrix.gateInputs).toMatchObject({ shards: '4' });
  });

  it('push on main: four shard artifacts, the gate job has no baseline yet', async () => {
    const run = standIn.addRun({
      workflowId,
      headSha: sha(1),
      event: 'push',
      status: 'in_progress',
      conclusion: null,
    });
    const runId = Number(run.id);
    const common = {
      standIn,
      runId,
      eventName: 'push',
      payload: { ref: 'refs/heads/main', after: sha(1) },
      sha: sha(1),
      ref: 'refs/heads/main',
      localConfig: POLICY,
    };
    for (const i of [1, 2, 3, 4]) {
      const result = await runAction({
        ...common,
        evidence: shardDir('baseline', i),
        inputs: matrix.shardInputs(i),
      });
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.outputs.verdict).toBeUndefined();
      expect(result.summary).toBe('');
    }
    // A re-run of shard 2 replaces its own artifact.
    await runAction({
      ...common,
      attempt: 2,
      evidence: shardDir('baseline', 2),
      inputs: matrix.shardInputs(2),
    });
    expect(
      standIn.artifacts
        .filter((a) => a.runId === runId)
        .map((a) => a.artifact.name)
        .sort(),
    ).toEqual([1, 2, 3, 4].map((i) => `contexta-evidence-shard-${i}-of-4`));
    const gate = await runAction({ ...common, inputs: matrix.gateInputs });
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    expect(gate.outputs.verdict).toBe('unknown');
    expect(gate.summary).toContain('merged 4 of 4 shard');
    const r = standIn.runs.find((x) => x.id === runId)!;
    r.status = 'completed';
    r.conclusion = 'success';
  });

  it('pull request: the merged run fails on the lang-ko drop no single shard can show, in one comment', async () => {
    const { gate } = await pullRequestRun(7, sha(2), (job) => job);
    expect(gate.code, gate.stdout + gate.stderr).toBe(1);
    expect(gate.outputs.verdict).toBe('fail');
    expect(gate.outputs['baseline-source']).toBe('merge-base');
    const comments = standIn.comments.filter((c) => c.issueNumber === 7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.comment.body ?? '';
    expect(body).toMatch(/FAIL/);
    expect(body).toContain('lang-ko');
    expect(body).toMatch(/n = 9\d/);

    // Each shard alone: the same drop on ~20 samples, below min_samples — not a failing verdict.
    for (const i of [1, 2, 3, 4]) {
      let out = '';
      const code = await compareCommand(
        ['--baseline', shardDir('baseline', i), '--candidate', shardDir('candidate', i), '--format', 'json'],
        { stdout: (s) => (out += s), stderr: () => {}, cwd: process.cwd() },
        { ledger: null },
      );
      expect(code, `shard ${i} alone`).toBe(0);
      expect(JSON.parse(out).verdict).not.toBe('fail');
    }
  });

  it('one shard job missing: the gate fails on the evidence gap naming shard 3', async () => {
    const { gate } = await pullRequestRun(8, sha(3), (job) => (job === 3 ? null : job));
    expect(gate.code).toBe(1);
    expect(gate.outputs.verdict).toBe('fail');
    const body = standIn.comments.find((c) => c.issueNumber === 8)?.comment.body ?? '';
    expect(body).toContain('shard_missing');
    expect(body).toContain('candidate shard 3 of 4 is missing');
    expect(body).toContain("'contexta-evidence-shard-3-of-4'");
  });

  it('a shard job that evaluated another shard’s samples: the duplicate is reported', async () => {
    const { gate } = await pullRequestRun(9, sha(4), (job) => (job === 3 ? 2 : job));
    expect(gate.code).toBe(1);
    const body = standIn.comments.find((c) => c.issueNumber === 9)?.comment.body ?? '';
    expect(body).toContain('shard_duplicated');
    expect(body).toMatch(/candidate shard 3 of 4 \\\(contexta-evidence-shard-3-of-4\\\) repeats 400 sample/);
  });

  it('two artifacts claim shard 2 (a second job uploaded it under its own name): the gate fails naming both', async () => {
    const { gate } = await pullRequestRun(10, sha(5), (job) => job, {
      beforeGate: (runId) => {
        // Another job of the run (not the gate's matrix) uploaded shard 2's evidence by hand, under a
        // name of its own that still parses as shard 2 of 4.
        const own = standIn.artifacts.find(
          (a) => a.runId === runId && a.artifact.name === 'contexta-evidence-shard-2-of-4',
        )!;
        standIn.addArtifact(runId, { name: 'contexta-evidence-shard-02-of-4', content: own.content });
      },
    });
    expect(gate.code).toBe(1);
    expect(gate.outputs.verdict).toBe('fail');
    const body = standIn.comments.find((c) => c.issueNumber === 10)?.comment.body ?? '';
    expect(body).toContain('shard_duplicated');
    expect(body).toMatch(
      /candidate shard 2 of 4 \\\(contexta-evidence-shard-02-of-4\\\) claims the same index as contexta-evidence-shard-2-of-4/,
    );
  });

  it('two shard jobs claim shard 2: the later upload replaces the earlier, and the shard it left out is missing', async () => {
    // The matrix maps job 3 to `shard: 2/4` by mistake: it uploads the same artifact name as job 2
    // and replaces it, so shard 2's artifact holds job 3's samples and no job uploads shard 3.
    const { gate } = await pullRequestRun(11, sha(6), (job) => job, {
      claimOf: (job) => (job === 3 ? 2 : job),
    });
    expect(gate.code).toBe(1);
    expect(gate.outputs.verdict).toBe('fail');
    const body = standIn.comments.find((c) => c.issueNumber === 11)?.comment.body ?? '';
    expect(body).toContain('shard_missing');
    expect(body).toContain('candidate shard 3 of 4 is missing');
  });
});
