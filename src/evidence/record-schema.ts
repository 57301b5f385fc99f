/**
 * Zod schemas of Contexta records (envelope + payload per record type), in one normalised form for
 * both on-disk shapes: segment lines omit null keys, capture lines spell them out, so every optional
 * field accepts missing and null alike. Deliberately more tolerant than Contexta: unknown keys are
 * reported by the caller (not rejected here), time order is not checked, spans are barely looked at.
 */
import { z } from 'zod';
import { AggregationScope, CompletenessMarker, DegradationMarker } from './model.js';

/** Contract timestamps: UTC ISO-8601 with `Z`, optional fraction. */
export const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;
const DOTTED_KEBAB = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const DOTTED_SNAKE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

const Timestamp = z.string().regex(TIMESTAMP, 'a UTC timestamp like 2026-01-01T00:00:00Z');
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
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (Number.isNaN(ms)) return null;
  const fraction = m[7] ? Number(`${m[7]}000000`.slice(0, 6)) : 0;
  return ms * 1000 + fraction;
}
