/**
 * From the flow schema to form fields: a pure mapping the forms render and the tests check. Each settings property
 * becomes a field descriptor of a closed set of kinds, chosen by the schema's x-widget hint, then by its shape
 * (enum, type, items, properties). Nested shapes (menu options, intents, prompt versions, calendars) are mapped the
 * same way, so a widget renders its parts with the schema's own titles, descriptions and limits.
 */
import type { NodeType, SymbolKind } from '../model/flow';
import { asSchema, deref, typesOf, type JsonSchema } from './jsonSchema';

export const FIELD_KINDS = [
  'text',
  'multiline',
  'number',
  'integer',
  'boolean',
  'enum',
  'prompt',
  'menuOptions',
  'intents',
  'calendar',
  'keyValue',
  'expression',
  'template',
  'variable',
  'nodeRef',
  'flowRef',
  'exitName',
  'localizedText',
  'symbol',
  'stringList',
  'object',
  'array',
  /** A schema the mapping cannot read (no type, no widget): edited as raw JSON. No settings field should get it. */
  'json',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** The x-widget hints that name a kind directly. */
const WIDGET_KINDS: ReadonlySet<string> = new Set<FieldKind>([
  'prompt',
  'menuOptions',
  'intents',
  'calendar',
  'keyValue',
  'expression',
  'template',
  'variable',
  'nodeRef',
  'flowRef',
  'localizedText',
]);

export const SYMBOL_KINDS: readonly SymbolKind[] = ['queue', 'gateway', 'prompt', 'calendar', 'profile', 'mailbox', 'conferenceProfile'];

/** An object's keys of which exactly one set (or, when optional, at most one) may be present. */
export interface Choice {
  branches: string[][];
  optional: boolean;
}

/** Another field's value that makes this one required (then) or not (else): `if {key: const}`. */
export interface FieldCondition {
  key: string;
  equals: unknown;
}

export interface FieldDescriptor {
  /** The property name within its object ("" for an item or a map value). */
  key: string;
  title: string;
  description?: string;
  kind: FieldKind;
  required: boolean;
  default?: unknown;
  enum?: unknown[];
  /** Values the schema excludes with `not: {enum}` (reserved exit names). */
  forbidden?: string[];
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** x-expected: the expected format in words. */
  expected?: string;
  examples?: unknown[];
  /** `type: [..., "null"]`: null is allowed (the form omits the key instead). */
  nullable?: boolean;
  symbolKind?: SymbolKind;
  /** Text long enough for a text area. */
  multiline?: boolean;
  /** Arrays: the item's descriptor. */
  item?: FieldDescriptor;
  /** Arrays of objects: the item's fields (the same as item.fields). */
  itemFields?: FieldDescriptor[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** Objects with fixed properties: their fields in schema order. */
  fields?: FieldDescriptor[];
  choice?: Choice;
  /** Maps (keyValue, localizedText, prompt): the key and the value. */
  keyField?: FieldDescriptor;
  valueField?: FieldDescriptor;
  minProperties?: number;
  maxProperties?: number;
  /** dependentRequired: this field only makes sense with these siblings present. */
  requires?: string[];
  requiredWhen?: FieldCondition;
  requiredUnless?: FieldCondition;
  /** The field's schema, $ref followed. */
  schema: JsonSchema;
}

/** An object's fields and the rules that tie them together. */
export interface ObjectShape {
  fields: FieldDescriptor[];
  choice?: Choice;
}

const MAX_DEPTH = 12;

/** "timeoutSeconds" → "Timeout seconds": the title of a property the schema leaves untitled. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : '';
}

function isSymbolKind(s: string): s is SymbolKind {
  return (SYMBOL_KINDS as readonly string[]).includes(s);
}

function kindOf(raw: JsonSchema, s: JsonSchema): { kind: FieldKind; symbolKind?: SymbolKind } {
  const widget = s['x-widget'];
  if (typeof widget === 'string') {
    if (widget.startsWith('symbol:')) {
      const sk = widget.slice('symbol:'.length);
      if (isSymbolKind(sk)) return { kind: 'symbol', symbolKind: sk };
    } else if (WIDGET_KINDS.has(widget)) {
      return { kind: widget as FieldKind };
    }
  }
  // Exit names are recognised by their definition: each one is an exit of the node that the form can wire.
  if (raw.$ref === '#/$defs/exitName') return { kind: 'exitName' };
  if (Array.isArray(s.enum)) return { kind: 'enum' };
  const types = typesOf(s).filter((t) => t !== 'null');
  const type = types.length === 1 ? types[0] : undefined;
  switch (type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'number' };
    case 'string':
      return { kind: s.pattern === undefined && (s.maxLength ?? 0) >= 1000 ? 'multiline' : 'text' };
    case 'array': {
      const items = asSchema(s.items);
      const itemTypes = items ? typesOf(items) : [];
      return { kind: itemTypes.includes('object') ? 'array' : items ? 'stringList' : 'json' };
    }
    case 'object':
      if (s.properties) return { kind: 'object' };
      if (asSchema(s.additionalProperties)) return { kind: 'keyValue' };
      return { kind: 'json' };
    default:
      return { kind: 'json' };
  }
}

function numberBounds(s: JsonSchema): Pick<FieldDescriptor, 'min' | 'max' | 'exclusiveMin' | 'exclusiveMax'> {
  const out: Pick<FieldDescriptor, 'min' | 'max' | 'exclusiveMin' | 'exclusiveMax'> = {};
  if (typeof s.exclusiveMinimum === 'number') {
    out.min = s.exclusiveMinimum;
    out.exclusiveMin = true;
  } else if (typeof s.minimum === 'number') {
    out.min = s.minimum;
  }
  if (typeof s.exclusiveMaximum === 'number') {
    out.max = s.exclusiveMaximum;
    out.exclusiveMax = true;
  } else if (typeof s.maximum === 'number') {
    out.max = s.maximum;
  }
  return out;
}

function forbiddenOf(s: JsonSchema): string[] | undefined {
  const not = asSchema(s.not);
  if (!not || !Array.isArray(not.enum)) return undefined;
  return not.enum.filter((v): v is string => typeof v === 'string');
}

/** The descriptor of one schema, as the property `key` of an object (required or not). */
export function fieldOf(key: string, raw: JsonSchema, root: JsonSchema, required = false, depth = 0): FieldDescriptor {
  const s = deref(raw, root);
  const { kind, symbolKind } = kindOf(raw, s);
  const d: FieldDescriptor = { key, title: typeof s.title === 'string' ? s.title : humanise(key), kind, required, schema: s };
  if (typeof s.description === 'string') d.description = s.description;
  if (s.default !== undefined) d.default = s.default;
  if (Array.isArray(s.enum)) d.enum = s.enum;
  const forbidden = forbiddenOf(s);
  if (forbidden) d.forbidden = forbidden;
  Object.assign(d, numberBounds(s));
  if (typeof s.minLength === 'number') d.minLength = s.minLength;
  if (typeof s.maxLength === 'number') d.maxLength = s.maxLength;
  if (typeof s.pattern === 'string') d.pattern = s.pattern;
  if (typeof s['x-expected'] === 'string') d.expected = s['x-expected'];
  if (Array.isArray(s.examples)) d.examples = s.examples;
  if (typesOf(s).includes('null')) d.nullable = true;
  if (symbolKind) d.symbolKind = symbolKind;
  if (kind === 'multiline') d.multiline = true;
  if (kind === 'template') d.multiline = d.pattern === undefined && (d.maxLength === undefined || d.maxLength > 2000);
  if (typeof s.minItems === 'number') d.minItems = s.minItems;
  if (typeof s.maxItems === 'number') d.maxItems = s.maxItems;
  if (s.uniqueItems === true) d.uniqueItems = true;
  if (typeof s.minProperties === 'number') d.minProperties = s.minProperties;
  if (typeof s.maxProperties === 'number') d.maxProperties = s.maxProperties;
  if (depth >= MAX_DEPTH) return d;

  const items = asSchema(s.items);
  if (items) {
    d.item = fieldOf('', items, root, true, depth + 1);
    if (d.item.fields) d.itemFields = d.item.fields;
  }
  if (s.properties) {
    const shape = describeObject(s, root, depth + 1);
    d.fields = shape.fields;
    if (shape.choice) d.choice = shape.choice;
  }
  const values = asSchema(s.additionalProperties);
  if (values) {
    d.keyField = fieldOf('', asSchema(s.propertyNames) ?? { type: 'string' }, root, true, depth + 1);
    if (!asSchema(s.propertyNames)?.title && !asSchema(s.propertyNames)?.$ref) d.keyField.title = 'Name';
    d.valueField = fieldOf('', values, root, true, depth + 1);
  }
  return d;
}

/** `if: {properties: {k: {const: v}}, required: [k]}`: the condition, when the `if` has that simple shape. */
function simpleCondition(ifSchema: JsonSchema | undefined): FieldCondition | undefined {
  if (!ifSchema?.properties) return undefined;
  const entries = Object.entries(ifSchema.properties);
  if (entries.length !== 1) return undefined;
  const [key, cond] = entries[0] ?? [];
  if (key === undefined || !cond || !('const' in cond)) return undefined;
  return { key, equals: cond.const };
}

function choiceOf(s: JsonSchema, keys: string[]): Choice | undefined {
  if (Array.isArray(s.oneOf) && s.oneOf.length > 0) {
    const branches = s.oneOf.map((b) => (asSchema(b)?.required ?? []).filter((k) => keys.includes(k)));
    if (branches.every((b) => b.length > 0)) return { branches, optional: false };
  }
  // "At most one of" written as maxProperties: 1 over the object's own properties.
  if (s.maxProperties === 1 && keys.length > 1) return { branches: keys.map((k) => [k]), optional: true };
  return undefined;
}

/** An object schema's fields in schema order, with its one-of choice, conditions and dependencies. */
export function describeObject(schema: JsonSchema, root: JsonSchema, depth = 0): ObjectShape {
  const s = deref(schema, root);
  const required = new Set(s.required ?? []);
  const props = s.properties ?? {};
  const keys = Object.keys(props);
  const fields = keys.map((key) => fieldOf(key, props[key] ?? {}, root, required.has(key), depth));
  const cond = simpleCondition(asSchema(s.if));
  if (cond) {
    for (const key of asSchema(s.then)?.required ?? []) {
      const f = fields.find((x) => x.key === key);
      if (f && !f.required) f.requiredWhen = cond;
    }
    for (const key of asSchema(s.else)?.required ?? []) {
      const f = fields.find((x) => x.key === key);
      if (f && !f.required) f.requiredUnless = cond;
    }
  }
  for (const [key, needs] of Object.entries(s.dependentRequired ?? {})) {
    const f = fields.find((x) => x.key === key);
    if (f && Array.isArray(needs)) f.requires = needs;
  }
  const choice = choiceOf(s, keys);
  return choice ? { fields, choice } : { fields };
}

/** The ordered field descriptors of a settings schema (or any object schema). */
export function fieldsOf(settingsSchema: JsonSchema, root: JsonSchema): FieldDescriptor[] {
  return describeObject(settingsSchema, root).fields;
}

function nodeBranches(root: JsonSchema): JsonSchema[] {
  const node = asSchema(root.$defs?.node);
  return (node?.allOf ?? []).filter((b): b is JsonSchema => asSchema(b) !== undefined);
}

/** The node types the schema knows, in its order. */
export function nodeTypesOf(root: JsonSchema): NodeType[] {
  const type = asSchema(asSchema(root.$defs?.node)?.properties?.type);
  return (type?.enum ?? []).filter((t): t is NodeType => typeof t === 'string');
}

/**
 * The settings schema of a node type ($ref followed): the `then` of the node's `if type = …` branch, else the
 * `<type>Settings` definition. Undefined for a type the schema does not know.
 */
export function settingsSchemaOf(type: NodeType | string, root: JsonSchema): JsonSchema | undefined {
  for (const branch of nodeBranches(root)) {
    if (simpleCondition(asSchema(branch.if))?.equals !== type) continue;
    const settings = asSchema(asSchema(branch.then)?.properties?.settings);
    if (settings) return deref(settings, root);
  }
  const def = asSchema(root.$defs?.[`${type}Settings`]);
  return def ? deref(def, root) : undefined;
}

/** The settings shape of a node type: its fields and choice. Empty for an unknown type. */
export function settingsShapeOf(type: NodeType | string, root: JsonSchema): ObjectShape {
  const schema = settingsSchemaOf(type, root);
  return schema ? describeObject(schema, root) : { fields: [] };
}

/** The branch title of a choice: its fields' titles joined ("From and To"). */
export function branchTitle(branch: string[], fields: FieldDescriptor[]): string {
  return branch.map((k) => fields.find((f) => f.key === k)?.title ?? humanise(k)).join(' and ');
}
