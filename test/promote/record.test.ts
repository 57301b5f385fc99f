import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbLedgerReader } from '../../src/contexta/ledger.js';
import { readEvidence } from '../../src/contexta/read.js';
import { DuckDbLoader } from '../../src/duckdb/loader.js';
import { writeDeploymentRow } from '../../src/promote/ledger-row.js';
import {
  buildPromotionRecord,
  captureLine,
  contractTimestamp,
  deploymentRef,
  type PromotionFacts,
  segmentLine,
} from '../../src/promote/record.js';
import { writePromotionRecord } from '../../src/promote/write-record.js';
import { allRuns, captureOnlyCopy, copyOf, removeTempDirs, tempDir } from '../support/evidence.js';

afterAll(removeTempDirs);

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
    const dir = tempDir('cg-promote-');
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
    const dir = tempDir('cg-promote-');
    cpSync(`${SCENARIO}/candidate/.contexta/cache`, `${dir}/cache`, { recursive: true });
    expect(await writePromotionRecord(dir, buildPromotionRecord(facts))).toEqual({
      captureCache: 'written',
      recordStore: 'absent',
    });
  });
});

describe('the promotion record read back by our own reader', () => {
  const candidate = `${SCENARIO}/candidate/.contexta`;

  /** The SDK's deployment.promoted event of the baseline, as our reader sees it. */
  async function sdkDeployment() {
    const ev = await readEvidence(`${SCENARIO}/baseline/.contexta`);
    return ev.projects[0]!.deployments.find((d) => d.source === 'event')!;
  }

  it.each([
    ['the canonical store and the capture cache', () => copyOf(candidate)],
    ['the capture cache alone', () => captureOnlyCopy(candidate)],
  ])('from %s: a Deployment of the promoted run (source event), no new gaps', async (_, copy) => {
    const dir = copy();
    const before = await readEvidence(dir);
    await writePromotionRecord(dir, buildPromotionRecord(facts), facts.endedAt);
    const after = await readEvidence(dir);

    // Validated like every SDK-written record: a record our reader rejected would be a gap here.
    expect(after.gaps).toEqual(before.gaps);
    // Written to both layouts, counted once.
    expect(allRuns(after)[0]!.recordCount).toBe(allRuns(before)[0]!.recordCount + 1);
    const deployments = after.projects[0]!.deployments;
    expect(deployments).toEqual([
      {
        ref: 'deployment:deployment-promotion.production',
        name: 'production',
        status: null,
        runRef: 'run:deployment-promotion.gbm-v8',
        startedAt: '2026-11-23T15:00:02.250000Z',
        endedAt: null,
        source: 'event',
        attributes: expect.objectContaining({
          environment: 'Production',
          status: 'completed',
          github_deployment_id: 4101,
          verdict: 'pass',
          forced: false,
          baseline_run_ref: 'run:deployment-promotion.rf-v7',
        }),
      },
    ]);
    expect(Object.keys(deployments[0]!).sort()).toEqual(Object.keys(await sdkDeployment()).sort());
  });

  it('with the ledger row as well: the ledger reports it completed for the promoted run', async () => {
    const dir = copyOf(candidate);
    const loader = new DuckDbLoader({ searchPaths: [process.cwd()] });
    await writePromotionRecord(dir, buildPromotionRecord(facts), facts.endedAt);
    expect(
      await writeDeploymentRow(
        path.join(dir, 'metadata/ledger.db'),
        { ...facts, environment: 'production' },
        loader,
      ),
    ).toMatchObject({ outcome: 'written' });
    const ev = await readEvidence(dir, { ledger: new DuckDbLedgerReader(loader) });
    expect(ev.gaps).toEqual([]);
    expect(ev.projects[0]!.deployments.map((d) => [d.source, d.ref, d.status, d.runRef])).toEqual([
      ['event', 'deployment:deployment-promotion.production', null, 'run:deployment-promotion.gbm-v8'],
      [
        'ledger',
        'deployment:deployment-promotion.production',
        'completed',
        'run:deployment-promotion.gbm-v8',
      ],
    ]);
  });
});
