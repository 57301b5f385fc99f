export const id = 962;
export const ids = [962];
export const modules = {

/***/ 1169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ globMatch)
/* harmony export */ });
/**
 * `*` matches any run of characters, dots included, so `tokens.*` covers `tokens.prompt` and `*`
 * covers `latency-ms.p95`. Nothing else is special: metric keys may hold `.`, `-` and `_`.
 */
function globMatch(pattern, text) {
    if (!pattern.includes('*'))
        return pattern === text;
    const parts = pattern.split('*');
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (text.length < first.length + last.length)
        return false;
    if (!text.startsWith(first) || !text.endsWith(last))
        return false;
    let at = first.length;
    const end = text.length - last.length;
    for (let i = 1; i < parts.length - 1; i++) {
        const part = parts[i];
        const found = text.indexOf(part, at);
        if (found < 0 || found + part.length > end)
            return false;
        at = found + part.length;
    }
    return true;
}


/***/ }),

/***/ 3750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KT: () => (/* binding */ named),
/* harmony export */   MZ: () => (/* binding */ phrase),
/* harmony export */   Zk: () => (/* binding */ joinPhrases),
/* harmony export */   aL: () => (/* binding */ words)
/* harmony export */ });
/* unused harmony export Phrase */
/**
 * A sentence of our own words with the names it quotes from the evidence (stages, metric keys,
 * slices, runs, sample ids) kept apart. Names are untrusted: the comment shows them as code spans,
 * where GitHub links no `@mention` or `#123` reference, so nothing a reviewer may copy needs an
 * invisible or look-alike character; a terminal shows them as they are. A phrase reads as its plain
 * text wherever a string is expected (`String(p)`, template literals, JSON).
 */
class Phrase {
    parts;
    constructor(parts) {
        // Adjacent words are merged so renderers see one text run between two names.
        const merged = [];
        for (const part of parts) {
            const last = merged.length - 1;
            if (typeof part === 'string') {
                if (part === '')
                    continue;
                if (last >= 0 && typeof merged[last] === 'string')
                    merged[last] = `${merged[last]}${part}`;
                else
                    merged.push(part);
            }
            else
                merged.push(part);
        }
        this.parts = merged;
    }
    get text() {
        return this.parts.map((p) => (typeof p === 'string' ? p : p.name)).join('');
    }
    toString() {
        return this.text;
    }
    toJSON() {
        return this.text;
    }
    /** The same phrase with its first letter upper-cased, when that letter is ours. */
    capitalised() {
        const [first, ...rest] = this.parts;
        if (typeof first !== 'string')
            return this;
        return new Phrase([first.charAt(0).toUpperCase() + first.slice(1), ...rest]);
    }
}
function named(name) {
    return { name };
}
function partsOf(value) {
    if (value instanceof Phrase)
        return [...value.parts];
    if (typeof value === 'number')
        return [String(value)];
    return [value];
}
/** `phrase\`inspect slice ${named(slice)}\``: literal text and numbers are ours, `named()` values are names. */
function phrase(strings, ...values) {
    const parts = [];
    strings.forEach((s, i) => {
        parts.push(s);
        if (i < values.length)
            parts.push(...partsOf(values[i]));
    });
    return new Phrase(parts);
}
/** Phrases (or names) joined by our separator, e.g. a list of sample ids. */
function joinPhrases(items, separator) {
    return new Phrase(items.flatMap((item, i) => (i === 0 ? partsOf(item) : [separator, ...partsOf(item)])));
}
/** A whole string of our own words, e.g. a message already worded without names. */
function words(text) {
    return new Phrase([text]);
}


/***/ }),

/***/ 2749:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ nameRanges)
/* harmony export */ });
/**
 * Sample names as ranges: `s-0600…s-0637` instead of 38 names. Names that end in a number are
 * grouped by what comes before it and by how many digits it has, so `s-0600` and `s-600` never
 * join; everything else stays a name of its own.
 */
function numbered(name) {
    const match = /^(.*?)(\d{1,15})$/.exec(name);
    if (!match)
        return null;
    return { name, head: match[1], digits: match[2], value: Number(match[2]) };
}
function follows(previous, next) {
    return (previous.head === next.head &&
        previous.digits.length === next.digits.length &&
        next.value === previous.value + 1);
}
/**
 * `names` as at most `cap` items; `total` is how many names there are in all (a list that was
 * already capped upstream has more than it holds).
 */
function nameRanges(names, total, cap = 8) {
    const unique = [...new Set(names)];
    const parsed = unique.map((name) => ({ name, n: numbered(name) }));
    parsed.sort((a, b) => {
        if (a.n && b.n && a.n.head === b.n.head && a.n.digits.length === b.n.digits.length)
            return a.n.value - b.n.value;
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    const groups = [];
    let run = null;
    const flush = () => {
        if (run)
            groups.push({ first: run.first.name, last: run.last.name, size: run.size });
        run = null;
    };
    for (const { name, n } of parsed) {
        if (n === null) {
            flush();
            groups.push({ first: name, last: name, size: 1 });
            continue;
        }
        const current = run;
        if (current !== null && follows(current.last, n)) {
            current.last = n;
            current.size++;
            continue;
        }
        flush();
        run = { first: n, last: n, size: 1 };
    }
    flush();
    const kept = groups.slice(0, cap);
    const shown = kept.reduce((sum, g) => sum + g.size, 0);
    return {
        items: kept.map((g) => (g.size === 1 ? g.first : `${g.first}…${g.last}`)),
        shown,
        more: Math.max(0, Math.max(total, unique.length) - shown),
    };
}


/***/ }),

/***/ 4102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CR: () => (/* binding */ UNMATCHED),
/* harmony export */   HD: () => (/* binding */ gapOutcome),
/* harmony export */   Lk: () => (/* binding */ finishResult),
/* harmony export */   Ve: () => (/* binding */ refreshResult),
/* harmony export */   dR: () => (/* binding */ headlineGates),
/* harmony export */   gv: () => (/* binding */ MISSING_METRIC),
/* harmony export */   z6: () => (/* binding */ check)
/* harmony export */ });
/** `subject` of the row of a selected metric the candidate lacks or holds only non-finite values of. */
const MISSING_METRIC = 'missing_metric';
/** `subject` of the row of a gate entry that matches nothing in either run (a config problem). */
const UNMATCHED = 'unmatched';
function check(draft) {
    return {
        stage: null,
        metric: null,
        slice: null,
        subject: null,
        baseline: null,
        candidate: null,
        delta: null,
        relativeChange: null,
        direction: null,
        limit: null,
        n: null,
        sampleKey: null,
        pValue: null,
        interval: null,
        waiver: null,
        ...draft,
    };
}
const TRIPPED = new Set(['fail', 'warn']);
const RANK = { fail: 0, warn: 1, unknown: 2, waived: 3, pass: 4 };
/** A gate's outcome from its rows: any failing row trips the gate at the gate's severity. */
function gateOutcome(severity, checks) {
    if (checks.length === 0)
        return 'skipped';
    if (checks.some((c) => c.outcome === 'fail'))
        return severity === 'fail' ? 'fail' : 'warn';
    if (checks.some((c) => c.outcome === 'warn'))
        return 'warn';
    if (checks.some((c) => c.outcome === 'unknown'))
        return 'unknown';
    if (checks.some((c) => c.outcome === 'waived'))
        return 'waived';
    return 'pass';
}
function gapOutcome(action) {
    return action === 'fail' ? 'fail' : action === 'warn' ? 'warn' : null;
}
/** Tripped rows first; within an outcome, emission order (gates emit in a meaningful order). */
function sortChecks(checks) {
    return checks.sort((a, b) => RANK[a.outcome] - RANK[b.outcome] || a.project.localeCompare(b.project) || a.unit.localeCompare(b.unit));
}
function closeness(c) {
    if (c.delta === null || c.baseline === null)
        return Number.NEGATIVE_INFINITY;
    const worsening = c.direction === 'lower' ? c.delta : -c.delta;
    return c.baseline === 0 ? worsening : worsening / Math.abs(c.baseline);
}
/** The row to headline: the worst tripped row, else the one closest to its limit. */
function worstCheck(checks) {
    if (checks.length === 0)
        return null;
    const top = Math.min(...checks.map((c) => RANK[c.outcome]));
    const candidates = checks.filter((c) => RANK[c.outcome] === top);
    return candidates.reduce((best, c) => (closeness(c) > closeness(best) ? c : best));
}
/** The gate's message: what tripped (or why it passed), then the user's own message. */
function gateMessage(gate, outcome, checks, skipReason) {
    const tripped = checks.filter((c) => TRIPPED.has(c.outcome));
    const unknown = checks.filter((c) => c.outcome === 'unknown');
    const waived = checks.filter((c) => c.outcome === 'waived');
    const list = (rows) => rows
        .slice(0, 3)
        .map((c) => c.reason)
        .join('; ') + (rows.length > 3 ? `; and ${rows.length - 3} more` : '');
    let text;
    switch (outcome) {
        case 'skipped':
            text = skipReason;
            break;
        case 'pass':
            text = checks.length === 1 ? checks[0].reason : `all ${checks.length} checks pass`;
            break;
        case 'waived':
            text = `waived: ${list(waived)}`;
            break;
        case 'unknown':
            text = `cannot judge: ${list(unknown)}`;
            break;
        default:
            text = list(tripped);
    }
    const own = gate.message !== null && (outcome === 'fail' || outcome === 'warn') ? ` — ${gate.message}` : '';
    return text + own;
}
/**
 * `skipReason` says why a gate without rows judged nothing: "no baseline: …", "no match: …". A skip
 * always names its cause, so a gate that judged nothing never reads like one that passed.
 */
function finishResult(gate, checks, evidence, skipReason = 'nothing judged') {
    const sorted = sortChecks(checks);
    const outcome = gateOutcome(gate.severity, sorted);
    return {
        name: gate.name,
        kind: gate.kind,
        severity: gate.severity,
        outcome,
        message: gateMessage(gate, outcome, sorted, skipReason),
        checks: sorted,
        worst: worstCheck(sorted),
        evidence,
        waivers: [],
    };
}
/** Recomputes outcome, message and worst row after rows changed (waivers). */
function refreshResult(result, message) {
    const checks = sortChecks([...result.checks]);
    const outcome = gateOutcome(result.severity, checks);
    return {
        ...result,
        checks,
        outcome,
        message: outcome === 'skipped' && result.outcome === 'skipped'
            ? result.message
            : gateMessage({ name: result.name, message }, outcome, checks, 'nothing judged'),
        worst: worstCheck(checks),
    };
}
/**
 * The gates a verdict's headline quotes: the failing ones for a fail, the undecided ones for an
 * unknown, the warning ones for a warn, none for a pass.
 */
function headlineGates(verdict, gates) {
    if (verdict === 'pass')
        return [];
    const outcome = verdict === 'fail' ? 'fail' : verdict === 'unknown' ? 'unknown' : 'warn';
    return gates.filter((g) => g.outcome === outcome);
}


/***/ }),

/***/ 2301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ GATE_REPORT_SCHEMA_VERSION)
/* harmony export */ });
/**
 * The result of evaluating a gate config against a comparison: what the engine hands to the report
 * renderers, the action and the CLI. Plain JSON throughout; `schemaVersion` changes only when a field
 * is removed or changes meaning (additions keep the version).
 */
const GATE_REPORT_SCHEMA_VERSION = 1;


/***/ }),

/***/ 1693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ applyWaivers),
/* harmony export */   Nk: () => (/* binding */ WAIVER_LABEL_PREFIX),
/* harmony export */   dU: () => (/* binding */ parseWaivers)
/* harmony export */ });
/* harmony import */ var _compare_glob_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1169);

/**
 * Why a request from `who` is not trusted: the caller's reason ("signature not verified", "write
 * access unverified: …") when it gave one, else the default — no write access.
 */
function distrustReason(who, distrust) {
    return distrust ?? `${who} has no write access to the repository`;
}
const WAIVER_LABEL_PREFIX = 'gate-waive:';
const TRAILER = /^gate-waive:[ \t]*(.*)$/gim;
/** `<target>[@<slice>]: <reason>`; the target is a gate name or `<stage>/<metric>`. */
const TRAILER_VALUE = /^(?<target>[^:@]+?)(?:@(?<slice>[^:\s]+))?\s*:\s*(?<reason>\S.*)$/;
/**
 * Turns labels `gate-waive:<gate name>` and commit trailers `Gate-Waive: <target>[@<slice>]: <reason>`
 * into waivers. Requests from untrusted people, of a kind the policy disables, or that cannot be
 * parsed are returned as rejected with the reason, so the report can show them.
 */
function parseWaivers(requests, policy) {
    const accepted = [];
    const rejected = [];
    const author = requests.prAuthor ?? null;
    const selfWaiver = (who) => !policy.waivers.self && author !== null && who.toLowerCase() === author.toLowerCase();
    const selfReason = (who) => `${who} is the pull request's author; authors cannot waive their own gates unless policy.waivers.self is true`;
    for (const label of requests.labels ?? []) {
        if (!label.name.toLowerCase().startsWith(WAIVER_LABEL_PREFIX))
            continue;
        const target = label.name.slice(WAIVER_LABEL_PREFIX.length).trim();
        const reject = (reason) => rejected.push({ text: label.name, source: 'label', grantedBy: label.grantedBy, reason });
        if (!policy.waivers.labels)
            reject('label waivers are disabled by policy.waivers.labels');
        else if (selfWaiver(label.grantedBy))
            reject(selfReason(label.grantedBy));
        else if (!label.trusted)
            reject(distrustReason(label.grantedBy, label.distrust));
        else if (target === '')
            reject('the label names no gate ("gate-waive:<gate name>")');
        else {
            accepted.push({
                target,
                slice: null,
                reason: `label ${label.name} applied by ${label.grantedBy}`,
                grantedBy: label.grantedBy,
                source: 'label',
            });
        }
    }
    for (const commit of requests.commits ?? []) {
        for (const match of commit.message.matchAll(TRAILER)) {
            const text = match[0].trim();
            const reject = (reason) => rejected.push({ text, source: 'trailer', grantedBy: commit.author, reason });
            const value = TRAILER_VALUE.exec(match[1].trim());
            if (!policy.waivers.trailers)
                reject('trailer waivers are disabled by policy.waivers.trailers');
            else if (selfWaiver(commit.author))
                reject(selfReason(commit.author));
            else if (!commit.trusted)
                reject(distrustReason(commit.author, commit.distrust));
            else if (!value?.groups) {
                reject('expected "Gate-Waive: <stage>/<metric>[@<slice>]: <reason>" or "Gate-Waive: <gate name>: <reason>"');
            }
            else {
                accepted.push({
                    target: value.groups.target.trim(),
                    slice: value.groups.slice ?? null,
                    reason: value.groups.reason.trim(),
                    grantedBy: commit.author,
                    source: 'trailer',
                });
            }
        }
    }
    return { accepted, rejected };
}
function coversGate(waiver, gate) {
    return waiver.slice === null && waiver.target.toLowerCase() === gate.name.toLowerCase();
}
/** `<stage>/<metric>` targets cover rows of that metric (stage `*` and key globs allowed). */
function coversCheck(waiver, row) {
    const slash = waiver.target.indexOf('/');
    if (slash < 0 || row.metric === null)
        return false;
    const stage = waiver.target.slice(0, slash).trim();
    const key = waiver.target.slice(slash + 1).trim();
    const stageOk = stage === '*' || (row.stage === null ? stage === 'run' : (0,_compare_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globMatch */ .e)(stage, row.stage));
    if (!stageOk || !(0,_compare_glob_js__WEBPACK_IMPORTED_MODULE_0__/* .globMatch */ .e)(key, row.metric))
        return false;
    return waiver.slice === null || waiver.slice === row.slice;
}
/**
 * Marks tripped rows covered by a waiver as `waived` (keeping who and why on the row) and recomputes
 * each gate. A waived gate stays in the report with its rows; only its outcome changes.
 */
function applyWaivers(results, waivers, refresh) {
    const used = new Set();
    const out = results.map((result) => {
        let changed = false;
        const applied = new Set();
        const checks = result.checks.map((row) => {
            if (row.outcome !== 'fail' && row.outcome !== 'warn')
                return row;
            const waiver = waivers.find((w) => coversGate(w, result) || coversCheck(w, row));
            if (!waiver)
                return row;
            used.add(waiver);
            applied.add(waiver);
            changed = true;
            return { ...row, outcome: 'waived', waiver };
        });
        if (!changed)
            return result;
        return refresh({ ...result, checks, waivers: [...applied] });
    });
    return { results: out, unused: waivers.filter((w) => !used.has(w)) };
}


/***/ }),

/***/ 9678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hF: () => (/* reexport */ renderJson),
  Gc: () => (/* reexport */ renderMarkdown),
  S5: () => (/* reexport */ renderText)
});

// UNUSED EXPORTS: DEFAULT_MARKER, DEFAULT_MAX_CHARS, REPORT_FORMAT, escapeText, fitToBudget, inlineCode, markerComment, tableHeader, tableRow, toSingleLine, trendChart, truncateText

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for untrusted text (metric, slice, sample, run and stage names, messages, paths) that we
 * put into GitHub-flavoured markdown. Everything here comes from a workspace a pull request can
 * write, so it must not be able to break out of a table cell, start a block, or make GitHub render
 * HTML, links, images, mentions, issue references or autolinks in a comment posted with our token.
 *
 * The rules follow cmark-gfm, the parser GitHub uses:
 * - A table row is split at every `|` that is not part of a backslash escape, before any inline
 *   parsing (`\` + any ASCII punctuation is one escape, so `\\|` still splits). We therefore never
 *   emit a bare `|` from escaped text: it becomes the entity `&#124;`.
 * - Mentions, issue references and autolinks are found in the rendered text, after entities and
 *   backslash escapes are resolved, so escaping `@` or `#` does not stop them. GitHub never links
 *   inside code, so a word that could become one goes into a code span: what a reader copies is
 *   exactly the name, with no invisible or look-alike characters.
 */
const ELLIPSIS = '…';
const LINE_BREAK_MARK = '⏎';
const REPLACEMENT = '\ufffd';
/** Default cap for one piece of untrusted text, in code points. */
const DEFAULT_MAX_TEXT_LENGTH = 200;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/**
 * C0/C1 controls (tab handled separately), bidirectional overrides and isolates (which can make
 * a name read differently from what it is), and lone surrogates (invalid UTF-16 that some
 * renderers turn into garbage).
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Replaces line breaks and control characters so the text is one safe line. */
function toSingleLine(text) {
    return text.replace(LINE_BREAKS, LINE_BREAK_MARK).replace(/\t/g, ' ').replace(UNSAFE_CHARS, REPLACEMENT);
}
/** Caps `text` at `maxLength` code points, ending in an ellipsis when something was cut. */
function truncateText(text, maxLength) {
    if (!Number.isFinite(maxLength) || text.length <= maxLength)
        return text;
    const limit = Math.max(1, Math.floor(maxLength));
    // Iterating by code point keeps surrogate pairs whole; the early exit bounds the work.
    let out = '';
    let count = 0;
    for (const ch of text) {
        if (count === limit)
            return `${stripTrailingPartial(out, limit)}${ELLIPSIS}`;
        out += ch;
        count++;
    }
    return out;
}
/** Removes the last code point so `out` plus the ellipsis has `limit` code points. */
function stripTrailingPartial(out, limit) {
    if (limit <= 1)
        return '';
    const last = out.codePointAt(out.length - 1);
    const width = last !== undefined && last >= 0xdc00 && last <= 0xdfff ? 2 : 1;
    return out.slice(0, out.length - width);
}
/**
 * Characters that would start inline markup. `|`, `<`, `>`, `&` become entities (a backslash-escaped
 * pipe can still be turned into a cell split by a preceding backslash); the rest are backslash-escaped.
 */
const INLINE_SPECIAL = /[\\`*_~[\]()!#$|<>&]/g;
const ENTITIES = { '|': '&#124;', '<': '&lt;', '>': '&gt;', '&': '&amp;' };
/**
 * A word GitHub would turn into a link: a mention or email (`@`), an issue reference (`#12`,
 * `GH-12`), an autolink (`scheme://`, `www.`). Words end at whitespace and at `|`, which never
 * goes into a code span outside our table handling.
 */
const LINKABLE_WORD = /[^\s|]*(?:@|#\d|\bgh-\d|:\/\/|\bwww\.)[^\s|]*/gi;
function escapePlain(text) {
    return text.replace(INLINE_SPECIAL, (ch) => ENTITIES[ch] ?? `\\${ch}`);
}
/**
 * Escapes untrusted text for use in markdown: a table cell, a list item, a paragraph. The result is
 * a single line that renders as the literal text (with line breaks shown as ⏎ and control
 * characters as �), capped at `maxLength` code points. Not for raw HTML such as `<summary>`, where
 * markdown is not parsed: summaries hold only our own words and counts.
 */
function escape_escapeText(text, options = {}) {
    const capped = truncateText(toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
    let out = '';
    let last = 0;
    for (const match of capped.matchAll(LINKABLE_WORD)) {
        // Sentence punctuation after a name stays outside its code span.
        const word = match[0].replace(/[.,;:!?)\]]+$/, '');
        if (!/@|#\d|gh-\d|:\/\/|www\./i.test(word))
            continue;
        out += escapePlain(capped.slice(last, match.index));
        out += inlineCode(word, { maxLength: Number.POSITIVE_INFINITY });
        last = match.index + word.length;
    }
    out += escapePlain(capped.slice(last));
    // Block syntax only matters at the start of a line; escaped text may be placed there (a list
    // item, a paragraph), so a leading list/heading/quote marker must not take effect.
    if (options.midLine)
        return out;
    return out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.');
}
/**
 * Renders untrusted text as an inline code span. The fence is one backtick longer than the longest
 * backtick run inside, and the content is padded with a space on each side (CommonMark strips
 * exactly one from each side), so no content can close the span early. Mentions and autolinks are
 * not processed inside code spans, so the name is shown exactly as recorded.
 */
function inlineCode(text, options = {}) {
    const content = truncateText(toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
    if (options.inTable && content.includes('|')) {
        return content
            .split('|')
            .map((piece) => (piece === '' ? '' : codeSpan(piece)))
            .join('&#124;');
    }
    return codeSpan(content);
}
function codeSpan(content) {
    let longestRun = 0;
    for (const run of content.match(/`+/g) ?? [])
        longestRun = Math.max(longestRun, run.length);
    const fence = '`'.repeat(longestRun + 1);
    return `${fence} ${content} ${fence}`;
}
/** A markdown table row from cells that are already safe (escaped or built by us). */
function tableRow(cells) {
    return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}
/** Header and delimiter rows of a table; headers are our own text, not escaped. */
function tableHeader(headers, align = []) {
    const delimiters = headers.map((_, i) => {
        switch (align[i]) {
            case 'right':
                return '---:';
            case 'center':
                return ':---:';
            default:
                return '---';
        }
    });
    return `${tableRow(headers)}\n${tableRow(delimiters)}`;
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** Identifies the document type to consumers that read several kinds of JSON. */
const REPORT_FORMAT = 'contexta-gate/report';
const LEADING_KEYS = ['format', 'schemaVersion', 'verdict', 'exit', 'headline'];
function compareKeys(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * An object with its key order fixed. Plain JS objects cannot hold it: integer-like keys ("9",
 * "10") always enumerate first in numeric order, whatever order they were inserted in.
 */
class Ordered {
    entries;
    constructor(entries) {
        this.entries = entries;
    }
}
function plain(value, seen) {
    if (value === null)
        return null;
    switch (typeof value) {
        case 'number':
            return Number.isFinite(value) ? value : null;
        case 'string':
        case 'boolean':
            return value;
        case 'bigint':
            return value.toString();
        case 'object':
            break;
        default:
            return undefined;
    }
    const object = value;
    if (seen.has(object))
        throw new TypeError('renderJson: the report contains a cycle');
    seen.add(object);
    try {
        if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
            return Array.from(object, (v) => plain(v, seen) ?? null);
        }
        if (Array.isArray(object))
            return object.map((v) => plain(v, seen) ?? null);
        if (object instanceof Set)
            return [...object].map((v) => plain(v, seen) ?? null);
        if (object instanceof Date)
            return Number.isNaN(object.getTime()) ? null : object.toISOString();
        // Values that say how they read as JSON (a Phrase reads as its plain text).
        const toJSON = object.toJSON;
        if (typeof toJSON === 'function')
            return plain(toJSON.call(object), seen);
        const entries = object instanceof Map
            ? [...object].map(([k, v]) => [String(k), v])
            : Object.entries(object);
        const out = [];
        for (const [key, v] of entries.sort(([a], [b]) => compareKeys(a, b))) {
            const converted = plain(v, seen);
            if (converted !== undefined)
                out.push([key, converted]);
        }
        return new Ordered(out);
    }
    finally {
        seen.delete(object);
    }
}
function serialise(value, indent, depth) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    const items = value instanceof Ordered
        ? value.entries.map(([k, v]) => `${JSON.stringify(k)}:${indent ? ' ' : ''}${serialise(v, indent, depth + 1)}`)
        : value.map((v) => serialise(v, indent, depth + 1));
    const [open, close] = value instanceof Ordered ? ['{', '}'] : ['[', ']'];
    if (items.length === 0)
        return open + close;
    if (!indent)
        return `${open}${items.join(',')}${close}`;
    const inner = indent.repeat(depth + 1);
    return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${indent.repeat(depth)}${close}`;
}
function ordered(report) {
    const body = plain(report, new Set());
    const byKey = new Map(body.entries);
    const leading = [['format', REPORT_FORMAT]];
    for (const key of LEADING_KEYS) {
        const v = byKey.get(key);
        if (key !== 'format' && v !== undefined)
            leading.push([key, v]);
    }
    const rest = body.entries.filter(([key]) => !LEADING_KEYS.includes(key));
    return new Ordered([...leading, ...rest]);
}
/** The report as JSON text: fixed key order, plain values, one trailing newline. */
function renderJson(report, options = {}) {
    return `${serialise(ordered(report), ' '.repeat(options.indent ?? 2), 0)}\n`;
}

// EXTERNAL MODULE: ./src/format/numbers.ts
var numbers = __webpack_require__(3613);
// EXTERNAL MODULE: ./src/format/phrase.ts
var phrase = __webpack_require__(3750);
// EXTERNAL MODULE: ./src/gates/results.ts
var results = __webpack_require__(4102);
;// CONCATENATED MODULE: ./src/report/budget.ts
/**
 * Fits a markdown document into a character budget by leaving out its least important rows first.
 *
 * A document is a sequence of parts. Text parts are always kept. Row lists (table bodies, bullet
 * lists) hold rows with a tier: tier 0 is never left out (a failing gate, a regressing metric);
 * higher tiers go first (unchanged metric rows before passing slice rows before long sample
 * lists, …). Rows are kept lowest tier first and, within a tier, in document order, so each list
 * keeps its most important rows when it is ordered most-important-first. Rows are measured as
 * they are rendered and rendering stops at the budget, so a report with 100,000 rows costs about
 * as much as one that fits. Every omission is counted and described, in the list itself and in
 * one note for the whole document.
 *
 * Length is measured in UTF-16 code units (`string.length`), which is never less than the number
 * of characters GitHub counts, so staying under the budget here means staying under it there.
 */
const PART_SEPARATOR = '\n\n';
function formatCount(count) {
    return count.toLocaleString('en-US');
}
/** The line placed under a list that lost rows. */
function listOmissionLine(omissions) {
    const parts = omissions.map((o) => `${o.what} (${formatCount(o.count)})`);
    return `_… not shown here: ${parts.join(', ')}; see the full report._`;
}
function tally(rows) {
    const counts = new Map();
    for (const row of rows)
        counts.set(row.what, (counts.get(row.what) ?? 0) + 1);
    return [...counts].map(([what, count]) => ({ what, count }));
}
/** Renders rows on first use only: rows that are left out are never rendered. */
class RowTexts {
    parts;
    cache;
    constructor(parts) {
        this.parts = parts;
        this.cache = parts.map((part) => part.kind === 'rows' ? new Array(part.rows.length) : []);
    }
    get(part, row) {
        const cached = this.cache[part][row];
        if (cached !== undefined)
            return cached;
        const source = this.parts[part].rows[row].text;
        const text = typeof source === 'string' ? source : source();
        this.cache[part][row] = text;
        return text;
    }
}
function renderParts(parts, texts, kept, note) {
    const out = [];
    parts.forEach((part, index) => {
        if (part.kind === 'text') {
            if (part.text !== '')
                out.push(part.text);
            return;
        }
        if (part.kind === 'note') {
            if (note !== '')
                out.push(note);
            return;
        }
        const keep = kept[index];
        const lines = [];
        const gone = [];
        part.rows.forEach((row, i) => {
            if (keep.has(i))
                lines.push(texts.get(index, i));
            else
                gone.push(row);
        });
        const pieces = [];
        if (part.open !== '')
            pieces.push(part.open);
        if (lines.length > 0)
            pieces.push((part.rowsHead ? [part.rowsHead, ...lines] : lines).join('\n'));
        if (gone.length > 0)
            pieces.push(listOmissionLine(tally(gone)));
        if (part.close !== '')
            pieces.push(part.close);
        if (pieces.length > 0)
            out.push(pieces.join(PART_SEPARATOR));
    });
    return out.join(PART_SEPARATOR) + '\n';
}
/** Rows in the order they are kept: lowest tier first, then document order. */
function keepOrder(parts) {
    const refs = [];
    parts.forEach((part, p) => {
        if (part.kind !== 'rows')
            return;
        part.rows.forEach((row, r) => {
            refs.push({ part: p, row: r, tier: row.tier });
        });
    });
    // Array.prototype.sort is stable, so document order holds within a tier.
    return refs.sort((a, b) => a.tier - b.tier);
}
/**
 * Cuts `markdown` at a line boundary so it fits `room`, then closes every `<details>` left open.
 * Our escaped text never contains `<`, so counting the tags we wrote is exact.
 */
function cutToFit(markdown, room) {
    let head = markdown.slice(0, Math.max(0, room));
    const lastBreak = head.lastIndexOf('\n');
    if (lastBreak > 0)
        head = head.slice(0, lastBreak);
    const open = (head.match(/<details[\s>]/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
    return head + '\n\n</details>'.repeat(Math.max(0, open));
}
/**
 * Keeps rows in keep order while they fit, measuring each as it is rendered; once one does not
 * fit, it and every row after it in keep order are left out. Tier-0 rows are always kept.
 */
function fitToBudget(parts, options) {
    const texts = new RowTexts(parts);
    const order = keepOrder(parts);
    const alwaysKept = order.filter((ref) => ref.tier === 0).length;
    const skeleton = renderParts(parts, texts, parts.map(() => new Set()), '').length;
    let target = options.maxChars;
    // Notes are written after we know what was left out; when they push the document over, aim lower
    // by the overshoot and try again. The target falls every pass, so this ends.
    for (;;) {
        const kept = parts.map(() => new Set());
        let used = skeleton;
        let next = 0;
        for (; next < order.length; next++) {
            const ref = order[next];
            const part = parts[ref.part];
            const head = kept[ref.part].size === 0 && part.rowsHead ? part.rowsHead.length + 1 : 0;
            const cost = texts.get(ref.part, ref.row).length + 1 + head;
            if (ref.tier > 0 && used + cost > target)
                break;
            kept[ref.part].add(ref.row);
            used += cost;
        }
        // Listed in the order they were given up: the least important kind first.
        const omissions = tally(order
            .slice(next)
            .reverse()
            .map((ref) => parts[ref.part].rows[ref.row]));
        const note = omissions.length === 0 ? '' : options.describeOmissions(omissions, false);
        const markdown = renderParts(parts, texts, kept, note);
        if (markdown.length <= options.maxChars)
            return { markdown, omissions, cut: false };
        if (next <= alwaysKept) {
            const cutNote = options.describeOmissions(omissions, true);
            const rendered = renderParts(parts, texts, kept, cutNote);
            // Room for the note (if the cut loses it) and for closing a few open `<details>`.
            let cut = cutToFit(rendered, options.maxChars - cutNote.length - 64);
            if (!cut.includes(cutNote))
                cut += `${PART_SEPARATOR}${cutNote}`;
            return { markdown: `${cut}\n`, omissions, cut: true };
        }
        target -= markdown.length - options.maxChars;
    }
}

;// CONCATENATED MODULE: ./src/report/format.ts


const VERDICT_LABEL = {
    pass: 'PASS',
    warn: 'WARN',
    fail: 'FAIL',
    unknown: 'UNKNOWN',
};
/** Unknown gets a grey question mark: it must never read as a pass. */
const VERDICT_EMOJI = {
    pass: '✅',
    warn: '⚠️',
    fail: '❌',
    unknown: '❔',
};
const OUTCOME_EMOJI = {
    pass: '✅',
    warn: '⚠️',
    fail: '❌',
    unknown: '❔',
    waived: '🟡',
    skipped: '⏭️',
};
/** Order in which gates and checks are shown: what needs attention first. */
const OUTCOME_RANK = {
    fail: 0,
    warn: 1,
    unknown: 2,
    waived: 3,
    pass: 4,
    skipped: 5,
};
/** ▲/▼ for the direction of the number, and whether that is better or worse for this metric. */
function changeArrow(delta) {
    switch (delta.status) {
        case 'added':
            return 'added';
        case 'removed':
            return 'removed';
        case 'not_comparable':
            return 'not comparable';
        default:
            return arrow(delta.delta, delta.change);
    }
}
function arrow(delta, change) {
    if (change === 'unchanged' || delta === 0)
        return '= unchanged';
    const symbol = delta !== null && delta > 0 ? '▲' : '▼';
    switch (change) {
        case 'better':
            return `${symbol} better`;
        case 'worse':
            return `${symbol} worse`;
        default:
            return `${symbol} neutral`;
    }
}
/**
 * Whether metric rows name their run/unit: when several were compared, and always for metalab, whose
 * unit is the parameter combination a number belongs to.
 */
function rowsNameUnit(report) {
    return report.comparisons.length > 1 || report.candidate.kind === 'metalab';
}
/** Identity of a metric row across comparisons, gate checks and sample links. */
function metricKey(project, unit, stage, metric, slice) {
    // NUL cannot occur in names read from JSON lines without an escape, and `null` gets its own token.
    return [project, unit, stage ?? '\u0001', metric ?? '\u0001', slice ?? '\u0001'].join('\u0000');
}
function indexChecks(report) {
    const flagged = new Map();
    const tested = new Map();
    for (const gate of report.gates) {
        for (const check of gate.checks) {
            if (check.metric === null)
                continue;
            const key = metricKey(check.project, check.unit, check.stage, check.metric, check.slice);
            if (check.outcome !== 'pass') {
                const list = flagged.get(key) ?? [];
                // A row that trips a warn-severity gate warns; calling it a failure would overstate it.
                list.push(gate.severity === 'warn' && check.outcome === 'fail' ? { ...check, outcome: 'warn' } : check);
                flagged.set(key, list);
            }
            if ((check.pValue !== null || check.interval !== null) && !tested.has(key))
                tested.set(key, check);
        }
    }
    return { flagged, tested };
}
/**
 * The test behind a compared metric row: the gate check's own, else the linked sample series'.
 * Rows that were not compared on both sides have none, whatever a gate looked at.
 */
function rowStatistics(report, index, comparison, delta) {
    if (delta.status !== 'compared')
        return null;
    const checked = index.tested.get(metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice));
    if (checked) {
        const d = delta.delta;
        const improves = d !== null && ((checked.direction === 'higher' && d > 0) || (checked.direction === 'lower' && d < 0));
        return { interval: checked.interval, pValue: improves ? null : checked.pValue, oneSided: true };
    }
    const test = linkedTest(report, comparison.project, comparison.unit, delta);
    return test ? { interval: test.interval, pValue: test.pValue, oneSided: false } : null;
}
/**
 * Overall metric rows whose confidence interval excludes zero: the changes that are more than
 * noise. Rows without a test are counted separately; they are judged by thresholds only.
 */
function significantChanges(report, index) {
    let tested = 0;
    let untested = 0;
    const significant = [];
    for (const comparison of report.comparisons) {
        for (const delta of comparison.metrics) {
            if (delta.slice !== null || delta.status !== 'compared' || delta.direction === 'neutral')
                continue;
            const interval = rowStatistics(report, index, comparison, delta)?.interval ?? null;
            if (interval === null) {
                untested++;
                continue;
            }
            tested++;
            if (interval.low > 0 || interval.high < 0)
                significant.push({ comparison, delta, interval });
        }
    }
    return { tested, untested, significant };
}
/** The paired test of the sample series linked to a metric row (overall or its slice), if any. */
function linkedTest(report, project, unit, delta) {
    if (delta.sampleLink === null)
        return null;
    const comparison = report.comparisons.find((c) => c.project === project && c.unit === unit);
    const samples = comparison?.samples.find((s) => s.stage === delta.sampleLink.stage && s.key === delta.sampleLink.key);
    if (!samples)
        return null;
    const group = delta.slice === null ? samples.overall : samples.slices.find((g) => g.slice === delta.slice);
    return group?.test ?? null;
}
/** The engine's headline without its leading verdict label ("FAIL — …", "UNKNOWN (treated as warn) — …"). */
function headlineReason(headline) {
    return headline.replace(/^(PASS|WARN|FAIL|UNKNOWN)(\s*\([^)]*\))?\s*[—-]\s*/, '');
}
/** The name a check's line shows for its row: the metric, else the artifact or unit it judged. */
function checkLabel(check) {
    return (0,numbers/* metricLabel */.B)(check.stage, check.metric, check.slice) || check.subject || check.unit;
}
/** A check's reason without the row name it begins with (as the engine words reasons); null when it does not. */
function reasonAfterLabel(check) {
    const label = checkLabel(check);
    return label !== '' && check.reason.startsWith(`${label} `) ? check.reason.slice(label.length + 1) : null;
}
/** A check's reason, with the row name it begins with quoted as a name. */
function checkReason(check) {
    const label = checkLabel(check);
    const rest = reasonAfterLabel(check);
    if (rest !== null)
        return (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(label)} ${rest}`;
    // Reports over several units prefix the row with its unit (`gates/rows.ts`'s `where`).
    const unit = `${check.project}/${check.unit}: ${label} `;
    if (label !== '' && check.reason.startsWith(unit)) {
        return (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(`${check.project}/${check.unit}`)}: ${(0,phrase/* named */.KT)(label)} ${check.reason.slice(unit.length)}`;
    }
    return (0,phrase/* words */.aL)(check.reason);
}
/** What decided a gate: its worst check's reason, else the gate's own message. */
function gateReason(gate) {
    return gate.worst ? checkReason(gate.worst) : (0,phrase/* words */.aL)(gate.message);
}

;// CONCATENATED MODULE: ./src/report/markdown/chart.ts

const SLICES_CHARTED = 8;
function label(text, max = 40) {
    const clean = text.replace(/[^A-Za-z0-9 ._/@:+-]/g, '_').slice(0, max);
    return `"${clean}"`;
}
function value(n) {
    return String(Number(n.toPrecision(4)));
}
function failingSliceCheck(report) {
    for (const gate of report.gates) {
        if (gate.outcome !== 'fail' && gate.outcome !== 'warn')
            continue;
        const checks = gate.checks.filter((c) => (c.outcome === 'fail' || c.outcome === 'warn') && c.slice !== null && c.metric !== null);
        const worst = gate.worst && checks.includes(gate.worst) ? gate.worst : checks[0];
        if (worst)
            return worst;
    }
    return null;
}
function sliceChart(report) {
    const check = failingSliceCheck(report);
    if (check === null)
        return null;
    const comparison = report.comparisons.find((c) => c.project === check.project && c.unit === check.unit);
    const rows = (comparison?.metrics ?? []).filter((m) => m.stage === check.stage &&
        m.key === check.metric &&
        m.slice !== null &&
        m.batch === null &&
        m.baseline !== null &&
        m.candidate !== null &&
        Number.isFinite(m.baseline) &&
        Number.isFinite(m.candidate));
    if (rows.length === 0)
        return null;
    // The failing slice first, then the others by how much they moved.
    rows.sort((a, b) => Number(b.slice === check.slice) - Number(a.slice === check.slice) ||
        Math.abs(b.relativeChange ?? 0) - Math.abs(a.relativeChange ?? 0));
    const charted = rows.slice(0, SLICES_CHARTED);
    const values = charted.flatMap((r) => [r.baseline, r.candidate]);
    const low = Math.min(0, ...values);
    const high = Math.max(...values) <= 1 && low >= 0 ? 1 : Math.max(...values) * 1.1;
    const categories = charted.flatMap((r) => [label(`${r.slice} baseline`), label(`${r.slice} candidate`)]);
    const title = label(`${(0,numbers/* metricLabel */.B)(check.stage, check.metric, null)} per slice: baseline and candidate`, 120);
    return [
        '```mermaid',
        'xychart-beta',
        `  title ${title}`,
        `  x-axis [${categories.join(', ')}]`,
        `  y-axis ${label(check.metric ?? '')} ${value(low)} --> ${value(high)}`,
        `  bar [${values.map(value).join(', ')}]`,
        '```',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/evidence/gaps.ts
var evidence_gaps = __webpack_require__(4200);
;// CONCATENATED MODULE: ./src/report/markdown/parts.ts
/**
 * Building blocks of the comment's sections: budgeted rows, folded sections, the drop tiers that
 * decide which rows go first when the comment is over budget, and escaping of untrusted text.
 */



/**
 * Drop tiers, lowest kept longest. The order is the brief's: unchanged metric rows go first, then
 * passing slice rows, then long sample lists, then the rest of the supporting evidence.
 */
const TIER = {
    keep: 0,
    passingGate: 1,
    important: 2,
    supporting: 3,
    minor: 4,
    detail: 5,
    sampleList: 6,
    passingSlice: 7,
    unchanged: 8,
};
const MESSAGE_LENGTH = 400;
function parts_text(value) {
    return { kind: 'text', text: value };
}
function msg(value) {
    return escape_escapeText(value, { maxLength: MESSAGE_LENGTH });
}
function code(value) {
    return inlineCode(value, { inTable: true });
}
/**
 * A phrase as markdown: our words escaped, every name from the evidence a code span. At most
 * `maxLength` characters of the phrase's text are shown; the rest is cut with an ellipsis.
 */
function phraseText(value, maxLength = MESSAGE_LENGTH) {
    let out = '';
    let left = maxLength;
    for (const part of value.parts) {
        const text = typeof part === 'string' ? part : part.name;
        if (left <= 0)
            return `${out}…`;
        const shownText = truncateText(text, left);
        const cut = shownText !== text;
        out +=
            typeof part === 'string'
                ? escape_escapeText(shownText, { maxLength: Number.POSITIVE_INFINITY, midLine: out !== '' })
                : code(shownText);
        if (cut)
            return out;
        left -= text.length;
    }
    return out;
}
function row(textValue, tier, what) {
    return { text: textValue, tier, what };
}
/**
 * A section folded into one `<details>`: the first screen keeps the verdict, the cause and what to
 * do; supporting evidence is a click away. Summaries hold only our words and counts: markdown is
 * not parsed inside raw HTML, so nothing from the evidence could be escaped there.
 */
function folded(title, summary, rows, options = {}) {
    if (rows.length === 0 && options.lead === undefined)
        return null;
    const lead = options.lead === undefined ? '' : `\n\n${options.lead}`;
    return {
        kind: 'rows',
        open: `<details><summary><b>${title}</b> · ${summary}</summary>${lead}`,
        rowsHead: options.tableHead,
        rows,
        close: '</details>',
    };
}
/** A short section that stays unfolded. */
function shown(heading, rows, tableHead) {
    if (rows.length === 0)
        return null;
    return { kind: 'rows', open: `### ${heading}`, rowsHead: tableHead, rows, close: '' };
}
function count(value) {
    return (0,numbers/* formatCount */.B4)(value);
}
function pluralise(n, singular, plural = `${singular}s`) {
    return `${(0,numbers/* formatCount */.B4)(n)} ${n === 1 ? singular : plural}`;
}
function gatesByRank(report) {
    return [...report.gates].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
}
function isTripped(gate) {
    return gate.outcome === 'fail' || gate.outcome === 'warn' || gate.outcome === 'waived';
}

;// CONCATENATED MODULE: ./src/report/markdown/context.ts
/**
 * The evidence around the metrics: artifacts, environment, diagnostics, evidence gaps, findings,
 * which baseline was compared, and how the evidence was read.
 */




function artifactSection(ctx) {
    const rows = [];
    for (const comparison of ctx.report.comparisons) {
        for (const artifact of comparison.artifacts) {
            const change = artifact.detail
                ? `${artifact.change} (${artifact.detail.replace(/_/g, ' ')})`
                : artifact.change;
            const growth = artifact.growthBytes === null
                ? '—'
                : (0,numbers/* formatDifference */.jR)(artifact.growthBytes, artifact.growthPct === null ? null : artifact.growthPct / 100, numbers/* formatBytes */.z3);
            const cells = [
                code(artifact.kind),
                change,
                `${(0,numbers/* formatBytes */.z3)(artifact.baselineSizeBytes)} ×${artifact.baselineCount}`,
                `${(0,numbers/* formatBytes */.z3)(artifact.candidateSizeBytes)} ×${artifact.candidateCount}`,
                growth,
            ];
            if (ctx.withUnit)
                cells.unshift(code(comparison.unit));
            const tier = artifact.change === 'unchanged' ? TIER.unchanged : TIER.supporting;
            rows.push(row(tableRow(cells), tier, artifact.change === 'unchanged' ? 'unchanged artifact rows' : 'artifact rows'));
        }
    }
    if (rows.length === 0)
        return null;
    const changed = rows.filter((r) => r.tier !== TIER.unchanged);
    const unchanged = rows.length - changed.length;
    const headers = ['Kind', 'Change', 'Baseline', 'Candidate', 'Growth'];
    if (ctx.withUnit)
        headers.unshift('Run');
    const summary = `${pluralise(changed.length, 'artifact kind')} changed${unchanged > 0 ? `, ${count(unchanged)} unchanged (not listed)` : ''}`;
    return folded('Artifacts', summary, changed, {
        ...(changed.length > 0 ? { tableHead: tableHeader(headers) } : { lead: 'No artifact changed.' }),
    });
}
function environmentSection(ctx) {
    const rows = [];
    for (const comparison of ctx.report.comparisons) {
        const env = comparison.environment;
        const prefix = ctx.withUnit ? `${code(comparison.unit)}: ` : '';
        if (env.status !== 'compared') {
            const missing = {
                baseline_missing: 'the baseline',
                candidate_missing: 'the candidate',
                both_missing: 'either run',
            }[env.status];
            rows.push(row(`- ${prefix}❔ no environment snapshot for ${missing}: environment changes cannot be checked`, TIER.important, 'environment rows'));
            continue;
        }
        if (!env.changed)
            continue;
        for (const [name, value] of [
            ['Python', env.python],
            ['platform', env.platform],
        ]) {
            if (value?.changed)
                rows.push(row(`- ${prefix}${name}: ${code(value.baseline ?? 'absent')} → ${code(value.candidate ?? 'absent')}`, TIER.supporting, 'environment rows'));
        }
        const packages = [
            ...env.packagesChanged.map((pkg) => `package ${code(pkg.name)}: ${code(pkg.baseline ?? 'absent')} → ${code(pkg.candidate ?? 'absent')}`),
            ...env.packagesAdded.map((pkg) => `package added: ${code(pkg.name)} ${code(pkg.candidate ?? '')}`),
            ...env.packagesRemoved.map((pkg) => `package removed: ${code(pkg.name)} ${code(pkg.baseline ?? '')}`),
        ];
        for (const line of packages)
            rows.push(row(`- ${prefix}${line}`, TIER.minor, 'package changes'));
        const vars = [
            ...env.variableNamesAdded.map((v) => `+${v}`),
            ...env.variableNamesRemoved.map((v) => `−${v}`),
        ];
        if (vars.length > 0)
            rows.push(row(`- ${prefix}environment variable names: ${vars.map((v) => code(v)).join(', ')}`, TIER.detail, 'environment rows'));
    }
    return folded('Environment', pluralise(rows.length, 'line'), rows);
}
function severityTier(severity) {
    return severity === 'error' ? TIER.important : severity === 'warning' ? TIER.supporting : TIER.detail;
}
const SEVERITY_EMOJI = { error: '❌', warning: '⚠️', info: 'ℹ️' };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
/** "1 error, 2 info": what a folded list holds, so a reviewer knows whether to open it. */
function severityCounts(severities) {
    const parts = ['error', 'warning', 'info'].flatMap((severity) => {
        const n = severities.filter((s) => s === severity).length;
        if (n === 0)
            return [];
        return [
            `${SEVERITY_EMOJI[severity]} ${severity === 'info' ? `${count(n)} info` : pluralise(n, severity)}`,
        ];
    });
    return parts.join(', ');
}
function diagnosticsSection(report) {
    const diagnostics = [...report.diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (a.side === b.side ? 0 : a.side === 'candidate' ? -1 : 1));
    const rows = diagnostics.map((d) => row(tableRow([
        `${SEVERITY_EMOJI[d.severity]} ${d.severity}`,
        d.side,
        code(d.code),
        d.stage === null ? '—' : code(d.stage),
        msg(d.summary),
    ]), severityTier(d.severity), `${d.severity} diagnostics`));
    return folded('Diagnostics', severityCounts(diagnostics.map((d) => d.severity)), rows, {
        tableHead: tableHeader(['Severity', 'Side', 'Code', 'Stage', 'Summary']),
    });
}
/**
 * A list, not a table: a gap's message is a sentence and its location a long path, and a table
 * squeezes the path column until the path wraps mid-name.
 */
function gapsSection(report) {
    const gaps = [
        ...report.gaps.candidate.map((gap) => ({ gap, side: 'candidate' })),
        ...report.gaps.baseline.map((gap) => ({ gap, side: 'baseline' })),
    ].sort((a, b) => SEVERITY_RANK[a.gap.severity] - SEVERITY_RANK[b.gap.severity]);
    const rows = gaps.map(({ gap, side }) => {
        const where = gap.file === undefined
            ? (gap.ref ?? null)
            : gap.line === undefined
                ? gap.file
                : `${gap.file}:${gap.line}`;
        return row(`- ${SEVERITY_EMOJI[gap.severity]} ${gap.severity} · ${side} · ${code(gap.code)}${where === null ? '' : ` at ${code(where)}`}: ${msg((0,evidence_gaps/* gapMessageWithPlaces */.gG)(gap))}`, severityTier(gap.severity), `${gap.severity} evidence gaps`);
    });
    return folded('Evidence gaps', severityCounts(gaps.map((g) => g.gap.severity)), rows);
}
function findingsSection(report) {
    const findings = [...report.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const rows = findings.map((f) => row(`- ${SEVERITY_EMOJI[f.severity]} **${phraseText(f.title)}**${f.detail.text ? `: ${phraseText(f.detail, 300)}` : ''}`, severityTier(f.severity), `${f.severity} findings`));
    return folded('Findings', severityCounts(findings.map((f) => f.severity)), rows);
}
function runNames(runs) {
    if (runs.length === 0)
        return 'no runs';
    const shown = runs.slice(0, 3).map((r) => code(r.name));
    const names = runs.length > 3 ? `${shown.join(', ')}, … (+${runs.length - 3} more)` : shown.join(', ');
    return `${runs.length === 1 ? 'run' : 'runs'} ${names}`;
}
/** Only a plain https URL becomes a link; anything else is left out rather than shown half-trusted. */
function safeUrl(url) {
    if (url === undefined)
        return null;
    return /^https:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/.test(url) && !/[()[\]<>]/.test(url) ? url : null;
}
/**
 * Which evidence was compared, by workflow run, commit, branch and age: names a reviewer can open.
 * Local paths are shown only in a terminal, where they are the reader's own; a runner's temp
 * folder means nothing in a pull request.
 */
function baselineLine(ctx) {
    const { report } = ctx;
    const context = report.context;
    const candidateParts = [
        context.sha ? `commit ${code(context.sha.slice(0, 12))}` : null,
        `${report.candidate.kind} ${runNames(report.candidate.runs)}`,
        ctx.audience === 'cli' ? code(report.candidate.root) : null,
    ].filter((p) => p !== null);
    const candidate = `- **Candidate:** ${candidateParts.join(' · ')}`;
    if (report.baseline === null) {
        const why = context.baselineSource?.replace(/^No baseline: /, '');
        return `- **Baseline:** none${why ? ` — ${msg(why)}` : ''}. Nothing was compared, so no comparison gate could pass.\n${candidate}`;
    }
    const url = safeUrl(context.baselineRunUrl);
    const run = context.baselineRunId !== undefined
        ? url
            ? `[workflow run ${context.baselineRunId}](${url})`
            : `workflow run ${context.baselineRunId}`
        : null;
    const parts = [
        run,
        context.baselineSha ? `commit ${code(context.baselineSha.slice(0, 12))}` : null,
        context.baselineBranch ? `branch ${code(context.baselineBranch)}` : null,
        context.baselineAge ? msg(context.baselineAge) : null,
        context.baselineSource ? msg(context.baselineSource) : null,
        `${report.baseline.kind} ${runNames(report.baseline.runs)}`,
        ctx.audience === 'cli' ? code(report.baseline.root) : null,
    ].filter((p) => p !== null);
    return `- **Baseline:** ${parts.join(' · ')}\n${candidate}`;
}
function notesSection(report) {
    const notes = [
        ...(report.context.configSource ? [`gate config: ${report.context.configSource}`] : []),
        ...report.notes,
        ...report.comparisons.flatMap((c) => c.notes),
    ];
    const rows = [...new Set(notes)].map((n) => row(`- ${msg(n)}`, TIER.sampleList, 'notes'));
    return folded('How the evidence was read', pluralise(rows.length, 'note'), rows);
}

// EXTERNAL MODULE: ./src/gates/waivers.ts
var waivers = __webpack_require__(1693);
;// CONCATENATED MODULE: ./src/report/advice.ts
/**
 * What the reviewer should do next, worded for where the report is read. In a pull request the
 * baseline comes from the workflow's own runs and a fix is a push; in a terminal it is a flag and a
 * re-run. Waiver advice appears only when something failed or warned that a waiver can cover, and as
 * text that parses back to the same waiver when pasted (see `gates/waivers.ts`).
 */




const REASON_PLACEHOLDER = '<why this change is intended>';
const TRAILERS_SHOWN = 4;
const STEPS_FROM_FINDINGS = 3;
/**
 * The trailer parser reads `<target>[@<slice>]: <reason>` with no `:`/`@` in the target and no space
 * or `:` in the slice, splits the target at its first `/`, and reads `*` in it as a wildcard: a stage
 * with a `/` or a key with a `*` would waive other rows than the one suggested, so those get the label.
 */
function trailerFits(stage, metric, slice) {
    const target = (0,numbers/* metricTarget */.Gc)(stage, metric, null);
    return (!/[:@*\r\n]/.test(target) &&
        !(stage ?? '').includes('/') &&
        target.trim() === target &&
        (slice === null || /^[^:\s]+$/.test(slice)));
}
/** The gates that decide the verdict: the failing ones, else the warning ones. */
function tripped(report) {
    const failing = report.gates.filter((g) => g.outcome === 'fail');
    return failing.length > 0 ? failing : report.gates.filter((g) => g.outcome === 'warn');
}
/** Trailers and labels that would waive exactly what failed or warned. */
function waiverSuggestion(report) {
    const gates = tripped(report);
    if (gates.length === 0)
        return null;
    const trailers = [];
    let untrailerable = 0;
    for (const gate of gates) {
        for (const check of gate.checks) {
            if ((check.outcome !== 'fail' && check.outcome !== 'warn') || check.metric === null)
                continue;
            if (!trailerFits(check.stage, check.metric, check.slice)) {
                untrailerable++;
                continue;
            }
            const line = `Gate-Waive: ${(0,numbers/* metricTarget */.Gc)(check.stage, check.metric, check.slice)}: ${REASON_PLACEHOLDER}`;
            if (!trailers.includes(line))
                trailers.push(line);
        }
    }
    const labels = gates.filter((g) => !/[\r\n]/.test(g.name)).map((g) => `${waivers/* WAIVER_LABEL_PREFIX */.Nk}${g.name}`);
    return { trailers, labels, untrailerable };
}
function baselineStep(audience) {
    return audience === 'action'
        ? {
            text: (0,phrase/* words */.aL)('Create the baseline: it is the evidence artifact this workflow uploads on a push to the base branch. Merge or push to the base branch once with this workflow; later pull requests compare against that run.'),
        }
        : {
            text: (0,phrase/* phrase */.MZ) `Give a baseline: re-run with ${(0,phrase/* named */.KT)('--baseline <workspace>')} pointing at the base branch's evidence.`,
        };
}
function rerunStep(audience) {
    return audience === 'action'
        ? { text: (0,phrase/* words */.aL)('Push the fix: the gate runs again on every push to this pull request.') }
        : { text: (0,phrase/* phrase */.MZ) `Re-run ${(0,phrase/* named */.KT)('contexta-gate compare')} after the fix.` };
}
function waiveStep(suggestion, audience) {
    const steps = [];
    const trailers = suggestion.trailers.slice(0, TRAILERS_SHOWN);
    const more = suggestion.trailers.length - trailers.length;
    if (trailers.length > 0) {
        steps.push({
            text: (0,phrase/* words */.aL)(`If the change is intended, waive it: add ${trailers.length === 1 ? 'this trailer' : 'these trailers'} as the last lines of a commit message on this branch${audience === 'cli' ? ' (the action reads them)' : ''}, with your reason${more > 0 ? `; ${more} more tripped rows need their own trailer, or use the label below` : ''}:`),
            copy: trailers,
        });
    }
    if (suggestion.labels.length > 0) {
        steps.push({
            text: (0,phrase/* words */.aL)(trailers.length > 0
                ? 'Or waive the whole gate with a label on the pull request (needs write access):'
                : 'If the change is intended, waive the gate with a label on the pull request (needs write access):'),
            copy: suggestion.labels.slice(0, TRAILERS_SHOWN),
        });
    }
    return steps;
}
/** The steps in order: what to fix or inspect, then re-run, then waive. */
function adviseNextSteps(report, audience) {
    const steps = [];
    if (report.baseline === null)
        steps.push(baselineStep(audience));
    const fromFindings = distinct(report.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.nextSteps));
    for (const step of fromFindings.slice(0, STEPS_FROM_FINDINGS))
        steps.push({ text: step.capitalised() });
    const gates = tripped(report);
    if (gates.length > 0 && fromFindings.length === 0) {
        for (const gate of gates.slice(0, 2)) {
            steps.push({ text: (0,phrase/* phrase */.MZ) `Fix ${(0,phrase/* named */.KT)(gate.name)}: ${gateReason(gate)}` });
        }
    }
    for (const gate of report.gates) {
        if (gate.outcome !== 'unknown' || report.baseline === null)
            continue;
        steps.push({ text: (0,phrase/* phrase */.MZ) `${(0,phrase/* named */.KT)(gate.name)} could not judge: ${gateReason(gate)}` });
    }
    if (gates.length > 0 || report.verdict === 'unknown')
        steps.push(rerunStep(audience));
    const suggestion = waiverSuggestion(report);
    if (suggestion)
        steps.push(...waiveStep(suggestion, audience));
    return steps;
}
/** Steps that read the same are one step, whichever finding suggested them. */
function distinct(steps) {
    const seen = new Map();
    for (const step of steps)
        if (!seen.has(step.text))
            seen.set(step.text, step);
    return [...seen.values()];
}

;// CONCATENATED MODULE: ./src/report/markdown/gates.ts
/** The gate table, the failing checks, waivers and the next steps with copyable waiver lines. */





/** Checks listed per gate before the rest become droppable. */
const CHECKS_KEPT_PER_GATE = 5;
/** Failing checks shown unfolded; more go into a fold. */
const CHECKS_UNFOLDED = 3;
const NEXT_STEPS_KEPT = 5;
/** Three columns: the reason already names its threshold, and narrow tables keep names whole. */
function gateTable(report) {
    const rows = gatesByRank(report).map((gate) => {
        const name = gate.severity === 'warn' ? `${msg(gate.name)} _(warn only)_` : msg(gate.name);
        const outcome = `${OUTCOME_EMOJI[gate.outcome]} ${gate.outcome}`;
        const keep = gate.outcome !== 'pass' && gate.outcome !== 'skipped';
        return row(tableRow([outcome, name, phraseText(gateReason(gate))]), keep ? TIER.keep : TIER.passingGate, 'passing gate rows');
    });
    return shown('Gates', rows, tableHeader(['Outcome', 'Gate', 'What it saw']));
}
function undecided(gate) {
    return isTripped(gate) || gate.outcome === 'unknown';
}
/**
 * Every failing, warning, waived or undecided row of every gate, evidence gates included; a gate
 * that judged no row says why in its own line.
 */
function failingChecks(report) {
    const rows = [];
    let checks = 0;
    for (const gate of gatesByRank(report)) {
        if (!undecided(gate))
            continue;
        const open = gate.checks.filter((c) => c.outcome !== 'pass');
        if (open.length === 0) {
            rows.push(row(`- ${OUTCOME_EMOJI[gate.outcome]} **${msg(gate.name)}**: ${msg(gate.message)}`, TIER.keep, 'gates'));
            checks++;
            continue;
        }
        rows.push(row(`- ${OUTCOME_EMOJI[gate.outcome]} **${msg(gate.name)}**`, TIER.keep, 'gates'));
        open.forEach((check, i) => {
            checks++;
            const tier = i < CHECKS_KEPT_PER_GATE ? TIER.keep : TIER.supporting;
            rows.push(row(`  - ${checkLine(check)}`, tier, 'further failing checks'));
        });
    }
    if (rows.length === 0)
        return null;
    const gates = rows.filter((r) => r.what === 'gates').length;
    const summary = `${pluralise(checks, 'row')} in ${pluralise(gates, 'gate')}`;
    return checks > CHECKS_UNFOLDED ? folded('Failing checks', summary, rows) : shown('Failing checks', rows);
}
function checkLine(check) {
    const label = checkLabel(check);
    const stats = (0,numbers/* formatStatistics */.zP)(check.interval, check.pValue, check.test != null);
    const waiver = check.waiver ? ` — 🟡 waived: ${waiverText(check.waiver)}` : '';
    // The line already shows the row's name as code, so the reason drops it where it begins with it.
    return `${OUTCOME_EMOJI[check.outcome]} ${code(label)}: ${msg(reasonAfterLabel(check) ?? check.reason)}${stats ? ` (${stats})` : ''}${waiver}`;
}
function waiverText(waiver) {
    const target = waiver.slice === null ? waiver.target : `${waiver.target}@${waiver.slice}`;
    return `${code(target)} by ${code(waiver.grantedBy)} via ${waiver.source}: ${msg(waiver.reason)}`;
}
function waiversSection(report) {
    const rows = [
        ...report.waivers.accepted.map((w) => row(`- 🟡 accepted: ${waiverText(w)}`, TIER.keep, 'accepted waivers')),
        ...report.waivers.rejected.map((w) => row(`- ✋ rejected: ${code(w.text)} by ${code(w.grantedBy)} via ${w.source}: ${msg(w.reason)}`, TIER.important, 'rejected waivers')),
        ...report.waivers.unused.map((w) => row(`- ▫️ unused (matched nothing that failed): ${waiverText(w)}`, TIER.supporting, 'unused waivers')),
    ];
    return shown('Waivers', rows);
}
/**
 * A fenced block of lines to copy. The fence is longer than any backtick run inside, and every
 * line is indented under its list item, so no content can end the block or start a line of the
 * comment itself.
 */
function copyBlock(lines, indent) {
    const safe = lines.map((l) => toSingleLine(l));
    let longest = 2;
    for (const l of safe)
        for (const run of l.match(/`+/g) ?? [])
            longest = Math.max(longest, run.length);
    const fence = '`'.repeat(longest + 1);
    return [`${indent}${fence}text`, ...safe.map((l) => `${indent}${l}`), `${indent}${fence}`].join('\n');
}
function stepText(step) {
    return phraseText(step.text);
}
function nextStepsSection(ctx) {
    const steps = adviseNextSteps(ctx.report, ctx.audience);
    const rows = steps.map((step, i) => {
        const marker = `${i + 1}. `;
        const body = step.copy ? `\n\n${copyBlock(step.copy, ' '.repeat(marker.length))}` : '';
        return row(`${marker}${stepText(step)}${body}`, i < NEXT_STEPS_KEPT || step.copy ? TIER.keep : TIER.supporting, 'further next steps');
    });
    return shown('Next steps', rows);
}

;// CONCATENATED MODULE: ./src/format/sparkline.ts
/**
 * A trend in one table cell: `▇▇▆▆▅▅▄▃` for values oldest first, scaled between their own minimum
 * and maximum (a flat series is a flat line). Non-finite values are gaps (a space), so a hole in the
 * evidence stays visible.
 */
const BARS = '▁▂▃▄▅▆▇█';
function sparkline(values) {
    const finite = values.filter(Number.isFinite);
    if (finite.length === 0)
        return '';
    const min = Math.min(...finite);
    const max = Math.max(...finite);
    const span = max - min;
    return values
        .map((v) => {
        if (!Number.isFinite(v))
            return ' ';
        if (span === 0)
            return BARS[3];
        return BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / span) * BARS.length))];
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/report/markdown/trend.ts



function trendOf(report, comparison, delta) {
    return (report.trends?.find((t) => t.project === comparison.project &&
        t.unit === comparison.unit &&
        t.stage === delta.stage &&
        t.metric === delta.key &&
        t.slice === delta.slice) ?? null);
}
/** ` ▇▆▅▄` after a candidate value: the history window then this run; empty without history. */
function trendSuffix(report, comparison, delta) {
    const trend = delta.batch === null ? trendOf(report, comparison, delta) : null;
    return trend && trend.values.length > 1 ? ` ${sparkline(trend.values)}` : '';
}
// Inside a mermaid block nothing is markdown, but a quote, backtick or line break from an untrusted
// metric name could end the string or the fence.
const quote = (text) => `"${text.replace(/["\\`<>\r\n]/g, '')}"`;
/**
 * One chart per trend (each metric on its own scale), newest run last. Empty without history; the
 * job summary renders mermaid, the PR comment stays a table.
 */
function trendChart(report) {
    const trends = (report.trends ?? []).filter((t) => t.values.length > 1);
    if (trends.length === 0)
        return '';
    const out = ['', '### Trend over the history window', ''];
    for (const t of trends) {
        const label = metricLabel(t.stage, t.metric, t.slice);
        const min = Math.min(...t.values);
        const max = Math.max(...t.values);
        const pad = max === min ? Math.abs(max) * 0.01 || 1 : (max - min) * 0.1;
        const axis = t.values.map((_, i) => i === t.values.length - 1 ? 'this run' : `-${t.values.length - 1 - i}`);
        out.push('```mermaid', 'xychart-beta', `  title ${quote(`${t.project}: ${label}`)}`, `  x-axis [${axis.map(quote).join(', ')}]`, `  y-axis ${quote(t.metric)} ${formatNumber(min - pad).replace(/,/g, '')} --> ${formatNumber(max + pad).replace(/,/g, '')}`, `  line [${t.values.map((v) => String(v)).join(', ')}]`, '```', '', `Oldest to newest: ${escapeText(t.runs.join(' · '), { maxLength: 4000 })}`, '');
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/markdown/metrics.ts





function metricCells(ctx, comparison, delta, sliced, withStats) {
    const key = metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
    const flagged = ctx.index.flagged.get(key) ?? [];
    const flags = [...flagged]
        .sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome])
        .map((c) => FLAG[c.outcome]);
    const change = [changeArrow(delta), ...new Set(flags)].join(' · ');
    const name = sliced
        ? (delta.slice ?? '')
        : delta.batch === null
            ? delta.key
            : `${delta.key} [${delta.batch}]`;
    const cells = [
        code(name),
        (0,numbers/* formatNumber */.ZV)(delta.baseline),
        `${(0,numbers/* formatNumber */.ZV)(delta.candidate)}${trendSuffix(ctx.report, comparison, delta)}`,
        (0,numbers/* formatDifference */.jR)(delta.delta, delta.relativeChange),
    ];
    if (withStats)
        cells.push(statsText(ctx, comparison, delta) || '—');
    cells.push(evidenceFlags(delta, change));
    return cells;
}
function statsText(ctx, comparison, delta) {
    const statistics = rowStatistics(ctx.report, ctx.index, comparison, delta);
    return statistics ? (0,numbers/* formatStatistics */.zP)(statistics.interval, statistics.pValue, statistics.oneSided) : '';
}
/** The group row a table's rows sit under: the stage (and run) for metrics, the metric for slices. */
function groupLabel(ctx, comparison, delta, sliced) {
    const stage = delta.stage ?? 'run';
    const base = sliced
        ? (0,numbers/* metricLabel */.B)(stage, delta.batch === null ? delta.key : `${delta.key} [${delta.batch}]`, null)
        : stage;
    return ctx.withUnit ? `${comparison.unit} · ${base}` : base;
}
const FLAG = {
    fail: '❌ trips a gate',
    warn: '⚠️ warns',
    unknown: '❔ undecided',
    waived: '🟡 waived',
    pass: '',
};
/** Degraded, partial or non-finite evidence on a row must show on that row. */
function evidenceFlags(delta, change) {
    const flags = [];
    if (delta.baselineDegraded || delta.candidateDegraded)
        flags.push('⚠️ degraded');
    if (delta.baselinePartial || delta.candidatePartial)
        flags.push('⚠️ partial');
    if (delta.baselineNonFinite + delta.candidateNonFinite > 0)
        flags.push('⚠️ non-finite values');
    if (delta.reason !== null)
        flags.push(msg(delta.reason));
    return [change, ...flags].join(' · ');
}
function metricTier(ctx, comparison, delta, sliced) {
    const key = metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
    if (ctx.index.flagged.has(key))
        return TIER.keep;
    if (delta.status !== 'compared')
        return TIER.important;
    if (delta.change === 'unchanged')
        return TIER.unchanged;
    if (sliced)
        return TIER.passingSlice;
    if (delta.change === 'worse')
        return TIER.important;
    if (delta.change === 'better')
        return TIER.supporting;
    return TIER.minor;
}
const TIER_WHAT = {
    [TIER.keep]: 'metric rows a gate flagged',
    [TIER.important]: 'worse, added or removed metric rows',
    [TIER.supporting]: 'improved metric rows',
    [TIER.minor]: 'neutral metric rows',
    [TIER.passingSlice]: 'passing slice rows',
    [TIER.unchanged]: 'unchanged metric rows',
};
/** How far a row moved, for ordering: worse rows first, then the largest relative change. */
function movement(delta) {
    const size = Math.abs(delta.relativeChange ?? delta.delta ?? 0);
    return delta.change === 'worse' ? size + 1e9 : size;
}
/**
 * Rows that changed, grouped under their stage (or, for slices, their metric) so the name column
 * stays narrow; unchanged rows are counted in the summary, not listed.
 */
function metricSection(ctx, sliced, lead) {
    const entries = [];
    const counts = { worse: 0, better: 0, unchanged: 0, other: 0, tripped: 0 };
    for (const comparison of ctx.report.comparisons) {
        for (const delta of comparison.metrics) {
            if ((delta.slice !== null) !== sliced)
                continue;
            const tier = metricTier(ctx, comparison, delta, sliced);
            if (tier === TIER.keep)
                counts.tripped++;
            if (delta.change === 'worse')
                counts.worse++;
            else if (delta.change === 'better')
                counts.better++;
            else if (delta.change === 'unchanged')
                counts.unchanged++;
            else
                counts.other++;
            if (tier === TIER.unchanged)
                continue;
            const group = groupLabel(ctx, comparison, delta, sliced);
            entries.push({ tier, order: entries.length, movement: movement(delta), comparison, delta, group });
        }
    }
    if (entries.length === 0 && counts.unchanged === 0)
        return null;
    entries.sort((a, b) => a.tier - b.tier || b.movement - a.movement || a.order - b.order);
    // Groups in the order of their most important row; rows keep their order inside a group.
    const groups = new Map();
    for (const e of entries)
        groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
    const withStats = entries.some((e) => statsText(ctx, e.comparison, e.delta) !== '');
    const width = withStats ? 6 : 5;
    const rows = [];
    for (const [group, members] of groups) {
        const best = Math.min(...members.map((m) => m.tier));
        rows.push(row(tableRow([`**${code(group)}**`, ...Array(width - 1).fill('')]), best, TIER_WHAT[best]));
        for (const e of members) {
            rows.push(row(() => tableRow(metricCells(ctx, e.comparison, e.delta, sliced, withStats)), e.tier, TIER_WHAT[e.tier]));
        }
    }
    const headers = [
        sliced ? 'Slice' : 'Metric',
        'Baseline',
        'Candidate',
        'Δ',
        ...(withStats ? ['Interval / p'] : []),
        'Change',
    ];
    const summaryParts = [
        counts.tripped > 0 ? `${count(counts.tripped)} flagged by a gate` : '',
        `${count(counts.worse)} worse`,
        `${count(counts.better)} better`,
        counts.other > 0 ? `${count(counts.other)} other` : '',
        counts.unchanged > 0 ? `${count(counts.unchanged)} unchanged (not listed)` : '',
    ].filter((s) => s !== '');
    return folded(sliced ? 'Slices' : 'Metric changes', summaryParts.join(', '), rows, {
        tableHead: rows.length === 0
            ? undefined
            : tableHeader(headers, headers.map((h) => (['Baseline', 'Candidate', 'Δ'].includes(h) ? 'right' : 'left'))),
        ...(lead !== undefined ? { lead } : rows.length === 0 ? { lead: 'No row changed.' } : {}),
    });
}

// EXTERNAL MODULE: ./src/format/ranges.ts
var format_ranges = __webpack_require__(2749);
;// CONCATENATED MODULE: ./src/report/markdown/samples.ts



const SAMPLE_ITEMS = 6;
/** Sample names as capped ranges (`s-0600…s-0637`), each a code span. */
function nameList(names, total) {
    const ranges = (0,format_ranges/* nameRanges */.w)(names, total, SAMPLE_ITEMS);
    const shown = ranges.items.map((n) => code(n)).join(', ');
    return ranges.more > 0 ? `${shown}, … (+${(0,numbers/* formatCount */.B4)(ranges.more)} more)` : shown;
}
function sliceTripped(ctx, comparison, stage, slice) {
    for (const gate of ctx.report.gates) {
        for (const check of gate.checks) {
            if (check.outcome === 'pass')
                continue;
            if (check.project === comparison.project &&
                check.unit === comparison.unit &&
                check.stage === stage &&
                check.slice === slice) {
                return true;
            }
        }
    }
    return false;
}
function sampleGroupLine(group) {
    const binary = group.binary;
    if (binary === null || binary.newlyFailing.count === 0)
        return null;
    const rates = `${(0,numbers/* formatShare */.T1)(binary.baselineRate)} → ${(0,numbers/* formatShare */.T1)(binary.candidateRate)} passing`;
    const recovered = binary.newlyPassing.count > 0 ? `; ${(0,numbers/* formatCount */.B4)(binary.newlyPassing.count)} newly passing` : '';
    return `${(0,numbers/* formatCount */.B4)(binary.newlyFailing.count)} newly failing (${rates}${recovered}): ${nameList(binary.newlyFailing.names, binary.newlyFailing.count)}`;
}
function unpairedLine(group) {
    const parts = [];
    if (group.baselineOnly.count > 0)
        parts.push(`${(0,numbers/* formatCount */.B4)(group.baselineOnly.count)} only in the baseline`);
    if (group.candidateOnly.count > 0)
        parts.push(`${(0,numbers/* formatCount */.B4)(group.candidateOnly.count)} only in the candidate`);
    return parts.length === 0 ? null : `unpaired samples (not tested): ${parts.join(', ')}`;
}
function samplesSection(ctx) {
    const rows = [];
    for (const comparison of ctx.report.comparisons) {
        for (const samples of comparison.samples) {
            rows.push(...sampleRows(ctx, comparison, samples));
        }
    }
    return folded('Per-sample changes', pluralise(rows.length, 'line'), rows);
}
function sampleRows(ctx, comparison, samples) {
    const rows = [];
    const where = code(`${ctx.withUnit ? `${comparison.unit}: ` : ''}${samples.stage}/${samples.key}`);
    const overall = sampleGroupLine(samples.overall);
    const unpaired = unpairedLine(samples.overall);
    if (overall === null && unpaired === null)
        return rows;
    const overallTier = sliceTripped(ctx, comparison, samples.stage, null) ? TIER.keep : TIER.important;
    rows.push(row(`- ${where}: ${[overall, unpaired].filter((s) => s !== null).join('; ')}`, overallTier, 'sample lists'));
    for (const group of samples.slices) {
        const line = sampleGroupLine(group);
        if (line === null)
            continue;
        const tier = sliceTripped(ctx, comparison, samples.stage, group.slice) ? TIER.keep : TIER.sampleList;
        rows.push(row(`  - slice ${code(group.slice ?? 'none')}: ${line}`, tier, 'per-slice sample lists'));
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/report/markdown/document.ts
/**
 * The sticky PR comment / job summary, and the CLI's `--format markdown` (the same body, with advice
 * for a terminal). Built for a reviewer with ten seconds: the first screen holds the verdict, the
 * cause in one line, the next steps (fix, re-run, or waive with lines to copy) and a compact gate
 * table; everything else is folded into one level of `<details>` each.
 *
 * Everything that came from a workspace, a config or a PR (names, messages, paths, logins) goes
 * through `escape.ts`. The document is assembled as budgeted parts so it always fits GitHub's
 * comment limit: the least important rows are left out first, and the comment says what was left
 * out and where the full report is.
 */











const DEFAULT_MAX_CHARS = 60_000;
const DEFAULT_MARKER = 'report';
/** The Why line's length, as the headline it stands for. */
const WHY_LENGTH = 400;
/** Marker keys go inside an HTML comment: no `--`, no `>`, nothing a user must not control. */
function markerComment(key = DEFAULT_MARKER) {
    const safe = key
        .replace(/[^A-Za-z0-9._/:-]/g, '-')
        .replace(/-{2,}/g, '-')
        .slice(0, 100) || DEFAULT_MARKER;
    return `<!-- contexta-gate:${safe} -->`;
}
function headline(report, index) {
    const lines = [
        `## ${VERDICT_EMOJI[report.verdict]} ${VERDICT_LABEL[report.verdict]} — ${verdictSummary(report)}`,
    ];
    const why = reasonLine(report);
    if (why !== '')
        lines.push(`**Why:** ${why}`);
    if (report.verdict === 'pass' || report.verdict === 'warn') {
        const changes = changeLine(report, index);
        if (changes !== '')
            lines.push(changes);
    }
    if (report.exit.outcome !== report.verdict) {
        lines.push(`**Check conclusion:** ${report.exit.outcome}, ${msg(report.exit.reason)}`);
    }
    // Which config judged this PR belongs beside the verdict: defaults in use, or a config change
    // of this PR that only applies after merge.
    for (const notice of report.configNotices ?? [])
        lines.push(`**Config:** ${msg(notice)}`);
    return lines.join('\n\n');
}
function gateNames(gates) {
    const names = gates.slice(0, 3).map((g) => msg(g.name));
    return gates.length > 3 ? `${names.join(', ')}, … (+${gates.length - 3})` : names.join(', ');
}
/** The heading's few words: how many gates did what. */
function verdictSummary(report) {
    const having = (outcome) => report.gates.filter((g) => g.outcome === outcome);
    const total = report.gates.length;
    switch (report.verdict) {
        case 'fail': {
            const failed = having('fail');
            return `${count(failed.length)} of ${pluralise(total, 'gate')} failed: ${gateNames(failed)}`;
        }
        case 'warn': {
            const warned = having('warn');
            return `${count(warned.length)} of ${pluralise(total, 'gate')} warned: ${gateNames(warned)}`;
        }
        case 'unknown': {
            const undecided = having('unknown');
            return `not enough evidence to decide${undecided.length > 0 ? ` (${gateNames(undecided)} could not judge)` : ''}`;
        }
        default: {
            const passed = having('pass').length;
            const waived = having('waived');
            const skipped = having('skipped').length;
            const extra = [
                waived.length > 0 ? `${waived.length} waived: ${gateNames(waived)}` : '',
                skipped > 0 ? `${skipped} skipped` : '',
            ].filter((s) => s !== '');
            return `${count(passed)} of ${pluralise(total, 'gate')} passed${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
        }
    }
}
/**
 * The engine's headline minus its verdict label: for every verdict but pass it names each
 * deciding gate with its worst row, which is the reason in one line.
 */
function reasonLine(report) {
    if (report.baseline === null) {
        return 'no baseline evidence was found, so nothing could be compared; missing evidence is not a pass.';
    }
    const gates = (0,results/* headlineGates */.dR)(report.verdict, report.gates);
    if (gates.length === 0)
        return report.verdict === 'pass' ? '' : msg(headlineReason(report.headline));
    // The headline's words, with each row name quoted: built from the gates, not parsed from the
    // text, and as short as the headline's own cap.
    const shown = [];
    let left = WHY_LENGTH;
    for (const gate of gates) {
        if (left <= 0)
            break;
        const reason = (0,phrase/* phrase */.MZ) `${gate.name}: ${gateReason(gate)}`;
        shown.push(phraseText(reason, left));
        left -= reason.text.length + 3;
    }
    const more = gates.length - shown.length;
    return shown.join(' \\| ') + (more > 0 ? ` \\| … (+${count(more)} more)` : '');
}
/** For a pass or warn: did anything move by more than noise? */
function changeLine(report, index) {
    const { tested, untested, significant } = significantChanges(report, index);
    const untestedText = untested > 0
        ? `; ${pluralise(untested, 'metric')} without sample evidence judged by thresholds only`
        : '';
    if (significant.length === 0) {
        if (tested === 0)
            return untested > 0 ? `No metric could be tested for significance${untestedText}.` : '';
        return `**No significant change:** no tested metric's interval excludes zero (${tested} tested${untestedText}).`;
    }
    const shown = significant.slice(0, 3).map(({ delta, interval }) => {
        const label = (0,numbers/* metricLabel */.B)(delta.stage, delta.key, null);
        return `${code(label)} ${changeArrow(delta)} ${(0,numbers/* formatDifference */.jR)(delta.delta, delta.relativeChange)}, ${(0,numbers/* formatInterval */.vy)(interval)}`;
    });
    const more = significant.length > 3 ? `, … (+${significant.length - 3})` : '';
    return `**Significant changes:** ${shown.join('; ')}${more}.`;
}
function runLink(runUrl) {
    const url = safeUrl(runUrl);
    return url === null ? '' : `[workflow run](${url})`;
}
function footer(report, runUrl) {
    const link = runLink(runUrl);
    return `<sub>contexta/gate · report schema v${report.schemaVersion}${link ? ` · full report: ${link}` : ''}</sub>`;
}
function describeOmissions(runUrl) {
    return (omissions, cut) => {
        const left = omissions.map((o) => `${o.what} (${o.count.toLocaleString('en-US')})`).join(', ');
        const where = runLink(runUrl);
        const full = `The full report is in the JSON report artifact and the job summary${where ? ` of the ${where}` : ''}.`;
        const what = left === '' ? '' : ` Left out: ${left}.`;
        const cutText = cut ? ' The rest of the comment was cut after the last line shown.' : '';
        return `> [!NOTE]\n> This comment was shortened to fit GitHub's comment size limit.${what}${cutText} ${full}`;
    };
}
function renderMarkdown(report, options = {}) {
    const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    const ctx = {
        report,
        index: indexChecks(report),
        withUnit: rowsNameUnit(report),
        audience: options.audience ?? 'action',
    };
    const chart = sliceChart(report);
    const parts = [
        parts_text(`${markerComment(options.marker)}\n${headline(report, ctx.index)}`),
        { kind: 'note' },
        nextStepsSection(ctx),
        gateTable(report),
        waiversSection(report),
        parts_text(baselineLine(ctx)),
        failingChecks(report),
        metricSection(ctx, true, chart ?? undefined),
        metricSection(ctx, false),
        samplesSection(ctx),
        findingsSection(report),
        artifactSection(ctx),
        environmentSection(ctx),
        diagnosticsSection(report),
        gapsSection(report),
        notesSection(report),
        parts_text(footer(report, options.runUrl)),
    ];
    return fitToBudget(parts.filter((p) => p !== null), { maxChars, describeOmissions: describeOmissions(options.runUrl) }).markdown;
}

;// CONCATENATED MODULE: ./src/report/text.ts





const ANSI = {
    pass: '\u001b[32m',
    warn: '\u001b[33m',
    fail: '\u001b[31m',
    unknown: '\u001b[35m',
    dim: '\u001b[2m',
};
const RESET = '\u001b[0m';
/** Untrusted text on one line, without control characters, capped. */
function safe(text, max = 300) {
    return truncateText(toSingleLine(text), max);
}
function renderText(report, options = {}) {
    const maxRows = options.maxRows ?? 10;
    const paint = (colour, text) => options.color ? `${ANSI[colour]}${text}${RESET}` : text;
    const lines = [];
    const index = indexChecks(report);
    lines.push(`contexta-gate: ${paint(report.verdict, VERDICT_LABEL[report.verdict])} — ${safe(headlineReason(report.headline), 600)}`);
    if (report.exit.outcome !== report.verdict) {
        lines.push(`check conclusion: ${report.exit.outcome} (exit ${report.exit.code}) — ${safe(report.exit.reason)}`);
    }
    if (report.baseline === null)
        lines.push('no baseline: nothing was compared; missing evidence is not a pass');
    const gates = [...report.gates].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome]);
    if (gates.length > 0) {
        lines.push('', 'gates:');
        const width = Math.min(40, Math.max(...gates.map((g) => safe(g.name, 40).length)));
        for (const gate of gates) {
            const outcome = gate.outcome === 'pass' || gate.outcome === 'skipped' ? gate.outcome : gate.outcome.toUpperCase();
            const colour = gateColour(gate);
            const summary = gate.worst?.reason ?? gate.message;
            lines.push(`  ${paint(colour, outcome.padEnd(7))} ${safe(gate.name, 40).padEnd(width)}  ${safe(summary)}`);
            if (gate.outcome === 'pass' || gate.outcome === 'skipped')
                continue;
            const checks = gate.checks.filter((c) => c.outcome !== 'pass');
            for (const check of checks.slice(0, maxRows))
                lines.push(`      ${text_checkLine(check)}`);
            if (checks.length > maxRows)
                lines.push(paint('dim', `      … ${checks.length - maxRows} more`));
        }
    }
    const deltas = topDeltas(report, index, maxRows);
    if (deltas.shown.length > 0) {
        lines.push('', 'largest changes (flagged by a gate first):');
        for (const { comparison, delta } of deltas.shown) {
            const statistics = rowStatistics(report, index, comparison, delta);
            const stats = statistics
                ? (0,numbers/* formatStatistics */.zP)(statistics.interval, statistics.pValue, statistics.oneSided)
                : '';
            const unit = rowsNameUnit(report) ? `${safe(comparison.unit, 60)}: ` : '';
            const label = safe((0,numbers/* metricLabel */.B)(delta.stage, delta.key, delta.slice), 80);
            lines.push(`  ${unit}${label}  ${(0,numbers/* formatNumber */.ZV)(delta.baseline)} → ${(0,numbers/* formatNumber */.ZV)(delta.candidate)}  ` +
                `${(0,numbers/* formatDifference */.jR)(delta.delta, delta.relativeChange)}  ${changeArrow(delta)}${stats ? `  [${stats}]` : ''}`);
        }
        if (deltas.more > 0)
            lines.push(paint('dim', `  … ${deltas.more} more changed rows`));
    }
    const gaps = [
        ...report.gaps.candidate.map((gap) => ({ gap, side: 'candidate' })),
        ...report.gaps.baseline.map((gap) => ({ gap, side: 'baseline' })),
    ];
    const serious = gaps.filter((g) => g.gap.severity !== 'info');
    if (gaps.length > 0) {
        const info = gaps.length - serious.length;
        lines.push('', `evidence gaps: ${gaps.length}${info > 0 ? ` (${info} info not listed)` : ''}`);
        for (const { gap, side } of serious.slice(0, maxRows)) {
            const where = gap.file === undefined
                ? ''
                : ` ${safe(gap.line === undefined ? gap.file : `${gap.file}:${gap.line}`, 120)}`;
            lines.push(`  ${side} ${gap.severity} ${gap.code}${where}: ${safe((0,evidence_gaps/* gapMessageWithPlaces */.gG)(gap))}`);
        }
        if (serious.length > maxRows)
            lines.push(paint('dim', `  … ${serious.length - maxRows} more`));
    }
    const diagnostics = report.diagnostics.filter((d) => d.severity === 'error');
    if (diagnostics.length > 0) {
        lines.push('', 'error diagnostics:');
        for (const d of diagnostics.slice(0, maxRows))
            lines.push(`  ${d.side} ${d.code}: ${safe(d.summary)}`);
    }
    if (report.waivers.accepted.length + report.waivers.rejected.length > 0) {
        lines.push('', 'waivers:');
        for (const w of report.waivers.accepted) {
            lines.push(`  accepted ${safe(w.target, 80)}${w.slice ? `@${safe(w.slice, 60)}` : ''} by ${safe(w.grantedBy, 60)}: ${safe(w.reason)}`);
        }
        for (const w of report.waivers.rejected)
            lines.push(`  rejected ${safe(w.text, 80)} by ${safe(w.grantedBy, 60)}: ${safe(w.reason)}`);
    }
    const steps = adviseNextSteps(report, options.audience ?? 'cli');
    if (steps.length > 0) {
        lines.push('', 'next steps:');
        steps.slice(0, maxRows).forEach((step, i) => {
            lines.push(`  ${i + 1}. ${safe(step.text.text, 600)}`);
            for (const line of step.copy ?? [])
                lines.push(`       ${safe(line, 600)}`);
        });
    }
    return `${lines.join('\n')}\n`;
}
function gateColour(gate) {
    switch (gate.outcome) {
        case 'fail':
        case 'warn':
        case 'pass':
        case 'unknown':
            return gate.outcome;
        case 'waived':
            return 'warn';
        default:
            return 'dim';
    }
}
function text_checkLine(check) {
    const stats = (0,numbers/* formatStatistics */.zP)(check.interval, check.pValue, check.test != null);
    const waiver = check.waiver
        ? ` (waived by ${safe(check.waiver.grantedBy, 60)}: ${safe(check.waiver.reason)})`
        : '';
    return `${check.outcome}: ${safe(check.reason)}${stats ? ` [${stats}]` : ''}${waiver}`;
}
/**
 * Rows worth a glance in a terminal: every row a gate flagged, then compared rows that got worse,
 * then better, largest relative change first.
 */
function topDeltas(report, index, limit) {
    const rows = [];
    for (const comparison of report.comparisons) {
        for (const delta of comparison.metrics) {
            const flagged = index.flagged.has(metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice));
            if (!flagged &&
                (delta.status !== 'compared' || delta.change === 'unchanged' || delta.change === 'neutral'))
                continue;
            const rank = flagged ? 0 : delta.change === 'worse' ? 1 : 2;
            rows.push({ comparison, delta, rank, size: Math.abs(delta.relativeChange ?? delta.delta ?? 0) });
        }
    }
    rows.sort((a, b) => a.rank - b.rank || b.size - a.size);
    return { shown: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}

;// CONCATENATED MODULE: ./src/report/index.ts








/***/ })

};
