import { readFile, stat } from 'node:fs/promises';
import { type Alias, type Document, LineCounter, parseDocument, visit } from 'yaml';
import { ConfigDiagnostics, formatConfigError, keysAt, type Path } from './config-diagnostics.js';
import {
  type ArtifactGateInput,
  type DiagnosticsGateInput,
  type EvidenceGateInput,
  GATE_SCHEMAS,
  type PolicyInput,
  PolicySchema,
  REGRESSION_LIMITS,
  type RegressionGateInput,
  THRESHOLD_LIMITS,
  type ThresholdGateInput,
  TopLevelSchema,
} from './config-schema.js';
import type {
  ConfigResult,
  Gate,
  GateConfig,
  GateKind,
  GatePolicy,
  MetricSelector,
  RegressionGate,
  RequiredMetrics,
  SliceSelection,
} from './config-types.js';
import { parseMetricSelector } from './metric-selector.js';

export { formatConfigError } from './config-diagnostics.js';
export type * from './config-types.js';

/** Where the action looks for a config when none is named. */
export const DEFAULT_CONFIG_PATH = '.github/contexta-gate.yml';
/** Config files are a few hundred bytes; anything this big is not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** GitHub labels hold at most 50 characters; `gate-waive:` takes 11 of them. */
const MAX_WAIVABLE_NAME = 50 - 'gate-waive:'.length;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function toPolicy(input: PolicyInput): GatePolicy {
  return {
    unknown: input.unknown,
    missingBaseline: input.missing_baseline,
    baselineDegraded: input.baseline_degraded,
    evidenceGaps: input.evidence_gaps,
    missingMetrics: input.missing_metrics,
    unmatched: input.unmatched,
    significance: input.significance,
    binaryTest: input.binary_test,
    minPairs: input.min_pairs,
    minSamples: input.min_samples,
    minEffect: input.min_effect,
    bootstrapResamples: input.bootstrap_resamples,
    seed: input.seed,
    directions: Object.entries(input.directions).map(([pattern, direction]) => ({ pattern, direction })),
    waivers: { labels: input.waivers.labels, trailers: input.waivers.trailers, self: input.waivers.self },
    history: input.history,
  };
}

/** The policy of a config that has no `policy` section. */
const DEFAULT_POLICY: GatePolicy = toPolicy(PolicySchema.parse({}));

/**
 * The headline quality metrics of the evaluate stage: the built-in higher-is-better words (direction.ts),
 * as key globs so `macro-f1` or `val-accuracy` count and a run without one of them is not "missing".
 */
export const HEADLINE_METRICS = ['accuracy', 'f1', 'auc', 'precision', 'recall', 'exact-match', 'pass'];

/**
 * The built-in noise-aware slice check: a significant drop of a headline metric, overall or in any slice,
 * fails the check. Significant means one-sided at policy.significance after Holm's adjustment over every
 * row the run's fail gates test (gates/family.ts), so pure noise fails at most about alpha of PRs
 * however many slices and gates there are; drops
 * under 2 points never fail (a practical floor, so a huge eval set does not fail on a trivial drop).
 */
export const HEADLINE_SLICE_GATE: RegressionGate = {
  kind: 'regression',
  name: 'no significant headline drop in any slice',
  severity: 'fail',
  message: null,
  metrics: HEADLINE_METRICS.map((word) => ({ stage: 'evaluate', key: `*${word}` })),
  maxDrop: 0.02,
  maxDropPct: null,
  maxIncrease: null,
  maxIncreasePct: null,
  maxDrift: null,
  maxDriftPct: null,
  history: DEFAULT_POLICY.history,
  direction: null,
  significance: DEFAULT_POLICY.significance,
  minSamples: DEFAULT_POLICY.minSamples,
  minEffect: DEFAULT_POLICY.minEffect,
  slices: { mode: 'all' },
  samples: null,
};

/**
 * Used when a repository has no config file: fail on error diagnostics, on error evidence gaps and
 * on metrics that disappear or become non-finite (`missingMetrics: 'fail'` overrides the warn-only
 * regression gate for those, see `evaluate.ts`); only warn on regressions, because without a config we do not know which
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
      maxDrift: null,
      maxDriftPct: null,
      history: DEFAULT_POLICY.history,
    },
    HEADLINE_SLICE_GATE,
  ],
};

const KIND_KEYS = ['metric', 'require_complete', 'diagnostics', 'artifact'] as const;
const GATE_KINDS = Object.keys(GATE_SCHEMAS) as GateKind[];
const ALL_GATE_KEYS = [...new Set(GATE_KINDS.flatMap((kind) => Object.keys(GATE_SCHEMAS[kind].shape)))];

const KIND_HELP =
  'metric with min/max (threshold gate), metric with max_drop, max_drop_pct, max_increase, ' +
  'max_increase_pct, max_drift or max_drift_pct (regression gate), require_complete (evidence gate), diagnostics or artifact';

/** Decides the gate kind from its discriminating keys, reporting why when it cannot. */
function gateKind(raw: Record<string, unknown>, path: Path, out: ConfigDiagnostics): GateKind | null {
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
    const threshold = THRESHOLD_LIMITS.filter(has);
    const regression = REGRESSION_LIMITS.filter(has);
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
        'a metric gate needs min and/or max (threshold gate) or one of max_drop, max_drop_pct, max_increase, max_increase_pct, max_drift, max_drift_pct (regression gate)',
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
  out: ConfigDiagnostics,
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
      // Noise-aware by default: no key (or `true`) means policy.significance; only `false` opts out.
      const significance =
        g.significance === false
          ? null
          : g.significance === true || g.significance === undefined
            ? policy.significance
            : g.significance;
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
        maxDrift: g.max_drift ?? null,
        maxDriftPct: g.max_drift_pct ?? null,
        history: g.history ?? policy.history,
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

function parseGate(raw: unknown, index: number, policy: GatePolicy, out: ConfigDiagnostics): Gate | null {
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

// Aliases without an anchor before them. The usual cause is an unquoted selector starting with a
// star (any stage), which YAML reads as an alias; `toJS` would only say "Unresolved alias".

function danglingAliases(doc: Document): Alias[] {
  const anchors = new Set<string>();
  const dangling: Alias[] = [];
  visit(doc, {
    Node(_, node) {
      if (node.anchor !== undefined) anchors.add(node.anchor);
    },
    Alias(_, alias) {
      if (!anchors.has(alias.source)) dangling.push(alias);
    },
  });
  return dangling;
}

function fail(out: ConfigDiagnostics): ConfigResult {
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
  const out = new ConfigDiagnostics(source, doc, lineCounter);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const message =
        error.code === 'MULTIPLE_DOCS'
          ? 'the config holds more than one YAML document (a second "---"); keep one'
          : error.message;
      out.errorAtOffset(error.pos[0], `YAML syntax error: ${message}`);
    }
    return fail(out);
  }
  const dangling = danglingAliases(doc);
  if (dangling.length > 0) {
    for (const alias of dangling) {
      out.errorAtOffset(
        alias.range?.[0] ?? 0,
        `YAML: *${alias.source} is read as an alias, but no &${alias.source} anchor comes before it; ` +
          `quote values that start with "*", e.g. "*${alias.source}"`,
      );
    }
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
