import { readFile, stat } from 'node:fs/promises';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import {
  type ArtifactGateInput,
  type DiagnosticsGateInput,
  type EvidenceGateInput,
  GATE_SCHEMAS,
  type PolicyInput,
  PolicySchema,
  type RegressionGateInput,
  type ThresholdGateInput,
  TopLevelSchema,
} from './config-schema.js';
import type {
  ConfigError,
  ConfigResult,
  Gate,
  GateConfig,
  GateKind,
  GatePolicy,
  MetricSelector,
  RequiredMetrics,
  SliceSelection,
} from './config-types.js';
import { didYouMean } from './did-you-mean.js';
import { parseMetricSelector } from './metric-selector.js';

export type * from './config-types.js';
export { metricDirection } from './metric-direction.js';
export { formatSelector, globMatch, matchesSelector, parseMetricSelector } from './metric-selector.js';

/** Where the action looks for a config when none is named. */
export const DEFAULT_CONFIG_PATH = '.github/contexta-gate.yml';
/** Config files are a few hundred bytes; anything this big is not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** GitHub labels hold at most 50 characters; `gate-waive:` takes 11 of them. */
const MAX_WAIVABLE_NAME = 50 - 'gate-waive:'.length;

type Path = (string | number)[];

function toPolicy(input: PolicyInput): GatePolicy {
  return {
    unknown: input.unknown,
    missingBaseline: input.missing_baseline,
    baselineDegraded: input.baseline_degraded,
    evidenceGaps: input.evidence_gaps,
    missingMetrics: input.missing_metrics,
    significance: input.significance,
    minSamples: input.min_samples,
    minEffect: input.min_effect,
    bootstrapResamples: input.bootstrap_resamples,
    seed: input.seed,
    directions: Object.entries(input.directions).map(([pattern, direction]) => ({ pattern, direction })),
    waivers: { labels: input.waivers.labels, trailers: input.waivers.trailers },
  };
}

/** The policy of a config that has no `policy` section. */
export const DEFAULT_POLICY: GatePolicy = toPolicy(PolicySchema.parse({}));

/**
 * Used when a repository has no config file: fail on error diagnostics, on error evidence gaps and
 * on metrics that disappear; only warn on regressions, because without a config we do not know which
 * metrics matter or how noisy they are.
 */
export const DEFAULT_CONFIG: GateConfig = {
  version: 1,
  policy: { ...DEFAULT_POLICY, missingMetrics: 'fail' },
  gates: [
    { kind: 'diagnostics', name: 'diagnostics', severity: 'fail', message: null, level: 'error' },
    {
      kind: 'regression',
      name: 'no significant regression',
      severity: 'warn',
      message: null,
      metrics: [{ stage: '*', key: '*' }],
      maxDrop: null,
      maxDropPct: 5,
      maxIncrease: null,
      maxIncreasePct: 5,
      direction: null,
      significance: DEFAULT_POLICY.significance,
      minSamples: DEFAULT_POLICY.minSamples,
      minEffect: DEFAULT_POLICY.minEffect,
      slices: { mode: 'none' },
      samples: null,
    },
  ],
};

export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `file:line:col: path: message`, the form editors and GitHub annotations understand. */
export function formatConfigError(error: ConfigError): string {
  const where = error.path === '' ? '' : `${error.path}: `;
  return `${error.source}:${error.line}:${error.col}: ${where}${error.message}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  return String(value);
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keys a zod object schema accepts at `path` (through optional/default wrappers). */
function keysAt(schema: z.ZodType, path: Path): string[] {
  const unwrap = (s: z.ZodType): z.ZodType => {
    let current = s;
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    }
    return current;
  };
  let current = unwrap(schema);
  for (const segment of path) {
    if (!(current instanceof z.ZodObject)) return [];
    const next = (current.shape as Record<string, z.ZodType>)[String(segment)];
    if (next === undefined) return [];
    current = unwrap(next);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Collects errors and warnings with positions taken from the YAML document. */
class Diagnostics {
  readonly errors: ConfigError[] = [];
  readonly warnings: ConfigError[] = [];

  private readonly source: string;
  private readonly doc: Document;
  private readonly lineCounter: LineCounter;

  constructor(source: string, doc: Document, lineCounter: LineCounter) {
    this.source = source;
    this.doc = doc;
    this.lineCounter = lineCounter;
  }

  /** The document as plain values, once it could be converted; messages quote from it. */
  data: unknown;

  error(path: Path, message: string, at: 'value' | 'key' = 'value'): void {
    this.errors.push(this.make(path, message, at));
  }

  warning(path: Path, message: string): void {
    this.warnings.push(this.make(path, message, 'value'));
  }

  errorAtOffset(offset: number, message: string, list: ConfigError[] = this.errors): void {
    const { line, col } = this.lineCounter.linePos(offset);
    list.push({ source: this.source, line, col, path: '', message });
  }

  /** "expected X, found Y" for the value at `path`, or "missing" when there is none. */
  expected(path: Path, expected: string, suggestions: readonly string[] = []): void {
    const value = valueAt(this.data, path);
    if (value === undefined) {
      this.error(path, `required key is missing; expected ${expected}`);
      return;
    }
    let message = `expected ${expected}, found ${describeValue(value)}`;
    if (typeof value === 'string' && suggestions.includes(value)) {
      message += ' (text; write it without quotes)';
    } else if (typeof value === 'string' && suggestions.length > 0) {
      const suggestion = didYouMean(value, suggestions);
      if (suggestion !== null) message += `; did you mean "${suggestion}"?`;
    }
    this.error(path, message);
  }

  unknownKey(path: Path, validKeys: readonly string[], note?: string): void {
    const key = String(path[path.length - 1]);
    const suggestion = didYouMean(key, validKeys);
    const hint =
      note ??
      (suggestion !== null ? `did you mean "${suggestion}"?` : `valid keys here: ${validKeys.join(', ')}`);
    this.error(path, `unknown key; ${hint}`, 'key');
  }

  /** Reports zod issues of a value validated at `base`; `keys` gives the valid keys of an object. */
  zodIssues(
    issues: readonly z.core.$ZodIssue[],
    base: Path,
    keys: (relative: Path) => string[],
    unknownKeyNote?: (key: string) => string | undefined,
  ): void {
    for (const issue of issues) {
      const relative = issue.path as Path;
      const path = [...base, ...relative];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.unknownKey([...path, key], keys(relative), unknownKeyNote?.(key));
      } else if (issue.code === 'invalid_union') {
        // A branch whose failures are not all "wrong type here" matched the value's shape; its
        // issues say precisely what is wrong (an item of a list, a bad selector).
        const matching = issue.errors.filter(
          (branch) =>
            !branch.every(
              (i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'),
            ),
        );
        if (matching.length === 1) {
          this.zodIssues(matching[0]!, path, () => []);
        } else {
          const literals = issue.errors.flatMap((branch) =>
            branch.flatMap((i) => (i.code === 'invalid_value' ? i.values.map(String) : [])),
          );
          this.expected(path, issue.message, literals);
        }
      } else if (issue.code === 'invalid_key') {
        const key = String(path[path.length - 1]);
        this.error(
          path,
          `expected ${issue.issues[0]?.message ?? 'a valid key'}, found key ${JSON.stringify(key)}`,
          'key',
        );
      } else if (issue.code === 'invalid_value') {
        this.expected(path, issue.message, issue.values.map(String));
      } else {
        this.expected(path, issue.message);
      }
    }
  }

  private make(path: Path, message: string, at: 'value' | 'key'): ConfigError {
    const offset = this.offsetOf(path, at);
    const { line, col } = this.lineCounter.linePos(offset);
    return { source: this.source, line, col, path: formatPath(path), message };
  }

  /** Start of the node at `path`; when the path runs out (a missing key), its closest ancestor. */
  private offsetOf(path: Path, at: 'value' | 'key'): number {
    const startOf = (node: unknown): number | undefined =>
      node !== null && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
        ? (node.range[0] as number)
        : undefined;
    let node: unknown = this.doc.contents;
    let offset = startOf(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment),
        );
        if (pair === undefined) break;
        const keyOffset = startOf(pair.key) ?? offset;
        if (at === 'key' && i === path.length - 1) return keyOffset;
        node = pair.value;
        offset = startOf(node) ?? keyOffset;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment];
        offset = startOf(node) ?? offset;
      } else {
        break;
      }
    }
    return offset;
  }
}

const THRESHOLD_KEYS = ['min', 'max'] as const;
const REGRESSION_KEYS = ['max_drop', 'max_drop_pct', 'max_increase', 'max_increase_pct'] as const;
const KIND_KEYS = ['metric', 'require_complete', 'diagnostics', 'artifact'] as const;
const GATE_KINDS = Object.keys(GATE_SCHEMAS) as GateKind[];
const ALL_GATE_KEYS = [...new Set(GATE_KINDS.flatMap((kind) => Object.keys(GATE_SCHEMAS[kind].shape)))];

const KIND_HELP =
  'metric with min/max (threshold gate), metric with max_drop, max_drop_pct, max_increase or ' +
  'max_increase_pct (regression gate), require_complete (evidence gate), diagnostics or artifact';

/** Decides the gate kind from its discriminating keys, reporting why when it cannot. */
function gateKind(raw: Record<string, unknown>, path: Path, out: Diagnostics): GateKind | null {
  const has = (key: string) => Object.hasOwn(raw, key);
  const present = KIND_KEYS.filter(has);
  if (present.length > 1) {
    out.error(
      [...path, present[1]!],
      `a gate has exactly one of ${KIND_KEYS.join(', ')}; this one also has ${present[0]} — split it into two gates`,
      'key',
    );
    return null;
  }
  const unknown = Object.keys(raw).filter((key) => !ALL_GATE_KEYS.includes(key));
  const kind = ((): GateKind | null => {
    if (present[0] === 'require_complete') return 'evidence';
    if (present[0] === 'diagnostics') return 'diagnostics';
    if (present[0] === 'artifact') return 'artifact';
    if (present[0] !== 'metric') return null;
    const threshold = THRESHOLD_KEYS.filter(has);
    const regression = REGRESSION_KEYS.filter(has);
    if (threshold.length > 0 && regression.length > 0) {
      out.error(
        [...path, regression[0]!],
        `a gate cannot mix threshold keys (${threshold.join(', ')}) with regression keys (${regression.join(', ')}); split it into two gates`,
        'key',
      );
      return null;
    }
    if (threshold.length > 0) return 'threshold';
    if (regression.length > 0) return 'regression';
    if (unknown.length === 0) {
      out.error(
        path,
        'a metric gate needs min and/or max (threshold gate) or one of max_drop, max_drop_pct, max_increase, max_increase_pct (regression gate)',
      );
    }
    return null;
  })();
  if (kind === null) {
    // A misspelt discriminating key is the likely cause; name it rather than the missing kind.
    for (const key of unknown) out.unknownKey([...path, key], ALL_GATE_KEYS);
    if (present.length === 0 && unknown.length === 0) {
      out.error(path, `cannot tell the gate kind; a gate needs one of: ${KIND_HELP}`);
    }
  }
  return kind;
}

function toSelectors(metric: string | string[]): MetricSelector[] {
  return (typeof metric === 'string' ? [metric] : metric).map(
    (text) => parseMetricSelector(text) as MetricSelector,
  );
}

function toSlices(slices: 'none' | 'all' | string[] | undefined): SliceSelection {
  if (slices === undefined || slices === 'none') return { mode: 'none' };
  if (slices === 'all') return { mode: 'all' };
  return { mode: 'list', slices };
}

function toRequiredMetrics(value: EvidenceGateInput['require_metrics']): RequiredMetrics {
  if (value === undefined || value === 'none') return { mode: 'none' };
  if (value === 'baseline') return { mode: 'baseline' };
  return { mode: 'list', metrics: toSelectors(value) };
}

function toGate(
  kind: GateKind,
  input: unknown,
  policy: GatePolicy,
  path: Path,
  out: Diagnostics,
): Gate | null {
  const common = (g: { name: string; severity: 'fail' | 'warn'; message?: string | undefined }) => ({
    name: g.name,
    severity: g.severity,
    message: g.message ?? null,
  });
  switch (kind) {
    case 'threshold': {
      const g = input as ThresholdGateInput;
      if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
        out.error([...path, 'max'], `max (${g.max}) is below min (${g.min}); no value could pass`);
        return null;
      }
      return {
        kind,
        ...common(g),
        metrics: toSelectors(g.metric),
        min: g.min ?? null,
        max: g.max ?? null,
        slices: toSlices(g.slices),
      };
    }
    case 'regression': {
      const g = input as RegressionGateInput;
      const significance =
        g.significance === true
          ? policy.significance
          : g.significance === false
            ? null
            : (g.significance ?? null);
      return {
        kind,
        ...common(g),
        metrics: toSelectors(g.metric),
        maxDrop: g.max_drop ?? null,
        maxDropPct: g.max_drop_pct ?? null,
        maxIncrease: g.max_increase ?? null,
        maxIncreasePct: g.max_increase_pct ?? null,
        direction: g.direction ?? null,
        significance,
        minSamples: g.min_samples ?? policy.minSamples,
        minEffect: g.min_effect ?? policy.minEffect,
        slices: toSlices(g.slices),
        samples: g.samples ?? null,
      };
    }
    case 'evidence': {
      const g = input as EvidenceGateInput;
      return {
        kind,
        ...common(g),
        requireComplete: g.require_complete,
        optionalStages: g.optional_stages ?? [],
        requireMetrics: toRequiredMetrics(g.require_metrics),
        degraded: g.degraded,
        partial: g.partial,
        statuses: g.statuses,
      };
    }
    case 'diagnostics': {
      const g = input as DiagnosticsGateInput;
      return { kind, ...common(g), level: g.diagnostics };
    }
    case 'artifact': {
      const g = input as ArtifactGateInput;
      if (g.max_growth_pct === undefined && g.max_growth_bytes === undefined) {
        out.error(path, 'an artifact gate needs max_growth_pct and/or max_growth_bytes');
        return null;
      }
      return {
        kind,
        ...common(g),
        artifact: g.artifact,
        maxGrowthPct: g.max_growth_pct ?? null,
        maxGrowthBytes: g.max_growth_bytes ?? null,
      };
    }
  }
}

function parseGate(raw: unknown, index: number, policy: GatePolicy, out: Diagnostics): Gate | null {
  const path: Path = ['gates', index];
  if (!isRecord(raw)) {
    out.expected(path, `a gate (a mapping with a name and one of: ${KIND_HELP})`);
    return null;
  }
  const kind = gateKind(raw, path, out);
  if (kind === null) return null;
  const schema = GATE_SCHEMAS[kind];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const ownKeys = Object.keys(schema.shape);
    out.zodIssues(
      parsed.error.issues,
      path,
      () => ownKeys,
      (key) => {
        const owner = GATE_KINDS.find((other) => Object.hasOwn(GATE_SCHEMAS[other].shape, key));
        return owner === undefined
          ? undefined
          : `"${key}" belongs to ${owner} gates, and this is a ${kind} gate`;
      },
    );
    return null;
  }
  return toGate(kind, parsed.data, policy, path, out);
}

function fail(out: Diagnostics): ConfigResult {
  const errors = [...out.errors].sort((a, b) => a.line - b.line || a.col - b.col);
  return { ok: false, errors };
}

/**
 * Parses and validates a gate config. Pure: `source` only labels the errors (a file name, or
 * `config-inline` for YAML given through an action input). Never throws; every problem comes back
 * as an error with its position.
 */
export function parseConfig(text: string, source: string): ConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const out = new Diagnostics(source, doc, lineCounter);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) out.errorAtOffset(error.pos[0], `YAML syntax error: ${error.message}`);
    return fail(out);
  }
  if (doc.contents === null) {
    out.errorAtOffset(
      0,
      'config is empty; write at least "version: 1" and "gates: []", or delete the file to use the default gates',
    );
    return fail(out);
  }
  try {
    out.data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    out.errorAtOffset(0, `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`);
    return fail(out);
  }
  const data = out.data;
  for (const warning of doc.warnings)
    out.errorAtOffset(warning.pos[0], `YAML: ${warning.message}`, out.warnings);

  const top = TopLevelSchema.safeParse(data);
  if (!top.success) out.zodIssues(top.error.issues, [], (relative) => keysAt(TopLevelSchema, relative));
  const policyInput = isRecord(data) ? PolicySchema.safeParse(data.policy ?? {}) : undefined;
  const policy = policyInput?.success ? toPolicy(policyInput.data) : DEFAULT_POLICY;

  const rawGates = isRecord(data) && Array.isArray(data.gates) ? data.gates : [];
  const gates: Gate[] = [];
  const firstByName = new Map<string, number>();
  rawGates.forEach((raw, index) => {
    const gate = parseGate(raw, index, policy, out);
    if (gate === null) return;
    const folded = gate.name.toLowerCase();
    const first = firstByName.get(folded);
    if (first !== undefined) {
      out.error(
        ['gates', index, 'name'],
        `duplicate gate name "${gate.name}" (also gates[${first}]); names must be unique, ignoring case, because waiver labels refer to them`,
      );
    } else {
      firstByName.set(folded, index);
    }
    if (policy.waivers.labels && gate.name.length > MAX_WAIVABLE_NAME) {
      out.warning(
        ['gates', index, 'name'],
        `longer than ${MAX_WAIVABLE_NAME} characters, so no "gate-waive:<name>" label can name it (GitHub labels hold 50)`,
      );
    }
    gates.push(gate);
  });
  if (top.success && rawGates.length === 0) {
    out.warning(['gates'], 'no gates: only the policy (evidence gaps, missing metrics) can fail the check');
  }

  if (out.errors.length > 0 || !top.success) return fail(out);
  return {
    ok: true,
    config: { version: 1, policy, gates },
    warnings: out.warnings.map(formatConfigError),
  };
}

/**
 * Reads a config file and parses it. With `optional`, a missing file means "no config": the default
 * gates, with a warning saying so.
 */
export async function loadConfigFile(
  path: string,
  options: { optional?: boolean } = {},
): Promise<ConfigResult> {
  const problem = (message: string): ConfigResult => ({
    ok: false,
    errors: [{ source: path, line: 1, col: 1, path: '', message }],
  });
  try {
    const info = await stat(path);
    if (!info.isFile()) return problem('not a file');
    if (info.size > MAX_CONFIG_BYTES)
      return problem(`config is ${info.size} bytes; a gate config is at most 1 MiB`);
    return parseConfig(await readFile(path, 'utf8'), path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.optional === true) {
      return {
        ok: true,
        config: DEFAULT_CONFIG,
        warnings: [`${path}: no config file; using the default gates`],
      };
    }
    if (code === 'ENOENT') return problem('config file not found');
    return problem(`cannot read the config: ${error instanceof Error ? error.message : String(error)}`);
  }
}
