/**
 * What a parse worker does with each cleanly parsed line: a segment entry or capture line holding a
 * metric record whose validation reports nothing at all becomes the compact tuple of its facts
 * (`compact-metric.ts`). Anything else — a gap of any kind, another record type — is left to the
 * main thread (null), which then reads the line exactly as a one-thread read does.
 */

import type { Compactor } from '../evidence/chunk-lines.js';
import { GapSink } from '../evidence/gaps.js';
import type { RefSet } from '../evidence/ref-set.js';
import { cleanCaptureRecord } from './capture-cache.js';
import { type CompactMetric, STORED, writeCompact } from './compact-metric.js';
import { type MetricFacts, metricFacts } from './fold.js';
import { validateRecord } from './validate-record.js';

const NOWHERE = { file: '', line: 0, nonFiniteToken: false };
let probe = new GapSink();

function cleanMetric(raw: unknown): MetricFacts | null {
  // A sink that has seen a gap is replaced, so a file full of bad lines cannot grow it.
  if (probe.reported > 0) probe = new GapSink();
  const valid = validateRecord(raw, NOWHERE, probe);
  if (valid === null || probe.reported > 0 || valid.record.type !== 'metric') return null;
  return metricFacts(valid.record, valid.refs);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A segment entry (`{sequence, record}`) holding a clean metric record. */
export const segmentLines: Compactor<CompactMetric> = {
  read(value) {
    if (!isObject(value)) return null;
    const sequence = value.sequence;
    if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) return null;
    const facts = cleanMetric(value.record);
    return facts === null ? null : { sequence, facts };
  },
  write: writeCompact,
};

/**
 * A capture line holding a clean metric record, or one whose record the record store already holds
 * (`stored`, a snapshot of the store's refs, as the main thread checks them), which is skipped
 * unvalidated as the one-thread read skips it. Its `sequence` is -1: capture lines have none.
 */
export function captureLines(stored: RefSet | null): Compactor<CompactMetric | typeof STORED> {
  return {
    read(value) {
      const record = cleanCaptureRecord(value);
      if (record === null) return null;
      const envelope = record.envelope as Record<string, unknown> | undefined;
      if (stored !== null && typeof envelope?.record_ref === 'string' && stored.has(envelope.record_ref))
        return STORED;
      const facts = cleanMetric(record);
      return facts === null ? null : { sequence: -1, facts };
    },
    write(kept, out) {
      if (kept === STORED) {
        out.int(0);
        return;
      }
      out.int(1);
      writeCompact(kept, out);
    },
  };
}
