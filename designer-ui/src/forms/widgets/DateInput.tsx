/** A calendar date as YYYY-MM-DD, with the browser's date picker. */
import type { JSX } from 'react';
import { asString } from '../edit';
import type { WidgetProps } from './types';

export function DateInput({ value, onChange, pointer, ctx, id, describedBy }: WidgetProps): JSX.Element {
  return (
    <input
      id={id}
      type="date"
      className="pf-input pf-date"
      value={asString(value)}
      disabled={ctx.readOnly}
      aria-describedby={describedBy}
      data-field={pointer}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
