/**
 * Turns the action's raw inputs into one typed `Settings` value, once, with messages that name the
 * input, what was expected and what was found. Everything after this works on `Settings` only.
 */
import { z } from 'zod';
import { DEFAULT_READ_OPTIONS } from '../contexta/read.js';

export const BaselineSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('run'), runId: z.number().int().positive() }),
  z.object({ kind: z.literal('artifact'), name: z.string().min(1) }),
  z.object({ kind: z.literal('deployment'), environment: z.string().min(1) }),
  z.object({ kind: z.literal('path'), path: z.string().min(1) }),
]);
export type BaselineSpec = z.infer<typeof BaselineSpec>;

export type Mode = 'gate' | 'promote' | 'publish' | 'collect';
export type CommentWhen = 'always' | 'on-change' | 'on-failure' | 'off';
export type FailOn = 'fail' | 'warn' | 'never';

export interface Settings {
  mode: Mode;
  workspace: string;
  configPath: string;
  configInline: string | null;
  allowPrConfig: boolean;
  baseline: BaselineSpec;
  artifactName: string;
  retentionDays: number | null;
  token: string;
  comment: CommentWhen;
  commentAs: 'comment' | 'review';
  /** The login we post as: a comment or review is ours only when this account wrote it. */
  commentAuthor: string;
  /** `mode: publish`: file name of the workflow whose runs produce trusted evidence (`ml.yml`). */
  workflow: string | null;
  failOn: FailOn;
  project: string | null;
  run: string | null;
  maxBaselineRuns: number;
  upload: boolean;
  environment: string | null;
  force: boolean;
  /** Reader limits for untrusted workspaces; null = the reader's defaults. */
  maxLineBytes: number | null;
  maxJsonDepth: number | null;
  /** `mode: collect`: the shard this job uploads (1-based). */
  shard: { index: number; of: number } | null;
  /** The gate job of a matrix: how many shard artifacts make the candidate (and baseline) run. */
  shards: number | null;
  /** Cap on the threads that parse evidence (`max-workers`); null: one per core available. */
  maxWorkers: number | null;
}

/** More parse threads than any runner has cores gain nothing. */
const MAX_WORKERS = 256;
/** Most shards of one run: more jobs than one matrix may have (256). */
export const MAX_SHARDS = 256;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}

/**
 * Every input the reader reads, with the default that applies when it is empty: the same values
 * `action.yml` declares (test/action/action-yml.test.ts checks both ways). `github-token` has no
 * fallback here: its default is an expression the runner evaluates. The reader limits stay null when
 * empty (the evidence reader's own defaults, which are these values, apply).
 */
export const INPUT_DEFAULTS = {
  mode: 'gate',
  workspace: '.contexta',
  config: '.github/contexta-gate.yml',
  'config-inline': '',
  'allow-pr-config': 'false',
  baseline: 'auto',
  'artifact-name': 'contexta-evidence',
  'retention-days': '',
  upload: 'true',
  shard: '',
  shards: '',
  'max-workers': '',
  'max-baseline-runs': '20',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, evaluated by the runner
  'github-token': '${{ github.token }}',
  comment: 'always',
  'comment-as': 'comment',
  'comment-author': 'github-actions[bot]',
  workflow: '',
  'fail-on': 'fail',
  project: '',
  run: '',
  environment: '',
  force: 'false',
  'max-line-bytes': String(DEFAULT_READ_OPTIONS.maxLineBytes),
  'max-json-depth': String(DEFAULT_READ_OPTIONS.maxDepth),
} as const;
export type InputName = keyof typeof INPUT_DEFAULTS;

type InputReader = (name: InputName) => string;
const D = INPUT_DEFAULTS;

function oneOf<T extends string>(
  problems: string[],
  name: string,
  raw: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`Invalid input '${name}': expected one of ${allowed.join(', ')}, found '${raw}'.`);
  return fallback;
}

function bool(problems: string[], name: InputName, raw: string): boolean {
  const value = raw === '' ? INPUT_DEFAULTS[name] : raw;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  problems.push(`Invalid input '${name}': expected true or false, found '${raw}'.`);
  return false;
}

function positiveInt(problems: string[], name: string, raw: string, max: number): number | null {
  if (raw === '') return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    problems.push(`Invalid input '${name}': expected a whole number from 1 to ${max}, found '${raw}'.`);
    return null;
  }
  return value;
}

export function parseBaselineSpec(raw: string): BaselineSpec | string {
  const text = raw.trim();
  if (text === '' || text === 'auto') return { kind: 'auto' };
  if (text === 'none') return { kind: 'none' };
  const match = /^(run|artifact|deployment|path):(.*)$/.exec(text);
  if (match) {
    const [, kind, rest] = match as unknown as [string, string, string];
    const value = rest.trim();
    if (value === '') return `'${kind}:' needs a value after the colon`;
    if (kind === 'run') {
      const id = Number(value);
      if (!Number.isSafeInteger(id) || id < 1) return `'run:' expects a workflow run id, found '${value}'`;
      return { kind: 'run', runId: id };
    }
    if (kind === 'artifact') return { kind: 'artifact', name: value };
    if (kind === 'deployment') return { kind: 'deployment', environment: value };
    return { kind: 'path', path: value };
  }
  // A bare value that looks like a path is the documented shorthand for `path:`.
  if (/^[./~]|[\\/]/.test(text)) return { kind: 'path', path: text };
  return `expected auto, none, run:<id>, artifact:<name>, deployment:<environment> or a path, found '${text}'`;
}

function parseShard(problems: string[], raw: string): Settings['shard'] {
  const text = raw.trim();
  if (text === '') return null;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  const index = match ? Number(match[1]) : Number.NaN;
  const of = match ? Number(match[2]) : Number.NaN;
  if (!match || index < 1 || of < 1 || index > of || of > MAX_SHARDS) {
    problems.push(
      `Invalid input 'shard': expected <i>/<n> with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. 2/4), found '${raw}'.`,
    );
    return null;
  }
  return { index, of };
}

export function readSettings(getInput: InputReader): Settings {
  const problems: string[] = [];
  const mode = oneOf<Mode>(
    problems,
    'mode',
    getInput('mode'),
    ['gate', 'promote', 'publish', 'collect'],
    D.mode,
  );

  const baselineRaw = getInput('baseline') || D.baseline;
  const parsedBaseline = parseBaselineSpec(baselineRaw);
  let baseline: BaselineSpec = { kind: 'auto' };
  if (typeof parsedBaseline === 'string') problems.push(`Invalid input 'baseline': ${parsedBaseline}.`);
  else baseline = parsedBaseline;

  const artifactName = getInput('artifact-name') || D['artifact-name'];
  if (/["':<>|*?\r\n\\/]/.test(artifactName)) {
    problems.push(
      `Invalid input 'artifact-name': artifact names may not contain " : < > | * ? \\ / or line breaks, found '${artifactName}'.`,
    );
  }

  const project = getInput('project') || null;
  // Per-project steps of one run (a matrix) must not overwrite each other's artifact, and each
  // project's baseline must be found under its own name.
  const projectArtifactName = project
    ? `${artifactName}-${project.replace(/["':<>|*?\r\n\\/\s]+/g, '-')}`
    : artifactName;

  const environment = getInput('environment') || null;
  if (mode === 'promote' && environment === null) {
    problems.push("Input 'environment' is required when mode is 'promote' (e.g. environment: production).");
  }

  const workflow = (getInput('workflow') || '').trim().replace(/^\.github\/workflows\//, '') || null;
  if (mode === 'publish' && workflow === null) {
    problems.push(
      "Input 'workflow' is required when mode is 'publish': the file name of the pull_request workflow whose evidence is trusted (e.g. workflow: ml.yml).",
    );
  } else if (workflow !== null && !/^[\w.-]+\.ya?ml$/.test(workflow)) {
    problems.push(
      `Invalid input 'workflow': expected a workflow file name under .github/workflows (e.g. ml.yml), found '${workflow}'.`,
    );
  }
  const shard = parseShard(problems, getInput('shard'));
  if (mode === 'collect' && shard === null && !problems.some((p) => p.includes("'shard'"))) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Actions expression a user writes
    problems.push("Input 'shard' is required when mode is 'collect' (e.g. shard: ${{ matrix.shard }}/4).");
  }
  const shards = positiveInt(problems, 'shards', getInput('shards'), MAX_SHARDS);
  const maxWorkers = positiveInt(problems, 'max-workers', getInput('max-workers'), MAX_WORKERS);

  const token = getInput('github-token');
  const settings: Settings = {
    mode,
    workspace: getInput('workspace') || D.workspace,
    configPath: getInput('config') || D.config,
    configInline: getInput('config-inline') || null,
    allowPrConfig: bool(problems, 'allow-pr-config', getInput('allow-pr-config')),
    baseline,
    artifactName: projectArtifactName,
    retentionDays: positiveInt(problems, 'retention-days', getInput('retention-days'), 400),
    token,
    comment: oneOf<CommentWhen>(
      problems,
      'comment',
      getInput('comment'),
      ['always', 'on-change', 'on-failure', 'off'],
      D.comment,
    ),
    commentAs: oneOf(
      problems,
      'comment-as',
      getInput('comment-as'),
      ['comment', 'review'] as const,
      D['comment-as'],
    ),
    commentAuthor: (getInput('comment-author') || D['comment-author']).trim(),
    workflow,
    failOn: oneOf<FailOn>(problems, 'fail-on', getInput('fail-on'), ['fail', 'warn', 'never'], D['fail-on']),
    project,
    run: getInput('run') || null,
    maxBaselineRuns:
      positiveInt(problems, 'max-baseline-runs', getInput('max-baseline-runs'), 100) ??
      Number(D['max-baseline-runs']),
    upload: bool(problems, 'upload', getInput('upload')),
    environment,
    force: bool(problems, 'force', getInput('force')),
    maxLineBytes: positiveInt(problems, 'max-line-bytes', getInput('max-line-bytes'), 2 ** 31 - 1),
    maxJsonDepth: positiveInt(problems, 'max-json-depth', getInput('max-json-depth'), 10_000),
    shard,
    shards,
    maxWorkers,
  };
  if (problems.length > 0) throw new SettingsError(problems);
  return settings;
}
