import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Envelope,
  envelopeFastPath,
  instantMicros,
  MetricPayload,
  metricPayloadFastPath,
} from '../../src/contexta/record-schema.js';
import { isComponent } from '../../src/evidence/refs.js';

/** Values a field may hold in real or hostile input: right and wrong types, near-miss strings. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1.5,
    true,
    '',
    'metric',
    'event',
    'complete',
    'partial',
    'none',
    'capture_gap',
    'step',
    'slice',
    'sdk.python.local',
    'Bad_Producer',
    'latency-ms',
    'lang_en',
    'lang-en',
    '2026-11-23T09:00:00Z',
    '2026-11-23T09:00:00.123456Z',
    '2026-11-23T09:00:00+01:00',
    'run:p.r',
  ),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ slice: 'lang-en', step: '3' }),
  fc.constant({ slice: 1 }),
  fc.constant(JSON.parse('{"constructor":"x"}')),
  fc.constant(JSON.parse('{"__proto__":"x"}')),
  fc.constant({ trace_id: 'abc', session_id: null }),
  fc.constant({ trace_id: 5 }),
);

const ENVELOPE_FIELDS = [
  'record_ref',
  'record_type',
  'recorded_at',
  'observed_at',
  'producer_ref',
  'run_ref',
  'deployment_execution_ref',
  'stage_execution_ref',
  'sample_observation_ref',
  'correlation_refs',
  'completeness_marker',
  'degradation_marker',
  'schema_version',
  'extensions',
] as const;
const METRIC_FIELDS = [
  'metric_key',
  'value',
  'value_type',
  'unit',
  'aggregation_scope',
  'subject_ref',
  'slice_ref',
  'tags',
  'summary_basis',
] as const;

const VALID_ENVELOPE = {
  record_ref: 'record:p.r.metric-0001',
  record_type: 'metric',
  recorded_at: '2026-11-23T09:00:00.000100Z',
  observed_at: '2026-11-23T09:00:00Z',
  producer_ref: 'sdk.python.local',
  run_ref: 'run:p.r',
};
const VALID_METRIC = { metric_key: 'loss', value: 0.5, value_type: 'float' };

/** Starts from a valid object and overwrites some fields with arbitrary values. */
function mutated(valid: Record<string, unknown>, fields: readonly string[]) {
  return fc
    .dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 4 })
    .map((changes) => JSON.parse(JSON.stringify({ ...valid, ...changes })) as Record<string, unknown>);
}

/**
 * The fields the reader reads, without keys left undefined: zod strips unknown keys (also inside
 * correlation_refs) where the fast path leaves them on the object unread.
 */
function defined(value: Record<string, unknown>, fields: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    let v = value[field];
    if (field === 'correlation_refs' && v !== null && typeof v === 'object') {
      const refs = v as Record<string, unknown>;
      v = defined(refs, ['trace_id', 'session_id']);
    }
    if (v !== undefined) out[field] = v;
  }
  return out;
}

describe('record fast paths agree with the zod schemas', () => {
  it('accept an envelope only when zod accepts it, and then hold what zod returns', () => {
    fc.assert(
      fc.property(mutated(VALID_ENVELOPE, ENVELOPE_FIELDS), (envelope) => {
        const fast = envelopeFastPath(envelope);
        const slow = Envelope.safeParse(envelope);
        if (fast === null) return;
        expect(slow.success).toBe(true);
        expect(defined(fast, ENVELOPE_FIELDS)).toEqual(defined(slow.data!, ENVELOPE_FIELDS));
      }),
      { numRuns: 400 },
    );
  });

  it('accept a metric payload only when zod accepts it, and then hold what zod returns', () => {
    fc.assert(
      fc.property(mutated(VALID_METRIC, METRIC_FIELDS), (payload) => {
        const fast = metricPayloadFastPath(payload);
        const slow = MetricPayload.safeParse(payload);
        if (fast === null) return;
        expect(slow.success).toBe(true);
        expect(defined(fast, METRIC_FIELDS)).toEqual(defined(slow.data!, METRIC_FIELDS));
      }),
      { numRuns: 400 },
    );
  });

  it('take the common shapes themselves, so zod stays off the hot path', () => {
    expect(envelopeFastPath({ ...VALID_ENVELOPE, correlation_refs: { trace_id: null } })).not.toBeNull();
    expect(metricPayloadFastPath({ ...VALID_METRIC, tags: { step: '1' }, unit: null })).not.toBeNull();
    expect(metricPayloadFastPath({ ...VALID_METRIC, tags: JSON.parse('{"constructor":"x"}') })).toBeNull();
  });
});

describe('instantMicros reuses the last whole second', () => {
  it('gives the same instant as parsing each timestamp from scratch, whatever came before', () => {
    const second = fc.integer({ min: 0, max: 4_102_444_799 }).map((s) => new Date(s * 1000).toISOString());
    const tail = fc.oneof(
      fc.constant('Z'),
      fc.stringMatching(/^\.\d{1,9}Z$/),
      fc.constantFrom('.Z', '.1234567890Z', 'z', '.12aZ', '+00:00'),
    );
    const stamp = fc.tuple(second, tail).map(([iso, t]) => `${iso.slice(0, 19)}${t}`);
    fc.assert(
      fc.property(fc.array(stamp, { minLength: 1, maxLength: 6 }), (stamps) => {
        for (const text of stamps) {
          const m = /^(.{19})(?:\.(\d{1,9}))?Z$/.exec(text);
          const expected = m
            ? Date.parse(`${m[1]}Z`) * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6))
            : null;
          expect(instantMicros(text)).toBe(expected);
          // The same second again, now served from the cached prefix.
          expect(instantMicros(text)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isComponent', () => {
  it('accepts exactly what the component grammar /^[a-z0-9]+(-[a-z0-9]+)*$/ of ≤ 63 characters does', () => {
    const grammar = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    const char = fc.constantFrom('a', 'z', '0', '9', '-', '-', 'A', '_', '.', ' ', 'é');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 70 }).map((cs) => cs.join('')),
        (part) => {
          expect(isComponent(part)).toBe(part.length <= 63 && grammar.test(part));
        },
      ),
      { numRuns: 1000 },
    );
    expect(isComponent('a'.repeat(63))).toBe(true);
    expect(isComponent('a'.repeat(64))).toBe(false);
  });
});
