/**
 * Contexta's ref grammar (`kind:component.component…`). Refs carry the attribution the whole
 * model hangs on (project = 1st component, run = 2nd, stage = 3rd), so a ref that breaks the
 * grammar cannot be attributed and its record is skipped with an `invalid_ref` gap.
 */

export interface ParsedRef {
  kind: string;
  parts: string[];
}

const KIND = /^[a-z][a-z0-9_]*$/;
const COMPONENT = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_REF_CHARS = 255;
const MAX_COMPONENT_CHARS = 63;

/** Allowed component counts of the core kinds; other kinds are only shape-checked. */
const COMPONENT_COUNTS: Readonly<Record<string, readonly number[]>> = {
  project: [1],
  run: [2],
  deployment: [2],
  stage: [3],
  batch: [4],
  sample: [4, 5],
  op: [4, 5],
  record: [3],
  artifact: [3],
};

export function parseRef(text: string): ParsedRef | null {
  if (text.length > MAX_REF_CHARS) return null;
  const colon = text.indexOf(':');
  if (colon <= 0 || text.indexOf(':', colon + 1) !== -1) return null;
  const kind = text.slice(0, colon);
  if (!KIND.test(kind)) return null;
  const parts = text.slice(colon + 1).split('.');
  for (const part of parts) {
    if (part.length === 0 || part.length > MAX_COMPONENT_CHARS || !COMPONENT.test(part)) return null;
  }
  const counts = COMPONENT_COUNTS[kind];
  if (counts && !counts.includes(parts.length)) return null;
  return { kind, parts };
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, ParsedRef | null>();

/**
 * `parseRef` for refs that repeat on many lines (run, stage, batch, deployment): a small memo keeps
 * the grammar check off the hot path. Bounded, and cleared when full, so memory stays constant.
 */
export function parseRefCached(text: string): ParsedRef | null {
  const hit = cache.get(text);
  if (hit !== undefined || cache.has(text)) return hit ?? null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const parsed = parseRef(text);
  cache.set(text, parsed);
  return parsed;
}

/** True when `child`'s components start with all of `parent`'s components. */
export function extendsRef(child: ParsedRef, parent: ParsedRef): boolean {
  if (child.parts.length <= parent.parts.length) return false;
  return parent.parts.every((part, i) => child.parts[i] === part);
}
