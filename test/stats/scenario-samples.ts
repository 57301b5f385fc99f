import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * Reads the per-sample metric records of a scenario fixture straight from the SDK's capture cache, so the
 * statistics can be checked on real evidence without depending on the evidence readers. Minimal on
 * purpose: it only understands sample-scoped MetricRecords and fails loudly on anything surprising.
 */

export interface PairedSamples {
  ids: string[];
  baseline: Float64Array;
  candidate: Float64Array;
  slices: string[];
}

interface SampleValue {
  value: number;
  slice: string;
}

function readSide(
  scenario: string,
  side: 'baseline' | 'candidate',
  metricKey: string,
): Map<string, SampleValue> {
  const path = fileURLToPath(
    new URL(
      `../../fixtures/scenarios/${scenario}/${side}/.contexta/cache/capture/record.jsonl`,
      import.meta.url,
    ),
  );
  const values = new Map<string, SampleValue>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line);
    if (entry.payload_type !== 'MetricRecord') continue;
    const envelope = entry.payload.envelope;
    const record = entry.payload.payload;
    const sampleRef: string | null = envelope.sample_observation_ref;
    if (sampleRef === null || record.metric_key !== metricKey) continue;
    const runName = String(envelope.run_ref).replace(/^run:/, '');
    const prefix = `sample:${runName}.`;
    if (!sampleRef.startsWith(prefix)) throw new Error(`unexpected sample ref ${sampleRef} in ${path}`);
    const id = sampleRef.slice(prefix.length);
    if (values.has(id)) throw new Error(`duplicate ${metricKey} for ${id} in ${path}`);
    values.set(id, { value: Number(record.value), slice: String(record.tags.slice) });
  }
  return values;
}

/** Baseline and candidate values of one per-sample metric, paired by sample id. */
export function pairedScenarioSamples(scenario: string, metricKey: string): PairedSamples {
  const baseline = readSide(scenario, 'baseline', metricKey);
  const candidate = readSide(scenario, 'candidate', metricKey);
  const ids = [...baseline.keys()].sort();
  if (ids.length !== candidate.size || ids.some((id) => !candidate.has(id))) {
    throw new Error(`${scenario}: baseline and candidate ${metricKey} samples do not pair up`);
  }
  return {
    ids,
    baseline: Float64Array.from(ids, (id) => baseline.get(id)!.value),
    candidate: Float64Array.from(ids, (id) => candidate.get(id)!.value),
    slices: ids.map((id) => baseline.get(id)!.slice),
  };
}
