/**
 * How every GitHub REST call travels: one Octokit request per attempt with a timeout, retries with
 * backoff or GitHub's own wait hint, `Link` pagination, response validation, typed errors whose
 * messages never contain the token. Nothing outside `src/github/` sees Octokit.
 */
import type { getOctokit } from '@actions/github';
import type { z } from 'zod';
import { downloadBlob } from './blob-download.js';
import {
  GitHubError,
  type GitHubErrorContext,
  GitHubResponseError,
  GitHubUnavailableError,
} from './errors.js';
import { classifyFailure, type FailureShape } from './failure.js';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { describeIssues } from './schemas.js';

export interface TransportOptions {
  token: string;
  /** REST base URL, e.g. `https://api.github.com` (the runner's `GITHUB_API_URL`). */
  apiUrl: string;
  owner: string;
  repo: string;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout for one API request. */
  timeoutMs?: number;
  /** Timeout for downloading one artifact blob. */
  downloadTimeoutMs?: number;
  userAgent?: string;
  /** Waits between attempts; tests pass one that records the delay and returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

export type Params = Record<string, unknown>;

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class GitHubTransport {
  readonly owner: string;
  readonly repo: string;
  private octokit: Promise<ReturnType<typeof getOctokit>> | undefined;
  private readonly options: TransportOptions;
  private readonly token: string;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly downloadTimeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: TransportOptions) {
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
  private client(): Promise<ReturnType<typeof getOctokit>> {
    this.octokit ??= import('@actions/github').then(({ getOctokit }) => {
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
  async call<S extends z.ZodType>(route: string, params: Params, schema: S): Promise<z.infer<S>> {
    const response = await this.raw(route, params);
    return this.validate(route, params, schema, response.data);
  }

  validate<S extends z.ZodType>(route: string, params: Params, schema: S, data: unknown): z.infer<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new GitHubResponseError(describeIssues(parsed.error), this.contextOf(route, params));
    }
    return parsed.data;
  }

  /** Follows `Link: rel="next"` pages until `limit` items are collected. */
  async paginate<S extends z.ZodType, T>(
    route: string,
    params: Params,
    schema: S,
    items: (page: z.infer<S>) => T[],
    limit: number,
  ): Promise<T[]> {
    const collected: T[] = [];
    const perPage = Math.min(100, Math.max(1, limit));
    for (let page = 1; collected.length < limit; page++) {
      const query = { ...params, per_page: perPage, page };
      const response = await this.raw(route, query);
      const pageItems = items(this.validate(route, query, schema, response.data));
      collected.push(...pageItems);
      const link = String(response.headers.link ?? '');
      if (pageItems.length === 0 || !/rel="next"/.test(link)) break;
    }
    return collected.slice(0, limit);
  }

  /** A list endpoint whose body is the array itself. */
  async list<S extends z.ZodType>(
    route: string,
    params: Params,
    schema: S,
    limit: number,
  ): Promise<z.infer<S>[]> {
    return this.paginate(route, params, schema.array(), (page: z.infer<S>[]) => page, limit);
  }

  /** One request with retries; failures become typed GitHubErrors. */
  async raw(route: string, params: Params, options: { redirect?: 'manual' } = {}): Promise<RawResponse> {
    const attempts = this.policy.retries + 1;
    for (let attempt = 1; ; attempt++) {
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
          headers: response.headers as RawResponse['headers'],
          data: response.data,
        };
      } catch (error) {
        const context = { ...this.contextOf(route, params, error), attempts: attempt };
        const verdict = classifyFailure(error as FailureShape, context, attempt, {
          policy: this.policy,
          timeoutMs: this.timeoutMs,
          scrub: (text) => this.scrub(text),
        });
        if (!verdict.retry) throw verdict.error;
        if (attempt >= attempts) throw new GitHubUnavailableError(verdict.reason, context);
        await this.sleep(verdict.waitMs ?? backoffDelayMs(this.policy, attempt));
      }
    }
  }

  /**
   * Downloads a signed blob URL (no Authorization) into a file, at most `maxBytes`; `refresh` asks
   * for a new signed URL when storage refuses an expired one.
   */
  async downloadBlob(
    location: string,
    destinationFile: string,
    maxBytes: number,
    refresh?: () => Promise<string>,
  ): Promise<number> {
    return downloadBlob(location, destinationFile, {
      policy: this.policy,
      timeoutMs: this.downloadTimeoutMs,
      maxBytes,
      sleep: this.sleep,
      ...(refresh ? { refresh } : {}),
    });
  }

  contextOf(route: string, params: Params, failure?: unknown): GitHubErrorContext {
    const path = (route.split(' ')[1] ?? '').replace(/\{(\w+)\}/g, (_, key: string) => {
      if (key === 'owner') return this.owner;
      if (key === 'repo') return this.repo;
      return encodeURIComponent(String(params[key] ?? `{${key}}`));
    });
    const shape = (failure ?? {}) as FailureShape;
    const data = shape.response?.data;
    const githubMessage =
      data && typeof data === 'object' && 'message' in data && typeof data.message === 'string'
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

  private scrub(text: string): string {
    return this.token.length > 0 ? text.split(this.token).join('***') : text;
  }
}
