/**
 * Gaps for the replicas that give no evidence: missing, failed, cancelled or crashed runs, each with
 * its log file when there is one (failed runs: error type and message only, never the traceback).
 */
import { type ExperimentState, experimentPath, logHint, type Replica } from './experiment-state.js';

function oneLine(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

/** An unreadable run already has its error gap; a missing one needs one. */
export async function reportUnattributed(exp: ExperimentState, replica: Replica): Promise<void> {
  if (replica.status !== 'missing') return;
  exp.ctx.gaps.push({
    code: 'run_missing',
    severity: 'error',
    file: replica.file,
    ref: replica.runId,
    message:
      `run ${replica.runId} of ${exp.experimentId} is listed in the experiment manifest but was never written, ` +
      `and no other replicate tells which parameter combination it belongs to${await logHint(exp, replica.runId)}`,
  });
}

export async function reportIncomplete(
  exp: ExperimentState,
  runRef: string,
  members: Replica[],
): Promise<void> {
  for (const member of members) {
    if (member.status === 'success' || member.status === 'unreadable') continue;
    const seed = member.record ? ` (seed ${member.record.seed_fingerprint})` : '';
    const subject = `run ${member.runId}${seed} of ${runRef}`;
    const base = { file: member.file, ref: member.runId, runRef };
    const log = await logHint(exp, member.runId);
    if (member.status === 'missing') {
      exp.ctx.gaps.push({
        ...base,
        code: 'run_missing',
        severity: 'error',
        message: `${subject} is listed in the experiment manifest but was never written (the sweep stopped before it ran)${log}`,
      });
    } else if (member.status === 'failed') {
      const error = member.record?.error;
      const what = error
        ? `${error.type ?? 'an error'}${error.message ? `: ${oneLine(error.message)}` : ''}`
        : member.record?.status === undefined
          ? 'no status (metalab treats that as failed)'
          : 'no error recorded';
      exp.ctx.gaps.push({
        ...base,
        code: 'run_failed',
        severity: 'error',
        message: `${subject} failed with ${what}; its partial metrics are not used${log}`,
      });
    } else if (member.status === 'cancelled') {
      exp.ctx.gaps.push({
        ...base,
        code: 'run_incomplete',
        severity: 'error',
        message: `${subject} was cancelled; it has no usable metrics${log}`,
      });
    } else if (member.status === 'running') {
      await reportStale(exp, member, subject, base, log);
    }
  }
}

async function reportStale(
  exp: ExperimentState,
  member: Replica,
  subject: string,
  base: { file: string; ref: string; runRef: string },
  log: string,
): Promise<void> {
  if (member.record?.status === 'running') {
    exp.ctx.gaps.push({
      ...base,
      code: 'run_incomplete',
      severity: 'error',
      message:
        `${subject} is still marked running (started ${member.record.started_at ?? 'at an unknown time'}): ` +
        `the process died before finishing, so it has no metrics${log}`,
    });
  }
  const present = await exp.ctx.root.list(experimentPath(exp, `results/${member.runId}`));
  const written = new Set(present.entries.map((entry) => entry.name.replace(/\.json$/, '')));
  const lost = [...exp.findings.steppedKeys].filter((key) => !written.has(key)).sort();
  if (lost.length === 0) return;
  exp.ctx.gaps.push({
    ...base,
    code: 'series_lost',
    severity: 'warning',
    message: `${subject}: stepped series ${lost.join(', ')} were lost (metalab writes them only when a run finishes)`,
  });
}
