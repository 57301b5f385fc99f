/**
 * The Actions cache service (v2, what @actions/cache 6 talks to when the runner sets
 * ACTIONS_CACHE_SERVICE_V2): three Twirp RPCs under ACTIONS_RESULTS_URL plus signed blob URLs, with
 * the real service's rules — entries are scoped to the ref their job ran on (the runtime token's
 * `ac` claim lists the scopes a job may read and the one it may write: its own ref read-write, the
 * base and default branch read-only), a lookup matches the version (a hash of the paths and the
 * compression) and then the key exactly, the key as a prefix, and each restore key as a prefix,
 * newest first, in the job's own scope before the others; an entry is immutable once reserved, and
 * only a finalized one with a committed blob of the stated size can be found.
 */

export const CACHE_TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/';

/** One scope of the runtime token's `ac` claim; permission is a bit set: 1 read, 2 write. */
export interface CacheScope {
  Scope: string;
  Permission: number;
}

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  scope: string;
  blobPath: string;
  sizeBytes: number;
  createdAt: number;
  finalized: boolean;
}

export type CacheReply = { status: number; body: Record<string, unknown> };

const READ = 1;
const WRITE = 2;

function twirpError(status: number, code: string, msg: string): CacheReply {
  return { status, body: { code, msg } };
}

/** The cache scopes GitHub puts into a job's runtime token for a run on `ref`. */
export function cacheScopesFor(ref: string, defaultBranch: string): CacheScope[] {
  const base = `refs/heads/${defaultBranch}`;
  return ref === base
    ? [{ Scope: ref, Permission: READ | WRITE }]
    : [
        { Scope: ref, Permission: READ | WRITE },
        { Scope: base, Permission: READ },
      ];
}

export function decodeCacheScopes(authorization: string): CacheScope[] {
  const payload = authorization.replace(/^Bearer /, '').split('.')[1] ?? '';
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { ac?: unknown };
    const scopes: unknown = typeof claims.ac === 'string' ? JSON.parse(claims.ac) : [];
    return Array.isArray(scopes) ? (scopes as CacheScope[]) : [];
  } catch {
    return [];
  }
}

export class CacheService {
  readonly entries: CacheEntry[] = [];
  private clock = 0;

  constructor(
    private readonly ids: () => number,
    /** Signs a blob path into the URL a client may GET or PUT without credentials. */
    private readonly sign: (blobPath: string) => string,
    /** The committed bytes of a blob, if any. */
    private readonly blob: (blobPath: string) => Buffer | undefined,
    private readonly blobPrefix: string,
  ) {}

  handle(method: string, input: Record<string, unknown>, scopes: CacheScope[]): CacheReply {
    const key = typeof input.key === 'string' ? input.key : '';
    const version = typeof input.version === 'string' ? input.version : '';
    if (!key || !version) return twirpError(400, 'invalid_argument', 'key and version are required');
    if (key.length > 512) return twirpError(400, 'invalid_argument', 'key is longer than 512 characters');
    switch (method) {
      case 'GetCacheEntryDownloadURL':
        return this.lookup(key, version, input.restore_keys, scopes);
      case 'CreateCacheEntry':
        return this.create(key, version, scopes);
      case 'FinalizeCacheEntryUpload':
        return this.finalize(key, version, input.size_bytes, scopes);
      default:
        return twirpError(404, 'bad_route', `no handler for method ${method}`);
    }
  }

  private lookup(key: string, version: string, restoreKeys: unknown, scopes: CacheScope[]): CacheReply {
    const readable = scopes.filter((s) => s.Permission & READ).map((s) => s.Scope);
    if (readable.length === 0)
      return twirpError(403, 'permission_denied', 'cache read denied: the token has no readable cache scope');
    const prefixes = Array.isArray(restoreKeys) ? restoreKeys.filter((k) => typeof k === 'string') : [];
    for (const scope of readable) {
      const candidates = this.entries
        .filter((e) => e.finalized && e.scope === scope && e.version === version)
        .sort((a, b) => b.createdAt - a.createdAt);
      const found =
        candidates.find((e) => e.key === key) ??
        candidates.find((e) => e.key.startsWith(key)) ??
        prefixes.map((prefix) => candidates.find((e) => e.key.startsWith(prefix))).find((e) => e);
      if (found) {
        return {
          status: 200,
          body: { ok: true, signed_download_url: this.sign(found.blobPath), matched_key: found.key },
        };
      }
    }
    return { status: 200, body: { ok: false, signed_download_url: '', matched_key: '' } };
  }

  private create(key: string, version: string, scopes: CacheScope[]): CacheReply {
    const scope = scopes.find((s) => s.Permission & WRITE)?.Scope;
    if (!scope) {
      return {
        status: 200,
        body: { ok: false, signed_upload_url: '', message: 'cache write denied: the token is read-only' },
      };
    }
    if (this.entries.some((e) => e.scope === scope && e.key === key && e.version === version)) {
      return twirpError(
        409,
        'already_exists',
        'cache entry with the same key, version, and scope already exists',
      );
    }
    const id = this.ids();
    const blobPath = `${this.blobPrefix}cache-${id}.tzst`;
    this.clock += 1;
    this.entries.push({
      id,
      key,
      version,
      scope,
      blobPath,
      sizeBytes: 0,
      createdAt: this.clock,
      finalized: false,
    });
    return { status: 200, body: { ok: true, signed_upload_url: this.sign(blobPath) } };
  }

  private finalize(key: string, version: string, sizeBytes: unknown, scopes: CacheScope[]): CacheReply {
    const scope = scopes.find((s) => s.Permission & WRITE)?.Scope;
    const entry = this.entries.find(
      (e) => e.scope === scope && e.key === key && e.version === version && !e.finalized,
    );
    if (!entry) return twirpError(404, 'not_found', 'no reserved cache entry for this key and version');
    const data = this.blob(entry.blobPath);
    if (!data) return twirpError(400, 'failed_precondition', 'the cache blob was never committed');
    if (String(sizeBytes) !== String(data.length)) {
      return twirpError(
        400,
        'invalid_argument',
        `size ${String(sizeBytes)} does not match uploaded ${data.length}`,
      );
    }
    entry.sizeBytes = data.length;
    entry.finalized = true;
    return { status: 200, body: { ok: true, entry_id: String(entry.id) } };
  }
}
