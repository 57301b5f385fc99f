/**
 * Local history for `compare --history DIR` (one earlier run's workspace per sub-directory, ordered
 * by recorded run time — the ledger's start time, else when its metrics were last recorded — ties
 * by directory name) and the history section of `inspect`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReadOptions } from '../contexta/read.js';
import { formatNumber, metricLabel } from '../format/numbers.js';
import { historyRecords } from '../history/from-evidence.js';
import { describeRecord, type HistoryRecord } from '../history/record.js';
import type { History } from '../history/store.js';
import { openEvidence } from '../sources/open.js';

export async function readHistoryDir(
  dir: string,
  project: string | null,
  reading: Pick<ReadOptions, 'ledger' | 'pool'>,
): Promise<{ records: HistoryRecord[]; problems: string[] }> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const problems: string[] = [];
  const read: Array<{ name: string; record: HistoryRecord }> = [];
  for (const name of names) {
    const evidence = await openEvidence(path.join(dir, name), reading);
    const records = historyRecords(evidence, { runId: null, commit: null, recordedAt: null })
      .filter((r) => project === null || r.project === project)
      .map((r) => ({ ...r, source: name.slice(0, 256) }));
    if (records.length === 0) problems.push(`${name}: no run with metrics; not part of the history`);
    for (const record of records) read.push({ name, record });
  }
  read.sort((a, b) => {
    const dt = Date.parse(a.record.time) - Date.parse(b.record.time);
    return dt !== 0 ? dt : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return { records: read.map((r) => r.record), problems };
}

/** `inspect`'s view of a history file: one line per run, the newest last. */
export function renderHistory(history: History): string {
  const out = ['', `History (${history.records.length} run${history.records.length === 1 ? '' : 's'}):`];
  for (const record of history.records) {
    const shown = record.metrics
      .filter((m) => m[3] === null)
      .slice(0, 6)
      .map(([, stage, key, , value]) => `${metricLabel(stage, key, null)}=${formatNumber(value)}`);
    const more = record.metrics.length > shown.length ? `, … ${record.metrics.length} values` : '';
    out.push(`  ${record.project}: ${describeRecord(record)}: ${shown.join(', ')}${more}`);
  }
  for (const gap of history.gaps) {
    out.push(`  ${gap.severity} ${gap.code}${gap.line ? ` at ${gap.file}:${gap.line}` : ''}: ${gap.message}`);
  }
  return `${out.join('\n')}\n`;
}
