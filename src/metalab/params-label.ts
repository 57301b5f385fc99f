/**
 * The canonical label of a metalab parameter combination, e.g. `lr=0.1, model=mlp`. It is the
 * `Run.name` of a metalab unit, and the engine pairs baseline and candidate units by it: metalab's
 * `run_id` includes the operation's code hash, so it changes with every code change and can never pair.
 *
 * Rules (stable across stores and machines):
 * - keys sorted by UTF-16 code unit, `key=value` joined by `, `; nested objects the same inside `{}`,
 *   arrays as `[a, b]`;
 * - numbers in JavaScript's shortest round-trip form, so Python's `1.0` reads back as `1` and prints as
 *   `lr=1` (metalab fingerprints `1` and `1.0` differently; this label does not, nor `-0` and `0`);
 * - a string is written bare when it is an identifier-like word (`mlp`, `resnet-50`, `v1.2`) that
 *   cannot be mistaken for a number, boolean or null, and JSON-quoted otherwise (`"0.1"`, `"a, b"`),
 *   so no two different values share a label;
 * - an empty combination is `(no parameters)`.
 */

const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const RESERVED_WORDS = new Set(['true', 'false', 'null', 'NaN', 'Infinity']);

function formatWord(text: string): string {
  return BARE_WORD.test(text) && !RESERVED_WORDS.has(text) ? text : JSON.stringify(text);
}

function formatEntries(object: Record<string, unknown>): string {
  return Object.keys(object)
    .sort()
    .map((key) => `${formatWord(key)}=${formatValue(object[key])}`)
    .join(', ');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return formatWord(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') return `{${formatEntries(value as Record<string, unknown>)}}`;
  return JSON.stringify(String(value));
}

export function paramsLabel(params: Record<string, unknown>): string {
  return Object.keys(params).length === 0 ? '(no parameters)' : formatEntries(params);
}
