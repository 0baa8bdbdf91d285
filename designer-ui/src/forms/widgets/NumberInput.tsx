/**
 * A number or an integer, with the schema's bounds. The text typed is kept while the field has the focus, so a
 * half-typed "0." is not rewritten; only whole numbers reach the settings, and clearing removes the key.
 */
import { useState, type JSX } from 'react';
import { placeholderOf } from '../display';
import { numberText, parseNumberText } from '../numberText';
import type { WidgetProps } from './types';

export function NumberInput({ field, value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  const [draft, setDraft] = useState<string | null>(null);
  const integer = field.kind === 'integer';
  const shown = draft ?? numberText(value);
  const notANumber = draft !== null && draft.trim() !== '' && parseNumberText(draft) === undefined;
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        className="pf-input pf-number"
        value={shown}
        placeholder={placeholderOf(field)}
        disabled={ctx.readOnly}
        aria-describedby={describedBy}
        aria-invalid={notANumber || undefined}
        data-field={pointer}
        autoComplete="off"
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === '') onChange(undefined);
          else {
            const n = parseNumberText(text);
            if (n !== undefined) onChange(n);
          }
        }}
        onBlur={() => setDraft(null)}
      />
      {field.min !== undefined || field.max !== undefined ? (
        <span className="pf-range" aria-hidden="true">
          {rangeText(field.min, field.max, field.exclusiveMin, field.exclusiveMax)}
        </span>
      ) : null}
      {notANumber && <span className="pf-hint pf-error">{integer ? 'Type a whole number.' : 'Type a number.'}</span>}
    </>
  );
}

function rangeText(min?: number, max?: number, exclusiveMin?: boolean, exclusiveMax?: boolean): string {
  const lo = min === undefined ? '' : `${exclusiveMin ? '>' : '≥'} ${min}`;
  const hi = max === undefined ? '' : `${exclusiveMax ? '<' : '≤'} ${max}`;
  return [lo, hi].filter(Boolean).join(', ');
}
