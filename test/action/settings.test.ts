import { describe, expect, it } from 'vitest';
import { parseBaselineSpec, readSettings, SettingsError } from '../../src/action/settings.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readSettings', () => {
  it('applies the documented defaults when inputs are empty', () => {
    const settings = readSettings(reader({ 'github-token': 't' }));
    expect(settings).toMatchObject({
      mode: 'gate',
      workspace: '.contexta',
      configPath: '.github/contexta-gate.yml',
      baseline: { kind: 'auto' },
      artifactName: 'contexta-evidence',
      comment: 'always',
      commentAs: 'comment',
      failOn: 'fail',
      maxBaselineRuns: 20,
      allowPrConfig: false,
      upload: true,
    });
  });

  it('names every bad input with what was expected and what was found', () => {
    let error: unknown;
    try {
      readSettings(
        reader({
          comment: 'sometimes',
          'retention-days': '0',
          'allow-pr-config': 'yes',
          baseline: 'run:abc',
          mode: 'promote',
        }),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const problems = (error as SettingsError).problems;
    expect(problems).toEqual([
      "Invalid input 'baseline': 'run:' expects a workflow run id, found 'abc'.",
      "Input 'environment' is required when mode is 'promote' (e.g. environment: production).",
      "Invalid input 'allow-pr-config': expected true or false, found 'yes'.",
      "Invalid input 'retention-days': expected a whole number from 1 to 400, found '0'.",
      "Invalid input 'comment': expected one of always, on-change, on-failure, off, found 'sometimes'.",
    ]);
  });

  it('reads the reader limits, which default to the reader’s own', () => {
    expect(readSettings(reader({}))).toMatchObject({ maxLineBytes: null, maxJsonDepth: null });
    expect(readSettings(reader({ 'max-line-bytes': '1024', 'max-json-depth': '16' }))).toMatchObject({
      maxLineBytes: 1024,
      maxJsonDepth: 16,
    });
    expect(() => readSettings(reader({ 'max-json-depth': 'deep' }))).toThrow(
      "Invalid input 'max-json-depth': expected a whole number from 1 to 10000, found 'deep'.",
    );
  });

  it('names the artifact per project, so matrix steps of one run keep their own evidence', () => {
    expect(readSettings(reader({ project: 'gate_demo:1.0' })).artifactName).toBe(
      'contexta-evidence-gate_demo-1.0',
    );
    expect(readSettings(reader({ 'artifact-name': 'ev', project: 'wine' })).artifactName).toBe('ev-wine');
  });

  it('rejects artifact names the artifact service refuses', () => {
    expect(() => readSettings(reader({ 'artifact-name': 'a/b' }))).toThrow(/artifact-name/);
  });
});

describe('shard inputs', () => {
  it('reads mode: collect with shard: <i>/<n>, and shards: <n> for the gate job', () => {
    expect(readSettings(reader({ mode: 'collect', shard: '3/4', project: 'nlp' }))).toMatchObject({
      mode: 'collect',
      shard: { index: 3, of: 4 },
      shards: null,
      artifactName: 'contexta-evidence-nlp',
    });
    expect(readSettings(reader({ shards: '4' }))).toMatchObject({ mode: 'gate', shard: null, shards: 4 });
  });

  it('requires shard with mode: collect and explains a malformed one', () => {
    expect(() => readSettings(reader({ mode: 'collect' }))).toThrow(
      "Input 'shard' is required when mode is 'collect'",
    );
    for (const bad of ['5/4', '0/4', '2', 'two/four', '1/300']) {
      expect(() => readSettings(reader({ mode: 'collect', shard: bad }))).toThrow(
        `Invalid input 'shard': expected <i>/<n> with 1 ≤ i ≤ n ≤ 256 (e.g. 2/4), found '${bad}'.`,
      );
    }
    expect(() => readSettings(reader({ shards: '0' }))).toThrow(
      "Invalid input 'shards': expected a whole number from 1 to 256, found '0'.",
    );
  });
});

describe('parseBaselineSpec', () => {
  it.each([
    ['auto', { kind: 'auto' }],
    ['', { kind: 'auto' }],
    ['none', { kind: 'none' }],
    ['run:123', { kind: 'run', runId: 123 }],
    ['artifact:evidence-main', { kind: 'artifact', name: 'evidence-main' }],
    ['deployment:production', { kind: 'deployment', environment: 'production' }],
    ['path:baseline/.contexta', { kind: 'path', path: 'baseline/.contexta' }],
    ['./baseline/.contexta', { kind: 'path', path: './baseline/.contexta' }],
  ])('%s', (raw, expected) => {
    expect(parseBaselineSpec(raw)).toEqual(expected);
  });

  it('explains an unrecognised value', () => {
    expect(parseBaselineSpec('yesterday')).toMatch(/expected auto, none, run:<id>/);
  });
});
