import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/gates/config-schema.js';

describe('JSON Schema of the config file', () => {
  // When the config vocabulary changes: `npx vitest run test/gates/config-schema.test.ts -u`
  // regenerates docs/contexta-gate.schema.json; commit it with the change.
  it('matches the committed docs/contexta-gate.schema.json', async () => {
    await expect(`${JSON.stringify(configJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../../docs/contexta-gate.schema.json',
    );
  });

  it('offers the five gate kinds, each closed to unknown keys', () => {
    const schema = configJsonSchema() as {
      properties: { gates: { items: { anyOf: { required: string[]; additionalProperties: boolean }[] } } };
    };
    const kinds = schema.properties.gates.items.anyOf;
    expect(kinds.map((k) => k.required)).toEqual([
      ['name', 'metric'],
      ['name', 'metric'],
      ['name', 'require_complete'],
      ['name', 'diagnostics'],
      ['name', 'artifact'],
    ]);
    expect(kinds.every((k) => k.additionalProperties === false)).toBe(true);
  });
});
