/**
 * Everything one successful metalab run (one seed replicate) contributes as metric observations:
 * - `metrics` scalars of the run record → key `<name>`;
 * - `derived/<run_id>.json` → key `derived_<name>` (metalab's own prefix in its table exports), so a
 *   derived metric can never shadow a captured one;
 * - stepped series `results/<run_id>/<name>.json` (`metadata.type == "stepped_metric"`) → key `<name>`,
 *   value = the value at the largest step; when the run record also has a scalar `<name>` (metalab
 *   keeps both, independently) the scalar keeps `<name>` and the series becomes `<name>.steps`;
 * - other `results/` files whose `data` is an object → one slice per numeric entry: key `<name>`,
 *   slice = the entry's key (`per_class_accuracy` @ `bird`). Lists and scalars there are not read.
 *
 * Value rules: finite numbers are used; booleans become 1/0 (noted); NaN/±Infinity are kept as
 * non-finite observations that are counted and reported, never averaged; strings, null and nested
 * values are not comparable and are reported as info.
 */
import type { EvidenceGap } from '../evidence/model.js';
import { type Attribution, type ReadContext, readJsonFile } from './json-file.js';
import { DerivedFile, describeIssues, ResultFile } from './schema.js';

export interface Observation {
  key: string;
  slice: string | null;
  scope: 'run' | 'step' | 'slice';
  /** May be NaN or ±Infinity; those are counted, never compared. */
  value: number;
  /** Step numbers of a stepped series, ascending; null for scalars and slices. */
  steps: number[] | null;
}

export interface ReplicateEvidence {
  observations: Map<string, Observation>;
  /** Keys whose boolean values were read as 1/0. */
  booleanKeys: Set<string>;
  /** Series renamed to `<name>.steps` because a scalar holds `<name>`. */
  renamedSeries: string[];
  /** `results/` names that are neither a stepped series nor a dict of numbers. */
  unreadResults: string[];
}

export function observationId(key: string, slice: string | null): string {
  return slice === null ? key : `${key}\u0000${slice}`;
}

type Coerced = { ok: true; value: number; boolean: boolean } | { ok: false; found: string };

function coerce(value: unknown): Coerced {
  if (typeof value === 'number') return { ok: true, value, boolean: false };
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0, boolean: true };
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return { ok: false, found: `the string ${JSON.stringify(shown)}` };
  }
  if (value === null) return { ok: false, found: 'null' };
  return { ok: false, found: Array.isArray(value) ? 'a list' : 'an object' };
}

class ReplicateReader {
  readonly evidence: ReplicateEvidence = {
    observations: new Map(),
    booleanKeys: new Set(),
    renamedSeries: [],
    unreadResults: [],
  };

  constructor(
    private readonly ctx: ReadContext,
    private readonly runId: string,
    private readonly attribution: Attribution,
  ) {}

  private gap(gap: Omit<EvidenceGap, 'ref' | 'runRef'>): void {
    this.ctx.gaps.push({ ...gap, ...this.attribution });
  }

  private observe(file: string, what: string, observation: Omit<Observation, 'value'>, raw: unknown): void {
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
    if (coerced.boolean) this.evidence.booleanKeys.add(observation.key);
    this.evidence.observations.set(observationId(observation.key, observation.slice), {
      ...observation,
      value: coerced.value,
    });
  }

  scalars(file: string, metrics: Record<string, unknown>, prefix: string): void {
    for (const name of Object.keys(metrics).sort()) {
      const key = prefix + name;
      this.observe(file, `metric ${key}`, { key, slice: null, scope: 'run', steps: null }, metrics[name]);
    }
  }

  async derived(prefix: string): Promise<void> {
    const file = `${prefix}derived/${this.runId}.json`;
    const read = await readJsonFile(this.ctx, file, 'warning', this.attribution);
    if (!read.ok) return;
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

  async results(prefix: string, scalarNames: ReadonlySet<string>): Promise<void> {
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
      .filter(
        (entry) => !entry.isDirectory() && entry.name.endsWith('.json') && !entry.name.includes('.tmp.'),
      )
      .map((entry) => entry.name)
      .sort();
    for (const fileName of names) {
      const name = fileName.slice(0, -'.json'.length);
      const file = `${dir}/${fileName}`;
      const read = await readJsonFile(this.ctx, file, 'warning', this.attribution);
      if (!read.ok) continue;
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
        if (key !== name) this.evidence.renamedSeries.push(name);
        this.stepped(file, key, data);
      } else if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
        const entries = data as Record<string, unknown>;
        for (const slice of Object.keys(entries).sort()) {
          this.observe(
            file,
            `${name} @ ${slice}`,
            { key: name, slice, scope: 'slice', steps: null },
            entries[slice],
          );
        }
      } else {
        this.evidence.unreadResults.push(name);
      }
    }
  }

  private stepped(file: string, key: string, data: unknown): void {
    const points: Array<[number, unknown]> = [];
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
        message:
          `${file} is marked as a stepped metric but ${points.length === 0 ? 'holds no' : 'does not hold only'} ` +
          '[step, value] pairs; expected data like [[0, 0.5], [1, 0.3]]' +
          (points.length === 0 ? '' : '; the malformed rows were skipped'),
      });
      if (points.length === 0) return;
    }
    // metalab sorts by step with a stable sort, so for duplicate steps the last written wins.
    points.sort((a, b) => a[0] - b[0]);
    const steps = [...new Set(points.map(([step]) => step))];
    const last = points[points.length - 1]!;
    this.observe(
      file,
      `series ${key} at step ${last[0]}`,
      { key, slice: null, scope: 'step', steps },
      last[1],
    );
  }
}

/**
 * Reads a successful run's metrics, derived metrics and `results/`; `prefix` is the experiment
 * directory's store-relative path with a trailing `/` (`''` for the root).
 */
export async function readReplicateEvidence(
  ctx: ReadContext,
  prefix: string,
  runFile: string,
  runId: string,
  metrics: Record<string, unknown>,
  attribution: Attribution,
): Promise<ReplicateEvidence> {
  const reader = new ReplicateReader(ctx, runId, attribution);
  reader.scalars(runFile, metrics, '');
  await reader.derived(prefix);
  await reader.results(prefix, new Set(Object.keys(metrics)));
  return reader.evidence;
}
