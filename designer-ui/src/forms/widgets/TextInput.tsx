/** A single line or a text area, with the schema's examples as suggestions. */
import { useId, type JSX } from 'react';
import { placeholderOf, rowsFor, stringExamples } from '../display';
import { matchesPattern } from '../validate';
import type { Suggestion, WidgetProps } from './types';

/** Clearing a field whose default is a key but whose pattern allows "" keeps "" (an input's "no terminator"). */
function emptyIsAValue(props: WidgetProps): boolean {
  const { field } = props;
  return typeof field.default === 'string' && field.default !== '' && field.pattern !== undefined && matchesPattern(field.pattern, '');
}

export function TextInput(props: WidgetProps): JSX.Element {
  const { field, value, onChange, pointer, ctx, id, describedBy, suggestions = stringExamples(field) } = props;
  const listId = useId();
  const text = typeof value === 'string' ? value : '';
  const keepEmpty = emptyIsAValue(props);
  const change = (next: string): void => onChange(next === '' && !keepEmpty ? undefined : next);
  const placeholder = keepEmpty && value === '' ? 'none' : placeholderOf(field);
  if (field.multiline || field.kind === 'multiline') {
    return (
      <textarea
        id={id}
        className="pf-input pf-textarea"
        rows={rowsFor(text, (field.maxLength ?? 0) >= 4000 ? 3 : 2)}
        value={text}
        placeholder={placeholder}
        disabled={ctx.readOnly}
        aria-describedby={describedBy}
        data-field={pointer}
        onChange={(e) => change(e.target.value)}
      />
    );
  }
  return (
    <>
      <input
        id={id}
        type="text"
        className="pf-input"
        value={text}
        placeholder={placeholder}
        disabled={ctx.readOnly}
        aria-describedby={describedBy}
        data-field={pointer}
        list={suggestions.length > 0 ? listId : undefined}
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
      />
      {suggestions.length > 0 && (
        <Suggestions id={listId} values={suggestions} />
      )}
    </>
  );
}

/** A datalist of suggested values. */
export function Suggestions({ id, values }: { id: string; values: readonly Suggestion[] }): JSX.Element {
  return (
    <datalist id={id}>
      {values.map((s) =>
        typeof s === 'string' ? <option key={s} value={s} /> : <option key={s.value} value={s.value} label={s.label} />,
      )}
    </datalist>
  );
}
