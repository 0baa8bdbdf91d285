/**
 * Objects whose keys come in alternatives (the schema's oneOf of `required` sets, or maxProperties 1): a prompt
 * version is a file, TTS text, a tone or a prompt name; a calendar is written here or shared; an exception is one
 * date or a span. Switching alternative keeps what the user typed when it fits the new field.
 */
import { isBlank, omitKeys, type Json } from './edit';
import type { Choice, FieldDescriptor, ObjectShape } from './mapping';
import { validateField } from './validate';

/** The index of the branch whose keys the value holds (the first one), or -1 when none is present. */
export function activeBranch(value: Json, choice: Choice): number {
  return choice.branches.findIndex((b) => b.some((k) => k in value));
}

const TEXT_KINDS: ReadonlySet<string> = new Set(['text', 'multiline', 'template', 'expression', 'symbol', 'variable', 'nodeRef', 'flowRef']);

/** A field whose requirements (dependentRequired) the value no longer meets. */
function orphaned(field: FieldDescriptor, value: Json): boolean {
  return field.requires !== undefined && !field.requires.every((k) => k in value);
}

/**
 * The value switched to branch `to` (-1: none): the other branches' keys removed, with them the fields that needed
 * them (a TTS voice), and the text of the old branch carried into the new branch's text fields when it is valid
 * there (TTS text becomes a file path, a date becomes a span from that date to that date).
 */
export function switchBranch(value: Json, shape: ObjectShape, to: number): Json {
  const choice = shape.choice;
  if (!choice) return value;
  const from = activeBranch(value, choice);
  if (from === to) return value;
  const target = to >= 0 ? (choice.branches[to] ?? []) : [];
  const others = choice.branches.flat().filter((k) => !target.includes(k));
  const carried = (choice.branches[from] ?? []).map((k) => value[k]).find((v) => typeof v === 'string' && v !== '');
  let out = omitKeys(value, others);
  if (typeof carried === 'string') {
    for (const key of target) {
      const field = shape.fields.find((f) => f.key === key);
      if (!field || !TEXT_KINDS.has(field.kind) || !isBlank(out[key])) continue;
      if (validateField(field, carried).length === 0) out = { ...out, [key]: carried };
    }
  }
  const dropped = shape.fields.filter((f) => f.key in out && orphaned(f, out)).map((f) => f.key);
  return omitKeys(out, dropped);
}

/** Whether a field is shown: not in an inactive branch, and with what it depends on present (or a value itself). */
export function isFieldShown(field: FieldDescriptor, value: Json, choice: Choice | undefined, branch: number): boolean {
  if (choice) {
    const at = choice.branches.findIndex((b) => b.includes(field.key));
    if (at >= 0 && at !== branch) return false;
  }
  if (field.key in value) return true;
  return !field.requires || field.requires.every((k) => k in value);
}
