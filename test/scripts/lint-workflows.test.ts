/**
 * The workflow linter must catch a broken workflow: a linter that silently passes everything would
 * leave `.ci/run` green while the README's examples or our own workflows are wrong.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  lintWorkflows,
  policyProblems,
  readmeWorkflows,
} from '../../scripts/lint-workflows.mjs';

const GOOD = `name: good
on: [push]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./
        id: gate
      - run: test "\${{ steps.gate.outputs.verdict }}" = pass
`;

// An unknown context property, an unknown runner key and a job without a runner.
const BAD = `name: bad
on: [push]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.no_such_property }}"
  broken:
    steps:
      - run: echo hi
`;

const script = path.resolve('scripts/lint-workflows.mjs');

describe('scripts/lint-workflows.mjs', () => {
  it('passes a valid workflow', async () => {
    expect(await lintWorkflows([{ file: 'good.yml', firstLine: 1, text: GOOD }])).toEqual([]);
  });

  it('reports the file and line of each actionlint problem', async () => {
    const problems = await lintWorkflows([{ file: 'bad.yml', firstLine: 1, text: BAD }]);
    const lines = problems.map(formatProblem);
    expect(
      lines.some((line) => /^bad\.yml:9:\d+: .*no_such_property/.test(line)),
      lines.join('\n'),
    ).toBe(true);
    expect(
      lines.some((line) => /^bad\.yml:1[01]:\d+: .*runs-on/.test(line)),
      lines.join('\n'),
    ).toBe(true);
  });

  it('requires pinned actions and explicit permissions', () => {
    const text = `on: [push]
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@main
      - uses: actions/setup-python@v5
      - uses: some/action@0123456789abcdef0123456789abcdef01234567
  b:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - uses: other/action
`;
    const problems = policyProblems(text);
    expect(problems.map((p) => `${p.line}:${p.kind}`).sort()).toEqual([
      '11:permissions',
      '13:pinning',
      '3:permissions',
      '6:pinning',
    ]);
  });

  it('finds the workflow examples of a README and counts lines in the README', async () => {
    const readme = [
      '# title',
      '',
      '```yaml',
      'version: 1',
      'gates: []',
      '```',
      '',
      '```yaml',
      BAD.trimEnd(),
      '```',
    ].join('\n');
    const blocks = readmeWorkflows(readme);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.firstLine).toBe(9);
    const problems = await lintWorkflows(blocks);
    expect(problems.some((p) => p.file === 'README.md' && p.line === 17)).toBe(true);
  });

  it('fails as a command on a repository with a broken workflow, and on one with none', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lint-workflows-'));
    writeFileSync(path.join(root, 'README.md'), '# nothing here\n');
    expect(() => execFileSync(process.execPath, [script, root], { stdio: 'pipe' })).toThrow();

    mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
    writeFileSync(path.join(root, '.github', 'workflows', 'bad.yml'), BAD);
    let stderr = '';
    try {
      execFileSync(process.execPath, [script, root], { stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toMatch(/^\.github\/workflows\/bad\.yml:9:\d+: /m);

    writeFileSync(path.join(root, '.github', 'workflows', 'bad.yml'), GOOD);
    expect(() => execFileSync(process.execPath, [script, root], { stdio: 'pipe' })).not.toThrow();
  });

  it("passes on this repository's workflows and README examples", () => {
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(out).toMatch(/, 0 problems$/m);
  });
});
