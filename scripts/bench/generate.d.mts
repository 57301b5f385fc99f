// Types for generate.mjs, so the TypeScript test can import the plain-Node generator.

export type Layout = 'both' | 'capture' | 'records';
export type Role = 'baseline' | 'candidate';

export interface GeneratedWorkspace {
  path: string;
  records: number;
  bytes: number;
}

export interface Workload {
  generator_version: number;
  seed: number;
  layout: Layout;
  target_bytes: number | null;
  samples: number;
  steps: number;
  slices: number;
  sample_metrics: string[];
  runs: Record<Role, string>;
  workspaces: Record<Role | 'combined', GeneratedWorkspace>;
}

export interface RecordItem {
  recordRef: string;
  payloadType: string;
  capturedAt: string;
  appendedAt: string;
  record: { envelope: Record<string, unknown>; payload: Record<string, unknown> };
}

export const GENERATOR_VERSION: number;
export const DEFAULT_SEED: number;
export const PROJECT: string;
export const RUNS: Record<Role, string>;
export const LAYOUTS: Layout[];
export const WORKLOAD_FILE: string;
export const SLICES: string[];

export function createRng(seed: number): () => number;
export function runRecords(spec: {
  role: Role;
  samples: number;
  steps: number;
  seed: number;
  /** Index of the first sample: a shard holds samples [first, first + samples). */
  first?: number;
}): Generator<RecordItem>;
export function captureLine(item: RecordItem): string;
export function segmentLine(item: RecordItem, sequence: number): string;
export function manifestText(count: number): string;
export function planWorkload(targetBytes: number, layout?: Layout): { samples: number; steps: number };
export function generateBench(options: {
  out: string;
  samples: number;
  steps: number;
  seed?: number;
  layout?: Layout;
  targetBytes?: number | null;
}): Workload;
export interface ShardWorkload {
  generator_version: number;
  seed: number;
  layout: Layout;
  shards: number;
  samples_per_shard: number;
  steps: number;
  bytes: number;
  runs: Record<Role, string>;
  /** Workspace paths, shard 1 first. */
  sides: Record<Role, string[]>;
}
export function generateShards(options: {
  out: string;
  shards: number;
  samplesPerShard: number;
  steps?: number;
  seed?: number;
  layout?: Layout;
}): ShardWorkload;
export function parseSize(text: string): number;
