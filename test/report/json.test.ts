import { beforeAll, describe, expect, it } from 'vitest';
import { GATE_REPORT_SCHEMA_VERSION, type GateReport } from '../../src/gates/types.js';
import { REPORT_FORMAT, renderJson } from '../../src/report/json.js';
import { SCENARIOS } from '../support/engine-fixtures.js';
import { scenarioReport } from './scenario-report.js';
import { comparison, gate, metricDelta, report } from './synthetic-report.js';

/** Every object's keys are in code-point order (after the documented leading keys at the top). */
function expectSortedKeys(value: unknown, where = '$'): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      expectSortedKeys(v, `${where}[${i}]`);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const keys = Object.keys(value);
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(keys, where).toEqual(sorted);
  for (const key of keys) expectSortedKeys((value as Record<string, unknown>)[key], `${where}.${key}`);
}

describe('renderJson on the scenario fixtures', () => {
  const reports = new Map<string, GateReport>();
  beforeAll(async () => {
    for (const scenario of SCENARIOS) reports.set(scenario, await scenarioReport(scenario));
  });

  it.each(SCENARIOS)('%s: carries the whole report, versioned, in a fixed key order', (scenario) => {
    const report = reports.get(scenario)!;
    const text = renderJson(report);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(0, 5)).toEqual([
      'format',
      'schemaVersion',
      'verdict',
      'exit',
      'headline',
    ]);
    expect(parsed.format).toBe(REPORT_FORMAT);
    expect(parsed.schemaVersion).toBe(GATE_REPORT_SCHEMA_VERSION);
    const { format: _format, ...body } = parsed;
    expect(body).toEqual(JSON.parse(JSON.stringify(report)));
    const { format, schemaVersion, verdict, exit, headline, ...rest } = parsed;
    expectSortedKeys(rest);
    expectSortedKeys(exit);
    expect([format, schemaVersion, verdict, headline].every((v) => typeof v !== 'object')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(renderJson(report)).toBe(text);
  });

  it('slice-regression: the verdict and the failing gate are there for a machine to read', () => {
    const parsed = JSON.parse(renderJson(reports.get('slice-regression')!));
    expect(parsed.verdict).toBe('fail');
    expect(parsed.exit).toEqual({ code: 1, outcome: 'fail', reason: 'verdict fail' });
    const floor = parsed.gates.find((g: { name: string }) => g.name === 'slice floor');
    expect(floor.outcome).toBe('fail');
    expect(floor.worst.slice).toBe('region-apac');
  });

  it('one line with indent 0', () => {
    const text = renderJson(reports.get('noisy-small-diff')!, { indent: 0 });
    expect(text.trimEnd()).not.toContain('\n');
    expect(JSON.parse(text)).toEqual(JSON.parse(renderJson(reports.get('noisy-small-diff')!)));
  });
});

describe('renderJson value conversion', () => {
  const base = report(
    [gate('g', 'pass', [])],
    [comparison([metricDelta('evaluate', 'accuracy', null, 0.5, 0.6)])],
  );

  it('turns typed arrays, non-finite numbers, Maps, Sets, Dates and bigints into plain JSON', () => {
    const odd = {
      ...base,
      notes: ['n'],
      extra: {
        floats: new Float64Array([0.5, Number.NaN, 2]),
        ints: new Int32Array([-1, 3]),
        missing: undefined,
        infinite: Number.POSITIVE_INFINITY,
        map: new Map([
          ['b', 1],
          ['a', 2],
        ]),
        set: new Set(['x']),
        date: new Date('2026-11-23T15:00:00Z'),
        big: 12345678901234567890n,
      },
    } as unknown as GateReport;
    const parsed = JSON.parse(renderJson(odd));
    expect(parsed.extra).toEqual({
      big: '12345678901234567890',
      date: '2026-11-23T15:00:00.000Z',
      floats: [0.5, null, 2],
      infinite: null,
      ints: [-1, 3],
      map: { a: 2, b: 1 },
      set: ['x'],
    });
    expect('missing' in parsed.extra).toBe(false);
  });

  it('orders integer-like keys by code point too, which a plain object cannot', () => {
    const numbered = { ...base, context: { repository: 'o/r' }, extra: { '9': 'nine', '10': 'ten', a: 'a' } };
    const text = renderJson(numbered as unknown as GateReport);
    expect(text.indexOf('"10"')).toBeLessThan(text.indexOf('"9"'));
    expect(text.indexOf('"9"')).toBeLessThan(text.indexOf('"a": "a"'));
  });

  it('refuses a cycle instead of looping', () => {
    const cyclic = { ...base } as GateReport & { self?: unknown };
    cyclic.self = cyclic;
    expect(() => renderJson(cyclic)).toThrow(/cycle/);
  });
});
