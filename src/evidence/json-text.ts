/**
 * JSON parsing for evidence files. Python's `json` module writes and accepts the bare tokens
 * `NaN`, `Infinity` and `-Infinity`, which `JSON.parse` rejects; both metalab stores and hand-made
 * Contexta lines can contain them. We keep the fast path (`JSON.parse`) and only on failure retry
 * with those tokens turned into sentinels, so a non-finite number is read faithfully and can be
 * reported instead of making a whole line unreadable.
 */

export type JsonParseResult =
  | { ok: true; value: unknown; nonFinite: boolean }
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
 * Depth of nested arrays/objects; stops as soon as `limit` is exceeded (returning limit + 1). Runs on
 * every line read, so for the usual limits it recurses without allocating (at most limit + 1 frames);
 * larger limits use an explicit stack.
 */
export function nestingDepth(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (limit > RECURSIVE_LIMIT) return nestingDepthIterative(value, limit);
  return depthBelow(value, 1, limit);
}

function depthBelow(node: object, level: number, limit: number): number {
  if (level > limit) return level;
  let deepest = level;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (child === null || typeof child !== 'object') continue;
      const depth = depthBelow(child, level + 1, limit);
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    }
    return deepest;
  }
  for (const key in node) {
    const child: unknown = (node as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object') continue;
    const depth = depthBelow(child, level + 1, limit);
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}

function nestingDepthIterative(value: object, limit: number): number {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
    const children = Array.isArray(node) ? node : Object.values(node as object);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

export function parseJsonText(text: string, maxDepth: number): JsonParseResult {
  let value: unknown;
  let nonFinite = false;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const rewritten = replaceNonFiniteTokens(text);
    if (rewritten === null) return { ok: false, reason: 'invalid_json', message: (error as Error).message };
    try {
      value = JSON.parse(rewritten, reviveNonFinite);
      nonFinite = true;
    } catch {
      return { ok: false, reason: 'invalid_json', message: (error as Error).message };
    }
  }
  const depth = nestingDepth(value, maxDepth);
  if (depth > maxDepth) return { ok: false, reason: 'too_deep', depth };
  return { ok: true, value, nonFinite };
}
