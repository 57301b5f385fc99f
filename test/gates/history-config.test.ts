import { describe, expect, it } from 'vitest';
import { parseConfig, type RegressionGate } from '../../src/gates/config.js';

const parse = (text: string) => parseConfig(text, 'gate.yml');

describe('history keys of the config', () => {
  it('makes a metric gate with only max_drift a regression gate, with the window from policy.history', () => {
    const result = parse(
      'version: 1\npolicy:\n  history: 12\ngates:\n  - name: decay\n    metric: evaluate/accuracy\n    max_drift: 0.03\n',
    );
    expect(result.ok).toBe(true);
    const gate = (result as { config: { gates: RegressionGate[] } }).config.gates[0]!;
    expect(gate).toMatchObject({
      kind: 'regression',
      maxDrift: 0.03,
      maxDriftPct: null,
      history: 12,
      maxDrop: null,
    });
  });

  it('takes the gate’s own history and max_drift_pct, defaulting the window to 20', () => {
    const result = parse(
      'version: 1\ngates:\n  - name: a\n    metric: evaluate/accuracy\n    max_drift_pct: 4\n  - name: b\n    metric: evaluate/accuracy\n    max_drop: 0.01\n    history: 5\n',
    );
    const gates = (result as { config: { gates: RegressionGate[] } }).config.gates;
    expect(gates.map((g) => [g.maxDriftPct, g.history])).toEqual([
      [4, 20],
      [null, 5],
    ]);
  });

  it('says where a history window is out of range', () => {
    const result = parse(
      'version: 1\ngates:\n  - name: a\n    metric: evaluate/accuracy\n    max_drift: 0.1\n    history: 1\n',
    );
    expect(result.ok).toBe(false);
    const [error] = (result as { errors: Array<{ line: number; path: string; message: string }> }).errors;
    expect(error).toMatchObject({ line: 6, path: 'gates[0].history' });
    expect(error!.message).toContain('expected a whole number from 2 to 100, found 1');
  });
});
