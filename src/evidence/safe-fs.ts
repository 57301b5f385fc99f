/**
 * File access confined to one workspace root. Workspaces come from arbitrary jobs (fork PRs
 * included), so a symlink such as `records/segments/segment-000001.jsonl -> /etc/passwd` must be
 * reported, never followed out of the root.
 */
import { type Dirent, promises as fs } from 'node:fs';
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
  async list(rel: string): Promise<{ entries: Dirent[]; problem: (Confined & { ok: false }) | null }> {
    const resolved = await this.resolve(rel);
    if (!resolved.ok) return { entries: [], problem: resolved.reason === 'missing' ? null : resolved };
    if (!resolved.isDirectory) return { entries: [], problem: null };
    try {
      return { entries: await fs.readdir(resolved.absolute, { withFileTypes: true }), problem: null };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return {
        entries: [],
        problem: { ok: false, reason: 'unreadable', message: `${rel} cannot be listed (${code})` },
      };
    }
  }
}
