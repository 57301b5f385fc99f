import { type Document, isMap, isScalar, isSeq, type LineCounter } from 'yaml';
import { z } from 'zod';
import type { ConfigError } from './config-types.js';
import { didYouMean } from './did-you-mean.js';

/** A place in the config document: keys and list indexes. */
export type Path = (string | number)[];

function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `file:line:col: path: message`, the form editors and GitHub annotations understand. */
export function formatConfigError(error: ConfigError): string {
  const where = error.path === '' ? '' : `${error.path}: `;
  return `${error.source}:${error.line}:${error.col}: ${where}${error.message}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  return String(value);
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Keys a zod object schema accepts at `path` (through optional/default wrappers). */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  const unwrap = (s: z.ZodType): z.ZodType => {
    let current = s;
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    }
    return current;
  };
  let current = unwrap(schema);
  for (const segment of path) {
    if (!(current instanceof z.ZodObject)) return [];
    const next = (current.shape as Record<string, z.ZodType>)[String(segment)];
    if (next === undefined) return [];
    current = unwrap(next);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Collects errors and warnings with positions taken from the YAML document. */
export class ConfigDiagnostics {
  readonly errors: ConfigError[] = [];
  readonly warnings: ConfigError[] = [];

  private readonly source: string;
  private readonly doc: Document;
  private readonly lineCounter: LineCounter;

  constructor(source: string, doc: Document, lineCounter: LineCounter) {
    this.source = source;
    this.doc = doc;
    this.lineCounter = lineCounter;
  }

  /** The document as plain values, once it could be converted; messages quote from it. */
  data: unknown;

  error(path: Path, message: string, at: 'value' | 'key' = 'value'): void {
    this.errors.push(this.make(path, message, at));
  }

  warning(path: Path, message: string): void {
    this.warnings.push(this.make(path, message, 'value'));
  }

  errorAtOffset(offset: number, message: string, list: ConfigError[] = this.errors): void {
    const { line, col } = this.lineCounter.linePos(offset);
    list.push({ source: this.source, line, col, path: '', message });
  }

  /** "expected X, found Y" for the value at `path`, or "missing" when there is none. */
  expected(path: Path, expected: string, suggestions: readonly string[] = []): void {
    const value = valueAt(this.data, path);
    if (value === undefined) {
      this.error(path, `required key is missing; expected ${expected}`);
      return;
    }
    let message = `expected ${expected}, found ${describeValue(value)}`;
    if (typeof value === 'string' && suggestions.includes(value)) {
      message += ' (text; write it without quotes)';
    } else if (typeof value === 'string' && suggestions.length > 0) {
      const suggestion = didYouMean(value, suggestions);
      if (suggestion !== null) message += `; did you mean "${suggestion}"?`;
    }
    this.error(path, message);
  }

  unknownKey(path: Path, validKeys: readonly string[], note?: string): void {
    const key = String(path[path.length - 1]);
    const suggestion = didYouMean(key, validKeys);
    const hint =
      note ??
      (suggestion !== null ? `did you mean "${suggestion}"?` : `valid keys here: ${validKeys.join(', ')}`);
    this.error(path, `unknown key; ${hint}`, 'key');
  }

  /** Reports zod issues of a value validated at `base`; `keys` gives the valid keys of an object. */
  zodIssues(
    issues: readonly z.core.$ZodIssue[],
    base: Path,
    keys: (relative: Path) => string[],
    unknownKeyNote?: (key: string) => string | undefined,
  ): void {
    for (const issue of issues) {
      const relative = issue.path as Path;
      const path = [...base, ...relative];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.unknownKey([...path, key], keys(relative), unknownKeyNote?.(key));
      } else if (issue.code === 'invalid_union') {
        // A branch whose failures are not all "wrong type here" matched the value's shape; its
        // issues say precisely what is wrong (an item of a list, a bad selector).
        const matching = issue.errors.filter(
          (branch) =>
            !branch.every(
              (i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'),
            ),
        );
        if (matching.length === 1) {
          this.zodIssues(matching[0]!, path, () => []);
        } else {
          const literals = issue.errors.flatMap((branch) =>
            branch.flatMap((i) => (i.code === 'invalid_value' ? i.values.map(String) : [])),
          );
          this.expected(path, issue.message, literals);
        }
      } else if (issue.code === 'invalid_key') {
        const key = String(path[path.length - 1]);
        this.error(
          path,
          `expected ${issue.issues[0]?.message ?? 'a valid key'}, found key ${JSON.stringify(key)}`,
          'key',
        );
      } else if (issue.code === 'invalid_value') {
        this.expected(path, issue.message, issue.values.map(String));
      } else {
        this.expected(path, issue.message);
      }
    }
  }

  private make(path: Path, message: string, at: 'value' | 'key'): ConfigError {
    const offset = this.offsetOf(path, at);
    const { line, col } = this.lineCounter.linePos(offset);
    return { source: this.source, line, col, path: formatPath(path), message };
  }

  /** Start of the node at `path`; when the path runs out (a missing key), its closest ancestor. */
  private offsetOf(path: Path, at: 'value' | 'key'): number {
    const startOf = (node: unknown): number | undefined =>
      node !== null && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
        ? (node.range[0] as number)
        : undefined;
    let node: unknown = this.doc.contents;
    let offset = startOf(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment),
        );
        if (pair === undefined) break;
        const keyOffset = startOf(pair.key) ?? offset;
        if (at === 'key' && i === path.length - 1) return keyOffset;
        node = pair.value;
        offset = startOf(node) ?? keyOffset;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment];
        offset = startOf(node) ?? offset;
      } else {
        break;
      }
    }
    return offset;
  }
}
