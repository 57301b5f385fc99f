import { describe, expect, it } from 'vitest';
import { formatConfigError, parseConfig } from '../../src/gates/config.js';

const FILE = '.github/contexta-gate.yml';
const lines = (...l: string[]) => `${l.join('\n')}\n`;
/** A valid head, so each case below has exactly the problem it names. */
const head = (...gate: string[]) => lines('version: 1', 'gates:', ...gate);

interface Case {
  name: string;
  text: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

const CASES: Case[] = [
  {
    name: 'YAML syntax error',
    text: lines('version: 1', 'gates: [', '  - name: x'),
    line: 3,
    col: 3,
    path: '',
    message: 'YAML syntax error',
  },
  { name: 'empty file', text: '', line: 1, col: 1, path: '', message: 'config is empty' },
  {
    name: 'only comments',
    text: '# nothing\n\n# here\n',
    line: 1,
    col: 1,
    path: '',
    message: 'config is empty',
  },
  {
    name: 'top level is a list',
    text: lines('- version: 1'),
    line: 1,
    col: 1,
    path: '',
    message: 'expected a mapping with version, policy and gates, found a list',
  },
  {
    name: 'version missing',
    text: lines('gates: []'),
    line: 1,
    col: 1,
    path: 'version',
    message: 'required key is missing; expected 1',
  },
  {
    name: 'wrong version',
    text: lines('version: 2', 'gates: []'),
    line: 1,
    col: 10,
    path: 'version',
    message: 'expected 1 (the only config version), found 2',
  },
  {
    name: 'version as text',
    text: lines('version: "1"', 'gates: []'),
    line: 1,
    col: 10,
    path: 'version',
    message: 'found "1" (text; write it without quotes)',
  },
  {
    name: 'duplicate YAML key',
    text: lines('version: 1', 'gates: []', 'version: 1'),
    line: 3,
    col: 1,
    path: '',
    message: 'Map keys must be unique',
  },
  {
    name: 'misspelt top-level key',
    text: lines('version: 1', 'gate: []'),
    line: 2,
    col: 1,
    path: 'gate',
    message: 'unknown key; did you mean "gates"?',
  },
  {
    name: 'gates is a mapping',
    text: lines('version: 1', 'gates:', '  name: x'),
    line: 3,
    col: 3,
    path: 'gates',
    message: 'expected a list of gates ([] for none), found a mapping',
  },
  {
    name: 'gates left empty',
    text: lines('version: 1', 'gates:'),
    line: 2,
    col: 7,
    path: 'gates',
    message: 'found null',
  },
  {
    name: 'policy key typo',
    text: lines('version: 1', 'policy:', '  unkown: warn', 'gates: []'),
    line: 3,
    col: 3,
    path: 'policy.unkown',
    message: 'unknown key; did you mean "unknown"?',
  },
  {
    name: 'policy enum typo',
    text: lines('version: 1', 'policy:', '  evidence_gaps: fial', 'gates: []'),
    line: 3,
    col: 18,
    path: 'policy.evidence_gaps',
    message: 'expected one of fail, warn, ignore, found "fial"; did you mean "fail"?',
  },
  {
    name: 'policy significance out of range',
    text: lines('version: 1', 'policy:', '  significance: 0.9', 'gates: []'),
    line: 3,
    col: 17,
    path: 'policy.significance',
    message: 'expected a number in (0, 0.5], found 0.9',
  },
  {
    name: 'policy min_samples fractional',
    text: lines('version: 1', 'policy:', '  min_samples: 2.5', 'gates: []'),
    line: 3,
    col: 16,
    path: 'policy.min_samples',
    message: 'expected a whole number ≥ 1, found 2.5',
  },
  {
    name: 'direction keyed by stage/metric',
    text: lines('version: 1', 'policy:', '  directions:', '    "evaluate/loss": lower', 'gates: []'),
    line: 4,
    col: 5,
    path: 'policy.directions["evaluate/loss"]',
    message: 'directions are keyed by metric key), found key "evaluate/loss"',
  },
  {
    name: 'direction value',
    text: lines('version: 1', 'policy:', '  directions:', '    cost: up', 'gates: []'),
    line: 4,
    col: 11,
    path: 'policy.directions.cost',
    message: 'expected one of higher, lower, found "up"',
  },
  {
    name: 'waiver flag as yes',
    text: lines('version: 1', 'policy:', '  waivers: { labels: yes }', 'gates: []'),
    line: 3,
    col: 22,
    path: 'policy.waivers.labels',
    message: 'expected true or false, found "yes"',
  },
  {
    name: 'misspelt gate key',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    max_dorp: 0.01'),
    line: 5,
    col: 5,
    path: 'gates[0].max_dorp',
    message: 'unknown key; did you mean "max_drop"?',
  },
  {
    name: 'limit is a word',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    max_drop: one'),
    line: 5,
    col: 15,
    path: 'gates[0].max_drop',
    message: 'expected a number ≥ 0, found "one"',
  },
  {
    name: 'negative limit',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    max_drop_pct: -5'),
    line: 5,
    col: 19,
    path: 'gates[0].max_drop_pct',
    message: 'expected a number ≥ 0, found -5',
  },
  {
    name: 'selector without metric key',
    text: head('  - name: a', '    metric: evaluate/', '    min: 0.9'),
    line: 4,
    col: 13,
    path: 'gates[0].metric',
    message: 'expected a metric key after the "/"',
  },
  {
    name: 'selector with two slashes',
    text: head('  - name: a', '    metric: a/b/c', '    min: 0.9'),
    line: 4,
    col: 13,
    path: 'gates[0].metric',
    message: 'exactly one "/"',
  },
  {
    name: 'selector without stage',
    text: head('  - name: a', '    metric: accuracy', '    min: 0.9'),
    line: 4,
    col: 13,
    path: 'gates[0].metric',
    message:
      'expected a metric selector "<stage>/<metric key>" (e.g. "evaluate/accuracy" or "*/accuracy"), found "accuracy"',
  },
  {
    name: 'bad selector inside a list',
    text: head('  - name: a', '    metric: [evaluate/f1, "/auc"]', '    min: 0.9'),
    line: 4,
    col: 27,
    path: 'gates[0].metric[1]',
    message: 'expected a stage name, "*" or "run" before the "/", found "/auc"',
  },
  {
    name: 'threshold and regression mixed',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    min: 0.9', '    max_drop: 0.01'),
    line: 6,
    col: 5,
    path: 'gates[0].max_drop',
    message: 'cannot mix threshold keys (min) with regression keys (max_drop)',
  },
  {
    name: 'metric gate without a limit',
    text: head('  - name: a', '    metric: evaluate/accuracy'),
    line: 3,
    col: 5,
    path: 'gates[0]',
    message: 'a metric gate needs min and/or max',
  },
  {
    name: 'gate without a discriminating key',
    text: head('  - name: a', '    severity: warn'),
    line: 3,
    col: 5,
    path: 'gates[0]',
    message: 'cannot tell the gate kind; a gate needs one of: metric with min/max',
  },
  {
    name: 'two gate kinds in one gate',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    min: 0.9', '    artifact: model'),
    line: 6,
    col: 5,
    path: 'gates[0].artifact',
    message: 'this one also has metric',
  },
  {
    name: 'key of another kind',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    min: 0.9', '    significance: 0.05'),
    line: 6,
    col: 5,
    path: 'gates[0].significance',
    message: '"significance" belongs to regression gates, and this is a threshold gate',
  },
  {
    name: 'gate without a name',
    text: head('  - diagnostics: error'),
    line: 3,
    col: 5,
    path: 'gates[0].name',
    message: 'required key is missing; expected a gate name',
  },
  {
    name: 'duplicate gate names ignoring case',
    text: head(
      '  - name: Diagnostics',
      '    diagnostics: error',
      '  - name: diagnostics',
      '    diagnostics: warning',
    ),
    line: 5,
    col: 11,
    path: 'gates[1].name',
    message: 'duplicate gate name "diagnostics" (also gates[0])',
  },
  {
    name: 'min above max',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    min: 0.9', '    max: 0.5'),
    line: 6,
    col: 10,
    path: 'gates[0].max',
    message: 'max (0.5) is below min (0.9)',
  },
  {
    name: 'slices typo',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    max_drop: 0.05', '    slices: al'),
    line: 6,
    col: 13,
    path: 'gates[0].slices',
    message: 'expected none, all or a list of slice names, found "al"; did you mean "all"?',
  },
  {
    name: 'slice name not text',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    max_drop: 0.05', '    slices: [eu, 3]'),
    line: 6,
    col: 18,
    path: 'gates[0].slices[1]',
    message: 'expected a slice name, found 3',
  },
  {
    name: 'gate significance out of range',
    text: head('  - name: a', '    metric: evaluate/accuracy', '    max_drop: 0.05', '    significance: 0.7'),
    line: 6,
    col: 19,
    path: 'gates[0].significance',
    message: 'expected a number in (0, 0.5], found 0.7',
  },
  {
    name: 'empty require_complete',
    text: head('  - name: a', '    require_complete: []'),
    line: 4,
    col: 23,
    path: 'gates[0].require_complete',
    message: 'expected a non-empty list of stage names, found a list',
  },
  {
    name: 'require_metrics typo',
    text: head('  - name: a', '    require_complete: [evaluate]', '    require_metrics: basline'),
    line: 5,
    col: 22,
    path: 'gates[0].require_metrics',
    message: 'found "basline"; did you mean "baseline"?',
  },
  {
    name: 'diagnostics level typo',
    text: head('  - name: a', '    diagnostics: eror'),
    line: 4,
    col: 18,
    path: 'gates[0].diagnostics',
    message: 'expected one of error, warning, info, found "eror"; did you mean "error"?',
  },
  {
    name: 'artifact gate without a limit',
    text: head('  - name: a', '    artifact: model'),
    line: 3,
    col: 5,
    path: 'gates[0]',
    message: 'an artifact gate needs max_growth_pct and/or max_growth_bytes',
  },
  {
    name: 'fractional byte limit',
    text: head('  - name: a', '    artifact: model', '    max_growth_bytes: 1.5'),
    line: 5,
    col: 23,
    path: 'gates[0].max_growth_bytes',
    message: 'expected a whole number ≥ 0, found 1.5',
  },
  {
    name: 'gate is a scalar',
    text: head('  - diagnostics'),
    line: 3,
    col: 5,
    path: 'gates[0]',
    message: 'expected a gate (a mapping with a name and one of:',
  },
  {
    name: 'severity word',
    text: head('  - name: a', '    diagnostics: error', '    severity: block'),
    line: 5,
    col: 15,
    path: 'gates[0].severity',
    message: 'expected one of fail, warn, found "block"',
  },
  {
    name: 'unquoted selector starting with a star',
    text: head('  - name: a', '    metric: */latency-ms.p95', '    max_increase_pct: 10'),
    line: 4,
    col: 13,
    path: '',
    message:
      'YAML: */latency-ms.p95 is read as an alias, but no &/latency-ms.p95 anchor comes before it; quote values that start with "*", e.g. "*/latency-ms.p95"',
  },
  {
    name: 'two YAML documents',
    text: lines('version: 1', 'gates: []', '---', 'version: 1'),
    line: 3,
    col: 1,
    path: '',
    message: 'more than one YAML document',
  },
  {
    name: 'policy left empty',
    text: lines('version: 1', 'policy:', 'gates: []'),
    line: 2,
    col: 8,
    path: 'policy',
    message: 'expected a mapping of policy settings, found null',
  },
];

describe('parseConfig rejects invalid configs with a precise position', () => {
  it('has a table of at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('$name', ({ text, line, col, path, message }) => {
    const result = parseConfig(text, FILE);
    if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.config)}`);
    const error = result.errors.find((e) => e.message.includes(message));
    if (error === undefined) {
      throw new Error(
        `no error mentions ${JSON.stringify(message)}; got\n${result.errors.map(formatConfigError).join('\n')}`,
      );
    }
    expect({ line: error.line, col: error.col, path: error.path, source: error.source }).toEqual({
      line,
      col,
      path,
      source: FILE,
    });
  });
});

describe('error reporting', () => {
  it('formats as file:line:col: path: message', () => {
    const result = parseConfig(
      head('  - name: a', '    metric: evaluate/accuracy', '    max_drop: one'),
      FILE,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatConfigError)).toEqual([
      '.github/contexta-gate.yml:5:15: gates[0].max_drop: expected a number ≥ 0, found "one"',
    ]);
  });

  it('reports every problem of a file at once, in file order, under the given source', () => {
    const text = lines(
      'version: 1',
      'policy:',
      '  unknown: maybe',
      'gates:',
      '  - name: a',
      '    metric: evaluate/',
      '    min: 1',
      '  - name: b',
      '    diagnostics: loud',
    );
    const result = parseConfig(text, 'config-inline');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.source} ${e.line}:${e.col} ${e.path}`)).toEqual([
      'config-inline 3:12 policy.unknown',
      'config-inline 6:13 gates[0].metric',
      'config-inline 9:18 gates[1].diagnostics',
    ]);
  });

  it('lists the valid keys when nothing is close to an unknown key', () => {
    const result = parseConfig(lines('version: 1', 'policy:', '  zzzzzzzz: 1', 'gates: []'), FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toBe(
      'unknown key; valid keys here: unknown, missing_baseline, baseline_degraded, evidence_gaps, missing_metrics, unmatched, significance, binary_test, min_pairs, min_samples, min_effect, bootstrap_resamples, seed, directions, waivers, history',
    );
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = lines(
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    );
    const result = parseConfig(bomb, FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/^cannot read the YAML: /);
  });
});
