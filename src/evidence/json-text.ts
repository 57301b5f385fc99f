/**
 * JSON parsing for evidence files. Python's `json` module writes and accepts the bare tokens
 * `NaN`, `Infinity` and `-Infinity`, which `JSON.parse` rejects; both metalab stores and hand-made
 * Contexta lines can contain them. We keep the fast path (`JSON.parse`) and only on failure retry
 * with those tokens turned into sentinels, so a non-finite number is read faithfully and can be
 * reported instead of making a whole line unreadable.
 */

export interface OutOfRangeNumber {
  /** The object key (or array index) holding the number; `(root)` for a bare number. */
  key: string;
  text: string;
  reads: 'Infinity' | '-Infinity' | '0';
}

export type JsonParseResult =
  | {
      ok: true;
      value: unknown;
      nonFinite: boolean;
      /** Path (`a.b`) of the first key written twice in one object; the value is then ambiguous. */
      duplicateKey: string | null;
      /**
       * Numbers whose text lies beyond the double range (`1e309` reads as Infinity, `1e-400` as 0),
       * with the key holding them and the text as written; in `value` they are replaced by NaN so
       * nobody uses the wrong number.
       */
      outOfRange: OutOfRangeNumber[];
    }
  | { ok: false; reason: 'invalid_json'; message: string }
  | { ok: false; reason: 'too_deep'; depth: number };

const NON_FINITE_TOKENS: ReadonlyArray<[string, number]> = [
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['NaN', Number.NaN],
];

/** A key no JSON producer writes by accident; the nonce keeps crafted input from colliding. */
const SENTINEL_PREFIX = `\u0000cg-nonfinite-${Math.random().toString(36).slice(2)}:`;

function replaceNonFiniteTokens(text: string): string | null {
  let out = '';
  let last = 0;
  let inString = false;
  let replaced = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) {
      inString = true;
      continue;
    }
    if (ch !== 0x4e && ch !== 0x49 && ch !== 0x2d) continue;
    for (const [token] of NON_FINITE_TOKENS) {
      if (text.startsWith(token, i)) {
        out += text.slice(last, i) + JSON.stringify(SENTINEL_PREFIX + token);
        i += token.length - 1;
        last = i + 1;
        replaced = true;
        break;
      }
    }
  }
  if (!replaced) return null;
  return out + text.slice(last);
}

function reviveNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith(SENTINEL_PREFIX)) {
    const token = value.slice(SENTINEL_PREFIX.length);
    const hit = NON_FINITE_TOKENS.find(([name]) => name === token);
    if (hit) return hit[1];
  }
  return value;
}

/** Above this limit the walk is iterative, so a configured limit can never exhaust the stack. */
const RECURSIVE_LIMIT = 512;

/**
 * What one walk of a parsed value learns: the nesting depth, how many object keys survived parsing
 * (fewer than the text names when a key repeats) and whether any number is 0 or ±Infinity (the only
 * values an out-of-range literal can turn into).
 */
interface Walk {
  keys: number;
  zero: boolean;
  infinite: boolean;
}

const isSuspect = (v: number) => v === 0 || v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY;

function noteNumber(v: number, walk: Walk): void {
  if (v === 0) walk.zero = true;
  else if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) walk.infinite = true;
}

/**
 * Whether a 0 in the parsed value can come from a literal that underflowed. Below the smallest
 * double (about 4.9e-324) a literal needs a negative exponent or hundreds of zeros after the point;
 * per-sample outcomes are full of honest zeros, so only text showing either is looked at again.
 */
const MAYBE_UNDERFLOW = /[0-9][eE]-|\.0{300}/;

/**
 * Depth of nested arrays/objects; stops as soon as `limit` is exceeded (returning limit + 1). Runs on
 * every line read, so for the usual limits it recurses without allocating (at most limit + 1 frames);
 * larger limits use an explicit stack.
 */
export function nestingDepth(value: unknown, limit: number): number {
  return walkTree(value, limit, { keys: 0, zero: false, infinite: false });
}

function walkTree(value: unknown, limit: number, walk: Walk): number {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && isSuspect(value)) noteNumber(value, walk);
    return 0;
  }
  if (limit > RECURSIVE_LIMIT) return nestingDepthIterative(value, limit, walk);
  return depthBelow(value, 1, limit, walk);
}

function depthBelow(node: object, level: number, limit: number, walk: Walk): number {
  if (level > limit) return level;
  let deepest = level;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (child === null) continue;
      if (typeof child !== 'object') {
        if (typeof child === 'number' && isSuspect(child)) noteNumber(child, walk);
        continue;
      }
      const depth = depthBelow(child, level + 1, limit, walk);
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    }
    return deepest;
  }
  for (const key in node) {
    walk.keys++;
    const child: unknown = (node as Record<string, unknown>)[key];
    if (child === null) continue;
    if (typeof child !== 'object') {
      if (typeof child === 'number' && isSuspect(child)) noteNumber(child, walk);
      continue;
    }
    const depth = depthBelow(child, level + 1, limit, walk);
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}

function nestingDepthIterative(value: object, limit: number, walk: Walk): number {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
    const isArray = Array.isArray(node);
    if (!isArray) walk.keys += Object.keys(node as object).length;
    const children = isArray ? node : Object.values(node as object);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      else if (typeof child === 'number' && isSuspect(child)) noteNumber(child, walk);
    }
  }
  return deepest;
}

/**
 * Whether the text may name more keys than the parsed value holds. Every key in the text is a string
 * followed by a colon, directly or after whitespace. So when no colon follows whitespace and the
 * `":` pairs number exactly the parsed keys, no key can repeat; only otherwise (a repeat, spacing,
 * or a rare `\":` or ` :` inside a string) is the text scanned key by key. One pass of a
 * single-character search: this runs on every line read.
 */
function mayRepeatKeys(text: string, parsedKeys: number): boolean {
  let pairs = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (before === 0x22) pairs++;
    else if (isWhitespace(before)) return true;
  }
  return pairs !== parsedKeys;
}

const isWhitespace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Index just past the string starting at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

/**
 * The dotted path of the first key that an object of `text` (already known to be valid JSON) names
 * twice, or null. Keys are compared after unescaping, as `JSON.parse` would.
 */
export function findDuplicateKey(text: string): string | null {
  type Frame = { keys: Set<string> | null; path: string; pending: string };
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      let j = end;
      while (j < text.length && isWhitespace(text.charCodeAt(j))) j++;
      if (top?.keys && text.charCodeAt(j) === 0x3a) {
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        const path = top.path ? `${top.path}.${key}` : key;
        if (top.keys.has(key)) return path;
        top.keys.add(key);
        top.pending = path;
        i = j + 1;
        continue;
      }
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      const parent = stack[stack.length - 1];
      const path = parent ? (parent.keys ? parent.pending : `${parent.path}[]`) : '';
      stack.push({ keys: c === 0x7b ? new Set() : null, path, pending: '' });
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    i++;
  }
  return null;
}

/** A number literal whose double is Infinity (overflow) or 0 although its digits are not all zero. */
function outOfRangeLiteral(source: string, value: number): boolean {
  if (value !== 0) return true;
  const e = source.search(/[eE]/);
  return /[1-9]/.test(e === -1 ? source : source.slice(0, e));
}

interface SourceContext {
  source?: string;
}

/**
 * Parses again with a reviver that sees each number's source text (`JSON.parse` source access),
 * replacing out-of-range numbers by NaN and listing them; also revives the NaN/Infinity sentinels.
 */
function reviveOutOfRange(text: string, found: OutOfRangeNumber[]): unknown {
  return JSON.parse(text, ((key: string, value: unknown, context?: SourceContext) => {
    const revived = reviveNonFinite(key, value);
    if (revived !== value || typeof value !== 'number' || !isSuspect(value)) return revived;
    const source = context?.source;
    if (source === undefined || !outOfRangeLiteral(source, value)) return value;
    found.push({
      key: key === '' ? '(root)' : key,
      text: source,
      reads: value === 0 ? '0' : value > 0 ? 'Infinity' : '-Infinity',
    });
    return Number.NaN;
  }) as (key: string, value: unknown) => unknown);
}

export function parseJsonText(text: string, maxDepth: number): JsonParseResult {
  let value: unknown;
  let parsedText = text;
  let nonFinite = false;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const rewritten = replaceNonFiniteTokens(text);
    if (rewritten === null) return { ok: false, reason: 'invalid_json', message: (error as Error).message };
    try {
      value = JSON.parse(rewritten, reviveNonFinite);
      parsedText = rewritten;
      nonFinite = true;
    } catch {
      return { ok: false, reason: 'invalid_json', message: (error as Error).message };
    }
  }
  const walk: Walk = { keys: 0, zero: false, infinite: false };
  const depth = walkTree(value, maxDepth, walk);
  if (depth > maxDepth) return { ok: false, reason: 'too_deep', depth };
  const duplicateKey = mayRepeatKeys(text, walk.keys) ? findDuplicateKey(text) : null;
  const outOfRange: OutOfRangeNumber[] = [];
  if (walk.infinite || (walk.zero && MAYBE_UNDERFLOW.test(text))) {
    const revived = reviveOutOfRange(parsedText, outOfRange);
    if (outOfRange.length > 0) value = revived;
  }
  return { ok: true, value, nonFinite, duplicateKey, outOfRange };
}

/**
 * Why a parsed document cannot be trusted as written (a repeated key, a number beyond the double
 * range), in words for a gap message, or null when it can.
 */
export function ambiguity(parsed: Extract<JsonParseResult, { ok: true }>): string | null {
  if (parsed.duplicateKey !== null) {
    return `the key "${parsed.duplicateKey}" is written twice in one object, so its value is ambiguous`;
  }
  const first = parsed.outOfRange[0];
  if (first) return outOfRangeText(first, parsed.outOfRange.length);
  return null;
}

export function outOfRangeText(first: OutOfRangeNumber, count: number): string {
  const more = count > 1 ? ` (and ${count - 1} more such number(s))` : '';
  return `the number ${first.text} at "${first.key}" is beyond the range of a double: it would silently read as ${first.reads}${more}`;
}
