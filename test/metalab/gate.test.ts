/**
 * The metalab fixture stores through the real CLI path (`contexta-gate compare`, in-process) under the
 * committed policy `fixtures/metalab-policy.yml`. Expected numbers and units come from
 * fixtures/metalab/README.md, not from the code under test.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import type { GateCheck, GateReport } from '../../src/gates/types.js';
import { splitGfmRow } from '../support/gfm.js';

type Format = 'json' | 'markdown' | 'text';

const POLICY = 'fixtures/metalab-policy.yml';

async function cli(baseline: string, candidate: string, format: Format, config = POLICY) {
  let stdout = '';
  let stderr = '';
  const code = await compareCommand(
    ['--baseline', baseline, '--candidate', candidate, '--config', config, '--format', format],
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: process.cwd() },
    { ledger: null },
  );
  return { code, stdout, stderr };
}

const STORE = (name: string) => `fixtures/metalab/${name}`;

interface Outputs {
  code: number;
  report: GateReport;
  markdown: string;
  text: string;
}

/** `stderr` is what the CLI must print for this pair (config problems); nothing, unless said. */
async function compare(baseline: string, candidate: string, stderr = ''): Promise<Outputs> {
  const json = await cli(baseline, candidate, 'json');
  const markdown = await cli(baseline, candidate, 'markdown');
  const text = await cli(baseline, candidate, 'text');
  for (const run of [json, markdown, text]) expect(run.stderr).toBe(stderr);
  expect(markdown.code).toBe(json.code);
  expect(text.code).toBe(json.code);
  return {
    code: json.code,
    report: JSON.parse(json.stdout) as GateReport,
    markdown: markdown.stdout,
    text: text.stdout,
  };
}

const gate = (report: GateReport, name: string) => report.gates.find((g) => g.name === name)!;
const tripped = (report: GateReport, name: string): GateCheck[] =>
  gate(report, name).checks.filter((c) => c.outcome === 'fail');

/**
 * Rows of the table in the folded section `title`, header and delimiter row excluded; each row is
 * prefixed with the label of the group row (`<unit> · <stage>` or `<unit> · <stage>/<metric>`) it sits under.
 */
function tableRows(markdown: string, title: string): string[][] {
  const start = markdown.indexOf(`<summary><b>${title}</b>`);
  if (start < 0) return [];
  const section = markdown.slice(start, markdown.indexOf('</details>', start));
  const rows: string[][] = [];
  let group = '';
  for (const line of section
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .slice(2)) {
    const cells = splitGfmRow(line);
    if (cells.slice(1).every((c) => c === '')) group = cells[0]!.replace(/^\*\*(.*)\*\*$/, '$1');
    else rows.push([unquote(group), ...cells]);
  }
  return rows;
}

const unquote = (cell: string) => cell.replace(/^`\s?|\s?`$/g, '');

/**
 * Every metric and slice row of the markdown sits under a group naming one of the compared
 * parameter combinations. Returns the rows listed plus the unchanged rows the summaries count.
 */
function expectMarkdownRowsNameUnits(outputs: Outputs): number {
  const units = new Set(outputs.report.comparisons.map((c) => c.unit));
  const rows = [...tableRows(outputs.markdown, 'Metric changes'), ...tableRows(outputs.markdown, 'Slices')];
  for (const row of rows) expect(units).toContain(row[0]!.split(' · ')[0]);
  const unlisted = [...outputs.markdown.matchAll(/(\d+) unchanged \(not listed\)/g)].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );
  return rows.length + unlisted;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gate-metalab-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('metalab candidate vs baseline under fixtures/metalab-policy.yml', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = await compare(STORE('baseline'), STORE('candidate'));
  });

  it('fails on the mlp, lr=0.1 accuracy and f1 drop of about 0.05, and only there', () => {
    expect(out.code).toBe(1);
    expect(out.report.verdict).toBe('fail');
    const rows = tripped(out.report, 'accuracy and f1');
    expect(rows.map((c) => [c.unit, c.metric])).toEqual([
      ['lr=0.1, model=mlp', 'accuracy'],
      ['lr=0.1, model=mlp', 'f1'],
    ]);
    for (const row of rows) {
      expect(row.delta!).toBeCloseTo(-0.05, 3);
      expect(row.reason).toContain(`gate_demo:1.0/lr=0.1, model=mlp: ${row.metric} dropped`);
      expect(row.reason).toContain('beyond max_drop 0.02');
    }
    // The other shared combinations are unchanged in accuracy and f1: their rows pass.
    const passing = gate(out.report, 'accuracy and f1').checks.filter((c) => c.outcome === 'pass');
    expect(new Set(passing.map((c) => c.unit))).toEqual(
      new Set(['lr=0.01, model=linear', 'lr=0.01, model=mlp', 'lr=0.1, model=linear']),
    );
  });

  it('fails on the bird slice drop of about 0.12; the exact 5-point drops of cat and dog are allowed', () => {
    const rows = tripped(out.report, 'per-class slices');
    expect(rows.map((c) => [c.unit, c.metric, c.slice])).toEqual([
      ['lr=0.1, model=mlp', 'per_class_accuracy', 'bird'],
    ]);
    expect(rows[0]!.delta!).toBeCloseTo(-0.12, 3);
    // README: cat and dog of mlp, lr=0.1 drop 0.88975 → 0.83975 and 0.86975 → 0.81975, exactly 5 points.
    const edge = gate(out.report, 'per-class slices').checks.filter(
      (c) => c.unit === 'lr=0.1, model=mlp' && c.slice !== 'bird',
    );
    expect(edge.map((c) => [c.slice, c.outcome])).toEqual([
      ['cat', 'pass'],
      ['dog', 'pass'],
    ]);
    expect(edge[0]!.delta!).toBeCloseTo(-0.05, 9);
  });

  it('fails required complete evidence on the failed mlp, lr=1 replicates, naming the unit and the error', () => {
    const rows = tripped(out.report, 'required complete evidence');
    expect(new Set(rows.map((c) => c.unit))).toEqual(new Set(['lr=1, model=mlp']));
    expect(rows.filter((c) => c.subject === 'run_failed')).toHaveLength(2);
    expect(rows.find((c) => c.subject === 'status')!.reason).toContain('is failed, not completed');
    for (const row of rows.filter((c) => c.subject === 'run_failed')) {
      expect(row.reason).toMatch(/failed with FloatingPointError: loss diverged at epoch 1/);
    }
    // Judged by the gate, the gaps are not repeated as policy.evidence_gaps.
    expect(out.report.gates.some((g) => g.name === 'policy.evidence_gaps')).toBe(false);
    // The new lr=1 combinations have no baseline: reported, not judged, and not a missing baseline.
    expect(gate(out.report, 'required complete evidence').evidence.join('\n')).toContain(
      'require_metrics: baseline not applied to new parameter units (no baseline unit): lr=1, model=linear; lr=1, model=mlp',
    );
    expect(out.report.gates.some((g) => g.name === 'policy.missing_baseline')).toBe(false);
  });

  it('says all of it in the markdown and the text, every metric row naming its parameter combination', () => {
    expect(out.markdown).toContain('## ❌ FAIL — 3 of 3 gates failed');
    expect(out.markdown).toMatch(
      /mlp: ` per_class_accuracy@bird ` dropped 0\.8498 → 0\.7298 by −0\.12 \\\(−14%/,
    );
    expect(out.markdown).toMatch(/lr=1, model=mlp: evidence gap run\\_failed/);
    expect(expectMarkdownRowsNameUnits(out)).toBeGreaterThan(0);
    const birdRow = tableRows(out.markdown, 'Slices').find(
      (r) => r[0]!.startsWith('lr=0.1, model=mlp · ') && unquote(r[1]!) === 'bird',
    )!;
    expect(birdRow.slice(2, 5)).toEqual(['0.8498', '0.7298', '−0.12 (−14%)']);

    expect(out.text).toMatch(/^contexta-gate: FAIL/);
    const changes = out.text.slice(
      out.text.indexOf('largest changes'),
      out.text.indexOf('\n\n', out.text.indexOf('largest changes')),
    );
    const lines = changes.split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    const units = out.report.comparisons.map((c) => c.unit);
    for (const line of lines) expect(units.some((u) => line.startsWith(`  ${u}: `))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('  lr=0.1, model=mlp: per_class_accuracy@bird  0.8498 → 0.7298  −0.12')),
    ).toBe(true);
    for (const line of out.text.split('\n').filter((l) => /^\s+fail: /.test(l))) {
      expect(line).toMatch(/fail: gate_demo:1\.0\/lr=[^,]+, model=\w+: /);
    }
  });
});

describe('metalab baseline compared with itself', () => {
  it('passes every gate with nothing flagged', async () => {
    const out = await compare(STORE('baseline'), STORE('baseline'));
    expect(out.code).toBe(0);
    expect(out.report.verdict).toBe('pass');
    expect(out.report.gates.map((g) => [g.name, g.outcome])).toEqual([
      ['accuracy and f1', 'pass'],
      ['per-class slices', 'pass'],
      ['required complete evidence', 'pass'],
    ]);
    // Four combinations × (accuracy, f1) and × 3 classes were judged, all unchanged.
    expect(gate(out.report, 'accuracy and f1').checks).toHaveLength(8);
    expect(gate(out.report, 'per-class slices').checks).toHaveLength(12);
    for (const c of [
      ...gate(out.report, 'accuracy and f1').checks,
      ...gate(out.report, 'per-class slices').checks,
    ]) {
      expect(c.delta).toBe(0);
    }
    expect(out.report.findings).toEqual([]);
    expect(out.report.gaps.candidate).toEqual([]);
    expect(out.markdown).toContain('## ✅ PASS');
    expect(expectMarkdownRowsNameUnits(out)).toBe(4 * 11);
    expect(out.text).toMatch(/^contexta-gate: PASS/);
  });
});

describe('metalab interrupted candidate', () => {
  it('fails on evidence: the crashed and the never-written run of mlp, lr=0.1 are gaps of that unit', async () => {
    const out = await compare(STORE('baseline'), STORE('interrupted'));
    expect(out.code).toBe(1);
    const evidence = gate(out.report, 'required complete evidence');
    expect(evidence.outcome).toBe('fail');
    const rows = tripped(out.report, 'required complete evidence');
    expect(new Set(rows.map((c) => c.unit))).toEqual(new Set(['lr=0.1, model=mlp']));
    const bySubject = new Map(rows.map((c) => [c.subject, c.reason]));
    // README: 35dfe957… was hard-killed while running, 5a6622a8… is in the manifest without a record.
    expect(bySubject.get('run_incomplete')).toContain('run 35dfe957e77f50c5');
    expect(bySubject.get('run_incomplete')).toContain('still marked running');
    expect(bySubject.get('run_missing')).toContain('run 5a6622a87f0fc8d3');
    expect(bySubject.get('run_missing')).toContain('never written');
    expect(bySubject.get('required_metrics')).toContain('lacks 11 of the baseline');
    expect(bySubject.get('status')).toContain('is open, not completed');
    // No metric of the unit is compared as if it were there: its baseline metrics are missing rows.
    const unit = out.report.comparisons.find((c) => c.unit === 'lr=0.1, model=mlp')!;
    expect(unit.metrics.every((m) => m.presence === 'baseline_only' && m.delta === null)).toBe(true);
    expect(out.report.gaps.candidate.map((g) => g.code).sort()).toEqual([
      'run_incomplete',
      'run_missing',
      'series_lost',
    ]);
    expect(out.markdown).toMatch(/- ❌ error · candidate · ` run_missing `/);
    expect(out.markdown).toMatch(/- ❌ error · candidate · ` run_incomplete `/);
    expect(out.text).toContain('candidate error run_missing gate_demo_1.0/runs/5a6622a87f0fc8d3.json');
    expectMarkdownRowsNameUnits(out);
  });
});

describe('metalab edge store', () => {
  it('reports NaN and Infinity as invalid evidence and never puts them in a delta', async () => {
    // The policy's gates name accuracy, f1 and per-class accuracy; the edge store has only non-finite
    // accuracy (a gap, not a value) and val_accuracy, so those gates are config problems as well.
    const out = await compare(
      STORE('edge'),
      STORE('edge'),
      [
        'error: gate "accuracy and f1" matches nothing: run/accuracy: no metric "accuracy" at run level; did you mean "run/val_accuracy"?',
        'error: gate "accuracy and f1" matches nothing: run/f1: no metric "f1" at run level; metrics at run level: converged, n_samples, val_accuracy, val_accuracy.steps',
        'error: gate "per-class slices" matches nothing: run/per_class_accuracy: no metric "per_class_accuracy" at run level; metrics at run level: converged, n_samples, val_accuracy, val_accuracy.steps',
        '',
      ].join('\n'),
    );
    expect(out.code).toBe(1);
    const rows = tripped(out.report, 'required complete evidence');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unit: 'variant=only', subject: 'non_finite_number' });
    expect(rows[0]!.reason).toContain('metric accuracy of run 10ce83ad008cac7c is NaN');
    expect(rows[0]!.reason).toContain('metric loss_final of run 10ce83ad008cac7c is Infinity');
    expect(rows[0]!.reason).toMatch(/^gate_edge:0\.1\/variant=only: /);

    const metrics = out.report.comparisons.flatMap((c) => c.metrics);
    expect(metrics.map((m) => m.key)).not.toContain('accuracy');
    expect(metrics.map((m) => m.key)).not.toContain('loss_final');
    for (const m of metrics) {
      for (const v of [m.baseline, m.candidate, m.delta])
        if (v !== null) expect(Number.isFinite(v)).toBe(true);
    }
    // The JSON report parsed (compare() reads it with JSON.parse): no bare NaN/Infinity token in it.

    expect(out.markdown).toMatch(
      /- ⚠️ warning · candidate · ` non_finite_number `.*metric accuracy of run 10ce83ad008cac7c is NaN/,
    );
    expect(out.text).toContain(
      'candidate warning non_finite_number gate_edge_0.1/runs/10ce83ad008cac7c.json: metric loss_final',
    );
    // One unit only, and still every metric row and gate row names the parameter combination.
    expect(expectMarkdownRowsNameUnits(out)).toBe(4);
    expect(out.text).toContain('fail: gate_edge:0.1/variant=only: run level: 2 non-finite value(s)');
  });
});

describe('metalab pairs whose context fingerprints differ', () => {
  it('are flagged as not like for like, per unit, in the findings, the notes and the markdown', async () => {
    const copy = join(tmp, 'candidate-new-context');
    await cp(STORE('candidate'), copy, { recursive: true });
    const runs = join(copy, 'gate_demo_1.0', 'runs');
    let edited = 0;
    for (const name of await readdir(runs)) {
      if (!name.endsWith('.json')) continue;
      const text = await readFile(join(runs, name), 'utf8');
      const record = JSON.parse(text) as { params_resolved: { lr: number; model: string } };
      if (record.params_resolved.lr !== 0.01 || record.params_resolved.model !== 'linear') continue;
      await writeFile(
        join(runs, name),
        text.replace(
          '"context_fingerprint": "7eed109ecc0bbab3"',
          '"context_fingerprint": "0123456789abcdef"',
        ),
      );
      edited++;
    }
    expect(edited).toBe(2);

    const out = await compare(STORE('baseline'), copy);
    const findings = out.report.findings.filter((f) => f.code === 'context_changed');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ unit: 'lr=0.01, model=linear', severity: 'warning' });
    expect(String(findings[0]!.title)).toContain('context fingerprint 7eed109ecc0bbab3 → 0123456789abcdef');
    expect(String(findings[0]!.title)).toContain('not a like-for-like comparison');
    const note = out.report.comparisons.find((c) => c.unit === 'lr=0.01, model=linear')!.notes;
    expect(note.some((n) => n.includes('the context fingerprint differs'))).toBe(true);
    expect(
      out.report.notes.some((n) => n.includes('unit lr=0.01, model=linear: the context fingerprint differs')),
    ).toBe(true);
    expect(out.markdown).toContain(
      'inputs changed: context fingerprint ` 7eed109ecc0bbab3 ` → ` 0123456789abcdef `',
    );
    // Unchanged context elsewhere: no finding for the other units.
    const unchanged = await compare(STORE('baseline'), STORE('candidate'));
    expect(unchanged.report.findings.some((f) => f.code === 'context_changed')).toBe(false);
  });
});

describe('metalab threshold gates', () => {
  it('judge each parameter combination on its own; a combination without values is missing, not passing', async () => {
    const config = join(tmp, 'thresholds.yml');
    await writeFile(
      config,
      [
        'version: 1',
        'gates:',
        '  - name: accuracy floor',
        '    metric: run/accuracy',
        '    min: 0.8',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await cli(STORE('baseline'), STORE('candidate'), 'json', config);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const checks = gate(JSON.parse(stdout) as GateReport, 'accuracy floor').checks;
    // README: linear reaches 0.7881/0.7914 at lr=0.1 and lr=1.0, below 0.8; mlp, lr=1.0 has no accuracy.
    expect(checks.filter((c) => c.outcome === 'fail').map((c) => c.unit)).toEqual([
      'lr=0.1, model=linear',
      'lr=1, model=linear',
    ]);
    const missing = checks.find((c) => c.unit === 'lr=1, model=mlp')!;
    expect(missing.outcome).toBe('warn');
    expect(missing.reason).toContain('gate_demo:1.0/lr=1, model=mlp: accuracy is missing from the candidate');
    expect(checks.filter((c) => c.outcome === 'pass').map((c) => c.unit)).toEqual([
      'lr=0.01, model=linear',
      'lr=0.01, model=mlp',
      'lr=0.1, model=mlp',
    ]);
  });
});
