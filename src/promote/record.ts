/**
 * The deployment record the gate writes when it promotes a run, so the evidence itself says what
 * moved forward. The SDK's runtime never persists deployments (their statuses live only in the
 * ledger), so we write what its `deployment.promoted` events look like: an event record in the
 * SDK's exact envelope shape (docs/reference/contexta-format.md §5), `event_key: deployment.promoted`,
 * `deployment_execution_ref: deployment:<project>.<name>`, `subject_ref` the same deployment.
 * Documented for users in docs/promotion.md.
 */
import { createHash } from 'node:crypto';

export type PromotionStatus = 'completed' | 'failed';

export interface PromotionFacts {
  project: string;
  runRef: string;
  environment: string;
  status: PromotionStatus;
  startedAt: Date;
  endedAt: Date;
  githubDeploymentId: number;
  sha: string;
  verdict: string;
  forced: boolean;
  workflowRunUrl: string;
  baselineRunRef: string | null;
}

export interface EventRecord {
  envelope: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** The runtime's own name normalisation: lower case, other characters to `-`, trimmed. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** UTC `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, dropping a zero fraction exactly as Python's isoformat does. */
export function contractTimestamp(date: Date): string {
  const iso = date.toISOString();
  const millis = date.getUTCMilliseconds();
  return millis === 0 ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 23)}000Z`;
}

export function deploymentRef(project: string, environment: string): string {
  return `deployment:${project}.${normaliseName(environment) || 'deployment'}`;
}

/**
 * Deterministic per (run, GitHub deployment): a re-run of the same promotion yields the same
 * record_ref, which is how the writer recognises a record it already wrote.
 */
export function promotionRecordRef(facts: Pick<PromotionFacts, 'runRef' | 'githubDeploymentId'>): string {
  const [, value] = facts.runRef.split(':') as [string, string];
  const digest = createHash('sha256').update(`${facts.runRef}#${facts.githubDeploymentId}`).digest('hex');
  return `record:${value}.event-${digest.slice(0, 12)}`;
}

export function buildPromotionRecord(facts: PromotionFacts): EventRecord {
  const ref = deploymentRef(facts.project, facts.environment);
  const observedAt = contractTimestamp(facts.endedAt);
  const runName = facts.runRef.split('.').pop() ?? facts.runRef;
  const outcome = facts.status === 'completed' ? 'promoted to' : 'failed to promote to';
  return {
    envelope: {
      completeness_marker: 'complete',
      correlation_refs: {},
      degradation_marker: 'none',
      deployment_execution_ref: ref,
      extensions: [],
      observed_at: observedAt,
      producer_ref: 'contexta.gate',
      record_ref: promotionRecordRef(facts),
      record_type: 'event',
      recorded_at: observedAt,
      run_ref: facts.runRef,
      schema_version: '1.0.0',
    },
    payload: {
      attributes: {
        baseline_run_ref: facts.baselineRunRef ?? '',
        ended_at: contractTimestamp(facts.endedAt),
        environment: facts.environment,
        forced: facts.forced,
        github_deployment_id: facts.githubDeploymentId,
        sha: facts.sha,
        started_at: contractTimestamp(facts.startedAt),
        status: facts.status,
        verdict: facts.verdict,
        workflow_run_url: facts.workflowRunUrl,
      },
      event_key: 'deployment.promoted',
      level: facts.status === 'completed' ? 'info' : 'error',
      message: `${runName} ${outcome} ${facts.environment}${facts.forced ? ' (forced past a failing gate)' : ''}`,
      origin_marker: 'explicit_capture',
      subject_ref: ref,
    },
  };
}

const ENVELOPE_NULLABLE = [
  'batch_execution_ref',
  'deployment_execution_ref',
  'operation_context_ref',
  'sample_observation_ref',
  'stage_execution_ref',
];

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as object)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** A capture-cache line: every optional envelope field present with null, as the local sink writes. */
export function captureLine(record: EventRecord, capturedAt: Date): string {
  const envelope: Record<string, unknown> = { ...record.envelope };
  for (const key of ENVELOPE_NULLABLE) envelope[key] ??= null;
  envelope.correlation_refs = { session_id: null, trace_id: null, ...(envelope.correlation_refs as object) };
  const line = {
    captured_at: contractTimestamp(capturedAt),
    family: 'RECORD',
    payload: { envelope, payload: { subject_ref: null, ...record.payload } },
    payload_ref: record.envelope.record_ref,
    payload_type: 'StructuredEventRecord',
    sink_name: 'local-jsonl',
  };
  return JSON.stringify(sortKeys(line));
}

/** A canonical segment line: null keys omitted, keys sorted. */
export function segmentLine(record: EventRecord, sequence: number, appendedAt: Date): string {
  return JSON.stringify(
    sortKeys({
      appended_at: contractTimestamp(appendedAt),
      record: { envelope: record.envelope, payload: record.payload },
      sequence,
    }),
  );
}
