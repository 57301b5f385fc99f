/**
 * Zod schemas of Contexta records (envelope + payload per record type), in one normalised form for
 * both on-disk shapes: segment lines omit null keys, capture lines spell them out, so every optional
 * field accepts missing and null alike. Deliberately more tolerant than Contexta: unknown keys are
 * reported by the caller (not rejected here), time order is not checked, spans are barely looked at.
 */
import { z } from 'zod';
import { AggregationScope, CompletenessMarker, DegradationMarker } from '../evidence/model.js';

/** Contract timestamps: UTC ISO-8601 with `Z`, optional fraction. */
export const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;
const DOTTED_KEBAB = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const DOTTED_SNAKE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

const digits2 = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/**
 * Whether a text that matches `TIMESTAMP` names a real instant: month 01–12, day within that month
 * (leap years by the Gregorian rule), hour 00–23, minute and second 00–59, year 0001 or later. The
 * SDK formats timestamps with Python's datetime, which has no year 0 and no leap second (second 60),
 * so neither can come from it.
 */
export function isRealInstant(text: string): boolean {
  const year = digits2(text, 0) * 100 + digits2(text, 2);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  if (digits2(text, 11) > 23 || digits2(text, 14) > 59 || digits2(text, 17) > 59) return false;
  if (day <= 28) return true;
  if (month === 2) return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

const isTimestamp = (text: string) => TIMESTAMP.test(text) && isRealInstant(text);

const Timestamp = z
  .string()
  .regex(TIMESTAMP, 'a UTC timestamp like 2026-01-01T00:00:00Z')
  .refine(
    isRealInstant,
    'a real UTC instant (month 01-12, a day that exists in that month, hour 00-23, minute and second 00-59, year from 0001)',
  );
const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

export const RECORD_TYPES = ['metric', 'event', 'span', 'degraded'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const Envelope = z.object({
  record_ref: z.string(),
  record_type: z.enum(RECORD_TYPES),
  recorded_at: Timestamp,
  observed_at: Timestamp,
  producer_ref: z.string().regex(DOTTED_KEBAB, 'a dotted lower-case producer name like sdk.python.local'),
  run_ref: z.string(),
  deployment_execution_ref: opt(z.string()),
  stage_execution_ref: opt(z.string()),
  batch_execution_ref: opt(z.string()),
  sample_observation_ref: opt(z.string()),
  operation_context_ref: opt(z.string()),
  correlation_refs: opt(z.object({ trace_id: opt(z.string()), session_id: opt(z.string()) })),
  completeness_marker: opt(CompletenessMarker),
  degradation_marker: opt(DegradationMarker),
  schema_version: opt(z.string()),
  extensions: opt(z.array(z.unknown())),
});
export type Envelope = z.infer<typeof Envelope>;

/** Any JSON number, NaN/±Infinity included: non-finite values are reported, not rejected. */
const AnyNumber = z.custom<number>((v) => typeof v === 'number', 'a number');

const Tags = z.record(z.string(), z.string());

export const MetricPayload = z.object({
  metric_key: z
    .string()
    .regex(DOTTED_KEBAB, 'a metric key of lower-case letters, digits, hyphens and dots (no underscores)'),
  value: AnyNumber,
  value_type: z.string(),
  unit: opt(z.string()),
  aggregation_scope: opt(AggregationScope),
  subject_ref: opt(z.string()),
  slice_ref: opt(z.string().regex(DOTTED_SNAKE, 'a dotted lower_snake slice name')),
  tags: opt(Tags),
  summary_basis: opt(z.string()),
});
export type MetricPayload = z.infer<typeof MetricPayload>;

export const EventPayload = z.object({
  event_key: z.string().regex(DOTTED_KEBAB, 'an event key of lower-case letters, digits, hyphens and dots'),
  level: z.enum(['debug', 'info', 'warning', 'error', 'critical']),
  message: z.string(),
  subject_ref: opt(z.string()),
  attributes: opt(z.record(z.string(), z.unknown())),
  origin_marker: opt(z.string()),
});
export type EventPayload = z.infer<typeof EventPayload>;

export const SpanPayload = z.object({
  span_id: opt(z.string()),
  trace_id: opt(z.string()),
  parent_span_id: opt(z.string()),
  span_name: opt(z.string()),
  started_at: opt(z.string()),
  ended_at: opt(z.string()),
  status: opt(z.string()),
  span_kind: opt(z.string()),
  attributes: opt(z.record(z.string(), z.unknown())),
  linked_refs: opt(z.array(z.unknown())),
});

export const DegradedPayload = z.object({
  issue_key: z
    .string()
    .regex(DOTTED_SNAKE, 'an issue key of lower-case letters, digits, underscores and dots'),
  category: opt(z.string()),
  severity: z.enum(['warning', 'error']),
  summary: z.string(),
  subject_ref: opt(z.string()),
  origin_marker: opt(z.string()),
  attributes: opt(z.record(z.string(), z.unknown())),
});
export type DegradedPayload = z.infer<typeof DegradedPayload>;

export const PAYLOAD_SCHEMAS = {
  metric: MetricPayload,
  event: EventPayload,
  span: SpanPayload,
  degraded: DegradedPayload,
} as const;

export type NormalRecord =
  | { type: 'metric'; envelope: Envelope; payload: MetricPayload }
  | { type: 'event'; envelope: Envelope; payload: EventPayload }
  | { type: 'span'; envelope: Envelope; payload: z.infer<typeof SpanPayload> }
  | { type: 'degraded'; envelope: Envelope; payload: DegradedPayload };

export const ENVELOPE_KEYS: ReadonlySet<string> = new Set(Object.keys(Envelope.shape));
export const PAYLOAD_KEYS: Readonly<Record<RecordType, ReadonlySet<string>>> = {
  metric: new Set(Object.keys(MetricPayload.shape)),
  event: new Set(Object.keys(EventPayload.shape)),
  span: new Set(Object.keys(SpanPayload.shape)),
  degraded: new Set(Object.keys(DegradedPayload.shape)),
};

/**
 * Microseconds since the epoch of a contract timestamp, so "latest" compares real instants (Contexta
 * compares strings, which puts `…:00Z` after `…:00.5Z`). Null when the text is not a timestamp.
 */
export function instantMicros(text: string | null | undefined): number | null {
  if (!text) return null;
  // Records arrive in time order, so most share the last one's second: only the fraction is new.
  if (text.length >= 20 && lastSecond.prefix !== '' && text.startsWith(lastSecond.prefix)) {
    const fraction = fractionMicros(text);
    if (fraction !== null) return lastSecond.micros + fraction;
  }
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (Number.isNaN(ms)) return null;
  lastSecond.prefix = text.slice(0, 19);
  lastSecond.micros = ms * 1000;
  const fraction = m[7] ? Number(`${m[7]}000000`.slice(0, 6)) : 0;
  return ms * 1000 + fraction;
}

/** The whole second (`YYYY-MM-DDTHH:MM:SS`) last parsed by `instantMicros`, in µs since the epoch. */
const lastSecond = { prefix: '', micros: 0 };

/** µs of the `(?:\.\d{1,9})?Z` tail after the 19-character second, null when it is not one. */
function fractionMicros(text: string): number | null {
  const end = text.length - 1;
  if (text.charCodeAt(end) !== 0x5a) return null;
  if (end === 19) return 0;
  if (text.charCodeAt(19) !== 0x2e || end - 20 < 1 || end - 20 > 9) return null;
  let micros = 0;
  for (let i = 20; i < 26; i++) {
    if (i < end) {
      const digit = text.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) return null;
      micros = micros * 10 + digit;
    } else micros *= 10;
  }
  for (let i = 26; i < end; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return null;
  }
  return micros;
}

/*
 * Fast paths for the two shapes that make up nearly every line of a large workspace: the envelope
 * and the metric payload. Each accepts only input its zod schema certainly accepts and returns that
 * input unchanged: unknown keys (also inside correlation_refs) stay on the object where zod would
 * strip them, but nothing reads them. Anything it is unsure of returns null and the caller asks zod,
 * which then also words the error. Zod's generic walk and the copy it makes were the largest cost of
 * reading a record after JSON.parse itself.
 */

type Json = Record<string, unknown>;

const COMPLETENESS: ReadonlySet<unknown> = new Set(CompletenessMarker.options);
const DEGRADATION: ReadonlySet<unknown> = new Set(DegradationMarker.options);
const SCOPES: ReadonlySet<unknown> = new Set(AggregationScope.options);
const TYPES: ReadonlySet<unknown> = new Set(RECORD_TYPES);

const isPlainObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * A JSON object zod's `z.record` surely takes as a record: zod looks at a `constructor` key to decide
 * what a plain object is, and skips `__proto__`, so objects with either key go the slow way.
 */
export const isPlainRecord = (v: unknown): v is Json =>
  isPlainObject(v) && !Object.hasOwn(v, 'constructor') && !Object.hasOwn(v, '__proto__');
const optString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const optMember = (v: unknown, set: ReadonlySet<unknown>) => v === undefined || v === null || set.has(v);

function stringRecord(v: unknown): boolean {
  if (!isPlainRecord(v)) return false;
  for (const key in v) if (typeof v[key] !== 'string') return false;
  return true;
}

/** The envelope when `Envelope` surely accepts it, else null (ask zod). */
export function envelopeFastPath(v: Json): Envelope | null {
  const correlation = v.correlation_refs;
  const ok =
    typeof v.record_ref === 'string' &&
    TYPES.has(v.record_type) &&
    typeof v.recorded_at === 'string' &&
    isTimestamp(v.recorded_at) &&
    typeof v.observed_at === 'string' &&
    isTimestamp(v.observed_at) &&
    typeof v.producer_ref === 'string' &&
    DOTTED_KEBAB.test(v.producer_ref) &&
    typeof v.run_ref === 'string' &&
    optString(v.deployment_execution_ref) &&
    optString(v.stage_execution_ref) &&
    optString(v.batch_execution_ref) &&
    optString(v.sample_observation_ref) &&
    optString(v.operation_context_ref) &&
    (correlation === undefined ||
      correlation === null ||
      (isPlainObject(correlation) && optString(correlation.trace_id) && optString(correlation.session_id))) &&
    optMember(v.completeness_marker, COMPLETENESS) &&
    optMember(v.degradation_marker, DEGRADATION) &&
    optString(v.schema_version) &&
    (v.extensions === undefined || v.extensions === null || Array.isArray(v.extensions));
  return ok ? (v as Envelope) : null;
}

/** The payload when `MetricPayload` surely accepts it, else null (ask zod). */
export function metricPayloadFastPath(v: Json): MetricPayload | null {
  const ok =
    typeof v.metric_key === 'string' &&
    DOTTED_KEBAB.test(v.metric_key) &&
    typeof v.value === 'number' &&
    typeof v.value_type === 'string' &&
    optString(v.unit) &&
    optMember(v.aggregation_scope, SCOPES) &&
    optString(v.subject_ref) &&
    (v.slice_ref === undefined ||
      v.slice_ref === null ||
      (typeof v.slice_ref === 'string' && DOTTED_SNAKE.test(v.slice_ref))) &&
    (v.tags === undefined || v.tags === null || stringRecord(v.tags)) &&
    optString(v.summary_basis);
  return ok ? (v as MetricPayload) : null;
}
