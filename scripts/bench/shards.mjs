// The sharded-evaluation measurement of `npm run bench`: N shards of M samples per side (the shards
// of one job matrix, capture-cache layout as a runtime-API-only job uploads them), merged and gated
// by `compare --shards N` under the reference policy (paired tests per slice included), next to the
// floor reading the same bytes. Its own section of docs/benchmarks.md, between the markers below.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION, generateShards, WORKLOAD_FILE } from './generate.mjs';

export const SHARDS_START = '<!-- shards:start -->';
export const SHARDS_END = '<!-- shards:end -->';

/** `64x10000` → {shards: 64, samples: 10000}; `none` → null. */
export function parseShardSpec(text) {
  if (text === 'none') return null;
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (!match)
    throw new Error(`--shards expects <shards>x<samples per shard> (e.g. 64x10000) or none, got ${text}`);
  return { shards: Number(match[1]), samples: Number(match[2]) };
}

export function ensureShardWorkload(benchDir, spec, seed, log) {
  const out = join(benchDir, `shards-${spec.shards}x${spec.samples}-capture-s${seed}-g${GENERATOR_VERSION}`);
  const marker = join(out, WORKLOAD_FILE);
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(out, { recursive: true, force: true });
  log(`generating ${spec.shards} shards × ${spec.samples} samples per side in ${out}`);
  return generateShards({
    out,
    shards: spec.shards,
    samplesPerShard: spec.samples,
    steps: 100,
    seed,
    layout: 'capture',
  });
}

export function shardMeasurements(floorScript, policy) {
  return [
    {
      id: 'shards-floor',
      label: 'floor, every shard of both sides',
      args: (_c, w) => [floorScript, ...w.sides.baseline, ...w.sides.candidate],
      expect: 'json',
    },
    {
      id: 'shards-compare',
      label: 'compare --shards, merged and gated (reference policy)',
      needs: 'compare',
      args: (c, w) => [
        c.cli,
        'compare',
        '--shards',
        String(w.shards),
        ...w.sides.baseline.flatMap((p) => ['--baseline', p]),
        ...w.sides.candidate.flatMap((p) => ['--candidate', p]),
        '--config',
        policy,
        '--format',
        'json',
      ],
      expect: 'json-any-exit',
    },
  ];
}

/** The section's markdown: workload, both measurements, the ratio and the memory target. */
export function shardSection(workload, results, targets, machineNote) {
  const floor = results['shards-floor'];
  const compare = results['shards-compare'];
  const s = (r) =>
    r?.status === 'ok'
      ? `${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU`
      : (r?.note ?? '—');
  const rss = (r) => (r?.status === 'ok' && r.rssKiB !== null ? `${(r.rssKiB / 1024).toFixed(0)} MiB` : '—');
  const ok = floor?.status === 'ok' && compare?.status === 'ok';
  const ratio = ok
    ? `${(compare.wallMs / floor.wallMs).toFixed(2)} / ${(compare.cpuMs / floor.cpuMs).toFixed(2)}`
    : '—';
  const verdict = compare?.json?.verdict ?? '—';
  const peak = compare?.status === 'ok' ? compare.rssKiB / 1024 : null;
  const mb = (workload.bytes / 1e6).toFixed(0);
  return [
    SHARDS_START,
    '## Sharded evaluation',
    '',
    `${workload.shards} shards × ${workload.samples_per_shard.toLocaleString('en-US')} samples per side (${(workload.shards * workload.samples_per_shard).toLocaleString('en-US')} samples per side, ${mb} MB of capture cache in all), from \`generateShards\` in \`scripts/bench/generate.mjs\`: every shard a job's workspace of the same run, with its own per-shard aggregates. \`compare --shards ${workload.shards}\` reads the shards one at a time, merges each side (samples joined by stage and name, aggregates recomputed from them) and gates under \`fixtures/reference-policy.yml\` (paired McNemar tests overall and per slice on 640k pairs). ${machineNote}`,
    '',
    '| measurement | time | peak RSS |',
    '|---|---|---|',
    `| floor: readline + JSON.parse of every shard | ${s(floor)} | ${rss(floor)} |`,
    `| compare --shards (verdict ${verdict}) | ${s(compare)} | ${rss(compare)} |`,
    '',
    `- compare ÷ floor (wall / CPU): ${ratio} (shown, not judged: the time targets are the ladder's)`,
    `- ${peak === null ? 'not judged' : peak <= targets.rssMiB ? 'met' : 'MISSED'}: peak RSS ${peak === null ? '—' : `${peak.toFixed(0)} MiB`} (target ≤ ${targets.rssMiB} MiB)`,
    SHARDS_END,
  ].join('\n');
}
