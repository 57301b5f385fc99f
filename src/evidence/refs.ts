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
  for (const part of parts) if (!isComponent(part)) return null;
  const counts = COMPONENT_COUNTS[kind];
  if (counts && !counts.includes(parts.length)) return null;
  return { kind, parts };
}

/**
 * A ref component, `[a-z0-9]+(-[a-z0-9]+)*` of at most 63 characters, checked by hand: record and
 * sample refs are distinct on every line, so this runs for most components read, and the regex was
 * a visible share of reading.
 */
export function isComponent(part: string): boolean {
  if (part.length === 0 || part.length > MAX_COMPONENT_CHARS) return false;
  let afterHyphen = true;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c === 0x2d) {
      if (afterHyphen) return false;
      afterHyphen = true;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      afterHyphen = false;
    } else {
      return false;
    }
  }
  return !afterHyphen;
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
