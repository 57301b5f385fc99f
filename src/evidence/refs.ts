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

/** Why `text` is not a valid ref of `kind`, or null when it is. */
export function refProblem(text: string, kind: string): string | null {
  const parsed = parseRef(text);
  if (parsed === null) return `"${text}" is not a valid ref (kind:component.component…, lower-case)`;
  if (parsed.kind !== kind) return `"${text}" should be a ${kind}: ref`;
  return null;
}

/** True when `child`'s components start with all of `parent`'s components. */
export function extendsRef(child: ParsedRef, parent: ParsedRef): boolean {
  if (child.parts.length <= parent.parts.length) return false;
  return parent.parts.every((part, i) => child.parts[i] === part);
}

/** Last component of a ref, e.g. the sample name `s-0001`. */
export function lastComponent(ref: ParsedRef): string {
  return ref.parts[ref.parts.length - 1]!;
}
