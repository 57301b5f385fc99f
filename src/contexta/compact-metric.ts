/**
 * The compact form in which a parse worker returns a cleanly read metric line (`compact-line.ts`):
 * the facts folding needs (`MetricFacts`) written into a chunk's columns, which cross threads at a
 * small fraction of the cost of the parsed record.
 */
import type { ChunkReader, ChunkWriter } from '../evidence/chunk-lines.js';
import type { AggregationScope, CompletenessMarker } from '../evidence/model.js';
import type { MetricFacts } from './fold.js';

/** The task kinds of `parse-worker.ts`: lines of record-store segments and of capture caches. */
export const SEGMENT_LINES = 'contexta-segment';
export const CAPTURE_LINES = 'contexta-capture';

/** A capture line whose record the record store already holds: skipped, as the store wins. */
export const STORED = 'stored';

/** A segment line's `sequence`, or -1 on a capture line (which has none). */
export interface CompactMetric {
  sequence: number;
  facts: MetricFacts;
}

/** Writes a metric line's facts into a chunk (`chunk-lines.ts`); `readCompact` reads them back. */
export function writeCompact({ sequence, facts: m }: CompactMetric, out: ChunkWriter): void {
  out.num(sequence);
  // Unique per line: looking them up in the chunk's string table would only cost a hash each.
  out.text(m.recordRef);
  out.str(m.runRef);
  out.text(m.observedAt);
  out.str(m.stageRef);
  out.str(m.stageName);
  out.str(m.batchRef);
  out.str(m.batchName);
  if (m.sampleName === null) out.str(null);
  else out.text(m.sampleName);
  out.str(m.completeness);
  out.int(m.degraded ? 1 : 0);
  out.str(m.key);
  out.num(m.value);
  out.str(m.unit);
  out.str(m.scope);
  out.str(m.sliceRef);
  if (m.tags === null) {
    out.int(-1);
    return;
  }
  const entries = Object.entries(m.tags);
  out.int(entries.length);
  for (const [k, v] of entries) {
    out.str(k);
    out.str(v);
  }
}

export function readCompact(r: ChunkReader): CompactMetric {
  const sequence = r.num();
  const recordRef = r.str()!;
  const runRef = r.str()!;
  const observedAt = r.str()!;
  const stageRef = r.str();
  const stageName = r.str();
  const batchRef = r.str();
  const batchName = r.str();
  const sampleName = r.str();
  const completeness = r.str() as CompletenessMarker;
  const degraded = r.int() === 1;
  const key = r.str()!;
  const value = r.num();
  const unit = r.str();
  const scope = r.str() as AggregationScope | null;
  const sliceRef = r.str();
  const count = r.int();
  let tags: Record<string, string> | null = null;
  if (count >= 0) {
    tags = {};
    for (let i = 0; i < count; i++) {
      const k = r.str()!;
      tags[k] = r.str()!;
    }
  }
  return {
    sequence,
    facts: {
      recordRef,
      runRef,
      observedAt,
      stageRef,
      stageName,
      batchRef,
      batchName,
      sampleName,
      completeness,
      degraded,
      key,
      value,
      unit,
      scope,
      sliceRef,
      tags,
    },
  };
}
