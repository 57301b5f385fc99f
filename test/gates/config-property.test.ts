import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { stringify } from 'yaml';
import { type ConfigResult, parseConfig } from '../../src/gates/config.js';
import { GATE_SCHEMAS, PolicySchema } from '../../src/gates/config-schema.js';

/**
 * Positions must point inside the text (or just past its end, for a missing final key). Plain checks
 * rather than `expect` per error: they run a few thousand times.
 */
function assertWellFormed(text: string, result: ConfigResult): void {
  if (result.ok) {
    if (result.config.version !== 1) throw new Error('accepted a config that is not version 1');
    return;
  }
  if (result.errors.length === 0) throw new Error('rejected without an error');
  const lineCount = text.split(/\r\n|\r|\n/).length;
  const bad = result.errors.find(
    (e) => e.source !== 'prop.yml' || e.line < 1 || e.line > lineCount || e.col < 1 || e.message === '',
  );
  if (bad !== undefined)
    throw new Error(`malformed error ${JSON.stringify(bad)} for ${JSON.stringify(text)}`);
}

const gateKeys = [...new Set(Object.values(GATE_SCHEMAS).flatMap((s) => Object.keys(s.shape)))];
const policyKeys = Object.keys(PolicySchema.shape);

/** Values a user might plausibly (or mistakenly) write. */
const value = fc.oneof(
  fc.constantFrom(
    'evaluate/accuracy',
    '*/*',
    'evaluate/',
    'a/b/c',
    'all',
    'none',
    'baseline',
    'error',
    'fail',
    'warn',
  ),
  fc.constantFrom(true, false, null, 0, 1, -1, 0.05, 0.9, 2.5, 1e308),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.array(fc.constantFrom('train', 'evaluate', 'evaluate/f1', 3, ''), { maxLength: 3 }),
);
const key = (known: string[]) => fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 10 }));
const gate = fc.dictionary(key(gateKeys), value, { maxKeys: 6 });
const config = fc.record(
  {
    version: fc.constantFrom(1, 2, '1', null),
    policy: fc.dictionary(key(policyKeys), value, { maxKeys: 4 }),
    gates: fc.oneof(fc.array(gate, { maxLength: 4 }), value),
  },
  { requiredKeys: [] },
);

describe('parseConfig never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        assertWellFormed(text, parseConfig(text, 'prop.yml'));
      }),
      { numRuns: 200 },
    );
  });

  it('on YAML-ish text built from config tokens', () => {
    const token = fc.constantFrom(
      'version: 1\n',
      'gates:\n',
      '  - name: a\n',
      '    metric: evaluate/accuracy\n',
      '    max_drop: 0.01\n',
      '    min: [\n',
      ': \n',
      '- ',
      '&a ',
      '*a ',
      '{',
      '}',
      '"',
      "'",
      '!!binary ',
      '? ',
      '---\n',
      '  ',
      '\t',
      '#',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const text = tokens.join('');
        assertWellFormed(text, parseConfig(text, 'prop.yml'));
      }),
      { numRuns: 200 },
    );
  });

  it('on arbitrary config-shaped objects, in block and flow style', () => {
    fc.assert(
      fc.property(config, fc.boolean(), (object, flow) => {
        const text = stringify(object, flow ? { collectionStyle: 'flow' } : {});
        const result = parseConfig(text, 'prop.yml');
        assertWellFormed(text, result);
        if (result.ok && result.config.gates.length !== (object.gates as unknown[]).length) {
          throw new Error(`gates lost or invented for ${text}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

const stage = fc.constantFrom('*', 'run', 'evaluate', 'train', 'eval*');
const metricKey = fc.constantFrom(
  'accuracy',
  '*',
  'latency-ms.p95',
  'tokens.*',
  'eval.f1',
  'derived.final_loss',
);
const selector = fc.tuple(stage, metricKey);
const limit = fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined });
const regressionGate = fc.record(
  {
    metric: fc.oneof(selector, fc.array(selector, { minLength: 1, maxLength: 3 })),
    max_drop: limit,
    max_drop_pct: limit,
    max_increase: limit,
    max_increase_pct: fc.double({ min: 0, max: 1000, noNaN: true }),
    direction: fc.constantFrom('higher', 'lower'),
    significance: fc.oneof(fc.boolean(), fc.double({ min: 0.001, max: 0.5, noNaN: true })),
    min_samples: fc.integer({ min: 1, max: 10_000 }),
    min_effect: fc.double({ min: 0, max: 10, noNaN: true }),
    slices: fc.oneof(
      fc.constantFrom('none', 'all'),
      fc.array(fc.constantFrom('region-apac', 'region-eu', 'task-add'), { minLength: 1, maxLength: 3 }),
    ),
    severity: fc.constantFrom('fail', 'warn'),
  },
  { requiredKeys: ['metric', 'max_increase_pct'] },
);

describe('valid regression gates round-trip', () => {
  it('every written value arrives in the typed gate, and every omitted one gets its default', () => {
    fc.assert(
      fc.property(fc.array(regressionGate, { minLength: 1, maxLength: 3 }), (written) => {
        const gates = written.map((g, i) => {
          const metric = Array.isArray(g.metric[0])
            ? (g.metric as [string, string][]).map(([s, k]) => `${s}/${k}`)
            : `${g.metric[0]}/${g.metric[1]}`;
          return Object.fromEntries(
            Object.entries({ name: `gate ${i}`, ...g, metric }).filter(([, v]) => v !== undefined),
          );
        });
        const result = parseConfig(stringify({ version: 1, gates }), 'prop.yml');
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        result.config.gates.forEach((gate, i) => {
          const input = gates[i] as Record<string, unknown>;
          const metrics = (
            typeof input.metric === 'string' ? [input.metric] : (input.metric as string[])
          ).map((text) => {
            const [s, k] = text.split('/');
            return { stage: s, key: k };
          });
          const slices = input.slices ?? 'none';
          const expected = {
            kind: 'regression',
            name: input.name,
            severity: input.severity ?? 'fail',
            message: null,
            metrics,
            maxDrop: input.max_drop ?? null,
            maxDropPct: input.max_drop_pct ?? null,
            maxIncrease: input.max_increase ?? null,
            maxIncreasePct: input.max_increase_pct,
            direction: input.direction ?? null,
            significance:
              input.significance === true
                ? 0.05
                : input.significance === false
                  ? null
                  : (input.significance ?? 0.05),
            minSamples: input.min_samples ?? 30,
            minEffect: input.min_effect ?? 0,
            slices: Array.isArray(slices) ? { mode: 'list', slices } : { mode: slices },
            samples: null,
            maxDrift: null,
            maxDriftPct: null,
            history: 20,
          };
          if (!isDeepStrictEqual(gate, expected)) {
            throw new Error(`got ${JSON.stringify(gate)}\nwanted ${JSON.stringify(expected)}`);
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
