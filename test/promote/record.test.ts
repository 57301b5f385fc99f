import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildPromotionRecord,
  captureLine,
  contractTimestamp,
  deploymentRef,
  type PromotionFacts,
  segmentLine,
} from '../../src/promote/record.js';
import { writePromotionRecord } from '../../src/promote/write-record.js';

const SCENARIO = 'fixtures/scenarios/deployment-promotion';

const facts: PromotionFacts = {
  project: 'deployment-promotion',
  runRef: 'run:deployment-promotion.gbm-v8',
  environment: 'Production',
  status: 'completed',
  startedAt: new Date('2026-11-23T15:00:00.000Z'),
  endedAt: new Date('2026-11-23T15:00:02.250Z'),
  githubDeploymentId: 4101,
  sha: 'f'.repeat(40),
  verdict: 'pass',
  forced: false,
  workflowRunUrl: 'https://github.com/acme/models/actions/runs/77',
  baselineRunRef: 'run:deployment-promotion.rf-v7',
};

/** The SDK's own deployment.promoted event in the baseline workspace: our record must look like it. */
function sdkPromotionLines() {
  const base = `${SCENARIO}/baseline/.contexta`;
  const capture = readFileSync(`${base}/cache/capture/record.jsonl`, 'utf8')
    .split('\n')
    .find((line) => line.includes('"deployment.promoted"'))!;
  const segment = readFileSync(`${base}/records/segments/segment-000001.jsonl`, 'utf8')
    .split('\n')
    .find((line) => line.includes('"deployment.promoted"'))!;
  return { capture: JSON.parse(capture), segment: JSON.parse(segment) };
}

function keyShape(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return typeof value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyShape(v)]));
}

describe('promotion record', () => {
  it('derives the deployment ref from the environment with the runtime name rules', () => {
    expect(deploymentRef('deployment-promotion', 'Production EU_1')).toBe(
      'deployment:deployment-promotion.production-eu-1',
    );
  });

  it('formats timestamps like the SDK (microseconds, zero fraction dropped)', () => {
    expect(contractTimestamp(new Date('2026-01-01T00:00:00.000Z'))).toBe('2026-01-01T00:00:00Z');
    expect(contractTimestamp(new Date('2026-01-01T00:00:05.250Z'))).toBe('2026-01-01T00:00:05.250000Z');
  });

  it('has exactly the envelope and line shape of the SDK-written deployment.promoted event', () => {
    const sdk = sdkPromotionLines();
    const record = buildPromotionRecord(facts);
    const ours = {
      capture: JSON.parse(captureLine(record, facts.endedAt)),
      segment: JSON.parse(segmentLine(record, 427, facts.endedAt)),
    };
    expect(keyShape(ours.capture.payload.envelope)).toEqual(keyShape(sdk.capture.payload.envelope));
    expect(Object.keys(ours.capture).sort()).toEqual(Object.keys(sdk.capture).sort());
    expect(keyShape(ours.segment.record.envelope)).toEqual(keyShape(sdk.segment.record.envelope));
    expect(Object.keys(ours.segment.record.payload).sort()).toEqual(
      Object.keys(sdk.segment.record.payload).sort(),
    );
    expect(ours.segment.record.payload.event_key).toBe('deployment.promoted');
    expect(ours.segment.record.envelope.deployment_execution_ref).toBe(
      'deployment:deployment-promotion.production',
    );
  });

  it('appends to the capture cache and the record store with an atomic manifest update, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cg-promote-'));
    cpSync(`${SCENARIO}/candidate/.contexta`, dir, { recursive: true });
    const before = JSON.parse(readFileSync(`${dir}/records/manifest.json`, 'utf8'));
    const record = buildPromotionRecord(facts);

    expect(await writePromotionRecord(dir, record, facts.endedAt)).toEqual({
      captureCache: 'written',
      recordStore: 'written',
    });
    const manifest = JSON.parse(readFileSync(`${dir}/records/manifest.json`, 'utf8'));
    expect(manifest.last_committed_sequence).toBe(before.last_committed_sequence + 1);
    expect(manifest.next_sequence).toBe(before.next_sequence + 1);
    const lines = readFileSync(`${dir}/records/segments/segment-000001.jsonl`, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!).sequence).toBe(before.next_sequence);

    expect(await writePromotionRecord(dir, record, facts.endedAt)).toEqual({
      captureCache: 'already-present',
      recordStore: 'already-present',
    });
    expect(JSON.parse(readFileSync(`${dir}/records/manifest.json`, 'utf8'))).toEqual(manifest);
  });

  it('writes only the capture cache when the workspace has no record store', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cg-promote-'));
    cpSync(`${SCENARIO}/candidate/.contexta/cache`, `${dir}/cache`, { recursive: true });
    expect(await writePromotionRecord(dir, buildPromotionRecord(facts))).toEqual({
      captureCache: 'written',
      recordStore: 'absent',
    });
  });
});
