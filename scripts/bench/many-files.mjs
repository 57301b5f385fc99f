// The "many files" measurement of `npm run bench`: one canonical record store split into one
// segment file per record (legal: Contexta globs `segments/segment-*.jsonl`, sorts the names and
// continues the sequence across them), written by a job that was re-run until the store held N
// lines. Every re-run appends the same records with the same `record_ref`s (refs derived from the
// job's inputs, as the quickstart scripts do), so all but the first attempt's lines repeat a ref:
// the pathological workspace of many files and thousands of identical gaps. Its own section of
// docs/benchmarks.md, between the markers below.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION, runRecords, segmentLine, WORKLOAD_FILE } from './generate.mjs';

export const MANY_FILES_START = '<!-- many-files:start -->';
export const MANY_FILES_END = '<!-- many-files:end -->';
/** The issue's target for reading the whole workspace. */
export const MANY_FILES_TARGET_S = 10;

/** `100000x625` → {files: 100000, distinct: 625}; `none` → null. */
export function parseManyFilesSpec(text) {
  if (text === 'none') return null;
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (!match || Number(match[2]) < 1 || Number(match[1]) < Number(match[2]))
    throw new Error(
      `--many-files expects <files>x<distinct records> with files ≥ records ≥ 1 (e.g. 100000x625) or none, got ${text}`,
    );
  return { files: Number(match[1]), distinct: Number(match[2]) };
}

/**
 * One attempt of the job: a baseline run of exactly `distinct` records (the per-step loss series
 * is lengthened or shortened to hit the count; fewer than the run's fixed records is refused).
 */
function attemptRecords(distinct, seed) {
  const samples = Math.max(20, Math.floor(distinct / 5));
  const fixed = [...runRecords({ role: 'baseline', samples, steps: 0, seed })].length;
  const steps = distinct - fixed;
  if (steps < 0) throw new Error(`--many-files needs at least ${fixed} distinct records, got ${distinct}`);
  return [...runRecords({ role: 'baseline', samples, steps, seed })];
}

/** `records/manifest.json` after the last append went to segment `segments` holding one line. */
function manifestText(files) {
  const manifest = {
    current_segment_id: files,
    current_segment_record_count: 1,
    last_committed_sequence: files,
    layout_mode: 'jsonl_segments',
    layout_version: '1',
    next_sequence: files + 1,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Writes `<out>/.contexta/records/` with `files` one-line segments (`segment-000001.jsonl` …),
 * sequence i in segment i, the attempt's records in order and again from the first, then
 * `<out>/bench-workload.json`.
 */
export function generateManyFiles({ out, files, distinct, seed }) {
  if (files > 999_999) throw new Error('segment names have six digits: at most 999999 files');
  const items = attemptRecords(distinct, seed);
  const root = join(out, '.contexta');
  const segments = join(root, 'records', 'segments');
  mkdirSync(segments, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < files; i += 1) {
    const line = `${segmentLine(items[i % distinct], i + 1)}\n`;
    bytes += Buffer.byteLength(line);
    writeFileSync(join(segments, `segment-${String(i + 1).padStart(6, '0')}.jsonl`), line);
  }
  writeFileSync(join(root, 'records', 'manifest.json'), manifestText(files));
  const workload = {
    generator_version: GENERATOR_VERSION,
    seed,
    files,
    distinct,
    repeated: files - distinct,
    bytes,
    path: root,
  };
  const tmp = join(out, `${WORKLOAD_FILE}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(workload, null, 2)}\n`);
  renameSync(tmp, join(out, WORKLOAD_FILE));
  return workload;
}

export function ensureManyFilesWorkload(benchDir, spec, seed, log) {
  const out = join(benchDir, `many-files-${spec.files}x${spec.distinct}-s${seed}-g${GENERATOR_VERSION}`);
  const marker = join(out, WORKLOAD_FILE);
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(out, { recursive: true, force: true });
  log(`generating ${spec.files} one-record segment files (${spec.distinct} distinct records) in ${out}`);
  return generateManyFiles({ out, files: spec.files, distinct: spec.distinct, seed });
}

export function manyFilesMeasurements(floorScript) {
  return [
    {
      id: 'many-floor',
      label: 'floor: readline + JSON.parse of every segment file',
      args: (_c, w) => [floorScript, w.path],
      expect: 'json',
    },
    {
      id: 'many-inspect',
      label: 'reader: inspect --json',
      needs: 'inspect',
      args: (c, w) => [c.cli, 'inspect', w.path, '--json'],
      expect: 'json',
    },
  ];
}

/** Gap entries and the occurrences they stand for, from `inspect --json` output. */
function gapFigures(json) {
  const gaps = json?.gaps;
  if (!Array.isArray(gaps)) return null;
  const repeated = gaps.filter((g) => g.code === 'duplicate_record_ref');
  const count = (g) => g.count ?? 1;
  return {
    entries: gaps.length,
    repeatedEntries: repeated.length,
    repeatedCount: repeated.reduce((a, g) => a + count(g), 0),
  };
}

/** The section's markdown: workload, both measurements, the gap entries and the target. */
export function manyFilesSection(workload, results, machineNote) {
  const floor = results['many-floor'];
  const inspect = results['many-inspect'];
  const s = (r) =>
    r?.status === 'ok'
      ? `${(r.wallMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU`
      : (r?.note ?? '—');
  const rss = (r) => (r?.status === 'ok' && r.rssKiB !== null ? `${(r.rssKiB / 1024).toFixed(0)} MiB` : '—');
  const gaps = gapFigures(inspect?.json);
  const wall = inspect?.status === 'ok' ? inspect.wallMs / 1000 : null;
  const verdict = wall === null ? 'not judged' : wall <= MANY_FILES_TARGET_S ? 'met' : 'MISSED';
  return [
    MANY_FILES_START,
    '## Many files',
    '',
    `${workload.files.toLocaleString('en-US')} segment files of one record each (${(workload.bytes / 1e6).toFixed(0)} MB), from \`generateManyFiles\` in \`scripts/bench/many-files.mjs\`: a job re-run until its store held that many lines, every attempt appending the same ${workload.distinct.toLocaleString('en-US')} records under the same refs, so ${workload.repeated.toLocaleString('en-US')} lines repeat a \`record_ref\`. ${machineNote}`,
    '',
    '| measurement | time | peak RSS |',
    '|---|---|---|',
    `| floor: readline + JSON.parse of every segment | ${s(floor)} | ${rss(floor)} |`,
    `| inspect --json | ${s(inspect)} | ${rss(inspect)} |`,
    '',
    gaps
      ? `- gaps in \`inspect --json\`: ${gaps.entries} entries; repeated refs: ${gaps.repeatedEntries} entr${gaps.repeatedEntries === 1 ? 'y' : 'ies'} standing for ${gaps.repeatedCount.toLocaleString('en-US')} line(s)`
      : '- gaps in `inspect --json`: —',
    `- ${verdict}: read in ${wall === null ? '—' : `${wall.toFixed(2)} s`} (target ≤ ${MANY_FILES_TARGET_S} s wall)`,
    MANY_FILES_END,
  ].join('\n');
}
