export const id = 886;
export const ids = [886];
export const modules = {

/***/ 6886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMPARE_USAGE: () => (/* binding */ COMPARE_USAGE),
  compareCommand: () => (/* binding */ compareCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/action/project.ts
class ProjectNotFoundError extends Error {
    name = 'ProjectNotFoundError';
}
/**
 * Keeps only project `project` (null keeps all). A workspace with no projects passes through, so the
 * engine reports the missing evidence rather than a naming mistake. `origin` names where the name came
 * from in the error message.
 */
function onlyProject(evidence, project, origin = "Input 'project'") {
    if (project === null)
        return evidence;
    const projects = evidence.projects.filter((p) => p.name === project);
    if (projects.length === 0 && evidence.projects.length > 0) {
        throw new ProjectNotFoundError(`${origin}: no project '${project}' in ${evidence.source.root}; it holds ${evidence.projects.map((p) => `'${p.name}'`).join(', ')}.`);
    }
    return { ...evidence, projects };
}

;// CONCATENATED MODULE: ./src/compare/select.ts
/** Runs cannot be chosen unambiguously; the message names the runs and the flag that settles it. */
class RunSelectionError extends Error {
    name = 'RunSelectionError';
}
function allRuns(evidence) {
    return evidence.projects.flatMap((p) => p.runs);
}
function refList(runs) {
    return runs.length === 0 ? '(none)' : runs.map((r) => r.ref).join(', ');
}
/** Resolves a user-given ref the way Contexta's lookup does: the full ref, or a unique `.name` suffix. */
function resolveRun(evidence, ref, side) {
    const runs = allRuns(evidence);
    let found = runs.filter((r) => r.ref === ref);
    if (found.length === 0) {
        found = runs.filter((r) => r.ref === `run:${ref}` || r.ref.endsWith(`.${ref}`) || r.name === ref);
    }
    if (found.length === 1)
        return found[0];
    const flag = side === 'baseline' ? '--baseline-run' : '--candidate-run';
    if (found.length === 0) {
        throw new RunSelectionError(`${flag} "${ref}": no such run in ${evidence.source.root}; runs there: ${refList(runs)}`);
    }
    throw new RunSelectionError(`${flag} "${ref}" matches ${found.length} runs in ${evidence.source.root}: ${refList(found)}; give the full ref`);
}
function sameEvidence(a, b) {
    return a === b || a.source.root === b.source.root;
}
function projectOf(evidence, name) {
    return evidence.projects.find((p) => p.name === name);
}
function timeOf(value) {
    const t = value ? Date.parse(value) : Number.NaN;
    return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}
/**
 * The baseline run of a project when the caller did not name one: the only run there is, or — when
 * the baseline workspace holds several — the run behind the latest completed deployment.
 */
function pickBaseline(baseline, project, exclude, notes) {
    const p = projectOf(baseline, project);
    const runs = (p?.runs ?? []).filter((r) => r.ref !== exclude);
    const deployed = (p?.deployments ?? [])
        .filter((d) => d.status === 'completed' && d.runRef !== null && runs.some((r) => r.ref === d.runRef))
        .sort((x, y) => timeOf(y.endedAt ?? y.startedAt) - timeOf(x.endedAt ?? x.startedAt));
    const latest = deployed[0];
    if (latest) {
        const run = runs.find((r) => r.ref === latest.runRef);
        notes.push(`baseline ${run.ref} is the run behind the latest completed deployment ${latest.name} (${latest.ref})`);
        return run;
    }
    if (runs.length <= 1)
        return runs[0] ?? null;
    throw new RunSelectionError(`the baseline workspace ${baseline.source.root} holds ${runs.length} runs of project ${project} and none ` +
        `is behind a completed deployment: ${refList(runs)}; choose one with --baseline-run`);
}
function pickCandidate(candidate, project, exclude) {
    const runs = (projectOf(candidate, project)?.runs ?? []).filter((r) => r.ref !== exclude);
    if (runs.length === 1)
        return runs[0];
    if (runs.length === 0) {
        throw new RunSelectionError(`the candidate workspace ${candidate.source.root} has no other run of project ${project}; ` +
            `choose one with --candidate-run`);
    }
    throw new RunSelectionError(`the candidate workspace ${candidate.source.root} holds ${runs.length} runs of project ${project}: ` +
        `${refList(runs)}; choose one with --candidate-run`);
}
function contextaPairs(baseline, candidate, options) {
    const shared = baseline !== null && sameEvidence(baseline, candidate);
    const pair = (b, c, notes) => ({
        project: c.project,
        unit: c.name,
        baseline: b,
        candidate: c,
        notes,
    });
    if (options.candidateRun !== undefined || options.baselineRun !== undefined) {
        if (options.baselineRun !== undefined && baseline === null) {
            throw new RunSelectionError(`--baseline-run "${options.baselineRun}" given but there is no baseline evidence`);
        }
        const notes = [];
        if (options.candidateRun !== undefined) {
            const c = resolveRun(candidate, options.candidateRun, 'candidate');
            let b = null;
            if (baseline && options.baselineRun !== undefined)
                b = resolveRun(baseline, options.baselineRun, 'baseline');
            else if (baseline)
                b = pickBaseline(baseline, c.project, shared ? c.ref : null, notes);
            if (b && b.ref === c.ref && shared) {
                notes.push(`baseline and candidate are the same run ${c.ref}`);
            }
            if (b && b.project !== c.project) {
                notes.push(`comparing runs of different projects: baseline ${b.ref}, candidate ${c.ref}`);
            }
            return [pair(b, c, notes)];
        }
        const b = resolveRun(baseline, options.baselineRun, 'baseline');
        const c = pickCandidate(candidate, b.project, shared ? b.ref : null);
        return [pair(b, c, notes)];
    }
    if (shared) {
        const multi = candidate.projects.filter((p) => p.runs.length > 1);
        if (multi.length > 0) {
            throw new RunSelectionError(`baseline and candidate are the same workspace (${candidate.source.root}) holding ` +
                `${refList(multi.flatMap((p) => p.runs))}; say which is which with --baseline-run and --candidate-run`);
        }
    }
    const pairs = [];
    for (const project of [...candidate.projects].sort((x, y) => (x.name < y.name ? -1 : 1))) {
        if (project.runs.length === 0)
            continue;
        const c = pickCandidate(candidate, project.name, null);
        const notes = [];
        let b = null;
        if (shared) {
            b = c;
            notes.push(`baseline and candidate are the same run ${c.ref}`);
        }
        else if (baseline) {
            b = pickBaseline(baseline, project.name, null, notes);
        }
        pairs.push(pair(b, c, notes));
    }
    if (baseline && !shared) {
        for (const project of baseline.projects) {
            if (project.runs.length === 0 || projectOf(candidate, project.name)?.runs.length)
                continue;
            const b = pickBaseline(baseline, project.name, null, []);
            if (!b)
                continue;
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
function metalabPairs(baseline, candidate, options) {
    const keyOf = (r) => JSON.stringify([r.project, r.name]);
    const left = new Map();
    for (const run of baseline ? allRuns(baseline) : [])
        if (!left.has(keyOf(run)))
            left.set(keyOf(run), run);
    const right = new Map();
    for (const run of allRuns(candidate))
        if (!right.has(keyOf(run)))
            right.set(keyOf(run), run);
    const wanted = (run, ref) => ref === undefined || run.ref === ref || run.name === ref || run.ref.endsWith(`.${ref}`);
    const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
    const pairs = [];
    for (const key of keys) {
        const b = left.get(key) ?? null;
        const c = right.get(key) ?? null;
        if (c && !wanted(c, options.candidateRun))
            continue;
        if (!c && options.candidateRun !== undefined)
            continue;
        if (b && !wanted(b, options.baselineRun))
            continue;
        const any = (c ?? b);
        const notes = [];
        if (baseline && !b)
            notes.push(`unit ${any.name} is new in the candidate (no baseline unit with these params)`);
        if (!c)
            notes.push(`unit ${any.name} has no candidate run (removed or never ran)`);
        pairs.push({ project: any.project, unit: any.name, baseline: b, candidate: c, notes });
    }
    if (pairs.length === 0 && (options.candidateRun !== undefined || options.baselineRun !== undefined)) {
        throw new RunSelectionError(`no metalab unit matches ${[options.baselineRun, options.candidateRun].filter(Boolean).join(' / ')}; ` +
            `units: ${[...right.values()].map((r) => r.name).join('; ') || '(none)'}`);
    }
    return pairs;
}
/**
 * Chooses what to compare. Contexta: per project one baseline run vs one candidate run (named by ref,
 * or the only run there is); metalab: every unit paired by params label. Throws RunSelectionError
 * when the choice is ambiguous.
 */
function selectRunPairs(baseline, candidate, options = {}) {
    if (baseline && baseline.source.kind !== candidate.source.kind) {
        throw new RunSelectionError(`baseline is a ${baseline.source.kind} store (${baseline.source.root}) but the candidate is a ` +
            `${candidate.source.kind} store (${candidate.source.root}); compare like with like`);
    }
    return candidate.source.kind === 'metalab'
        ? metalabPairs(baseline, candidate, options)
        : contextaPairs(baseline, candidate, options);
}

// EXTERNAL MODULE: ./src/compare/glob.ts
var glob = __webpack_require__(1169);
;// CONCATENATED MODULE: ./src/compare/direction.ts

/** A whole name, or the last hyphen-word of a name: `f1`, `macro-f1`, `val-loss`. */
const word = (w) => {
    return (name) => name === w || name.endsWith(`-${w}`);
};
/** A name or one of its hyphen-words starting with the prefix: `latency-ms`, `p95-latency`, `model-size`. */
const prefix = (p) => {
    return (name) => name.startsWith(p) || name.includes(`-${p}`);
};
const suffix = (s) => {
    return (name) => name.endsWith(s);
};
// Lower-is-better rules come first so a unit suffix wins over a quality word (`score-ms` is a latency).
const BUILT_IN = [
    ...['latency', 'error', 'size'].map((p) => ({ test: prefix(p), direction: 'lower' })),
    ...['-ms', '.seconds'].map((s) => ({ test: suffix(s), direction: 'lower' })),
    ...['loss', 'perplexity'].map((w) => ({ test: word(w), direction: 'lower' })),
    ...['accuracy', 'f1', 'auc', 'precision', 'recall', 'exact-match', 'pass', 'correct', 'score'].map((w) => ({
        test: word(w),
        direction: 'higher',
    })),
];
/**
 * Which way is better for a metric key. User overrides (`policy.directions`, key globs) win, first
 * match in file order, matched against the key as written; then the built-in table, tried on the
 * whole key and then on its last dot-segment (`latency-ms.p95` by the whole key, `eval.f1` by `f1`).
 * The table reads `_` like `-`: Contexta keys cannot hold `_`, but metalab keys are snake_case
 * (`latency_ms`, `per_class_accuracy`). Anything else — token counts, cost, sample counts — is
 * `neutral`: a change is reported but is neither better nor worse.
 */
function metricDirection(key, overrides = []) {
    for (const override of overrides) {
        if ((0,glob/* globMatch */.e)(override.pattern, key))
            return override.direction;
    }
    const words = key.replaceAll('_', '-');
    const lastSegment = words.slice(words.lastIndexOf('.') + 1);
    for (const name of [words, lastSegment]) {
        for (const rule of BUILT_IN) {
            if (rule.test(name))
                return rule.direction;
        }
    }
    return 'neutral';
}

;// CONCATENATED MODULE: ./src/compare/metrics.ts

function seriesId(stage, s) {
    return JSON.stringify([stage, s.key, s.slice, s.batch]);
}
/**
 * Every metric series of a run, run-level ones included (Contexta's compare ignores run-level metrics;
 * metalab has nothing else, and a Contexta job may record its headline metric without a stage). When a
 * reader hands over two series with the same identity, the one observed later wins, like Contexta's
 * "latest" rule.
 */
function indexSeries(run) {
    const index = new Map();
    if (!run)
        return index;
    const add = (stage, series) => {
        const id = seriesId(stage, series);
        const existing = index.get(id);
        if (existing && laterThan(existing.series, series))
            return;
        index.set(id, { stage, series });
    };
    for (const series of run.runMetrics)
        add(null, series);
    for (const stage of run.stages)
        for (const series of stage.metrics)
            add(stage.name, series);
    return index;
}
function laterThan(a, b) {
    const ta = a.latest.observedAt ? Date.parse(a.latest.observedAt) : Number.NaN;
    const tb = b.latest.observedAt ? Date.parse(b.latest.observedAt) : Number.NaN;
    return Number.isFinite(ta) && Number.isFinite(tb) && ta > tb;
}
function assessChange(delta, direction) {
    if (delta === 0)
        return 'unchanged';
    if (direction === 'neutral')
        return 'neutral';
    if (direction === 'higher')
        return delta > 0 ? 'better' : 'worse';
    return delta < 0 ? 'better' : 'worse';
}
function isPartial(series) {
    return series.completeness !== 'complete';
}
function nonFiniteReason(side, series) {
    return `${side} holds ${series.nonFinite} non-finite observation(s) (NaN/Infinity) and no finite latest value`;
}
/**
 * Matches metric series across sides by stage/key/slice/batch. `baseline` may be null (no baseline
 * run): every candidate series is then `added`, with no deltas.
 */
function compareMetrics(baseline, candidate, directions) {
    const left = indexSeries(baseline);
    const right = indexSeries(candidate);
    const ids = new Set([...left.keys(), ...right.keys()]);
    const deltas = [];
    for (const id of ids) {
        const b = left.get(id);
        const c = right.get(id);
        const any = (c ?? b);
        const direction = metricDirection(any.series.key, directions);
        const bValue = b && Number.isFinite(b.series.latest.value) ? b.series.latest.value : null;
        const cValue = c && Number.isFinite(c.series.latest.value) ? c.series.latest.value : null;
        const row = {
            stage: any.stage,
            key: any.series.key,
            slice: any.series.slice,
            batch: any.series.batch,
            unit: c?.series.unit ?? b?.series.unit ?? null,
            presence: b && c ? 'both' : c ? 'candidate_only' : 'baseline_only',
            status: b && c ? 'compared' : c ? 'added' : 'removed',
            baseline: bValue,
            candidate: cValue,
            delta: null,
            relativeChange: null,
            ratio: null,
            direction,
            change: null,
            baselineCount: b ? b.series.count : null,
            candidateCount: c ? c.series.count : null,
            baselineNonFinite: b?.series.nonFinite ?? 0,
            candidateNonFinite: c?.series.nonFinite ?? 0,
            baselineDegraded: b?.series.degraded ?? false,
            candidateDegraded: c?.series.degraded ?? false,
            baselinePartial: b ? isPartial(b.series) : false,
            candidatePartial: c ? isPartial(c.series) : false,
            baselineReplicates: b ? [...b.series.replicates] : [],
            candidateReplicates: c ? [...c.series.replicates] : [],
            sampleLink: null,
            reason: null,
        };
        if (b && c) {
            if (bValue === null || cValue === null) {
                row.status = 'not_comparable';
                const reasons = [];
                if (bValue === null)
                    reasons.push(nonFiniteReason('baseline', b.series));
                if (cValue === null)
                    reasons.push(nonFiniteReason('candidate', c.series));
                row.reason = reasons.join('; ');
            }
            else {
                row.delta = cValue - bValue;
                row.ratio = bValue === 0 ? null : cValue / bValue;
                row.relativeChange = bValue === 0 ? null : row.delta / Math.abs(bValue);
                row.change = assessChange(row.delta, direction);
                const ignored = row.baselineNonFinite + row.candidateNonFinite;
                if (ignored > 0) {
                    row.reason = `${ignored} non-finite observation(s) ignored; latest finite values compared`;
                }
            }
        }
        else {
            const only = (c ?? b);
            if (!Number.isFinite(only.series.latest.value)) {
                row.reason = nonFiniteReason(c ? 'candidate' : 'baseline', only.series);
            }
        }
        deltas.push(row);
    }
    return deltas.sort(compareRows);
}
const byText = (a, b) => {
    if (a === b)
        return 0;
    if (a === null)
        return -1;
    if (b === null)
        return 1;
    return a < b ? -1 : 1;
};
function compareRows(a, b) {
    return (byText(a.stage, b.stage) || byText(a.key, b.key) || byText(a.slice, b.slice) || byText(a.batch, b.batch));
}

;// CONCATENATED MODULE: ./src/compare/artifacts.ts

function byKind(run) {
    const out = new Map();
    for (const artifact of run?.artifacts ?? []) {
        const list = out.get(artifact.kind) ?? [];
        list.push(artifact);
        out.set(artifact.kind, list);
    }
    return out;
}
/** Summed size, or null when any artifact's size is unknown (a partial sum would understate growth). */
function totalSize(artifacts) {
    let total = 0;
    for (const a of artifacts) {
        if (a.sizeBytes === null)
            return null;
        total += a.sizeBytes;
    }
    return artifacts.length === 0 ? null : total;
}
/**
 * Artifacts grouped by kind, following Contexta's rule (one per side → compare hash and location;
 * more than one on a side → ambiguous), plus size growth, which Contexta does not report.
 */
function compareArtifacts(baseline, candidate) {
    const left = byKind(baseline);
    const right = byKind(candidate);
    const kinds = [...new Set([...left.keys(), ...right.keys()])].sort(byText);
    return kinds.map((kind) => {
        const b = left.get(kind) ?? [];
        const c = right.get(kind) ?? [];
        const bSize = totalSize(b);
        const cSize = totalSize(c);
        const growthBytes = bSize !== null && cSize !== null ? cSize - bSize : null;
        let change;
        let detail = null;
        if (b.length === 0)
            change = 'added';
        else if (c.length === 0)
            change = 'removed';
        else if (b.length > 1 || c.length > 1)
            change = 'ambiguous';
        else {
            const hashChanged = b[0].hash !== c[0].hash;
            const locationChanged = b[0].location !== c[0].location;
            change = hashChanged || locationChanged ? 'changed' : 'unchanged';
            if (hashChanged && locationChanged)
                detail = 'both_changed';
            else if (hashChanged)
                detail = 'hash_changed';
            else if (locationChanged)
                detail = 'location_changed';
        }
        return {
            kind,
            change,
            detail,
            baselineCount: b.length,
            candidateCount: c.length,
            baselineRef: b[0]?.ref ?? null,
            candidateRef: c[0]?.ref ?? null,
            baselineLocation: b[0]?.location ?? null,
            candidateLocation: c[0]?.location ?? null,
            baselineSizeBytes: bSize,
            candidateSizeBytes: cSize,
            growthBytes,
            growthPct: growthBytes !== null && bSize ? (growthBytes / bSize) * 100 : null,
        };
    });
}

;// CONCATENATED MODULE: ./src/compare/environment.ts
function field(baseline, candidate) {
    return { baseline, candidate, changed: baseline !== candidate };
}
/**
 * Compares environment snapshots when both runs have one. The model holds variable names only, so no
 * value can leak into a report from here.
 */
function compareEnvironment(baseline, candidate) {
    const b = baseline?.environment ?? null;
    const c = candidate?.environment ?? null;
    const empty = {
        status: 'both_missing',
        changed: false,
        python: null,
        platform: null,
        packagesAdded: [],
        packagesRemoved: [],
        packagesChanged: [],
        variableNamesAdded: [],
        variableNamesRemoved: [],
    };
    if (!b || !c) {
        return { ...empty, status: b ? 'candidate_missing' : c ? 'baseline_missing' : 'both_missing' };
    }
    const names = [...new Set([...Object.keys(b.packages), ...Object.keys(c.packages)])].sort();
    const added = [];
    const removed = [];
    const changed = [];
    for (const name of names) {
        const from = b.packages[name] ?? null;
        const to = c.packages[name] ?? null;
        if (from === null)
            added.push({ name, baseline: null, candidate: to });
        else if (to === null)
            removed.push({ name, baseline: from, candidate: null });
        else if (from !== to)
            changed.push({ name, baseline: from, candidate: to });
    }
    const bVars = new Set(b.environmentVariableNames);
    const cVars = new Set(c.environmentVariableNames);
    const python = field(b.python, c.python);
    const platform = field(b.platform, c.platform);
    const variableNamesAdded = [...cVars].filter((n) => !bVars.has(n)).sort();
    const variableNamesRemoved = [...bVars].filter((n) => !cVars.has(n)).sort();
    return {
        status: 'compared',
        changed: python.changed ||
            platform.changed ||
            added.length +
                removed.length +
                changed.length +
                variableNamesAdded.length +
                variableNamesRemoved.length >
                0,
        python,
        platform,
        packagesAdded: added,
        packagesRemoved: removed,
        packagesChanged: changed,
        variableNamesAdded,
        variableNamesRemoved,
    };
}

// EXTERNAL MODULE: ./src/evidence/model.ts
var model = __webpack_require__(3000);
;// CONCATENATED MODULE: ./src/stats/input-error.ts
/**
 * Thrown for every input the statistics cannot be computed from. The functions in `stats/` never return a
 * half-computed result: either all fields are meaningful numbers or this is thrown. It is a RangeError so
 * generic handlers treat it as bad input, and carries a machine-readable `reason` so the gate layer can
 * turn `empty` into "not enough samples" without parsing messages.
 */
class input_error_StatsInputError extends RangeError {
    name = 'StatsInputError';
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
    }
}
function input_error_checkConfidence(confidence) {
    if (!(confidence > 0 && confidence < 1)) {
        throw new input_error_StatsInputError('invalid-option', `confidence must be strictly between 0 and 1 (e.g. 0.95), got ${confidence}`);
    }
}
function input_error_checkCount(name, value) {
    if (!Number.isSafeInteger(value) || value < 0) {
        throw new input_error_StatsInputError('invalid-count', `${name} must be a non-negative integer, got ${value}`);
    }
}
function checkPairedLengths(baseline, candidate) {
    if (baseline.length !== candidate.length) {
        throw new input_error_StatsInputError('length-mismatch', `paired samples must have equal length: baseline has ${baseline.length}, candidate has ${candidate.length}`);
    }
    if (baseline.length === 0) {
        throw new input_error_StatsInputError('empty', 'no paired samples: at least one pair is needed');
    }
}

;// CONCATENATED MODULE: ./src/stats/hypothesis.ts

/** The one-sided alternative "the candidate is worse" for a metric with this direction. */
function worseningAlternative(direction) {
    return direction === 'higher-is-better' ? 'less' : 'greater';
}
/** Default `policy.min_pairs`: below it no significance decision is made (issue 13). */
const DEFAULT_MIN_PAIRS = 10;
function checkAlternative(alternative) {
    if (alternative !== 'less' && alternative !== 'greater' && alternative !== 'two-sided') {
        throw new input_error_StatsInputError('invalid-option', `alternative must be 'less', 'greater' or 'two-sided', got ${String(alternative)}`);
    }
}
function checkMinPairs(minPairs) {
    if (!Number.isSafeInteger(minPairs) || minPairs < 1) {
        throw new input_error_StatsInputError('invalid-option', `minPairs must be a positive integer, got ${minPairs}`);
    }
}
/** The guard every test applies first; null when n is enough. */
function tooFewPairs(n, minPairs) {
    checkMinPairs(minPairs);
    if (n >= minPairs)
        return null;
    return {
        status: 'insufficient',
        cause: 'too-few-pairs',
        n,
        minPairs,
        reason: `${n} pair${n === 1 ? '' : 's'}, fewer than min_pairs = ${minPairs}`,
    };
}
/**
 * Bootstrap p-value from the resampled differences, with the +1 correction (North, Curtis & Sham 2002):
 * `atOrBelow` / `atOrAbove` count resampled differences ≤ 0 / ≥ 0 among `valid` resamples.
 * `less`: (1 + #{δ* ≥ 0}) / (valid + 1) — how often the resampled difference fails to be negative;
 * `greater` mirrored; `two-sided`: min(1, 2·(1 + min of the two counts) / (valid + 1)). This is the
 * p-value that inverts the percentile interval: p < α one-sided exactly when the one-sided (1 − α)
 * percentile bound excludes 0, up to the +1. Ties at 0 count against significance.
 */
function bootstrapPValue(atOrBelow, atOrAbove, valid, alternative) {
    if (alternative === 'less')
        return Math.min(1, (atOrAbove + 1) / (valid + 1));
    if (alternative === 'greater')
        return Math.min(1, (atOrBelow + 1) / (valid + 1));
    return Math.min(1, (2 * (Math.min(atOrBelow, atOrAbove) + 1)) / (valid + 1));
}

;// CONCATENATED MODULE: ./src/stats/normal.ts

/*
 * Inverse of the standard normal CDF by Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3),
 * 477–484, 1988: three rational approximations (central, intermediate and far tail), accurate to about
 * 1 part in 1e16 over the whole double range, with no iteration and no dependency on an erfc
 * implementation (which Acklam's method needs for its refinement step to reach full precision).
 * The published 20-digit coefficients are written as the doubles they round to (shortest round-trip form).
 */
const SPLIT1 = 0.425;
const SPLIT2 = 5;
const CONST1 = 0.180625;
const CONST2 = 1.6;
const A = [
    3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
    67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
    1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
    28729.085735721943, 5226.495278852854,
];
const C = [
    1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
    0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
    1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
    0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
    6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
    0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
    1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
    0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];
function ratio(numerator, denominator, x) {
    let num = 0;
    let den = 0;
    for (let i = numerator.length - 1; i >= 0; i--) {
        num = num * x + numerator[i];
        den = den * x + denominator[i];
    }
    return num / den;
}
/**
 * The standard normal quantile Φ⁻¹(p). Returns -Infinity for p = 0 and +Infinity for p = 1; throws a
 * StatsInputError for p outside [0, 1] or NaN.
 */
function normalQuantile(p) {
    if (!(p >= 0 && p <= 1)) {
        throw new input_error_StatsInputError('invalid-option', `normal quantile needs a probability in [0, 1], got ${p}`);
    }
    if (p === 0)
        return Number.NEGATIVE_INFINITY;
    if (p === 1)
        return Number.POSITIVE_INFINITY;
    const q = p - 0.5;
    if (Math.abs(q) <= SPLIT1) {
        return q * ratio(A, B, CONST1 - q * q);
    }
    const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
    const z = r <= SPLIT2 ? ratio(C, D, r - CONST2) : ratio(E, F, r - SPLIT2);
    return q < 0 ? -z : z;
}
/** The two-sided critical value z such that P(|Z| ≤ z) = confidence. */
function normal_twoSidedCriticalValue(confidence) {
    input_error_checkConfidence(confidence);
    // The lower tail keeps full relative precision for confidence levels close to 1.
    return -normalQuantile((1 - confidence) / 2);
}

;// CONCATENATED MODULE: ./src/stats/rng.ts

/*
 * xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c), seeded the way
 * its authors recommend: the 128-bit state is filled from two outputs of SplitMix64
 * (https://prng.di.unimi.it/splitmix64.c) started at the seed. Low 32 bits of the first output go to
 * s[0], its high 32 bits to s[1], the second output likewise to s[2], s[3]. SplitMix64 is a bijection
 * of its counter, so two consecutive outputs are never both zero and the all-zero state cannot occur.
 * Everything is 32-bit integer arithmetic (Math.imul, >>>), so the stream is bit-identical on every
 * JavaScript engine and platform.
 */
const TWO_POW_21 = 2097152;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const MASK_64 = (1n << 64n) - 1n;
function splitMix64(state) {
    const next = (state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = next;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return { state: next, output: z ^ (z >> 31n) };
}
class Rng {
    s0;
    s1;
    s2;
    s3;
    single = new Uint32Array(1);
    /** `seed` is any integer in [0, 2^53): every such seed gives a distinct, reproducible stream. */
    constructor(seed) {
        if (!Number.isSafeInteger(seed) || seed < 0) {
            throw new input_error_StatsInputError('invalid-option', `seed must be an integer in [0, 2^53), got ${seed}`);
        }
        const first = splitMix64(BigInt(seed));
        const second = splitMix64(first.state);
        this.s0 = Number(first.output & 0xffffffffn);
        this.s1 = Number(first.output >> 32n);
        this.s2 = Number(second.output & 0xffffffffn);
        this.s3 = Number(second.output >> 32n);
    }
    /** Next raw output, an integer in [0, 2^32). */
    nextUint32() {
        const s1 = this.s1;
        const times5 = Math.imul(s1, 5);
        const result = Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0;
        const t = s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= s1;
        this.s1 = s1 ^ this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
        return result;
    }
    /** Uniform double in [0, 1) with the full 53 bits of precision (two raw outputs per call). */
    nextDouble() {
        const high = this.nextUint32() >>> 5;
        const low = this.nextUint32() >>> 6;
        return (high * 67108864 + low) / TWO_POW_53;
    }
    /**
     * Uniform integer in [0, n) for an integer n in [1, 2^32], without bias. Same stream as `fillInts`.
     */
    nextInt(n) {
        this.fillInts(this.single, n);
        return this.single[0];
    }
    /**
     * Fills `target` with uniform integers in [0, n), n an integer in [1, 2^32], without bias. This is the
     * hot path of the bootstrap, so the generator state lives in locals for the whole loop.
     *
     * For n ≤ 2^21 it uses Lemire's multiply-shift ("Fast random integer generation in an interval", ACM
     * TOMACS 2019): x·n is exact in a double, its high 32 bits are the result, and the rare low parts below
     * 2^32 mod n are rejected. Larger n fall back to rejecting the incomplete top block and taking x mod n.
     */
    fillInts(target, n) {
        if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
            throw new input_error_StatsInputError('invalid-option', `integer draws need an integer n in [1, 2^32], got ${n}`);
        }
        let s0 = this.s0;
        let s1 = this.s1;
        let s2 = this.s2;
        let s3 = this.s3;
        const multiplyShift = n <= TWO_POW_21;
        const threshold = multiplyShift ? (TWO_POW_32 - n) % n : TWO_POW_32 - (TWO_POW_32 % n);
        for (let i = 0; i < target.length;) {
            const times5 = Math.imul(s1, 5);
            const x = Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0;
            const t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 11) | (s3 >>> 21);
            if (multiplyShift) {
                const product = x * n;
                const high = Math.floor(product / TWO_POW_32);
                if (product - high * TWO_POW_32 >= threshold)
                    target[i++] = high;
            }
            else if (x < threshold) {
                target[i++] = x % n;
            }
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }
    /**
     * Sum of `count` values drawn uniformly with replacement from `values` (one bootstrap resample),
     * drawing the indices exactly as `fillInts(target of length count, values.length)` would. The
     * bootstrap's inner loop: fused so the indices are never stored and read back.
     */
    sumOfDraws(values, count) {
        const n = values.length;
        if (n < 1 || n > TWO_POW_21) {
            const indices = new Uint32Array(count);
            this.fillInts(indices, n);
            let sum = 0;
            for (let i = 0; i < count; i++)
                sum += values[indices[i]];
            return sum;
        }
        let s0 = this.s0;
        let s1 = this.s1;
        let s2 = this.s2;
        let s3 = this.s3;
        const threshold = (TWO_POW_32 - n) % n;
        let sum = 0;
        for (let i = 0; i < count;) {
            const times5 = Math.imul(s1, 5);
            const x = Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0;
            const t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 11) | (s3 >>> 21);
            const product = x * n;
            const high = Math.floor(product / TWO_POW_32);
            if (product - high * TWO_POW_32 >= threshold) {
                sum += values[high];
                i++;
            }
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
        return sum;
    }
}

;// CONCATENATED MODULE: ./src/stats/bootstrap.ts




const DEFAULT_RESAMPLES = 2000;
const DEFAULT_BOOTSTRAP_SEED = 1;
const MIN_RESAMPLES = 100;
/**
 * Paired nonparametric bootstrap of the mean difference candidate − baseline (Efron & Tibshirani 1993,
 * An Introduction to the Bootstrap, ch. 13, percentile interval). Samples are resampled as pairs, i.e.
 * the per-sample differences are resampled, which keeps the pairing that makes the comparison sharp.
 *
 * Cost is O(resamples × n) time and O(n + resamples) memory: the differences and the resampled means;
 * each resample's indices are drawn and summed on the fly (`Rng.sumOfDraws`), nothing allocated per
 * resample. Values must be finite; throws StatsInputError `empty` for zero pairs, `length-mismatch`,
 * `not-finite` or `invalid-option` otherwise.
 */
function pairedBootstrap(baseline, candidate, options = {}) {
    const resamples = options.resamples ?? DEFAULT_RESAMPLES;
    const confidence = options.confidence ?? 0.95;
    const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
    const alternative = options.alternative ?? 'two-sided';
    checkResamples(resamples);
    checkAlternative(alternative);
    input_error_checkConfidence(confidence);
    checkPairedLengths(baseline, candidate);
    const rng = new Rng(seed);
    const n = baseline.length;
    const differences = new Float64Array(n);
    let sumBaseline = 0;
    let sumCandidate = 0;
    let sumDifference = 0;
    for (let i = 0; i < n; i++) {
        const x = baseline[i];
        const y = candidate[i];
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
            throw new input_error_StatsInputError('not-finite', `sample ${i} has a non-finite value (baseline ${x}, candidate ${y})`);
        }
        sumBaseline += x;
        sumCandidate += y;
        const difference = y - x;
        differences[i] = difference;
        sumDifference += difference;
    }
    if (!Number.isFinite(sumBaseline) || !Number.isFinite(sumCandidate) || !Number.isFinite(sumDifference)) {
        throw new input_error_StatsInputError('not-finite', 'values are too large to average in double precision');
    }
    const difference = sumDifference / n;
    const means = new Float64Array(resamples);
    let atOrBelowZero = 0;
    let atOrAboveZero = 0;
    let sumMeans = 0;
    for (let r = 0; r < resamples; r++) {
        const mean = rng.sumOfDraws(differences, n) / n;
        means[r] = mean;
        sumMeans += mean;
        if (mean <= 0)
            atOrBelowZero++;
        if (mean >= 0)
            atOrAboveZero++;
    }
    let squares = 0;
    const centre = sumMeans / resamples;
    for (let r = 0; r < resamples; r++)
        squares += (means[r] - centre) ** 2;
    const standardError = Math.sqrt(squares / (resamples - 1));
    means.sort();
    const alpha = 1 - confidence;
    const interval = [quantileSorted(means, alpha / 2), quantileSorted(means, 1 - alpha / 2)];
    // The +1 correction (North, Curtis & Sham 2002, Am J Hum Genet 71:439) counts the observed sample as one
    // of the resamples, so a finite number of resamples never claims p = 0.
    const pValue = bootstrapPValue(atOrBelowZero, atOrAboveZero, resamples, alternative);
    return {
        test: 'paired-bootstrap',
        intervalMethod: 'percentile',
        n,
        meanBaseline: sumBaseline / n,
        meanCandidate: sumCandidate / n,
        difference,
        interval,
        confidence,
        resamples,
        seed,
        alternative,
        pValue,
        standardError,
        monteCarloError: percentileMonteCarloError(standardError, resamples, confidence),
    };
}
function checkResamples(resamples) {
    if (!Number.isSafeInteger(resamples) || resamples < MIN_RESAMPLES) {
        throw new input_error_StatsInputError('invalid-option', `resamples must be an integer ≥ ${MIN_RESAMPLES}, got ${resamples}`);
    }
}
/**
 * `pairedBootstrap` behind the `minPairs` guard, for the gate: n < minPairs returns `insufficient`
 * (a bootstrap of 1–2 pairs can report p = 0.001, which means nothing). Options as `pairedBootstrap`;
 * a length mismatch is still thrown before the guard, other malformed input as `pairedBootstrap` does.
 */
function pairedMeanTest(baseline, candidate, options = {}) {
    if (baseline.length !== candidate.length)
        checkPairedLengths(baseline, candidate);
    const guard = tooFewPairs(baseline.length, options.minPairs ?? DEFAULT_MIN_PAIRS);
    if (guard)
        return guard;
    return { status: 'ok', ...pairedBootstrap(baseline, candidate, options) };
}
/**
 * Approximate Monte-Carlo standard error of a percentile-interval bound: the sample q-quantile of R draws
 * has standard error √(q(1−q)/R) / f(ξ_q), and with the bootstrap distribution close to normal with
 * standard deviation `standardError`, f(ξ_q) = φ(z_q) / standardError. Callers can compare it to the
 * smallest effect they act on to decide whether `resamples` was enough.
 */
function percentileMonteCarloError(standardError, resamples, confidence) {
    input_error_checkConfidence(confidence);
    if (!(Number.isFinite(standardError) && standardError >= 0) ||
        !Number.isSafeInteger(resamples) ||
        resamples < 1) {
        throw new input_error_StatsInputError('invalid-option', `need a finite standard error ≥ 0 and a positive resample count, got ${standardError} and ${resamples}`);
    }
    const q = (1 - confidence) / 2;
    const z = normalQuantile(q);
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    return (standardError * Math.sqrt((q * (1 - q)) / resamples)) / density;
}
/** Linear interpolation between order statistics (Hyndman & Fan 1996 type 7, R's default). */
function quantileSorted(sorted, p) {
    const position = (sorted.length - 1) * p;
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    const weight = position - below;
    return sorted[below] + weight * (sorted[above] - sorted[below]);
}

;// CONCATENATED MODULE: ./src/stats/holm.ts

/**
 * Holm's step-down adjusted p-values (Holm 1979, "A simple sequentially rejective multiple test
 * procedure", Scand J Stat 6:65–70), in the input order. With p₍₁₎ ≤ … ≤ p₍ₘ₎ the sorted raw values,
 *
 *   p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎),
 *
 * the same formula as statsmodels' `multipletests(method='holm')` and R's `p.adjust(method='holm')`.
 * Rejecting every hypothesis with p̃ ≤ α controls the family-wise error rate at α under any dependence
 * between the tests. The adjusted values are ≥ the raw ones, ≤ 1, and monotone in the raw order; ties
 * get equal adjusted values. An empty family gives []. Throws StatsInputError `invalid-option` for a
 * value outside [0, 1] or NaN.
 */
function holmAdjust(pValues) {
    const m = pValues.length;
    for (let i = 0; i < m; i++) {
        const p = pValues[i];
        if (!(p >= 0 && p <= 1)) {
            throw new input_error_StatsInputError('invalid-option', `p-value ${i} must be in [0, 1], got ${p}`);
        }
    }
    const order = pValues.map((_, i) => i).sort((x, y) => pValues[x] - pValues[y] || x - y);
    const adjusted = new Array(m);
    let running = 0;
    for (let rank = 0; rank < m; rank++) {
        const index = order[rank];
        running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
        adjusted[index] = running;
    }
    return adjusted;
}
/**
 * Tarone's reduction of a family of discrete tests (Tarone 1990, "A modified Bonferroni method for
 * discrete data", Biometrics 46:703–707; with Holm's step-down, Hommel & Krummenauer 1998, Biometrics
 * 54:673–681). A conditional test such as McNemar's, given its number of discordant pairs, has a
 * smallest attainable p-value; a hypothesis that cannot reach α/K can never be rejected at that level,
 * so it need not be counted in the family. K is the smallest integer with at most K hypotheses whose
 * smallest attainable p is ≤ α/K, and the family is those hypotheses. Because the smallest attainable
 * p depends only on the margins (ancillary under the null), Holm over the reduced family still controls
 * the family-wise error rate at α. Continuous tests (a bootstrap) have a smallest attainable p of 0
 * and are always kept. Returns, in input order, whether each hypothesis stays in the family.
 */
function taroneFamily(minAttainable, alpha) {
    if (!(alpha > 0 && alpha < 1))
        throw new input_error_StatsInputError('invalid-option', `alpha must be in (0, 1), got ${alpha}`);
    const m = minAttainable.length;
    for (let i = 0; i < m; i++) {
        const p = minAttainable[i];
        if (!(p >= 0 && p <= 1)) {
            throw new input_error_StatsInputError('invalid-option', `smallest attainable p ${i} must be in [0, 1], got ${p}`);
        }
    }
    let k = 1;
    while (k < m && minAttainable.filter((p) => p <= alpha / k).length > k)
        k++;
    return minAttainable.map((p) => p <= alpha / k);
}

;// CONCATENATED MODULE: ./src/stats/binomial.ts
/*
 * Binomial probabilities for the symmetric case p = 1/2, which is all the exact McNemar test needs.
 * The point mass uses Loader's saddle-point form ("Fast and accurate computation of binomial
 * probabilities", 2000 — the algorithm behind R's dbinom): Stirling-series remainders and a
 * cancellation-free deviance term, so no factorial or log-factorial of a large number is ever formed and
 * the point mass keeps near machine precision for n in the millions. The lower tail sums point masses
 * downward from k with the ratio recurrence P(j-1)/P(j) = j/(n-j+1), which only shrinks terms when
 * k ≤ n/2, and stops once terms no longer change the sum; rounding accumulated over its ~√n·9 steps keeps
 * the tail within 1e-12 relative at n = 1e6 (the tests check this against scipy).
 */
/*
 * stirlingError(n) for n = 1..15, computed to 60 digits with Python's decimal module (they agree with
 * the table in R's stirlerr.c); evaluating the definition in doubles would cancel away ~2 digits.
 */
const STIRLING_ERROR_SMALL = [
    0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
    0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
    0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
    0.005554733551962801,
];
/** log(n!) − [(n + ½)·log(n) − n + log√(2π)], the error of Stirling's formula, for integers n ≥ 1. */
function stirlingError(n) {
    if (n <= 15)
        return STIRLING_ERROR_SMALL[n];
    const inv = 1 / n;
    const inv2 = inv * inv;
    // Series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹); the next term, 691/(360360n¹¹),
    // is below 1.2e-16 for n > 15.
    return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
}
/** x·log(x/m) + m − x, computed without cancellation when x ≈ m. */
function deviance(x, m) {
    if (Math.abs(x - m) < 0.1 * (x + m)) {
        const v = (x - m) / (x + m);
        let sum = (x - m) * v;
        let term = 2 * x * v;
        const v2 = v * v;
        for (let j = 1; j < 1000; j++) {
            term *= v2;
            const next = sum + term / (2 * j + 1);
            if (next === sum)
                return next;
            sum = next;
        }
        return sum;
    }
    return x * Math.log(x / m) + m - x;
}
/** P(X = k) for X ~ Binomial(n, 1/2); n, k integers with 0 ≤ k ≤ n. */
function binomialHalfPmf(k, n) {
    if (k === 0 || k === n)
        return 2 ** -n;
    const half = n / 2;
    const exponent = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, half) - deviance(n - k, half);
    return Math.exp(exponent) * Math.sqrt(n / (2 * Math.PI * k * (n - k)));
}
/** P(X ≤ k) for X ~ Binomial(n, 1/2); n, k integers with 0 ≤ k ≤ n/2. */
function binomialHalfLowerTail(k, n) {
    const top = binomialHalfPmf(k, n);
    if (top === 0)
        return 0;
    let relative = 1;
    let term = 1;
    for (let j = k; j >= 1; j--) {
        term *= j / (n - j + 1);
        const next = relative + term;
        if (next === relative)
            break;
        relative = next;
    }
    return top * relative;
}
/**
 * P(X ≤ k) for X ~ Binomial(n, 1/2) and any integer k: 0 below 0, 1 from n on. Above n/2 it uses the
 * symmetry P(X ≤ k) = 1 − P(X ≤ n − k − 1), so the summed tail is always the short one; the result is
 * then within one rounding of 1, which is all a p-value near 1 needs.
 */
function binomialHalfCdf(k, n) {
    if (k < 0)
        return 0;
    if (k >= n)
        return 1;
    if (2 * k <= n)
        return binomialHalfLowerTail(k, n);
    return 1 - binomialHalfLowerTail(n - k - 1, n);
}

;// CONCATENATED MODULE: ./src/stats/wilson.ts


/**
 * Wilson score interval (Wilson 1927, JASA 22:209–212) without continuity correction, Newcombe's (1998)
 * method 3. Chosen over the Wald interval because it never leaves [0, 1], is not degenerate at 0 or n
 * successes, and keeps close to nominal coverage for small n — the slices a gate looks at are small.
 * Throws StatsInputError `empty` for n = 0.
 */
function wilsonInterval(successes, n, confidence = 0.95) {
    checkCount('successes', successes);
    checkCount('n', n);
    checkConfidence(confidence);
    if (n === 0) {
        throw new StatsInputError('empty', 'no trials: a proportion needs at least one observation');
    }
    if (successes > n) {
        throw new StatsInputError('invalid-count', `successes (${successes}) cannot exceed n (${n})`);
    }
    const [lower, upper] = wilsonBounds(successes, n, twoSidedCriticalValue(confidence));
    return { method: 'wilson', successes, n, estimate: successes / n, interval: [lower, upper], confidence };
}
/** Bounds for already-validated input; shared with the paired-difference interval. */
function wilsonBounds(successes, n, z) {
    const p = successes / n;
    const z2 = z * z;
    const denominator = 1 + z2 / n;
    const centre = (p + z2 / (2 * n)) / denominator;
    const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    // At 0 or n successes one bound is exactly 0 or 1 in exact arithmetic; pin it so rounding cannot push
    // it outside [0, 1] or leave a spurious 1e-17.
    const lower = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
    const upper = successes === n ? 1 : Math.min(1, centre + halfWidth);
    return [lower, upper];
}

;// CONCATENATED MODULE: ./src/stats/mcnemar.ts





/**
 * Exact two-sided McNemar p-value: conditional on the b + c discordant pairs, b ~ Binomial(b + c, ½)
 * under H0, and p = min(1, 2·P(X ≤ min(b, c))), so p = 1 when there are no discordant pairs. For very
 * lopsided tables with b + c in the thousands the p-value underflows to exactly 0, which is the
 * nearest double.
 */
function mcnemarExactPValue(b, c) {
    input_error_checkCount('b', b);
    input_error_checkCount('c', c);
    // By symmetry P(X ≤ min(b, c)) ≥ ½ exactly when |b − c| ≤ 1; answering 1 there avoids a rounded 0.99…
    if (Math.abs(b - c) <= 1)
        return 1;
    const discordant = b + c;
    return Math.min(1, 2 * binomialHalfLowerTail(Math.min(b, c), discordant));
}
/** Counts the paired table from per-sample 0/1 outcomes; throws StatsInputError on anything else. */
function pairedTable(baseline, candidate) {
    checkPairedLengths(baseline, candidate);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < baseline.length; i++) {
        const x = baseline[i];
        const y = candidate[i];
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
            throw new input_error_StatsInputError('not-finite', `sample ${i} has a non-finite outcome (baseline ${x}, candidate ${y})`);
        }
        if ((x !== 0 && x !== 1) || (y !== 0 && y !== 1)) {
            throw new input_error_StatsInputError('not-binary', `sample ${i} is not a 0/1 outcome (baseline ${x}, candidate ${y}); McNemar needs binary outcomes`);
        }
        // Index 0: both right (a), 1: baseline only (b), 2: candidate only (c), 3: both wrong (d).
        counts[(1 - x) * 2 + (1 - y)] += 1;
    }
    return { a: counts[0], b: counts[1], c: counts[2], d: counts[3] };
}
/** McNemar exact test and paired-difference interval on per-sample 0/1 outcomes. */
function mcnemarExact(baseline, candidate, options = {}) {
    return mcnemarExactFromTable(pairedTable(baseline, candidate), options);
}
/**
 * McNemar exact test and paired-difference interval from the full 2×2 table. The concordant cells a and
 * d are needed too: the discordant counts alone fix the p-value but not n, the rates or the interval.
 * Throws StatsInputError `empty` when the table is all zeros.
 */
function mcnemarExactFromTable(table, options = {}) {
    const { a, b, c, d } = table;
    input_error_checkCount('a', a);
    input_error_checkCount('b', b);
    input_error_checkCount('c', c);
    input_error_checkCount('d', d);
    const confidence = options.confidence ?? 0.95;
    input_error_checkConfidence(confidence);
    const n = a + b + c + d;
    if (n === 0) {
        throw new input_error_StatsInputError('empty', 'no paired samples: at least one pair is needed');
    }
    return {
        test: 'mcnemar-exact',
        intervalMethod: 'newcombe-10',
        n,
        b,
        c,
        pValue: mcnemarExactPValue(b, c),
        baselineRate: (a + b) / n,
        candidateRate: (a + c) / n,
        difference: (c - b) / n,
        interval: newcombePairedInterval(table, n, normal_twoSidedCriticalValue(confidence)),
        confidence,
    };
}
/*
 * Newcombe (1998), "Improved confidence intervals for the difference between binomial proportions based
 * on paired data", Stat Med 17:2635–2650, method 10: square-and-add of the two marginal Wilson intervals,
 * corrected for their correlation φ, with φ continuity-corrected as in the paper (and as in Fagerland,
 * Lydersen & Laake 2017, ch. 8). Unlike the Wald interval it does not collapse to a point when b = c = 0
 * and stays inside [−1, 1]; Fagerland et al. (2014, Stat Med 33:2850) rate it among the recommended
 * intervals for paired proportions.
 */
function newcombePairedInterval(table, n, z) {
    const { a, b, c } = table;
    const baselineRate = (a + b) / n;
    const candidateRate = (a + c) / n;
    const difference = (c - b) / n;
    const [baselineLower, baselineUpper] = wilsonBounds(a + b, n, z);
    const [candidateLower, candidateUpper] = wilsonBounds(a + c, n, z);
    const phi = correctedPhi(table, n);
    const dropCandidate = candidateRate - candidateLower;
    const riseBaseline = baselineUpper - baselineRate;
    const riseCandidate = candidateUpper - candidateRate;
    const dropBaseline = baselineRate - baselineLower;
    const lowerReach = Math.sqrt(Math.max(0, dropCandidate ** 2 - 2 * phi * dropCandidate * riseBaseline + riseBaseline ** 2));
    const upperReach = Math.sqrt(Math.max(0, riseCandidate ** 2 - 2 * phi * riseCandidate * dropBaseline + dropBaseline ** 2));
    return [Math.max(-1, difference - lowerReach), Math.min(1, difference + upperReach)];
}
function correctedPhi({ a, b, c, d }, n) {
    const baselineRight = a + b;
    const baselineWrong = c + d;
    const candidateRight = a + c;
    const candidateWrong = b + d;
    if (baselineRight === 0 || baselineWrong === 0 || candidateRight === 0 || candidateWrong === 0)
        return 0;
    const scale = Math.sqrt(baselineRight * baselineWrong) * Math.sqrt(candidateRight * candidateWrong);
    const crossDifference = a * d - b * c;
    if (crossDifference > n / 2)
        return (crossDifference - n / 2) / scale;
    if (crossDifference >= 0)
        return 0;
    return crossDifference / scale;
}
/**
 * McNemar p-value from the discordant counts, exact or mid-p, one- or two-sided. b = pairs where the
 * baseline is correct and the candidate wrong (candidate losses), c = the reverse (candidate wins).
 * Conditional on b + c, b ~ Binomial(b + c, ½) under H0 (equal marginal rates). With X ~ Bin(b + c, ½)
 * and m = min(b, c):
 *
 * - exact, two-sided: min(1, 2·P(X ≤ m)) (same as `mcnemarExactPValue`);
 * - mid-p, two-sided: 2·[P(X ≤ m) − ½·P(X = m)] = exact − P(X = m), and 1 when b = c — Fagerland,
 *   Lydersen & Laake (2013), BMC Med Res Methodol 13:91, eq. for the "McNemar mid-p test";
 * - exact, `less` (candidate worse): P(X ≥ b) = P(X ≤ c) by symmetry; mid-p: P(X ≥ b) − ½·P(X = b);
 * - exact, `greater` (candidate better): P(X ≤ b); mid-p: P(X ≤ b) − ½·P(X = b).
 *
 * The mid-p counts only half the probability of the observed table, which removes most of the exact
 * test's conservatism (size 0.002 at n = 30 for α = 0.05 with the exact test) while keeping the size
 * close to, and in the paper's evaluation rarely above, the nominal level. b + c = 0 gives p = 1.
 */
function mcnemarPValue(b, c, options = {}) {
    input_error_checkCount('b', b);
    input_error_checkCount('c', c);
    const test = options.test ?? 'mid-p';
    const alternative = options.alternative ?? 'two-sided';
    if (test !== 'mid-p' && test !== 'exact') {
        throw new input_error_StatsInputError('invalid-option', `test must be 'mid-p' or 'exact', got ${String(test)}`);
    }
    checkAlternative(alternative);
    const n = b + c;
    if (n === 0)
        return 1;
    const mid = test === 'mid-p';
    if (alternative === 'two-sided') {
        if (b === c)
            return 1;
        const exact = mcnemarExactPValue(b, c);
        if (!mid)
            return exact;
        const m = Math.min(b, c);
        // When |b − c| = 1 the exact value was pinned to 1 = 2·P(X ≤ m) exactly, so this stays consistent.
        return Math.min(1, Math.max(0, exact - binomialHalfPmf(m, n)));
    }
    // One-sided: the tail beyond the observed b in the alternative's direction.
    const tail = alternative === 'less' ? binomialHalfCdf(c, n) : binomialHalfCdf(b, n);
    if (!mid)
        return Math.min(1, tail);
    return Math.min(1, Math.max(0, tail - 0.5 * binomialHalfPmf(b, n)));
}
/**
 * The McNemar test a gate uses: mid-p by default, one-sided when asked, with the `minPairs` guard.
 * Returns `insufficient` (never a p-value) when n < minPairs; throws StatsInputError on malformed
 * tables as `mcnemarExactFromTable` does.
 */
function mcnemarTest(table, options = {}) {
    const test = options.test ?? 'mid-p';
    const alternative = options.alternative ?? 'two-sided';
    const minPairs = options.minPairs ?? DEFAULT_MIN_PAIRS;
    const { a, b, c, d } = table;
    input_error_checkCount('a', a);
    input_error_checkCount('b', b);
    input_error_checkCount('c', c);
    input_error_checkCount('d', d);
    const guard = tooFewPairs(a + b + c + d, minPairs);
    if (guard)
        return guard;
    const base = mcnemarExactFromTable(table, { confidence: options.confidence ?? 0.95 });
    return {
        status: 'ok',
        test: test === 'exact' ? 'mcnemar-exact' : 'mcnemar-mid-p',
        alternative,
        intervalMethod: base.intervalMethod,
        n: base.n,
        b,
        c,
        pValue: mcnemarPValue(b, c, { test, alternative }),
        baselineRate: base.baselineRate,
        candidateRate: base.candidateRate,
        difference: base.difference,
        interval: base.interval,
        confidence: base.confidence,
    };
}

;// CONCATENATED MODULE: ./src/stats/mde.ts


/**
 * Minimum detectable effect of a paired one-sided test at n pairs, by the normal approximation
 * (e.g. Chow, Shao & Wang, Sample Size Calculations in Clinical Research, 2nd ed., §3.1):
 *
 *   MDE = (z₁₋α + z_power) · sd / √n.
 *
 * With the `{ rate }` spread, sd = √(2p(1−p)): at p = 0.8, n = 116, α = 0.05 one-sided, power 0.8,
 * MDE = (1.6449 + 0.8416)·√(0.32/116) ≈ 0.131 — "device-tablet: n=116, a drop must exceed ≈0.13 to be
 * detectable at alpha 0.05". It is an approximation for planning and for explaining a slice the gate
 * cannot judge; the tests themselves are exact or resampled.
 */
function minimumDetectableEffect(n, spread, options = {}) {
    const alpha = options.alpha ?? 0.05;
    const power = options.power ?? 0.8;
    if (!Number.isSafeInteger(n) || n < 1) {
        throw new input_error_StatsInputError('invalid-count', `n must be a positive integer, got ${n}`);
    }
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
        throw new input_error_StatsInputError('invalid-option', `alpha and power must be in (0, 1), got ${alpha}, ${power}`);
    }
    let sd;
    let assumption;
    if ('rate' in spread) {
        const p = spread.rate;
        if (!(p >= 0 && p <= 1))
            throw new input_error_StatsInputError('invalid-option', `rate must be in [0, 1], got ${p}`);
        sd = Math.sqrt(2 * p * (1 - p));
        assumption = 'independent-binary';
    }
    else {
        sd = spread.sd;
        if (!(Number.isFinite(sd) && sd >= 0)) {
            throw new input_error_StatsInputError('invalid-option', `sd must be finite and ≥ 0, got ${sd}`);
        }
        assumption = 'observed-sd';
    }
    const effect = ((normalQuantile(1 - alpha) + normalQuantile(power)) * sd) / Math.sqrt(n);
    return { effect, n, alpha, power, sd, assumption };
}
/**
 * Sample standard deviation (n − 1 denominator) of the paired differences candidate − baseline; for
 * binary outcomes pass the 0/1 values. Needs at least 2 pairs.
 */
function pairedDifferenceSd(baseline, candidate) {
    const n = baseline.length;
    if (n !== candidate.length) {
        throw new input_error_StatsInputError('length-mismatch', `paired samples must have equal length: ${n} vs ${candidate.length}`);
    }
    if (n < 2)
        throw new input_error_StatsInputError('empty', 'a standard deviation needs at least two pairs');
    let mean = 0;
    for (let i = 0; i < n; i++) {
        const d = candidate[i] - baseline[i];
        if (!Number.isFinite(d))
            throw new input_error_StatsInputError('not-finite', `sample ${i} has a non-finite value`);
        mean += d;
    }
    mean /= n;
    let squares = 0;
    for (let i = 0; i < n; i++)
        squares += (candidate[i] - baseline[i] - mean) ** 2;
    return Math.sqrt(squares / (n - 1));
}

;// CONCATENATED MODULE: ./src/stats/metrics.ts

/*
 * Point statistics evaluated with integer multiplicities: weight w[i] means "sample i appears w[i] times",
 * so a bootstrap resample is just a different weight vector over the original, pre-sorted data. A null
 * weight vector means every weight is 1 (the full data). Every statistic equals what the same formula
 * gives on the expanded (repeated) data, which is what the tests check against scipy/numpy.
 */
/**
 * Positive-class convention for binary labels and predictions: 1, true, "1", "true" (any case) are the
 * positive class; 0, false, "0", "false" the negative one. Anything else is not binary (null). Sample
 * tags arrive as strings, sample metrics as numbers, so both spellings are accepted.
 */
function binaryLabel(value) {
    if (value === 1 || value === true)
        return 1;
    if (value === 0 || value === false)
        return 0;
    if (typeof value === 'string') {
        const text = value.trim().toLowerCase();
        if (text === '1' || text === 'true')
            return 1;
        if (text === '0' || text === 'false')
            return 0;
    }
    return null;
}
function toBinary(name, values) {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const bit = binaryLabel(values[i]);
        if (bit === null) {
            throw new input_error_StatsInputError('not-binary', `sample ${i} has ${name} ${JSON.stringify(values[i])}; binary metrics need 0/1 or "true"/"false"`);
        }
        out[i] = bit;
    }
    return out;
}
function toFinite(name, values) {
    // Statistics only read their inputs: a Float64Array of finite values is used as it is, which at
    // 640k pairs spares two 5 MB copies per quantile test.
    if (values instanceof Float64Array && values.every(Number.isFinite))
        return values;
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
            throw new input_error_StatsInputError('not-finite', `sample ${i} has a non-finite ${name} (${v})`);
        }
        out[i] = v;
    }
    return out;
}
/** Indices sorted by value (stable), the one O(n log n) step; statistics then run in O(n) per weight. */
function sortedOrder(values) {
    const order = new Uint32Array(values.length);
    for (let i = 0; i < order.length; i++)
        order[i] = i;
    return order.sort((x, y) => values[x] - values[y] || x - y);
}
/**
 * Weighted type-7 quantile (Hyndman & Fan 1996 type 7 — numpy's default `linear`, R's default): on the
 * expanded data of W = Σw values sorted ascending, h = (W − 1)·q, result x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) −
 * x_(⌊h⌋)) with 0-based order statistics. `order` sorts `values`. NaN when W = 0.
 */
function weightedQuantile(values, order, weights, q) {
    let total = 0;
    if (weights === null)
        total = values.length;
    else
        for (let i = 0; i < weights.length; i++)
            total += weights[i];
    if (total === 0)
        return Number.NaN;
    const h = (total - 1) * q;
    const lowRank = Math.floor(h);
    const fraction = h - lowRank;
    let cumulative = 0;
    let low = Number.NaN;
    for (let j = 0; j < order.length; j++) {
        const index = order[j];
        const w = weights === null ? 1 : weights[index];
        if (w === 0)
            continue;
        cumulative += w;
        if (Number.isNaN(low)) {
            if (cumulative > lowRank) {
                low = values[index];
                // Rank ⌊h⌋ + 1 falls in the same value block, or ⌊h⌋ is the last rank.
                if (cumulative > lowRank + 1 || fraction === 0)
                    return low;
            }
        }
        else {
            return low + fraction * (values[index] - low);
        }
    }
    return low;
}
/**
 * Binary confusion cells per sample: cell = 2·label + prediction, i.e. 0 true negative, 1 false
 * positive, 2 false negative, 3 true positive.
 */
function confusionCells(label, prediction) {
    const cells = new Uint8Array(label.length);
    for (let i = 0; i < label.length; i++)
        cells[i] = 2 * label[i] + prediction[i];
    return cells;
}
/**
 * Precision tp/(tp+fp), recall tp/(tp+fn), F1 2tp/(2tp+fp+fn) of the positive class (label 1), with
 * scikit-learn's `zero_division=0`: a ratio whose denominator is 0 is 0, so these are always defined.
 */
function weightedBinaryMetric(cells, weights, metric) {
    let fp = 0;
    let fn = 0;
    let tp = 0;
    for (let i = 0; i < cells.length; i++) {
        const w = weights === null ? 1 : weights[i];
        const cell = cells[i];
        if (cell === 3)
            tp += w;
        else if (cell === 1)
            fp += w;
        else if (cell === 2)
            fn += w;
    }
    const denominator = metric === 'precision' ? tp + fp : metric === 'recall' ? tp + fn : 2 * tp + fp + fn;
    if (denominator === 0)
        return 0;
    return ((metric === 'f1' ? 2 : 1) * tp) / denominator;
}
/** Dense class ids for multiclass labels and predictions, shared by both so ids mean the same class. */
function classIds(labels, predictions) {
    const ids = new Map();
    const map = (values, what) => {
        const out = new Uint32Array(values.length);
        for (let i = 0; i < values.length; i++) {
            const v = values[i];
            if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
                throw new input_error_StatsInputError('not-finite', `sample ${i} has no usable ${what} (${String(v)})`);
            }
            const key = String(v);
            let id = ids.get(key);
            if (id === undefined) {
                id = ids.size;
                ids.set(key, id);
            }
            out[i] = id;
        }
        return out;
    };
    const label = map(labels, 'label');
    const prediction = map(predictions, 'prediction');
    return { label, prediction, classes: [...ids.keys()] };
}
/**
 * Macro-averaged F1 (unweighted mean of per-class F1, zero_division=0) over the classes present in the
 * (weighted) labels or predictions — scikit-learn's `f1_score(average='macro')`, whose label set is
 * the union of y_true and y_pred of the data it is given. `scratch` holds 3·classCount numbers.
 */
function weightedMacroF1(label, prediction, classCount, weights, scratch) {
    scratch.fill(0, 0, 3 * classCount);
    // scratch[3k] = tp, [3k + 1] = fp, [3k + 2] = fn of class k.
    for (let i = 0; i < label.length; i++) {
        const w = weights === null ? 1 : weights[i];
        if (w === 0)
            continue;
        const t = label[i];
        const p = prediction[i];
        if (t === p)
            scratch[3 * t] += w;
        else {
            scratch[3 * p + 1] += w;
            scratch[3 * t + 2] += w;
        }
    }
    let sum = 0;
    let present = 0;
    for (let k = 0; k < classCount; k++) {
        const denominator = 2 * scratch[3 * k] + scratch[3 * k + 1] + scratch[3 * k + 2];
        if (denominator === 0)
            continue;
        present++;
        sum += (2 * scratch[3 * k]) / denominator;
    }
    return present === 0 ? Number.NaN : sum / present;
}
function scoreRanking(score) {
    const order = sortedOrder(score);
    const starts = [];
    for (let j = 0; j < order.length; j++) {
        if (j === 0 || score[order[j]] !== score[order[j - 1]])
            starts.push(j);
    }
    starts.push(order.length);
    return { order, groupStart: Uint32Array.from(starts) };
}
/**
 * ROC AUC as the Mann–Whitney probability P(score⁺ > score⁻) + ½·P(score⁺ = score⁻), i.e. U / (n₁·n₀)
 * with ties counted ½ — identical to the trapezoidal ROC area (scikit-learn's roc_auc_score). One pass
 * over the pre-sorted tie groups, O(n) per weight vector. NaN when either class has zero weight.
 */
function weightedAuc(label, ranking, weights) {
    const { order, groupStart } = ranking;
    let negativesBelow = 0;
    let numerator = 0;
    let positives = 0;
    for (let g = 0; g + 1 < groupStart.length; g++) {
        let groupPositive = 0;
        let groupNegative = 0;
        for (let j = groupStart[g]; j < groupStart[g + 1]; j++) {
            const index = order[j];
            const w = weights === null ? 1 : weights[index];
            if (label[index] === 1)
                groupPositive += w;
            else
                groupNegative += w;
        }
        numerator += groupPositive * (negativesBelow + 0.5 * groupNegative);
        negativesBelow += groupNegative;
        positives += groupPositive;
    }
    if (positives === 0 || negativesBelow === 0)
        return Number.NaN;
    return numerator / (positives * negativesBelow);
}

;// CONCATENATED MODULE: ./src/stats/permutation.ts

/**
 * p-value of the observed paired difference `observed` = statistic(candidate) − statistic(baseline)
 * against `alternative` (`less`: the candidate's statistic is lower). Enumerates all 2ⁿ swaps when that
 * is at most `resamples`, else draws `resamples` random swaps from `seed`.
 */
function pairedPermutationPValue(n, pooled, observed, alternative, resamples, seed) {
    const baseline = new Uint32Array(2 * n);
    const candidate = new Uint32Array(2 * n);
    const swap = new Uint32Array(n);
    // Differences equal to the observed one up to rounding count as "as extreme": the statistic is
    // recomputed in another summation order, and a tie must not turn into a strict inequality.
    const tolerance = 1e-9 * Math.max(1, Math.abs(observed));
    const extreme = (d) => alternative === 'less'
        ? d <= observed + tolerance
        : alternative === 'greater'
            ? d >= observed - tolerance
            : Math.abs(d) >= Math.abs(observed) - tolerance;
    const difference = () => {
        baseline.fill(0);
        candidate.fill(0);
        for (let i = 0; i < n; i++) {
            if (swap[i] === 1) {
                baseline[n + i] = 1;
                candidate[i] = 1;
            }
            else {
                baseline[i] = 1;
                candidate[n + i] = 1;
            }
        }
        return pooled(candidate) - pooled(baseline);
    };
    let valid = 0;
    let atLeast = 0;
    if (n <= 30 && 2 ** n <= resamples) {
        for (let mask = 0; mask < 2 ** n; mask++) {
            for (let i = 0; i < n; i++)
                swap[i] = (mask >>> i) & 1;
            const d = difference();
            if (Number.isNaN(d))
                continue;
            valid++;
            if (extreme(d))
                atLeast++;
        }
        return { pValue: valid === 0 ? 1 : atLeast / valid, permutations: valid, exact: true };
    }
    const rng = new Rng(seed);
    for (let r = 0; r < resamples; r++) {
        rng.fillInts(swap, 2);
        const d = difference();
        if (Number.isNaN(d))
            continue;
        valid++;
        if (extreme(d))
            atLeast++;
    }
    return { pValue: (1 + atLeast) / (1 + valid), permutations: valid, exact: false };
}

;// CONCATENATED MODULE: ./src/stats/seed.ts

/*
 * FNV-1a 64-bit (Fowler–Noll–Vo, http://www.isthe.com/chongo/tech/comp/fnv/) over UTF-8 bytes, then the
 * SplitMix64 finaliser (Steele, Lea & Flood 2014, as in rng.ts) so that inputs differing in one byte
 * give unrelated seeds. BigInt arithmetic: exact and identical on every platform.
 */
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const seed_MASK_64 = (1n << 64n) - 1n;
function mix64(value) {
    let z = value;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & seed_MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & seed_MASK_64;
    return z ^ (z >> 31n);
}
/**
 * A seed for one bootstrap stream, derived from the policy seed and the names that identify the row,
 * e.g. `deriveSeed(policy.seed, 'evaluate', 'latency-ms', 'device-tablet')`, so that every
 * (stage, key, slice) gets its own reproducible stream instead of sharing one.
 *
 * Definition: text = decimal(policySeed) + "\u0000" + parts.join("\u0000"); h = FNV-1a-64(UTF-8(text));
 * result = SplitMix64-finalise(h) >> 11, an integer in [0, 2^53) that `Rng` accepts. `policySeed` must be
 * an integer in [0, 2^53); parts must not contain U+0000 (it separates them, so the encoding stays
 * unambiguous).
 */
function deriveSeed(policySeed, ...parts) {
    if (!Number.isSafeInteger(policySeed) || policySeed < 0) {
        throw new input_error_StatsInputError('invalid-option', `seed must be an integer in [0, 2^53), got ${policySeed}`);
    }
    for (const part of parts) {
        if (typeof part !== 'string' || part.includes('\u0000')) {
            throw new input_error_StatsInputError('invalid-option', 'seed parts must be strings without U+0000');
        }
    }
    const bytes = new TextEncoder().encode([String(policySeed), ...parts].join('\u0000'));
    let hash = FNV_OFFSET;
    for (const byte of bytes)
        hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & seed_MASK_64;
    return Number(mix64(hash) >> 11n);
}

;// CONCATENATED MODULE: ./src/stats/paired-statistic.ts







function engineOptions(options, fallback) {
    const resolved = {
        resamples: options.resamples ?? DEFAULT_RESAMPLES,
        confidence: options.confidence ?? 0.95,
        seed: options.seed ?? DEFAULT_BOOTSTRAP_SEED,
        alternative: options.alternative ?? fallback,
        minPairs: options.minPairs ?? DEFAULT_MIN_PAIRS,
    };
    checkResamples(resolved.resamples);
    input_error_checkConfidence(resolved.confidence);
    checkAlternative(resolved.alternative);
    if (!Number.isSafeInteger(resolved.seed) || resolved.seed < 0) {
        throw new input_error_StatsInputError('invalid-option', `seed must be an integer in [0, 2^53), got ${resolved.seed}`);
    }
    return resolved;
}
/**
 * The shared paired bootstrap: each resample draws n indices with replacement (one `Rng.fillInts` call),
 * turns them into multiplicities, and evaluates both sides' statistic on the SAME multiplicities, so the
 * pairing is kept whatever the statistic. O(resamples × (n + cost of one weighted evaluation)) time,
 * O(n + resamples) memory.
 */
function runPairedBootstrap(statistic, n, baseline, candidate, options, pooled = null) {
    const guard = tooFewPairs(n, options.minPairs);
    if (guard)
        return guard;
    const pointBaseline = baseline(null);
    const pointCandidate = candidate(null);
    if (Number.isNaN(pointBaseline) || Number.isNaN(pointCandidate)) {
        return {
            status: 'insufficient',
            cause: 'undefined-statistic',
            n,
            minPairs: options.minPairs,
            reason: `${statistic} is undefined on the ${Number.isNaN(pointBaseline) ? 'baseline' : 'candidate'} data (e.g. only one class present)`,
        };
    }
    const { resamples, confidence, seed, alternative } = options;
    const rng = new Rng(seed);
    const indices = new Uint32Array(n);
    const weights = new Uint32Array(n);
    const differences = new Float64Array(resamples);
    let valid = 0;
    let atOrBelow = 0;
    let atOrAbove = 0;
    let sum = 0;
    for (let r = 0; r < resamples; r++) {
        rng.fillInts(indices, n);
        weights.fill(0);
        for (let i = 0; i < n; i++)
            weights[indices[i]]++;
        const difference = candidate(weights) - baseline(weights);
        if (Number.isNaN(difference))
            continue;
        differences[valid++] = difference;
        sum += difference;
        if (difference <= 0)
            atOrBelow++;
        if (difference >= 0)
            atOrAbove++;
    }
    if (valid < 2) {
        return {
            status: 'insufficient',
            cause: 'undefined-statistic',
            n,
            minPairs: options.minPairs,
            reason: `${statistic} is undefined on almost every resample (too few samples of one class)`,
        };
    }
    const kept = differences.subarray(0, valid);
    const centre = sum / valid;
    let squares = 0;
    for (let r = 0; r < valid; r++)
        squares += (kept[r] - centre) ** 2;
    const standardError = Math.sqrt(squares / (valid - 1));
    kept.sort();
    const alpha = 1 - confidence;
    return {
        status: 'ok',
        test: 'paired-bootstrap',
        intervalMethod: 'percentile',
        statistic,
        n,
        baseline: pointBaseline,
        candidate: pointCandidate,
        difference: pointCandidate - pointBaseline,
        interval: [quantileSorted(kept, alpha / 2), quantileSorted(kept, 1 - alpha / 2)],
        confidence,
        resamples,
        validResamples: valid,
        seed,
        alternative,
        ...(pooled
            ? {
                pValue: pairedPermutationPValue(n, pooled, pointCandidate - pointBaseline, alternative, resamples, deriveSeed(seed, 'permutation')).pValue,
                pValueMethod: 'permutation',
            }
            : {
                pValue: bootstrapPValue(atOrBelow, atOrAbove, valid, alternative),
                pValueMethod: 'bootstrap',
            }),
        standardError,
        monteCarloError: percentileMonteCarloError(standardError, valid, confidence),
    };
}
/** `p95` for 0.95, `p99.9` for 0.999, `p50` for 0.5. */
function quantileName(q) {
    return `p${Number((q * 100).toFixed(6))}`;
}
/**
 * Paired bootstrap of a quantile (e.g. p95 latency): the difference candidate − baseline of the type-7
 * quantile (numpy's default `linear`, see `weightedQuantile`), both sides recomputed on the same
 * resampled pairs. `q` in [0, 1]. Values must be finite; lengths must match.
 */
/**
 * The order `sortedOrder` gives `x` followed by `y`, from their own orders by one merge instead of
 * a second sort: ties take `x` first, which is the sort's tie-break by index.
 */
function mergedOrder(x, orderX, y, orderY) {
    const n = x.length;
    const out = new Uint32Array(n + y.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < orderX.length && j < orderY.length) {
        if (y[orderY[j]] < x[orderX[i]])
            out[k++] = n + orderY[j++];
        else
            out[k++] = orderX[i++];
    }
    while (i < orderX.length)
        out[k++] = orderX[i++];
    while (j < orderY.length)
        out[k++] = n + orderY[j++];
    return out;
}
function pairedQuantileBootstrap(baseline, candidate, q, options) {
    if (!(q >= 0 && q <= 1)) {
        throw new input_error_StatsInputError('invalid-option', `quantile must be in [0, 1], got ${q}`);
    }
    const resolved = engineOptions(options, options.alternative);
    checkLengths(baseline.length, candidate.length);
    const x = toFinite('baseline value', baseline);
    const y = toFinite('candidate value', candidate);
    const orderX = sortedOrder(x);
    const orderY = sortedOrder(y);
    const both = new Float64Array(x.length + y.length);
    both.set(x);
    both.set(y, x.length);
    const orderBoth = mergedOrder(x, orderX, y, orderY);
    return runPairedBootstrap(quantileName(q), x.length, (w) => weightedQuantile(x, orderX, w, q), (w) => weightedQuantile(y, orderY, w, q), resolved, (w) => weightedQuantile(both, orderBoth, w, q));
}
/**
 * Paired bootstrap of a classification metric recomputed on every resample: precision, recall, f1
 * (binary, positive class label 1, zero_division = 0), macro-f1 (multiclass, scikit-learn's macro
 * average) or ROC AUC (Mann–Whitney with ties ½, O(n) per resample after one sort per side). Both sides
 * are evaluated on the same resampled samples. Lengths of all given arrays must equal n.
 */
function pairedClassificationBootstrap(baseline, candidate, metric, options = {}) {
    const resolved = engineOptions(options, 'less');
    const n = baseline.label.length;
    checkLengths(n, candidate.label.length);
    const side = (outcomes, role, length = n) => {
        const need = (field) => {
            const values = outcomes[field];
            if (values === undefined) {
                throw new input_error_StatsInputError('invalid-option', `${metric} needs a per-sample ${field} on the ${role} side`);
            }
            checkLengths(length, values.length);
            return values;
        };
        if (metric === 'auc') {
            const label = toBinary(`${role} label`, outcomes.label);
            const ranking = scoreRanking(toFinite(`${role} score`, need('score')));
            return (w) => weightedAuc(label, ranking, w);
        }
        if (metric === 'macro-f1') {
            const ids = classIds(outcomes.label, need('prediction'));
            const scratch = new Float64Array(3 * ids.classes.length);
            return (w) => weightedMacroF1(ids.label, ids.prediction, ids.classes.length, w, scratch);
        }
        if (metric !== 'precision' && metric !== 'recall' && metric !== 'f1') {
            throw new input_error_StatsInputError('invalid-option', `unknown classification metric ${String(metric)}`);
        }
        const cells = confusionCells(toBinary(`${role} label`, outcomes.label), toBinary(`${role} prediction`, need('prediction')));
        return (w) => weightedBinaryMetric(cells, w, metric);
    };
    const pooled = {
        label: concat(baseline.label, candidate.label),
        ...(baseline.prediction && candidate.prediction
            ? { prediction: concat(baseline.prediction, candidate.prediction) }
            : {}),
        ...(baseline.score && candidate.score ? { score: concat(baseline.score, candidate.score) } : {}),
    };
    // macro-f1 averages over the classes a side has, and a swapped side can lack one the pooled data
    // has: its permutation statistic would not be the same statistic, so it keeps the bootstrap's p.
    const bothSides = metric === 'macro-f1' ? null : side(pooled, 'pooled', 2 * n);
    return runPairedBootstrap(metric, n, side(baseline, 'baseline'), side(candidate, 'candidate'), resolved, bothSides);
}
/** Baseline entries then candidate entries: the pooled data a permutation picks from. */
function concat(a, b) {
    const out = new Array(a.length + b.length);
    for (let i = 0; i < a.length; i++)
        out[i] = a[i];
    for (let i = 0; i < b.length; i++)
        out[a.length + i] = b[i];
    return out;
}
function checkLengths(baseline, candidate) {
    if (baseline !== candidate) {
        throw new input_error_StatsInputError('length-mismatch', `paired samples must have equal length: baseline has ${baseline}, candidate has ${candidate}`);
    }
}

;// CONCATENATED MODULE: ./src/stats/index.ts













// EXTERNAL MODULE: ./src/evidence/sample-names.ts
var sample_names = __webpack_require__(9130);
;// CONCATENATED MODULE: ./src/compare/pairing.ts

/**
 * `values[rows[at[j]]]` for each j (`values[rows[j]]` without `at`), as a column the statistics read.
 * When that is every value in order, as for runs of the same samples in the same order (merged
 * shards), it is `values` itself rather than a copy: nothing writes to a column it is given.
 */
function columnAt(values, rows, at) {
    const n = at === undefined ? rows.length : at.length;
    let whole = n === values.length;
    for (let j = 0; whole && j < n; j++)
        whole = rows[at === undefined ? j : at[j]] === j;
    if (whole)
        return values;
    const out = new Float64Array(n);
    if (at === undefined)
        for (let j = 0; j < n; j++)
            out[j] = values[rows[j]];
    else
        for (let j = 0; j < n; j++)
            out[j] = values[rows[at[j]]];
    return out;
}
/** Slice names of several series under one numbering (ids in first-seen order). */
class SliceTable {
    names = [];
    ids = new Map();
    /** Per slice index of `series`, its id in this table. */
    lookup(series) {
        return Int32Array.from(series.sliceNames, (name) => {
            let id = this.ids.get(name);
            if (id === undefined) {
                id = this.names.length;
                this.names.push(name);
                this.ids.set(name, id);
            }
            return id;
        });
    }
}
/** Per sample, its slice id in the shared table; the series' own column when the ids agree. */
function sliceIds(series, table) {
    if (table.every((id, i) => id === i))
        return series.sliceIndex;
    const out = new Int32Array(series.values.length);
    for (let i = 0; i < out.length; i++) {
        const s = series.sliceIndex[i];
        out[i] = s >= 0 ? table[s] : -1;
    }
    return out;
}
function jointIds(series) {
    const first = series[0]?.table;
    if (first !== undefined && series.every((s) => s.table === first)) {
        return { size: first.size, ids: series.map((s) => s.ids) };
    }
    const joint = new sample_names/* SampleNames */.j();
    const ids = series.map((s) => Int32Array.from(s.ids, (id) => joint.id(s.table.names[id])));
    return { size: joint.size, ids };
}
function pairSeries(baseline, candidate) {
    const table = new SliceTable();
    const cSlices = sliceIds(candidate, table.lookup(candidate));
    const bSlices = sliceIds(baseline, table.lookup(baseline));
    const joint = jointIds([baseline, candidate]);
    const [bIds, cIds] = joint.ids;
    // Baseline row of each id, -1 for none: ids are unique within a series.
    const baselineRowOf = new Int32Array(joint.size).fill(-1);
    for (let bi = 0; bi < bIds.length; bi++)
        baselineRowOf[bIds[bi]] = bi;
    const matched = new Int32Array(cIds.length);
    const paired = new Uint8Array(bIds.length);
    let pairs = 0;
    for (let ci = 0; ci < cIds.length; ci++) {
        const bi = baselineRowOf[cIds[ci]];
        matched[ci] = bi;
        if (bi >= 0) {
            paired[bi] = 1;
            pairs += 1;
        }
    }
    const baselineRow = new Int32Array(pairs);
    const candidateRow = new Int32Array(pairs);
    const pairSlice = new Int32Array(pairs);
    const candidateOnly = new Int32Array(cIds.length - pairs);
    const candidateOnlySlice = new Int32Array(candidateOnly.length);
    let k = 0;
    let u = 0;
    for (let ci = 0; ci < matched.length; ci++) {
        const bi = matched[ci];
        if (bi < 0) {
            candidateOnly[u] = ci;
            candidateOnlySlice[u++] = cSlices[ci];
            continue;
        }
        baselineRow[k] = bi;
        candidateRow[k] = ci;
        pairSlice[k++] = cSlices[ci] >= 0 ? cSlices[ci] : bSlices[bi];
    }
    let unpaired = 0;
    for (let i = 0; i < paired.length; i++)
        if (paired[i] === 0)
            unpaired += 1;
    const baselineOnly = new Int32Array(unpaired);
    const baselineOnlySlice = new Int32Array(unpaired);
    u = 0;
    for (let i = 0; i < paired.length; i++) {
        if (paired[i] !== 0)
            continue;
        baselineOnly[u] = i;
        baselineOnlySlice[u++] = bSlices[i];
    }
    return {
        baselineRow,
        candidateRow,
        pairSlice,
        baselineOnly,
        baselineOnlySlice,
        candidateOnly,
        candidateOnlySlice,
        sliceNames: table.names,
    };
}
function positions(count) {
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++)
        out[i] = i;
    return out;
}
/** Positions of `slices` equal to `id`, in order. */
function where(slices, id) {
    let n = 0;
    for (let i = 0; i < slices.length; i++)
        if (slices[i] === id)
            n += 1;
    const out = new Int32Array(n);
    n = 0;
    for (let i = 0; i < slices.length; i++)
        if (slices[i] === id)
            out[n++] = i;
    return out;
}
/** Every pair and unpaired row; indices into `baselineOnly`/`candidateOnly`, not rows. */
function overallGroup(p) {
    return {
        pairs: positions(p.pairSlice.length),
        baselineOnly: positions(p.baselineOnly.length),
        candidateOnly: positions(p.candidateOnly.length),
    };
}
/** The slices that occur anywhere in the pairing, sorted by name, each with its group. */
function sliceGroups(p) {
    const seen = new Uint8Array(p.sliceNames.length);
    for (const column of [p.pairSlice, p.baselineOnlySlice, p.candidateOnlySlice])
        for (let i = 0; i < column.length; i++)
            if (column[i] >= 0)
                seen[column[i]] = 1;
    const ids = [];
    for (let id = 0; id < seen.length; id++)
        if (seen[id] === 1)
            ids.push(id);
    const name = (id) => p.sliceNames[id];
    ids.sort((x, y) => (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : 0));
    return ids.map((id) => ({
        slice: name(id),
        group: {
            pairs: where(p.pairSlice, id),
            baselineOnly: where(p.baselineOnlySlice, id),
            candidateOnly: where(p.candidateOnlySlice, id),
        },
    }));
}
function alignStage(baseline, candidate) {
    const joint = jointIds([...baseline, ...candidate]);
    const bIds = joint.ids.slice(0, baseline.length);
    const cIds = joint.ids.slice(baseline.length);
    // Which ids the baseline has, then `rowOf[id]`: the id's row, -1 until it gets one.
    const inBaseline = new Uint8Array(joint.size);
    for (const ids of bIds)
        for (let i = 0; i < ids.length; i++)
            inBaseline[ids[i]] = 1;
    const rowOf = new Int32Array(joint.size).fill(-1);
    const table = new SliceTable();
    let slice = new Int32Array(1024);
    let rows = 0;
    candidate.forEach((s, k) => {
        const ids = cIds[k];
        const slices = sliceIds(s, table.lookup(s));
        for (let i = 0; i < ids.length; i++) {
            const id = ids[i];
            if (inBaseline[id] === 0)
                continue;
            let row = rowOf[id];
            if (row < 0) {
                row = rows++;
                rowOf[id] = row;
                if (row === slice.length) {
                    const grown = new Int32Array(slice.length * 2);
                    grown.set(slice);
                    slice = grown;
                }
                slice[row] = -1;
            }
            if (slice[row] < 0)
                slice[row] = slices[i];
        }
    });
    // Rows whose slice the candidate left open take the baseline's.
    baseline.forEach((s, k) => {
        const ids = bIds[k];
        const slices = sliceIds(s, table.lookup(s));
        for (let i = 0; i < ids.length; i++) {
            const row = rowOf[ids[i]];
            if (row >= 0 && slice[row] < 0)
                slice[row] = slices[i];
        }
    });
    // A side whose samples are exactly the rows, in row order (both runs hold the same samples in the
    // same order, as merged shards do), is aligned already: its own column is used, not a copy.
    const aligned = (side, ids) => {
        if (ids.length === rows && ids.every((id, i) => rowOf[id] === i))
            return side.values;
        const out = new Float64Array(rows).fill(Number.NaN);
        for (let i = 0; i < ids.length; i++) {
            const row = rowOf[ids[i]];
            if (row >= 0)
                out[row] = side.values[i];
        }
        return out;
    };
    const series = new Map();
    const left = new Map(baseline.map((s, k) => [s.key, { s, ids: bIds[k] }]));
    candidate.forEach((c, k) => {
        const b = left.get(c.key);
        if (!b)
            return;
        series.set(c.key, { b: aligned(b.s, b.ids), c: aligned(c, cIds[k]), binary: b.s.binary && c.binary });
    });
    return { rows, slice: slice.slice(0, rows), sliceNames: table.names, series };
}

;// CONCATENATED MODULE: ./src/compare/types.ts
/** How many sample names a `NameList` carries at most. */
const SAMPLE_NAME_LIMIT = 20;

;// CONCATENATED MODULE: ./src/compare/samples.ts





/**
 * Per-sample `label` and `prediction` are inputs of f1/precision/recall/auc (row-test.ts), not outcomes
 * that get better or worse by themselves: comparing them as series would report noise as findings.
 */
const CLASSIFICATION_INPUTS = new Set(['label', 'prediction']);
/** Tolerance for "this sample series' mean is that aggregate metric". */
const LINK_TOLERANCE = 1e-9;
function nameList(names) {
    const sorted = [...names].sort();
    return {
        count: sorted.length,
        names: sorted.slice(0, SAMPLE_NAME_LIMIT),
        truncated: sorted.length > SAMPLE_NAME_LIMIT,
    };
}
const EMPTY = { count: 0, names: [], truncated: false };
/** The names of `rows` of `series`, picked through `at` (indices into `rows`). */
function namesAt(series, rows, at) {
    return Array.from(at, (k) => (0,model/* sampleName */.yg)(series, rows[k]));
}
function groupComparison(slice, p, group, bs, cs, kind, direction, options) {
    let n = 0;
    const finite = new Int32Array(group.pairs.length);
    for (const k of group.pairs) {
        if (Number.isFinite(bs.values[p.baselineRow[k]]) && Number.isFinite(cs.values[p.candidateRow[k]]))
            finite[n++] = k;
    }
    const kept = finite.subarray(0, n);
    const out = {
        slice,
        paired: n,
        baselineOnly: nameList(namesAt(bs, p.baselineOnly, group.baselineOnly)),
        candidateOnly: nameList(namesAt(cs, p.candidateOnly, group.candidateOnly)),
        binary: null,
        continuous: null,
        test: null,
    };
    if (n === 0)
        return out;
    const b = columnAt(bs.values, p.baselineRow, kept);
    const c = columnAt(cs.values, p.candidateRow, kept);
    const name = (k) => (0,model/* sampleName */.yg)(cs, p.candidateRow[k]);
    try {
        if (kind === 'binary') {
            // For a lower-is-better outcome (an `error` flag) 0 is the success, so flip before testing.
            const good = direction === 'lower' ? 0 : 1;
            const success = (v) => (v === good ? 1 : 0);
            const newlyFailing = [];
            const newlyPassing = [];
            const stillFailing = [];
            let stillPassing = 0;
            for (let j = 0; j < n; j++) {
                const was = success(b[j]);
                const now = success(c[j]);
                if (was && !now)
                    newlyFailing.push(name(kept[j]));
                else if (!was && now)
                    newlyPassing.push(name(kept[j]));
                else if (!was && !now)
                    stillFailing.push(name(kept[j]));
                else
                    stillPassing++;
            }
            // Binary values are 0/1 already: only a lower-is-better key needs its own success column.
            const result = good === 1
                ? mcnemarExact(b, c, { confidence: options.confidence })
                : mcnemarExact(b.map(success), c.map(success), { confidence: options.confidence });
            out.binary = {
                newlyFailing: nameList(newlyFailing),
                newlyPassing: nameList(newlyPassing),
                stillFailing: nameList(stillFailing),
                stillPassing,
                baselineRate: result.baselineRate,
                candidateRate: result.candidateRate,
            };
            out.test = {
                method: 'mcnemar-exact',
                n: result.n,
                estimate: result.difference,
                pValue: result.pValue,
                interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
                discordantWorse: result.b,
                discordantBetter: result.c,
                resamples: null,
                seed: null,
            };
        }
        else {
            const result = pairedBootstrap(b, c, {
                seed: options.seed,
                resamples: options.resamples,
                confidence: options.confidence,
            });
            out.continuous = {
                baselineMean: result.meanBaseline,
                candidateMean: result.meanCandidate,
                meanDifference: result.difference,
            };
            out.test = bootstrapTest(result);
        }
    }
    catch (error) {
        // The pairs were filtered to finite values, so only an empty group can land here.
        if (!(error instanceof input_error_StatsInputError))
            throw error;
    }
    return out;
}
function bootstrapTest(result) {
    return {
        method: 'paired-bootstrap',
        n: result.n,
        estimate: result.difference,
        pValue: result.pValue,
        interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
        discordantWorse: null,
        discordantBetter: null,
        resamples: result.resamples,
        seed: result.seed,
    };
}
function oneSided(stage, series, side, direction) {
    const names = nameList((0,model/* sampleNames */.JQ)(series));
    const overall = {
        slice: null,
        paired: 0,
        baselineOnly: side === 'baseline' ? names : EMPTY,
        candidateOnly: side === 'candidate' ? names : EMPTY,
        binary: null,
        continuous: null,
        test: null,
    };
    const comparison = {
        stage,
        key: series.key,
        kind: series.binary ? 'binary' : 'continuous',
        direction,
        overall,
        slices: [],
        presence: side === 'candidate' ? 'candidate_only' : 'baseline_only',
    };
    return comparison;
}
/**
 * Per-sample comparison of every per-sample key of every stage, pairing samples by name (the last
 * component of the sample ref, so runs with different names pair). Binary keys get McNemar's exact
 * test, continuous keys a seeded paired bootstrap of the mean difference; each overall and per slice.
 */
function compareSamples(baseline, candidate, options) {
    const stages = new Map();
    for (const s of baseline?.stages ?? [])
        stages.set(s.name, { ...stages.get(s.name), b: s });
    for (const s of candidate?.stages ?? [])
        stages.set(s.name, { ...stages.get(s.name), c: s });
    const out = [];
    for (const [stage, { b, c }] of [...stages].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        const left = new Map((b?.samples ?? []).map((s) => [s.key, s]));
        const right = new Map((c?.samples ?? []).map((s) => [s.key, s]));
        const keys = [...new Set([...left.keys(), ...right.keys()])].filter((k) => !CLASSIFICATION_INPUTS.has(k));
        for (const key of keys.sort()) {
            const direction = metricDirection(key, options.directions);
            const bs = left.get(key);
            const cs = right.get(key);
            if (!bs || !cs) {
                out.push(oneSided(stage, (cs ?? bs), cs ? 'candidate' : 'baseline', direction));
                continue;
            }
            const kind = bs.binary && cs.binary ? 'binary' : 'continuous';
            const pairing = pairSeries(bs, cs);
            out.push({
                stage,
                key,
                kind,
                direction,
                presence: 'both',
                overall: groupComparison(null, pairing, overallGroup(pairing), bs, cs, kind, direction, options),
                slices: sliceGroups(pairing).map(({ slice, group }) => groupComparison(slice, pairing, group, bs, cs, kind, direction, options)),
            });
        }
    }
    return out;
}
/** Mean of a series overall (key `null`) and per slice, computed in one pass. */
function seriesMeans(series) {
    const sums = new Float64Array(series.sliceNames.length);
    const counts = new Float64Array(series.sliceNames.length);
    let total = 0;
    for (let i = 0; i < series.values.length; i++) {
        const value = series.values[i];
        total += value;
        const slice = series.sliceIndex[i];
        if (slice >= 0) {
            sums[slice] += value;
            counts[slice] += 1;
        }
    }
    const means = new Map();
    if (series.values.length > 0)
        means.set(null, total / series.values.length);
    series.sliceNames.forEach((name, k) => {
        if (counts[k] > 0)
            means.set(name, sums[k] / counts[k]);
    });
    return means;
}
/**
 * Finds the per-sample evidence behind aggregate metrics: a binary sample series of the same stage
 * whose mean (overall, or over the slice's samples) equals the aggregate on every side that has both
 * (`correct` ↔ `accuracy`, `pass` ↔ `exact-match`). Sets `sampleLink` on the rows it links.
 */
function linkSampleEvidence(deltas, baseline, candidate) {
    const binaryMeans = (run, stage) => new Map((run?.stages.find((s) => s.name === stage)?.samples ?? [])
        .filter((s) => s.binary)
        .map((s) => [s.key, seriesMeans(s)]));
    const matches = (means, slice, value) => {
        const mean = means?.get(slice);
        return mean !== undefined && Math.abs(mean - value) <= LINK_TOLERANCE;
    };
    const cache = new Map();
    for (const row of deltas) {
        if (row.stage === null || row.batch !== null)
            continue;
        let series = cache.get(row.stage);
        if (!series) {
            const b = binaryMeans(baseline, row.stage);
            const c = binaryMeans(candidate, row.stage);
            series = { b, c, keys: [...new Set([...b.keys(), ...c.keys()])].sort() };
            cache.set(row.stage, series);
        }
        for (const key of series.keys) {
            const sides = [
                [series.b.get(key), row.baseline],
                [series.c.get(key), row.candidate],
            ].filter((side) => side[0] !== undefined && side[1] !== null);
            if (sides.length > 0 && sides.every(([means, value]) => matches(means, row.slice, value))) {
                row.sampleLink = { stage: row.stage, key, source: 'auto' };
                break;
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/compare/stages.ts

/** Stages matched by name (as Contexta does, never by ref: run names differ), sorted by name. */
function compareStages(baseline, candidate) {
    const left = new Map((baseline?.stages ?? []).map((s) => [s.name, s]));
    const right = new Map((candidate?.stages ?? []).map((s) => [s.name, s]));
    const names = [...new Set([...left.keys(), ...right.keys()])].sort();
    return names.map((name) => {
        const b = left.get(name);
        const c = right.get(name);
        return {
            name,
            presence: b && c ? 'both' : c ? 'candidate_only' : 'baseline_only',
            baselineStatus: b?.status ?? null,
            candidateStatus: c?.status ?? null,
            baselineMetricCount: b ? b.metrics.length : null,
            candidateMetricCount: c ? c.metrics.length : null,
        };
    });
}
function batchesByName(run) {
    const out = new Map();
    for (const stage of run?.stages ?? []) {
        for (const batch of stage.batches)
            out.set(JSON.stringify([stage.name, batch.name]), { stage: stage.name, batch });
    }
    return out;
}
/** Batches matched by stage and batch name; a status change is what a reviewer needs to see. */
function compareBatches(baseline, candidate) {
    const left = batchesByName(baseline);
    const right = batchesByName(candidate);
    const ids = [...new Set([...left.keys(), ...right.keys()])];
    return ids
        .map((id) => {
        const b = left.get(id);
        const c = right.get(id);
        const any = (c ?? b);
        const change = {
            stage: any.stage,
            name: any.batch.name,
            presence: b && c ? 'both' : c ? 'candidate_only' : 'baseline_only',
            baselineStatus: b?.batch.status ?? null,
            candidateStatus: c?.batch.status ?? null,
            statusChanged: Boolean(b && c && b.batch.status !== c.batch.status),
        };
        return change;
    })
        .sort((x, y) => byText(x.stage, y.stage) || byText(x.name, y.name));
}

;// CONCATENATED MODULE: ./src/compare/compare.ts





/**
 * Whether rows say which unit they are about: when several were compared, and always for metalab,
 * whose unit is the parameter combination a number belongs to.
 */
function namesUnits(units) {
    return units.length > 1 || units.some((u) => (u.pair.candidate ?? u.pair.baseline)?.metalab !== undefined);
}
function runIdentity(run) {
    return { ref: run.ref, project: run.project, name: run.name, status: run.status };
}
/**
 * metalab fingerprints the resolved context (the shared inputs and data spec) of every run: a
 * baseline and candidate unit with different context fingerprints ran on different inputs, so their
 * deltas are not like for like (metalab spec §11). A side without any record has nothing to compare.
 */
function contextChange(pair) {
    const b = pair.baseline?.metalab?.contextFingerprints ?? [];
    const c = pair.candidate?.metalab?.contextFingerprints ?? [];
    if (b.length === 0 || c.length === 0)
        return null;
    const baseline = [...new Set(b)].sort();
    const candidate = [...new Set(c)].sort();
    const same = baseline.length === candidate.length && baseline.every((f, i) => f === candidate[i]);
    return same ? null : { baseline, candidate };
}
/** Everything that differs between the two runs of a pair. */
function compareRuns(pair, options) {
    const { baseline, candidate } = pair;
    const metrics = compareMetrics(baseline, candidate, options.directions);
    linkSampleEvidence(metrics, baseline, candidate);
    return {
        project: pair.project,
        unit: pair.unit,
        presence: baseline && candidate ? 'both' : candidate ? 'candidate_only' : 'baseline_only',
        baselineRun: baseline ? runIdentity(baseline) : null,
        candidateRun: candidate ? runIdentity(candidate) : null,
        stages: compareStages(baseline, candidate),
        metrics,
        samples: compareSamples(baseline, candidate, options),
        batches: compareBatches(baseline, candidate),
        artifacts: compareArtifacts(baseline, candidate),
        environment: compareEnvironment(baseline, candidate),
        notes: [...pair.notes, ...contextNotes(pair)],
    };
}
function contextNotes(pair) {
    const change = contextChange(pair);
    if (!change)
        return [];
    return [
        `unit ${pair.unit}: the context fingerprint differs (baseline ${change.baseline.join(', ')}, candidate ` +
            `${change.candidate.join(', ')}): the runs used different inputs, so its changes are not like for like`,
    ];
}

;// CONCATENATED MODULE: ./src/compare/diagnostics.ts
/** Contexta's default `expected_terminal_stage_names`. */
const DEFAULT_EXPECTED_STAGES = ['evaluate', 'package'];
function stageOrder(a, b) {
    const ia = a.orderIndex ?? Number.MAX_SAFE_INTEGER;
    const ib = b.orderIndex ?? Number.MAX_SAFE_INTEGER;
    if (ia !== ib)
        return ia - ib;
    return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}
/**
 * Contexta's `diagnose_run` (§11) on the evidence model, same codes, severities and emission order.
 * Where Contexta needs ledger statuses and the evidence has none, nothing is assumed: stages with an
 * unknown status get one `stage_status_unknown` note instead of `incomplete_stage`, and
 * `missing_stage_metrics` says the status is unknown.
 */
function diagnoseRun(run, project, side, expectedStages = DEFAULT_EXPECTED_STAGES) {
    const out = [];
    const base = { side, project: run.project, runRef: run.ref };
    const stages = [...run.stages].sort(stageOrder);
    for (const record of run.degraded) {
        out.push({
            ...base,
            code: 'degraded_record',
            severity: 'warning',
            subjectRef: record.recordRef,
            stage: record.stage,
            summary: `degraded record detected for ${record.issueKey}`,
            details: {
                degradation_marker: record.degradationMarker,
                stage_id: record.stage ? `stage:${run.ref.slice('run:'.length)}.${record.stage}` : null,
                category: record.category,
                severity: record.severity,
                message: record.summary,
            },
        });
    }
    const unknown = stages.filter((s) => s.status === null);
    for (const stage of stages) {
        if (stage.status !== null && stage.status !== 'completed') {
            out.push({
                ...base,
                code: 'incomplete_stage',
                severity: 'warning',
                subjectRef: stage.ref,
                stage: stage.name,
                summary: `stage ${stage.name} is ${stage.status}, not completed`,
                details: { status: stage.status, run_id: run.ref },
            });
        }
    }
    if (unknown.length > 0) {
        out.push({
            ...base,
            code: 'stage_status_unknown',
            severity: 'info',
            subjectRef: run.ref,
            stage: null,
            summary: `status unknown (no ledger read) for stage${unknown.length > 1 ? 's' : ''} ` +
                `${unknown.map((s) => s.name).join(', ')}: whether they completed cannot be checked`,
            details: { stages: unknown.map((s) => s.name).join(','), run_id: run.ref },
        });
    }
    for (const stage of stages) {
        const hasMetrics = stage.metrics.length > 0 || stage.samples.length > 0;
        if (hasMetrics || (stage.status !== null && stage.status !== 'completed'))
            continue;
        out.push({
            ...base,
            code: 'missing_stage_metrics',
            severity: 'info',
            subjectRef: stage.ref,
            stage: stage.name,
            summary: stage.status === 'completed'
                ? `completed stage ${stage.name} has no metric records`
                : `stage ${stage.name} (status unknown) has no metric records`,
            details: { stage_name: stage.name, run_id: run.ref, status: stage.status },
        });
    }
    for (const stage of stages) {
        for (const batch of stage.batches) {
            if (batch.status === 'failed') {
                out.push({
                    ...base,
                    code: 'failed_batch',
                    severity: 'error',
                    subjectRef: batch.ref,
                    stage: stage.name,
                    summary: `batch ${batch.name} of stage ${stage.name} failed`,
                    details: { status: batch.status, stage_name: stage.name },
                });
            }
            else if (batch.status === 'cancelled') {
                out.push({
                    ...base,
                    code: 'incomplete_batch',
                    severity: 'warning',
                    subjectRef: batch.ref,
                    stage: stage.name,
                    summary: `batch ${batch.name} of stage ${stage.name} is ${batch.status}`,
                    details: { status: batch.status, stage_name: stage.name },
                });
            }
        }
    }
    for (const deployment of project?.deployments ?? []) {
        if (deployment.runRef === run.ref && deployment.status === 'failed') {
            out.push({
                ...base,
                code: 'failed_deployment',
                severity: 'error',
                subjectRef: deployment.ref,
                stage: null,
                summary: `deployment ${deployment.name} of this run failed`,
                details: { status: deployment.status, deployment_name: deployment.name },
            });
        }
    }
    const names = new Set(run.stages.map((s) => s.name));
    for (const expected of expectedStages) {
        if (names.has(expected))
            continue;
        out.push({
            ...base,
            code: 'missing_expected_stage',
            severity: 'info',
            subjectRef: run.ref,
            stage: null,
            summary: `expected terminal stage ${expected} is missing`,
            details: { expected_stage_name: expected, run_id: run.ref },
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/format/numbers.ts
var numbers = __webpack_require__(3613);
// EXTERNAL MODULE: ./src/format/phrase.ts
var phrase = __webpack_require__(3750);
// EXTERNAL MODULE: ./src/format/ranges.ts
var format_ranges = __webpack_require__(2749);
;// CONCATENATED MODULE: ./src/findings/common.ts



/** Sample names as ranges (`s-0600…s-0637`), capped: a step names what to open, not every sample. */
function names(list) {
    const ranges = (0,format_ranges/* nameRanges */.w)(list.names, list.count);
    const shown = (0,phrase/* joinPhrases */.Zk)(ranges.items.map(phrase/* named */.KT), ', ');
    return ranges.more > 0 ? (0,phrase/* phrase */.MZ) `${shown}, … (+${(0,numbers/* formatCount */.B4)(ranges.more)} more)` : shown;
}
function common_prefix(unit, multi) {
    return multi ? (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(`${unit.comparison.project}/${unit.comparison.unit}`)}: ` : (0,phrase/* words */.aL)('');
}
/** A metric row's name, quoted as one name. */
function label(stage, key, slice) {
    return (0,phrase/* named */.KT)((0,numbers/* metricLabel */.B)(stage, key, slice));
}
/** Names joined by commas, each quoted. */
function common_nameList(items) {
    return (0,phrase/* joinPhrases */.Zk)(items.map(phrase/* named */.KT), ', ');
}
/** A name, or our word for its absence. */
function optionalName(value, otherwise) {
    return value === null ? (0,phrase/* words */.aL)(otherwise) : (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(value)}`;
}

;// CONCATENATED MODULE: ./src/findings/evidence.ts



const INTEGRITY_CODES = new Set([
    'truncated_line',
    'invalid_json_line',
    'sequence_gap',
    'manifest_sequence_mismatch',
]);
/** metalab replicate outcomes, reported once as missing evidence of the unit rather than here. */
const REPLICATE_CODES = new Set(['run_failed', 'run_incomplete', 'run_missing']);
function degradedFindings(inputs, multi) {
    const out = [];
    const seen = new Set();
    for (const unit of inputs.units) {
        for (const [side, run, gaps] of [
            ['candidate', unit.pair.candidate, inputs.candidateGaps],
            ['baseline', unit.pair.baseline, inputs.baselineGaps],
        ]) {
            if (!run || seen.has(`${side}\u0000${run.ref}`))
                continue;
            seen.add(`${side}\u0000${run.ref}`);
            const runGaps = gaps.filter((g) => g.severity !== 'info' &&
                (!g.runRef || g.runRef === run.ref) &&
                !(run.metalab && REPLICATE_CODES.has(g.code)));
            const partial = run.stages.filter((s) => s.partialRecords > 0);
            if (run.degraded.length === 0 && partial.length === 0 && runGaps.length === 0)
                continue;
            const parts = [];
            for (const d of run.degraded) {
                parts.push((0,phrase/* phrase */.MZ) `degraded record ${(0,phrase/* named */.KT)(d.issueKey)}${d.stage ? (0,phrase/* phrase */.MZ) ` in ${(0,phrase/* named */.KT)(d.stage)}` : ''} (${(0,phrase/* named */.KT)(d.degradationMarker)}): ${d.summary}`);
            }
            for (const s of partial)
                parts.push((0,phrase/* phrase */.MZ) `stage ${(0,phrase/* named */.KT)(s.name)}: ${s.partialRecords} of ${s.recordCount} records not complete`);
            const codes = [...new Set(runGaps.map((g) => g.code))];
            if (runGaps.length > 0)
                parts.push((0,phrase/* words */.aL)(`${runGaps.length} evidence gap(s): ${codes.join(', ')}`));
            const stages = [
                ...new Set([...run.degraded.map((d) => d.stage), ...partial.map((s) => s.name)].filter((s) => s !== null)),
            ];
            const nextSteps = [];
            if (stages.length > 0) {
                nextSteps.push((0,phrase/* phrase */.MZ) `re-run stage${stages.length > 1 ? 's' : ''} ${common_nameList(stages)} of ${(0,phrase/* named */.KT)(run.ref)} to completion and capture its evidence again`);
            }
            const other = codes.filter((c) => !INTEGRITY_CODES.has(c) && c !== 'degraded_record' && c !== 'partial_record');
            if (other.length > 0)
                nextSteps.push((0,phrase/* phrase */.MZ) `resolve the evidence gaps (${other.join(', ')}) listed for ${(0,phrase/* named */.KT)(run.ref)}`);
            if (codes.some((c) => INTEGRITY_CODES.has(c))) {
                nextSteps.push((0,phrase/* words */.aL)("run Contexta's integrity check on the workspace (repair_truncated_tails, rebuild_indexes)"));
            }
            const errors = runGaps.some((g) => g.severity === 'error') || run.degraded.some((d) => d.severity === 'error');
            out.push({
                code: 'degraded_evidence',
                severity: side === 'candidate' && errors ? 'error' : 'warning',
                project: unit.comparison.project,
                unit: unit.comparison.unit,
                stage: stages[0] ?? null,
                metric: null,
                slice: null,
                title: (0,phrase/* phrase */.MZ) `${common_prefix(unit, multi)}${side} evidence of ${(0,phrase/* named */.KT)(run.ref)} is degraded`,
                detail: (0,phrase/* phrase */.MZ) `${(0,phrase/* joinPhrases */.Zk)(parts.slice(0, 6), '; ')}${parts.length > 6 ? `; and ${parts.length - 6} more` : ''}`,
                nextSteps,
            });
        }
    }
    return out;
}
/** Counts per replicate status: our own words (success, failed, crashed, …). */
function failedReplicates(run) {
    const bad = run?.metalab?.replicates.filter((r) => r.status !== 'success') ?? [];
    if (bad.length === 0)
        return null;
    const counts = new Map();
    for (const r of bad)
        counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}
function missingFindings(inputs, multi) {
    const out = [];
    const anyBaseline = inputs.units.some((u) => u.pair.baseline);
    const base = (unit) => ({
        code: 'missing_evidence',
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        metric: null,
        slice: null,
    });
    for (const unit of inputs.units) {
        const { baseline, candidate } = unit.pair;
        const p = common_prefix(unit, multi);
        if (candidate && !baseline) {
            const metalabNew = candidate.params !== null && anyBaseline;
            out.push({
                ...base(unit),
                severity: metalabNew ? 'info' : 'warning',
                stage: null,
                title: metalabNew
                    ? (0,phrase/* phrase */.MZ) `${p}unit ${(0,phrase/* named */.KT)(unit.comparison.unit)} is new: no baseline unit with these parameters`
                    : (0,phrase/* phrase */.MZ) `${p}no baseline run for ${(0,phrase/* named */.KT)(candidate.ref)}: regressions cannot be judged`,
                detail: (0,phrase/* words */.aL)(metalabNew
                    ? 'its metrics are reported; regression gates do not judge it'
                    : 'absolute thresholds and evidence checks still apply; the verdict stays unknown for regressions'),
                // Where a baseline comes from depends on where the report is read (a workflow or a terminal),
                // so the renderer adds that step.
                nextSteps: [],
            });
        }
        if (baseline && !candidate) {
            const replicates = failedReplicates(baseline);
            out.push({
                ...base(unit),
                severity: 'error',
                stage: null,
                title: (0,phrase/* phrase */.MZ) `${p}${baseline.params !== null ? (0,phrase/* phrase */.MZ) `unit ${(0,phrase/* named */.KT)(unit.comparison.unit)}` : (0,phrase/* phrase */.MZ) `project ${(0,phrase/* named */.KT)(unit.comparison.project)}`} has a baseline run but no candidate run`,
                detail: (0,phrase/* phrase */.MZ) `baseline ${(0,phrase/* named */.KT)(baseline.ref)}${replicates ? ` (${replicates})` : ''} has nothing to be compared with`,
                nextSteps: [
                    (0,phrase/* phrase */.MZ) `run ${(0,phrase/* named */.KT)(unit.comparison.unit)} in the candidate job, or remove it on purpose and say so in the PR`,
                ],
            });
        }
        const replicates = failedReplicates(candidate);
        if (candidate && replicates) {
            out.push({
                ...base(unit),
                severity: 'error',
                stage: null,
                title: (0,phrase/* phrase */.MZ) `${p}unit ${(0,phrase/* named */.KT)(unit.comparison.unit)}: candidate replicates did not all succeed (${replicates})`,
                detail: (0,phrase/* joinPhrases */.Zk)(candidate.metalab.replicates.map((r) => (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(r.runId)}: ${r.status}`), ', '),
                nextSteps: [
                    (0,phrase/* phrase */.MZ) `look at the run logs of ${(0,phrase/* named */.KT)(unit.comparison.unit)} (logs/<run_id>_run.log) and re-run it`,
                ],
            });
        }
        if (!baseline || !candidate)
            continue;
        const removedStages = unit.comparison.stages
            .filter((s) => s.presence === 'baseline_only')
            .map((s) => s.name);
        if (removedStages.length > 0) {
            out.push({
                ...base(unit),
                severity: 'error',
                stage: removedStages[0],
                title: (0,phrase/* phrase */.MZ) `${p}stage${removedStages.length > 1 ? 's' : ''} ${common_nameList(removedStages)} of the baseline missing from the candidate`,
                detail: (0,phrase/* phrase */.MZ) `baseline ${(0,phrase/* named */.KT)(baseline.ref)} has ${common_nameList(removedStages)}; candidate ${(0,phrase/* named */.KT)(candidate.ref)} does not`,
                nextSteps: [(0,phrase/* phrase */.MZ) `make the candidate job run ${common_nameList(removedStages)} and capture its evidence`],
            });
        }
        const removed = unit.comparison.metrics.filter((m) => m.presence === 'baseline_only' &&
            m.batch === null &&
            (m.stage === null || !removedStages.includes(m.stage)));
        const byStage = new Map();
        for (const m of removed)
            byStage.set(m.stage, [...(byStage.get(m.stage) ?? []), m]);
        for (const [stage, rows] of byStage) {
            const overall = [...new Set(rows.filter((r) => r.slice === null).map((r) => r.key))];
            const slices = rows.filter((r) => r.slice !== null).length;
            const listed = common_nameList(overall.length > 0 ? overall : [...new Set(rows.map((r) => r.key))]);
            out.push({
                ...base(unit),
                severity: 'error',
                stage,
                metric: rows[0].key,
                title: (0,phrase/* phrase */.MZ) `${p}${stage === null ? 'run-level' : (0,phrase/* named */.KT)(stage)} metrics in the baseline but missing from the candidate: ${listed}${slices > 0 ? ` (+${slices} slice series)` : ''}`,
                detail: (0,phrase/* joinPhrases */.Zk)(rows
                    .slice(0, 8)
                    .map((r) => (0,phrase/* phrase */.MZ) `${label(r.stage, r.key, r.slice)} (baseline ${(0,numbers/* formatNumber */.ZV)(r.baseline)})`), ', '),
                nextSteps: [
                    (0,phrase/* phrase */.MZ) `make ${stage === null ? (0,phrase/* named */.KT)(candidate.ref) : (0,phrase/* phrase */.MZ) `stage ${(0,phrase/* named */.KT)(stage)} of ${(0,phrase/* named */.KT)(candidate.ref)}`} record ${listed} again, then re-run the gate`,
                ],
            });
        }
        for (const s of unit.comparison.samples) {
            if (s.presence === 'baseline_only') {
                out.push({
                    ...base(unit),
                    severity: 'warning',
                    stage: s.stage,
                    title: (0,phrase/* phrase */.MZ) `${p}per-sample ${label(s.stage, s.key, null)} is in the baseline (${s.overall.baselineOnly.count} samples) but not in the candidate`,
                    detail: (0,phrase/* words */.aL)('without per-sample outcomes, regressions of the linked metrics are judged on raw deltas only'),
                    nextSteps: [(0,phrase/* phrase */.MZ) `record per-sample ${(0,phrase/* named */.KT)(s.key)} in stage ${(0,phrase/* named */.KT)(s.stage)} again`],
                });
            }
            else if (s.presence === 'both' && s.overall.baselineOnly.count > 0) {
                const total = s.overall.paired + s.overall.baselineOnly.count;
                out.push({
                    ...base(unit),
                    severity: 'warning',
                    stage: s.stage,
                    title: (0,phrase/* phrase */.MZ) `${p}candidate has ${s.overall.paired} of the baseline's ${total} samples of ${label(s.stage, s.key, null)}`,
                    detail: (0,phrase/* phrase */.MZ) `${s.overall.baselineOnly.count} baseline samples have no candidate outcome: ${names(s.overall.baselineOnly)}`,
                    nextSteps: [
                        (0,phrase/* phrase */.MZ) `check why stage ${(0,phrase/* named */.KT)(s.stage)} of ${(0,phrase/* named */.KT)(candidate.ref)} did not score every sample`,
                    ],
                });
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/findings/findings.ts





/** Relative worsening of a slice without sample evidence that is reported even when no gate trips. */
const SLICE_DROP = 0.05;
/** A slice's inputs changing this much (relative) in another stage is worth naming as a likely cause. */
const RELATED_CHANGE = 0.25;
const DEFAULT_ARTIFACT_GROWTH_PCT = 10;
/** The binary per-sample group behind a row: its linked series, else any binary series of the stage. */
function binaryGroup(unit, stage, slice, key) {
    const series = unit.comparison.samples.filter((s) => s.stage === stage && s.kind === 'binary' && s.presence === 'both' && (!key || s.key === key));
    for (const s of series) {
        const group = slice === null ? s.overall : s.slices.find((g) => g.slice === slice);
        if (group?.binary)
            return { series: s, group };
    }
    return null;
}
function newlyFailingStep(sample, slice) {
    const failing = sample?.group.binary?.newlyFailing;
    if (!sample || !failing || failing.count === 0)
        return [];
    const where = slice === null ? (0,phrase/* phrase */.MZ) `of stage ${(0,phrase/* named */.KT)(sample.series.stage)}` : (0,phrase/* phrase */.MZ) `of slice ${(0,phrase/* named */.KT)(slice)}`;
    return [
        (0,phrase/* phrase */.MZ) `inspect the ${failing.count} sample${failing.count === 1 ? '' : 's'} ${where} that newly fail ${(0,phrase/* named */.KT)(sample.series.key)}: ${names(failing)}`,
    ];
}
/** Big changes of the same slice in other stages (training rows, input counts): the likely cause. */
function relatedChanges(unit, row) {
    if (row.slice === null)
        return [];
    return unit.comparison.metrics.filter((m) => m.slice === row.slice &&
        m.stage !== row.stage &&
        m.relativeChange !== null &&
        Math.abs(m.relativeChange) >= RELATED_CHANGE);
}
function sliceFindings(inputs, multi) {
    const groups = new Map();
    const byUnit = new Map(inputs.units.map((u) => [`${u.comparison.project}\u0000${u.comparison.unit}`, u]));
    const add = (unit, row, tripped) => {
        const id = JSON.stringify([unit.comparison.project, unit.comparison.unit, row.stage, row.slice]);
        const entry = groups.get(id) ?? {
            unit,
            stage: row.stage,
            slice: row.slice,
            rows: [],
            tripped: false,
        };
        if (!entry.rows.includes(row))
            entry.rows.push(row);
        entry.tripped ||= tripped;
        groups.set(id, entry);
    };
    for (const gate of inputs.gates) {
        if (gate.kind !== 'regression')
            continue;
        for (const c of gate.checks) {
            if (c.slice === null || c.outcome === 'pass')
                continue;
            if (c.delta === null)
                continue;
            const unit = byUnit.get(`${c.project}\u0000${c.unit}`);
            const row = unit?.comparison.metrics.find((m) => m.stage === c.stage && m.key === c.metric && m.slice === c.slice && m.batch === null);
            if (unit && row)
                add(unit, row, c.outcome === 'fail' || c.outcome === 'warn' || c.outcome === 'waived');
        }
    }
    // Slices that got clearly worse whether or not a gate looks at them: significantly so by their paired
    // per-sample test, or, without sample evidence, by at least SLICE_DROP relative to the baseline.
    for (const unit of inputs.units) {
        for (const row of unit.comparison.metrics) {
            if (row.slice === null || row.change !== 'worse' || row.batch !== null)
                continue;
            const sample = row.sampleLink ? binaryGroup(unit, row.stage, row.slice, row.sampleLink.key) : null;
            const p = sample?.group.test?.pValue ?? null;
            if (p !== null ? p < inputs.alpha : Math.abs(row.relativeChange ?? 0) >= SLICE_DROP) {
                add(unit, row, false);
            }
        }
    }
    const out = [];
    for (const { unit, stage, slice, rows, tripped } of groups.values()) {
        rows.sort((a, b) => a.key.localeCompare(b.key));
        const worst = rows.reduce((a, b) => Math.abs(b.relativeChange ?? 0) > Math.abs(a.relativeChange ?? 0) ? b : a);
        const sample = binaryGroup(unit, stage, slice, worst.sampleLink?.key ?? null) ?? binaryGroup(unit, stage, slice);
        const related = relatedChanges(unit, { stage, slice });
        const test = sample?.group.test;
        const detail = (0,phrase/* joinPhrases */.Zk)([
            (0,phrase/* joinPhrases */.Zk)(rows.map((r) => (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(r.key)} ${(0,numbers/* formatChange */.eD)(r.baseline, r.candidate)}`), '; '),
            test && sample
                ? (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(sample.series.key)}: ${sample.group.paired} paired samples, ${sample.group.binary.newlyFailing.count} newly failing, ${sample.group.binary.newlyPassing.count} newly passing (McNemar ${(0,numbers/* formatPValue */.td)(test.pValue ?? 1)})`
                : (0,phrase/* words */.aL)('no per-sample evidence for this slice'),
        ], '. ');
        const nextSteps = [
            ...newlyFailingStep(sample, slice),
            ...related
                .slice(0, 3)
                .map((m) => (0,phrase/* phrase */.MZ) `check ${label(m.stage, m.key, m.slice)}: ${(0,numbers/* formatChange */.eD)(m.baseline, m.candidate)} — the slice's inputs changed too`),
        ];
        out.push({
            code: 'slice_regression',
            severity: tripped ? 'error' : 'warning',
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            stage,
            metric: worst.key,
            slice,
            title: (0,phrase/* phrase */.MZ) `${common_prefix(unit, multi)}slice ${(0,phrase/* named */.KT)(slice)} regressed in ${stage === null ? 'the run' : (0,phrase/* named */.KT)(stage)}: ${(0,phrase/* named */.KT)(worst.key)} ${(0,numbers/* formatChange */.eD)(worst.baseline, worst.candidate)}`,
            detail,
            nextSteps,
        });
    }
    return out;
}
function significantFindings(inputs, multi) {
    const out = [];
    for (const unit of inputs.units) {
        const linked = new Set();
        for (const row of unit.comparison.metrics) {
            if (row.slice !== null || row.batch !== null || !row.sampleLink || row.change !== 'worse')
                continue;
            const sample = binaryGroup(unit, row.stage, null, row.sampleLink.key);
            const test = sample?.group.test;
            if (!sample || !test || test.pValue === null || test.pValue >= inputs.alpha)
                continue;
            linked.add(`${row.stage}\u0000${row.sampleLink.key}`);
            out.push({
                code: 'significant_regression',
                severity: 'warning',
                project: unit.comparison.project,
                unit: unit.comparison.unit,
                stage: row.stage,
                metric: row.key,
                slice: null,
                title: (0,phrase/* phrase */.MZ) `${common_prefix(unit, multi)}${label(row.stage, row.key, null)} ${(0,numbers/* formatChange */.eD)(row.baseline, row.candidate)} is a significant worsening (${(0,numbers/* formatPValue */.td)(test.pValue)})`,
                detail: (0,phrase/* phrase */.MZ) `paired on ${(0,phrase/* named */.KT)(sample.series.key)}: n = ${test.n}, ${test.discordantWorse ?? 0} newly failing vs ${test.discordantBetter ?? 0} newly passing; the change's ${intervalText(test.interval)}`,
                nextSteps: newlyFailingStep(sample, null),
            });
        }
        for (const s of unit.comparison.samples) {
            if (s.presence !== 'both' || s.direction === 'neutral' || linked.has(`${s.stage}\u0000${s.key}`))
                continue;
            const test = s.overall.test;
            if (!test || test.pValue === null || test.pValue >= inputs.alpha)
                continue;
            const worse = s.kind === 'binary'
                ? test.estimate < 0
                : s.direction === 'higher'
                    ? test.estimate < 0
                    : test.estimate > 0;
            if (!worse)
                continue;
            const change = s.kind === 'binary'
                ? `success rate ${(0,numbers/* formatChange */.eD)(s.overall.binary.baselineRate, s.overall.binary.candidateRate)}`
                : `mean ${(0,numbers/* formatChange */.eD)(s.overall.continuous.baselineMean, s.overall.continuous.candidateMean)}`;
            out.push({
                code: 'significant_regression',
                severity: 'warning',
                project: unit.comparison.project,
                unit: unit.comparison.unit,
                stage: s.stage,
                metric: s.key,
                slice: null,
                title: (0,phrase/* phrase */.MZ) `${common_prefix(unit, multi)}per-sample ${label(s.stage, s.key, null)} worsened: ${change} (${(0,numbers/* formatPValue */.td)(test.pValue)})`,
                detail: (0,phrase/* words */.aL)(`${test.method === 'mcnemar-exact' ? 'McNemar exact test' : `paired bootstrap (${test.resamples} resamples, seed ${test.seed})`} on ${test.n} paired samples; the change's ${intervalText(test.interval)}`),
                nextSteps: s.kind === 'binary'
                    ? newlyFailingStep({ series: s, group: s.overall }, null)
                    : [
                        (0,phrase/* phrase */.MZ) `review why ${(0,phrase/* named */.KT)(s.key)} changed per sample in stage ${(0,phrase/* named */.KT)(s.stage)} (${lowerIsBetter(s.direction)})`,
                    ],
            });
        }
    }
    return out;
}
function lowerIsBetter(direction) {
    return direction === 'lower' ? 'lower is better' : 'higher is better';
}
function intervalText(interval) {
    return interval ? (0,numbers/* formatInterval */.vy)(interval) : 'interval is not available';
}
function artifactFindings(inputs, multi) {
    const threshold = inputs.artifactGrowthPct ?? DEFAULT_ARTIFACT_GROWTH_PCT;
    const tripped = new Set();
    for (const gate of inputs.gates) {
        if (gate.kind !== 'artifact')
            continue;
        for (const c of gate.checks) {
            if (c.outcome === 'fail' || c.outcome === 'warn' || c.outcome === 'waived')
                tripped.add(`${c.project}\u0000${c.unit}\u0000${c.subject}`);
        }
    }
    const out = [];
    for (const unit of inputs.units) {
        for (const a of unit.comparison.artifacts) {
            if (a.growthBytes === null || a.growthBytes <= 0)
                continue;
            const gated = tripped.has(`${unit.comparison.project}\u0000${unit.comparison.unit}\u0000${a.kind}`);
            if (!gated && (a.growthPct === null || a.growthPct < threshold))
                continue;
            out.push({
                code: 'artifact_growth',
                severity: gated ? 'error' : 'info',
                project: unit.comparison.project,
                unit: unit.comparison.unit,
                stage: null,
                metric: null,
                slice: null,
                title: (0,phrase/* phrase */.MZ) `${common_prefix(unit, multi)}artifact ${(0,phrase/* named */.KT)(a.kind)} grew ${(0,numbers/* formatChange */.eD)(a.baselineSizeBytes, a.candidateSizeBytes, numbers/* formatBytes */.z3)}`,
                detail: (0,phrase/* phrase */.MZ) `baseline ${optionalName(a.baselineRef, '?')} (${optionalName(a.baselineLocation, 'no location')}), candidate ${optionalName(a.candidateRef, '?')} (${optionalName(a.candidateLocation, 'no location')})`,
                nextSteps: [
                    (0,phrase/* phrase */.MZ) `check what made the ${(0,phrase/* named */.KT)(a.kind)} artifact grow (model size, bundled data, serialisation format)`,
                ],
            });
        }
    }
    return out;
}
function environmentFindings(inputs, multi) {
    const out = [];
    for (const unit of inputs.units) {
        const env = unit.comparison.environment;
        if (env.status !== 'compared' || !env.changed)
            continue;
        const parts = [];
        const value = (v) => optionalName(v ?? null, '?');
        if (env.python?.changed)
            parts.push((0,phrase/* phrase */.MZ) `python ${value(env.python.baseline)} → ${value(env.python.candidate)}`);
        if (env.platform?.changed)
            parts.push((0,phrase/* phrase */.MZ) `platform ${value(env.platform.baseline)} → ${value(env.platform.candidate)}`);
        for (const pkg of env.packagesChanged.slice(0, 10))
            parts.push((0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(pkg.name)} ${value(pkg.baseline)} → ${value(pkg.candidate)}`);
        if (env.packagesAdded.length > 0)
            parts.push((0,phrase/* phrase */.MZ) `added ${(0,phrase/* joinPhrases */.Zk)(env.packagesAdded.map((x) => (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(x.name)} ${value(x.candidate)}`), ', ')}`);
        if (env.packagesRemoved.length > 0)
            parts.push((0,phrase/* phrase */.MZ) `removed ${common_nameList(env.packagesRemoved.map((x) => x.name))}`);
        if (env.variableNamesAdded.length + env.variableNamesRemoved.length > 0) {
            parts.push((0,phrase/* words */.aL)(`environment variable names: +${env.variableNamesAdded.length} / −${env.variableNamesRemoved.length}`));
        }
        out.push({
            code: 'environment_changed',
            severity: 'info',
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            stage: null,
            metric: null,
            slice: null,
            title: (0,phrase/* phrase */.MZ) `${common_prefix(unit, multi)}environment changed: ${(0,phrase/* joinPhrases */.Zk)(parts.slice(0, 3), '; ')}${parts.length > 3 ? '; …' : ''}`,
            detail: (0,phrase/* joinPhrases */.Zk)(parts, '; '),
            nextSteps: [(0,phrase/* words */.aL)('if metrics moved unexpectedly, check whether the dependency changes explain it')],
        });
    }
    return out;
}
/** metalab units whose context fingerprints differ: their deltas compare runs on different inputs. */
function contextFindings(inputs, multi) {
    const out = [];
    for (const unit of inputs.units) {
        const change = contextChange(unit.pair);
        if (!change)
            continue;
        const moved = unit.comparison.metrics.filter((m) => m.change === 'better' || m.change === 'worse').length;
        out.push({
            code: 'context_changed',
            severity: 'warning',
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            stage: null,
            metric: null,
            slice: null,
            title: (0,phrase/* phrase */.MZ) `${common_prefix(unit, multi)}inputs changed: context fingerprint ${common_nameList(change.baseline)} → ${common_nameList(change.candidate)}; not a like-for-like comparison`,
            detail: (0,phrase/* phrase */.MZ) `metalab fingerprints the resolved context (data and shared inputs) of every run; baseline and candidate of unit ${(0,phrase/* named */.KT)(unit.comparison.unit)} ran on different contexts, so its ${moved} metric change(s) may come from the inputs rather than the code`,
            nextSteps: [
                (0,phrase/* phrase */.MZ) `re-run the baseline of ${(0,phrase/* named */.KT)(unit.comparison.unit)} on the candidate's inputs, or confirm the input change is intended`,
            ],
        });
    }
    return out;
}
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
/** Findings for reviewers, most severe first. */
function buildFindings(inputs) {
    const multi = namesUnits(inputs.units);
    const all = [
        ...sliceFindings(inputs, multi),
        ...significantFindings(inputs, multi),
        ...missingFindings(inputs, multi),
        ...degradedFindings(inputs, multi),
        ...artifactFindings(inputs, multi),
        ...environmentFindings(inputs, multi),
        ...contextFindings(inputs, multi),
    ];
    return all
        .map((f, i) => ({ f, i }))
        .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
        .map(({ f }) => f);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
;// CONCATENATED MODULE: ./src/gates/did-you-mean.ts
/** Levenshtein distance; inputs are config keys and enum values, so quadratic is fine. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
const normalize = (s) => s.toLowerCase().replace(/[-_\s]/g, '');
/**
 * The closest candidate, if it is close enough to be a likely typo: same word written in another
 * case or separator style (`maxDrop`, `max-drop`), or within a third of the word's length in edits.
 */
function didYouMean(word, candidates) {
    const exact = candidates.find((c) => normalize(c) === normalize(word));
    if (exact !== undefined)
        return exact;
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const limit = Math.max(2, Math.floor(word.length / 3));
    return bestDistance <= limit ? best : null;
}

;// CONCATENATED MODULE: ./src/gates/config-diagnostics.ts



function formatPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment))
            out += out === '' ? segment : `.${segment}`;
        else
            out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}
/** `file:line:col: path: message`, the form editors and GitHub annotations understand. */
function formatConfigError(error) {
    const where = error.path === '' ? '' : `${error.path}: `;
    return `${error.source}:${error.line}:${error.col}: ${where}${error.message}`;
}
function describeValue(value) {
    if (value === null)
        return 'null (an empty value)';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string') {
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    }
    return String(value);
}
function valueAt(root, path) {
    let value = root;
    for (const segment of path) {
        if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment))
            return undefined;
        value = value[segment];
    }
    return value;
}
/** Keys a zod object schema accepts at `path` (through optional/default wrappers). */
function keysAt(schema, path) {
    const unwrap = (s) => {
        let current = s;
        while (current instanceof schemas/* ZodOptional */.IiU || current instanceof schemas/* ZodDefault */.XiL) {
            current = current.unwrap();
        }
        return current;
    };
    let current = unwrap(schema);
    for (const segment of path) {
        if (!(current instanceof schemas/* ZodObject */.bvH))
            return [];
        const next = current.shape[String(segment)];
        if (next === undefined)
            return [];
        current = unwrap(next);
    }
    return current instanceof schemas/* ZodObject */.bvH ? Object.keys(current.shape) : [];
}
/** Collects errors and warnings with positions taken from the YAML document. */
class ConfigDiagnostics {
    errors = [];
    warnings = [];
    source;
    doc;
    lineCounter;
    constructor(source, doc, lineCounter) {
        this.source = source;
        this.doc = doc;
        this.lineCounter = lineCounter;
    }
    /** The document as plain values, once it could be converted; messages quote from it. */
    data;
    error(path, message, at = 'value') {
        this.errors.push(this.make(path, message, at));
    }
    warning(path, message) {
        this.warnings.push(this.make(path, message, 'value'));
    }
    errorAtOffset(offset, message, list = this.errors) {
        const { line, col } = this.lineCounter.linePos(offset);
        list.push({ source: this.source, line, col, path: '', message });
    }
    /** "expected X, found Y" for the value at `path`, or "missing" when there is none. */
    expected(path, expected, suggestions = []) {
        const value = valueAt(this.data, path);
        if (value === undefined) {
            this.error(path, `required key is missing; expected ${expected}`);
            return;
        }
        let message = `expected ${expected}, found ${describeValue(value)}`;
        if (typeof value === 'string' && suggestions.includes(value)) {
            message += ' (text; write it without quotes)';
        }
        else if (typeof value === 'string' && suggestions.length > 0) {
            const suggestion = didYouMean(value, suggestions);
            if (suggestion !== null)
                message += `; did you mean "${suggestion}"?`;
        }
        this.error(path, message);
    }
    unknownKey(path, validKeys, note) {
        const key = String(path[path.length - 1]);
        const suggestion = didYouMean(key, validKeys);
        const hint = note ??
            (suggestion !== null ? `did you mean "${suggestion}"?` : `valid keys here: ${validKeys.join(', ')}`);
        this.error(path, `unknown key; ${hint}`, 'key');
    }
    /** Reports zod issues of a value validated at `base`; `keys` gives the valid keys of an object. */
    zodIssues(issues, base, keys, unknownKeyNote) {
        for (const issue of issues) {
            const relative = issue.path;
            const path = [...base, ...relative];
            if (issue.code === 'unrecognized_keys') {
                for (const key of issue.keys)
                    this.unknownKey([...path, key], keys(relative), unknownKeyNote?.(key));
            }
            else if (issue.code === 'invalid_union') {
                // A branch whose failures are not all "wrong type here" matched the value's shape; its
                // issues say precisely what is wrong (an item of a list, a bad selector).
                const matching = issue.errors.filter((branch) => !branch.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
                if (matching.length === 1) {
                    this.zodIssues(matching[0], path, () => []);
                }
                else {
                    const literals = issue.errors.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_value' ? i.values.map(String) : [])));
                    this.expected(path, issue.message, literals);
                }
            }
            else if (issue.code === 'invalid_key') {
                const key = String(path[path.length - 1]);
                this.error(path, `expected ${issue.issues[0]?.message ?? 'a valid key'}, found key ${JSON.stringify(key)}`, 'key');
            }
            else if (issue.code === 'invalid_value') {
                this.expected(path, issue.message, issue.values.map(String));
            }
            else {
                this.expected(path, issue.message);
            }
        }
    }
    make(path, message, at) {
        const offset = this.offsetOf(path, at);
        const { line, col } = this.lineCounter.linePos(offset);
        return { source: this.source, line, col, path: formatPath(path), message };
    }
    /** Start of the node at `path`; when the path runs out (a missing key), its closest ancestor. */
    offsetOf(path, at) {
        const startOf = (node) => node !== null && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
            ? node.range[0]
            : undefined;
        let node = this.doc.contents;
        let offset = startOf(node) ?? 0;
        for (let i = 0; i < path.length; i++) {
            const segment = path[i];
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => String((0,dist/* isScalar */.jn)(p.key) ? p.key.value : p.key) === String(segment));
                if (pair === undefined)
                    break;
                const keyOffset = startOf(pair.key) ?? offset;
                if (at === 'key' && i === path.length - 1)
                    return keyOffset;
                node = pair.value;
                offset = startOf(node) ?? keyOffset;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number' && segment < node.items.length) {
                node = node.items[segment];
                offset = startOf(node) ?? offset;
            }
            else {
                break;
            }
        }
        return offset;
    }
}

;// CONCATENATED MODULE: ./src/gates/metric-selector.ts

/**
 * Whether a metric of `stage` (null for a run-level metric) with `key` is selected. `*` as the stage
 * also selects run-level metrics (metalab runs have nothing else); `run` selects run-level metrics and
 * a stage literally named `run`.
 */
function matchesSelector(selector, stage, key) {
    if (!(0,glob/* globMatch */.e)(selector.key, key))
        return false;
    if (selector.stage === '*')
        return true;
    if (stage === null)
        return selector.stage === 'run';
    return (0,glob/* globMatch */.e)(selector.stage, stage);
}
const STAGE_PATTERN = /^[A-Za-z0-9_*-]+$/;
const KEY_PATTERN = /^[^\s/]+$/;
/** Parses `<stage>/<metric key>`; returns the reason when the text is not a selector. */
function parseMetricSelector(text) {
    const parts = text.split('/');
    if (parts.length !== 2) {
        return {
            error: parts.length === 1
                ? 'a metric selector "<stage>/<metric key>" (e.g. "evaluate/accuracy" or "*/accuracy")'
                : 'a metric selector with exactly one "/" ("<stage>/<metric key>")',
        };
    }
    const [stage, key] = parts;
    if (stage === '')
        return { error: 'a stage name, "*" or "run" before the "/"' };
    if (!STAGE_PATTERN.test(stage)) {
        return { error: 'a stage name of letters, digits, "-", "_" or "*" before the "/"' };
    }
    if (key === '')
        return { error: 'a metric key after the "/" (use "*" for every metric)' };
    if (!KEY_PATTERN.test(key))
        return { error: 'a metric key without spaces after the "/"' };
    return { stage, key };
}
/** The selector as the user writes it, for messages. */
function formatSelector(selector) {
    return `${selector.stage}/${selector.key}`;
}

;// CONCATENATED MODULE: ./src/gates/config-schema.ts


/**
 * Zod schemas of the config file as written (snake_case). Every error message is the "expected"
 * phrase of its place; `config.ts` turns an issue into "expected <message>, found <value>" and adds
 * the position. Cross-field rules (gate kind, min ≤ max, unique names) live in `config.ts`, where the
 * YAML positions are at hand.
 */
const expected = (what) => ({ error: what });
/** The keys that make a `metric` gate a threshold gate or a regression gate. */
const THRESHOLD_LIMITS = ['min', 'max'];
const REGRESSION_LIMITS = [
    'max_drop',
    'max_drop_pct',
    'max_increase',
    'max_increase_pct',
    'max_drift',
    'max_drift_pct',
];
const nonNegative = (description) => schemas/* number */.aig(expected('a number ≥ 0')).min(0, expected('a number ≥ 0')).describe(description);
const positiveInt = (description) => schemas/* int */.Whr(expected('a whole number ≥ 1')).min(1, expected('a whole number ≥ 1')).describe(description);
const historyWindow = (description) => schemas/* int */.Whr(expected('a whole number from 2 to 100'))
    .min(2, expected('a whole number from 2 to 100'))
    .max(100, expected('a whole number from 2 to 100'))
    .describe(description);
const alpha = schemas/* number */.aig(expected('a number in (0, 0.5]'))
    .gt(0, expected('a number in (0, 0.5]'))
    .lte(0.5, expected('a number in (0, 0.5]'));
const metricSelector = schemas/* string */.YjP(expected('a metric selector "<stage>/<metric key>"'))
    .superRefine((text, ctx) => {
    const parsed = parseMetricSelector(text);
    if ('error' in parsed)
        ctx.addIssue({ code: 'custom', message: parsed.error });
})
    // For editors only; validation gives the precise reason through parseMetricSelector.
    .meta({ pattern: '^[A-Za-z0-9_*-]+/[^\\s/]+$' });
const metricSelectors = schemas/* union */.KCZ([
    metricSelector,
    schemas/* array */.YOg(metricSelector, expected('a list of metric selectors'))
        .min(1, expected('a non-empty list of metric selectors')),
], expected('a metric selector "<stage>/<metric key>" or a list of them'));
const stageName = schemas/* string */.YjP(expected('a stage name'))
    .regex(/^[A-Za-z0-9_-]+$/, expected('a stage name of letters, digits, "-" or "_"'));
const outcome = schemas/* enum */.k5n(['pass', 'warn', 'fail'], expected('one of pass, warn, fail'));
const unknownOutcome = schemas/* enum */.k5n(['unknown', 'pass', 'warn', 'fail'], expected('one of unknown, pass, warn, fail'));
const gapAction = schemas/* enum */.k5n(['fail', 'warn', 'ignore'], expected('one of fail, warn, ignore'));
const direction = schemas/* enum */.k5n(['higher', 'lower'], expected('one of higher, lower'));
const slices = schemas/* union */.KCZ([
    schemas/* literal */.euz('none'),
    schemas/* literal */.euz('all'),
    schemas/* array */.YOg(schemas/* string */.YjP(expected('a slice name')).min(1, expected('a slice name')), expected('a list of slice names'))
        .min(1, expected('a non-empty list of slice names')),
], expected('none, all or a list of slice names'))
    .describe('Which series are judged: none (the overall series only, default), all (the overall series and every slice), or a list of slice names.');
const WaiversSchema = schemas/* strictObject */.rej({
    labels: schemas/* boolean */.zMY(expected('true or false'))
        .default(true)
        .describe('Accept `gate-waive:<gate name>` PR labels (the action decides whose labels count).'),
    trailers: schemas/* boolean */.zMY(expected('true or false'))
        .default(true)
        .describe('Accept `Gate-Waive: <metric>[@<slice>]: <reason>` commit trailers.'),
    self: schemas/* boolean */.zMY(expected('true or false'))
        .default(false)
        .describe("Let the pull request's author waive their own pull request's gates (label or trailer)."),
}, expected('a mapping with labels, trailers and self'));
const PolicySchema = schemas/* strictObject */.rej({
    unknown: outcome.default('warn').describe('What an `unknown` verdict means for the job.'),
    missing_baseline: unknownOutcome.default('unknown').describe('Verdict when no baseline run was found.'),
    baseline_degraded: unknownOutcome
        .default('unknown')
        .describe('Verdict when the baseline has error-severity evidence gaps or degraded evidence.'),
    evidence_gaps: gapAction.default('fail').describe('Error-severity evidence gaps in the candidate.'),
    missing_metrics: gapAction
        .default('warn')
        .describe('A metric the baseline has that is missing from the candidate or has no finite value there.'),
    unmatched: gapAction
        .default('fail')
        .describe('A gate none of whose selectors (metrics, named slices, artifact kind) matches anything in either run.'),
    significance: alpha
        .default(0.05)
        .describe('Alpha of every regression gate without its own `significance` key (one-sided, Holm-adjusted over the rows of every gate of the same severity and alpha).'),
    binary_test: schemas/* enum */.k5n(['mid-p', 'exact'], expected('mid-p or exact'))
        .default('mid-p')
        .describe('McNemar variant for 0/1 per-sample outcomes: mid-p (default) or exact.'),
    min_pairs: positiveInt('Fewest paired samples a row needs for a significance decision; below it the row is unknown.').default(10),
    min_samples: positiveInt('Default minimum samples per compared unit or slice.').default(30),
    min_effect: nonNegative('Default minimum absolute effect below which a regression gate cannot fail.').default(0),
    bootstrap_resamples: schemas/* int */.Whr(expected('a whole number from 100 to 1000000'))
        .min(100, expected('a whole number from 100 to 1000000'))
        .max(1_000_000, expected('a whole number from 100 to 1000000'))
        .default(2000)
        .describe('Bootstrap resamples for confidence intervals.'),
    seed: schemas/* int */.Whr(expected('a whole number ≥ 0'))
        .min(0, expected('a whole number ≥ 0'))
        .default(20261123)
        .describe('Seed of the bootstrap, so a verdict is reproducible.'),
    directions: schemas/* record */.g1P(schemas/* string */.YjP()
        .regex(/^[^\s/]+$/, expected('a metric key glob without "/" or spaces (directions are keyed by metric key)')), direction, 
    // Only the record's own type error: key and value errors keep their own messages.
    {
        error: (issue) => issue.code === 'invalid_type' ? 'a mapping of metric key globs to higher or lower' : undefined,
    })
        .default({})
        .describe('Per-metric direction overrides: metric key glob → higher | lower. The first match wins.'),
    waivers: WaiversSchema.default({ labels: true, trailers: true, self: false }),
    history: historyWindow('Runs of history a regression gate looks back over (max_drift, noise from history) unless it sets its own `history`.').default(20),
}, expected('a mapping of policy settings'))
    .describe('How situations without a clear measurement map to the job result, and defaults for gates.');
const common = {
    name: schemas/* string */.YjP(expected('a gate name (text)'))
        .trim()
        .min(1, expected('a non-empty gate name'))
        .describe('Unique name, shown in the report and used by `gate-waive:<name>` labels.'),
    severity: schemas/* enum */.k5n(['fail', 'warn'], expected('one of fail, warn'))
        .default('fail')
        .describe('Whether a failing gate fails the check or only warns.'),
    message: schemas/* string */.YjP(expected('text')).optional().describe('Custom message shown when the gate fails.'),
};
const ThresholdGateSchema = schemas/* strictObject */.rej({
    ...common,
    metric: metricSelectors.describe('"<stage>/<metric key>" ("*" and "run" allowed as stage, "*" globs), or a list.'),
    min: schemas/* number */.aig(expected('a number')).optional().describe('Lowest acceptable value.'),
    max: schemas/* number */.aig(expected('a number')).optional().describe('Highest acceptable value.'),
    slices: slices.optional(),
}, expected('a mapping'))
    .describe('Threshold gate: absolute bounds on the candidate value.')
    .meta({ anyOf: THRESHOLD_LIMITS.map((key) => ({ required: [key] })) });
const RegressionGateSchema = schemas/* strictObject */.rej({
    ...common,
    metric: metricSelectors.describe('"<stage>/<metric key>" ("*" and "run" allowed as stage, "*" globs), or a list.'),
    max_drop: nonNegative('Largest allowed drop of a higher-is-better metric, in metric units.').optional(),
    max_drop_pct: nonNegative('Largest allowed drop of a higher-is-better metric, in % of the baseline.').optional(),
    max_increase: nonNegative('Largest allowed increase of a lower-is-better metric, in metric units.').optional(),
    max_increase_pct: nonNegative('Largest allowed increase of a lower-is-better metric, in % of the baseline.').optional(),
    max_drift: nonNegative('Largest allowed cumulative worsening against the best value of the history window, in metric units (raw values, no significance).').optional(),
    max_drift_pct: nonNegative('Largest allowed cumulative worsening against the best value of the history window, in % of that best value.').optional(),
    history: historyWindow('Runs of history this gate looks back over (default policy.history).').optional(),
    direction: direction.optional().describe('Override of the metric direction.'),
    significance: schemas/* union */.KCZ([alpha, schemas/* boolean */.zMY()], expected('a number in (0, 0.5], true or false'))
        .optional()
        .describe('Alpha of the paired test (default and true: policy.significance); false judges raw limits only.'),
    min_samples: positiveInt('Minimum samples per compared unit or slice (default policy.min_samples).').optional(),
    min_effect: nonNegative('Changes smaller than this never fail (default policy.min_effect).').optional(),
    slices: slices.optional(),
    samples: schemas/* string */.YjP(expected('a metric key'))
        .regex(/^[^\s/*]+$/, expected('a metric key without "/", "*" or spaces'))
        .optional()
        .describe('Per-sample metric key holding the sample outcomes of this metric (e.g. correct).'),
}, expected('a mapping'))
    .describe('Regression gate: candidate against baseline.')
    .meta({ anyOf: REGRESSION_LIMITS.map((key) => ({ required: [key] })) });
const EvidenceGateSchema = schemas/* strictObject */.rej({
    ...common,
    require_complete: schemas/* array */.YOg(stageName, expected('a list of stage names'))
        .min(1, expected('a non-empty list of stage names'))
        .describe('Stages that must exist in the candidate; the other checks look at these stages. "run" is the run\'s own evidence outside any stage (all a metalab unit has).'),
    optional_stages: schemas/* array */.YOg(stageName, expected('a list of stage names'))
        .optional()
        .describe('Stages checked like require_complete (degraded, partial, statuses) when the candidate has them.'),
    require_metrics: schemas/* union */.KCZ([
        schemas/* literal */.euz('baseline'),
        schemas/* literal */.euz('none'),
        schemas/* array */.YOg(metricSelector, expected('a list of metric selectors'))
            .min(1, expected('a non-empty list of metric selectors')),
    ], expected('baseline, none or a list of "<stage>/<metric key>"'))
        .optional()
        .describe('baseline: every metric the baseline has in those stages; or a list; none (default).'),
    degraded: gapAction.default('fail').describe('Degraded records in those stages.'),
    partial: gapAction
        .default('fail')
        .describe('Records whose completeness is partial, absent or unknown.'),
    statuses: gapAction.default('warn').describe('Ledger statuses other than completed.'),
}, expected('a mapping'))
    .describe('Evidence gate: the candidate evidence is complete.');
const DiagnosticsGateSchema = schemas/* strictObject */.rej({
    ...common,
    diagnostics: schemas/* enum */.k5n(['error', 'warning', 'info'], expected('one of error, warning, info'))
        .describe('Fail on any diagnostic at or above this level.'),
}, expected('a mapping'))
    .describe('Diagnostics gate.');
const ArtifactGateSchema = schemas/* strictObject */.rej({
    ...common,
    artifact: schemas/* string */.YjP(expected('an artifact kind'))
        .min(1, expected('an artifact kind'))
        .describe('Artifact kind ("*" globs allowed).'),
    max_growth_pct: nonNegative('Largest allowed size growth, in % of the baseline artifact.').optional(),
    max_growth_bytes: schemas/* int */.Whr(expected('a whole number ≥ 0'))
        .min(0, expected('a whole number ≥ 0'))
        .optional()
        .describe('Largest allowed size growth, in bytes.'),
}, expected('a mapping'))
    .describe('Artifact gate: artifact size growth.')
    .meta({ anyOf: [{ required: ['max_growth_pct'] }, { required: ['max_growth_bytes'] }] });
const GATE_SCHEMAS = {
    threshold: ThresholdGateSchema,
    regression: RegressionGateSchema,
    evidence: EvidenceGateSchema,
    diagnostics: DiagnosticsGateSchema,
    artifact: ArtifactGateSchema,
};
const version = schemas/* literal */.euz(1, expected('1 (the only config version)')).describe('Config version; must be 1.');
/** Top level as validated: gates are checked one by one after their kind is known. */
const TopLevelSchema = schemas/* strictObject */.rej({
    version,
    policy: PolicySchema.optional(),
    gates: schemas/* array */.YOg(schemas/* unknown */.L5J(), expected('a list of gates ([] for none)')),
}, expected('a mapping with version, policy and gates'));
/** The whole file, for the JSON Schema given to editors. */
const ConfigFileSchema = schemas/* strictObject */.rej({
    version,
    policy: PolicySchema.optional(),
    gates: schemas/* array */.YOg(schemas/* union */.KCZ([
        ThresholdGateSchema,
        RegressionGateSchema,
        EvidenceGateSchema,
        DiagnosticsGateSchema,
        ArtifactGateSchema,
    ]))
        .describe('Gates, evaluated in order. The kind follows from the keys present.'),
})
    .meta({ title: 'contexta/gate configuration (.github/contexta-gate.yml)' });
/** JSON Schema of the config file (committed as `docs/contexta-gate.schema.json`). */
function configJsonSchema() {
    return z.toJSONSchema(ConfigFileSchema, { io: 'input', target: 'draft-07' });
}

;// CONCATENATED MODULE: ./src/gates/config.ts






/** Where the action looks for a config when none is named. */
const DEFAULT_CONFIG_PATH = '.github/contexta-gate.yml';
/** Config files are a few hundred bytes; anything this big is not a config. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** GitHub labels hold at most 50 characters; `gate-waive:` takes 11 of them. */
const MAX_WAIVABLE_NAME = 50 - 'gate-waive:'.length;
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
function toPolicy(input) {
    return {
        unknown: input.unknown,
        missingBaseline: input.missing_baseline,
        baselineDegraded: input.baseline_degraded,
        evidenceGaps: input.evidence_gaps,
        missingMetrics: input.missing_metrics,
        unmatched: input.unmatched,
        significance: input.significance,
        binaryTest: input.binary_test,
        minPairs: input.min_pairs,
        minSamples: input.min_samples,
        minEffect: input.min_effect,
        bootstrapResamples: input.bootstrap_resamples,
        seed: input.seed,
        directions: Object.entries(input.directions).map(([pattern, direction]) => ({ pattern, direction })),
        waivers: { labels: input.waivers.labels, trailers: input.waivers.trailers, self: input.waivers.self },
        history: input.history,
    };
}
/** The policy of a config that has no `policy` section. */
const DEFAULT_POLICY = toPolicy(PolicySchema.parse({}));
/**
 * The headline quality metrics of the evaluate stage: the built-in higher-is-better words (direction.ts),
 * as key globs so `macro-f1` or `val-accuracy` count and a run without one of them is not "missing".
 */
const HEADLINE_METRICS = ['accuracy', 'f1', 'auc', 'precision', 'recall', 'exact-match', 'pass'];
/**
 * The built-in noise-aware slice check: a significant drop of a headline metric, overall or in any slice,
 * fails the check. Significant means one-sided at policy.significance after Holm's adjustment over every
 * row the run's fail gates test (gates/family.ts), so pure noise fails at most about alpha of PRs
 * however many slices and gates there are; drops
 * under 2 points never fail (a practical floor, so a huge eval set does not fail on a trivial drop).
 */
const HEADLINE_SLICE_GATE = {
    kind: 'regression',
    name: 'no significant headline drop in any slice',
    severity: 'fail',
    message: null,
    metrics: HEADLINE_METRICS.map((word) => ({ stage: 'evaluate', key: `*${word}` })),
    maxDrop: 0.02,
    maxDropPct: null,
    maxIncrease: null,
    maxIncreasePct: null,
    maxDrift: null,
    maxDriftPct: null,
    history: DEFAULT_POLICY.history,
    direction: null,
    significance: DEFAULT_POLICY.significance,
    minSamples: DEFAULT_POLICY.minSamples,
    minEffect: DEFAULT_POLICY.minEffect,
    slices: { mode: 'all' },
    samples: null,
};
/**
 * Used when a repository has no config file: fail on error diagnostics, on error evidence gaps and
 * on metrics that disappear or become non-finite (`missingMetrics: 'fail'` overrides the warn-only
 * regression gate for those, see `evaluate.ts`); only warn on regressions, because without a config we do not know which
 * metrics matter or how noisy they are.
 */
const DEFAULT_CONFIG = {
    version: 1,
    policy: { ...DEFAULT_POLICY, missingMetrics: 'fail' },
    gates: [
        { kind: 'diagnostics', name: 'diagnostics', severity: 'fail', message: null, level: 'error' },
        {
            kind: 'regression',
            name: 'no significant regression',
            severity: 'warn',
            message: null,
            metrics: [{ stage: '*', key: '*' }],
            maxDrop: null,
            maxDropPct: 5,
            maxIncrease: null,
            maxIncreasePct: 5,
            direction: null,
            significance: DEFAULT_POLICY.significance,
            minSamples: DEFAULT_POLICY.minSamples,
            minEffect: DEFAULT_POLICY.minEffect,
            slices: { mode: 'none' },
            samples: null,
            maxDrift: null,
            maxDriftPct: null,
            history: DEFAULT_POLICY.history,
        },
        HEADLINE_SLICE_GATE,
    ],
};
const KIND_KEYS = ['metric', 'require_complete', 'diagnostics', 'artifact'];
const GATE_KINDS = Object.keys(GATE_SCHEMAS);
const ALL_GATE_KEYS = [...new Set(GATE_KINDS.flatMap((kind) => Object.keys(GATE_SCHEMAS[kind].shape)))];
const KIND_HELP = 'metric with min/max (threshold gate), metric with max_drop, max_drop_pct, max_increase, ' +
    'max_increase_pct, max_drift or max_drift_pct (regression gate), require_complete (evidence gate), diagnostics or artifact';
/** Decides the gate kind from its discriminating keys, reporting why when it cannot. */
function gateKind(raw, path, out) {
    const has = (key) => Object.hasOwn(raw, key);
    const present = KIND_KEYS.filter(has);
    if (present.length > 1) {
        out.error([...path, present[1]], `a gate has exactly one of ${KIND_KEYS.join(', ')}; this one also has ${present[0]} — split it into two gates`, 'key');
        return null;
    }
    const unknown = Object.keys(raw).filter((key) => !ALL_GATE_KEYS.includes(key));
    const kind = (() => {
        if (present[0] === 'require_complete')
            return 'evidence';
        if (present[0] === 'diagnostics')
            return 'diagnostics';
        if (present[0] === 'artifact')
            return 'artifact';
        if (present[0] !== 'metric')
            return null;
        const threshold = THRESHOLD_LIMITS.filter(has);
        const regression = REGRESSION_LIMITS.filter(has);
        if (threshold.length > 0 && regression.length > 0) {
            out.error([...path, regression[0]], `a gate cannot mix threshold keys (${threshold.join(', ')}) with regression keys (${regression.join(', ')}); split it into two gates`, 'key');
            return null;
        }
        if (threshold.length > 0)
            return 'threshold';
        if (regression.length > 0)
            return 'regression';
        if (unknown.length === 0) {
            out.error(path, 'a metric gate needs min and/or max (threshold gate) or one of max_drop, max_drop_pct, max_increase, max_increase_pct, max_drift, max_drift_pct (regression gate)');
        }
        return null;
    })();
    if (kind === null) {
        // A misspelt discriminating key is the likely cause; name it rather than the missing kind.
        for (const key of unknown)
            out.unknownKey([...path, key], ALL_GATE_KEYS);
        if (present.length === 0 && unknown.length === 0) {
            out.error(path, `cannot tell the gate kind; a gate needs one of: ${KIND_HELP}`);
        }
    }
    return kind;
}
function toSelectors(metric) {
    return (typeof metric === 'string' ? [metric] : metric).map((text) => parseMetricSelector(text));
}
function toSlices(slices) {
    if (slices === undefined || slices === 'none')
        return { mode: 'none' };
    if (slices === 'all')
        return { mode: 'all' };
    return { mode: 'list', slices };
}
function toRequiredMetrics(value) {
    if (value === undefined || value === 'none')
        return { mode: 'none' };
    if (value === 'baseline')
        return { mode: 'baseline' };
    return { mode: 'list', metrics: toSelectors(value) };
}
function toGate(kind, input, policy, path, out) {
    const common = (g) => ({
        name: g.name,
        severity: g.severity,
        message: g.message ?? null,
    });
    switch (kind) {
        case 'threshold': {
            const g = input;
            if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
                out.error([...path, 'max'], `max (${g.max}) is below min (${g.min}); no value could pass`);
                return null;
            }
            return {
                kind,
                ...common(g),
                metrics: toSelectors(g.metric),
                min: g.min ?? null,
                max: g.max ?? null,
                slices: toSlices(g.slices),
            };
        }
        case 'regression': {
            const g = input;
            // Noise-aware by default: no key (or `true`) means policy.significance; only `false` opts out.
            const significance = g.significance === false
                ? null
                : g.significance === true || g.significance === undefined
                    ? policy.significance
                    : g.significance;
            return {
                kind,
                ...common(g),
                metrics: toSelectors(g.metric),
                maxDrop: g.max_drop ?? null,
                maxDropPct: g.max_drop_pct ?? null,
                maxIncrease: g.max_increase ?? null,
                maxIncreasePct: g.max_increase_pct ?? null,
                direction: g.direction ?? null,
                significance,
                minSamples: g.min_samples ?? policy.minSamples,
                minEffect: g.min_effect ?? policy.minEffect,
                slices: toSlices(g.slices),
                samples: g.samples ?? null,
                maxDrift: g.max_drift ?? null,
                maxDriftPct: g.max_drift_pct ?? null,
                history: g.history ?? policy.history,
            };
        }
        case 'evidence': {
            const g = input;
            return {
                kind,
                ...common(g),
                requireComplete: g.require_complete,
                optionalStages: g.optional_stages ?? [],
                requireMetrics: toRequiredMetrics(g.require_metrics),
                degraded: g.degraded,
                partial: g.partial,
                statuses: g.statuses,
            };
        }
        case 'diagnostics': {
            const g = input;
            return { kind, ...common(g), level: g.diagnostics };
        }
        case 'artifact': {
            const g = input;
            if (g.max_growth_pct === undefined && g.max_growth_bytes === undefined) {
                out.error(path, 'an artifact gate needs max_growth_pct and/or max_growth_bytes');
                return null;
            }
            return {
                kind,
                ...common(g),
                artifact: g.artifact,
                maxGrowthPct: g.max_growth_pct ?? null,
                maxGrowthBytes: g.max_growth_bytes ?? null,
            };
        }
    }
}
function parseGate(raw, index, policy, out) {
    const path = ['gates', index];
    if (!isRecord(raw)) {
        out.expected(path, `a gate (a mapping with a name and one of: ${KIND_HELP})`);
        return null;
    }
    const kind = gateKind(raw, path, out);
    if (kind === null)
        return null;
    const schema = GATE_SCHEMAS[kind];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
        const ownKeys = Object.keys(schema.shape);
        out.zodIssues(parsed.error.issues, path, () => ownKeys, (key) => {
            const owner = GATE_KINDS.find((other) => Object.hasOwn(GATE_SCHEMAS[other].shape, key));
            return owner === undefined
                ? undefined
                : `"${key}" belongs to ${owner} gates, and this is a ${kind} gate`;
        });
        return null;
    }
    return toGate(kind, parsed.data, policy, path, out);
}
// Aliases without an anchor before them. The usual cause is an unquoted selector starting with a
// star (any stage), which YAML reads as an alias; `toJS` would only say "Unresolved alias".
function danglingAliases(doc) {
    const anchors = new Set();
    const dangling = [];
    (0,dist/* visit */.YR)(doc, {
        Node(_, node) {
            if (node.anchor !== undefined)
                anchors.add(node.anchor);
        },
        Alias(_, alias) {
            if (!anchors.has(alias.source))
                dangling.push(alias);
        },
    });
    return dangling;
}
function fail(out) {
    const errors = [...out.errors].sort((a, b) => a.line - b.line || a.col - b.col);
    return { ok: false, errors };
}
/**
 * Parses and validates a gate config. Pure: `source` only labels the errors (a file name, or
 * `config-inline` for YAML given through an action input). Never throws; every problem comes back
 * as an error with its position.
 */
function parseConfig(text, source) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const out = new ConfigDiagnostics(source, doc, lineCounter);
    if (doc.errors.length > 0) {
        for (const error of doc.errors) {
            const message = error.code === 'MULTIPLE_DOCS'
                ? 'the config holds more than one YAML document (a second "---"); keep one'
                : error.message;
            out.errorAtOffset(error.pos[0], `YAML syntax error: ${message}`);
        }
        return fail(out);
    }
    const dangling = danglingAliases(doc);
    if (dangling.length > 0) {
        for (const alias of dangling) {
            out.errorAtOffset(alias.range?.[0] ?? 0, `YAML: *${alias.source} is read as an alias, but no &${alias.source} anchor comes before it; ` +
                `quote values that start with "*", e.g. "*${alias.source}"`);
        }
        return fail(out);
    }
    if (doc.contents === null) {
        out.errorAtOffset(0, 'config is empty; write at least "version: 1" and "gates: []", or delete the file to use the default gates');
        return fail(out);
    }
    try {
        out.data = doc.toJS({ maxAliasCount: 1000 });
    }
    catch (error) {
        out.errorAtOffset(0, `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`);
        return fail(out);
    }
    const data = out.data;
    for (const warning of doc.warnings)
        out.errorAtOffset(warning.pos[0], `YAML: ${warning.message}`, out.warnings);
    const top = TopLevelSchema.safeParse(data);
    if (!top.success)
        out.zodIssues(top.error.issues, [], (relative) => keysAt(TopLevelSchema, relative));
    const policyInput = isRecord(data) ? PolicySchema.safeParse(data.policy ?? {}) : undefined;
    const policy = policyInput?.success ? toPolicy(policyInput.data) : DEFAULT_POLICY;
    const rawGates = isRecord(data) && Array.isArray(data.gates) ? data.gates : [];
    const gates = [];
    const firstByName = new Map();
    rawGates.forEach((raw, index) => {
        const gate = parseGate(raw, index, policy, out);
        if (gate === null)
            return;
        const folded = gate.name.toLowerCase();
        const first = firstByName.get(folded);
        if (first !== undefined) {
            out.error(['gates', index, 'name'], `duplicate gate name "${gate.name}" (also gates[${first}]); names must be unique, ignoring case, because waiver labels refer to them`);
        }
        else {
            firstByName.set(folded, index);
        }
        if (policy.waivers.labels && gate.name.length > MAX_WAIVABLE_NAME) {
            out.warning(['gates', index, 'name'], `longer than ${MAX_WAIVABLE_NAME} characters, so no "gate-waive:<name>" label can name it (GitHub labels hold 50)`);
        }
        gates.push(gate);
    });
    if (top.success && rawGates.length === 0) {
        out.warning(['gates'], 'no gates: only the policy (evidence gaps, missing metrics) can fail the check');
    }
    if (out.errors.length > 0 || !top.success)
        return fail(out);
    return {
        ok: true,
        config: { version: 1, policy, gates },
        warnings: out.warnings.map(formatConfigError),
    };
}
/**
 * Reads a config file and parses it. With `optional`, a missing file means "no config": the default
 * gates, with a warning saying so.
 */
async function loadConfigFile(path, options = {}) {
    const problem = (message) => ({
        ok: false,
        errors: [{ source: path, line: 1, col: 1, path: '', message }],
    });
    try {
        const info = await (0,promises_.stat)(path);
        if (!info.isFile())
            return problem('not a file');
        if (info.size > MAX_CONFIG_BYTES)
            return problem(`config is ${info.size} bytes; a gate config is at most 1 MiB`);
        return parseConfig(await (0,promises_.readFile)(path, 'utf8'), path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' && options.optional === true) {
            return {
                ok: true,
                config: DEFAULT_CONFIG,
                warnings: [`${path}: no config file; using the default gates`],
            };
        }
        if (code === 'ENOENT')
            return problem('config file not found');
        return problem(`cannot read the config: ${error instanceof Error ? error.message : String(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/gates/family.ts
/**
 * The run's families of paired tests. A PR fails when any fail-severity gate fails, so the chance that
 * pure noise fails it is the family-wise error over every row those gates test, not over one gate's
 * rows: two gates at α each, one on the overall series and one on every slice, fail about 2α of noise
 * PRs when each is adjusted alone (measured in docs/calibration.md). Rows tested at the same α by gates
 * of the same severity are therefore one family, and a row two gates both test (the overall accuracy of
 * "no regression" and of "every slice holds") is one hypothesis in it, counted once. Holm over the
 * union controls each gate's own rows too, as a subset of it, so every gate keeps its guarantee.
 * Warn gates form their own family: a warning does not fail the check, and its rows should not weaken
 * the rows that do.
 */

function familyKey(member) {
    return `${member.severity} ${member.alpha}`;
}
/** `members[g]` are gate g's tested rows; the result answers for any of them. */
function runFamilies(members) {
    const families = new Map();
    for (const gateMembers of members) {
        const touched = new Set();
        for (const member of gateMembers) {
            const key = familyKey(member);
            let family = families.get(key);
            if (!family) {
                family = { hypotheses: new Map(), gates: 0 };
                families.set(key, family);
            }
            if (!touched.has(key)) {
                touched.add(key);
                family.gates++;
            }
            if (!family.hypotheses.has(member.id))
                family.hypotheses.set(member.id, member);
        }
    }
    const verdicts = new Map();
    for (const [key, family] of families) {
        const hypotheses = [...family.hypotheses.values()];
        const alpha = hypotheses[0].alpha;
        const kept = taroneFamily(hypotheses.map((h) => h.minAttainable), alpha);
        const reduced = hypotheses.filter((_, i) => kept[i]);
        const adjusted = holmAdjust(reduced.map((h) => h.pValue));
        const shape = { size: reduced.length, leftOut: hypotheses.length - reduced.length, gates: family.gates };
        const byId = new Map();
        for (const h of hypotheses)
            byId.set(h.id, { adjusted: null, ...shape });
        reduced.forEach((h, i) => {
            byId.set(h.id, { adjusted: adjusted[i], ...shape });
        });
        verdicts.set(key, byId);
    }
    return (member) => {
        const verdict = verdicts.get(familyKey(member))?.get(member.id);
        if (!verdict)
            throw new Error(`row ${member.id} was not offered to the run's families`);
        return verdict;
    };
}

;// CONCATENATED MODULE: ./src/gates/judged.ts
function metricKey(project, unit, m) {
    return JSON.stringify([project, unit, m.stage, m.key, m.slice]);
}
function nothingJudged() {
    return { gaps: new Set(), metrics: new Set() };
}
function gapKey(gap) {
    return JSON.stringify([
        gap.code,
        gap.file ?? null,
        gap.line ?? null,
        gap.ref ?? null,
        gap.runRef ?? null,
        gap.stage ?? null,
        gap.message,
    ]);
}

// EXTERNAL MODULE: ./src/gates/results.ts
var gates_results = __webpack_require__(4102);
;// CONCATENATED MODULE: ./src/gates/rows.ts




/** Where a row is, prefixed with the unit when several runs/units were compared. */
function rows_where(unit, label, multi) {
    return multi ? `${unit.comparison.project}/${unit.comparison.unit}: ${label}` : label;
}
function sliceSelected(selection, slice) {
    if (selection.mode === 'none')
        return slice === null;
    // `all` is the overall series and every slice (docs/config.md).
    if (selection.mode === 'all')
        return true;
    return slice !== null && selection.slices.includes(slice);
}
function selected(selectors, row) {
    return selectors.some((s) => matchesSelector(s, row.stage, row.key));
}
function isLiteral(selector) {
    return !selector.key.includes('*') && !selector.stage.includes('*');
}
/** Rows a metric gate looks at: stage/run-level series (not batch-scoped) selected by metric and slice. */
function gateRows(unit, selectors, slices) {
    return unit.comparison.metrics.filter((row) => row.batch === null && selected(selectors, row) && sliceSelected(slices, row.slice));
}
/** Which series of which unit a check is about. */
function seriesFacts(unit, metric) {
    return {
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        stage: metric.stage,
        metric: metric.key,
        slice: metric.slice,
    };
}
/** The fields every check about one metric row carries, whatever the gate kind. */
function rowFacts(unit, row, direction) {
    return {
        ...seriesFacts(unit, row),
        baseline: row.baseline,
        candidate: row.candidate,
        delta: row.delta,
        relativeChange: row.relativeChange,
        direction,
    };
}
/** Literal selectors that name a series the candidate does not have at all. */
function absentLiterals(unit, selectors, slices) {
    const wanted = slices.mode === 'none' ? [null] : slices.mode === 'list' ? slices.slices : [];
    const out = [];
    for (const selector of selectors) {
        if (!isLiteral(selector))
            continue;
        const stage = selector.stage === 'run' ? null : selector.stage;
        for (const slice of wanted) {
            const present = unit.comparison.metrics.some((row) => row.stage === stage && row.key === selector.key && row.slice === slice && row.batch === null);
            if (!present)
                out.push({ stage, key: selector.key, slice });
        }
    }
    return out;
}
/**
 * A selected metric the candidate does not have, or has with no finite value (NaN, ±Infinity): either
 * way there is nothing to judge, and `policy.missing_metrics` decides what that means.
 */
function missingCheck(judged, unit, policy, metric, multi, baseline) {
    judged.metrics.add(metricKey(unit.comparison.project, unit.comparison.unit, metric));
    const outcome = (0,gates_results/* gapOutcome */.HD)(policy.missingMetrics);
    if (outcome === null)
        return null;
    const label = (0,numbers/* metricLabel */.B)(metric.stage, metric.key, metric.slice);
    const nonFinite = metric.candidateNonFinite ?? 0;
    const what = nonFinite > 0
        ? `has no finite value in the candidate (${nonFinite} NaN/Infinity observation(s))`
        : 'is missing from the candidate';
    return (0,gates_results/* check */.z6)({
        outcome,
        ...seriesFacts(unit, metric),
        subject: gates_results/* MISSING_METRIC */.gv,
        baseline,
        reason: `${rows_where(unit, label, multi)} ${what}` +
            (baseline === null ? '' : ` (baseline ${(0,numbers/* formatNumber */.ZV)(baseline)})`) +
            ` (policy.missing_metrics: ${policy.missingMetrics})`,
    });
}
function ignoredMissing(policy, count) {
    return policy.missingMetrics === 'ignore' && count > 0
        ? [
            `${count} selected metric(s) missing from the candidate or not finite there, ignored by policy.missing_metrics: ignore`,
        ]
        : [];
}
/**
 * A metalab candidate unit without a baseline unit has new parameters, not a missing baseline, when
 * the baseline store has other units: it is reported as new and not judged against anything.
 */
function newParameterUnits(units) {
    const metalab = units.some((u) => u.pair.candidate?.params !== null && u.pair.candidate?.params !== undefined);
    return metalab && units.some((u) => u.pair.baseline);
}
function stagesOf(run, names) {
    return run.stages.filter((s) => names.includes(s.name));
}

;// CONCATENATED MODULE: ./src/gates/kinds/artifact.ts
/** `kind: artifact`: an artifact kind does not grow beyond its limits. */





function artifactGate(gate, inputs) {
    const multi = namesUnits(inputs.units);
    const checks = [];
    const notes = [];
    const limitText = [
        gate.maxGrowthBytes === null ? null : `max_growth_bytes ${gate.maxGrowthBytes}`,
        gate.maxGrowthPct === null ? null : `max_growth_pct ${gate.maxGrowthPct} %`,
    ]
        .filter((x) => x !== null)
        .join(', ');
    for (const unit of inputs.units) {
        for (const change of unit.comparison.artifacts) {
            if (!(0,glob/* globMatch */.e)(gate.artifact, change.kind))
                continue;
            const ids = {
                project: unit.comparison.project,
                unit: unit.comparison.unit,
                subject: change.kind,
                baseline: change.baselineSizeBytes,
                candidate: change.candidateSizeBytes,
                delta: change.growthBytes,
                relativeChange: change.growthPct === null ? null : change.growthPct / 100,
                limit: limitText,
            };
            const label = rows_where(unit, `artifact ${change.kind}`, multi);
            if (change.change === 'added' || change.change === 'removed') {
                notes.push(`${label}: ${change.change === 'added' ? 'new in the candidate' : 'only in the baseline'}`);
                continue;
            }
            if (change.growthBytes === null) {
                checks.push((0,gates_results/* check */.z6)({ ...ids, outcome: 'unknown', reason: `${label}: size unknown on one side` }));
                continue;
            }
            const pct = change.growthPct;
            const tooMany = gate.maxGrowthBytes !== null && change.growthBytes > gate.maxGrowthBytes;
            const tooMuch = gate.maxGrowthPct !== null && pct !== null && pct > gate.maxGrowthPct;
            const growth = `${(0,numbers/* formatNumber */.ZV)(change.baselineSizeBytes)} → ${(0,numbers/* formatNumber */.ZV)(change.candidateSizeBytes)} bytes (${(0,numbers/* formatSigned */.Gp)(change.growthBytes)}${pct === null ? '' : `, ${(0,numbers/* formatPercent */.l9)(pct / 100)}`})`;
            checks.push((0,gates_results/* check */.z6)({
                ...ids,
                outcome: tooMany || tooMuch ? 'fail' : 'pass',
                reason: `${label} ${growth}${tooMany || tooMuch ? `, beyond ${limitText}` : `, within ${limitText}`}`,
            }));
        }
    }
    return { checks, evidence: notes };
}

;// CONCATENATED MODULE: ./src/gates/kinds/diagnostics.ts
/** `kind: diagnostics`: no candidate diagnostic at or above a level. */



const LEVELS = { info: 0, warning: 1, error: 2 };
function diagnosticsGate(gate, inputs) {
    const threshold = LEVELS[gate.level];
    const multi = namesUnits(inputs.units);
    const checks = [];
    const candidate = inputs.diagnostics.filter((d) => d.side === 'candidate');
    for (const d of candidate) {
        if (LEVELS[d.severity] < threshold)
            continue;
        const unit = inputs.units.find((u) => u.pair.candidate?.ref === d.runRef);
        checks.push((0,gates_results/* check */.z6)({
            project: d.project,
            unit: unit?.comparison.unit ?? d.runRef,
            stage: d.stage,
            subject: d.code,
            outcome: 'fail',
            limit: `level ${gate.level}`,
            reason: `${multi ? `${d.runRef}: ` : ''}${d.severity} ${d.code}: ${d.summary} (${d.subjectRef})`,
        }));
    }
    const below = candidate.length - checks.length;
    if (checks.length === 0) {
        for (const unit of inputs.units) {
            if (!unit.pair.candidate)
                continue;
            checks.push((0,gates_results/* check */.z6)({
                project: unit.comparison.project,
                unit: unit.comparison.unit,
                outcome: 'pass',
                limit: `level ${gate.level}`,
                reason: rows_where(unit, `no diagnostic at or above ${gate.level}`, multi),
            }));
        }
    }
    return {
        checks,
        evidence: below > 0 ? [`${below} candidate diagnostic(s) below ${gate.level} not counted`] : [],
    };
}

;// CONCATENATED MODULE: ./src/gates/evidence-checks.ts




/** Gaps the evidence model already carries as degraded records / partial counts. */
const GAPS_COVERED_BY_RECORDS = new Set(['degraded_record', 'partial_record']);
function seriesLabel(m) {
    return m.slice === null ? m.key : `${m.key}@${m.slice}`;
}
/**
 * `run` in `require_complete` / `optional_stages`: the run's own evidence, outside any stage — its
 * run-level metrics, its status and the gaps attributed to it. A metalab unit has nothing else.
 */
const RUN_LEVEL = 'run';
function stageScope(stage, run) {
    return {
        stage: stage.name,
        label: `stage ${stage.name}`,
        wanted: stage.metrics,
        have: run.stages.find((s) => s.name === stage.name)?.metrics ?? [],
    };
}
function runScope(baseline, run) {
    return { stage: null, label: 'run-level evidence', wanted: baseline.runMetrics, have: run.runMetrics };
}
/** One row per baseline stage (or run level): which of its metric series (key and slice) the candidate lacks. */
function requiredFromBaseline(judged, unit, scope, multi) {
    const wanted = new Map();
    for (const m of scope.wanted)
        wanted.set(JSON.stringify([m.key, m.slice]), { key: m.key, slice: m.slice });
    const missing = [];
    const nonFinite = [];
    for (const m of wanted.values()) {
        const series = scope.have.filter((x) => x.key === m.key && x.slice === m.slice);
        if (series.length === 0) {
            missing.push(m);
            judged.metrics.add(metricKey(unit.comparison.project, unit.comparison.unit, { stage: scope.stage, ...m }));
        }
        else if (!series.some((x) => Number.isFinite(x.latest.value)))
            nonFinite.push(m);
    }
    const order = (a, b) => a.key.localeCompare(b.key) || (a.slice ?? '').localeCompare(b.slice ?? '');
    missing.sort(order);
    nonFinite.sort(order);
    const overall = [...new Set(missing.filter((m) => m.slice === null).map((m) => m.key))];
    const sliced = missing.filter((m) => m.slice !== null).length;
    const parts = [];
    if (missing.length > 0) {
        const named = overall.length > 0 ? overall.join(', ') : missing.slice(0, 5).map(seriesLabel).join(', ');
        parts.push(`candidate ${scope.label} lacks ${missing.length} of the baseline's ${wanted.size} metric series: ${named}` +
            (overall.length > 0 && sliced > 0 ? ` (+${sliced} slice series)` : ''));
    }
    if (nonFinite.length > 0) {
        parts.push(`only non-finite values for ${nonFinite.map(seriesLabel).join(', ')}`);
    }
    return (0,gates_results/* check */.z6)({
        project: unit.comparison.project,
        unit: unit.comparison.unit,
        stage: scope.stage,
        metric: missing[0]?.key ?? nonFinite[0]?.key ?? null,
        subject: 'required_metrics',
        candidate: wanted.size - missing.length - nonFinite.length,
        baseline: wanted.size,
        outcome: parts.length > 0 ? 'fail' : 'pass',
        reason: rows_where(unit, parts.length > 0
            ? parts.join('; ')
            : `all ${wanted.size} baseline metric series of ${scope.label} present`, multi),
    });
}
/**
 * The `degraded` part of an evidence gate for one scope (a stage, or the run outside any stage):
 * degraded records, series carrying a degradation marker when no record explains them, and error
 * gaps not already told by a record. Every gap seen is marked judged.
 */
function degradedChecks(context, scope, records, series, gaps) {
    const { unit, multi, judged, ids, outcome } = context;
    const row = (subject, text) => (0,gates_results/* check */.z6)({ ...ids, subject, outcome, reason: rows_where(unit, text, multi) });
    const checks = records.map((record) => row('degraded_record', `${scope.label}: degraded record ${record.issueKey} (${record.degradationMarker}` +
        `${record.severity ? `, ${record.severity}` : ''}): ${record.summary}`));
    if (series.length > 0 && records.length === 0) {
        checks.push(row('degraded_record', `${scope.label}: ${series.length} metric series carry a degradation marker (${series
            .map((m) => (0,numbers/* metricLabel */.B)(scope.stage, m.key, m.slice))
            .slice(0, 5)
            .join(', ')})`));
    }
    for (const gap of gaps) {
        judged.gaps.add(gapKey(gap));
        if (GAPS_COVERED_BY_RECORDS.has(gap.code))
            continue;
        checks.push(row(gap.code, `${scope.gapPrefix}evidence gap ${gap.code}: ${gap.message}`));
    }
    return checks;
}
/**
 * Degraded and partial evidence of the run itself (`require_complete: [run]`): degraded records and
 * series outside any stage, error gaps attributed to the run without a stage (a metalab unit's failed,
 * crashed or never-written replicates), run-level series that are not complete.
 */
function runLevelChecks(gate, inputs, judged, unit, run, multi) {
    const ids = { project: unit.comparison.project, unit: unit.comparison.unit };
    const checks = [];
    const degradedOutcome = (0,gates_results/* gapOutcome */.HD)(gate.degraded);
    const partialOutcome = (0,gates_results/* gapOutcome */.HD)(gate.partial);
    const records = run.degraded.filter((d) => d.stage === null);
    const degradedSeries = run.runMetrics.filter((m) => m.degraded);
    const gaps = inputs.candidateGaps.filter((g) => g.severity === 'error' && g.stage === undefined && g.runRef === run.ref);
    const partial = run.runMetrics.filter((m) => m.completeness !== 'complete');
    // A NaN/Infinity value is invalid evidence even when no series is left to say so: the reader drops
    // a series without any finite value, so only its gap remembers it.
    const nonFinite = inputs.candidateGaps.filter((g) => g.code === 'non_finite_number' &&
        g.severity === 'warning' &&
        g.stage === undefined &&
        g.runRef === run.ref);
    if (degradedOutcome) {
        checks.push(...degradedChecks({ unit, multi, judged, ids, outcome: degradedOutcome }, { stage: null, label: 'run level', gapPrefix: '' }, records, degradedSeries, gaps));
    }
    if (partialOutcome && partial.length > 0) {
        checks.push((0,gates_results/* check */.z6)({
            ...ids,
            subject: 'partial_record',
            outcome: partialOutcome,
            reason: rows_where(unit, `run level: ${partial.length} of ${run.runMetrics.length} metric series are not complete (${partial
                .map((m) => (0,numbers/* metricLabel */.B)(null, m.key, m.slice))
                .slice(0, 5)
                .join(', ')})`, multi),
        }));
    }
    if (partialOutcome && nonFinite.length > 0) {
        for (const gap of nonFinite)
            judged.gaps.add(gapKey(gap));
        checks.push((0,gates_results/* check */.z6)({
            ...ids,
            subject: 'non_finite_number',
            outcome: partialOutcome,
            reason: rows_where(unit, `run level: ${nonFinite.length} non-finite value(s), never compared: ${nonFinite
                .slice(0, 3)
                .map((g) => g.message)
                .join('; ')}${nonFinite.length > 3 ? `; and ${nonFinite.length - 3} more` : ''}`, multi),
        }));
    }
    const clean = records.length === 0 &&
        degradedSeries.length === 0 &&
        gaps.length === 0 &&
        partial.length === 0 &&
        nonFinite.length === 0;
    if ((degradedOutcome || partialOutcome) && clean) {
        checks.push((0,gates_results/* check */.z6)({
            ...ids,
            subject: 'run_evidence',
            outcome: 'pass',
            reason: rows_where(unit, 'run level: no degraded, failed or partial evidence', multi),
        }));
    }
    return checks;
}

;// CONCATENATED MODULE: ./src/gates/kinds/evidence.ts
/** `kind: evidence`: the candidate's stages and metrics are present, complete and not degraded. */





function evidenceGate(gate, inputs, judged) {
    const multi = namesUnits(inputs.units);
    const checks = [];
    const unknownStatus = new Set();
    const newUnits = new Set();
    const newParams = newParameterUnits(inputs.units);
    if (!inputs.units.some((u) => u.pair.candidate)) {
        checks.push((0,gates_results/* check */.z6)({
            project: '',
            unit: '',
            subject: 'run_missing',
            outcome: 'fail',
            reason: `the candidate evidence holds no run, so stage${gate.requireComplete.length > 1 ? 's' : ''} ${gate.requireComplete.join(', ')} cannot be checked`,
        }));
    }
    for (const unit of inputs.units) {
        const run = unit.pair.candidate;
        const ids = { project: unit.comparison.project, unit: unit.comparison.unit };
        if (!run) {
            if (unit.pair.baseline) {
                checks.push((0,gates_results/* check */.z6)({
                    ...ids,
                    outcome: 'fail',
                    subject: 'run_missing',
                    reason: rows_where(unit, `no candidate run (the baseline has ${unit.pair.baseline.ref})`, multi),
                }));
            }
            continue;
        }
        const present = new Set(run.stages.map((s) => s.name));
        for (const name of gate.requireComplete) {
            const stage = run.stages.find((s) => s.name === name);
            if (!stage && name === RUN_LEVEL) {
                checks.push((0,gates_results/* check */.z6)({
                    ...ids,
                    subject: 'run',
                    outcome: 'pass',
                    reason: rows_where(unit, `run ${run.ref} present (${run.runMetrics.length} run-level metric series)`, multi),
                }));
                continue;
            }
            checks.push((0,gates_results/* check */.z6)({
                ...ids,
                stage: name,
                subject: 'stage',
                outcome: stage ? 'pass' : 'fail',
                reason: stage
                    ? rows_where(unit, `stage ${name} present (${stage.recordCount} records)`, multi)
                    : rows_where(unit, `stage ${name} is missing from candidate run ${run.ref}`, multi),
            }));
        }
        const checked = [...gate.requireComplete, ...gate.optionalStages.filter((s) => present.has(s))];
        const required = gate.requireMetrics;
        if (required.mode === 'baseline') {
            const baseline = unit.pair.baseline;
            if (!baseline && newParams) {
                newUnits.add(unit.comparison.unit);
            }
            else if (!baseline) {
                checks.push((0,gates_results/* check */.z6)({
                    ...ids,
                    outcome: 'unknown',
                    subject: 'require_metrics',
                    reason: rows_where(unit, 'require_metrics: baseline — there is no baseline run to take the list from', multi),
                }));
            }
            else {
                for (const stage of stagesOf(baseline, gate.requireComplete)) {
                    checks.push(requiredFromBaseline(judged, unit, stageScope(stage, run), multi));
                }
                if (gate.requireComplete.includes(RUN_LEVEL)) {
                    checks.push(requiredFromBaseline(judged, unit, runScope(baseline, run), multi));
                }
            }
        }
        else if (required.mode === 'list') {
            for (const selector of required.metrics) {
                const found = unit.comparison.metrics.some((row) => row.presence !== 'baseline_only' &&
                    row.candidate !== null &&
                    matchesSelector(selector, row.stage, row.key));
                checks.push((0,gates_results/* check */.z6)({
                    ...ids,
                    subject: 'required_metric',
                    metric: formatSelector(selector),
                    outcome: found ? 'pass' : 'fail',
                    reason: rows_where(unit, found
                        ? `${formatSelector(selector)} present`
                        : `required metric ${formatSelector(selector)} is missing from the candidate`, multi),
                }));
            }
        }
        const degradedOutcome = (0,gates_results/* gapOutcome */.HD)(gate.degraded);
        const partialOutcome = (0,gates_results/* gapOutcome */.HD)(gate.partial);
        const statusOutcome = (0,gates_results/* gapOutcome */.HD)(gate.statuses);
        for (const stage of stagesOf(run, checked)) {
            const stageIds = { ...ids, stage: stage.name };
            if (degradedOutcome) {
                const label = `stage ${stage.name}`;
                checks.push(...degradedChecks({ unit, multi, judged, ids: stageIds, outcome: degradedOutcome }, { stage: stage.name, label, gapPrefix: `${label}: ` }, run.degraded.filter((d) => d.stage === stage.name), stage.metrics.filter((m) => m.degraded), inputs.candidateGaps.filter((gap) => gap.severity === 'error' &&
                    gap.stage === stage.name &&
                    (!gap.runRef || gap.runRef === run.ref))));
            }
            if (partialOutcome && stage.partialRecords > 0) {
                checks.push((0,gates_results/* check */.z6)({
                    ...stageIds,
                    subject: 'partial_record',
                    outcome: partialOutcome,
                    reason: rows_where(unit, `stage ${stage.name}: ${stage.partialRecords} of ${stage.recordCount} records are not complete (partial/sampled/unknown completeness)`, multi),
                }));
            }
            if (stage.status === null)
                unknownStatus.add(stage.name);
            else if (statusOutcome && stage.status !== 'completed') {
                checks.push((0,gates_results/* check */.z6)({
                    ...stageIds,
                    subject: 'status',
                    outcome: statusOutcome,
                    reason: rows_where(unit, `stage ${stage.name} is ${stage.status}, not completed`, multi),
                }));
            }
            if (!degradedOutcome && !partialOutcome)
                continue;
            if (!run.degraded.some((d) => d.stage === stage.name) &&
                stage.partialRecords === 0 &&
                !stage.metrics.some((m) => m.degraded)) {
                checks.push((0,gates_results/* check */.z6)({
                    ...stageIds,
                    subject: 'stage_evidence',
                    outcome: 'pass',
                    reason: rows_where(unit, `stage ${stage.name}: no degraded or partial records`, multi),
                }));
            }
        }
        if (checked.includes(RUN_LEVEL))
            checks.push(...runLevelChecks(gate, inputs, judged, unit, run, multi));
        if (statusOutcome && run.status !== null && run.status !== 'completed') {
            checks.push((0,gates_results/* check */.z6)({
                ...ids,
                subject: 'status',
                outcome: statusOutcome,
                reason: rows_where(unit, `run ${run.ref} is ${run.status}, not completed`, multi),
            }));
        }
    }
    const evidence = [
        `stages checked: ${gate.requireComplete.join(', ')}${gate.optionalStages.length ? ` (optional: ${gate.optionalStages.join(', ')})` : ''}`,
    ];
    if (newUnits.size > 0) {
        evidence.push(`require_metrics: baseline not applied to new parameter units (no baseline unit): ${[...newUnits].sort().join('; ')}`);
    }
    if (unknownStatus.size > 0) {
        evidence.push(`statuses unknown (no ledger read) for ${[...unknownStatus].sort().join(', ')}: completion could not be checked`);
    }
    return { checks, evidence };
}

;// CONCATENATED MODULE: ./src/compare/row-test.ts


const cache = new WeakMap();
function pairedStage(baseline, candidate, stage) {
    let byBaseline = cache.get(candidate);
    if (!byBaseline) {
        byBaseline = new WeakMap();
        cache.set(candidate, byBaseline);
    }
    let byStage = byBaseline.get(baseline);
    if (!byStage) {
        byStage = new Map();
        byBaseline.set(baseline, byStage);
    }
    if (byStage.has(stage))
        return byStage.get(stage);
    const built = buildPairedStage(baseline, candidate, stage);
    byStage.set(stage, built);
    return built;
}
function buildPairedStage(baseline, candidate, stage) {
    const bs = baseline.stages.find((s) => s.name === stage)?.samples ?? [];
    const cs = candidate.stages.find((s) => s.name === stage)?.samples ?? [];
    if (bs.length === 0 || cs.length === 0)
        return null;
    return alignStage(bs, cs);
}
/** Whether `values`' q-quantile (type 7) is `aggregate`, to the precision an SDK writes decimals in. */
function reproduces(values, q, aggregate) {
    if (values.length === 0)
        return false;
    const got = quantileSorted(Float64Array.from(values).sort(), q);
    return Math.abs(got - aggregate) <= 1e-6 * Math.max(1, Math.abs(aggregate));
}
/**
 * A stage metric `<key>.pNN` whose own stage has no per-sample `<key>` (an inference stage reporting
 * the latency percentiles of samples recorded in the evaluate stage) pairs with the one other stage
 * whose per-sample `<key>` reproduces the aggregate on both sides: never a guess between two stages,
 * never a series that does not add up to the number being judged.
 */
function quantileStage(baseline, candidate, row, key, q) {
    if (!row.aggregate || row.slice !== null)
        return null;
    const found = [];
    for (const stage of candidate.stages) {
        if (stage.name === row.stage || !stage.samples.some((s) => s.key === key))
            continue;
        const paired = pairedStage(baseline, candidate, stage.name);
        const s = paired?.series.get(key);
        if (!paired || !s)
            continue;
        const rows = rowsOf(paired, null, [key]);
        if (reproduces(columnAt(s.b, rows), q, row.aggregate.baseline) &&
            reproduces(columnAt(s.c, rows), q, row.aggregate.candidate))
            found.push({ stage: stage.name, paired });
    }
    return found.length === 1 ? found[0] : null;
}
/** The rows of the slice where every needed key is finite on both sides. */
function rowsOf(paired, slice, keys) {
    const columns = keys.map((k) => paired.series.get(k));
    const id = slice === null ? -1 : paired.sliceNames.indexOf(slice);
    if (slice !== null && id < 0)
        return new Int32Array(0);
    const out = new Int32Array(paired.rows);
    let n = 0;
    for (let i = 0; i < paired.rows; i++) {
        if (slice !== null && paired.slice[i] !== id)
            continue;
        if (columns.every((s) => Number.isFinite(s.b[i]) && Number.isFinite(s.c[i])))
            out[n++] = i;
    }
    return out.slice(0, n);
}
const CLASSIFICATION = {
    f1: 'f1',
    precision: 'precision',
    recall: 'recall',
    'macro-f1': 'macro-f1',
    auc: 'auc',
    'roc-auc': 'auc',
};
const QUANTILE = /^(.+)\.p(\d{1,2}(?:\.\d+)?)$/;
const power = (alpha) => normalQuantile(1 - alpha) + normalQuantile(0.8);
function insufficient(base, result) {
    return { ...base, status: 'insufficient', reason: result.reason };
}
function fromBootstrap(base, result, alpha) {
    if (result.status !== 'ok')
        return insufficient(base, result);
    return {
        ...base,
        status: 'ok',
        estimate: result.difference,
        pValue: result.pValue,
        interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
        discordantWorse: null,
        discordantBetter: null,
        seed: result.seed,
        minAttainable: 0,
        mde: power(alpha) * result.standardError,
    };
}
/**
 * The paired test for one row, or null when the runs carry no per-sample evidence for it (the gate
 * then judges the raw limit and says so). Malformed per-sample values (a label that is not 0/1) also
 * give null: that evidence cannot support a test.
 */
function rowTest(baseline, candidate, row, options) {
    if (!baseline || !candidate)
        return null;
    const own = pairedStage(baseline, candidate, row.stage);
    const quantile = QUANTILE.exec(row.key);
    const elsewhere = quantile && !own?.series.has(quantile[1])
        ? quantileStage(baseline, candidate, row, quantile[1], Number(quantile[2]) / 100)
        : null;
    const paired = elsewhere?.paired ?? own;
    if (!paired)
        return null;
    const has = (key) => paired.series.has(key);
    const seed = deriveSeed(options.seed, row.stage, row.key, ...(row.slice === null ? [] : [row.slice]));
    const alternative = worseningAlternative(row.direction === 'higher' ? 'higher-is-better' : 'lower-is-better');
    const bootstrap = {
        seed,
        resamples: options.resamples,
        confidence: options.confidence,
        minPairs: options.minPairs,
        alternative,
    };
    try {
        if (quantile && has(quantile[1])) {
            const key = quantile[1];
            const rows = rowsOf(paired, row.slice, [key]);
            const s = paired.series.get(key);
            const base = {
                method: 'paired-bootstrap-quantile',
                evidence: elsewhere ? `${elsewhere.stage}/${key}` : key,
                n: rows.length,
                mde: null,
            };
            const q = Number(quantile[2]) / 100;
            return fromBootstrap(base, pairedQuantileBootstrap(columnAt(s.b, rows), columnAt(s.c, rows), q, bootstrap), options.alpha);
        }
        const metric = CLASSIFICATION[row.key.toLowerCase()];
        const second = metric === 'auc' ? 'score' : 'prediction';
        if (metric && has('label') && has(second)) {
            const rows = rowsOf(paired, row.slice, ['label', second]);
            const label = paired.series.get('label');
            const other = paired.series.get(second);
            const side = (values) => second === 'score'
                ? { label: columnAt(values(label), rows), score: columnAt(values(other), rows) }
                : { label: columnAt(values(label), rows), prediction: columnAt(values(other), rows) };
            const base = {
                method: 'paired-bootstrap-metric',
                evidence: `label, ${second}`,
                n: rows.length,
                mde: null,
            };
            return fromBootstrap(base, pairedClassificationBootstrap(side((s) => s.b), side((s) => s.c), metric, bootstrap), options.alpha);
        }
        const key = row.sampleKey;
        if (key === null || !has(key))
            return null;
        const s = paired.series.get(key);
        const rows = rowsOf(paired, row.slice, [key]);
        const b = columnAt(s.b, rows);
        const c = columnAt(s.c, rows);
        if (s.binary)
            return binaryTest(b, c, key, row.direction, options);
        const base = { method: 'paired-bootstrap-mean', evidence: key, n: rows.length, mde: null };
        if (rows.length >= 2)
            base.mde = minimumDetectableEffect(rows.length, { sd: pairedDifferenceSd(b, c) }, { alpha: options.alpha }).effect;
        const result = pairedMeanTest(b, c, bootstrap);
        if (result.status !== 'ok')
            return insufficient(base, result);
        return {
            ...base,
            status: 'ok',
            estimate: result.difference,
            pValue: result.pValue,
            interval: { low: result.interval[0], high: result.interval[1], level: result.confidence },
            discordantWorse: null,
            discordantBetter: null,
            seed: result.seed,
            minAttainable: 0,
        };
    }
    catch (error) {
        if (error instanceof input_error_StatsInputError)
            return null;
        throw error;
    }
}
function binaryTest(b, c, key, direction, options) {
    // For a lower-is-better flag (`error`) 0 is the success: test successes, report in the key's units.
    // A higher-is-better outcome is its own success column; `b` and `c` may be the stage's columns.
    const sb = direction === 'lower' ? b.map((v) => 1 - v) : b;
    const sc = direction === 'lower' ? c.map((v) => 1 - v) : c;
    const n = sb.length;
    const rate = n > 0 ? sb.reduce((x, y) => x + y, 0) / n : null;
    const sd = n >= 2 ? pairedDifferenceSd(sb, sc) : 0;
    const spread = sd > 0 ? { sd } : rate !== null ? { rate } : null;
    const base = {
        method: options.binaryTest === 'exact' ? 'mcnemar-exact' : 'mcnemar-mid-p',
        evidence: key,
        n,
        mde: n >= 1 && spread ? minimumDetectableEffect(n, spread, { alpha: options.alpha }).effect : null,
    };
    const result = mcnemarTest(pairedTable(sb, sc), {
        test: options.binaryTest,
        alternative: 'less',
        minPairs: options.minPairs,
        confidence: options.confidence,
    });
    if (result.status !== 'ok')
        return insufficient(base, result);
    const sign = direction === 'lower' ? -1 : 1;
    const [low, high] = result.interval.map((x) => sign * x).sort((x, y) => x - y);
    return {
        ...base,
        status: 'ok',
        estimate: sign * result.difference,
        pValue: result.pValue,
        interval: { low, high, level: result.confidence },
        discordantWorse: result.b,
        discordantBetter: result.c,
        seed: null,
        minAttainable: Math.min(mcnemarPValue(result.b + result.c, 0, { test: options.binaryTest, alternative: 'less' }), mcnemarPValue(0, result.b + result.c, { test: options.binaryTest, alternative: 'less' })),
    };
}

// EXTERNAL MODULE: ./src/history/record.ts
var record = __webpack_require__(5799);
;// CONCATENATED MODULE: ./src/history/series.ts
/** The series' values in the last `window` records of its project (records that lack it are skipped). */
function seriesPoints(records, series, window) {
    const own = records.filter((r) => r.project === series.project).slice(-window);
    const out = [];
    for (const record of own) {
        const point = record.metrics.find(([unit, stage, key, slice]) => unit === series.unit && stage === series.stage && key === series.key && slice === series.slice);
        if (point)
            out.push({ value: point[4], record });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/gates/drift.ts




function hasDriftLimit(gate) {
    return gate.maxDrift !== null || gate.maxDriftPct !== null;
}
function driftLimitText(gate) {
    return [
        gate.maxDrift === null ? null : `max_drift ${gate.maxDrift}`,
        gate.maxDriftPct === null ? null : `max_drift_pct ${gate.maxDriftPct} %`,
    ]
        .filter((x) => x !== null)
        .join(', ');
}
/** The history series of a compared row: metalab units are keyed by their params label. */
function rowSeries(unit, row) {
    const metalab = unit.pair.candidate?.metalab !== undefined || unit.pair.baseline?.metalab !== undefined;
    return {
        project: unit.comparison.project,
        unit: metalab ? unit.comparison.unit : null,
        stage: row.stage,
        key: row.key,
        slice: row.slice,
    };
}
function bestPoint(points, direction) {
    return points.reduce((best, p) => direction === 'higher' ? (p.value > best.value ? p : best) : p.value < best.value ? p : best);
}
/**
 * The drift row of one metric, or why it was not judged (no history, or none of the window's runs
 * recorded this metric). `base` is the row's own facts (project, unit, metric, direction).
 */
function driftCheck(gate, history, unit, row, direction, located, base) {
    const candidate = row.candidate;
    if (history === null || candidate === null)
        return { notJudged: located };
    const points = seriesPoints(history, rowSeries(unit, row), gate.history);
    if (points.length === 0)
        return { notJudged: located };
    const best = bestPoint(points, direction);
    const worsening = direction === 'higher' ? best.value - candidate : candidate - best.value;
    const slack = 64 * Number.EPSILON * Math.max(Math.abs(best.value), Math.abs(candidate));
    const beyondAbs = gate.maxDrift !== null && worsening - gate.maxDrift > slack;
    const beyondPct = gate.maxDriftPct !== null &&
        (best.value === 0
            ? worsening > slack
            : worsening - (gate.maxDriftPct / 100) * Math.abs(best.value) > slack);
    const limit = driftLimitText(gate);
    const window = `the last ${points.length} run${points.length === 1 ? '' : 's'} of history`;
    const from = `its best of ${window}, ${(0,numbers/* formatNumber */.ZV)(best.value)} in ${(0,record/* describeRecord */.TV)(best.record)}`;
    const moved = worsening > 0
        ? `drifted ${(0,numbers/* formatChange */.eD)(best.value, candidate)} from ${from}`
        : `is ${(0,numbers/* formatNumber */.ZV)(candidate)}, ${direction === 'higher' ? 'at or above' : 'at or below'} ${from}`;
    const outcome = beyondAbs || beyondPct ? 'fail' : 'pass';
    const reason = outcome === 'fail' ? `${located} ${moved}, beyond ${limit}` : `${located} ${moved}, within ${limit}`;
    return {
        check: (0,gates_results/* check */.z6)({
            ...base,
            subject: 'max_drift',
            baseline: best.value,
            candidate,
            delta: candidate - best.value,
            relativeChange: best.value === 0 ? null : (candidate - best.value) / Math.abs(best.value),
            direction,
            limit,
            n: null,
            sampleKey: null,
            pValue: null,
            interval: null,
            outcome,
            reason,
        }),
    };
}

;// CONCATENATED MODULE: ./src/stats/student-t.ts
/**
 * Student's t distribution: the CDF through the regularised incomplete beta function (Lentz's
 * continued fraction) and the quantile by bisection on it, enough for the small-sample intervals
 * the history noise model needs (degrees of freedom from 1 up).
 */

function logGamma(x) {
    // Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for x > 0.
    const c = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let a = c[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++)
        a += c[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
function betaContinuedFraction(a, b, x) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 300; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
        d = 1 + aa * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-15)
            break;
    }
    return h;
}
/** I_x(a, b). */
function regularizedBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    if (x < (a + 1) / (a + b + 2))
        return (front * betaContinuedFraction(a, b, x)) / a;
    return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}
/** P(T ≤ t) for T ~ t(df). */
function studentTCdf(t, df) {
    const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
}
/** The two-sided critical value t_{1−(1−confidence)/2, df}: 2.776 for 95 % and 4 degrees of freedom. */
function studentTCritical(confidence, df) {
    input_error_checkConfidence(confidence);
    if (!Number.isInteger(df) || df < 1)
        throw new RangeError(`degrees of freedom must be a whole number ≥ 1, got ${df}`);
    const target = 1 - (1 - confidence) / 2;
    let low = 0;
    let high = 1;
    while (studentTCdf(high, df) < target)
        high *= 2;
    for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
        const mid = (low + high) / 2;
        if (studentTCdf(mid, df) < target)
            low = mid;
        else
            high = mid;
    }
    return (low + high) / 2;
}

;// CONCATENATED MODULE: ./src/gates/history-noise.ts




const MIN_HISTORY_RUNS = 5;
/** Null when the row has its own evidence of noise (replicates) or no history was given at all. */
function historyNoise(history, window, unit, row, direction, alpha) {
    if (history === null || row.candidate === null)
        return null;
    if (row.baselineReplicates.length > 1 || row.candidateReplicates.length > 1)
        return null;
    const values = seriesPoints(history, rowSeries(unit, row), window).map((p) => p.value);
    const n = values.length;
    if (n < MIN_HISTORY_RUNS) {
        return {
            kind: 'too-little',
            n,
            text: `no sample evidence and only ${n} run${n === 1 ? '' : 's'} of history (noise from history needs ${MIN_HISTORY_RUNS}): threshold applied to raw delta`,
        };
    }
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    const half = studentTCritical(1 - alpha, n - 1) * sd * Math.sqrt(1 + 1 / n);
    const low = mean - half;
    const high = mean + half;
    const c = row.candidate;
    const within = direction === 'higher' ? c >= low : c <= high;
    const range = `${(0,numbers/* formatNumber */.ZV)(low)} to ${(0,numbers/* formatNumber */.ZV)(high)}`;
    return {
        kind: 'noise',
        n,
        mean,
        low,
        high,
        within,
        text: `noise from history (${n} runs): ${within ? 'within' : 'outside'} the ${Math.round((1 - alpha) * 100)} % prediction interval ${range} around the mean ${(0,numbers/* formatNumber */.ZV)(mean)}`,
    };
}

;// CONCATENATED MODULE: ./src/gates/kinds/regression-verdict.ts


const METHOD = {
    'mcnemar-mid-p': 'McNemar mid-p',
    'mcnemar-exact': 'McNemar exact',
    'paired-bootstrap-mean': 'paired bootstrap of the mean',
    'paired-bootstrap-quantile': 'paired bootstrap of the quantile',
    'paired-bootstrap-metric': 'paired bootstrap of the metric',
};
/** "device-tablet: n=116, a drop must exceed ≈0.13 to be detectable at alpha 0.05". */
function mdeText(label, test, direction, alpha) {
    if (test.mde === null || !Number.isFinite(test.mde))
        return null;
    const change = direction === 'higher' ? 'a drop' : 'a rise';
    return `${label}: n=${test.n}, ${change} must exceed ≈${(0,numbers/* formatNumber */.ZV)(test.mde)} to be detectable at alpha ${alpha}`;
}
function testText(test, adjusted, family, alpha) {
    const parts = [
        `${METHOD[test.method]} on ${test.evidence}: one-sided ${(0,numbers/* formatPValue */.td)(test.pValue)}`,
        `Holm-adjusted ${(0,numbers/* formatPValue */.td)(adjusted)} over ${family} row${family === 1 ? '' : 's'}`,
        `n = ${test.n}`,
    ];
    if (test.discordantWorse !== null && test.discordantBetter !== null) {
        parts.push(`${test.discordantWorse} newly failing, ${test.discordantBetter} newly passing`);
    }
    return `${parts.join(', ')}; α = ${alpha}`;
}
/**
 * `unreachable`: a McNemar row left out of the family by Tarone's reduction, because even with every
 * discordant pair against the candidate its p could not reach the family's level.
 */
function settle(row, adjusted, family, rules, unreachable = false) {
    const { test, what, base, limitText } = row;
    const alpha = rules.alpha;
    const ok = test?.status === 'ok' ? test : null;
    const stats = {
        ...base,
        n: test ? test.n : row.stageSamples,
        sampleKey: test ? test.evidence : null,
        pValue: ok ? ok.pValue : null,
        adjustedPValue: ok ? adjusted : null,
        test: test ? test.method : null,
        interval: ok ? ok.interval : null,
        mde: null,
        mdeText: null,
    };
    const fromHistory = row.noise?.kind === 'noise' ? row.noise : null;
    const raw = alpha !== null && test === null && !fromHistory
        ? ' — no per-sample evidence, judged on the raw limit'
        : '';
    const pass = (reason) => (0,gates_results/* check */.z6)({ ...stats, outcome: 'pass', reason: reason + raw });
    if (row.worsening <= 0)
        return pass(what);
    if (!row.beyond)
        return pass(`${what}, within ${limitText}`);
    if (row.worsening < rules.minEffect) {
        return pass(`${what}, beyond ${limitText} but smaller than min_effect ${rules.minEffect}`);
    }
    let reason = `${what}, beyond ${limitText}`;
    if (alpha !== null && test) {
        const detectable = mdeText(row.label, test, row.direction, alpha);
        if (test.status === 'insufficient') {
            return (0,gates_results/* check */.z6)({
                ...stats,
                mde: test.mde,
                mdeText: detectable,
                outcome: 'unknown',
                reason: `${reason}, but ${test.reason} (policy.min_pairs): no significance decision${detectable ? `; ${detectable}` : ''}`,
            });
        }
        if (test.n < rules.minSamples) {
            return (0,gates_results/* check */.z6)({
                ...stats,
                mde: test.mde,
                mdeText: detectable,
                outcome: 'unknown',
                reason: `${reason}; only ${test.n} samples (< min_samples ${rules.minSamples}): too few to fail the gate on their own (${METHOD[test.method]} on ${test.evidence}: one-sided ${(0,numbers/* formatPValue */.td)(test.pValue)}, not part of the gate's Holm family)${detectable ? `; ${detectable}` : ''}`,
            });
        }
        if (unreachable) {
            return (0,gates_results/* check */.z6)({
                ...stats,
                mde: test.mde,
                mdeText: detectable,
                outcome: 'pass',
                reason: `${reason} but not significant (${METHOD[test.method]} on ${test.evidence}: one-sided ${(0,numbers/* formatPValue */.td)(test.pValue)}, n = ${test.n}; ${test.discordantWorse ?? 0} newly failing, ${test.discordantBetter ?? 0} newly passing are too few discordant pairs to reach significance within the gate's family, smallest attainable ${(0,numbers/* formatPValue */.td)(test.minAttainable)} — left out of the Holm family, Tarone)${detectable ? `; ${detectable}` : ''}`,
            });
        }
        const text = testText(test, adjusted ?? 1, family, alpha);
        const improves = row.direction === 'higher' ? test.estimate >= 0 : test.estimate <= 0;
        if (improves) {
            return pass(`${reason}, but the paired estimate does not worsen (${(0,numbers/* formatNumber */.ZV)(test.estimate)}; ${text})`);
        }
        if ((adjusted ?? 1) >= alpha) {
            return (0,gates_results/* check */.z6)({
                ...stats,
                mde: test.mde,
                mdeText: detectable,
                outcome: 'pass',
                reason: `${reason} but not significant (${text})${detectable ? `; ${detectable}` : ''}`,
            });
        }
        reason += ` and significant (${text})`;
    }
    else if (fromHistory) {
        reason += `; ${fromHistory.text}`;
        if (fromHistory.within)
            return (0,gates_results/* check */.z6)({ ...stats, n: fromHistory.n, outcome: 'pass', reason });
    }
    else if (alpha !== null) {
        reason += `; ${row.label}: ${row.noise ? row.noise.text : 'no per-sample evidence — judged on the raw limit'}`;
    }
    const n = stats.n;
    if (n !== null && n < rules.minSamples) {
        return (0,gates_results/* check */.z6)({
            ...stats,
            outcome: 'unknown',
            reason: `${reason}; only ${n} samples (< min_samples ${rules.minSamples}): too few to fail the gate on their own`,
        });
    }
    return (0,gates_results/* check */.z6)({ ...stats, outcome: 'fail', reason });
}

;// CONCATENATED MODULE: ./src/gates/kinds/regression.ts
/**
 * `kind: regression`: candidate against baseline, per direction, noise-aware by default: where paired
 * per-sample evidence exists a row beyond its limit fails only when its one-sided worsening is
 * significant after Holm's adjustment over every tested row of the gate (see docs/adr/0002-statistics.md).
 */








/** Paired samples behind a stage (and slice) from any per-sample key: the n for `min_samples`. */
function stageSampleCount(unit, stage, slice) {
    let best = null;
    for (const s of unit.comparison.samples) {
        if (s.stage !== stage || s.presence !== 'both')
            continue;
        const group = slice === null ? s.overall : s.slices.find((g) => g.slice === slice);
        if (group && (best === null || group.paired > best))
            best = group.paired;
    }
    return best;
}
function limitsFor(gate, direction) {
    const [abs, pct, name] = direction === 'higher'
        ? [gate.maxDrop, gate.maxDropPct, 'max_drop']
        : [gate.maxIncrease, gate.maxIncreasePct, 'max_increase'];
    const text = [abs === null ? null : `${name} ${abs}`, pct === null ? null : `${name}_pct ${pct} %`]
        .filter((x) => x !== null)
        .join(', ');
    return { abs, pct, text: text === '' ? null : text };
}
/**
 * Values are read from decimal text (and metalab averages replicates), so a change that equals its
 * limit in decimal can exceed it by a few units in the last place: 0.88975 − 0.83975 is 0.05 written
 * down but 0.05000000000000004 in binary. Worsening within this slack of a limit is at the limit,
 * which a "may not drop more than" limit allows.
 */
function roundingSlack(baseline, candidate) {
    return 64 * Number.EPSILON * Math.max(Math.abs(baseline), Math.abs(candidate));
}
function beyond(limits, worsening, baseline, candidate) {
    const slack = roundingSlack(baseline, candidate);
    if (limits.abs !== null && worsening - limits.abs > slack)
        return true;
    if (limits.pct !== null) {
        if (baseline === 0)
            return worsening > slack;
        if (worsening - (limits.pct / 100) * Math.abs(baseline) > slack)
            return true;
    }
    return false;
}
function regressionGate(gate, inputs, judged) {
    const { policy } = inputs.config;
    const alpha = gate.significance;
    const multi = namesUnits(inputs.units);
    const slots = [];
    const notes = {
        neutral: new Set(),
        noLimit: new Set(),
        newMetrics: new Set(),
        driftNotJudged: new Set(),
        ignored: 0,
        noBaseline: 0,
    };
    const { neutral, noLimit, newMetrics, driftNotJudged } = notes;
    for (const [unitIndex, unit] of inputs.units.entries()) {
        if (!unit.pair.candidate && !unit.pair.baseline)
            continue;
        if (!unit.pair.baseline) {
            notes.noBaseline++;
            continue;
        }
        for (const row of gateRows(unit, gate.metrics, gate.slices)) {
            const label = (0,numbers/* metricLabel */.B)(row.stage, row.key, row.slice);
            const located = rows_where(unit, label, multi);
            const direction = gate.direction ?? row.direction;
            const base = rowFacts(unit, row, direction);
            if (row.presence === 'candidate_only') {
                newMetrics.add(label);
                continue;
            }
            if (direction === 'neutral') {
                neutral.add(row.key);
                continue;
            }
            if (hasDriftLimit(gate) && row.presence === 'both') {
                const drift = driftCheck(gate, inputs.history, unit, row, direction, located, base);
                if ('check' in drift)
                    slots.push(drift.check);
                else
                    driftNotJudged.add(drift.notJudged);
            }
            const limits = limitsFor(gate, direction);
            if (limits.text === null) {
                if (!hasDriftLimit(gate))
                    noLimit.add(`${row.key} (${direction} is better)`);
                continue;
            }
            if (row.presence === 'baseline_only' || row.candidate === null) {
                const missing = missingCheck(judged, unit, policy, row, multi, row.baseline);
                if (missing)
                    slots.push({ ...missing, direction, limit: limits.text });
                else
                    notes.ignored++;
                continue;
            }
            if (row.baseline === null || row.candidate === null) {
                slots.push((0,gates_results/* check */.z6)({
                    ...base,
                    outcome: 'unknown',
                    limit: limits.text,
                    reason: `${located}: ${row.reason ?? 'not comparable'}`,
                }));
                continue;
            }
            const b = row.baseline;
            const c = row.candidate;
            const worsening = direction === 'higher' ? b - c : c - b;
            const test = alpha === null || row.stage === null
                ? null
                : rowTest(unit.pair.baseline, unit.pair.candidate, {
                    stage: row.stage,
                    key: row.key,
                    slice: row.slice,
                    direction,
                    sampleKey: gate.samples ?? row.sampleLink?.key ?? null,
                    aggregate: { baseline: b, candidate: c },
                }, {
                    binaryTest: policy.binaryTest,
                    minPairs: policy.minPairs,
                    seed: policy.seed,
                    resamples: policy.bootstrapResamples,
                    confidence: 1 - 2 * alpha,
                    alpha,
                });
            const verb = worsening > 0 ? (c < b ? 'dropped' : 'rose') : c === b ? 'unchanged at' : 'improved';
            const change = c === b ? (0,numbers/* formatNumber */.ZV)(c) : (0,numbers/* formatChange */.eD)(b, c);
            slots.push({
                pending: true,
                hypothesis: test === null
                    ? null
                    : JSON.stringify([
                        unitIndex,
                        row.stage,
                        row.key,
                        row.slice,
                        direction,
                        test.method,
                        test.evidence,
                    ]),
                base: { ...base, limit: limits.text },
                label,
                what: `${located} ${verb} ${change}`,
                direction,
                worsening,
                beyond: beyond(limits, worsening, b, c),
                limitText: limits.text,
                test,
                stageSamples: test ? test.n : stageSampleCount(unit, row.stage, row.slice),
                noise: alpha !== null && test === null
                    ? historyNoise(inputs.history, gate.history, unit, row, direction, alpha)
                    : null,
            });
        }
    }
    // The family is every tested row that could fail: a row with fewer than min_samples pairs never
    // fails, whatever its p, so leaving it out is chosen by n alone and keeps Holm's guarantee. Rows are
    // not left out for being within their limit: that choice depends on the data, and with a limit looser
    // than the test it would make every slice an unadjusted test (docs/adr/0002-statistics.md). Tarone's
    // reduction (family.ts) leaves out McNemar rows whose discordant pairs are too few to ever reach
    // significance: chosen by the margins alone, so the guarantee holds, and 19 small slices no longer
    // dilute the one that can show a drop. The family spans the run's gates of this severity and alpha.
    const testable = slots.filter((s) => 'pending' in s && s.test?.status === 'ok' && s.test.n >= gate.minSamples);
    const members = new Map();
    if (alpha !== null) {
        for (const slot of testable) {
            if (slot.hypothesis === null)
                continue;
            members.set(slot, {
                id: slot.hypothesis,
                severity: gate.severity,
                alpha,
                pValue: slot.test.pValue,
                minAttainable: slot.test.minAttainable,
            });
        }
    }
    return {
        members: [...members.values()],
        settle: (verdicts) => settleGate(gate, inputs, { slots, members, verdicts, notes }),
    };
}
function settleGate(gate, inputs, found) {
    const { policy } = inputs.config;
    const alpha = gate.significance;
    const { slots, members, verdicts, notes } = found;
    const { neutral, noLimit, newMetrics, driftNotJudged, ignored, noBaseline } = notes;
    // Every member of this gate sits in the one family of its severity and alpha, so any answers for all.
    const first = members.values().next();
    const family = first.done ? { size: 0, leftOut: 0, gates: 1 } : verdicts(first.value);
    const rules = { alpha, minEffect: gate.minEffect, minSamples: gate.minSamples, minPairs: policy.minPairs };
    const rawDelta = [];
    const checks = slots.map((slot) => {
        if (!('pending' in slot))
            return slot;
        if (alpha !== null && slot.test === null && slot.noise?.kind !== 'noise')
            rawDelta.push(slot.label);
        const member = members.get(slot);
        const verdict = member ? verdicts(member) : null;
        return settle(slot, verdict?.adjusted ?? null, verdict?.size ?? 0, rules, verdict?.adjusted === null);
    });
    const evidence = [];
    if (alpha !== null) {
        evidence.push(`noise-aware: one-sided paired tests at α = ${alpha}, Holm-adjusted over ${family.size} tested row(s)` +
            (family.gates > 1
                ? ` of ${family.gates} ${gate.severity} gates (one family per severity and α)`
                : '') +
            (family.leftOut > 0
                ? ` (${family.leftOut} more left out: too few discordant pairs to reach significance, Tarone)`
                : '') +
            '; ' +
            `McNemar ${policy.binaryTest} for 0/1 outcomes, paired bootstrap (${policy.bootstrapResamples} resamples) otherwise`);
        if (rawDelta.length > 0)
            evidence.push(`${listed(rawDelta)}: no per-sample evidence — judged on the raw limit`);
    }
    else {
        evidence.push('significance: false — every row judged on the raw limit');
    }
    if (driftNotJudged.size > 0) {
        evidence.push(`${inputs.history === null ? 'no history given' : 'no history of'}: max_drift not judged for ${[...driftNotJudged].sort().join(', ')}`);
    }
    if (neutral.size > 0) {
        evidence.push(`neutral direction, reported but never failed: ${[...neutral].sort().join(', ')}`);
    }
    if (noLimit.size > 0) {
        evidence.push(`no limit for the direction of: ${[...noLimit].sort().join(', ')}`);
    }
    if (newMetrics.size > 0) {
        evidence.push(`new in the candidate, no baseline value: ${[...newMetrics].sort().join(', ')}`);
    }
    if (noBaseline > 0)
        evidence.push(`${noBaseline} run(s)/unit(s) without a baseline counterpart: not judged`);
    evidence.push(...ignoredMissing(policy, ignored));
    return { checks, evidence };
}
const LISTED = 8;
function listed(labels) {
    const sorted = [...new Set(labels)].sort();
    const shown = sorted.slice(0, LISTED).join(', ');
    return sorted.length > LISTED ? `${shown} and ${sorted.length - LISTED} more` : shown;
}

;// CONCATENATED MODULE: ./src/gates/kinds/threshold.ts
/** `kind: threshold`: absolute bounds on the candidate's values, with or without a baseline. */




function thresholdGate(gate, inputs, judged) {
    const { policy } = inputs.config;
    const multi = namesUnits(inputs.units);
    const checks = [];
    let ignored = 0;
    const bounds = [gate.min === null ? null : `min ${gate.min}`, gate.max === null ? null : `max ${gate.max}`]
        .filter((x) => x !== null)
        .join(', ');
    for (const unit of inputs.units) {
        if (!unit.pair.candidate)
            continue;
        for (const row of gateRows(unit, gate.metrics, gate.slices)) {
            const label = rows_where(unit, (0,numbers/* metricLabel */.B)(row.stage, row.key, row.slice), multi);
            const base = { ...rowFacts(unit, row, row.direction), limit: bounds };
            if (row.presence === 'baseline_only' || row.candidate === null) {
                const missing = missingCheck(judged, unit, policy, row, multi, row.baseline);
                if (missing)
                    checks.push({ ...missing, limit: bounds });
                else
                    ignored++;
                continue;
            }
            const value = row.candidate;
            let outcome = 'pass';
            let reason = `${label} = ${(0,numbers/* formatNumber */.ZV)(value)} is within ${bounds}`;
            if (gate.min !== null && value < gate.min) {
                outcome = 'fail';
                reason = `${label} = ${(0,numbers/* formatNumber */.ZV)(value)} is below min ${gate.min}`;
            }
            else if (gate.max !== null && value > gate.max) {
                outcome = 'fail';
                reason = `${label} = ${(0,numbers/* formatNumber */.ZV)(value)} is above max ${gate.max}`;
            }
            checks.push((0,gates_results/* check */.z6)({ ...base, outcome, reason }));
        }
        for (const metric of absentLiterals(unit, gate.metrics, gate.slices)) {
            const missing = missingCheck(judged, unit, policy, metric, multi, null);
            if (missing)
                checks.push({ ...missing, limit: bounds });
            else
                ignored++;
        }
    }
    const evidence = [
        ...(inputs.units.some((u) => !u.pair.baseline) ? ['absolute bounds: applied without a baseline'] : []),
        ...ignoredMissing(policy, ignored),
    ];
    return { checks, evidence };
}

;// CONCATENATED MODULE: ./src/gates/policy.ts
/** The `policy.*` checks, reported as gates of their own for what no configured gate judged. */





function policyResult(name, mapped, checks, evidence) {
    if (checks.length === 0 || mapped === 'ignore')
        return null;
    const outcome = mapped === 'fail' ? 'fail' : mapped === 'warn' ? 'warn' : mapped === 'pass' ? 'pass' : 'unknown';
    const rows = checks.map((c) => ({ ...c, outcome }));
    return (0,gates_results/* finishResult */.Lk)({ name, kind: 'evidence', severity: mapped === 'fail' ? 'fail' : 'warn', message: null }, rows, evidence);
}
/**
 * `lifted`: missing-metric rows of `warn` gates under `policy.missing_metrics: fail` (see
 * `evaluate.ts`), reported here so they fail the job.
 */
function policyResults(inputs, judged, lifted = []) {
    const { policy } = inputs.config;
    const out = [];
    const withoutBaseline = [];
    const newParams = newParameterUnits(inputs.units);
    for (const unit of inputs.units) {
        if (!unit.pair.candidate || unit.pair.baseline)
            continue;
        if (newParams)
            continue;
        withoutBaseline.push((0,gates_results/* check */.z6)({
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            outcome: 'unknown',
            reason: inputs.baselineAvailable
                ? `no baseline run of project ${unit.comparison.project} for ${unit.pair.candidate.ref}`
                : `no baseline evidence given for ${unit.pair.candidate.ref}: regression gates cannot judge it`,
        }));
    }
    if (inputs.units.length === 0) {
        withoutBaseline.push((0,gates_results/* check */.z6)({
            project: '',
            unit: '',
            outcome: 'unknown',
            reason: 'the candidate evidence holds no run to judge',
        }));
    }
    out.push(policyResult('policy.missing_baseline', policy.missingBaseline, withoutBaseline, []));
    const degradedBaseline = [];
    for (const unit of inputs.units) {
        const run = unit.pair.baseline;
        if (!run)
            continue;
        const gaps = inputs.baselineGaps.filter((g) => g.severity === 'error' && (!g.runRef || g.runRef === run.ref));
        if (run.degraded.length === 0 && gaps.length === 0)
            continue;
        const parts = [
            run.degraded.length > 0
                ? `${run.degraded.length} degraded record(s) (${run.degraded
                    .map((d) => d.issueKey)
                    .slice(0, 3)
                    .join(', ')})`
                : null,
            gaps.length > 0
                ? `${gaps.length} error evidence gap(s) (${[...new Set(gaps.map((g) => g.code))].join(', ')})`
                : null,
        ].filter((x) => x !== null);
        degradedBaseline.push((0,gates_results/* check */.z6)({
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            outcome: 'unknown',
            subject: 'baseline',
            reason: `baseline ${run.ref} is degraded: ${parts.join('; ')}`,
        }));
    }
    out.push(policyResult('policy.baseline_degraded', policy.baselineDegraded, degradedBaseline, []));
    const gapChecks = inputs.candidateGaps
        .filter((g) => g.severity === 'error' && !judged.gaps.has(gapKey(g)))
        .map((g) => (0,gates_results/* check */.z6)({
        project: '',
        unit: '',
        stage: g.stage ?? null,
        subject: g.code,
        outcome: 'fail',
        reason: `${g.code}${g.file ? ` in ${g.file}${g.line ? `:${g.line}` : ''}` : ''}: ${g.message}`,
    }));
    out.push(policyResult('policy.evidence_gaps', policy.evidenceGaps, gapChecks, []));
    const missing = [];
    const seen = new Set();
    for (const row of lifted) {
        const key = metricKey(row.project, row.unit, {
            stage: row.stage,
            key: row.metric ?? '',
            slice: row.slice,
        });
        if (seen.has(key))
            continue;
        seen.add(key);
        missing.push(row);
    }
    for (const unit of inputs.units) {
        if (!unit.pair.baseline)
            continue;
        for (const row of unit.comparison.metrics) {
            if (row.batch !== null)
                continue;
            const vanished = row.presence === 'baseline_only';
            // A series the candidate recorded only as NaN/Infinity is as unmeasured as one it dropped.
            const notFinite = row.presence === 'both' && row.candidate === null && row.candidateNonFinite > 0;
            if (!vanished && !notFinite)
                continue;
            if (judged.metrics.has(metricKey(unit.comparison.project, unit.comparison.unit, row)))
                continue;
            const label = rows_where(unit, (0,numbers/* metricLabel */.B)(row.stage, row.key, row.slice), namesUnits(inputs.units));
            const baseline = row.baseline === null ? '' : ` (${(0,numbers/* formatNumber */.ZV)(row.baseline)})`;
            missing.push((0,gates_results/* check */.z6)({
                ...seriesFacts(unit, row),
                baseline: row.baseline,
                subject: gates_results/* MISSING_METRIC */.gv,
                outcome: 'fail',
                reason: vanished
                    ? `${label} is in the baseline${baseline} but missing from the candidate`
                    : `${label} is in the baseline${baseline} but has no finite value in the candidate (${row.candidateNonFinite} NaN/Infinity observation(s))`,
            }));
        }
    }
    out.push(policyResult('policy.missing_metrics', policy.missingMetrics, missing, []));
    return out.filter((r) => r !== null);
}

;// CONCATENATED MODULE: ./src/gates/unmatched.ts



const unmatched_LISTED = 6;
function unique(values) {
    return [...new Set(values)].sort();
}
function unmatched_listed(values) {
    const shown = values.slice(0, unmatched_LISTED).join(', ');
    return values.length > unmatched_LISTED ? `${shown}, … (${values.length} in all)` : shown;
}
const unmatched_stageName = (stage) => stage ?? 'run';
const hasGlob = (text) => text.includes('*');
/** The series a metric gate can look at: stage or run level, not batch-scoped, on either side. */
function seriesRows(units) {
    return units.flatMap((u) => u.comparison.metrics.filter((row) => row.batch === null));
}
function stageMatches(selector, stage) {
    if (selector.stage === '*')
        return true;
    if (stage === null)
        return selector.stage === 'run';
    return (0,glob/* globMatch */.e)(selector.stage, stage);
}
/** A stage the user may have meant: a close spelling, or the one stage the text is a prefix of. */
function closeStage(text, stages) {
    const close = didYouMean(text, stages);
    if (close !== null)
        return close;
    const prefixed = stages.filter((s) => s.toLowerCase().startsWith(text.toLowerCase()));
    return prefixed.length === 1 ? prefixed[0] : null;
}
function selectorProblem(selector, rows) {
    const text = formatSelector(selector);
    if (rows.length === 0)
        return `${text}: the evidence records no metrics in either run`;
    const pairs = unique(rows.map((r) => `${unmatched_stageName(r.stage)}/${r.key}`));
    const inStage = rows.filter((r) => stageMatches(selector, r.stage));
    let what;
    let present;
    let suggestion;
    if (inStage.length === 0) {
        const stages = unique(rows.map((r) => unmatched_stageName(r.stage)));
        what = hasGlob(selector.stage) ? `no stage matches "${selector.stage}"` : `no stage "${selector.stage}"`;
        present = `stages present: ${unmatched_listed(stages)}`;
        suggestion = didYouMean(text, pairs);
        const stage = suggestion === null && !hasGlob(selector.stage) ? closeStage(selector.stage, stages) : null;
        if (stage !== null) {
            const keys = unique(rows.filter((r) => unmatched_stageName(r.stage) === stage).map((r) => r.key));
            const key = keys.find((k) => (0,glob/* globMatch */.e)(selector.key, k)) ?? didYouMean(selector.key, keys);
            suggestion = key === null || key === undefined ? null : `${stage}/${key}`;
        }
    }
    else {
        const scope = selector.stage === '*'
            ? 'in any stage or at run level'
            : selector.stage === 'run'
                ? 'at run level'
                : hasGlob(selector.stage)
                    ? `in stages matching "${selector.stage}"`
                    : `in stage ${selector.stage}`;
        what = hasGlob(selector.key)
            ? `no metric matches "${selector.key}" ${scope}`
            : `no metric "${selector.key}" ${scope}`;
        const keys = unique(inStage.map((r) => r.key));
        present = `metrics ${scope}: ${unmatched_listed(keys)}`;
        const key = hasGlob(selector.key) ? null : didYouMean(selector.key, keys);
        suggestion = key === null ? didYouMean(text, pairs) : `${selector.stage}/${key}`;
    }
    return suggestion === null
        ? `${text}: ${what}; ${present}`
        : `${text}: ${what}; did you mean "${suggestion}"?`;
}
function sliceProblem(slice, rows, selectors) {
    const present = unique(rows.flatMap((r) => (r.slice === null ? [] : [r.slice])));
    const head = `slices: ${slice}: no slice "${slice}" of ${selectors} in either run`;
    if (present.length === 0)
        return `${head}; these metrics are recorded without slices`;
    const close = didYouMean(slice, present);
    return close === null ? `${head}; slices present: ${unmatched_listed(present)}` : `${head}; did you mean "${close}"?`;
}
function metricSelection(gate, units) {
    const rows = seriesRows(units);
    const problems = [];
    const matched = gate.metrics.filter((selector) => {
        const hit = rows.some((r) => matchesSelector(selector, r.stage, r.key));
        if (!hit)
            problems.push(selectorProblem(selector, rows));
        return hit;
    });
    let slices = gate.slices;
    if (gate.slices.mode === 'list' && matched.length > 0) {
        const selected = rows.filter((r) => matched.some((s) => matchesSelector(s, r.stage, r.key)));
        const names = matched.map(formatSelector).join(', ');
        const present = gate.slices.slices.filter((name) => {
            const hit = selected.some((r) => r.slice === name);
            if (!hit)
                problems.push(sliceProblem(name, selected, names));
            return hit;
        });
        slices = { mode: 'list', slices: present };
        if (present.length === 0)
            return { nothing: true, problems, gate };
    }
    if (matched.length === 0)
        return { nothing: true, problems, gate };
    return {
        nothing: false,
        problems,
        gate: problems.length === 0 ? gate : { ...gate, metrics: matched, slices },
    };
}
function artifactSelection(gate, units) {
    const kinds = unique(units.flatMap((u) => u.comparison.artifacts.map((a) => a.kind)));
    if (kinds.some((k) => (0,glob/* globMatch */.e)(gate.artifact, k)))
        return { nothing: false, problems: [], gate };
    const head = `artifact ${gate.artifact}: no artifact kind ${hasGlob(gate.artifact) ? 'matches' : 'named'} "${gate.artifact}" in either run`;
    if (kinds.length === 0)
        return { nothing: true, problems: [`${head}; the evidence records no artifacts`], gate };
    const close = hasGlob(gate.artifact) ? null : didYouMean(gate.artifact, kinds);
    return {
        nothing: true,
        problems: [
            close === null
                ? `${head}; artifact kinds present: ${unmatched_listed(kinds)}`
                : `${head}; did you mean "${close}"?`,
        ],
        gate,
    };
}
/** Which entries of the gate match nothing in either run; gates without selectors always match. */
function gateSelection(gate, units) {
    switch (gate.kind) {
        case 'threshold':
        case 'regression':
            return metricSelection(gate, units);
        case 'artifact':
            return artifactSelection(gate, units);
        default:
            return { nothing: false, problems: [], gate };
    }
}
/**
 * Why a metric gate whose entries all matched still has no series to look at: its slice selection
 * excludes every series the selectors matched. Null when it has series.
 */
function emptySelection(selectors, slices, units) {
    const rows = seriesRows(units).filter((r) => selectors.some((s) => matchesSelector(s, r.stage, r.key)));
    const names = selectors.map(formatSelector).join(', ');
    if (slices.mode === 'none' && rows.every((r) => r.slice !== null)) {
        const present = unique(rows.map((r) => r.slice));
        return `no match: ${names} ${rows.length === 1 ? 'is' : 'are'} recorded only per slice (${unmatched_listed(present)}); add slices: all or name the slices`;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/gates/evaluate.ts














/** The registry: a new gate kind is one file under `kinds/` and one line here. */
const evaluate_GATE_KINDS = {
    threshold: thresholdGate,
    regression: regressionGate,
    evidence: evidenceGate,
    diagnostics: diagnosticsGate,
    artifact: artifactGate,
};
/** Starts the note of a selector list entry that matched nothing while others did. */
const NO_MATCH_NOTE = 'no match, not judged: ';
const evaluate_LISTED = 5;
function evaluatorOf(gate) {
    // GateKinds pairs every kind with the evaluator of that kind's gate type; TypeScript cannot follow
    // the pairing through an indexed lookup on a union.
    return evaluate_GATE_KINDS[gate.kind];
}
/** A gate that matches nothing in either run: a config problem, at `policy.unmatched`'s severity. */
function unmatchedResult(gate, problems, config) {
    const action = config.policy.unmatched;
    const checks = action === 'ignore'
        ? []
        : problems.map((reason) => (0,gates_results/* check */.z6)({ project: '', unit: '', subject: gates_results/* UNMATCHED */.CR, outcome: 'fail', reason }));
    return (0,gates_results/* finishResult */.Lk)({ ...gate, severity: action === 'fail' ? 'fail' : 'warn' }, checks, action === 'ignore' ? ['policy.unmatched: ignore'] : [`a config problem (policy.unmatched: ${action})`], `no match: ${problems.join('; ')}`);
}
/** Why a gate with no rows judged nothing, as precisely as the evidence allows. */
function skipReason(gate, inputs, evidence) {
    if (gate.kind === 'threshold' || gate.kind === 'regression') {
        const empty = emptySelection(gate.metrics, gate.slices, inputs.units);
        if (empty !== null)
            return empty;
        if (gate.kind === 'regression') {
            const multi = namesUnits(inputs.units);
            const wouldJudge = inputs.units
                .filter((u) => !u.pair.baseline && u.pair.candidate)
                .flatMap((u) => gateRows(u, gate.metrics, gate.slices).map((r) => rows_where(u, (0,numbers/* metricLabel */.B)(r.stage, r.key, r.slice), multi)));
            if (wouldJudge.length > 0) {
                const shown = wouldJudge.slice(0, evaluate_LISTED).join(', ');
                const more = wouldJudge.length > evaluate_LISTED ? ` and ${wouldJudge.length - evaluate_LISTED} more` : '';
                return `no baseline: would have judged ${shown}${more}`;
            }
        }
    }
    if (gate.kind === 'diagnostics' && !inputs.units.some((u) => u.pair.candidate)) {
        return 'no candidate run: there are no diagnostics to check';
    }
    return evidence.length > 0 ? `nothing judged: ${evidence.join('; ')}` : 'nothing judged';
}
/**
 * A missing metric fails the job under `policy.missing_metrics: fail` even inside a `warn` gate: the
 * gate's severity is about how much a measured change matters, and a metric that vanished was not
 * measured at all. Such rows move to the `policy.missing_metrics` result, which fails.
 */
function liftMissing(gate, checks, config) {
    if (gate.severity !== 'warn' || config.policy.missingMetrics !== 'fail')
        return { kept: checks, lifted: [] };
    const lifted = checks.filter((c) => c.subject === gates_results/* MISSING_METRIC */.gv);
    return { kept: checks.filter((c) => c.subject !== gates_results/* MISSING_METRIC */.gv), lifted };
}
/**
 * Evaluates every configured gate, then the policy checks that apply, in config order. Regression
 * gates settle after every gate has offered its tested rows, because their Holm families span the
 * run (family.ts).
 */
function evaluateGates(inputs) {
    const judged = nothingJudged();
    const lifted = [];
    const evaluated = inputs.config.gates.map((gate) => {
        const selection = gateSelection(gate, inputs.units);
        // The built-in headline check is not the user's typo: a run without headline metrics skips it.
        if (selection.nothing && gate !== HEADLINE_SLICE_GATE) {
            return { done: unmatchedResult(gate, selection.problems, inputs.config) };
        }
        const narrowed = selection.gate;
        return { gate, narrowed, selection, outcome: evaluatorOf(narrowed)(narrowed, inputs, judged) };
    });
    const verdicts = runFamilies(evaluated.map((e) => ('outcome' in e && 'members' in e.outcome ? e.outcome.members : [])));
    const results = evaluated.map((e) => {
        if ('done' in e)
            return e.done;
        const { gate, narrowed, selection, outcome } = e;
        const evaluation = 'members' in outcome ? outcome.settle(verdicts) : outcome;
        const { kept, lifted: moved } = liftMissing(gate, evaluation.checks, inputs.config);
        lifted.push(...moved);
        // The headline words are a menu the built-in check picks from, so the ones a run lacks are no news.
        const notes = gate === HEADLINE_SLICE_GATE ? [] : selection.problems;
        const evidence = [
            ...notes.map((p) => `${NO_MATCH_NOTE}${p}`),
            ...evaluation.evidence,
            ...(moved.length > 0
                ? [
                    `${moved.length} missing metric(s) reported under policy.missing_metrics: fail, which fails the job`,
                ]
                : []),
        ];
        return (0,gates_results/* finishResult */.Lk)(gate, kept, evidence, skipReason(narrowed, inputs, evidence));
    });
    return [...results, ...policyResults(inputs, judged, lifted)];
}

// EXTERNAL MODULE: ./src/gates/types.ts
var types = __webpack_require__(2301);
// EXTERNAL MODULE: ./src/gates/waivers.ts
var waivers = __webpack_require__(1693);
;// CONCATENATED MODULE: ./src/engine/trends.ts



/** Charts stay readable: a comment has room for a handful of lines, not every metric. */
const MAX_TRENDS = 8;
function metricTrends(history, units, gates, window) {
    if (history === null)
        return [];
    const trends = new Map();
    for (const gate of gates) {
        if (gate.kind !== 'regression' && gate.kind !== 'threshold')
            continue;
        for (const c of gate.checks) {
            if (c.metric === null || c.candidate === null)
                continue;
            const id = [c.project, c.unit, c.stage ?? '', c.metric, c.slice ?? ''].join('\u0000');
            if (trends.has(id))
                continue;
            const unit = units.find((u) => u.comparison.project === c.project && u.comparison.unit === c.unit);
            if (!unit)
                continue;
            const points = seriesPoints(history, rowSeries(unit, { stage: c.stage, key: c.metric, slice: c.slice }), window);
            if (points.length === 0)
                continue;
            trends.set(id, {
                project: c.project,
                unit: c.unit,
                stage: c.stage,
                metric: c.metric,
                slice: c.slice,
                values: [...points.map((p) => p.value), c.candidate],
                runs: [...points.map((p) => (0,record/* describeRecord */.TV)(p.record)), 'this run'],
            });
        }
    }
    return [...trends.values()].slice(0, MAX_TRENDS);
}

;// CONCATENATED MODULE: ./src/engine/engine.ts
/**
 * The gate engine: baseline and candidate evidence plus a gate config in, a `GateReport` out. Pure —
 * no environment, no network, no clock — so the action, the CLI and the tests all get the same answer
 * from the same evidence.
 */









/** Intervals reported everywhere are 95 %; α of a gate is separate (a p-value threshold). */
const CONFIDENCE = 0.95;
/**
 * pass < warn < unknown < fail for "which verdict wins": fail if a fail-severity gate fails, else
 * unknown when something could not be judged, else warn, else pass.
 */
function decideVerdict(gates) {
    if (gates.some((g) => g.outcome === 'fail'))
        return 'fail';
    if (gates.some((g) => g.outcome === 'unknown'))
        return 'unknown';
    if (gates.some((g) => g.outcome === 'warn'))
        return 'warn';
    return 'pass';
}
function exitMapping(verdict, policy) {
    if (verdict === 'unknown') {
        const outcome = policy.unknown;
        return {
            outcome,
            code: outcome === 'fail' ? 1 : 0,
            reason: `verdict unknown (not enough evidence to decide) mapped to ${outcome} by policy.unknown`,
        };
    }
    return {
        outcome: verdict,
        code: verdict === 'fail' ? 1 : 0,
        reason: `verdict ${verdict}`,
    };
}
function side(evidence, runs, which) {
    const seen = new Set();
    const identities = runs
        .map((p) => p[which])
        .filter((r) => r !== null && !seen.has(r.ref) && Boolean(seen.add(r.ref)))
        .map(runIdentity);
    return { kind: evidence.source.kind, root: evidence.source.root, runs: identities };
}
function diagnose(pairs, baseline, candidate, expected) {
    const out = [];
    const stages = candidate.source.kind === 'metalab' ? [] : expected;
    const done = new Set();
    for (const pair of pairs) {
        for (const [which, run, evidence] of [
            ['baseline', pair.baseline, baseline],
            ['candidate', pair.candidate, candidate],
        ]) {
            if (!run || !evidence || done.has(`${which}\u0000${run.ref}`))
                continue;
            done.add(`${which}\u0000${run.ref}`);
            const project = evidence.projects.find((p) => p.name === run.project) ?? null;
            out.push(...diagnoseRun(run, project, which, stages));
        }
    }
    return out;
}
/** Where the gate reads the evidence differently from Contexta's own compare, said once per report. */
function divergenceNotes(units, kind) {
    if (kind !== 'contexta')
        return [];
    const notes = [];
    const rows = units.flatMap((u) => u.comparison.metrics);
    if (rows.some((r) => r.stage === null)) {
        notes.push("run-level metrics (recorded without a stage) are compared; Contexta's compare ignores them");
    }
    if (rows.some((r) => r.slice !== null || r.batch !== null)) {
        notes.push('metrics are matched per stage, key, slice and batch; Contexta\'s compare pools a stage\'s records by key, so its "accuracy" is whichever slice was written last');
    }
    if (rows.some((r) => r.change === 'unchanged')) {
        notes.push('unchanged metrics are kept in the comparison; Contexta drops them by default');
    }
    return notes;
}
function headline(verdict, gates, exit) {
    const label = verdict.toUpperCase();
    const quoted = (0,gates_results/* headlineGates */.dR)(verdict, gates)
        .map((g) => `${g.name}: ${g.worst?.reason ?? g.message}`)
        .join(' | ');
    const waived = gates.filter((g) => g.outcome === 'waived');
    const waivedText = waived.length > 0 ? ` (${waived.length} waived: ${waived.map((g) => g.name).join(', ')})` : '';
    switch (verdict) {
        case 'fail':
            return `${label} — ${quoted}`;
        case 'unknown':
            return `${label} (treated as ${exit.outcome}) — ${quoted}`;
        case 'warn':
            return `${label} — ${quoted}${waivedText}`;
        default: {
            const judged = gates.filter((g) => g.outcome === 'pass').length;
            return `${label} — ${judged} gate${judged === 1 ? '' : 's'} passed${waivedText}`;
        }
    }
}
function nextSteps(gates, findings, verdict) {
    const steps = [];
    // Failing gates lead: the first step is what the report's "Fix:" line shows.
    for (const outcome of ['fail', 'warn']) {
        for (const g of gates) {
            if (g.outcome !== outcome)
                continue;
            const tripped = g.checks.find((c) => c.outcome === 'fail' || c.outcome === 'warn');
            if (tripped)
                steps.push(`${g.name}: ${tripped.reason}`);
        }
    }
    for (const f of findings)
        if (f.severity !== 'info')
            steps.push(...f.nextSteps.map(String));
    if (verdict === 'unknown') {
        for (const g of gates) {
            if (g.outcome === 'unknown')
                steps.push(`${g.name} could not judge: ${g.worst?.reason ?? g.message}`);
        }
    }
    return [...new Set(steps)].slice(0, 12);
}
/** Compares, diagnoses, evaluates every gate, applies waivers and decides. Throws RunSelectionError. */
function judgeRuns(input) {
    const { baseline, candidate, config } = input;
    const { policy } = config;
    const shared = baseline !== null && (baseline === candidate || baseline.source.root === candidate.source.root);
    const pairs = selectRunPairs(baseline, candidate, {
        baselineRun: input.baselineRun,
        candidateRun: input.candidateRun,
    });
    const options = {
        directions: policy.directions,
        seed: policy.seed,
        resamples: policy.bootstrapResamples,
        confidence: CONFIDENCE,
    };
    const units = pairs.map((pair) => ({ pair, comparison: compareRuns(pair, options) }));
    const diagnostics = diagnose(pairs, baseline, candidate, input.expectedStages ?? DEFAULT_EXPECTED_STAGES);
    // One workspace holding both runs has one gap list: gaps about a baseline run belong to the baseline.
    const baselineRefs = new Set(pairs.flatMap((p) => (p.baseline ? [p.baseline.ref] : [])));
    const candidateRefs = new Set(pairs.flatMap((p) => (p.candidate ? [p.candidate.ref] : [])));
    const candidateGaps = shared
        ? candidate.gaps.filter((g) => !g.runRef || !baselineRefs.has(g.runRef) || candidateRefs.has(g.runRef))
        : candidate.gaps;
    const baselineGaps = shared
        ? candidate.gaps.filter((g) => g.runRef !== undefined && baselineRefs.has(g.runRef))
        : (baseline?.gaps ?? []);
    const evaluated = evaluateGates({
        config,
        units,
        baselineAvailable: baseline !== null,
        diagnostics,
        baselineGaps,
        candidateGaps,
        history: input.history ?? null,
    });
    const parsed = (0,waivers/* parseWaivers */.dU)(input.waivers ?? {}, policy);
    const messages = new Map(config.gates.map((g) => [g.name, g.message]));
    const { results: gates, unused } = (0,waivers/* applyWaivers */.Kw)(evaluated, parsed.accepted, (r) => (0,gates_results/* refreshResult */.Ve)(r, messages.get(r.name) ?? null));
    const findings = buildFindings({
        units,
        gates,
        baselineGaps,
        candidateGaps,
        alpha: policy.significance,
    });
    const verdict = decideVerdict(gates);
    const exit = exitMapping(verdict, policy);
    const notes = [
        ...(shared
            ? candidate.notes
            : [
                ...(baseline?.notes ?? []).map((n) => `baseline: ${n}`),
                ...candidate.notes.map((n) => `candidate: ${n}`),
            ]),
        ...(baseline === null
            ? ['no baseline evidence was given: regression gates cannot judge, absolute thresholds still apply']
            : []),
        ...units.flatMap((u) => u.comparison.notes),
        ...divergenceNotes(units, candidate.source.kind),
    ];
    return {
        schemaVersion: types/* GATE_REPORT_SCHEMA_VERSION */.g,
        verdict,
        exit,
        headline: headline(verdict, gates, exit),
        baseline: baseline ? side(baseline, pairs, 'baseline') : null,
        candidate: side(candidate, pairs, 'candidate'),
        gates,
        comparisons: units.map((u) => u.comparison),
        findings,
        diagnostics,
        gaps: { baseline: baselineGaps, candidate: candidateGaps },
        waivers: { accepted: parsed.accepted, rejected: parsed.rejected, unused },
        notes,
        nextSteps: nextSteps(gates, findings, verdict),
        context: input.context ?? {},
        trends: metricTrends(input.history ?? null, units, gates, policy.history),
    };
}

// EXTERNAL MODULE: ./src/report/index.ts + 15 modules
var src_report = __webpack_require__(9678);
// EXTERNAL MODULE: ./src/sources/open.ts + 32 modules
var sources_open = __webpack_require__(2145);
// EXTERNAL MODULE: ./src/sources/parse-workers.ts + 1 modules
var parse_workers = __webpack_require__(7451);
// EXTERNAL MODULE: ./src/evidence/gaps.ts
var gaps = __webpack_require__(4200);
// EXTERNAL MODULE: ./src/evidence/sample-columns.ts
var sample_columns = __webpack_require__(9553);
;// CONCATENATED MODULE: ./src/sources/shard-series.ts

/** A stage-level aggregate equals the shard's samples' mean within float-printing error. */
const MEAN_TOLERANCE = 1e-9;
/** Quantiles are usually printed with a few decimals: a relative tolerance. */
const QUANTILE_TOLERANCE = 5e-6;
const QUANTILE_KEY = /^(.+)\.p(\d{1,2})$/;
/** Keys that name a count of samples or rows: summed across shards rather than averaged. */
const COUNT_KEY = /(^|[._-])(samples|count|n|rows)$/;
const COMPLETENESS_ORDER = ['complete', 'sampled', 'partial', 'unknown', 'absent'];
function digest(series) {
    const bySlice = new Map();
    let sum = 0;
    const perIndex = series.sliceNames.map(() => ({ sum: 0, n: 0 }));
    for (let i = 0; i < series.values.length; i++) {
        const v = series.values[i];
        sum += v;
        const s = series.sliceIndex[i];
        if (s >= 0) {
            const acc = perIndex[s];
            acc.sum += v;
            acc.n += 1;
        }
    }
    series.sliceNames.forEach((name, i) => {
        bySlice.set(name, perIndex[i]);
    });
    return { series, total: { sum, n: series.values.length }, bySlice };
}
function subsetValues(series, slice) {
    if (slice === null)
        return series.values;
    const index = series.sliceNames.indexOf(slice);
    const out = [];
    for (let i = 0; i < series.values.length; i++)
        if (series.sliceIndex[i] === index)
            out.push(series.values[i]);
    return Float64Array.from(out);
}
function sortedQuantile(values, q) {
    return quantileSorted(Float64Array.from(values).sort(), q);
}
/** Which function of this shard's samples the aggregate is, if any. */
function detectRule(series, digests) {
    if (series.batch !== null)
        return null;
    const value = series.latest.value;
    if (!Number.isFinite(value))
        return null;
    for (const d of digests) {
        const acc = series.slice === null ? d.total : d.bySlice.get(series.slice);
        if (!acc || acc.n === 0)
            continue;
        if (Math.abs(acc.sum / acc.n - value) <= MEAN_TOLERANCE)
            return { kind: 'mean', sampleKey: d.series.key };
    }
    const quantile = QUANTILE_KEY.exec(series.key);
    if (quantile) {
        const d = digests.find((x) => x.series.key === quantile[1]);
        const q = Number(quantile[2]) / 100;
        if (d) {
            const values = subsetValues(d.series, series.slice);
            if (values.length > 0) {
                const own = sortedQuantile(values, q);
                if (Math.abs(own - value) <= QUANTILE_TOLERANCE * Math.max(1, Math.abs(value))) {
                    return { kind: 'quantile', sampleKey: d.series.key, q };
                }
            }
        }
    }
    if (Number.isInteger(value) && COUNT_KEY.test(series.key)) {
        for (const d of digests) {
            const acc = series.slice === null ? d.total : d.bySlice.get(series.slice);
            if (acc && acc.n === value)
                return { kind: 'count', sampleKey: d.series.key };
        }
    }
    return null;
}
function sameRule(a, b) {
    return (a.kind === b.kind && a.sampleKey === b.sampleKey && (a.kind !== 'quantile' || a.q === b.q));
}
/**
 * Append-only columns of one sample key across shards; duplicates are refused by the caller. Sized
 * from the caller's estimate (the first shard's rows times the expected shard count), so equal shards
 * fill them exactly: no doubling slack and no copy at `finish`, which at 640k rows per key is most
 * of the merge's memory. Samples are ids into the merge's sample table, not names.
 */
class MergedColumns {
    key;
    table;
    ids;
    values;
    slices;
    sliceNames = [];
    sliceIds = new Map();
    rows = 0;
    constructor(key, table, expectedRows = 1024) {
        this.key = key;
        this.table = table;
        this.values = new Float64Array(Math.max(1, expectedRows));
        this.slices = new Int32Array(this.values.length);
        this.ids = new Int32Array(this.values.length);
    }
    push(id, value, slice) {
        if (this.rows === this.values.length) {
            const size = Math.ceil(this.rows * 1.5);
            const values = new Float64Array(size);
            values.set(this.values);
            this.values = values;
            const slices = new Int32Array(size);
            slices.set(this.slices);
            this.slices = slices;
            const ids = new Int32Array(size);
            ids.set(this.ids);
            this.ids = ids;
        }
        let sliceId = -1;
        if (slice !== null) {
            sliceId = this.sliceIds.get(slice) ?? -1;
            if (sliceId < 0) {
                sliceId = this.sliceNames.length;
                this.sliceNames.push(slice);
                this.sliceIds.set(slice, sliceId);
            }
        }
        this.ids[this.rows] = id;
        this.values[this.rows] = value;
        this.slices[this.rows] = sliceId;
        this.rows += 1;
    }
    finish() {
        const exact = this.rows === this.values.length;
        const values = exact ? this.values : this.values.slice(0, this.rows);
        const sliceIndex = exact ? this.slices : this.slices.slice(0, this.rows);
        const ids = exact ? this.ids : this.ids.slice(0, this.rows);
        this.values = new Float64Array(0);
        this.slices = new Int32Array(0);
        this.ids = new Int32Array(0);
        let binary = this.rows > 0;
        for (const v of values) {
            if (v !== 0 && v !== 1) {
                binary = false;
                break;
            }
        }
        return {
            key: this.key,
            ids,
            table: this.table,
            values,
            sliceIndex,
            sliceNames: [...this.sliceNames],
            binary,
        };
    }
}
/** Everything known about one aggregate series of one stage (or run) across the shards seen so far. */
class SeriesMerge {
    rule = null;
    weightedSum = 0;
    weightTotal = 0;
    sum = 0;
    contributions = 0;
    equalWeights = false;
    first;
    latestAt = Number.NEGATIVE_INFINITY;
    latestRecord;
    count = 0;
    nonFinite = 0;
    degraded = false;
    completeness = 0;
    replicates = [];
    replicateSeeds = [];
    steps = null;
    constructor(series) {
        this.first = series;
        this.latestRecord = series.latest.recordRef;
    }
    /**
     * `rule` is what this shard's value is a function of (null: nothing provable); `weight` is the
     * shard's sample count for the series' slice, null when the shard has no count to weight by.
     */
    add(series, rule, weight) {
        if (this.contributions === 0)
            this.rule = rule ?? 'none';
        else if (this.rule !== 'none' && (rule === null || this.rule === null || !sameRule(this.rule, rule)))
            this.rule = 'none';
        this.contributions += 1;
        const value = series.latest.value;
        if (weight === null)
            this.equalWeights = true;
        const w = weight ?? 1;
        this.weightedSum += w * value;
        this.weightTotal += w;
        this.sum += value;
        const at = series.latest.observedAt === null ? Number.NaN : Date.parse(series.latest.observedAt);
        if (!Number.isNaN(at) && at >= this.latestAt) {
            this.latestAt = at;
            this.latestRecord = series.latest.recordRef;
        }
        this.count += series.count;
        this.nonFinite += series.nonFinite;
        this.degraded ||= series.degraded;
        this.completeness = Math.max(this.completeness, COMPLETENESS_ORDER.indexOf(series.completeness));
        this.replicates.push(...series.replicates);
        if (this.replicateSeeds && series.replicateSeeds)
            this.replicateSeeds.push(...series.replicateSeeds);
        else
            this.replicateSeeds = undefined;
        if (series.steps) {
            const s = series.steps;
            const p = this.steps;
            this.steps = p
                ? {
                    count: Math.max(p.count, s.count),
                    first: p.first,
                    last: s.last,
                    min: p.min === null ? s.min : s.min === null ? p.min : Math.min(p.min, s.min),
                    max: p.max === null ? s.max : s.max === null ? p.max : Math.max(p.max, s.max),
                }
                : { ...s };
        }
    }
    /** The merged series; `recompute` evaluates a rule on the merged columns (null when it cannot). */
    finish(recompute) {
        const f = this.first;
        let value;
        let combined;
        const rule = this.rule;
        const recomputed = rule !== null && rule !== 'none' ? recompute(rule, f.slice) : null;
        if (this.contributions === 1) {
            value = f.latest.value;
            combined = recomputed === null ? undefined : 'recomputed';
        }
        else if (recomputed !== null) {
            value = recomputed;
            combined = 'recomputed';
        }
        else if (COUNT_KEY.test(f.key) && Number.isInteger(this.sum)) {
            value = this.sum;
            combined = 'summed';
        }
        else {
            value = this.weightedSum / this.weightTotal;
            combined = 'weighted';
        }
        const series = {
            ...f,
            latest: {
                value,
                observedAt: Number.isFinite(this.latestAt)
                    ? new Date(this.latestAt).toISOString()
                    : f.latest.observedAt,
                recordRef: this.contributions === 1 || combined === undefined ? this.latestRecord : null,
                step: this.steps?.last ?? f.latest.step,
            },
            count: this.count,
            steps: this.steps,
            completeness: COMPLETENESS_ORDER[this.completeness] ?? 'unknown',
            degraded: this.degraded,
            nonFinite: this.nonFinite,
            replicates: this.replicates,
            ...(this.replicateSeeds && f.replicateSeeds ? { replicateSeeds: this.replicateSeeds } : {}),
            ...(combined === undefined ? {} : { combined }),
        };
        if (!this.replicateSeeds || !f.replicateSeeds)
            delete series.replicateSeeds;
        return { series, equalWeights: combined === 'weighted' && this.equalWeights };
    }
}
/** Evaluates a rule on merged sample columns. */
function evaluateRule(rule, samples, slice) {
    if (!samples)
        return null;
    const values = subsetValues(samples, slice);
    if (values.length === 0)
        return null;
    if (rule.kind === 'count')
        return values.length;
    if (rule.kind === 'quantile')
        return sortedQuantile(values, rule.q);
    let sum = 0;
    for (const v of values)
        sum += v;
    return sum / values.length;
}

;// CONCATENATED MODULE: ./src/sources/shards.ts
/**
 * Joins the evidence of the shards of one run (the jobs of a matrix, each with its own workspace)
 * into one Evidence, and says what is wrong with the set: a shard that is missing, claimed twice,
 * built from another commit, or that repeats samples another shard already has. Those are
 * error-severity gaps naming the shard, because a verdict over part of the data is not a verdict
 * over the run. Shards are added one at a time so each shard's own Evidence can be dropped as soon
 * as it is merged: memory grows with the merged run, not with the number of shards.
 *
 * Samples merge by identity — stage and sample name (the batch is part of the name the reader
 * keeps) — and the same identity in two shards is a duplicate: the first shard's outcome is kept.
 */



const STATUS_ORDER = ['completed', 'open', 'cancelled', 'failed'];
const EXAMPLES = 5;
/** Worst of the statuses; unknown (null) when any shard does not know it. */
function worstStatus(statuses) {
    if (statuses.length === 0 || statuses.includes(null))
        return null;
    return statuses.reduce((worst, s) => (STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(worst) ? s : worst), 'completed');
}
function seriesKey(m) {
    return JSON.stringify([m.key, m.slice, m.batch]);
}
class StageMerge {
    ref;
    name;
    statuses = [];
    orderIndex = null;
    series = new Map();
    columns = new Map();
    /** Per sample id, 1 + the ordinal of the shard that contributed it first; 0 for none yet. */
    owner = new Int32Array(1024);
    batches = new Map();
    recordCount = 0;
    partialRecords = 0;
    constructor(ref, name) {
        this.ref = ref;
        this.name = name;
    }
}
class RunMerge {
    statuses = [];
    startedAt = null;
    endedAt = null;
    stages = new Map();
    runSeries = new Map();
    events = new Map();
    degraded = [];
    artifacts = new Map();
    recordCount = 0;
    /** The first shard's run without its stages and metrics, which are merged separately. */
    first;
    constructor(run) {
        this.first = { ...run, stages: [], runMetrics: [], events: [], degraded: [], artifacts: [] };
    }
}
class ShardMerger {
    plan;
    gaps = [];
    notes = [];
    seenNotes = new Set();
    claimed = new Map();
    accepted = [];
    projects = new Map();
    workspaces = [];
    kind = 'contexta';
    weightedLabels = [];
    equalLabels = [];
    /** The sample table the merged series index: the first shard's, which later shards normally share. */
    table = null;
    /** The code identity the first shard that records one records, which every later shard must share. */
    code = null;
    constructor(plan) {
        this.plan = plan;
    }
    shardName(shard) {
        const of = this.plan.expected === null ? '' : ` of ${this.plan.expected}`;
        return `${this.plan.side} shard ${shard.index}${of} (${shard.label})`;
    }
    /** A gap about the set of shards, not about a line in one of them. */
    reject(code, ref, message) {
        this.gaps.push({ code, severity: 'error', ref, message });
    }
    add(shard) {
        const name = this.shardName(shard);
        const ref = `shard:${shard.index}`;
        const expected = this.plan.expected;
        if (!Number.isInteger(shard.index) || shard.index < 1 || (expected !== null && shard.index > expected)) {
            this.reject('shard_unexpected', ref, `${name} is not one of shards 1 to ${expected ?? '?'}; its evidence was not merged`);
            return;
        }
        const earlier = this.claimed.get(shard.index);
        if (earlier) {
            this.reject('shard_duplicated', ref, `${name} claims the same index as ${earlier.shard.label}; only the first was merged — each shard job must upload exactly one shard index`);
            return;
        }
        if (this.plan.sha && shard.sha && shard.sha !== this.plan.sha) {
            this.reject('shard_foreign_commit', ref, `${name} was built from commit ${shard.sha.slice(0, 7)}, not ${this.plan.sha.slice(0, 7)}; evidence from another commit was not merged`);
            return;
        }
        const code = codeIdentity(shard.evidence);
        if (code !== null) {
            if (this.code === null)
                this.code = { hashes: code, label: shard.label };
            else if (code !== this.code.hashes) {
                this.reject('shard_foreign_commit', ref, `${name} records code ${code}, not ${this.code.hashes} as ${this.code.label} does; evidence built from other code was not merged — every shard job must run the same commit`);
                return;
            }
        }
        const accepted = { ordinal: this.accepted.length, shard: { index: shard.index, label: shard.label } };
        this.claimed.set(shard.index, accepted);
        this.accepted.push(accepted);
        this.mergeEvidence(accepted, shard.evidence, name);
    }
    mergeEvidence(accepted, evidence, name) {
        const prefix = `shard-${accepted.shard.index}`;
        if (accepted.ordinal === 0)
            this.kind = evidence.source.kind;
        for (const ws of evidence.source.workspaces) {
            this.workspaces.push({ path: ws.path === '.' ? prefix : `${prefix}/${ws.path}`, layouts: ws.layouts });
        }
        for (const gap of evidence.gaps) {
            this.gaps.push({
                ...gap,
                file: gap.file ? `${prefix}/${gap.file}` : prefix,
                message: `${name}: ${gap.message}`,
            });
        }
        for (const note of evidence.notes)
            this.note(note);
        for (const project of evidence.projects) {
            let merged = this.projects.get(project.name);
            if (!merged) {
                merged = { runs: new Map(), deployments: new Map() };
                this.projects.set(project.name, merged);
            }
            for (const d of project.deployments)
                if (!merged.deployments.has(d.ref))
                    merged.deployments.set(d.ref, d);
            for (const run of project.runs) {
                let target = merged.runs.get(run.ref);
                if (!target) {
                    target = new RunMerge(run);
                    merged.runs.set(run.ref, target);
                }
                this.mergeRun(target, run, accepted, name);
            }
        }
    }
    note(note) {
        if (this.seenNotes.has(note))
            return;
        this.seenNotes.add(note);
        this.notes.push(note);
    }
    mergeRun(target, run, accepted, name) {
        target.statuses.push(run.status);
        if (run.startedAt && (target.startedAt === null || run.startedAt < target.startedAt))
            target.startedAt = run.startedAt;
        if (run.endedAt && (target.endedAt === null || run.endedAt > target.endedAt))
            target.endedAt = run.endedAt;
        target.recordCount += run.recordCount;
        target.degraded.push(...run.degraded);
        for (const a of run.artifacts)
            if (!target.artifacts.has(a.ref))
                target.artifacts.set(a.ref, a);
        for (const e of run.events) {
            const key = JSON.stringify([e.key, e.level, e.stage]);
            const seen = target.events.get(key);
            target.events.set(key, seen ? { ...seen, count: seen.count + e.count, lastMessage: e.lastMessage } : { ...e });
        }
        addSeries(target.runSeries, run.runMetrics, [], countWeights(run.runMetrics));
        for (const stage of run.stages) {
            let merged = target.stages.get(stage.name);
            if (!merged) {
                merged = new StageMerge(stage.ref, stage.name);
                target.stages.set(stage.name, merged);
            }
            this.mergeStage(merged, stage, accepted, name, run.ref);
        }
    }
    mergeStage(target, stage, accepted, name, runRef) {
        target.statuses.push(stage.status);
        if (stage.orderIndex !== null)
            target.orderIndex =
                target.orderIndex === null ? stage.orderIndex : Math.min(target.orderIndex, stage.orderIndex);
        target.recordCount += stage.recordCount;
        target.partialRecords += stage.partialRecords;
        for (const b of stage.batches)
            if (!target.batches.has(b.ref))
                target.batches.set(b.ref, b);
        const repeated = new Map();
        const examples = [];
        for (const series of stage.samples) {
            this.table ??= series.table;
            const table = this.table;
            let columns = target.columns.get(series.key);
            if (!columns) {
                columns = new MergedColumns(series.key, table, series.ids.length * (this.plan.expected ?? 1));
                target.columns.set(series.key, columns);
            }
            // Shards read with the merge's table (as the CLI and the action read them) keep their ids.
            const ids = series.table === table
                ? series.ids
                : Int32Array.from(series.ids, (id) => table.id(series.table.names[id]));
            if (table.size > target.owner.length) {
                const grown = new Int32Array(Math.max(table.size, target.owner.length * 2));
                grown.set(target.owner);
                target.owner = grown;
            }
            const mine = accepted.ordinal + 1;
            for (let i = 0; i < ids.length; i++) {
                const id = ids[i];
                const owner = target.owner[id];
                if (owner === 0)
                    target.owner[id] = mine;
                else if (owner !== mine) {
                    if (!repeated.has(id)) {
                        repeated.set(id, owner - 1);
                        if (examples.length < EXAMPLES)
                            examples.push(table.names[id]);
                    }
                    continue;
                }
                const s = series.sliceIndex[i];
                columns.push(id, series.values[i], s >= 0 ? series.sliceNames[s] : null);
            }
        }
        if (repeated.size > 0) {
            const owners = [...new Set(repeated.values())].map((o) => this.accepted[o].shard);
            this.gaps.push({
                code: 'shard_duplicated',
                severity: 'error',
                ref: `shard:${accepted.shard.index}`,
                runRef,
                stage: stage.name,
                count: repeated.size,
                message: `${name} repeats ${repeated.size} sample(s) of stage ${stage.name} already in ${owners
                    .map((o) => `shard ${o.index} (${o.label})`)
                    .join(', ')} (e.g. ${examples.join(', ')}); the repeats were not merged — two shard jobs evaluated the same samples`,
            });
        }
        const digests = stage.samples.map(digest);
        addSeries(target.series, stage.metrics, digests, sampleWeights(digests, countWeights(stage.metrics)));
    }
    finish() {
        const expected = this.plan.expected;
        if (expected !== null) {
            for (let i = 1; i <= expected; i++) {
                if (this.claimed.has(i))
                    continue;
                const how = this.plan.describeMissing ? ` (${this.plan.describeMissing(i)})` : '';
                this.reject('shard_missing', `shard:${i}`, `${this.plan.side} shard ${i} of ${expected} is missing${how}: its job failed, was cancelled or never uploaded, so the merged run lacks its samples`);
            }
        }
        const projects = [...this.projects.entries()].map(([projectName, p]) => ({
            name: projectName,
            runs: [...p.runs.values()].map((r) => this.finishRun(r)),
            deployments: [...p.deployments.values()],
        }));
        const summary = `merged ${this.accepted.length}${expected === null ? '' : ` of ${expected}`} shard(s) (${this.accepted.map((a) => a.shard.label).join(', ')}); per-sample outcomes joined by stage and sample name, aggregates recomputed from them where they are a mean, quantile or count of them`;
        const notes = [summary, ...this.notes];
        if (this.weightedLabels.length > 0) {
            notes.push(`${this.weightedLabels.length} metric series had no per-sample outcomes to recompute them from and are per-shard values weighted by each shard's sample count: ${shards_listed(this.weightedLabels)}`);
        }
        if (this.equalLabels.length > 0) {
            notes.push(`${this.equalLabels.length} of those had no sample count in some shard, which then weighed as one: ${shards_listed(this.equalLabels)}`);
        }
        return {
            source: { kind: this.kind, root: this.plan.root, workspaces: this.workspaces },
            projects,
            // Each shard's gaps are bounded already; many shards repeating one kind are bounded again.
            gaps: (0,gaps/* summariseGaps */.Gt)(this.gaps),
            notes,
        };
    }
    finishSeries(map, samples, where) {
        const out = [];
        for (const merge of map.values()) {
            const { series, equalWeights } = merge.finish((rule, slice) => evaluateRule(rule, samples.get(rule.sampleKey), slice));
            const label = `${where}${series.key}${series.slice === null ? '' : `@${series.slice}`}`;
            if (series.combined === 'weighted')
                this.weightedLabels.push(label);
            if (equalWeights)
                this.equalLabels.push(label);
            out.push(series);
        }
        return out;
    }
    finishRun(r) {
        const stages = [...r.stages.values()].map((s) => {
            const samples = new Map();
            for (const series of (0,sample_columns/* shareColumns */.z4)([...s.columns.values()].map((c) => c.finish())))
                samples.set(series.key, series);
            s.owner = new Int32Array(0);
            return {
                ref: s.ref,
                name: s.name,
                status: worstStatus(s.statuses),
                orderIndex: s.orderIndex,
                metrics: this.finishSeries(s.series, samples, `${s.name}/`),
                samples: [...samples.values()],
                batches: [...s.batches.values()],
                recordCount: s.recordCount,
                partialRecords: s.partialRecords,
            };
        });
        return {
            ...r.first,
            status: worstStatus(r.statuses),
            startedAt: r.startedAt,
            endedAt: r.endedAt,
            stages,
            runMetrics: this.finishSeries(r.runSeries, new Map(), ''),
            events: [...r.events.values()],
            degraded: r.degraded,
            artifacts: [...r.artifacts.values()],
            recordCount: r.recordCount,
        };
    }
}
/**
 * What a shard's own evidence says about the code it was built from, beyond the artifact's commit:
 * metalab records the operation's `code_hash` in every run record; the Contexta SDK records no
 * commit or code hash in what a job writes (its environment snapshot is never persisted by the
 * runtime), so a Contexta shard has none and only its artifact's commit is checked.
 */
function codeIdentity(evidence) {
    const hashes = new Set();
    for (const project of evidence.projects)
        for (const run of project.runs)
            for (const h of run.metalab?.codeHashes ?? [])
                hashes.add(h);
    return hashes.size === 0 ? null : [...hashes].sort().join(', ');
}
function shards_listed(labels) {
    return labels.length > 8
        ? `${labels.slice(0, 8).join(', ')} and ${labels.length - 8} more`
        : labels.join(', ');
}
/** A count-like sibling series (same slice and batch) per slice, to weigh aggregates by. */
function countWeights(metrics) {
    const counts = new Map();
    for (const m of metrics) {
        if (!COUNT_KEY.test(m.key) || !Number.isFinite(m.latest.value) || m.latest.value <= 0)
            continue;
        const key = JSON.stringify([m.slice, m.batch]);
        if (!counts.has(key))
            counts.set(key, m.latest.value);
    }
    return (m) => counts.get(JSON.stringify([m.slice, m.batch])) ?? null;
}
/** The shard's number of samples in the series' slice, else a count metric, else unknown. */
function sampleWeights(digests, fallback) {
    return (m) => {
        let n = 0;
        for (const d of digests)
            n = Math.max(n, m.slice === null ? d.total.n : (d.bySlice.get(m.slice)?.n ?? 0));
        return n > 0 ? n : fallback(m);
    };
}
function addSeries(map, metrics, digests, weight) {
    for (const m of metrics) {
        const key = seriesKey(m);
        let merge = map.get(key);
        if (!merge) {
            merge = new SeriesMerge(m);
            map.set(key, merge);
        }
        merge.add(m, digests.length > 0 ? detectRule(m, digests) : null, weight(m));
    }
}
/** Merges shards given all at once (tests, small inputs); the action and CLI add them one by one. */
function mergeShards(shards, plan) {
    const merger = new ShardMerger(plan);
    for (const shard of shards)
        merger.add(shard);
    return merger.finish();
}

// EXTERNAL MODULE: ./src/cli/history.ts + 1 modules
var cli_history = __webpack_require__(7672);
// EXTERNAL MODULE: ./src/cli/inspect.ts + 6 modules
var inspect = __webpack_require__(2195);
;// CONCATENATED MODULE: ./src/cli/compare.ts
/**
 * `contexta-gate compare`: evaluate a candidate workspace against a baseline workspace locally, with
 * the same engine the action uses. Exit 0 pass/warn (and unknown mapped to pass/warn), 1 fail
 * (including unknown mapped to fail), 2 usage or input error.
 */
















const COMPARE_USAGE = `Usage: contexta-gate compare --candidate <workspace> [--baseline <workspace>]
                             [--config <file>] [--format text|markdown|json] [--shards <n>]
                             [--baseline-run <ref>] [--candidate-run <ref>] [--project <name>]
                             [--history <dir>] [--workers <n>]

  --candidate <path>      .contexta workspace (or a directory holding one) or metalab store of the change
  --baseline <path>       the same for the reference; omit it and regressions cannot be judged (verdict unknown)
  --config <file>         gate config (default: ${DEFAULT_CONFIG_PATH} if present, else the default gates)
  --format <format>       text (default), markdown or json
  --baseline-run <ref>    baseline run: full ref (run:project.name) or run name; needed when a workspace
  --candidate-run <ref>   holds several runs of a project (e.g. one workspace holding both runs)
  --project <name>        gate only this project of workspaces that hold several (the action's 'project' input)
  --history <dir>         earlier runs' evidence, one workspace per sub-directory (ordered by recorded
                          run time, ties by directory name): max_drift and noise from history use it
  --no-ledger             do not read metadata/ledger.db (run and stage statuses stay unknown)
  --workers <n>           at most n threads parse evidence files of 128 MiB or more (default: one per core
                          available); 1 reads everything on the main thread. The report is the same
                          either way
  --shards <n>            the run was split into n shards: give --candidate (and --baseline) once per
                          shard, in shard order; they are merged into one run per side, and a missing
                          or duplicated shard is an error evidence gap. Repeating --candidate or
                          --baseline without --shards merges the paths given as the shards of one run.

Exit status: 0 pass or warn, 1 fail, 2 usage or input error.
`;
const FORMATS = ['text', 'markdown', 'json'];
class UsageError extends Error {
}
function parse(args) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args,
            options: OPTIONS,
            strict: true,
            allowPositionals: false,
            allowNegative: true,
        });
    }
    catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const v = parsed.values;
    if (v.help)
        return null;
    if (v.candidate === undefined)
        throw new UsageError('--candidate <workspace> is required');
    const format = (v.format ?? 'text');
    if (!FORMATS.includes(format)) {
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${v.format}"`);
    }
    let shards = null;
    if (v.shards !== undefined) {
        shards = Number(v.shards);
        if (!Number.isInteger(shards) || shards < 1 || shards > 1024) {
            throw new UsageError(`--shards must be a whole number from 1 to 1024; got "${v.shards}"`);
        }
    }
    for (const [flag, paths] of [
        ['--candidate', v.candidate],
        ['--baseline', v.baseline ?? []],
    ]) {
        if (shards !== null && paths.length > shards) {
            throw new UsageError(`${flag} is given ${paths.length} times but --shards is ${shards}`);
        }
    }
    const workers = (0,parse_workers/* parseWorkersCap */.No)(v.workers, '--workers');
    if (workers !== null && typeof workers === 'object')
        throw new UsageError(workers.error);
    return { ...v, candidate: v.candidate, baseline: v.baseline ?? [], format, shards, workers };
}
const OPTIONS = {
    baseline: { type: 'string', multiple: true },
    candidate: { type: 'string', multiple: true },
    shards: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    'baseline-run': { type: 'string' },
    'candidate-run': { type: 'string' },
    project: { type: 'string' },
    history: { type: 'string' },
    workers: { type: 'string' },
    ledger: { type: 'boolean', default: true },
    help: { type: 'boolean', short: 'h' },
};
async function checkPath(flag, path) {
    try {
        const info = await (0,promises_.stat)(path);
        return info.isDirectory() ? null : `${flag} ${path}: not a directory`;
    }
    catch (error) {
        const code = error.code;
        return `${flag} ${path}: ${code === 'ENOENT' ? 'no such directory' : `cannot be read (${code ?? 'error'})`}`;
    }
}
/**
 * One side: a single workspace as it is, or the shards of one run read one at a time into the
 * merger (each shard's own evidence is dropped once merged).
 */
async function readSide(side, paths, shards, reading) {
    if (shards === null && paths.length === 1)
        return (0,sources_open/* openEvidence */.i)(paths[0], reading);
    const merger = new ShardMerger({
        expected: shards,
        side,
        root: paths.join(', '),
        describeMissing: (i) => `${ordinal(i)} --${side} not given`,
    });
    for (const [i, path] of paths.entries()) {
        merger.add({ index: i + 1, label: path, evidence: await (0,sources_open/* openEvidence */.i)(path, reading) });
    }
    return merger.finish();
}
function ordinal(n) {
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return `${n}${suffix}`;
}
function render(report, format) {
    if (format === 'json')
        return (0,src_report/* renderJson */.hF)(report);
    if (format === 'markdown')
        return (0,src_report/* renderMarkdown */.Gc)(report, { audience: 'cli' });
    return (0,src_report/* renderText */.S5)(report, { audience: 'cli' });
}
/**
 * Gate entries that matched nothing: said on stderr too, because a typo in a selector is the
 * config's fault, and whoever runs the CLI should not have to find it inside the report.
 */
function configProblems(report) {
    const lines = [];
    for (const gate of report.gates) {
        const unmatched = gate.checks.filter((c) => c.subject === gates_results/* UNMATCHED */.CR);
        const notes = gate.evidence.filter((e) => e.startsWith(NO_MATCH_NOTE));
        const level = gate.outcome === 'fail' ? 'error' : 'warning';
        for (const c of unmatched)
            lines.push(`${level}: gate "${gate.name}" matches nothing: ${c.reason}`);
        for (const note of notes)
            lines.push(`warning: gate "${gate.name}": ${note}`);
    }
    return lines;
}
async function compareCommand(args, io, deps = {}) {
    let options;
    try {
        options = parse(args);
    }
    catch (error) {
        io.stderr(`contexta-gate compare: ${error.message}\n\n${COMPARE_USAGE}`);
        return 2;
    }
    if (options === null) {
        io.stdout(COMPARE_USAGE);
        return 0;
    }
    const candidatePaths = options.candidate.map((p) => (0,external_node_path_.resolve)(io.cwd, p));
    const baselinePaths = options.baseline.map((p) => (0,external_node_path_.resolve)(io.cwd, p));
    const historyPath = options.history === undefined ? null : (0,external_node_path_.resolve)(io.cwd, options.history);
    const problems = [
        ...(await Promise.all(candidatePaths.map((p) => checkPath('--candidate', p)))),
        ...(await Promise.all(baselinePaths.map((p) => checkPath('--baseline', p)))),
        historyPath === null ? null : await checkPath('--history', historyPath),
    ].filter((p) => p !== null);
    if (problems.length > 0) {
        io.stderr(`contexta-gate compare: ${problems.join('\n')}\n`);
        return 2;
    }
    const configResult = options.config === undefined
        ? await loadConfigFile((0,external_node_path_.resolve)(io.cwd, DEFAULT_CONFIG_PATH), { optional: true })
        : await loadConfigFile((0,external_node_path_.resolve)(io.cwd, options.config));
    if (!configResult.ok) {
        io.stderr(`contexta-gate compare: invalid gate config\n${configResult.errors.map((e) => `  ${formatConfigError(e)}`).join('\n')}\n`);
        return 2;
    }
    for (const warning of configResult.warnings)
        io.stderr(`warning: ${warning}\n`);
    const ledger = deps.ledger !== undefined ? deps.ledger : options.ledger === false ? null : (0,inspect.cliLedgerReader)(io.cwd);
    const project = options.project ?? null;
    const pool = (0,parse_workers/* createParsePool */._h)((0,parse_workers/* parseThreads */.Js)(options.workers));
    // One sample table for both sides and every shard: samples then pair and merge by id.
    const reading = { ledger, pool, sampleNames: new sample_names/* SampleNames */.j() };
    let report;
    try {
        const shards = options.shards;
        // The same workspace on both sides is read once: one Evidence object, both runs in it.
        const sameWorkspace = shards === null &&
            candidatePaths.length === 1 &&
            baselinePaths.length === 1 &&
            baselinePaths[0] === candidatePaths[0];
        // One side after the other: reading both at once overlapped one side's folding with the other's
        // parsing in workers (300 MB per side: 13.8 → 13.2 s), but held two sides' reading state
        // at once (~20 MB more at 64 shards per side, docs/benchmarks.md).
        const candidateRead = await readSide('candidate', candidatePaths, shards, reading);
        const baselineRead = baselinePaths.length === 0 || sameWorkspace
            ? null
            : await readSide('baseline', baselinePaths, shards, reading);
        const candidate = onlyProject(candidateRead, project, '--project');
        const baseline = baselinePaths.length === 0
            ? null
            : sameWorkspace
                ? candidate
                : onlyProject(baselineRead, project, '--project');
        reading.sampleNames?.release();
        let history = null;
        if (historyPath !== null) {
            const read = await (0,cli_history/* readHistoryDir */.S)(historyPath, project, { ledger, pool });
            for (const problem of read.problems)
                io.stderr(`warning: --history ${problem}\n`);
            history = read.records;
        }
        report = judgeRuns({
            baseline,
            candidate,
            config: configResult.config,
            history,
            ...(options['baseline-run'] === undefined ? {} : { baselineRun: options['baseline-run'] }),
            ...(options['candidate-run'] === undefined ? {} : { candidateRun: options['candidate-run'] }),
            context: { configSource: options.config ?? DEFAULT_CONFIG_PATH },
        });
    }
    catch (error) {
        if (!(error instanceof RunSelectionError || error instanceof ProjectNotFoundError))
            throw error;
        io.stderr(`contexta-gate compare: ${error.message}\n`);
        return 2;
    }
    finally {
        await pool?.close();
    }
    io.stdout(render(report, options.format));
    for (const line of configProblems(report))
        io.stderr(`${line}\n`);
    return report.exit.code;
}


/***/ })

};
