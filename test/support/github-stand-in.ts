import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CACHE_TWIRP_PREFIX, CacheService, cacheScopesFor, decodeCacheScopes } from './cache-service.js';
import * as gh from './github-objects.js';

/**
 * A local GitHub: REST API, the Actions results (Twirp) services for artifacts and the cache
 * (cache-service.ts), and the Azure blob store, all on one
 * 127.0.0.1 port, with in-memory state a test can seed and inspect, scripted faults per route and a log
 * of every request. Shapes follow docs/reference/github-platform.md and the OpenAPI types (see github-objects.ts).
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  route: string | undefined;
  /** Parsed JSON, the raw text for XML/text, or `{ bytes }` for binary bodies. */
  body: unknown;
  /** Request headers without `authorization`. */
  headers: Record<string, string | string[] | undefined>;
  /** Whether an Authorization header was sent at all (the blob store must never receive one). */
  hadAuthorization: boolean;
  authenticated: boolean;
}

export type Fault =
  | { kind: 'respond'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Accept the request and never answer, until the client gives up or the stand-in closes. */
  | { kind: 'hang' }
  /** Drop the connection without a response. */
  | { kind: 'reset' }
  /** Send a 200 with headers and the start of a JSON body, then stall. */
  | { kind: 'stall-body' };

export const faults = {
  status: (status: number, message = 'Server Error'): Fault => ({
    kind: 'respond',
    status,
    body: { message },
  }),
  badGateway: (): Fault => ({ kind: 'respond', status: 502, body: { message: 'Server Error' } }),
  unavailable: (): Fault => ({ kind: 'respond', status: 503, body: { message: 'Service Unavailable' } }),
  tooManyRequests: (retryAfterSeconds: number): Fault => ({
    kind: 'respond',
    status: 429,
    body: { message: 'API rate limit exceeded' },
    headers: { 'retry-after': String(retryAfterSeconds) },
  }),
  primaryRateLimit: (resetEpochSeconds: number): Fault => ({
    kind: 'respond',
    status: 403,
    body: {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    },
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochSeconds) },
  }),
  secondaryRateLimit: (retryAfterSeconds?: number): Fault => ({
    kind: 'respond',
    status: 403,
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
  }),
  missingPermission: (accepted: string): Fault => ({
    kind: 'respond',
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    },
    headers: { 'x-accepted-github-permissions': accepted },
  }),
  hang: (): Fault => ({ kind: 'hang' }),
  stallBody: (): Fault => ({ kind: 'stall-body' }),
  reset: (): Fault => ({ kind: 'reset' }),
};

interface RouteMatch {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Buffer;
  json: () => Record<string, unknown>;
  req: IncomingMessage;
  url: URL;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; raw?: Buffer };
type Handler = (match: RouteMatch) => Reply | Promise<Reply>;

interface Route {
  key: string;
  method: string;
  pattern: RegExp;
  names: string[];
  auth: 'rest' | 'twirp' | 'blob';
  handler: Handler;
}

export interface StoredArtifact {
  artifact: gh.Artifact;
  runId: number;
  blobPath: string;
  content: Buffer;
}

interface PendingUpload {
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  blobPath: string;
  expiresAt: string;
}

interface BlobState {
  blocks: Map<string, Buffer>;
  data?: Buffer;
}

interface CommitNode {
  sha: string;
  parents: string[];
  message: string;
  date: string;
  author?: gh.SimpleUser | null | Record<string, never>;
  email?: string;
  verified?: boolean;
}

export interface StandInOptions {
  owner?: string;
  repo?: string;
  token?: string;
  defaultBranch?: string;
  /** Clock for timestamps the stand-in writes. */
  now?: () => Date;
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const BLOB_PREFIX = '/devstoreaccount1/results/';
const COMMENT_BODY_LIMIT = 65_536;

function notFound(): Reply {
  const body = {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  } satisfies gh.Schemas['basic-error'];
  return { status: 404, body };
}

function validationFailed(message: string): Reply {
  const body = {
    message,
    documentation_url: 'https://docs.github.com/rest',
  } satisfies gh.Schemas['validation-error'];
  return { status: 422, body };
}

/** Results-service (Twirp) messages, proto field names in snake_case, int64 as strings (§2.2). */
interface TwirpError {
  code: string;
  msg: string;
}
interface TwirpArtifact {
  workflow_run_backend_id: string;
  workflow_job_run_backend_id: string;
  database_id: string;
  name: string;
  size: string;
  created_at: string;
  digest?: string;
}

function twirpError(status: number, code: string, msg: string): Reply {
  return { status, body: { code, msg } satisfies TwirpError };
}

export class GitHubStandIn {
  readonly owner: string;
  readonly repo: string;
  readonly fullName: string;
  readonly token: string;
  readonly defaultBranch: string;
  url = '';
  readonly requests: RecordedRequest[] = [];

  /** The token's identity (what GITHUB_TOKEN posts as); built once the port is known. */
  bot!: gh.SimpleUser;
  readonly workflows: { id: number; path: string; name: string }[] = [];
  readonly runs: gh.WorkflowRun[] = [];
  readonly artifacts: StoredArtifact[] = [];
  readonly comments: { issueNumber: number; comment: gh.IssueComment }[] = [];
  readonly reviews: { pullNumber: number; review: gh.PullRequestReview }[] = [];
  readonly pulls: gh.PullRequest[] = [];
  readonly commits = new Map<string, CommitNode>();
  readonly branches = new Map<string, string>();
  readonly checkRuns: gh.CheckRun[] = [];
  /** Annotations GitHub keeps per check run (a request may carry at most 50). */
  readonly annotations = new Map<number, CheckAnnotation[]>();
  readonly statuses: { sha: string; status: gh.CommitStatus }[] = [];
  readonly deployments: gh.Deployment[] = [];
  readonly deploymentStatuses: { deploymentId: number; status: gh.DeploymentStatus }[] = [];
  readonly permissions = new Map<
    string,
    { user: gh.SimpleUser; permission: 'admin' | 'write' | 'read' | 'none' }
  >();
  readonly files = new Map<string, Buffer>();
  readonly issueEvents: { issueNumber: number; event: gh.IssueEvent }[] = [];
  readonly blobs = new Map<string, BlobState>();
  readonly pendingUploads: PendingUpload[] = [];
  /** Runtime (Twirp) identities: backend run id → REST run id. */
  readonly runtimeRuns = new Map<string, number>();
  /** The Actions cache's entries, scoped per ref. */
  readonly cache: CacheService;

  private readonly faultQueues = new Map<string, Fault[]>();
  private readonly routes: Route[] = [];
  private readonly signatures = new Set<string>();
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<ServerResponse>();
  private nextId = 1000;
  private server: Server | undefined;
  private readonly now: () => Date;

  private constructor(options: StandInOptions) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'models';
    this.fullName = `${this.owner}/${this.repo}`;
    this.token = options.token ?? 'ghs_standInToken0123456789';
    this.defaultBranch = options.defaultBranch ?? 'main';
    this.now = options.now ?? (() => new Date());
    this.cache = new CacheService(
      () => this.id(),
      (blobPath) => this.sign(blobPath),
      (blobPath) => this.blobs.get(blobPath)?.data,
      BLOB_PREFIX,
    );
    this.registerRoutes();
  }

  static async start(options: StandInOptions = {}): Promise<GitHubStandIn> {
    const standIn = new GitHubStandIn(options);
    await standIn.listen();
    return standIn;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: `stand-in bug: ${(error as Error).message}` }));
        }
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.bot = gh.simpleUser(this.url, 'github-actions[bot]', 41898282, 'Bot');
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Queues faults for a route key such as `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. */
  inject(routeKey: string, ...queued: Fault[]): void {
    if (!this.routes.some((r) => r.key === routeKey)) throw new Error(`stand-in has no route ${routeKey}`);
    this.faultQueues.set(routeKey, [...(this.faultQueues.get(routeKey) ?? []), ...queued]);
  }

  requestsTo(routeKey: string): RecordedRequest[] {
    return this.requests.filter((r) => r.route === routeKey);
  }

  // ---------------------------------------------------------------- seeding

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.now().getTime() + offsetMs).toISOString();
  }

  addWorkflow(path: string, name = 'CI'): number {
    const id = this.id();
    this.workflows.push({ id, path, name });
    return id;
  }

  addRun(seed: {
    workflowId: number;
    headSha: string;
    headBranch?: string;
    event?: string;
    status?: string;
    conclusion?: string | null;
    createdAt?: string;
    headRepoFullName?: string;
    runAttempt?: number;
    pullNumbers?: number[];
    id?: number;
  }): gh.WorkflowRun {
    const workflow = this.workflows.find((w) => w.id === seed.workflowId);
    if (!workflow) throw new Error(`unknown workflow ${seed.workflowId}`);
    const run = gh.workflowRun(this.url, {
      id: seed.id ?? this.id(),
      workflowId: workflow.id,
      workflowPath: workflow.path,
      name: workflow.name,
      headSha: seed.headSha,
      headBranch: seed.headBranch ?? this.defaultBranch,
      event: seed.event ?? 'push',
      status: seed.status ?? 'completed',
      conclusion: seed.conclusion === undefined ? 'success' : seed.conclusion,
      createdAt: seed.createdAt ?? this.iso(),
      runAttempt: seed.runAttempt ?? 1,
      repoFullName: this.fullName,
      headRepoFullName: seed.headRepoFullName ?? this.fullName,
      pullNumbers: seed.pullNumbers ?? [],
    });
    this.runs.push(run);
    return run;
  }

  addArtifact(
    runId: number,
    fields: { name: string; content: Buffer; expired?: boolean; createdAt?: string; id?: number },
  ): StoredArtifact {
    const run = this.runs.find((r) => r.id === runId);
    if (!run) throw new Error(`unknown run ${runId}`);
    const id = fields.id ?? this.id();
    const createdAt = fields.createdAt ?? this.iso();
    const expiresAt = fields.expired
      ? new Date(Date.parse(createdAt) + 1000).toISOString()
      : new Date(Date.parse(createdAt) + 90 * 86_400_000).toISOString();
    const stored: StoredArtifact = {
      artifact: gh.artifact(this.url, this.fullName, {
        id,
        name: fields.name,
        size: fields.content.length,
        expired: fields.expired ?? false,
        createdAt,
        expiresAt,
        digest: `sha256:${createHash('sha256').update(fields.content).digest('hex')}`,
        run,
      }),
      runId,
      blobPath: `${BLOB_PREFIX}${id}.zip`,
      content: fields.content,
    };
    this.artifacts.push(stored);
    return stored;
  }

  /** Adds commits in order; each one's parent is the previous unless given. Returns the shas. */
  addCommits(
    specs: {
      sha: string;
      parents?: string[];
      date?: string;
      message?: string;
      /** The account GitHub matches to the author e-mail (anyone can set the e-mail to a maintainer's). */
      authorLogin?: string;
      /** The author e-mail matched no account, listed as `{}` rather than null. */
      authorEmpty?: boolean;
      email?: string;
      /** GitHub verified the commit's signature. */
      verified?: boolean;
    }[],
  ): string[] {
    let previous: string | undefined;
    for (const [i, spec] of specs.entries()) {
      this.commits.set(spec.sha, {
        sha: spec.sha,
        parents: spec.parents ?? (previous ? [previous] : []),
        message: spec.message ?? `commit ${i}`,
        date: spec.date ?? new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
        author: spec.authorLogin
          ? gh.simpleUser(this.url, spec.authorLogin, 6000 + i)
          : spec.authorEmpty
            ? {}
            : null,
        ...(spec.email === undefined ? {} : { email: spec.email }),
        ...(spec.verified === undefined ? {} : { verified: spec.verified }),
      });
      previous = spec.sha;
    }
    return specs.map((s) => s.sha);
  }

  setBranch(name: string, sha: string): void {
    this.branches.set(name, sha);
  }

  addPull(fields: {
    number: number;
    headSha: string;
    headRef: string;
    baseRef?: string;
    headRepoFullName?: string;
    /** The PR author's login (default `contributor`). */
    author?: string;
  }) {
    const baseRef = fields.baseRef ?? this.defaultBranch;
    const pull = gh.pullRequest(this.url, this.fullName, {
      number: fields.number,
      title: `PR ${fields.number}`,
      user: gh.simpleUser(this.url, fields.author ?? 'contributor', 77),
      headRef: fields.headRef,
      headSha: fields.headSha,
      headRepoFullName: fields.headRepoFullName ?? this.fullName,
      baseRef,
      baseSha: this.branches.get(baseRef) ?? '0'.repeat(40),
      state: 'open',
      at: this.iso(),
    });
    this.pulls.push(pull);
    return pull;
  }

  /** Puts a label on a pull request as `login` did, with the `labeled` timeline event GitHub records. */
  addLabel(pullNumber: number, name: string, login: string): void {
    const pull = this.pulls.find((p) => p.number === pullNumber);
    if (!pull) throw new Error(`unknown pull ${pullNumber}`);
    pull.labels.push(gh.label(this.url, this.fullName, this.id(), name));
    const actor = gh.simpleUser(this.url, login, 7000 + this.issueEvents.length);
    this.issueEvents.push({
      issueNumber: pullNumber,
      event: gh.labeledEvent(this.url, this.fullName, {
        id: this.id(),
        actor,
        labelName: name,
        at: this.iso(),
      }),
    });
  }

  addComment(issueNumber: number, body: string, login = 'reviewer'): gh.IssueComment {
    const id = this.id();
    const type = login.endsWith('[bot]') ? 'Bot' : 'User';
    const user = login === this.bot.login ? this.bot : gh.simpleUser(this.url, login, 5000 + id, type);
    const comment = gh.issueComment(this.url, this.fullName, { id, issueNumber, body, user, at: this.iso() });
    this.comments.push({ issueNumber, comment });
    return comment;
  }

  setPermission(login: string, permission: 'admin' | 'write' | 'read' | 'none'): void {
    this.permissions.set(login, {
      user: gh.simpleUser(this.url, login, 3000 + this.permissions.size),
      permission,
    });
  }

  addFile(ref: string, path: string, content: string | Buffer): void {
    this.files.set(`${ref}:${path}`, Buffer.from(content));
  }

  addCommitStatus(sha: string, context: string, state: string): void {
    const status = gh.commitStatus(this.url, this.fullName, {
      id: this.id(),
      state,
      context,
      description: null,
      targetUrl: null,
      sha,
      creator: this.bot,
      at: this.iso(),
    });
    this.statuses.push({ sha, status });
  }

  /**
   * Issues an `ACTIONS_RUNTIME_TOKEN` for a job of `runId`, shaped like the runner's (unsigned JWT whose
   * `scp` names the backend ids, `ac` the cache scopes of a job on `ref`); the toolkit only decodes it.
   */
  runtimeToken(
    runId: number,
    ref = `refs/heads/${this.defaultBranch}`,
  ): { token: string; runBackendId: string; jobBackendId: string } {
    const runBackendId = `rb-${runId}`;
    const jobBackendId = `jb-${runId}`;
    this.runtimeRuns.set(runBackendId, runId);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = {
      scp: `Actions.GenericRead:x Actions.Results:${runBackendId}:${jobBackendId}`,
      ac: JSON.stringify(cacheScopesFor(ref, this.defaultBranch)),
    };
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.sig`;
    return { token, runBackendId, jobBackendId };
  }

  // ---------------------------------------------------------------- HTTP plumbing

  private route(key: string, auth: Route['auth'], handler: Handler): void {
    const [method = 'GET', template = '/'] = key.split(' ');
    const names: string[] = [];
    const source = template.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return name === 'path' || name === 'blob' ? '(.+)' : '([^/]+)';
    });
    this.routes.push({ key, method, pattern: new RegExp(`^${source}$`), names, auth, handler });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const route = this.routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    const { authorization, ...headers } = req.headers;
    const contentType = String(req.headers['content-type'] ?? '');
    let recordedBody: unknown;
    if (body.length === 0) recordedBody = undefined;
    else if (contentType.includes('json')) recordedBody = safeJson(body);
    else if (contentType.includes('xml') || contentType.startsWith('text/'))
      recordedBody = body.toString('utf8');
    else recordedBody = { bytes: body.length };
    const authenticated = this.checkAuth(route?.auth ?? 'rest', authorization, url);
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      route: route?.key,
      body: recordedBody,
      headers,
      hadAuthorization: authorization !== undefined,
      authenticated,
    });

    if (!route) return send(res, notFound());
    const fault = this.faultQueues.get(route.key)?.shift();
    if (fault?.kind === 'hang' || fault?.kind === 'stall-body') {
      if (fault.kind === 'stall-body') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '100000' });
        res.write('{"id": 1, "name": "trunc');
      }
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault) return send(res, fault);

    if (!authenticated) {
      if (route.auth === 'blob') {
        return send(res, {
          status: 403,
          raw: Buffer.from('AuthenticationFailed'),
          headers: { 'content-type': 'application/xml' },
        });
      }
      if (route.auth === 'twirp')
        return send(res, twirpError(401, 'unauthenticated', 'invalid runtime token'));
      return send(res, {
        status: 401,
        body: {
          message: authorization ? 'Bad credentials' : 'Requires authentication',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      });
    }
    const match = route.pattern.exec(url.pathname);
    const params = Object.fromEntries(route.names.map((name, i) => [name, match?.[i + 1] ?? '']));
    if ('owner' in params && `${params.owner}/${params.repo}` !== this.fullName) return send(res, notFound());
    const reply = await route.handler({
      params,
      query: url.searchParams,
      body,
      json: () => (safeJson(body) ?? {}) as Record<string, unknown>,
      req,
      url,
    });
    send(res, reply);
  }

  private checkAuth(kind: Route['auth'], authorization: string | undefined, url: URL): boolean {
    if (kind === 'blob') return this.signatures.has(url.searchParams.get('sig') ?? '');
    if (kind === 'twirp') return /^Bearer \S+\.\S+\.\S*$/.test(authorization ?? '');
    return authorization === `token ${this.token}` || authorization === `Bearer ${this.token}`;
  }

  private sign(path: string): string {
    const sig = randomBytes(12).toString('hex');
    this.signatures.add(sig);
    return `${this.url}${path}?sv=2023-11-03&se=2099-01-01&sr=b&sp=rcw&sig=${sig}`;
  }

  /** Slices one page and sets GitHub's `Link` header (`next`/`last`/`first`/`prev`). */
  private paginate<T>(
    items: T[],
    match: RouteMatch,
    defaultPerPage = 30,
  ): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(
      Math.max(Number(match.query.get('per_page') ?? defaultPerPage) || defaultPerPage, 1),
      100,
    );
    const pageNumber = Math.max(Number(match.query.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (page: number, rel: string) => {
      const target = new URL(match.url);
      target.searchParams.set('page', String(page));
      target.searchParams.set('per_page', String(perPage));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNumber > 1) links.push(link(pageNumber - 1, 'prev'));
    if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'));
    if (pageNumber > 1) links.push(link(1, 'first'));
    return {
      page: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    };
  }

  private resolveRef(ref: string): string | undefined {
    const branch = this.branches.get(ref.replace(/^refs\/heads\//, ''));
    if (branch) return branch;
    if (this.commits.has(ref)) return ref;
    return [...this.commits.keys()].find((sha) => ref.length >= 7 && sha.startsWith(ref));
  }

  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const current = queue.shift() as string;
      if (seen.has(current)) continue;
      seen.add(current);
      queue.push(...(this.commits.get(current)?.parents ?? []));
    }
    return seen;
  }

  private commitObject(sha: string): gh.Commit {
    const node = this.commits.get(sha) as CommitNode;
    return gh.commit(this.url, this.fullName, node);
  }

  // ---------------------------------------------------------------- routes

  private registerRoutes(): void {
    const repo = '/repos/{owner}/{repo}';

    this.route(`GET ${repo}/actions/workflows/{workflow_id}/runs`, 'rest', (m) => {
      const id = m.params.workflow_id ?? '';
      const workflow = this.workflows.find((w) => String(w.id) === id || w.path.split('/').pop() === id);
      if (!workflow) return notFound();
      const q = m.query;
      const status = q.get('status');
      const statusValues = [
        'completed',
        'action_required',
        'in_progress',
        'queued',
        'requested',
        'waiting',
        'pending',
      ];
      let runs = this.runs.filter((r) => r.workflow_id === workflow.id);
      if (q.get('branch')) runs = runs.filter((r) => r.head_branch === q.get('branch'));
      if (q.get('event')) runs = runs.filter((r) => r.event === q.get('event'));
      if (q.get('head_sha')) runs = runs.filter((r) => r.head_sha === q.get('head_sha'));
      if (status) {
        runs = runs.filter((r) =>
          statusValues.includes(status) ? r.status === status : r.conclusion === status,
        );
      }
      runs.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || Number(b.id) - Number(a.id));
      const filtered = ['branch', 'event', 'head_sha', 'status'].some((k) => q.has(k));
      // GitHub only returns the newest 1,000 runs once any filter is set.
      if (filtered) runs = runs.slice(0, 1000);
      const { page, headers } = this.paginate(runs, m);
      const excludePulls = q.get('exclude_pull_requests') === 'true';
      const body = {
        total_count: runs.length,
        workflow_runs: page.map((r) => (excludePulls ? { ...r, pull_requests: [] } : r)),
      } satisfies { total_count: number; workflow_runs: gh.WorkflowRun[] };
      return { status: 200, body, headers };
    });

    this.route(`GET ${repo}`, 'rest', () => ({
      status: 200,
      body: {
        ...gh.repository(this.url, this.fullName, 1, this.defaultBranch),
        has_discussions: false,
        network_count: 0,
        subscribers_count: 0,
      },
    }));

    this.route(`GET ${repo}/actions/workflows/{workflow_id}`, 'rest', (m) => {
      const id = m.params.workflow_id ?? '';
      const workflow = this.workflows.find((w) => String(w.id) === id || w.path.split('/').pop() === id);
      return workflow ? { status: 200, body: gh.workflow(this.url, this.fullName, workflow) } : notFound();
    });

    this.route(`GET ${repo}/actions/runs/{run_id}`, 'rest', (m) => {
      const run = this.runs.find((r) => String(r.id) === m.params.run_id);
      return run ? { status: 200, body: run satisfies gh.WorkflowRun } : notFound();
    });

    this.route(`GET ${repo}/actions/runs/{run_id}/artifacts`, 'rest', (m) => {
      const runId = Number(m.params.run_id);
      if (!this.runs.some((r) => r.id === runId)) return notFound();
      let list = this.artifacts.filter((a) => a.runId === runId).map((a) => a.artifact);
      const name = m.query.get('name');
      if (name) list = list.filter((a) => a.name === name);
      list.sort((a, b) =>
        m.query.get('direction') === 'asc' ? Number(a.id) - Number(b.id) : Number(b.id) - Number(a.id),
      );
      const { page, headers } = this.paginate(list, m);
      return {
        status: 200,
        body: { total_count: list.length, artifacts: page } satisfies {
          total_count: number;
          artifacts: gh.Artifact[];
        },
        headers,
      };
    });

    this.route(`GET ${repo}/actions/artifacts/{artifact_id}/zip`, 'rest', (m) => {
      const stored = this.artifacts.find((a) => String(a.artifact.id) === m.params.artifact_id);
      if (!stored) return notFound();
      if (stored.artifact.expired) {
        return {
          status: 410,
          body: {
            message: 'Artifact has expired',
            documentation_url: 'https://docs.github.com/rest',
            status: '410',
          },
        };
      }
      this.blobs.set(stored.blobPath, { blocks: new Map(), data: stored.content });
      return { status: 302, headers: { location: this.sign(stored.blobPath) } };
    });

    this.route(`GET ${BLOB_PREFIX}{blob}`, 'blob', (m) => {
      const blob = this.blobs.get(m.url.pathname);
      if (!blob?.data)
        return {
          status: 404,
          raw: Buffer.from('BlobNotFound'),
          headers: { 'content-type': 'application/xml' },
        };
      return { status: 200, raw: blob.data, headers: { 'content-type': 'application/zip' } };
    });

    this.route(`PUT ${BLOB_PREFIX}{blob}`, 'blob', (m): Reply => {
      const key = m.url.pathname;
      const blob = this.blobs.get(key) ?? { blocks: new Map<string, Buffer>() };
      this.blobs.set(key, blob);
      const comp = m.query.get('comp');
      if (comp === 'block') {
        blob.blocks.set(m.query.get('blockid') ?? '', m.body);
      } else if (comp === 'blocklist') {
        const ids = [
          ...m.body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g),
        ].map((x) => x[2] ?? '');
        const parts = ids.map((id) => blob.blocks.get(id));
        if (parts.some((p) => p === undefined)) {
          return {
            status: 400,
            raw: Buffer.from('InvalidBlockList'),
            headers: { 'content-type': 'application/xml' },
          };
        }
        blob.data = Buffer.concat(parts as Buffer[]);
      } else {
        blob.data = m.body;
      }
      return {
        status: 201,
        headers: {
          etag: `"0x${randomBytes(8).toString('hex')}"`,
          'x-ms-request-server-encrypted': 'true',
          'last-modified': new Date().toUTCString(),
        },
      };
    });

    this.route(`GET ${repo}/issues/{issue_number}/comments`, 'rest', (m) => {
      const number = Number(m.params.issue_number);
      const list = this.comments
        .filter((c) => c.issueNumber === number)
        .map((c) => c.comment)
        .sort((a, b) => Number(a.id) - Number(b.id));
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page satisfies gh.IssueComment[], headers };
    });

    this.route(`POST ${repo}/issues/{issue_number}/comments`, 'rest', (m) => {
      const body = m.json().body;
      if (typeof body !== 'string' || body.length === 0)
        return validationFailed('Invalid request.\n\n"body" wasn\'t supplied.');
      if (body.length > COMMENT_BODY_LIMIT) {
        return validationFailed('Validation Failed: Body is too long (maximum is 65536 characters)');
      }
      const comment = this.addComment(Number(m.params.issue_number), body, this.bot.login);
      return { status: 201, body: comment satisfies gh.IssueComment };
    });

    this.route(`PATCH ${repo}/issues/comments/{comment_id}`, 'rest', (m) => {
      const entry = this.comments.find((c) => String(c.comment.id) === m.params.comment_id);
      if (!entry) return notFound();
      const body = m.json().body;
      if (typeof body !== 'string') return validationFailed('Invalid request.\n\n"body" wasn\'t supplied.');
      if (body.length > COMMENT_BODY_LIMIT) {
        return validationFailed('Validation Failed: Body is too long (maximum is 65536 characters)');
      }
      entry.comment = { ...entry.comment, body, updated_at: this.iso() };
      return { status: 200, body: entry.comment satisfies gh.IssueComment };
    });

    this.route(`DELETE ${repo}/issues/comments/{comment_id}`, 'rest', (m) => {
      const index = this.comments.findIndex((c) => String(c.comment.id) === m.params.comment_id);
      if (index < 0) return notFound();
      this.comments.splice(index, 1);
      return { status: 204 };
    });

    this.route(`GET ${repo}/pulls`, 'rest', (m) => {
      const state = m.query.get('state') ?? 'open';
      const head = m.query.get('head');
      const list = this.pulls
        .filter((p) => state === 'all' || p.state === state)
        .filter((p) => !head || `${p.head.repo?.owner.login}:${p.head.ref}` === head);
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page.map(gh.pullRequestSimple), headers };
    });

    this.route(`GET ${repo}/pulls/{pull_number}/commits`, 'rest', (m) => {
      const pull = this.pulls.find((p) => String(p.number) === m.params.pull_number);
      if (!pull) return notFound();
      const base = this.ancestors(pull.base.sha);
      const list = [...this.ancestors(pull.head.sha)]
        .filter((sha) => !base.has(sha))
        .map((sha) => this.commits.get(sha) as CommitNode)
        .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
        .map((node) => this.commitObject(node.sha));
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page satisfies gh.Commit[], headers };
    });

    this.route(`GET ${repo}/issues/{issue_number}/events`, 'rest', (m) => {
      const number = Number(m.params.issue_number);
      const list = this.issueEvents.filter((e) => e.issueNumber === number).map((e) => e.event);
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page satisfies gh.IssueEvent[], headers };
    });

    this.route(`GET ${repo}/pulls/{pull_number}`, 'rest', (m) => {
      const pull = this.pulls.find((p) => String(p.number) === m.params.pull_number);
      return pull ? { status: 200, body: pull satisfies gh.PullRequest } : notFound();
    });

    this.route(`POST ${repo}/pulls/{pull_number}/reviews`, 'rest', (m) => {
      const pull = this.pulls.find((p) => String(p.number) === m.params.pull_number);
      if (!pull) return notFound();
      const input = m.json();
      const event = input.event;
      const body = typeof input.body === 'string' ? input.body : '';
      const states: Record<string, string> = {
        APPROVE: 'APPROVED',
        REQUEST_CHANGES: 'CHANGES_REQUESTED',
        COMMENT: 'COMMENTED',
      };
      if (event !== undefined && (typeof event !== 'string' || !(event in states))) {
        return validationFailed('Validation Failed: event is not a valid review event');
      }
      if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && body.length === 0) {
        return validationFailed(
          `Unprocessable Entity: "Review Can not request changes or comment without a body"`,
        );
      }
      const created = gh.review(this.url, this.fullName, {
        id: this.id(),
        pullNumber: pull.number,
        body,
        state: event === undefined ? 'PENDING' : (states[event as string] as string),
        user: this.bot,
        commitId: typeof input.commit_id === 'string' ? input.commit_id : pull.head.sha,
        at: this.iso(),
      });
      this.reviews.push({ pullNumber: pull.number, review: created });
      return { status: 200, body: created satisfies gh.PullRequestReview };
    });

    this.route(`GET ${repo}/pulls/{pull_number}/reviews`, 'rest', (m) => {
      const number = Number(m.params.pull_number);
      if (!this.pulls.some((p) => p.number === number)) return notFound();
      const list = this.reviews.filter((r) => r.pullNumber === number).map((r) => r.review);
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page satisfies gh.PullRequestReview[], headers };
    });

    this.route(`PUT ${repo}/pulls/{pull_number}/reviews/{review_id}/dismissals`, 'rest', (m) => {
      const entry = this.reviews.find(
        (r) => String(r.pullNumber) === m.params.pull_number && String(r.review.id) === m.params.review_id,
      );
      if (!entry) return notFound();
      if (typeof m.json().message !== 'string')
        return validationFailed('Invalid request.\n\n"message" wasn\'t supplied.');
      if (entry.review.state !== 'APPROVED' && entry.review.state !== 'CHANGES_REQUESTED') {
        return validationFailed('Validation Failed: Can not dismiss a commented pull request review');
      }
      entry.review = { ...entry.review, state: 'DISMISSED' };
      return { status: 200, body: entry.review satisfies gh.PullRequestReview };
    });

    this.route(`GET ${repo}/compare/{basehead}`, 'rest', (m) => {
      const [baseRef, headRef] = decodeURIComponent(m.params.basehead ?? '').split('...');
      const base = this.resolveRef(baseRef ?? '');
      const head = this.resolveRef(headRef ?? '');
      if (!base || !head) return notFound();
      const baseAncestors = this.ancestors(base);
      const headAncestors = this.ancestors(head);
      const ahead = [...headAncestors].filter((sha) => !baseAncestors.has(sha));
      const behind = [...baseAncestors].filter((sha) => !headAncestors.has(sha));
      // Nearest common ancestor: breadth-first from head, first commit also reachable from base.
      const mergeBase = [...headAncestors].find((sha) => baseAncestors.has(sha));
      if (!mergeBase) return notFound();
      const status =
        ahead.length === 0 && behind.length === 0
          ? 'identical'
          : ahead.length === 0
            ? 'behind'
            : behind.length === 0
              ? 'ahead'
              : 'diverged';
      const chronological = ahead.sort(
        (a, b) => Date.parse(this.commits.get(a)?.date ?? '') - Date.parse(this.commits.get(b)?.date ?? ''),
      );
      const url = `${this.url}/repos/${this.fullName}/compare/${baseRef}...${headRef}`;
      const body = {
        url,
        html_url: `https://github.com/${this.fullName}/compare/${baseRef}...${headRef}`,
        permalink_url: `https://github.com/${this.fullName}/compare/${base}...${head}`,
        diff_url: `https://github.com/${this.fullName}/compare/${baseRef}...${headRef}.diff`,
        patch_url: `https://github.com/${this.fullName}/compare/${baseRef}...${headRef}.patch`,
        base_commit: this.commitObject(base),
        merge_base_commit: this.commitObject(mergeBase),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: chronological.slice(0, 250).map((sha) => this.commitObject(sha)),
        files: [],
      } satisfies gh.CommitComparison;
      return { status: 200, body };
    });

    this.route(`GET ${repo}/commits`, 'rest', (m) => {
      const start = this.resolveRef(m.query.get('sha') ?? this.defaultBranch);
      if (!start) return validationFailed(`No commit found for SHA: ${m.query.get('sha')}`);
      const list = [...this.ancestors(start)]
        .map((sha) => this.commits.get(sha) as CommitNode)
        .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
        .map((node) => this.commitObject(node.sha));
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page satisfies gh.Commit[], headers };
    });

    this.route(`POST ${repo}/check-runs`, 'rest', (m) => {
      const input = m.json();
      if (typeof input.name !== 'string' || typeof input.head_sha !== 'string') {
        return validationFailed('Invalid request.\n\n"name", "head_sha" weren\'t supplied.');
      }
      const problem = checkOutputProblem(input.output);
      if (problem) return validationFailed(problem);
      const run = this.buildCheckRun(this.id(), input, undefined);
      this.checkRuns.push(run);
      this.recordAnnotations(Number(run.id), input.output);
      return { status: 201, body: run satisfies gh.CheckRun };
    });

    this.route(`PATCH ${repo}/check-runs/{check_run_id}`, 'rest', (m) => {
      const index = this.checkRuns.findIndex((c) => String(c.id) === m.params.check_run_id);
      const existing = this.checkRuns[index];
      if (!existing) return notFound();
      const input = m.json();
      const problem = checkOutputProblem(input.output);
      if (problem) return validationFailed(problem);
      const run = this.buildCheckRun(Number(existing.id), input, existing);
      this.checkRuns[index] = run;
      this.recordAnnotations(Number(run.id), input.output);
      return { status: 200, body: run satisfies gh.CheckRun };
    });

    this.route(`POST ${repo}/statuses/{sha}`, 'rest', (m) => {
      const input = m.json();
      const states = ['error', 'failure', 'pending', 'success'];
      if (typeof input.state !== 'string' || !states.includes(input.state)) {
        return validationFailed('Validation Failed: state is not included in the list');
      }
      const sha = m.params.sha ?? '';
      if (!this.commits.has(sha)) return validationFailed(`No commit found for SHA: ${sha}`);
      const status = gh.commitStatus(this.url, this.fullName, {
        id: this.id(),
        state: input.state,
        context: typeof input.context === 'string' ? input.context : 'default',
        description: typeof input.description === 'string' ? input.description : null,
        targetUrl: typeof input.target_url === 'string' ? input.target_url : null,
        sha,
        creator: this.bot,
        at: this.iso(),
      });
      this.statuses.push({ sha, status });
      return { status: 201, body: status satisfies gh.CommitStatus };
    });

    this.route(`POST ${repo}/deployments`, 'rest', (m) => this.createDeployment(m.json()));

    this.route(`GET ${repo}/deployments`, 'rest', (m) => {
      let list = [...this.deployments];
      for (const key of ['environment', 'sha', 'ref', 'task'] as const) {
        const value = m.query.get(key);
        if (value) list = list.filter((d) => d[key] === value);
      }
      list.sort((a, b) => Number(b.id) - Number(a.id));
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page satisfies gh.Deployment[], headers };
    });

    this.route(`POST ${repo}/deployments/{deployment_id}/statuses`, 'rest', (m) => {
      const target = this.deployments.find((d) => String(d.id) === m.params.deployment_id);
      if (!target) return notFound();
      const input = m.json();
      const states = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'] as const;
      const state = states.find((s) => s === input.state);
      if (!state) return validationFailed('Validation Failed: state is not included in the list');
      if (typeof input.description === 'string' && input.description.length > 140) {
        return validationFailed('Validation Failed: description is too long (maximum is 140 characters)');
      }
      const environment = typeof input.environment === 'string' ? input.environment : target.environment;
      const status = this.addDeploymentStatus(Number(target.id), state, {
        description: typeof input.description === 'string' ? input.description : '',
        environment,
        logUrl:
          typeof input.log_url === 'string'
            ? input.log_url
            : typeof input.target_url === 'string'
              ? input.target_url
              : '',
        environmentUrl: typeof input.environment_url === 'string' ? input.environment_url : '',
      });
      // auto_inactive (default true) retires earlier successful non-transient, non-production deployments.
      if (state === 'success' && input.auto_inactive !== false) {
        for (const other of this.deployments) {
          if (other.id === target.id || other.environment !== environment) continue;
          if (other.transient_environment || other.production_environment) continue;
          const latest = this.latestDeploymentStatus(Number(other.id));
          if (latest?.state === 'success') {
            this.addDeploymentStatus(Number(other.id), 'inactive', {
              description: '',
              environment,
              logUrl: '',
              environmentUrl: '',
            });
          }
        }
      }
      return { status: 201, body: status satisfies gh.DeploymentStatus };
    });

    this.route(`GET ${repo}/deployments/{deployment_id}/statuses`, 'rest', (m) => {
      const id = Number(m.params.deployment_id);
      if (!this.deployments.some((d) => d.id === id)) return notFound();
      const list = this.deploymentStatuses
        .filter((s) => s.deploymentId === id)
        .map((s) => s.status)
        .sort((a, b) => Number(b.id) - Number(a.id));
      const { page, headers } = this.paginate(list, m);
      return { status: 200, body: page satisfies gh.DeploymentStatus[], headers };
    });

    this.route(`GET ${repo}/collaborators/{username}/permission`, 'rest', (m) => {
      const entry = this.permissions.get(decodeURIComponent(m.params.username ?? ''));
      if (!entry) return notFound();
      return { status: 200, body: gh.collaboratorPermission(entry.user, entry.permission) };
    });

    this.route(`GET ${repo}/contents/{path}`, 'rest', (m) => {
      const ref = m.query.get('ref') ?? this.defaultBranch;
      const path = decodeURIComponent(m.params.path ?? '');
      const content = this.files.get(`${ref}:${path}`);
      if (!content) return notFound();
      const sha = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
      return { status: 200, body: gh.contentFile(this.url, this.fullName, { path, ref, content, sha }) };
    });

    this.registerTwirp();

    this.route(`POST ${CACHE_TWIRP_PREFIX}{method}`, 'twirp', (m) =>
      this.cache.handle(
        m.params.method ?? '',
        m.json(),
        decodeCacheScopes(String(m.req.headers.authorization ?? '')),
      ),
    );
  }

  private buildCheckRun(
    id: number,
    input: Record<string, unknown>,
    existing: gh.CheckRun | undefined,
  ): gh.CheckRun {
    const str = (key: string, fallback: string | null) =>
      typeof input[key] === 'string' ? (input[key] as string) : fallback;
    const conclusions = [
      'success',
      'failure',
      'neutral',
      'cancelled',
      'skipped',
      'timed_out',
      'action_required',
    ] as const;
    const conclusion = conclusions.find((c) => c === input.conclusion) ?? existing?.conclusion ?? null;
    const statuses = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'] as const;
    // Setting a conclusion implies completed.
    const status = conclusion
      ? 'completed'
      : (statuses.find((s) => s === input.status) ?? existing?.status ?? 'queued');
    const output = (input.output ?? {}) as Record<string, unknown>;
    const text = (key: string) =>
      typeof output[key] === 'string' ? (output[key] as string) : (existing?.output[key as 'title'] ?? null);
    return gh.checkRun(this.url, this.fullName, {
      id,
      name: str('name', existing?.name ?? '') as string,
      headSha: str('head_sha', existing?.head_sha ?? '') as string,
      status,
      conclusion,
      startedAt: str('started_at', existing?.started_at ?? this.iso()),
      completedAt: status === 'completed' ? str('completed_at', existing?.completed_at ?? this.iso()) : null,
      detailsUrl: str('details_url', existing?.details_url ?? null),
      externalId: str('external_id', existing?.external_id ?? null),
      output: { title: text('title'), summary: text('summary'), text: text('text') },
      bot: this.bot,
    });
  }

  private recordAnnotations(checkRunId: number, output: unknown): void {
    const list = (output as { annotations?: unknown } | undefined)?.annotations;
    const stored = this.annotations.get(checkRunId) ?? [];
    if (Array.isArray(list)) stored.push(...(list as CheckAnnotation[]));
    this.annotations.set(checkRunId, stored);
    const check = this.checkRuns.find((c) => Number(c.id) === checkRunId);
    if (check) check.output.annotations_count = stored.length;
  }

  private createDeployment(input: Record<string, unknown>): Reply {
    if (typeof input.ref !== 'string') return validationFailed('Invalid request.\n\n"ref" wasn\'t supplied.');
    const ref = input.ref;
    const sha = this.resolveRef(ref);
    if (!sha)
      return {
        status: 409,
        body: {
          message: `Conflict: No ref found for: ${ref}`,
          documentation_url: 'https://docs.github.com/rest',
        },
      };
    const autoMerge = input.auto_merge !== false;
    const branchHead = this.branches.get(ref);
    const defaultHead = this.branches.get(this.defaultBranch);
    if (
      autoMerge &&
      branchHead &&
      defaultHead &&
      ref !== this.defaultBranch &&
      !this.ancestors(branchHead).has(defaultHead)
    ) {
      return {
        status: 202,
        body: { message: `Auto-merged ${this.defaultBranch} into ${ref} on deployment.` },
      };
    }
    // Default required_contexts = every context reported on the commit; [] skips the check.
    const latestByContext = new Map<string, string>();
    for (const { sha: statusSha, status } of this.statuses) {
      if (statusSha === sha) latestByContext.set(status.context, status.state);
    }
    for (const run of this.checkRuns) {
      if (run.head_sha !== sha) continue;
      latestByContext.set(run.name, run.status === 'completed' ? (run.conclusion ?? 'pending') : 'pending');
    }
    const required = Array.isArray(input.required_contexts)
      ? (input.required_contexts as string[])
      : [...latestByContext.keys()];
    const failing = required
      .map((context) => ({ context, state: latestByContext.get(context) ?? 'missing' }))
      .filter((c) => c.state !== 'success');
    if (failing.length > 0) {
      return {
        status: 409,
        body: {
          message: `Conflict: Commit status checks failed for ${ref}.`,
          errors: [
            { contexts: failing, resource: 'Deployment', field: 'required_contexts', code: 'invalid' },
          ],
          documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        },
      };
    }
    const environment = typeof input.environment === 'string' ? input.environment : 'production';
    let payload: gh.Deployment['payload'] = {};
    if (typeof input.payload === 'string') payload = safeJsonText(input.payload) ?? input.payload;
    else if (input.payload && typeof input.payload === 'object')
      payload = input.payload as Record<string, unknown>;
    const created = gh.deployment(this.url, this.fullName, {
      id: this.id(),
      sha,
      ref,
      task: typeof input.task === 'string' ? input.task : 'deploy',
      payload,
      environment,
      description: typeof input.description === 'string' ? input.description : null,
      transient: input.transient_environment === true,
      production:
        typeof input.production_environment === 'boolean'
          ? input.production_environment
          : environment === 'production',
      creator: this.bot,
      at: this.iso(),
    });
    this.deployments.push(created);
    return { status: 201, body: created satisfies gh.Deployment };
  }

  private addDeploymentStatus(
    deploymentId: number,
    state: gh.DeploymentStatus['state'],
    fields: { description: string; environment: string; logUrl: string; environmentUrl: string },
  ): gh.DeploymentStatus {
    const status = gh.deploymentStatus(this.url, this.fullName, {
      id: this.id(),
      deploymentId,
      state,
      ...fields,
      creator: this.bot,
      at: this.iso(),
    });
    this.deploymentStatuses.push({ deploymentId, status });
    return status;
  }

  latestDeploymentStatus(deploymentId: number): gh.DeploymentStatus | undefined {
    return this.deploymentStatuses
      .filter((s) => s.deploymentId === deploymentId)
      .map((s) => s.status)
      .sort((a, b) => Number(b.id) - Number(a.id))[0];
  }

  /** Seeds a deployment directly (bypassing the API), e.g. to build history. */
  addDeployment(fields: {
    environment: string;
    sha: string;
    payload: Record<string, unknown>;
    task?: string;
    states?: gh.DeploymentStatus['state'][];
  }): gh.Deployment {
    const created = gh.deployment(this.url, this.fullName, {
      id: this.id(),
      sha: fields.sha,
      ref: fields.sha,
      task: fields.task ?? 'deploy',
      payload: fields.payload,
      environment: fields.environment,
      description: null,
      transient: false,
      production: fields.environment === 'production',
      creator: this.bot,
      at: this.iso(),
    });
    this.deployments.push(created);
    for (const state of fields.states ?? []) {
      this.addDeploymentStatus(Number(created.id), state, {
        description: '',
        environment: fields.environment,
        logUrl: '',
        environmentUrl: '',
      });
    }
    return created;
  }

  // ---------------------------------------------------------------- Twirp artifact service

  private registerTwirp(): void {
    const rpc = (method: string, handler: (input: Record<string, unknown>, runId: number) => Reply) => {
      this.route(`POST ${TWIRP_PREFIX}${method}`, 'twirp', (m) => {
        const input = m.json();
        const runBackendId = String(input.workflow_run_backend_id ?? '');
        const jobBackendId = String(input.workflow_job_run_backend_id ?? '');
        const scope = decodeScope(String(m.req.headers.authorization ?? ''));
        if (!scope.includes(`Actions.Results:${runBackendId}:${jobBackendId}`)) {
          return twirpError(403, 'permission_denied', 'token scope does not cover this workflow run');
        }
        const runId = this.runtimeRuns.get(runBackendId);
        if (runId === undefined) return twirpError(404, 'not_found', 'workflow run not found');
        return handler(input, runId);
      });
    };
    const finalizedIn = (runId: number, name?: string) =>
      this.artifacts.filter((a) => a.runId === runId && (name === undefined || a.artifact.name === name));

    rpc('CreateArtifact', (input, runId) => {
      const name = String(input.name ?? '');
      if (finalizedIn(runId, name).length > 0) {
        return twirpError(
          409,
          'already_exists',
          'an artifact with this name already exists on the workflow run',
        );
      }
      const uploadId = randomBytes(6).toString('hex');
      const blobPath = `${BLOB_PREFIX}${uploadId}.zip`;
      const previous = this.pendingUploads.findIndex((p) => p.runId === runId && p.name === name);
      if (previous >= 0) this.pendingUploads.splice(previous, 1);
      this.pendingUploads.push({
        runId,
        runBackendId: String(input.workflow_run_backend_id),
        jobBackendId: String(input.workflow_job_run_backend_id),
        name,
        blobPath,
        expiresAt: typeof input.expires_at === 'string' ? input.expires_at : this.iso(90 * 86_400_000),
      });
      return {
        status: 200,
        body: { ok: true, signed_upload_url: this.sign(blobPath) } satisfies {
          ok: boolean;
          signed_upload_url: string;
        },
      };
    });

    rpc('FinalizeArtifact', (input, runId) => {
      const name = String(input.name ?? '');
      const index = this.pendingUploads.findIndex((p) => p.runId === runId && p.name === name);
      const pending = this.pendingUploads[index];
      if (!pending) return twirpError(404, 'not_found', `no pending artifact named ${name}`);
      const data = this.blobs.get(pending.blobPath)?.data;
      if (!data) return twirpError(400, 'failed_precondition', 'artifact blob was never committed');
      if (String(input.size) !== String(data.length)) {
        return twirpError(
          400,
          'invalid_argument',
          `size ${input.size} does not match uploaded ${data.length}`,
        );
      }
      const hash = `sha256:${createHash('sha256').update(data).digest('hex')}`;
      if (input.hash !== undefined && input.hash !== hash)
        return twirpError(400, 'invalid_argument', 'hash mismatch');
      this.pendingUploads.splice(index, 1);
      const run = this.runs.find((r) => r.id === runId) as gh.WorkflowRun;
      const id = this.id();
      this.artifacts.push({
        artifact: gh.artifact(this.url, this.fullName, {
          id,
          name,
          size: data.length,
          expired: false,
          createdAt: this.iso(),
          expiresAt: pending.expiresAt,
          digest: hash,
          run,
        }),
        runId,
        blobPath: pending.blobPath,
        content: data,
      });
      return {
        status: 200,
        body: { ok: true, artifact_id: String(id) } satisfies { ok: boolean; artifact_id: string },
      };
    });

    rpc('ListArtifacts', (input, runId) => {
      let list = finalizedIn(runId);
      if (typeof input.name_filter === 'string')
        list = list.filter((a) => a.artifact.name === input.name_filter);
      if (input.id_filter !== undefined)
        list = list.filter((a) => String(a.artifact.id) === String(input.id_filter));
      return {
        status: 200,
        body: {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: String(input.workflow_run_backend_id),
            workflow_job_run_backend_id: String(input.workflow_job_run_backend_id),
            database_id: String(a.artifact.id),
            name: a.artifact.name,
            size: String(a.artifact.size_in_bytes),
            created_at: a.artifact.created_at ?? '',
            ...(a.artifact.digest ? { digest: a.artifact.digest } : {}),
          })) satisfies TwirpArtifact[],
        },
      };
    });

    rpc('GetSignedArtifactURL', (input, runId) => {
      const stored = finalizedIn(runId, String(input.name ?? ''))[0];
      if (!stored) return twirpError(404, 'not_found', 'artifact not found');
      this.blobs.set(stored.blobPath, { blocks: new Map(), data: stored.content });
      return {
        status: 200,
        body: { signed_url: this.sign(stored.blobPath) } satisfies { signed_url: string },
      };
    });

    rpc('DeleteArtifact', (input, runId) => {
      const stored = finalizedIn(runId, String(input.name ?? ''))[0];
      if (!stored) return twirpError(404, 'not_found', 'artifact not found');
      this.artifacts.splice(this.artifacts.indexOf(stored), 1);
      return {
        status: 200,
        body: { ok: true, artifact_id: String(stored.artifact.id) } satisfies {
          ok: boolean;
          artifact_id: string;
        },
      };
    });
  }
}

type CheckAnnotation = gh.Schemas['check-annotation'];

function checkOutputProblem(output: unknown): string | undefined {
  if (!output || typeof output !== 'object') return undefined;
  const o = output as Record<string, unknown>;
  if (Array.isArray(o.annotations) && o.annotations.length > 50) {
    return 'Invalid request.\n\nOnly 50 annotations are allowed per request.';
  }
  for (const key of ['summary', 'text'] as const) {
    const value = o[key];
    if (typeof value === 'string' && value.length > 65_535) {
      return `Invalid request.\n\nOnly 65535 characters are allowed; ${value.length} were supplied.`;
    }
  }
  return undefined;
}

function decodeScope(authorization: string): string {
  const payload = authorization.replace(/^Bearer /, '').split('.')[1] ?? '';
  const parsed = safeJsonText(Buffer.from(payload, 'base64url').toString('utf8'));
  return typeof parsed?.scp === 'string' ? parsed.scp : '';
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function safeJsonText(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'x-github-request-id': randomBytes(4).toString('hex').toUpperCase(),
    ...reply.headers,
  };
  let payload: Buffer | undefined = reply.raw;
  if (!payload && reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(reply.status, headers);
  res.end(payload);
}
