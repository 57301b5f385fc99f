/**
 * Damaged and hostile copies of the real stores, made in a temp dir per test: the reader must turn
 * each into gaps and keep everything else.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Evidence, type EvidenceGap, type Run } from '../../src/evidence/model.js';
import { isMetalabStore, readMetalab } from '../../src/metalab/read.js';

const FIXTURES = path.resolve('fixtures/metalab');
let scratch: string;

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'metalab-hostile-'));
});
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** Copies a fixture store into the scratch dir and returns the copy's root. */
async function copyStore(name: string): Promise<string> {
  const root = path.join(scratch, name);
  await fs.cp(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}

function exp(root: string, ...rel: string[]): string {
  return path.join(root, 'gate_demo_1.0', ...rel);
}

function unit(evidence: Evidence, name: string): Run {
  const run = evidence.projects
    .flatMap((project) => project.runs)
    .find((candidate) => candidate.name === name);
  if (!run) throw new Error(`no unit ${name}`);
  return run;
}

function gap(evidence: Evidence, code: EvidenceGap['code']): EvidenceGap {
  const found = evidence.gaps.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code} gap; have ${evidence.gaps.map((g) => g.code).join(', ')}`);
  return found;
}

async function read(root: string, options?: Parameters<typeof readMetalab>[1]): Promise<Evidence> {
  const evidence = await readMetalab(root, options);
  expect(() => Evidence.parse(evidence)).not.toThrow();
  return evidence;
}

describe('damaged run records', () => {
  it('reports a truncated run record with file and line, and keeps its unit as incomplete', async () => {
    const root = await copyStore('candidate');
    const file = exp(root, 'runs', '2d979860f22c4346.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, text.indexOf('"metrics"') + 20));

    const evidence = await read(root);
    const broken = gap(evidence, 'invalid_json_line');
    expect(broken).toMatchObject({
      severity: 'error',
      file: 'gate_demo_1.0/runs/2d979860f22c4346.json',
      ref: '2d979860f22c4346',
      runRef: 'metalab:gate_demo:1.0/lr=0.01, model=mlp',
    });
    expect(broken.line).toBeGreaterThan(1);

    const run = unit(evidence, 'lr=0.01, model=mlp');
    expect(run.status).toBeNull();
    expect(run.metalab!.replicates.map((replica) => replica.status)).toEqual(['success', 'unreadable']);
    const accuracy = run.runMetrics.find((metric) => metric.key === 'accuracy')!;
    expect(accuracy.replicates).toEqual([0.8981]);
    expect(accuracy.completeness).toBe('partial');
    expect(unit(evidence, 'lr=0.1, model=mlp').status).toBe('completed');
  });

  it('reports a record that is JSON but not a run record, naming the field', async () => {
    const root = await copyStore('baseline');
    const file = exp(root, 'runs', '381610338e493922.json');
    const record = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
    delete record.seed_fingerprint;
    await fs.writeFile(file, JSON.stringify(record));

    const evidence = await read(root);
    const invalid = gap(evidence, 'record_invalid');
    expect(invalid.severity).toBe('error');
    expect(invalid.message).toContain('seed_fingerprint');
    expect(invalid.runRef).toBe('metalab:gate_demo:1.0/lr=0.1, model=mlp');
    expect(unit(evidence, 'lr=0.1, model=mlp').status).toBeNull();
  });

  it('ignores *.tmp.* leftovers and records outside the newest manifest, saying so', async () => {
    const root = await copyStore('baseline');
    await fs.writeFile(exp(root, 'runs', '381610338e493922.json.tmp.1a2b3c4d'), '{"half');
    const stale = JSON.parse(await fs.readFile(exp(root, 'runs', '381610338e493922.json'), 'utf8'));
    stale.run_id = '00000000000000aa';
    stale.metrics.accuracy = 0.1;
    await fs.writeFile(exp(root, 'runs', '00000000000000aa.json'), JSON.stringify(stale));

    const evidence = await read(root);
    expect(evidence.gaps).toEqual([]);
    expect(evidence.notes.some((note) => note.includes('ignored as stale: 00000000000000aa'))).toBe(true);
    const accuracy = unit(evidence, 'lr=0.1, model=mlp').runMetrics.find(
      (metric) => metric.key === 'accuracy',
    )!;
    expect(accuracy.replicates.sort()).toEqual([0.8681, 0.8714]);
  });

  it('counts a NaN replicate as non-finite and averages only the finite one', async () => {
    const root = await copyStore('baseline');
    const file = exp(root, 'runs', '381610338e493922.json');
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace('"accuracy": 0.8681', '"accuracy": NaN'),
    );

    const evidence = await read(root);
    const accuracy = unit(evidence, 'lr=0.1, model=mlp').runMetrics.find(
      (metric) => metric.key === 'accuracy',
    )!;
    expect(accuracy.nonFinite).toBe(1);
    expect(accuracy.count).toBe(1);
    expect(accuracy.latest.value).toBe(0.8714);
    expect(accuracy.completeness).toBe('partial');
    expect(gap(evidence, 'non_finite_number')).toMatchObject({
      severity: 'warning',
      ref: '381610338e493922',
    });
  });

  it('a hostile run record with a repeated key is ambiguous: an error gap, the record not used', async () => {
    const root = await copyStore('baseline');
    const file = exp(root, 'runs', '381610338e493922.json');
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace(
        '"accuracy": 0.8681',
        '"accuracy": 0.8681, "accuracy": 0.0001',
      ),
    );
    const evidence = await read(root);
    expect(gap(evidence, 'duplicate_key')).toMatchObject({
      file: 'gate_demo_1.0/runs/381610338e493922.json',
      message: expect.stringContaining('writes the key "metrics.accuracy" twice'),
    });
    const accuracy = unit(evidence, 'lr=0.1, model=mlp').runMetrics.find(
      (metric) => metric.key === 'accuracy',
    )!;
    expect(accuracy.replicates).not.toContain(0.0001);
  });

  it('a hostile replicate of 1e-400 is a gap naming that text and is not averaged as 0', async () => {
    const root = await copyStore('baseline');
    const file = exp(root, 'runs', '381610338e493922.json');
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace('"accuracy": 0.8681', '"accuracy": 1e-400'),
    );
    const evidence = await read(root);
    expect(gap(evidence, 'number_out_of_range').message).toContain(
      'the number 1e-400 at "accuracy" is beyond the range of a double: it would silently read as 0',
    );
    const accuracy = unit(evidence, 'lr=0.1, model=mlp').runMetrics.find(
      (metric) => metric.key === 'accuracy',
    )!;
    expect(accuracy.count).toBe(1);
    expect(accuracy.latest.value).toBe(0.8714);
  });

  it('treats cancelled and status-less records as not successful, as metalab does', async () => {
    const root = await copyStore('baseline');
    const edit = async (runId: string, change: (record: Record<string, unknown>) => void) => {
      const file = exp(root, 'runs', `${runId}.json`);
      const record = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      change(record);
      await fs.writeFile(file, JSON.stringify(record));
    };
    await edit('381610338e493922', (record) => {
      record.status = 'cancelled';
    });
    await edit('276ea2bdb0400b72', (record) => {
      delete record.status;
    });

    const evidence = await read(root);
    expect(unit(evidence, 'lr=0.1, model=mlp').status).toBe('cancelled');
    expect(gap(evidence, 'run_incomplete')).toMatchObject({ severity: 'error', ref: '381610338e493922' });
    expect(unit(evidence, 'lr=0.01, model=linear').status).toBe('failed');
    expect(gap(evidence, 'run_failed').message).toContain('no status');
  });

  it('requires the completion marker of a SLURM store', async () => {
    const root = await copyStore('baseline');
    await fs.writeFile(exp(root, 'slurm_array_spec.json'), '{}');
    const runs = await fs.readdir(exp(root, 'runs'));
    for (const name of runs.filter((file) => file !== '381610338e493922.json')) {
      await fs.writeFile(exp(root, 'runs', name.replace('.json', '.done')), '');
    }
    const evidence = await read(root);
    expect(gap(evidence, 'run_incomplete')).toMatchObject({
      severity: 'error',
      file: 'gate_demo_1.0/runs/381610338e493922.done',
      runRef: 'metalab:gate_demo:1.0/lr=0.1, model=mlp',
    });
    expect(unit(evidence, 'lr=0.1, model=mlp').status).toBe('open');
    expect(unit(evidence, 'lr=0.01, model=mlp').status).toBe('completed');
  });

  it('refuses a file over the size limit', async () => {
    const root = await copyStore('edge');
    const evidence = await read(root, { maxFileBytes: 200 });
    const tooLarge = evidence.gaps.find(
      (candidate) => candidate.file === 'gate_edge_0.1/runs/10ce83ad008cac7c.json',
    );
    expect(tooLarge).toMatchObject({ code: 'file_too_large', severity: 'error' });
    expect(evidence.projects[0]!.runs).toEqual([]);
  });
});

describe('symlinks out of the store', () => {
  it('does not follow a run record symlinked outside the store', async () => {
    const root = await copyStore('baseline');
    const outside = path.join(scratch, 'outside.json');
    const record = exp(root, 'runs', '381610338e493922.json');
    await fs.copyFile(record, outside);
    await fs.rm(record);
    await fs.symlink(outside, record);

    const evidence = await read(root);
    expect(gap(evidence, 'symlink_outside_workspace')).toMatchObject({
      severity: 'error',
      file: 'gate_demo_1.0/runs/381610338e493922.json',
      runRef: 'metalab:gate_demo:1.0/lr=0.1, model=mlp',
    });
    const accuracy = unit(evidence, 'lr=0.1, model=mlp').runMetrics.find(
      (metric) => metric.key === 'accuracy',
    )!;
    expect(accuracy.replicates).toEqual([0.8714]);
  });

  it('does not read an experiment directory or an artifact that lives outside the store', async () => {
    const root = path.join(scratch, 'root');
    await fs.mkdir(root);
    await fs.cp(path.join(FIXTURES, 'baseline', 'gate_demo_1.0'), path.join(scratch, 'elsewhere'), {
      recursive: true,
    });
    await fs.symlink(path.join(scratch, 'elsewhere'), path.join(root, 'gate_demo_1.0'));
    const evidence = await read(root);
    expect(gap(evidence, 'symlink_outside_workspace').file).toBe('gate_demo_1.0/_meta.json');
    expect(gap(evidence, 'no_evidence').severity).toBe('error');

    const store = await copyStore('baseline');
    const artifact = exp(store, 'artifacts', '381610338e493922', 'report.md');
    await fs.rm(artifact);
    await fs.symlink('/etc/hostname', artifact);
    const withLink = await read(store);
    expect(gap(withLink, 'symlink_outside_workspace').file).toBe(
      'gate_demo_1.0/artifacts/381610338e493922/report.md',
    );
    const report = unit(withLink, 'lr=0.1, model=mlp').artifacts.find(
      (candidate) => candidate.location === 'gate_demo_1.0/artifacts/381610338e493922/report.md',
    )!;
    expect(report.status).toBe('unreadable');
  });
});

describe('store markers and manifests', () => {
  it('reads a store whose _meta.json is empty or {} by the manifest experiment id', async () => {
    const root = await copyStore('candidate');
    await fs.writeFile(exp(root, '_meta.json'), '');
    const empty = await read(root);
    expect(gap(empty, 'empty_file')).toMatchObject({ severity: 'warning', file: 'gate_demo_1.0/_meta.json' });
    expect(empty.projects.map((project) => project.name)).toEqual(['gate_demo:1.0']);
    expect(empty.projects[0]!.runs).toHaveLength(6);

    await fs.writeFile(exp(root, '_meta.json'), '{}');
    const bare = await read(root);
    expect(bare.projects.map((project) => project.name)).toEqual(['gate_demo:1.0']);
  });

  it('is not a store without any _meta.json, and says so instead of throwing', async () => {
    const root = await copyStore('baseline');
    await fs.rm(exp(root, '_meta.json'));
    expect(await isMetalabStore(root)).toBe(false);
    const evidence = await read(root);
    expect(evidence.projects).toEqual([]);
    expect(gap(evidence, 'no_evidence').severity).toBe('error');

    const missing = await read(path.join(scratch, 'nothing-here'));
    expect(gap(missing, 'no_evidence').message).toContain('cannot be opened');
  });

  it('falls back to every run record when the newest manifest is corrupt, and flags it', async () => {
    const root = await copyStore('interrupted');
    const [manifest] = await fs.readdir(exp(root, 'experiments'));
    await fs.writeFile(exp(root, 'experiments', manifest!), '{"run_ids": [');
    const evidence = await read(root);
    expect(gap(evidence, 'manifest_invalid')).toMatchObject({
      severity: 'error',
      file: `gate_demo_1.0/experiments/${manifest}`,
    });
    expect(evidence.gaps.some((candidate) => candidate.code === 'run_missing')).toBe(false);
    expect(unit(evidence, 'lr=0.1, model=mlp').status).toBe('open');
  });

  it('orders manifests by the timestamp in their name, not by mtime', async () => {
    const root = await copyStore('interrupted');
    const dir = exp(root, 'experiments');
    const [manifest] = await fs.readdir(dir);
    const older = JSON.parse(await fs.readFile(path.join(dir, manifest!), 'utf8'));
    older.run_ids = older.run_ids.slice(0, 6);
    older.total_runs = 6;
    const olderFile = path.join(dir, 'gate_demo_1.0_20200101_000000.json');
    await fs.writeFile(olderFile, JSON.stringify(older));
    const future = new Date(Date.now() + 3_600_000);
    await fs.utimes(olderFile, future, future);

    const evidence = await read(root);
    expect(evidence.gaps.some((candidate) => candidate.code === 'run_missing')).toBe(true);
    expect(evidence.notes.some((note) => note.includes(manifest!))).toBe(true);
  });

  it('reads an experiment directory given directly, with store-relative paths from it', async () => {
    const root = await copyStore('candidate');
    const evidence = await read(exp(root));
    expect(evidence.source.workspaces).toEqual([{ path: '.', layouts: ['metalab'] }]);
    expect(gap(evidence, 'run_failed').file).toMatch(/^runs\/[0-9a-f]{16}\.json$/);
    expect(unit(evidence, 'lr=0.1, model=mlp').artifacts[0]!.location).toMatch(/^artifacts\/[0-9a-f]{16}\//);
  });
});

describe('artifacts', () => {
  it('flags an artifact whose bytes no longer match the recorded hash, and one that is gone', async () => {
    const root = await copyStore('baseline');
    const dir = exp(root, 'artifacts', '381610338e493922');
    const report = path.join(dir, 'report.md');
    const text = await fs.readFile(report, 'utf8');
    await fs.writeFile(
      report,
      text.replace(/./, (ch) => (ch === 'X' ? 'Y' : 'X')),
    );
    await fs.rm(path.join(dir, 'confusion_matrix.json'));

    const evidence = await read(root);
    const artifacts = unit(evidence, 'lr=0.1, model=mlp').artifacts.filter((artifact) =>
      artifact.location?.includes('381610338e493922'),
    );
    expect(
      Object.fromEntries(artifacts.map((artifact) => [path.basename(artifact.location!), artifact.status])),
    ).toEqual({
      'confusion_matrix.json': 'missing',
      'report.md': 'mismatch',
    });
    expect(gap(evidence, 'artifact_object_missing').severity).toBe('warning');
    expect(gap(evidence, 'record_invalid').message).toContain('hash');
  });
});
