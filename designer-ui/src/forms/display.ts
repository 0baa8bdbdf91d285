/** How values are shown in the forms: placeholders from defaults and examples, node names in pickers. */
import type { FormContext } from './context';
import type { FieldDescriptor } from './mapping';

/** What an empty input shows: the default it falls back to, else the schema's first example. */
export function placeholderOf(field: FieldDescriptor): string {
  if (field.default !== undefined && field.default !== null && typeof field.default !== 'object') {
    return field.default === '' ? 'none (default)' : `${String(field.default)} (default)`;
  }
  const example = field.examples?.find((e) => typeof e === 'string' || typeof e === 'number');
  return example === undefined ? '' : `e.g. ${String(example)}`;
}

/** A node as a picker lists it: its label and id, or the id alone. */
export function nodeName(node: FormContext['nodes'][number]): string {
  return node.label && node.label !== node.id ? `${node.label} (${node.id})` : node.id;
}

/** The string values of a descriptor's examples. */
export function stringExamples(field: FieldDescriptor): string[] {
  return (field.examples ?? []).filter((e): e is string => typeof e === 'string');
}

/** Rows for a text area: enough for the text (about 45 characters a line in the side panel), within bounds. */
export function rowsFor(text: string, min = 2, max = 8): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 45)), 0);
  return Math.max(min, Math.min(max, lines));
}
