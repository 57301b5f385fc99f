/**
 * The machine-readable report (`--format json`, the report artifact). The schema is documented in
 * `docs/report-format.md`; `schemaVersion` is the engine's `GATE_REPORT_SCHEMA_VERSION` and changes
 * only when a field is removed or changes meaning.
 *
 * Output is deterministic, so two runs on the same evidence give byte-identical files that diff
 * cleanly: `format`, `schemaVersion`, `verdict`, `exit`, `headline` come first, every other key
 * is sorted by code point at every level, array order is kept. Values are made plain JSON on the
 * way out: typed arrays become arrays, non-finite numbers become null (not known), `undefined`
 * fields are left out, Maps become objects and Sets arrays, Dates ISO strings, bigints decimal
 * strings.
 */
import type { GateReport } from '../gates/types.js';

/** Identifies the document type to consumers that read several kinds of JSON. */
export const REPORT_FORMAT = 'contexta-gate/report';

const LEADING_KEYS = ['format', 'schemaVersion', 'verdict', 'exit', 'headline'] as const;

export interface JsonOptions {
  /** Indentation; 0 for one line. Default 2. */
  indent?: number;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An object with its key order fixed. Plain JS objects cannot hold it: integer-like keys ("9",
 * "10") always enumerate first in numeric order, whatever order they were inserted in.
 */
class Ordered {
  constructor(readonly entries: Array<[string, JsonValue]>) {}
}

type JsonValue = null | number | string | boolean | JsonValue[] | Ordered;

function plain(value: unknown, seen: Set<object>): JsonValue | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined;
  }
  const object = value as object;
  if (seen.has(object)) throw new TypeError('renderJson: the report contains a cycle');
  seen.add(object);
  try {
    if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
      return Array.from(object as unknown as ArrayLike<number | bigint>, (v) => plain(v, seen) ?? null);
    }
    if (Array.isArray(object)) return object.map((v) => plain(v, seen) ?? null);
    if (object instanceof Set) return [...object].map((v) => plain(v, seen) ?? null);
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
    // Values that say how they read as JSON (a Phrase reads as its plain text).
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return plain(toJSON.call(object), seen);
    const entries: Array<[string, unknown]> =
      object instanceof Map
        ? [...object].map(([k, v]) => [String(k), v])
        : Object.entries(object as Record<string, unknown>);
    const out: Array<[string, JsonValue]> = [];
    for (const [key, v] of entries.sort(([a], [b]) => compareKeys(a, b))) {
      const converted = plain(v, seen);
      if (converted !== undefined) out.push([key, converted]);
    }
    return new Ordered(out);
  } finally {
    seen.delete(object);
  }
}

function serialise(value: JsonValue, indent: string, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const items =
    value instanceof Ordered
      ? value.entries.map(
          ([k, v]) => `${JSON.stringify(k)}:${indent ? ' ' : ''}${serialise(v, indent, depth + 1)}`,
        )
      : value.map((v) => serialise(v, indent, depth + 1));
  const [open, close] = value instanceof Ordered ? ['{', '}'] : ['[', ']'];
  if (items.length === 0) return open + close;
  if (!indent) return `${open}${items.join(',')}${close}`;
  const inner = indent.repeat(depth + 1);
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${indent.repeat(depth)}${close}`;
}

function ordered(report: GateReport): Ordered {
  const body = plain(report, new Set()) as Ordered;
  const byKey = new Map(body.entries);
  const leading: Array<[string, JsonValue]> = [['format', REPORT_FORMAT]];
  for (const key of LEADING_KEYS) {
    const v = byKey.get(key);
    if (key !== 'format' && v !== undefined) leading.push([key, v]);
  }
  const rest = body.entries.filter(([key]) => !(LEADING_KEYS as readonly string[]).includes(key));
  return new Ordered([...leading, ...rest]);
}

/** The report as JSON text: fixed key order, plain values, one trailing newline. */
export function renderJson(report: GateReport, options: JsonOptions = {}): string {
  return `${serialise(ordered(report), ' '.repeat(options.indent ?? 2), 0)}\n`;
}
