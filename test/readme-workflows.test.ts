/**
 * The README's workflow examples are what users copy: a job that runs the evaluation must first
 * install Python and the Contexta SDK, as a real job must. (scripts/lint-workflows.mjs lints them.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readmeWorkflows } from '../scripts/lint-workflows.mjs';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const examples = readmeWorkflows(readFileSync('README.md', 'utf8'));

describe('README workflow examples', () => {
  it('are found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it('install Python and the SDK before running the evaluation', () => {
    let evaluations = 0;
    for (const example of examples) {
      const workflow = parse(example.text) as { jobs: Record<string, { steps?: Step[] }> };
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const steps = job.steps ?? [];
        const where = `README.md:${example.firstLine} job ${name}`;
        const evaluate = steps.findIndex((step) => /\bpython\s+\S+\.py\b/.test(step.run ?? ''));
        if (evaluate === -1) continue;
        evaluations++;
        const before = steps.slice(0, evaluate);
        const python = before.find((step) => step.uses?.startsWith('actions/setup-python@'));
        expect(python, `${where}: actions/setup-python before the evaluation`).toBeDefined();
        expect(String(python?.with?.['python-version']), where).toBe('3.12');
        expect(
          before.some((step) => /\bpip install\b.*\bcontexta\b/.test(step.run ?? '')),
          `${where}: pip install contexta before the evaluation`,
        ).toBe(true);
        expect(
          steps.slice(evaluate).some((step) => step.uses?.startsWith('contexta/gate@')),
          where,
        ).toBe(true);
      }
    }
    expect(evaluations).toBeGreaterThanOrEqual(3);
  });
});
