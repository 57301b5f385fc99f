export const id = 131;
export const ids = [131];
export const modules = {

/***/ 88131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
;// CONCATENATED MODULE: ./src/github/errors.ts
/**
 * Typed failures of GitHub calls. Messages name the call (`GET /repos/{owner}/{repo}/...` template plus
 * the concrete path) and what to do; they never contain the token or request headers.
 */
class GitHubError extends Error {
    name = 'GitHubError';
    route;
    path;
    status;
    requestId;
    githubMessage;
    attempts;
    constructor(message, context) {
        const suffix = context.requestId ? ` (request id ${context.requestId})` : '';
        super(`${message}${suffix}`);
        this.route = context.route;
        this.path = context.path;
        this.status = context.status;
        this.requestId = context.requestId;
        this.githubMessage = context.githubMessage;
        this.attempts = context.attempts;
    }
}
/** 403 because the token lacks a permission; `permission` is what to add under `permissions:`. */
class GitHubPermissionError extends GitHubError {
    permission;
    name = 'GitHubPermissionError';
    constructor(permission, context) {
        super(`${describe(context)} was refused (403): the token lacks the permission "${permission}". ` +
            `Add it to the workflow's \`permissions:\` block. On pull requests from forks the token is ` +
            `read-only; use the two-workflow pattern (pull_request + workflow_run).`, context);
        this.permission = permission;
    }
}
/** 401: the token is missing, expired or revoked. */
class GitHubAuthError extends GitHubError {
    name = 'GitHubAuthError';
    constructor(context) {
        super(`${describe(context)} was rejected (401 ${context.githubMessage ?? 'Bad credentials'}): ` +
            `pass a valid token (the default is \${{ github.token }}).`, context);
    }
}
class GitHubNotFoundError extends GitHubError {
    name = 'GitHubNotFoundError';
    constructor(context) {
        super(`${describe(context)} returned 404: it does not exist, or the token cannot see it ` +
            `(private repositories also return 404 when the token lacks read access).`, context);
    }
}
class ArtifactExpiredError extends GitHubError {
    artifactId;
    expiredAt;
    name = 'ArtifactExpiredError';
    constructor(artifactId, context, expiredAt) {
        super(`artifact ${artifactId} has expired${expiredAt ? ` (at ${expiredAt})` : ''} and can no longer be ` +
            `downloaded; re-run the workflow that produced it, or raise its retention-days.`, context);
        this.artifactId = artifactId;
        this.expiredAt = expiredAt;
    }
}
/** 422: GitHub understood the request and refused its content (e.g. comment body too long). */
class GitHubValidationError extends GitHubError {
    name = 'GitHubValidationError';
    constructor(context) {
        super(`${describe(context)} was refused as invalid (422): ${context.githubMessage ?? 'Validation Failed'}`, context);
    }
}
class GitHubConflictError extends GitHubError {
    name = 'GitHubConflictError';
    constructor(context) {
        super(`${describe(context)} conflicted (409): ${context.githubMessage ?? 'Conflict'}`, context);
    }
}
/** Rate limited and GitHub asks to wait longer than we are willing to. */
class GitHubRateLimitError extends GitHubError {
    waitMs;
    name = 'GitHubRateLimitError';
    constructor(waitMs, context) {
        super(`${describe(context)} is rate limited; GitHub asks to wait ${Math.ceil(waitMs / 1000)} s, ` +
            `longer than this action waits. Re-run the job later.`, context);
        this.waitMs = waitMs;
    }
}
/** 5xx, network failure or timeout that persisted through every retry. */
class GitHubUnavailableError extends GitHubError {
    name = 'GitHubUnavailableError';
    constructor(reason, context) {
        super(`${describe(context)} failed after ${context.attempts ?? 1} attempt(s): ${reason}. ` +
            `GitHub may be degraded (https://www.githubstatus.com); re-run the job.`, context);
    }
}
/** The response does not have the fields we rely on. */
class GitHubResponseError extends GitHubError {
    name = 'GitHubResponseError';
    constructor(problem, context) {
        super(`${describe(context)} returned an unexpected response: ${problem}`, context);
    }
}
/** Any other 4xx. */
class GitHubRequestError extends GitHubError {
    name = 'GitHubRequestError';
    constructor(context) {
        super(`${describe(context)} failed (${context.status}): ${context.githubMessage ?? 'no message'}`, context);
    }
}
function describe(context) {
    const [method = ''] = context.route.split(' ');
    return `GitHub API ${method} ${context.path}`;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./src/github/schemas.ts

/**
 * The subset of each GitHub response that contexta/gate reads. Unknown fields are dropped, so the rest
 * of the code only ever sees what is validated here.
 */
const user = schemas/* object */.Ikc({ login: schemas/* string */.YjP(), type: schemas/* string */.YjP() }).nullable();
const workflowRunSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    name: schemas/* string */.YjP().nullish(),
    workflow_id: schemas/* number */.aig(),
    path: schemas/* string */.YjP(),
    head_sha: schemas/* string */.YjP(),
    head_branch: schemas/* string */.YjP().nullable(),
    event: schemas/* string */.YjP(),
    status: schemas/* string */.YjP().nullable(),
    conclusion: schemas/* string */.YjP().nullable(),
    run_attempt: schemas/* number */.aig().optional(),
    created_at: schemas/* string */.YjP(),
    updated_at: schemas/* string */.YjP(),
    html_url: schemas/* string */.YjP(),
    // A deleted fork leaves head_repository null; callers must treat that as "not this repository".
    head_repository: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }).nullable(),
    repository: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }),
});
const workflowRunListSchema = schemas/* object */.Ikc({
    total_count: schemas/* number */.aig(),
    workflow_runs: schemas/* array */.YOg(workflowRunSchema),
});
const artifactSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    name: schemas/* string */.YjP(),
    size_in_bytes: schemas/* number */.aig(),
    expired: schemas/* boolean */.zMY(),
    created_at: schemas/* string */.YjP().nullable(),
    expires_at: schemas/* string */.YjP().nullable(),
    digest: schemas/* string */.YjP().nullish(),
    workflow_run: schemas/* object */.Ikc({ id: schemas/* number */.aig().optional(), head_sha: schemas/* string */.YjP().optional(), head_branch: schemas/* string */.YjP().nullish() })
        .nullish(),
});
const artifactListSchema = schemas/* object */.Ikc({ total_count: schemas/* number */.aig(), artifacts: schemas/* array */.YOg(artifactSchema) });
const issueCommentSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    body: schemas/* string */.YjP().optional(),
    user,
    html_url: schemas/* string */.YjP(),
    created_at: schemas/* string */.YjP(),
    updated_at: schemas/* string */.YjP(),
});
const reviewSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    state: schemas/* string */.YjP(),
    body: schemas/* string */.YjP(),
    user,
    commit_id: schemas/* string */.YjP().nullable(),
    html_url: schemas/* string */.YjP(),
});
const branchRef = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    sha: schemas/* string */.YjP(),
    repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }).nullable(),
});
/** `pull-request-simple`: what the list endpoint returns. It has no `merged` field. */
const pullSimpleSchema = schemas/* object */.Ikc({
    number: schemas/* number */.aig(),
    state: schemas/* string */.YjP(),
    title: schemas/* string */.YjP(),
    draft: schemas/* boolean */.zMY().optional(),
    user,
    head: branchRef,
    base: branchRef,
    labels: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP() })).default([]),
    html_url: schemas/* string */.YjP(),
});
/** `pull-request`: what `GET /pulls/{pull_number}` returns. */
const pullSchema = pullSimpleSchema.extend({ merged: schemas/* boolean */.zMY() });
const commitSchema = schemas/* object */.Ikc({
    sha: schemas/* string */.YjP(),
    commit: schemas/* object */.Ikc({
        message: schemas/* string */.YjP(),
        author: schemas/* object */.Ikc({ date: schemas/* string */.YjP().optional() }).nullable(),
        committer: schemas/* object */.Ikc({ date: schemas/* string */.YjP().optional() }).nullable(),
        // Whether GitHub verified the commit's signature; the author e-mail alone proves nothing.
        verification: schemas/* object */.Ikc({ verified: schemas/* boolean */.zMY(), reason: schemas/* string */.YjP() }).optional(),
    }),
    parents: schemas/* array */.YOg(schemas/* object */.Ikc({ sha: schemas/* string */.YjP() })),
    // The GitHub account GitHub matched to the commit author's e-mail: a user, null when it matches
    // none, or `{}` (an empty object) in some list responses. Anyone can set the e-mail.
    author: schemas/* union */.KCZ([schemas/* object */.Ikc({ login: schemas/* string */.YjP() }), schemas/* object */.Ikc({}).strict(), schemas/* null */.chJ()])
        .optional()
        .transform((author) => (author && 'login' in author ? { login: author.login } : null)),
});
const issueEventSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    event: schemas/* string */.YjP(),
    actor: user,
    label: schemas/* object */.Ikc({ name: schemas/* string */.YjP() }).nullish(),
});
const commitComparisonSchema = schemas/* object */.Ikc({
    status: schemas/* enum */.k5n(['diverged', 'ahead', 'behind', 'identical']),
    ahead_by: schemas/* number */.aig(),
    behind_by: schemas/* number */.aig(),
    total_commits: schemas/* number */.aig(),
    base_commit: schemas/* object */.Ikc({ sha: schemas/* string */.YjP() }),
    merge_base_commit: schemas/* object */.Ikc({ sha: schemas/* string */.YjP() }),
});
const checkRunSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    name: schemas/* string */.YjP(),
    head_sha: schemas/* string */.YjP(),
    status: schemas/* string */.YjP(),
    conclusion: schemas/* string */.YjP().nullable(),
    html_url: schemas/* string */.YjP().nullable(),
});
const commitStatusSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    state: schemas/* string */.YjP(),
    context: schemas/* string */.YjP(),
    created_at: schemas/* string */.YjP(),
});
const deploymentSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    sha: schemas/* string */.YjP(),
    ref: schemas/* string */.YjP(),
    task: schemas/* string */.YjP(),
    environment: schemas/* string */.YjP(),
    payload: schemas/* union */.KCZ([schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()), schemas/* string */.YjP()]),
    created_at: schemas/* string */.YjP(),
    creator: user,
});
const deploymentStatusSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    state: schemas/* string */.YjP(),
    created_at: schemas/* string */.YjP(),
    description: schemas/* string */.YjP().nullish(),
    environment: schemas/* string */.YjP().optional(),
    log_url: schemas/* string */.YjP().optional(),
});
const collaboratorPermissionSchema = schemas/* object */.Ikc({
    permission: schemas/* string */.YjP(),
    role_name: schemas/* string */.YjP(),
    user: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).nullable(),
});
const workflowSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    name: schemas/* string */.YjP(),
    path: schemas/* string */.YjP(),
    state: schemas/* string */.YjP(),
});
const repositorySchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig(),
    full_name: schemas/* string */.YjP(),
    default_branch: schemas/* string */.YjP(),
});
const contentFileSchema = schemas/* object */.Ikc({
    type: schemas/* literal */.euz('file'),
    encoding: schemas/* string */.YjP(),
    content: schemas/* string */.YjP(),
    sha: schemas/* string */.YjP(),
    size: schemas/* number */.aig(),
    path: schemas/* string */.YjP(),
});
/** Renders the first few zod issues as "field: expected X, found Y". */
function describeIssues(error) {
    return error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
        .join('; ');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(44942);
;// CONCATENATED MODULE: ./src/github/retry.ts
/** Retry timing for GitHub calls: bounded exponential backoff with jitter, and GitHub's wait hints. */
const DEFAULT_RETRY_POLICY = {
    retries: 3,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 60_000,
};
/**
 * Delay before retry number `retry` (1-based): base·2^(retry-1), capped, with "equal jitter" so that
 * parallel jobs hitting the same outage do not retry in lockstep.
 */
function backoffDelayMs(policy, retry, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
/**
 * How long GitHub asked us to wait, from `retry-after` (seconds or HTTP date) or, when the quota is
 * exhausted, `x-ratelimit-reset` (epoch seconds). Undefined when the response gives no hint.
 */
function serverRequestedWaitMs(headers, nowMs) {
    const retryAfter = headers['retry-after'];
    if (retryAfter !== undefined) {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(String(retryAfter));
        if (Number.isFinite(date))
            return Math.max(0, date - nowMs);
    }
    if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) {
        const reset = Number(headers['x-ratelimit-reset']);
        if (Number.isFinite(reset))
            return Math.max(0, reset * 1000 - nowMs);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/github/blob-download.ts
/**
 * Fetching an artifact's signed blob URL into a file. The URL carries its own signature, so the request
 * goes out without the token, and the query string never reaches a message.
 */







/**
 * The runner's proxy (HTTPS_PROXY / NO_PROXY) for `url`, as the API calls use it: the same
 * @actions/http-client dispatcher @actions/github hands to fetch. Undefined when no proxy applies.
 */
function proxyDispatcher(url) {
    // @actions/http-client bundles its own undici; fetch accepts its dispatcher at run time.
    return new lib/* HttpClient */.Qq('contexta-gate').getAgentDispatcher(url.toString());
}
/** GETs `location` into `destinationFile`, retrying transient failures; returns the bytes written. */
async function downloadBlob(location, destinationFile, options) {
    const { maxBytes } = options;
    let url = new URL(location);
    const shown = `${url.origin}${url.pathname}`;
    const context = { route: 'GET artifact-blob', path: shown };
    const attempts = options.policy.retries + 1;
    let refreshed = false;
    for (let attempt = 1;; attempt++) {
        let reason;
        try {
            const dispatcher = proxyDispatcher(url);
            const init = {
                signal: AbortSignal.timeout(options.timeoutMs),
                redirect: 'follow',
                ...(dispatcher ? { dispatcher } : {}),
            };
            const response = await fetch(url, init);
            if (response.ok && response.body) {
                let bytes = 0;
                const counter = new external_node_stream_.Transform({
                    transform(chunk, _encoding, callback) {
                        bytes += chunk.length;
                        if (bytes > maxBytes)
                            callback(new Error(`artifact zip exceeds ${maxBytes} bytes`));
                        else
                            callback(null, chunk);
                    },
                });
                try {
                    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(response.body), counter, (0,external_node_fs_.createWriteStream)(destinationFile));
                    return bytes;
                }
                catch (error) {
                    await (0,promises_.rm)(destinationFile, { force: true });
                    if (bytes > maxBytes) {
                        throw new GitHubResponseError(`artifact zip is larger than the ${maxBytes}-byte cap`, context);
                    }
                    reason = `download interrupted: ${error.message}`;
                }
            }
            else {
                await response.body?.cancel();
                // Signed URLs live minutes; one that expired while we backed off is refused with 401/403.
                if ((response.status === 401 || response.status === 403) && options.refresh && !refreshed) {
                    refreshed = true;
                    url = new URL(await options.refresh());
                    attempt -= 1;
                    continue;
                }
                if (response.status < 500 && response.status !== 429) {
                    throw new GitHubRequestError({
                        ...context,
                        status: response.status,
                        githubMessage: 'blob storage refused the download',
                    });
                }
                reason = `blob storage answered ${response.status}`;
            }
        }
        catch (error) {
            if (error instanceof GitHubError)
                throw error;
            reason = `network error: ${error.message}`;
        }
        if (attempt >= attempts)
            throw new GitHubUnavailableError(reason, { ...context, attempts: attempt });
        await options.sleep(backoffDelayMs(options.policy, attempt));
    }
}

;// CONCATENATED MODULE: ./src/github/failure.ts
/**
 * What a failed GitHub request means: retry it (and after how long), or stop with a typed error that
 * names the call and what to do.
 */


const SECONDARY_LIMIT_WAIT_MS = 60_000;
/** Permission to name when a 403 carries no `x-accepted-github-permissions` header. */
function permissionForRoute(route) {
    const [method = 'GET', path = ''] = route.split(' ');
    const write = method !== 'GET';
    if (path.includes('/actions/'))
        return `actions: ${write ? 'write' : 'read'}`;
    if (path.includes('/issues/'))
        return write ? 'pull-requests: write (or issues: write)' : 'pull-requests: read';
    if (path.includes('/pulls/'))
        return `pull-requests: ${write ? 'write' : 'read'}`;
    if (path.includes('/check-runs'))
        return 'checks: write';
    if (path.includes('/statuses/'))
        return `statuses: ${write ? 'write' : 'read'}`;
    if (path.includes('/deployments'))
        return `deployments: ${write ? 'write' : 'read'}`;
    if (path.includes('/collaborators/'))
        return 'metadata: read';
    return `contents: ${write ? 'write' : 'read'}`;
}
/**
 * `x-accepted-github-permissions` lists alternative sets separated by `;`, permissions within a set by
 * `,`, using API names (`pull_requests=write`). Rendered in workflow-YAML spelling.
 */
function describeAcceptedPermissions(header) {
    return header
        .split(';')
        .map((set) => set
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0)
        .map((p) => {
        const [name = '', level = ''] = p.split('=');
        return `${name.trim().replace(/_/g, '-')}: ${level.trim()}`;
    })
        .join(' and '))
        .filter((set) => set.length > 0)
        .join(' or ');
}
function classifyFailure(failure, context, attempt, options) {
    const { policy } = options;
    const status = failure.response ? failure.status : undefined;
    if (status === undefined) {
        const timedOut = failure.name === 'TimeoutError' || /timeout|aborted/i.test(failure.message ?? '');
        return {
            retry: true,
            reason: timedOut
                ? `no response within ${options.timeoutMs} ms`
                : `network error: ${options.scrub(failure.message ?? 'unknown')}`,
        };
    }
    const headers = failure.response?.headers ?? {};
    const message = context.githubMessage ?? '';
    const secondary = status === 403 && /secondary rate limit/i.test(message);
    const primary = status === 403 && String(headers['x-ratelimit-remaining']) === '0';
    if (status === 429 || secondary || primary) {
        const requested = serverRequestedWaitMs(headers, Date.now());
        if (requested !== undefined && requested > policy.maxRetryAfterMs) {
            return { retry: false, error: new GitHubRateLimitError(requested, context) };
        }
        // Without a hint GitHub asks for at least a minute after a secondary limit; a short backoff would only
        // hit the limit again.
        const fallback = secondary
            ? Math.min(SECONDARY_LIMIT_WAIT_MS, policy.maxRetryAfterMs)
            : backoffDelayMs(policy, attempt);
        return {
            retry: true,
            reason: `rate limited (${status}${secondary ? ', secondary rate limit' : ''})`,
            waitMs: requested ?? fallback,
        };
    }
    if (status >= 500)
        return { retry: true, reason: `server error ${status}` };
    if (status === 401)
        return { retry: false, error: new GitHubAuthError(context) };
    if (status === 403) {
        const accepted = headers['x-accepted-github-permissions'];
        const permission = typeof accepted === 'string' && accepted.trim().length > 0
            ? describeAcceptedPermissions(accepted)
            : permissionForRoute(context.route);
        return { retry: false, error: new GitHubPermissionError(permission, context) };
    }
    if (status === 404)
        return { retry: false, error: new GitHubNotFoundError(context) };
    if (status === 409)
        return { retry: false, error: new GitHubConflictError(context) };
    if (status === 422)
        return { retry: false, error: new GitHubValidationError(context) };
    return { retry: false, error: new GitHubRequestError(context) };
}

;// CONCATENATED MODULE: ./src/github/transport.ts





function realSleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
class GitHubTransport {
    owner;
    repo;
    octokit;
    options;
    token;
    policy;
    timeoutMs;
    downloadTimeoutMs;
    sleep;
    constructor(options) {
        this.owner = options.owner;
        this.repo = options.repo;
        this.token = options.token;
        this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.downloadTimeoutMs = options.downloadTimeoutMs ?? 300_000;
        this.sleep = options.sleep ?? realSleep;
        this.options = options;
    }
    /**
     * Octokit, created on the first request. `@actions/github` is imported only then: importing it
     * parses the event payload, and a broken payload must be reported by the action's own context
     * reader (file and JSON problem), not thrown from an import.
     */
    client() {
        this.octokit ??= __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351)).then(({ getOctokit }) => {
            const silent = () => undefined;
            // getOctokit brings the runner's proxy-aware fetch (HTTPS_PROXY / NO_PROXY); the base URL is
            // always passed explicitly because @actions/github otherwise uses GITHUB_API_URL as read at import.
            return getOctokit(this.options.token, {
                baseUrl: this.options.apiUrl.replace(/\/+$/, ''),
                userAgent: this.options.userAgent ?? 'contexta-gate',
                log: { debug: silent, info: silent, warn: silent, error: silent },
            });
        });
        return this.octokit;
    }
    /** One request, its response validated against `schema`. */
    async call(route, params, schema) {
        const response = await this.raw(route, params);
        return this.validate(route, params, schema, response.data);
    }
    validate(route, params, schema, data) {
        const parsed = schema.safeParse(data);
        if (!parsed.success) {
            throw new GitHubResponseError(describeIssues(parsed.error), this.contextOf(route, params));
        }
        return parsed.data;
    }
    /** Follows `Link: rel="next"` pages until `limit` items are collected. */
    async paginate(route, params, schema, items, limit) {
        const collected = [];
        const perPage = Math.min(100, Math.max(1, limit));
        for (let page = 1; collected.length < limit; page++) {
            const query = { ...params, per_page: perPage, page };
            const response = await this.raw(route, query);
            const pageItems = items(this.validate(route, query, schema, response.data));
            collected.push(...pageItems);
            const link = String(response.headers.link ?? '');
            if (pageItems.length === 0 || !/rel="next"/.test(link))
                break;
        }
        return collected.slice(0, limit);
    }
    /** A list endpoint whose body is the array itself. */
    async list(route, params, schema, limit) {
        return this.paginate(route, params, schema.array(), (page) => page, limit);
    }
    /** One request with retries; failures become typed GitHubErrors. */
    async raw(route, params, options = {}) {
        const attempts = this.policy.retries + 1;
        for (let attempt = 1;; attempt++) {
            const signal = AbortSignal.timeout(this.timeoutMs);
            try {
                const octokit = await this.client();
                const response = await octokit.request(route, {
                    owner: this.owner,
                    repo: this.repo,
                    ...params,
                    request: { signal, redirect: options.redirect },
                });
                // Octokit swallows a body read cut short by the timeout and returns the partial text as data.
                if (signal.aborted)
                    throw Object.assign(new Error('response body timed out'), { name: 'TimeoutError' });
                return {
                    status: response.status,
                    headers: response.headers,
                    data: response.data,
                };
            }
            catch (error) {
                const context = { ...this.contextOf(route, params, error), attempts: attempt };
                const verdict = classifyFailure(error, context, attempt, {
                    policy: this.policy,
                    timeoutMs: this.timeoutMs,
                    scrub: (text) => this.scrub(text),
                });
                if (!verdict.retry)
                    throw verdict.error;
                if (attempt >= attempts)
                    throw new GitHubUnavailableError(verdict.reason, context);
                await this.sleep(verdict.waitMs ?? backoffDelayMs(this.policy, attempt));
            }
        }
    }
    /**
     * Downloads a signed blob URL (no Authorization) into a file, at most `maxBytes`; `refresh` asks
     * for a new signed URL when storage refuses an expired one.
     */
    async downloadBlob(location, destinationFile, maxBytes, refresh) {
        return downloadBlob(location, destinationFile, {
            policy: this.policy,
            timeoutMs: this.downloadTimeoutMs,
            maxBytes,
            sleep: this.sleep,
            ...(refresh ? { refresh } : {}),
        });
    }
    contextOf(route, params, failure) {
        const path = (route.split(' ')[1] ?? '').replace(/\{(\w+)\}/g, (_, key) => {
            if (key === 'owner')
                return this.owner;
            if (key === 'repo')
                return this.repo;
            return encodeURIComponent(String(params[key] ?? `{${key}}`));
        });
        const shape = (failure ?? {});
        const data = shape.response?.data;
        const githubMessage = data && typeof data === 'object' && 'message' in data && typeof data.message === 'string'
            ? this.scrub(data.message)
            : undefined;
        const requestId = shape.response?.headers?.['x-github-request-id'];
        const earlier = failure instanceof GitHubError ? failure : undefined;
        return {
            route,
            path,
            status: shape.response ? shape.status : earlier?.status,
            requestId: requestId === undefined ? earlier?.requestId : String(requestId),
            githubMessage: githubMessage ?? earlier?.githubMessage,
        };
    }
    scrub(text) {
        return this.token.length > 0 ? text.split(this.token).join('***') : text;
    }
}

;// CONCATENATED MODULE: ./src/github/client.ts



const ANNOTATIONS_PER_REQUEST = 50;
const DEFAULT_LIST_LIMIT = 100;
const MAX_LIST_LIMIT = 1000;
const DEFAULT_MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024;
/**
 * Every GitHub REST call contexta/gate makes, grouped by area; how a call travels (retries, timeouts,
 * errors, validation) is the transport's business.
 */
class GitHubClient {
    owner;
    repo;
    repoFullName;
    http;
    constructor(options) {
        this.owner = options.owner;
        this.repo = options.repo;
        this.repoFullName = `${options.owner}/${options.repo}`;
        this.http = new GitHubTransport(options);
    }
    // ------------------------------------------------------------------ Actions
    async listWorkflowRuns(filters) {
        const limit = Math.min(filters.limit ?? DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT);
        const query = { workflow_id: filters.workflow };
        if (filters.branch !== undefined)
            query.branch = filters.branch;
        if (filters.event !== undefined)
            query.event = filters.event;
        if (filters.status !== undefined)
            query.status = filters.status;
        if (filters.headSha !== undefined)
            query.head_sha = filters.headSha;
        if (filters.excludePullRequests !== undefined)
            query.exclude_pull_requests = filters.excludePullRequests;
        return this.http.paginate('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', query, workflowRunListSchema, (page) => page.workflow_runs, limit);
    }
    /** A workflow by id or file name (`ml.yml`); null when the repository has no such workflow. */
    async getWorkflow(workflow) {
        try {
            return await this.http.call('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}', { workflow_id: workflow }, workflowSchema);
        }
        catch (error) {
            if (error instanceof GitHubNotFoundError)
                return null;
            throw error;
        }
    }
    async getRepository() {
        return this.http.call('GET /repos/{owner}/{repo}', {}, repositorySchema);
    }
    async getWorkflowRun(runId) {
        return this.http.call('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: runId }, workflowRunSchema);
    }
    /** Artifacts of a run, expired ones included (check `expired`), highest id first. */
    async listRunArtifacts(runId, name) {
        const query = { run_id: runId };
        if (name !== undefined)
            query.name = name;
        const artifacts = await this.http.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', query, artifactListSchema, (page) => page.artifacts, MAX_LIST_LIMIT);
        return artifacts.sort((a, b) => b.id - a.id);
    }
    /**
     * Downloads an artifact's zip to `destinationFile` (streamed, at most `maxBytes`). The API answers with
     * a 302 to a short-lived blob URL, followed here without the token; 410 → ArtifactExpiredError. When
     * the signed URL has expired by the time a retry uses it, a fresh one is requested.
     */
    async downloadArtifactZip(artifactId, destinationFile, options = {}) {
        const bytes = await this.http.downloadBlob(await this.signedArtifactUrl(artifactId), destinationFile, options.maxBytes ?? DEFAULT_MAX_ZIP_BYTES, () => this.signedArtifactUrl(artifactId));
        return { path: destinationFile, bytes };
    }
    async signedArtifactUrl(artifactId) {
        const route = 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';
        const params = { artifact_id: artifactId, archive_format: 'zip' };
        let response;
        try {
            response = await this.http.raw(route, params, { redirect: 'manual' });
        }
        catch (error) {
            if (error instanceof GitHubError && error.status === 410) {
                throw new ArtifactExpiredError(artifactId, this.http.contextOf(route, params, error));
            }
            throw error;
        }
        const location = response.headers.location;
        if (response.status !== 302 || typeof location !== 'string') {
            throw new GitHubResponseError(`expected a 302 redirect to the artifact blob, got ${response.status}`, this.http.contextOf(route, params));
        }
        return location;
    }
    // ------------------------------------------------------------------ Comments and reviews
    /** All comments of an issue or PR, oldest first (every page, bounded at `limit`). */
    async listIssueComments(issueNumber, limit = 1000) {
        return this.http.list('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: issueNumber }, issueCommentSchema, limit);
    }
    async createComment(issueNumber, body) {
        return this.http.call('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: issueNumber, body }, issueCommentSchema);
    }
    async updateComment(commentId, body) {
        return this.http.call('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: commentId, body }, issueCommentSchema);
    }
    async deleteComment(commentId) {
        await this.http.raw('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
            comment_id: commentId,
        });
    }
    async createReview(pullNumber, review) {
        const params = {
            pull_number: pullNumber,
            event: review.event,
            body: review.body,
        };
        if (review.commitId !== undefined)
            params.commit_id = review.commitId;
        return this.http.call('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params, reviewSchema);
    }
    async listReviews(pullNumber, limit = 1000) {
        return this.http.list('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { pull_number: pullNumber }, reviewSchema, limit);
    }
    async dismissReview(pullNumber, reviewId, message) {
        return this.http.call('PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals', { pull_number: pullNumber, review_id: reviewId, message, event: 'DISMISS' }, reviewSchema);
    }
    async getPull(pullNumber) {
        return this.http.call('GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: pullNumber }, pullSchema);
    }
    // ------------------------------------------------------------------ Commits
    async compareCommits(base, head) {
        return this.http.call('GET /repos/{owner}/{repo}/compare/{basehead}', { basehead: `${base}...${head}`, per_page: 1 }, commitComparisonSchema);
    }
    /** Commits of a pull request, oldest first (GitHub caps this list at 250). */
    async listPullCommits(pullNumber, limit = 250) {
        return this.http.list('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', { pull_number: pullNumber }, commitSchema, limit);
    }
    /** Open pull requests whose head is `owner:branch` (how a fork's PR is found from its branch). */
    async listPullsByHead(head) {
        return this.http.list('GET /repos/{owner}/{repo}/pulls', { head, state: 'open' }, pullSimpleSchema, DEFAULT_LIST_LIMIT);
    }
    /** Timeline events of an issue or PR (who applied which label), oldest first. */
    async listIssueEvents(issueNumber, limit = MAX_LIST_LIMIT) {
        return this.http.list('GET /repos/{owner}/{repo}/issues/{issue_number}/events', { issue_number: issueNumber }, issueEventSchema, limit);
    }
    /** `sha` and its ancestors, newest first, at most `limit`. */
    async listCommits(sha, limit = 100) {
        return this.http.list('GET /repos/{owner}/{repo}/commits', { sha }, commitSchema, limit);
    }
    // ------------------------------------------------------------------ Contents
    async getFileContent(path, ref) {
        const route = 'GET /repos/{owner}/{repo}/contents/{path}';
        try {
            const file = await this.http.call(route, { path, ref }, contentFileSchema);
            if (file.encoding !== 'base64') {
                throw new GitHubResponseError(`file ${path}@${ref} came back with encoding "${file.encoding}" (too large for the contents API?)`, this.http.contextOf(route, { path, ref }));
            }
            return Buffer.from(file.content, 'base64');
        }
        catch (error) {
            if (error instanceof GitHubNotFoundError)
                return null;
            throw error;
        }
    }
    // ------------------------------------------------------------------ Checks and statuses
    async createCheckRun(input) {
        return this.http.call('POST /repos/{owner}/{repo}/check-runs', checkRunBody(input), checkRunSchema);
    }
    async updateCheckRun(checkRunId, input) {
        return this.http.call('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { check_run_id: checkRunId, ...checkRunBody(input) }, checkRunSchema);
    }
    async createCommitStatus(sha, status) {
        const params = { sha, state: status.state, context: status.context };
        // GitHub rejects descriptions over 140 characters.
        if (status.description !== undefined)
            params.description = truncate(status.description, 140);
        if (status.targetUrl !== undefined)
            params.target_url = status.targetUrl;
        return this.http.call('POST /repos/{owner}/{repo}/statuses/{sha}', params, commitStatusSchema);
    }
    // ------------------------------------------------------------------ Deployments
    /**
     * Always `auto_merge: false, required_contexts: []`: the defaults would merge the base branch into the
     * ref or refuse (409) while our own check is still pending.
     */
    async createDeployment(input) {
        const params = {
            ref: input.ref,
            environment: input.environment,
            payload: input.payload,
            task: input.task ?? 'deploy',
            auto_merge: false,
            required_contexts: [],
        };
        if (input.description !== undefined)
            params.description = truncate(input.description, 140);
        if (input.transientEnvironment !== undefined)
            params.transient_environment = input.transientEnvironment;
        if (input.productionEnvironment !== undefined)
            params.production_environment = input.productionEnvironment;
        const route = 'POST /repos/{owner}/{repo}/deployments';
        const response = await this.http.raw(route, params);
        if (response.status === 202) {
            throw new GitHubResponseError('GitHub merged the default branch instead of creating a deployment (202)', this.http.contextOf(route, params));
        }
        return this.http.validate(route, params, deploymentSchema, response.data);
    }
    async createDeploymentStatus(deploymentId, status) {
        const params = { deployment_id: deploymentId, state: status.state };
        if (status.description !== undefined)
            params.description = truncate(status.description, 140);
        if (status.logUrl !== undefined)
            params.log_url = status.logUrl;
        if (status.environmentUrl !== undefined)
            params.environment_url = status.environmentUrl;
        if (status.autoInactive !== undefined)
            params.auto_inactive = status.autoInactive;
        return this.http.call('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', params, deploymentStatusSchema);
    }
    /** Deployments of an environment, newest (highest id) first. */
    async listDeployments(filter) {
        const query = { environment: filter.environment };
        if (filter.task !== undefined)
            query.task = filter.task;
        if (filter.sha !== undefined)
            query.sha = filter.sha;
        const list = await this.http.list('GET /repos/{owner}/{repo}/deployments', query, deploymentSchema, filter.limit ?? DEFAULT_LIST_LIMIT);
        return list.sort((a, b) => b.id - a.id);
    }
    /** Statuses of a deployment, newest (highest id) first; GitHub does not document the order. */
    async listDeploymentStatuses(deploymentId, limit = DEFAULT_LIST_LIMIT) {
        const list = await this.http.list('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { deployment_id: deploymentId }, deploymentStatusSchema, limit);
        return list.sort((a, b) => b.id - a.id);
    }
    // ------------------------------------------------------------------ Collaborators
    async getCollaboratorPermission(username) {
        return this.http.call('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { username }, collaboratorPermissionSchema);
    }
}
function checkRunBody(input) {
    const body = {};
    if (input.name !== undefined)
        body.name = input.name;
    if (input.headSha !== undefined)
        body.head_sha = input.headSha;
    if (input.status !== undefined)
        body.status = input.status;
    if (input.conclusion !== undefined)
        body.conclusion = input.conclusion;
    if (input.detailsUrl !== undefined)
        body.details_url = input.detailsUrl;
    if (input.externalId !== undefined)
        body.external_id = input.externalId;
    if (input.output !== undefined) {
        body.output = {
            title: input.output.title,
            summary: truncate(input.output.summary, 65_535),
            ...(input.output.text === undefined ? {} : { text: truncate(input.output.text, 65_535) }),
            ...(input.output.annotations === undefined
                ? {}
                : { annotations: input.output.annotations.slice(0, ANNOTATIONS_PER_REQUEST) }),
        };
    }
    return body;
}
/** Cuts on code points, so a surrogate pair is never split into a lone half. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let cut = max - 1;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut -= 1;
    return `${text.slice(0, cut)}…`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/evidence/gaps.ts
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
function gaps_gapMessageWithPlaces(gap) {
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

;// CONCATENATED MODULE: ./src/evidence/sample-names.ts
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/evidence/json-text.ts
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
function json_text_parseJsonText(text, maxDepth) {
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

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
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
        const parsed = json_text_parseJsonText(event.text, limits.maxDepth);
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
            gaps.line('number_out_of_range', 'error', rel, event.lineNo, `${outOfRangeText(first, parsed.outOfRange.length)}; the record was skipped`);
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
        const parsed = json_text_parseJsonText(text, limits.maxDepth);
        if (!parsed.ok) {
            invalid(parsed.reason === 'too_deep'
                ? 'the binding nests too deeply'
                : `the binding is not valid JSON (${parsed.message})`);
            continue;
        }
        const unclear = ambiguity(parsed);
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

;// CONCATENATED MODULE: ./src/evidence/model.ts
/**
 * The one evidence model every reader produces (Contexta capture cache, canonical record store,
 * DuckDB ledger, metalab run store) and every later step (compare, gates, report) consumes.
 *
 * It is an aggregate, not a list of records: a reader folds records into series while streaming so
 * memory grows with the number of distinct series and samples, never with the number of lines.
 * Absence is explicit: `null` means "not known" (e.g. a status without a ledger), and everything a
 * reader could not use becomes an `EvidenceGap`.
 */


const Severity = schemas/* enum */.k5n(['error', 'warning', 'info']);
/** Contexta's lifecycle vocabulary; `completed` is the success state. */
const LifecycleStatus = schemas/* enum */.k5n(['open', 'completed', 'failed', 'cancelled']);
const CompletenessMarker = schemas/* enum */.k5n(['complete', 'partial', 'sampled', 'absent', 'unknown']);
const DegradationMarker = schemas/* enum */.k5n([
    'none',
    'partial_failure',
    'capture_gap',
    'import_loss',
    'compatibility_upgrade',
]);
const AggregationScope = schemas/* enum */.k5n(['run', 'stage', 'operation', 'step', 'slice']);
/**
 * Codes for everything a reader could not use or found suspicious. The Contexta integrity codes
 * (`truncated_line`, `invalid_json_line`, `sequence_gap`, `manifest_sequence_mismatch`) keep
 * Contexta's names so users can map them to `contexta` repair tools.
 */
const GapCode = schemas/* enum */.k5n([
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
const EvidenceGap = schemas/* object */.Ikc({
    code: GapCode,
    severity: Severity,
    /** Workspace-relative path of the file the gap was found in, when there is one. */
    file: schemas/* string */.YjP().optional(),
    /** 1-based line number within `file`. */
    line: schemas/* number */.aig().int().positive().optional(),
    /** The ref the gap is about (record, run, stage, artifact, metalab run id). */
    ref: schemas/* string */.YjP().optional(),
    /** Attribution, so gates can ask "any gap in stage evaluate of the candidate run?". */
    runRef: schemas/* string */.YjP().optional(),
    stage: schemas/* string */.YjP().optional(),
    message: schemas/* string */.YjP(),
    /**
     * How many occurrences one aggregated gap stands for (duplicate refs in a file, lines beyond the
     * per-file listing cap, …); absent means one.
     */
    count: schemas/* number */.aig().int().positive().optional(),
    /**
     * Set only on an entry that summarises a gap code repeated too often to list (see
     * `GAPS_LISTED_PER_KIND` in gaps.ts): where its first occurrences are, at most
     * `GAP_SAMPLE_SIZE` of them; `count` then totals every occurrence.
     */
    sample: schemas/* array */.YOg(schemas/* object */.Ikc({
        file: schemas/* string */.YjP().optional(),
        line: schemas/* number */.aig().int().positive().optional(),
        count: schemas/* number */.aig().int().positive().optional(),
    }))
        .optional(),
});
const StepSummary = schemas/* object */.Ikc({
    /** Number of distinct step values seen (from `tags.step` or metalab stepped series). */
    count: schemas/* number */.aig().int().nonnegative(),
    first: schemas/* number */.aig().nullable(),
    last: schemas/* number */.aig().nullable(),
    min: schemas/* number */.aig().nullable(),
    max: schemas/* number */.aig().nullable(),
});
/**
 * One metric series: all observations of one metric key for one slice (and batch) of one stage or
 * run. `latest` follows Contexta's rule (greatest `observed_at`, later line on ties) but compares
 * real instants rather than strings.
 */
const MetricSeries = schemas/* object */.Ikc({
    key: schemas/* string */.YjP(),
    /** From `tags.slice`, else `slice_ref`; null is the overall series. */
    slice: schemas/* string */.YjP().nullable(),
    /** Batch name (4th component of the batch ref) when the series is batch-scoped. */
    batch: schemas/* string */.YjP().nullable(),
    scope: AggregationScope.nullable(),
    unit: schemas/* string */.YjP().nullable(),
    latest: schemas/* object */.Ikc({
        value: schemas/* number */.aig(),
        observedAt: schemas/* string */.YjP().nullable(),
        recordRef: schemas/* string */.YjP().nullable(),
        step: schemas/* number */.aig().nullable(),
    }),
    /** How many observations were folded into this series. */
    count: schemas/* number */.aig().int().positive(),
    steps: StepSummary.nullable(),
    /** Worst completeness marker seen on any observation. */
    completeness: CompletenessMarker,
    degraded: schemas/* boolean */.zMY(),
    /** Observations whose value was NaN/±Infinity: reported, never compared. */
    nonFinite: schemas/* number */.aig().int().nonnegative(),
    /**
     * metalab seed replicates: each replicate's final value, so statistics can use the spread.
     * Empty for Contexta series.
     */
    replicates: schemas/* array */.YOg(schemas/* number */.aig()),
    /**
     * metalab: the `seed_fingerprint` of each entry of `replicates`, same order, so baseline and
     * candidate replicates pair by seed. Absent for Contexta series.
     */
    replicateSeeds: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    /** Tags of the latest observation other than `slice` and `step`. */
    tags: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()),
    /**
     * Set when the series was merged from shards: `recomputed` from the merged per-sample outcomes,
     * `weighted` from per-shard aggregates weighted by each shard's sample count, `summed` for counts.
     */
    combined: schemas/* enum */.k5n(['recomputed', 'weighted', 'summed']).optional(),
});
/**
 * Per-sample outcomes of one metric key in one stage, in compact columns. Sample names are the
 * last component of the sample ref (`s-0001`), which is what pairs baseline and candidate.
 */
const SampleSeries = schemas/* object */.Ikc({
    key: schemas/* string */.YjP(),
    /**
     * Each sample's identity within its stage, as an id into `table`. The name behind an id is
     * (batch, sample name): `<batch>/<sample>` for a sample recorded in a batch, the bare name
     * otherwise (`sampleIdentity`). Unique per series: a sample recorded twice is a `duplicate_sample`
     * gap and absent here.
     */
    ids: schemas/* instanceof */.Nlp(Int32Array),
    /** The table `ids` index; series read with one table share it, which is what pairs them cheaply. */
    table: schemas/* instanceof */.Nlp(SampleNames),
    values: schemas/* instanceof */.Nlp(Float64Array),
    /** Index into `sliceNames` per sample, -1 when the sample has no slice. */
    sliceIndex: schemas/* instanceof */.Nlp(Int32Array),
    sliceNames: schemas/* array */.YOg(schemas/* string */.YjP()),
    /** True when every value is exactly 0 or 1 (a binary outcome such as `correct`/`pass`). */
    binary: schemas/* boolean */.zMY(),
});
/** The name of row `row` of a sample series. */
function sampleName(series, row) {
    return series.table.names[series.ids[row]];
}
/** The names of every row of a sample series, in row order. */
function sampleNames(series) {
    return Array.from(series.ids, (id) => series.table.names[id]);
}
const Batch = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    status: LifecycleStatus.nullable(),
});
const DegradedRecord = schemas/* object */.Ikc({
    recordRef: schemas/* string */.YjP(),
    issueKey: schemas/* string */.YjP(),
    category: schemas/* string */.YjP().nullable(),
    severity: schemas/* enum */.k5n(['warning', 'error']).nullable(),
    summary: schemas/* string */.YjP(),
    degradationMarker: DegradationMarker,
    stage: schemas/* string */.YjP().nullable(),
});
const EventSummary = schemas/* object */.Ikc({
    key: schemas/* string */.YjP(),
    level: schemas/* string */.YjP().nullable(),
    count: schemas/* number */.aig().int().positive(),
    lastMessage: schemas/* string */.YjP().nullable(),
    stage: schemas/* string */.YjP().nullable(),
});
const Stage = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    /** From the ledger; null when no ledger could be read. */
    status: LifecycleStatus.nullable(),
    orderIndex: schemas/* number */.aig().int().nullable(),
    metrics: schemas/* array */.YOg(MetricSeries),
    samples: schemas/* array */.YOg(SampleSeries),
    batches: schemas/* array */.YOg(Batch),
    recordCount: schemas/* number */.aig().int().nonnegative(),
    /** Records in this stage whose completeness marker is not `complete`. */
    partialRecords: schemas/* number */.aig().int().nonnegative(),
});
const Artifact = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    kind: schemas/* string */.YjP(),
    /** Location as recorded (`path:/abs/file`, a metalab uri re-rooted, …). */
    location: schemas/* string */.YjP().nullable(),
    sizeBytes: schemas/* number */.aig().nonnegative().nullable(),
    hash: schemas/* string */.YjP().nullable(),
    stage: schemas/* string */.YjP().nullable(),
    /** Where we learned about it. */
    source: schemas/* enum */.k5n(['binding', 'capture', 'metalab']),
    /** `BOUND`/`PENDING`/`DEGRADED` for capture lines; `verified`/`missing` for bindings. */
    status: schemas/* string */.YjP().nullable(),
});
const EnvironmentSnapshot = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    capturedAt: schemas/* string */.YjP().nullable(),
    python: schemas/* string */.YjP().nullable(),
    platform: schemas/* string */.YjP().nullable(),
    packages: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()),
    /** Names only: environment variable values are never read into the model. */
    environmentVariableNames: schemas/* array */.YOg(schemas/* string */.YjP()),
});
const Deployment = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    status: LifecycleStatus.nullable(),
    runRef: schemas/* string */.YjP().nullable(),
    startedAt: schemas/* string */.YjP().nullable(),
    endedAt: schemas/* string */.YjP().nullable(),
    /** `ledger` row, or a `deployment.promoted` event record. */
    source: schemas/* enum */.k5n(['ledger', 'event']),
    /** Extra facts (environment, GitHub deployment id, …) carried by an event record. */
    attributes: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
});
const MetalabReplicateStatus = schemas/* enum */.k5n([
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
const MetalabUnit = schemas/* object */.Ikc({
    experimentId: schemas/* string */.YjP(),
    paramsFingerprints: schemas/* array */.YOg(schemas/* string */.YjP()),
    contextFingerprints: schemas/* array */.YOg(schemas/* string */.YjP()),
    codeHashes: schemas/* array */.YOg(schemas/* string */.YjP()),
    /** Expected replicates from the experiment manifest's seed plan; null without a manifest. */
    expectedReplicates: schemas/* number */.aig().int().nonnegative().nullable(),
    replicates: schemas/* array */.YOg(schemas/* object */.Ikc({
        runId: schemas/* string */.YjP(),
        seedFingerprint: schemas/* string */.YjP().nullable(),
        status: MetalabReplicateStatus,
    })),
});
const Run = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    project: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    status: LifecycleStatus.nullable(),
    startedAt: schemas/* string */.YjP().nullable(),
    endedAt: schemas/* string */.YjP().nullable(),
    stages: schemas/* array */.YOg(Stage),
    /** Metrics recorded without a stage. Contexta's compare ignores them; we compare them. */
    runMetrics: schemas/* array */.YOg(MetricSeries),
    events: schemas/* array */.YOg(EventSummary),
    degraded: schemas/* array */.YOg(DegradedRecord),
    artifacts: schemas/* array */.YOg(Artifact),
    environment: EnvironmentSnapshot.nullable(),
    recordCount: schemas/* number */.aig().int().nonnegative(),
    /** metalab: the parameter combination this unit stands for. */
    params: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullable(),
    /** metalab: identity and outcome of every replicate of the unit. Absent for Contexta runs. */
    metalab: MetalabUnit.optional(),
});
const Project = schemas/* object */.Ikc({
    name: schemas/* string */.YjP(),
    runs: schemas/* array */.YOg(Run),
    deployments: schemas/* array */.YOg(Deployment),
});
const Layout = schemas/* enum */.k5n(['capture_cache', 'record_store', 'ledger', 'artifact_bindings', 'metalab']);
const Evidence = schemas/* object */.Ikc({
    source: schemas/* object */.Ikc({
        kind: schemas/* enum */.k5n(['contexta', 'metalab']),
        /** The path the user gave, as given. */
        root: schemas/* string */.YjP(),
        /** Workspace roots found under it (relative to `root`, '.' for itself) with their layouts. */
        workspaces: schemas/* array */.YOg(schemas/* object */.Ikc({ path: schemas/* string */.YjP(), layouts: schemas/* array */.YOg(Layout) })),
    }),
    projects: schemas/* array */.YOg(Project),
    gaps: schemas/* array */.YOg(EvidenceGap),
    /** Plain-language facts about how the evidence was read (precedence, merges, ledger use). */
    notes: schemas/* array */.YOg(schemas/* string */.YjP()),
});

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
    completeness_marker: opt(CompletenessMarker),
    degradation_marker: opt(DegradationMarker),
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
    aggregation_scope: opt(AggregationScope),
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
const COMPLETENESS = new Set(CompletenessMarker.options);
const DEGRADATION = new Set(DegradationMarker.options);
const SCOPES = new Set(AggregationScope.options);
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
function validate_record_describe(value) {
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
    return `${field}: expected ${expected}, found ${validate_record_describe(valueAt(root, issue.path))}${more}`;
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
        return reject('record_invalid')(`the record is not an object with "envelope" and "payload" objects (found ${validate_record_describe(raw)}); skipped`);
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
        return reject('unknown_record_type')(`record_type ${validate_record_describe(type)} is not one of ${RECORD_TYPES.join(', ')}; record skipped`, 'warning', recordRef);
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
            const duplicates = new RepeatedRefs();
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

;// CONCATENATED MODULE: ./src/evidence/sample-columns.ts
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
    sampleNames = new SampleNames();
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
        const shared = stageIds(stage.sampleNames, table);
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
            samples: shareColumns([
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
                columns = new SampleColumns(m.key, stage.sampleNames);
                stage.samples.set(m.key, columns);
            }
            const name = m.sampleName;
            const batchName = m.batchName;
            const identity = sampleIdentity(batchName, name);
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
    const parsed = json_text_parseJsonText(text, limits.maxDepth);
    const unclear = parsed.ok ? ambiguity(parsed) : 'it is not valid JSON';
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
        const duplicates = new RepeatedRefs();
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
    const gaps = new GapSink();
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
    const builder = new EvidenceBuilder(gaps, opts.sampleNames ?? new SampleNames());
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

;// CONCATENATED MODULE: ./src/action/settings.ts
/**
 * Turns the action's raw inputs into one typed `Settings` value, once, with messages that name the
 * input, what was expected and what was found. Everything after this works on `Settings` only.
 */


const BaselineSpec = schemas/* discriminatedUnion */.gMt('kind', [
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('auto') }),
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('none') }),
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('run'), runId: schemas/* number */.aig().int().positive() }),
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('artifact'), name: schemas/* string */.YjP().min(1) }),
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('deployment'), environment: schemas/* string */.YjP().min(1) }),
    schemas/* object */.Ikc({ kind: schemas/* literal */.euz('path'), path: schemas/* string */.YjP().min(1) }),
]);
/** More parse threads than any runner has cores gain nothing. */
const MAX_WORKERS = 256;
/** Most shards of one run: more jobs than one matrix may have (256). */
const MAX_SHARDS = 256;
class SettingsError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
        this.name = 'SettingsError';
    }
}
/**
 * Every input the reader reads, with the default that applies when it is empty: the same values
 * `action.yml` declares (test/action/action-yml.test.ts checks both ways). `github-token` has no
 * fallback here: its default is an expression the runner evaluates. The reader limits stay null when
 * empty (the evidence reader's own defaults, which are these values, apply).
 */
const INPUT_DEFAULTS = {
    mode: 'gate',
    workspace: '.contexta',
    config: '.github/contexta-gate.yml',
    'config-inline': '',
    'allow-pr-config': 'false',
    baseline: 'auto',
    'artifact-name': 'contexta-evidence',
    'retention-days': '',
    upload: 'true',
    shard: '',
    shards: '',
    'max-workers': '',
    'max-baseline-runs': '20',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression, evaluated by the runner
    'github-token': '${{ github.token }}',
    comment: 'always',
    'comment-as': 'comment',
    'comment-author': 'github-actions[bot]',
    workflow: '',
    'fail-on': 'fail',
    project: '',
    run: '',
    environment: '',
    force: 'false',
    'max-line-bytes': String(DEFAULT_READ_OPTIONS.maxLineBytes),
    'max-json-depth': String(DEFAULT_READ_OPTIONS.maxDepth),
};
const D = INPUT_DEFAULTS;
function oneOf(problems, name, raw, allowed, fallback) {
    if (raw === '')
        return fallback;
    if (allowed.includes(raw))
        return raw;
    problems.push(`Invalid input '${name}': expected one of ${allowed.join(', ')}, found '${raw}'.`);
    return fallback;
}
function bool(problems, name, raw) {
    const value = raw === '' ? INPUT_DEFAULTS[name] : raw;
    if (/^(true|True|TRUE)$/.test(value))
        return true;
    if (/^(false|False|FALSE)$/.test(value))
        return false;
    problems.push(`Invalid input '${name}': expected true or false, found '${raw}'.`);
    return false;
}
function positiveInt(problems, name, raw, max) {
    if (raw === '')
        return null;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) {
        problems.push(`Invalid input '${name}': expected a whole number from 1 to ${max}, found '${raw}'.`);
        return null;
    }
    return value;
}
function parseBaselineSpec(raw) {
    const text = raw.trim();
    if (text === '' || text === 'auto')
        return { kind: 'auto' };
    if (text === 'none')
        return { kind: 'none' };
    const match = /^(run|artifact|deployment|path):(.*)$/.exec(text);
    if (match) {
        const [, kind, rest] = match;
        const value = rest.trim();
        if (value === '')
            return `'${kind}:' needs a value after the colon`;
        if (kind === 'run') {
            const id = Number(value);
            if (!Number.isSafeInteger(id) || id < 1)
                return `'run:' expects a workflow run id, found '${value}'`;
            return { kind: 'run', runId: id };
        }
        if (kind === 'artifact')
            return { kind: 'artifact', name: value };
        if (kind === 'deployment')
            return { kind: 'deployment', environment: value };
        return { kind: 'path', path: value };
    }
    // A bare value that looks like a path is the documented shorthand for `path:`.
    if (/^[./~]|[\\/]/.test(text))
        return { kind: 'path', path: text };
    return `expected auto, none, run:<id>, artifact:<name>, deployment:<environment> or a path, found '${text}'`;
}
function parseShard(problems, raw) {
    const text = raw.trim();
    if (text === '')
        return null;
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
    const index = match ? Number(match[1]) : Number.NaN;
    const of = match ? Number(match[2]) : Number.NaN;
    if (!match || index < 1 || of < 1 || index > of || of > MAX_SHARDS) {
        problems.push(`Invalid input 'shard': expected <i>/<n> with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. 2/4), found '${raw}'.`);
        return null;
    }
    return { index, of };
}
function readSettings(getInput) {
    const problems = [];
    const mode = oneOf(problems, 'mode', getInput('mode'), ['gate', 'promote', 'publish', 'collect'], D.mode);
    const baselineRaw = getInput('baseline') || D.baseline;
    const parsedBaseline = parseBaselineSpec(baselineRaw);
    let baseline = { kind: 'auto' };
    if (typeof parsedBaseline === 'string')
        problems.push(`Invalid input 'baseline': ${parsedBaseline}.`);
    else
        baseline = parsedBaseline;
    const artifactName = getInput('artifact-name') || D['artifact-name'];
    if (/["':<>|*?\r\n\\/]/.test(artifactName)) {
        problems.push(`Invalid input 'artifact-name': artifact names may not contain " : < > | * ? \\ / or line breaks, found '${artifactName}'.`);
    }
    const project = getInput('project') || null;
    // Per-project steps of one run (a matrix) must not overwrite each other's artifact, and each
    // project's baseline must be found under its own name.
    const projectArtifactName = project
        ? `${artifactName}-${project.replace(/["':<>|*?\r\n\\/\s]+/g, '-')}`
        : artifactName;
    const environment = getInput('environment') || null;
    if (mode === 'promote' && environment === null) {
        problems.push("Input 'environment' is required when mode is 'promote' (e.g. environment: production).");
    }
    const workflow = (getInput('workflow') || '').trim().replace(/^\.github\/workflows\//, '') || null;
    if (mode === 'publish' && workflow === null) {
        problems.push("Input 'workflow' is required when mode is 'publish': the file name of the pull_request workflow whose evidence is trusted (e.g. workflow: ml.yml).");
    }
    else if (workflow !== null && !/^[\w.-]+\.ya?ml$/.test(workflow)) {
        problems.push(`Invalid input 'workflow': expected a workflow file name under .github/workflows (e.g. ml.yml), found '${workflow}'.`);
    }
    const shard = parseShard(problems, getInput('shard'));
    if (mode === 'collect' && shard === null && !problems.some((p) => p.includes("'shard'"))) {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the Actions expression a user writes
        problems.push("Input 'shard' is required when mode is 'collect' (e.g. shard: ${{ matrix.shard }}/4).");
    }
    const shards = positiveInt(problems, 'shards', getInput('shards'), MAX_SHARDS);
    const maxWorkers = positiveInt(problems, 'max-workers', getInput('max-workers'), MAX_WORKERS);
    const token = getInput('github-token');
    const settings = {
        mode,
        workspace: getInput('workspace') || D.workspace,
        configPath: getInput('config') || D.config,
        configInline: getInput('config-inline') || null,
        allowPrConfig: bool(problems, 'allow-pr-config', getInput('allow-pr-config')),
        baseline,
        artifactName: projectArtifactName,
        retentionDays: positiveInt(problems, 'retention-days', getInput('retention-days'), 400),
        token,
        comment: oneOf(problems, 'comment', getInput('comment'), ['always', 'on-change', 'on-failure', 'off'], D.comment),
        commentAs: oneOf(problems, 'comment-as', getInput('comment-as'), ['comment', 'review'], D['comment-as']),
        commentAuthor: (getInput('comment-author') || D['comment-author']).trim(),
        workflow,
        failOn: oneOf(problems, 'fail-on', getInput('fail-on'), ['fail', 'warn', 'never'], D['fail-on']),
        project,
        run: getInput('run') || null,
        maxBaselineRuns: positiveInt(problems, 'max-baseline-runs', getInput('max-baseline-runs'), 100) ??
            Number(D['max-baseline-runs']),
        upload: bool(problems, 'upload', getInput('upload')),
        environment,
        force: bool(problems, 'force', getInput('force')),
        maxLineBytes: positiveInt(problems, 'max-line-bytes', getInput('max-line-bytes'), 2 ** 31 - 1),
        maxJsonDepth: positiveInt(problems, 'max-json-depth', getInput('max-json-depth'), 10_000),
        shard,
        shards,
        maxWorkers,
    };
    if (problems.length > 0)
        throw new SettingsError(problems);
    return settings;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/zip/safe-unzip.ts






const DEFAULT_UNZIP_LIMITS = {
    maxEntries: 20_000,
    maxEntryBytes: 1024 * 1024 * 1024,
    maxTotalBytes: 4 * 1024 * 1024 * 1024 - 1,
    maxRatio: 200,
    ratioFloorBytes: 1024 * 1024,
};
class ZipArchiveError extends Error {
    code;
    entry;
    name = 'ZipArchiveError';
    constructor(code, message, entry) {
        super(message);
        this.code = code;
        this.entry = entry;
    }
}
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_CENTRAL_DIRECTORY_BYTES = 64 * 1024 * 1024;
const HOST_UNIX = 3;
const HOST_MACOS = 19;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const MSDOS_DIRECTORY = 0x10;
function corrupt(message, entry) {
    return new ZipArchiveError('corrupt', message, entry);
}
async function readExactly(file, position, length) {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    if (bytesRead !== length)
        throw corrupt(`unexpected end of archive at byte ${position}`);
    return buffer;
}
async function findEndOfCentralDirectory(file, fileSize) {
    if (fileSize < EOCD_SIZE)
        throw corrupt(`archive is ${fileSize} bytes, too small to be a zip`);
    const tailLength = Math.min(fileSize, EOCD_SIZE + 0xffff);
    const tailStart = fileSize - tailLength;
    const tail = await readExactly(file, tailStart, tailLength);
    for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
        if (tail.readUInt32LE(i) !== SIG_EOCD)
            continue;
        const commentLength = tail.readUInt16LE(i + 20);
        if (i + EOCD_SIZE + commentLength !== tailLength)
            continue;
        return { offset: tailStart + i, record: tail.subarray(i, i + EOCD_SIZE) };
    }
    throw corrupt('end-of-central-directory record not found (not a zip, or truncated)');
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Returns the normalised relative path, or a reason to refuse the name. */
function normaliseName(raw) {
    if (raw.length === 0)
        return { reason: 'empty entry name' };
    if (raw.includes('\0'))
        return { reason: 'entry name contains a NUL byte' };
    if (raw.includes('\\'))
        return { reason: 'entry name contains a backslash (Windows path separator)' };
    if (raw.startsWith('/'))
        return { reason: 'absolute path' };
    if (/^[A-Za-z]:/.test(raw))
        return { reason: 'absolute path with a drive letter' };
    const segments = raw.replace(/\/$/, '').split('/');
    const kept = [];
    for (const segment of segments) {
        if (segment === '..')
            return { reason: 'path traversal (..)' };
        if (segment === '')
            return { reason: 'empty path segment' };
        if (segment !== '.')
            kept.push(segment);
    }
    if (kept.length === 0)
        return { reason: 'entry name resolves to the destination itself' };
    return { relative: kept.join('/') };
}
function classifyType(versionMadeBy, externalAttributes) {
    const host = versionMadeBy >>> 8;
    if (host === HOST_UNIX || host === HOST_MACOS) {
        const type = (externalAttributes >>> 16) & S_IFMT;
        if (type === S_IFLNK)
            return 'symbolic link';
        if (type === S_IFDIR)
            return 'directory';
        if (type !== 0 && type !== S_IFREG)
            return `special file (mode ${type.toString(8)})`;
    }
    if ((externalAttributes & MSDOS_DIRECTORY) !== 0)
        return 'directory';
    return 'file';
}
function parseCentralDirectory(directory, declaredCount) {
    const entries = [];
    let at = 0;
    for (let index = 0; index < declaredCount; index++) {
        if (at + CENTRAL_SIZE > directory.length || directory.readUInt32LE(at) !== SIG_CENTRAL) {
            throw corrupt(`central directory entry ${index} has a bad signature`);
        }
        const versionMadeBy = directory.readUInt16LE(at + 4);
        const flags = directory.readUInt16LE(at + 8);
        const method = directory.readUInt16LE(at + 10);
        const crc = directory.readUInt32LE(at + 16);
        const compressedSize = directory.readUInt32LE(at + 20);
        const uncompressedSize = directory.readUInt32LE(at + 24);
        const nameLength = directory.readUInt16LE(at + 28);
        const extraLength = directory.readUInt16LE(at + 30);
        const commentLength = directory.readUInt16LE(at + 32);
        const diskStart = directory.readUInt16LE(at + 34);
        const externalAttributes = directory.readUInt32LE(at + 38);
        const localOffset = directory.readUInt32LE(at + 42);
        const end = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
        if (end > directory.length)
            throw corrupt(`central directory entry ${index} runs past the directory`);
        const nameBytes = directory.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
        at = end;
        let rawName;
        try {
            rawName = utf8.decode(nameBytes);
        }
        catch {
            entries.push(rejectedEntry(nameBytes.toString('latin1'), 'entry name is not valid UTF-8'));
            continue;
        }
        if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
            throw new ZipArchiveError('unsupported', 'ZIP64 archives are not supported', rawName);
        }
        if (diskStart !== 0)
            throw new ZipArchiveError('unsupported', 'multi-disk archives are not supported');
        const type = classifyType(versionMadeBy, externalAttributes);
        const entry = {
            rawName,
            nameBytes: Buffer.from(nameBytes),
            flags,
            method,
            crc,
            compressedSize,
            uncompressedSize,
            localOffset,
            isDirectory: type === 'directory' || rawName.endsWith('/'),
        };
        if (type !== 'file' && type !== 'directory')
            entry.rejection = type;
        else if ((flags & 0x1) !== 0)
            entry.rejection = 'encrypted entry';
        else if (method !== 0 && method !== 8)
            entry.rejection = `unsupported compression method ${method}`;
        entries.push(entry);
    }
    if (at !== directory.length)
        throw corrupt('central directory size does not match its entries');
    return entries;
}
function rejectedEntry(rawName, rejection) {
    return {
        rawName,
        nameBytes: Buffer.alloc(0),
        flags: 0,
        method: 0,
        crc: 0,
        compressedSize: 0,
        uncompressedSize: 0,
        localOffset: 0,
        isDirectory: false,
        rejection,
    };
}
/** Decides, before writing anything, which entries are extracted. */
function screenEntries(entries, limits) {
    const fileKeys = new Map();
    const directoryKeys = new Set();
    const keyOf = (relative) => relative.normalize('NFC').toLowerCase();
    let total = 0;
    for (const entry of entries) {
        if (entry.rejection)
            continue;
        const normalised = normaliseName(entry.rawName);
        if ('reason' in normalised) {
            entry.rejection = normalised.reason;
            continue;
        }
        const key = keyOf(normalised.relative);
        const parents = normalised.relative.split('/').slice(0, -1);
        const parentKeys = parents.map((_, i) => keyOf(parents.slice(0, i + 1).join('/')));
        const clash = parentKeys.find((p) => fileKeys.has(p));
        if (clash !== undefined) {
            entry.rejection = `path passes through file entry '${fileKeys.get(clash)}'`;
            continue;
        }
        if (entry.isDirectory) {
            if (fileKeys.has(key)) {
                entry.rejection = 'directory entry has the same name as a file entry';
                continue;
            }
            directoryKeys.add(key);
            for (const p of parentKeys)
                directoryKeys.add(p);
            entry.relative = normalised.relative;
            continue;
        }
        if (fileKeys.has(key)) {
            entry.rejection = 'duplicate entry name (case-insensitive)';
            continue;
        }
        if (directoryKeys.has(key)) {
            entry.rejection = 'file entry has the same name as a directory';
            continue;
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) {
            entry.rejection = `declared size ${entry.uncompressedSize} bytes exceeds the per-file cap of ${limits.maxEntryBytes}`;
            continue;
        }
        if (entry.uncompressedSize > limits.ratioFloorBytes &&
            entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxRatio) {
            entry.rejection = `compression ratio above ${limits.maxRatio}:1 (possible decompression bomb)`;
            continue;
        }
        if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
            throw corrupt('stored entry has different compressed and uncompressed sizes', entry.rawName);
        }
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) {
            throw new ZipArchiveError('limit', `archive expands to more than the total cap of ${limits.maxTotalBytes} bytes`, entry.rawName);
        }
        fileKeys.set(key, normalised.relative);
        for (const p of parentKeys)
            directoryKeys.add(p);
        entry.relative = normalised.relative;
    }
}
/** Counts and checksums inflated bytes and stops the stream the moment it exceeds the declared size. */
class Verifier extends external_node_stream_.Transform {
    declaredSize;
    entryName;
    bytes = 0;
    crc = 0;
    constructor(declaredSize, entryName) {
        super();
        this.declaredSize = declaredSize;
        this.entryName = entryName;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.declaredSize) {
            callback(corrupt(`inflates beyond its declared size of ${this.declaredSize} bytes`, this.entryName));
            return;
        }
        this.crc = (0,external_node_zlib_.crc32)(chunk, this.crc);
        callback(null, chunk);
    }
}
async function assertEmptyDestination(destination) {
    await (0,promises_.mkdir)(destination, { recursive: true });
    const existing = await (0,promises_.readdir)(destination);
    if (existing.length > 0) {
        throw new Error(`refusing to extract into non-empty directory ${destination}`);
    }
}
/**
 * Extracts `zipPath` into `destination` (created if missing, must be empty).
 * Entries that are unsafe on their own (traversal, absolute, symlink, duplicate, oversized, bomb-like)
 * are skipped and listed in `rejected`; an archive that is corrupt or over the archive-wide limits
 * throws `ZipArchiveError` and leaves no extracted files behind.
 */
async function safeUnzip(zipPath, destination, limitOverrides = {}) {
    const limits = { ...DEFAULT_UNZIP_LIMITS, ...limitOverrides };
    const root = external_node_path_default().resolve(destination);
    const file = await (0,promises_.open)(zipPath, 'r');
    let entries;
    let centralOffset;
    try {
        const { size } = await file.stat();
        const eocd = await findEndOfCentralDirectory(file, size);
        const diskNumber = eocd.record.readUInt16LE(4);
        const entriesOnDisk = eocd.record.readUInt16LE(8);
        const entryCount = eocd.record.readUInt16LE(10);
        const centralSize = eocd.record.readUInt32LE(12);
        centralOffset = eocd.record.readUInt32LE(16);
        if (entryCount === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
            throw new ZipArchiveError('unsupported', 'ZIP64 archives are not supported');
        }
        if (diskNumber !== 0 || entriesOnDisk !== entryCount) {
            throw new ZipArchiveError('unsupported', 'multi-disk archives are not supported');
        }
        if (entryCount > limits.maxEntries) {
            throw new ZipArchiveError('limit', `archive declares ${entryCount} entries, cap is ${limits.maxEntries}`);
        }
        if (centralOffset + centralSize > eocd.offset)
            throw corrupt('central directory lies outside the archive');
        if (centralSize > MAX_CENTRAL_DIRECTORY_BYTES) {
            throw new ZipArchiveError('limit', `central directory of ${centralSize} bytes is implausibly large`);
        }
        entries = parseCentralDirectory(await readExactly(file, centralOffset, centralSize), entryCount);
    }
    finally {
        await file.close();
    }
    screenEntries(entries, limits);
    await assertEmptyDestination(root);
    const written = [];
    const files = [];
    const rejected = [];
    // Each entry's data must end before the next entry starts; overlapping entries are a bomb technique.
    const boundaries = [...new Set(entries.filter((e) => !e.rejection).map((e) => e.localOffset))].sort((a, b) => a - b);
    const nextBoundary = (offset) => boundaries.find((b) => b > offset) ?? centralOffset;
    const handle = await (0,promises_.open)(zipPath, 'r');
    try {
        for (const entry of entries) {
            if (entry.rejection || entry.relative === undefined) {
                rejected.push({ name: entry.rawName, reason: entry.rejection ?? 'rejected' });
                continue;
            }
            const target = external_node_path_default().resolve(root, ...entry.relative.split('/'));
            if (target !== root && !target.startsWith(root + (external_node_path_default()).sep)) {
                rejected.push({ name: entry.rawName, reason: 'resolves outside the destination' });
                continue;
            }
            if (entry.isDirectory) {
                await (0,promises_.mkdir)(target, { recursive: true });
                continue;
            }
            const header = await readExactly(handle, entry.localOffset, LOCAL_SIZE);
            if (header.readUInt32LE(0) !== SIG_LOCAL)
                throw corrupt('local file header has a bad signature', entry.rawName);
            const nameLength = header.readUInt16LE(26);
            const extraLength = header.readUInt16LE(28);
            const localName = await readExactly(handle, entry.localOffset + LOCAL_SIZE, nameLength);
            if (!localName.equals(entry.nameBytes)) {
                throw corrupt('local header name differs from the central directory', entry.rawName);
            }
            const dataStart = entry.localOffset + LOCAL_SIZE + nameLength + extraLength;
            if (dataStart + entry.compressedSize > nextBoundary(entry.localOffset)) {
                throw corrupt('entry data overlaps the next entry or the central directory', entry.rawName);
            }
            await (0,promises_.mkdir)(external_node_path_default().dirname(target), { recursive: true });
            // 'wx' fails on anything already there, including a symlink planted by an earlier entry.
            const out = await (0,promises_.open)(target, 'wx', 0o644);
            written.push(target);
            const verifier = new Verifier(entry.uncompressedSize, entry.rawName);
            const source = entry.compressedSize === 0
                ? external_node_stream_.Readable.from([])
                : (0,external_node_fs_.createReadStream)(zipPath, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
            try {
                await (0,external_node_stream_promises_.pipeline)(source, entry.method === 8 ? (0,external_node_zlib_.createInflateRaw)() : new external_node_stream_.PassThrough(), verifier, out.createWriteStream());
            }
            catch (error) {
                if (error instanceof ZipArchiveError)
                    throw error;
                throw corrupt(`cannot inflate: ${error.message}`, entry.rawName);
            }
            if (verifier.bytes !== entry.uncompressedSize) {
                throw corrupt(`inflated to ${verifier.bytes} bytes but declares ${entry.uncompressedSize}`, entry.rawName);
            }
            if (verifier.crc >>> 0 !== entry.crc)
                throw corrupt('CRC-32 mismatch', entry.rawName);
            files.push({ name: entry.relative, path: target, size: verifier.bytes });
        }
    }
    catch (error) {
        await Promise.all(written.map((p) => (0,promises_.rm)(p, { force: true })));
        throw error;
    }
    finally {
        await handle.close();
    }
    return { files, rejected };
}

;// CONCATENATED MODULE: ./src/github/artifacts.ts






/**
 * Evidence from a run of untrusted code (a fork's pull request) gets tighter caps than our own
 * runs' evidence: an attacker picks its size and shape.
 */
const UNTRUSTED_ZIP_BYTES = 256 * 1024 * 1024;
const UNTRUSTED_UNZIP_LIMITS = {
    ...DEFAULT_UNZIP_LIMITS,
    maxEntries: 5_000,
    maxEntryBytes: 256 * 1024 * 1024,
    maxTotalBytes: 1024 * 1024 * 1024,
    maxRatio: 100,
};
class ArtifactDigestError extends Error {
    name = 'ArtifactDigestError';
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
class ArtifactUploadError extends Error {
    name = 'ArtifactUploadError';
}
/** Every regular file under `rootDir` (hidden ones included, symlinks excluded), sorted. */
async function listWorkspaceFiles(rootDir) {
    const root = external_node_path_default().resolve(rootDir);
    const entries = await (0,promises_.readdir)(root, { recursive: true, withFileTypes: true });
    return entries
        .filter((entry) => entry.isFile())
        .map((entry) => external_node_path_default().join(entry.parentPath, entry.name))
        .sort();
}
function isDuplicateNameError(error) {
    const message = error instanceof Error ? error.message : String(error);
    return /\(409\)|already exists/i.test(message);
}
class ArtifactTransfer {
    github;
    artifactClient;
    /**
     * @param github REST client for cross-run downloads.
     * @param artifactClient defaults to `@actions/artifact`'s DefaultArtifactClient, loaded on first upload so
     *   that merely importing this module does not pull the toolkit's import-time environment reads.
     */
    constructor(github, artifactClient) {
        this.github = github;
        this.artifactClient = artifactClient;
    }
    async client() {
        if (!this.artifactClient) {
            const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(30), __webpack_require__.e(351), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935));
            this.artifactClient = new DefaultArtifactClient();
        }
        return this.artifactClient;
    }
    /**
     * Uploads `files` (default: every file under `rootDir`) as artifact `name`, with zip paths relative to
     * `rootDir`. Artifact names are unique per run, so on a re-run attempt the earlier artifact is deleted
     * and the upload repeated (what upload-artifact's `overwrite: true` does); the new one gets a new id.
     */
    async uploadWorkspace(name, rootDir, files, retentionDays) {
        const root = external_node_path_default().resolve(rootDir);
        const absolute = (files ?? (await listWorkspaceFiles(root))).map((file) => external_node_path_default().resolve(root, file));
        if (absolute.length === 0)
            throw new ArtifactUploadError(`no files to upload under ${root}`);
        for (const file of absolute) {
            if (!file.startsWith(root + (external_node_path_default()).sep)) {
                throw new ArtifactUploadError(`${file} is not inside the workspace root ${root}`);
            }
            const stat = await (0,promises_.lstat)(file).catch(() => undefined);
            if (!stat?.isFile())
                throw new ArtifactUploadError(`${file} is not a regular file`);
        }
        const client = await this.client();
        let replacedArtifactId;
        let response;
        try {
            response = await client.uploadArtifact(name, absolute, root, retentionDays === undefined ? {} : { retentionDays });
        }
        catch (error) {
            if (!isDuplicateNameError(error))
                throw uploadFailure(name, error);
            try {
                replacedArtifactId = (await client.deleteArtifact(name)).id;
                response = await client.uploadArtifact(name, absolute, root, retentionDays === undefined ? {} : { retentionDays });
            }
            catch (retryError) {
                throw uploadFailure(name, retryError);
            }
        }
        if (response.id === undefined) {
            throw new ArtifactUploadError(`artifact '${name}' was uploaded but the service returned no id`);
        }
        return {
            id: response.id,
            size: response.size ?? 0,
            digest: response.digest,
            files: absolute.length,
            replacedArtifactId,
        };
    }
    /**
     * Downloads artifact `artifactId` (any run of this repository) and extracts it safely into
     * `destination`, which must be empty or absent. Throws ArtifactExpiredError (410), GitHub errors, or
     * ZipArchiveError for a corrupt archive; unsafe entries are skipped and listed in `rejected`.
     * `trusted: false` (a fork's evidence) applies the tighter UNTRUSTED_* caps; `digest` (GitHub's
     * `sha256:<hex>` of the zip, when it gives one) must match what was downloaded.
     */
    async downloadArtifact(artifactId, destination, options = {}) {
        const untrusted = options.trusted === false;
        const maxZipBytes = options.maxZipBytes ?? (untrusted ? UNTRUSTED_ZIP_BYTES : undefined);
        const limits = untrusted ? { ...UNTRUSTED_UNZIP_LIMITS, ...options.limits } : options.limits;
        const scratch = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'contexta-artifact-'));
        try {
            const zipPath = external_node_path_default().join(scratch, `${artifactId}.zip`);
            const { bytes } = await this.github.downloadArtifactZip(artifactId, zipPath, {
                ...(maxZipBytes === undefined ? {} : { maxBytes: maxZipBytes }),
            });
            const expected = /^sha256:([0-9a-f]{64})$/i.exec(options.digest ?? '')?.[1]?.toLowerCase();
            if (expected) {
                const actual = await sha256File(zipPath);
                if (actual !== expected) {
                    throw new ArtifactDigestError(`artifact ${artifactId} does not match its digest: GitHub recorded sha256:${expected}, the download is sha256:${actual}`);
                }
            }
            const extracted = await safeUnzip(zipPath, destination, limits);
            return { ...extracted, directory: external_node_path_default().resolve(destination), zipBytes: bytes };
        }
        finally {
            await (0,promises_.rm)(scratch, { recursive: true, force: true });
        }
    }
}
function uploadFailure(name, error) {
    const message = error instanceof Error ? error.message : String(error);
    return new ArtifactUploadError(`uploading artifact '${name}' failed: ${message}`);
}

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
const normal_D = [
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
    const z = r <= SPLIT2 ? ratio(C, normal_D, r - CONST2) : ratio(E, F, r - SPLIT2);
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
            notes.push(`${this.weightedLabels.length} metric series had no per-sample outcomes to recompute them from and are per-shard values weighted by each shard's sample count: ${listed(this.weightedLabels)}`);
        }
        if (this.equalLabels.length > 0) {
            notes.push(`${this.equalLabels.length} of those had no sample count in some shard, which then weighed as one: ${listed(this.equalLabels)}`);
        }
        return {
            source: { kind: this.kind, root: this.plan.root, workspaces: this.workspaces },
            projects,
            // Each shard's gaps are bounded already; many shards repeating one kind are bounded again.
            gaps: summariseGaps(this.gaps),
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
            for (const series of shareColumns([...s.columns.values()].map((c) => c.finish())))
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
function listed(labels) {
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
    const parsed = json_text_parseJsonText(text, ctx.maxDepth);
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
                message: `${rel}: ${outOfRangeText(first, parsed.outOfRange.length)}; that value is not used`,
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
function schema_describeIssues(error) {
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
            invalid ??= { file, reason: schema_describeIssues(parsed.error) };
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
            message: `${file} is not a usable metalab run record: ${schema_describeIssues(parsed.error)}`,
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
                message: `${file} is not a name → value object (${schema_describeIssues(parsed.error)}); its derived metrics are not read`,
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
                    message: `${file} is not a metalab result ({data, metadata, …}): ${schema_describeIssues(parsed.error)}`,
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
            message: `artifacts[${index}] of run ${runId} is not an artifact descriptor: ${schema_describeIssues(parsed.error)}`,
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
                message: `${file} is not a metalab store marker: ${schema_describeIssues(parsed.error)}`,
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

;// CONCATENATED MODULE: ./src/action/artifact-evidence.ts
/**
 * An evidence artifact of an earlier job, downloaded into a fresh folder and read like a workspace.
 * The baseline and the shards of a run both come this way; entries our extractor refused stay
 * visible as gaps, so a partly extracted artifact never reads as complete evidence.
 */


/**
 * Empties `dir`, extracts the artifact into it and reads it. `what` names the artifact in the gap of a
 * refused entry ("baseline artifact", "artifact"). Expired artifacts and unusable zips throw
 * (`ArtifactExpiredError`, `ZipArchiveError`) for the caller to turn into its own problem text.
 */
async function openArtifactEvidence(transfer, artifact, dir, read, what) {
    await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
    const extracted = await transfer.downloadArtifact(artifact.id, dir);
    const evidence = await openEvidence(dir, read);
    for (const rejected of extracted.rejected) {
        evidence.gaps.push({
            code: 'file_unreadable',
            severity: 'warning',
            file: rejected.name,
            message: `${what} entry '${rejected.name}' was not extracted: ${rejected.reason}`,
        });
    }
    return evidence;
}

;// CONCATENATED MODULE: ./src/action/shards.ts
/**
 * The shards of one workflow run: the artifacts `mode: collect` jobs uploaded, found by name,
 * downloaded one at a time and merged into one run (sources/shards.ts). What the listing says about
 * the set — an artifact of another shard count, one that expired, one that cannot be extracted —
 * becomes an error gap naming the shard, so a verdict never silently rests on part of the matrix.
 */







function shardArtifactName(base, index, of) {
    return `${base}-shard-${index}-of-${of}`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** `<base>-shard-<i>-of-<n>` → {index, of}; null for any other name. */
function parseShardArtifactName(base, name) {
    const match = new RegExp(`^${escapeRegExp(base)}-shard-(\\d+)-of-(\\d+)$`).exec(name);
    return match ? { index: Number(match[1]), of: Number(match[2]) } : null;
}
/**
 * The merged evidence of every `<base>-shard-*-of-<expected>` artifact of the run. Re-run attempts
 * leave one artifact per name (an upload replaces its own name); when several remain, the newest is
 * the shard and the older ones are earlier attempts, not duplicates.
 */
async function readRunShards(source, run, base, expected, side) {
    const artifacts = await source.github.listRunArtifacts(run.runId);
    const newestByName = new Map();
    for (const a of artifacts) {
        const seen = newestByName.get(a.name);
        if (!seen || a.id > seen.id)
            newestByName.set(a.name, a);
    }
    const problems = new Map();
    const shards = [];
    const merger = new ShardMerger({
        expected,
        sha: run.sha,
        side,
        root: `the ${side} shards of run ${run.runId}`,
        describeMissing: (i) => problems.get(i) ?? `run ${run.runId} has no artifact '${shardArtifactName(base, i, expected)}'`,
    });
    for (const artifact of newestByName.values()) {
        const claim = parseShardArtifactName(base, artifact.name);
        if (!claim)
            continue;
        if (claim.of !== expected) {
            merger.reject('shard_unexpected', `shard:${claim.index}`, `${side} artifact '${artifact.name}' of run ${run.runId} is shard ${claim.index} of ${claim.of}, but shards: ${expected} was given; it was not merged — the matrix and the gate job must agree on the number of shards`);
            continue;
        }
        if (artifact.expired) {
            problems.set(claim.index, `artifact '${artifact.name}' of run ${run.runId} has expired`);
            continue;
        }
        shards.push({ index: claim.index, artifact });
    }
    shards.sort((a, b) => a.index - b.index || a.artifact.id - b.artifact.id);
    const transfer = new ArtifactTransfer(source.github);
    for (const { index, artifact } of shards) {
        const dir = external_node_path_default().join(source.workDir, `${side}-${artifact.id}`);
        try {
            const evidence = await openArtifactEvidence(transfer, artifact, dir, source.read, 'artifact');
            merger.add({
                index,
                label: artifact.name,
                evidence,
                sha: artifact.workflow_run?.head_sha ?? null,
            });
        }
        catch (error) {
            if (!(error instanceof ArtifactExpiredError || error instanceof ZipArchiveError))
                throw error;
            problems.set(index, `artifact '${artifact.name}' (${artifact.id}) could not be read: ${error.message}`);
        }
        finally {
            await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
        }
    }
    return merger.finish();
}
/**
 * The candidate of a `shards: <n>` gate job: the shard artifacts of this workflow run. Without a
 * token (or on GHES) nothing can be listed, and every shard is reported missing with the reason.
 */
async function readCurrentShards(settings, ctx, github, scratch) {
    const expected = settings.shards ?? 1;
    if (!github || ctx.isGhes) {
        const why = ctx.isGhes
            ? 'GitHub Enterprise Server has no artifact service for actions'
            : "no 'github-token' was given to list this run's artifacts";
        return new ShardMerger({
            expected,
            side: 'candidate',
            root: `the shards of run ${ctx.runId}`,
            describeMissing: () => why,
        }).finish();
    }
    // The run's own head commit, which is what its artifacts record (for a pull request, the head of
    // the PR rather than the merge commit in GITHUB_SHA).
    const sha = (await github.getWorkflowRun(ctx.runId)).head_sha;
    return readRunShards({ github, workDir: external_node_path_default().join(scratch.workDir, 'shards'), read: scratch.read }, { runId: ctx.runId, sha }, settings.artifactName, expected, 'candidate');
}

;// CONCATENATED MODULE: ./src/action/collect.ts
/**
 * Chooses which files of a workspace go into the evidence artifact. Only what a later run needs to
 * gate against is uploaded: records, capture cache, ledger, artifact bindings and metalab run
 * records. Artifact bodies (model files, checkpoints) and logs stay behind, and symlinks are never
 * followed, so a job cannot smuggle files from elsewhere on the runner into an artifact.
 */


const DEFAULT_COLLECT_LIMITS = {
    maxFileBytes: 512 * 1024 * 1024,
    maxTotalBytes: 2 * 1024 * 1024 * 1024,
};
/** Workspace-relative POSIX paths that are evidence (Contexta and metalab layouts, at any depth). */
const EVIDENCE_PATTERNS = [
    /(^|\/)records\/manifest\.json$/,
    /(^|\/)records\/segments\/segment-\d+\.jsonl$/,
    /(^|\/)cache\/capture\/[a-z_]+\.jsonl$/,
    /(^|\/)metadata\/ledger\.db(\.wal)?$/,
    /(^|\/)artifacts\/bindings\/[^/]+\.binding\.json$/,
    /(^|\/)_meta\.json$/,
    /(^|\/)runs\/[0-9a-f]+\.json$/,
    /(^|\/)derived\/[0-9a-f]+\.json$/,
    /(^|\/)results\/[0-9a-f]+\/[^/]+\.json$/,
    /(^|\/)artifacts\/[0-9a-f]+\/_manifest\.json$/,
    /(^|\/)experiments\/[^/]+\.json$/,
];
function isEvidencePath(relative) {
    if (/\.tmp\.[0-9a-f]+/.test(relative))
        return false;
    return EVIDENCE_PATTERNS.some((pattern) => pattern.test(relative));
}
async function collectEvidenceFiles(root, limits = DEFAULT_COLLECT_LIMITS) {
    const result = { files: [], totalBytes: 0, skipped: [] };
    const pending = [''];
    const candidates = [];
    while (pending.length > 0) {
        const dir = pending.pop();
        const entries = await external_node_fs_.promises.readdir(external_node_path_default().join(root, dir), { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
            if (entry.isSymbolicLink()) {
                result.skipped.push({ file: rel, reason: 'symlink (not followed)' });
            }
            else if (entry.isDirectory()) {
                if (entry.name !== 'node_modules' && entry.name !== '.git')
                    pending.push(rel);
            }
            else if (entry.isFile() && isEvidencePath(rel)) {
                const stat = await external_node_fs_.promises.stat(external_node_path_default().join(root, rel)).catch(() => null);
                if (stat)
                    candidates.push({ rel, size: stat.size });
            }
        }
    }
    candidates.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    for (const { rel, size } of candidates) {
        if (size > limits.maxFileBytes) {
            result.skipped.push({ file: rel, reason: `larger than ${limits.maxFileBytes} bytes` });
        }
        else if (result.totalBytes + size > limits.maxTotalBytes) {
            result.skipped.push({
                file: rel,
                reason: `artifact size cap of ${limits.maxTotalBytes} bytes reached`,
            });
        }
        else {
            result.files.push(external_node_path_default().join(root, rel));
            result.totalBytes += size;
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/action/upload.ts
/**
 * Uploads the evidence of this job as a workflow artifact, so later runs can use it as their
 * baseline. A failed upload never fails the gate: it is reported, because this run's own verdict
 * does not depend on it.
 */



async function uploadEvidence(workspace, settings, ctx, github, 
/** Files the job wrote inside the workspace for later runs (`history.jsonl`). */
extraFiles = []) {
    if (ctx.isGhes) {
        return {
            artifactId: null,
            note: 'The evidence was not uploaded: GitHub Enterprise Server has no artifact service for actions.',
        };
    }
    const collected = await collectEvidenceFiles(workspace);
    collected.files.push(...extraFiles.filter((file) => !collected.files.includes(file)));
    for (const skipped of collected.skipped)
        core/* info */.pq(`contexta/gate: not uploaded: ${skipped.file} (${skipped.reason})`);
    if (collected.files.length === 0)
        return { artifactId: null, note: 'No evidence files to upload.' };
    try {
        const transfer = new ArtifactTransfer(github);
        const uploaded = await transfer.uploadWorkspace(settings.artifactName, workspace, collected.files, settings.retentionDays ?? undefined);
        const replaced = uploaded.replacedArtifactId
            ? ` (replacing ${uploaded.replacedArtifactId} of an earlier attempt)`
            : '';
        core/* info */.pq(`contexta/gate: uploaded ${uploaded.files} evidence files as '${settings.artifactName}' (${uploaded.id})${replaced}`);
        const capped = collected.skipped.filter((s) => s.reason.includes('cap') || s.reason.includes('larger'));
        return {
            artifactId: uploaded.id,
            note: capped.length > 0
                ? `${capped.length} evidence file(s) were too large to upload; later runs will see an incomplete baseline.`
                : null,
        };
    }
    catch (error) {
        core/* warning */.$e(`contexta/gate: the evidence artifact could not be uploaded: ${error.message}`);
        return {
            artifactId: null,
            note: `The evidence artifact could not be uploaded: ${error.message}`,
        };
    }
}

;// CONCATENATED MODULE: ./src/action/collect-flow.ts
/**
 * `mode: collect` — one job of a matrix: upload this shard's workspace under its shard name for the
 * gate job (`shards: <n>`) to merge. Nothing is gated or commented here: a verdict over one shard
 * is not the run's verdict. A shard that cannot be uploaded fails its job, and the gate job then
 * reports the shard as missing.
 */





async function runCollectFlow(settings, ctx, github) {
    const shard = settings.shard;
    if (!shard)
        throw new SettingsError(["Input 'shard' is required when mode is 'collect' (e.g. 2/4)."]);
    if (!github)
        throw new SettingsError(["mode: collect needs 'github-token' to upload the shard."]);
    const name = shardArtifactName(settings.artifactName, shard.index, shard.of);
    const workspace = external_node_path_default().resolve(ctx.workspaceDir, settings.workspace);
    const uploaded = await uploadEvidence(workspace, { ...settings, artifactName: name }, ctx, github);
    if (uploaded.artifactId === null) {
        core/* setFailed */.C1(`contexta/gate: shard ${shard.index} of ${shard.of} was not uploaded (${uploaded.note ?? 'no artifact'}); the gate job will report it missing`);
        return;
    }
    if (uploaded.note)
        core/* warning */.$e(`contexta/gate: ${uploaded.note}`);
    core/* info */.pq(`contexta/gate: shard ${shard.index} of ${shard.of} collected as '${name}'; the gate job merges it`);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
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
function config_diagnostics_valueAt(root, path) {
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
        const value = config_diagnostics_valueAt(this.data, path);
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

;// CONCATENATED MODULE: ./src/compare/glob.ts
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

;// CONCATENATED MODULE: ./src/gates/metric-selector.ts

/**
 * Whether a metric of `stage` (null for a run-level metric) with `key` is selected. `*` as the stage
 * also selects run-level metrics (metalab runs have nothing else); `run` selects run-level metrics and
 * a stage literally named `run`.
 */
function matchesSelector(selector, stage, key) {
    if (!globMatch(selector.key, key))
        return false;
    if (selector.stage === '*')
        return true;
    if (stage === null)
        return selector.stage === 'run';
    return globMatch(selector.stage, stage);
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
const config_schema_positiveInt = (description) => schemas/* int */.Whr(expected('a whole number ≥ 1')).min(1, expected('a whole number ≥ 1')).describe(description);
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
    min_pairs: config_schema_positiveInt('Fewest paired samples a row needs for a significance decision; below it the row is unknown.').default(10),
    min_samples: config_schema_positiveInt('Default minimum samples per compared unit or slice.').default(30),
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
    min_samples: config_schema_positiveInt('Minimum samples per compared unit or slice (default policy.min_samples).').optional(),
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

;// CONCATENATED MODULE: ./src/action/config-source.ts
/**
 * Where the gate config comes from. On a pull request the config is read from the base branch by
 * default: a PR must not be able to weaken its own gate by editing the YAML it is judged by.
 */




class ConfigLoadError extends Error {
    name = 'ConfigLoadError';
}
function unwrap(result, source) {
    if (!result.ok) {
        throw new ConfigLoadError(`The gate config is invalid (${source}):\n${result.errors.map((error) => `  ${formatConfigError(error)}`).join('\n')}`);
    }
    return { config: result.config, source, warnings: result.warnings, notices: [] };
}
/** The status code (or message) that names why a read failed, e.g. `503` or `403`. */
function failureReason(error) {
    if (error instanceof GitHubError && error.status !== undefined)
        return String(error.status);
    return error instanceof Error ? error.message : String(error);
}
async function readLocal(file) {
    try {
        return await external_node_fs_.promises.readFile(file);
    }
    catch {
        return null;
    }
}
/** Which branch the config of this event must come from, or null for the checked-out tree. */
function trustedConfigRef(settings, ctx) {
    if (settings.allowPrConfig)
        return null;
    if (ctx.pullRequest)
        return ctx.pullRequest.baseRef;
    if (ctx.mergeGroup)
        return ctx.mergeGroup.baseRef;
    return null;
}
async function loadGateConfig(settings, ctx, github) {
    if (settings.configInline)
        return unwrap(parseConfig(settings.configInline, 'config-inline'), 'inline (config-inline)');
    const ref = trustedConfigRef(settings, ctx);
    if (ref !== null) {
        const where = `base branch ${ref}: ${settings.configPath}`;
        // Fail closed: a config we cannot read is never replaced by the laxer built-in defaults.
        if (!github) {
            throw new ConfigLoadError(`could not read ${settings.configPath} from ${ref}: no github-token to read the base branch with`);
        }
        let content;
        try {
            content = await github.getFileContent(settings.configPath, ref);
        }
        catch (error) {
            throw new ConfigLoadError(`could not read ${settings.configPath} from ${ref}: ${failureReason(error)}. The gate does not fall back to the built-in defaults; re-run the job once GitHub answers${error instanceof GitHubPermissionError ? ' (the token needs contents: read)' : ''}.`);
        }
        const local = ctx.pullRequest
            ? await readLocal(external_node_path_default().resolve(ctx.workspaceDir, settings.configPath))
            : null;
        const changed = local !== null && (content === null || !local.equals(content))
            ? [
                `This pull request ${content === null ? 'adds' : 'changes'} ${settings.configPath}; the change applies after merge (or with allow-pr-config: true). This report uses ${content === null ? 'the built-in default gates' : `the config on ${ref}`}.`,
            ]
            : [];
        if (content === null) {
            return {
                config: DEFAULT_CONFIG,
                source: 'built-in defaults',
                warnings: [`No ${settings.configPath} on ${ref}; using the built-in default gates.`],
                notices: [`No ${settings.configPath} on ${ref}: the built-in default gates apply.`, ...changed],
            };
        }
        const loaded = unwrap(parseConfig(content.toString('utf8'), settings.configPath), where);
        return { ...loaded, notices: changed };
    }
    const file = external_node_path_default().resolve(ctx.workspaceDir, settings.configPath);
    const result = await loadConfigFile(file, { optional: true });
    const headNote = ctx.pullRequest ? ' (the pull request’s own, allow-pr-config: true)' : '';
    const defaults = result.ok && result.config === DEFAULT_CONFIG;
    const loaded = unwrap(result, defaults ? 'built-in defaults' : `${settings.configPath}${headNote}`);
    return defaults
        ? { ...loaded, notices: [`No ${settings.configPath}: the built-in default gates apply.`] }
        : loaded;
}

;// CONCATENATED MODULE: ./src/action/context.ts
/**
 * What the runner tells us about this run: the `GITHUB_*` environment and the event payload, read
 * once and validated. Only the fields we act on are validated; a payload that lacks them turns into
 * a message naming the field instead of an `undefined` deep inside the flow.
 */


const Repo = schemas/* object */.Ikc({ full_name: schemas/* string */.YjP(), fork: schemas/* boolean */.zMY().optional() });
const PullRequestEvent = schemas/* object */.Ikc({
    pull_request: schemas/* object */.Ikc({
        number: schemas/* number */.aig().int().positive(),
        html_url: schemas/* string */.YjP().optional(),
        labels: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP() })).default([]),
        base: schemas/* object */.Ikc({ ref: schemas/* string */.YjP(), sha: schemas/* string */.YjP(), repo: Repo }),
        head: schemas/* object */.Ikc({ ref: schemas/* string */.YjP(), sha: schemas/* string */.YjP(), repo: Repo.nullable() }),
        user: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).optional(),
    }),
});
const MergeGroupEvent = schemas/* object */.Ikc({
    merge_group: schemas/* object */.Ikc({
        head_sha: schemas/* string */.YjP(),
        head_ref: schemas/* string */.YjP(),
        base_sha: schemas/* string */.YjP(),
        base_ref: schemas/* string */.YjP(),
    }),
});
const WorkflowRunEvent = schemas/* object */.Ikc({
    workflow_run: schemas/* object */.Ikc({
        id: schemas/* number */.aig().int().positive(),
        workflow_id: schemas/* number */.aig().int().positive(),
        head_sha: schemas/* string */.YjP(),
        head_branch: schemas/* string */.YjP().nullable(),
        event: schemas/* string */.YjP(),
        conclusion: schemas/* string */.YjP().nullable(),
        html_url: schemas/* string */.YjP().optional(),
        head_repository: Repo.nullable(),
        pull_requests: schemas/* array */.YOg(schemas/* object */.Ikc({ number: schemas/* number */.aig().int() })).default([]),
    }),
});
class ContextError extends Error {
    name = 'ContextError';
}
function required(env, name) {
    const value = env[name];
    if (!value)
        throw new ContextError(`${name} is not set: this step must run inside a GitHub Actions job.`);
    return value;
}
function isGhesUrl(serverUrl) {
    let host;
    try {
        host = new URL(serverUrl).hostname.toLowerCase();
    }
    catch {
        return true;
    }
    return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}
function workflowFileFrom(workflowRef) {
    const match = workflowRef ? /\.github\/workflows\/([^@]+)@/.exec(workflowRef) : null;
    return match ? match[1] : null;
}
function readPayload(path) {
    if (!path)
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        const what = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
        throw new ContextError(`The event payload ${path} (GITHUB_EVENT_PATH) ${what}: ${error.message}. The runner writes this file; re-run the job, and if it persists report it with the workflow's trigger.`);
    }
}
function context_describeIssues(error, what) {
    const first = error.issues[0];
    const field = first ? first.path.join('.') : '';
    return `The ${what} event payload is missing '${field}' (${first?.message ?? 'invalid'}).`;
}
function readRunnerContext(env) {
    const [owner, repo] = required(env, 'GITHUB_REPOSITORY').split('/');
    if (!repo)
        throw new ContextError(`GITHUB_REPOSITORY must be owner/repo, found '${env.GITHUB_REPOSITORY}'.`);
    const eventName = required(env, 'GITHUB_EVENT_NAME');
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const runId = Number(required(env, 'GITHUB_RUN_ID'));
    let pullRequest = null;
    if (eventName === 'pull_request' || eventName === 'pull_request_target') {
        const parsed = PullRequestEvent.safeParse(payload);
        if (!parsed.success)
            throw new ContextError(context_describeIssues(parsed.error, eventName));
        const pr = parsed.data.pull_request;
        const repoFullName = `${owner}/${repo}`;
        pullRequest = {
            number: pr.number,
            baseRef: pr.base.ref,
            baseSha: pr.base.sha,
            headSha: pr.head.sha,
            headRepo: pr.head.repo?.full_name ?? null,
            fromFork: (pr.head.repo?.full_name ?? '') !== repoFullName,
            labels: pr.labels.map((label) => label.name),
            author: pr.user?.login ?? null,
        };
    }
    let mergeGroup = null;
    if (eventName === 'merge_group') {
        const parsed = MergeGroupEvent.safeParse(payload);
        if (!parsed.success)
            throw new ContextError(context_describeIssues(parsed.error, eventName));
        const group = parsed.data.merge_group;
        const prMatch = /\/pr-(\d+)-/.exec(group.head_ref);
        mergeGroup = {
            baseRef: group.base_ref.replace(/^refs\/heads\//, ''),
            baseSha: group.base_sha,
            headSha: group.head_sha,
            prNumber: prMatch ? Number(prMatch[1]) : null,
        };
    }
    let workflowRun = null;
    if (eventName === 'workflow_run') {
        const parsed = WorkflowRunEvent.safeParse(payload);
        if (!parsed.success)
            throw new ContextError(context_describeIssues(parsed.error, eventName));
        workflowRun = parsed.data.workflow_run;
    }
    return {
        owner,
        repo,
        runId,
        runAttempt: Number(env.GITHUB_RUN_ATTEMPT || '1'),
        sha: required(env, 'GITHUB_SHA'),
        ref: env.GITHUB_REF ?? '',
        eventName,
        actor: env.GITHUB_ACTOR ?? '',
        workflowFile: workflowFileFrom(env.GITHUB_WORKFLOW_REF),
        serverUrl,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        runnerTemp: env.RUNNER_TEMP || required(env, 'GITHUB_WORKSPACE'),
        workspaceDir: env.GITHUB_WORKSPACE || process.cwd(),
        isGhes: isGhesUrl(serverUrl),
        pullRequest,
        mergeGroup,
        workflowRun,
        runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
        stepId: env.GITHUB_ACTION ?? '',
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
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

;// CONCATENATED MODULE: ./src/action/duckdb-cache.ts
/**
 * Keeps the job's DuckDB install (the pinned `@duckdb/node-api` that the loader puts into
 * RUNNER_TEMP with `npm install`, 3–10 s and ~70 MB) in the Actions cache across workflow runs, so
 * that only the first job after a version or runner-image change pays for it. Caching only saves
 * time: a miss, a cache service that is down or refuses (4xx/5xx), or a save that fails is a log
 * line, and the loader installs as it did before. `@actions/cache` is imported only when a ledger
 * actually needs DuckDB, so jobs without one neither load it nor talk to the service.
 */


/** One entry per pinned version and per platform the native binding was built for. */
function duckDbCacheKey(target) {
    const libc = target.libc ? `-${target.libc}` : '';
    return `contexta-gate-duckdb-${DUCKDB_NODE_API_VERSION}-${target.platform}-${target.arch}${libc}-node-abi${target.nodeAbi}`;
}
function currentBindingPlatform() {
    let libc = '';
    if (process.platform === 'linux') {
        const report = process.report.getReport();
        libc = report.header?.glibcVersionRuntime ? 'glibc' : 'musl';
    }
    return { platform: process.platform, arch: process.arch, libc, nodeAbi: process.versions.modules };
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
class ActionsCacheStore {
    saving = null;
    usable = false;
    installStartedAt = 0;
    cacheKey = null;
    /** Computed on first use: reading the libc costs a process report, which most jobs never need. */
    get key() {
        this.cacheKey ??= duckDbCacheKey(currentBindingPlatform());
        return this.cacheKey;
    }
    async restore(dir) {
        const started = performance.now();
        try {
            const cache = await Promise.all(/* import() */[__webpack_require__.e(30), __webpack_require__.e(692)]).then(__webpack_require__.bind(__webpack_require__, 45692));
            this.usable = cache.isFeatureAvailable();
            if (!this.usable) {
                core/* info */.pq('contexta/gate: the Actions cache is not available to this job (no cache service URL): installing DuckDB with npm');
            }
            else {
                const hit = await cache.restoreCache([dir], this.key);
                if (hit !== undefined) {
                    core/* info */.pq(`contexta/gate: DuckDB restored from the Actions cache (key ${hit}) in ${seconds(performance.now() - started)}`);
                    return true;
                }
                core/* info */.pq(`contexta/gate: DuckDB was not restored from the Actions cache (key ${this.key}): installing @duckdb/node-api@${DUCKDB_NODE_API_VERSION} with npm`);
            }
        }
        catch (error) {
            core/* warning */.$e(`contexta/gate: the Actions cache failed (${error.message}): installing DuckDB with npm`);
        }
        this.installStartedAt = performance.now();
        return false;
    }
    installed(dir) {
        core/* info */.pq(`contexta/gate: DuckDB installed in ${seconds(performance.now() - this.installStartedAt)}`);
        if (this.usable)
            this.saving ??= this.save(dir);
    }
    async save(dir) {
        const started = performance.now();
        try {
            const cache = await Promise.all(/* import() */[__webpack_require__.e(30), __webpack_require__.e(692)]).then(__webpack_require__.bind(__webpack_require__, 45692));
            const id = await cache.saveCache([dir], this.key);
            if (id === -1) {
                core/* info */.pq(`contexta/gate: DuckDB was not saved to the Actions cache (key ${this.key}); the cache said why just above`);
            }
            else {
                core/* info */.pq(`contexta/gate: DuckDB saved to the Actions cache (key ${this.key}) in ${seconds(performance.now() - started)}`);
            }
        }
        catch (error) {
            core/* warning */.$e(`contexta/gate: saving DuckDB to the Actions cache failed (${error.message}): the next job installs it again`);
        }
    }
    /** Resolves once a save this store started has ended (it never rejects). */
    async settled() {
        await this.saving;
    }
}
const stores = [];
/** A store for this job; every one made is waited for by `settleDuckDbCaches`. */
function createActionsCacheStore() {
    const store = new ActionsCacheStore();
    stores.push(store);
    return store;
}
/** The save runs beside the gate's own work; the step must not end before it has. */
async function settleDuckDbCaches() {
    await Promise.all(stores.map((store) => store.settled()));
}

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
        if (globMatch(override.pattern, key))
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
    const joint = new SampleNames();
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
const samples_EMPTY = { count: 0, names: [], truncated: false };
/** The names of `rows` of `series`, picked through `at` (indices into `rows`). */
function namesAt(series, rows, at) {
    return Array.from(at, (k) => sampleName(series, rows[k]));
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
    const name = (k) => sampleName(cs, p.candidateRow[k]);
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
    const names = nameList(sampleNames(series));
    const overall = {
        slice: null,
        paired: 0,
        baselineOnly: side === 'baseline' ? names : samples_EMPTY,
        candidateOnly: side === 'candidate' ? names : samples_EMPTY,
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

;// CONCATENATED MODULE: ./src/format/numbers.ts
/**
 * The one place numbers, deltas, percentages, tests, sizes and metric labels are turned into text.
 * The PR comment, the terminal report, gate messages, findings and the CLI all quote values through
 * it, so a change reads the same wherever a reviewer meets it: `0.9618 → 0.8681 by −0.09375 (−9.7%)`,
 * `p = 0.004`, `evaluate/auc@region-apac`. Absent values read "absent", never 0 or an empty cell.
 */
const ABSENT = 'absent';
/** Up to 4 significant digits, thousands separated, exponent only below 0.0001. */
function numbers_formatNumber(value) {
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
function formatSigned(value, magnitude = numbers_formatNumber) {
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
function numbers_formatDifference(delta, relative, magnitude = numbers_formatNumber) {
    const pct = delta === null ? '' : formatPercent(relative);
    return `${formatSigned(delta, magnitude)}${pct ? ` (${pct})` : ''}`;
}
/** `998.4 → 1,178.6 by +180.1 (+18%)`, with the relative change when the baseline is not zero. */
function formatChange(baseline, candidate, magnitude = numbers_formatNumber) {
    const delta = candidate - baseline;
    const relative = baseline === 0 ? null : delta / Math.abs(baseline);
    return `${magnitude(baseline)} → ${magnitude(candidate)} by ${numbers_formatDifference(delta, relative, magnitude)}`;
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
function numbers_formatStatistics(interval, pValue, oneSided = false) {
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
function numbers_metricLabel(stage, key, slice) {
    const base = [stage, key].filter((s) => s !== null).join('/');
    return slice === null ? base : `${base}@${slice}`;
}
/**
 * The metric as a selector or waiver target (`Gate-Waive: <stage>/<metric>`), where a run-level
 * metric needs the `run/` stage to be told apart from a gate name.
 */
function metricTarget(stage, key, slice) {
    return numbers_metricLabel(stage ?? 'run', key, slice);
}
/** Counts: `1,234`. */
function formatCount(value) {
    return value.toLocaleString('en-US');
}

;// CONCATENATED MODULE: ./src/format/phrase.ts
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

;// CONCATENATED MODULE: ./src/format/ranges.ts
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

;// CONCATENATED MODULE: ./src/findings/common.ts



/** Sample names as ranges (`s-0600…s-0637`), capped: a step names what to open, not every sample. */
function names(list) {
    const ranges = nameRanges(list.names, list.count);
    const shown = joinPhrases(ranges.items.map(named), ', ');
    return ranges.more > 0 ? phrase `${shown}, … (+${formatCount(ranges.more)} more)` : shown;
}
function common_prefix(unit, multi) {
    return multi ? phrase `${named(`${unit.comparison.project}/${unit.comparison.unit}`)}: ` : words('');
}
/** A metric row's name, quoted as one name. */
function label(stage, key, slice) {
    return named(numbers_metricLabel(stage, key, slice));
}
/** Names joined by commas, each quoted. */
function common_nameList(items) {
    return joinPhrases(items.map(named), ', ');
}
/** A name, or our word for its absence. */
function optionalName(value, otherwise) {
    return value === null ? words(otherwise) : phrase `${named(value)}`;
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
                parts.push(phrase `degraded record ${named(d.issueKey)}${d.stage ? phrase ` in ${named(d.stage)}` : ''} (${named(d.degradationMarker)}): ${d.summary}`);
            }
            for (const s of partial)
                parts.push(phrase `stage ${named(s.name)}: ${s.partialRecords} of ${s.recordCount} records not complete`);
            const codes = [...new Set(runGaps.map((g) => g.code))];
            if (runGaps.length > 0)
                parts.push(words(`${runGaps.length} evidence gap(s): ${codes.join(', ')}`));
            const stages = [
                ...new Set([...run.degraded.map((d) => d.stage), ...partial.map((s) => s.name)].filter((s) => s !== null)),
            ];
            const nextSteps = [];
            if (stages.length > 0) {
                nextSteps.push(phrase `re-run stage${stages.length > 1 ? 's' : ''} ${common_nameList(stages)} of ${named(run.ref)} to completion and capture its evidence again`);
            }
            const other = codes.filter((c) => !INTEGRITY_CODES.has(c) && c !== 'degraded_record' && c !== 'partial_record');
            if (other.length > 0)
                nextSteps.push(phrase `resolve the evidence gaps (${other.join(', ')}) listed for ${named(run.ref)}`);
            if (codes.some((c) => INTEGRITY_CODES.has(c))) {
                nextSteps.push(words("run Contexta's integrity check on the workspace (repair_truncated_tails, rebuild_indexes)"));
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
                title: phrase `${common_prefix(unit, multi)}${side} evidence of ${named(run.ref)} is degraded`,
                detail: phrase `${joinPhrases(parts.slice(0, 6), '; ')}${parts.length > 6 ? `; and ${parts.length - 6} more` : ''}`,
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
                    ? phrase `${p}unit ${named(unit.comparison.unit)} is new: no baseline unit with these parameters`
                    : phrase `${p}no baseline run for ${named(candidate.ref)}: regressions cannot be judged`,
                detail: words(metalabNew
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
                title: phrase `${p}${baseline.params !== null ? phrase `unit ${named(unit.comparison.unit)}` : phrase `project ${named(unit.comparison.project)}`} has a baseline run but no candidate run`,
                detail: phrase `baseline ${named(baseline.ref)}${replicates ? ` (${replicates})` : ''} has nothing to be compared with`,
                nextSteps: [
                    phrase `run ${named(unit.comparison.unit)} in the candidate job, or remove it on purpose and say so in the PR`,
                ],
            });
        }
        const replicates = failedReplicates(candidate);
        if (candidate && replicates) {
            out.push({
                ...base(unit),
                severity: 'error',
                stage: null,
                title: phrase `${p}unit ${named(unit.comparison.unit)}: candidate replicates did not all succeed (${replicates})`,
                detail: joinPhrases(candidate.metalab.replicates.map((r) => phrase `${named(r.runId)}: ${r.status}`), ', '),
                nextSteps: [
                    phrase `look at the run logs of ${named(unit.comparison.unit)} (logs/<run_id>_run.log) and re-run it`,
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
                title: phrase `${p}stage${removedStages.length > 1 ? 's' : ''} ${common_nameList(removedStages)} of the baseline missing from the candidate`,
                detail: phrase `baseline ${named(baseline.ref)} has ${common_nameList(removedStages)}; candidate ${named(candidate.ref)} does not`,
                nextSteps: [phrase `make the candidate job run ${common_nameList(removedStages)} and capture its evidence`],
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
                title: phrase `${p}${stage === null ? 'run-level' : named(stage)} metrics in the baseline but missing from the candidate: ${listed}${slices > 0 ? ` (+${slices} slice series)` : ''}`,
                detail: joinPhrases(rows
                    .slice(0, 8)
                    .map((r) => phrase `${label(r.stage, r.key, r.slice)} (baseline ${numbers_formatNumber(r.baseline)})`), ', '),
                nextSteps: [
                    phrase `make ${stage === null ? named(candidate.ref) : phrase `stage ${named(stage)} of ${named(candidate.ref)}`} record ${listed} again, then re-run the gate`,
                ],
            });
        }
        for (const s of unit.comparison.samples) {
            if (s.presence === 'baseline_only') {
                out.push({
                    ...base(unit),
                    severity: 'warning',
                    stage: s.stage,
                    title: phrase `${p}per-sample ${label(s.stage, s.key, null)} is in the baseline (${s.overall.baselineOnly.count} samples) but not in the candidate`,
                    detail: words('without per-sample outcomes, regressions of the linked metrics are judged on raw deltas only'),
                    nextSteps: [phrase `record per-sample ${named(s.key)} in stage ${named(s.stage)} again`],
                });
            }
            else if (s.presence === 'both' && s.overall.baselineOnly.count > 0) {
                const total = s.overall.paired + s.overall.baselineOnly.count;
                out.push({
                    ...base(unit),
                    severity: 'warning',
                    stage: s.stage,
                    title: phrase `${p}candidate has ${s.overall.paired} of the baseline's ${total} samples of ${label(s.stage, s.key, null)}`,
                    detail: phrase `${s.overall.baselineOnly.count} baseline samples have no candidate outcome: ${names(s.overall.baselineOnly)}`,
                    nextSteps: [
                        phrase `check why stage ${named(s.stage)} of ${named(candidate.ref)} did not score every sample`,
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
    const where = slice === null ? phrase `of stage ${named(sample.series.stage)}` : phrase `of slice ${named(slice)}`;
    return [
        phrase `inspect the ${failing.count} sample${failing.count === 1 ? '' : 's'} ${where} that newly fail ${named(sample.series.key)}: ${names(failing)}`,
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
        const detail = joinPhrases([
            joinPhrases(rows.map((r) => phrase `${named(r.key)} ${formatChange(r.baseline, r.candidate)}`), '; '),
            test && sample
                ? phrase `${named(sample.series.key)}: ${sample.group.paired} paired samples, ${sample.group.binary.newlyFailing.count} newly failing, ${sample.group.binary.newlyPassing.count} newly passing (McNemar ${formatPValue(test.pValue ?? 1)})`
                : words('no per-sample evidence for this slice'),
        ], '. ');
        const nextSteps = [
            ...newlyFailingStep(sample, slice),
            ...related
                .slice(0, 3)
                .map((m) => phrase `check ${label(m.stage, m.key, m.slice)}: ${formatChange(m.baseline, m.candidate)} — the slice's inputs changed too`),
        ];
        out.push({
            code: 'slice_regression',
            severity: tripped ? 'error' : 'warning',
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            stage,
            metric: worst.key,
            slice,
            title: phrase `${common_prefix(unit, multi)}slice ${named(slice)} regressed in ${stage === null ? 'the run' : named(stage)}: ${named(worst.key)} ${formatChange(worst.baseline, worst.candidate)}`,
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
                title: phrase `${common_prefix(unit, multi)}${label(row.stage, row.key, null)} ${formatChange(row.baseline, row.candidate)} is a significant worsening (${formatPValue(test.pValue)})`,
                detail: phrase `paired on ${named(sample.series.key)}: n = ${test.n}, ${test.discordantWorse ?? 0} newly failing vs ${test.discordantBetter ?? 0} newly passing; the change's ${intervalText(test.interval)}`,
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
                ? `success rate ${formatChange(s.overall.binary.baselineRate, s.overall.binary.candidateRate)}`
                : `mean ${formatChange(s.overall.continuous.baselineMean, s.overall.continuous.candidateMean)}`;
            out.push({
                code: 'significant_regression',
                severity: 'warning',
                project: unit.comparison.project,
                unit: unit.comparison.unit,
                stage: s.stage,
                metric: s.key,
                slice: null,
                title: phrase `${common_prefix(unit, multi)}per-sample ${label(s.stage, s.key, null)} worsened: ${change} (${formatPValue(test.pValue)})`,
                detail: words(`${test.method === 'mcnemar-exact' ? 'McNemar exact test' : `paired bootstrap (${test.resamples} resamples, seed ${test.seed})`} on ${test.n} paired samples; the change's ${intervalText(test.interval)}`),
                nextSteps: s.kind === 'binary'
                    ? newlyFailingStep({ series: s, group: s.overall }, null)
                    : [
                        phrase `review why ${named(s.key)} changed per sample in stage ${named(s.stage)} (${lowerIsBetter(s.direction)})`,
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
    return interval ? formatInterval(interval) : 'interval is not available';
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
                title: phrase `${common_prefix(unit, multi)}artifact ${named(a.kind)} grew ${formatChange(a.baselineSizeBytes, a.candidateSizeBytes, formatBytes)}`,
                detail: phrase `baseline ${optionalName(a.baselineRef, '?')} (${optionalName(a.baselineLocation, 'no location')}), candidate ${optionalName(a.candidateRef, '?')} (${optionalName(a.candidateLocation, 'no location')})`,
                nextSteps: [
                    phrase `check what made the ${named(a.kind)} artifact grow (model size, bundled data, serialisation format)`,
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
            parts.push(phrase `python ${value(env.python.baseline)} → ${value(env.python.candidate)}`);
        if (env.platform?.changed)
            parts.push(phrase `platform ${value(env.platform.baseline)} → ${value(env.platform.candidate)}`);
        for (const pkg of env.packagesChanged.slice(0, 10))
            parts.push(phrase `${named(pkg.name)} ${value(pkg.baseline)} → ${value(pkg.candidate)}`);
        if (env.packagesAdded.length > 0)
            parts.push(phrase `added ${joinPhrases(env.packagesAdded.map((x) => phrase `${named(x.name)} ${value(x.candidate)}`), ', ')}`);
        if (env.packagesRemoved.length > 0)
            parts.push(phrase `removed ${common_nameList(env.packagesRemoved.map((x) => x.name))}`);
        if (env.variableNamesAdded.length + env.variableNamesRemoved.length > 0) {
            parts.push(words(`environment variable names: +${env.variableNamesAdded.length} / −${env.variableNamesRemoved.length}`));
        }
        out.push({
            code: 'environment_changed',
            severity: 'info',
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            stage: null,
            metric: null,
            slice: null,
            title: phrase `${common_prefix(unit, multi)}environment changed: ${joinPhrases(parts.slice(0, 3), '; ')}${parts.length > 3 ? '; …' : ''}`,
            detail: joinPhrases(parts, '; '),
            nextSteps: [words('if metrics moved unexpectedly, check whether the dependency changes explain it')],
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
            title: phrase `${common_prefix(unit, multi)}inputs changed: context fingerprint ${common_nameList(change.baseline)} → ${common_nameList(change.candidate)}; not a like-for-like comparison`,
            detail: phrase `metalab fingerprints the resolved context (data and shared inputs) of every run; baseline and candidate of unit ${named(unit.comparison.unit)} ran on different contexts, so its ${moved} metric change(s) may come from the inputs rather than the code`,
            nextSteps: [
                phrase `re-run the baseline of ${named(unit.comparison.unit)} on the candidate's inputs, or confirm the input change is intended`,
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
function judged_metricKey(project, unit, m) {
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

;// CONCATENATED MODULE: ./src/gates/results.ts
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
    judged.metrics.add(judged_metricKey(unit.comparison.project, unit.comparison.unit, metric));
    const outcome = gapOutcome(policy.missingMetrics);
    if (outcome === null)
        return null;
    const label = numbers_metricLabel(metric.stage, metric.key, metric.slice);
    const nonFinite = metric.candidateNonFinite ?? 0;
    const what = nonFinite > 0
        ? `has no finite value in the candidate (${nonFinite} NaN/Infinity observation(s))`
        : 'is missing from the candidate';
    return check({
        outcome,
        ...seriesFacts(unit, metric),
        subject: MISSING_METRIC,
        baseline,
        reason: `${rows_where(unit, label, multi)} ${what}` +
            (baseline === null ? '' : ` (baseline ${numbers_formatNumber(baseline)})`) +
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
            if (!globMatch(gate.artifact, change.kind))
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
                checks.push(check({ ...ids, outcome: 'unknown', reason: `${label}: size unknown on one side` }));
                continue;
            }
            const pct = change.growthPct;
            const tooMany = gate.maxGrowthBytes !== null && change.growthBytes > gate.maxGrowthBytes;
            const tooMuch = gate.maxGrowthPct !== null && pct !== null && pct > gate.maxGrowthPct;
            const growth = `${numbers_formatNumber(change.baselineSizeBytes)} → ${numbers_formatNumber(change.candidateSizeBytes)} bytes (${formatSigned(change.growthBytes)}${pct === null ? '' : `, ${formatPercent(pct / 100)}`})`;
            checks.push(check({
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
        checks.push(check({
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
            checks.push(check({
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
            judged.metrics.add(judged_metricKey(unit.comparison.project, unit.comparison.unit, { stage: scope.stage, ...m }));
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
    return check({
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
    const row = (subject, text) => check({ ...ids, subject, outcome, reason: rows_where(unit, text, multi) });
    const checks = records.map((record) => row('degraded_record', `${scope.label}: degraded record ${record.issueKey} (${record.degradationMarker}` +
        `${record.severity ? `, ${record.severity}` : ''}): ${record.summary}`));
    if (series.length > 0 && records.length === 0) {
        checks.push(row('degraded_record', `${scope.label}: ${series.length} metric series carry a degradation marker (${series
            .map((m) => numbers_metricLabel(scope.stage, m.key, m.slice))
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
    const degradedOutcome = gapOutcome(gate.degraded);
    const partialOutcome = gapOutcome(gate.partial);
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
        checks.push(check({
            ...ids,
            subject: 'partial_record',
            outcome: partialOutcome,
            reason: rows_where(unit, `run level: ${partial.length} of ${run.runMetrics.length} metric series are not complete (${partial
                .map((m) => numbers_metricLabel(null, m.key, m.slice))
                .slice(0, 5)
                .join(', ')})`, multi),
        }));
    }
    if (partialOutcome && nonFinite.length > 0) {
        for (const gap of nonFinite)
            judged.gaps.add(gapKey(gap));
        checks.push(check({
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
        checks.push(check({
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
        checks.push(check({
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
                checks.push(check({
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
                checks.push(check({
                    ...ids,
                    subject: 'run',
                    outcome: 'pass',
                    reason: rows_where(unit, `run ${run.ref} present (${run.runMetrics.length} run-level metric series)`, multi),
                }));
                continue;
            }
            checks.push(check({
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
                checks.push(check({
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
                checks.push(check({
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
        const degradedOutcome = gapOutcome(gate.degraded);
        const partialOutcome = gapOutcome(gate.partial);
        const statusOutcome = gapOutcome(gate.statuses);
        for (const stage of stagesOf(run, checked)) {
            const stageIds = { ...ids, stage: stage.name };
            if (degradedOutcome) {
                const label = `stage ${stage.name}`;
                checks.push(...degradedChecks({ unit, multi, judged, ids: stageIds, outcome: degradedOutcome }, { stage: stage.name, label, gapPrefix: `${label}: ` }, run.degraded.filter((d) => d.stage === stage.name), stage.metrics.filter((m) => m.degraded), inputs.candidateGaps.filter((gap) => gap.severity === 'error' &&
                    gap.stage === stage.name &&
                    (!gap.runRef || gap.runRef === run.ref))));
            }
            if (partialOutcome && stage.partialRecords > 0) {
                checks.push(check({
                    ...stageIds,
                    subject: 'partial_record',
                    outcome: partialOutcome,
                    reason: rows_where(unit, `stage ${stage.name}: ${stage.partialRecords} of ${stage.recordCount} records are not complete (partial/sampled/unknown completeness)`, multi),
                }));
            }
            if (stage.status === null)
                unknownStatus.add(stage.name);
            else if (statusOutcome && stage.status !== 'completed') {
                checks.push(check({
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
                checks.push(check({
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
            checks.push(check({
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


const row_test_cache = new WeakMap();
function pairedStage(baseline, candidate, stage) {
    let byBaseline = row_test_cache.get(candidate);
    if (!byBaseline) {
        byBaseline = new WeakMap();
        row_test_cache.set(candidate, byBaseline);
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(64377);
;// CONCATENATED MODULE: ./src/history/record.ts
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
const record_text = (max) => schemas/* string */.YjP().min(1).max(max);
/** `[unit, stage, key, slice, value]`: unit is the metalab params label, null for Contexta runs. */
const HistoryPoint = schemas/* tuple */.PVZ([
    record_text(512).nullable(),
    record_text(256).nullable(),
    record_text(256),
    record_text(256).nullable(),
    schemas/* number */.aig().refine(Number.isFinite, 'a finite number'),
]);
const HistoryRecord = schemas/* strictObject */.rej({
    v: schemas/* literal */.euz(HISTORY_VERSION),
    project: record_text(256),
    /** The run the values were read from (Contexta run ref, or the metalab store's first unit). */
    run: record_text(512),
    /** Workflow run id of the job that recorded it; null for runs read locally (`--history DIR`). */
    runId: schemas/* number */.aig().int().positive().nullable(),
    commit: schemas/* string */.YjP()
        .regex(/^[0-9a-f]{7,64}$/)
        .nullable(),
    /** ISO 8601 instant: the run's recorded start, else when the job recorded it. */
    time: iso/* datetime */.w$({ offset: true }),
    /** Where a locally read record came from (the `--history` sub-directory); absent in the action. */
    source: record_text(256).optional(),
    metrics: schemas/* array */.YOg(HistoryPoint).max(HISTORY_MAX_SERIES),
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
    const from = `its best of ${window}, ${numbers_formatNumber(best.value)} in ${describeRecord(best.record)}`;
    const moved = worsening > 0
        ? `drifted ${formatChange(best.value, candidate)} from ${from}`
        : `is ${numbers_formatNumber(candidate)}, ${direction === 'higher' ? 'at or above' : 'at or below'} ${from}`;
    const outcome = beyondAbs || beyondPct ? 'fail' : 'pass';
    const reason = outcome === 'fail' ? `${located} ${moved}, beyond ${limit}` : `${located} ${moved}, within ${limit}`;
    return {
        check: check({
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
    const range = `${numbers_formatNumber(low)} to ${numbers_formatNumber(high)}`;
    return {
        kind: 'noise',
        n,
        mean,
        low,
        high,
        within,
        text: `noise from history (${n} runs): ${within ? 'within' : 'outside'} the ${Math.round((1 - alpha) * 100)} % prediction interval ${range} around the mean ${numbers_formatNumber(mean)}`,
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
    return `${label}: n=${test.n}, ${change} must exceed ≈${numbers_formatNumber(test.mde)} to be detectable at alpha ${alpha}`;
}
function testText(test, adjusted, family, alpha) {
    const parts = [
        `${METHOD[test.method]} on ${test.evidence}: one-sided ${formatPValue(test.pValue)}`,
        `Holm-adjusted ${formatPValue(adjusted)} over ${family} row${family === 1 ? '' : 's'}`,
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
    const pass = (reason) => check({ ...stats, outcome: 'pass', reason: reason + raw });
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
            return check({
                ...stats,
                mde: test.mde,
                mdeText: detectable,
                outcome: 'unknown',
                reason: `${reason}, but ${test.reason} (policy.min_pairs): no significance decision${detectable ? `; ${detectable}` : ''}`,
            });
        }
        if (test.n < rules.minSamples) {
            return check({
                ...stats,
                mde: test.mde,
                mdeText: detectable,
                outcome: 'unknown',
                reason: `${reason}; only ${test.n} samples (< min_samples ${rules.minSamples}): too few to fail the gate on their own (${METHOD[test.method]} on ${test.evidence}: one-sided ${formatPValue(test.pValue)}, not part of the gate's Holm family)${detectable ? `; ${detectable}` : ''}`,
            });
        }
        if (unreachable) {
            return check({
                ...stats,
                mde: test.mde,
                mdeText: detectable,
                outcome: 'pass',
                reason: `${reason} but not significant (${METHOD[test.method]} on ${test.evidence}: one-sided ${formatPValue(test.pValue)}, n = ${test.n}; ${test.discordantWorse ?? 0} newly failing, ${test.discordantBetter ?? 0} newly passing are too few discordant pairs to reach significance within the gate's family, smallest attainable ${formatPValue(test.minAttainable)} — left out of the Holm family, Tarone)${detectable ? `; ${detectable}` : ''}`,
            });
        }
        const text = testText(test, adjusted ?? 1, family, alpha);
        const improves = row.direction === 'higher' ? test.estimate >= 0 : test.estimate <= 0;
        if (improves) {
            return pass(`${reason}, but the paired estimate does not worsen (${numbers_formatNumber(test.estimate)}; ${text})`);
        }
        if ((adjusted ?? 1) >= alpha) {
            return check({
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
            return check({ ...stats, n: fromHistory.n, outcome: 'pass', reason });
    }
    else if (alpha !== null) {
        reason += `; ${row.label}: ${row.noise ? row.noise.text : 'no per-sample evidence — judged on the raw limit'}`;
    }
    const n = stats.n;
    if (n !== null && n < rules.minSamples) {
        return check({
            ...stats,
            outcome: 'unknown',
            reason: `${reason}; only ${n} samples (< min_samples ${rules.minSamples}): too few to fail the gate on their own`,
        });
    }
    return check({ ...stats, outcome: 'fail', reason });
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
            const label = numbers_metricLabel(row.stage, row.key, row.slice);
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
                slots.push(check({
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
            const change = c === b ? numbers_formatNumber(c) : formatChange(b, c);
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
            evidence.push(`${regression_listed(rawDelta)}: no per-sample evidence — judged on the raw limit`);
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
function regression_listed(labels) {
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
            const label = rows_where(unit, numbers_metricLabel(row.stage, row.key, row.slice), multi);
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
            let reason = `${label} = ${numbers_formatNumber(value)} is within ${bounds}`;
            if (gate.min !== null && value < gate.min) {
                outcome = 'fail';
                reason = `${label} = ${numbers_formatNumber(value)} is below min ${gate.min}`;
            }
            else if (gate.max !== null && value > gate.max) {
                outcome = 'fail';
                reason = `${label} = ${numbers_formatNumber(value)} is above max ${gate.max}`;
            }
            checks.push(check({ ...base, outcome, reason }));
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
    return finishResult({ name, kind: 'evidence', severity: mapped === 'fail' ? 'fail' : 'warn', message: null }, rows, evidence);
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
        withoutBaseline.push(check({
            project: unit.comparison.project,
            unit: unit.comparison.unit,
            outcome: 'unknown',
            reason: inputs.baselineAvailable
                ? `no baseline run of project ${unit.comparison.project} for ${unit.pair.candidate.ref}`
                : `no baseline evidence given for ${unit.pair.candidate.ref}: regression gates cannot judge it`,
        }));
    }
    if (inputs.units.length === 0) {
        withoutBaseline.push(check({
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
        degradedBaseline.push(check({
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
        .map((g) => check({
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
        const key = judged_metricKey(row.project, row.unit, {
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
            if (judged.metrics.has(judged_metricKey(unit.comparison.project, unit.comparison.unit, row)))
                continue;
            const label = rows_where(unit, numbers_metricLabel(row.stage, row.key, row.slice), namesUnits(inputs.units));
            const baseline = row.baseline === null ? '' : ` (${numbers_formatNumber(row.baseline)})`;
            missing.push(check({
                ...seriesFacts(unit, row),
                baseline: row.baseline,
                subject: MISSING_METRIC,
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
    return globMatch(selector.stage, stage);
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
            const key = keys.find((k) => globMatch(selector.key, k)) ?? didYouMean(selector.key, keys);
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
    if (kinds.some((k) => globMatch(gate.artifact, k)))
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
        : problems.map((reason) => check({ project: '', unit: '', subject: UNMATCHED, outcome: 'fail', reason }));
    return finishResult({ ...gate, severity: action === 'fail' ? 'fail' : 'warn' }, checks, action === 'ignore' ? ['policy.unmatched: ignore'] : [`a config problem (policy.unmatched: ${action})`], `no match: ${problems.join('; ')}`);
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
                .flatMap((u) => gateRows(u, gate.metrics, gate.slices).map((r) => rows_where(u, numbers_metricLabel(r.stage, r.key, r.slice), multi)));
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
    const lifted = checks.filter((c) => c.subject === MISSING_METRIC);
    return { kept: checks.filter((c) => c.subject !== MISSING_METRIC), lifted };
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
        return finishResult(gate, kept, evidence, skipReason(narrowed, inputs, evidence));
    });
    return [...results, ...policyResults(inputs, judged, lifted)];
}

;// CONCATENATED MODULE: ./src/gates/types.ts
/**
 * The result of evaluating a gate config against a comparison: what the engine hands to the report
 * renderers, the action and the CLI. Plain JSON throughout; `schemaVersion` changes only when a field
 * is removed or changes meaning (additions keep the version).
 */
const GATE_REPORT_SCHEMA_VERSION = 1;

;// CONCATENATED MODULE: ./src/gates/waivers.ts

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
    const stageOk = stage === '*' || (row.stage === null ? stage === 'run' : globMatch(stage, row.stage));
    if (!stageOk || !globMatch(key, row.metric))
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
                runs: [...points.map((p) => describeRecord(p.record)), 'this run'],
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
    const quoted = headlineGates(verdict, gates)
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
    const parsed = parseWaivers(input.waivers ?? {}, policy);
    const messages = new Map(config.gates.map((g) => [g.name, g.message]));
    const { results: gates, unused } = applyWaivers(evaluated, parsed.accepted, (r) => refreshResult(r, messages.get(r.name) ?? null));
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
        schemaVersion: GATE_REPORT_SCHEMA_VERSION,
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
function escape_toSingleLine(text) {
    return text.replace(LINE_BREAKS, LINE_BREAK_MARK).replace(/\t/g, ' ').replace(UNSAFE_CHARS, REPLACEMENT);
}
/** Caps `text` at `maxLength` code points, ending in an ellipsis when something was cut. */
function escape_truncateText(text, maxLength) {
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
function escapeText(text, options = {}) {
    const capped = escape_truncateText(escape_toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
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
    const content = escape_truncateText(escape_toSingleLine(text), options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH);
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
function budget_formatCount(count) {
    return count.toLocaleString('en-US');
}
/** The line placed under a list that lost rows. */
function listOmissionLine(omissions) {
    const parts = omissions.map((o) => `${o.what} (${budget_formatCount(o.count)})`);
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


const format_VERDICT_LABEL = {
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
const format_OUTCOME_RANK = {
    fail: 0,
    warn: 1,
    unknown: 2,
    waived: 3,
    pass: 4,
    skipped: 5,
};
/** ▲/▼ for the direction of the number, and whether that is better or worse for this metric. */
function format_changeArrow(delta) {
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
function format_rowsNameUnit(report) {
    return report.comparisons.length > 1 || report.candidate.kind === 'metalab';
}
/** Identity of a metric row across comparisons, gate checks and sample links. */
function format_metricKey(project, unit, stage, metric, slice) {
    // NUL cannot occur in names read from JSON lines without an escape, and `null` gets its own token.
    return [project, unit, stage ?? '\u0001', metric ?? '\u0001', slice ?? '\u0001'].join('\u0000');
}
function format_indexChecks(report) {
    const flagged = new Map();
    const tested = new Map();
    for (const gate of report.gates) {
        for (const check of gate.checks) {
            if (check.metric === null)
                continue;
            const key = format_metricKey(check.project, check.unit, check.stage, check.metric, check.slice);
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
function format_rowStatistics(report, index, comparison, delta) {
    if (delta.status !== 'compared')
        return null;
    const checked = index.tested.get(format_metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice));
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
            const interval = format_rowStatistics(report, index, comparison, delta)?.interval ?? null;
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
function format_headlineReason(headline) {
    return headline.replace(/^(PASS|WARN|FAIL|UNKNOWN)(\s*\([^)]*\))?\s*[—-]\s*/, '');
}
/** The name a check's line shows for its row: the metric, else the artifact or unit it judged. */
function checkLabel(check) {
    return numbers_metricLabel(check.stage, check.metric, check.slice) || check.subject || check.unit;
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
        return phrase `${named(label)} ${rest}`;
    // Reports over several units prefix the row with its unit (`gates/rows.ts`'s `where`).
    const unit = `${check.project}/${check.unit}: ${label} `;
    if (label !== '' && check.reason.startsWith(unit)) {
        return phrase `${named(`${check.project}/${check.unit}`)}: ${named(label)} ${check.reason.slice(unit.length)}`;
    }
    return words(check.reason);
}
/** What decided a gate: its worst check's reason, else the gate's own message. */
function gateReason(gate) {
    return gate.worst ? checkReason(gate.worst) : words(gate.message);
}

;// CONCATENATED MODULE: ./src/report/markdown/chart.ts

const SLICES_CHARTED = 8;
function chart_label(text, max = 40) {
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
    const categories = charted.flatMap((r) => [chart_label(`${r.slice} baseline`), chart_label(`${r.slice} candidate`)]);
    const title = chart_label(`${numbers_metricLabel(check.stage, check.metric, null)} per slice: baseline and candidate`, 120);
    return [
        '```mermaid',
        'xychart-beta',
        `  title ${title}`,
        `  x-axis [${categories.join(', ')}]`,
        `  y-axis ${chart_label(check.metric ?? '')} ${value(low)} --> ${value(high)}`,
        `  bar [${values.map(value).join(', ')}]`,
        '```',
    ].join('\n');
}

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
    return escapeText(value, { maxLength: MESSAGE_LENGTH });
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
        const shownText = escape_truncateText(text, left);
        const cut = shownText !== text;
        out +=
            typeof part === 'string'
                ? escapeText(shownText, { maxLength: Number.POSITIVE_INFINITY, midLine: out !== '' })
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
    return formatCount(value);
}
function pluralise(n, singular, plural = `${singular}s`) {
    return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
function gatesByRank(report) {
    return [...report.gates].sort((a, b) => format_OUTCOME_RANK[a.outcome] - format_OUTCOME_RANK[b.outcome]);
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
                : numbers_formatDifference(artifact.growthBytes, artifact.growthPct === null ? null : artifact.growthPct / 100, formatBytes);
            const cells = [
                code(artifact.kind),
                change,
                `${formatBytes(artifact.baselineSizeBytes)} ×${artifact.baselineCount}`,
                `${formatBytes(artifact.candidateSizeBytes)} ×${artifact.candidateCount}`,
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
const context_SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
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
    const diagnostics = [...report.diagnostics].sort((a, b) => context_SEVERITY_RANK[a.severity] - context_SEVERITY_RANK[b.severity] ||
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
    ].sort((a, b) => context_SEVERITY_RANK[a.gap.severity] - context_SEVERITY_RANK[b.gap.severity]);
    const rows = gaps.map(({ gap, side }) => {
        const where = gap.file === undefined
            ? (gap.ref ?? null)
            : gap.line === undefined
                ? gap.file
                : `${gap.file}:${gap.line}`;
        return row(`- ${SEVERITY_EMOJI[gap.severity]} ${gap.severity} · ${side} · ${code(gap.code)}${where === null ? '' : ` at ${code(where)}`}: ${msg(gaps_gapMessageWithPlaces(gap))}`, severityTier(gap.severity), `${gap.severity} evidence gaps`);
    });
    return folded('Evidence gaps', severityCounts(gaps.map((g) => g.gap.severity)), rows);
}
function findingsSection(report) {
    const findings = [...report.findings].sort((a, b) => context_SEVERITY_RANK[a.severity] - context_SEVERITY_RANK[b.severity]);
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
    const target = metricTarget(stage, metric, null);
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
            const line = `Gate-Waive: ${metricTarget(check.stage, check.metric, check.slice)}: ${REASON_PLACEHOLDER}`;
            if (!trailers.includes(line))
                trailers.push(line);
        }
    }
    const labels = gates.filter((g) => !/[\r\n]/.test(g.name)).map((g) => `${WAIVER_LABEL_PREFIX}${g.name}`);
    return { trailers, labels, untrailerable };
}
function baselineStep(audience) {
    return audience === 'action'
        ? {
            text: words('Create the baseline: it is the evidence artifact this workflow uploads on a push to the base branch. Merge or push to the base branch once with this workflow; later pull requests compare against that run.'),
        }
        : {
            text: phrase `Give a baseline: re-run with ${named('--baseline <workspace>')} pointing at the base branch's evidence.`,
        };
}
function rerunStep(audience) {
    return audience === 'action'
        ? { text: words('Push the fix: the gate runs again on every push to this pull request.') }
        : { text: phrase `Re-run ${named('contexta-gate compare')} after the fix.` };
}
function waiveStep(suggestion, audience) {
    const steps = [];
    const trailers = suggestion.trailers.slice(0, TRAILERS_SHOWN);
    const more = suggestion.trailers.length - trailers.length;
    if (trailers.length > 0) {
        steps.push({
            text: words(`If the change is intended, waive it: add ${trailers.length === 1 ? 'this trailer' : 'these trailers'} as the last lines of a commit message on this branch${audience === 'cli' ? ' (the action reads them)' : ''}, with your reason${more > 0 ? `; ${more} more tripped rows need their own trailer, or use the label below` : ''}:`),
            copy: trailers,
        });
    }
    if (suggestion.labels.length > 0) {
        steps.push({
            text: words(trailers.length > 0
                ? 'Or waive the whole gate with a label on the pull request (needs write access):'
                : 'If the change is intended, waive the gate with a label on the pull request (needs write access):'),
            copy: suggestion.labels.slice(0, TRAILERS_SHOWN),
        });
    }
    return steps;
}
/** The steps in order: what to fix or inspect, then re-run, then waive. */
function advice_adviseNextSteps(report, audience) {
    const steps = [];
    if (report.baseline === null)
        steps.push(baselineStep(audience));
    const fromFindings = advice_distinct(report.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.nextSteps));
    for (const step of fromFindings.slice(0, STEPS_FROM_FINDINGS))
        steps.push({ text: step.capitalised() });
    const gates = tripped(report);
    if (gates.length > 0 && fromFindings.length === 0) {
        for (const gate of gates.slice(0, 2)) {
            steps.push({ text: phrase `Fix ${named(gate.name)}: ${gateReason(gate)}` });
        }
    }
    for (const gate of report.gates) {
        if (gate.outcome !== 'unknown' || report.baseline === null)
            continue;
        steps.push({ text: phrase `${named(gate.name)} could not judge: ${gateReason(gate)}` });
    }
    if (gates.length > 0 || report.verdict === 'unknown')
        steps.push(rerunStep(audience));
    const suggestion = waiverSuggestion(report);
    if (suggestion)
        steps.push(...waiveStep(suggestion, audience));
    return steps;
}
/** Steps that read the same are one step, whichever finding suggested them. */
function advice_distinct(steps) {
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
    const stats = numbers_formatStatistics(check.interval, check.pValue, check.test != null);
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
    const safe = lines.map((l) => escape_toSingleLine(l));
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
    const steps = advice_adviseNextSteps(ctx.report, ctx.audience);
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
        const label = numbers_metricLabel(t.stage, t.metric, t.slice);
        const min = Math.min(...t.values);
        const max = Math.max(...t.values);
        const pad = max === min ? Math.abs(max) * 0.01 || 1 : (max - min) * 0.1;
        const axis = t.values.map((_, i) => i === t.values.length - 1 ? 'this run' : `-${t.values.length - 1 - i}`);
        out.push('```mermaid', 'xychart-beta', `  title ${quote(`${t.project}: ${label}`)}`, `  x-axis [${axis.map(quote).join(', ')}]`, `  y-axis ${quote(t.metric)} ${numbers_formatNumber(min - pad).replace(/,/g, '')} --> ${numbers_formatNumber(max + pad).replace(/,/g, '')}`, `  line [${t.values.map((v) => String(v)).join(', ')}]`, '```', '', `Oldest to newest: ${escapeText(t.runs.join(' · '), { maxLength: 4000 })}`, '');
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/report/markdown/metrics.ts





function metricCells(ctx, comparison, delta, sliced, withStats) {
    const key = format_metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
    const flagged = ctx.index.flagged.get(key) ?? [];
    const flags = [...flagged]
        .sort((a, b) => format_OUTCOME_RANK[a.outcome] - format_OUTCOME_RANK[b.outcome])
        .map((c) => FLAG[c.outcome]);
    const change = [format_changeArrow(delta), ...new Set(flags)].join(' · ');
    const name = sliced
        ? (delta.slice ?? '')
        : delta.batch === null
            ? delta.key
            : `${delta.key} [${delta.batch}]`;
    const cells = [
        code(name),
        numbers_formatNumber(delta.baseline),
        `${numbers_formatNumber(delta.candidate)}${trendSuffix(ctx.report, comparison, delta)}`,
        numbers_formatDifference(delta.delta, delta.relativeChange),
    ];
    if (withStats)
        cells.push(statsText(ctx, comparison, delta) || '—');
    cells.push(evidenceFlags(delta, change));
    return cells;
}
function statsText(ctx, comparison, delta) {
    const statistics = format_rowStatistics(ctx.report, ctx.index, comparison, delta);
    return statistics ? numbers_formatStatistics(statistics.interval, statistics.pValue, statistics.oneSided) : '';
}
/** The group row a table's rows sit under: the stage (and run) for metrics, the metric for slices. */
function groupLabel(ctx, comparison, delta, sliced) {
    const stage = delta.stage ?? 'run';
    const base = sliced
        ? numbers_metricLabel(stage, delta.batch === null ? delta.key : `${delta.key} [${delta.batch}]`, null)
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
    const key = format_metricKey(comparison.project, comparison.unit, delta.stage, delta.key, delta.slice);
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

;// CONCATENATED MODULE: ./src/report/markdown/samples.ts



const SAMPLE_ITEMS = 6;
/** Sample names as capped ranges (`s-0600…s-0637`), each a code span. */
function samples_nameList(names, total) {
    const ranges = nameRanges(names, total, SAMPLE_ITEMS);
    const shown = ranges.items.map((n) => code(n)).join(', ');
    return ranges.more > 0 ? `${shown}, … (+${formatCount(ranges.more)} more)` : shown;
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
    const rates = `${formatShare(binary.baselineRate)} → ${formatShare(binary.candidateRate)} passing`;
    const recovered = binary.newlyPassing.count > 0 ? `; ${formatCount(binary.newlyPassing.count)} newly passing` : '';
    return `${formatCount(binary.newlyFailing.count)} newly failing (${rates}${recovered}): ${samples_nameList(binary.newlyFailing.names, binary.newlyFailing.count)}`;
}
function unpairedLine(group) {
    const parts = [];
    if (group.baselineOnly.count > 0)
        parts.push(`${formatCount(group.baselineOnly.count)} only in the baseline`);
    if (group.candidateOnly.count > 0)
        parts.push(`${formatCount(group.candidateOnly.count)} only in the candidate`);
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
function document_headline(report, index) {
    const lines = [
        `## ${VERDICT_EMOJI[report.verdict]} ${format_VERDICT_LABEL[report.verdict]} — ${verdictSummary(report)}`,
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
    const gates = headlineGates(report.verdict, report.gates);
    if (gates.length === 0)
        return report.verdict === 'pass' ? '' : msg(format_headlineReason(report.headline));
    // The headline's words, with each row name quoted: built from the gates, not parsed from the
    // text, and as short as the headline's own cap.
    const shown = [];
    let left = WHY_LENGTH;
    for (const gate of gates) {
        if (left <= 0)
            break;
        const reason = phrase `${gate.name}: ${gateReason(gate)}`;
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
        const label = numbers_metricLabel(delta.stage, delta.key, null);
        return `${code(label)} ${format_changeArrow(delta)} ${numbers_formatDifference(delta.delta, delta.relativeChange)}, ${formatInterval(interval)}`;
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
        index: format_indexChecks(report),
        withUnit: format_rowsNameUnit(report),
        audience: options.audience ?? 'action',
    };
    const chart = sliceChart(report);
    const parts = [
        parts_text(`${markerComment(options.marker)}\n${document_headline(report, ctx.index)}`),
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
                ? formatStatistics(statistics.interval, statistics.pValue, statistics.oneSided)
                : '';
            const unit = rowsNameUnit(report) ? `${safe(comparison.unit, 60)}: ` : '';
            const label = safe(metricLabel(delta.stage, delta.key, delta.slice), 80);
            lines.push(`  ${unit}${label}  ${formatNumber(delta.baseline)} → ${formatNumber(delta.candidate)}  ` +
                `${formatDifference(delta.delta, delta.relativeChange)}  ${changeArrow(delta)}${stats ? `  [${stats}]` : ''}`);
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
            lines.push(`  ${side} ${gap.severity} ${gap.code}${where}: ${safe(gapMessageWithPlaces(gap))}`);
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
    const stats = formatStatistics(check.interval, check.pValue, check.test != null);
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







// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/coerce.js
var classic_coerce = __webpack_require__(49567);
;// CONCATENATED MODULE: ./src/github/baseline-finder.ts


function baseline_finder_short(sha) {
    return sha.slice(0, 7);
}
/** Returns the run's usable artifact, or records why the run cannot be a baseline. */
async function usableArtifact(ctx, run) {
    const cached = ctx.checked.get(run.id);
    if (cached !== undefined)
        return cached;
    const result = await inspectRun(ctx, run);
    ctx.checked.set(run.id, result);
    return result;
}
async function inspectRun(ctx, run) {
    const skip = (reason, detail) => {
        ctx.skipped.push({ runId: run.id, headSha: run.head_sha, reason, detail });
        return null;
    };
    if (ctx.query.expiredRunIds?.includes(run.id)) {
        return skip('artifact-expired', `run ${run.id}'s artifact expired between listing and download`);
    }
    const headRepo = run.head_repository?.full_name;
    if (headRepo !== ctx.trustedRepo) {
        return skip('fork', `run ${run.id} was built from ${headRepo ?? 'a deleted repository'}, not ${ctx.trustedRepo}; ` +
            `its artifacts are untrusted`);
    }
    const artifacts = (await ctx.client.listRunArtifacts(run.id, ctx.query.artifactName)).filter((a) => a.name === ctx.query.artifactName);
    if (artifacts.length === 0) {
        return skip('artifact-missing', `run ${run.id} has no artifact named '${ctx.query.artifactName}'`);
    }
    // Re-run attempts can leave several same-named artifacts; the highest id is the latest upload.
    const live = artifacts.find((a) => !isExpired(a, ctx.now));
    if (!live) {
        const newest = artifacts[0];
        return skip('artifact-expired', `artifact '${newest.name}' of run ${run.id} expired${newest.expires_at ? ` on ${newest.expires_at}` : ''}`);
    }
    return live;
}
function isExpired(artifact, now) {
    if (artifact.expired)
        return true;
    return artifact.expires_at !== null && Date.parse(artifact.expires_at) <= now;
}
function found(ctx, source, run, artifact, commitsBehind) {
    return {
        none: false,
        source,
        run,
        artifact,
        commitsBehind,
        ageMs: Math.max(0, ctx.now - Date.parse(run.created_at)),
        skipped: ctx.skipped,
    };
}
function baseFilters(query) {
    return {
        workflow: query.workflow,
        branch: query.baseBranch,
        // event=push keeps out pull_request runs whose head branch happens to share the base branch's name.
        event: 'push',
        status: 'success',
        excludePullRequests: true,
    };
}
async function findBaseline(client, query) {
    const ctx = {
        client,
        query,
        trustedRepo: query.headRepoFullName ?? client.repoFullName,
        skipped: [],
        checked: new Map(),
        now: (query.now ?? new Date()).getTime(),
    };
    return query.mergeBaseSha === undefined ? findPreviousRun(ctx) : findForMergeBase(ctx, query.mergeBaseSha);
}
async function findForMergeBase(ctx, mergeBase) {
    const { client, query } = ctx;
    const maxRuns = query.maxRuns ?? 30;
    const exact = await client.listWorkflowRuns({
        ...baseFilters(query),
        headSha: mergeBase,
        limit: Math.min(maxRuns, 10),
    });
    for (const run of exact) {
        const artifact = await usableArtifact(ctx, run);
        if (artifact)
            return found(ctx, 'merge-base', run, artifact, 0);
    }
    const ancestors = await client.listCommits(mergeBase, (query.maxCommits ?? 30) + 1);
    const runs = await client.listWorkflowRuns({ ...baseFilters(query), limit: maxRuns });
    const runsBySha = new Map();
    for (const run of runs)
        runsBySha.set(run.head_sha, [...(runsBySha.get(run.head_sha) ?? []), run]);
    for (const [index, commit] of ancestors.entries()) {
        if (index === 0)
            continue;
        for (const run of runsBySha.get(commit.sha) ?? []) {
            const artifact = await usableArtifact(ctx, run);
            if (artifact)
                return found(ctx, 'ancestor', run, artifact, index);
        }
    }
    const considered = new Set([...exact, ...runs].map((r) => r.id)).size;
    return {
        none: true,
        code: considered === 0 ? 'no-runs' : 'no-usable-run',
        reason: `no successful push run of workflow ${query.workflow} on ${query.baseBranch} with a usable ` +
            `'${query.artifactName}' artifact at the merge base ${baseline_finder_short(mergeBase)} or its ` +
            `${Math.max(0, ancestors.length - 1)} nearest ancestors (${considered} recent runs considered)`,
        skipped: ctx.skipped,
    };
}
async function findPreviousRun(ctx) {
    const { client, query } = ctx;
    const runs = await client.listWorkflowRuns({ ...baseFilters(query), limit: query.maxRuns ?? 30 });
    for (const run of runs) {
        if (run.id === query.currentRunId || (query.headSha !== undefined && run.head_sha === query.headSha)) {
            ctx.skipped.push({
                runId: run.id,
                headSha: run.head_sha,
                reason: 'current-run',
                detail: `run ${run.id} is for the candidate commit ${baseline_finder_short(run.head_sha)} itself`,
            });
            continue;
        }
        let commitsBehind = null;
        if (query.headSha !== undefined) {
            commitsBehind = await distanceToHead(ctx, run, query.headSha);
            if (commitsBehind === null)
                continue;
        }
        const artifact = await usableArtifact(ctx, run);
        if (artifact)
            return found(ctx, 'previous-run', run, artifact, commitsBehind);
    }
    return {
        none: true,
        code: runs.length === 0 ? 'no-runs' : 'no-usable-run',
        reason: `no earlier successful push run of workflow ${query.workflow} on ${query.baseBranch} with a usable ` +
            `'${query.artifactName}' artifact (${runs.length} recent runs considered)`,
        skipped: ctx.skipped,
    };
}
/** Commits from the run's commit to the candidate, or null (recorded) if it is not an ancestor. */
async function distanceToHead(ctx, run, headSha) {
    const notAncestor = (detail) => {
        ctx.skipped.push({ runId: run.id, headSha: run.head_sha, reason: 'not-an-ancestor', detail });
        return null;
    };
    try {
        const comparison = await ctx.client.compareCommits(run.head_sha, headSha);
        if (comparison.status === 'ahead' || comparison.status === 'identical')
            return comparison.ahead_by;
        return notAncestor(`commit ${baseline_finder_short(run.head_sha)} of run ${run.id} is not an ancestor of ${baseline_finder_short(headSha)} (${comparison.status})`);
    }
    catch (error) {
        // Force-pushed history: the run's commit no longer exists in the repository.
        if (error instanceof GitHubNotFoundError) {
            return notAncestor(`commit ${baseline_finder_short(run.head_sha)} of run ${run.id} no longer exists`);
        }
        throw error;
    }
}
const promotionPayload = schemas/* object */.Ikc({
    run_id: classic_coerce/* number */.ai().int().positive(),
    artifact_id: classic_coerce/* number */.ai().int().positive().optional(),
    // Disclosure only: a payload without them (or with odd values) still names a usable run.
    run_ref: schemas/* string */.YjP().optional().catch(undefined),
    forced: schemas/* boolean */.zMY().optional().catch(undefined),
});
/**
 * `deployment:<env>` baseline: the newest deployment of the environment whose newest status is
 * `success`; its payload names the run (and artifact) that was promoted. Older promotions are never
 * substituted silently: if the promoted run's artifact is gone, the answer is "none" with the reason.
 */
async function findDeployedBaseline(client, query) {
    const skipped = [];
    const now = (query.now ?? new Date()).getTime();
    const none = (code, reason) => ({ none: true, code, reason, skipped });
    const deployments = await client.listDeployments({
        environment: query.environment,
        ...(query.task === undefined ? {} : { task: query.task }),
        limit: query.maxDeployments ?? 30,
    });
    for (const deployment of deployments) {
        if (query.creator !== undefined && deployment.creator?.login !== query.creator) {
            skipped.push({
                deploymentId: deployment.id,
                reason: 'untrusted-deployment',
                detail: `deployment ${deployment.id} was created by ${deployment.creator?.login ?? 'an unknown account'}, not ${query.creator}`,
            });
            continue;
        }
        const [latest] = await client.listDeploymentStatuses(deployment.id);
        if (latest?.state !== 'success') {
            skipped.push({
                deploymentId: deployment.id,
                reason: 'not-promoted',
                detail: `deployment ${deployment.id} is ${latest ? `'${latest.state}'` : 'without status'}`,
            });
            continue;
        }
        const payload = promotionPayload.safeParse(parsePayload(deployment.payload));
        if (!payload.success) {
            return none('deployment-payload', `deployment ${deployment.id} (environment '${query.environment}') has no numeric run_id in its ` +
                `payload, so it was not recorded by contexta/gate`);
        }
        const { run_id: runId, artifact_id: artifactId, run_ref: runRef, forced } = payload.data;
        let run;
        try {
            run = await client.getWorkflowRun(runId);
        }
        catch (error) {
            if (error instanceof GitHubNotFoundError) {
                return none('deployed-run-missing', `run ${runId} promoted to '${query.environment}' no longer exists`);
            }
            throw error;
        }
        const trustedRepo = query.headRepoFullName ?? client.repoFullName;
        if (run.head_repository?.full_name !== trustedRepo) {
            return none('deployed-run-missing', `run ${runId} promoted to '${query.environment}' was built from ` +
                `${run.head_repository?.full_name ?? 'a deleted repository'}, not ${trustedRepo}`);
        }
        if (query.branch !== undefined && (run.event !== 'push' || run.head_branch !== query.branch)) {
            skipped.push({
                deploymentId: deployment.id,
                runId,
                reason: 'untrusted-deployment',
                detail: `deployment ${deployment.id} was promoted by a '${run.event}' run on ${run.head_branch ?? 'no branch'}, not a push to ${query.branch}`,
            });
            continue;
        }
        const artifacts = (await client.listRunArtifacts(runId, query.artifactName)).filter((a) => artifactId === undefined ? a.name === query.artifactName : a.id === artifactId);
        const artifact = artifacts[0];
        if (!artifact) {
            return none('deployed-artifact-missing', `run ${runId} promoted to '${query.environment}' has no artifact ` +
                (artifactId === undefined ? `named '${query.artifactName}'` : `with id ${artifactId}`));
        }
        if (isExpired(artifact, now)) {
            return none('deployed-artifact-expired', `the evidence of the model promoted to '${query.environment}' (run ${runId}, artifact ${artifact.id}) ` +
                `expired${artifact.expires_at ? ` on ${artifact.expires_at}` : ''}; re-run that workflow or promote ` +
                `again to restore a baseline, and raise the artifact retention-days`);
        }
        return {
            none: false,
            source: 'deployment',
            run,
            artifact,
            commitsBehind: null,
            ageMs: Math.max(0, now - Date.parse(run.created_at)),
            deploymentId: deployment.id,
            promotion: {
                deploymentId: deployment.id,
                environment: query.environment,
                createdAt: deployment.created_at,
                runRef: runRef ?? null,
                forced: forced === true,
            },
            skipped,
        };
    }
    return none('no-deployment', `no deployment to environment '${query.environment}'${query.task ? ` with task '${query.task}'` : ''} ` +
        `has a successful latest status (${deployments.length} examined)`);
}
function parsePayload(payload) {
    if (typeof payload !== 'string')
        return payload;
    try {
        return JSON.parse(payload);
    }
    catch {
        return undefined;
    }
}

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
function parseHistory(text, file = HISTORY_FILE) {
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
        if (Buffer.byteLength(trimmed, 'utf8') > HISTORY_MAX_LINE_BYTES) {
            gap(line, 'line_too_long', `history line longer than ${HISTORY_MAX_LINE_BYTES} bytes; not used`);
            return;
        }
        const parsed = json_text_parseJsonText(trimmed, 8);
        if (!parsed.ok) {
            gap(line, 'invalid_json_line', 'history line is not valid JSON; not used');
            return;
        }
        const record = HistoryRecord.safeParse(parsed.value);
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
    return { records: records.sort(compareRecords), gaps };
}
/**
 * Reads a history file; null when there is none (a chain that starts here). A file that cannot be
 * used as a whole is one gap and an empty history.
 */
async function readHistoryFile(path, file = HISTORY_FILE) {
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

;// CONCATENATED MODULE: ./src/contexta/ledger-rows.ts
/**
 * Typed content of a Contexta metadata ledger (`metadata/ledger.db`), validated row by row with zod.
 * Only what the gate uses is kept; environment variable values are dropped at this boundary so they
 * never reach the model, a report or a log.
 */


const ledger_rows_text = schemas/* string */.YjP();
const optText = schemas/* string */.YjP().nullish();
const index = classic_coerce/* number */.ai().int().nullish();
const LedgerRun = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    project_ref: optText,
    name: optText,
    status: LifecycleStatus,
    started_at: optText,
    ended_at: optText,
});
const LedgerStage = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    run_ref: ledger_rows_text,
    stage_name: ledger_rows_text,
    status: LifecycleStatus,
    order_index: index,
    started_at: optText,
    ended_at: optText,
});
const LedgerBatch = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    run_ref: ledger_rows_text,
    stage_ref: ledger_rows_text,
    batch_name: ledger_rows_text,
    status: LifecycleStatus,
    order_index: index,
});
const LedgerDeployment = schemas/* object */.Ikc({
    ref: ledger_rows_text,
    project_ref: optText,
    deployment_name: ledger_rows_text,
    run_ref: optText,
    status: LifecycleStatus,
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




const ledger_fail = (code, reason) => ({ ok: false, code, reason });
/** Plain-JS check of the DuckDB header before any engine is loaded: magic `DUCK` at 8–11, u64 storage number at 12. */
async function readLedgerHeader(ledgerPath) {
    let handle;
    try {
        handle = await external_node_fs_.promises.open(ledgerPath, 'r');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return ledger_fail('ledger_missing', `${ledgerPath} does not exist`);
        return ledger_fail('ledger_unreadable', `${ledgerPath} cannot be opened (${code ?? 'error'})`);
    }
    try {
        const buffer = Buffer.alloc(96);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead === 0)
            return ledger_fail('ledger_invalid', 'the ledger file is empty (0 bytes); it is not a DuckDB database');
        if (bytesRead < 20 || buffer.toString('latin1', 8, 12) !== 'DUCK') {
            return ledger_fail('ledger_invalid', 'the ledger file is not a DuckDB database (no DUCK header); run and stage statuses are unknown');
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
        return ledger_fail('ledger_unreadable', `the ledger header cannot be read (${error.code ?? 'error'})`);
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
                return ledger_fail('ledger_reader_unavailable', `${module}; run and stage statuses are unknown`);
            return await this.query(module, ledgerPath, header);
        }
        catch (error) {
            return ledger_fail('ledger_unreadable', `the ledger could not be read: ${error.message}`);
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
                return ledger_fail('ledger_invalid', 'the DuckDB file has no runs table: it is not a Contexta ledger');
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
                    const payload = ledger_parsePayload(row.payload_json);
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
            return ledger_fail('ledger_unreadable', `the ledger could not be queried: ${error.message.split('\n')[0]}`);
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
        return ledger_fail('ledger_locked', `the ledger is locked by a process still writing it (${first}); re-run once the job has finished`);
    }
    if (/version number \d+, but we can only read/i.test(message)) {
        return ledger_fail('ledger_storage_too_new', `the ledger was written by DuckDB ${header.writer ?? '(unknown version)'} in storage version ${header.storageVersion}, newer than this reader understands (${first}); upgrade the action`);
    }
    if (/not a valid DuckDB database|Corrupt database file/i.test(message))
        return ledger_fail('ledger_invalid', `the ledger is not a valid DuckDB database (${first})`);
    if (/does not exist/i.test(message))
        return ledger_fail('ledger_missing', `the ledger does not exist (${first})`);
    return ledger_fail('ledger_unreadable', `the ledger could not be opened (${first})`);
}
function ledger_parsePayload(text) {
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

;// CONCATENATED MODULE: ./src/promote/record.ts
/**
 * The deployment record the gate writes when it promotes a run, so the evidence itself says what
 * moved forward. The SDK's runtime never persists deployments (their statuses live only in the
 * ledger), so we write what its `deployment.promoted` events look like: an event record in the
 * SDK's exact envelope shape (docs/reference/contexta-format.md §5), `event_key: deployment.promoted`,
 * `deployment_execution_ref: deployment:<project>.<name>`, `subject_ref` the same deployment.
 * Documented for users in docs/promotion.md.
 */

/** The runtime's own name normalisation: lower case, other characters to `-`, trimmed. */
function record_normaliseName(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
/** UTC `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, dropping a zero fraction exactly as Python's isoformat does. */
function contractTimestamp(date) {
    const iso = date.toISOString();
    const millis = date.getUTCMilliseconds();
    return millis === 0 ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 23)}000Z`;
}
function deploymentRef(project, environment) {
    return `deployment:${project}.${record_normaliseName(environment) || 'deployment'}`;
}
/**
 * Deterministic per (run, GitHub deployment): a re-run of the same promotion yields the same
 * record_ref, which is how the writer recognises a record it already wrote.
 */
function promotionRecordRef(facts) {
    const [, value] = facts.runRef.split(':');
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${facts.runRef}#${facts.githubDeploymentId}`).digest('hex');
    return `record:${value}.event-${digest.slice(0, 12)}`;
}
function buildPromotionRecord(facts) {
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
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key])]));
}
/** A capture-cache line: every optional envelope field present with null, as the local sink writes. */
function captureLine(record, capturedAt) {
    const envelope = { ...record.envelope };
    for (const key of ENVELOPE_NULLABLE)
        envelope[key] ??= null;
    envelope.correlation_refs = { session_id: null, trace_id: null, ...envelope.correlation_refs };
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
function segmentLine(record, sequence, appendedAt) {
    return JSON.stringify(sortKeys({
        appended_at: contractTimestamp(appendedAt),
        record: { envelope: record.envelope, payload: record.payload },
        sequence,
    }));
}

;// CONCATENATED MODULE: ./src/promote/ledger-row.ts
/**
 * The promotion's row in the workspace's Contexta ledger (`metadata/ledger.db`,
 * `deployment_executions`), written in the shape the SDK writes it: the copied columns plus the whole
 * model as canonical `payload_json` (sorted keys, compact, null keys omitted), and the ref registered
 * in `structural_ref_registry` as the SDK registers it. Writes are upserts keyed by ref, as the SDK's
 * `put` is, so a re-run rewrites the same row instead of adding one.
 *
 * The ledger is optional evidence: when DuckDB cannot be loaded, the ledger is locked, too new or not
 * a Contexta ledger, the row is skipped with a typed outcome and the promotion goes on — the event
 * record carries the same facts.
 */


function deploymentRow(facts, orderIndex) {
    const ref = deploymentRef(facts.project, facts.environment);
    const name = ref.slice(`deployment:${facts.project}.`.length);
    const model = {
        deployment_execution_ref: ref,
        deployment_name: name,
        ended_at: contractTimestamp(facts.endedAt),
        extensions: [],
        order_index: orderIndex,
        project_ref: `project:${facts.project}`,
        run_ref: facts.runRef,
        schema_version: '1.0.0',
        started_at: contractTimestamp(facts.startedAt),
        status: facts.status,
    };
    return {
        ref,
        project_ref: model.project_ref,
        deployment_name: name,
        run_ref: facts.runRef,
        order_index: orderIndex,
        started_at: model.started_at,
        status: facts.status,
        // Keys above are already in sorted order and none is null: this is the canonical form.
        payload_json: JSON.stringify(model),
    };
}
const skip = (code, reason) => ({
    outcome: 'skipped',
    code,
    reason,
});
const SKIP_FOR = {
    ledger_locked: 'ledger_locked',
    ledger_storage_too_new: 'ledger_storage_too_new',
    ledger_invalid: 'ledger_invalid',
};
const skipFor = (failure) => skip(SKIP_FOR[failure.code] ?? 'ledger_unwritable', failure.reason);
async function writeDeploymentRow(ledgerPath, facts, loader) {
    const header = await readLedgerHeader(ledgerPath);
    if ('ok' in header)
        return header.code === 'ledger_missing' ? { outcome: 'absent' } : skipFor(header);
    const module = await loader.load();
    if (typeof module === 'string')
        return skip('duckdb_unavailable', module);
    let instance;
    try {
        instance = await module.DuckDBInstance.create(ledgerPath, ledgerOpenOptions('READ_WRITE'));
    }
    catch (error) {
        return skipFor(ledgerOpenFailure(error.message, header));
    }
    let connection = null;
    let inTransaction = false;
    try {
        connection = await instance.connect();
        const tables = await tableNames(connection);
        if (!tables.has('deployment_executions')) {
            return skip('ledger_invalid', 'the DuckDB file has no deployment_executions table: it is not a Contexta ledger');
        }
        const ref = deploymentRef(facts.project, facts.environment);
        await connection.runAndReadAll('BEGIN TRANSACTION');
        inTransaction = true;
        const existing = (await connection.runAndReadAll('SELECT order_index FROM deployment_executions WHERE ref = $ref', {
            ref,
        })).getRowObjectsJson()[0];
        // A new deployment goes after the project's others, as the SDK orders them (order_index, started_at, ref).
        const orderIndex = existing?.order_index !== undefined && existing.order_index !== null
            ? Number(existing.order_index)
            : Number((await connection.runAndReadAll('SELECT coalesce(max(order_index) + 1, 0) AS next FROM deployment_executions WHERE project_ref = $project', { project: `project:${facts.project}` })).getRowObjectsJson()[0]?.next ?? 0);
        const row = deploymentRow(facts, orderIndex);
        await connection.runAndReadAll(`INSERT INTO deployment_executions (ref, project_ref, deployment_name, run_ref, order_index, started_at, status, payload_json)
       VALUES ($ref, $project_ref, $deployment_name, $run_ref, $order_index, $started_at, $status, $payload_json)
       ON CONFLICT (ref) DO UPDATE SET project_ref = excluded.project_ref, deployment_name = excluded.deployment_name,
         run_ref = excluded.run_ref, order_index = excluded.order_index, started_at = excluded.started_at,
         status = excluded.status, payload_json = excluded.payload_json`, { ...row });
        if (tables.has('structural_ref_registry')) {
            await connection.runAndReadAll(`INSERT INTO structural_ref_registry (ref, ref_kind, owner_kind, registered_at)
         VALUES ($ref, 'deployment', 'deployment_execution', $at) ON CONFLICT (ref) DO NOTHING`, { ref, at: contractTimestamp(facts.endedAt) });
        }
        await connection.runAndReadAll('COMMIT');
        inTransaction = false;
        // Fold the write-ahead log into the file now: the workspace is uploaded right after, and a
        // reader of the artifact must not depend on a `.wal` travelling with it.
        await connection.runAndReadAll('CHECKPOINT');
        return { outcome: 'written', ref, orderIndex, replaced: existing !== undefined };
    }
    catch (error) {
        if (inTransaction)
            await connection?.runAndReadAll('ROLLBACK').catch(() => undefined);
        return skip('ledger_unwritable', `the ledger row could not be written: ${error.message.split('\n')[0]}`);
    }
    finally {
        connection?.closeSync();
        instance.closeSync();
    }
}

;// CONCATENATED MODULE: ./src/promote/write-record.ts
/**
 * Appends a promotion record to a workspace: always to the capture cache, and to the canonical
 * record store when one exists, with the manifest replaced atomically (write a sibling file, then
 * rename) exactly as the SDK's record store does. Writing is idempotent: a record whose ref is
 * already present is not written again.
 */





const write_record_Manifest = schemas/* object */.Ikc({
    current_segment_id: schemas/* number */.aig().int().positive(),
    current_segment_record_count: schemas/* number */.aig().int().nonnegative(),
    last_committed_sequence: schemas/* number */.aig().int().nonnegative(),
    layout_mode: schemas/* literal */.euz('jsonl_segments'),
    layout_version: schemas/* literal */.euz('1'),
    next_sequence: schemas/* number */.aig().int().positive(),
})
    .loose();
async function fileHasRecordRef(file, recordRef) {
    const needle = JSON.stringify(recordRef);
    let found = false;
    try {
        await readLines(file, { maxLineBytes: 64 * 1024 * 1024 }, (event) => {
            if (event.kind === 'line' && event.text.includes(needle))
                found = true;
        });
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw error;
    }
    return found;
}
async function appendLine(file, line) {
    const handle = await external_node_fs_.promises.open(file, 'a+');
    try {
        const { size } = await handle.stat();
        let prefix = '';
        if (size > 0) {
            const last = Buffer.alloc(1);
            await handle.read(last, 0, 1, size - 1);
            // A torn last line must not swallow our record; start ours on a line of its own.
            if (last[0] !== 0x0a)
                prefix = '\n';
        }
        await handle.appendFile(`${prefix}${line}\n`);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
async function writeAtomically(file, content) {
    const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
    await external_node_fs_.promises.writeFile(temp, content);
    await external_node_fs_.promises.rename(temp, file);
}
async function writePromotionRecord(workspace, record, now = new Date()) {
    const recordRef = String(record.envelope.record_ref);
    const captureDir = external_node_path_default().join(workspace, 'cache', 'capture');
    const captureFile = external_node_path_default().join(captureDir, 'record.jsonl');
    let captureCache = 'already-present';
    if (!(await fileHasRecordRef(captureFile, recordRef))) {
        await external_node_fs_.promises.mkdir(captureDir, { recursive: true });
        await appendLine(captureFile, captureLine(record, now));
        captureCache = 'written';
    }
    const manifestFile = external_node_path_default().join(workspace, 'records', 'manifest.json');
    let manifestText;
    try {
        manifestText = await external_node_fs_.promises.readFile(manifestFile, 'utf8');
    }
    catch {
        return { captureCache, recordStore: 'absent' };
    }
    const manifest = write_record_Manifest.parse(JSON.parse(manifestText));
    const segment = external_node_path_default().join(workspace, 'records', 'segments', `segment-${String(manifest.current_segment_id).padStart(6, '0')}.jsonl`);
    if (await fileHasRecordRef(segment, recordRef))
        return { captureCache, recordStore: 'already-present' };
    const sequence = manifest.next_sequence;
    await external_node_fs_.promises.mkdir(external_node_path_default().dirname(segment), { recursive: true });
    await appendLine(segment, segmentLine(record, sequence, now));
    const next = {
        ...manifest,
        current_segment_record_count: manifest.current_segment_record_count + 1,
        last_committed_sequence: sequence,
        next_sequence: sequence + 1,
    };
    const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeAtomically(manifestFile, `${JSON.stringify(sorted, null, 2)}\n`);
    return { captureCache, recordStore: 'written' };
}

;// CONCATENATED MODULE: ./src/promote/promote.ts
/**
 * Promotion: after the gate has judged the workspace, record that the candidate moved forward — as
 * a GitHub Deployment (with statuses) and as a deployment record inside the evidence itself.
 * Re-running the same workflow run finds the deployment it created before instead of making a
 * second one, and the record writer recognises its own record.
 */




const PROMOTION_TASK = 'promote:model';
function payloadRunId(deployment) {
    let payload = deployment.payload;
    if (typeof payload === 'string') {
        try {
            payload = JSON.parse(payload);
        }
        catch {
            return null;
        }
    }
    const id = payload?.run_id;
    return typeof id === 'number' ? id : null;
}
/**
 * `duckdb` loads the engine for the ledger row; without it (or without a ledger in the workspace)
 * only the event record is written.
 */
async function promote(github, request, duckdb = null) {
    if (request.failing && !request.force) {
        return {
            promoted: false,
            reason: `Not promoted to ${request.environment}: the gate verdict is ${request.verdict}. Fix the failing gates, or set force: true to promote anyway (recorded as forced).`,
        };
    }
    const startedAt = new Date();
    const forced = request.failing && request.force;
    const earlier = await github.listDeployments({
        environment: request.environment,
        sha: request.sha,
        task: PROMOTION_TASK,
        limit: 100,
    });
    const existing = earlier.find((deployment) => payloadRunId(deployment) === request.workflowRunId);
    let deploymentId;
    if (existing) {
        deploymentId = existing.id;
    }
    else {
        const payload = {
            run_id: request.workflowRunId,
            run_url: request.workflowRunUrl,
            project: request.project,
            run_ref: request.runRef,
            verdict: request.verdict,
            forced,
            baseline_run_ref: request.baselineRunRef,
            baseline_source: request.baselineSource,
            key_metrics: request.keyMetrics,
            report_url: request.reportUrl,
        };
        const created = await github.createDeployment({
            ref: request.sha,
            environment: request.environment,
            task: PROMOTION_TASK,
            payload: payload,
            description: `${request.runRef} (gate ${request.verdict}${forced ? ', forced' : ''})`,
            productionEnvironment: request.environment === 'production',
        });
        deploymentId = created.id;
        await github.createDeploymentStatus(deploymentId, {
            state: 'in_progress',
            logUrl: request.workflowRunUrl,
            description: 'contexta/gate is recording the promotion',
        });
    }
    let record = null;
    let ledger = null;
    const status = 'completed';
    const endedAt = new Date();
    const facts = {
        project: request.project,
        runRef: request.runRef,
        environment: request.environment,
        status,
        startedAt,
        endedAt,
        githubDeploymentId: deploymentId,
        sha: request.sha,
        verdict: request.verdict,
        forced,
        workflowRunUrl: request.workflowRunUrl,
        baselineRunRef: request.baselineRunRef,
    };
    try {
        if (request.workspace) {
            record = await writePromotionRecord(request.workspace, buildPromotionRecord(facts));
        }
    }
    catch (error) {
        await github.createDeploymentStatus(deploymentId, {
            state: 'failure',
            logUrl: request.workflowRunUrl,
            description: `Could not write the deployment record: ${error.message}`,
        });
        throw error;
    }
    if (request.workspace && duckdb) {
        // Never fails the promotion: every problem comes back as a typed `skipped` outcome.
        ledger = await writeDeploymentRow(external_node_path_default().join(request.workspace, 'metadata', 'ledger.db'), facts, duckdb);
    }
    await github.createDeploymentStatus(deploymentId, {
        state: 'success',
        logUrl: request.workflowRunUrl,
        description: `${request.runRef} promoted${forced ? ' (forced past a failing gate)' : ''}`,
    });
    return { promoted: true, deploymentId, reused: existing !== undefined, forced, status, record, ledger };
}

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
        .slice(0, HISTORY_MAX_SERIES);
    const started = runs.map((r) => r.startedAt).find(validTime) ?? origin.recordedAt ?? lastObserved(runs) ?? EPOCH;
    return {
        v: HISTORY_VERSION,
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

;// CONCATENATED MODULE: ./src/action/history.ts
/**
 * The history chain in the action. The previous history rides in the baseline artifact the job
 * already downloads (no API call per earlier run); a push to the default branch of the repository
 * itself appends this run and the upload carries `history.jsonl` at the artifact's root. Pull
 * requests, merge queues and forks read history, never write it: their evidence is untrusted.
 */










const PushPayload = schemas/* object */.Ikc({
    repository: schemas/* object */.Ikc({ default_branch: schemas/* string */.YjP().min(1), fork: schemas/* boolean */.zMY().optional() }),
});
/** True for a push to the default branch of a repository that is not a fork. */
function writesHistory(ctx, eventPath) {
    if (ctx.eventName !== 'push' || ctx.pullRequest || ctx.mergeGroup || !eventPath)
        return false;
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
    }
    catch {
        return false;
    }
    const parsed = PushPayload.safeParse(payload);
    if (!parsed.success || parsed.data.repository.fork === true)
        return false;
    return ctx.ref === `refs/heads/${parsed.data.repository.default_branch}`;
}
/** The earlier runs' records to judge against; null when the baseline carried no history. */
function historyToJudge(baseline, project) {
    if (!baseline.history)
        return null;
    return baseline.history.records.filter((r) => project === null || r.project === project);
}
/**
 * Appends this run to the baseline's history and writes it at the workspace root. A missing chain
 * (first run, expired artifact, a baseline without history) restarts the history, and the note says
 * so.
 */
async function writeRunHistory(workspace, ctx, baseline, candidate, now) {
    const earlier = baseline.history?.records ?? [];
    const added = historyRecords(candidate, {
        runId: ctx.runId,
        commit: ctx.sha,
        recordedAt: now.toISOString(),
    });
    const records = appendHistory(earlier, added);
    const file = external_node_path_default().join(workspace, HISTORY_FILE);
    // A sharded gate job writes into a folder of its own, made only when there is a history to write.
    await external_node_fs_.promises.mkdir(workspace, { recursive: true });
    await external_node_fs_.promises.writeFile(file, serializeHistory(records));
    const projects = new Set(records.map((r) => r.project)).size;
    const kept = `${records.length} record${records.length === 1 ? '' : 's'} of ${projects} project${projects === 1 ? '' : 's'}`;
    let note;
    if (baseline.history) {
        note = `history: this run appended to ${HISTORY_FILE} (${kept}, the last 100 runs per project kept)`;
    }
    else if (baseline.evidence) {
        note = `history restarted with this run: the baseline artifact holds no ${HISTORY_FILE} (${kept})`;
    }
    else {
        note = `history restarted with this run: no earlier history could be fetched (${baseline.description}) (${kept})`;
    }
    return { file, note };
}
/** The artifact a sharded gate job keeps the merged run's history in. */
function historyArtifactName(base) {
    return `${base}-history`;
}
/**
 * Uploads a sharded gate job's history as its own artifact. Like the evidence upload, a failure is
 * reported and never fails the gate; the next run then restarts the history and says so.
 */
async function uploadShardedHistory(history, settings, ctx, github) {
    if (ctx.isGhes)
        return 'the history was not uploaded: GitHub Enterprise Server has no artifact service for actions';
    const name = historyArtifactName(settings.artifactName);
    try {
        const uploaded = await new ArtifactTransfer(github).uploadWorkspace(name, external_node_path_default().dirname(history.file), [history.file], settings.retentionDays ?? undefined);
        core/* info */.pq(`contexta/gate: uploaded the merged run's ${HISTORY_FILE} as '${name}' (${uploaded.id})`);
        return null;
    }
    catch (error) {
        core/* warning */.$e(`contexta/gate: the history artifact could not be uploaded: ${error.message}`);
        return `the history artifact '${name}' could not be uploaded: ${error.message}`;
    }
}
/**
 * The history a sharded gate job of `runId` uploaded; null when the run has none (its gate job
 * was not a push to the default branch, or the artifact expired or cannot be read — the chain then
 * restarts and the note says so).
 */
async function downloadShardedHistory(github, runId, base, dir) {
    const name = historyArtifactName(base);
    const artifact = (await github.listRunArtifacts(runId))
        .filter((a) => a.name === name && !a.expired)
        .sort((a, b) => b.id - a.id)[0];
    if (!artifact)
        return null;
    await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
    try {
        await new ArtifactTransfer(github).downloadArtifact(artifact.id, dir);
        return await readHistoryFile(external_node_path_default().join(dir, HISTORY_FILE));
    }
    catch (error) {
        if (error instanceof ArtifactExpiredError || error instanceof ZipArchiveError)
            return null;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/action/baseline.ts
/**
 * Resolves the `baseline` input to evidence: finds the run (or deployment, or path), downloads its
 * evidence artifact, extracts it safely and reads it. Every way this can come up empty — first run,
 * expired artifacts, GHES, a fork-built run — ends as "no baseline" with a plain reason, which the
 * engine turns into an `unknown` verdict rather than a pass.
 */












function none(description, skipped = []) {
    return {
        evidence: null,
        source: 'none',
        runId: null,
        runUrl: null,
        sha: null,
        branch: null,
        age: null,
        deploymentId: null,
        description,
        skipped,
        history: null,
    };
}
function describeAge(ms) {
    const hours = ms / 3_600_000;
    if (hours < 1)
        return 'less than an hour old';
    if (hours < 48)
        return `${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'} old`;
    return `${Math.round(hours / 24)} days old`;
}
const skippedLines = (skipped) => skipped.map((s) => s.detail);
async function downloadEvidence(env, github, artifact) {
    const dir = external_node_path_default().join(env.workDir, `baseline-${artifact.id}`);
    try {
        const evidence = await openArtifactEvidence(new ArtifactTransfer(github), artifact, dir, env.read, 'baseline artifact');
        const history = await readHistoryFile(external_node_path_default().join(dir, HISTORY_FILE));
        return { evidence, history };
    }
    catch (error) {
        if (error instanceof ArtifactExpiredError) {
            return {
                problem: `artifact '${artifact.name}' (${artifact.id}) has expired: it can no longer be downloaded`,
                expired: true,
            };
        }
        if (error instanceof ZipArchiveError) {
            return {
                problem: `artifact '${artifact.name}' (${artifact.id}) is not a usable zip: ${error.message}`,
            };
        }
        throw error;
    }
}
/**
 * A sharded gate (`shards: <n>`) finds the baseline run by its first shard's artifact and merges all
 * of that run's shards; otherwise the run's one evidence artifact.
 */
async function downloadRunEvidence(env, github, artifact, run) {
    const shards = env.settings.shards;
    if (shards === null)
        return downloadEvidence(env, github, artifact);
    const source = { github, workDir: external_node_path_default().join(env.workDir, 'baseline-shards'), read: env.read };
    const evidence = await readRunShards(source, { runId: run.id, sha: run.head_sha }, env.settings.artifactName, shards, 'baseline');
    // Shard artifacts carry no history.jsonl: the run's sharded gate job uploaded it on its own.
    const history = await downloadShardedHistory(github, run.id, env.settings.artifactName, external_node_path_default().join(env.workDir, 'baseline-history'));
    return { evidence, history };
}
/** The artifact that marks a run as a possible baseline: its evidence, or its first shard. */
function baselineArtifactName(settings, name) {
    return settings.shards === null ? name : shardArtifactName(name, 1, settings.shards);
}
/**
 * Which deployment a `deployment:<env>` baseline came from, so a reviewer can tell what "production"
 * meant for this comparison — and whether that promotion itself was forced past a failing gate.
 */
function describePromotion(promotion, runId, shortSha, ageMs) {
    const what = promotion.runRef ? ` of ${promotion.runRef}` : '';
    const when = Number.isNaN(Date.parse(promotion.createdAt))
        ? ''
        : `, made ${promotion.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
    const forced = promotion.forced ? '; that promotion was forced past a failing gate' : '';
    return `the last successful promotion to ${promotion.environment}: deployment ${promotion.deploymentId}${what}${when}, from run ${runId} at ${shortSha} (${describeAge(ageMs)})${forced}`;
}
/** How many times a run whose artifact expired after listing is replaced by the next candidate. */
const MAX_EXPIRED_RETRIES = 3;
/**
 * Finds the baseline run and downloads its evidence; when the artifact expired between the listing
 * and the download (410), the search runs again without that run, so the next candidate is used.
 */
async function findAndDownload(env, github, query) {
    const expiredRunIds = [];
    for (;;) {
        const result = await findBaseline(github, { ...query, expiredRunIds });
        const resolved = await fromFound(env, github, result);
        if (!resolved.expiredRunId || expiredRunIds.length >= MAX_EXPIRED_RETRIES) {
            const { expiredRunId: _expired, ...baseline } = resolved;
            return baseline;
        }
        expiredRunIds.push(resolved.expiredRunId);
    }
}
async function fromFound(env, github, result) {
    if (result.none) {
        const skipped = skippedLines(result.skipped);
        const why = skipped.length > 0
            ? ` — passed over: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? `; and ${skipped.length - 3} more` : ''}`
            : '';
        return none(`No baseline: ${result.reason}${why}`, skipped);
    }
    const downloaded = await downloadRunEvidence(env, github, result.artifact, result.run);
    const skipped = skippedLines(result.skipped);
    if ('problem' in downloaded) {
        const expired = downloaded.expired && result.source !== 'deployment' ? { expiredRunId: result.run.id } : {};
        return { ...none(`No baseline: ${downloaded.problem}`, skipped), ...expired };
    }
    const run = result.run;
    const short = run.head_sha.slice(0, 7);
    let where;
    if (result.source === 'merge-base')
        where = `the merge base ${short}`;
    else if (result.source === 'ancestor')
        where = `${short}, ${result.commitsBehind ?? 'some'} commit${result.commitsBehind === 1 ? '' : 's'} behind the merge base`;
    else if (result.source === 'deployment')
        where = `${short}, the run behind the last successful promotion`;
    else
        where = `${short}, the previous successful run on ${run.head_branch ?? 'this branch'}`;
    const description = result.promotion
        ? describePromotion(result.promotion, run.id, short, result.ageMs)
        : `run ${run.id} at ${where} (${describeAge(result.ageMs)})`;
    return {
        evidence: downloaded.evidence,
        source: result.source,
        runId: run.id,
        runUrl: run.html_url,
        sha: run.head_sha,
        branch: run.head_branch ?? null,
        age: describeAge(result.ageMs),
        deploymentId: result.deploymentId ?? null,
        description,
        skipped,
        history: downloaded.history,
    };
}
async function currentWorkflow(ctx, github) {
    if (ctx.workflowFile)
        return ctx.workflowFile;
    return (await github.getWorkflowRun(ctx.runId)).workflow_id;
}
async function auto(env, github, artifactName) {
    const { ctx, settings } = env;
    const workflow = await currentWorkflow(ctx, github);
    const common = {
        workflow,
        artifactName: baselineArtifactName(settings, artifactName),
        maxRuns: settings.maxBaselineRuns,
    };
    if (ctx.pullRequest) {
        const pr = ctx.pullRequest;
        const comparison = await github.compareCommits(pr.baseSha, pr.headSha);
        const mergeBaseSha = comparison.merge_base_commit.sha;
        return findAndDownload(env, github, { ...common, baseBranch: pr.baseRef, mergeBaseSha });
    }
    if (ctx.mergeGroup) {
        // A merge queue gates like a push to the base branch: against the run at the queue's base.
        const group = ctx.mergeGroup;
        return findAndDownload(env, github, {
            ...common,
            baseBranch: group.baseRef,
            mergeBaseSha: group.baseSha,
        });
    }
    const branch = ctx.ref.replace(/^refs\/heads\//, '');
    return findAndDownload(env, github, {
        ...common,
        baseBranch: branch,
        headSha: ctx.sha,
        currentRunId: ctx.runId,
    });
}
async function explicitRun(env, github, runId) {
    const run = await github.getWorkflowRun(runId);
    const trusted = `${env.ctx.owner}/${env.ctx.repo}`;
    if (run.head_repository?.full_name !== trusted) {
        return none(`No baseline: run ${runId} was built from ${run.head_repository?.full_name ?? 'a deleted repository'}, not ${trusted}; its artifacts are untrusted`);
    }
    const name = baselineArtifactName(env.settings, env.settings.artifactName);
    const artifacts = (await github.listRunArtifacts(runId, name)).filter((a) => a.name === name && !a.expired);
    const artifact = artifacts.sort((a, b) => b.id - a.id)[0];
    if (!artifact)
        return none(`No baseline: run ${runId} has no unexpired artifact named '${name}'`);
    const downloaded = await downloadRunEvidence(env, github, artifact, run);
    if ('problem' in downloaded)
        return none(`No baseline: ${downloaded.problem}`);
    return {
        evidence: downloaded.evidence,
        source: 'run',
        runId,
        runUrl: run.html_url,
        sha: run.head_sha,
        branch: run.head_branch ?? null,
        age: describeAge(Date.now() - Date.parse(run.created_at)),
        deploymentId: null,
        description: `run ${runId} at ${run.head_sha.slice(0, 7)} (given as baseline: run:${runId}; ${describeAge(Date.now() - Date.parse(run.created_at))})`,
        skipped: [],
        history: downloaded.history,
    };
}
async function resolveBaseline(env) {
    const { settings, ctx, github } = env;
    const spec = settings.baseline;
    if (spec.kind === 'none')
        return none('No baseline: baseline: none was given; only absolute thresholds apply');
    if (spec.kind === 'path') {
        const resolved = external_node_path_default().resolve(ctx.workspaceDir, spec.path);
        const evidence = await openEvidence(resolved, env.read);
        const history = await readHistoryFile(external_node_path_default().join(resolved, HISTORY_FILE));
        return { ...none(`the local workspace ${spec.path}`), evidence, source: 'path', history };
    }
    if (ctx.isGhes) {
        return none('No baseline: GitHub Enterprise Server has no artifact service for actions, so earlier runs cannot be searched; use `baseline: <path>` with a workspace produced in this job');
    }
    if (!github)
        return none('No baseline: no github-token was given, so earlier runs cannot be searched');
    if (spec.kind === 'run')
        return explicitRun(env, github, spec.runId);
    if (spec.kind === 'artifact') {
        const found = await auto(env, github, spec.name);
        return found.evidence ? { ...found, source: 'artifact' } : found;
    }
    if (spec.kind === 'deployment') {
        const result = await findDeployedBaseline(github, {
            environment: spec.environment,
            artifactName: baselineArtifactName(settings, settings.artifactName),
            task: PROMOTION_TASK,
            creator: settings.commentAuthor,
            branch: (await github.getRepository()).default_branch,
        });
        return fromFound(env, github, result);
    }
    return auto(env, github, settings.artifactName);
}

;// CONCATENATED MODULE: ./src/action/ledger.ts
/**
 * How the action gets DuckDB for ledgers (reading statuses, writing a promotion's row): from a
 * node_modules next to the bundle when there is one (a checkout of this repository), else restored
 * from the Actions cache or installed into RUNNER_TEMP at the pinned version (and then kept in the
 * cache for later runs), with a time limit so offline runners end up with "statuses unavailable",
 * not a hang. One loader per job: DuckDB is imported at most once.
 */





function createDuckDbLoader(runnerTemp) {
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    return new DuckDbLoader({
        searchPaths: [here, process.cwd()],
        cacheDir: runnerTemp ? external_node_path_default().join(runnerTemp, 'contexta-gate-duckdb') : null,
        store: runnerTemp ? createActionsCacheStore() : null,
        installTimeoutMs: 120_000,
    });
}
function createLedgerReader(loader) {
    return new DuckDbLedgerReader(loader);
}

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

;// CONCATENATED MODULE: ./src/action/redaction.ts
/**
 * The one place text leaves the action: every string that may carry evidence text passes through
 * `redact` before it reaches a comment, review, summary, check run, annotation, output, status or
 * report file, so neither the job's token nor anything shaped like a GitHub token is ever written.
 */

const secrets = [];
/** Registers the job's token (whatever its shape) once, before anything is written. */
function registerSecret(secret) {
    if (secret && !secrets.includes(secret))
        secrets.push(secret);
}
function redact(text) {
    return redactTokens(text, secrets);
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

;// CONCATENATED MODULE: ./src/action/sticky-comment.ts
/**
 * Decides what to do with the one sticky PR comment: create it, update it in place, leave it, and
 * which duplicates to remove. Pure, so every policy case is tested without a server.
 */

/** The hidden marker is the report renderer's, so the body we post and the one we look for agree. */

const FINGERPRINT = /<!-- contexta-gate-fingerprint:([0-9a-f]{16}) -->/;
function fingerprintMarker(fingerprint) {
    return `<!-- contexta-gate-fingerprint:${fingerprint} -->`;
}
/** What "changed" means for `comment: on-change`: the verdict and the set of tripped gate rows. */
function reportFingerprint(parts) {
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}
/** The first line of a body, without a trailing carriage return. */
function firstLine(body) {
    const end = body.indexOf('\n');
    return (end < 0 ? body : body.slice(0, end)).replace(/\r$/, '');
}
/**
 * A comment (or review) is ours only when its first line is exactly our marker and the identity we
 * post as wrote it. A marker further down — quoted, or inside a code span of another report — and
 * the same marker in any other account's comment (another bot's included) never count: anyone can
 * paste the marker, and we must never edit or delete what someone else wrote.
 */
function isOurs(body, authorLogin, marker, selfLogin) {
    return selfLogin !== '' && authorLogin === selfLogin && firstLine(body) === marker;
}
function ourComments(existing, marker, selfLogin) {
    return existing
        .filter((comment) => isOurs(comment.body, comment.authorLogin, marker, selfLogin))
        .sort((a, b) => a.id - b.id);
}
function planStickyComment(input) {
    const [sticky, ...duplicates] = input.ours;
    const deleteIds = duplicates.map((comment) => comment.id);
    if (input.when === 'off')
        return { action: 'skip', deleteIds: [], reason: 'comment: off' };
    if (!sticky) {
        if (input.when === 'on-failure' && !input.failing) {
            return { action: 'skip', deleteIds, reason: 'comment: on-failure and the gate did not fail' };
        }
        return { action: 'create', deleteIds, reason: 'no earlier comment' };
    }
    if (input.when === 'on-change') {
        const previous = FINGERPRINT.exec(sticky.body)?.[1];
        if (previous === input.fingerprint) {
            return {
                action: 'skip',
                deleteIds,
                reason: 'comment: on-change and nothing changed since the last report',
            };
        }
    }
    // on-failure keeps updating an existing comment, so a fixed PR does not keep showing a stale failure.
    return { action: 'update', commentId: sticky.id, deleteIds, reason: 'updating the earlier comment' };
}

;// CONCATENATED MODULE: ./src/action/reporting.ts
/**
 * Everything the action says about a finished gate: report files, step outputs, the job summary,
 * the sticky comment or review, the check run, and the one-line failure reason.
 */









/** GitHub rejects step summaries over 1 MiB; keep well under it. */
const MAX_SUMMARY_BYTES = 900 * 1024;
const CHECK_NAME = 'contexta-gate';
async function writeReportFiles(dir, report, markdown) {
    await external_node_fs_.promises.mkdir(dir, { recursive: true });
    const files = { json: external_node_path_default().join(dir, 'report.json'), markdown: external_node_path_default().join(dir, 'report.md') };
    await external_node_fs_.promises.writeFile(files.json, redact(renderJson(report)));
    await external_node_fs_.promises.writeFile(files.markdown, redact(markdown));
    return files;
}
function shouldFail(report, failOn) {
    if (failOn === 'never')
        return false;
    if (report.exit.outcome === 'fail')
        return true;
    return failOn === 'warn' && report.exit.outcome === 'warn';
}
/** The one line `core.setFailed` prints: what failed, and where to read why. */
function reporting_failureLine(report) {
    const failed = report.gates.filter((gate) => gate.outcome === 'fail');
    if (failed.length === 0)
        return `contexta/gate: ${report.headline}`;
    const first = failed[0];
    const more = failed.length > 1 ? ` (+${failed.length - 1} more failing gate${failed.length > 2 ? 's' : ''})` : '';
    return `contexta/gate: gate "${first.name}" failed: ${first.message}${more}`;
}
function setOutputs(report, files, baseline, extra) {
    const count = (outcome) => String(report.gates.filter((gate) => gate.outcome === outcome).length);
    const output = (name, value) => core/* setOutput */.uH(name, redact(value));
    output('verdict', report.verdict);
    output('exit-verdict', report.exit.outcome);
    output('gates-failed', count('fail'));
    output('gates-warned', count('warn'));
    output('gates-passed', count('pass'));
    output('evidence-gaps', String(report.gaps.candidate.length));
    output('report-json', files.json);
    output('report-markdown', files.markdown);
    output('baseline-run-id', baseline.runId === null ? '' : String(baseline.runId));
    output('baseline-run-url', baseline.runUrl ?? '');
    output('baseline-source', baseline.source);
    for (const [name, value] of Object.entries(extra))
        output(name, value);
}
/**
 * The longest prefix of `text` that is at most `maxBytes` of UTF-8, cut between code points: never
 * inside a surrogate pair or a multi-byte sequence.
 */
function cutToBytes(text, maxBytes) {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    let bytes = 0;
    let end = 0;
    for (const char of text) {
        const size = Buffer.byteLength(char);
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        end += char.length;
    }
    return text.slice(0, end);
}
async function writeJobSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    let body = redact(markdown);
    if (Buffer.byteLength(body) > MAX_SUMMARY_BYTES) {
        body = `${cutToBytes(body, MAX_SUMMARY_BYTES)}\n\n…(summary truncated at ${MAX_SUMMARY_BYTES} bytes; the full report is in the report-json output)\n`;
    }
    await core/* summary */.z.addRaw(body, true).write();
}
function fingerprintOf(report) {
    const tripped = report.gates
        .filter((gate) => gate.outcome !== 'pass' && gate.outcome !== 'skipped')
        .map((gate) => `${gate.name}:${gate.outcome}:${gate.message}`);
    return reportFingerprint([report.verdict, ...tripped, ...report.findings.map((finding) => finding.code)]);
}
function renderComment(report, key, runUrl) {
    const body = renderMarkdown(report, { marker: key, runUrl, audience: 'action' });
    return redact(`${body}\n${fingerprintMarker(fingerprintOf(report))}\n`);
}
/**
 * Creates or updates the sticky comment, then looks again: when two runs of the same PR finish at
 * once both may create one, and the later one removes the extra so one comment remains.
 */
async function postStickyComment({ github, prNumber, key, runUrl }, report, settings) {
    const marker = markerComment(key);
    const body = renderComment(report, key, runUrl);
    const existing = await github.listIssueComments(prNumber);
    const toExisting = (list) => list.map((c) => ({
        id: c.id,
        body: c.body ?? '',
        authorLogin: c.user?.login ?? '',
    }));
    const plan = planStickyComment({
        ours: ourComments(toExisting(existing), marker, settings.commentAuthor),
        when: settings.comment,
        failing: report.exit.outcome === 'fail',
        fingerprint: fingerprintOf(report),
    });
    for (const id of plan.deleteIds)
        await github.deleteComment(id);
    if (plan.action === 'skip')
        return { url: null, note: plan.reason };
    const posted = plan.action === 'update'
        ? await github.updateComment(plan.commentId, body)
        : await github.createComment(prNumber, body);
    if (plan.action === 'create') {
        const again = ourComments(toExisting(await github.listIssueComments(prNumber)), marker, settings.commentAuthor);
        const keep = again[0];
        if (keep && keep.id !== posted.id) {
            await github.deleteComment(posted.id);
            const updated = await github.updateComment(keep.id, body);
            return {
                url: updated.html_url ?? null,
                note: 'another run had posted first; updated that comment instead',
            };
        }
    }
    return { url: posted.html_url ?? null, note: plan.reason };
}
/**
 * Review mode: REQUEST_CHANGES when the gate fails, COMMENT otherwise, and our own earlier change
 * request is dismissed once a later run passes so the review panel tells the truth.
 */
async function postReview({ github, prNumber, key, runUrl, headSha }, report, settings) {
    const body = renderComment(report, key, runUrl);
    const failing = report.exit.outcome === 'fail';
    const marker = markerComment(key);
    const reviews = await github.listReviews(prNumber);
    const review = await github.createReview(prNumber, {
        body,
        event: failing ? 'REQUEST_CHANGES' : 'COMMENT',
        commitId: headSha,
    });
    if (!failing) {
        for (const earlier of reviews) {
            if (earlier.state === 'CHANGES_REQUESTED' &&
                isOurs(earlier.body ?? '', earlier.user?.login ?? '', marker, settings.commentAuthor)) {
                await github.dismissReview(prNumber, earlier.id, 'contexta/gate: a later run of the gate passed.');
            }
        }
    }
    return { url: review.html_url ?? null, note: failing ? 'requested changes' : 'commented' };
}
async function publishToPullRequest(target, report, settings) {
    if (settings.comment === 'off')
        return { url: null, note: 'comment: off' };
    if (settings.commentAs === 'review') {
        try {
            return await postReview(target, report, settings);
        }
        catch (error) {
            if (!(error instanceof GitHubPermissionError))
                throw error;
            core/* notice */.lm(`contexta/gate: cannot submit a review (${error.message}); posting the sticky comment instead.`);
        }
    }
    return postStickyComment(target, report, settings);
}
/** One annotation per tripped gate, on the config file that declares the gates. */
function checkAnnotations(report, file) {
    const annotations = [];
    for (const gate of report.gates) {
        if (gate.outcome !== 'fail' && gate.outcome !== 'warn')
            continue;
        annotations.push({
            path: file,
            start_line: 1,
            end_line: 1,
            annotation_level: gate.outcome === 'fail' ? 'failure' : 'warning',
            title: truncate(redact(`contexta/gate: ${gate.name}`), 255),
            message: truncate(redact(gate.message), 64_000),
        });
    }
    if (report.verdict === 'unknown') {
        annotations.push({
            path: file,
            start_line: 1,
            end_line: 1,
            annotation_level: 'warning',
            title: 'contexta/gate: verdict unknown',
            message: truncate(redact(report.headline), 64_000),
        });
    }
    return annotations;
}
/**
 * The check run carries the annotations itself (workflow-command annotations are capped per step):
 * the first 50 with the create call, the rest in updates of 50 each, as GitHub requires.
 */
async function createCheckRun(github, report, where) {
    const conclusion = report.exit.outcome === 'fail' ? 'failure' : report.exit.outcome === 'warn' ? 'neutral' : 'success';
    const output = {
        title: truncate(redact(report.headline), 250),
        summary: truncate(redact(where.markdown), 65_000),
    };
    const annotations = checkAnnotations(report, where.path);
    const batches = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
        batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    }
    const [first = [], ...rest] = batches;
    const created = await github.createCheckRun({
        name: CHECK_NAME,
        headSha: where.headSha,
        status: 'completed',
        conclusion,
        detailsUrl: where.runUrl,
        output: { ...output, annotations: first },
    });
    for (const batch of rest)
        await github.updateCheckRun(created.id, { output: { ...output, annotations: batch } });
}

;// CONCATENATED MODULE: ./src/action/waivers.ts
/**
 * Gathers waiver requests of a pull request and decides whom to trust. A label counts when the
 * person who applied it has write access. A commit trailer counts only on a commit whose signature
 * GitHub verified, for an account with write access: the author login GitHub shows for a commit
 * comes from its e-mail, which anyone can set to a maintainer's. The engine then rejects the PR
 * author's own requests unless `policy.waivers.self` is true, and shows every rejection with why.
 */


const WRITE_LEVELS = new Set(['admin', 'maintain', 'write']);
const waivers_TRAILER = /^gate-waive:/im;
/** The PR a run judges: its own, or in a merge queue the PR being merged (from the queue's ref). */
async function pullOf(github, ctx) {
    if (ctx.pullRequest) {
        return { number: ctx.pullRequest.number, labels: ctx.pullRequest.labels, author: ctx.pullRequest.author };
    }
    const number = ctx.mergeGroup?.prNumber;
    if (!number)
        return null;
    const pull = await github.getPull(number);
    return { number, labels: pull.labels.map((l) => l.name), author: pull.user?.login ?? null };
}
async function collectWaiverRequests(github, ctx) {
    const pr = await pullOf(github, ctx);
    if (!pr)
        return {};
    const permissions = new Map();
    const standing = async (login) => {
        if (!login)
            return { trusted: false, distrust: 'no GitHub account is attached to it' };
        const known = permissions.get(login);
        if (known)
            return known;
        let result;
        try {
            const level = (await github.getCollaboratorPermission(login)).permission;
            result = WRITE_LEVELS.has(level) ? { trusted: true } : { trusted: false };
        }
        catch (error) {
            // 404: not a collaborator, so no write access. Anything else (5xx, 403) proves nothing.
            result =
                error instanceof GitHubNotFoundError
                    ? { trusted: false }
                    : {
                        trusted: false,
                        distrust: `write access of ${login} is unverified: the permission lookup failed (${error instanceof GitHubError && error.status !== undefined ? error.status : error.message})`,
                    };
        }
        permissions.set(login, result);
        return result;
    };
    const labels = [];
    const waiverLabels = pr.labels.filter((name) => name.toLowerCase().startsWith(WAIVER_LABEL_PREFIX));
    if (waiverLabels.length > 0) {
        const events = await github.listIssueEvents(pr.number);
        for (const name of waiverLabels) {
            const applied = events
                .filter((event) => event.event === 'labeled' && event.label?.name === name)
                .at(-1);
            const grantedBy = applied?.actor?.login ?? '';
            labels.push({ name, grantedBy: grantedBy || 'unknown', ...(await standing(grantedBy)) });
        }
    }
    const commits = [];
    for (const commit of await github.listPullCommits(pr.number)) {
        if (!waivers_TRAILER.test(commit.commit.message))
            continue;
        const author = commit.author?.login ?? '';
        const verification = commit.commit.verification;
        const base = { message: commit.commit.message, author: author || 'unknown' };
        if (!verification?.verified) {
            commits.push({
                ...base,
                trusted: false,
                distrust: `commit ${commit.sha.slice(0, 7)} is not signed with a signature GitHub verified (${verification?.reason ?? 'no signature'}), so its author cannot be known`,
            });
            continue;
        }
        commits.push({ ...base, ...(await standing(author)) });
    }
    return { labels, commits, prAuthor: pr.author };
}

;// CONCATENATED MODULE: ./src/action/judge.ts
/**
 * The step every mode shares: config → candidate evidence → upload → baseline → gate → report
 * (files, summary, annotations, comment or review, check run), then the outputs and the verdict.
 * Anything that talks to GitHub degrades to a notice when a permission is missing: the report still
 * reaches the job summary, and the verdict still decides the step.
 */


















/** Runs a GitHub call that is a nice-to-have: a missing permission becomes a notice, not a failure. */
async function bestEffort(what, call) {
    try {
        return await call();
    }
    catch (error) {
        if (error instanceof GitHubPermissionError) {
            core/* notice */.lm(redact(`contexta/gate: skipped ${what}: ${error.message}`));
        }
        else {
            core/* warning */.$e(redact(`contexta/gate: ${what} failed: ${error.message}`));
        }
        return null;
    }
}
function annotate(report, configSource) {
    for (const gate of report.gates) {
        const title = redact(`contexta/gate: ${gate.name}`);
        if (gate.outcome === 'fail')
            core/* error */.z3(redact(gate.message), { title });
        else if (gate.outcome === 'warn')
            core/* warning */.$e(redact(gate.message), { title });
    }
    if (report.verdict === 'unknown')
        core/* warning */.$e(redact(report.headline), { title: 'contexta/gate: verdict unknown' });
    core/* info */.pq(redact(`contexta/gate: config from ${configSource}`));
}
/**
 * One scratch directory per step: two gate steps in one job (a matrix of projects, or two configs)
 * must not write their report.json over each other's.
 */
function stepDirName(ctx, settings) {
    const safe = (text) => text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
    const step = ctx.stepId ? `-${safe(ctx.stepId)}` : '';
    return `${ctx.runId}-${ctx.runAttempt}-${safe(settings.artifactName)}${step}`;
}
async function judge(input) {
    const { settings, ctx, github } = input;
    const workDir = external_node_path_default().join(ctx.runnerTemp, 'contexta-gate', stepDirName(ctx, settings));
    const duckdb = createDuckDbLoader(ctx.runnerTemp);
    const pool = createParsePool(parseThreads(settings.maxWorkers));
    const read = {
        ledger: createLedgerReader(duckdb),
        pool,
        sampleNames: new SampleNames(),
        ...(settings.maxLineBytes === null ? {} : { maxLineBytes: settings.maxLineBytes }),
        ...(settings.maxJsonDepth === null ? {} : { maxDepth: settings.maxJsonDepth }),
    };
    const loaded = await loadGateConfig(settings, ctx, github);
    for (const warning of loaded.warnings)
        core/* warning */.$e(redact(`contexta/gate: ${warning}`));
    const workspace = input.candidatePath ?? external_node_path_default().resolve(ctx.workspaceDir, settings.workspace);
    // With `shards`, the candidate is the run's shard artifacts, and they already are its evidence
    // for later runs: there is no workspace of this job to read or upload.
    const sharded = settings.shards !== null && input.candidatePath === undefined;
    const candidate = onlyProject(sharded
        ? await readCurrentShards(settings, ctx, github, { workDir, read })
        : await openEvidence(workspace, read), settings.project);
    const baseline = await resolveBaseline({ settings, ctx, github, workDir, read });
    await pool?.close();
    read.sampleNames?.release();
    if (baseline.evidence)
        baseline.evidence = onlyProject(baseline.evidence, settings.project);
    if (baseline.evidence && baseline.history)
        baseline.evidence.gaps.push(...baseline.history.gaps);
    // The history is written before the upload so the artifact carries it; only trusted pushes write.
    // A sharded gate job keeps the merged run's history in an artifact of its own.
    const historyDir = sharded ? external_node_path_default().join(workDir, 'history') : workspace;
    const history = github && settings.upload && writesHistory(ctx, process.env.GITHUB_EVENT_PATH)
        ? await writeRunHistory(historyDir, ctx, baseline, candidate, new Date())
        : null;
    const historyProblem = github && history && sharded ? await uploadShardedHistory(history, settings, ctx, github) : null;
    const uploaded = github && settings.upload && !sharded
        ? await uploadEvidence(workspace, settings, ctx, github, history ? [history.file] : [])
        : null;
    for (const line of baseline.skipped)
        core/* info */.pq(redact(`contexta/gate: baseline candidate skipped: ${line}`));
    const waivers = github && ctx.pullRequest
        ? ((await bestEffort('reading waiver labels and trailers', () => collectWaiverRequests(github, ctx))) ??
            {})
        : {};
    const prNumber = input.target?.prNumber ?? ctx.pullRequest?.number ?? ctx.mergeGroup?.prNumber ?? null;
    const headSha = input.target?.headSha ?? ctx.pullRequest?.headSha ?? ctx.sha;
    const report = judgeRuns({
        baseline: baseline.evidence,
        candidate,
        config: loaded.config,
        waivers,
        history: historyToJudge(baseline, settings.project),
        ...(settings.run ? { candidateRun: settings.run } : {}),
        context: {
            repository: `${ctx.owner}/${ctx.repo}`,
            ...(prNumber === null ? {} : { pullRequest: prNumber }),
            sha: headSha,
            ...(baseline.sha ? { baselineSha: baseline.sha } : {}),
            baselineSource: baseline.description,
            ...(baseline.runUrl ? { baselineRunUrl: baseline.runUrl } : {}),
            ...(baseline.runId === null ? {} : { baselineRunId: baseline.runId }),
            ...(baseline.branch ? { baselineBranch: baseline.branch } : {}),
            ...(baseline.age ? { baselineAge: baseline.age } : {}),
            configSource: loaded.source,
        },
    });
    if (uploaded?.note)
        report.notes.push(uploaded.note);
    if (loaded.notices.length > 0)
        report.configNotices = loaded.notices;
    if (history)
        report.notes.push(history.note);
    if (historyProblem)
        report.notes.push(historyProblem);
    const key = settings.artifactName;
    const markdown = redact(renderMarkdown(report, { runUrl: ctx.runUrl, audience: 'action' }));
    const files = await writeReportFiles(workDir, report, markdown);
    annotate(report, loaded.source);
    await writeJobSummary(markdown + trendChart(report));
    let commentUrl = '';
    if (github && prNumber !== null) {
        const posted = await bestEffort('posting the pull request comment', () => publishToPullRequest({ github, prNumber, key, runUrl: ctx.runUrl, headSha }, report, settings));
        commentUrl = posted?.url ?? '';
        if (posted)
            core/* info */.pq(redact(`contexta/gate: comment: ${posted.note}`));
    }
    if (github && input.checkRun) {
        await bestEffort('creating the check run', () => createCheckRun(github, report, { headSha, runUrl: ctx.runUrl, markdown, path: settings.configPath }));
    }
    return {
        report,
        baseline,
        candidate,
        workspace,
        duckdb,
        files,
        commentUrl,
        historyFile: history?.file ?? null,
    };
}
/** The step outputs, then the verdict: fails the step when the report says so under `fail-on`. */
function conclude(judged, settings, deploymentId = '') {
    const { report } = judged;
    setOutputs(report, judged.files, judged.baseline, {
        'comment-url': judged.commentUrl,
        'deployment-id': deploymentId,
    });
    if (shouldFail(report, settings.failOn))
        core/* setFailed */.C1(redact(reporting_failureLine(report)));
}

;// CONCATENATED MODULE: ./src/action/gate-flow.ts

async function runGateFlow(settings, ctx, github) {
    const judged = await judge({ settings, ctx, github, checkRun: true });
    conclude(judged, settings);
}

;// CONCATENATED MODULE: ./src/action/promote-flow.ts
/**
 * `mode: promote` — judge the workspace like `mode: gate`, then record the candidate run as deployed
 * to `environment` (a GitHub deployment, a ledger row and a `deployment.promoted` record), unless the
 * gate failed and `force` is off.
 */




const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

function keyMetrics(report) {
    const metrics = {};
    for (const gate of report.gates) {
        for (const check of gate.checks) {
            if (check.metric &&
                check.slice === null &&
                check.candidate !== null &&
                Object.keys(metrics).length < 20) {
                metrics[`${check.stage ?? 'run'}/${check.metric}`] = check.candidate;
            }
        }
    }
    return metrics;
}
function candidateRunRef(report, evidence) {
    const run = report.candidate.runs[0];
    if (run)
        return { project: run.project, runRef: run.ref };
    const project = evidence.projects[0];
    const only = project?.runs[0];
    return project && only ? { project: project.name, runRef: only.ref } : null;
}
/** Promotes the judged run; returns the deployment id, or '' when nothing was promoted. */
async function promoteJudged(judged, settings, ctx, github, environment) {
    const { report, candidate, workspace } = judged;
    const run = candidateRunRef(report, candidate);
    if (!run)
        throw new Error('Cannot promote: the workspace holds no run to promote.');
    const result = await promote(github, {
        environment,
        sha: ctx.sha,
        ref: ctx.ref,
        workflowRunId: ctx.runId,
        workflowRunUrl: ctx.runUrl,
        project: run.project,
        runRef: run.runRef,
        verdict: report.verdict,
        failing: report.exit.outcome === 'fail',
        force: settings.force,
        baselineRunRef: report.baseline?.runs[0]?.ref ?? null,
        baselineSource: judged.baseline.description,
        keyMetrics: keyMetrics(report),
        reportUrl: judged.commentUrl || ctx.runUrl,
        workspace: candidate.source.kind === 'contexta' ? workspace : null,
    }, judged.duckdb);
    if (!result.promoted) {
        core/* setFailed */.C1(`contexta/gate: ${result.reason}`);
        return '';
    }
    core/* info */.pq(`contexta/gate: ${result.reused ? 'found the deployment of this run' : 'created deployment'} ${result.deploymentId} for ${run.runRef} in ${environment}${result.forced ? ' (forced)' : ''}`);
    const row = result.ledger;
    if (row?.outcome === 'written')
        core/* info */.pq(`contexta/gate: ledger row ${row.ref} ${row.replaced ? 'updated' : 'added'} (deployment_executions)`);
    else if (row?.outcome === 'skipped')
        core/* warning */.$e(`contexta/gate: the ledger's deployment row was not written (${row.code}): ${row.reason}; the deployment.promoted record written to the evidence holds the same facts`);
    // Uploaded again so the artifact carries the promotion record and ledger row just written.
    if (settings.upload) {
        await uploadEvidence(workspace, settings, ctx, github, judged.historyFile ? [judged.historyFile] : []);
    }
    return String(result.deploymentId);
}
async function runPromoteFlow(settings, ctx, github) {
    if (PULL_REQUEST_EVENTS.has(ctx.eventName)) {
        // A PR's workflow file is the PR author's: promoting from it would let anyone deploy a baseline.
        throw new SettingsError([
            `mode: promote is refused on a '${ctx.eventName}' event: promotions record what was deployed, so they run only on a push to the default branch (on: push: branches: [main]).`,
        ]);
    }
    const judged = await judge({ settings, ctx, github, checkRun: true });
    const deploymentId = github && settings.environment
        ? await promoteJudged(judged, settings, ctx, github, settings.environment)
        : '';
    conclude(judged, settings, deploymentId);
}

;// CONCATENATED MODULE: ./src/action/publish-flow.ts
/**
 * `mode: publish` — the second half of the fork-safe two-workflow pattern. Runs on `workflow_run`
 * from the default branch with a write token. The triggering run (possibly a fork's) is untrusted:
 * its evidence artifact is read as data by the same hardened readers, gated again with the base
 * branch's config and baseline, and the verdict is posted as the sticky comment and as a commit
 * status on the PR's head commit, which is what blocks the merge.
 */







const STATUS_CONTEXT = 'contexta-gate';
/** A triggering run we refuse to publish for, with the reason the status and the log give. */
class UntrustedRunError extends Error {
    name = 'UntrustedRunError';
}
async function findPullRequest(github, run) {
    const listed = run.pull_requests[0]?.number;
    const candidates = [];
    if (listed !== undefined) {
        candidates.push(await github.getPull(listed));
    }
    else if (run.head_repository && run.head_branch) {
        // The run's PR list is empty for forks: find the open PR whose head is the fork's branch.
        const [headOwner] = run.head_repository.full_name.split('/');
        candidates.push(...(await github.listPullsByHead(`${headOwner}:${run.head_branch}`)));
    }
    // Only a PR whose head is exactly the commit that was evaluated may receive its verdict.
    return candidates.find((pull) => pull.head.sha === run.head_sha) ?? null;
}
/**
 * The triggering run must be a run of the `workflow` input's file as the default branch has it. A
 * fork can add its own workflow named like ours (`name: ml`) to trigger this one; its runs have
 * another path and another workflow id, and are refused.
 */
async function checkTrustedWorkflow(github, runId, workflowFile) {
    const expectedPath = `.github/workflows/${workflowFile}`;
    const [repository, workflow, run] = await Promise.all([
        github.getRepository(),
        github.getWorkflow(workflowFile),
        github.getWorkflowRun(runId),
    ]);
    const onDefault = await github.getFileContent(expectedPath, repository.default_branch);
    if (!workflow || onDefault === null) {
        throw new UntrustedRunError(`the trusted workflow ${expectedPath} (input 'workflow') does not exist on ${repository.default_branch}`);
    }
    if (run.path.replace(/@.*$/, '') !== expectedPath || run.workflow_id !== workflow.id) {
        throw new UntrustedRunError(`run ${runId} is a run of ${run.path.replace(/@.*$/, '') || `workflow ${run.workflow_id}`}, not of the trusted ${expectedPath}; its evidence is not published`);
    }
}
async function runPublishFlow(settings, ctx, github) {
    const run = ctx.workflowRun;
    if (!run)
        throw new Error("mode: publish runs on 'workflow_run' events; this is a '" + ctx.eventName + "' event.");
    if (run.event !== 'pull_request') {
        core/* info */.pq(`contexta/gate: the triggering run was a '${run.event}' run, not a pull request; nothing to publish.`);
        return;
    }
    const status = (state, description) => github.createCommitStatus(run.head_sha, {
        state,
        context: STATUS_CONTEXT,
        description: redact(description),
        targetUrl: ctx.runUrl,
    });
    // Pending first, so a crash anywhere below can never leave the head commit without a status.
    await status('pending', `Judging the evidence of run ${run.id}`);
    try {
        await publish(settings, ctx, github, run, status);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof UntrustedRunError) {
            await status('failure', `Refused: ${message}`);
            core/* setFailed */.C1(redact(`contexta/gate: refused to publish: ${message}.`));
            return;
        }
        await status('error', `contexta/gate could not judge run ${run.id}: ${message}`).catch((statusError) => core/* warning */.$e(redact(`contexta/gate: could not set the error status: ${statusError.message}`)));
        throw error;
    }
}
async function publish(settings, ctx, github, run, status) {
    // readSettings requires `workflow` with mode: publish.
    const workflowFile = settings.workflow;
    await checkTrustedWorkflow(github, run.id, workflowFile);
    const pull = await findPullRequest(github, run);
    if (!pull) {
        await status('error', `No open pull request has head ${run.head_sha.slice(0, 7)}; nothing was judged`);
        core/* notice */.lm(`contexta/gate: no open pull request has head ${run.head_sha.slice(0, 7)}; nothing to publish.`);
        return;
    }
    const artifact = (await github.listRunArtifacts(run.id, settings.artifactName))
        .filter((a) => a.name === settings.artifactName && !a.expired)
        .sort((a, b) => b.id - a.id)[0];
    if (!artifact) {
        await status('error', `No '${settings.artifactName}' evidence artifact in run ${run.id}`);
        core/* setFailed */.C1(`contexta/gate: run ${run.id} uploaded no '${settings.artifactName}' artifact; the gate step of the pull_request workflow must run with upload: true.`);
        return;
    }
    const candidateDir = external_node_path_default().join(ctx.runnerTemp, 'contexta-gate', `candidate-${run.id}`);
    await external_node_fs_.promises.rm(candidateDir, { recursive: true, force: true });
    let downloaded;
    try {
        downloaded = await new ArtifactTransfer(github).downloadArtifact(artifact.id, candidateDir, {
            trusted: false,
            digest: artifact.digest,
        });
    }
    catch (error) {
        if (!(error instanceof ZipArchiveError || error instanceof ArtifactDigestError))
            throw error;
        // The fork chose these bytes: unusable evidence is an error status, never a pass.
        await status('error', `Evidence artifact of run ${run.id} is unusable: ${error.message}`);
        core/* setFailed */.C1(redact(`contexta/gate: the '${settings.artifactName}' artifact of run ${run.id} is unusable: ${error.message}`));
        return;
    }
    for (const rejected of downloaded.rejected) {
        core/* warning */.$e(redact(`contexta/gate: evidence entry '${rejected.name}' was not extracted: ${rejected.reason}`));
    }
    const prContext = {
        ...ctx,
        sha: run.head_sha,
        // Baselines are runs of the trusted workflow file, never of whatever workflow triggered us.
        workflowFile,
        pullRequest: {
            number: pull.number,
            baseRef: pull.base.ref,
            baseSha: pull.base.sha,
            headSha: pull.head.sha,
            headRepo: pull.head.repo?.full_name ?? null,
            fromFork: pull.head.repo?.full_name !== `${ctx.owner}/${ctx.repo}`,
            labels: pull.labels.map((label) => label.name),
            author: pull.user?.login ?? null,
        },
    };
    const publishSettings = { ...settings, upload: false, allowPrConfig: false };
    const judged = await judge({
        settings: publishSettings,
        ctx: prContext,
        github,
        checkRun: false,
        candidatePath: candidateDir,
        target: { prNumber: pull.number, headSha: run.head_sha },
    });
    conclude(judged, publishSettings);
    const { report } = judged;
    if (report.exit.outcome === 'fail') {
        await status('failure', report.headline);
    }
    else if (!judged.baseline.evidence) {
        // No trusted baseline means nothing was compared: never a green status for a fork's evidence.
        await status('failure', `No trusted baseline: ${judged.baseline.description}`);
        core/* setFailed */.C1(redact(`contexta/gate: no trusted baseline to compare run ${run.id} with (${judged.baseline.description}); the status is failure until a successful run of ${workflowFile} on ${pull.base.ref} uploads evidence.`));
    }
    else {
        await status('success', report.headline);
    }
}

;// CONCATENATED MODULE: ./src/action/run.ts
/**
 * The action entry: inputs → settings → context → the flow for the mode. Every error that reaches
 * here becomes one `setFailed` line a person can act on; the token is registered as a secret before
 * anything could print it. Nothing here imports `@actions/github` before the event payload has been
 * read and validated.
 */












/** The reason also goes to the job summary, where a reviewer looks for the report. */
async function summarizeFailure(message) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await core/* summary */.z.addRaw(`### contexta/gate did not run\n\n${message}\n`, true).write();
    }
    catch (error) {
        core/* warning */.$e(redact(`contexta/gate: could not write the job summary: ${error.message}`));
    }
}
async function run() {
    try {
        const settings = readSettings((name) => core/* getInput */.V4(name));
        if (settings.token) {
            core/* setSecret */.Pq(settings.token);
            registerSecret(settings.token);
        }
        const ctx = readRunnerContext(process.env);
        const github = settings.token
            ? new GitHubClient({ token: settings.token, apiUrl: ctx.apiUrl, owner: ctx.owner, repo: ctx.repo })
            : null;
        if (ctx.isGhes) {
            core/* notice */.lm('contexta/gate: GitHub Enterprise Server detected: the artifact service is unavailable, so evidence is not uploaded and baselines must be local paths (baseline: <path>).');
        }
        switch (settings.mode) {
            case 'gate':
                await runGateFlow(settings, ctx, github);
                break;
            case 'promote':
                await runPromoteFlow(settings, ctx, github);
                break;
            case 'publish':
                if (!github)
                    throw new SettingsError(["mode: publish needs 'github-token' to read the triggering run."]);
                await runPublishFlow(settings, ctx, github);
                break;
            case 'collect':
                await runCollectFlow(settings, ctx, github);
                break;
        }
    }
    catch (error) {
        if (error instanceof SettingsError ||
            error instanceof ContextError ||
            error instanceof ConfigLoadError ||
            error instanceof ProjectNotFoundError) {
            const message = redact(`contexta/gate: ${error.message}`);
            core/* setFailed */.C1(message);
            await summarizeFailure(message);
        }
        else {
            core/* setFailed */.C1(redact(`contexta/gate failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`));
            if (error instanceof Error && error.stack)
                core/* debug */.Yz(error.stack);
        }
    }
    finally {
        await settleDuckDbCaches();
    }
}


/***/ })

};
