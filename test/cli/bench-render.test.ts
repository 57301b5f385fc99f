import { describe, expect, it } from 'vitest';
import { benchRenderCommand, syntheticReport } from '../../src/cli/bench-render.js';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = benchRenderCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('contexta-gate bench-render', () => {
  it('builds metrics × slices rows, each metric overall and per slice, with tripped slice rows', () => {
    const report = syntheticReport(60, 8);
    expect(report.comparisons[0]!.metrics).toHaveLength(60 * 9);
    // Slices 0 of metrics 0–49 trip (every 7th slice of 8 is only slice 0 and 7).
    const tripped = report.gates.flatMap((g) => g.checks);
    expect(tripped).toHaveLength(50 * 2);
    expect(report.verdict).toBe('fail');
  });

  it('prints the rendered markdown comment of the synthetic report and exits 0', () => {
    const { code, stdout, stderr } = run(['--metrics', '200', '--slices', '20']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('slice floor 1');
    expect(stdout).toContain('metric-00000');
  });

  it('rejects a missing or non-numeric count with exit 2 and the usage', () => {
    const missing = run(['--metrics', '10']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--slices must be a whole number');
    const bad = run(['--metrics', 'many', '--slices', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: contexta-gate bench-render');
  });
});
