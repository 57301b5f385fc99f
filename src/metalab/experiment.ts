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
import type { Artifact, EvidenceGap, MetalabReplicateStatus, Project, Run } from '../evidence/model.js';
import { aggregateReplicates, type SeededEvidence } from './aggregate.js';
import { readArtifacts } from './artifacts.js';
import { type ReadContext, readJsonFile } from './json-file.js';
import { type ExpectedRuns, manifestGap, readNewestManifest } from './manifest.js';
import { mapInOrder } from './map-in-order.js';
import { paramsLabel } from './params-label.js';
import { type ReplicateEvidence, readReplicateEvidence } from './replicate.js';
import { describeIssues, MetaFile, RUN_ID, RunRecord, SUPPORTED_SCHEMA_VERSION } from './schema.js';

interface Replica {
  runId: string;
  file: string;
  status: MetalabReplicateStatus;
  record: RunRecord | null;
  label: string | null;
  /** Gaps raised while reading this run, completed with the unit's ref once it is known. */
  gaps: EvidenceGap[];
}

const KNOWN_STATUSES = new Set(['success', 'failed', 'cancelled', 'running']);
const LIST_LIMIT = 8;
/** Files read at once; enough to overlap I/O latency, few enough to stay far from fd limits. */
const CONCURRENCY = 16;

function listSome(items: string[]): string {
  const shown = items.slice(0, LIST_LIMIT).join(', ');
  return items.length > LIST_LIMIT ? `${shown} and ${items.length - LIST_LIMIT} more` : shown;
}

function oneLine(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

function distinct(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string'))].sort();
}

export class ExperimentReader {
  private experimentId = '';
  private expected: ExpectedRuns | null = null;
  private slurm = false;
  private readonly notes: string[] = [];
  /** What successful replicates showed, across units, for notes and for `series_lost`. */
  private readonly findings = {
    booleanKeys: new Set<string>(),
    renamedSeries: new Set<string>(),
    unreadResults: new Set<string>(),
    steppedKeys: new Set<string>(),
  };

  constructor(
    private readonly ctx: ReadContext,
    /** Store-relative experiment directory ('.' when the root is the experiment directory). */
    private readonly expDir: string,
  ) {}

  /** Store-relative path of a file of this experiment. */
  private path(rel: string): string {
    return this.prefix + rel;
  }

  private get prefix(): string {
    return this.expDir === '.' ? '' : `${this.expDir}/`;
  }

  private gap(gap: EvidenceGap): void {
    this.ctx.gaps.push(gap);
  }

  async read(): Promise<{ project: Project; notes: string[] }> {
    const metaId = await this.readMeta();
    const manifest = await readNewestManifest(this.ctx, this.prefix, { ref: this.expDir });
    const missingManifest = manifestGap(manifest, this.prefix, this.expDir);
    if (missingManifest) this.gap(missingManifest);
    if (manifest.kind === 'found') this.expected = manifest.expected;
    this.experimentId = metaId ?? this.expected?.manifest.experiment_id ?? '';
    this.slurm = (await this.ctx.root.resolve(this.path('slurm_array_spec.json'))).ok;

    const replicas = await this.readRuns();
    if (this.experimentId === '') {
      this.experimentId = replicas.find((replica) => replica.record)?.record?.experiment_id ?? this.expDir;
    }
    this.attribute(replicas);
    const runs = await this.buildUnits(replicas);
    if (replicas.length === 0) {
      this.gap({
        code: 'no_evidence',
        severity: 'error',
        file: this.path('runs'),
        ref: this.experimentId,
        message: `experiment ${this.experimentId} (${this.expDir}) has no runs: neither a manifest listing runs nor run records`,
      });
    }
    return { project: { name: this.experimentId, runs, deployments: [] }, notes: this.notes };
  }

  private async readMeta(): Promise<string | null> {
    const file = this.path('_meta.json');
    const read = await readJsonFile(this.ctx, file, 'warning', { ref: this.expDir });
    if (!read.ok) return null;
    const parsed = MetaFile.safeParse(read.value);
    if (!parsed.success) {
      this.gap({
        code: 'record_invalid',
        severity: 'warning',
        file,
        ref: this.expDir,
        message: `${file} is not a metalab store marker: ${describeIssues(parsed.error)}`,
      });
      return null;
    }
    const version = parsed.data.schema_version;
    if (version !== undefined && version !== SUPPORTED_SCHEMA_VERSION) {
      this.gap({
        code: 'unknown_schema_version',
        severity: 'warning',
        file,
        ref: this.expDir,
        message: `${file} declares store schema ${version}; this reader knows ${SUPPORTED_SCHEMA_VERSION}, so fields may be misread`,
      });
    }
    return parsed.data.experiment_id ?? null;
  }

  private async readRuns(): Promise<Replica[]> {
    const dir = this.path('runs');
    const listing = await this.ctx.root.list(dir);
    if (listing.problem) {
      this.gap({
        code: listing.problem.reason === 'outside' ? 'symlink_outside_workspace' : 'file_unreadable',
        severity: 'error',
        file: dir,
        ref: this.expDir,
        message: `${listing.problem.message}; no run of this experiment can be read`,
      });
    }
    const onDisk = new Set<string>();
    const strays: string[] = [];
    for (const entry of listing.entries) {
      if (entry.isDirectory() || entry.name.includes('.tmp.') || !entry.name.endsWith('.json')) continue;
      const stem = entry.name.slice(0, -'.json'.length);
      if (RUN_ID.test(stem)) onDisk.add(stem);
      else strays.push(entry.name);
    }
    if (strays.length > 0) {
      this.notes.push(
        `${this.expDir}: files in runs/ that are not named <run_id>.json were ignored: ${listSome(strays.sort())}.`,
      );
    }
    const expectedIds = this.expected ? this.expected.runIds : [...onDisk].sort();
    if (this.expected) {
      const expectedSet = new Set(expectedIds);
      const ignored = [...onDisk].filter((id) => !expectedSet.has(id)).sort();
      this.notes.push(
        `${this.expDir}: the expected runs are the ${expectedIds.length} run id(s) listed in ${this.expected.file}, ` +
          'the newest experiment manifest.' +
          (ignored.length > 0
            ? ` ${ignored.length} run record(s) not in it were ignored as stale: ${listSome(ignored)}.`
            : ''),
      );
    }

    const replicas = await mapInOrder(expectedIds, CONCURRENCY, async (runId) => {
      const file = `${dir}/${runId}.json`;
      const replica: Replica = { runId, file, status: 'missing', record: null, label: null, gaps: [] };
      if (onDisk.has(runId)) await this.readRun(replica);
      return replica;
    });
    for (const replica of replicas) this.ctx.gaps.push(...replica.gaps);
    return replicas;
  }

  /** Fills `replica` from its record; gaps go to `replica.gaps` so reads can overlap. */
  private async readRun(replica: Replica): Promise<void> {
    const { runId, file, gaps } = replica;
    const read = await readJsonFile({ ...this.ctx, gaps }, file, 'error', { ref: runId });
    if (!read.ok) {
      if (!read.missing) replica.status = 'unreadable';
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
    const problem =
      record.run_id !== runId
        ? `its run_id is ${JSON.stringify(record.run_id)}, but the file name says ${runId}`
        : this.experimentId !== '' && record.experiment_id !== this.experimentId
          ? `it belongs to experiment ${JSON.stringify(record.experiment_id)}, not ${this.experimentId}`
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
    replica.status = (record.status ?? 'failed') as MetalabReplicateStatus;
  }

  /** Gives runs without a usable record the label of a sibling replicate of the same case. */
  private attribute(replicas: Replica[]): void {
    const caseIndex = this.expected?.caseIndex;
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

  private unitRef(label: string): string {
    return `metalab:${this.experimentId}/${label}`;
  }

  private async logHint(runId: string): Promise<string> {
    const log = this.path(`logs/${runId}_run.log`);
    return (await this.ctx.root.resolve(log)).ok ? `; its log is ${log}` : '';
  }

  private async buildUnits(replicas: Replica[]): Promise<Run[]> {
    const byLabel = new Map<string, Replica[]>();
    for (const replica of replicas) {
      if (replica.label === null) {
        await this.reportUnattributed(replica);
        continue;
      }
      const list = byLabel.get(replica.label) ?? [];
      list.push(replica);
      byLabel.set(replica.label, list);
    }
    const labels = [...byLabel.keys()].sort();
    const units = await mapInOrder(labels, CONCURRENCY, async (label) => {
      const gaps: EvidenceGap[] = [];
      const unit = await this.buildUnit(label, byLabel.get(label)!, { ...this.ctx, gaps });
      return { ...unit, gaps };
    });
    for (const unit of units) this.ctx.gaps.push(...unit.gaps);
    for (const { run, members } of units) await this.reportIncomplete(run.ref, members);
    this.noteFindings();
    return units.map(({ run }) => run);
  }

  /** An unreadable run already has its error gap; a missing one needs one. */
  private async reportUnattributed(replica: Replica): Promise<void> {
    if (replica.status !== 'missing') return;
    this.gap({
      code: 'run_missing',
      severity: 'error',
      file: replica.file,
      ref: replica.runId,
      message:
        `run ${replica.runId} of ${this.experimentId} is listed in the experiment manifest but was never written, ` +
        `and no other replicate tells which parameter combination it belongs to${await this.logHint(replica.runId)}`,
    });
  }

  /**
   * Replicas with a record by seed fingerprint, then the others by run id. Two records for one seed
   * (parameters written differently, e.g. 1 vs 1.0, or an older run when there is no manifest): the
   * later started one is used and the other reported.
   */
  private orderReplicas(label: string, members: Replica[], ctx: ReadContext): Replica[] {
    const bySeed = new Map<string, Replica>();
    const started = (replica: Replica) => replica.record!.started_at ?? '';
    for (const member of members) {
      if (member.record === null) continue;
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
        runRef: this.unitRef(label),
        message:
          `runs ${kept.runId} and ${dropped.runId} are both seed ${seed} of ${label}; only ${kept.runId}, ` +
          'the later started, is used',
      });
    }
    const kept = [...bySeed.keys()].sort().map((seed) => bySeed.get(seed)!);
    const unseeded = members
      .filter((member) => member.record === null)
      .sort((a, b) => (a.runId < b.runId ? -1 : 1));
    return [...kept, ...unseeded];
  }

  private unitStatus(members: Replica[]): Run['status'] {
    const has = (status: MetalabReplicateStatus) => members.some((member) => member.status === status);
    if (has('failed')) return 'failed';
    if (has('cancelled')) return 'cancelled';
    if (has('running')) return 'open';
    const expected = this.expected?.manifest.seeds?.replicates ?? 0;
    return members.every((member) => member.status === 'success') && members.length >= expected
      ? 'completed'
      : null;
  }

  /** Builds one unit; its gaps go to `ctx.gaps` so units can be read side by side. */
  private async buildUnit(
    label: string,
    all: Replica[],
    ctx: ReadContext,
  ): Promise<{ run: Run; members: Replica[] }> {
    const ref = this.unitRef(label);
    const members = this.orderReplicas(label, all, ctx);
    for (const member of all) for (const gap of member.gaps) gap.runRef ??= ref;
    await this.checkSlurmMarkers(members, ref, ctx);

    const seeded: SeededEvidence[] = [];
    const artifacts: Artifact[] = [];
    for (const member of members) {
      if (member.status !== 'success' || member.record === null) continue;
      const attribution = { ref: member.runId, runRef: ref };
      const record = member.record;
      const evidence = await readReplicateEvidence(
        ctx,
        this.prefix,
        member.file,
        member.runId,
        record.metrics,
        attribution,
      );
      seeded.push({ seedFingerprint: record.seed_fingerprint, evidence });
      this.collectFindings(label, evidence);
      artifacts.push(
        ...(await readArtifacts(
          ctx,
          this.prefix,
          member.file,
          member.runId,
          record.artifacts ?? [],
          `${ref}@${record.seed_fingerprint}`,
          attribution,
        )),
      );
    }

    const records = members.flatMap((member) => (member.record ? [member.record] : []));
    const starts = distinct(records.map((record) => record.started_at));
    const ends = distinct(records.map((record) => record.finished_at));
    const expectedReplicates = this.expected?.manifest.seeds?.replicates ?? null;
    const run: Run = {
      ref,
      project: this.experimentId,
      name: label,
      status: this.unitStatus(members),
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
        experimentId: this.experimentId,
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
    if (run.metalab!.paramsFingerprints.length > 1) {
      ctx.gaps.push({
        code: 'conflicting_record_ref',
        severity: 'warning',
        ref: run.metalab!.paramsFingerprints.join(', '),
        runRef: ref,
        message: `${label} gathers runs with different metalab params fingerprints (${run.metalab!.paramsFingerprints.join(', ')}): their parameters print the same but were written differently`,
      });
    }
    return { run, members };
  }

  /** The SLURM executor marks completion with `runs/<run_id>.done`; metalab requires it too. */
  private async checkSlurmMarkers(members: Replica[], runRef: string, ctx: ReadContext): Promise<void> {
    if (!this.slurm) return;
    for (const member of members) {
      if (member.status !== 'success') continue;
      const marker = this.path(`runs/${member.runId}.done`);
      if ((await ctx.root.resolve(marker)).ok) continue;
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

  private collectFindings(label: string, evidence: ReplicateEvidence): void {
    for (const key of evidence.booleanKeys) this.findings.booleanKeys.add(key);
    for (const name of evidence.renamedSeries) this.findings.renamedSeries.add(`${name}.steps (${label})`);
    for (const name of evidence.unreadResults) this.findings.unreadResults.add(name);
    for (const observation of evidence.observations.values()) {
      if (observation.scope === 'step') this.findings.steppedKeys.add(observation.key);
    }
  }

  private noteFindings(): void {
    const { booleanKeys, renamedSeries, unreadResults } = this.findings;
    const sorted = (set: Set<string>) => [...set].sort();
    if (booleanKeys.size > 0) {
      this.notes.push(
        `${this.experimentId}: boolean metrics are read as 1 (true) / 0 (false): ${sorted(booleanKeys).join(', ')}.`,
      );
    }
    if (renamedSeries.size > 0) {
      this.notes.push(
        `${this.experimentId}: these names are both a scalar metric and a stepped series; the scalar keeps the ` +
          `name, the series' last step is read as: ${listSome(sorted(renamedSeries))}.`,
      );
    }
    if (unreadResults.size > 0) {
      this.notes.push(
        `${this.experimentId}: results that are neither a stepped series nor a dict of numbers are not evidence: ` +
          `${listSome(sorted(unreadResults))}.`,
      );
    }
  }

  private async reportIncomplete(runRef: string, members: Replica[]): Promise<void> {
    for (const member of members) {
      if (member.status === 'success' || member.status === 'unreadable') continue;
      const seed = member.record ? ` (seed ${member.record.seed_fingerprint})` : '';
      const subject = `run ${member.runId}${seed} of ${runRef}`;
      const base = { file: member.file, ref: member.runId, runRef };
      const log = await this.logHint(member.runId);
      if (member.status === 'missing') {
        this.gap({
          ...base,
          code: 'run_missing',
          severity: 'error',
          message: `${subject} is listed in the experiment manifest but was never written (the sweep stopped before it ran)${log}`,
        });
      } else if (member.status === 'failed') {
        const error = member.record?.error;
        const what = error
          ? `${error.type ?? 'an error'}${error.message ? `: ${oneLine(error.message)}` : ''}`
          : member.record?.status === undefined
            ? 'no status (metalab treats that as failed)'
            : 'no error recorded';
        this.gap({
          ...base,
          code: 'run_failed',
          severity: 'error',
          message: `${subject} failed with ${what}; its partial metrics are not used${log}`,
        });
      } else if (member.status === 'cancelled') {
        this.gap({
          ...base,
          code: 'run_incomplete',
          severity: 'error',
          message: `${subject} was cancelled; it has no usable metrics${log}`,
        });
      } else if (member.status === 'running') {
        await this.reportStale(member, subject, base, log);
      }
    }
  }

  private async reportStale(
    member: Replica,
    subject: string,
    base: { file: string; ref: string; runRef: string },
    log: string,
  ): Promise<void> {
    if (member.record?.status === 'running') {
      this.gap({
        ...base,
        code: 'run_incomplete',
        severity: 'error',
        message:
          `${subject} is still marked running (started ${member.record.started_at ?? 'at an unknown time'}): ` +
          `the process died before finishing, so it has no metrics${log}`,
      });
    }
    const present = await this.ctx.root.list(this.path(`results/${member.runId}`));
    const written = new Set(present.entries.map((entry) => entry.name.replace(/\.json$/, '')));
    const lost = [...this.findings.steppedKeys].filter((key) => !written.has(key)).sort();
    if (lost.length === 0) return;
    this.gap({
      ...base,
      code: 'series_lost',
      severity: 'warning',
      message: `${subject}: stepped series ${lost.join(', ')} were lost (metalab writes them only when a run finishes)`,
    });
  }
}
