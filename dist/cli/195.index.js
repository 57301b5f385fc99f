export const id = 195;
export const ids = [195];
export const modules = {

/***/ 7672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ readHistoryDir),
  z: () => (/* binding */ renderHistory)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/format/numbers.ts
var numbers = __webpack_require__(3613);
// EXTERNAL MODULE: ./src/history/record.ts
var history_record = __webpack_require__(5799);
;// CONCATENATED MODULE: ./src/history/from-evidence.ts

const EPOCH = new Date(0).toISOString();
function points(unit, stage, series) {
    return series
        .filter((s) => s.batch === null && Number.isFinite(s.latest.value))
        .map((s) => [unit, stage, s.key, s.slice, s.latest.value]);
}
function runPoints(run, unit) {
    return [
        ...points(unit, null, run.runMetrics),
        ...run.stages.flatMap((stage) => points(unit, stage.name, stage.metrics)),
    ];
}
const key = (p) => [p[0] ?? '', p[1] ?? '', p[2], p[3] ?? ''].join('\u0000');
function validTime(value) {
    return value !== null && !Number.isNaN(Date.parse(value)) && /[zZ]|[+-]\d\d:\d\d$/.test(value);
}
/** The latest `observed_at` of any of the runs' metric series, or null when none has one. */
function lastObserved(runs) {
    let last;
    for (const run of runs) {
        for (const series of [...run.runMetrics, ...run.stages.flatMap((s) => s.metrics)]) {
            const text = series.latest.observedAt;
            if (!validTime(text))
                continue;
            const at = Date.parse(text);
            if (last === undefined || at > last.at)
                last = { at, text };
        }
    }
    return last?.text;
}
/**
 * The latest run of a Contexta project (the one a job just produced), or every unit of a metalab
 * store keyed by its params label, so units of one store never mix in one series.
 */
function projectRecord(project, origin) {
    if (project.runs.length === 0)
        return null;
    const metalab = project.runs.some((r) => r.metalab !== undefined);
    const latest = project.runs.reduce((a, b) => (b.startedAt ?? '') > (a.startedAt ?? '') ||
        ((b.startedAt ?? '') === (a.startedAt ?? '') && b.ref > a.ref)
        ? b
        : a);
    const runs = metalab ? project.runs : [latest];
    const seen = new Set();
    const metrics = runs
        .flatMap((run) => runPoints(run, metalab ? run.name : null))
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
        .filter((p) => !seen.has(key(p)) && Boolean(seen.add(key(p))))
        .slice(0, history_record/* HISTORY_MAX_SERIES */.kg);
    const started = runs.map((r) => r.startedAt).find(validTime) ?? origin.recordedAt ?? lastObserved(runs) ?? EPOCH;
    return {
        v: history_record/* HISTORY_VERSION */.g1,
        project: project.name,
        run: runs[0].ref,
        runId: origin.runId,
        commit: origin.commit !== null && /^[0-9a-f]{7,64}$/.test(origin.commit) ? origin.commit : null,
        time: new Date(started).toISOString(),
        metrics,
    };
}
function historyRecords(evidence, origin) {
    return evidence.projects.flatMap((p) => projectRecord(p, origin) ?? []);
}

// EXTERNAL MODULE: ./src/sources/open.ts + 32 modules
var sources_open = __webpack_require__(2145);
;// CONCATENATED MODULE: ./src/cli/history.ts
/**
 * Local history for `compare --history DIR` (one earlier run's workspace per sub-directory, ordered
 * by recorded run time — the ledger's start time, else when its metrics were last recorded — ties
 * by directory name) and the history section of `inspect`.
 */






async function readHistoryDir(dir, project, reading) {
    const entries = await external_node_fs_.promises.readdir(dir, { withFileTypes: true });
    const names = entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    const problems = [];
    const read = [];
    for (const name of names) {
        const evidence = await (0,sources_open/* openEvidence */.i)(external_node_path_default().join(dir, name), reading);
        const records = historyRecords(evidence, { runId: null, commit: null, recordedAt: null })
            .filter((r) => project === null || r.project === project)
            .map((r) => ({ ...r, source: name.slice(0, 256) }));
        if (records.length === 0)
            problems.push(`${name}: no run with metrics; not part of the history`);
        for (const record of records)
            read.push({ name, record });
    }
    read.sort((a, b) => {
        const dt = Date.parse(a.record.time) - Date.parse(b.record.time);
        return dt !== 0 ? dt : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    return { records: read.map((r) => r.record), problems };
}
/** `inspect`'s view of a history file: one line per run, the newest last. */
function renderHistory(history) {
    const out = ['', `History (${history.records.length} run${history.records.length === 1 ? '' : 's'}):`];
    for (const record of history.records) {
        const shown = record.metrics
            .filter((m) => m[3] === null)
            .slice(0, 6)
            .map(([, stage, key, , value]) => `${(0,numbers/* metricLabel */.B)(stage, key, null)}=${(0,numbers/* formatNumber */.ZV)(value)}`);
        const more = record.metrics.length > shown.length ? `, … ${record.metrics.length} values` : '';
        out.push(`  ${record.project}: ${(0,history_record/* describeRecord */.TV)(record)}: ${shown.join(', ')}${more}`);
    }
    for (const gap of history.gaps) {
        out.push(`  ${gap.severity} ${gap.code}${gap.line ? ` at ${gap.file}:${gap.line}` : ''}: ${gap.message}`);
    }
    return `${out.join('\n')}\n`;
}


/***/ }),

/***/ 2195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cliLedgerReader: () => (/* binding */ cliLedgerReader),
  inspectCommand: () => (/* binding */ inspectCommand),
  renderEvidence: () => (/* binding */ renderEvidence)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/duckdb/loader.ts
/**
 * Loading DuckDB (`@duckdb/node-api`), a ~70 MB native engine that is never bundled: found in a
 * node_modules the caller names, or installed once at a pinned version into a cache directory
 * (see docs/adr/0001-duckdb-loading.md). Kept apart from any reader of DuckDB files because it runs
 * `npm install`; the ledger reader and the promotion's ledger row both load DuckDB through it.
 */





/** Pinned so that bindings exist for every GitHub runner platform (docs/reference/duckdb-in-node.md §3.1). */
const DUCKDB_NODE_API_VERSION = '1.5.5-r.5';
const PACKAGE = '@duckdb/node-api';
/**
 * Finds (or installs, once) and imports `@duckdb/node-api`. The import is attempted at most once per
 * loader; every caller gets the module or the sentence saying why DuckDB cannot be used here.
 */
class DuckDbLoader {
    options;
    module = null;
    constructor(options) {
        this.options = {
            cacheDir: null,
            store: null,
            installTimeoutMs: 120_000,
            npmCommand: 'npm',
            platform: process.platform,
            arch: process.arch,
            ...options,
        };
    }
    /** The module, or a sentence saying why DuckDB cannot be used. */
    load() {
        this.module ??= this.find();
        return this.module;
    }
    where() {
        return `${this.options.platform}/${this.options.arch}`;
    }
    resolveFrom(dir) {
        try {
            return (0,external_node_module_.createRequire)(external_node_path_default().join(dir, 'noop.js')).resolve(PACKAGE);
        }
        catch {
            return null;
        }
    }
    async find() {
        for (const dir of this.options.searchPaths) {
            const entry = this.resolveFrom(dir);
            if (entry)
                return this.importFrom(entry);
        }
        const { cacheDir, store } = this.options;
        if (cacheDir === null) {
            return `DuckDB (${PACKAGE}) is not installed and could not be installed on ${this.where()}`;
        }
        const present = this.resolveFrom(cacheDir);
        if (present)
            return this.importFrom(present);
        let query = '';
        if (store && (await store.restore(cacheDir))) {
            const restored = this.resolveFrom(cacheDir);
            const module = restored ? await this.importFrom(restored) : null;
            if (typeof module === 'object' && module !== null)
                return module;
            // A kept install that does not load would break every later job with the same key: start
            // over from the registry, and keep the fresh install instead. The query gives the fresh
            // import its own module-map entry (a failed import stays failed under its URL).
            await (0,promises_.rm)(cacheDir, { recursive: true, force: true });
            query = '?reinstalled';
        }
        const problem = await this.install(cacheDir);
        if (problem)
            return problem;
        const installed = this.resolveFrom(cacheDir);
        if (!installed) {
            return `DuckDB (${PACKAGE}) is not installed and could not be installed on ${this.where()}`;
        }
        const module = await this.importFrom(installed, query);
        if (typeof module === 'object')
            store?.installed(cacheDir);
        return module;
    }
    async importFrom(entry, query = '') {
        try {
            // webpackIgnore keeps ncc from bundling DuckDB: it must stay a real run-time import.
            const url = (0,external_node_url_.pathToFileURL)(entry).href + query;
            return (await import(/* webpackIgnore: true */ url));
        }
        catch (error) {
            return `DuckDB could not be loaded on ${this.where()} (${error.message.split('\n')[0]})`;
        }
    }
    install(prefix) {
        // Short retry backoff: npm's default (2 retries, 10–60 s waits) keeps an offline runner waiting ~75 s.
        const args = [
            'install',
            '--prefix',
            prefix,
            '--no-audit',
            '--no-fund',
            '--no-package-lock',
            '--prefer-offline',
            '--fetch-retries=2',
            '--fetch-retry-mintimeout=1000',
            '--fetch-retry-maxtimeout=4000',
            '--loglevel=error',
            `${PACKAGE}@${DUCKDB_NODE_API_VERSION}`,
        ];
        return new Promise((resolve) => {
            let settled = false;
            let stderr = '';
            const done = (problem) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                resolve(problem);
            };
            const child = (0,external_node_child_process_.spawn)(this.options.npmCommand, args, {
                stdio: ['ignore', 'ignore', 'pipe'],
                shell: this.options.platform === 'win32',
            });
            const timer = setTimeout(() => {
                child.kill('SIGKILL');
                done(`installing DuckDB timed out after ${this.options.installTimeoutMs} ms on ${this.where()} (offline runner?)`);
            }, this.options.installTimeoutMs);
            child.stderr?.on('data', (chunk) => {
                if (stderr.length < 2000)
                    stderr += chunk.toString('utf8');
            });
            child.on('error', (error) => done(`installing DuckDB failed on ${this.where()}: ${this.options.npmCommand} could not be started (${error.code ?? error.message})`));
            child.on('close', (code) => done(code === 0
                ? null
                : `installing DuckDB failed on ${this.where()} (npm exit ${code}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''})`));
        });
    }
}

;// CONCATENATED MODULE: ./src/evidence/redact.ts
/**
 * Environment snapshots in a ledger may hold the job's environment variables. Their values are
 * never read; their names are kept (a changed set of variables is worth knowing), except names that
 * look like secrets themselves or name one — those are replaced, so a report cannot leak them.
 */
const SECRET_WORDS = /(secret|token|passw(or)?d|passwd|credential|api[_-]?key|private[_-]?key|auth|session|cookie|signature|\bpat\b)/i;
const TOKEN_SHAPES = /^(gh[pousr]_|github_pat_|xox[abprs]-|sk-|AKIA|ASIA|eyJ)|[A-Za-z0-9+/=_-]{32,}/;
const REDACTED_NAME = '[redacted name]';
function isSecretLookingName(name) {
    return SECRET_WORDS.test(name) || TOKEN_SHAPES.test(name);
}
/** Sorted names with every secret-looking one replaced by one `[redacted name] ×N` entry. */
function redactVariableNames(names) {
    const kept = [];
    let redacted = 0;
    for (const name of names) {
        if (isSecretLookingName(name))
            redacted += 1;
        else
            kept.push(name);
    }
    kept.sort();
    if (redacted > 0)
        kept.push(redacted === 1 ? REDACTED_NAME : `${REDACTED_NAME} ×${redacted}`);
    return kept;
}
/**
 * Anything shaped like a GitHub token: personal (`ghp_`), OAuth (`gho_`), user-to-server (`ghu_`),
 * installation (`ghs_`), refresh (`ghr_`) and fine-grained (`github_pat_`) tokens.
 */
// No word boundary before: a token glued to a metric name (`loss_ghp_…`) is still a token. The
// optional backslash catches the Markdown-escaped form (`ghp\_…`) a renderer may have produced.
const GITHUB_TOKEN = /(?<![A-Za-z0-9])(?:gh[pousr]\\?_[A-Za-z0-9]{16,255}|github\\?_pat\\?_[A-Za-z0-9_\\]{20,255})/g;
const REDACTED_TOKEN = '[redacted token]';
/**
 * Replaces the given secrets (the job's own token, whatever its shape) and every GitHub-token-shaped
 * string with `[redacted token]`. Applied to text that came from evidence before it is written
 * anywhere a person or another job can read it.
 */
function redactTokens(text, secrets = []) {
    let out = text;
    for (const secret of secrets) {
        if (secret.length >= 8)
            out = out.split(secret).join(REDACTED_TOKEN);
    }
    return out.replace(GITHUB_TOKEN, REDACTED_TOKEN);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/coerce.js
var coerce = __webpack_require__(9567);
// EXTERNAL MODULE: ./src/evidence/model.ts
var model = __webpack_require__(3000);
;// CONCATENATED MODULE: ./src/contexta/ledger-rows.ts
/**
 * Typed content of a Contexta metadata ledger (`metadata/ledger.db`), validated row by row with zod.
 * Only what the gate uses is kept; environment variable values are dropped at this boundary so they
 * never reach the model, a report or a log.
 */


const ledger_rows_text = schemas/* string */.YjP();
const optText = schemas/* string */.YjP().nullish();
const index = coerce/* number */.ai().int().nullish();
const LedgerRun = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    project_ref: optText,
    name: optText,
    status: model/* LifecycleStatus */.ZK,
    started_at: optText,
    ended_at: optText,
});
const LedgerStage = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    run_ref: ledger_rows_text,
    stage_name: ledger_rows_text,
    status: model/* LifecycleStatus */.ZK,
    order_index: index,
    started_at: optText,
    ended_at: optText,
});
const LedgerBatch = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    run_ref: ledger_rows_text,
    stage_ref: ledger_rows_text,
    batch_name: ledger_rows_text,
    status: model/* LifecycleStatus */.ZK,
    order_index: index,
});
const LedgerDeployment = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    project_ref: optText,
    deployment_name: ledger_rows_text,
    run_ref: optText,
    status: model/* LifecycleStatus */.ZK,
    order_index: index,
    started_at: optText,
    ended_at: optText,
    artifact_ref: optText,
    environment_snapshot_ref: optText,
});
const LedgerEnvironment = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    run_ref: ledger_rows_text,
    captured_at: optText,
    python_version: optText,
    platform: optText,
    packages: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()),
    environment_variable_names: schemas/* array */.YOg(schemas/* string */.YjP()),
});
const LedgerFailureCode = schemas/* enum */.k5n([
    'ledger_missing',
    'ledger_invalid',
    'ledger_storage_too_new',
    'ledger_reader_unavailable',
    'ledger_locked',
    'ledger_unreadable',
]);

;// CONCATENATED MODULE: ./src/contexta/ledger.ts
/**
 * Reading Contexta's metadata ledger (`metadata/ledger.db`, a DuckDB file): the only place run,
 * stage, batch and deployment statuses exist. DuckDB itself comes from the loader in
 * src/duckdb/loader.ts (never bundled; installed on first use, see docs/adr/0001-duckdb-loading.md).
 * Every failure comes back as a typed result — the ledger is optional evidence, never a crash.
 */




const fail = (code, reason) => ({ ok: false, code, reason });
/** Plain-JS check of the DuckDB header before any engine is loaded: magic `DUCK` at 8–11, u64 storage number at 12. */
async function readLedgerHeader(ledgerPath) {
    let handle;
    try {
        handle = await external_node_fs_.promises.open(ledgerPath, 'r');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return fail('ledger_missing', `${ledgerPath} does not exist`);
        return fail('ledger_unreadable', `${ledgerPath} cannot be opened (${code ?? 'error'})`);
    }
    try {
        const buffer = Buffer.alloc(96);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead === 0)
            return fail('ledger_invalid', 'the ledger file is empty (0 bytes); it is not a DuckDB database');
        if (bytesRead < 20 || buffer.toString('latin1', 8, 12) !== 'DUCK') {
            return fail('ledger_invalid', 'the ledger file is not a DuckDB database (no DUCK header); run and stage statuses are unknown');
        }
        const storage = buffer.readBigUInt64LE(12);
        const writerEnd = buffer.indexOf(0, 52);
        const writer = bytesRead > 52
            ? buffer.toString('latin1', 52, writerEnd > 52 ? Math.min(writerEnd, 84) : 84).trim()
            : '';
        return {
            storageVersion: storage > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(storage),
            writer: /^v\d/.test(writer) ? writer : null,
        };
    }
    catch (error) {
        return fail('ledger_unreadable', `the ledger header cannot be read (${error.code ?? 'error'})`);
    }
    finally {
        await handle.close();
    }
}
/**
 * How every ledger is opened: no extension is ever installed or loaded and no external access is
 * allowed, so a hostile file (e.g. one with a SQLite header) cannot make DuckDB fetch anything.
 */
function ledgerOpenOptions(access) {
    return {
        access_mode: access,
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        enable_external_access: 'false',
        // The metadata tables are tiny; one thread spares spinning up a worker pool per open.
        threads: '1',
    };
}
/** Names of the tables in an open ledger (to tell a Contexta ledger from any DuckDB file). */
async function tableNames(connection) {
    const result = await connection.runAndReadAll('SELECT table_name FROM information_schema.tables');
    return new Set(result.getRowObjectsJson().map((row) => String(row.table_name)));
}
class DuckDbLedgerReader {
    loader;
    /** Takes a loader to share (one DuckDB import per process), or the options to make one. */
    constructor(source) {
        this.loader = source instanceof DuckDbLoader ? source : new DuckDbLoader(source);
    }
    async read(ledgerPath) {
        try {
            const header = await readLedgerHeader(ledgerPath);
            if ('ok' in header)
                return header;
            const module = await this.loader.load();
            if (typeof module === 'string')
                return fail('ledger_reader_unavailable', `${module}; run and stage statuses are unknown`);
            return await this.query(module, ledgerPath, header);
        }
        catch (error) {
            return fail('ledger_unreadable', `the ledger could not be read: ${error.message}`);
        }
    }
    async query(module, ledgerPath, header) {
        let instance;
        try {
            instance = await module.DuckDBInstance.create(ledgerPath, ledgerOpenOptions('READ_ONLY'));
        }
        catch (error) {
            return ledgerOpenFailure(error.message, header);
        }
        let connection = null;
        try {
            connection = await instance.connect();
            const tables = await tableNames(connection);
            if (!tables.has('runs'))
                return fail('ledger_invalid', 'the DuckDB file has no runs table: it is not a Contexta ledger');
            const rows = async (table) => tables.has(table)
                ? (await connection.runAndReadAll(`SELECT * FROM ${table}`)).getRowObjectsJson()
                : [];
            const content = {
                storageVersion: header.storageVersion,
                runs: [],
                stages: [],
                batches: [],
                deployments: [],
                environments: [],
                invalidRows: [],
                walPresent: await external_node_fs_.promises.stat(`${ledgerPath}.wal`).then(() => true, () => false),
            };
            const take = (table, schema, raw, into) => {
                for (const row of raw) {
                    const payload = parsePayload(row.payload_json);
                    const parsed = schema.safeParse({ ...payload, ...withoutNulls(row), ...derived(table, payload) });
                    if (parsed.success)
                        into.push(parsed.data);
                    else {
                        const issue = parsed.error.issues[0];
                        content.invalidRows.push({
                            table,
                            ref: typeof row.ref === 'string' ? row.ref : null,
                            problem: `field ${issue.path.join('.')}: ${issue.message}`,
                        });
                    }
                }
            };
            take('runs', LedgerRun, await rows('runs'), content.runs);
            take('stage_executions', LedgerStage, await rows('stage_executions'), content.stages);
            take('batch_executions', LedgerBatch, await rows('batch_executions'), content.batches);
            take('deployment_executions', LedgerDeployment, await rows('deployment_executions'), content.deployments);
            take('environment_snapshots', LedgerEnvironment, await rows('environment_snapshots'), content.environments);
            content.stages.sort((a, b) => (a.order_index ?? Number.MAX_SAFE_INTEGER) - (b.order_index ?? Number.MAX_SAFE_INTEGER) ||
                (a.started_at ?? '').localeCompare(b.started_at ?? '') ||
                a.ref.localeCompare(b.ref));
            return { ok: true, content };
        }
        catch (error) {
            return fail('ledger_unreadable', `the ledger could not be queried: ${error.message.split('\n')[0]}`);
        }
        finally {
            connection?.closeSync();
            instance.closeSync();
        }
    }
}
/** Maps DuckDB's open errors (docs/reference/duckdb-in-node.md §6) to what a user can act on. */
function ledgerOpenFailure(message, header) {
    const first = message.split('\n')[0];
    if (/Could not set lock|Conflicting lock/i.test(message)) {
        return fail('ledger_locked', `the ledger is locked by a process still writing it (${first}); re-run once the job has finished`);
    }
    if (/version number \d+, but we can only read/i.test(message)) {
        return fail('ledger_storage_too_new', `the ledger was written by DuckDB ${header.writer ?? '(unknown version)'} in storage version ${header.storageVersion}, newer than this reader understands (${first}); upgrade the action`);
    }
    if (/not a valid DuckDB database|Corrupt database file/i.test(message))
        return fail('ledger_invalid', `the ledger is not a valid DuckDB database (${first})`);
    if (/does not exist/i.test(message))
        return fail('ledger_missing', `the ledger does not exist (${first})`);
    return fail('ledger_unreadable', `the ledger could not be opened (${first})`);
}
function parsePayload(text) {
    if (typeof text !== 'string')
        return {};
    try {
        const value = JSON.parse(text);
        return value !== null && typeof value === 'object' && !Array.isArray(value)
            ? value
            : {};
    }
    catch {
        return {};
    }
}
function withoutNulls(row) {
    const out = {};
    for (const [k, v] of Object.entries(row))
        if (v !== null && k !== 'payload_json')
            out[k] = v;
    return out;
}
/** Fields that only the payload holds, in the row schema's shape; environment values are dropped here. */
function derived(table, payload) {
    if (table !== 'environment_snapshots')
        return {};
    const vars = payload.environment_variables;
    const packages = payload.packages;
    return {
        environment_variables: undefined,
        environment_variable_names: vars !== null && typeof vars === 'object' && !Array.isArray(vars)
            ? redactVariableNames(Object.keys(vars))
            : [],
        packages: packages !== null && typeof packages === 'object' && !Array.isArray(packages)
            ? Object.fromEntries(Object.entries(packages).map(([k, v]) => [k, String(v)]))
            : {},
    };
}

// EXTERNAL MODULE: ./src/evidence/gaps.ts
var gaps = __webpack_require__(4200);
// EXTERNAL MODULE: ./src/history/record.ts
var history_record = __webpack_require__(5799);
// EXTERNAL MODULE: ./src/evidence/json-text.ts
var json_text = __webpack_require__(6491);
;// CONCATENATED MODULE: ./src/history/store.ts
/**
 * `history.jsonl`: reading it back (every line validated; a bad line is an evidence gap, never a
 * crash and never a silently trusted value), appending this run and bounding it. The bound is per
 * project — `HISTORY_MAX_RUNS` records of at most `HISTORY_MAX_SERIES` values each — so the file
 * stays the same size after a thousand pushes as after a hundred.
 */



/** A history file over this many bytes was not written by us (the bound keeps ours far smaller). */
const HISTORY_MAX_FILE_BYTES = 32 * 1024 * 1024;
const MAX_LISTED_GAPS = 20;
function firstIssue(error) {
    const issue = error.issues[0];
    if (!issue)
        return 'not a history record';
    const at = issue.path.map(String).join('.');
    return `${at === '' ? 'record' : at}: ${issue.message}`;
}
/** Parses the text of a history file; `file` only labels the gaps. */
function parseHistory(text, file = history_record/* HISTORY_FILE */.CX) {
    const records = [];
    const gaps = [];
    let bad = 0;
    const gap = (line, code, message) => {
        bad++;
        if (bad <= MAX_LISTED_GAPS)
            gaps.push({ code, severity: 'warning', file, line, message });
    };
    const lines = text.split('\n');
    lines.forEach((raw, index) => {
        const line = index + 1;
        const trimmed = raw.replace(/\r$/, '');
        if (trimmed.trim() === '')
            return;
        if (Buffer.byteLength(trimmed, 'utf8') > history_record/* HISTORY_MAX_LINE_BYTES */.zp) {
            gap(line, 'line_too_long', `history line longer than ${history_record/* HISTORY_MAX_LINE_BYTES */.zp} bytes; not used`);
            return;
        }
        const parsed = (0,json_text/* parseJsonText */.lk)(trimmed, 8);
        if (!parsed.ok) {
            gap(line, 'invalid_json_line', 'history line is not valid JSON; not used');
            return;
        }
        const record = history_record/* HistoryRecord */.YG.safeParse(parsed.value);
        if (!record.success) {
            gap(line, 'record_invalid', `history line is not a version-1 history record (${firstIssue(record.error)}); not used`);
            return;
        }
        records.push(record.data);
    });
    if (bad > MAX_LISTED_GAPS) {
        gaps.push({
            code: 'record_invalid',
            severity: 'warning',
            file,
            message: `${bad - MAX_LISTED_GAPS} more history lines were not used`,
            count: bad - MAX_LISTED_GAPS,
        });
    }
    return { records: records.sort(history_record/* compareRecords */.aB), gaps };
}
/**
 * Reads a history file; null when there is none (a chain that starts here). A file that cannot be
 * used as a whole is one gap and an empty history.
 */
async function readHistoryFile(path, file = history_record/* HISTORY_FILE */.CX) {
    let info;
    try {
        info = await external_node_fs_.promises.lstat(path);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        return { records: [], gaps: [unusable(file, `cannot be read (${error.message})`)] };
    }
    if (!info.isFile())
        return { records: [], gaps: [unusable(file, 'is not a regular file')] };
    if (info.size > HISTORY_MAX_FILE_BYTES) {
        return {
            records: [],
            gaps: [unusable(file, `is ${info.size} bytes, over the ${HISTORY_MAX_FILE_BYTES}-byte bound`)],
        };
    }
    return parseHistory(await external_node_fs_.promises.readFile(path, 'utf8'), file);
}
function unusable(file, why) {
    return {
        code: 'file_unreadable',
        severity: 'warning',
        file,
        message: `${file} ${why}; the history restarts from this run`,
    };
}
/**
 * The history with this run's records added, bounded to the last `maxRuns` records of each project
 * and ordered oldest first. A record with the same project and run id replaces the earlier one (a
 * re-run of a job records its run once).
 */
function appendHistory(records, added, maxRuns = HISTORY_MAX_RUNS) {
    const same = (a, b) => a.project === b.project && a.runId !== null && a.runId === b.runId;
    const kept = records.filter((r) => !added.some((a) => same(a, r)));
    const all = [...kept, ...added].sort(compareRecords);
    const perProject = new Map();
    const out = [];
    for (let i = all.length - 1; i >= 0; i--) {
        const record = all[i];
        const count = perProject.get(record.project) ?? 0;
        if (count >= maxRuns)
            continue;
        perProject.set(record.project, count + 1);
        out.push(record);
    }
    return out.reverse();
}
function serializeHistory(records) {
    return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
/** Only the records of one project: several projects share one artifact, never one series. */
function projectHistory(history, project) {
    return (history?.records ?? []).filter((r) => r.project === project);
}

// EXTERNAL MODULE: ./src/sources/open.ts + 32 modules
var sources_open = __webpack_require__(2145);
// EXTERNAL MODULE: ./src/sources/parse-workers.ts + 1 modules
var parse_workers = __webpack_require__(7451);
;// CONCATENATED MODULE: ./src/cli/evidence-json.ts
/** Arrays at least this long are streamed; shorter ones are cheaper to leave to JSON.stringify. */
const STREAMED_LENGTH = 256;
/** Characters gathered before a piece is written. */
const PIECE_CHARS = 1 << 16;
function streamable(value) {
    if (ArrayBuffer.isView(value))
        return !(value instanceof DataView);
    if (!Array.isArray(value) || value.length < STREAMED_LENGTH)
        return false;
    return value.every((v) => v === null || (typeof v !== 'object' && typeof v !== 'function'));
}
function writeEvidenceJson(evidence, write) {
    // A placeholder no evidence string can hold by accident: a random nonce per call.
    const marker = `cg-streamed-array-${Math.random().toString(36).slice(2)}-`;
    const arrays = [];
    const skeleton = JSON.stringify(evidence, (_key, value) => (streamable(value) ? `${marker}${arrays.push(value) - 1}` : value), 2);
    const placeholder = new RegExp(`"${marker}(\\d+)"`, 'g');
    let last = 0;
    for (let match = placeholder.exec(skeleton); match !== null; match = placeholder.exec(skeleton)) {
        write(skeleton.slice(last, match.index));
        const lineStart = skeleton.lastIndexOf('\n', match.index) + 1;
        const indent = /^ */.exec(skeleton.slice(lineStart, match.index))[0];
        writeArray(arrays[Number(match[1])], indent, write);
        last = match.index + match[0].length;
    }
    write(`${skeleton.slice(last)}\n`);
}
/** One array as JSON.stringify(…, 2) lays it out at this indentation. */
function writeArray(values, indent, write) {
    if (values.length === 0) {
        write('[]');
        return;
    }
    const inner = `${indent}  `;
    let piece = '[';
    for (let i = 0; i < values.length; i++) {
        piece += `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(values[i]) ?? 'null'}`;
        if (piece.length >= PIECE_CHARS) {
            write(piece);
            piece = '';
        }
    }
    write(`${piece}\n${indent}]`);
}

// EXTERNAL MODULE: ./src/cli/history.ts + 1 modules
var cli_history = __webpack_require__(7672);
;// CONCATENATED MODULE: ./src/cli/inspect.ts
/**
 * `contexta-gate inspect <workspace> [--json] [--no-ledger]`: shows what the gate can read from a
 * workspace — projects, runs, stages, metrics, samples, artifacts, deployments, environment, or a
 * metalab store's experiments and units — and every gap with file:line, so a user can see what is
 * missing before any gate judges it. It opens evidence as compare does, so it reads every layout
 * compare reads.
 */













const USAGE = `usage: contexta-gate inspect <workspace> [--json] [--no-ledger] [--workers <n>]

  <workspace>   a .contexta directory, a records/ directory, a directory holding workspaces,
                or a metalab store (a collection root or one experiment directory)
  --json        print the evidence as JSON
  --no-ledger   do not read metadata/ledger.db (statuses stay unknown)
  --workers <n> at most n threads parse evidence files of 128 MiB or more (default: one per core
                available); 1 reads everything on the main thread. The output is the same either way
`;
/** The default ledger reader for the CLI: DuckDB from the nearest node_modules, else a cached install. */
function cliLedgerReader(cwd) {
    return new DuckDbLedgerReader({
        searchPaths: [import.meta.dirname, cwd],
        cacheDir: external_node_path_default().join(external_node_os_default().tmpdir(), `contexta-gate-duckdb-${DUCKDB_NODE_API_VERSION}`),
    });
}
async function inspectCommand(args, io, deps = {}) {
    let parsed;
    try {
        parsed = parse(args);
    }
    catch (error) {
        io.stderr(`contexta-gate inspect: ${error.message}\n${USAGE}`);
        return 2;
    }
    if (parsed.values.help) {
        io.stdout(USAGE);
        return 0;
    }
    if (parsed.values.workers !== null && typeof parsed.values.workers === 'object') {
        io.stderr(`contexta-gate inspect: ${parsed.values.workers.error}\n${USAGE}`);
        return 2;
    }
    if (parsed.positionals.length !== 1) {
        io.stderr(`contexta-gate inspect: expected exactly one workspace path\n${USAGE}`);
        return 2;
    }
    const given = parsed.positionals[0];
    const absolute = external_node_path_default().resolve(io.cwd, given);
    try {
        const stat = await external_node_fs_.promises.stat(absolute);
        if (!stat.isDirectory()) {
            io.stderr(`contexta-gate inspect: ${given} is not a directory\n`);
            return 2;
        }
        await external_node_fs_.promises.readdir(absolute);
    }
    catch (error) {
        io.stderr(`contexta-gate inspect: cannot read ${given} (${error.code ?? 'error'})\n`);
        return 2;
    }
    const ledger = deps.ledger !== undefined ? deps.ledger : parsed.values.ledger === false ? null : cliLedgerReader(io.cwd);
    const pool = (0,parse_workers/* createParsePool */._h)((0,parse_workers/* parseThreads */.Js)(parsed.values.workers));
    let evidence;
    try {
        evidence = await (0,sources_open/* openEvidence */.i)(absolute, { ledger, pool });
    }
    finally {
        await pool?.close();
    }
    evidence.source.root = given;
    if (parsed.values.json)
        writeEvidenceJson(evidence, io.stdout);
    else {
        io.stdout(renderEvidence(evidence));
        const history = await readHistoryFile(external_node_path_default().join(absolute, history_record/* HISTORY_FILE */.CX));
        if (history)
            io.stdout((0,cli_history/* renderHistory */.z)(history));
    }
    return 0;
}
function parse(args) {
    const parsed = (0,external_node_util_.parseArgs)({
        args,
        allowPositionals: true,
        allowNegative: true,
        strict: true,
        options: {
            json: { type: 'boolean', default: false },
            ledger: { type: 'boolean', default: true },
            workers: { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    return {
        ...parsed,
        values: { ...parsed.values, workers: (0,parse_workers/* parseWorkersCap */.No)(parsed.values.workers, '--workers') },
    };
}
const fmt = (value) => Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function metricLines(series, indent) {
    const byKey = new Map();
    for (const s of series) {
        const key = s.batch ? `${s.key} [batch ${s.batch}]` : s.key;
        byKey.set(key, [...(byKey.get(key) ?? []), s]);
    }
    const lines = [];
    for (const [key, group] of byKey) {
        const observations = group.reduce((n, s) => n + s.count, 0);
        const parts = group.map((s) => {
            const flags = [
                s.unit ? s.unit : null,
                s.steps ? `${s.steps.count} steps` : null,
                s.completeness !== 'complete' ? s.completeness : null,
                s.degraded ? 'degraded' : null,
                s.nonFinite > 0 ? `${s.nonFinite} non-finite` : null,
            ].filter((f) => f !== null);
            return `${s.slice ?? 'overall'}=${fmt(s.latest.value)}${flags.length ? ` (${flags.join(', ')})` : ''}`;
        });
        lines.push(`${indent}${key}: ${plural(observations, 'observation')}; latest ${parts.join(', ')}`);
    }
    return lines;
}
/** A metalab unit: one parameter combination, with the outcome of each of its seed replicates. */
function unitLines(run, unit) {
    const byStatus = new Map();
    for (const r of unit.replicates)
        byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const expected = unit.expectedReplicates === null ? '' : ` of ${unit.expectedReplicates} expected`;
    const outcomes = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
    return [
        `  Unit ${run.name} (${run.ref}): status ${run.status ?? 'unknown'}, ${plural(unit.replicates.length, 'replicate')}${expected} (${outcomes})`,
        ...unit.replicates.map((r) => `    Replicate ${r.runId}: seed ${r.seedFingerprint ?? 'unknown'}, ${r.status}`),
    ];
}
function renderRun(run) {
    const out = run.metalab
        ? unitLines(run, run.metalab)
        : [
            `  Run ${run.name} (${run.ref}): status ${run.status ?? 'unknown'}, ${plural(run.recordCount, 'record')}`,
        ];
    if (run.environment) {
        const env = run.environment;
        out.push(`    Environment: python ${env.python ?? '?'}, ${env.platform ?? '?'}, ${plural(Object.keys(env.packages).length, 'package')}, ${plural(env.environmentVariableNames.length, 'environment variable name')}`);
    }
    if (run.runMetrics.length > 0) {
        out.push('    Run-level metrics:');
        out.push(...metricLines(run.runMetrics, '      '));
    }
    for (const stage of run.stages) {
        const extra = [
            stage.partialRecords > 0 ? `${stage.partialRecords} incomplete` : null,
            stage.batches.length > 0
                ? `batches ${stage.batches.map((b) => `${b.name} (${b.status ?? 'status unknown'})`).join(', ')}`
                : null,
        ].filter((e) => e !== null);
        out.push(`    Stage ${stage.name}: status ${stage.status ?? 'unknown'}, ${plural(stage.recordCount, 'record')}${extra.length ? `; ${extra.join('; ')}` : ''}`);
        out.push(...metricLines(stage.metrics, '      '));
        for (const samples of stage.samples) {
            const slices = samples.sliceNames.length > 0 ? `, slices ${samples.sliceNames.join(', ')}` : '';
            out.push(`      samples ${samples.key}: n=${samples.ids.length}${samples.binary ? ' (binary)' : ''}${slices}`);
        }
    }
    for (const event of run.events) {
        out.push(`    Event ${event.key} ×${event.count}${event.stage ? ` in ${event.stage}` : ' (run level)'}`);
    }
    for (const d of run.degraded) {
        out.push(`    Degraded ${d.issueKey} (${d.severity ?? '?'}${d.stage ? `, stage ${d.stage}` : ''}): ${d.summary}`);
    }
    for (const a of run.artifacts) {
        const facts = [
            a.source,
            a.status,
            a.stage ? `stage ${a.stage}` : null,
            a.sizeBytes !== null ? `${a.sizeBytes} bytes` : null,
            a.hash ? `hash ${a.hash.slice(0, 12)}…` : null,
        ].filter((f) => f !== null);
        out.push(`    Artifact ${a.kind} ${a.ref} (${facts.join(', ')})${a.location ? ` at ${a.location}` : ''}`);
    }
    return out;
}
function gapLine(gap) {
    const where = gap.file ? `${gap.file}${gap.line !== undefined ? `:${gap.line}` : ''}` : '';
    const about = [gap.runRef ? `run ${gap.runRef}` : null, gap.stage ? `stage ${gap.stage}` : null]
        .filter((a) => a !== null)
        .join(', ');
    const count = gap.count !== undefined && gap.count > 1 ? ` (×${gap.count})` : '';
    const places = (0,gaps/* gapSampleText */.Mk)(gap);
    const sample = places ? `\n    ${places}` : '';
    return `  ${gap.severity.padEnd(7)} ${gap.code}${count}${where ? ` at ${where}` : ''}${about ? ` [${about}]` : ''}: ${gap.message}${sample}`;
}
function renderEvidence(evidence) {
    const metalab = evidence.source.kind === 'metalab';
    const out = [`${metalab ? 'metalab' : 'Contexta'} evidence in ${evidence.source.root}`];
    if (evidence.source.workspaces.length === 0)
        out.push('Workspaces: none found');
    for (const ws of evidence.source.workspaces)
        out.push(`Workspace ${ws.path}: ${ws.layouts.join(', ')}`);
    for (const project of evidence.projects) {
        out.push('', metalab
            ? `Experiment ${project.name}: ${plural(project.runs.length, 'unit')}`
            : `Project ${project.name}: ${plural(project.runs.length, 'run')}`);
        for (const run of project.runs)
            out.push(...renderRun(run));
        for (const d of project.deployments) {
            out.push(`  Deployment ${d.name} (${d.ref}): status ${d.status ?? 'unknown'}, run ${d.runRef ?? 'unknown'}, from ${d.source === 'ledger' ? 'the ledger' : 'a deployment.promoted event'}`);
        }
    }
    out.push('', evidence.gaps.length === 0 ? 'Gaps: none' : `Gaps (${evidence.gaps.length}):`);
    for (const gap of evidence.gaps)
        out.push(gapLine(gap));
    if (evidence.notes.length > 0) {
        out.push('', 'Notes:');
        for (const note of evidence.notes)
            out.push(`  - ${note}`);
    }
    return `${out.join('\n')}\n`;
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

/***/ 6491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ ambiguity),
/* harmony export */   U$: () => (/* binding */ outOfRangeText),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* unused harmony exports nestingDepth, findDuplicateKey */
/**
 * JSON parsing for evidence files. Python's `json` module writes and accepts the bare tokens
 * `NaN`, `Infinity` and `-Infinity`, which `JSON.parse` rejects; both metalab stores and hand-made
 * Contexta lines can contain them. We keep the fast path (`JSON.parse`) and only on failure retry
 * with those tokens turned into sentinels, so a non-finite number is read faithfully and can be
 * reported instead of making a whole line unreadable.
 */
const NON_FINITE_TOKENS = [
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
];
/** A key no JSON producer writes by accident; the nonce keeps crafted input from colliding. */
const SENTINEL_PREFIX = `\u0000cg-nonfinite-${Math.random().toString(36).slice(2)}:`;
function replaceNonFiniteTokens(text) {
    let out = '';
    let last = 0;
    let inString = false;
    let replaced = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (inString) {
            if (ch === 0x5c)
                i++;
            else if (ch === 0x22)
                inString = false;
            continue;
        }
        if (ch === 0x22) {
            inString = true;
            continue;
        }
        if (ch !== 0x4e && ch !== 0x49 && ch !== 0x2d)
            continue;
        for (const [token] of NON_FINITE_TOKENS) {
            if (text.startsWith(token, i)) {
                out += text.slice(last, i) + JSON.stringify(SENTINEL_PREFIX + token);
                i += token.length - 1;
                last = i + 1;
                replaced = true;
                break;
            }
        }
    }
    if (!replaced)
        return null;
    return out + text.slice(last);
}
function reviveNonFinite(_key, value) {
    if (typeof value === 'string' && value.startsWith(SENTINEL_PREFIX)) {
        const token = value.slice(SENTINEL_PREFIX.length);
        const hit = NON_FINITE_TOKENS.find(([name]) => name === token);
        if (hit)
            return hit[1];
    }
    return value;
}
/** Above this limit the walk is iterative, so a configured limit can never exhaust the stack. */
const RECURSIVE_LIMIT = 512;
const isSuspect = (v) => v === 0 || v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;
function noteNumber(v, walk) {
    if (v === 0)
        walk.zero = true;
    else if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY)
        walk.infinite = true;
}
/**
 * Whether a 0 in the parsed value can come from a literal that underflowed. Below the smallest
 * double (about 4.9e-324) a literal needs a negative exponent or hundreds of zeros after the point;
 * per-sample outcomes are full of honest zeros, so only text showing either is looked at again.
 */
const MAYBE_UNDERFLOW = /[0-9][eE]-|\.0{300}/;
/**
 * Depth of nested arrays/objects; stops as soon as `limit` is exceeded (returning limit + 1). Runs on
 * every line read, so for the usual limits it recurses without allocating (at most limit + 1 frames);
 * larger limits use an explicit stack.
 */
function nestingDepth(value, limit) {
    return walkTree(value, limit, { keys: 0, zero: false, infinite: false });
}
function walkTree(value, limit, walk) {
    if (value === null || typeof value !== 'object') {
        if (typeof value === 'number' && isSuspect(value))
            noteNumber(value, walk);
        return 0;
    }
    if (limit > RECURSIVE_LIMIT)
        return nestingDepthIterative(value, limit, walk);
    return depthBelow(value, 1, limit, walk);
}
function depthBelow(node, level, limit, walk) {
    if (level > limit)
        return level;
    let deepest = level;
    if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
            const child = node[i];
            if (child === null)
                continue;
            if (typeof child !== 'object') {
                if (typeof child === 'number' && isSuspect(child))
                    noteNumber(child, walk);
                continue;
            }
            const depth = depthBelow(child, level + 1, limit, walk);
            if (depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
        }
        return deepest;
    }
    for (const key in node) {
        walk.keys++;
        const child = node[key];
        if (child === null)
            continue;
        if (typeof child !== 'object') {
            if (typeof child === 'number' && isSuspect(child))
                noteNumber(child, walk);
            continue;
        }
        const depth = depthBelow(child, level + 1, limit, walk);
        if (depth > deepest) {
            deepest = depth;
            if (deepest > limit)
                return deepest;
        }
    }
    return deepest;
}
function nestingDepthIterative(value, limit, walk) {
    const stack = [[value, 1]];
    let deepest = 0;
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if (depth > deepest) {
            deepest = depth;
            if (deepest > limit)
                return deepest;
        }
        const isArray = Array.isArray(node);
        if (!isArray)
            walk.keys += Object.keys(node).length;
        const children = isArray ? node : Object.values(node);
        for (const child of children) {
            if (child !== null && typeof child === 'object')
                stack.push([child, depth + 1]);
            else if (typeof child === 'number' && isSuspect(child))
                noteNumber(child, walk);
        }
    }
    return deepest;
}
/**
 * Whether the text may name more keys than the parsed value holds. Every key in the text is a string
 * followed by a colon, directly or after whitespace. So when no colon follows whitespace and the
 * `":` pairs number exactly the parsed keys, no key can repeat; only otherwise (a repeat, spacing,
 * or a rare `\":` or ` :` inside a string) is the text scanned key by key. One pass of a
 * single-character search: this runs on every line read.
 */
function mayRepeatKeys(text, parsedKeys) {
    let pairs = 0;
    for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
        const before = text.charCodeAt(i - 1);
        if (before === 0x22)
            pairs++;
        else if (isWhitespace(before))
            return true;
    }
    return pairs !== parsedKeys;
}
const isWhitespace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Index just past the string starting at `start` (a `"`). */
function stringEnd(text, start) {
    let i = start + 1;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 0x5c)
            i += 2;
        else if (c === 0x22)
            return i + 1;
        else
            i++;
    }
    return i;
}
/**
 * The dotted path of the first key that an object of `text` (already known to be valid JSON) names
 * twice, or null. Keys are compared after unescaping, as `JSON.parse` would.
 */
function findDuplicateKey(text) {
    const stack = [];
    for (let i = 0; i < text.length;) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            const end = stringEnd(text, i);
            const top = stack[stack.length - 1];
            let j = end;
            while (j < text.length && isWhitespace(text.charCodeAt(j)))
                j++;
            if (top?.keys && text.charCodeAt(j) === 0x3a) {
                const raw = text.slice(i + 1, end - 1);
                const key = raw.includes('\\') ? JSON.parse(text.slice(i, end)) : raw;
                const path = top.path ? `${top.path}.${key}` : key;
                if (top.keys.has(key))
                    return path;
                top.keys.add(key);
                top.pending = path;
                i = j + 1;
                continue;
            }
            i = end;
            continue;
        }
        if (c === 0x7b || c === 0x5b) {
            const parent = stack[stack.length - 1];
            const path = parent ? (parent.keys ? parent.pending : `${parent.path}[]`) : '';
            stack.push({ keys: c === 0x7b ? new Set() : null, path, pending: '' });
        }
        else if (c === 0x7d || c === 0x5d)
            stack.pop();
        i++;
    }
    return null;
}
/** A number literal whose double is Infinity (overflow) or 0 although its digits are not all zero. */
function outOfRangeLiteral(source, value) {
    if (value !== 0)
        return true;
    const e = source.search(/[eE]/);
    return /[1-9]/.test(e === -1 ? source : source.slice(0, e));
}
/**
 * Parses again with a reviver that sees each number's source text (`JSON.parse` source access),
 * replacing out-of-range numbers by NaN and listing them; also revives the NaN/Infinity sentinels.
 */
function reviveOutOfRange(text, found) {
    return JSON.parse(text, ((key, value, context) => {
        const revived = reviveNonFinite(key, value);
        if (revived !== value || typeof value !== 'number' || !isSuspect(value))
            return revived;
        const source = context?.source;
        if (source === undefined || !outOfRangeLiteral(source, value))
            return value;
        found.push({
            key: key === '' ? '(root)' : key,
            text: source,
            reads: value === 0 ? '0' : value > 0 ? 'Infinity' : '-Infinity',
        });
        return Number.NaN;
    }));
}
function parseJsonText(text, maxDepth) {
    let value;
    let parsedText = text;
    let nonFinite = false;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const rewritten = replaceNonFiniteTokens(text);
        if (rewritten === null)
            return { ok: false, reason: 'invalid_json', message: error.message };
        try {
            value = JSON.parse(rewritten, reviveNonFinite);
            parsedText = rewritten;
            nonFinite = true;
        }
        catch {
            return { ok: false, reason: 'invalid_json', message: error.message };
        }
    }
    const walk = { keys: 0, zero: false, infinite: false };
    const depth = walkTree(value, maxDepth, walk);
    if (depth > maxDepth)
        return { ok: false, reason: 'too_deep', depth };
    const duplicateKey = mayRepeatKeys(text, walk.keys) ? findDuplicateKey(text) : null;
    const outOfRange = [];
    if (walk.infinite || (walk.zero && MAYBE_UNDERFLOW.test(text))) {
        const revived = reviveOutOfRange(parsedText, outOfRange);
        if (outOfRange.length > 0)
            value = revived;
    }
    return { ok: true, value, nonFinite, duplicateKey, outOfRange };
}
/**
 * Why a parsed document cannot be trusted as written (a repeated key, a number beyond the double
 * range), in words for a gap message, or null when it can.
 */
function ambiguity(parsed) {
    if (parsed.duplicateKey !== null) {
        return `the key "${parsed.duplicateKey}" is written twice in one object, so its value is ambiguous`;
    }
    const first = parsed.outOfRange[0];
    if (first)
        return outOfRangeText(first, parsed.outOfRange.length);
    return null;
}
function outOfRangeText(first, count) {
    const more = count > 1 ? ` (and ${count - 1} more such number(s))` : '';
    return `the number ${first.text} at "${first.key}" is beyond the range of a double: it would silently read as ${first.reads}${more}`;
}


/***/ }),

/***/ 3000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ AggregationScope),
/* harmony export */   JQ: () => (/* binding */ sampleNames),
/* harmony export */   ZK: () => (/* binding */ LifecycleStatus),
/* harmony export */   r7: () => (/* binding */ DegradationMarker),
/* harmony export */   yg: () => (/* binding */ sampleName),
/* harmony export */   zC: () => (/* binding */ CompletenessMarker)
/* harmony export */ });
/* unused harmony exports Severity, GapCode, EvidenceGap, MetricSeries, SampleSeries, Batch, DegradedRecord, EventSummary, Stage, Artifact, EnvironmentSnapshot, Deployment, MetalabReplicateStatus, MetalabUnit, Run, Project, Layout, Evidence */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);
/* harmony import */ var _sample_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9130);
/**
 * The one evidence model every reader produces (Contexta capture cache, canonical record store,
 * DuckDB ledger, metalab run store) and every later step (compare, gates, report) consumes.
 *
 * It is an aggregate, not a list of records: a reader folds records into series while streaming so
 * memory grows with the number of distinct series and samples, never with the number of lines.
 * Absence is explicit: `null` means "not known" (e.g. a status without a ledger), and everything a
 * reader could not use becomes an `EvidenceGap`.
 */


const Severity = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['error', 'warning', 'info']);
/** Contexta's lifecycle vocabulary; `completed` is the success state. */
const LifecycleStatus = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['open', 'completed', 'failed', 'cancelled']);
const CompletenessMarker = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['complete', 'partial', 'sampled', 'absent', 'unknown']);
const DegradationMarker = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n([
    'none',
    'partial_failure',
    'capture_gap',
    'import_loss',
    'compatibility_upgrade',
]);
const AggregationScope = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['run', 'stage', 'operation', 'step', 'slice']);
/**
 * Codes for everything a reader could not use or found suspicious. The Contexta integrity codes
 * (`truncated_line`, `invalid_json_line`, `sequence_gap`, `manifest_sequence_mismatch`) keep
 * Contexta's names so users can map them to `contexta` repair tools.
 */
const GapCode = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n([
    // line-level integrity
    'truncated_line',
    'invalid_json_line',
    'invalid_encoding',
    'line_too_long',
    'nesting_too_deep',
    'duplicate_key',
    'number_out_of_range',
    'non_finite_number',
    'unsafe_integer',
    'record_invalid',
    'unknown_record_type',
    'unknown_field',
    'unknown_schema_version',
    'invalid_ref',
    'duplicate_record_ref',
    'conflicting_record_ref',
    'duplicate_sample',
    // store-level integrity
    'sequence_gap',
    'duplicate_sequence',
    'manifest_sequence_mismatch',
    'manifest_segment_mismatch',
    'manifest_missing',
    'manifest_invalid',
    'empty_file',
    'file_unreadable',
    'file_too_large',
    'symlink_outside_workspace',
    'binding_invalid',
    'artifact_object_missing',
    // ledger
    'ledger_missing',
    'ledger_invalid',
    'ledger_storage_too_new',
    'ledger_reader_unavailable',
    'ledger_locked',
    'ledger_unreadable',
    'statuses_unavailable',
    // content
    'no_evidence',
    'degraded_record',
    'partial_record',
    'run_incomplete',
    'run_failed',
    'run_missing',
    'series_lost',
    // shards of one run (a job matrix), merged by sources/shards.ts
    'shard_missing',
    'shard_duplicated',
    'shard_foreign_commit',
    'shard_unexpected',
]);
const EvidenceGap = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    code: GapCode,
    severity: Severity,
    /** Workspace-relative path of the file the gap was found in, when there is one. */
    file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    /** 1-based line number within `file`. */
    line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    /** The ref the gap is about (record, run, stage, artifact, metalab run id). */
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    /** Attribution, so gates can ask "any gap in stage evaluate of the candidate run?". */
    runRef: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    stage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /**
     * How many occurrences one aggregated gap stands for (duplicate refs in a file, lines beyond the
     * per-file listing cap, …); absent means one.
     */
    count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    /**
     * Set only on an entry that summarises a gap code repeated too often to list (see
     * `GAPS_LISTED_PER_KIND` in gaps.ts): where its first occurrences are, at most
     * `GAP_SAMPLE_SIZE` of them; `count` then totals every occurrence.
     */
    sample: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        line: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
        count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    }))
        .optional(),
});
const StepSummary = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    /** Number of distinct step values seen (from `tags.step` or metalab stepped series). */
    count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    first: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    last: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    min: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    max: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
});
/**
 * One metric series: all observations of one metric key for one slice (and batch) of one stage or
 * run. `latest` follows Contexta's rule (greatest `observed_at`, later line on ties) but compares
 * real instants rather than strings.
 */
const MetricSeries = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /** From `tags.slice`, else `slice_ref`; null is the overall series. */
    slice: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    /** Batch name (4th component of the batch ref) when the series is batch-scoped. */
    batch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    scope: AggregationScope.nullable(),
    unit: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    latest: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        value: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
        observedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
        recordRef: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
        step: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    }),
    /** How many observations were folded into this series. */
    count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    steps: StepSummary.nullable(),
    /** Worst completeness marker seen on any observation. */
    completeness: CompletenessMarker,
    degraded: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** Observations whose value was NaN/±Infinity: reported, never compared. */
    nonFinite: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    /**
     * metalab seed replicates: each replicate's final value, so statistics can use the spread.
     * Empty for Contexta series.
     */
    replicates: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()),
    /**
     * metalab: the `seed_fingerprint` of each entry of `replicates`, same order, so baseline and
     * candidate replicates pair by seed. Absent for Contexta series.
     */
    replicateSeeds: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    /** Tags of the latest observation other than `slice` and `step`. */
    tags: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    /**
     * Set when the series was merged from shards: `recomputed` from the merged per-sample outcomes,
     * `weighted` from per-shard aggregates weighted by each shard's sample count, `summed` for counts.
     */
    combined: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['recomputed', 'weighted', 'summed']).optional(),
});
/**
 * Per-sample outcomes of one metric key in one stage, in compact columns. Sample names are the
 * last component of the sample ref (`s-0001`), which is what pairs baseline and candidate.
 */
const SampleSeries = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /**
     * Each sample's identity within its stage, as an id into `table`. The name behind an id is
     * (batch, sample name): `<batch>/<sample>` for a sample recorded in a batch, the bare name
     * otherwise (`sampleIdentity`). Unique per series: a sample recorded twice is a `duplicate_sample`
     * gap and absent here.
     */
    ids: zod__WEBPACK_IMPORTED_MODULE_0__/* ["instanceof"] */ .Nlp(Int32Array),
    /** The table `ids` index; series read with one table share it, which is what pairs them cheaply. */
    table: zod__WEBPACK_IMPORTED_MODULE_0__/* ["instanceof"] */ .Nlp(_sample_names_js__WEBPACK_IMPORTED_MODULE_1__/* .SampleNames */ .j),
    values: zod__WEBPACK_IMPORTED_MODULE_0__/* ["instanceof"] */ .Nlp(Float64Array),
    /** Index into `sliceNames` per sample, -1 when the sample has no slice. */
    sliceIndex: zod__WEBPACK_IMPORTED_MODULE_0__/* ["instanceof"] */ .Nlp(Int32Array),
    sliceNames: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    /** True when every value is exactly 0 or 1 (a binary outcome such as `correct`/`pass`). */
    binary: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
});
/** The name of row `row` of a sample series. */
function sampleName(series, row) {
    return series.table.names[series.ids[row]];
}
/** The names of every row of a sample series, in row order. */
function sampleNames(series) {
    return Array.from(series.ids, (id) => series.table.names[id]);
}
const Batch = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status: LifecycleStatus.nullable(),
});
const DegradedRecord = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    recordRef: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    issueKey: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    category: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['warning', 'error']).nullable(),
    summary: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    degradationMarker: DegradationMarker,
    stage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
});
const EventSummary = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    level: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    lastMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    stage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
});
const Stage = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /** From the ledger; null when no ledger could be read. */
    status: LifecycleStatus.nullable(),
    orderIndex: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nullable(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(MetricSeries),
    samples: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SampleSeries),
    batches: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Batch),
    recordCount: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    /** Records in this stage whose completeness marker is not `complete`. */
    partialRecords: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
});
const Artifact = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /** Location as recorded (`path:/abs/file`, a metalab uri re-rooted, …). */
    location: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().nullable(),
    hash: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    stage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    /** Where we learned about it. */
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['binding', 'capture', 'metalab']),
    /** `BOUND`/`PENDING`/`DEGRADED` for capture lines; `verified`/`missing` for bindings. */
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
});
const EnvironmentSnapshot = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    capturedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    python: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    platform: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    packages: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    /** Names only: environment variable values are never read into the model. */
    environmentVariableNames: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
});
const Deployment = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status: LifecycleStatus.nullable(),
    runRef: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    endedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    /** `ledger` row, or a `deployment.promoted` event record. */
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['ledger', 'event']),
    /** Extra facts (environment, GitHub deployment id, …) carried by an event record. */
    attributes: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()),
});
const MetalabReplicateStatus = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n([
    'success',
    'failed',
    'cancelled',
    'running',
    /** Listed in the experiment manifest, no run record on disk. */
    'missing',
    /** A run record exists but could not be read or validated. */
    'unreadable',
]);
/**
 * What a metalab unit (one parameter combination) is made of. The fingerprints let the engine
 * refuse to compare units whose inputs changed (`contextFingerprints` differ) and show which code
 * produced them.
 */
const MetalabUnit = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    experimentId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    paramsFingerprints: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    contextFingerprints: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    codeHashes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
    /** Expected replicates from the experiment manifest's seed plan; null without a manifest. */
    expectedReplicates: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().nullable(),
    replicates: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        seedFingerprint: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
        status: MetalabReplicateStatus,
    })),
});
const Run = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    project: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status: LifecycleStatus.nullable(),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    endedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    stages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Stage),
    /** Metrics recorded without a stage. Contexta's compare ignores them; we compare them. */
    runMetrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(MetricSeries),
    events: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(EventSummary),
    degraded: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(DegradedRecord),
    artifacts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Artifact),
    environment: EnvironmentSnapshot.nullable(),
    recordCount: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    /** metalab: the parameter combination this unit stands for. */
    params: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).nullable(),
    /** metalab: identity and outcome of every replicate of the unit. Absent for Contexta runs. */
    metalab: MetalabUnit.optional(),
});
const Project = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    runs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Run),
    deployments: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Deployment),
});
const Layout = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['capture_cache', 'record_store', 'ledger', 'artifact_bindings', 'metalab']);
const Evidence = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['contexta', 'metalab']),
        /** The path the user gave, as given. */
        root: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        /** Workspace roots found under it (relative to `root`, '.' for itself) with their layouts. */
        workspaces: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), layouts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Layout) })),
    }),
    projects: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Project),
    gaps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(EvidenceGap),
    /** Plain-language facts about how the evidence was read (precedence, merges, ledger use). */
    notes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
});


/***/ }),

/***/ 9553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X3: () => (/* binding */ sampleIdentity),
/* harmony export */   Yo: () => (/* binding */ SampleColumns),
/* harmony export */   vn: () => (/* binding */ stageIds),
/* harmony export */   z4: () => (/* binding */ shareColumns)
/* harmony export */ });
/**
 * The name a sample goes by in a sample table (`SampleSeries.table`): `<batch>/<sample>` for a
 * sample recorded in a batch, the bare sample name otherwise. Ref components never contain `/`, so this is unambiguous.
 */
function sampleIdentity(batch, sample) {
    return batch === null ? sample : `${batch}/${sample}`;
}
function stageIds(stage, table) {
    return { table, ids: Int32Array.from(stage.names, (name) => table.id(name)) };
}
class SampleColumns {
    key;
    sampleNames;
    /** Row of each sample id in this key's columns, -1 when the key has no observation of it. */
    rowOfId = new Int32Array(16).fill(-1);
    rows = 0;
    ids = new Int32Array(16);
    values = new Float64Array(16);
    /** File (index into `files`) and line of each row's record, to name both sides of a duplicate. */
    fileIds = new Int32Array(16);
    lines = new Int32Array(16);
    /** Rows whose identity was recorded more than once: dropped by `finish`. */
    ambiguous = new Set();
    files = [];
    slices = new Int32Array(16);
    sliceNames = [];
    sliceByName = new Map();
    constructor(key, sampleNames) {
        this.key = key;
        this.sampleNames = sampleNames;
    }
    get size() {
        return this.rows;
    }
    /**
     * Records one observation of `identity` (see `sampleIdentity`). Returns null, or, when this key
     * already has an observation of that identity, where that one was recorded: the sample is then
     * ambiguous and left out of the series.
     */
    put(identity, value, slice, origin) {
        const id = this.sampleNames.id(identity);
        if (id >= this.rowOfId.length)
            this.growIds(id);
        const existing = this.rowOfId[id];
        if (existing >= 0) {
            this.ambiguous.add(existing);
            return { file: this.files[this.fileIds[existing]], line: this.lines[existing] };
        }
        const i = this.rows;
        if (i === this.values.length)
            this.grow();
        this.rows += 1;
        this.rowOfId[id] = i;
        this.ids[i] = id;
        this.values[i] = value;
        this.slices[i] = slice === null ? -1 : this.sliceId(slice);
        this.fileIds[i] = this.fileId(origin.file);
        this.lines[i] = origin.line;
        return null;
    }
    finish(shared) {
        const keep = [];
        for (let i = 0; i < this.rows; i++)
            if (!this.ambiguous.has(i))
                keep.push(i);
        const n = keep.length;
        const values = new Float64Array(n);
        const sliceIndex = new Int32Array(n);
        const ids = new Int32Array(n);
        let binary = n > 0;
        for (let j = 0; j < n; j++) {
            const i = keep[j];
            const v = this.values[i];
            values[j] = v;
            if (v !== 0 && v !== 1)
                binary = false;
            sliceIndex[j] = this.slices[i];
            ids[j] = shared.ids[this.ids[i]];
        }
        return {
            key: this.key,
            ids,
            table: shared.table,
            values,
            sliceIndex,
            sliceNames: [...this.sliceNames],
            binary,
        };
    }
    fileId(file) {
        const last = this.files.length - 1;
        if (last >= 0 && this.files[last] === file)
            return last;
        const found = this.files.indexOf(file);
        if (found >= 0)
            return found;
        this.files.push(file);
        return this.files.length - 1;
    }
    sliceId(slice) {
        let id = this.sliceByName.get(slice);
        if (id === undefined) {
            id = this.sliceNames.length;
            this.sliceNames.push(slice);
            this.sliceByName.set(slice, id);
        }
        return id;
    }
    growIds(id) {
        const next = new Int32Array(Math.max(this.rowOfId.length * 2, id + 1)).fill(-1);
        next.set(this.rowOfId);
        this.rowOfId = next;
    }
    grow() {
        const size = this.values.length * 2;
        const ids = new Int32Array(size);
        ids.set(this.ids);
        this.ids = ids;
        const values = new Float64Array(size);
        values.set(this.values);
        this.values = values;
        const fileIds = new Int32Array(size);
        fileIds.set(this.fileIds);
        this.fileIds = fileIds;
        const lines = new Int32Array(size);
        lines.set(this.lines);
        this.lines = lines;
        const slices = new Int32Array(size);
        slices.set(this.slices);
        this.slices = slices;
    }
}
function sameInts(a, b) {
    if (a === b)
        return true;
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/**
 * The keys of one stage usually describe the same samples in the same order (`correct`, `score` and
 * `latency-ms` of every sample): such series share one `ids` column, and one `sliceIndex` column when
 * their slice names agree too, instead of a copy per key. Nothing writes to a finished series'
 * columns, so sharing them is invisible to every reader.
 */
function shareColumns(series) {
    const kept = [];
    return series.map((s) => {
        let out = s;
        for (const k of kept) {
            if (k.table !== s.table || !sameInts(k.ids, out.ids))
                continue;
            out = { ...out, ids: k.ids };
            const sameSlices = k.sliceNames.length === out.sliceNames.length &&
                k.sliceNames.every((n, i) => n === out.sliceNames[i]);
            if (sameSlices && sameInts(k.sliceIndex, out.sliceIndex))
                out = { ...out, sliceIndex: k.sliceIndex };
            break;
        }
        kept.push(out);
        return out;
    });
}


/***/ }),

/***/ 9130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ SampleNames)
/* harmony export */ });
/**
 * Sample identities as dense integer ids, one string per distinct identity. Series read with the
 * same table (both sides of a comparison, every shard of a run) carry `Int32Array` ids into it, so
 * pairing and merging join samples by integer instead of holding a name → row map per side and
 * per key, and the baseline's copy of each name is dropped as soon as it is interned: at 640k
 * samples per side that is most of what a comparison would otherwise keep alive.
 *
 * The index from name to id is an open-addressing hash table in one Int32Array rather than a Map:
 * 4 bytes per slot at most half full, against ~44 bytes per entry for a Map of 640k names (28 MB
 * measured), which was the largest thing a sharded read kept besides the samples themselves.
 */
const MIN_SLOTS = 1024;
/**
 * A multiplicative hash over UTF-16 code units with a start value and an odd multiplier drawn per
 * table: sample names come from untrusted evidence, and names crafted to collide under a fixed
 * hash would turn every lookup into a scan of one long probe chain. Ids never depend on the hash
 * (they are handed out in order of first sight), so the randomness is invisible in every result.
 */
function hash(text, start, multiplier) {
    let h = start;
    for (let i = 0; i < text.length; i++)
        h = Math.imul(h ^ text.charCodeAt(i), multiplier);
    h ^= h >>> 16;
    return Math.imul(h, 0x45d9f3b) ^ (h >>> 13);
}
function randomWord() {
    return crypto.getRandomValues(new Uint32Array(1))[0] | 0;
}
class SampleNames {
    names = [];
    // The index is private state (# fields): two tables of the same names are equal as values,
    // whatever their seeds and slots, so evidence read twice compares equal.
    /** Per slot, 1 + the id stored there, 0 for empty; null after `release`, rebuilt by `id`. */
    #slots = new Int32Array(MIN_SLOTS);
    #start = randomWord();
    #multiplier = randomWord() | 1;
    get size() {
        return this.names.length;
    }
    id(name) {
        let slots = this.#slots ?? this.reindex(this.names.length);
        const mask = slots.length - 1;
        let at = hash(name, this.#start, this.#multiplier) & mask;
        for (;;) {
            const stored = slots[at];
            if (stored === 0)
                break;
            if (this.names[stored - 1] === name)
                return stored - 1;
            at = (at + 1) & mask;
        }
        const id = this.names.length;
        this.names.push(name);
        if (2 * this.names.length > slots.length)
            slots = this.reindex(this.names.length);
        else
            slots[at] = id + 1;
        return id;
    }
    /**
     * Drops the name → id index once every series is read: lookups by id keep working, and a later
     * `id` call rebuilds it, so releasing early costs time, never correctness.
     */
    release() {
        this.#slots = null;
    }
    /** A fresh index of every name, with room for `count` names at most half full. */
    reindex(count) {
        let size = MIN_SLOTS;
        while (size < 2 * count + 2)
            size *= 2;
        const slots = new Int32Array(size);
        const mask = size - 1;
        for (let id = 0; id < this.names.length; id++) {
            let at = hash(this.names[id], this.#start, this.#multiplier) & mask;
            while (slots[at] !== 0)
                at = (at + 1) & mask;
            slots[at] = id + 1;
        }
        this.#slots = slots;
        return slots;
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


/***/ }),

/***/ 5799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ HISTORY_FILE),
/* harmony export */   TV: () => (/* binding */ describeRecord),
/* harmony export */   YG: () => (/* binding */ HistoryRecord),
/* harmony export */   aB: () => (/* binding */ compareRecords),
/* harmony export */   g1: () => (/* binding */ HISTORY_VERSION),
/* harmony export */   kg: () => (/* binding */ HISTORY_MAX_SERIES),
/* harmony export */   zp: () => (/* binding */ HISTORY_MAX_LINE_BYTES)
/* harmony export */ });
/* unused harmony exports HISTORY_MAX_RUNS, HistoryPoint */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4377);
/**
 * One run's compact history record: the finite overall and per-slice values of its stage and
 * run-level metrics, with where the run came from. A record is one line of `history.jsonl` at the
 * root of the evidence artifact, so each default-branch run carries the trend of the runs before it
 * forward without any API call per earlier run.
 */

/** The file name inside the evidence artifact (and a workspace), at its root. */
const HISTORY_FILE = 'history.jsonl';
const HISTORY_VERSION = 1;
/** Records kept per project: the artifact carries at most this many runs of each project. */
const HISTORY_MAX_RUNS = 100;
/** Series kept per record; a run logging more keeps the first ones in stage/key/slice order. */
const HISTORY_MAX_SERIES = 200;
/** A record line longer than this is not ours: it becomes a gap, never a parse. */
const HISTORY_MAX_LINE_BYTES = 64 * 1024;
const text = (max) => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(max);
/** `[unit, stage, key, slice, value]`: unit is the metalab params label, null for Contexta runs. */
const HistoryPoint = zod__WEBPACK_IMPORTED_MODULE_0__/* .tuple */ .PVZ([
    text(512).nullable(),
    text(256).nullable(),
    text(256),
    text(256).nullable(),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().refine(Number.isFinite, 'a finite number'),
]);
const HistoryRecord = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    v: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(HISTORY_VERSION),
    project: text(256),
    /** The run the values were read from (Contexta run ref, or the metalab store's first unit). */
    run: text(512),
    /** Workflow run id of the job that recorded it; null for runs read locally (`--history DIR`). */
    runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable(),
    commit: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[0-9a-f]{7,64}$/)
        .nullable(),
    /** ISO 8601 instant: the run's recorded start, else when the job recorded it. */
    time: zod__WEBPACK_IMPORTED_MODULE_1__/* .datetime */ .w$({ offset: true }),
    /** Where a locally read record came from (the `--history` sub-directory); absent in the action. */
    source: text(256).optional(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(HistoryPoint).max(HISTORY_MAX_SERIES),
});
/** Records in the order they were run: oldest first, ties by run id then run name. */
function compareRecords(a, b) {
    const ta = Date.parse(a.time);
    const tb = Date.parse(b.time);
    if (ta !== tb)
        return ta - tb;
    if ((a.runId ?? 0) !== (b.runId ?? 0))
        return (a.runId ?? 0) - (b.runId ?? 0);
    return a.run < b.run ? -1 : a.run > b.run ? 1 : 0;
}
/**
 * How a record is named in a report: "run 1234 at abc1234 (2026-11-23)", or for a locally read run
 * its directory and run ref. A run with no recorded time carries the epoch, which is not shown.
 */
function describeRecord(record) {
    const day = Date.parse(record.time) === 0 ? null : record.time.slice(0, 10);
    if (record.runId !== null) {
        const at = record.commit === null ? '' : ` at ${record.commit.slice(0, 7)}`;
        return `run ${record.runId}${at}${day === null ? '' : ` (${day})`}`;
    }
    const what = [record.run, day].filter((x) => x !== null).join(', ');
    return record.source === undefined ? what : `${record.source} (${what})`;
}


/***/ }),

/***/ 2145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ openEvidence)
});

// EXTERNAL MODULE: ./src/evidence/gaps.ts
var evidence_gaps = __webpack_require__(4200);
;// CONCATENATED MODULE: ./src/evidence/ref-set.ts
/**
 * Set of record refs seen so far, stored as 53-bit hashes in an open-addressing table of doubles.
 * Two million refs take ~32 MB instead of the ~200 MB a `Set<string>` of ~50-character refs needs.
 * The price is a tiny false-positive rate (≈ n² / 2^54; ~2e-4 at 2M refs), i.e. in the worst case a
 * distinct record is reported as a duplicate — visible as a gap, never silently merged into another.
 */
/** cyrb53: a fast, well-mixed 53-bit string hash (public domain). */
function hash53(text) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
const EMPTY = 0;
class RefSet {
    table = new Float64Array(1024);
    used = 0;
    get size() {
        return this.used;
    }
    /** A copy of the table: `RefSet.fromSnapshot` answers `has` exactly as this set does now. */
    snapshot() {
        return this.table.slice();
    }
    /** A set over a snapshot's table (another thread's copy), for lookups. */
    static fromSnapshot(table) {
        const set = new RefSet();
        set.table = table;
        for (const h of table)
            if (h !== EMPTY)
                set.used += 1;
        return set;
    }
    has(ref) {
        const h = RefSet.key(ref);
        const mask = this.table.length - 1;
        for (let i = h % this.table.length;; i = (i + 1) & mask) {
            const slot = this.table[i];
            if (slot === EMPTY)
                return false;
            if (slot === h)
                return true;
        }
    }
    /** Adds `ref`; false when it was already present. */
    add(ref) {
        // Up to 3/4 full: linear probing stays at a few probes per lookup, and a million refs fit in
        // 2^21 slots (16 MB) instead of 2^22.
        if ((this.used + 1) * 4 > this.table.length * 3)
            this.grow();
        const inserted = RefSet.insert(this.table, RefSet.key(ref));
        if (inserted)
            this.used += 1;
        return inserted;
    }
    /** 0 marks an empty slot, so hash 0 is shifted to 1. */
    static key(ref) {
        return hash53(ref) || 1;
    }
    static insert(table, h) {
        const mask = table.length - 1;
        for (let i = h % table.length;; i = (i + 1) & mask) {
            const slot = table[i];
            if (slot === h)
                return false;
            if (slot === EMPTY) {
                table[i] = h;
                return true;
            }
        }
    }
    grow() {
        const next = new Float64Array(this.table.length * 2);
        for (const h of this.table)
            if (h !== EMPTY)
                RefSet.insert(next, h);
        this.table = next;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/evidence/safe-fs.ts
/**
 * File access confined to one workspace root. Workspaces come from arbitrary jobs (fork PRs
 * included), so a symlink such as `records/segments/segment-000001.jsonl -> /etc/passwd` must be
 * reported, never followed out of the root.
 */


class WorkspaceRoot {
    real;
    constructor(
    /** Real (symlink-free) absolute path of the root. */
    real) {
        this.real = real;
    }
    static async open(root) {
        return new WorkspaceRoot(await external_node_fs_.promises.realpath(root));
    }
    /** Workspace-relative display form of a path inside the root (POSIX separators). */
    relative(absolute) {
        const rel = external_node_path_default().relative(this.real, absolute);
        return rel === '' ? '.' : rel.split((external_node_path_default()).sep).join('/');
    }
    contains(real) {
        return real === this.real || real.startsWith(this.real + (external_node_path_default()).sep);
    }
    /** Resolves `rel` (relative to the root) and checks the real target stays inside. */
    async resolve(rel) {
        const candidate = external_node_path_default().resolve(this.real, rel);
        if (!this.contains(candidate)) {
            return { ok: false, reason: 'outside', message: `${rel} is outside the workspace` };
        }
        let real;
        try {
            real = await external_node_fs_.promises.realpath(candidate);
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT')
                return { ok: false, reason: 'missing', message: `${rel} does not exist` };
            if (code === 'ELOOP' || code === 'ENOTDIR') {
                return { ok: false, reason: 'unreadable', message: `${rel} cannot be resolved (${code})` };
            }
            return { ok: false, reason: 'unreadable', message: `${rel} cannot be read (${code ?? 'error'})` };
        }
        if (!this.contains(real)) {
            return {
                ok: false,
                reason: 'outside',
                message: `${rel} is a symlink that points outside the workspace; it was not read`,
            };
        }
        try {
            const stat = await external_node_fs_.promises.stat(real);
            return { ok: true, absolute: real, size: stat.size, isDirectory: stat.isDirectory() };
        }
        catch (error) {
            const code = error.code ?? 'error';
            return { ok: false, reason: 'unreadable', message: `${rel} cannot be read (${code})` };
        }
    }
    /**
     * Lists a directory inside the root. A directory that does not exist lists as empty with no
     * problem; one that escapes the root or cannot be read comes back with the problem to report.
     */
    async list(rel) {
        const resolved = await this.resolve(rel);
        if (!resolved.ok)
            return { entries: [], real: null, problem: resolved.reason === 'missing' ? null : resolved };
        if (!resolved.isDirectory)
            return { entries: [], real: null, problem: null };
        try {
            return {
                entries: await external_node_fs_.promises.readdir(resolved.absolute, { withFileTypes: true }),
                real: resolved.absolute,
                problem: null,
            };
        }
        catch (error) {
            const code = error.code ?? 'error';
            return {
                entries: [],
                real: null,
                problem: { ok: false, reason: 'unreadable', message: `${rel} cannot be listed (${code})` },
            };
        }
    }
}
/**
 * Reads a small plain file whole, found as a regular-file entry (not a symlink) of a directory
 * whose real path is inside the root: its path then has no link in it, so confinement needs no
 * realpath and no stat of its own. `O_NOFOLLOW` refuses a symlink swapped in since the listing.
 * Null for anything else (too large for `maxBytes`, empty, not a regular file any more, any error):
 * the caller then takes the general path, which resolves the file and reports what is wrong.
 */
function readListedFile(absolute, maxBytes) {
    return new Promise((resolvePromise) => {
        (0,external_node_fs_.open)(absolute, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW, (openError, fd) => {
            if (openError) {
                resolvePromise(null);
                return;
            }
            const done = (result) => (0,external_node_fs_.close)(fd, () => resolvePromise(result));
            (0,external_node_fs_.fstat)(fd, (statError, stat) => {
                if (statError || !stat.isFile() || stat.size === 0 || stat.size > maxBytes) {
                    done(null);
                    return;
                }
                // One byte more than the size: a file that grew since is left to the streaming path.
                const buffer = Buffer.allocUnsafe(stat.size + 1);
                (0,external_node_fs_.read)(fd, buffer, 0, buffer.length, 0, (readError, bytesRead) => {
                    done(readError || bytesRead !== stat.size ? null : buffer.subarray(0, bytesRead));
                });
            });
        });
    });
}

// EXTERNAL MODULE: ./src/evidence/sample-names.ts
var sample_names = __webpack_require__(9130);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./src/evidence/json-text.ts
var json_text = __webpack_require__(6491);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/evidence/line-reader.ts
/**
 * Streams a file line by line at the byte level. Lines are split on `\n` before any decoding, so a
 * multi-gigabyte line is never built as a string: once a line passes `maxLineBytes` its bytes are
 * dropped and the caller learns only its number and length.
 *
 * One read buffer is reused for the whole file. A stream would hand over a fresh 1 MiB buffer per
 * chunk; while its lines are parsed those buffers live through enough young-generation collections
 * to be promoted, and then wait for a rare full collection: on a 1 GB workspace that held ~100 MB of
 * dead chunks. Nothing outlives a chunk but the copied tail of an unfinished line.
 */


const NEWLINE = 0x0a;
/** Cuts bytes handed over in chunks into line events; the same rules for a file and for a buffer. */
class LineSplitter {
    max;
    onLine;
    pending = [];
    pendingBytes = 0;
    overflowBytes = 0;
    lineNo = 0;
    totalBytes = 0;
    lastByte = -1;
    constructor(max, onLine) {
        this.max = max;
        this.onLine = onLine;
    }
    /** `reused`: the caller overwrites `chunk` after this call, so an unfinished tail must be copied. */
    push(chunk, reused) {
        if (chunk.length === 0)
            return;
        this.totalBytes += chunk.length;
        this.lastByte = chunk[chunk.length - 1];
        let start = 0;
        let index = chunk.indexOf(NEWLINE, start);
        while (index !== -1) {
            this.append(chunk, start, index);
            this.emit(true);
            start = index + 1;
            index = chunk.indexOf(NEWLINE, start);
        }
        if (start < chunk.length) {
            const tail = chunk.subarray(start);
            this.append(reused ? Buffer.from(tail) : tail, 0, tail.length);
        }
    }
    end() {
        if (this.pendingBytes > 0 || this.overflowBytes > 0)
            this.emit(false);
        return { lines: this.lineNo, bytes: this.totalBytes, endsWithNewline: this.lastByte === NEWLINE };
    }
    emit(terminated) {
        this.lineNo += 1;
        const lineNo = this.lineNo;
        if (this.overflowBytes > 0) {
            this.onLine({ kind: 'too_long', lineNo, bytes: this.overflowBytes, terminated });
        }
        else {
            const buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
            if ((0,external_node_buffer_.isUtf8)(buf)) {
                this.onLine({ kind: 'line', lineNo, text: buf.toString('utf8'), terminated });
            }
            else {
                this.onLine({ kind: 'invalid_encoding', lineNo, terminated });
            }
        }
        this.pending = [];
        this.pendingBytes = 0;
        this.overflowBytes = 0;
    }
    append(chunk, start, end) {
        const length = end - start;
        if (length === 0)
            return;
        if (this.overflowBytes > 0) {
            this.overflowBytes += length;
        }
        else if (this.pendingBytes + length > this.max) {
            this.overflowBytes = this.pendingBytes + length;
            this.pending = [];
            this.pendingBytes = 0;
        }
        else {
            this.pending.push(chunk.subarray(start, end));
            this.pendingBytes += length;
        }
    }
}
async function readLines(path, options, onLine) {
    const splitter = new LineSplitter(options.maxLineBytes, onLine);
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const chunkBytes = options.chunkBytes ?? 1 << 20;
        // One byte over the hint, so a file that did not grow is read whole and then hits its end.
        let buffer = Buffer.allocUnsafe(options.sizeHint === undefined ? chunkBytes : Math.min(chunkBytes, options.sizeHint + 1));
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0)
                break;
            splitter.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead), true);
            // The file outgrew its hint (still being written): go on in whole chunks.
            if (bytesRead === buffer.length && buffer.length < chunkBytes)
                buffer = Buffer.allocUnsafe(chunkBytes);
        }
    }
    finally {
        await handle.close();
    }
    return splitter.end();
}
/** The lines of bytes already in memory (a small file read whole), under the same rules. */
function line_reader_readLinesFromBuffer(bytes, options, onLine) {
    const splitter = new LineSplitter(options.maxLineBytes, onLine);
    splitter.push(bytes, false);
    return splitter.end();
}

;// CONCATENATED MODULE: ./src/evidence/chunk-lines.ts
/**
 * The part of reading a JSONL file that parallel readers split up: the lines of one chunk (a run of
 * whole lines, cut by the main thread at a newline), parsed where the chunk lands — a worker thread.
 *
 * A chunk comes back as line operations in line order. Only a line that parsed cleanly and that the
 * caller's `compact` wrote in its compact form is folded from that form; every other line (any gap
 * at all, a NaN token, an unusual shape) comes back as its text, so the main thread reads it exactly
 * as a one-thread read would. What the main thread does with a chunk's operations therefore never
 * depends on how the file was cut or on which thread parsed it.
 *
 * The operations travel as columns — 32-bit integers, doubles and a table of the chunk's distinct
 * strings — because a chunk's worth of small objects, cloned across threads, cost more in
 * allocation and garbage collection on the main thread than parsing the lines there did.
 */


/** A line to read on the main thread: line within the chunk, text (string), terminated. */
const OP_TEXT = 0;
/** line, terminated; the byte count is a double (lines may pass 2 GiB). */
const OP_TOO_LONG = 1;
/** line, terminated. */
const OP_INVALID_ENCODING = 2;
/** line, then whatever the compactor wrote. */
const OP_COMPACT = 3;
/** Appends one chunk's operations; strings are kept once each per chunk. */
class ChunkWriter {
    ints = new Int32Array(4096);
    intCount = 0;
    nums = new Float64Array(1024);
    numCount = 0;
    strings = [];
    stringIds = new Map();
    int(value) {
        if (this.intCount === this.ints.length)
            this.ints = grown(this.ints, Int32Array);
        this.ints[this.intCount++] = value;
    }
    num(value) {
        if (this.numCount === this.nums.length)
            this.nums = grown(this.nums, Float64Array);
        this.nums[this.numCount++] = value;
    }
    /** A string or null (written as -1). */
    str(value) {
        if (value === null) {
            this.int(-1);
            return;
        }
        let id = this.stringIds.get(value);
        if (id === undefined) {
            id = this.strings.length;
            this.strings.push(value);
            this.stringIds.set(value, id);
        }
        this.int(id);
    }
    /** A string written without looking for an earlier copy. */
    text(value) {
        this.int(this.strings.length);
        this.strings.push(value);
    }
    /** The columns, trimmed; their buffers can be transferred. */
    finish(lines) {
        return {
            lines,
            ints: this.ints.slice(0, this.intCount),
            nums: this.nums.slice(0, this.numCount),
            strings: this.strings,
        };
    }
}
function grown(array, Type) {
    const next = new Type(array.length * 2);
    next.set(array);
    return next;
}
/** Reads a chunk's operations back in the order they were written. */
class ChunkReader {
    chunk;
    i = 0;
    n = 0;
    constructor(chunk) {
        this.chunk = chunk;
    }
    get done() {
        return this.i >= this.chunk.ints.length;
    }
    int() {
        return this.chunk.ints[this.i++];
    }
    num() {
        return this.chunk.nums[this.n++];
    }
    str() {
        const id = this.chunk.ints[this.i++];
        return id === -1 ? null : this.chunk.strings[id];
    }
}
function parseChunk(bytes, limits, compact) {
    const out = new ChunkWriter();
    const summary = readLinesFromBuffer(bytes, limits, (event) => {
        if (event.kind === 'too_long') {
            out.int(OP_TOO_LONG);
            out.int(event.lineNo);
            out.int(event.terminated ? 1 : 0);
            out.num(event.bytes);
            return;
        }
        if (event.kind === 'invalid_encoding') {
            out.int(OP_INVALID_ENCODING);
            out.int(event.lineNo);
            out.int(event.terminated ? 1 : 0);
            return;
        }
        if (event.text.trim() === '')
            return;
        const parsed = parseJsonText(event.text, limits.maxDepth);
        const clean = event.terminated &&
            parsed.ok &&
            parsed.duplicateKey === null &&
            parsed.outOfRange.length === 0 &&
            !parsed.nonFinite;
        const kept = clean ? compact.read(parsed.value) : null;
        if (kept !== null) {
            out.int(OP_COMPACT);
            out.int(event.lineNo);
            compact.write(kept, out);
            return;
        }
        out.int(OP_TEXT);
        out.int(event.lineNo);
        out.int(event.terminated ? 1 : 0);
        // Text is unique per line: kept out of the string table's map, which only pays for repeats.
        out.text(event.text);
    });
    return out.finish(summary.lines);
}

;// CONCATENATED MODULE: ./src/evidence/jsonl-file.ts
/**
 * Streams one JSONL evidence file inside a workspace and hands every parsed JSON value to the
 * caller. Everything that stops a line from being used — encoding, length, JSON syntax, nesting,
 * a torn last line — becomes a gap on that line; file-level problems (symlink out of the root,
 * unreadable, too large, empty) become one gap for the file. Blank lines are skipped like Contexta.
 */






/** Bytes per chunk handed to a worker: large enough that messaging is noise, small enough to spread. */
const CHUNK_BYTES = 1 << 20;
/** Resolves a file inside the workspace; any file-level problem becomes a gap and null. */
async function openEvidenceFile(root, rel, limits, gaps, missing) {
    const resolved = await root.resolve(rel);
    if (!resolved.ok) {
        if (resolved.reason === 'missing') {
            if (missing)
                gaps.add({ code: missing.code, severity: missing.severity, file: rel, message: missing.message });
        }
        else if (resolved.reason === 'outside') {
            gaps.add({
                code: 'symlink_outside_workspace',
                severity: 'error',
                file: rel,
                message: resolved.message,
            });
        }
        else {
            gaps.add({ code: 'file_unreadable', severity: 'error', file: rel, message: resolved.message });
        }
        return null;
    }
    if (resolved.isDirectory) {
        gaps.add({
            code: 'file_unreadable',
            severity: 'error',
            file: rel,
            message: `${rel} is a directory, expected a file`,
        });
        return null;
    }
    if (resolved.size > limits.maxFileBytes) {
        gaps.add({
            code: 'file_too_large',
            severity: 'error',
            file: rel,
            message: `${rel} is ${resolved.size} bytes, over the ${limits.maxFileBytes}-byte limit; it was not read`,
        });
        return null;
    }
    return { absolute: resolved.absolute, size: resolved.size };
}
/**
 * Names in a workspace directory that `accept` keeps, sorted; a directory that escapes the root or
 * cannot be listed becomes one gap (a missing one is simply empty).
 */
async function listEvidenceDir(root, dir, gaps, accept) {
    const listing = await root.list(dir);
    reportListingProblem(listing, dir, gaps);
    return listing.entries
        .map((entry) => entry.name)
        .filter(accept)
        .sort();
}
function reportListingProblem(listing, dir, gaps) {
    if (!listing.problem)
        return;
    gaps.add({
        code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
        severity: 'error',
        file: dir,
        message: listing.problem.message,
    });
}
/** The whole text of a small evidence file (manifest, binding), or null with a gap when unreadable. */
async function readEvidenceText(absolute, rel, gaps) {
    try {
        return await external_node_fs_.promises.readFile(absolute, 'utf8');
    }
    catch (error) {
        gaps.add({
            code: 'file_unreadable',
            severity: 'error',
            file: rel,
            message: `${rel} could not be read (${error.code ?? 'error'})`,
        });
        return null;
    }
}
/**
 * Turns line events into JSON values for `onValue` and every unusable line into a gap; `unread`
 * counts the non-blank lines that could not be handed over.
 */
function jsonLineHandler(rel, limits, gaps, onValue) {
    let unread = 0;
    const onLine = (event) => {
        const torn = !event.terminated;
        if (event.kind !== 'too_long' && event.kind !== 'invalid_encoding' && event.text.trim() === '')
            return;
        unread += 1;
        if (event.kind === 'too_long') {
            gaps.line('line_too_long', 'error', rel, event.lineNo, `line is ${event.bytes} bytes, over the ${limits.maxLineBytes}-byte line limit; skipped`);
            return;
        }
        if (event.kind === 'invalid_encoding') {
            if (torn) {
                gaps.line('truncated_line', 'error', rel, event.lineNo, 'the last line is cut off (no final newline, not valid UTF-8); skipped');
            }
            else {
                gaps.line('invalid_encoding', 'error', rel, event.lineNo, 'line is not valid UTF-8; skipped');
            }
            return;
        }
        const parsed = (0,json_text/* parseJsonText */.lk)(event.text, limits.maxDepth);
        if (!parsed.ok) {
            if (parsed.reason === 'too_deep') {
                gaps.line('nesting_too_deep', 'error', rel, event.lineNo, `line nests objects/arrays more than ${limits.maxDepth} levels deep; skipped`);
            }
            else if (torn) {
                gaps.line('truncated_line', 'error', rel, event.lineNo, 'the last line is cut off (no final newline and not complete JSON), e.g. the writer stopped mid-line; skipped');
            }
            else {
                gaps.line('invalid_json_line', 'error', rel, event.lineNo, `line is not valid JSON (${parsed.message}); skipped`);
            }
            return;
        }
        if (parsed.duplicateKey !== null) {
            gaps.line('duplicate_key', 'error', rel, event.lineNo, `the key "${parsed.duplicateKey}" is written twice in one object, so the record is ambiguous (JSON readers disagree on which value wins); skipped`);
            return;
        }
        const first = parsed.outOfRange[0];
        if (first) {
            gaps.line('number_out_of_range', 'error', rel, event.lineNo, `${(0,json_text/* outOfRangeText */.U$)(first, parsed.outOfRange.length)}; the record was skipped`);
            return;
        }
        unread -= 1;
        onValue({ value: parsed.value, line: event.lineNo, nonFiniteToken: parsed.nonFinite });
    };
    return { onLine, unread: () => unread };
}
/**
 * Streams the file's lines to `onValue`; returns how many non-blank lines could not be handed over
 * (cut off, not JSON, ambiguous …), each already a gap, so a caller can tell lost lines from absent
 * ones.
 */
async function readJsonlFile(root, rel, limits, gaps, onValue, parallel = null) {
    const file = await openEvidenceFile(root, rel, limits, gaps, null);
    if (!file)
        return 0;
    if (file.size === 0) {
        gaps.add({
            code: 'empty_file',
            severity: 'warning',
            file: rel,
            message: `${rel} is empty (0 bytes): it holds no evidence`,
        });
        return 0;
    }
    const handler = jsonLineHandler(rel, limits, gaps, onValue);
    try {
        if (parallel !== null && file.size >= parallel.pool.minFileBytes) {
            await readInChunks(file.absolute, limits, parallel, handler.onLine);
        }
        else {
            await readLines(file.absolute, { maxLineBytes: limits.maxLineBytes, sizeHint: file.size }, handler.onLine);
        }
    }
    catch (error) {
        const code = error.code ?? error.message;
        gaps.add({
            code: 'file_unreadable',
            severity: 'error',
            file: rel,
            message: `${rel} could not be read (${code})`,
        });
    }
    return handler.unread();
}
/**
 * Reads a file in chunks of whole lines that the pool parses, and replays the chunks' line
 * operations in file order: text and odd lines through `onLine` (the one-thread path), compact ones
 * through `onCompact`, numbered from the lines of the chunks before. A line longer than the line
 * limit never reaches a worker: it is skipped here and reported as one `too_long` line, as
 * `readLines` would. At most two chunks per worker are in flight, so memory stays bounded.
 */
async function readInChunks(absolute, limits, parallel, onLine) {
    const task = {
        kind: parallel.kind,
        shared: parallel.shared,
        maxLineBytes: limits.maxLineBytes,
        maxDepth: limits.maxDepth,
    };
    const inFlight = [];
    let base = 0;
    const replay = (result) => {
        const r = new ChunkReader(result);
        while (!r.done) {
            const op = r.int();
            const lineNo = base + r.int();
            switch (op) {
                case OP_TEXT: {
                    const terminated = r.int() === 1;
                    onLine({ kind: 'line', lineNo, text: r.str(), terminated });
                    break;
                }
                case OP_TOO_LONG: {
                    const terminated = r.int() === 1;
                    onLine({ kind: 'too_long', lineNo, bytes: r.num(), terminated });
                    break;
                }
                case OP_INVALID_ENCODING:
                    onLine({ kind: 'invalid_encoding', lineNo, terminated: r.int() === 1 });
                    break;
                case OP_COMPACT:
                    parallel.onCompact(r, lineNo);
                    break;
                default:
                    throw new Error(`parse worker sent an unknown line operation ${op}`);
            }
        }
    };
    const settleOldest = async () => {
        const result = await inFlight.shift();
        replay(result);
        base += result.lines;
    };
    const send = async (chunk) => {
        inFlight.push(parallel.pool.parse(task, chunk));
        while (inFlight.length >= 2 * parallel.pool.size)
            await settleOldest();
    };
    const tooLong = (bytes, terminated) => {
        const ints = Int32Array.of(OP_TOO_LONG, 1, terminated ? 1 : 0);
        inFlight.push(Promise.resolve({ lines: 1, ints, nums: Float64Array.of(bytes), strings: [] }));
    };
    const handle = await external_node_fs_.promises.open(absolute, 'r');
    try {
        let carry = Buffer.allocUnsafeSlow(0);
        /** Bytes so far of a line over the limit, or -1 outside one. */
        let longLine = -1;
        for (;;) {
            const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
            const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
            if (bytesRead === 0)
                break;
            let data = buffer.subarray(0, bytesRead);
            if (longLine >= 0) {
                const newline = data.indexOf(0x0a);
                if (newline === -1) {
                    longLine += data.length;
                    continue;
                }
                tooLong(longLine + newline, true);
                longLine = -1;
                data = data.subarray(newline + 1);
            }
            const last = data.lastIndexOf(0x0a);
            if (last === -1) {
                carry = ownBuffer(carry, data);
                if (carry.length > limits.maxLineBytes) {
                    longLine = carry.length;
                    carry = Buffer.allocUnsafeSlow(0);
                }
                continue;
            }
            const whole = data.subarray(0, last + 1);
            // Every buffer read into is a fresh one of our own, so it can be handed over as it is; only a
            // chunk that began with the end of the previous read is assembled in a new one.
            const chunk = carry.length === 0 ? whole : ownBuffer(carry, whole);
            carry = ownBuffer(data.subarray(last + 1));
            await send(chunk);
        }
        if (longLine >= 0)
            tooLong(longLine, false);
        else if (carry.length > 0)
            await send(carry);
        while (inFlight.length > 0)
            await settleOldest();
    }
    finally {
        await Promise.allSettled(inFlight);
        await handle.close();
    }
}
/** The parts copied into an ArrayBuffer of their own (never Node's shared pool), as a transfer needs. */
function ownBuffer(...parts) {
    const own = Buffer.allocUnsafeSlow(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts)
        at += part.copy(own, at);
    return own;
}
/** Files at most this big are read whole, several at a time, when a directory lists many. */
const SMALL_FILE_BYTES = 1 << 20;
/** Small files read ahead of the one being parsed: enough to keep the thread pool busy. */
const READ_AHEAD = 16;
/**
 * The JSONL files of one workspace directory, in name order, each handed to `onFile` with the same
 * `onValue` contract as `readJsonlFile`. Per-file cost dominates a directory of thousands of tiny
 * files (a store whose every segment holds one line), so small regular files are read whole, up to
 * `READ_AHEAD` of them at once, without a realpath or stat of their own (see `readListedFile`).
 * They are still parsed strictly in name order, so gaps and results are the same as one at a time;
 * anything unusual (a symlink, a large or empty file, an error) goes the general way.
 */
async function readJsonlDir(root, dir, limits, gaps, accept, onFile, parallel = null) {
    const listing = await root.list(dir);
    reportListingProblem(listing, dir, gaps);
    const files = listing.entries
        .filter((entry) => accept(entry.name))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const real = listing.real;
    const maxBytes = Math.min(SMALL_FILE_BYTES, limits.maxFileBytes);
    const read = (i) => {
        const entry = files[i];
        return real !== null && entry.isFile()
            ? readListedFile(external_node_path_default().join(real, entry.name), maxBytes)
            : Promise.resolve(null);
    };
    const ahead = [];
    for (let i = 0; i < Math.min(READ_AHEAD, files.length); i += 1)
        ahead.push(read(i));
    for (let i = 0; i < files.length; i += 1) {
        const bytes = await ahead[i % READ_AHEAD];
        if (i + READ_AHEAD < files.length)
            ahead[i % READ_AHEAD] = read(i + READ_AHEAD);
        const name = files[i].name;
        const rel = external_node_path_default().posix.join(dir, name);
        const file = onFile(name, rel);
        if (bytes === null) {
            const inWorkers = parallel === null ? null : { ...parallel, onCompact: file.onCompact };
            file.done(await readJsonlFile(root, rel, limits, gaps, file.onValue, inWorkers));
            continue;
        }
        const handler = jsonLineHandler(rel, limits, gaps, file.onValue);
        line_reader_readLinesFromBuffer(bytes, limits, handler.onLine);
        file.done(handler.unread());
    }
    return files.map((entry) => entry.name);
}

;// CONCATENATED MODULE: ./src/evidence/refs.ts
/**
 * Contexta's ref grammar (`kind:component.component…`). Refs carry the attribution the whole
 * model hangs on (project = 1st component, run = 2nd, stage = 3rd), so a ref that breaks the
 * grammar cannot be attributed and its record is skipped with an `invalid_ref` gap.
 */
const KIND = /^[a-z][a-z0-9_]*$/;
const MAX_REF_CHARS = 255;
const MAX_COMPONENT_CHARS = 63;
/** Allowed component counts of the core kinds; other kinds are only shape-checked. */
const COMPONENT_COUNTS = {
    project: [1],
    run: [2],
    deployment: [2],
    stage: [3],
    batch: [4],
    sample: [4, 5],
    op: [4, 5],
    record: [3],
    artifact: [3],
};
function parseRef(text) {
    if (text.length > MAX_REF_CHARS)
        return null;
    const colon = text.indexOf(':');
    if (colon <= 0 || text.indexOf(':', colon + 1) !== -1)
        return null;
    const kind = text.slice(0, colon);
    if (!KIND.test(kind))
        return null;
    const parts = text.slice(colon + 1).split('.');
    for (const part of parts)
        if (!isComponent(part))
            return null;
    const counts = COMPONENT_COUNTS[kind];
    if (counts && !counts.includes(parts.length))
        return null;
    return { kind, parts };
}
/**
 * A ref component, `[a-z0-9]+(-[a-z0-9]+)*` of at most 63 characters, checked by hand: record and
 * sample refs are distinct on every line, so this runs for most components read, and the regex was
 * a visible share of reading.
 */
function isComponent(part) {
    if (part.length === 0 || part.length > MAX_COMPONENT_CHARS)
        return false;
    let afterHyphen = true;
    for (let i = 0; i < part.length; i++) {
        const c = part.charCodeAt(i);
        if (c === 0x2d) {
            if (afterHyphen)
                return false;
            afterHyphen = true;
        }
        else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
            afterHyphen = false;
        }
        else {
            return false;
        }
    }
    return !afterHyphen;
}
const CACHE_LIMIT = 4096;
const cache = new Map();
/**
 * `parseRef` for refs that repeat on many lines (run, stage, batch, deployment): a small memo keeps
 * the grammar check off the hot path. Bounded, and cleared when full, so memory stays constant.
 */
function parseRefCached(text) {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text))
        return hit ?? null;
    if (cache.size >= CACHE_LIMIT)
        cache.clear();
    const parsed = parseRef(text);
    cache.set(text, parsed);
    return parsed;
}
/** True when `child`'s components start with all of `parent`'s components. */
function extendsRef(child, parent) {
    if (child.parts.length <= parent.parts.length)
        return false;
    return parent.parts.every((part, i) => child.parts[i] === part);
}

;// CONCATENATED MODULE: ./src/contexta/artifacts.ts
/**
 * Artifact evidence: binding files (`artifacts/bindings/*.binding.json`, small pretty JSON, whole-file
 * parse is fine) and capture-cache ARTIFACT lines share Contexta's artifact manifest. A malformed
 * binding is a gap — Contexta itself fails every listing on one.
 */






const ArtifactManifest = schemas/* object */.Ikc({
    artifact_ref: schemas/* string */.YjP(),
    artifact_kind: schemas/* string */.YjP().regex(/^[a-z][a-z0-9_]*$/, 'an artifact kind like model or checkpoint'),
    run_ref: schemas/* string */.YjP(),
    location_ref: schemas/* string */.YjP().nullish(),
    stage_execution_ref: schemas/* string */.YjP().nullish(),
    hash_value: schemas/* string */.YjP().nullish(),
    size_bytes: schemas/* number */.aig().int().nonnegative().nullish(),
});
const Binding = schemas/* object */.Ikc({
    artifact_ref: schemas/* string */.YjP(),
    artifact_kind: schemas/* string */.YjP(),
    hash_value: schemas/* string */.YjP().nullish(),
    size_bytes: schemas/* number */.aig().int().nonnegative().nullish(),
    manifest_snapshot: ArtifactManifest,
});
/** Why the manifest's refs are unusable, or null. */
function manifestRefProblem(manifest) {
    const run = parseRef(manifest.run_ref);
    if (run?.kind !== 'run')
        return `run_ref "${manifest.run_ref}" is not a run: ref`;
    const artifact = parseRef(manifest.artifact_ref);
    if (artifact?.kind !== 'artifact' || !extendsRef(artifact, run)) {
        return `artifact_ref "${manifest.artifact_ref}" is not an artifact: ref of run ${manifest.run_ref}`;
    }
    return null;
}
function artifactFromManifest(manifest, source, status, override = {}) {
    const stage = manifest.stage_execution_ref ? parseRef(manifest.stage_execution_ref) : null;
    return {
        ref: manifest.artifact_ref,
        kind: manifest.artifact_kind,
        location: manifest.location_ref ?? null,
        sizeBytes: override.sizeBytes ?? manifest.size_bytes ?? null,
        hash: override.hash ?? manifest.hash_value ?? null,
        stage: stage?.kind === 'stage' ? (stage.parts[2] ?? null) : null,
        source,
        status,
    };
}
/** Contexta's file-name sanitiser for refs in the artifact store. */
function safeName(ref) {
    return ref
        .replaceAll(':', '__')
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/^[._]+|[._]+$/g, '');
}
/** Only presence is checked (hashes are not recomputed): `verified` means the stored body exists. */
async function objectPresent(root, artifactsDir, ref, kind) {
    const bucket = (0,external_node_crypto_.createHash)('sha256').update(ref).digest('hex').slice(0, 2);
    const dir = external_node_path_default().posix.join(artifactsDir, 'objects', safeName(kind), bucket);
    const listing = await root.list(dir);
    const prefix = safeName(ref);
    return listing.entries.some((e) => e.name.startsWith(prefix));
}
async function readBindings(root, artifactsDir, limits, gaps, builder) {
    const dir = external_node_path_default().posix.join(artifactsDir, 'bindings');
    let read = 0;
    const names = await listEvidenceDir(root, dir, gaps, (name) => name.endsWith('.binding.json'));
    for (const name of names) {
        const rel = external_node_path_default().posix.join(dir, name);
        const file = await openEvidenceFile(root, rel, { ...limits, maxFileBytes: Math.min(limits.maxFileBytes, 16 << 20) }, gaps, null);
        if (!file)
            continue;
        const invalid = (message) => gaps.add({
            code: 'binding_invalid',
            severity: 'warning',
            file: rel,
            message: `${message}; this artifact binding was skipped`,
        });
        const text = await readEvidenceText(file.absolute, rel, gaps);
        if (text === null)
            continue;
        const parsed = (0,json_text/* parseJsonText */.lk)(text, limits.maxDepth);
        if (!parsed.ok) {
            invalid(parsed.reason === 'too_deep'
                ? 'the binding nests too deeply'
                : `the binding is not valid JSON (${parsed.message})`);
            continue;
        }
        const unclear = (0,json_text/* ambiguity */.Gv)(parsed);
        if (unclear !== null) {
            invalid(`the binding cannot be trusted as written (${unclear})`);
            continue;
        }
        const binding = Binding.safeParse(parsed.value);
        if (!binding.success) {
            const issue = binding.error.issues[0];
            invalid(`field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
            continue;
        }
        const manifest = binding.data.manifest_snapshot;
        const problem = manifestRefProblem(manifest);
        if (problem) {
            invalid(problem);
            continue;
        }
        const present = await objectPresent(root, artifactsDir, manifest.artifact_ref, manifest.artifact_kind);
        if (!present) {
            gaps.add({
                code: 'artifact_object_missing',
                severity: 'info',
                file: rel,
                ref: manifest.artifact_ref,
                runRef: manifest.run_ref,
                message: `the stored copy of artifact ${manifest.artifact_ref} is not under ${artifactsDir}/objects; only its recorded hash and size are known`,
            });
        }
        const artifact = artifactFromManifest(manifest, 'binding', present ? 'verified' : 'missing', {
            hash: binding.data.hash_value,
            sizeBytes: binding.data.size_bytes,
        });
        if (builder.addArtifact(manifest.run_ref, artifact))
            read += 1;
    }
    return read;
}

;// CONCATENATED MODULE: ./src/contexta/compact-metric.ts
/** The task kinds of `parse-worker.ts`: lines of record-store segments and of capture caches. */
const SEGMENT_LINES = 'contexta-segment';
const CAPTURE_LINES = 'contexta-capture';
/** A capture line whose record the record store already holds: skipped, as the store wins. */
const STORED = 'stored';
/** Writes a metric line's facts into a chunk (`chunk-lines.ts`); `readCompact` reads them back. */
function writeCompact({ sequence, facts: m }, out) {
    out.num(sequence);
    // Unique per line: looking them up in the chunk's string table would only cost a hash each.
    out.text(m.recordRef);
    out.str(m.runRef);
    out.text(m.observedAt);
    out.str(m.stageRef);
    out.str(m.stageName);
    out.str(m.batchRef);
    out.str(m.batchName);
    if (m.sampleName === null)
        out.str(null);
    else
        out.text(m.sampleName);
    out.str(m.completeness);
    out.int(m.degraded ? 1 : 0);
    out.str(m.key);
    out.num(m.value);
    out.str(m.unit);
    out.str(m.scope);
    out.str(m.sliceRef);
    if (m.tags === null) {
        out.int(-1);
        return;
    }
    const entries = Object.entries(m.tags);
    out.int(entries.length);
    for (const [k, v] of entries) {
        out.str(k);
        out.str(v);
    }
}
function readCompact(r) {
    const sequence = r.num();
    const recordRef = r.str();
    const runRef = r.str();
    const observedAt = r.str();
    const stageRef = r.str();
    const stageName = r.str();
    const batchRef = r.str();
    const batchName = r.str();
    const sampleName = r.str();
    const completeness = r.str();
    const degraded = r.int() === 1;
    const key = r.str();
    const value = r.num();
    const unit = r.str();
    const scope = r.str();
    const sliceRef = r.str();
    const count = r.int();
    let tags = null;
    if (count >= 0) {
        tags = {};
        for (let i = 0; i < count; i++) {
            const k = r.str();
            tags[k] = r.str();
        }
    }
    return {
        sequence,
        facts: {
            recordRef,
            runRef,
            observedAt,
            stageRef,
            stageName,
            batchRef,
            batchName,
            sampleName,
            completeness,
            degraded,
            key,
            value,
            unit,
            scope,
            sliceRef,
            tags,
        },
    };
}

// EXTERNAL MODULE: ./src/evidence/model.ts
var model = __webpack_require__(3000);
;// CONCATENATED MODULE: ./src/contexta/record-schema.ts
/**
 * Zod schemas of Contexta records (envelope + payload per record type), in one normalised form for
 * both on-disk shapes: segment lines omit null keys, capture lines spell them out, so every optional
 * field accepts missing and null alike. Deliberately more tolerant than Contexta: unknown keys are
 * reported by the caller (not rejected here), time order is not checked, spans are barely looked at.
 */


/** Contract timestamps: UTC ISO-8601 with `Z`, optional fraction. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;
const DOTTED_KEBAB = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const DOTTED_SNAKE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const digits2 = (text, at) => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
/**
 * Whether a text that matches `TIMESTAMP` names a real instant: month 01–12, day within that month
 * (leap years by the Gregorian rule), hour 00–23, minute and second 00–59, year 0001 or later. The
 * SDK formats timestamps with Python's datetime, which has no year 0 and no leap second (second 60),
 * so neither can come from it.
 */
function isRealInstant(text) {
    const year = digits2(text, 0) * 100 + digits2(text, 2);
    const month = digits2(text, 5);
    const day = digits2(text, 8);
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return false;
    if (digits2(text, 11) > 23 || digits2(text, 14) > 59 || digits2(text, 17) > 59)
        return false;
    if (day <= 28)
        return true;
    if (month === 2)
        return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}
const isTimestamp = (text) => TIMESTAMP.test(text) && isRealInstant(text);
const Timestamp = schemas/* string */.YjP()
    .regex(TIMESTAMP, 'a UTC timestamp like 2026-01-01T00:00:00Z')
    .refine(isRealInstant, 'a real UTC instant (month 01-12, a day that exists in that month, hour 00-23, minute and second 00-59, year from 0001)');
const opt = (schema) => schema.nullish();
const RECORD_TYPES = ['metric', 'event', 'span', 'degraded'];
const Envelope = schemas/* object */.Ikc({
    record_ref: schemas/* string */.YjP(),
    record_type: schemas/* enum */.k5n(RECORD_TYPES),
    recorded_at: Timestamp,
    observed_at: Timestamp,
    producer_ref: schemas/* string */.YjP().regex(DOTTED_KEBAB, 'a dotted lower-case producer name like sdk.python.local'),
    run_ref: schemas/* string */.YjP(),
    deployment_execution_ref: opt(schemas/* string */.YjP()),
    stage_execution_ref: opt(schemas/* string */.YjP()),
    batch_execution_ref: opt(schemas/* string */.YjP()),
    sample_observation_ref: opt(schemas/* string */.YjP()),
    operation_context_ref: opt(schemas/* string */.YjP()),
    correlation_refs: opt(schemas/* object */.Ikc({ trace_id: opt(schemas/* string */.YjP()), session_id: opt(schemas/* string */.YjP()) })),
    completeness_marker: opt(model/* CompletenessMarker */.zC),
    degradation_marker: opt(model/* DegradationMarker */.r7),
    schema_version: opt(schemas/* string */.YjP()),
    extensions: opt(schemas/* array */.YOg(schemas/* unknown */.L5J())),
});
/** Any JSON number, NaN/±Infinity included: non-finite values are reported, not rejected. */
const AnyNumber = schemas/* custom */.IeY((v) => typeof v === 'number', 'a number');
const Tags = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP());
const MetricPayload = schemas/* object */.Ikc({
    metric_key: schemas/* string */.YjP()
        .regex(DOTTED_KEBAB, 'a metric key of lower-case letters, digits, hyphens and dots (no underscores)'),
    value: AnyNumber,
    value_type: schemas/* string */.YjP(),
    unit: opt(schemas/* string */.YjP()),
    aggregation_scope: opt(model/* AggregationScope */.B5),
    subject_ref: opt(schemas/* string */.YjP()),
    slice_ref: opt(schemas/* string */.YjP().regex(DOTTED_SNAKE, 'a dotted lower_snake slice name')),
    tags: opt(Tags),
    summary_basis: opt(schemas/* string */.YjP()),
});
const EventPayload = schemas/* object */.Ikc({
    event_key: schemas/* string */.YjP().regex(DOTTED_KEBAB, 'an event key of lower-case letters, digits, hyphens and dots'),
    level: schemas/* enum */.k5n(['debug', 'info', 'warning', 'error', 'critical']),
    message: schemas/* string */.YjP(),
    subject_ref: opt(schemas/* string */.YjP()),
    attributes: opt(schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())),
    origin_marker: opt(schemas/* string */.YjP()),
});
const SpanPayload = schemas/* object */.Ikc({
    span_id: opt(schemas/* string */.YjP()),
    trace_id: opt(schemas/* string */.YjP()),
    parent_span_id: opt(schemas/* string */.YjP()),
    span_name: opt(schemas/* string */.YjP()),
    started_at: opt(schemas/* string */.YjP()),
    ended_at: opt(schemas/* string */.YjP()),
    status: opt(schemas/* string */.YjP()),
    span_kind: opt(schemas/* string */.YjP()),
    attributes: opt(schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())),
    linked_refs: opt(schemas/* array */.YOg(schemas/* unknown */.L5J())),
});
const DegradedPayload = schemas/* object */.Ikc({
    issue_key: schemas/* string */.YjP()
        .regex(DOTTED_SNAKE, 'an issue key of lower-case letters, digits, underscores and dots'),
    category: opt(schemas/* string */.YjP()),
    severity: schemas/* enum */.k5n(['warning', 'error']),
    summary: schemas/* string */.YjP(),
    subject_ref: opt(schemas/* string */.YjP()),
    origin_marker: opt(schemas/* string */.YjP()),
    attributes: opt(schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J())),
});
const PAYLOAD_SCHEMAS = {
    metric: MetricPayload,
    event: EventPayload,
    span: SpanPayload,
    degraded: DegradedPayload,
};
const ENVELOPE_KEYS = new Set(Object.keys(Envelope.shape));
const PAYLOAD_KEYS = {
    metric: new Set(Object.keys(MetricPayload.shape)),
    event: new Set(Object.keys(EventPayload.shape)),
    span: new Set(Object.keys(SpanPayload.shape)),
    degraded: new Set(Object.keys(DegradedPayload.shape)),
};
/**
 * Microseconds since the epoch of a contract timestamp, so "latest" compares real instants (Contexta
 * compares strings, which puts `…:00Z` after `…:00.5Z`). Null when the text is not a timestamp.
 */
function instantMicros(text) {
    if (!text)
        return null;
    // Records arrive in time order, so most share the last one's second: only the fraction is new.
    if (text.length >= 20 && lastSecond.prefix !== '' && text.startsWith(lastSecond.prefix)) {
        const fraction = fractionMicros(text);
        if (fraction !== null)
            return lastSecond.micros + fraction;
    }
    const m = TIMESTAMP.exec(text);
    if (!m)
        return null;
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
    if (Number.isNaN(ms))
        return null;
    lastSecond.prefix = text.slice(0, 19);
    lastSecond.micros = ms * 1000;
    const fraction = m[7] ? Number(`${m[7]}000000`.slice(0, 6)) : 0;
    return ms * 1000 + fraction;
}
/** The whole second (`YYYY-MM-DDTHH:MM:SS`) last parsed by `instantMicros`, in µs since the epoch. */
const lastSecond = { prefix: '', micros: 0 };
/** µs of the `(?:\.\d{1,9})?Z` tail after the 19-character second, null when it is not one. */
function fractionMicros(text) {
    const end = text.length - 1;
    if (text.charCodeAt(end) !== 0x5a)
        return null;
    if (end === 19)
        return 0;
    if (text.charCodeAt(19) !== 0x2e || end - 20 < 1 || end - 20 > 9)
        return null;
    let micros = 0;
    for (let i = 20; i < 26; i++) {
        if (i < end) {
            const digit = text.charCodeAt(i) - 0x30;
            if (digit < 0 || digit > 9)
                return null;
            micros = micros * 10 + digit;
        }
        else
            micros *= 10;
    }
    for (let i = 26; i < end; i++) {
        const digit = text.charCodeAt(i) - 0x30;
        if (digit < 0 || digit > 9)
            return null;
    }
    return micros;
}
const COMPLETENESS = new Set(model/* CompletenessMarker */.zC.options);
const DEGRADATION = new Set(model/* DegradationMarker */.r7.options);
const SCOPES = new Set(model/* AggregationScope */.B5.options);
const TYPES = new Set(RECORD_TYPES);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
/**
 * A JSON object zod's `z.record` surely takes as a record: zod looks at a `constructor` key to decide
 * what a plain object is, and skips `__proto__`, so objects with either key go the slow way.
 */
const isPlainRecord = (v) => isPlainObject(v) && !Object.hasOwn(v, 'constructor') && !Object.hasOwn(v, '__proto__');
const optString = (v) => v === undefined || v === null || typeof v === 'string';
const optMember = (v, set) => v === undefined || v === null || set.has(v);
function stringRecord(v) {
    if (!isPlainRecord(v))
        return false;
    for (const key in v)
        if (typeof v[key] !== 'string')
            return false;
    return true;
}
/** The envelope when `Envelope` surely accepts it, else null (ask zod). */
function envelopeFastPath(v) {
    const correlation = v.correlation_refs;
    const ok = typeof v.record_ref === 'string' &&
        TYPES.has(v.record_type) &&
        typeof v.recorded_at === 'string' &&
        isTimestamp(v.recorded_at) &&
        typeof v.observed_at === 'string' &&
        isTimestamp(v.observed_at) &&
        typeof v.producer_ref === 'string' &&
        DOTTED_KEBAB.test(v.producer_ref) &&
        typeof v.run_ref === 'string' &&
        optString(v.deployment_execution_ref) &&
        optString(v.stage_execution_ref) &&
        optString(v.batch_execution_ref) &&
        optString(v.sample_observation_ref) &&
        optString(v.operation_context_ref) &&
        (correlation === undefined ||
            correlation === null ||
            (isPlainObject(correlation) && optString(correlation.trace_id) && optString(correlation.session_id))) &&
        optMember(v.completeness_marker, COMPLETENESS) &&
        optMember(v.degradation_marker, DEGRADATION) &&
        optString(v.schema_version) &&
        (v.extensions === undefined || v.extensions === null || Array.isArray(v.extensions));
    return ok ? v : null;
}
/** The payload when `MetricPayload` surely accepts it, else null (ask zod). */
function metricPayloadFastPath(v) {
    const ok = typeof v.metric_key === 'string' &&
        DOTTED_KEBAB.test(v.metric_key) &&
        typeof v.value === 'number' &&
        typeof v.value_type === 'string' &&
        optString(v.unit) &&
        optMember(v.aggregation_scope, SCOPES) &&
        optString(v.subject_ref) &&
        (v.slice_ref === undefined ||
            v.slice_ref === null ||
            (typeof v.slice_ref === 'string' && DOTTED_SNAKE.test(v.slice_ref))) &&
        (v.tags === undefined || v.tags === null || stringRecord(v.tags)) &&
        optString(v.summary_basis);
    return ok ? v : null;
}

;// CONCATENATED MODULE: ./src/contexta/validate-record.ts


const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function describe(value) {
    if (value === undefined)
        return 'nothing (the field is missing)';
    let text;
    try {
        text = JSON.stringify(value) ?? String(value);
    }
    catch {
        text = String(value);
    }
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
function valueAt(root, path) {
    let node = root;
    for (const key of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[key];
    }
    return node;
}
function issueText(prefix, root, error) {
    const issue = error.issues[0];
    const field = [prefix, ...issue.path.map(String)].join('.');
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
    const expected = issue.message
        .replace(/^Invalid (input|option): expected /, '')
        .replace(/, received \w+$/, '');
    return `${field}: expected ${expected}, found ${describe(valueAt(root, issue.path))}${more}`;
}
function reportUnknownKeys(gaps, origin, where, object, known) {
    for (const key of Object.keys(object)) {
        if (known.has(key))
            continue;
        const field = `${where}.${key}`;
        gaps.tally('unknown_field', 'warning', origin.file, field, origin.line, null, (count) => `${count} record(s) carry the field ${field}, which Contexta's record format does not define; it was ignored (Contexta itself would refuse these records)`);
    }
}
function validateRecord(raw, origin, gaps) {
    const reject = (code) => (message, severity = 'error', ref) => {
        gaps.line(code, severity, origin.file, origin.line, message, ref ? { ref } : {});
        return null;
    };
    if (!isObject(raw) || !isObject(raw.envelope) || !isObject(raw.payload)) {
        return reject('record_invalid')(`the record is not an object with "envelope" and "payload" objects (found ${describe(raw)}); skipped`);
    }
    const envelope = raw.envelope;
    const payload = raw.payload;
    const recordRef = typeof envelope.record_ref === 'string' ? envelope.record_ref : undefined;
    const version = envelope.schema_version;
    if (typeof version === 'string' && version.split('.')[0] !== '1') {
        return reject('unknown_schema_version')(`schema_version "${version}" is not a 1.x version this reader understands; record skipped`, 'error', recordRef);
    }
    const type = envelope.record_type;
    if (typeof type !== 'string' || !RECORD_TYPES.includes(type)) {
        return reject('unknown_record_type')(`record_type ${describe(type)} is not one of ${RECORD_TYPES.join(', ')}; record skipped`, 'warning', recordRef);
    }
    const recordType = type;
    reportUnknownKeys(gaps, origin, 'envelope', envelope, ENVELOPE_KEYS);
    reportUnknownKeys(gaps, origin, 'payload', payload, PAYLOAD_KEYS[recordType]);
    let envelopeData = envelopeFastPath(envelope);
    if (envelopeData === null) {
        const env = Envelope.safeParse(envelope);
        if (!env.success)
            return reject('record_invalid')(`${issueText('envelope', envelope, env.error)}; record skipped`, 'error', recordRef);
        envelopeData = env.data;
    }
    let payloadData = recordType === 'metric' ? metricPayloadFastPath(payload) : null;
    if (payloadData === null) {
        const pay = PAYLOAD_SCHEMAS[recordType].safeParse(payload);
        if (!pay.success)
            return reject('record_invalid')(`${issueText('payload', payload, pay.error)}; record skipped`, 'error', recordRef);
        payloadData = pay.data;
    }
    const refs = checkRefs(envelopeData);
    if (typeof refs === 'string')
        return reject('invalid_ref')(`${refs}; record skipped`, 'error', recordRef);
    const record = { type: recordType, envelope: envelopeData, payload: payloadData };
    const attribution = { ref: envelopeData.record_ref, runRef: envelopeData.run_ref };
    if (record.type === 'metric') {
        const value = record.payload.value;
        if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
            gaps.line('unsafe_integer', 'warning', origin.file, origin.line, `metric ${record.payload.metric_key} has the integer value ${value}, beyond 2^53: JavaScript holds it only approximately`, attribution);
        }
    }
    const metricNonFinite = record.type === 'metric' && !Number.isFinite(record.payload.value);
    if (origin.nonFiniteToken && !metricNonFinite) {
        gaps.line('non_finite_number', 'warning', origin.file, origin.line, 'the record holds NaN or Infinity outside the metric value; the record was read, that number is not usable', attribution);
    }
    return { record, refs };
}
/** Ref grammar plus Contexta's prefix rules; a string says what is wrong. */
function checkRefs(envelope) {
    const parse = (field, text, kind) => {
        if (text === null || text === undefined)
            return null;
        const parsed = kind === 'record' || kind === 'sample' || kind === 'op' ? parseRef(text) : parseRefCached(text);
        if (parsed === null || parsed.kind !== kind) {
            return `envelope.${field}: expected a ${kind}: ref (kind:component.component…, lower-case letters, digits, single hyphens), found "${text}"`;
        }
        return parsed;
    };
    const run = parse('run_ref', envelope.run_ref, 'run');
    if (typeof run === 'string')
        return run;
    if (run === null)
        return 'envelope.run_ref is missing';
    const record = parse('record_ref', envelope.record_ref, 'record');
    if (typeof record === 'string')
        return record;
    if (record && !extendsRef(record, run)) {
        return `envelope.record_ref "${envelope.record_ref}" does not belong to run "${envelope.run_ref}"`;
    }
    const stage = parse('stage_execution_ref', envelope.stage_execution_ref, 'stage');
    if (typeof stage === 'string')
        return stage;
    if (stage && !extendsRef(stage, run)) {
        return `envelope.stage_execution_ref "${envelope.stage_execution_ref}" does not belong to run "${envelope.run_ref}"`;
    }
    const batch = parse('batch_execution_ref', envelope.batch_execution_ref, 'batch');
    if (typeof batch === 'string')
        return batch;
    if (batch && (!stage || !extendsRef(batch, stage))) {
        return `envelope.batch_execution_ref "${envelope.batch_execution_ref}" does not belong to the record's stage`;
    }
    const sample = parse('sample_observation_ref', envelope.sample_observation_ref, 'sample');
    if (typeof sample === 'string')
        return sample;
    const scope = batch ?? stage;
    if (sample && (!scope || !extendsRef(sample, scope) || sample.parts.length !== scope.parts.length + 1)) {
        return `envelope.sample_observation_ref "${envelope.sample_observation_ref}" does not belong to the record's ${batch ? 'batch' : 'stage'}`;
    }
    const op = parse('operation_context_ref', envelope.operation_context_ref, 'op');
    if (typeof op === 'string')
        return op;
    if (op && (!scope || !extendsRef(op, scope))) {
        return `envelope.operation_context_ref "${envelope.operation_context_ref}" does not belong to the record's stage`;
    }
    const deployment = parse('deployment_execution_ref', envelope.deployment_execution_ref, 'deployment');
    if (typeof deployment === 'string')
        return deployment;
    return { run, stage, batch, sample, deployment };
}

;// CONCATENATED MODULE: ./src/contexta/capture-cache.ts
/**
 * Reads Contexta's capture cache (`cache/capture/<family>.jsonl`): what a job using the runtime API
 * leaves behind. RECORD lines carry the same envelope/payload as segment lines (with explicit nulls);
 * ARTIFACT lines carry an artifact manifest and a binding status. Records already read from the
 * record store are skipped (the store wins), so nothing is counted twice.
 */








const CaptureLine = schemas/* object */.Ikc({
    captured_at: schemas/* string */.YjP().nullish(),
    sink_name: schemas/* string */.YjP().nullish(),
    family: schemas/* string */.YjP(),
    payload_type: schemas/* string */.YjP().nullish(),
    payload_ref: schemas/* string */.YjP().nullish(),
    payload: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
});
const CAPTURE_KEYS = new Set(Object.keys(CaptureLine.shape));
const ArtifactPayload = schemas/* object */.Ikc({
    manifest: ArtifactManifest,
    binding_status: schemas/* string */.YjP().nullish(),
});
const capture_cache_optString = (v) => v === undefined || v === null || typeof v === 'string';
/**
 * The line as `CaptureLine` would return it when zod surely accepts it, else null (ask zod). Every
 * line of a capture cache passes here, most only to be skipped as a copy of a stored record, so
 * zod's walk and copy of the whole line were a large share of reading one.
 */
function captureLineFastPath(v) {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        return null;
    const line = v;
    const ok = typeof line.family === 'string' &&
        isPlainRecord(line.payload) &&
        capture_cache_optString(line.captured_at) &&
        capture_cache_optString(line.sink_name) &&
        capture_cache_optString(line.payload_type) &&
        capture_cache_optString(line.payload_ref);
    return ok ? { success: true, data: line } : null;
}
const capture_cache_isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * Families other than RECORD are never written by Contexta's built-in services; a line whose payload
 * is a record (envelope + payload) is still read as one, whatever its family says.
 */
function carriesRecord(capture) {
    const looksLikeRecord = capture_cache_isObject(capture.payload.envelope) && capture_cache_isObject(capture.payload.payload);
    return capture.family === 'RECORD' || (capture.family !== 'ARTIFACT' && looksLikeRecord);
}
/**
 * The record a capture line carries when reading the line itself reports nothing (no unknown field,
 * nothing for zod to explain): what a parse worker may validate and compact (`compact-line.ts`).
 */
function cleanCaptureRecord(value) {
    const parsed = captureLineFastPath(value);
    if (parsed === null)
        return null;
    for (const key of Object.keys(value))
        if (!CAPTURE_KEYS.has(key))
            return null;
    return carriesRecord(parsed.data) ? parsed.data.payload : null;
}
async function readCaptureCache(root, captureDir, limits, gaps, builder, seen, pool = null) {
    const result = {
        files: [],
        records: 0,
        skippedForStore: 0,
        artifacts: 0,
        skippedArtifacts: 0,
    };
    const names = await listEvidenceDir(root, captureDir, gaps, (name) => name.endsWith('.jsonl'));
    // Workers skip copies of stored records as this thread does: by the same refs, which no longer
    // change once the record stores are read.
    const shared = pool !== null && seen.store.size > 0 ? pool.share(seen.store.snapshot()) : null;
    try {
        await readCaptureFiles();
    }
    finally {
        if (shared !== null)
            pool.unshare(shared);
    }
    return result;
    async function readCaptureFiles() {
        for (const name of names) {
            const rel = external_node_path_default().posix.join(captureDir, name);
            result.files.push(rel);
            const duplicates = new evidence_gaps/* RepeatedRefs */.NK();
            /** The tail of reading a record, once it is valid: a repeat within the capture cache is dropped. */
            const take = (ref, line, fold) => {
                if (!seen.capture.add(ref)) {
                    duplicates.note(line, ref);
                    return;
                }
                result.records += 1;
                fold();
            };
            const onCompact = (chunk, line) => {
                if (chunk.int() === 0) {
                    result.skippedForStore += 1;
                    return;
                }
                const { facts } = readCompact(chunk);
                take(facts.recordRef, line, () => builder.foldMetric(facts, { file: rel, line }));
            };
            const parallel = pool === null ? null : { pool, kind: CAPTURE_LINES, shared, onCompact };
            await readJsonlFile(root, rel, limits, gaps, ({ value, line, nonFiniteToken }) => {
                const parsed = captureLineFastPath(value) ?? CaptureLine.safeParse(value);
                if (!parsed.success) {
                    const issue = parsed.error.issues[0];
                    gaps.line('record_invalid', 'error', rel, line, `not a capture line: field ${issue.path.join('.') || '(root)'} ${issue.message}; skipped`);
                    return;
                }
                for (const key of Object.keys(value)) {
                    if (CAPTURE_KEYS.has(key))
                        continue;
                    gaps.tally('unknown_field', 'warning', rel, key, line, null, (count) => `${count} capture line(s) carry the field ${key}, which the capture format does not define; it was ignored`);
                }
                const capture = parsed.data;
                if (carriesRecord(capture)) {
                    // The record store's copy wins, so a capture copy of it is not even validated.
                    const envelope = capture.payload.envelope;
                    if (typeof envelope?.record_ref === 'string' && seen.store.has(envelope.record_ref)) {
                        result.skippedForStore += 1;
                        return;
                    }
                    const valid = validateRecord(capture.payload, { file: rel, line, nonFiniteToken }, gaps);
                    if (!valid)
                        return;
                    take(valid.record.envelope.record_ref, line, () => builder.foldRecord(valid, { file: rel, line }));
                    return;
                }
                if (capture.family === 'ARTIFACT') {
                    const artifact = ArtifactPayload.safeParse(capture.payload);
                    if (!artifact.success) {
                        const issue = artifact.error.issues[0];
                        gaps.line('record_invalid', 'error', rel, line, `artifact line: field payload.${issue.path.join('.')} ${issue.message}; skipped`);
                        return;
                    }
                    const manifest = artifact.data.manifest;
                    const problem = manifestRefProblem(manifest);
                    if (problem) {
                        gaps.line('invalid_ref', 'error', rel, line, `artifact line: ${problem}; skipped`, {
                            ref: manifest.artifact_ref,
                        });
                        return;
                    }
                    const status = artifact.data.binding_status ?? null;
                    if (builder.addArtifact(manifest.run_ref, artifactFromManifest(manifest, 'capture', status)))
                        result.artifacts += 1;
                    else
                        result.skippedArtifacts += 1;
                    if (status !== null && status !== 'BOUND') {
                        gaps.line('artifact_object_missing', status === 'DEGRADED' ? 'warning' : 'info', rel, line, `artifact ${manifest.artifact_ref} was captured with binding status ${status} (its source file was missing or could not be verified)`, { ref: manifest.artifact_ref, runRef: manifest.run_ref });
                    }
                    return;
                }
                gaps.tally('unknown_record_type', 'warning', rel, capture.family, line, null, (count) => `${count} capture line(s) of family ${capture.family} are not understood by this reader; skipped`);
            }, parallel);
            duplicates.report(gaps, rel, 'from the capture cache');
        }
    }
}

;// CONCATENATED MODULE: ./src/contexta/discover.ts
/**
 * Finds Contexta workspaces under the path a user gave, without making them say which layout it is
 * (format spec §2.3): the path itself as a workspace root, a bare `records/` directory, or a
 * directory of per-project workspaces one level down (quickstart style). Dot-directories count —
 * the default root is `.contexta`. Never deeper than one level.
 */

const LOOKED_FOR = 'records/manifest.json or records/segments/ (record store), cache/capture/*.jsonl (capture cache), metadata/ledger.db (ledger), artifacts/bindings/ (artifact bindings), manifest.json + segments/ (a bare records directory) — in the path itself and in its immediate subdirectories';
/**
 * A symlink out of the root is never followed. Inside a workspace that hides evidence (error); among
 * the root's subdirectories it is usually unrelated (a linked node_modules), so only noted (info).
 */
async function kind(root, rel, gaps, outsideSeverity = 'error') {
    const resolved = await root.resolve(rel);
    if (resolved.ok)
        return resolved.isDirectory ? 'dir' : 'file';
    if (resolved.reason === 'outside') {
        gaps.add({
            code: 'symlink_outside_workspace',
            severity: outsideSeverity,
            file: rel,
            message: resolved.message,
        });
    }
    return null;
}
async function probe(root, rel, gaps) {
    const at = (...parts) => external_node_path_default().posix.join(rel, ...parts);
    const layout = {
        path: rel,
        recordsDir: null,
        captureDir: null,
        ledgerFile: null,
        artifactsDir: null,
        layouts: [],
    };
    if ((await kind(root, at('records', 'manifest.json'), gaps)) === 'file' ||
        (await kind(root, at('records', 'segments'), gaps)) === 'dir') {
        layout.recordsDir = at('records');
        layout.layouts.push('record_store');
    }
    if ((await kind(root, at('cache', 'capture'), gaps)) === 'dir') {
        const listing = await root.list(at('cache', 'capture'));
        if (listing.entries.some((e) => e.name.endsWith('.jsonl'))) {
            layout.captureDir = at('cache', 'capture');
            layout.layouts.push('capture_cache');
        }
    }
    if ((await kind(root, at('metadata', 'ledger.db'), gaps)) !== null) {
        layout.ledgerFile = at('metadata', 'ledger.db');
        layout.layouts.push('ledger');
    }
    if ((await kind(root, at('artifacts', 'bindings'), gaps)) === 'dir') {
        layout.artifactsDir = at('artifacts');
        layout.layouts.push('artifact_bindings');
    }
    return layout.layouts.length > 0 ? layout : null;
}
async function discoverWorkspaces(root, gaps) {
    const self = await probe(root, '.', gaps);
    if (self)
        return [self];
    if ((await kind(root, 'manifest.json', gaps)) === 'file' &&
        (await kind(root, 'segments', gaps)) === 'dir') {
        return [
            {
                path: '.',
                recordsDir: '.',
                captureDir: null,
                ledgerFile: null,
                artifactsDir: null,
                layouts: ['record_store'],
            },
        ];
    }
    const listing = await root.list('.');
    const found = [];
    const children = listing.entries
        .filter((e) => e.isDirectory() || e.isSymbolicLink())
        .map((e) => e.name)
        .sort();
    for (const child of children) {
        if ((await kind(root, child, gaps, 'info')) !== 'dir')
            continue;
        const workspace = await probe(root, child, gaps);
        if (workspace)
            found.push(workspace);
    }
    return found;
}

// EXTERNAL MODULE: ./src/evidence/sample-columns.ts
var sample_columns = __webpack_require__(9553);
;// CONCATENATED MODULE: ./src/evidence/sample-tags.ts
/** The tags read as per-sample classification outcomes. */
const SAMPLE_OUTCOME_TAGS = ['label', 'prediction'];
/** "1"/"true" → 1, "0"/"false" → 0, another decimal number as that number, anything else null. */
function tagValue(text) {
    const t = text.trim().toLowerCase();
    if (t === 'true')
        return 1;
    if (t === 'false')
        return 0;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t))
        return null;
    const value = Number(t);
    return Number.isFinite(value) ? value : null;
}
class SampleTagColumns {
    key;
    sampleNames;
    rowOfId = new Map();
    values = [];
    ids = [];
    slices = [];
    sliceNames = [];
    sliceByName = new Map();
    constructor(key, sampleNames) {
        this.key = key;
        this.sampleNames = sampleNames;
    }
    put(identity, text, slice) {
        const parsed = tagValue(text);
        const value = parsed ?? Number.NaN;
        const id = this.sampleNames.id(identity);
        const row = this.rowOfId.get(id);
        if (row !== undefined) {
            if (this.values[row] !== value)
                this.values[row] = Number.NaN;
            return;
        }
        this.rowOfId.set(id, this.values.length);
        this.ids.push(id);
        this.values.push(value);
        this.slices.push(slice === null ? -1 : this.sliceId(slice));
    }
    finish(shared) {
        const values = Float64Array.from(this.values);
        return {
            key: this.key,
            ids: Int32Array.from(this.ids, (id) => shared.ids[id]),
            table: shared.table,
            values,
            sliceIndex: Int32Array.from(this.slices),
            sliceNames: [...this.sliceNames],
            binary: values.length > 0 && values.every((v) => v === 0 || v === 1),
        };
    }
    sliceId(slice) {
        let id = this.sliceByName.get(slice);
        if (id === undefined) {
            id = this.sliceNames.length;
            this.sliceNames.push(slice);
            this.sliceByName.set(slice, id);
        }
        return id;
    }
}

;// CONCATENATED MODULE: ./src/contexta/fold-series.ts

const COMPLETENESS_RANK = {
    complete: 0,
    sampled: 1,
    partial: 2,
    unknown: 3,
    absent: 4,
};
class SeriesAcc {
    key;
    slice;
    batch;
    scope = null;
    unit = null;
    latest = null;
    latestInstant = Number.NEGATIVE_INFINITY;
    tags = {};
    count = 0;
    nonFinite = 0;
    completeness = 'complete';
    degraded = false;
    /**
     * Every usable step observed, in a growable column: 8 bytes each, where a Set of distinct steps cost
     * several times that on a long training loss. Distinct steps are counted once, at the end.
     */
    steps = null;
    stepCount = 0;
    firstStep = null;
    constructor(key, slice, batch) {
        this.key = key;
        this.slice = slice;
        this.batch = batch;
    }
    add(m) {
        this.count += 1;
        if (COMPLETENESS_RANK[m.completeness] > COMPLETENESS_RANK[this.completeness])
            this.completeness = m.completeness;
        if (m.degraded)
            this.degraded = true;
        const stepText = m.tags?.step;
        const step = stepText === undefined || stepText.trim() === '' ? null : Number(stepText);
        const usableStep = step !== null && Number.isFinite(step) ? step : null;
        if (usableStep !== null) {
            this.steps ??= new Float64Array(16);
            if (this.stepCount === this.steps.length) {
                const grown = new Float64Array(this.steps.length * 2);
                grown.set(this.steps);
                this.steps = grown;
            }
            // A Set counted -0 and 0 as one step and kept 0.
            this.steps[this.stepCount++] = usableStep === 0 ? 0 : usableStep;
            this.firstStep ??= usableStep;
        }
        if (!Number.isFinite(m.value)) {
            this.nonFinite += 1;
            return;
        }
        const instant = instantMicros(m.observedAt) ?? Number.NEGATIVE_INFINITY;
        if (instant < this.latestInstant)
            return;
        this.latestInstant = instant;
        this.latest = { value: m.value, observedAt: m.observedAt, recordRef: m.recordRef, step: usableStep };
        this.scope = m.scope;
        this.unit = m.unit;
        const tags = {};
        for (const [k, v] of Object.entries(m.tags ?? {}))
            if (k !== 'slice' && k !== 'step')
                tags[k] = v;
        this.tags = tags;
    }
    finish() {
        if (this.latest === null)
            return null;
        let steps = null;
        if (this.steps !== null) {
            const sorted = this.steps.subarray(0, this.stepCount).sort();
            let distinct = 0;
            for (let i = 0; i < sorted.length; i++)
                if (i === 0 || sorted[i] !== sorted[i - 1])
                    distinct += 1;
            steps = {
                count: distinct,
                first: this.firstStep,
                last: this.latest.step,
                min: sorted[0],
                max: sorted[sorted.length - 1],
            };
        }
        return {
            key: this.key,
            slice: this.slice,
            batch: this.batch,
            scope: this.scope,
            unit: this.unit,
            latest: this.latest,
            count: this.count,
            steps,
            completeness: this.completeness,
            degraded: this.degraded,
            nonFinite: this.nonFinite,
            replicates: [],
            tags: this.tags,
        };
    }
}
/** Code-unit order, as the model's lists are sorted (not locale order). */
const compareStrings = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function finishSeries(map, gaps, where) {
    const out = [];
    for (const acc of map.values()) {
        const series = acc.finish();
        if (series) {
            out.push(series);
            continue;
        }
        const slice = acc.slice ? ` (slice ${acc.slice})` : '';
        gaps.add({
            code: 'series_lost',
            severity: 'warning',
            runRef: where.runRef,
            ...(where.stage ? { stage: where.stage } : {}),
            count: acc.nonFinite,
            message: `metric ${acc.key}${slice}${where.stage ? ` in stage ${where.stage}` : ' at run level'} has no finite value (${acc.nonFinite} NaN/Infinity observation(s)); it cannot be compared`,
        });
    }
    return out.sort((a, b) => compareStrings(a.key, b.key) ||
        compareStrings(a.batch ?? '', b.batch ?? '') ||
        compareStrings(a.slice ?? '', b.slice ?? ''));
}

;// CONCATENATED MODULE: ./src/contexta/run-acc.ts



class StageAcc {
    ref;
    name;
    seen;
    status = null;
    orderIndex = null;
    series = new Map();
    samples = new Map();
    sampleNames = new sample_names/* SampleNames */.j();
    /** `tags.label`/`tags.prediction` of per-sample records; a per-sample metric of the name wins. */
    sampleTags = new Map();
    batches = new Map();
    recordCount = 0;
    partialRecords = 0;
    partialFile = null;
    constructor(ref, name, seen) {
        this.ref = ref;
        this.name = name;
        this.seen = seen;
    }
}
class RunAcc {
    ref;
    project;
    name;
    status = null;
    startedAt = null;
    endedAt = null;
    stages = new Map();
    runSeries = new Map();
    events = new Map();
    degraded = [];
    artifacts = new Map();
    environment = null;
    recordCount = 0;
    runPartialRecords = 0;
    runPartialFile = null;
    constructor(ref, project, name) {
        this.ref = ref;
        this.project = project;
        this.name = name;
    }
}
class ProjectAcc {
    name;
    runs = new Map();
    deployments = [];
    constructor(name) {
        this.name = name;
    }
}
/** `table`: the read's shared sample table, which the finished sample series index. */
function buildRun(run, gaps, table) {
    const stages = [...run.stages.values()].sort((a, b) => (a.orderIndex ?? Number.MAX_SAFE_INTEGER) - (b.orderIndex ?? Number.MAX_SAFE_INTEGER) ||
        a.seen - b.seen);
    const built = stages.map((stage) => {
        const shared = (0,sample_columns/* stageIds */.vn)(stage.sampleNames, table);
        if (stage.partialRecords > 0) {
            gaps.add({
                code: 'partial_record',
                severity: 'warning',
                file: stage.partialFile ?? undefined,
                runRef: run.ref,
                stage: stage.name,
                ref: stage.ref,
                count: stage.partialRecords,
                message: `${stage.partialRecords} record(s) in stage ${stage.name} are marked incomplete (completeness partial/absent/unknown)`,
            });
        }
        return {
            ref: stage.ref,
            name: stage.name,
            status: stage.status,
            orderIndex: stage.orderIndex,
            metrics: finishSeries(stage.series, gaps, { runRef: run.ref, stage: stage.name }),
            samples: (0,sample_columns/* shareColumns */.z4)([
                ...stage.samples.values(),
                ...[...stage.sampleTags.values()].filter((t) => !stage.samples.has(t.key)),
            ]
                .sort((a, b) => compareStrings(a.key, b.key))
                .map((s) => s.finish(shared))),
            batches: [...stage.batches.values()],
            recordCount: stage.recordCount,
            partialRecords: stage.partialRecords,
        };
    });
    if (run.runPartialRecords > 0) {
        gaps.add({
            code: 'partial_record',
            severity: 'warning',
            file: run.runPartialFile ?? undefined,
            runRef: run.ref,
            ref: run.ref,
            count: run.runPartialRecords,
            message: `${run.runPartialRecords} run-level record(s) are marked incomplete (completeness partial/absent/unknown)`,
        });
    }
    return {
        ref: run.ref,
        project: run.project,
        name: run.name,
        status: run.status,
        startedAt: run.startedAt,
        endedAt: run.endedAt,
        stages: built,
        runMetrics: finishSeries(run.runSeries, gaps, { runRef: run.ref, stage: null }),
        events: [...run.events.values()],
        degraded: run.degraded,
        artifacts: [...run.artifacts.values()],
        environment: run.environment,
        recordCount: run.recordCount,
        params: null,
    };
}

;// CONCATENATED MODULE: ./src/contexta/fold.ts






/** Degraded records kept per run; beyond it only the (capped, counted) gaps remain. */
const MAX_DEGRADED_PER_RUN = 1000;
const PARTIAL_MARKERS = new Set(['partial', 'absent', 'unknown']);
function metricFacts(record, refs) {
    const env = record.envelope;
    const p = record.payload;
    return {
        recordRef: env.record_ref,
        runRef: env.run_ref,
        observedAt: env.observed_at,
        stageRef: env.stage_execution_ref ?? null,
        stageName: refs.stage ? refs.stage.parts[2] : null,
        batchRef: env.batch_execution_ref ?? null,
        batchName: refs.batch ? refs.batch.parts[3] : null,
        sampleName: refs.sample ? refs.sample.parts[refs.sample.parts.length - 1] : null,
        completeness: env.completeness_marker ?? 'complete',
        degraded: (env.degradation_marker ?? 'none') !== 'none',
        key: p.metric_key,
        value: p.value,
        unit: p.unit ?? null,
        scope: p.aggregation_scope ?? null,
        sliceRef: p.slice_ref ?? null,
        tags: p.tags ?? null,
    };
}
class EvidenceBuilder {
    gaps;
    sampleNames;
    projects = new Map();
    stagesSeen = 0;
    spans = 0;
    constructor(gaps, sampleNames) {
        this.gaps = gaps;
        this.sampleNames = sampleNames;
    }
    project(name) {
        let project = this.projects.get(name);
        if (!project) {
            project = new ProjectAcc(name);
            this.projects.set(name, project);
        }
        return project;
    }
    /** Null only for a ref that is not a valid run ref (callers validated records already). */
    run(runRef) {
        const parsed = parseRefCached(runRef);
        if (parsed === null || parsed.kind !== 'run')
            return null;
        const project = this.project(parsed.parts[0]);
        let run = project.runs.get(runRef);
        if (!run) {
            run = new RunAcc(runRef, parsed.parts[0], parsed.parts[1]);
            project.runs.set(runRef, run);
        }
        return run;
    }
    stage(run, stageRef, name) {
        let stage = run.stages.get(stageRef);
        if (!stage) {
            stage = new StageAcc(stageRef, name, this.stagesSeen++);
            run.stages.set(stageRef, stage);
        }
        return stage;
    }
    /**
     * Folds one validated record. A metric goes through `foldMetric` with the facts `metricFacts`
     * takes from it, the same call a parse worker's compact line ends in (`parse-worker.ts`), so both
     * ways of reading fold identically.
     */
    foldRecord(valid, origin) {
        const { record, refs } = valid;
        if (record.type === 'metric') {
            this.foldMetric(metricFacts(record, refs), origin);
            return;
        }
        const env = record.envelope;
        const { run, stage } = this.enter({
            runRef: env.run_ref,
            stageRef: env.stage_execution_ref ?? null,
            stageName: refs.stage ? refs.stage.parts[2] : null,
            batchRef: env.batch_execution_ref ?? null,
            batchName: refs.batch ? refs.batch.parts[3] : null,
            completeness: env.completeness_marker ?? 'complete',
            file: origin.file,
        });
        const stageName = stage?.name ?? null;
        const degradation = env.degradation_marker ?? 'none';
        switch (record.type) {
            case 'event': {
                const p = record.payload;
                const key = JSON.stringify([stageName, p.event_key]);
                const summary = run.events.get(key);
                if (summary) {
                    summary.count += 1;
                    summary.level = p.level;
                    summary.lastMessage = p.message;
                }
                else {
                    run.events.set(key, {
                        key: p.event_key,
                        level: p.level,
                        count: 1,
                        lastMessage: p.message,
                        stage: stageName,
                    });
                }
                if (p.event_key === 'deployment.promoted')
                    this.deploymentEvent(record.envelope, p.subject_ref ?? null, p.attributes ?? {});
                return;
            }
            case 'degraded': {
                const p = record.payload;
                if (run.degraded.length < MAX_DEGRADED_PER_RUN)
                    run.degraded.push({
                        recordRef: env.record_ref,
                        issueKey: p.issue_key,
                        category: p.category ?? null,
                        severity: p.severity,
                        summary: p.summary,
                        degradationMarker: degradation,
                        stage: stageName,
                    });
                this.gaps.line('degraded_record', p.severity === 'error' ? 'error' : 'warning', origin.file, origin.line, `the job reported degraded evidence (${p.issue_key}, ${p.category ?? 'no category'}): ${p.summary}`, { ref: env.record_ref, runRef: run.ref, ...(stageName ? { stage: stageName } : {}) });
                return;
            }
            case 'span':
                this.spans += 1;
                return;
        }
    }
    /** What every record does to its run and stage: counts, its batch, incompleteness. */
    enter(at) {
        const run = this.run(at.runRef);
        const stage = at.stageRef !== null && at.stageName !== null ? this.stage(run, at.stageRef, at.stageName) : null;
        run.recordCount += 1;
        if (stage)
            stage.recordCount += 1;
        if (stage && at.batchRef !== null && at.batchName !== null && !stage.batches.has(at.batchRef)) {
            stage.batches.set(at.batchRef, { ref: at.batchRef, name: at.batchName, status: null });
        }
        if (PARTIAL_MARKERS.has(at.completeness)) {
            if (stage) {
                stage.partialRecords += 1;
                stage.partialFile ??= at.file;
            }
            else {
                run.runPartialRecords += 1;
                run.runPartialFile ??= at.file;
            }
        }
        return { run, stage };
    }
    /** Folds one metric record: a per-sample outcome into its stage's columns, else into its series. */
    foldMetric(m, origin) {
        const { run, stage } = this.enter({ ...m, file: origin.file });
        const stageName = stage?.name ?? null;
        const attribution = {
            ref: m.recordRef,
            runRef: run.ref,
            ...(stageName ? { stage: stageName } : {}),
        };
        if (!Number.isFinite(m.value)) {
            this.gaps.line('non_finite_number', 'warning', origin.file, origin.line, `metric ${m.key} has the value ${m.value}; that observation is never compared`, attribution);
        }
        const tagSlice = m.tags?.slice;
        if (stage && m.sampleName !== null) {
            if (!Number.isFinite(m.value))
                return;
            let columns = stage.samples.get(m.key);
            if (!columns) {
                columns = new sample_columns/* SampleColumns */.Yo(m.key, stage.sampleNames);
                stage.samples.set(m.key, columns);
            }
            const name = m.sampleName;
            const batchName = m.batchName;
            const identity = (0,sample_columns/* sampleIdentity */.X3)(batchName, name);
            const first = columns.put(identity, m.value, tagSlice ?? null, origin);
            if (first) {
                this.gaps.line('duplicate_sample', 'error', origin.file, origin.line, `sample ${name}${batchName ? ` of batch ${batchName}` : ''} in stage ${stageName} has ${m.key} recorded twice in one run, at ${first.file}:${first.line} and at ${origin.file}:${origin.line}; it is ambiguous which is right, so neither is used`, attribution);
            }
            for (const tag of SAMPLE_OUTCOME_TAGS) {
                const text = m.tags?.[tag];
                if (text === undefined)
                    continue;
                let tags = stage.sampleTags.get(tag);
                if (!tags) {
                    tags = new SampleTagColumns(tag, stage.sampleNames);
                    stage.sampleTags.set(tag, tags);
                }
                tags.put(identity, text, tagSlice ?? null);
            }
            return;
        }
        const slice = tagSlice ?? m.sliceRef ?? null;
        const map = stage ? stage.series : run.runSeries;
        const key = JSON.stringify([m.key, slice, m.batchName]);
        let series = map.get(key);
        if (!series) {
            series = new SeriesAcc(m.key, slice, m.batchName);
            map.set(key, series);
        }
        series.add(m);
    }
    deploymentEvent(env, subjectRef, attributes) {
        const candidates = [env.deployment_execution_ref, subjectRef];
        for (const ref of candidates) {
            const parsed = ref ? parseRef(ref) : null;
            if (parsed?.kind !== 'deployment')
                continue;
            const deployments = this.project(parsed.parts[0]).deployments;
            // One entry per deployment ref: a later promotion event replaces an earlier one.
            const earlier = deployments.findIndex((d) => d.source === 'event' && d.ref === ref);
            if (earlier !== -1)
                deployments.splice(earlier, 1);
            deployments.push({
                ref: ref,
                name: parsed.parts[1],
                status: null,
                runRef: env.run_ref,
                startedAt: env.observed_at,
                endedAt: null,
                source: 'event',
                attributes,
            });
            return;
        }
    }
    /** Adds an artifact unless one with the same ref is already known (first source wins). */
    addArtifact(runRef, artifact) {
        const run = this.run(runRef);
        if (!run || run.artifacts.has(artifact.ref))
            return false;
        run.artifacts.set(artifact.ref, artifact);
        return true;
    }
    applyLedger(ledger) {
        for (const row of ledger.runs) {
            const run = this.run(row.ref);
            if (!run)
                continue;
            run.status = row.status;
            run.startedAt = row.started_at ?? null;
            run.endedAt = row.ended_at ?? null;
        }
        for (const row of ledger.stages) {
            const run = this.run(row.run_ref);
            if (!run)
                continue;
            const stage = this.stage(run, row.ref, row.stage_name);
            stage.status = row.status;
            stage.orderIndex = row.order_index ?? null;
        }
        for (const row of ledger.batches) {
            const run = this.run(row.run_ref);
            if (!run)
                continue;
            const stageRef = parseRef(row.stage_ref);
            const stage = this.stage(run, row.stage_ref, stageRef?.parts[2] ?? row.stage_ref);
            stage.batches.set(row.ref, { ref: row.ref, name: row.batch_name, status: row.status });
        }
        for (const row of ledger.deployments) {
            const parsed = parseRef(row.ref);
            const projectName = parsed?.parts[0] ?? parseRef(row.project_ref ?? '')?.parts[0];
            if (!projectName)
                continue;
            const attributes = {};
            if (row.artifact_ref)
                attributes.artifact_ref = row.artifact_ref;
            if (row.environment_snapshot_ref)
                attributes.environment_snapshot_ref = row.environment_snapshot_ref;
            if (row.order_index !== null && row.order_index !== undefined)
                attributes.order_index = row.order_index;
            this.project(projectName).deployments.push({
                ref: row.ref,
                name: row.deployment_name,
                status: row.status,
                runRef: row.run_ref ?? null,
                startedAt: row.started_at ?? null,
                endedAt: row.ended_at ?? null,
                source: 'ledger',
                attributes,
            });
        }
        for (const row of ledger.environments) {
            const run = this.run(row.run_ref);
            if (!run)
                continue;
            const current = run.environment;
            if (current && (instantMicros(current.capturedAt) ?? 0) > (instantMicros(row.captured_at) ?? 0))
                continue;
            run.environment = {
                ref: row.ref,
                capturedAt: row.captured_at ?? null,
                python: row.python_version ?? null,
                platform: row.platform ?? null,
                packages: row.packages,
                environmentVariableNames: row.environment_variable_names,
            };
        }
    }
    build() {
        const projects = [];
        for (const project of this.projects.values()) {
            const runs = [];
            for (const run of project.runs.values())
                runs.push(buildRun(run, this.gaps, this.sampleNames));
            projects.push({ name: project.name, runs, deployments: project.deployments });
        }
        return projects;
    }
}

;// CONCATENATED MODULE: ./src/contexta/record-store.ts
/**
 * Reads Contexta's canonical record store (`records/manifest.json` + `records/segments/segment-*.jsonl`)
 * with the integrity checks of Contexta's check_integrity, under Contexta's codes, but tolerant:
 * a bad line is skipped and reported, never fatal. `records/indexes/` is derived data and ignored.
 */







const Manifest = schemas/* object */.Ikc({
    layout_mode: schemas/* literal */.euz('jsonl_segments'),
    layout_version: schemas/* literal */.euz('1'),
    current_segment_id: schemas/* number */.aig().int().min(1),
    next_sequence: schemas/* number */.aig().int().min(1),
    last_committed_sequence: schemas/* number */.aig().int().min(0),
    current_segment_record_count: schemas/* number */.aig().int().min(0),
});
const SEGMENT_NAME = /^segment-.*\.jsonl$/;
async function readManifest(root, recordsDir, limits, gaps) {
    const rel = external_node_path_default().posix.join(recordsDir, 'manifest.json');
    const file = await openEvidenceFile(root, rel, { ...limits, maxFileBytes: Math.min(limits.maxFileBytes, 1 << 20) }, gaps, {
        code: 'manifest_missing',
        severity: 'warning',
        message: `${rel} is missing; segments are read anyway, but the store's committed length cannot be checked`,
    });
    if (!file)
        return null;
    const text = await readEvidenceText(file.absolute, rel, gaps);
    if (text === null)
        return null;
    const parsed = (0,json_text/* parseJsonText */.lk)(text, limits.maxDepth);
    const unclear = parsed.ok ? (0,json_text/* ambiguity */.Gv)(parsed) : 'it is not valid JSON';
    if (!parsed.ok || unclear !== null) {
        gaps.add({
            code: 'manifest_invalid',
            severity: 'warning',
            file: rel,
            message: `${rel} cannot be used (${unclear}); ignored`,
        });
        return null;
    }
    const manifest = Manifest.safeParse(parsed.value);
    if (!manifest.success) {
        const issue = manifest.error.issues[0];
        gaps.add({
            code: 'manifest_invalid',
            severity: 'warning',
            file: rel,
            message: `${rel}: field ${issue.path.join('.') || '(root)'} ${issue.message}; the manifest was ignored`,
        });
        return null;
    }
    return manifest.data;
}
async function readRecordStore(root, recordsDir, limits, gaps, builder, seen, pool = null) {
    const manifest = await readManifest(root, recordsDir, limits, gaps);
    const segmentsDir = external_node_path_default().posix.join(recordsDir, 'segments');
    let previous = null;
    let highest = 0;
    let records = 0;
    const lines = new Map();
    const names = await readJsonlDir(root, segmentsDir, limits, gaps, (name) => SEGMENT_NAME.test(name), (name, rel) => {
        const duplicates = new evidence_gaps/* RepeatedRefs */.NK();
        const count = { entries: 0, unread: 0 };
        lines.set(name, count);
        /** What every segment entry does, valid or not: the sequence checks and the counts. */
        const entry = (sequence, line) => {
            if (previous !== null && sequence !== previous + 1) {
                if (sequence > previous + 1) {
                    const from = previous + 1;
                    const to = sequence - 1;
                    gaps.line('sequence_gap', 'warning', rel, line, `sequence jumps from ${previous} to ${sequence}: ${from === to ? `record ${from} is` : `records ${from}–${to} are`} missing from the store`);
                }
                else {
                    gaps.line('duplicate_sequence', 'warning', rel, line, `sequence ${sequence} is not after the previous line's ${previous} (a repeated or out-of-order sequence number)`);
                }
            }
            count.entries += 1;
            if (previous === null || sequence > previous)
                previous = sequence;
            if (sequence > highest)
                highest = sequence;
        };
        /** The tail of reading a valid record: a ref already in the store is a repeat, not folded. */
        const take = (ref, line, fold) => {
            if (!seen.store.add(ref)) {
                duplicates.note(line, ref);
                return;
            }
            records += 1;
            fold();
        };
        const onValue = ({ value, line, nonFiniteToken }) => {
            const object = value !== null && typeof value === 'object' && !Array.isArray(value)
                ? value
                : null;
            const sequence = object?.sequence;
            if (!object || typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) {
                gaps.line('invalid_json_line', 'error', rel, line, 'line is JSON but not a segment entry (needs an integer "sequence" and a "record"); skipped');
                return;
            }
            entry(sequence, line);
            const valid = validateRecord(object.record, { file: rel, line, nonFiniteToken }, gaps);
            if (!valid)
                return;
            take(valid.record.envelope.record_ref, line, () => builder.foldRecord(valid, { file: rel, line }));
        };
        const onCompact = (chunk, line) => {
            const { sequence, facts } = readCompact(chunk);
            entry(sequence, line);
            take(facts.recordRef, line, () => builder.foldMetric(facts, { file: rel, line }));
        };
        return {
            onValue,
            onCompact,
            done: (unread) => {
                count.unread = unread;
                duplicates.report(gaps, rel, '');
            },
        };
    }, pool === null ? null : { pool, kind: SEGMENT_LINES, shared: null });
    if (manifest)
        checkManifestClaims(manifest, names, lines, highest, external_node_path_default().posix.join(recordsDir, 'manifest.json'), gaps);
    return { segments: names, records };
}
/** Segment id from `segment-000001.jsonl`, null for a name without a number. */
function segmentId(name) {
    const m = /^segment-0*(\d+)\.jsonl$/.exec(name);
    return m ? Number(m[1]) : null;
}
/**
 * Compares what the manifest says was committed with what the segments hold. The writer appends a
 * line and then replaces the manifest, so segments ahead of the manifest (a crash between the two)
 * are a warning; a manifest claiming records or segments that are not there means evidence was
 * lost after it was committed: an error. A claimed record whose line exists but cannot be read
 * (a torn tail) is already an error gap of its own, so it does not count as missing here.
 */
function checkManifestClaims(manifest, names, lines, highest, file, gaps) {
    let unread = 0;
    let newest = null;
    for (const name of names) {
        unread += lines.get(name)?.unread ?? 0;
        const id = segmentId(name);
        if (id !== null && (newest === null || id > newest.id))
            newest = { id, name };
    }
    const claimed = manifest.last_committed_sequence;
    if (claimed > highest + unread) {
        gaps.add({
            code: 'manifest_sequence_mismatch',
            severity: 'error',
            file,
            message: `the manifest says records up to sequence ${claimed} were committed, but the segments end at sequence ${highest}: ${claimed - highest} committed record(s) are missing from the store`,
        });
    }
    else if (claimed !== highest) {
        gaps.add({
            code: 'manifest_sequence_mismatch',
            severity: 'warning',
            file,
            message: claimed < highest
                ? `the segments hold sequences up to ${highest}, beyond the manifest's last committed sequence ${claimed} (records appended after the manifest was last written, e.g. a crash in between); they were read`
                : `the manifest says the last committed sequence is ${claimed}, the highest readable sequence is ${highest}; the rest is in line(s) that could not be read (see those gaps)`,
        });
    }
    // A bootstrap manifest (nothing committed yet) names segment 1 before any segment file exists.
    if (newest === null && claimed === 0)
        return;
    if (newest === null || manifest.current_segment_id > newest.id) {
        gaps.add({
            code: 'manifest_segment_mismatch',
            severity: 'error',
            file,
            message: `the manifest says segment ${manifest.current_segment_id} is being appended to, but ${newest ? `the last segment present is ${newest.name}` : 'no segment file is present'}: committed segment(s) are missing`,
        });
        return;
    }
    if (manifest.current_segment_id !== newest.id)
        return;
    const current = lines.get(newest.name);
    if (manifest.current_segment_record_count > current.entries + current.unread) {
        gaps.add({
            code: 'manifest_segment_mismatch',
            severity: 'error',
            file,
            message: `the manifest says ${newest.name} holds ${manifest.current_segment_record_count} record(s), but it has ${current.entries + current.unread} line(s): committed records are missing from it`,
        });
    }
}

;// CONCATENATED MODULE: ./src/contexta/read.ts
/**
 * Entry point: turns whatever `.contexta` evidence a job left behind into one `Evidence` value.
 * Never throws for bad input: everything missing, unreadable or suspicious becomes an `EvidenceGap`
 * and everything else that is readable is still returned.
 *
 * Precedence: record stores are read first, then artifact bindings, then capture caches (a capture
 * record whose `record_ref` a record store already holds is skipped), then ledgers (statuses, stage
 * order, environments, deployments).
 */









const DEFAULT_READ_OPTIONS = {
    maxLineBytes: 16 * 1024 * 1024,
    maxDepth: 64,
    maxFileBytes: 4 * 1024 * 1024 * 1024,
    ledger: null,
    pool: null,
    sampleNames: null,
};
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
async function readEvidence(root, options = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    const opts = { ...DEFAULT_READ_OPTIONS, ...given };
    const gaps = new evidence_gaps/* GapSink */.uA();
    const notes = [];
    const evidence = (workspaces, projects) => ({
        source: {
            kind: 'contexta',
            root,
            workspaces: workspaces.map((w) => ({ path: w.path, layouts: w.layouts })),
        },
        projects,
        gaps: orderGaps(gaps.finish()),
        notes,
    });
    let workspaceRoot;
    try {
        workspaceRoot = await WorkspaceRoot.open(root);
    }
    catch (error) {
        gaps.add({
            code: 'no_evidence',
            severity: 'error',
            message: `${root} cannot be opened (${error.code ?? 'error'}): no evidence was read`,
        });
        return evidence([], []);
    }
    const workspaces = await discoverWorkspaces(workspaceRoot, gaps);
    if (workspaces.length === 0) {
        gaps.add({
            code: 'no_evidence',
            severity: 'error',
            message: `no Contexta evidence found in ${root}: looked for ${LOOKED_FOR}`,
        });
        return evidence([], []);
    }
    const builder = new EvidenceBuilder(gaps, opts.sampleNames ?? new sample_names/* SampleNames */.j());
    const limits = {
        maxLineBytes: opts.maxLineBytes,
        maxDepth: opts.maxDepth,
        maxFileBytes: opts.maxFileBytes,
    };
    const seen = { store: new RefSet(), capture: new RefSet() };
    for (const ws of workspaces) {
        if (ws.recordsDir === null)
            continue;
        const store = await readRecordStore(workspaceRoot, ws.recordsDir, limits, gaps, builder, seen, opts.pool);
        notes.push(`${ws.recordsDir}: read ${store.records} record(s) from ${store.segments.length} segment file(s)`);
    }
    for (const ws of workspaces) {
        if (ws.artifactsDir === null)
            continue;
        const count = await readBindings(workspaceRoot, ws.artifactsDir, limits, gaps, builder);
        notes.push(`${ws.artifactsDir}/bindings: read ${count} artifact binding(s)`);
    }
    let skippedForStore = 0;
    let skippedArtifacts = 0;
    for (const ws of workspaces) {
        if (ws.captureDir === null)
            continue;
        const capture = await readCaptureCache(workspaceRoot, ws.captureDir, limits, gaps, builder, seen, opts.pool);
        skippedForStore += capture.skippedForStore;
        skippedArtifacts += capture.skippedArtifacts;
        notes.push(`${ws.captureDir}: read ${capture.records} record(s) and ${capture.artifacts} artifact(s)`);
    }
    if (skippedForStore > 0) {
        notes.push(`${skippedForStore} capture-cache record(s) were skipped because the record store holds the same record_ref (the record store wins; nothing is counted twice)`);
    }
    if (skippedArtifacts > 0) {
        notes.push(`${skippedArtifacts} captured artifact(s) were skipped because an artifact binding with the same ref was read`);
    }
    for (const ws of workspaces)
        await readLedger(workspaceRoot, ws, opts.ledger, builder, gaps, notes);
    if (builder.spans > 0) {
        notes.push(`${builder.spans} span record(s) were counted but not interpreted (spans carry no metric values)`);
    }
    const projects = builder.build();
    return evidence(workspaces, projects);
}
async function readLedger(root, ws, reader, builder, gaps, notes) {
    const where = ws.path === '.' ? 'this workspace' : `workspace ${ws.path}`;
    const unavailable = (why, file) => gaps.add({
        code: 'statuses_unavailable',
        severity: 'info',
        ...(file ? { file } : {}),
        message: `run and stage statuses of ${where} are unknown: ${why}`,
    });
    if (ws.ledgerFile === null) {
        unavailable('it has no metadata/ledger.db (the SDK runtime API does not write one)');
        return;
    }
    if (reader === null) {
        unavailable('reading the ledger was turned off', ws.ledgerFile);
        return;
    }
    const resolved = await root.resolve(ws.ledgerFile);
    if (!resolved.ok) {
        gaps.add({
            code: resolved.reason === 'outside' ? 'symlink_outside_workspace' : 'ledger_unreadable',
            severity: 'warning',
            file: ws.ledgerFile,
            message: resolved.message,
        });
        unavailable('the ledger could not be opened', ws.ledgerFile);
        return;
    }
    const result = await reader.read(resolved.absolute);
    if (!result.ok) {
        gaps.add({ code: result.code, severity: 'warning', file: ws.ledgerFile, message: result.reason });
        unavailable(`the ledger could not be read (${result.code})`, ws.ledgerFile);
        return;
    }
    const content = result.content;
    builder.applyLedger(content);
    for (const row of content.invalidRows) {
        gaps.add({
            code: 'record_invalid',
            severity: 'warning',
            file: ws.ledgerFile,
            ...(row.ref ? { ref: row.ref } : {}),
            message: `ledger table ${row.table}: ${row.problem}; row skipped`,
        });
    }
    notes.push(`${ws.ledgerFile}: read ${content.runs.length} run(s), ${content.stages.length} stage(s), ${content.batches.length} batch(es), ${content.deployments.length} deployment(s), ${content.environments.length} environment snapshot(s) (DuckDB storage version ${content.storageVersion})${content.walPresent ? '; a write-ahead log (ledger.db.wal) was present and replayed' : ''}`);
}
function orderGaps(gaps) {
    return gaps
        .map((gap, i) => ({ gap, i }))
        .sort((a, b) => SEVERITY_ORDER[a.gap.severity] - SEVERITY_ORDER[b.gap.severity] || a.i - b.i)
        .map(({ gap }) => gap);
}

;// CONCATENATED MODULE: ./src/metalab/experiment-state.ts
const LIST_LIMIT = 8;
/** Files read at once; enough to overlap I/O latency, few enough to stay far from fd limits. */
const CONCURRENCY = 16;
/** Store-relative path of a file of this experiment. */
function experimentPath(exp, rel) {
    return exp.prefix + rel;
}
function unitRef(exp, label) {
    return `metalab:${exp.experimentId}/${label}`;
}
async function logHint(exp, runId) {
    const log = experimentPath(exp, `logs/${runId}_run.log`);
    return (await exp.ctx.root.resolve(log)).ok ? `; its log is ${log}` : '';
}
function listSome(items) {
    const shown = items.slice(0, LIST_LIMIT).join(', ');
    return items.length > LIST_LIMIT ? `${shown} and ${items.length - LIST_LIMIT} more` : shown;
}

;// CONCATENATED MODULE: ./src/metalab/json-file.ts
/**
 * Reads one JSON document of a metalab store, confined to the store root. Every way a file can be
 * unusable (symlink out of the store, too large, empty, not UTF-8, not JSON even with Python's
 * NaN/Infinity tokens, nested too deep) becomes one gap naming the file; the caller only sees
 * "here is the value" or "nothing usable".
 */


const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** 1-based line of a `JSON.parse` failure, from V8's "(line L column C)" or "position N". */
function failureLine(message, text) {
    const line = /\(line (\d+) column \d+\)/.exec(message);
    if (line)
        return Number(line[1]);
    const position = /position (\d+)/.exec(message);
    if (!position)
        return undefined;
    let count = 1;
    const end = Math.min(Number(position[1]), text.length);
    for (let i = 0; i < end; i++)
        if (text.charCodeAt(i) === 0x0a)
            count++;
    return count;
}
async function readJsonFile(ctx, rel, severity, attribution = {}) {
    const gap = (code, message, line) => {
        ctx.gaps.push({
            code,
            severity,
            file: rel,
            ...(line === undefined ? {} : { line }),
            ...attribution,
            message,
        });
        return { ok: false, missing: false };
    };
    const resolved = await ctx.root.resolve(rel);
    if (!resolved.ok) {
        if (resolved.reason === 'missing')
            return { ok: false, missing: true };
        return gap(resolved.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable', resolved.message);
    }
    if (resolved.isDirectory)
        return gap('file_unreadable', `${rel} is a directory, expected a JSON file`);
    if (resolved.size > ctx.maxFileBytes) {
        return gap('file_too_large', `${rel} is ${resolved.size} bytes, over the ${ctx.maxFileBytes}-byte limit for one metalab file; it was not read`);
    }
    if (resolved.size === 0)
        return gap('empty_file', `${rel} is empty, expected a JSON document`);
    let bytes;
    try {
        bytes = await external_node_fs_.promises.readFile(resolved.absolute);
    }
    catch (error) {
        return gap('file_unreadable', `${rel} cannot be read (${error.code ?? 'error'})`);
    }
    let text;
    try {
        text = UTF8.decode(bytes);
    }
    catch {
        return gap('invalid_encoding', `${rel} is not valid UTF-8`);
    }
    const parsed = (0,json_text/* parseJsonText */.lk)(text, ctx.maxDepth);
    if (parsed.ok) {
        if (parsed.duplicateKey !== null) {
            return gap('duplicate_key', `${rel} writes the key "${parsed.duplicateKey}" twice in one object, so its value is ambiguous; the file was not used`);
        }
        const first = parsed.outOfRange[0];
        if (first) {
            ctx.gaps.push({
                code: 'number_out_of_range',
                severity,
                file: rel,
                ...attribution,
                message: `${rel}: ${(0,json_text/* outOfRangeText */.U$)(first, parsed.outOfRange.length)}; that value is not used`,
            });
        }
        return { ok: true, value: parsed.value };
    }
    if (parsed.reason === 'too_deep') {
        return gap('nesting_too_deep', `${rel} nests deeper than ${ctx.maxDepth} levels; it was not read`);
    }
    const line = failureLine(parsed.message, text);
    return gap('invalid_json_line', `${rel} is not valid JSON: ${parsed.message}`, line);
}

;// CONCATENATED MODULE: ./src/metalab/schema.ts
/**
 * zod schemas for the metalab files the reader uses (store schema "0.1", see
 * docs/reference/metalab-store-format.md). They are loose on purpose: metalab keeps tolerant loaders for future
 * versions, so unknown fields pass through and only what the mapping relies on is required.
 */

/** Run ids and manifest ids end up in paths (`runs/<id>.json`), so nothing path-like gets through. */
const RUN_ID = /^[A-Za-z0-9_-]{1,128}$/;
const SUPPORTED_SCHEMA_VERSION = '0.1';
const MetaFile = schemas/* looseObject */._H3({
    experiment_id: schemas/* string */.YjP().min(1).optional(),
    schema_version: schemas/* string */.YjP().optional(),
});
const ExperimentManifest = schemas/* looseObject */._H3({
    experiment_id: schemas/* string */.YjP().optional(),
    run_ids: schemas/* array */.YOg(schemas/* string */.YjP().regex(RUN_ID, 'a run id of letters, digits, "_" or "-"')),
    seeds: schemas/* looseObject */._H3({ replicates: schemas/* number */.aig().int().positive() }).nullable().optional(),
    total_runs: schemas/* number */.aig().int().nonnegative().optional(),
    submitted_at: schemas/* string */.YjP().optional(),
});
const RunError = schemas/* looseObject */._H3({
    type: schemas/* string */.YjP().nullable().optional(),
    message: schemas/* string */.YjP().nullable().optional(),
});
const RunRecord = schemas/* looseObject */._H3({
    _schema_version: schemas/* string */.YjP().optional(),
    run_id: schemas/* string */.YjP(),
    experiment_id: schemas/* string */.YjP(),
    /** metalab's own loader treats a missing status as `failed`; the reader does the same. */
    status: schemas/* string */.YjP().optional(),
    params_resolved: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
    params_fingerprint: schemas/* string */.YjP().optional(),
    seed_fingerprint: schemas/* string */.YjP(),
    context_fingerprint: schemas/* string */.YjP().optional(),
    started_at: schemas/* string */.YjP().nullable().optional(),
    finished_at: schemas/* string */.YjP().nullable().optional(),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
    error: RunError.nullable().optional(),
    /** Validated one descriptor at a time, so one bad descriptor does not lose the run. */
    artifacts: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional(),
    provenance: schemas/* looseObject */._H3({ code_hash: schemas/* string */.YjP().nullable().optional() }).nullable().optional(),
});
const ArtifactDescriptor = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP().min(1),
    kind: schemas/* string */.YjP().nullable().optional(),
    uri: schemas/* string */.YjP().nullable().optional(),
    content_hash: schemas/* string */.YjP()
        .regex(/^[0-9a-fA-F]{8,64}$/, 'a hex SHA-256 prefix')
        .nullable()
        .optional(),
    size_bytes: schemas/* number */.aig().int().nonnegative().nullable().optional(),
});
/** `results/<run_id>/<name>.json`: `capture.data` payloads and stepped-metric series. */
const ResultFile = schemas/* looseObject */._H3({
    data: schemas/* unknown */.L5J(),
    metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullable().optional(),
});
/** `derived/<run_id>.json`: a flat name → scalar object. */
const DerivedFile = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J());
/** "field `a.b`: expected …" for the first few issues, so a person knows what to fix. */
function describeIssues(error) {
    return error.issues
        .slice(0, 3)
        .map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(document)';
        return `field ${field}: ${issue.message}`;
    })
        .join('; ');
}

;// CONCATENATED MODULE: ./src/metalab/manifest.ts


const STAMPED = /_(\d{8})_(\d{6})\.json$/;
function isCandidateFile(name) {
    return name.endsWith('.json') && !name.includes('.tmp.');
}
function caseIndexes(manifest, runIds) {
    const replicates = manifest.seeds?.replicates;
    if (replicates === undefined || manifest.run_ids.length % replicates !== 0)
        return null;
    if (manifest.total_runs !== undefined && manifest.total_runs !== manifest.run_ids.length)
        return null;
    if (runIds.length !== manifest.run_ids.length)
        return null;
    return new Map(runIds.map((id, index) => [id, Math.floor(index / replicates)]));
}
/**
 * Reads the newest manifest of the experiment directory whose store-relative path is `prefix`
 * (`''` for the root itself, else `<dir>/`). A newest manifest
 * that cannot be used is reported and NOT replaced by an older one: an older invocation's run list
 * would silently describe a different sweep.
 */
async function readNewestManifest(ctx, prefix, attribution) {
    const dir = `${prefix}experiments`;
    const listing = await ctx.root.list(dir);
    if (listing.problem) {
        ctx.gaps.push({
            code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
            severity: 'error',
            file: dir,
            ...attribution,
            message: listing.problem.message,
        });
        return { kind: 'invalid', file: dir, reason: listing.problem.message };
    }
    const names = listing.entries
        .filter((entry) => !entry.isDirectory() && isCandidateFile(entry.name))
        .map((entry) => entry.name);
    if (names.length === 0)
        return { kind: 'none' };
    const stamp = (name) => {
        const match = STAMPED.exec(name);
        return match ? `${match[1]}${match[2]}` : '';
    };
    const newestStamp = names.map(stamp).sort().at(-1) ?? '';
    const tied = names.filter((name) => stamp(name) === newestStamp).sort();
    let best = null;
    let invalid = null;
    for (const name of tied) {
        const file = `${dir}/${name}`;
        const read = await readJsonFile(ctx, file, 'error', attribution);
        if (!read.ok) {
            invalid ??= { file, reason: 'it could not be read (see the gap for that file)' };
            continue;
        }
        const parsed = ExperimentManifest.safeParse(read.value);
        if (!parsed.success) {
            invalid ??= { file, reason: describeIssues(parsed.error) };
            continue;
        }
        if (best === null || (parsed.data.submitted_at ?? '') >= (best.manifest.submitted_at ?? '')) {
            best = { file, manifest: parsed.data };
        }
    }
    if (invalid !== null)
        return { kind: 'invalid', ...invalid };
    if (best === null)
        return { kind: 'none' };
    const runIds = [...new Set(best.manifest.run_ids)];
    return {
        kind: 'found',
        expected: {
            file: best.file,
            manifest: best.manifest,
            runIds,
            caseIndex: caseIndexes(best.manifest, runIds),
        },
    };
}
function manifestGap(outcome, prefix, ref) {
    if (outcome.kind === 'none') {
        return {
            code: 'manifest_missing',
            severity: 'warning',
            file: `${prefix}experiments`,
            ref,
            message: `${ref} has no experiment manifest, so the expected runs are unknown: every run record is used, ` +
                'and a run that was never written cannot be detected',
        };
    }
    if (outcome.kind === 'invalid') {
        return {
            code: 'manifest_invalid',
            severity: 'error',
            file: outcome.file,
            ref,
            message: `the newest experiment manifest ${outcome.file} cannot be used (${outcome.reason}), so the expected ` +
                'runs are unknown: ' +
                'every run record is used, and a run that was never written cannot be detected',
        };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/metalab/map-in-order.ts
/**
 * Runs `task` over `items` with at most `limit` tasks in flight. Store reads are many small files, so
 * overlapping them pays off; results keep the input order so the evidence stays deterministic.
 */
async function mapInOrder(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await task(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/metalab/replica-gaps.ts
/**
 * Gaps for the replicas that give no evidence: missing, failed, cancelled or crashed runs, each with
 * its log file when there is one (failed runs: error type and message only, never the traceback).
 */

function oneLine(text, limit = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}
/** An unreadable run already has its error gap; a missing one needs one. */
async function reportUnattributed(exp, replica) {
    if (replica.status !== 'missing')
        return;
    exp.ctx.gaps.push({
        code: 'run_missing',
        severity: 'error',
        file: replica.file,
        ref: replica.runId,
        message: `run ${replica.runId} of ${exp.experimentId} is listed in the experiment manifest but was never written, ` +
            `and no other replicate tells which parameter combination it belongs to${await logHint(exp, replica.runId)}`,
    });
}
async function reportIncomplete(exp, runRef, members) {
    for (const member of members) {
        if (member.status === 'success' || member.status === 'unreadable')
            continue;
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
        }
        else if (member.status === 'failed') {
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
        }
        else if (member.status === 'cancelled') {
            exp.ctx.gaps.push({
                ...base,
                code: 'run_incomplete',
                severity: 'error',
                message: `${subject} was cancelled; it has no usable metrics${log}`,
            });
        }
        else if (member.status === 'running') {
            await reportStale(exp, member, subject, base, log);
        }
    }
}
async function reportStale(exp, member, subject, base, log) {
    if (member.record?.status === 'running') {
        exp.ctx.gaps.push({
            ...base,
            code: 'run_incomplete',
            severity: 'error',
            message: `${subject} is still marked running (started ${member.record.started_at ?? 'at an unknown time'}): ` +
                `the process died before finishing, so it has no metrics${log}`,
        });
    }
    const present = await exp.ctx.root.list(experimentPath(exp, `results/${member.runId}`));
    const written = new Set(present.entries.map((entry) => entry.name.replace(/\.json$/, '')));
    const lost = [...exp.findings.steppedKeys].filter((key) => !written.has(key)).sort();
    if (lost.length === 0)
        return;
    exp.ctx.gaps.push({
        ...base,
        code: 'series_lost',
        severity: 'warning',
        message: `${subject}: stepped series ${lost.join(', ')} were lost (metalab writes them only when a run finishes)`,
    });
}

;// CONCATENATED MODULE: ./src/metalab/params-label.ts
/**
 * The canonical label of a metalab parameter combination, e.g. `lr=0.1, model=mlp`. It is the
 * `Run.name` of a metalab unit, and the engine pairs baseline and candidate units by it: metalab's
 * `run_id` includes the operation's code hash, so it changes with every code change and can never pair.
 *
 * Rules (stable across stores and machines):
 * - keys sorted by UTF-16 code unit, `key=value` joined by `, `; nested objects the same inside `{}`,
 *   arrays as `[a, b]`;
 * - numbers in JavaScript's shortest round-trip form, so Python's `1.0` reads back as `1` and prints as
 *   `lr=1` (metalab fingerprints `1` and `1.0` differently; this label does not, nor `-0` and `0`);
 * - a string is written bare when it is an identifier-like word (`mlp`, `resnet-50`, `v1.2`) that
 *   cannot be mistaken for a number, boolean or null, and JSON-quoted otherwise (`"0.1"`, `"a, b"`),
 *   so no two different values share a label;
 * - an empty combination is `(no parameters)`.
 */
const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const RESERVED_WORDS = new Set(['true', 'false', 'null', 'NaN', 'Infinity']);
function formatWord(text) {
    return BARE_WORD.test(text) && !RESERVED_WORDS.has(text) ? text : JSON.stringify(text);
}
function formatEntries(object) {
    return Object.keys(object)
        .sort()
        .map((key) => `${formatWord(key)}=${formatValue(object[key])}`)
        .join(', ');
}
function formatValue(value) {
    if (typeof value === 'string')
        return formatWord(value);
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (value === null || value === undefined)
        return 'null';
    if (Array.isArray(value))
        return `[${value.map(formatValue).join(', ')}]`;
    if (typeof value === 'object')
        return `{${formatEntries(value)}}`;
    return JSON.stringify(String(value));
}
function paramsLabel(params) {
    return Object.keys(params).length === 0 ? '(no parameters)' : formatEntries(params);
}

;// CONCATENATED MODULE: ./src/metalab/run-records.ts





const KNOWN_STATUSES = new Set(['success', 'failed', 'cancelled', 'running']);
async function readReplicas(exp) {
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
    const onDisk = new Set();
    const strays = [];
    for (const entry of listing.entries) {
        if (entry.isDirectory() || entry.name.includes('.tmp.') || !entry.name.endsWith('.json'))
            continue;
        const stem = entry.name.slice(0, -'.json'.length);
        if (RUN_ID.test(stem))
            onDisk.add(stem);
        else
            strays.push(entry.name);
    }
    if (strays.length > 0) {
        exp.notes.push(`${exp.expDir}: files in runs/ that are not named <run_id>.json were ignored: ${listSome(strays.sort())}.`);
    }
    const expectedIds = exp.expected ? exp.expected.runIds : [...onDisk].sort();
    if (exp.expected) {
        const expectedSet = new Set(expectedIds);
        const ignored = [...onDisk].filter((id) => !expectedSet.has(id)).sort();
        exp.notes.push(`${exp.expDir}: the expected runs are the ${expectedIds.length} run id(s) listed in ${exp.expected.file}, ` +
            'the newest experiment manifest.' +
            (ignored.length > 0
                ? ` ${ignored.length} run record(s) not in it were ignored as stale: ${listSome(ignored)}.`
                : ''));
    }
    const replicas = await mapInOrder(expectedIds, CONCURRENCY, async (runId) => {
        const file = `${dir}/${runId}.json`;
        const replica = { runId, file, status: 'missing', record: null, label: null, gaps: [] };
        if (onDisk.has(runId))
            await readRun(exp, replica);
        return replica;
    });
    for (const replica of replicas)
        exp.ctx.gaps.push(...replica.gaps);
    return replicas;
}
/** Fills `replica` from its record; gaps go to `replica.gaps` so reads can overlap. */
async function readRun(exp, replica) {
    const { runId, file, gaps } = replica;
    const read = await readJsonFile({ ...exp.ctx, gaps }, file, 'error', { ref: runId });
    if (!read.ok) {
        if (!read.missing)
            replica.status = 'unreadable';
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
    const problem = record.run_id !== runId
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
    replica.status = (record.status ?? 'failed');
}

;// CONCATENATED MODULE: ./src/metalab/replicate.ts


function observationId(key, slice) {
    return slice === null ? key : `${key}\u0000${slice}`;
}
function coerce(value) {
    if (typeof value === 'number')
        return { ok: true, value, boolean: false };
    if (typeof value === 'boolean')
        return { ok: true, value: value ? 1 : 0, boolean: true };
    if (typeof value === 'string') {
        const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
        return { ok: false, found: `the string ${JSON.stringify(shown)}` };
    }
    if (value === null)
        return { ok: false, found: 'null' };
    return { ok: false, found: Array.isArray(value) ? 'a list' : 'an object' };
}
class ReplicateReader {
    ctx;
    runId;
    attribution;
    evidence = {
        observations: new Map(),
        booleanKeys: new Set(),
        renamedSeries: [],
        unreadResults: [],
    };
    constructor(ctx, runId, attribution) {
        this.ctx = ctx;
        this.runId = runId;
        this.attribution = attribution;
    }
    gap(gap) {
        this.ctx.gaps.push({ ...gap, ...this.attribution });
    }
    observe(file, what, observation, raw) {
        const coerced = coerce(raw);
        if (!coerced.ok) {
            this.gap({
                code: 'non_finite_number',
                severity: 'info',
                file,
                message: `${what} of run ${this.runId} is ${coerced.found}, not a number; it is not compared`,
            });
            return;
        }
        if (!Number.isFinite(coerced.value)) {
            this.gap({
                code: 'non_finite_number',
                severity: 'warning',
                file,
                message: `${what} of run ${this.runId} is ${coerced.value}; it is counted as non-finite and never compared`,
            });
        }
        if (coerced.boolean)
            this.evidence.booleanKeys.add(observation.key);
        this.evidence.observations.set(observationId(observation.key, observation.slice), {
            ...observation,
            value: coerced.value,
        });
    }
    scalars(file, metrics, prefix) {
        for (const name of Object.keys(metrics).sort()) {
            const key = prefix + name;
            this.observe(file, `metric ${key}`, { key, slice: null, scope: 'run', steps: null }, metrics[name]);
        }
    }
    async derived(prefix) {
        const file = `${prefix}derived/${this.runId}.json`;
        const read = await readJsonFile(this.ctx, file, 'warning', this.attribution);
        if (!read.ok)
            return;
        const parsed = DerivedFile.safeParse(read.value);
        if (!parsed.success) {
            this.gap({
                code: 'record_invalid',
                severity: 'warning',
                file,
                message: `${file} is not a name → value object (${describeIssues(parsed.error)}); its derived metrics are not read`,
            });
            return;
        }
        this.scalars(file, parsed.data, 'derived_');
    }
    async results(prefix, scalarNames) {
        const dir = `${prefix}results/${this.runId}`;
        const listing = await this.ctx.root.list(dir);
        if (listing.problem) {
            this.gap({
                code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
                severity: 'warning',
                file: dir,
                message: `${listing.problem.message}; the run's stepped series and result dicts are not read`,
            });
            return;
        }
        const names = listing.entries
            .filter((entry) => !entry.isDirectory() && entry.name.endsWith('.json') && !entry.name.includes('.tmp.'))
            .map((entry) => entry.name)
            .sort();
        for (const fileName of names) {
            const name = fileName.slice(0, -'.json'.length);
            const file = `${dir}/${fileName}`;
            const read = await readJsonFile(this.ctx, file, 'warning', this.attribution);
            if (!read.ok)
                continue;
            const parsed = ResultFile.safeParse(read.value);
            if (!parsed.success) {
                this.gap({
                    code: 'record_invalid',
                    severity: 'warning',
                    file,
                    message: `${file} is not a metalab result ({data, metadata, …}): ${describeIssues(parsed.error)}`,
                });
                continue;
            }
            const { data, metadata } = parsed.data;
            if (metadata?.type === 'stepped_metric') {
                const key = scalarNames.has(name) ? `${name}.steps` : name;
                if (key !== name)
                    this.evidence.renamedSeries.push(name);
                this.stepped(file, key, data);
            }
            else if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
                const entries = data;
                for (const slice of Object.keys(entries).sort()) {
                    this.observe(file, `${name} @ ${slice}`, { key: name, slice, scope: 'slice', steps: null }, entries[slice]);
                }
            }
            else {
                this.evidence.unreadResults.push(name);
            }
        }
    }
    stepped(file, key, data) {
        const points = [];
        const rows = Array.isArray(data) ? data : [];
        for (const row of rows) {
            if (Array.isArray(row) && row.length === 2 && typeof row[0] === 'number' && Number.isFinite(row[0])) {
                points.push([row[0], row[1]]);
            }
        }
        if (points.length === 0 || points.length !== rows.length) {
            this.gap({
                code: 'record_invalid',
                severity: 'warning',
                file,
                message: `${file} is marked as a stepped metric but ${points.length === 0 ? 'holds no' : 'does not hold only'} ` +
                    '[step, value] pairs; expected data like [[0, 0.5], [1, 0.3]]' +
                    (points.length === 0 ? '' : '; the malformed rows were skipped'),
            });
            if (points.length === 0)
                return;
        }
        // metalab sorts by step with a stable sort, so for duplicate steps the last written wins.
        points.sort((a, b) => a[0] - b[0]);
        const steps = [...new Set(points.map(([step]) => step))];
        const last = points[points.length - 1];
        this.observe(file, `series ${key} at step ${last[0]}`, { key, slice: null, scope: 'step', steps }, last[1]);
    }
}
/**
 * Reads a successful run's metrics, derived metrics and `results/`; `prefix` is the experiment
 * directory's store-relative path with a trailing `/` (`''` for the root).
 */
async function readReplicateEvidence(ctx, prefix, runFile, runId, metrics, attribution) {
    const reader = new ReplicateReader(ctx, runId, attribution);
    reader.scalars(runFile, metrics, '');
    await reader.derived(prefix);
    await reader.results(prefix, new Set(Object.keys(metrics)));
    return reader.evidence;
}

;// CONCATENATED MODULE: ./src/metalab/aggregate.ts

function compareSeries(a, b) {
    if (a.key !== b.key)
        return a.key < b.key ? -1 : 1;
    if (a.slice === b.slice)
        return 0;
    if (a.slice === null)
        return -1;
    if (b.slice === null)
        return 1;
    return a.slice < b.slice ? -1 : 1;
}
/** `replicas` must already be ordered by seed fingerprint. */
function aggregateReplicates(replicas, expectedReplicates) {
    const folds = new Map();
    for (const { seedFingerprint, evidence } of replicas) {
        for (const observation of evidence.observations.values()) {
            const id = observationId(observation.key, observation.slice);
            let fold = folds.get(id);
            if (fold === undefined) {
                fold = { first: observation, values: [], seeds: [], nonFinite: 0, steps: new Set(), lastStep: null };
                folds.set(id, fold);
            }
            if (!Number.isFinite(observation.value)) {
                fold.nonFinite++;
                continue;
            }
            fold.values.push(observation.value);
            fold.seeds.push(seedFingerprint);
            if (observation.steps !== null && observation.steps.length > 0) {
                for (const step of observation.steps)
                    fold.steps.add(step);
                const last = observation.steps[observation.steps.length - 1];
                fold.lastStep = fold.lastStep === null ? last : Math.max(fold.lastStep, last);
            }
        }
    }
    const series = [];
    for (const fold of folds.values()) {
        if (fold.values.length === 0)
            continue;
        const mean = fold.values.reduce((sum, value) => sum + value, 0) / fold.values.length;
        const steps = [...fold.steps].sort((a, b) => a - b);
        series.push({
            key: fold.first.key,
            slice: fold.first.slice,
            batch: null,
            scope: fold.first.scope,
            unit: null,
            latest: { value: mean, observedAt: null, recordRef: null, step: fold.lastStep },
            count: fold.values.length,
            steps: steps.length === 0
                ? null
                : {
                    count: steps.length,
                    first: steps[0],
                    last: steps[steps.length - 1],
                    min: steps[0],
                    max: steps[steps.length - 1],
                },
            completeness: fold.values.length >= expectedReplicates ? 'complete' : 'partial',
            degraded: false,
            nonFinite: fold.nonFinite,
            replicates: fold.values,
            replicateSeeds: fold.seeds,
            tags: {},
        });
    }
    return series.sort(compareSeries);
}

;// CONCATENATED MODULE: ./src/metalab/artifacts.ts
/**
 * metalab artifact descriptors → `Artifact`. The `uri` metalab stores is an absolute path on the
 * machine that ran the sweep; when it ends in `artifacts/<run_id>/<file>` it is re-rooted to that
 * file in this store (a store-relative `location`) and the file is checked against the recorded
 * size and `content_hash` (first 16 hex of SHA-256). Any other uri is kept as recorded, unchecked.
 *
 * `status`: `verified` (present, size and hash match), `mismatch`, `missing`, `unreadable`, or null
 * when the uri does not point into the store.
 */



const SAFE_FILE_NAME = /^(?!\.{1,2}$)[^/\\\u0000]+$/;
function storeFileName(uri, runId) {
    const parts = uri.split(/[/\\]/);
    const file = parts[parts.length - 1] ?? '';
    if (parts.length < 3 || parts[parts.length - 2] !== runId || parts[parts.length - 3] !== 'artifacts')
        return null;
    return SAFE_FILE_NAME.test(file) ? file : null;
}
/** Small artifacts are read in one go (a stream costs more than the bytes); large ones are streamed. */
const READ_WHOLE_BYTES = 1024 * 1024;
async function sha256Prefix(absolute, size, length) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    if (size <= READ_WHOLE_BYTES)
        hash.update(await external_node_fs_.promises.readFile(absolute));
    else
        for await (const chunk of (0,external_node_fs_.createReadStream)(absolute))
            hash.update(chunk);
    return hash.digest('hex').slice(0, length);
}
/**
 * Artifacts of one run record, deduplicated by name (the record's list can repeat a name; the later
 * entry is the one metalab's manifest keeps).
 */
async function readArtifacts(ctx, prefix, runFile, runId, descriptors, refPrefix, attribution) {
    const byName = new Map();
    descriptors.forEach((raw, index) => {
        const parsed = ArtifactDescriptor.safeParse(raw);
        if (parsed.success) {
            byName.delete(parsed.data.name);
            byName.set(parsed.data.name, parsed.data);
            return;
        }
        ctx.gaps.push({
            code: 'record_invalid',
            severity: 'warning',
            file: runFile,
            ...attribution,
            message: `artifacts[${index}] of run ${runId} is not an artifact descriptor: ${describeIssues(parsed.error)}`,
        });
    });
    const artifacts = [];
    for (const descriptor of byName.values()) {
        const ref = `${refPrefix}/${descriptor.name}`;
        const uri = descriptor.uri ?? null;
        const recordedHash = descriptor.content_hash?.toLowerCase() ?? null;
        const recordedSize = descriptor.size_bytes ?? null;
        const artifact = {
            ref,
            kind: descriptor.kind ?? 'blob',
            location: uri,
            sizeBytes: recordedSize,
            hash: recordedHash,
            stage: null,
            source: 'metalab',
            status: null,
        };
        artifacts.push(artifact);
        const fileName = uri === null ? null : storeFileName(uri, runId);
        if (fileName === null)
            continue;
        const rel = `${prefix}artifacts/${runId}/${fileName}`;
        artifact.location = rel;
        const gap = (code, message) => ctx.gaps.push({ code, severity: 'warning', file: rel, ...attribution, message });
        const resolved = await ctx.root.resolve(rel);
        if (!resolved.ok) {
            artifact.status = resolved.reason === 'missing' ? 'missing' : 'unreadable';
            if (resolved.reason === 'missing') {
                gap('artifact_object_missing', `artifact ${descriptor.name} of run ${runId} is recorded but ${rel} is not in the store`);
            }
            else {
                gap(resolved.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable', resolved.message);
            }
            continue;
        }
        if (resolved.isDirectory) {
            artifact.status = 'unreadable';
            gap('file_unreadable', `artifact ${descriptor.name} of run ${runId}: ${rel} is a directory, expected a file`);
            continue;
        }
        if (recordedSize !== null && resolved.size !== recordedSize) {
            artifact.status = 'mismatch';
            gap('record_invalid', `artifact ${descriptor.name} of run ${runId}: ${rel} is ${resolved.size} bytes, the run record says ${recordedSize}`);
            continue;
        }
        if (recordedHash !== null) {
            let actual;
            try {
                actual = await sha256Prefix(resolved.absolute, resolved.size, recordedHash.length);
            }
            catch (error) {
                artifact.status = 'unreadable';
                gap('file_unreadable', `${rel} cannot be read (${error.code ?? 'error'})`);
                continue;
            }
            if (actual !== recordedHash) {
                artifact.status = 'mismatch';
                gap('record_invalid', `artifact ${descriptor.name} of run ${runId}: ${rel} has hash ${actual}, the run record says ${recordedHash}`);
                continue;
            }
        }
        artifact.status = 'verified';
        if (artifact.sizeBytes === null)
            artifact.sizeBytes = resolved.size;
    }
    return artifacts;
}

;// CONCATENATED MODULE: ./src/metalab/unit.ts




function distinct(values) {
    return [...new Set(values.filter((value) => typeof value === 'string'))].sort();
}
/**
 * Replicas with a record by seed fingerprint, then the others by run id. Two records for one seed
 * (parameters written differently, e.g. 1 vs 1.0, or an older run when there is no manifest): the
 * later started one is used and the other reported.
 */
function orderReplicas(exp, label, members, ctx) {
    const bySeed = new Map();
    const started = (replica) => replica.record.started_at ?? '';
    for (const member of members) {
        if (member.record === null)
            continue;
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
            message: `runs ${kept.runId} and ${dropped.runId} are both seed ${seed} of ${label}; only ${kept.runId}, ` +
                'the later started, is used',
        });
    }
    const kept = [...bySeed.keys()].sort().map((seed) => bySeed.get(seed));
    const unseeded = members
        .filter((member) => member.record === null)
        .sort((a, b) => (a.runId < b.runId ? -1 : 1));
    return [...kept, ...unseeded];
}
function unitStatus(exp, members) {
    const has = (status) => members.some((member) => member.status === status);
    if (has('failed'))
        return 'failed';
    if (has('cancelled'))
        return 'cancelled';
    if (has('running'))
        return 'open';
    const expected = exp.expected?.manifest.seeds?.replicates ?? 0;
    return members.every((member) => member.status === 'success') && members.length >= expected
        ? 'completed'
        : null;
}
/** Builds one unit; its gaps go to `ctx.gaps` so units can be read side by side. */
async function buildUnit(exp, label, all, ctx) {
    const ref = unitRef(exp, label);
    const members = orderReplicas(exp, label, all, ctx);
    for (const member of all)
        for (const gap of member.gaps)
            gap.runRef ??= ref;
    await checkSlurmMarkers(exp, members, ref, ctx);
    const seeded = [];
    const artifacts = [];
    for (const member of members) {
        if (member.status !== 'success' || member.record === null)
            continue;
        const attribution = { ref: member.runId, runRef: ref };
        const record = member.record;
        const evidence = await readReplicateEvidence(ctx, exp.prefix, member.file, member.runId, record.metrics, attribution);
        seeded.push({ seedFingerprint: record.seed_fingerprint, evidence });
        collectFindings(exp, label, evidence);
        artifacts.push(...(await readArtifacts(ctx, exp.prefix, member.file, member.runId, record.artifacts ?? [], `${ref}@${record.seed_fingerprint}`, attribution)));
    }
    const records = members.flatMap((member) => (member.record ? [member.record] : []));
    const starts = distinct(records.map((record) => record.started_at));
    const ends = distinct(records.map((record) => record.finished_at));
    const expectedReplicates = exp.expected?.manifest.seeds?.replicates ?? null;
    const run = {
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
    if (run.metalab.paramsFingerprints.length > 1) {
        ctx.gaps.push({
            code: 'conflicting_record_ref',
            severity: 'warning',
            ref: run.metalab.paramsFingerprints.join(', '),
            runRef: ref,
            message: `${label} gathers runs with different metalab params fingerprints (${run.metalab.paramsFingerprints.join(', ')}): their parameters print the same but were written differently`,
        });
    }
    return { run, members };
}
/** The SLURM executor marks completion with `runs/<run_id>.done`; metalab requires it too. */
async function checkSlurmMarkers(exp, members, runRef, ctx) {
    if (!exp.slurm)
        return;
    for (const member of members) {
        if (member.status !== 'success')
            continue;
        const marker = experimentPath(exp, `runs/${member.runId}.done`);
        if ((await ctx.root.resolve(marker)).ok)
            continue;
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
function collectFindings(exp, label, evidence) {
    for (const key of evidence.booleanKeys)
        exp.findings.booleanKeys.add(key);
    for (const name of evidence.renamedSeries)
        exp.findings.renamedSeries.add(`${name}.steps (${label})`);
    for (const name of evidence.unreadResults)
        exp.findings.unreadResults.add(name);
    for (const observation of evidence.observations.values()) {
        if (observation.scope === 'step')
            exp.findings.steppedKeys.add(observation.key);
    }
}

;// CONCATENATED MODULE: ./src/metalab/experiment.ts








class ExperimentReader {
    exp;
    constructor(ctx, expDir) {
        this.exp = {
            ctx,
            expDir,
            prefix: expDir === '.' ? '' : `${expDir}/`,
            experimentId: '',
            expected: null,
            slurm: false,
            notes: [],
            findings: {
                booleanKeys: new Set(),
                renamedSeries: new Set(),
                unreadResults: new Set(),
                steppedKeys: new Set(),
            },
        };
    }
    async read() {
        const metaId = await this.readMeta();
        const manifest = await readNewestManifest(this.exp.ctx, this.exp.prefix, { ref: this.exp.expDir });
        const missingManifest = manifestGap(manifest, this.exp.prefix, this.exp.expDir);
        if (missingManifest)
            this.exp.ctx.gaps.push(missingManifest);
        if (manifest.kind === 'found')
            this.exp.expected = manifest.expected;
        this.exp.experimentId = metaId ?? this.exp.expected?.manifest.experiment_id ?? '';
        this.exp.slurm = (await this.exp.ctx.root.resolve(experimentPath(this.exp, 'slurm_array_spec.json'))).ok;
        const replicas = await readReplicas(this.exp);
        if (this.exp.experimentId === '') {
            this.exp.experimentId =
                replicas.find((replica) => replica.record)?.record?.experiment_id ?? this.exp.expDir;
        }
        this.attribute(replicas);
        const runs = await this.buildUnits(replicas);
        if (replicas.length === 0) {
            this.exp.ctx.gaps.push({
                code: 'no_evidence',
                severity: 'error',
                file: experimentPath(this.exp, 'runs'),
                ref: this.exp.experimentId,
                message: `experiment ${this.exp.experimentId} (${this.exp.expDir}) has no runs: neither a manifest listing runs nor run records`,
            });
        }
        return { project: { name: this.exp.experimentId, runs, deployments: [] }, notes: this.exp.notes };
    }
    async readMeta() {
        const file = experimentPath(this.exp, '_meta.json');
        const read = await readJsonFile(this.exp.ctx, file, 'warning', { ref: this.exp.expDir });
        if (!read.ok)
            return null;
        const parsed = MetaFile.safeParse(read.value);
        if (!parsed.success) {
            this.exp.ctx.gaps.push({
                code: 'record_invalid',
                severity: 'warning',
                file,
                ref: this.exp.expDir,
                message: `${file} is not a metalab store marker: ${describeIssues(parsed.error)}`,
            });
            return null;
        }
        const version = parsed.data.schema_version;
        if (version !== undefined && version !== SUPPORTED_SCHEMA_VERSION) {
            this.exp.ctx.gaps.push({
                code: 'unknown_schema_version',
                severity: 'warning',
                file,
                ref: this.exp.expDir,
                message: `${file} declares store schema ${version}; this reader knows ${SUPPORTED_SCHEMA_VERSION}, so fields may be misread`,
            });
        }
        return parsed.data.experiment_id ?? null;
    }
    /** Gives runs without a usable record the label of a sibling replicate of the same case. */
    attribute(replicas) {
        const caseIndex = this.exp.expected?.caseIndex;
        if (!caseIndex)
            return;
        const labelOfCase = new Map();
        for (const replica of replicas) {
            const index = caseIndex.get(replica.runId);
            if (replica.label !== null && index !== undefined && !labelOfCase.has(index))
                labelOfCase.set(index, replica.label);
        }
        for (const replica of replicas) {
            const index = caseIndex.get(replica.runId);
            if (replica.label === null && index !== undefined)
                replica.label = labelOfCase.get(index) ?? null;
        }
    }
    async buildUnits(replicas) {
        const byLabel = new Map();
        for (const replica of replicas) {
            if (replica.label === null) {
                await reportUnattributed(this.exp, replica);
                continue;
            }
            const list = byLabel.get(replica.label) ?? [];
            list.push(replica);
            byLabel.set(replica.label, list);
        }
        const labels = [...byLabel.keys()].sort();
        const units = await mapInOrder(labels, CONCURRENCY, async (label) => {
            const gaps = [];
            const unit = await buildUnit(this.exp, label, byLabel.get(label), { ...this.exp.ctx, gaps });
            return { ...unit, gaps };
        });
        for (const unit of units)
            this.exp.ctx.gaps.push(...unit.gaps);
        for (const { run, members } of units)
            await reportIncomplete(this.exp, run.ref, members);
        this.noteFindings();
        return units.map(({ run }) => run);
    }
    noteFindings() {
        const { booleanKeys, renamedSeries, unreadResults } = this.exp.findings;
        const sorted = (set) => [...set].sort();
        if (booleanKeys.size > 0) {
            this.exp.notes.push(`${this.exp.experimentId}: boolean metrics are read as 1 (true) / 0 (false): ${sorted(booleanKeys).join(', ')}.`);
        }
        if (renamedSeries.size > 0) {
            this.exp.notes.push(`${this.exp.experimentId}: these names are both a scalar metric and a stepped series; the scalar keeps the ` +
                `name, the series' last step is read as: ${listSome(sorted(renamedSeries))}.`);
        }
        if (unreadResults.size > 0) {
            this.exp.notes.push(`${this.exp.experimentId}: results that are neither a stepped series nor a dict of numbers are not evidence: ` +
                `${listSome(sorted(unreadResults))}.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/metalab/read.ts


const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
const META_FILE = '_meta.json';
/** Sub-directories of a collection root that are never experiments. */
const NEVER_EXPERIMENTS = new Set(['services', '.locks']);
async function isMetaFile(root, rel) {
    const resolved = await root.resolve(rel);
    return resolved.ok && !resolved.isDirectory;
}
/**
 * Experiment directories under the root, store-relative and sorted ('.' for the root itself).
 * Children whose `_meta.json` lies outside the root are reported, not read.
 */
async function findExperiments(root, gaps) {
    if (await isMetaFile(root, META_FILE))
        return ['.'];
    const listing = await root.list('.');
    const found = [];
    for (const entry of listing.entries) {
        if (NEVER_EXPERIMENTS.has(entry.name) || !(entry.isDirectory() || entry.isSymbolicLink()))
            continue;
        const rel = `${entry.name}/${META_FILE}`;
        const resolved = await root.resolve(rel);
        if (resolved.ok && !resolved.isDirectory) {
            found.push(entry.name);
        }
        else if (!resolved.ok && resolved.reason === 'outside' && gaps) {
            gaps.push({
                code: 'symlink_outside_workspace',
                severity: 'error',
                file: rel,
                message: resolved.message,
            });
        }
    }
    return found.sort();
}
async function isMetalabStore(path) {
    try {
        return (await findExperiments(await WorkspaceRoot.open(path), null)).length > 0;
    }
    catch {
        return false;
    }
}
async function readMetalab(root, options = {}) {
    const gaps = [];
    const notes = [];
    const evidence = {
        source: { kind: 'metalab', root, workspaces: [] },
        projects: [],
        gaps,
        notes,
    };
    let workspace;
    try {
        workspace = await WorkspaceRoot.open(root);
    }
    catch (error) {
        gaps.push({
            code: 'no_evidence',
            severity: 'error',
            message: `the metalab store ${root} cannot be opened (${error.code ?? 'error'})`,
        });
        return evidence;
    }
    const ctx = {
        root: workspace,
        maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
        maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
        gaps,
    };
    const experiments = await findExperiments(workspace, gaps);
    if (experiments.length === 0) {
        gaps.push({
            code: 'no_evidence',
            severity: 'error',
            message: `${root} is not a metalab store: neither it nor any immediate sub-directory holds ${META_FILE}`,
        });
        return evidence;
    }
    const byName = new Map();
    for (const expDir of experiments) {
        evidence.source.workspaces.push({ path: expDir, layouts: ['metalab'] });
        const { project, notes: experimentNotes } = await new ExperimentReader(ctx, expDir).read();
        notes.push(...experimentNotes);
        const earlier = byName.get(project.name);
        if (earlier !== undefined) {
            gaps.push({
                code: 'duplicate_record_ref',
                severity: 'error',
                file: expDir,
                ref: project.name,
                message: `${expDir} holds experiment ${project.name} again; only the first directory holding it is used, ` +
                    'because two copies of one experiment cannot both be the evidence',
            });
            continue;
        }
        byName.set(project.name, project);
        evidence.projects.push(project);
    }
    notes.push('metalab logs are not read; failed and stale runs point to their log file.');
    return evidence;
}

;// CONCATENATED MODULE: ./src/sources/open.ts
/**
 * One door for every evidence source: a metalab store is recognised by its `_meta.json`, anything
 * else is read as a Contexta workspace (whose reader reports `no_evidence` when nothing is there).
 */


async function openEvidence(path, options = {}) {
    if (await isMetalabStore(path)) {
        return readMetalab(path, {
            ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
            ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
        });
    }
    return readEvidence(path, options);
}


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _h: () => (/* binding */ createParsePool),
  Js: () => (/* binding */ parseThreads),
  No: () => (/* binding */ parseWorkersCap)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/evidence/parse-pool.ts
/**
 * Worker threads that parse chunks of JSONL evidence (`chunk-lines.ts`) while the main thread folds
 * what they return. Workers start on first use, so a small workspace never pays for them; chunk
 * bytes are transferred, not copied. The pool knows nothing of the evidence format: a task names a
 * `kind` the worker script understands (`src/contexta/parse-worker.ts`).
 */

/**
 * Files below this are parsed on the main thread. Measured on 2 cores (docs/benchmarks.md,
 * "Parallel reading"): workers made a 34 MB file slower (0.70 → 0.92 s), left 115 + 85 MB files
 * as fast as one thread, and made 174 + 128 MB files 16 % faster; each started worker costs
 * ~30 MB of memory, so below this size they cost more than they save.
 */
const PARALLEL_MIN_BYTES = 128 << 20;
class ParsePool {
    script;
    size;
    minFileBytes;
    workers = [];
    pending = new Map();
    nextId = 0;
    nextShared = 0;
    nextWorker = 0;
    failure = null;
    /** What `share` was given and `unshare` has not taken back, sent to each worker as it starts. */
    shares = new Map();
    /**
     * `size` ≥ 1 worker threads running `script` (a file URL or path of the built worker), used for
     * files of `minFileBytes` or more; workers start on the first such file.
     */
    constructor(script, size, minFileBytes = PARALLEL_MIN_BYTES) {
        this.script = script;
        this.size = size;
        this.minFileBytes = minFileBytes;
        if (!Number.isInteger(size) || size < 1)
            throw new Error(`a parse pool needs at least 1 worker, got ${size}`);
    }
    /** Parses `bytes` (whole lines, a standalone buffer that is handed over) on the next worker. */
    parse(task, bytes) {
        if (this.failure)
            return Promise.reject(this.failure);
        const worker = this.worker();
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            const buffer = bytes.buffer;
            worker.postMessage({ id, task, buffer, offset: bytes.byteOffset, length: bytes.length }, [buffer]);
        });
    }
    /**
     * Copies `data` to every worker, ahead of the tasks that name the returned id as `shared`
     * (messages to a worker arrive in order); `unshare` lets them drop it.
     */
    share(data) {
        const id = this.nextShared++;
        this.shares.set(id, data);
        for (const worker of this.workers)
            worker.postMessage({ share: id, data });
        return id;
    }
    unshare(id) {
        this.shares.delete(id);
        for (const worker of this.workers)
            worker.postMessage({ unshare: id });
    }
    async close() {
        const workers = this.workers.splice(0);
        await Promise.all(workers.map((w) => w.terminate()));
    }
    worker() {
        if (this.workers.length < this.size)
            return this.spawn();
        const worker = this.workers[this.nextWorker % this.workers.length];
        this.nextWorker += 1;
        return worker;
    }
    spawn() {
        const worker = new external_node_worker_threads_.Worker(this.script);
        // The pool must not keep a finished command alive; pending work keeps its own promises.
        worker.unref();
        worker.on('message', (message) => {
            const waiting = this.pending.get(message.id);
            if (!waiting)
                return;
            this.pending.delete(message.id);
            if (message.result)
                waiting.resolve(message.result);
            else
                waiting.reject(new Error(message.error ?? 'the parse worker failed'));
        });
        worker.on('error', (error) => this.fail(error));
        worker.on('exit', (code) => {
            if (code !== 0)
                this.fail(new Error(`a parse worker exited with code ${code}`));
        });
        for (const [share, data] of this.shares)
            worker.postMessage({ share, data });
        this.workers.push(worker);
        return worker;
    }
    fail(error) {
        this.failure ??= error;
        for (const waiting of this.pending.values())
            waiting.reject(error);
        this.pending.clear();
    }
}

;// CONCATENATED MODULE: ./src/sources/parse-workers.ts
/**
 * How many threads parse evidence, and where their script is. The count follows the cores this
 * process may use (`os.availableParallelism()`, which honours CPU affinity and container quotas),
 * capped by the user (`--workers`, the action's `max-workers`). With one, everything is read on the
 * main thread; with more, that many workers parse large files while the main thread folds.
 */




/** Built next to each bundle by `scripts/build.mjs` (`dist/parse-worker/`, `dist/cli/parse-worker/`). */
const WORKER_SCRIPT = ['parse-worker', 'index.js'];
function parseThreads(cap, cores = external_node_os_default().availableParallelism()) {
    return Math.max(1, cap === null ? cores : Math.min(cores, cap));
}
/** A pool for `threads` ≥ 2, else null (read on the main thread). */
function createParsePool(threads) {
    if (threads < 2)
        return null;
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    return new ParsePool(external_node_path_default().join(here, ...WORKER_SCRIPT), threads);
}
/**
 * `--workers` / `max-workers`: a whole number of threads, at least 1; an empty value means no cap.
 * Returns the cap or a message naming what was given.
 */
function parseWorkersCap(text, name) {
    if (text === undefined || text.trim() === '')
        return null;
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < 1) {
        return { error: `${name} must be a whole number of threads, at least 1 (found "${text}")` };
    }
    return value;
}


/***/ })

};
