import type { Evidence, Project, Run } from '../evidence/model.js';

/** A baseline run and the candidate run it is compared with; one side may be missing. */
export interface RunPair {
  project: string;
  /** Candidate run name (baseline's when the candidate side is missing); metalab: params label. */
  unit: string;
  baseline: Run | null;
  candidate: Run | null;
  /** How the runs were chosen, in plain language. */
  notes: string[];
}

/** Runs cannot be chosen unambiguously; the message names the runs and the flag that settles it. */
export class RunSelectionError extends Error {
  override readonly name = 'RunSelectionError';
}

export interface SelectionOptions {
  /** Full ref (`run:project.name`) or bare run name (matched as a ref suffix, like Contexta). */
  baselineRun?: string | undefined;
  candidateRun?: string | undefined;
}

function allRuns(evidence: Evidence): Run[] {
  return evidence.projects.flatMap((p) => p.runs);
}

function refList(runs: Run[]): string {
  return runs.length === 0 ? '(none)' : runs.map((r) => r.ref).join(', ');
}

/** Resolves a user-given ref the way Contexta's lookup does: the full ref, or a unique `.name` suffix. */
export function resolveRun(evidence: Evidence, ref: string, side: 'baseline' | 'candidate'): Run {
  const runs = allRuns(evidence);
  let found = runs.filter((r) => r.ref === ref);
  if (found.length === 0) {
    found = runs.filter((r) => r.ref === `run:${ref}` || r.ref.endsWith(`.${ref}`) || r.name === ref);
  }
  if (found.length === 1) return found[0]!;
  const flag = side === 'baseline' ? '--baseline-run' : '--candidate-run';
  if (found.length === 0) {
    throw new RunSelectionError(
      `${flag} "${ref}": no such run in ${evidence.source.root}; runs there: ${refList(runs)}`,
    );
  }
  throw new RunSelectionError(
    `${flag} "${ref}" matches ${found.length} runs in ${evidence.source.root}: ${refList(found)}; give the full ref`,
  );
}

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a === b || a.source.root === b.source.root;
}

function projectOf(evidence: Evidence, name: string): Project | undefined {
  return evidence.projects.find((p) => p.name === name);
}

function timeOf(value: string | null): number {
  const t = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

/**
 * The baseline run of a project when the caller did not name one: the only run there is, or — when
 * the baseline workspace holds several — the run behind the latest completed deployment.
 */
function pickBaseline(
  baseline: Evidence,
  project: string,
  exclude: string | null,
  notes: string[],
): Run | null {
  const p = projectOf(baseline, project);
  const runs = (p?.runs ?? []).filter((r) => r.ref !== exclude);
  const deployed = (p?.deployments ?? [])
    .filter((d) => d.status === 'completed' && d.runRef !== null && runs.some((r) => r.ref === d.runRef))
    .sort((x, y) => timeOf(y.endedAt ?? y.startedAt) - timeOf(x.endedAt ?? x.startedAt));
  const latest = deployed[0];
  if (latest) {
    const run = runs.find((r) => r.ref === latest.runRef)!;
    notes.push(
      `baseline ${run.ref} is the run behind the latest completed deployment ${latest.name} (${latest.ref})`,
    );
    return run;
  }
  if (runs.length <= 1) return runs[0] ?? null;
  throw new RunSelectionError(
    `the baseline workspace ${baseline.source.root} holds ${runs.length} runs of project ${project} and none ` +
      `is behind a completed deployment: ${refList(runs)}; choose one with --baseline-run`,
  );
}

function pickCandidate(candidate: Evidence, project: string, exclude: string | null): Run {
  const runs = (projectOf(candidate, project)?.runs ?? []).filter((r) => r.ref !== exclude);
  if (runs.length === 1) return runs[0]!;
  if (runs.length === 0) {
    throw new RunSelectionError(
      `the candidate workspace ${candidate.source.root} has no other run of project ${project}; ` +
        `choose one with --candidate-run`,
    );
  }
  throw new RunSelectionError(
    `the candidate workspace ${candidate.source.root} holds ${runs.length} runs of project ${project}: ` +
      `${refList(runs)}; choose one with --candidate-run`,
  );
}

function contextaPairs(baseline: Evidence | null, candidate: Evidence, options: SelectionOptions): RunPair[] {
  const shared = baseline !== null && sameEvidence(baseline, candidate);
  const pair = (b: Run | null, c: Run, notes: string[]): RunPair => ({
    project: c.project,
    unit: c.name,
    baseline: b,
    candidate: c,
    notes,
  });

  if (options.candidateRun !== undefined || options.baselineRun !== undefined) {
    if (options.baselineRun !== undefined && baseline === null) {
      throw new RunSelectionError(
        `--baseline-run "${options.baselineRun}" given but there is no baseline evidence`,
      );
    }
    const notes: string[] = [];
    if (options.candidateRun !== undefined) {
      const c = resolveRun(candidate, options.candidateRun, 'candidate');
      let b: Run | null = null;
      if (baseline && options.baselineRun !== undefined)
        b = resolveRun(baseline, options.baselineRun, 'baseline');
      else if (baseline) b = pickBaseline(baseline, c.project, shared ? c.ref : null, notes);
      if (b && b.ref === c.ref && shared) {
        notes.push(`baseline and candidate are the same run ${c.ref}`);
      }
      if (b && b.project !== c.project) {
        notes.push(`comparing runs of different projects: baseline ${b.ref}, candidate ${c.ref}`);
      }
      return [pair(b, c, notes)];
    }
    const b = resolveRun(baseline!, options.baselineRun!, 'baseline');
    const c = pickCandidate(candidate, b.project, shared ? b.ref : null);
    return [pair(b, c, notes)];
  }

  if (shared) {
    const multi = candidate.projects.filter((p) => p.runs.length > 1);
    if (multi.length > 0) {
      throw new RunSelectionError(
        `baseline and candidate are the same workspace (${candidate.source.root}) holding ` +
          `${refList(multi.flatMap((p) => p.runs))}; say which is which with --baseline-run and --candidate-run`,
      );
    }
  }
  const pairs: RunPair[] = [];
  for (const project of [...candidate.projects].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    if (project.runs.length === 0) continue;
    const c = pickCandidate(candidate, project.name, null);
    const notes: string[] = [];
    let b: Run | null = null;
    if (shared) {
      b = c;
      notes.push(`baseline and candidate are the same run ${c.ref}`);
    } else if (baseline) {
      b = pickBaseline(baseline, project.name, null, notes);
    }
    pairs.push(pair(b, c, notes));
  }
  if (baseline && !shared) {
    for (const project of baseline.projects) {
      if (project.runs.length === 0 || projectOf(candidate, project.name)?.runs.length) continue;
      const b = pickBaseline(baseline, project.name, null, []);
      if (!b) continue;
      pairs.push({
        project: project.name,
        unit: b.name,
        baseline: b,
        candidate: null,
        notes: [`project ${project.name} has a baseline run but no candidate run`],
      });
    }
  }
  return pairs;
}

/**
 * metalab units are parameter combinations: a unit of the candidate is paired with the baseline unit
 * of the same experiment and params label, because run ids include the code hash and always differ.
 */
function metalabPairs(baseline: Evidence | null, candidate: Evidence, options: SelectionOptions): RunPair[] {
  const keyOf = (r: Run) => JSON.stringify([r.project, r.name]);
  const left = new Map<string, Run>();
  for (const run of baseline ? allRuns(baseline) : []) if (!left.has(keyOf(run))) left.set(keyOf(run), run);
  const right = new Map<string, Run>();
  for (const run of allRuns(candidate)) if (!right.has(keyOf(run))) right.set(keyOf(run), run);
  const wanted = (run: Run, ref: string | undefined) =>
    ref === undefined || run.ref === ref || run.name === ref || run.ref.endsWith(`.${ref}`);
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
  const pairs: RunPair[] = [];
  for (const key of keys) {
    const b = left.get(key) ?? null;
    const c = right.get(key) ?? null;
    if (c && !wanted(c, options.candidateRun)) continue;
    if (!c && options.candidateRun !== undefined) continue;
    if (b && !wanted(b, options.baselineRun)) continue;
    const any = (c ?? b)!;
    const notes: string[] = [];
    if (baseline && !b)
      notes.push(`unit ${any.name} is new in the candidate (no baseline unit with these params)`);
    if (!c) notes.push(`unit ${any.name} has no candidate run (removed or never ran)`);
    pairs.push({ project: any.project, unit: any.name, baseline: b, candidate: c, notes });
  }
  if (pairs.length === 0 && (options.candidateRun !== undefined || options.baselineRun !== undefined)) {
    throw new RunSelectionError(
      `no metalab unit matches ${[options.baselineRun, options.candidateRun].filter(Boolean).join(' / ')}; ` +
        `units: ${[...right.values()].map((r) => r.name).join('; ') || '(none)'}`,
    );
  }
  return pairs;
}

/**
 * Chooses what to compare. Contexta: per project one baseline run vs one candidate run (named by ref,
 * or the only run there is); metalab: every unit paired by params label. Throws RunSelectionError
 * when the choice is ambiguous.
 */
export function selectRunPairs(
  baseline: Evidence | null,
  candidate: Evidence,
  options: SelectionOptions = {},
): RunPair[] {
  if (baseline && baseline.source.kind !== candidate.source.kind) {
    throw new RunSelectionError(
      `baseline is a ${baseline.source.kind} store (${baseline.source.root}) but the candidate is a ` +
        `${candidate.source.kind} store (${candidate.source.root}); compare like with like`,
    );
  }
  return candidate.source.kind === 'metalab'
    ? metalabPairs(baseline, candidate, options)
    : contextaPairs(baseline, candidate, options);
}
