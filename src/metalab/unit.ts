/**
 * One unit (a parameter combination) built from its replicas: one record per seed, the unit's
 * status, the metrics of its successful replicates aggregated, its artifacts and its fingerprints.
 */
import type { Artifact, MetalabReplicateStatus, Run } from '../evidence/model.js';
import { aggregateReplicates, type SeededEvidence } from './aggregate.js';
import { readArtifacts } from './artifacts.js';
import { type ExperimentState, experimentPath, type Replica, unitRef } from './experiment-state.js';
import type { ReadContext } from './json-file.js';
import { type ReplicateEvidence, readReplicateEvidence } from './replicate.js';

function distinct(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string'))].sort();
}

/**
 * Replicas with a record by seed fingerprint, then the others by run id. Two records for one seed
 * (parameters written differently, e.g. 1 vs 1.0, or an older run when there is no manifest): the
 * later started one is used and the other reported.
 */
function orderReplicas(exp: ExperimentState, label: string, members: Replica[], ctx: ReadContext): Replica[] {
  const bySeed = new Map<string, Replica>();
  const started = (replica: Replica) => replica.record!.started_at ?? '';
  for (const member of members) {
    if (member.record === null) continue;
    const seed = member.record.seed_fingerprint;
    const other = bySeed.get(seed);
    if (other === undefined) {
      bySeed.set(seed, member);
      continue;
    }
    const [kept, dropped] = started(member) > started(other) ? [member, other] : [other, member];
    bySeed.set(seed, kept);
    ctx.gaps.push({
      code: 'duplicate_record_ref',
      severity: 'warning',
      file: dropped.file,
      ref: dropped.runId,
      runRef: unitRef(exp, label),
      message:
        `runs ${kept.runId} and ${dropped.runId} are both seed ${seed} of ${label}; only ${kept.runId}, ` +
        'the later started, is used',
    });
  }
  const kept = [...bySeed.keys()].sort().map((seed) => bySeed.get(seed)!);
  const unseeded = members
    .filter((member) => member.record === null)
    .sort((a, b) => (a.runId < b.runId ? -1 : 1));
  return [...kept, ...unseeded];
}

function unitStatus(exp: ExperimentState, members: Replica[]): Run['status'] {
  const has = (status: MetalabReplicateStatus) => members.some((member) => member.status === status);
  if (has('failed')) return 'failed';
  if (has('cancelled')) return 'cancelled';
  if (has('running')) return 'open';
  const expected = exp.expected?.manifest.seeds?.replicates ?? 0;
  return members.every((member) => member.status === 'success') && members.length >= expected
    ? 'completed'
    : null;
}

/** Builds one unit; its gaps go to `ctx.gaps` so units can be read side by side. */
export async function buildUnit(
  exp: ExperimentState,
  label: string,
  all: Replica[],
  ctx: ReadContext,
): Promise<{ run: Run; members: Replica[] }> {
  const ref = unitRef(exp, label);
  const members = orderReplicas(exp, label, all, ctx);
  for (const member of all) for (const gap of member.gaps) gap.runRef ??= ref;
  await checkSlurmMarkers(exp, members, ref, ctx);

  const seeded: SeededEvidence[] = [];
  const artifacts: Artifact[] = [];
  for (const member of members) {
    if (member.status !== 'success' || member.record === null) continue;
    const attribution = { ref: member.runId, runRef: ref };
    const record = member.record;
    const evidence = await readReplicateEvidence(
      ctx,
      exp.prefix,
      member.file,
      member.runId,
      record.metrics,
      attribution,
    );
    seeded.push({ seedFingerprint: record.seed_fingerprint, evidence });
    collectFindings(exp, label, evidence);
    artifacts.push(
      ...(await readArtifacts(
        ctx,
        exp.prefix,
        member.file,
        member.runId,
        record.artifacts ?? [],
        `${ref}@${record.seed_fingerprint}`,
        attribution,
      )),
    );
  }

  const records = members.flatMap((member) => (member.record ? [member.record] : []));
  const starts = distinct(records.map((record) => record.started_at));
  const ends = distinct(records.map((record) => record.finished_at));
  const expectedReplicates = exp.expected?.manifest.seeds?.replicates ?? null;
  const run: Run = {
    ref,
    project: exp.experimentId,
    name: label,
    status: unitStatus(exp, members),
    startedAt: starts[0] ?? null,
    endedAt: ends[ends.length - 1] ?? null,
    stages: [],
    runMetrics: aggregateReplicates(seeded, Math.max(members.length, expectedReplicates ?? 0)),
    events: [],
    degraded: [],
    artifacts,
    environment: null,
    recordCount: records.length,
    params: records[0]?.params_resolved ?? null,
    metalab: {
      experimentId: exp.experimentId,
      paramsFingerprints: distinct(records.map((record) => record.params_fingerprint)),
      contextFingerprints: distinct(records.map((record) => record.context_fingerprint)),
      codeHashes: distinct(records.map((record) => record.provenance?.code_hash)),
      expectedReplicates,
      replicates: members.map((member) => ({
        runId: member.runId,
        seedFingerprint: member.record?.seed_fingerprint ?? null,
        status: member.status,
      })),
    },
  };
  if (run.metalab!.paramsFingerprints.length > 1) {
    ctx.gaps.push({
      code: 'conflicting_record_ref',
      severity: 'warning',
      ref: run.metalab!.paramsFingerprints.join(', '),
      runRef: ref,
      message: `${label} gathers runs with different metalab params fingerprints (${run.metalab!.paramsFingerprints.join(', ')}): their parameters print the same but were written differently`,
    });
  }
  return { run, members };
}

/** The SLURM executor marks completion with `runs/<run_id>.done`; metalab requires it too. */
async function checkSlurmMarkers(
  exp: ExperimentState,
  members: Replica[],
  runRef: string,
  ctx: ReadContext,
): Promise<void> {
  if (!exp.slurm) return;
  for (const member of members) {
    if (member.status !== 'success') continue;
    const marker = experimentPath(exp, `runs/${member.runId}.done`);
    if ((await ctx.root.resolve(marker)).ok) continue;
    member.status = 'running';
    ctx.gaps.push({
      code: 'run_incomplete',
      severity: 'error',
      file: marker,
      ref: member.runId,
      runRef,
      message: `run ${member.runId} says success but its SLURM completion marker ${marker} is missing, so the job did not finish`,
    });
  }
}

function collectFindings(exp: ExperimentState, label: string, evidence: ReplicateEvidence): void {
  for (const key of evidence.booleanKeys) exp.findings.booleanKeys.add(key);
  for (const name of evidence.renamedSeries) exp.findings.renamedSeries.add(`${name}.steps (${label})`);
  for (const name of evidence.unreadResults) exp.findings.unreadResults.add(name);
  for (const observation of evidence.observations.values()) {
    if (observation.scope === 'step') exp.findings.steppedKeys.add(observation.key);
  }
}
