import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Evidence, EvidenceGap, MetricSeries, Run, Stage } from '../../src/evidence/model.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
export const SCENARIOS = [
  'deployment-promotion',
  'incomplete-evidence',
  'llm-eval',
  'noisy-small-diff',
  'slice-regression',
  'tabular-improves',
] as const;
export const SIDES = ['baseline', 'candidate'] as const;

const created: string[] = [];

export function tempDir(prefix = 'cg-evidence-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every temp dir this test file created (register with `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of a workspace keeping only `cache/` — what a runtime-API-only job leaves behind. */
export function captureOnlyCopy(workspace: string): string {
  const dir = path.join(tempDir('cg-capture-only-'), '.contexta');
  cpSync(path.join(workspace, 'cache'), path.join(dir, 'cache'), { recursive: true });
  return dir;
}

export function copyOf(source: string): string {
  const dir = path.join(tempDir('cg-copy-'), path.basename(source));
  cpSync(source, dir, { recursive: true });
  return dir;
}

export function runsJson(scenario: string): {
  baseline_run: string;
  candidate_run: string;
  persisted: Record<'baseline' | 'candidate', { records: number; artifacts: number }>;
} {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'scenarios', scenario, 'runs.json'), 'utf8'));
}

export function allRuns(evidence: Evidence): Run[] {
  return evidence.projects.flatMap((p) => p.runs);
}

export function findRun(evidence: Evidence, ref: string): Run {
  const run = allRuns(evidence).find((r) => r.ref === ref);
  if (!run)
    throw new Error(
      `run ${ref} not in evidence (have ${allRuns(evidence)
        .map((r) => r.ref)
        .join(', ')})`,
    );
  return run;
}

export function findStage(run: Run, name: string): Stage {
  const stage = run.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`stage ${name} not in ${run.ref}`);
  return stage;
}

export function series(
  stage: Stage,
  key: string,
  slice: string | null = null,
  batch: string | null = null,
): MetricSeries {
  const found = stage.metrics.find((m) => m.key === key && m.slice === slice && m.batch === batch);
  if (!found) throw new Error(`series ${key}/${slice}/${batch} not in stage ${stage.name}`);
  return found;
}

export function gapsOf(evidence: Evidence, code: EvidenceGap['code']): EvidenceGap[] {
  return evidence.gaps.filter((g) => g.code === code);
}

/** `code@line` of every gap that has a line, for compact assertions. */
export function gapLines(evidence: Evidence): string[] {
  return evidence.gaps.filter((g) => g.line !== undefined).map((g) => `${g.code}@${g.line}`);
}
