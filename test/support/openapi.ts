/**
 * GitHub's own OpenAPI description (`@octokit/openapi`, api.github.com) for the contract tests: the
 * response schema of an endpoint, a check that one of our zod schemas (as JSON Schema) accepts
 * everything that schema allows for the fields we read, and a validator for the stand-in's bodies.
 * Only the OpenAPI 3.0 keywords GitHub's description uses for response bodies are understood.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Spec {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const require = createRequire(import.meta.url);
let loaded: Spec | undefined;

export function spec(): Spec {
  loaded ??= JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
  ) as Spec;
  return loaded;
}

export function deref(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const next = spec().components.schemas[name];
    if (!next) throw new Error(`unresolved ${current.$ref}`);
    current = next;
  }
  if (current.allOf) {
    const parts = current.allOf.map(deref);
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
      ...(current.nullable ? { nullable: true } : {}),
    };
  }
  return current;
}

/** The JSON body schema of `METHOD /path` for `status` (the route as @octokit writes it). */
export function responseSchema(route: string, status: number): Schema {
  const [method = '', path = ''] = route.split(' ');
  const operation = spec().paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`GitHub's description has no ${route}`);
  const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${route} has no ${status} JSON response in GitHub's description`);
  return schema;
}

function typeOf(schema: Schema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties || schema.additionalProperties !== undefined) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function acceptsNull(ours: Schema): boolean {
  if (ours.type === 'null' || (Array.isArray(ours.type) && ours.type.includes('null'))) return true;
  if (ours.nullable) return true;
  const variants = ours.anyOf ?? ours.oneOf;
  if (variants) return variants.some(acceptsNull);
  return typeOf(ours) === undefined && ours.enum === undefined && ours.const === undefined;
}

function theirsVariants(theirs: Schema): Schema[] {
  const resolved = deref(theirs);
  const variants = resolved.oneOf ?? resolved.anyOf;
  return variants ? variants.flatMap(theirsVariants) : [resolved];
}

/**
 * Problems with `ours` (our zod schema as JSON Schema, input side) reading what `theirs` (GitHub's)
 * allows: a field we require that GitHub may omit, a field GitHub does not describe, a null or a
 * variant GitHub may send that we reject, a type that differs. Empty means compatible.
 */
export function incompatibilities(ours: Schema, theirs: Schema, at = '(root)'): string[] {
  const resolved = deref(theirs);
  const problems: string[] = [];
  if (resolved.nullable && !acceptsNull(ours)) problems.push(`${at}: GitHub may send null; we reject it`);
  const ourVariants = (ours.anyOf ?? ours.oneOf ?? [ours]).filter((v) => v.type !== 'null');
  const variants = theirsVariants(theirs);
  // With several variants (issue events: labeled, closed, …) a field we treat as optional may be
  // absent from some of them; with one, a field it does not describe is a field we invented.
  const strict = variants.length === 1;
  for (const variant of variants) {
    const attempts = ourVariants.map((o) => matchOne(o, variant, at, strict));
    if (!attempts.some((a) => a.length === 0))
      problems.push(...(attempts[0] ?? [`${at}: nothing accepts it`]));
  }
  return problems;
}

function matchOne(ours: Schema, theirs: Schema, at: string, strict: boolean): string[] {
  const oType = typeOf(ours);
  const tType = typeOf(theirs);
  if (oType === undefined && ours.const === undefined && ours.enum === undefined) return [];
  if (ours.const !== undefined || ours.enum !== undefined) {
    const allowed = ours.const !== undefined ? [ours.const] : (ours.enum ?? []);
    if (!theirs.enum) return [`${at}: we accept only ${JSON.stringify(allowed)}; GitHub sends any ${tType}`];
    const extra = theirs.enum.filter((v) => !allowed.includes(v));
    return extra.length > 0 && ours.const === undefined
      ? [`${at}: GitHub may send ${JSON.stringify(extra)}, which we reject`]
      : [];
  }
  if (tType === undefined) return [`${at}: GitHub gives no type; we expect ${oType}`];
  if (oType !== tType && !(oType === 'number' && tType === 'integer')) {
    return [`${at}: we expect ${oType}, GitHub sends ${tType}`];
  }
  if (oType === 'array') return incompatibilities(ours.items ?? {}, theirs.items ?? {}, `${at}[]`);
  if (oType !== 'object') return [];
  const problems: string[] = [];
  const theirProps = theirs.properties ?? {};
  const theirRequired = new Set(theirs.required ?? []);
  if (ours.additionalProperties === false) {
    for (const key of theirRequired) {
      if (!ours.properties?.[key]) problems.push(`${at}: GitHub always sends '${key}', which we refuse`);
    }
  }
  for (const [key, ourProp] of Object.entries(ours.properties ?? {})) {
    const field = `${at}.${key}`;
    const theirProp = theirProps[key];
    if (!theirProp) {
      if (typeof theirs.additionalProperties === 'object') {
        problems.push(...incompatibilities(ourProp, theirs.additionalProperties, field));
      } else if (theirs.additionalProperties !== true && (strict || (ours.required ?? []).includes(key))) {
        problems.push(`${field}: not in GitHub's schema`);
      }
      continue;
    }
    if ((ours.required ?? []).includes(key) && !theirRequired.has(key)) {
      problems.push(`${field}: we require it; GitHub's schema makes it optional`);
    }
    problems.push(...incompatibilities(ourProp, theirProp, field));
  }
  return problems;
}

/** Where `value` breaks `schema` (GitHub's), as "path: problem" lines; empty when it conforms. */
export function violations(value: unknown, schema: Schema, at = '(root)'): string[] {
  const s = deref(schema);
  if (value === null) return s.nullable ? [] : [`${at}: null is not allowed`];
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    const results = variants.map((v) => violations(value, v, at));
    return results.some((r) => r.length === 0) ? [] : [`${at}: matches none of ${variants.length} variants`];
  }
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of the enum`];
  const type = typeOf(s);
  const actual = Array.isArray(value) ? 'array' : typeof value;
  if (type === 'integer') return Number.isInteger(value) ? [] : [`${at}: expected integer`];
  if (type && type !== actual) return [`${at}: expected ${type}, found ${actual}`];
  if (type === 'array')
    return (value as unknown[]).flatMap((item, i) => violations(item, s.items ?? {}, `${at}[${i}]`));
  if (type !== 'object') return [];
  const record = value as Record<string, unknown>;
  const problems = (s.required ?? [])
    .filter((key) => !(key in record))
    .map((key) => `${at}.${key}: required by GitHub's schema, missing`);
  for (const [key, item] of Object.entries(record)) {
    const prop = s.properties?.[key];
    if (prop) problems.push(...violations(item, prop, `${at}.${key}`));
    else if (s.additionalProperties === false || (s.properties && s.additionalProperties === undefined)) {
      problems.push(`${at}.${key}: not in GitHub's schema`);
    } else if (typeof s.additionalProperties === 'object') {
      problems.push(...violations(item, s.additionalProperties, `${at}.${key}`));
    }
  }
  return problems;
}
