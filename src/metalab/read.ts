/**
 * metalab run stores as evidence. A path is a metalab store when it holds `_meta.json` (an experiment
 * directory, or an "unscoped" FileStore) or when one of its immediate sub-directories does (a
 * collection root, what `metalab.run(store=…)` is given). Each experiment becomes one `Project`; see
 * `experiment.ts` for the unit mapping and docs/metalab.md for the whole contract.
 *
 * Only the file layout is read (the files are authoritative; a Postgres index is optional and never in
 * CI). Never read: `services/` (it can hold database credentials), `.locks/`, `*.tmp.*` leftovers,
 * logs (failed and stale runs only point to their log file), and anything a symlink leads to outside
 * the given root.
 */
import type { Evidence, EvidenceGap, Project } from '../evidence/model.js';
import { WorkspaceRoot } from '../evidence/safe-fs.js';
import { ExperimentReader } from './experiment.js';
import type { ReadContext } from './json-file.js';

export interface MetalabReadOptions {
  /** Deepest JSON nesting accepted in one file (default 64). */
  maxDepth?: number;
  /** Largest single JSON file read, in bytes (default 64 MiB). */
  maxFileBytes?: number;
}

const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
const META_FILE = '_meta.json';
/** Sub-directories of a collection root that are never experiments. */
const NEVER_EXPERIMENTS = new Set(['services', '.locks']);

async function isMetaFile(root: WorkspaceRoot, rel: string): Promise<boolean> {
  const resolved = await root.resolve(rel);
  return resolved.ok && !resolved.isDirectory;
}

/**
 * Experiment directories under the root, store-relative and sorted ('.' for the root itself).
 * Children whose `_meta.json` lies outside the root are reported, not read.
 */
async function findExperiments(root: WorkspaceRoot, gaps: EvidenceGap[] | null): Promise<string[]> {
  if (await isMetaFile(root, META_FILE)) return ['.'];
  const listing = await root.list('.');
  const found: string[] = [];
  for (const entry of listing.entries) {
    if (NEVER_EXPERIMENTS.has(entry.name) || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const rel = `${entry.name}/${META_FILE}`;
    const resolved = await root.resolve(rel);
    if (resolved.ok && !resolved.isDirectory) {
      found.push(entry.name);
    } else if (!resolved.ok && resolved.reason === 'outside' && gaps) {
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

export async function isMetalabStore(path: string): Promise<boolean> {
  try {
    return (await findExperiments(await WorkspaceRoot.open(path), null)).length > 0;
  } catch {
    return false;
  }
}

export async function readMetalab(root: string, options: MetalabReadOptions = {}): Promise<Evidence> {
  const gaps: EvidenceGap[] = [];
  const notes: string[] = [];
  const evidence: Evidence = {
    source: { kind: 'metalab', root, workspaces: [] },
    projects: [],
    gaps,
    notes,
  };
  let workspace: WorkspaceRoot;
  try {
    workspace = await WorkspaceRoot.open(root);
  } catch (error) {
    gaps.push({
      code: 'no_evidence',
      severity: 'error',
      message: `the metalab store ${root} cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    });
    return evidence;
  }
  const ctx: ReadContext = {
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

  const byName = new Map<string, Project>();
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
        message:
          `${expDir} holds experiment ${project.name} again; only the first directory holding it is used, ` +
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
