/**
 * Loading an experiment's run records: the expected run ids (the newest manifest's, else every
 * record on disk), each record read and validated and classified by its status, before any number
 * is read.
 */
import type { MetalabReplicateStatus } from '../evidence/model.js';
import {
  CONCURRENCY,
  type ExperimentState,
  experimentPath,
  listSome,
  type Replica,
} from './experiment-state.js';
import { readJsonFile } from './json-file.js';
import { mapInOrder } from './map-in-order.js';
import { paramsLabel } from './params-label.js';
import { describeIssues, RUN_ID, RunRecord, SUPPORTED_SCHEMA_VERSION } from './schema.js';

const KNOWN_STATUSES = new Set(['success', 'failed', 'cancelled', 'running']);

export async function readReplicas(exp: ExperimentState): Promise<Replica[]> {
  const dir = experimentPath(exp, 'runs');
  const listing = await exp.ctx.root.list(dir);
  if (listing.problem) {
    exp.ctx.gaps.push({
      code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
      severity: 'error',
      file: dir,
      ref: exp.expDir,
      message: `${listing.problem.message}; no run of this experiment can be read`,
    });
  }
  const onDisk = new Set<string>();
  const strays: string[] = [];
  for (const entry of listing.entries) {
    if (entry.isDirectory() || entry.name.includes('.tmp.') || !entry.name.endsWith('.json')) continue;
    const stem = entry.name.slice(0, -'.json'.length);
    if (RUN_ID.test(stem)) onDisk.add(stem);
    else strays.push(entry.name);
  }
  if (strays.length > 0) {
    exp.notes.push(
      `${exp.expDir}: files in runs/ that are not named <run_id>.json were ignored: ${listSome(strays.sort())}.`,
    );
  }
  const expectedIds = exp.expected ? exp.expected.runIds : [...onDisk].sort();
  if (exp.expected) {
    const expectedSet = new Set(expectedIds);
    const ignored = [...onDisk].filter((id) => !expectedSet.has(id)).sort();
    exp.notes.push(
      `${exp.expDir}: the expected runs are the ${expectedIds.length} run id(s) listed in ${exp.expected.file}, ` +
        'the newest experiment manifest.' +
        (ignored.length > 0
          ? ` ${ignored.length} run record(s) not in it were ignored as stale: ${listSome(ignored)}.`
          : ''),
    );
  }

  const replicas = await mapInOrder(expectedIds, CONCURRENCY, async (runId) => {
    const file = `${dir}/${runId}.json`;
    const replica: Replica = { runId, file, status: 'missing', record: null, label: null, gaps: [] };
    if (onDisk.has(runId)) await readRun(exp, replica);
    return replica;
  });
  for (const replica of replicas) exp.ctx.gaps.push(...replica.gaps);
  return replicas;
}

/** Fills `replica` from its record; gaps go to `replica.gaps` so reads can overlap. */
async function readRun(exp: ExperimentState, replica: Replica): Promise<void> {
  const { runId, file, gaps } = replica;
  const read = await readJsonFile({ ...exp.ctx, gaps }, file, 'error', { ref: runId });
  if (!read.ok) {
    if (!read.missing) replica.status = 'unreadable';
    return;
  }
  replica.status = 'unreadable';
  const parsed = RunRecord.safeParse(read.value);
  if (!parsed.success) {
    gaps.push({
      code: 'record_invalid',
      severity: 'error',
      file,
      ref: runId,
      message: `${file} is not a usable metalab run record: ${describeIssues(parsed.error)}`,
    });
    return;
  }
  const record = parsed.data;
  const problem =
    record.run_id !== runId
      ? `its run_id is ${JSON.stringify(record.run_id)}, but the file name says ${runId}`
      : exp.experimentId !== '' && record.experiment_id !== exp.experimentId
        ? `it belongs to experiment ${JSON.stringify(record.experiment_id)}, not ${exp.experimentId}`
        : record.status !== undefined && !KNOWN_STATUSES.has(record.status)
          ? `its status ${JSON.stringify(record.status)} is none of success, failed, cancelled, running`
          : null;
  if (problem !== null) {
    gaps.push({
      code: 'record_invalid',
      severity: 'error',
      file,
      ref: runId,
      message: `${file} cannot be used: ${problem}`,
    });
    return;
  }
  if (record._schema_version !== undefined && record._schema_version !== SUPPORTED_SCHEMA_VERSION) {
    gaps.push({
      code: 'unknown_schema_version',
      severity: 'warning',
      file,
      ref: runId,
      message: `${file} has record schema ${record._schema_version}; this reader knows ${SUPPORTED_SCHEMA_VERSION}`,
    });
  }
  replica.record = record;
  replica.label = paramsLabel(record.params_resolved);
  replica.status = (record.status ?? 'failed') as MetalabReplicateStatus;
}
