/**
 * A small JSON Schema (2020-12) checker for tests, for the keywords the flow schema uses, so a test can hold the
 * designer's documents to the server's schema without a validator dependency. It refuses a schema with a keyword
 * it does not know rather than pass a document it did not really check.
 */

export interface SchemaProblem {
  /** A JSON Pointer into the document. */
  at: string;
  message: string;
}

type Schema = boolean | { [keyword: string]: unknown };

/** Keywords that only annotate: they never make a document invalid. */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description', 'default', 'examples']);
const ASSERTIONS = new Set([
  '$ref', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'propertyNames',
  'minProperties', 'maxProperties', 'dependentRequired', 'items', 'minItems', 'maxItems', 'uniqueItems',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
]);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function hasType(v: unknown, type: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeOf(v) === type;
  }
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export class SchemaChecker {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: Record<string, unknown>) {}

  check(value: unknown, schema: Schema = this.root): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    this.walk(value, schema, '', problems);
    return problems;
  }

  private resolve(ref: string): Schema {
    if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported: ${ref}`);
    let at: unknown = this.root;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      at = isObject(at) ? at[key] : undefined;
    }
    if (typeof at !== 'boolean' && !isObject(at)) throw new Error(`$ref to nothing: ${ref}`);
    return at;
  }

  private regex(source: string): RegExp {
    let r = this.patterns.get(source);
    if (r === undefined) {
      r = new RegExp(source, 'u');
      this.patterns.set(source, r);
    }
    return r;
  }

  private valid(value: unknown, schema: Schema): boolean {
    return this.check(value, schema).length === 0;
  }

  private walk(v: unknown, schema: Schema, at: string, out: SchemaProblem[]): void {
    if (schema === true) return;
    if (schema === false) {
      out.push({ at, message: 'no value is allowed here' });
      return;
    }
    const fail = (message: string) => out.push({ at: at === '' ? '/' : at, message });
    for (const [keyword, arg] of Object.entries(schema)) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
      if (!ASSERTIONS.has(keyword)) throw new Error(`unsupported JSON Schema keyword "${keyword}" at ${at}`);
      switch (keyword) {
        case '$ref':
          this.walk(v, this.resolve(String(arg)), at, out);
          break;
        case 'type': {
          const types = Array.isArray(arg) ? arg : [arg];
          if (!types.some((t) => hasType(v, t))) fail(`expected ${types.join(' or ')}, got ${typeOf(v)}`);
          break;
        }
        case 'enum':
          if (!(arg as unknown[]).some((e) => equal(e, v))) fail(`not one of ${JSON.stringify(arg)}`);
          break;
        case 'const':
          if (!equal(arg, v)) fail(`not ${JSON.stringify(arg)}`);
          break;
        case 'not':
          if (this.valid(v, arg as Schema)) fail(`must not match ${JSON.stringify(arg)}`);
          break;
        case 'allOf':
          for (const s of arg as Schema[]) this.walk(v, s, at, out);
          break;
        case 'anyOf':
          if (!(arg as Schema[]).some((s) => this.valid(v, s))) fail('matches none of anyOf');
          break;
        case 'oneOf': {
          const n = (arg as Schema[]).filter((s) => this.valid(v, s)).length;
          if (n !== 1) fail(`matches ${n} of oneOf, not exactly one`);
          break;
        }
        case 'if':
          if (this.valid(v, arg as Schema)) {
            if ('then' in schema) this.walk(v, schema.then as Schema, at, out);
          } else if ('else' in schema) {
            this.walk(v, schema.else as Schema, at, out);
          }
          break;
        case 'then':
        case 'else':
          break;
        default:
          this.assertion(keyword, arg, v, schema, at, out, fail);
      }
    }
  }

  private assertion(
    keyword: string,
    arg: unknown,
    v: unknown,
    schema: Record<string, unknown>,
    at: string,
    out: SchemaProblem[],
    fail: (message: string) => void,
  ): void {
    const n = Number(arg);
    if (typeof v === 'string') {
      const length = [...v].length;
      if (keyword === 'minLength' && length < n) fail(`shorter than ${n}`);
      if (keyword === 'maxLength' && length > n) fail(`longer than ${n}`);
      if (keyword === 'pattern' && !this.regex(String(arg)).test(v)) fail(`does not match ${String(arg)}`);
    }
    if (typeof v === 'number') {
      if (keyword === 'minimum' && v < n) fail(`below ${n}`);
      if (keyword === 'maximum' && v > n) fail(`above ${n}`);
      if (keyword === 'exclusiveMinimum' && v <= n) fail(`not above ${n}`);
      if (keyword === 'exclusiveMaximum' && v >= n) fail(`not below ${n}`);
    }
    if (Array.isArray(v)) {
      if (keyword === 'minItems' && v.length < n) fail(`fewer than ${n} items`);
      if (keyword === 'maxItems' && v.length > n) fail(`more than ${n} items`);
      if (keyword === 'uniqueItems' && arg === true && new Set(v.map((i) => JSON.stringify(i))).size !== v.length) {
        fail('items are not unique');
      }
      if (keyword === 'items') v.forEach((item, i) => this.walk(item, arg as Schema, `${at}/${i}`, out));
    }
    if (isObject(v)) {
      const keys = Object.keys(v);
      const declared = isObject(schema.properties) ? schema.properties : {};
      if (keyword === 'minProperties' && keys.length < n) fail(`fewer than ${n} properties`);
      if (keyword === 'maxProperties' && keys.length > n) fail(`more than ${n} properties`);
      if (keyword === 'required') {
        for (const r of arg as string[]) if (!(r in v)) fail(`"${r}" is required`);
      }
      if (keyword === 'dependentRequired') {
        for (const [key, needs] of Object.entries(arg as Record<string, string[]>)) {
          if (key in v) for (const r of needs) if (!(r in v)) fail(`"${r}" is required with "${key}"`);
        }
      }
      if (keyword === 'properties') {
        for (const [key, s] of Object.entries(arg as Record<string, Schema>)) {
          if (key in v) this.walk(v[key], s, `${at}/${escape(key)}`, out);
        }
      }
      if (keyword === 'additionalProperties') {
        for (const key of keys) {
          if (!(key in declared)) this.walk(v[key], arg as Schema, `${at}/${escape(key)}`, out);
        }
      }
      if (keyword === 'propertyNames') {
        for (const key of keys) this.walk(key, arg as Schema, `${at}/${escape(key)}`, out);
      }
    }
  }
}
