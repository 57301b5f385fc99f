/** Which runs write history, and what the note says when the chain starts, continues or breaks. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolvedBaseline } from '../../src/action/baseline.js';
import { readRunnerContext } from '../../src/action/context.js';
import { historyToJudge, writeRunHistory, writesHistory } from '../../src/action/history.js';
import { parseHistory } from '../../src/history/store.js';
import { openEvidence } from '../../src/sources/open.js';
import { removeTempDirs, tempDir } from '../support/evidence.js';
import { workspaceWithAccuracy } from '../support/history-runs.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  removeTempDirs();
});

function context(eventName: string, payload: unknown, ref: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-history-ctx-'));
  dirs.push(dir);
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const ctx = readRunnerContext({
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: '77',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: ref,
    GITHUB_WORKSPACE: dir,
  });
  return { ctx, eventPath };
}

const pushPayload = (fork: boolean) => ({
  ref: 'refs/heads/main',
  repository: { full_name: 'acme/models', default_branch: 'main', fork },
});

describe('writesHistory', () => {
  it('is true only for a push to the default branch of a repository that is not a fork', () => {
    const main = context('push', pushPayload(false), 'refs/heads/main');
    expect(writesHistory(main.ctx, main.eventPath)).toBe(true);
    const other = context('push', pushPayload(false), 'refs/heads/release');
    expect(writesHistory(other.ctx, other.eventPath)).toBe(false);
    const fork = context('push', pushPayload(true), 'refs/heads/main');
    expect(writesHistory(fork.ctx, fork.eventPath)).toBe(false);
    const noRepository = context('push', { ref: 'refs/heads/main' }, 'refs/heads/main');
    expect(writesHistory(noRepository.ctx, noRepository.eventPath)).toBe(false);
    const pr = context(
      'pull_request',
      {
        pull_request: {
          number: 5,
          labels: [],
          base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/models' } },
          head: { ref: 'x', sha: 'c'.repeat(40), repo: { full_name: 'acme/models' } },
          user: { login: 'octo' },
        },
        repository: { default_branch: 'main' },
      },
      'refs/heads/main',
    );
    expect(writesHistory(pr.ctx, pr.eventPath)).toBe(false);
  });
});

describe('writeRunHistory', () => {
  const baseline = (over: Partial<ResolvedBaseline>): ResolvedBaseline => ({
    evidence: null,
    source: 'none',
    runId: null,
    runUrl: null,
    sha: null,
    branch: null,
    age: null,
    deploymentId: null,
    description: "No baseline: artifact 'contexta-evidence' (12) has expired: it can no longer be downloaded",
    skipped: [],
    history: null,
    ...over,
  });

  it('restarts a broken chain with this run and says why, then continues it', async () => {
    const { ctx } = context('push', pushPayload(false), 'refs/heads/main');
    const workspace = workspaceWithAccuracy(tempDir(), 0.9);
    const candidate = await openEvidence(workspace, { ledger: null });
    const first = await writeRunHistory(
      workspace,
      ctx,
      baseline({}),
      candidate,
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(first.note).toBe(
      "history restarted with this run: no earlier history could be fetched (No baseline: artifact 'contexta-evidence' (12) has expired: it can no longer be downloaded) (1 record of 1 project)",
    );
    const written = parseHistory(readFileSync(first.file, 'utf8'));
    expect(written.records.map((r) => [r.runId, r.commit])).toEqual([[77, 'a'.repeat(40)]]);

    const withoutFile = await writeRunHistory(
      workspace,
      ctx,
      baseline({ evidence: candidate }),
      candidate,
      new Date(),
    );
    expect(withoutFile.note).toContain(
      'history restarted with this run: the baseline artifact holds no history.jsonl',
    );

    const earlier = { records: [{ ...written.records[0]!, runId: 70, project: 'other-project' }], gaps: [] };
    const continued = await writeRunHistory(
      workspace,
      ctx,
      baseline({ evidence: candidate, history: earlier }),
      candidate,
      new Date(),
    );
    expect(continued.note).toBe(
      'history: this run appended to history.jsonl (2 records of 2 projects, the last 100 runs per project kept)',
    );
    expect(historyToJudge(baseline({ history: earlier }), 'tabular-improves')).toEqual([]);
    expect(historyToJudge(baseline({ history: earlier }), null)).toHaveLength(1);
    expect(historyToJudge(baseline({}), null)).toBeNull();
  });
});
