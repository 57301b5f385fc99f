/**
 * Baseline resolution against the stand-in when an artifact disappears between the listing and the
 * download (GitHub answers the zip request with 410): the next candidate run is used.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveBaseline } from '../../src/action/baseline.js';
import type { RunnerContext } from '../../src/action/context.js';
import { readSettings } from '../../src/action/settings.js';
import { GitHubClient } from '../../src/github/client.js';
import { faults, GitHubStandIn } from '../support/github-stand-in.js';
import { buildZip } from '../support/zip-writer.js';

const EVIDENCE = 'fixtures/scenarios/slice-regression/baseline/.contexta';
const sha = (n: number) => n.toString(16).padStart(40, 'b');

function evidenceZip(): Buffer {
  const files = readdirSync(EVIDENCE, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return buildZip(
    files.map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { name: path.relative(EVIDENCE, full), data: readFileSync(full), method: 'deflate' as const };
    }),
  );
}

let standIn: GitHubStandIn;
let github: GitHubClient;
let workDir: string;

beforeEach(async () => {
  standIn = await GitHubStandIn.start();
  github = new GitHubClient({
    token: standIn.token,
    apiUrl: standIn.url,
    owner: standIn.owner,
    repo: standIn.repo,
    retry: { retries: 0 },
  });
  workDir = mkdtempSync(path.join(tmpdir(), 'cg-baseline-'));
});

afterEach(async () => {
  await standIn.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('resolveBaseline', () => {
  it('moves on to the next candidate run when the newest one’s artifact answers 410 on download', async () => {
    const ml = standIn.addWorkflow('.github/workflows/ml.yml', 'ml');
    standIn.addCommits([{ sha: sha(1) }, { sha: sha(2) }, { sha: sha(3) }]);
    standIn.setBranch('main', sha(3));
    const zip = evidenceZip();
    const older = standIn.addRun({ workflowId: ml, headSha: sha(1), createdAt: '2026-11-01T00:00:00Z' });
    const newer = standIn.addRun({ workflowId: ml, headSha: sha(2), createdAt: '2026-11-02T00:00:00Z' });
    standIn.addArtifact(Number(older.id), { name: 'contexta-evidence', content: zip });
    standIn.addArtifact(Number(newer.id), { name: 'contexta-evidence', content: zip });
    standIn.inject(
      'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip',
      faults.status(410, 'Artifact has expired'),
    );
    const ctx = {
      owner: standIn.owner,
      repo: standIn.repo,
      runId: 9_999,
      runAttempt: 1,
      sha: sha(3),
      ref: 'refs/heads/main',
      eventName: 'push',
      workflowFile: 'ml.yml',
      isGhes: false,
      pullRequest: null,
      mergeGroup: null,
    } as unknown as RunnerContext;
    const settings = readSettings(() => '');
    const baseline = await resolveBaseline({ settings, ctx, github, workDir, read: {} });
    expect(baseline.runId).toBe(Number(older.id));
    expect(baseline.evidence).not.toBeNull();
    expect(baseline.skipped).toContain(`run ${newer.id}'s artifact expired between listing and download`);
  });
});
