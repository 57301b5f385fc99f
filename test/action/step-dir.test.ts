import { describe, expect, it } from 'vitest';
import type { RunnerContext } from '../../src/action/context.js';
import { stepDirName } from '../../src/action/judge.js';
import { readSettings } from '../../src/action/settings.js';

describe('stepDirName', () => {
  it('gives two gate steps of one job their own report directory', () => {
    const ctx = (stepId: string) => ({ runId: 42, runAttempt: 2, stepId }) as RunnerContext;
    const project = (name: string) => readSettings((input) => (input === 'project' ? name : ''));
    const dirs = new Set([
      stepDirName(ctx('__contexta_gate'), project('vision')),
      stepDirName(ctx('__contexta_gate_2'), project('text')),
      stepDirName(
        ctx('__contexta_gate_3'),
        readSettings(() => ''),
      ),
      stepDirName(
        ctx('__contexta_gate_4'),
        readSettings(() => ''),
      ),
    ]);
    expect(dirs.size).toBe(4);
    expect(stepDirName(ctx('gate/ml'), project('vision'))).toBe('42-2-contexta-evidence-vision-gate-ml');
  });
});
