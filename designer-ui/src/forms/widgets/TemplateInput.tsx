/**
 * Text with {{expression}} placeholders: an input or a text area, and the flow's variables as chips (shown while the
 * field has the focus) that insert {{name}} at the caret.
 */
import type { JSX } from 'react';
import { placeholderOf, rowsFor } from '../display';
import { asString } from '../edit';
import { placeholder } from '../template';
import type { WidgetProps } from './types';
import { useCaretInsert } from './useCaretInsert';
import { VariableChips } from './VariableChips';

export function TemplateInput(props: WidgetProps & { multiline?: boolean; placeholderText?: string }): JSX.Element {
  const { field, value, onChange, pointer, ctx, id, describedBy } = props;
  const text = asString(value);
  const change = (next: string): void => onChange(next === '' ? undefined : next);
  const caret = useCaretInsert(text, change);
  const multiline = props.multiline ?? field.multiline ?? false;
  const common = {
    id,
    value: text,
    placeholder: props.placeholderText ?? placeholderOf(field),
    disabled: ctx.readOnly,
    'aria-describedby': describedBy,
    'data-field': pointer,
    spellCheck: true,
    ref: caret.ref,
    onFocus: caret.onFocus,
  };
  return (
    <div className="pf-template">
      {multiline ? (
        <textarea {...common} className="pf-input pf-textarea" rows={rowsFor(text, 3)} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" className="pf-input" autoComplete="off" onChange={(e) => change(e.target.value)} />
      )}
      <VariableChips variables={ctx.variables} format={placeholder} onInsert={caret.insert} disabled={ctx.readOnly} />
    </div>
  );
}
