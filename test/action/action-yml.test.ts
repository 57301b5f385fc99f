/**
 * action.yml against what the code reads: every input the code reads is declared, every declared
 * input is read, and the defaults the runner fills in are the ones the reader falls back to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, type InputName, readSettings } from '../../src/action/settings.js';
import { DEFAULT_READ_OPTIONS } from '../../src/contexta/read.js';

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, ActionInput> };
const declared = Object.keys(action.inputs).sort();

/** The names `readSettings` asks for, with every input empty (as the runner gives an unset one). */
function namesRead(): string[] {
  const names = new Set<string>();
  readSettings((name) => {
    names.add(name);
    return '';
  });
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('action.yml and the settings reader', () => {
  it('declares exactly the inputs the reader reads', () => {
    expect(namesRead()).toEqual(declared);
  });

  it('has a default in the reader table for every declared input, and no other', () => {
    expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual(declared);
  });

  it("declares every input with the reader's default", () => {
    for (const name of declared) {
      const spec = action.inputs[name] as ActionInput;
      expect(spec.required ?? false, `input ${name} is required`).toBe(false);
      expect(String(spec.default ?? ''), `default of input ${name}`).toBe(INPUT_DEFAULTS[name as InputName]);
    }
  });

  it('reads the declared defaults exactly as it reads empty inputs', () => {
    const fromEmpty = readSettings(() => '');
    const fromDeclared = readSettings((name) =>
      // The runner evaluates the token expression; a literal expression is not a token.
      name === 'github-token' ? '' : String(action.inputs[name]?.default ?? ''),
    );
    // Empty reader limits mean "the evidence reader's defaults", which the declared values are.
    expect(fromEmpty.maxLineBytes ?? DEFAULT_READ_OPTIONS.maxLineBytes).toBe(fromDeclared.maxLineBytes);
    expect(fromEmpty.maxJsonDepth ?? DEFAULT_READ_OPTIONS.maxDepth).toBe(fromDeclared.maxJsonDepth);
    expect({ ...fromEmpty, maxLineBytes: 0, maxJsonDepth: 0 }).toEqual({
      ...fromDeclared,
      maxLineBytes: 0,
      maxJsonDepth: 0,
    });
  });

  it('reads inputs nowhere else in src/ than through the settings reader', () => {
    const elsewhere: string[] = [];
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bget(?:Boolean|Multiline)?Input\(\s*['"`]([^'"`]+)['"`]/g)) {
        if (!declared.includes(match[1] as string)) elsewhere.push(`${file}: ${match[1]}`);
      }
      if (/INPUT_[A-Z_]+/.test(text) && !file.endsWith(path.join('action', 'settings.ts'))) {
        elsewhere.push(`${file}: reads an INPUT_ environment variable directly`);
      }
    }
    expect(elsewhere).toEqual([]);
  });
});
