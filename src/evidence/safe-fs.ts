/**
 * File access confined to one workspace root. Workspaces come from arbitrary jobs (fork PRs
 * included), so a symlink such as `records/segments/segment-000001.jsonl -> /etc/passwd` must be
 * reported, never followed out of the root.
 */
import { close, constants, type Dirent, promises as fs, fstat, open, read } from 'node:fs';
import path from 'node:path';

export type Confined =
  | { ok: true; absolute: string; size: number; isDirectory: boolean }
  | { ok: false; reason: 'missing' | 'outside' | 'unreadable'; message: string };

export class WorkspaceRoot {
  private constructor(
    /** Real (symlink-free) absolute path of the root. */
    readonly real: string,
  ) {}

  static async open(root: string): Promise<WorkspaceRoot> {
    return new WorkspaceRoot(await fs.realpath(root));
  }

  /** Workspace-relative display form of a path inside the root (POSIX separators). */
  relative(absolute: string): string {
    const rel = path.relative(this.real, absolute);
    return rel === '' ? '.' : rel.split(path.sep).join('/');
  }

  private contains(real: string): boolean {
    return real === this.real || real.startsWith(this.real + path.sep);
  }

  /** Resolves `rel` (relative to the root) and checks the real target stays inside. */
  async resolve(rel: string): Promise<Confined> {
    const candidate = path.resolve(this.real, rel);
    if (!this.contains(candidate)) {
      return { ok: false, reason: 'outside', message: `${rel} is outside the workspace` };
    }
    let real: string;
    try {
      real = await fs.realpath(candidate);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, reason: 'missing', message: `${rel} does not exist` };
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
      const stat = await fs.stat(real);
      return { ok: true, absolute: real, size: stat.size, isDirectory: stat.isDirectory() };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return { ok: false, reason: 'unreadable', message: `${rel} cannot be read (${code})` };
    }
  }

  /**
   * Lists a directory inside the root. A directory that does not exist lists as empty with no
   * problem; one that escapes the root or cannot be read comes back with the problem to report.
   */
  async list(rel: string): Promise<Listing> {
    const resolved = await this.resolve(rel);
    if (!resolved.ok)
      return { entries: [], real: null, problem: resolved.reason === 'missing' ? null : resolved };
    if (!resolved.isDirectory) return { entries: [], real: null, problem: null };
    try {
      return {
        entries: await fs.readdir(resolved.absolute, { withFileTypes: true }),
        real: resolved.absolute,
        problem: null,
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return {
        entries: [],
        real: null,
        problem: { ok: false, reason: 'unreadable', message: `${rel} cannot be listed (${code})` },
      };
    }
  }
}

export interface Listing {
  entries: Dirent[];
  /** Real absolute path of the listed directory (inside the root); null when nothing was listed. */
  real: string | null;
  problem: (Confined & { ok: false }) | null;
}

/**
 * Reads a small plain file whole, found as a regular-file entry (not a symlink) of a directory
 * whose real path is inside the root: its path then has no link in it, so confinement needs no
 * realpath and no stat of its own. `O_NOFOLLOW` refuses a symlink swapped in since the listing.
 * Null for anything else (too large for `maxBytes`, empty, not a regular file any more, any error):
 * the caller then takes the general path, which resolves the file and reports what is wrong.
 */
export function readListedFile(absolute: string, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolvePromise) => {
    open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW, (openError, fd) => {
      if (openError) {
        resolvePromise(null);
        return;
      }
      const done = (result: Buffer | null) => close(fd, () => resolvePromise(result));
      fstat(fd, (statError, stat) => {
        if (statError || !stat.isFile() || stat.size === 0 || stat.size > maxBytes) {
          done(null);
          return;
        }
        // One byte more than the size: a file that grew since is left to the streaming path.
        const buffer = Buffer.allocUnsafe(stat.size + 1);
        read(fd, buffer, 0, buffer.length, 0, (readError, bytesRead) => {
          done(readError || bytesRead !== stat.size ? null : buffer.subarray(0, bytesRead));
        });
      });
    });
  });
}
