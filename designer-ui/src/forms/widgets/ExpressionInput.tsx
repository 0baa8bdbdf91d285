/** An expression (CEL) over the call and the flow's variables: monospace, no spelling check, variable chips. */
import type { JSX } from 'react';
import { placeholderOf } from '../display';
import { asString } from '../edit';
import type { WidgetProps } from './types';
import { useCaretInsert } from './useCaretInsert';
import { VariableChips } from './VariableChips';

export function ExpressionInput({ field, value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  const text = asString(value);
  const change = (next: string): void => onChange(next === '' ? undefined : next);
  const caret = useCaretInsert(text, change);
  return (
    <div className="pf-template">
      <input
        ref={caret.ref}
        onFocus={caret.onFocus}
        id={id}
        type="text"
        className="pf-input pf-code"
        value={text}
        placeholder={placeholderOf(field)}
        disabled={ctx.readOnly}
        aria-describedby={describedBy}
        data-field={pointer}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
      />
      <VariableChips variables={ctx.variables} format={(n) => n} onInsert={caret.insert} disabled={ctx.readOnly} />
    </div>
  );
}
