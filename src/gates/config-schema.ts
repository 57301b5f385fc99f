import { z } from 'zod';
import { parseMetricSelector } from './metric-selector.js';

/**
 * Zod schemas of the config file as written (snake_case). Every error message is the "expected"
 * phrase of its place; `config.ts` turns an issue into "expected <message>, found <value>" and adds
 * the position. Cross-field rules (gate kind, min ≤ max, unique names) live in `config.ts`, where the
 * YAML positions are at hand.
 */

const expected = (what: string) => ({ error: what });

/** The keys that make a `metric` gate a threshold gate or a regression gate. */
export const THRESHOLD_LIMITS = ['min', 'max'] as const;
export const REGRESSION_LIMITS = [
  'max_drop',
  'max_drop_pct',
  'max_increase',
  'max_increase_pct',
  'max_drift',
  'max_drift_pct',
] as const;

const nonNegative = (description: string) =>
  z.number(expected('a number ≥ 0')).min(0, expected('a number ≥ 0')).describe(description);
const positiveInt = (description: string) =>
  z.int(expected('a whole number ≥ 1')).min(1, expected('a whole number ≥ 1')).describe(description);
const historyWindow = (description: string) =>
  z
    .int(expected('a whole number from 2 to 100'))
    .min(2, expected('a whole number from 2 to 100'))
    .max(100, expected('a whole number from 2 to 100'))
    .describe(description);
const alpha = z
  .number(expected('a number in (0, 0.5]'))
  .gt(0, expected('a number in (0, 0.5]'))
  .lte(0.5, expected('a number in (0, 0.5]'));

const metricSelector = z
  .string(expected('a metric selector "<stage>/<metric key>"'))
  .superRefine((text, ctx) => {
    const parsed = parseMetricSelector(text);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  // For editors only; validation gives the precise reason through parseMetricSelector.
  .meta({ pattern: '^[A-Za-z0-9_*-]+/[^\\s/]+$' });
const metricSelectors = z.union(
  [
    metricSelector,
    z
      .array(metricSelector, expected('a list of metric selectors'))
      .min(1, expected('a non-empty list of metric selectors')),
  ],
  expected('a metric selector "<stage>/<metric key>" or a list of them'),
);

const stageName = z
  .string(expected('a stage name'))
  .regex(/^[A-Za-z0-9_-]+$/, expected('a stage name of letters, digits, "-" or "_"'));

const outcome = z.enum(['pass', 'warn', 'fail'], expected('one of pass, warn, fail'));
const unknownOutcome = z.enum(
  ['unknown', 'pass', 'warn', 'fail'],
  expected('one of unknown, pass, warn, fail'),
);
const gapAction = z.enum(['fail', 'warn', 'ignore'], expected('one of fail, warn, ignore'));
const direction = z.enum(['higher', 'lower'], expected('one of higher, lower'));

const slices = z
  .union(
    [
      z.literal('none'),
      z.literal('all'),
      z
        .array(
          z.string(expected('a slice name')).min(1, expected('a slice name')),
          expected('a list of slice names'),
        )
        .min(1, expected('a non-empty list of slice names')),
    ],
    expected('none, all or a list of slice names'),
  )
  .describe(
    'Which series are judged: none (the overall series only, default), all (the overall series and every slice), or a list of slice names.',
  );

const WaiversSchema = z.strictObject(
  {
    labels: z
      .boolean(expected('true or false'))
      .default(true)
      .describe('Accept `gate-waive:<gate name>` PR labels (the action decides whose labels count).'),
    trailers: z
      .boolean(expected('true or false'))
      .default(true)
      .describe('Accept `Gate-Waive: <metric>[@<slice>]: <reason>` commit trailers.'),
    self: z
      .boolean(expected('true or false'))
      .default(false)
      .describe("Let the pull request's author waive their own pull request's gates (label or trailer)."),
  },
  expected('a mapping with labels, trailers and self'),
);

export const PolicySchema = z
  .strictObject(
    {
      unknown: outcome.default('warn').describe('What an `unknown` verdict means for the job.'),
      missing_baseline: unknownOutcome.default('unknown').describe('Verdict when no baseline run was found.'),
      baseline_degraded: unknownOutcome
        .default('unknown')
        .describe('Verdict when the baseline has error-severity evidence gaps or degraded evidence.'),
      evidence_gaps: gapAction.default('fail').describe('Error-severity evidence gaps in the candidate.'),
      missing_metrics: gapAction
        .default('warn')
        .describe(
          'A metric the baseline has that is missing from the candidate or has no finite value there.',
        ),
      unmatched: gapAction
        .default('fail')
        .describe(
          'A gate none of whose selectors (metrics, named slices, artifact kind) matches anything in either run.',
        ),
      significance: alpha
        .default(0.05)
        .describe(
          'Alpha of every regression gate without its own `significance` key (one-sided, Holm-adjusted over the rows of every gate of the same severity and alpha).',
        ),
      binary_test: z
        .enum(['mid-p', 'exact'], expected('mid-p or exact'))
        .default('mid-p')
        .describe('McNemar variant for 0/1 per-sample outcomes: mid-p (default) or exact.'),
      min_pairs: positiveInt(
        'Fewest paired samples a row needs for a significance decision; below it the row is unknown.',
      ).default(10),
      min_samples: positiveInt('Default minimum samples per compared unit or slice.').default(30),
      min_effect: nonNegative(
        'Default minimum absolute effect below which a regression gate cannot fail.',
      ).default(0),
      bootstrap_resamples: z
        .int(expected('a whole number from 100 to 1000000'))
        .min(100, expected('a whole number from 100 to 1000000'))
        .max(1_000_000, expected('a whole number from 100 to 1000000'))
        .default(2000)
        .describe('Bootstrap resamples for confidence intervals.'),
      seed: z
        .int(expected('a whole number ≥ 0'))
        .min(0, expected('a whole number ≥ 0'))
        .default(20261123)
        .describe('Seed of the bootstrap, so a verdict is reproducible.'),
      directions: z
        .record(
          z
            .string()
            .regex(
              /^[^\s/]+$/,
              expected('a metric key glob without "/" or spaces (directions are keyed by metric key)'),
            ),
          direction,
          // Only the record's own type error: key and value errors keep their own messages.
          {
            error: (issue) =>
              issue.code === 'invalid_type' ? 'a mapping of metric key globs to higher or lower' : undefined,
          },
        )
        .default({})
        .describe('Per-metric direction overrides: metric key glob → higher | lower. The first match wins.'),
      waivers: WaiversSchema.default({ labels: true, trailers: true, self: false }),
      history: historyWindow(
        'Runs of history a regression gate looks back over (max_drift, noise from history) unless it sets its own `history`.',
      ).default(20),
    },
    expected('a mapping of policy settings'),
  )
  .describe('How situations without a clear measurement map to the job result, and defaults for gates.');

const common = {
  name: z
    .string(expected('a gate name (text)'))
    .trim()
    .min(1, expected('a non-empty gate name'))
    .describe('Unique name, shown in the report and used by `gate-waive:<name>` labels.'),
  severity: z
    .enum(['fail', 'warn'], expected('one of fail, warn'))
    .default('fail')
    .describe('Whether a failing gate fails the check or only warns.'),
  message: z.string(expected('text')).optional().describe('Custom message shown when the gate fails.'),
};

const ThresholdGateSchema = z
  .strictObject(
    {
      ...common,
      metric: metricSelectors.describe(
        '"<stage>/<metric key>" ("*" and "run" allowed as stage, "*" globs), or a list.',
      ),
      min: z.number(expected('a number')).optional().describe('Lowest acceptable value.'),
      max: z.number(expected('a number')).optional().describe('Highest acceptable value.'),
      slices: slices.optional(),
    },
    expected('a mapping'),
  )
  .describe('Threshold gate: absolute bounds on the candidate value.')
  .meta({ anyOf: THRESHOLD_LIMITS.map((key) => ({ required: [key] })) });

const RegressionGateSchema = z
  .strictObject(
    {
      ...common,
      metric: metricSelectors.describe(
        '"<stage>/<metric key>" ("*" and "run" allowed as stage, "*" globs), or a list.',
      ),
      max_drop: nonNegative('Largest allowed drop of a higher-is-better metric, in metric units.').optional(),
      max_drop_pct: nonNegative(
        'Largest allowed drop of a higher-is-better metric, in % of the baseline.',
      ).optional(),
      max_increase: nonNegative(
        'Largest allowed increase of a lower-is-better metric, in metric units.',
      ).optional(),
      max_increase_pct: nonNegative(
        'Largest allowed increase of a lower-is-better metric, in % of the baseline.',
      ).optional(),
      max_drift: nonNegative(
        'Largest allowed cumulative worsening against the best value of the history window, in metric units (raw values, no significance).',
      ).optional(),
      max_drift_pct: nonNegative(
        'Largest allowed cumulative worsening against the best value of the history window, in % of that best value.',
      ).optional(),
      history: historyWindow(
        'Runs of history this gate looks back over (default policy.history).',
      ).optional(),
      direction: direction.optional().describe('Override of the metric direction.'),
      significance: z
        .union([alpha, z.boolean()], expected('a number in (0, 0.5], true or false'))
        .optional()
        .describe(
          'Alpha of the paired test (default and true: policy.significance); false judges raw limits only.',
        ),
      min_samples: positiveInt(
        'Minimum samples per compared unit or slice (default policy.min_samples).',
      ).optional(),
      min_effect: nonNegative('Changes smaller than this never fail (default policy.min_effect).').optional(),
      slices: slices.optional(),
      samples: z
        .string(expected('a metric key'))
        .regex(/^[^\s/*]+$/, expected('a metric key without "/", "*" or spaces'))
        .optional()
        .describe('Per-sample metric key holding the sample outcomes of this metric (e.g. correct).'),
    },
    expected('a mapping'),
  )
  .describe('Regression gate: candidate against baseline.')
  .meta({ anyOf: REGRESSION_LIMITS.map((key) => ({ required: [key] })) });

const EvidenceGateSchema = z
  .strictObject(
    {
      ...common,
      require_complete: z
        .array(stageName, expected('a list of stage names'))
        .min(1, expected('a non-empty list of stage names'))
        .describe(
          'Stages that must exist in the candidate; the other checks look at these stages. "run" is the run\'s own evidence outside any stage (all a metalab unit has).',
        ),
      optional_stages: z
        .array(stageName, expected('a list of stage names'))
        .optional()
        .describe(
          'Stages checked like require_complete (degraded, partial, statuses) when the candidate has them.',
        ),
      require_metrics: z
        .union(
          [
            z.literal('baseline'),
            z.literal('none'),
            z
              .array(metricSelector, expected('a list of metric selectors'))
              .min(1, expected('a non-empty list of metric selectors')),
          ],
          expected('baseline, none or a list of "<stage>/<metric key>"'),
        )
        .optional()
        .describe('baseline: every metric the baseline has in those stages; or a list; none (default).'),
      degraded: gapAction.default('fail').describe('Degraded records in those stages.'),
      partial: gapAction
        .default('fail')
        .describe('Records whose completeness is partial, absent or unknown.'),
      statuses: gapAction.default('warn').describe('Ledger statuses other than completed.'),
    },
    expected('a mapping'),
  )
  .describe('Evidence gate: the candidate evidence is complete.');

const DiagnosticsGateSchema = z
  .strictObject(
    {
      ...common,
      diagnostics: z
        .enum(['error', 'warning', 'info'], expected('one of error, warning, info'))
        .describe('Fail on any diagnostic at or above this level.'),
    },
    expected('a mapping'),
  )
  .describe('Diagnostics gate.');

const ArtifactGateSchema = z
  .strictObject(
    {
      ...common,
      artifact: z
        .string(expected('an artifact kind'))
        .min(1, expected('an artifact kind'))
        .describe('Artifact kind ("*" globs allowed).'),
      max_growth_pct: nonNegative('Largest allowed size growth, in % of the baseline artifact.').optional(),
      max_growth_bytes: z
        .int(expected('a whole number ≥ 0'))
        .min(0, expected('a whole number ≥ 0'))
        .optional()
        .describe('Largest allowed size growth, in bytes.'),
    },
    expected('a mapping'),
  )
  .describe('Artifact gate: artifact size growth.')
  .meta({ anyOf: [{ required: ['max_growth_pct'] }, { required: ['max_growth_bytes'] }] });

export const GATE_SCHEMAS = {
  threshold: ThresholdGateSchema,
  regression: RegressionGateSchema,
  evidence: EvidenceGateSchema,
  diagnostics: DiagnosticsGateSchema,
  artifact: ArtifactGateSchema,
} as const;

const version = z.literal(1, expected('1 (the only config version)')).describe('Config version; must be 1.');

/** Top level as validated: gates are checked one by one after their kind is known. */
export const TopLevelSchema = z.strictObject(
  {
    version,
    policy: PolicySchema.optional(),
    gates: z.array(z.unknown(), expected('a list of gates ([] for none)')),
  },
  expected('a mapping with version, policy and gates'),
);

/** The whole file, for the JSON Schema given to editors. */
const ConfigFileSchema = z
  .strictObject({
    version,
    policy: PolicySchema.optional(),
    gates: z
      .array(
        z.union([
          ThresholdGateSchema,
          RegressionGateSchema,
          EvidenceGateSchema,
          DiagnosticsGateSchema,
          ArtifactGateSchema,
        ]),
      )
      .describe('Gates, evaluated in order. The kind follows from the keys present.'),
  })
  .meta({ title: 'contexta/gate configuration (.github/contexta-gate.yml)' });

export type PolicyInput = z.output<typeof PolicySchema>;
export type ThresholdGateInput = z.output<typeof ThresholdGateSchema>;
export type RegressionGateInput = z.output<typeof RegressionGateSchema>;
export type EvidenceGateInput = z.output<typeof EvidenceGateSchema>;
export type DiagnosticsGateInput = z.output<typeof DiagnosticsGateSchema>;
export type ArtifactGateInput = z.output<typeof ArtifactGateSchema>;

/** JSON Schema of the config file (committed as `docs/contexta-gate.schema.json`). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigFileSchema, { io: 'input', target: 'draft-07' }) as Record<string, unknown>;
}
