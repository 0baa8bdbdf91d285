/** What every widget receives from the field editor. */
import type { FormContext } from '../context';
import type { Json } from '../edit';
import type { Hints } from '../listHints';
import type { FieldDescriptor } from '../mapping';

export interface WidgetProps {
  field: FieldDescriptor;
  value: unknown;
  /** Called with the new value; undefined (or a blank value) removes an optional key. */
  onChange: (next: unknown) => void;
  /** The JSON Pointer of the value within the settings ("/options/0/digits"), for data-field. */
  pointer: string;
  ctx: FormContext;
  /** The id of the widget's main control, which the label points at. */
  id: string;
  /** The ids of the description and hints, for aria-describedby. */
  describedBy?: string;
  /** The object holding the value. */
  siblings: Json;
  /** Hints across list items, by pointer, for nested fields. */
  hints?: Hints;
  /** Values to suggest (a datalist), in place of the schema's examples. */
  suggestions?: readonly Suggestion[];
}

/** A suggested value, with the words shown beside it when they differ ("FR", "France"). */
export type Suggestion = string | { value: string; label: string };

/** How a list of strings is edited: chips (short phrases, keys) or one item a line (sentences). */
export type ListMode = 'chips' | 'lines';
