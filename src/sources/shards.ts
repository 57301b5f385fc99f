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
import { summariseGaps } from '../evidence/gaps.js';
import type {
  Batch,
  Deployment,
  EventSummary,
  Evidence,
  EvidenceGap,
  LifecycleStatus,
  MetricSeries,
  Run,
  SampleSeries,
  Stage,
} from '../evidence/model.js';
import { shareColumns } from '../evidence/sample-columns.js';
import type { SampleNames } from '../evidence/sample-names.js';
import {
  COUNT_KEY,
  detectRule,
  digest,
  evaluateRule,
  MergedColumns,
  type Rule,
  type SampleDigest,
  SeriesMerge,
} from './shard-series.js';

export interface Shard {
  /** The 1-based index the shard claims (from its artifact name, or its position on the command line). */
  index: number;
  /** How a person finds it: the artifact name or the path. */
  label: string;
  evidence: Evidence;
  /** The commit the shard's job ran on, when known. */
  sha?: string | null;
}

export interface ShardPlan {
  /** How many shards the run was split into; null when only the shards given are known. */
  expected: number | null;
  /** The commit every shard must come from, when known. */
  sha?: string | null;
  /** `candidate` or `baseline`, for messages. */
  side: string;
  /** What `source.root` of the merged evidence says. */
  root: string;
  /** How a missing shard would have been found, e.g. its artifact name. */
  describeMissing?: (index: number) => string;
}

const STATUS_ORDER: LifecycleStatus[] = ['completed', 'open', 'cancelled', 'failed'];
const EXAMPLES = 5;

/** Worst of the statuses; unknown (null) when any shard does not know it. */
function worstStatus(statuses: readonly (LifecycleStatus | null)[]): LifecycleStatus | null {
  if (statuses.length === 0 || statuses.includes(null)) return null;
  return statuses.reduce<LifecycleStatus>(
    (worst, s) => (STATUS_ORDER.indexOf(s!) > STATUS_ORDER.indexOf(worst) ? s! : worst),
    'completed',
  );
}

function seriesKey(m: MetricSeries): string {
  return JSON.stringify([m.key, m.slice, m.batch]);
}

class StageMerge {
  readonly statuses: (LifecycleStatus | null)[] = [];
  orderIndex: number | null = null;
  readonly series = new Map<string, SeriesMerge>();
  readonly columns = new Map<string, MergedColumns>();
  /** Per sample id, 1 + the ordinal of the shard that contributed it first; 0 for none yet. */
  owner = new Int32Array(1024);
  readonly batches = new Map<string, Batch>();
  recordCount = 0;
  partialRecords = 0;

  constructor(
    readonly ref: string,
    readonly name: string,
  ) {}
}

class RunMerge {
  readonly statuses: (LifecycleStatus | null)[] = [];
  startedAt: string | null = null;
  endedAt: string | null = null;
  readonly stages = new Map<string, StageMerge>();
  readonly runSeries = new Map<string, SeriesMerge>();
  readonly events = new Map<string, EventSummary>();
  readonly degraded: Run['degraded'] = [];
  readonly artifacts = new Map<string, Run['artifacts'][number]>();
  recordCount = 0;

  /** The first shard's run without its stages and metrics, which are merged separately. */
  readonly first: Run;

  constructor(run: Run) {
    this.first = { ...run, stages: [], runMetrics: [], events: [], degraded: [], artifacts: [] };
  }
}

/** What is kept of a merged shard: not its evidence, which is dropped once merged. */
interface Accepted {
  ordinal: number;
  shard: { index: number; label: string };
}

export class ShardMerger {
  private readonly gaps: EvidenceGap[] = [];
  private readonly notes: string[] = [];
  private readonly seenNotes = new Set<string>();
  private readonly claimed = new Map<number, Accepted>();
  private readonly accepted: Accepted[] = [];
  private readonly projects = new Map<
    string,
    { runs: Map<string, RunMerge>; deployments: Map<string, Deployment> }
  >();
  private readonly workspaces: Evidence['source']['workspaces'] = [];
  private kind: Evidence['source']['kind'] = 'contexta';
  private readonly weightedLabels: string[] = [];
  private readonly equalLabels: string[] = [];
  /** The sample table the merged series index: the first shard's, which later shards normally share. */
  private table: SampleNames | null = null;
  /** The code identity the first shard that records one records, which every later shard must share. */
  private code: { hashes: string; label: string } | null = null;

  constructor(private readonly plan: ShardPlan) {}

  private shardName(shard: Shard): string {
    const of = this.plan.expected === null ? '' : ` of ${this.plan.expected}`;
    return `${this.plan.side} shard ${shard.index}${of} (${shard.label})`;
  }

  /** A gap about the set of shards, not about a line in one of them. */
  reject(code: EvidenceGap['code'], ref: string, message: string): void {
    this.gaps.push({ code, severity: 'error', ref, message });
  }

  add(shard: Shard): void {
    const name = this.shardName(shard);
    const ref = `shard:${shard.index}`;
    const expected = this.plan.expected;
    if (!Number.isInteger(shard.index) || shard.index < 1 || (expected !== null && shard.index > expected)) {
      this.reject(
        'shard_unexpected',
        ref,
        `${name} is not one of shards 1 to ${expected ?? '?'}; its evidence was not merged`,
      );
      return;
    }
    const earlier = this.claimed.get(shard.index);
    if (earlier) {
      this.reject(
        'shard_duplicated',
        ref,
        `${name} claims the same index as ${earlier.shard.label}; only the first was merged — each shard job must upload exactly one shard index`,
      );
      return;
    }
    if (this.plan.sha && shard.sha && shard.sha !== this.plan.sha) {
      this.reject(
        'shard_foreign_commit',
        ref,
        `${name} was built from commit ${shard.sha.slice(0, 7)}, not ${this.plan.sha.slice(0, 7)}; evidence from another commit was not merged`,
      );
      return;
    }
    const code = codeIdentity(shard.evidence);
    if (code !== null) {
      if (this.code === null) this.code = { hashes: code, label: shard.label };
      else if (code !== this.code.hashes) {
        this.reject(
          'shard_foreign_commit',
          ref,
          `${name} records code ${code}, not ${this.code.hashes} as ${this.code.label} does; evidence built from other code was not merged — every shard job must run the same commit`,
        );
        return;
      }
    }
    const accepted = { ordinal: this.accepted.length, shard: { index: shard.index, label: shard.label } };
    this.claimed.set(shard.index, accepted);
    this.accepted.push(accepted);
    this.mergeEvidence(accepted, shard.evidence, name);
  }

  private mergeEvidence(accepted: Accepted, evidence: Evidence, name: string): void {
    const prefix = `shard-${accepted.shard.index}`;
    if (accepted.ordinal === 0) this.kind = evidence.source.kind;
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
    for (const note of evidence.notes) this.note(note);
    for (const project of evidence.projects) {
      let merged = this.projects.get(project.name);
      if (!merged) {
        merged = { runs: new Map(), deployments: new Map() };
        this.projects.set(project.name, merged);
      }
      for (const d of project.deployments)
        if (!merged.deployments.has(d.ref)) merged.deployments.set(d.ref, d);
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

  private note(note: string): void {
    if (this.seenNotes.has(note)) return;
    this.seenNotes.add(note);
    this.notes.push(note);
  }

  private mergeRun(target: RunMerge, run: Run, accepted: Accepted, name: string): void {
    target.statuses.push(run.status);
    if (run.startedAt && (target.startedAt === null || run.startedAt < target.startedAt))
      target.startedAt = run.startedAt;
    if (run.endedAt && (target.endedAt === null || run.endedAt > target.endedAt))
      target.endedAt = run.endedAt;
    target.recordCount += run.recordCount;
    target.degraded.push(...run.degraded);
    for (const a of run.artifacts) if (!target.artifacts.has(a.ref)) target.artifacts.set(a.ref, a);
    for (const e of run.events) {
      const key = JSON.stringify([e.key, e.level, e.stage]);
      const seen = target.events.get(key);
      target.events.set(
        key,
        seen ? { ...seen, count: seen.count + e.count, lastMessage: e.lastMessage } : { ...e },
      );
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

  private mergeStage(
    target: StageMerge,
    stage: Stage,
    accepted: Accepted,
    name: string,
    runRef: string,
  ): void {
    target.statuses.push(stage.status);
    if (stage.orderIndex !== null)
      target.orderIndex =
        target.orderIndex === null ? stage.orderIndex : Math.min(target.orderIndex, stage.orderIndex);
    target.recordCount += stage.recordCount;
    target.partialRecords += stage.partialRecords;
    for (const b of stage.batches) if (!target.batches.has(b.ref)) target.batches.set(b.ref, b);

    const repeated = new Map<number, number>();
    const examples: string[] = [];
    for (const series of stage.samples) {
      this.table ??= series.table;
      const table = this.table;
      let columns = target.columns.get(series.key);
      if (!columns) {
        columns = new MergedColumns(series.key, table, series.ids.length * (this.plan.expected ?? 1));
        target.columns.set(series.key, columns);
      }
      // Shards read with the merge's table (as the CLI and the action read them) keep their ids.
      const ids =
        series.table === table
          ? series.ids
          : Int32Array.from(series.ids, (id) => table.id(series.table.names[id]!));
      if (table.size > target.owner.length) {
        const grown = new Int32Array(Math.max(table.size, target.owner.length * 2));
        grown.set(target.owner);
        target.owner = grown;
      }
      const mine = accepted.ordinal + 1;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const owner = target.owner[id]!;
        if (owner === 0) target.owner[id] = mine;
        else if (owner !== mine) {
          if (!repeated.has(id)) {
            repeated.set(id, owner - 1);
            if (examples.length < EXAMPLES) examples.push(table.names[id]!);
          }
          continue;
        }
        const s = series.sliceIndex[i]!;
        columns.push(id, series.values[i]!, s >= 0 ? series.sliceNames[s]! : null);
      }
    }
    if (repeated.size > 0) {
      const owners = [...new Set(repeated.values())].map((o) => this.accepted[o]!.shard);
      this.gaps.push({
        code: 'shard_duplicated',
        severity: 'error',
        ref: `shard:${accepted.shard.index}`,
        runRef,
        stage: stage.name,
        count: repeated.size,
        message: `${name} repeats ${repeated.size} sample(s) of stage ${stage.name} already in ${owners
          .map((o) => `shard ${o.index} (${o.label})`)
          .join(
            ', ',
          )} (e.g. ${examples.join(', ')}); the repeats were not merged — two shard jobs evaluated the same samples`,
      });
    }

    const digests = stage.samples.map(digest);
    addSeries(target.series, stage.metrics, digests, sampleWeights(digests, countWeights(stage.metrics)));
  }

  finish(): Evidence {
    const expected = this.plan.expected;
    if (expected !== null) {
      for (let i = 1; i <= expected; i++) {
        if (this.claimed.has(i)) continue;
        const how = this.plan.describeMissing ? ` (${this.plan.describeMissing(i)})` : '';
        this.reject(
          'shard_missing',
          `shard:${i}`,
          `${this.plan.side} shard ${i} of ${expected} is missing${how}: its job failed, was cancelled or never uploaded, so the merged run lacks its samples`,
        );
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
      notes.push(
        `${this.weightedLabels.length} metric series had no per-sample outcomes to recompute them from and are per-shard values weighted by each shard's sample count: ${listed(this.weightedLabels)}`,
      );
    }
    if (this.equalLabels.length > 0) {
      notes.push(
        `${this.equalLabels.length} of those had no sample count in some shard, which then weighed as one: ${listed(this.equalLabels)}`,
      );
    }
    return {
      source: { kind: this.kind, root: this.plan.root, workspaces: this.workspaces },
      projects,
      // Each shard's gaps are bounded already; many shards repeating one kind are bounded again.
      gaps: summariseGaps(this.gaps),
      notes,
    };
  }

  private finishSeries(
    map: Map<string, SeriesMerge>,
    samples: Map<string, SampleSeries>,
    where: string,
  ): MetricSeries[] {
    const out: MetricSeries[] = [];
    for (const merge of map.values()) {
      const { series, equalWeights } = merge.finish((rule: Rule, slice) =>
        evaluateRule(rule, samples.get(rule.sampleKey), slice),
      );
      const label = `${where}${series.key}${series.slice === null ? '' : `@${series.slice}`}`;
      if (series.combined === 'weighted') this.weightedLabels.push(label);
      if (equalWeights) this.equalLabels.push(label);
      out.push(series);
    }
    return out;
  }

  private finishRun(r: RunMerge): Run {
    const stages: Stage[] = [...r.stages.values()].map((s) => {
      const samples = new Map<string, SampleSeries>();
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
function codeIdentity(evidence: Evidence): string | null {
  const hashes = new Set<string>();
  for (const project of evidence.projects)
    for (const run of project.runs) for (const h of run.metalab?.codeHashes ?? []) hashes.add(h);
  return hashes.size === 0 ? null : [...hashes].sort().join(', ');
}

function listed(labels: string[]): string {
  return labels.length > 8
    ? `${labels.slice(0, 8).join(', ')} and ${labels.length - 8} more`
    : labels.join(', ');
}

/** A count-like sibling series (same slice and batch) per slice, to weigh aggregates by. */
function countWeights(metrics: readonly MetricSeries[]): (m: MetricSeries) => number | null {
  const counts = new Map<string, number>();
  for (const m of metrics) {
    if (!COUNT_KEY.test(m.key) || !Number.isFinite(m.latest.value) || m.latest.value <= 0) continue;
    const key = JSON.stringify([m.slice, m.batch]);
    if (!counts.has(key)) counts.set(key, m.latest.value);
  }
  return (m) => counts.get(JSON.stringify([m.slice, m.batch])) ?? null;
}

/** The shard's number of samples in the series' slice, else a count metric, else unknown. */
function sampleWeights(
  digests: readonly SampleDigest[],
  fallback: (m: MetricSeries) => number | null,
): (m: MetricSeries) => number | null {
  return (m) => {
    let n = 0;
    for (const d of digests) n = Math.max(n, m.slice === null ? d.total.n : (d.bySlice.get(m.slice)?.n ?? 0));
    return n > 0 ? n : fallback(m);
  };
}

function addSeries(
  map: Map<string, SeriesMerge>,
  metrics: readonly MetricSeries[],
  digests: readonly SampleDigest[],
  weight: (m: MetricSeries) => number | null,
): void {
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
export function mergeShards(shards: readonly Shard[], plan: ShardPlan): Evidence {
  const merger = new ShardMerger(plan);
  for (const shard of shards) merger.add(shard);
  return merger.finish();
}
