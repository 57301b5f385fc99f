import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectEvidenceFiles } from '../../src/action/collect.js';

const rel = (root: string, files: string[]) => files.map((f) => path.relative(root, f));

describe('collectEvidenceFiles', () => {
  it('keeps records, capture cache, ledger and bindings of a real scenario workspace, not indexes or bodies', async () => {
    const root = 'fixtures/scenarios/slice-regression/baseline/.contexta';
    const collected = await collectEvidenceFiles(root);
    expect(rel(root, collected.files)).toEqual([
      'artifacts/bindings/artifact__slice-regression.gbm-small-v3.model-430d916871b2.binding.json',
      'cache/capture/artifact.jsonl',
      'cache/capture/record.jsonl',
      'metadata/ledger.db',
      'records/manifest.json',
      'records/segments/segment-000001.jsonl',
    ]);
    expect(collected.skipped).toEqual([]);
  });

  it('keeps metalab run records, results and manifests, not logs, locks or payload files', async () => {
    const root = 'fixtures/metalab/candidate';
    const files = rel(root, (await collectEvidenceFiles(root)).files);
    expect(files).toContain('gate_demo_1.0/_meta.json');
    expect(files).toContain('gate_demo_1.0/runs/2d979860f22c4346.json');
    expect(files).toContain('gate_demo_1.0/results/2d979860f22c4346/per_class_accuracy.json');
    expect(files).toContain('gate_demo_1.0/artifacts/2d979860f22c4346/_manifest.json');
    expect(files.some((f) => f.includes('/logs/') || f.includes('/.locks/'))).toBe(false);
    expect(files.some((f) => f.endsWith('.md'))).toBe(false);
  });

  it('never follows a symlink and reports it; enforces the size caps with a reason', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-collect-'));
    const records = path.join(root, 'records', 'segments');
    await import('node:fs/promises').then((fs) => fs.mkdir(records, { recursive: true }));
    writeFileSync(path.join(root, 'records', 'manifest.json'), '{}');
    writeFileSync(path.join(records, 'segment-000001.jsonl'), 'x'.repeat(100));
    symlinkSync('/etc/passwd', path.join(records, 'segment-000002.jsonl'));
    const collected = await collectEvidenceFiles(root, { maxFileBytes: 50, maxTotalBytes: 1000 });
    expect(rel(root, collected.files)).toEqual(['records/manifest.json']);
    expect(collected.skipped).toEqual([
      { file: 'records/segments/segment-000002.jsonl', reason: 'symlink (not followed)' },
      { file: 'records/segments/segment-000001.jsonl', reason: 'larger than 50 bytes' },
    ]);
  });
});
