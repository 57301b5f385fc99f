/**
 * One metalab experiment directory → one `Project` (named by the metalab experiment id as is, e.g.
 * `gate_demo:1.0`). Each parameter combination with all its seed replicates is one `Run` (a "unit"),
 * named by its canonical parameter label and referenced as `metalab:<experiment id>/<label>`.
 *
 * The expected runs are the newest manifest's `run_ids` (all run records when there is none); records
 * not in it are ignored and noted. Every expected run is classified before any number is read:
 * `success`, `failed` (gap `run_failed`, error type and message only — never the traceback),
 * `running` (a crashed job: `run_incomplete`, plus `series_lost` for stepped series other runs have),
 * `cancelled` (`run_incomplete`), `missing` (listed, never written: `run_missing`) or `unreadable`.
 * Only `success` replicates contribute metrics and artifacts; partial metrics of failed runs are not
 * evidence. A missing or unreadable run is attributed to its unit through the manifest order (cases in
 * order, seed replicates innermost) and a sibling replicate that has a record.
 */
import type { EvidenceGap, Project, Run } from '../evidence/model.js';
import {
  CONCURRENCY,
  type ExperimentState,
  experimentPath,
  listSome,
  type Replica,
} from './experiment-state.js';
import { type ReadContext, readJsonFile } from './json-file.js';
import { manifestGap, readNewestManifest } from './manifest.js';
import { mapInOrder } from './map-in-order.js';
import { reportIncomplete, reportUnattributed } from './replica-gaps.js';
import { readReplicas } from './run-records.js';
import { describeIssues, MetaFile, SUPPORTED_SCHEMA_VERSION } from './schema.js';
import { buildUnit } from './unit.js';

export class ExperimentReader {
  private readonly exp: ExperimentState;

  constructor(ctx: ReadContext, expDir: string) {
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

  async read(): Promise<{ project: Project; notes: string[] }> {
    const metaId = await this.readMeta();
    const manifest = await readNewestManifest(this.exp.ctx, this.exp.prefix, { ref: this.exp.expDir });
    const missingManifest = manifestGap(manifest, this.exp.prefix, this.exp.expDir);
    if (missingManifest) this.exp.ctx.gaps.push(missingManifest);
    if (manifest.kind === 'found') this.exp.expected = manifest.expected;
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

  private async readMeta(): Promise<string | null> {
    const file = experimentPath(this.exp, '_meta.json');
    const read = await readJsonFile(this.exp.ctx, file, 'warning', { ref: this.exp.expDir });
    if (!read.ok) return null;
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
  private attribute(replicas: Replica[]): void {
    const caseIndex = this.exp.expected?.caseIndex;
    if (!caseIndex) return;
    const labelOfCase = new Map<number, string>();
    for (const replica of replicas) {
      const index = caseIndex.get(replica.runId);
      if (replica.label !== null && index !== undefined && !labelOfCase.has(index))
        labelOfCase.set(index, replica.label);
    }
    for (const replica of replicas) {
      const index = caseIndex.get(replica.runId);
      if (replica.label === null && index !== undefined) replica.label = labelOfCase.get(index) ?? null;
    }
  }

  private async buildUnits(replicas: Replica[]): Promise<Run[]> {
    const byLabel = new Map<string, Replica[]>();
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
      const gaps: EvidenceGap[] = [];
      const unit = await buildUnit(this.exp, label, byLabel.get(label)!, { ...this.exp.ctx, gaps });
      return { ...unit, gaps };
    });
    for (const unit of units) this.exp.ctx.gaps.push(...unit.gaps);
    for (const { run, members } of units) await reportIncomplete(this.exp, run.ref, members);
    this.noteFindings();
    return units.map(({ run }) => run);
  }

  private noteFindings(): void {
    const { booleanKeys, renamedSeries, unreadResults } = this.exp.findings;
    const sorted = (set: Set<string>) => [...set].sort();
    if (booleanKeys.size > 0) {
      this.exp.notes.push(
        `${this.exp.experimentId}: boolean metrics are read as 1 (true) / 0 (false): ${sorted(booleanKeys).join(', ')}.`,
      );
    }
    if (renamedSeries.size > 0) {
      this.exp.notes.push(
        `${this.exp.experimentId}: these names are both a scalar metric and a stepped series; the scalar keeps the ` +
          `name, the series' last step is read as: ${listSome(sorted(renamedSeries))}.`,
      );
    }
    if (unreadResults.size > 0) {
      this.exp.notes.push(
        `${this.exp.experimentId}: results that are neither a stepped series nor a dict of numbers are not evidence: ` +
          `${listSome(sorted(unreadResults))}.`,
      );
    }
  }
}
