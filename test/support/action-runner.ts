/**
 * Runs the action bundle built from the current src/ (`ACTION_BUNDLE`) the way a runner does: a separate `node` process with the
 * `INPUT_*`, `GITHUB_*`, `ACTIONS_*` and `RUNNER_*` environment, an event payload file, and the
 * `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files — against the local GitHub stand-in.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ACTION_BUNDLE } from './bundle.js';
import type { GitHubStandIn } from './github-stand-in.js';

const ACTION_INPUTS = parse(readFileSync('action.yml', 'utf8')).inputs as Record<
  string,
  { default?: string }
>;

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspaceDir: string;
}

export interface ActionInvocation {
  standIn: GitHubStandIn;
  runId: number;
  attempt?: number;
  eventName: string;
  payload: unknown;
  sha: string;
  ref: string;
  /** Copied to `<workspace>/.contexta` before the run. */
  evidence?: string;
  /** Written to `<workspace>/.github/contexta-gate.yml`. */
  localConfig?: string;
  /** Reuse a workspace directory of an earlier invocation (a re-run sees what the first attempt left). */
  workspaceDir?: string;
  /** RUNNER_TEMP at a given path (a hosted runner's is the same path in every job); made if missing. */
  runnerTemp?: string;
  /** Another copy of the action bundle (e.g. one with no node_modules above it). */
  bundle?: string;
  inputs?: Record<string, string>;
  token?: string;
  /** Overrides of the runner environment (e.g. a GHES server URL). */
  env?: Record<string, string>;
  /** Written to the event payload file as is, instead of `payload` as JSON (a broken payload). */
  rawPayload?: string;
}

const scratchDirs: string[] = [];

/** Removes every scratch directory the runs of this test file created. */
export function cleanupActionRuns(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

export async function runAction(call: ActionInvocation): Promise<ActionRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'cg-e2e-'));
  scratchDirs.push(scratch);
  const workspaceDir = call.workspaceDir ?? path.join(scratch, 'workspace');
  mkdirSync(workspaceDir, { recursive: true });
  if (call.evidence) cpSync(call.evidence, path.join(workspaceDir, '.contexta'), { recursive: true });
  if (call.localConfig !== undefined) {
    mkdirSync(path.join(workspaceDir, '.github'), { recursive: true });
    writeFileSync(path.join(workspaceDir, '.github', 'contexta-gate.yml'), call.localConfig);
  }
  const runnerTemp = call.runnerTemp ?? path.join(scratch, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  const eventPath = path.join(scratch, 'event.json');
  writeFileSync(eventPath, call.rawPayload ?? JSON.stringify(call.payload));
  const outputFile = path.join(scratch, 'output');
  const summaryFile = path.join(scratch, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ACTION_INPUTS)) inputs[name] = String(spec.default ?? '');
  inputs['github-token'] = call.token ?? call.standIn.token;
  Object.assign(inputs, call.inputs);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: call.standIn.fullName,
    GITHUB_REPOSITORY_OWNER: call.standIn.owner,
    GITHUB_EVENT_NAME: call.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: String(call.runId),
    GITHUB_RUN_ATTEMPT: String(call.attempt ?? 1),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_SHA: call.sha,
    GITHUB_REF: call.ref,
    GITHUB_WORKFLOW: 'ml',
    GITHUB_WORKFLOW_REF: `${call.standIn.fullName}/.github/workflows/ml.yml@${call.ref}`,
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: call.standIn.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspaceDir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    ACTIONS_RUNTIME_TOKEN: call.standIn.runtimeToken(call.runId, call.ref).token,
    ACTIONS_RESULTS_URL: `${call.standIn.url}/`,
    NO_PROXY: '127.0.0.1,localhost',
  };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  Object.assign(env, call.env);

  const child = spawn(process.execPath, [call.bundle ?? ACTION_BUNDLE], { cwd: workspaceDir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number>((resolve) => child.on('close', (exit) => resolve(exit ?? -1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    workspaceDir,
  };
}

export function pullRequestPayload(fields: {
  number: number;
  baseSha: string;
  headSha: string;
  headRef: string;
  repo: string;
  headRepo?: string;
  labels?: string[];
  author?: string;
}) {
  const repo = (fullName: string) => ({ full_name: fullName, fork: fullName !== fields.repo });
  return {
    action: 'synchronize',
    number: fields.number,
    pull_request: {
      number: fields.number,
      labels: (fields.labels ?? []).map((name) => ({ name })),
      base: { ref: 'main', sha: fields.baseSha, repo: repo(fields.repo) },
      head: { ref: fields.headRef, sha: fields.headSha, repo: repo(fields.headRepo ?? fields.repo) },
      user: { login: fields.author ?? 'contributor' },
    },
  };
}
