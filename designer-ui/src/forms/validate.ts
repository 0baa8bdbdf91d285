/**
 * Inline hints for one field: required, type, pattern, length, bounds, reserved names, list and map sizes. The
 * messages use the schema's x-expected wording. They only help while typing: the server's validator stays the
 * authority and its issues are shown as they come.
 */
import { isBlank, isRecord, repeats } from './edit';
import type { FieldDescriptor } from './mapping';

const patterns = new Map<string, RegExp | null>();

function compiled(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      try {
        re = new RegExp(pattern);
      } catch {
        re = null;
      }
    }
    patterns.set(pattern, re);
  }
  return re;
}

/** True when the text matches the pattern (or the pattern cannot be compiled here: the server decides). */
export function matchesPattern(pattern: string, text: string): boolean {
  const re = compiled(pattern);
  return re === null || re.test(text);
}

/** Whether the field is required given its siblings (a goto's target is not once it returns to its parent). */
export function isRequired(field: FieldDescriptor, siblings: Record<string, unknown> = {}): boolean {
  if (field.required) return true;
  if (field.requiredWhen) return siblings[field.requiredWhen.key] === field.requiredWhen.equals;
  if (field.requiredUnless) return siblings[field.requiredUnless.key] !== field.requiredUnless.equals;
  return false;
}

const expectedSuffix = (f: FieldDescriptor): string => (f.expected ? ` Expected ${f.expected}.` : '');
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function textProblems(f: FieldDescriptor, v: string): string[] {
  const out: string[] = [];
  if (f.forbidden?.includes(v)) out.push(`"${v}" is reserved for one of the node's own exits; choose another name.`);
  if (f.enum && !f.enum.includes(v)) out.push(`Choose one of ${f.enum.map(String).join(', ')}.`);
  if (f.pattern !== undefined && !matchesPattern(f.pattern, v)) {
    out.push(f.expected ? `Expected ${f.expected}.` : `Does not have the expected form (${f.pattern}).`);
  }
  const length = [...v].length;
  if (f.minLength !== undefined && length < f.minLength) out.push(`At least ${plural(f.minLength, 'character')}.`);
  if (f.maxLength !== undefined && length > f.maxLength) {
    out.push(`At most ${plural(f.maxLength, 'character')} (now ${length}).`);
  }
  return out;
}

function numberProblems(f: FieldDescriptor, v: number): string[] {
  const out: string[] = [];
  if (!Number.isFinite(v)) return ['A number.'];
  if (f.kind === 'integer' && !Number.isInteger(v)) out.push('A whole number.');
  if (f.min !== undefined && (f.exclusiveMin ? v <= f.min : v < f.min)) {
    out.push(f.exclusiveMin ? `More than ${f.min}.` : `At least ${f.min}.`);
  }
  if (f.max !== undefined && (f.exclusiveMax ? v >= f.max : v > f.max)) {
    out.push(f.exclusiveMax ? `Less than ${f.max}.` : `At most ${f.max}.`);
  }
  return out;
}

function listProblems(f: FieldDescriptor, v: unknown[]): string[] {
  const out: string[] = [];
  if (f.minItems !== undefined && v.length < f.minItems) out.push(`At least ${plural(f.minItems, 'item')}.`);
  if (f.maxItems !== undefined && v.length > f.maxItems) out.push(`At most ${plural(f.maxItems, 'item')} (now ${v.length}).`);
  if (f.uniqueItems) {
    const texts = v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    for (const [i] of repeats(texts)) out.push(`"${texts[i] ?? ''}" is listed more than once.`);
  }
  return out;
}

function recordProblems(f: FieldDescriptor, v: Record<string, unknown>): string[] {
  const out: string[] = [];
  const n = Object.keys(v).length;
  if (f.minProperties !== undefined && n < f.minProperties) out.push(`At least ${plural(f.minProperties, 'entry', 'entries')}.`);
  if (f.maxProperties !== undefined && n > f.maxProperties && !f.choice) {
    out.push(`At most ${plural(f.maxProperties, 'entry', 'entries')} (now ${n}).`);
  }
  if (f.choice) {
    const present = f.choice.branches.filter((b) => b.some((k) => k in v));
    if (present.length > 1) out.push(`Only one of these may be given.${expectedSuffix(f)}`);
    else if (present.length === 0 && !f.choice.optional) out.push(`One of these is needed.${expectedSuffix(f)}`);
  }
  if (f.fields) {
    const missing = f.fields.filter((x) => isRequired(x, v) && isBlank(v[x.key])).map((x) => x.title);
    if (missing.length > 0 && !isBlank(v)) out.push(`Missing: ${missing.join(', ')}.`);
  }
  return out;
}

/**
 * The problems of one value for one field, as short sentences (empty when it looks right). `siblings` is the object
 * holding the field, for requirements that depend on another field. Lists and maps are checked as a whole: their
 * items have descriptors of their own (`item`, `valueField`) for the widgets to check one by one.
 */
export function validateField(field: FieldDescriptor, value: unknown, siblings?: Record<string, unknown>): string[] {
  if (isBlank(value)) return isRequired(field, siblings) ? [`Required.${expectedSuffix(field)}`] : [];
  switch (field.kind) {
    case 'number':
    case 'integer':
      return typeof value === 'number' ? numberProblems(field, value) : ['A number.'];
    case 'boolean':
      return typeof value === 'boolean' ? [] : ['On or off.'];
    case 'stringList':
    case 'array':
    case 'menuOptions':
    case 'intents':
      return Array.isArray(value) ? listProblems(field, value) : ['A list.'];
    case 'prompt':
    case 'keyValue':
    case 'localizedText':
    case 'calendar':
    case 'object':
      return isRecord(value) ? recordProblems(field, value) : ['An object.'];
    case 'json':
      return [];
    case 'enum':
      return field.enum?.includes(value) ? [] : [`Choose one of ${(field.enum ?? []).map(String).join(', ')}.`];
    default:
      return typeof value === 'string' ? textProblems(field, value) : ['Text.'];
  }
}

/**
 * The problems of a whole object against its fields, by JSON Pointer (relative to `pointer`): each field, then the
 * fields of nested objects, list items and map entries. What the form would show, all at once.
 */
export function objectProblems(fields: readonly FieldDescriptor[], value: Record<string, unknown>, pointer = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  collect(fields, value, pointer, out);
  return out;
}

const segment = (key: string | number): string => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

function collect(fields: readonly FieldDescriptor[], value: Record<string, unknown>, pointer: string, out: Record<string, string[]>): void {
  const note = (p: string, msgs: string[]): void => {
    if (msgs.length > 0) (out[p] ??= []).push(...msgs);
  };
  const visit = (field: FieldDescriptor, v: unknown, p: string, siblings: Record<string, unknown>): void => {
    note(p, validateField(field, v, siblings));
    if (field.fields && isRecord(v)) collect(field.fields, v, p, out);
    if (field.item && Array.isArray(v)) {
      const item = field.item;
      v.forEach((x, i) => visit(item, x, `${p}/${i}`, {}));
    }
    if (field.valueField && isRecord(v)) {
      for (const [k, x] of Object.entries(v)) {
        const at = `${p}/${segment(k)}`;
        if (field.keyField) note(at, validateField(field.keyField, k).map((m) => `Name "${k}": ${m}`));
        visit(field.valueField, x, at, v);
      }
    }
  };
  for (const field of fields) visit(field, value[field.key], `${pointer}/${segment(field.key)}`, value);
}
