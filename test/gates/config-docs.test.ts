import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, formatConfigError, parseConfig } from '../../src/gates/config.js';

/** The YAML examples of docs/config.md; gate snippets (`- name: …`) are wrapped in a config. */
async function examples(): Promise<{ config: string; snippet: string }[]> {
  const doc = await readFile('docs/config.md', 'utf8');
  return [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => {
    const snippet = m[1]!;
    const config = snippet.startsWith('- ') ? `version: 1\ngates:\n${snippet.replace(/^/gm, '  ')}` : snippet;
    return { config, snippet };
  });
}

describe('docs/config.md', () => {
  it('every YAML example is a valid config', async () => {
    const all = await examples();
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const { config, snippet } of all) {
      const result = parseConfig(config, 'docs/config.md');
      if (!result.ok) throw new Error(`${snippet}\n${result.errors.map(formatConfigError).join('\n')}`);
    }
  });

  it('the documented default config is DEFAULT_CONFIG', async () => {
    const all = await examples();
    const documented = all.find(({ snippet }) => snippet.includes('missing_metrics: fail\ngates:'));
    expect(documented).toBeDefined();
    const result = parseConfig(documented!.config, 'docs/config.md');
    expect(result.ok && result.config).toEqual(DEFAULT_CONFIG);
  });
});
