import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGhesUrl, readRunnerContext } from '../../src/action/context.js';

function env(eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-ctx-'));
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  return {
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: '77',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_WORKSPACE: dir,
    GITHUB_WORKFLOW_REF: 'acme/models/.github/workflows/ml.yml@refs/pull/5/merge',
    ...extra,
  };
}

const pr = (headRepo: string) => ({
  pull_request: {
    number: 5,
    labels: [{ name: 'gate-waive:latency budget' }],
    base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'acme/models' } },
    head: { ref: 'main', sha: 'c'.repeat(40), repo: { full_name: headRepo } },
    user: { login: 'octo' },
  },
});

describe('readRunnerContext', () => {
  it('reads a same-repository pull request', () => {
    const ctx = readRunnerContext(env('pull_request', pr('acme/models')));
    expect(ctx.pullRequest).toEqual({
      number: 5,
      baseRef: 'main',
      baseSha: 'b'.repeat(40),
      headSha: 'c'.repeat(40),
      headRepo: 'acme/models',
      fromFork: false,
      labels: ['gate-waive:latency budget'],
      author: 'octo',
    });
    expect(ctx.workflowFile).toBe('ml.yml');
    expect(ctx.isGhes).toBe(false);
    expect(ctx.runUrl).toBe('https://github.com/acme/models/actions/runs/77');
  });

  it('marks a pull request from a fork, even when its branch is called main', () => {
    expect(readRunnerContext(env('pull_request', pr('mallory/models'))).pullRequest?.fromFork).toBe(true);
  });

  it('reads the merge queue target and PR number from a merge_group event', () => {
    const ctx = readRunnerContext(
      env('merge_group', {
        merge_group: {
          head_sha: 'd'.repeat(40),
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-12-abc',
          base_sha: 'e'.repeat(40),
          base_ref: 'refs/heads/main',
        },
      }),
    );
    expect(ctx.mergeGroup).toEqual({
      baseRef: 'main',
      baseSha: 'e'.repeat(40),
      headSha: 'd'.repeat(40),
      prNumber: 12,
    });
  });

  it('names the missing payload field', () => {
    expect(() => readRunnerContext(env('pull_request', { pull_request: { number: 5 } }))).toThrow(
      /missing 'pull_request\.base'/,
    );
  });

  it('refuses to run outside a job', () => {
    expect(() => readRunnerContext({})).toThrow(/GITHUB_REPOSITORY is not set/);
  });
});

describe('isGhesUrl', () => {
  it.each([
    ['https://github.com', false],
    ['https://acme.ghe.com', false],
    ['http://stand-in.localhost:8080', false],
    ['https://github.acme.internal', true],
    ['http://127.0.0.1:3000', true],
  ])('%s → %s', (url, expected) => {
    expect(isGhesUrl(url)).toBe(expected);
  });
});
