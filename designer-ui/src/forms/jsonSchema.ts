/**
 * The slice of JSON Schema (draft 2020-12) the forms read, and local `$ref` resolution. The schema is data the app
 * fetches from GET /api/schema, so every keyword is optional and read defensively.
 */

export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  dependentRequired?: Record<string, string[]>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  'x-widget'?: string;
  'x-expected'?: string;
  [keyword: string]: unknown;
}

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema a local reference such as `#/$defs/prompt` points at, or undefined when it leads nowhere. */
export function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1);
  if (path === '') return root;
  if (!path.startsWith('/')) return undefined;
  let at: unknown = root;
  for (const raw of path.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchema(at)) return undefined;
    at = at[key];
  }
  return isSchema(at) ? at : undefined;
}

// When a $ref and its siblings (or allOf branches) both bound a value, both apply: keep the tighter bound.
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

function mergeInto(base: JsonSchema, over: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...base, ...over };
  for (const k of LOWER_BOUNDS) {
    const a = base[k];
    const b = over[k];
    if (a !== undefined && b !== undefined) out[k] = Math.max(a, b);
  }
  for (const k of UPPER_BOUNDS) {
    const a = base[k];
    const b = over[k];
    if (a !== undefined && b !== undefined) out[k] = Math.min(a, b);
  }
  if (base.properties && over.properties) out.properties = { ...base.properties, ...over.properties };
  if (base.required && over.required) out.required = [...new Set([...base.required, ...over.required])];
  return out;
}

/**
 * The schema with its `$ref` followed (the siblings of a $ref refine the target: titles, widgets and tighter
 * bounds win) and its unconditional `allOf` branches merged in. Conditional branches (if/then) stay as they are.
 */
export function deref(schema: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  if (depth > 32) return schema;
  let out: JsonSchema = schema;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, root);
    const rest: JsonSchema = { ...schema };
    delete rest.$ref;
    out = target ? mergeInto(deref(target, root, depth + 1), rest) : rest;
  }
  if (Array.isArray(out.allOf)) {
    const plain = out.allOf.filter((b) => isSchema(b) && b.if === undefined);
    if (plain.length > 0) {
      const conditional = out.allOf.filter((b) => !plain.includes(b));
      let merged: JsonSchema = { ...out };
      delete merged.allOf;
      for (const branch of plain) merged = mergeInto(merged, deref(branch, root, depth + 1));
      if (conditional.length > 0) merged.allOf = conditional;
      out = merged;
    }
  }
  return out;
}

/** The schema's types as a list (`type: ["string", "null"]` gives both). */
export function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

export const asSchema = (v: unknown): JsonSchema | undefined => (isSchema(v) ? v : undefined);
