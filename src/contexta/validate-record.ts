/**
 * Turns one parsed `{envelope, payload}` object into a `NormalRecord`, or into gaps. Checks run from
 * cheapest and most telling to most detailed: shape, schema version, record type, unknown keys
 * (reported, tolerated), zod rules, ref grammar and prefixes, numbers.
 */
import type { z } from 'zod';
import type { GapSink } from '../evidence/gaps.js';
import { extendsRef, type ParsedRef, parseRef, parseRefCached } from '../evidence/refs.js';
import {
  ENVELOPE_KEYS,
  Envelope,
  envelopeFastPath,
  metricPayloadFastPath,
  type NormalRecord,
  PAYLOAD_KEYS,
  PAYLOAD_SCHEMAS,
  RECORD_TYPES,
  type RecordType,
} from './record-schema.js';

export interface LineOrigin {
  file: string;
  line: number;
  /** The JSON text held a NaN/Infinity token somewhere. */
  nonFiniteToken: boolean;
}

export interface ValidRecord {
  record: NormalRecord;
  refs: RecordRefs;
}

export interface RecordRefs {
  run: ParsedRef;
  stage: ParsedRef | null;
  batch: ParsedRef | null;
  sample: ParsedRef | null;
  deployment: ParsedRef | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function issueText(prefix: string, root: unknown, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].join('.');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  const expected = issue.message
    .replace(/^Invalid (input|option): expected /, '')
    .replace(/, received \w+$/, '');
  return `${field}: expected ${expected}, found ${describe(valueAt(root, issue.path))}${more}`;
}

function reportUnknownKeys(
  gaps: GapSink,
  origin: LineOrigin,
  where: string,
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
): void {
  for (const key of Object.keys(object)) {
    if (known.has(key)) continue;
    const field = `${where}.${key}`;
    gaps.tally(
      'unknown_field',
      'warning',
      origin.file,
      field,
      origin.line,
      null,
      (count) =>
        `${count} record(s) carry the field ${field}, which Contexta's record format does not define; it was ignored (Contexta itself would refuse these records)`,
    );
  }
}

export function validateRecord(raw: unknown, origin: LineOrigin, gaps: GapSink): ValidRecord | null {
  const reject =
    (code: 'record_invalid' | 'unknown_record_type' | 'unknown_schema_version' | 'invalid_ref') =>
    (message: string, severity: 'error' | 'warning' = 'error', ref?: string) => {
      gaps.line(code, severity, origin.file, origin.line, message, ref ? { ref } : {});
      return null;
    };
  if (!isObject(raw) || !isObject(raw.envelope) || !isObject(raw.payload)) {
    return reject('record_invalid')(
      `the record is not an object with "envelope" and "payload" objects (found ${describe(raw)}); skipped`,
    );
  }
  const envelope = raw.envelope;
  const payload = raw.payload;
  const recordRef = typeof envelope.record_ref === 'string' ? envelope.record_ref : undefined;

  const version = envelope.schema_version;
  if (typeof version === 'string' && version.split('.')[0] !== '1') {
    return reject('unknown_schema_version')(
      `schema_version "${version}" is not a 1.x version this reader understands; record skipped`,
      'error',
      recordRef,
    );
  }
  const type = envelope.record_type;
  if (typeof type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(type)) {
    return reject('unknown_record_type')(
      `record_type ${describe(type)} is not one of ${RECORD_TYPES.join(', ')}; record skipped`,
      'warning',
      recordRef,
    );
  }
  const recordType = type as RecordType;
  reportUnknownKeys(gaps, origin, 'envelope', envelope, ENVELOPE_KEYS);
  reportUnknownKeys(gaps, origin, 'payload', payload, PAYLOAD_KEYS[recordType]);

  let envelopeData = envelopeFastPath(envelope);
  if (envelopeData === null) {
    const env = Envelope.safeParse(envelope);
    if (!env.success)
      return reject('record_invalid')(
        `${issueText('envelope', envelope, env.error)}; record skipped`,
        'error',
        recordRef,
      );
    envelopeData = env.data;
  }
  let payloadData: NormalRecord['payload'] | null =
    recordType === 'metric' ? metricPayloadFastPath(payload) : null;
  if (payloadData === null) {
    const pay = PAYLOAD_SCHEMAS[recordType].safeParse(payload);
    if (!pay.success)
      return reject('record_invalid')(
        `${issueText('payload', payload, pay.error)}; record skipped`,
        'error',
        recordRef,
      );
    payloadData = pay.data;
  }

  const refs = checkRefs(envelopeData);
  if (typeof refs === 'string') return reject('invalid_ref')(`${refs}; record skipped`, 'error', recordRef);

  const record = { type: recordType, envelope: envelopeData, payload: payloadData } as NormalRecord;
  const attribution = { ref: envelopeData.record_ref, runRef: envelopeData.run_ref };
  if (record.type === 'metric') {
    const value = record.payload.value;
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      gaps.line(
        'unsafe_integer',
        'warning',
        origin.file,
        origin.line,
        `metric ${record.payload.metric_key} has the integer value ${value}, beyond 2^53: JavaScript holds it only approximately`,
        attribution,
      );
    }
  }
  const metricNonFinite = record.type === 'metric' && !Number.isFinite(record.payload.value);
  if (origin.nonFiniteToken && !metricNonFinite) {
    gaps.line(
      'non_finite_number',
      'warning',
      origin.file,
      origin.line,
      'the record holds NaN or Infinity outside the metric value; the record was read, that number is not usable',
      attribution,
    );
  }
  return { record, refs };
}

/** Ref grammar plus Contexta's prefix rules; a string says what is wrong. */
function checkRefs(envelope: Envelope): RecordRefs | string {
  const parse = (field: string, text: string | null | undefined, kind: string): ParsedRef | null | string => {
    if (text === null || text === undefined) return null;
    const parsed =
      kind === 'record' || kind === 'sample' || kind === 'op' ? parseRef(text) : parseRefCached(text);
    if (parsed === null || parsed.kind !== kind) {
      return `envelope.${field}: expected a ${kind}: ref (kind:component.component…, lower-case letters, digits, single hyphens), found "${text}"`;
    }
    return parsed;
  };
  const run = parse('run_ref', envelope.run_ref, 'run');
  if (typeof run === 'string') return run;
  if (run === null) return 'envelope.run_ref is missing';
  const record = parse('record_ref', envelope.record_ref, 'record');
  if (typeof record === 'string') return record;
  if (record && !extendsRef(record, run)) {
    return `envelope.record_ref "${envelope.record_ref}" does not belong to run "${envelope.run_ref}"`;
  }
  const stage = parse('stage_execution_ref', envelope.stage_execution_ref, 'stage');
  if (typeof stage === 'string') return stage;
  if (stage && !extendsRef(stage, run)) {
    return `envelope.stage_execution_ref "${envelope.stage_execution_ref}" does not belong to run "${envelope.run_ref}"`;
  }
  const batch = parse('batch_execution_ref', envelope.batch_execution_ref, 'batch');
  if (typeof batch === 'string') return batch;
  if (batch && (!stage || !extendsRef(batch, stage))) {
    return `envelope.batch_execution_ref "${envelope.batch_execution_ref}" does not belong to the record's stage`;
  }
  const sample = parse('sample_observation_ref', envelope.sample_observation_ref, 'sample');
  if (typeof sample === 'string') return sample;
  const scope = batch ?? stage;
  if (sample && (!scope || !extendsRef(sample, scope) || sample.parts.length !== scope.parts.length + 1)) {
    return `envelope.sample_observation_ref "${envelope.sample_observation_ref}" does not belong to the record's ${batch ? 'batch' : 'stage'}`;
  }
  const op = parse('operation_context_ref', envelope.operation_context_ref, 'op');
  if (typeof op === 'string') return op;
  if (op && (!scope || !extendsRef(op, scope))) {
    return `envelope.operation_context_ref "${envelope.operation_context_ref}" does not belong to the record's stage`;
  }
  const deployment = parse('deployment_execution_ref', envelope.deployment_execution_ref, 'deployment');
  if (typeof deployment === 'string') return deployment;
  return { run, stage, batch, sample, deployment };
}
