export const id = 400;
export const ids = [400];
export const modules = {

/***/ 2233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   benchRenderCommand: () => (/* binding */ benchRenderCommand),
/* harmony export */   syntheticReport: () => (/* binding */ syntheticReport)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _format_numbers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3613);
/* harmony import */ var _gates_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2301);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9678);
/**
 * `contexta-gate bench-render --metrics N --slices N` (hidden, for `npm run bench`): builds a
 * synthetic GateReport of N metrics × N slices and renders it as markdown, so the benchmark can time
 * the renderer of the built CLI on a report far larger than any fixture. It prints the comment and
 * nothing else; the timing belongs to whoever runs it.
 */




const USAGE = `usage: contexta-gate bench-render --metrics <n> --slices <n>

  Renders the markdown comment of a synthetic report with <n> metrics × <n> slices (benchmarking).
`;
/** Tripped rows: every 7th slice of the first this-many metrics, like a wide slice regression. */
const FAILING_METRICS = 50;
const FAILING_GATES = 3;
const ENVIRONMENT = {
    status: 'compared',
    changed: false,
    python: null,
    platform: null,
    packagesAdded: [],
    packagesRemoved: [],
    packagesChanged: [],
    variableNamesAdded: [],
    variableNamesRemoved: [],
};
function metricDelta(key, slice, baseline, candidate) {
    const delta = candidate - baseline;
    return {
        stage: 'evaluate',
        key,
        slice,
        batch: null,
        unit: null,
        presence: 'both',
        status: 'compared',
        baseline,
        candidate,
        delta,
        relativeChange: baseline === 0 ? null : delta / Math.abs(baseline),
        ratio: baseline === 0 ? null : candidate / baseline,
        direction: 'higher',
        change: delta === 0 ? 'unchanged' : delta > 0 ? 'better' : 'worse',
        baselineCount: 1,
        candidateCount: 1,
        baselineNonFinite: 0,
        candidateNonFinite: 0,
        baselineDegraded: false,
        candidateDegraded: false,
        baselinePartial: false,
        candidatePartial: false,
        baselineReplicates: [],
        candidateReplicates: [],
        sampleLink: null,
        reason: null,
    };
}
function failingCheck(key, slice, baseline, candidate) {
    return {
        outcome: 'fail',
        project: 'bench',
        unit: 'run',
        stage: 'evaluate',
        metric: key,
        slice,
        subject: null,
        baseline,
        candidate,
        delta: candidate - baseline,
        relativeChange: (candidate - baseline) / baseline,
        direction: 'higher',
        limit: 'max_drop 0.05 (absolute)',
        n: null,
        sampleKey: null,
        pValue: null,
        interval: null,
        reason: `${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .metricLabel */ .B)('evaluate', key, slice)} dropped ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .formatChange */ .eD)(baseline, candidate)}, more than max_drop 0.05`,
        waiver: null,
    };
}
function gate(name, checks) {
    const worst = checks[0] ?? null;
    return {
        name,
        kind: 'regression',
        severity: 'fail',
        outcome: checks.length > 0 ? 'fail' : 'pass',
        message: worst ? worst.reason : `${name}: nothing tripped`,
        checks,
        worst,
        evidence: [],
        waivers: [],
    };
}
/**
 * `metrics` metrics in stage evaluate, each overall and per slice. A few slice rows drop by 0.1 and
 * trip one of three failing gates; a third of the rest are unchanged, the others move slightly.
 */
function syntheticReport(metrics, slices) {
    const rows = [];
    const tripped = [];
    for (let m = 0; m < metrics; m++) {
        const key = `metric-${String(m).padStart(5, '0')}`;
        rows.push(metricDelta(key, null, 0.8, m % 3 === 0 ? 0.8 : 0.8 + ((m % 11) - 5) / 1000));
        for (let s = 0; s < slices; s++) {
            const slice = `slice-${String(s).padStart(2, '0')}`;
            if (m < FAILING_METRICS && s % 7 === 0) {
                rows.push(metricDelta(key, slice, 0.9, 0.8));
                tripped.push(failingCheck(key, slice, 0.9, 0.8));
            }
            else {
                rows.push(metricDelta(key, slice, 0.7, (m + s) % 3 === 0 ? 0.7 : 0.7 + ((s % 5) - 2) / 1000));
            }
        }
    }
    const gates = Array.from({ length: FAILING_GATES }, (_, g) => gate(`slice floor ${g + 1}`, tripped.filter((_, i) => i % FAILING_GATES === g)));
    const baselineRun = {
        ref: 'run:bench.baseline',
        project: 'bench',
        name: 'baseline',
        status: 'completed',
    };
    const candidateRun = {
        ref: 'run:bench.candidate',
        project: 'bench',
        name: 'candidate',
        status: 'completed',
    };
    const comparison = {
        project: 'bench',
        unit: 'run',
        presence: 'both',
        baselineRun,
        candidateRun,
        stages: [],
        metrics: rows,
        samples: [],
        batches: [],
        artifacts: [],
        environment: ENVIRONMENT,
        notes: [],
    };
    const failing = gates.some((g) => g.outcome === 'fail');
    return {
        schemaVersion: _gates_types_js__WEBPACK_IMPORTED_MODULE_3__/* .GATE_REPORT_SCHEMA_VERSION */ .g,
        verdict: failing ? 'fail' : 'pass',
        exit: failing
            ? { outcome: 'fail', code: 1, reason: 'verdict fail' }
            : { outcome: 'pass', code: 0, reason: 'verdict pass' },
        headline: failing ? 'slice regressions found' : 'no regression',
        baseline: { kind: 'contexta', root: 'baseline/.contexta', runs: [baselineRun] },
        candidate: { kind: 'contexta', root: 'candidate/.contexta', runs: [candidateRun] },
        gates,
        comparisons: [comparison],
        findings: [],
        diagnostics: [],
        gaps: { baseline: [], candidate: [] },
        waivers: { accepted: [], rejected: [], unused: [] },
        notes: [],
        nextSteps: gates.filter((g) => g.outcome === 'fail').map((g) => `fix ${g.name}`),
        context: {},
    };
}
function count(flag, text) {
    const n = Number(text);
    if (text === undefined || !Number.isSafeInteger(n) || n < 0) {
        throw new Error(`--${flag} must be a whole number ≥ 0, got ${text ?? 'nothing'}`);
    }
    return n;
}
function benchRenderCommand(args, io) {
    let metrics;
    let slices;
    try {
        const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args,
            strict: true,
            allowPositionals: false,
            options: { metrics: { type: 'string' }, slices: { type: 'string' } },
        });
        metrics = count('metrics', values.metrics);
        slices = count('slices', values.slices);
    }
    catch (error) {
        io.stderr(`contexta-gate bench-render: ${error.message}\n${USAGE}`);
        return 2;
    }
    io.stdout((0,_report_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMarkdown */ .Gc)(syntheticReport(metrics, slices)));
    return 0;
}


/***/ }),

/***/ 4200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ summariseGaps),
/* harmony export */   Mk: () => (/* binding */ gapSampleText),
/* harmony export */   NK: () => (/* binding */ RepeatedRefs),
/* harmony export */   gG: () => (/* binding */ gapMessageWithPlaces),
/* harmony export */   uA: () => (/* binding */ GapSink)
/* harmony export */ });
/* unused harmony exports LINE_GAPS_PER_FILE_AND_CODE, GAPS_LISTED_PER_KIND, GAP_SAMPLE_SIZE, SKIPPING_CODES */
const LINE_GAPS_PER_FILE_AND_CODE = 50;
/** Entries of one kind listed one by one; one more and the kind is summarised. */
const GAPS_LISTED_PER_KIND = 100;
/** Occurrences a summary names by file and line. */
const GAP_SAMPLE_SIZE = 10;
const occurrences = (gap) => gap.count ?? 1;
/**
 * Keeps gaps in arrival order with at most `GAPS_LISTED_PER_KIND` entries per kind; the rest is
 * summarised in place of the kind's first entry.
 */
class BoundedGaps {
    slots = [];
    kinds = new Map();
    push(gap) {
        const key = `${gap.code}\u0000${gap.severity}\u0000${gap.runRef ?? ''}\u0000${gap.stage ?? ''}`;
        let kind = this.kinds.get(key);
        if (!kind) {
            kind = { slots: [], summary: null };
            this.kinds.set(key, kind);
        }
        if (kind.summary) {
            fold(kind.summary, gap);
            return;
        }
        if (kind.slots.length < GAPS_LISTED_PER_KIND) {
            kind.slots.push(this.slots.length);
            this.slots.push(gap);
            return;
        }
        const [firstSlot, ...rest] = kind.slots;
        const first = this.slots[firstSlot];
        const summary = { first, entries: 0, count: 0, sample: [] };
        for (const slot of kind.slots) {
            fold(summary, this.slots[slot]);
            this.slots[slot] = null;
        }
        fold(summary, gap);
        this.slots[firstSlot] = summary;
        for (const slot of rest)
            this.slots[slot] = null;
        kind.slots = [];
        kind.summary = summary;
    }
    /** Whether gaps of this kind are only counted by now (a per-file listing cap is then moot). */
    summarised(code, severity, attribution) {
        const key = `${code}\u0000${severity}\u0000${attribution.runRef ?? ''}\u0000${attribution.stage ?? ''}`;
        return (this.kinds.get(key)?.summary ?? null) !== null;
    }
    list() {
        const out = [];
        for (const slot of this.slots) {
            if (slot === null)
                continue;
            out.push('first' in slot ? summaryGap(slot) : slot);
        }
        return out;
    }
}
function fold(summary, gap) {
    summary.entries += 1;
    summary.count += occurrences(gap);
    if (summary.sample.length < GAP_SAMPLE_SIZE) {
        summary.sample.push({
            ...(gap.file !== undefined ? { file: gap.file } : {}),
            ...(gap.line !== undefined ? { line: gap.line } : {}),
            ...(gap.count !== undefined ? { count: gap.count } : {}),
        });
    }
}
function summaryGap(s) {
    const { first } = s;
    return {
        code: first.code,
        severity: first.severity,
        ...(first.file !== undefined ? { file: first.file } : {}),
        ...(first.line !== undefined ? { line: first.line } : {}),
        ...(first.runRef !== undefined ? { runRef: first.runRef } : {}),
        ...(first.stage !== undefined ? { stage: first.stage } : {}),
        count: s.count,
        sample: s.sample,
        message: `${s.count} occurrence(s) of ${first.code} in ${s.entries} gap entries, summarised as one entry (too many to list one by one); the first: ${first.message}`,
    };
}
/** "first at a.jsonl:1, b.jsonl:1, …" for a summary entry, empty for any other gap. */
function gapSampleText(gap) {
    if (!gap.sample || gap.sample.length === 0)
        return '';
    const places = gap.sample.map((o) => `${o.file ?? '?'}${o.line !== undefined ? `:${o.line}` : ''}`);
    return `first at ${places.join(', ')}${(gap.count ?? 0) > places.length ? ', …' : ''}`;
}
/** The gap's message, followed by where its first occurrences are when it summarises a kind. */
function gapMessageWithPlaces(gap) {
    const places = gapSampleText(gap);
    return places ? `${gap.message} (${places})` : gap.message;
}
/**
 * The same bound applied to gaps already collected elsewhere (several sources merged): a kind
 * repeated more than `GAPS_LISTED_PER_KIND` times becomes one summary entry.
 */
function summariseGaps(gaps) {
    const bounded = new BoundedGaps();
    for (const gap of gaps)
        bounded.push(gap);
    return bounded.list();
}
/** Gap codes whose line was not folded into the model (the record is lost). */
const SKIPPING_CODES = new Set([
    'truncated_line',
    'invalid_json_line',
    'invalid_encoding',
    'line_too_long',
    'nesting_too_deep',
    'duplicate_key',
    'number_out_of_range',
    'record_invalid',
    'unknown_record_type',
    'unknown_schema_version',
    'invalid_ref',
    'duplicate_record_ref',
]);
class GapSink {
    gaps = new BoundedGaps();
    perFileCode = new Map();
    overflow = new Map();
    tallies = new Map();
    calls = 0;
    /** How many problems were reported, however they were stored: 0 means a line read cleanly. */
    get reported() {
        return this.calls;
    }
    add(gap) {
        this.calls += 1;
        this.gaps.push(gap);
    }
    /** A problem on one line of a file; beyond the cap only counted. */
    line(code, severity, file, line, message, attribution = {}) {
        this.calls += 1;
        if (this.gaps.summarised(code, severity, attribution)) {
            this.gaps.push({ code, severity, file, line, message, ...attribution });
            return;
        }
        const key = `${file}\u0000${code}`;
        const seen = this.perFileCode.get(key) ?? 0;
        this.perFileCode.set(key, seen + 1);
        if (seen < LINE_GAPS_PER_FILE_AND_CODE) {
            this.gaps.push({ code, severity, file, line, message, ...attribution });
            return;
        }
        this.overflowLine(code, severity, file, line);
    }
    overflowLine(code, severity, file, line) {
        const key = `${file}\u0000${code}`;
        const over = this.overflow.get(key);
        if (over)
            over.count += 1;
        else
            this.overflow.set(key, { code, severity, file, count: 1, firstLine: line });
    }
    /**
     * A problem reported once per file and subject (e.g. an unknown field name) with a count and the
     * first few examples, however many lines have it.
     */
    tally(code, severity, file, subject, line, example, message) {
        this.calls += 1;
        const key = `${file}\u0000${code}\u0000${subject}`;
        const tally = this.tallies.get(key);
        if (tally) {
            tally.count += 1;
            if (example !== null && tally.examples.length < 5)
                tally.examples.push(example);
            return;
        }
        // Hostile input could invent a new subject (field name, family) on every line.
        const subjectsKey = `${file}\u0000${code}\u0000subjects`;
        const subjects = this.perFileCode.get(subjectsKey) ?? 0;
        if (subjects >= LINE_GAPS_PER_FILE_AND_CODE) {
            this.overflowLine(code, severity, file, line);
            return;
        }
        this.perFileCode.set(subjectsKey, subjects + 1);
        this.tallies.set(key, {
            code,
            severity,
            file,
            subject,
            count: 1,
            firstLine: line,
            examples: example === null ? [] : [example],
            message,
        });
    }
    finish() {
        for (const t of this.tallies.values()) {
            this.gaps.push({
                code: t.code,
                severity: t.severity,
                file: t.file,
                line: t.firstLine,
                count: t.count,
                message: t.message(t.count, t.examples),
            });
        }
        for (const o of this.overflow.values()) {
            this.gaps.push({
                code: o.code,
                severity: o.severity,
                file: o.file,
                line: o.firstLine,
                count: o.count,
                message: `${o.count} more line(s) with ${o.code} from line ${o.firstLine} on (not listed one by one)`,
            });
        }
        this.tallies.clear();
        this.overflow.clear();
        return this.gaps.list();
    }
}
/**
 * Counts the lines of one file that repeat a record_ref already read, and reports them as a single
 * `duplicate_record_ref` gap (first line, count, a few examples) rather than one gap per line.
 */
class RepeatedRefs {
    count = 0;
    firstLine = 0;
    examples = [];
    note(line, ref) {
        this.count += 1;
        if (this.firstLine === 0)
            this.firstLine = line;
        if (this.examples.length < 5)
            this.examples.push(ref);
    }
    /** `source` finishes "already read …", e.g. "from the capture cache"; empty for any source. */
    report(gaps, file, source) {
        if (this.count === 0)
            return;
        gaps.add({
            code: 'duplicate_record_ref',
            severity: 'warning',
            file,
            line: this.firstLine,
            count: this.count,
            message: `${this.count} line(s) repeat a record_ref already read${source ? ` ${source}` : ''} (e.g. ${this.examples.join(', ')}); the first occurrence of each was kept, the repeats skipped`,
        });
    }
}


/***/ }),

/***/ 3613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ metricLabel),
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   Gc: () => (/* binding */ metricTarget),
/* harmony export */   Gp: () => (/* binding */ formatSigned),
/* harmony export */   T1: () => (/* binding */ formatShare),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   eD: () => (/* binding */ formatChange),
/* harmony export */   jR: () => (/* binding */ formatDifference),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   td: () => (/* binding */ formatPValue),
/* harmony export */   vy: () => (/* binding */ formatInterval),
/* harmony export */   z3: () => (/* binding */ formatBytes),
/* harmony export */   zP: () => (/* binding */ formatStatistics)
/* harmony export */ });
/* unused harmony export ABSENT */
/**
 * The one place numbers, deltas, percentages, tests, sizes and metric labels are turned into text.
 * The PR comment, the terminal report, gate messages, findings and the CLI all quote values through
 * it, so a change reads the same wherever a reviewer meets it: `0.9618 → 0.8681 by −0.09375 (−9.7%)`,
 * `p = 0.004`, `evaluate/auc@region-apac`. Absent values read "absent", never 0 or an empty cell.
 */
const ABSENT = 'absent';
/** Up to 4 significant digits, thousands separated, exponent only below 0.0001. */
function formatNumber(value) {
    if (value === null)
        return ABSENT;
    if (!Number.isFinite(value))
        return String(value);
    if (value === 0)
        return '0';
    const abs = Math.abs(value);
    if (abs >= 10_000)
        return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
    if (abs >= 1_000)
        return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
    if (abs >= 1e-4)
        return trimZeros(value.toPrecision(4)).replace(/^(-?\d{4,})/, (m) => Number(m).toLocaleString('en-US'));
    return value.toExponential(2);
}
function trimZeros(text) {
    return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}
/** A signed difference: `+0.02`, `−0.088` (a real minus sign, so it reads as a number in prose). */
function formatSigned(value, magnitude = formatNumber) {
    if (value === null)
        return ABSENT;
    if (value === 0)
        return magnitude(0);
    const text = magnitude(Math.abs(value));
    return value > 0 ? `+${text}` : `−${text}`;
}
/** A signed relative change, `+18%`, `−9.7%`; empty when there is none (baseline zero, not compared). */
function formatPercent(fraction) {
    if (fraction === null || !Number.isFinite(fraction))
        return '';
    const pct = fraction * 100;
    const text = Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1);
    return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${text}%`;
}
/** A share, unsigned: a pass rate of 0.9 is `90%`. */
function formatShare(fraction) {
    return formatPercent(fraction === null ? null : Math.abs(fraction)).replace('+', '');
}
/** `+180.1 (+18%)`: a difference with its relative change when there is one. */
function formatDifference(delta, relative, magnitude = formatNumber) {
    const pct = delta === null ? '' : formatPercent(relative);
    return `${formatSigned(delta, magnitude)}${pct ? ` (${pct})` : ''}`;
}
/** `998.4 → 1,178.6 by +180.1 (+18%)`, with the relative change when the baseline is not zero. */
function formatChange(baseline, candidate, magnitude = formatNumber) {
    const delta = candidate - baseline;
    const relative = baseline === 0 ? null : delta / Math.abs(baseline);
    return `${magnitude(baseline)} → ${magnitude(candidate)} by ${formatDifference(delta, relative, magnitude)}`;
}
/** Two decimals, three below 0.1 so a value near the usual 0.05 level keeps its side of it. */
function formatPValue(p) {
    if (p === null)
        return '';
    if (p < 0.001)
        return 'p < 0.001';
    return `p = ${p >= 0.1 ? p.toFixed(2) : p.toFixed(3)}`;
}
/** `95% CI [−0.12, −0.03]`, or empty without an interval. */
function formatInterval(interval) {
    if (interval === null)
        return '';
    return `${Math.round(interval.level * 100)}% CI [${formatSigned(interval.low)}, ${formatSigned(interval.high)}]`;
}
/** `95% CI [−0.12, −0.03], p = 0.004` (`one-sided p` for a test against worsening), or empty without a test. */
function formatStatistics(interval, pValue, oneSided = false) {
    const p = formatPValue(pValue);
    return [formatInterval(interval), oneSided && p !== '' ? `one-sided ${p}` : p]
        .filter((s) => s !== '')
        .join(', ');
}
/** Sizes in binary units: `512 B`, `28.3 KiB`. */
function formatBytes(value) {
    if (value === null)
        return ABSENT;
    const abs = Math.abs(value);
    if (abs < 1024)
        return `${value} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let scaled = value / 1024;
    let unit = 0;
    while (Math.abs(scaled) >= 1024 && unit < units.length - 1) {
        scaled /= 1024;
        unit++;
    }
    return `${scaled.toFixed(1)} ${units[unit]}`;
}
/**
 * `evaluate/accuracy@region-apac`; a run-level metric is its bare key (`accuracy`), as the report's
 * tables show it. Without a metric the stage alone, without either an empty string.
 */
function metricLabel(stage, key, slice) {
    const base = [stage, key].filter((s) => s !== null).join('/');
    return slice === null ? base : `${base}@${slice}`;
}
/**
 * The metric as a selector or waiver target (`Gate-Waive: <stage>/<metric>`), where a run-level
 * metric needs the `run/` stage to be told apart from a gate name.
 */
function metricTarget(stage, key, slice) {
    return metricLabel(stage ?? 'run', key, slice);
}
/** Counts: `1,234`. */
function formatCount(value) {
    return value.toLocaleString('en-US');
}


/***/ })

};
